//! The JSON output contract (SPEC.md §3), written by hand so that the browser
//! build carries no serialisation framework.

use crate::report::{Fact, Report, TableRead};
use crate::source::Span;
use crate::Outcome;

/// A small JSON writer: objects and arrays with comma bookkeeping.
pub struct Writer {
    out: String,
    first: Vec<bool>,
}

impl Default for Writer {
    fn default() -> Self {
        Self::new()
    }
}

impl Writer {
    pub fn new() -> Writer {
        Writer::with_capacity(4096)
    }
    pub fn with_capacity(n: usize) -> Writer {
        Writer { out: String::with_capacity(n), first: Vec::new() }
    }
    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.out.len()
    }
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }
    /// Appends text that is JSON already.
    pub fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }
    pub fn finish(self) -> String {
        self.out
    }
    /// What was written so far, leaving the writer empty (one writer for many small documents).
    pub fn take(&mut self) -> String {
        self.first.clear();
        std::mem::take(&mut self.out)
    }
    fn sep(&mut self) {
        if let Some(f) = self.first.last_mut() {
            if !*f {
                self.out.push(',');
            }
            *f = false;
        }
    }
    /// `k` is one of the program's own identifiers (a literal, a rule's code),
    /// which need no escape: written as it is (a batch writes hundreds a report).
    pub fn key(&mut self, k: &'static str) -> &mut Self {
        self.sep();
        plain_key(&mut self.out, true, k);
        // The value that follows must not add a comma of its own.
        if let Some(f) = self.first.last_mut() {
            *f = true;
        }
        self
    }
    fn after_value(&mut self) {
        if let Some(f) = self.first.last_mut() {
            *f = false;
        }
    }
    pub fn begin_object(&mut self) -> &mut Self {
        self.sep();
        self.out.push('{');
        self.first.push(true);
        self
    }
    pub fn end_object(&mut self) -> &mut Self {
        self.first.pop();
        self.out.push('}');
        self.after_value();
        self
    }
    pub fn begin_array(&mut self) -> &mut Self {
        self.sep();
        self.out.push('[');
        self.first.push(true);
        self
    }
    pub fn end_array(&mut self) -> &mut Self {
        self.first.pop();
        self.out.push(']');
        self.after_value();
        self
    }
    /// Appends a value that is JSON already (a string quoted once for many documents).
    pub fn json(&mut self, value: &str) -> &mut Self {
        self.sep();
        self.out.push_str(value);
        self.after_value();
        self
    }
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.sep();
        string(&mut self.out, s);
        self.after_value();
        self
    }
    pub fn num(&mut self, v: f64) -> &mut Self {
        self.sep();
        number(&mut self.out, v);
        self.after_value();
        self
    }
    pub fn null(&mut self) -> &mut Self {
        self.sep();
        self.out.push_str("null");
        self.after_value();
        self
    }
    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.sep();
        self.out.push_str(if b { "true" } else { "false" });
        self.after_value();
        self
    }
    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }
}

