//! .docx: a ZIP archive whose word/document.xml holds the text, read through
//! the shared archive reader (src/input/zip.rs) and its limits.

/// The document part of a .docx.
pub const DOCUMENT: &str = "word/document.xml";

#[cfg(feature = "cli")]
pub use super::zip::inflate;
pub use super::zip::{locate, Entry};

#[cfg(feature = "cli")]
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let xml = super::zip::inflate(bytes, DOCUMENT)?;
    Ok(super::markup::word_to_text(&xml))
}
