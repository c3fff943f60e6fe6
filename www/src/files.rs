//! Opening files in the browser with the platform: TextDecoder for encodings;
//! the converters (HTML, .docx, .odt, .rtf) live in `convert.js`, loaded on
//! first use; a PDF goes to the PDF reader (www/pdf/, a Web Worker loaded on
//! first use). A file that cannot be read gets one sentence saying what it is
//! and what to do, in the UI's language (`FileError`).

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/platform.js")]
extern "C" {
    #[wasm_bindgen(js_name = decodeFileText)]
    fn decode_text(bytes: &Uint8Array) -> String;
    #[wasm_bindgen(js_name = runConverter, catch)]
    async fn run_converter(name: &str, input: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = pdfToText, catch)]
    async fn pdf_to_text(bytes: &Uint8Array) -> Result<JsValue, JsValue>;
    /// Why the last PDF gave no text, in the page's language.
    #[wasm_bindgen(js_name = pdfError)]
    pub fn pdf_error() -> String;
    /// The text is the one read from the last PDF opened (so findings have pages).
    #[wasm_bindgen(js_name = isPdfText)]
    pub fn is_pdf_text(text: &str) -> bool;
    /// The page of a byte offset of that text; 0 if none.
    #[wasm_bindgen(js_name = pdfPage)]
    pub fn pdf_page(at: u32) -> u32;
    #[wasm_bindgen(js_name = fileBytes, catch)]
    async fn file_bytes(file: &web_sys::File) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = fetchText, catch)]
    pub async fn fetch_text(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = fetchCatalogue, catch)]
    pub async fn fetch_catalogue(name: &str) -> Result<JsValue, JsValue>;
    pub fn download(name: &str, mime: &str, text: &str);
    #[wasm_bindgen(js_name = selectRange)]
    pub fn select_range(area: &web_sys::HtmlTextAreaElement, start: u32, end: u32);
    #[wasm_bindgen(js_name = replaceRange)]
    pub fn replace_range(area: &web_sys::HtmlTextAreaElement, start: u32, end: u32, text: &str) -> bool;
    #[wasm_bindgen(js_name = setSelection)]
    pub fn set_selection(area: &web_sys::HtmlTextAreaElement, start: u32, end: u32);
    #[wasm_bindgen(js_name = compositeKey)]
    pub fn composite_key(list: &web_sys::Element, e: &web_sys::KeyboardEvent) -> bool;
    #[wasm_bindgen(js_name = focusInList)]
    pub fn focus_in_list(list: &web_sys::Element, el: &web_sys::Element);
    #[wasm_bindgen(js_name = refreshList)]
    pub fn refresh_list(list: &web_sys::Element);
}

/// A report of 32 MB is no report; refuse before reading.
const MAX_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Why a file gave no text: each says what the file is and what to do
/// (the sentences are in `i18n`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileError {
    /// Legacy Word (.doc) or another OLE compound file.
    Doc,
    /// WPS Writer's own format (.wps).
    Wps,
    /// A PDF the PDF reader could not read (its sentence: `pdf_error`).
    Pdf,
    /// A spreadsheet or presentation, an image, an archive: not a report.
    NotText,
    /// A ZIP that is neither .docx nor .odt.
    ZipOther,
    /// A damaged or truncated document.
    Damaged,
    /// Over the size limit.
    TooLarge,
    /// The converters could not be loaded (offline after the first load).
    Unavailable,
}

impl FileError {
    fn from_js(e: JsValue) -> FileError {
        let key = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        match key.as_str() {
            "file.zip_other" | "file.odt_as_docx" | "file.docx_as_odt" => FileError::ZipOther,
            "file.too_large" => FileError::TooLarge,
            "file.damaged" => FileError::Damaged,
            // A module that failed to load (network, server): not the file's fault.
            _ if key.contains("import") || key.contains("fetch") || key.contains("module") => FileError::Unavailable,
            _ => FileError::Damaged,
        }
    }
}

/// What a file holds, by its first bytes (then its name).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Zip,
    Ole,
    Pdf,
    Rtf,
    Text,
}

fn kind(head: &[u8]) -> Kind {
    if head.starts_with(b"PK\x03\x04") {
        Kind::Zip
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Ole
    } else if head.starts_with(b"%PDF") {
        Kind::Pdf
    } else if head.starts_with(b"{\\rtf") {
        Kind::Rtf
    } else {
        Kind::Text
    }
}

/// Extensions that are certainly not a report's text.
const NOT_TEXT: &[&str] = &[
    ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".zip", ".rar", ".7z", ".gz",
    ".ofd", ".exe",
];

/// The text of a .txt, .docx, .odt, .rtf or .html file.
pub async fn read(file: &web_sys::File) -> Result<String, FileError> {
    if file.size() > MAX_BYTES {
        return Err(FileError::TooLarge);
    }
    let name = file.name().to_ascii_lowercase();
    let bytes: Uint8Array = file_bytes(file).await.map_err(|_| FileError::Damaged)?.unchecked_into();
    let head = bytes.subarray(0, 8).to_vec();
    let converted = |name: &'static str, input: JsValue| async move {
        run_converter(name, &input).await.map(|t| t.as_string().unwrap_or_default()).map_err(FileError::from_js)
    };
    match kind(&head) {
        Kind::Zip => {
            let which = run_converter("zipKind", &bytes).await.map_err(FileError::from_js)?.as_string();
            match which.as_deref() {
                Some("docx") => converted("docxToText", bytes.into()).await,
                Some("odt") => converted("odtToText", bytes.into()).await,
                _ if NOT_TEXT.iter().any(|e| name.ends_with(e)) => Err(FileError::NotText),
                _ => Err(FileError::ZipOther),
            }
        }
        Kind::Ole if name.ends_with(".wps") => Err(FileError::Wps),
        Kind::Ole if NOT_TEXT.iter().any(|e| name.ends_with(e)) => Err(FileError::NotText),
        Kind::Ole => Err(FileError::Doc),
        Kind::Pdf => pdf_to_text(&bytes).await.map(|t| t.as_string().unwrap_or_default()).map_err(|_| FileError::Pdf),
        Kind::Rtf => converted("rtfToText", bytes.into()).await,
        Kind::Text => {
            if NOT_TEXT.iter().any(|e| name.ends_with(e)) {
                return Err(FileError::NotText);
            }
            let text = decode_text(&bytes);
            if text.contains('\0') {
                return Err(if name.ends_with(".doc") { FileError::Doc } else { FileError::NotText });
            }
            let lower_head: String = text.chars().take(512).collect::<String>().to_ascii_lowercase();
            if name.ends_with(".html")
                || name.ends_with(".htm")
                || lower_head.contains("<html")
                || lower_head.trim_start().starts_with("<!doctype html")
            {
                return converted("htmlToText", JsValue::from_str(&text)).await;
            }
            Ok(text)
        }
    }
}

/// The text of HTML from the clipboard (a paste from Word, WPS or a web page).
pub async fn html_to_text(html: &str) -> Result<String, FileError> {
    run_converter("htmlToText", &JsValue::from_str(html)).await.map(|t| t.as_string().unwrap_or_default()).map_err(FileError::from_js)
}
