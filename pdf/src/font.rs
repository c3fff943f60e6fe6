//! What the content interpreter needs from a font: how many bytes a code has,
//! how wide each glyph is, and which characters it stands for.

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

pub struct Font {
    pub two_byte: bool,
    pub vertical: bool,
    widths: Widths,
    unicode: Unicode,
}

enum Widths {
    /// FirstChar, Widths and MissingWidth, in glyph-space units (1/1000 em).
    Simple { first: u32, widths: Vec<f32>, missing: f32 },
    /// The CID font's W array as sorted ranges, and DW.
    Cid { ranges: Vec<(u32, u32, f32)>, default: f32, cid_of: CidOf },
}

/// How a code becomes a CID for width lookup.
#[derive(Clone, Copy)]
enum CidOf {
    Identity,
    /// UniGB-UCS2-H and UniGB-UTF16-H: the code is Unicode; without the
    /// CMap file only the proportional ASCII block of Adobe-GB1 (CIDs 1–95
    /// for U+0020–U+007E) is known, other glyphs take DW.
    GbUnicode,
}

enum Unicode {
    Map(CMap),
    /// Predefined Unicode CMaps (UCS-2/UTF-16 codes): the code is the character.
    CodeIsChar,
    /// A simple font without ToUnicode: read bytes as Latin-1 (digits and
    /// ASCII come out right; symbolic encodings do not).
    Latin1,
    /// Identity-H or another CID encoding without ToUnicode: unknowable.
    None,
}

impl Font {
    /// Glyph-space width (1/1000 em) of a code.
    pub fn width(&self, code: u32) -> f32 {
        match &self.widths {
            Widths::Simple { first, widths, missing } => {
                code.checked_sub(*first).and_then(|i| widths.get(i as usize)).copied().unwrap_or(*missing)
            }
            Widths::Cid { ranges, default, cid_of } => {
                let cid = match cid_of {
                    CidOf::Identity => Some(code),
                    CidOf::GbUnicode => (0x20..=0x7e).contains(&code).then(|| code - 0x1f),
                };
                cid.and_then(|cid| {
                    let i = ranges.partition_point(|r| r.1 < cid);
                    ranges.get(i).filter(|r| r.0 <= cid).map(|r| r.2)
                })
                .unwrap_or(*default)
            }
        }
    }

    /// The characters a code stands for, or None when the font cannot say.
    pub fn text(&self, code: u32, out: &mut String) -> bool {
        match &self.unicode {
            Unicode::Map(m) => m.lookup(code, out),
            Unicode::CodeIsChar => match char::from_u32(code) {
                Some(c) => {
                    out.push(c);
                    true
                }
                None => false,
            },
            Unicode::Latin1 => {
                out.push(char::from(code as u8));
                true
            }
            Unicode::None => false,
        }
    }
}

/// Fonts read once per document, keyed by their object.
#[derive(Default)]
pub struct Cache {
    by_id: HashMap<ObjectId, Rc<Font>>,
}

impl Cache {
    pub fn get(&mut self, doc: &Document, obj: &Object, max_stream: usize) -> Option<Rc<Font>> {
        let id = match obj {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(f) = id.and_then(|id| self.by_id.get(&id)) {
            return Some(f.clone());
        }
        let dict = deref(doc, obj)?.as_dict().ok()?;
        let font = Rc::new(load(doc, dict, max_stream));
        if let Some(id) = id {
            self.by_id.insert(id, font.clone());
        }
        Some(font)
    }
}

pub fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

fn name<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    deref(doc, d.get(key).ok()?)?.as_name().ok()
}

fn number(doc: &Document, o: &Object) -> Option<f32> {
    match deref(doc, o)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn array<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    deref(doc, d.get(key).ok()?)?.as_array().ok()
}

