//! Files as people have them, turned into the text the parser reads: UTF-8
//! (with or without BOM), UTF-16, GB18030/GBK, .docx, .odt, .rtf and .html. This is the
//! native side; the browser uses TextDecoder, DecompressionStream and the DOM.

pub mod docx;
#[cfg(feature = "cli")]
mod encoding;
pub mod layout;
pub mod markup;
pub mod notes;
#[cfg(feature = "cli")]
pub mod odt;
#[cfg(feature = "cli")]
pub mod rtf;
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
    Odt(String),
    Rtf(String),
    /// A FIFO, a device, a socket: reading one could block or never end.
    NotAFile(&'static str),
    /// An old binary word-processor file (OLE: Word 97–2003 .doc, WPS .wps): "doc" or "wps".
    Legacy(&'static str),
    Pdf(PdfProblem),
    /// A .zip that is no office document: a folder of reports packed (the
    /// browser's batch unpacks it; the command line asks for it unpacked).
    #[cfg(feature = "cli")]
    Archive,
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
            // The reader's own words (English) are kept, marked as its report: whoever
            // is asked for help can tell one fault from another.
            PdfProblem::Damaged(why) => write!(f, "此 PDF 已损坏，无法读取（读取器报告：{why}）。(The PDF is damaged: {why}.)"),
        }
    }
}

impl fmt::Display for InputError {
    // Chinese first, then English, as the PDF's sentences: the command line's
    // messages and the summary's 说明 column are read by either.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            InputError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => write!(f, "文件或目录不存在。(No such file or directory.)"),
            InputError::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => write!(f, "没有读取权限。(Permission denied.)"),
            InputError::Io(e) => write!(f, "无法读取（{e}）。(Cannot read: {e}.)"),
            InputError::Empty => write!(f, "文件是空的。(The file is empty.)"),
            InputError::TooLarge(n) => {
                // To a tenth: just past the limit, a whole number would read as the limit itself ("32 MB, more than 32 MB").
                let (mb, max) = (*n as f64 / 1048576.0, MAX_BYTES / 1048576);
                write!(f, "文件有 {mb:.1} MB，超过年报的 {max} MB 上限，未读取。(The file is {mb:.1} MB, more than the {max} MB a report can be.)")
            }
            InputError::Binary => write!(
                f,
                "文件是二进制数据，不是文本、.docx、.odt、.rtf、.html 或 PDF 格式的报告。(The file is binary data, not a text, .docx, .odt, .rtf, .html or PDF report.)"
            ),
            InputError::Legacy("wps") => {
                write!(f, "这是 WPS 文字文件（.wps），请在 WPS 中另存为 .docx 后再检查。(A WPS Writer file (.wps): save it as .docx in WPS, then check it.)")
            }
            InputError::Legacy(_) => write!(
                f,
                "这是旧版 Word 文件（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查。(An old Word file (.doc): save it as .docx in Word or WPS, then check it.)"
            ),
            InputError::Docx(why) | InputError::Odt(why) | InputError::Rtf(why) => {
                let kind = match self {
                    InputError::Docx(_) => ".docx",
                    InputError::Odt(_) => ".odt",
                    _ => ".rtf",
                };
                let (zh, en) = halves(why);
                write!(f, "不是可读的 {kind}（{zh}）。(Not a readable {kind}: {en}.)")
            }
            InputError::NotAFile(what) => {
                let (zh, en) = halves(what);
                write!(f, "不是普通文件（{zh}），未读取。(Not a regular file ({en}), not read.)")
            }
            InputError::Pdf(p) => write!(f, "{p}"),
            #[cfg(feature = "cli")]
            InputError::Archive => write!(
                f,
                "这是压缩包（.zip）：命令行不读取其中的文件，请解压后再检查（网页版的批量检查可直接读取压缩包）。(A .zip archive: the command line does not read the files inside it. Unpack it, then check them, or use the web app's batch check, which reads archives.)"
            ),
        }
    }
}

/// A reader's reason, written "english (中文)", as its Chinese and its English
/// half: each half of a message speaks one language. A reason with no Chinese
/// half is both.
fn halves(why: &str) -> (&str, &str) {
    match why.strip_suffix(')').and_then(|w| w.rsplit_once(" (")) {
        Some((en, zh)) if zh.chars().any(|c| c >= '\u{3000}') => (zh, en),
        _ => (why, why),
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
        Err(InputError::NotAFile("a directory (目录)"))
    } else if t.is_fifo() {
        Err(InputError::NotAFile("a FIFO (命名管道)"))
    } else if t.is_socket() {
        Err(InputError::NotAFile("a socket (套接字)"))
    } else if t.is_char_device() || t.is_block_device() {
        Err(InputError::NotAFile("a device (设备文件)"))
    } else {
        Err(InputError::NotAFile("not a file (非文件)"))
    }
}

