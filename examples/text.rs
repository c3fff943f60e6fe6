//! Prints the text the checker reads from a file (after .docx/.odt/.rtf/.html
//! conversion and decoding): `cargo run --example text -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: text FILE");
    match nianbao::input::read_file(std::path::Path::new(&path)) {
        Ok(t) => print!("{t}"),
        Err(e) => eprintln!("{path}: {e}"),
    }
}
