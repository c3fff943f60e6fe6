//! Hostile and careless inputs, made to any size.
//!
//! `cargo run --release --example adversarial` checks every shape at 1 MB in
//! process and prints the time; `adversarial write SHAPE BYTES FILE` writes one
//! shape to a file; `adversarial BYTES SHAPE` checks one shape (what `scripts/bench-hostile.sh` times through the CLI,
//! with peak memory); `adversarial list` names the shapes.
#[path = "common/shapes.rs"]
mod shapes;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("list") => {
            for s in shapes::SHAPES {
                println!("{}", s.name);
            }
        }
        Some("write") => {
            let (Some(name), Some(bytes), Some(path)) = (args.get(1), args.get(2).and_then(|b| b.parse().ok()), args.get(3)) else {
                eprintln!("usage: adversarial write SHAPE BYTES FILE");
                std::process::exit(2);
            };
            let Some(shape) = shapes::SHAPES.iter().find(|s| s.name == name) else {
                eprintln!("unknown shape {name}; `adversarial list` names them");
                std::process::exit(2);
            };
            std::fs::write(path, (shape.make)(bytes)).expect("write the file");
        }
        _ => {
            // `adversarial [BYTES] [SHAPE]`
            let bytes: usize = args.first().and_then(|b| b.parse().ok()).unwrap_or(1 << 20);
            let only = args.get(1);
            for s in shapes::SHAPES.iter().filter(|s| s.text && only.is_none_or(|o| o == s.name)) {
                let data = (s.make)(bytes);
                let text = String::from_utf8_lossy(&data);
                let t = std::time::Instant::now();
                let out = nianbao::check(&text);
                let check = t.elapsed().as_secs_f64() * 1e3;
                let t = std::time::Instant::now();
                let diags: Vec<&nianbao::Diagnostic> = out.diagnostics.iter().collect();
                let shown = nianbao::render::report(&out, "x.txt", &diags, nianbao::render::Style { color: false, english: false });
                println!(
                    "{:>22}: {:>6} KB: check {check:>8.1} ms, render {:>7.1} ms ({} KB), {} findings",
                    s.name,
                    text.len() / 1024,
                    t.elapsed().as_secs_f64() * 1e3,
                    shown.len() / 1024,
                    out.diagnostics.len()
                );
            }
        }
    }
}
