//! Time per real PDF natively: extraction (lopdf + content interpreter), the
//! geometry → text stage, and the whole check.
use criterion::{criterion_group, criterion_main, Criterion};

fn pdfs(c: &mut Criterion) {
    for name in ["hongze_qu_2023", "hongze_qu_2024", "huaian_shi_2024"] {
        let path = format!("{}/tests/corpus/real/pdf/{name}.pdf", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).expect("the real PDFs are in the repository");
        c.bench_function(&format!("extract {name}"), |b| {
            b.iter(|| nianbao_pdf::extract(&bytes, &nianbao_pdf::Limits::default()).expect("reads"))
        });
        c.bench_function(&format!("pdf → findings {name}"), |b| {
            b.iter(|| nianbao::check_layout(nianbao::input::read_pdf(&bytes).expect("reads"), None))
        });
    }
}

criterion_group!(benches, pdfs);
criterion_main!(benches);
