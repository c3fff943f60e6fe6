//! Throughput of parse + rules over the corpus: `cargo bench --bench check`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "../examples/common/corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let texts: Vec<String> = corpus::reports().into_iter().map(|(_, t)| t).collect();
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
