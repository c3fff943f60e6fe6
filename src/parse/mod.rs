//! From text to the report model: sections, facts, then the tables.

mod align;
mod facts;
mod glued;
mod sections;
mod tables;

use crate::compact::Compact;
use crate::lex::{lex, Lexed};
use crate::report::{Anomaly, Generation, Report};
use crate::source::{Source, Span};
pub use facts::is_organ;
pub(crate) use sections::heading_len;

/// What parsing yields: the model, and the views of the text it was read from
/// (the rules read the same views instead of folding the text again).
pub struct Parsed {
    pub report: Report,
    pub lexed: Lexed,
    /// The whole text folded and without spacing.
    pub doc: Compact,
}

/// Parses a report. Never fails: what cannot be read is None or null.
pub fn parse(src: &Source) -> Parsed {
    let mut lx = lex(src);
    let doc = Compact::new(src.text(), 0);
    let sections = sections::find(src, &lx, &doc);
    let facts = facts::read(src, &lx, &doc, &sections);
    let mut anomalies = Vec::new();
    if let Some(span) = lx.stopped_at {
        anomalies.push(Anomaly::WordsNotRead { span, limit: crate::lex::MAX_TOKENS });
    }
    let tables = tables::read(&mut lx, src.text(), &doc, &sections, &mut anomalies);
    residue(src, &lx, &mut anomalies);
    let template = generation(src, &tables, &anomalies, &sections);
    let report = Report {
        title: facts.title,
        organ: facts.organ,
        year: facts.year,
        period: facts.period,
        contact: facts.contact,
        signature_date: facts.signature_date,
        sections,
        template,
        tables,
        anomalies,
    };
    Parsed { report, lexed: lx, doc }
}

fn generation(src: &Source, tables: &crate::report::Tables, anomalies: &[Anomaly], sections: &[crate::report::Section]) -> Generation {
    if anomalies.iter().any(|a| matches!(a, Anomaly::Signal2019 { .. })) {
        return Generation::F2019;
    }
    let no_tables = tables.all().next().is_none();
    let t = src.text();
    if no_tables
        && sections.len() < 3
        && (t.contains("收费及减免情况") || t.contains("收费及减免") || t.contains("因政府信息公开申请提起行政复议"))
    {
        return Generation::Pre2019;
    }
    Generation::F2021
}

/// Conversion residue listed one by one; the rest is counted (`Anomaly::ResidueMore`).
pub const RESIDUE_LISTED: usize = 1000;

/// Leftovers of document conversion, for H001: the first `RESIDUE_LISTED`
/// found, and a count of the rest, in memory bounded by the limit.
fn residue(src: &Source, lx: &Lexed, anomalies: &mut Vec<Anomaly>) {
    let mut kept = Residues::default();
    collect_residue(src, lx, &mut kept);
    anomalies.extend(kept.list);
    if kept.more > 0 {
        anomalies.push(Anomaly::ResidueMore { count: kept.more, span: kept.first_more });
    }
}

#[derive(Default)]
struct Residues {
    list: Vec<Anomaly>,
    more: usize,
    first_more: Span,
}

impl Residues {
    fn push(&mut self, a: Anomaly) {
        if self.list.len() < RESIDUE_LISTED {
            self.list.push(a);
            return;
        }
        if let Anomaly::Residue { span, .. } = a {
            if self.more == 0 || span.start < self.first_more.start {
                self.first_more = span;
            }
        }
        self.more += 1;
    }
}

