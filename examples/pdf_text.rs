//! Prints the text nianbao reads from a PDF's geometry (what the web app shows
//! in its editor), and what it dropped as page chrome.
//!
//!     cargo run --example pdf_text -- report.pdf
fn main() {
    for path in std::env::args().skip(1) {
        match nianbao::input::read_document(std::path::Path::new(&path)) {
            Ok(nianbao::input::Document::Pdf(l)) => {
                print!("{}", l.text);
                for (page, text) in &l.dropped {
                    eprintln!("{path}: dropped on page {page}: {text}");
                }
            }
            Ok(nianbao::input::Document::Text(t)) => print!("{}", t.text),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
