//! Files as people have them, turned into the text the parser reads: UTF-8
//! (with or without BOM), UTF-16, GB18030/GBK, .docx and .html. This is the
//! native side; the browser uses TextDecoder, DecompressionStream and the DOM.

pub mod docx;
#[cfg(feature = "cli")]
mod encoding;
pub mod markup;
pub mod zip;

#[cfg(feature = "cli")]
pub use encoding::{decode, decode_owned, Decoded};

use std::fmt;

/// Reports are a few dozen kilobytes; anything this large is not one.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug)]
pub enum InputError {
    Io(std::io::Error),
    Empty,
    TooLarge(u64),
    Binary,
    Docx(String),
    /// A FIFO, a device, a socket: reading one could block or never end.
    NotAFile(&'static str),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "cannot read: {e}"),
            InputError::Empty => write!(f, "the file is empty"),
            InputError::TooLarge(n) => {
                write!(f, "the file is {:.0} MB, more than the {} MB a report can be", *n as f64 / 1048576.0, MAX_BYTES / 1048576)
            }
            InputError::Binary => write!(f, "the file is binary data, not a text, .docx or .html report"),
            InputError::Docx(why) => write!(f, "not a readable .docx: {why}"),
            InputError::NotAFile(kind) => write!(f, "not a regular file ({kind}), not read"),
        }
    }
}

/// Reads a report file of any supported kind into text.
#[cfg(feature = "cli")]
pub fn read_file(path: &std::path::Path) -> Result<String, InputError> {
    read_input(path).map(|d| d.text)
}

/// What a file's bytes are, before they are opened: only regular files are
/// read (opening a FIFO blocks until a writer comes; a device never ends).
#[cfg(feature = "cli")]
fn kind(meta: &std::fs::Metadata) -> Result<(), InputError> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() {
        Ok(())
    } else if t.is_dir() {
        Err(InputError::NotAFile("a directory"))
    } else if t.is_fifo() {
        Err(InputError::NotAFile("a FIFO"))
    } else if t.is_socket() {
        Err(InputError::NotAFile("a socket"))
    } else if t.is_char_device() || t.is_block_device() {
        Err(InputError::NotAFile("a device"))
    } else {
        Err(InputError::NotAFile("not a file"))
    }
}

/// Reads a report file of any supported kind into text, with what decoding
/// had to repair (for the I001 findings). At most `MAX_BYTES` + 1 bytes are
/// read, whatever the file claims to be.
#[cfg(feature = "cli")]
pub fn read_input(path: &std::path::Path) -> Result<Decoded, InputError> {
    use std::io::Read;
    kind(&std::fs::metadata(path).map_err(InputError::Io)?)?;
    let file = std::fs::File::open(path).map_err(InputError::Io)?;
    // The file opened may not be the one looked at (it can be replaced in between).
    let meta = file.metadata().map_err(InputError::Io)?;
    kind(&meta)?;
    if meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(meta.len() as usize + 1).map_err(|_| InputError::TooLarge(meta.len()))?;
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(InputError::Io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge(bytes.len() as u64));
    }
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
    let decoded = if ext == "docx" || bytes.starts_with(b"PK\x03\x04") {
        Decoded::plain(docx::text(&bytes).map_err(InputError::Docx)?)
    } else {
        let mut d = decode_owned(bytes)?;
        if ext == "html" || ext == "htm" || looks_like_html(&d.text) {
            // Positions of repairs refer to the markup, not the text drawn from it: say it once, at the top.
            let repaired = d.notes.first().map(|n| n.message.clone());
            d = Decoded::plain(markup::html_to_text(&d.text));
            if let Some(m) = repaired {
                d.notes.push(crate::diagnostic::InputNote { span: crate::source::Span::default(), message: m });
            }
        }
        d
    };
    if decoded.text.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge(decoded.text.len() as u64));
    }
    if decoded.text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(decoded)
}

#[cfg(feature = "cli")]
fn looks_like_html(t: &str) -> bool {
    let head: String = t.chars().take(512).collect::<String>().to_ascii_lowercase();
    head.trim_start().starts_with("<!doctype html") || head.contains("<html")
}
