//! Throughput of parse + rules over the corpus: `cargo bench --bench check`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut texts = Vec::new();
    for dir in ["seeds", "real"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(dir)).expect("corpus dir").flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&p).expect("corpus file"));
            }
        }
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("check", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(nianbao::check(t));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for t in &texts {
                let src = nianbao::Source::new(t);
                std::hint::black_box(nianbao::parse::parse(&src).report);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