/// The command line's writer: a batch writes megabytes of JSON.
#[cfg(feature = "cli")]
fn string(out: &mut String, s: &str) {
    out.push('"');
    // Runs of bytes that need no escape are copied whole (most of a report's
    // text). What needs one is ASCII, or U+2028/U+2029 (E2 80 A8/A9).
    let b = s.as_bytes();
    let mut plain = 0;
    let mut i = 0;
    // Bytes that may start something to escape: controls, '"', '\\', and E2.
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        while k < 0x20 {
            t[k] = true;
            k += 1;
        }
        t[b'"' as usize] = true;
        t[b'\\' as usize] = true;
        t[0xe2] = true;
        t
    };
    while i < b.len() {
        // Sixteen bytes at a time past what needs no escape (a report's
        // excerpts and messages are most of its JSON).
        #[cfg(target_arch = "x86_64")]
        if i + 16 <= b.len() {
            match special_in_16(&b[i..i + 16]) {
                16 => {
                    i += 16;
                    continue;
                }
                k => i += k,
            }
        }
        if !SPECIAL[b[i] as usize] {
            i += 1;
            continue;
        }
        let (escaped, len): (&str, usize) = match b[i] {
            b'"' => ("\\\"", 1),
            b'\\' => ("\\\\", 1),
            b'\n' => ("\\n", 1),
            b'\r' => ("\\r", 1),
            b'\t' => ("\\t", 1),
            0..=0x1f => ("", 1),
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)) => ("", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[plain..i]);
        if escaped.is_empty() {
            let c = s[i..].chars().next().map(|c| c as u32).unwrap_or(0);
            out.push_str(&format!("\\u{c:04x}"));
        } else {
            out.push_str(escaped);
        }
        i += len;
        plain = i;
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// Where the first byte of `b` (16 bytes) that `string` must look at is: a
/// control, '"', '\\' or E2 (which starts U+2028 and U+2029); 16 when none is.
#[cfg(all(feature = "cli", target_arch = "x86_64"))]
#[inline(always)]
fn special_in_16(b: &[u8]) -> usize {
    use std::arch::x86_64::*;
    debug_assert_eq!(b.len(), 16);
    // SAFETY: SSE2 is in the x86-64 baseline; exactly the 16 bytes of `b` are read.
    let mask = unsafe {
        let x = _mm_loadu_si128(b.as_ptr() as *const __m128i);
        // x <= 0x1F (unsigned): min(x, 0x1F) == x.
        let control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
        let quote = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\\' as i8));
        let e2 = _mm_cmpeq_epi8(x, _mm_set1_epi8(0xE2u8 as i8));
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(control, quote), _mm_or_si128(backslash, e2))) as u32
    };
    if mask == 0 {
        16
    } else {
        mask.trailing_zeros() as usize
    }
}

/// The browser's writer: its bundle has a size budget, and it writes one
/// report at a time. (The command line's tests hold its writer to this one.)
#[cfg(not(feature = "cli"))]
use self::string_by_chars as string;

#[cfg(any(not(feature = "cli"), test))]
fn string_by_chars(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn number(out: &mut String, v: f64) {
    // Counts are most of a batch's numbers: written without a String each
    // (the command line only; the browser bundle keeps the one formatter).
    #[cfg(feature = "cli")]
    if v.abs() < 9e15 && crate::is_whole(v) {
        let n = v as i64;
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut m = n.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        if n < 0 {
            out.push('-');
        }
        for &d in &digits[at..] {
            out.push(d as char);
        }
        return;
    }
    if v.is_finite() {
        out.push_str(&format_number(v));
    } else {
        out.push_str("null");
    }
}

/// A number as a report writes it: integers plainly, amounts with up to six
/// decimals and no trailing zeros. Written by hand: the browser bundle then
/// carries no float-formatting machinery.
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return String::from("NaN");
    }
    let neg = v < 0.0;
    let a = v.abs();
    if a >= 9e15 {
        return format!("{}{}", if neg { "-" } else { "" }, a as u64);
    }
    let scaled = (a * 1e6).round() as u64;
    let (int, mut frac) = (scaled / 1_000_000, scaled % 1_000_000);
    let mut s = String::new();
    if neg && scaled != 0 {
        s.push('-');
    }
    s.push_str(&int.to_string());
    if frac != 0 {
        let mut digits = 6;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        s.push('.');
        let f = frac.to_string();
        for _ in f.len()..digits {
            s.push('0');
        }
        s.push_str(&f);
    }
    s
}

/// How a document is written: offsets, the file it came from, what to show.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// Add UTF-16 offsets beside the byte spans (for browsers).
    pub utf16: bool,
    /// Add the file name as the first key (batch output).
    pub file: Option<&'a str>,
    /// Leave out findings below this severity.
    pub min: crate::Severity,
}

/// The whole document for one checked report.
pub fn outcome(o: &Outcome, utf16: bool) -> String {
    document(o, Options { utf16, file: None, min: crate::Severity::Info })
}

pub fn document(o: &Outcome, opts: Options) -> String {
    let mut w = Writer::new();
    write_outcome(&mut w, o, opts);
    w.finish()
}

