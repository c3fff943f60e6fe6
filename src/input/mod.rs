//! Files as people have them, turned into the text the parser reads: UTF-8
//! (with or without BOM), UTF-16, GB18030/GBK, .docx and .html. This is the
//! native side; the browser uses TextDecoder, DecompressionStream and the DOM.

pub mod docx;
#[cfg(feature = "cli")]
mod encoding;
pub mod layout;
pub mod markup;

#[cfg(feature = "cli")]
pub use encoding::decode;

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
    Pdf(PdfProblem),
}

/// Why a PDF gives no text, each said in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfProblem {
    Password,
    Scan,
    Unmappable,
    TooLarge(String),
    Damaged(String),
}

impl fmt::Display for PdfProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            PdfProblem::Password => write!(f, "此 PDF 设有打开密码，无法读取；请提供未加密的文件。(The PDF needs a password to open: provide an unprotected copy.)"),
            PdfProblem::Scan => write!(f, "这是扫描件，没有文字层；请使用有文字的 PDF 或先做文字识别。(This is a scan with no text layer: use a PDF with text, or run text recognition first.)"),
            PdfProblem::Unmappable => write!(f, "此 PDF 的字体没有说明所绘文字，无法提取文本；请从原文档重新导出 PDF。(The PDF's fonts do not say which characters they draw: export the PDF again from the original document.)"),
            PdfProblem::TooLarge(why) => write!(f, "此 PDF 超出年度报告的合理规模，未读取（{why}）。(The PDF is too large to be a report: {why}.)"),
            PdfProblem::Damaged(why) => write!(f, "此 PDF 已损坏，无法读取（{why}）。(The PDF is damaged: {why}.)"),
        }
    }
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
            InputError::Pdf(p) => write!(f, "{p}"),
        }
    }
}

/// A report as read: text, or the text and geometry of a PDF.
pub enum Document {
    Text(String),
    Pdf(layout::Layout),
}

impl Document {
    pub fn text(&self) -> &str {
        match self {
            Document::Text(t) => t,
            Document::Pdf(l) => &l.text,
        }
    }
}

/// Reads a report file of any supported kind into text.
#[cfg(feature = "cli")]
pub fn read_file(path: &std::path::Path) -> Result<String, InputError> {
    Ok(match read_document(path)? {
        Document::Text(t) => t,
        Document::Pdf(l) => l.text,
    })
}

/// Reads a PDF's runs and builds its text from their geometry.
#[cfg(feature = "cli")]
pub fn read_pdf(bytes: &[u8]) -> Result<layout::Layout, InputError> {
    use nianbao_pdf::PdfError;
    // The extractor should never panic; should a file find a way, it is one
    // unreadable file, not a stopped batch.
    let got = std::panic::catch_unwind(|| nianbao_pdf::extract(bytes, &nianbao_pdf::Limits::default()))
        .unwrap_or_else(|_| Err(PdfError::Damaged("the reader failed on it".into())));
    let x = got.map_err(|e| {
        InputError::Pdf(match e {
            PdfError::PasswordRequired => PdfProblem::Password,
            PdfError::NoText => PdfProblem::Scan,
            PdfError::Unmappable => PdfProblem::Unmappable,
            PdfError::TooLarge(w) => PdfProblem::TooLarge(w),
            PdfError::Damaged(w) => PdfProblem::Damaged(w),
        })
    })?;
    Ok(layout_of(&x))
}

#[cfg(feature = "cli")]
fn layout_of(x: &nianbao_pdf::Extracted) -> layout::Layout {
    let pages: Vec<layout::PageSize> = x.pages.iter().map(|p| layout::PageSize { width: p.width, height: p.height }).collect();
    let runs: Vec<layout::Run> = x
        .runs
        .iter()
        .map(|r| layout::Run { page: r.page, x: r.x, y: r.y, width: r.width, size: r.size, text: r.text.clone(), vertical: r.vertical })
        .collect();
    layout::layout(&pages, &runs)
}

/// Reads a report file of any supported kind.
#[cfg(feature = "cli")]
pub fn read_document(path: &std::path::Path) -> Result<Document, InputError> {
    let meta = std::fs::metadata(path).map_err(InputError::Io)?;
    if meta.is_dir() {
        return Err(InputError::Io(std::io::Error::other("is a directory")));
    }
    if meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(InputError::Io)?;
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
    if ext == "pdf" || nianbao_pdf::looks_like_pdf(&bytes) {
        return read_pdf(&bytes).map(Document::Pdf);
    }
    let text = if ext == "docx" || bytes.starts_with(b"PK\x03\x04") {
        docx::text(&bytes).map_err(InputError::Docx)?
    } else {
        let text = decode(&bytes)?;
        if ext == "html" || ext == "htm" || looks_like_html(&text) {
            markup::html_to_text(&text)
        } else {
            text
        }
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Document::Text(text))
}

#[cfg(feature = "cli")]
fn looks_like_html(t: &str) -> bool {
    let head: String = t.chars().take(512).collect::<String>().to_ascii_lowercase();
    head.trim_start().starts_with("<!doctype html") || head.contains("<html")
}