fn load(doc: &Document, dict: &Dictionary, max_stream: usize) -> Font {
    let to_unicode = dict
        .get(b"ToUnicode")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| s.decompressed_content_with_limit(max_stream).ok().or_else(|| Some(s.content.clone())))
        .map(|bytes| CMap::parse(&bytes));
    if name(doc, dict, b"Subtype") == Some(b"Type0") {
        let encoding = name(doc, dict, b"Encoding").unwrap_or(b"Identity-H");
        let unicode_cmap = encoding.starts_with(b"UniGB-UCS2")
            || encoding.starts_with(b"UniGB-UTF16")
            || encoding.starts_with(b"UniCNS-UCS2")
            || encoding.starts_with(b"UniCNS-UTF16")
            || encoding.starts_with(b"UniJIS-UCS2")
            || encoding.starts_with(b"UniKS-UCS2");
        let gb = encoding.starts_with(b"UniGB");
        let descendant =
            array(doc, dict, b"DescendantFonts").and_then(|a| a.first()).and_then(|o| deref(doc, o)).and_then(|o| o.as_dict().ok());
        let mut ranges = Vec::new();
        let mut default = 1000.0;
        if let Some(d) = descendant {
            if let Some(dw) = d.get(b"DW").ok().and_then(|o| number(doc, o)) {
                default = dw;
            }
            if let Some(w) = array(doc, d, b"W") {
                ranges = cid_widths(doc, w);
            }
        }
        let unicode = match to_unicode {
            Some(m) if !m.is_empty() => Unicode::Map(m),
            _ if unicode_cmap => Unicode::CodeIsChar,
            _ => Unicode::None,
        };
        let cid_of = if unicode_cmap && gb { CidOf::GbUnicode } else { CidOf::Identity };
        Font { two_byte: true, vertical: encoding.ends_with(b"-V"), widths: Widths::Cid { ranges, default, cid_of }, unicode }
    } else {
        let first = dict.get(b"FirstChar").ok().and_then(|o| number(doc, o)).unwrap_or(0.0).max(0.0) as u32;
        let widths: Vec<f32> =
            array(doc, dict, b"Widths").map(|a| a.iter().take(256).map(|o| number(doc, o).unwrap_or(0.0)).collect()).unwrap_or_default();
        let missing = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(|o| number(doc, o))
            // The standard 14 fonts come without widths: half an em is near
            // enough for digits, which is what positions matter for.
            .unwrap_or(if widths.is_empty() { 500.0 } else { 0.0 });
        // Type3 glyph spaces are scaled by FontMatrix, not by 1/1000.
        let scale = array(doc, dict, b"FontMatrix").and_then(|m| m.first()).and_then(|o| number(doc, o)).map(|a| a * 1000.0).unwrap_or(1.0);
        let widths = widths.into_iter().map(|w| w * scale).collect();
        let unicode = match to_unicode {
            Some(m) if !m.is_empty() => Unicode::Map(m),
            _ => Unicode::Latin1,
        };
        Font { two_byte: false, vertical: false, widths: Widths::Simple { first, widths, missing: missing * scale }, unicode }
    }
}

/// The W array: `c [w1 w2 …]` and `cfirst clast w`.
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < w.len() && out.len() < 100_000 {
        let Some(first) = number(doc, &w[i]).map(|f| f.max(0.0) as u32) else { break };
        match deref(doc, &w[i + 1]) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65_536) {
                    let c = first.saturating_add(k as u32);
                    out.push((c, c, number(doc, o).unwrap_or(0.0)));
                }
                i += 2;
            }
            Some(_) if i + 2 < w.len() => {
                let last = number(doc, &w[i + 1]).map(|f| f.max(0.0) as u32).unwrap_or(first);
                out.push((first, last.max(first), number(doc, &w[i + 2]).unwrap_or(0.0)));
                i += 3;
            }
            _ => break,
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

/// A ToUnicode CMap: single codes and ranges to UTF-16 strings.
pub struct CMap {
    single: HashMap<u32, String>,
    ranges: Vec<(u32, u32, RangeTarget)>,
}

enum RangeTarget {
    /// The first code's UTF-16 units; the last unit counts up along the range.
    Start(Vec<u16>),
    Each(Vec<String>),
}

impl CMap {
    fn is_empty(&self) -> bool {
        self.single.is_empty() && self.ranges.is_empty()
    }