/// Reads a report file of any supported kind into text, with what decoding
/// had to repair (for the I001 findings). At most `MAX_BYTES` + 1 bytes are
/// read, whatever the file claims to be.
#[cfg(feature = "cli")]
pub fn read_document(path: &std::path::Path) -> Result<Document, InputError> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    // Opened without waiting (a FIFO would wait for a writer), then looked at:
    // one call to the system fewer per file of a batch than looking first.
    let file = match std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path) {
        Ok(f) => f,
        // What cannot be opened may be what is never read (a socket): said as such.
        Err(e) => {
            kind(&std::fs::metadata(path).map_err(InputError::Io)?)?;
            return Err(InputError::Io(e));
        }
    };
    let meta = file.metadata().map_err(InputError::Io)?;
    kind(&meta)?;
    if meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(meta.len() as usize + 1).map_err(|_| InputError::TooLarge(meta.len()))?;
    // Read as large as it was said to be, by one call to the system (a file
    // that grows meanwhile is read as it was); one said to be empty may not
    // be (/proc) and is read to its end.
    let limit = if meta.len() == 0 { MAX_BYTES + 1 } else { meta.len() };
    file.take(limit).read_to_end(&mut bytes).map_err(InputError::Io)?;
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
    read_bytes(bytes, &ext)
}

/// A report piped in (`nianbao check -`): read as a file's bytes are, its
/// kind told by its bytes alone; at most `MAX_BYTES` + 1 bytes are read.
#[cfg(feature = "cli")]
pub fn read_stdin() -> Result<Document, InputError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin().lock().take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(InputError::Io)?;
    read_bytes(bytes, "")
}

/// A report's bytes into text; `ext`, the file name's extension in lower case
/// ("" when there is none), decides where the bytes themselves cannot.
#[cfg(feature = "cli")]
fn read_bytes(bytes: Vec<u8>, ext: &str) -> Result<Document, InputError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge(bytes.len() as u64));
    }
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(InputError::Legacy(if ext == "wps" { "wps" } else { "doc" }));
    }
    if ext == "pdf" || nianbao_pdf::looks_like_pdf(&bytes) {
        return read_pdf(&bytes).map(Document::Pdf);
    }
    // A file is read for what its bytes are, whatever its name: a zip is an
    // OpenDocument by its mimetype, else a Word document (a .docx saved as
    // .odt is read as Word); a file named .docx, .odt or .rtf that holds text
    // or a web page (saved under the wrong name, or so exported by a portal)
    // is read as text, as an old .doc that is text is. Bytes that are neither
    // keep the message of the kind the name promised.
    let zip = bytes.starts_with(b"PK\x03\x04");
    let named = |bytes: Vec<u8>, parse: fn(&[u8]) -> Result<String, String>, kind: fn(String) -> InputError| match parse(&bytes) {
        Ok(text) => Ok(Decoded::plain(text)),
        Err(why) => match text_or_page(bytes, ext) {
            Err(InputError::Binary) => Err(kind(why)),
            r => r,
        },
    };
    let (odf, odt_named) = (zip && odt::is_odf(&bytes), ext == "odt");
    let decoded = if zip && (odf || odt_named) {
        match odt::text(&bytes) {
            Err(why) if !odf => Decoded::plain(docx::text(&bytes).map_err(|_| InputError::Odt(why))?),
            r => Decoded::plain(r.map_err(InputError::Odt)?),
        }
    } else if zip {
        Decoded::plain(docx::text(&bytes).map_err(|why| if ext == "zip" { InputError::Archive } else { InputError::Docx(why) })?)
    } else if rtf::is_rtf(&bytes) {
        Decoded::plain(rtf::text(&bytes).map_err(InputError::Rtf)?)
    } else if ext == "odt" {
        named(bytes, odt::text, InputError::Odt)?
    } else if ext == "docx" {
        named(bytes, docx::text, InputError::Docx)?
    } else if ext == "rtf" {
        named(bytes, rtf::text, InputError::Rtf)?
    } else {
        text_or_page(bytes, ext)?
    };
    if decoded.text.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge(decoded.text.len() as u64));
    }
    if decoded.text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Document::Text(decoded))
}

