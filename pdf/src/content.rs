//! The content-stream interpreter: text and graphics state, enough of it to
//! know where each glyph lands (PDF 32000-1 §9.4).

use crate::font::{self, Cache, Font};
use crate::{Extracted, Limits, PageBox, PdfError, Run};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::rc::Rc;

/// What is left to spend over the whole document.
pub struct Budget {
    pub operators: usize,
    pub runs: usize,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b`: first `a`, then `b`.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// Tz / 100.
    scale: f32,
    leading: f32,
    rise: f32,
}

struct Page<'a> {
    doc: &'a Document,
    number: u32,
    /// Lower-left corner and height of the visible box, to turn PDF user space
    /// (origin bottom-left) into top-left coordinates.
    x0: f32,
    top: f32,
    limits: &'a Limits,
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn numbers<const N: usize>(ops: &[Object]) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    if ops.len() < N {
        return None;
    }
    for (slot, o) in out.iter_mut().zip(&ops[ops.len() - N..]) {
        *slot = number(o).filter(|v| v.is_finite())?;
    }
    Some(out)
}

fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut d = page;
    for _ in 0..32 {
        if let Ok(o) = d.get(key) {
            return font::deref(doc, o);
        }
        d = font::deref(doc, d.get(b"Parent").ok()?)?.as_dict().ok()?;
    }
    None
}

fn rect(doc: &Document, o: Option<&Object>) -> Option<[f32; 4]> {
    let a = o?.as_array().ok()?;
    let v: Vec<f32> = a.iter().filter_map(|o| font::deref(doc, o).and_then(number)).collect();
    if v.len() != 4 || v.iter().any(|x| !x.is_finite()) {
        return None;
    }
    Some([v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])])
}

pub fn read_page(
    doc: &Document,
    page_id: ObjectId,
    number: u32,
    limits: &Limits,
    budget: &mut Budget,
    fonts: &mut Cache,
    out: &mut Extracted,
) -> Result<PageBox, PdfError> {
    let dict = doc.get_dictionary(page_id).map_err(|e| PdfError::Damaged(e.to_string()))?;
    let media = rect(doc, inherited(doc, dict, b"MediaBox")).unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let crop = rect(doc, inherited(doc, dict, b"CropBox")).unwrap_or(media);
    let page = Page { doc, number, x0: crop[0], top: crop[3], limits };
    let mut bytes = Vec::new();
    for id in doc.get_page_contents(page_id) {
        if let Ok(Object::Stream(s)) = doc.get_object(id) {
            let data = if s.dict.has(b"Filter") {
                s.decompressed_content_with_limit(limits.max_stream_bytes).map_err(|e| stream_error(&e, limits))?
            } else {
                s.content.clone()
            };
            bytes.extend_from_slice(&data);
            bytes.push(b'\n');
        }
    }
    let resources = resources_of(doc, dict);
    let state = State { ctm: IDENTITY, font: None, size: 0.0, char_spacing: 0.0, word_spacing: 0.0, scale: 1.0, leading: 0.0, rise: 0.0 };
    run(&page, &bytes, resources, state, 0, budget, fonts, out)?;
    Ok(PageBox { width: crop[2] - crop[0], height: crop[3] - crop[1] })
}

fn stream_error(e: &lopdf::Error, limits: &Limits) -> PdfError {
    let msg = e.to_string();
    if msg.contains("limit") || msg.contains("exceed") {
        PdfError::TooLarge(format!("a stream inflates to more than {} MB", limits.max_stream_bytes >> 20))
    } else {
        PdfError::Damaged(msg)
    }
}

fn resources_of<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok())
}

fn sub_dict<'a>(doc: &'a Document, d: Option<&'a Dictionary>, key: &[u8]) -> Option<&'a Dictionary> {
    font::deref(doc, d?.get(key).ok()?)?.as_dict().ok()
}

#[allow(clippy::too_many_arguments)]
fn run(
    page: &Page,
    bytes: &[u8],
    resources: Option<&Dictionary>,
    mut gs: State,
    depth: u32,
    budget: &mut Budget,
    fonts: &mut Cache,
    out: &mut Extracted,
) -> Result<(), PdfError> {
    let doc = page.doc;
    let font_dict = sub_dict(doc, resources, b"Font");
    let mut stack: Vec<State> = Vec::new();
    let mut tm = IDENTITY;
    let mut tlm = IDENTITY;
    // One operation at a time, counted as it comes: decoded whole, a stream
    // of millions of tiny operators ("q q q …", 8 MB) took 2.3 GB before it
    // could be counted. A stream that fails to decode fails the document, as
    // it did decoded whole (what its first operations drew is not kept).
    for op in Content::decode_iter(bytes) {
        let op = op.map_err(|e| PdfError::Damaged(format!("page {}: {e}", page.number)))?;
        if budget.operators == 0 {
            return Err(PdfError::TooLarge(format!("more than {} drawing operations", page.limits.max_operators)));
        }
        budget.operators -= 1;
        let args = &op.operands;
        match op.operator.as_str() {
            "q" if stack.len() < 256 => stack.push(gs.clone()),
            "Q" => {
                if let Some(s) = stack.pop() {
                    gs = s;
                }
            }
            "cm" => {
                if let Some(m) = numbers::<6>(args) {
                    gs.ctm = mul(&m, &gs.ctm);
                }
            }
            "BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            "Tf" => {
                if let (Some(Object::Name(name)), Some(size)) = (args.first(), args.get(1).and_then(number)) {
                    gs.size = size;
                    gs.font = font_dict.and_then(|d| d.get(name).ok()).and_then(|o| fonts.get(doc, o, page.limits.max_stream_bytes));
                }
            }
            "Tc" => gs.char_spacing = numbers::<1>(args).map_or(gs.char_spacing, |v| v[0]),
            "Tw" => gs.word_spacing = numbers::<1>(args).map_or(gs.word_spacing, |v| v[0]),
            "Tz" => gs.scale = numbers::<1>(args).map_or(gs.scale, |v| v[0] / 100.0),
            "TL" => gs.leading = numbers::<1>(args).map_or(gs.leading, |v| v[0]),
            "Ts" => gs.rise = numbers::<1>(args).map_or(gs.rise, |v| v[0]),
            "Td" | "TD" => {
                if let Some([tx, ty]) = numbers::<2>(args) {
                    if op.operator == "TD" {
                        gs.leading = -ty;
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                    tm = tlm;
                }
            }
            "Tm" => {
                if let Some(m) = numbers::<6>(args) {
                    tlm = m;
                    tm = m;
                }
            }
            "T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "\"" {
                    if let Some([aw, ac]) = args.get(..2).and_then(numbers::<2>) {
                        gs.word_spacing = aw;
                        gs.char_spacing = ac;
                    }
                }
                if op.operator != "Tj" && op.operator != "TJ" {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                let Some(font) = gs.font.clone() else { continue };
                let items: &[Object] = match (op.operator.as_str(), args.last()) {
                    ("TJ", Some(Object::Array(a))) => a,
                    (_, Some(o)) => std::slice::from_ref(o),
                    _ => continue,
                };
                for item in items {
                    match item {
                        Object::String(s, _) => show(page, &gs, &font, s, &mut tm, budget, out)?,
                        o => {
                            if let Some(n) = number(o) {
                                let tx = -n / 1000.0 * gs.size * gs.scale;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                    }
                }
            }
            "Do" if depth < 8 => {
                let Some(Object::Name(name)) = args.first() else { continue };
                let Some(xobjects) = sub_dict(doc, resources, b"XObject") else { continue };
                let Some(Object::Stream(s)) = xobjects.get(name).ok().and_then(|o| font::deref(doc, o)) else {
                    continue;
                };
                if s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) != Some(b"Form") {
                    continue;
                }
                let data = if s.dict.has(b"Filter") {
                    s.decompressed_content_with_limit(page.limits.max_stream_bytes).map_err(|e| stream_error(&e, page.limits))?
                } else {
                    s.content.clone()
                };
                let matrix = s.dict.get(b"Matrix").ok().and_then(|o| o.as_array().ok()).and_then(|a| numbers::<6>(a)).unwrap_or(IDENTITY);
                let inner = sub_dict(doc, Some(&s.dict), b"Resources").or(resources);
                let mut form_state = gs.clone();
                form_state.ctm = mul(&matrix, &gs.ctm);
                run(page, &data, inner, form_state, depth + 1, budget, fonts, out)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Sets one string: each glyph is placed, then the text matrix advances.
fn show(
    page: &Page,
    gs: &State,
    font: &Font,
    bytes: &[u8],
    tm: &mut Matrix,
    budget: &mut Budget,
    out: &mut Extracted,
) -> Result<(), PdfError> {
    let step = if font.two_byte { 2 } else { 1 };
    for chunk in bytes.chunks(step) {
        let code = chunk.iter().fold(0u32, |a, &b| (a << 8) | b as u32);
        let w0 = font.width(code) / 1000.0;
        let m = mul(tm, &gs.ctm);
        let advance;
        let (x, y, x1, y1, size);
        if font.vertical {
            // Vertical fonts advance downwards by one em (DW2's default).
            advance = -(gs.size + gs.char_spacing);
            (x, y) = apply(&m, 0.0, 0.0);
            (x1, y1) = apply(&m, 0.0, -gs.size);
            size = scale_of(&m, 1.0, 0.0) * gs.size;
        } else {
            let word = if step == 1 && code == 32 { gs.word_spacing } else { 0.0 };
            advance = (w0 * gs.size + gs.char_spacing + word) * gs.scale;
            (x, y) = apply(&m, 0.0, gs.rise);
            (x1, y1) = apply(&m, w0 * gs.size * gs.scale, gs.rise);
            size = scale_of(&m, 0.0, 1.0) * gs.size;
        }
        let mut text = String::new();
        if !font.text(code, &mut text) {
            out.unmapped_glyphs += 1;
        }
        let (dx, dy) = (x1 - x, y1 - y);
        let vertical = font.vertical || dy.abs() > dx.abs();
        let (px, py) = (x - page.x0, page.top - y);
        let width = (dx * dx + dy * dy).sqrt();
        if font.vertical {
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, advance], tm);
        } else {
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
        }
        if text.is_empty() || !px.is_finite() || !py.is_finite() {
            continue;
        }
        push(page.number, px, py, width, size.abs(), text, vertical, budget, out, page.limits)?;
    }
    Ok(())
}

fn scale_of(m: &Matrix, x: f32, y: f32) -> f32 {
    let (a, b) = (x * m[0] + y * m[2], x * m[1] + y * m[3]);
    (a * a + b * b).sqrt()
}

/// Appends a glyph to the last run when it continues it on the same line,
/// else starts a run. Wider gaps are left for the layout stage to judge.
#[allow(clippy::too_many_arguments)]
fn push(
    page: u32,
    x: f32,
    y: f32,
    width: f32,
    size: f32,
    text: String,
    vertical: bool,
    budget: &mut Budget,
    out: &mut Extracted,
    limits: &Limits,
) -> Result<(), PdfError> {
    if let Some(last) = out.runs.last_mut() {
        let tol = 0.15 * size.max(last.size);
        // Glyphs stacked in a column (rotated or vertical text): one run.
        if last.page == page && vertical && last.vertical && (last.x - x).abs() < tol && (y - (last.y + last.width)).abs() < tol {
            last.text.push_str(&text);
            last.width = y + width - last.y;
            return Ok(());
        }
        if last.page == page
            && !vertical
            && !last.vertical
            && (last.y - y).abs() < tol
            && (last.size - size).abs() < tol
            && (x - (last.x + last.width)).abs() < tol
        {
            last.text.push_str(&text);
            last.width = (x + width - last.x).max(last.width);
            return Ok(());
        }
    }
    if budget.runs == 0 {
        return Err(PdfError::TooLarge(format!("more than {} pieces of text", limits.max_runs)));
    }
    budget.runs -= 1;
    out.runs.push(Run { page, x, y, width, size, text, vertical });
    Ok(())
}