pub fn write_outcome(w: &mut Writer, o: &Outcome, opts: Options) {
    let utf16 = opts.utf16;
    let shown: Vec<&crate::Diagnostic> = o.diagnostics.iter().filter(|d| d.severity >= opts.min).collect();
    // UTF-16 offsets of every span in one pass (a large paste has many findings).
    let units = if utf16 {
        let offsets: Vec<u32> = shown.iter().flat_map(|d| [d.span.start, d.span.end]).collect();
        o.source.utf16_map(&offsets)
    } else {
        Vec::new()
    };
    let unit = |b: u32| units.binary_search_by_key(&b, |u| u.0).map(|i| units[i].1).unwrap_or(0);
    w.begin_object();
    if let Some(f) = opts.file {
        w.key("file").str(f);
    }
    w.key("report");
    report(w, &o.report, o.pdf_pages());
    not_a_report(w, &o.report);
    w.key("diagnostics").begin_array();
    let mut cursor = crate::position::Cursor::new(&o.source);
    // In the browser, English is there once a reader has asked for it.
    let english = crate::messages::english();
    for d in shown.iter().copied() {
        let at = cursor.line_col(d.span.start);
        let utf16 = utf16.then(|| (unit(d.span.start), unit(d.span.end)));
        diagnostic(w, d, at, o.place(d.span), utf16, english);
    }
    w.end_array();
    let n = |s| shown.iter().filter(|d| d.severity == s).count() as f64;
    w.key("summary").begin_object();
    w.key("errors").num(n(crate::Severity::Error));
    w.key("warnings").num(n(crate::Severity::Warning));
    w.key("infos").num(n(crate::Severity::Info));
    w.end_object();
    w.end_object();
}

/// A message's arguments: numbers and quoted text as they are; template
/// references by their keys (`{"table","row"}`, `{"label"}`); nested phrases
/// as `{"key","args"}`; lists as `{"list","sep"}`.
fn args(w: &mut Writer, list: &[crate::messages::Arg]) {
    use crate::messages::Arg;
    w.begin_array();
    for a in list {
        match a {
            Arg::Num(v) => {
                w.num(*v);
            }
            Arg::Text(s) => {
                w.str(s);
            }
            Arg::Table(id) => {
                w.begin_object().key("table").str(id.key()).end_object();
            }
            Arg::Row(table, row) => {
                w.begin_object().key("table").str(table.key()).key("row").str(row.key).end_object();
            }
            Arg::Label(l) => {
                w.begin_object().key("label").str(l).end_object();
            }
            Arg::Phrase(m) => {
                w.begin_object().key("key").opt_str(m.key.name()).key("args");
                args(w, &m.args);
                w.end_object();
            }
            Arg::List(items, sep) => {
                w.begin_object().key("list");
                args(w, items);
                w.key("sep").opt_str(sep.name()).end_object();
            }
        }
    }
    w.end_array();
}

/// One finding: where it is (line and column, the page and box of a PDF,
/// UTF-16 offsets for browsers), what it says, and the fix. Inlined: in the
/// browser a finding never has a page, and that code then leaves the bundle.
#[inline(always)]
pub fn diagnostic(
    w: &mut Writer,
    d: &crate::Diagnostic,
    (line, column): (usize, usize),
    place: Option<(u32, crate::input::layout::Rect)>,
    utf16: Option<(usize, usize)>,
    english: Option<&dyn crate::messages::Catalogue>,
) {
    w.begin_object();
    w.key("code").str(d.code);
    w.key("severity").str(d.severity.key());
    w.key("message").str(&d.message);
    if let Some(en) = english {
        w.key("message_en").str(&d.msg.render(en));
    }
    if let Some(key) = d.msg.key.name() {
        w.key("key").str(key);
        w.key("args");
        args(w, &d.msg.args);
    }
    w.key("line").num(line as f64);
    w.key("column").num(column as f64);
    w.key("span");
    span(w, d.span);
    if let Some((page, r)) = place {
        w.key("page").num(page as f64);
        w.key("box").begin_object();
        for (k, v) in [("x", r.x), ("y", r.y), ("w", r.w), ("h", r.h)] {
            w.key(k).num((v as f64 * 10.0).round() / 10.0);
        }
        w.end_object();
    }
    if let Some((start, end)) = utf16 {
        w.key("utf16").begin_object();
        w.key("start").num(start as f64);
        w.key("end").num(end as f64);
        w.end_object();
    }
    if let Some(c) = &d.cell {
        w.key("cell").begin_object();
        w.key("table").str(c.table.key());
        if let Some(r) = c.row {
            w.key("row").str(r);
        }
        if let Some(col) = c.column {
            w.key("column").str(col);
        }
        w.end_object();
    }
    if let Some(f) = &d.fix {
        w.key("fix").str(f);
    }
    w.end_object();
}

