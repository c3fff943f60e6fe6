//! Checks one file many times, for profilers.
fn main() {
    let f = std::env::args().nth(1).expect("file");
    let t = std::fs::read_to_string(f).unwrap();
    for _ in 0..20 {
        std::hint::black_box(nianbao::check(&t));
    }
}
