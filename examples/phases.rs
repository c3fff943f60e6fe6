//! Time of each phase over the corpus: `cargo run --release --example phases`.
use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;
fn main() {
    let texts: Vec<String> = corpus::reports().into_iter().map(|(_, t)| t).collect();
    let n = 300;
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let time = |name: &str, f: &dyn Fn(&str)| {
        let t = Instant::now();
        for _ in 0..n {
            for x in &texts {
                f(x);
            }
        }
        let per = t.elapsed().as_secs_f64() / n as f64;
        println!("{name:>10}: {:>7.1} µs for the corpus, {:>6.1} MB/s", per * 1e6, bytes as f64 / per / 1e6);
    };
    time("source", &|x| drop(std::hint::black_box(nianbao::Source::new(x))));
    time("lex", &|x| drop(std::hint::black_box(nianbao::lex::lex(&nianbao::Source::new(x)))));
    time("compact", &|x| drop(std::hint::black_box(nianbao::compact::Compact::new(x, 0))));
    time("parse", &|x| drop(std::hint::black_box(nianbao::parse::parse(&nianbao::Source::new(x)))));
    time("check", &|x| drop(std::hint::black_box(nianbao::check(x))));
}
