//! Time per corpus file: `cargo run --release --example perfile`.
#[path = "common/corpus.rs"]
mod corpus;

fn main() {
    for (name, t) in corpus::reports() {
        let n = 300;
        let start = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(nianbao::check(&t));
        }
        let per = start.elapsed().as_secs_f64() / n as f64;
        println!("{:>8.1} µs {:>6.1} MB/s  {name}", per * 1e6, t.len() as f64 / per / 1e6);
    }
}
