//! Time per corpus file: `cargo run --release --example perfile`.
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for dir in ["seeds", "real"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let t = std::fs::read_to_string(&f).unwrap();
            let n = 300;
            let start = std::time::Instant::now();
            for _ in 0..n {
                std::hint::black_box(nianbao::check(&t));
            }
            let per = start.elapsed().as_secs_f64() / n as f64;
            println!("{:>8.1} µs {:>6.1} MB/s  {}", per * 1e6, t.len() as f64 / per / 1e6, f.file_name().unwrap().to_string_lossy());
        }
    }
}