/// The document of `write_outcome` in pieces, for a batch that adds findings
/// after the check: what comes before the findings (ending in `[`, the writer
/// left inside that array); after them comes `tail`.
pub fn head(w: &mut Writer, o: &Outcome, file: Option<&str>) {
    w.begin_object();
    if let Some(f) = file {
        w.key("file").str(f);
    }
    w.key("report");
    report(w, &o.report, o.pdf_pages());
    not_a_report(w, &o.report);
    w.key("diagnostics").begin_array();
}

/// `"not_a_report": true` when the text does not read as a report (`Report::recognised`).
fn not_a_report(w: &mut Writer, r: &crate::report::Report) {
    if !r.recognised() {
        w.key("not_a_report").bool(true);
    }
}

/// A batch's entry for a file that could not be read: its name and why, in
/// the file's place among the reports, so that a reader of the JSON misses
/// none. `why` is the sentence the command line prints, Chinese then English
/// ("文件是空的。(The file is empty.)"): the entry has them apart, as a
/// finding has `message` and `message_en`.
pub fn unreadable(file: &str, why: &str) -> String {
    let (zh, en) = sentences(why);
    let mut w = Writer::with_capacity(64 + file.len() + why.len());
    w.begin_object();
    w.key("file").str(file);
    w.key("error").str(zh);
    w.key("error_en").str(en);
    w.end_object();
    w.finish()
}

/// The Chinese and the English sentence of a message that has both, as the
/// command line prints it ("文件是空的。(The file is empty.)"); a message
/// without that shape is both.
pub fn sentences(why: &str) -> (&str, &str) {
    match why.find("。(") {
        Some(k) if why.ends_with(')') => (&why[..k + "。".len()], &why[k + "。(".len()..why.len() - 1]),
        _ => (why, why),
    }
}

/// What closes a document after its findings: the counts of errors, warnings and notes shown.
pub fn tail([e, w, i]: [usize; 3]) -> String {
    format!("],\"summary\":{{\"errors\":{e},\"warnings\":{w},\"infos\":{i}}}}}")
}

fn span(w: &mut Writer, s: Span) {
    w.begin_object();
    w.key("start").num(s.start as f64);
    w.key("end").num(s.end as f64);
    w.end_object();
}

fn fact_str(w: &mut Writer, f: &Option<Fact<String>>) {
    w.opt_str(f.as_ref().map(|f| f.value.as_str()));
}

/// `pdf_pages`: the report was read from a PDF of that many pages.
pub fn report(w: &mut Writer, r: &Report, pdf_pages: Option<usize>) {
    w.begin_object();
    if let Some(n) = pdf_pages {
        w.key("source").begin_object();
        w.key("kind").str("pdf");
        w.key("pages").num(n as f64);
        w.end_object();
    }
    w.key("title");
    fact_str(w, &r.title);
    w.key("organ");
    fact_str(w, &r.organ);
    w.key("year");
    match &r.year {
        Some(y) => w.num(y.value as f64),
        None => w.null(),
    };
    w.key("period");
    match &r.period {
        Some(p) => {
            w.begin_object();
            w.key("from").str(&p.from.iso());
            w.key("to").str(&p.to.iso());
            w.end_object();
        }
        None => {
            w.null();
        }
    }
    w.key("template").str(r.template.key());
    w.key("contact").begin_object();
    w.key("address");
    fact_str(w, &r.contact.address);
    w.key("postcode");
    fact_str(w, &r.contact.postcode);
    w.key("phone");
    fact_str(w, &r.contact.phone);
    w.key("email");
    fact_str(w, &r.contact.email);
    w.end_object();
    w.key("signature_date").opt_str(r.signature_date.as_ref().map(|d| d.value.iso()).as_deref());
    w.key("sections").begin_array();
    for s in &r.sections {
        w.begin_object();
        w.key("number").num(s.number as f64);
        w.key("heading").str(&s.heading);
        w.key("line").num(s.line as f64);
        w.end_object();
    }
    w.end_array();
    w.key("tables").begin_object();
    for (k, t) in [("t2", &r.tables.t2), ("t3", &r.tables.t3), ("t4", &r.tables.t4)] {
        w.key(k);
        match t {
            Some(t) => table(w, t),
            None => {
                w.null();
            }
        }
    }
    w.end_object();
    w.end_object();
}

