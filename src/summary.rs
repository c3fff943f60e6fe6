//! What one checked report leaves behind in a batch: who and which year, the
//! counts, the most serious findings, and what the cross-year rules
//! (X001–X003) read of it. A batch keeps these instead of whole reports, so
//! that fifty or fifty thousand reports are paired after they have all been
//! checked, each file having been read once. The command line and the
//! browser's batch use this one type, and the cross-year rules run on it
//! everywhere (`rules::cross_year`), a single check included.

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::{Report, TableRead};
use crate::source::Span;
use crate::template::{candidates, TableId, TableTemplate};

/// Findings kept per report for the batch table: the most serious, in the order a reviewer reads them.
pub const TOP: usize = 3;

/// One checked report, summarised.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub organ: Option<String>,
    pub year: Option<i32>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The most serious findings: errors first, then warnings, then notes, each in text order.
    pub top: Vec<Finding>,
    /// Each rule with findings, once, in catalog order, with how many.
    pub rules: Vec<(&'static str, usize)>,
    /// What the cross-year rules read.
    pub years: Years,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where it starts in the report (byte offset): findings added later
    /// (the cross-year ones) take the place they have in the full list.
    pub at: u32,
}

/// What X001–X003 read of one report, and where their findings point in it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Years {
    /// Tables 二, 三 and 四 when present and readable: their template and every value, row by row.
    pub tables: [Option<Values>; 3],
    /// Table 三's span, and the span of each 上年结转 cell (the table's when the cell was not read).
    pub t3_span: Span,
    pub carried_in: Vec<Span>,
    /// Where a finding about the whole tables points: table 二 (else 三), readable or not.
    pub tables_span: Span,
    /// Where a finding about the narrative points: section 一's heading.
    pub text_span: Span,
    /// Sections 一, 五 and 六 one after another as copied text is measured:
    /// their folded chars without spacing (X003 leaves out the digits), kept
    /// whole so that the share is exact. Copied from the parser's view: a
    /// batch folded each paired report's text again for every pair.
    pub narrative: Vec<char>,
}

/// A readable table's values in template order.
#[derive(Clone, Debug)]
pub struct Values {
    pub template: &'static TableTemplate,
    pub cells: Vec<Option<f64>>,
}

impl PartialEq for Values {
    fn eq(&self, other: &Values) -> bool {
        self.same_template(other) && self.cells == other.cells
    }
}

impl Values {
    /// The same format of the same table (templates are constants: compared by name, not address).
    pub fn same_template(&self, other: &Values) -> bool {
        self.template.id == other.template.id && self.template.format == other.template.format
    }
    fn of(t: &TableRead) -> Values {
        let mut cells = Vec::with_capacity(t.template.cells());
        for r in &t.rows {
            for c in &r.cells {
                cells.push(c.value);
            }
        }
        Values { template: t.template, cells }
    }
    /// The value of a cell by row and column key.
    pub fn value(&self, row: &str, column: &str) -> Option<f64> {
        let r = self.template.row(row)?;
        let c = self.template.rows[r].column(column)?;
        let at: usize = self.template.rows[..r].iter().map(|r| r.width()).sum();
        self.cells.get(at + c).copied().flatten()
    }
}

