//! Reports from the corpus to try with one click. Their text is not in the
//! wasm: `index.html` has Trunk copy them to `samples/`, fetched when chosen.

pub struct Sample {
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Under the site's `samples/`.
    pub file: &'static str,
}

pub const SAMPLES: &[Sample] = &[
    Sample {
        name_zh: "洪泽区 2023（表四合计错误）",
        name_en: "Hongze 2023 (table 4 totals wrong)",
        file: "samples/hongze_2023_layout.txt",
    },
    Sample {
        name_zh: "某建设局 2023（Word 粘贴，缺部分与行）",
        name_en: "A bureau, 2023 (from Word, missing section and rows)",
        file: "samples/001_790cad3f7e066faa.txt",
    },
];
