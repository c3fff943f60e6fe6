//! Reports from the corpus to try with one click (embedded: no request).

pub struct Sample {
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub text: &'static str,
}

pub const SAMPLES: &[Sample] = &[
    Sample {
        name_zh: "洪泽区 2023（表四合计错误）",
        name_en: "Hongze 2023 (table 4 totals wrong)",
        text: include_str!("../../tests/corpus/real/hongze_2023_layout.txt"),
    },
    Sample {
        name_zh: "某建设局 2023（Word 粘贴，缺部分与行）",
        name_en: "A bureau, 2023 (from Word, missing section and rows)",
        text: include_str!("../../tests/corpus/seeds/001_790cad3f7e066faa.txt"),
    },
];