impl Years {
    /// `doc`: the folded view of the text `r` was parsed from (`Parsed::doc`).
    pub fn of(r: &Report, doc: &crate::compact::Compact) -> Years {
        let readable = |t: &Option<TableRead>| t.as_ref().filter(|t| !t.unreadable).map(Values::of);
        let t3 = r.tables.t3.as_ref();
        let mut carried_in = Vec::new();
        if let Some(t) = t3 {
            if let Some(row) = t.template.row("carried_in") {
                for c in &t.rows[row].cells {
                    carried_in.push(c.span.unwrap_or(t.span));
                }
            }
        }
        let mut narrative: Vec<char> = Vec::new();
        for s in r.sections.iter().filter(|s| matches!(s.number, 1 | 5 | 6)) {
            narrative.extend_from_slice(&doc.view(s.body).chars);
        }
        Years {
            tables: [readable(&r.tables.t2), readable(&r.tables.t3), readable(&r.tables.t4)],
            t3_span: t3.map(|t| t.span).unwrap_or_default(),
            carried_in,
            tables_span: r.tables.t2.as_ref().or(t3).map(|t| t.span).unwrap_or_default(),
            text_span: r.section(1).map(|s| s.span).unwrap_or_default(),
            narrative,
        }
    }
    pub fn table(&self, id: TableId) -> Option<&Values> {
        self.tables[id as usize].as_ref()
    }
    /// Every span the cross-year findings can point at (to place them without the text).
    pub fn anchors(&self) -> impl Iterator<Item = Span> + '_ {
        self.carried_in.iter().copied().chain([self.t3_span, self.tables_span, self.text_span])
    }

    /// A compact string of these facts, for handing a summary from one
    /// WebAssembly worker to another; `decode` reads it back.
    pub fn encode(&self) -> String {
        let mut s = String::new();
        let mut put = |v: &str| put(&mut s, v);
        for t in &self.tables {
            match t {
                Some(v) => {
                    put(v.template.format);
                    put(&v.cells.iter().map(|c| c.map(crate::json::format_number).unwrap_or_default()).collect::<Vec<_>>().join(","));
                }
                None => {
                    put("");
                    put("");
                }
            }
        }
        let spans: Vec<String> = [self.t3_span, self.tables_span, self.text_span]
            .iter()
            .chain(&self.carried_in)
            .map(|s| format!("{}-{}", s.start, s.end))
            .collect();
        put(&spans.join(","));
        put(&self.narrative.iter().collect::<String>());
        s
    }

    pub fn decode(s: &str) -> Option<Years> {
        let mut rest = s;
        let mut take = || take(&mut rest);
        let mut tables: [Option<Values>; 3] = Default::default();
        for (i, id) in [TableId::T2, TableId::T3, TableId::T4].into_iter().enumerate() {
            let (format, cells) = (take()?, take()?);
            if format.is_empty() {
                continue;
            }
            let template = *candidates(id).iter().find(|t| t.format == format)?;
            let cells: Vec<Option<f64>> =
                cells.split(',').map(|c| if c.is_empty() { Ok(None) } else { c.parse().map(Some) }).collect::<Result<_, _>>().ok()?;
            if cells.len() != template.cells() {
                return None;
            }
            tables[i] = Some(Values { template, cells });
        }
        let mut spans = Vec::new();
        for p in take()?.split(',').filter(|p| !p.is_empty()) {
            let (a, b) = p.split_once('-')?;
            spans.push(Span { start: a.parse().ok()?, end: b.parse().ok()? });
        }
        let narrative = take()?.chars().collect();
        if spans.len() < 3 {
            return None;
        }
        Some(Years { tables, t3_span: spans[0], tables_span: spans[1], text_span: spans[2], carried_in: spans[3..].to_vec(), narrative })
    }
}

/// Length-prefixed fields: `5:abcde`.
fn put(s: &mut String, v: &str) {
    s.push_str(&v.len().to_string());
    s.push(':');
    s.push_str(v);
}

fn take<'a>(rest: &mut &'a str) -> Option<&'a str> {
    let (n, after) = rest.split_once(':')?;
    let n: usize = n.parse().ok()?;
    let v = after.get(..n)?;
    *rest = &after[n..];
    Some(v)
}

/// A rule's code as the registry holds it.
fn code(c: &str) -> Option<&'static str> {
    crate::rules::rule(c).map(|r| r.code)
}

