//! Opening files in the browser with the platform: TextDecoder for encodings,
//! DecompressionStream for .docx, DOMParser for HTML and WordprocessingML; a
//! PDF goes to the PDF reader (www/pdf/, a Web Worker loaded on first use).

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/platform.js")]
extern "C" {
    #[wasm_bindgen(js_name = decodeFileText)]
    pub fn decode_text(bytes: &Uint8Array) -> String;
    #[wasm_bindgen(js_name = htmlToText)]
    pub fn html_to_text(html: &str) -> String;
    #[wasm_bindgen(js_name = docxToText, catch)]
    async fn docx_to_text(bytes: &Uint8Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = pdfToText, catch)]
    async fn pdf_to_text(bytes: &Uint8Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = fileBytes, catch)]
    async fn file_bytes(file: &web_sys::File) -> Result<JsValue, JsValue>;
    pub fn download(name: &str, mime: &str, text: &str);
    #[wasm_bindgen(js_name = selectRange)]
    pub fn select_range(area: &web_sys::HtmlTextAreaElement, start: u32, end: u32);
}

/// A report of 32 MB is no report; refuse before reading.
const MAX_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// The text of a .txt, .docx or .html file.
pub async fn read(file: &web_sys::File) -> Result<String, String> {
    if file.size() > MAX_BYTES {
        return Err(format!("{} MB", (file.size() / 1048576.0) as u64));
    }
    let bytes: Uint8Array = file_bytes(file).await.map_err(js_message)?.unchecked_into();
    let name = file.name().to_ascii_lowercase();
    let head = bytes.subarray(0, 4).to_vec();
    if name.ends_with(".pdf") || head == b"%PDF" {
        let got = pdf_to_text(&bytes).await.map_err(js_message)?;
        let field = |k: &str| js_sys::Reflect::get(&got, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let text = field("text").as_string().unwrap_or_default();
        let map = field("map").dyn_into::<js_sys::Uint32Array>().map(|m| m.to_vec()).unwrap_or_default();
        PDF.with(|p| *p.borrow_mut() = Some((text.clone(), map)));
        return Ok(text);
    }
    if name.ends_with(".docx") || head == b"PK\x03\x04" {
        return docx_to_text(&bytes).await.map(|t| t.as_string().unwrap_or_default()).map_err(js_message);
    }
    let text = decode_text(&bytes);
    if text.contains('\0') {
        return Err("binary data".into());
    }
    let lower_head: String = text.chars().take(512).collect::<String>().to_ascii_lowercase();
    if name.ends_with(".html")
        || name.ends_with(".htm")
        || lower_head.contains("<html")
        || lower_head.trim_start().starts_with("<!doctype html")
    {
        return Ok(html_to_text(&text));
    }
    Ok(text)
}

thread_local! {
    /// The text read from the last PDF opened, and its [start, end, page] triples.
    static PDF: std::cell::RefCell<Option<(String, Vec<u32>)>> = const { std::cell::RefCell::new(None) };
}

/// For the text of the last PDF opened, a way to find the page of a byte
/// offset; None for any other text (typed, pasted, edited or another file).
pub fn pdf_pages(text: &str) -> Option<Vec<u32>> {
    PDF.with(|p| p.borrow().as_ref().filter(|(t, _)| t == text).map(|(_, m)| m.clone()))
}

/// The page of a byte offset, from `pdf_pages`' triples.
pub fn page_at(map: &[u32], at: u32) -> Option<u32> {
    let triples = map.chunks_exact(3);
    let i = triples.clone().position(|m| m[1] > at)?;
    map.get(i * 3 + 2).copied()
}

fn js_message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "error".into())
}