    fn lookup(&self, code: u32, out: &mut String) -> bool {
        if let Some(s) = self.single.get(&code) {
            out.push_str(s);
            return true;
        }
        for (lo, hi, target) in &self.ranges {
            if (*lo..=*hi).contains(&code) {
                let k = code - lo;
                match target {
                    RangeTarget::Start(units) => {
                        let mut units = units.clone();
                        if let Some(last) = units.last_mut() {
                            *last = last.wrapping_add(k as u16);
                        }
                        out.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')));
                    }
                    RangeTarget::Each(list) => match list.get(k as usize) {
                        Some(s) => out.push_str(s),
                        None => return false,
                    },
                }
                return true;
            }
        }
        false
    }

    pub fn parse(bytes: &[u8]) -> CMap {
        let tokens = tokens(bytes);
        let mut map = CMap { single: HashMap::new(), ranges: Vec::new() };
        let mut i = 0;
        let mut mode = 0u8;
        while i < tokens.len() {
            match &tokens[i] {
                Tok::Word(w) if w == b"beginbfchar" => mode = 1,
                Tok::Word(w) if w == b"beginbfrange" => mode = 2,
                Tok::Word(w) if w.starts_with(b"end") => mode = 0,
                Tok::Hex(src) if mode == 1 => {
                    if let Some(Tok::Hex(dst)) = tokens.get(i + 1) {
                        map.single.insert(code(src), utf16(dst));
                        i += 1;
                    }
                }
                Tok::Hex(lo) if mode == 2 => {
                    if let (Some(Tok::Hex(hi)), Some(dst)) = (tokens.get(i + 1), tokens.get(i + 2)) {
                        let (lo, hi) = (code(lo), code(hi));
                        match dst {
                            Tok::Hex(d) if hi >= lo => {
                                map.ranges.push((lo, hi, RangeTarget::Start(units(d))));
                                i += 2;
                            }
                            Tok::ArrayStart if hi >= lo => {
                                let mut list = Vec::new();
                                let mut j = i + 3;
                                while let Some(Tok::Hex(d)) = tokens.get(j) {
                                    list.push(utf16(d));
                                    j += 1;
                                }
                                map.ranges.push((lo, hi, RangeTarget::Each(list)));
                                i = j;
                            }
                            _ => i += 2,
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        map
    }
}

fn code(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |a, &b| (a << 8) | b as u32)
}

fn units(bytes: &[u8]) -> Vec<u16> {
    bytes.chunks(2).map(|c| if c.len() == 2 { u16::from_be_bytes([c[0], c[1]]) } else { c[0] as u16 }).collect()
}

fn utf16(bytes: &[u8]) -> String {
    char::decode_utf16(units(bytes)).map(|c| c.unwrap_or('\u{fffd}')).collect()
}

enum Tok {
    Hex(Vec<u8>),
    Word(Vec<u8>),
    ArrayStart,
}

/// Just enough PostScript for CMaps: hex strings, words and `[`.
fn tokens(b: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' if b.get(i + 1) != Some(&b'<') => {
                let end = b[i..].iter().position(|&c| c == b'>').map(|p| i + p).unwrap_or(b.len());
                let digits: Vec<u8> = b[i + 1..end].iter().filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8)).collect();
                out.push(Tok::Hex(digits.chunks(2).map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0)).collect()));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::ArrayStart);
                i += 1;
            }
            b'%' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
            }
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                out.push(Tok::Word(b[start..i].to_vec()));
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_chars_and_ranges() {
        let m = CMap::parse(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0010> <0031> <0011> <D83DDE00> endbfchar\n\
              2 beginbfrange <0020> <0022> <4E00> <0030> <0031> [<0041> <00420043>] endbfrange",
        );
        let get = |c| {
            let mut s = String::new();
            m.lookup(c, &mut s).then_some(s)
        };
        assert_eq!(get(0x10).as_deref(), Some("1"));
        assert_eq!(get(0x11).as_deref(), Some("😀"));
        assert_eq!(get(0x22).as_deref(), Some("丂"));
        assert_eq!(get(0x31).as_deref(), Some("BC"));
        assert_eq!(get(0x40), None);
    }
}
