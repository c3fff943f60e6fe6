//! Reports from the corpus to try with one click. Their text is not in the
//! wasm: `index.html` has Trunk copy them to `samples/`, fetched when chosen.

use nianbao::messages::{ui, Ui};

pub struct Sample {
    /// Its name in the interface's catalogue.
    pub name: Ui,
    /// Under the site's `samples/`.
    pub file: &'static str,
}

pub const SAMPLES: &[Sample] = &[
    Sample { name: ui::SAMPLE_HONGZE, file: "samples/hongze_2023_layout.txt" },
    Sample { name: ui::SAMPLE_BUREAU, file: "samples/001_790cad3f7e066faa.txt" },
];
