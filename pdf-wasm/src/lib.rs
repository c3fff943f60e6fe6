//! `extractPdf(bytes)`: the text of a PDF read by its geometry, with its source
//! map, as JSON. Runs in a Web Worker (www/pdf-worker.js); the page checks the
//! text with the main module and maps findings to pages with `map`.

use nianbao::input::layout::{self, PageSize};
use nianbao::json::Writer;
use nianbao_pdf::{Limits, PdfError};
use wasm_bindgen::prelude::*;

/// `{text, pages: [[w, h]], map: [[start, end, page, x, y, w, h]], dropped: [[page, text]]}`
/// with byte offsets into the UTF-8 text; an error is thrown as
/// `Error("password" | "scan" | "unmappable" | "too-large: …" | "damaged: …")`.
#[wasm_bindgen(js_name = extractPdf)]
pub fn extract_pdf(bytes: &[u8]) -> Result<String, JsError> {
    let x = nianbao_pdf::extract(bytes, &Limits::default()).map_err(|e| {
        JsError::new(&match e {
            PdfError::PasswordRequired => "password".to_string(),
            PdfError::NoText => "scan".to_string(),
            PdfError::Unmappable => "unmappable".to_string(),
            PdfError::TooLarge(w) => format!("too-large: {w}"),
            PdfError::Damaged(w) => format!("damaged: {w}"),
        })
    })?;
    let pages: Vec<PageSize> = x.pages.iter().map(|p| PageSize { width: p.width, height: p.height }).collect();
    let runs: Vec<layout::Run> = x
        .runs
        .into_iter()
        .map(|r| layout::Run { page: r.page, x: r.x, y: r.y, width: r.width, size: r.size, text: r.text, vertical: r.vertical })
        .collect();
    let l = layout::layout(&pages, &runs);
    let round = |v: f32| (v as f64 * 10.0).round() / 10.0;
    let mut w = Writer::new();
    w.begin_object();
    w.key("text").str(&l.text);
    w.key("pages").begin_array();
    for p in &l.pages {
        w.begin_array().num(round(p.width)).num(round(p.height)).end_array();
    }
    w.end_array();
    w.key("map").begin_array();
    for p in &l.map {
        w.begin_array();
        w.num(p.start as f64).num(p.end as f64).num(p.page as f64);
        w.num(round(p.rect.x)).num(round(p.rect.y)).num(round(p.rect.w)).num(round(p.rect.h));
        w.end_array();
    }
    w.end_array();
    w.key("dropped").begin_array();
    for (page, text) in &l.dropped {
        w.begin_array().num(*page as f64).str(text).end_array();
    }
    w.end_array();
    w.end_object();
    Ok(w.finish())
}