impl Years {
    /// The same facts as bytes, cheaper to write and read than `encode`'s
    /// string (the command line keeps every report's until the batch is paired).
    #[cfg(feature = "cli")]
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let put = |out: &mut Vec<u8>, b: &[u8]| {
            out.extend_from_slice(&(b.len() as u32).to_le_bytes());
            out.extend_from_slice(b);
        };
        for t in &self.tables {
            match t {
                Some(v) => {
                    put(out, v.template.format.as_bytes());
                    for c in &v.cells {
                        match c {
                            Some(x) => {
                                out.push(1);
                                out.extend_from_slice(&x.to_le_bytes());
                            }
                            None => out.push(0),
                        }
                    }
                }
                None => put(out, b""),
            }
        }
        let spans: Vec<u8> = [self.t3_span, self.tables_span, self.text_span]
            .iter()
            .chain(&self.carried_in)
            .flat_map(|s| s.start.to_le_bytes().into_iter().chain(s.end.to_le_bytes()))
            .collect();
        put(out, &spans);
        // The narrative's chars, counted, in two bytes each when all are of
        // the Basic Multilingual Plane (all but a rare report's: half the
        // size, and a batch keeps every report's), else in four.
        let wide = self.narrative.iter().fold(false, |w, &c| w | (c as u32 > 0xFFFF));
        let size = if wide { 4 } else { 2 };
        out.extend_from_slice(&(self.narrative.len() as u32).to_le_bytes());
        out.push(size as u8);
        // Made whole and copied as bytes (a char at a time cost a batch a third as much again).
        if wide {
            let units: Vec<u32> = self.narrative.iter().map(|&c| (c as u32).to_le()).collect();
            // SAFETY: the bytes of the u32s, each already in little-endian order.
            out.extend_from_slice(unsafe { std::slice::from_raw_parts(units.as_ptr().cast::<u8>(), 4 * units.len()) });
        } else {
            let units: Vec<u16> = self.narrative.iter().map(|&c| (c as u16).to_le()).collect();
            // SAFETY: the bytes of the u16s, each already in little-endian order.
            out.extend_from_slice(unsafe { std::slice::from_raw_parts(units.as_ptr().cast::<u8>(), 2 * units.len()) });
        }
    }

    /// Reads `to_bytes`'s bytes; the rest of `b` after them is returned beside.
    #[cfg(feature = "cli")]
    pub fn from_bytes(b: &[u8]) -> Option<(Years, &[u8])> {
        let mut rest = b;
        let mut take = |n: usize| -> Option<&[u8]> {
            let (v, r) = rest.split_at_checked(n)?;
            rest = r;
            Some(v)
        };
        let mut tables: [Option<Values>; 3] = Default::default();
        for (i, id) in [TableId::T2, TableId::T3, TableId::T4].into_iter().enumerate() {
            let n = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
            let format = std::str::from_utf8(take(n)?).ok()?;
            if format.is_empty() {
                continue;
            }
            let template = *candidates(id).iter().find(|t| t.format == format)?;
            let mut cells = Vec::with_capacity(template.cells());
            for _ in 0..template.cells() {
                cells.push(match take(1)?[0] {
                    0 => None,
                    _ => Some(f64::from_le_bytes(take(8)?.try_into().ok()?)),
                });
            }
            tables[i] = Some(Values { template, cells });
        }
        let n = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        let spans: Vec<Span> = take(n)?
            .chunks_exact(8)
            .map(|c| Span { start: u32::from_le_bytes([c[0], c[1], c[2], c[3]]), end: u32::from_le_bytes([c[4], c[5], c[6], c[7]]) })
            .collect();
        let n = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        let size = take(1)?[0] as usize;
        let narrative = chars(take(n.checked_mul(size)?)?, size)?;
        if spans.len() < 3 {
            return None;
        }
        let years =
            Years { tables, t3_span: spans[0], tables_span: spans[1], text_span: spans[2], carried_in: spans[3..].to_vec(), narrative };
        Some((years, rest))
    }
}

/// Chars written in `size` bytes each, little-endian (`Years::to_bytes`),
/// None if any is no char. Copied and checked whole, not a char at a time: a
/// batch reads back every paired report's kilobytes.
#[cfg(feature = "cli")]
fn chars(b: &[u8], size: usize) -> Option<Vec<char>> {
    let words: Vec<u32> = match size {
        2 => b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]) as u32).collect(),
        4 => b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
        _ => return None,
    };
    if words.iter().fold(false, |bad, &x| bad | (x >= 0x11_0000) | (x & 0xFFFF_F800 == 0xD800)) {
        return None;
    }
    let mut words = std::mem::ManuallyDrop::new(words);
    // SAFETY: every value was found above to be a char (no surrogate, at
    // most U+10FFFF), and a char has a u32's size and alignment.
    Some(unsafe { Vec::from_raw_parts(words.as_mut_ptr().cast::<char>(), words.len(), words.capacity()) })
}

impl Summary {
    /// The whole summary as a compact string (see `Years::encode`).
    pub fn encode(&self) -> String {
        let mut s = String::new();
        put(&mut s, self.organ.as_deref().map(|o| format!("+{o}")).as_deref().unwrap_or(""));
        put(&mut s, &self.year.map(|y| y.to_string()).unwrap_or_default());
        for n in [self.errors, self.warnings, self.infos, self.top.len(), self.rules.len()] {
            put(&mut s, &n.to_string());
        }
        for t in &self.top {
            put(&mut s, t.code);
            put(&mut s, t.severity.key());
            put(&mut s, &t.at.to_string());
            put(&mut s, &t.message);
        }
        for (c, n) in &self.rules {
            put(&mut s, c);
            put(&mut s, &n.to_string());
        }
        put(&mut s, &self.years.encode());
        s
    }

