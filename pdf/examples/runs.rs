//! Prints the positioned runs of PDF files: `cargo run -p nianbao-pdf --example runs -- a.pdf`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let t = std::time::Instant::now();
        match nianbao_pdf::extract(&bytes, &nianbao_pdf::Limits::default()) {
            Ok(x) => {
                eprintln!("{path}: {} pages, {} runs, {} unmapped, {:?}", x.pages.len(), x.runs.len(), x.unmapped_glyphs, t.elapsed());
                for r in &x.runs {
                    println!(
                        "{}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{}{}",
                        r.page,
                        r.x,
                        r.y,
                        r.width,
                        r.size,
                        if r.vertical { "V " } else { "" },
                        r.text
                    );
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