pub fn table(w: &mut Writer, t: &TableRead) {
    // Written straight out: a batch writes a few hundred cells a report, and
    // the keys are the template's own identifiers, which need no escaping.
    w.sep();
    let out = &mut w.out;
    out.push('{');
    for (i, (row, read)) in t.template.rows.iter().zip(&t.rows).enumerate() {
        plain_key(out, i == 0, row.key);
        out.push('{');
        for (j, (col, cell)) in row.columns.iter().zip(&read.cells).enumerate() {
            plain_key(out, j == 0, col.key);
            match cell.value {
                Some(v) => number(out, v),
                None => out.push_str("null"),
            }
        }
        out.push('}');
    }
    out.push('}');
    w.after_value();
}

/// `"key":` (after a comma unless `first`), for a key that needs no escape.
fn plain_key(out: &mut String, first: bool, k: &str) {
    debug_assert!(k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.'), "{k}");
    if !first {
        out.push(',');
    }
    out.push('"');
    out.push_str(k);
    out.push_str("\":");
}

/// The rule catalog: code, name, severity, titles and documentation.
pub fn rules(w: &mut Writer) {
    w.begin_array();
    for r in crate::rules::RULES {
        w.begin_object();
        w.key("code").str(r.code);
        w.key("name").str(r.name);
        w.key("severity").str(r.severity.key());
        w.key("title").str(r.title_zh);
        w.key("title_en").str(r.title_en);
        w.key("doc").str(r.doc_zh);
        // The English documentation is the rule's doc comment: its lines without the comment's leading space.
        w.key("doc_en").str(&r.doc.lines().map(str::trim).collect::<Vec<_>>().join("\n"));
        w.end_object();
    }
    w.end_array();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (v, s) in [
            (0.0, "0"),
            (96171.6, "96171.6"),
            (7730.28, "7730.28"),
            (-3.0, "-3"),
            (0.05, "0.05"),
            (3985758.0, "3985758"),
            (1.000001, "1.000001"),
        ] {
            assert_eq!(format_number(v), s);
        }
    }

    #[test]
    fn whole_as_fract_says() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            0.5,
            -0.5,
            96171.6,
            9e15,
            9.3e18,
            -9.3e18,
            1e300,
            4503599627370495.5,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(crate::is_whole(v), v.fract() == 0.0, "{v}");
        }
    }

    #[test]
    fn numbers_in_documents() {
        for (v, s) in
            [(0.0, "0"), (-0.0, "0"), (3119.0, "3119"), (-3.0, "-3"), (96171.6, "96171.6"), (f64::NAN, "null"), (1e16, "10000000000000000")]
        {
            let mut out = String::new();
            number(&mut out, v);
            assert_eq!(out, s, "{v}");
        }
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        string(&mut out, "甲\"乙\\丙\n\r\t\u{1}\u{1f}\u{2028}丁\u{2029}");
        assert_eq!(out, r#""甲\"乙\\丙\n\r\t\u0001\u001f\u2028丁\u2029""#);
        let mut out = String::new();
        string(&mut out, "\u{2027}\u{e000}");
        assert_eq!(out, "\"\u{2027}\u{e000}\"");
    }

    proptest::proptest! {
        /// Long runs, every escape at every place in a block of 16 bytes, and
        /// the bytes near them (E2 that starts no line separator).
        #[test]
        fn strings_are_escaped_anywhere(parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("甲乙丙丁戊己庚辛壬癸".to_string()),
                proptest::strategy::Just("abcdefghijklmnop".to_string()),
                proptest::strategy::Just("\u{2028}\u{2029}\u{2027}\u{2030}\u{e000}".to_string()),
                "[\"\\\\\n\r\t\u{0}-\u{1f}]",
                "\\PC{0,20}",
            ],
            0..12,
        )) {
            let s: String = parts.concat();
            let mut out = String::new();
            string(&mut out, &s);
            let mut by_chars = String::new();
            string_by_chars(&mut by_chars, &s);
            proptest::prop_assert_eq!(out, by_chars);
        }
    }

    #[test]
    fn writer_nests() {
        let mut w = Writer::new();
        w.begin_object();
        w.key("a").num(1.0);
        w.key("b").begin_array().num(2.5).str("x\"").null().end_array();
        w.key("c").begin_object().end_object();
        w.end_object();
        assert_eq!(w.finish(), r#"{"a":1,"b":[2.5,"x\"",null],"c":{}}"#);
    }
}