    pub fn decode(s: &str) -> Option<Summary> {
        let mut rest = s;
        let organ = take(&mut rest)?.strip_prefix('+').map(str::to_string);
        let year = match take(&mut rest)? {
            "" => None,
            y => Some(y.parse().ok()?),
        };
        let mut n = [0usize; 5];
        for v in &mut n {
            *v = take(&mut rest)?.parse().ok()?;
        }
        let mut top = Vec::new();
        for _ in 0..n[3].min(TOP) {
            let c = code(take(&mut rest)?)?;
            let severity = Severity::parse(take(&mut rest)?)?;
            let at = take(&mut rest)?.parse().ok()?;
            top.push(Finding { code: c, severity, message: take(&mut rest)?.to_string(), at });
        }
        let mut rules = Vec::new();
        for _ in 0..n[4].min(crate::rules::RULES.len()) {
            rules.push((code(take(&mut rest)?)?, take(&mut rest)?.parse().ok()?));
        }
        let years = Years::decode(take(&mut rest)?)?;
        Some(Summary { organ, year, errors: n[0], warnings: n[1], infos: n[2], top, rules, years })
    }

    /// Summarises a checked report from its model and findings (all of them, whatever is shown).
    pub fn of(report: &Report, doc: &crate::compact::Compact, diagnostics: &[Diagnostic]) -> Summary {
        let n = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        let mut s = Summary {
            organ: report.organ.as_ref().map(|f| f.value.clone()),
            year: report.year.as_ref().map(|y| y.value),
            errors: n(Severity::Error),
            warnings: n(Severity::Warning),
            infos: n(Severity::Info),
            top: Vec::new(),
            rules: Vec::new(),
            years: Years::of(report, doc),
        };
        s.add(diagnostics);
        s
    }

    /// Counts findings found later (the cross-year ones, once the batch is paired).
    pub fn add_findings(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
        self.add(diagnostics);
    }

    /// Its body and year, as reports are paired by (`pairs`).
    pub fn key(&self) -> Key<'_> {
        (self.organ.as_deref(), self.year)
    }

    /// `key` for a batch's pairing and twins: no year when its own years
    /// disagree (S009). A title's mistyped year would otherwise make this
    /// year's report someone's "last year" and raise X001–X003 on a correct
    /// report. (A `--previous` the user names is still compared by `key`.)
    pub fn pairing_key(&self) -> Key<'_> {
        (self.organ.as_deref(), self.year.filter(|_| !self.rules.iter().any(|e| e.0 == "S009")))
    }

    fn add(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match self.rules.iter_mut().find(|e| e.0 == d.code) {
                Some(e) => e.1 += 1,
                None if crate::rules::rule(d.code).is_some() => self.rules.push((d.code, 1)),
                None => {}
            }
        }
        let order = |c: &str| crate::rules::RULES.iter().position(|r| r.code == c).unwrap_or(usize::MAX);
        // The command line looks each code's place up once (a key compared at
        // every step was a search of the catalog for each comparison, 0.5 % of
        // a batch); the browser's first load has no room for a second sort.
        #[cfg(feature = "cli")]
        self.rules.sort_by_cached_key(|e| order(e.0));
        #[cfg(not(feature = "cli"))]
        self.rules.sort_by_key(|e| order(e.0));
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            for d in diagnostics.iter().filter(|d| d.severity == sev) {
                // Most serious first, then by place in the report: findings
                // added later (a batch's pairs) rank as in a check that made
                // them all (`--previous`), whose findings come in that order.
                let before = |t: &Finding| t.severity < sev || (t.severity == sev && t.at > d.span.start);
                let at = self.top.iter().position(before).unwrap_or(self.top.len());
                if at < TOP && !self.top.iter().any(|t| t.code == d.code) {
                    self.top.insert(at, Finding { code: d.code, severity: d.severity, message: d.message.clone(), at: d.span.start });
                    self.top.truncate(TOP);
                }
            }
        }
    }

    /// The summary's fields as JSON keys of an object being written (the
    /// browser's batch table reads them): file, organ, year, counts, the most
    /// serious findings, and the count of each rule.
    pub fn write_fields(&self, w: &mut crate::json::Writer, file: &str) {
        w.key("file").str(file);
        w.key("organ").opt_str(self.organ.as_deref());
        w.key("year");
        match self.year {
            Some(y) => w.num(y as f64),
            None => w.null(),
        };
        w.key("errors").num(self.errors as f64);
        w.key("warnings").num(self.warnings as f64);
        w.key("infos").num(self.infos as f64);
        w.key("top").begin_array();
        for t in &self.top {
            w.begin_object();
            w.key("code").str(t.code);
            w.key("severity").str(t.severity.key());
            w.key("message").str(&t.message);
            w.end_object();
        }
        w.end_array();
        w.key("rules").begin_object();
        for (code, n) in &self.rules {
            w.key(code).num(*n as f64);
        }
        w.end_object();
    }
}

