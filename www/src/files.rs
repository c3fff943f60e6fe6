//! Opening files in the browser with the platform: what a file is, its
//! encoding (TextDecoder) and the converters (HTML, .docx, .odt, .rtf) live in
//! `convert.js`, loaded on first use; a PDF goes to the PDF reader (www/pdf/,
//! a Web Worker loaded on first use). A file that cannot be read gets one
//! sentence saying what it is and what to do, in the UI's language
//! (`FileError`).

use nianbao::diagnostic::InputNote;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/platform.js")]
extern "C" {
    #[wasm_bindgen(js_name = runConverter, catch)]
    async fn run_converter(name: &str, input: &JsValue) -> Result<JsValue, JsValue>;
    /// Why the last file was refused (a zip bomb, entity expansion, a PDF without text), in `lang`.
    #[wasm_bindgen(js_name = converterSentence)]
    pub fn converter_sentence(lang: &str) -> String;
    /// The numbers of what decoding the last text file repaired, if `text` is its text as read (else none).
    #[wasm_bindgen(js_name = repairsFor)]
    fn repairs_for(text: &str) -> Vec<u32>;
    /// The text is the one read from the last PDF opened (so findings have pages).
    #[wasm_bindgen(js_name = isPdfText)]
    pub fn is_pdf_text(text: &str) -> bool;
    /// The page of a byte offset of that text; 0 if none.
    #[wasm_bindgen(js_name = pdfPage)]
    pub fn pdf_page(at: u32) -> u32;
    #[wasm_bindgen(js_name = fetchText, catch)]
    pub async fn fetch_text(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = fetchCatalogue, catch)]
    pub async fn fetch_catalogue(name: &str) -> Result<JsValue, JsValue>;
    /// The JSON export: the document of the output contract for `text`, made
    /// by the checker module (loaded now; the app's wasm has no JSON writer),
    /// with the file's name inside, downloaded as `name`.
    #[wasm_bindgen(js_name = exportJson, catch)]
    pub async fn export_json(name: &str, text: &str, file: Option<String>) -> Result<JsValue, JsValue>;
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
    /// Calls `f(given)` with the 对照上年 panel's findings and their text (years.rs).
    #[wasm_bindgen(js_name = onYears)]
    pub fn on_years(f: &Closure<dyn Fn(String)>);
}

/// Why a file gave no text: each says what the file is and what to do
/// (the sentences are in `i18n`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileError {
    /// Legacy Word (.doc) or another OLE compound file.
    Doc,
    /// WPS Writer's own format (.wps).
    Wps,
    /// A PDF the PDF reader could not read (its sentence: `converter_sentence`).
    Pdf,
    /// A spreadsheet or presentation, an image, an archive: not a report.
    NotText,
    /// A ZIP that is neither .docx nor .odt.
    ZipOther,
    /// A damaged or truncated document.
    Damaged,
    /// A hostile document refused by the converters (a zip bomb, entity
    /// expansion, too many entries), or an empty file: its sentence is `converter_sentence`.
    Refused,
    /// Over the size limit.
    TooLarge,
    /// The converters could not be loaded (offline after the first load).
    Unavailable,
    /// The JSON export's checker module could not be loaded.
    Export,
}

impl FileError {
    fn from_js(e: JsValue) -> FileError {
        let key = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        match key.as_str() {
            "file.doc" => FileError::Doc,
            "file.wps" => FileError::Wps,
            "file.not_text" => FileError::NotText,
            "file.zip_other" | "file.odt_as_docx" | "file.docx_as_odt" => FileError::ZipOther,
            "file.too_large" => FileError::TooLarge,
            "file.pdf" => FileError::Pdf,
            "file.damaged" => FileError::Damaged,
            "file.bomb" | "file.entities" | "file.entries" | "file.empty" => FileError::Refused,
            // A module that failed to load (network, server): not the file's fault.
            _ if key.contains("import") || key.contains("fetch") || key.contains("module") => FileError::Unavailable,
            _ => FileError::Damaged,
        }
    }
}

/// The text of a .txt, .docx, .odt, .rtf, .html or .pdf file. What a file
/// is, and its text, are found by `readFile` of convert.js (loaded on first
/// use: none of it is in the first load); platform.js takes a PDF on to the
/// PDF reader, and keeps what decoding a text file repaired (`notes_for`).
pub async fn read(file: &web_sys::File) -> Result<String, FileError> {
    run_converter("readFile", file.as_ref()).await.map(|t| t.as_string().unwrap_or_default()).map_err(FileError::from_js)
}

/// What decoding repaired (the I001 notes) while `text` is the last file's
/// text as read (platform.js keeps it): an edit moves the places, so then
/// nothing is said.
pub fn notes_for(text: &str) -> Vec<InputNote> {
    nianbao::input::notes::from_numbers(&repairs_for(text), text.len())
}

/// The text of HTML from the clipboard (a paste from Word, WPS or a web page).
pub async fn html_to_text(html: &str) -> Result<String, FileError> {
    run_converter("htmlToText", &JsValue::from_str(html)).await.map(|t| t.as_string().unwrap_or_default()).map_err(FileError::from_js)
}