/// Bytes of text, in any encoding; a web page (by its name or its markup) is
/// read as the text it shows.
#[cfg(feature = "cli")]
fn text_or_page(bytes: Vec<u8>, ext: &str) -> Result<Decoded, InputError> {
    let mut d = decode_owned(bytes)?;
    if ext == "html" || ext == "htm" || looks_like_html(&d.text) {
        // Positions of repairs refer to the markup, not the text drawn from it: say it once, at the top.
        let repaired = d.notes.first().map(|n| n.msg.clone());
        d = Decoded::plain(markup::html_to_text(&d.text));
        if let Some(msg) = repaired {
            d.notes.push(crate::diagnostic::InputNote { span: crate::source::Span::default(), msg });
        }
    }
    Ok(d)
}

/// A report as read: text (with what decoding repaired), or the text and
/// geometry of a PDF.
#[cfg(feature = "cli")]
pub enum Document {
    Text(Decoded),
    Pdf(layout::Layout),
}

#[cfg(feature = "cli")]
impl Document {
    pub fn text(&self) -> &str {
        match self {
            Document::Text(d) => &d.text,
            Document::Pdf(l) => &l.text,
        }
    }
}

/// Reads a report file of any supported kind into text, with what decoding
/// had to repair; a PDF gives the text built from its geometry.
#[cfg(feature = "cli")]
pub fn read_input(path: &std::path::Path) -> Result<Decoded, InputError> {
    Ok(match read_document(path)? {
        Document::Text(d) => d,
        Document::Pdf(l) => Decoded::plain(l.text),
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

#[cfg(feature = "cli")]
fn looks_like_html(t: &str) -> bool {
    // The first 512 chars; a page has a '<' there, and most reports do not
    // (looked for in the bytes that can hold them, 4 a char at most, with
    // memchr: decoding every report's first 512 chars was half a percent of a batch).
    let first = t.len().min(4 * 512);
    match memchr::memchr(b'<', &t.as_bytes()[..first]) {
        Some(at) if t[..at].chars().count() < 512 => {}
        _ => return false,
    }
    let head = &t[..t.char_indices().nth(512).map_or(t.len(), |(i, _)| i)];
    let head = head.to_ascii_lowercase();
    head.trim_start().starts_with("<!doctype html") || head.contains("<html")
}

#[cfg(all(test, feature = "cli"))]
mod tests {
    use super::*;
    use std::path::Path;

    /// tests/fixtures/office/table.html as every reader must give it: LibreOffice
    /// wrote the .docx, .odt and .rtf from that page (scripts/make-office-fixtures.sh).
    /// The merged header and group cells are cells once; the empty cell stays
    /// an empty cell between two tabs.
    const TABLE: &str = "某市2023年政府信息公开工作年度报告\n\u{3000}\u{3000}三、收到和处理政府信息公开申请情况\n项目\t申请人情况\t总计\n自然人\t其他\n\
                         一、本年新收\t3\t\t3\n（三）不予公开\t1.属于国家秘密\t/\t—\t0\n2.其他法律 行政法规禁止公开\t1\t0\t1\n\u{3000}\u{3000}四、完\n";

    fn fixture(ext: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/office").join(format!("table.{ext}"))
    }

    #[test]
    fn a_file_just_past_the_limit_is_not_said_to_be_the_limit() {
        let said = InputError::TooLarge(MAX_BYTES + 100 * 1024).to_string();
        assert!(said.starts_with("文件有 32.1 MB，超过年报的 32 MB 上限"), "{said}");
        assert!(said.contains("(The file is 32.1 MB, more than the 32 MB"), "{said}");
    }

    #[test]
    fn libreoffice_files_read_alike() {
        for ext in ["html", "docx", "odt", "rtf"] {
            assert_eq!(read_file(&fixture(ext)).unwrap(), TABLE, "table.{ext}");
        }
    }

    #[test]
    fn kinds_are_known_by_content_too() {
        let dir = std::env::temp_dir().join(format!("nianbao-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for ext in ["odt", "rtf", "docx"] {
            let p = dir.join(format!("{ext}.bin"));
            std::fs::copy(fixture(ext), &p).unwrap();
            assert_eq!(read_file(&p).unwrap(), TABLE, "{ext} without its extension");
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn damaged_documents_say_so() {
        let dir = std::env::temp_dir().join(format!("nianbao-damaged-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let odt = std::fs::read(fixture("odt")).unwrap();
        let p = dir.join("cut.odt");
        std::fs::write(&p, &odt[..odt.len() / 2]).unwrap();
        assert!(matches!(read_file(&p), Err(InputError::Odt(_))));
        // An RTF cut anywhere still gives its text so far, never a panic.
        let rtf = std::fs::read(fixture("rtf")).unwrap();
        for cut in (10..rtf.len()).step_by(97) {
            let _ = rtf::text(&rtf[..cut]);
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