/// The leading place name of a body's name ("淮安市" of 淮安市洪泽区人民政府), if any.
fn place(organ: &str) -> Option<&str> {
    let marker = |c: char| matches!(c, '省' | '市' | '区' | '县' | '州' | '盟' | '旗');
    let mut chars = organ.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        // 福州市: the place ends after the last of the markers that follow each other.
        if marker(c) && !chars.peek().is_some_and(|&(_, n)| marker(n)) {
            return Some(&organ[..i + c.len_utf8()]);
        }
    }
    None
}

/// The body's name without the places above its own: 洪泽区人民政府 for
/// 江苏省淮安市洪泽区人民政府 (a place is dropped only when another follows).
fn innermost(organ: &str) -> &str {
    let mut o = organ;
    while let Some(p) = place(o) {
        let rest = &o[p.len()..];
        if place(rest).is_none() {
            break;
        }
        o = rest;
    }
    o
}

/// Two names of one body: equal, or one is the other with the places above
/// it written out (洪泽区人民政府 and 淮安市洪泽区人民政府 one year to the next).
/// 南京市鼓楼区人民政府 and 福州市鼓楼区人民政府 are two bodies.
pub fn same_body(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    a == b || (long.ends_with(short) && place(short).is_some() && innermost(long) == innermost(short))
}

/// A report's body and year, as pairing reads them (`pairs`).
pub type Key<'a> = (Option<&'a str>, Option<i32>);

/// `before` is last year's report of `now`'s body, by the test a batch pairs
/// its reports by: the single check with `--previous` and the 对照上年 panel
/// compare two reports only then.
pub fn follows(now: Key, before: Key) -> bool {
    pairs(&[now, before])[0] == Some(1)
}

