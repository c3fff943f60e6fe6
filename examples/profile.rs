//! Runs the checker over the corpus many times, for profilers:
//! `cargo build --release --example profile && valgrind --tool=callgrind target/release/examples/profile`
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut texts = Vec::new();
    for dir in ["seeds", "real"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut d = 0;
    for _ in 0..n {
        for t in &texts {
            d += nianbao::check(t).diagnostics.len();
        }
    }
    println!("{d}");
}
