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
    /// The text is the one read from the last PDF opened (so findings have pages).
    #[wasm_bindgen(js_name = isPdfText)]
    pub fn is_pdf_text(text: &str) -> bool;
    /// The page of a byte offset of that text; 0 if none.
    #[wasm_bindgen(js_name = pdfPage)]
    pub fn pdf_page(at: u32) -> u32;
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
        return pdf_to_text(&bytes).await.map(|t| t.as_string().unwrap_or_default()).map_err(js_message);
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

fn js_message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "error".into())
}
