//! Runs the checker over the corpus many times, for profilers:
//! `cargo build --release --example profile && valgrind --tool=callgrind target/release/examples/profile`
#[path = "common/corpus.rs"]
mod corpus;

fn main() {
    let texts: Vec<String> = corpus::reports().into_iter().map(|(_, t)| t).collect();
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut d = 0;
    for _ in 0..n {
        for t in &texts {
            d += nianbao::check(t).diagnostics.len();
        }
    }
    println!("{d}");
}
