//! Positioned text runs from a PDF file: the page, where each piece of text
//! starts, its baseline, width and size. Parsing, decompression and decryption
//! are lopdf's; interpreting the content streams and the fonts (widths,
//! ToUnicode and predefined CMaps) is ours, because tables are read from where
//! the numbers sit, not from the order a producer wrote them in.

mod content;
mod font;

use std::fmt;

/// One piece of text set on one baseline by one font, in PDF points with the
/// origin at the top-left corner of its page (y grows downwards).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// 1-based page number.
    pub page: u32,
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
    /// Set in a vertical writing mode or rotated by about 90°.
    pub vertical: bool,
}

/// A page's visible area (its CropBox, else its MediaBox), in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageBox {
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Default)]
pub struct Extracted {
    pub pages: Vec<PageBox>,
    pub runs: Vec<Run>,
    /// Glyphs whose font gives no way to know their characters (an
    /// Identity-H font without a ToUnicode map, for one).
    pub unmapped_glyphs: usize,
}

/// Bounds that keep a hostile file cheap: reports are a few dozen pages.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_bytes: usize,
    /// Indirect objects, counted by their `obj` keywords before parsing and
    /// again after (object streams hold more).
    pub max_objects: usize,
    pub max_pages: usize,
    /// Inflated size of any one stream.
    pub max_stream_bytes: usize,
    /// Content-stream operators over the whole document.
    pub max_operators: usize,
    pub max_runs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 32 << 20,
            max_objects: 500_000,
            max_pages: 300,
            max_stream_bytes: 16 << 20,
            max_operators: 4_000_000,
            max_runs: 1_000_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The file opens only with a password.
    PasswordRequired,
    /// Pages without any text: a scan.
    NoText,
    /// Text whose characters cannot be known (fonts without a Unicode map).
    Unmappable,
    TooLarge(String),
    Damaged(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            PdfError::PasswordRequired => write!(f, "the PDF is protected by a password"),
            PdfError::NoText => write!(f, "the PDF is a scan with no text layer"),
            PdfError::Unmappable => write!(f, "the PDF's fonts do not say which characters they draw"),
            PdfError::TooLarge(why) => write!(f, "the PDF is too large to be a report: {why}"),
            PdfError::Damaged(why) => write!(f, "the PDF is damaged: {why}"),
        }
    }
}

/// True when the bytes start like a PDF file (the header may follow junk).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    // A `%` first (rare in a report's text), then the rest: comparing five
    // bytes at every offset was half a percent of a batch's instructions.
    let head = &bytes[..bytes.len().min(1024)];
    head.iter().enumerate().any(|(i, &b)| b == b'%' && head[i..].starts_with(b"%PDF-"))
}

/// Reads every page's text runs.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, PdfError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(PdfError::TooLarge(format!("{} MB, more than {} MB", bytes.len() >> 20, limits.max_file_bytes >> 20)));
    }
    let objects = bytes.windows(4).filter(|w| w == b" obj").count();
    if objects > limits.max_objects {
        return Err(PdfError::TooLarge(format!("{objects} objects, more than {}", limits.max_objects)));
    }
    let options = lopdf::LoadOptions { max_decompressed_size: Some(limits.max_stream_bytes), ..Default::default() };
    let doc = match lopdf::Document::load_mem_with_options(bytes, options) {
        Ok(d) => d,
        Err(lopdf::Error::InvalidPassword) => return Err(PdfError::PasswordRequired),
        Err(lopdf::Error::Decryption(e)) => return Err(PdfError::Damaged(format!("cannot decrypt: {e}"))),
        Err(e) => return Err(PdfError::Damaged(e.to_string())),
    };
    if doc.objects.len() > limits.max_objects {
        return Err(PdfError::TooLarge(format!("{} objects, more than {}", doc.objects.len(), limits.max_objects)));
    }
    // lopdf tries the empty user password itself; a document it could not
    // decrypt that way stays encrypted, with nothing readable.
    if doc.trailer.has(b"Encrypt") && !doc.was_encrypted() {
        return Err(PdfError::PasswordRequired);
    }
    let pages = doc.get_pages();
    if pages.len() > limits.max_pages {
        return Err(PdfError::TooLarge(format!("{} pages, more than {}", pages.len(), limits.max_pages)));
    }
    if pages.is_empty() {
        return Err(PdfError::Damaged("no pages".into()));
    }
    let mut out = Extracted::default();
    let mut budget = content::Budget { operators: limits.max_operators, runs: limits.max_runs };
    let mut fonts = font::Cache::default();
    for (n, (_, &page_id)) in pages.iter().enumerate() {
        let page = content::read_page(&doc, page_id, n as u32 + 1, limits, &mut budget, &mut fonts, &mut out)?;
        out.pages.push(page);
    }
    if out.runs.iter().all(|r| r.text.trim().is_empty()) {
        return Err(if out.unmapped_glyphs > 0 { PdfError::Unmappable } else { PdfError::NoText });
    }
    Ok(out)
}
