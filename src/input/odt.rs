//! .odt: an OpenDocument ZIP archive whose content.xml holds the text. The
//! archive is read as for .docx; the XML gives the same shape of text.

/// The content part of an OpenDocument file.
pub const CONTENT: &str = "content.xml";

pub fn text(bytes: &[u8]) -> Result<String, String> {
    let xml = super::docx::inflate(bytes, CONTENT)?;
    Ok(super::markup::odf_to_text(&xml))
}

/// Is this ZIP archive an OpenDocument rather than a Word document?
pub fn is_odf(zip: &[u8]) -> bool {
    super::docx::locate(zip, super::docx::DOCUMENT).is_err() && super::docx::locate(zip, CONTENT).is_ok()
}
