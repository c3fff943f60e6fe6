//! From text to the report model: sections, facts, then the tables.

mod align;
mod facts;
mod sections;
mod tables;

pub use facts::date_in;
pub use tables::row_relation;

use crate::lex::{lex, Lexed};
use crate::report::{Anomaly, Generation, Report};
use crate::source::{Source, Span};

/// Parses a report. Never fails: what cannot be read is None or null.
pub fn parse(src: &Source) -> (Report, Lexed) {
    let lx = lex(src);
    let sections = sections::find(src, &lx);
    let facts = facts::read(src, &lx, &sections);
    let mut anomalies = Vec::new();
    let tables = tables::read(src, &lx, &sections, &mut anomalies);
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
    (report, lx)
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

/// Leftovers of document conversion, for H001.
fn residue(src: &Source, lx: &Lexed, out: &mut Vec<Anomaly>) {
    for line in &lx.lines {
        if line.page_mark {
            out.push(Anomaly::Residue { what: "页码", span: line.span });
        }
    }
    // **bold**: one finding for the pair on a line, or for a lone marker.
    for line in &lx.lines {
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
    let t = src.text();
    for (pat, what) in [
        ("[bookmark:", "书签标记"),
        ("&nbsp;", "HTML 实体"),
        ("&amp;", "HTML 实体"),
        ("&lt;", "HTML 实体"),
        ("&gt;", "HTML 实体"),
        ("&quot;", "HTML 实体"),
        ("&#", "HTML 实体"),
    ] {
        let mut from = 0;
        while let Some(i) = t[from..].find(pat) {
            let at = from + i;
            let end = match pat {
                "[bookmark:" => t[at..].find(']').map(|e| at + e + 1).unwrap_or(at + pat.len()),
                "&#" => t[at..].find(';').filter(|&e| e < 10).map(|e| at + e + 1).unwrap_or(at + pat.len()),
                _ => at + pat.len(),
            };
            out.push(Anomaly::Residue { what, span: Span::new(at, end) });
            from = end;
        }
    }
}

/// Removes conversion residue ("[bookmark: _GoBack]", "**") from a compact string.
pub fn strip_residue(s: &str) -> String {
    if !s.contains('[') && !s.contains('*') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
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
    let c = strip_residue(&crate::normalize::compact(s));
    let mut chars: &[char] = &c.chars().collect::<Vec<_>>();
    let owned: Vec<char>;
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
    owned = chars.to_vec();
    owned.into_iter().collect()
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