/// For each report of a batch, the index of last year's report of the same
/// body in the batch, if any: the first one listed under that exact name,
/// else the one body whose name differs only by the places written before it.
pub fn pairs(keys: &[Key]) -> Vec<Option<usize>> {
    use std::collections::HashMap;
    let mut exact: HashMap<(&str, i32), usize> = HashMap::new();
    let mut inner: HashMap<(&str, i32), Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let (Some(o), Some(y)) = *k {
            if let std::collections::hash_map::Entry::Vacant(e) = exact.entry((o, y)) {
                e.insert(i);
                inner.entry((innermost(o), y)).or_default().push(i);
            }
        }
    }
    keys.iter()
        .map(|k| {
            let (Some(o), Some(y)) = *k else { return None };
            if let Some(&j) = exact.get(&(o, y - 1)) {
                return Some(j);
            }
            let found: Vec<usize> = inner
                .get(&(innermost(o), y - 1))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| keys[j].0.is_some_and(|p| same_body(o, p)))
                .collect();
            // Two bodies could be meant (鼓楼区人民政府 of two cities): no pair rather than a guess.
            if found.len() == 1 {
                Some(found[0])
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_narrative_is_kept_folded_without_spacing() {
        // Sections 一, 五 and 六 of real reports, one with a line of every kind
        // of char put into its section 一: the chars each folds to (as the
        // parser's view folds them), spacing left out.
        let odd = "a1 ·２\n三9\u{1F600}é0。\u{3000}並";
        for (f, put) in [
            ("tests/corpus/real/hongze_2024_layout.txt", false),
            ("tests/corpus/real/hongze_2024_layout.txt", true),
            ("tests/corpus/seeds/001_790cad3f7e066faa.txt", false),
        ] {
            let mut text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f)).unwrap();
            if put {
                let src = crate::Source::new(&text);
                // After the heading's line.
                let body = crate::parse::parse(&src).report.section(1).unwrap().body.start as usize;
                let at = body + text[body..].find('\n').unwrap() + 1;
                text.insert_str(at, odd);
            }
            let src = crate::Source::new(&text);
            let parsed = crate::parse::parse(&src);
            let y = Years::of(&parsed.report, &parsed.doc);
            let folded: String = parsed
                .report
                .sections
                .iter()
                .filter(|s| matches!(s.number, 1 | 5 | 6))
                .flat_map(|s| src.text()[s.body.range()].chars())
                .filter_map(crate::normalize::fold_kept)
                .collect();
            assert!(folded.chars().count() > 200, "{f}");
            let narrative: String = y.narrative.iter().collect();
            assert_eq!(narrative, folded, "{f}");
            assert_eq!(narrative.contains("a1·2三9\u{1F600}é0。并"), put, "{f}");
        }
    }

    #[test]
    fn years_round_trip_through_their_string() {
        for f in ["tests/corpus/real/hongze_2024_layout.txt", "tests/corpus/real/huaian_2024_layout.txt"] {
            let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f)).unwrap();
            let parsed = crate::parse::parse(&crate::Source::new(&text));
            let y = Years::of(&parsed.report, &parsed.doc);
            assert!(y.tables.iter().all(Option::is_some) && y.narrative.len() > 200, "{f}");
            assert_eq!(Years::decode(&y.encode()).as_ref(), Some(&y), "{f}");
            // And through the command line's bytes for pairing.
            #[cfg(feature = "cli")]
            {
                let mut b = Vec::new();
                y.to_bytes(&mut b);
                b.extend_from_slice(b"rest");
                let (back, rest) = Years::from_bytes(&b).unwrap();
                assert_eq!((&back, rest), (&y, &b"rest"[..]), "{f}");
            }
        }
        assert_eq!(Years::decode("3:abc"), None);
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real/hongze_2023_layout.txt"))
                .unwrap();
        let s = crate::check_summarised(crate::Source::new(&text), Vec::new(), None).1;
        assert!(s.errors > 0 && !s.top.is_empty() && !s.rules.is_empty());
        assert_eq!(Summary::decode(&s.encode()), Some(s));
        assert_eq!(Years::decode(""), None);
    }

    #[cfg(feature = "cli")]
    #[test]
    fn a_narrative_beyond_two_bytes_a_char_round_trips_and_damage_is_no_record() {
        // A narrative with a char beyond two bytes is kept in four a char;
        // bytes that are no char (a surrogate, past U+10FFFF) are no record.
        let odd = Years { narrative: "年\u{1F600}报\u{FFFF}\u{10FFFF}".chars().collect(), ..Years::default() };
        for (y, size) in [(&odd, 4), (&Years { narrative: vec!['年', '\u{FFFF}'], ..odd.clone() }, 2)] {
            let mut b = Vec::new();
            y.to_bytes(&mut b);
            assert_eq!(b[b.len() - size * y.narrative.len() - 1] as usize, size);
            assert_eq!(Years::from_bytes(&b).map(|(y, _)| y).as_ref(), Some(y));
            let bad: &[u32] = if size == 4 { &[0xD800, 0xDFFF, 0x11_0000] } else { &[0xD800, 0xDFFF] };
            for &x in bad {
                let mut b = b.clone();
                let at = b.len() - size;
                b[at..].copy_from_slice(&x.to_le_bytes()[..size]);
                assert!(Years::from_bytes(&b).is_none(), "{x:x}");
            }
        }
    }

    #[test]
    fn pairs_follow_body_and_year() {
        let keys =
            [(Some("甲"), Some(2024)), (Some("乙"), Some(2023)), (Some("甲"), Some(2023)), (None, Some(2024)), (Some("乙"), Some(2024))];
        assert_eq!(pairs(&keys), vec![Some(2), None, None, None, Some(1)]);
        // One body whose name gains its city from one year to the next; two cities' 鼓楼区 are not paired.
        let keys = [
            (Some("洪泽区人民政府"), Some(2023)),
            (Some("淮安市洪泽区人民政府"), Some(2024)),
            (Some("南京市鼓楼区人民政府"), Some(2023)),
            (Some("福州市鼓楼区人民政府"), Some(2024)),
            (Some("鼓楼区人民政府"), Some(2024)),
            (Some("福州市鼓楼区人民政府"), Some(2023)),
            (Some("淮安市人民政府"), Some(2024)),
            (Some("人民政府"), Some(2023)),
        ];
        assert_eq!(pairs(&keys), vec![None, Some(0), None, Some(5), None, None, None, None]);
        assert!(same_body("江苏省淮安市洪泽区人民政府", "洪泽区人民政府") && !same_body("淮安市财政局", "财政局"));
    }
}