fn collect_residue(src: &Source, lx: &Lexed, out: &mut Residues) {
    for line in &lx.lines {
        if line.page_mark {
            let raw = src.slice(line.span);
            let lead = raw.len() - raw.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{000C}').len();
            let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{000C}');
            let start = line.span.start as usize + lead;
            out.push(Anomaly::Residue { what: "页码", span: Span::new(start, start + trimmed.len()) });
        }
    }
    // **bold**: one finding for the pair on a line, or for a lone marker.
    // Searched for in the whole text once: with memchr's SIMD search on the
    // command line (a batch does this for every report).
    #[cfg(feature = "cli")]
    let bold = memchr::memmem::find(src.text().as_bytes(), b"**").is_some();
    #[cfg(not(feature = "cli"))]
    let bold = src.text().contains("**");
    for line in lx.lines.iter().filter(|_| bold) {
        let s = src.slice(line.span);
        let base = line.span.start as usize;
        let mut from = 0;
        while let Some(i) = s[from..].find("**") {
            let open = from + i;
            let close = s[open + 2..].find("**").map(|j| open + 2 + j + 2);
            let end = close.unwrap_or(open + 2);
            out.push(Anomaly::Residue { what: "Markdown 粗体标记", span: Span::new(base + open, base + end) });
            from = end;
        }
    }
    // Bookmarks and entities: one pass over the bytes that can start one (a
    // search for either char decodes every char; ASCII bytes are only ever chars).
    // The command line finds them with SIMD (a batch spent 4 % of its
    // instructions in the byte-by-byte loop the browser keeps).
    let t = src.text();
    #[cfg(feature = "cli")]
    let starts = memchr::memchr2_iter(b'[', b'&', t.as_bytes());
    #[cfg(not(feature = "cli"))]
    let starts = t.bytes().enumerate().filter(|&(_, b)| b == b'[' || b == b'&').map(|(at, _)| at);
    for at in starts {
        let rest = &t[at..];
        let (what, end) = if rest.starts_with("[bookmark:") {
            // Bookmark names are short: a line of "[bookmark:" without "]" stays linear.
            let close = rest.bytes().take(80).position(|b| b == b']');
            ("书签标记", close.map(|e| at + e + 1).unwrap_or(at + "[bookmark:".len()))
        } else if let Some(body) = rest.strip_prefix('&') {
            // An entity name is short: look no further (a line of "&" without ";" stays linear).
            let Some(e) = body.bytes().take(9).position(|b| b == b';') else { continue };
            let name = &body[..e];
            let entity = matches!(name, "nbsp" | "amp" | "lt" | "gt" | "quot" | "apos" | "ldquo" | "rdquo" | "mdash" | "hellip")
                || (name.starts_with('#')
                    && name.len() > 1
                    && name[1..].trim_start_matches(['x', 'X']).bytes().all(|b| b.is_ascii_hexdigit()));
            if !entity {
                continue;
            }
            ("HTML 实体", at + e + 2)
        } else {
            continue;
        };
        out.push(Anomaly::Residue { what, span: Span::new(at, end) });
    }
}

/// Removes conversion residue ("[bookmark: _GoBack]", "**") from a compact
/// string; most have none and are given back as they came.
pub fn strip_residue(s: String) -> String {
    if !s.contains('[') && !s.contains('*') {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = &s[..];
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        rest = match rest[i..].find(']') {
            Some(e) => &rest[i + e + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out.replace("**", "")
}

/// A label without spacing, residue and its numbering ("1.", "（三）", "一、").
pub fn core_label(s: &str) -> String {
    let c = strip_residue(crate::normalize::compact(s));
    let mut chars: &[char] = &c.chars().collect::<Vec<_>>();
    for _ in 0..2 {
        if chars.first() == Some(&'(') {
            if let Some(close) = chars.iter().take(5).position(|&c| c == ')') {
                chars = &chars[close + 1..];
                continue;
            }
        }
        let digits = chars.iter().take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(**c)).count();
        if digits > 0 && digits <= 3 && matches!(chars.get(digits), Some('、') | Some('.') | Some(',')) {
            chars = &chars[digits + 1..];
            continue;
        }
        break;
    }
    chars.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(core_label("（三）不予公开"), "不予公开");
        assert_eq!(core_label("1．属于国家秘密"), "属于国家秘密");
        assert_eq!(core_label("[bookmark: _Hlk1]一、本年新收政府信息公开申请数量"), "本年新收政府信息公开申请数量");
        assert_eq!(core_label("规章"), "规章");
    }
}
