//! A batch of reports checked once each. Every file is read and checked one
//! time; what is kept of it is its summary (src/summary.rs) and its output
//! rendered without the cross-year findings, written to a spill file rather
//! than held in memory. When all files are checked, consecutive years of one
//! body are paired on their summaries (X001–X003), and the outputs are
//! written in input order with those findings merged into place.

use nianbao::diagnostic::Diagnostic;
use nianbao::export::{self, Cell};
use nianbao::render::{self, Place, Style};
use nianbao::source::Span;
use nianbao::summary::Summary;
use nianbao::{Outcome, Severity};
use std::borrow::Cow;
use std::io::Write;

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    Json,
}

/// A report's whole output as it stands before the findings made after the
/// check (cross-year), rendered on the thread that checked it, with where each
/// finding shown lies in it and where it sorts: most reports get no later
/// finding and are written as they are; the others have them merged in.
pub struct Rendered<'a> {
    /// Borrowed when read back from a spool in memory.
    text: Cow<'a, str>,
    /// Where the findings start (the head's length).
    head: usize,
    /// Each finding shown: its sort key and its byte range in `text`.
    items: Vec<(u64, usize, usize)>,
    shown: [usize; 3],
}

/// Where a later finding may point, placed while the text was at hand.
pub struct Anchor {
    span: Span,
    place: Place,
    pdf: Option<(u32, nianbao::input::layout::Rect)>,
}

fn counts(diags: &[&Diagnostic]) -> [usize; 3] {
    let n = |s| diags.iter().filter(|d| d.severity == s).count();
    [n(Severity::Error), n(Severity::Warning), n(Severity::Info)]
}

/// Renders a checked report's findings of `min` and above.
pub fn render(o: &Outcome, path: &str, kind: Kind, min: Severity, style: Style) -> Rendered<'static> {
    let diags: Vec<&Diagnostic> = o.diagnostics.iter().filter(|d| d.severity >= min).collect();
    let keys = diags.iter().map(|d| nianbao::rules::order(d));
    match kind {
        Kind::Text => {
            let items: Vec<(u64, String)> = keys.zip(render::blocks(o, path, &diags, style)).collect();
            assemble("", items.iter().map(|(k, s)| (*k, s.as_str())), counts(&diags), path, kind, style)
        }
        Kind::Json => {
            // One document written whole (head, findings, tail), each finding's place noted.
            let mut w = nianbao::json::Writer::with_capacity(8192 + 1024 * diags.len());
            nianbao::json::head(&mut w, o, Some(path));
            let head = w.len();
            let mut cursor = nianbao::position::Cursor::new(&o.source);
            let mut items = Vec::with_capacity(diags.len());
            for (k, d) in keys.zip(&diags) {
                // After the first, the writer puts a comma before the finding.
                let start = if w.len() == head { head } else { w.len() + 1 };
                nianbao::json::diagnostic(&mut w, d, cursor.line_col(d.span.start), o.place(d.span), None, nianbao::messages::english());
                items.push((k, start, w.len()));
            }
            let shown = counts(&diags);
            w.raw(&nianbao::json::tail(shown));
            Rendered { text: w.finish().into(), head, items, shown }
        }
    }
}

/// The text output of a file of a batch that does not read as a report
/// (`Report::recognised`): one line saying so, in place of findings
/// that would only say that a report is missing.
pub fn not_a_report(path: &str, style: Style) -> Rendered<'static> {
    let said = nianbao::messages::desk::NOT_A_REPORT.say(style.english, &[]);
    let text = format!("{}: {}\n\n", render::escape(path), style.paint("1;33", &said));
    Rendered { text: text.into(), head: 0, items: Vec::new(), shown: [0; 3] }
}

/// The output of a head, the findings in order and the counts shown.
fn assemble<'a>(
    head: &str,
    items: impl Iterator<Item = (u64, &'a str)>,
    shown: [usize; 3],
    path: &str,
    kind: Kind,
    style: Style,
) -> Rendered<'static> {
    let mut text = String::from(head);
    let mut placed = Vec::new();
    for (k, s) in items {
        if kind == Kind::Json && !placed.is_empty() {
            text.push(',');
        }
        placed.push((k, text.len(), text.len() + s.len()));
        text.push_str(s);
    }
    match kind {
        Kind::Text => {
            text.push_str(&render::summary_counts(path, shown, style));
            text.push('\n');
        }
        Kind::Json => text.push_str(&nianbao::json::tail(shown)),
    }
    Rendered { text: text.into(), head: head.len(), items: placed, shown }
}

/// The places the cross-year findings of this report can point at (with the
/// excerpt of the line for the text output; JSON needs line and column only).
pub fn anchors(o: &Outcome, s: &Summary, kind: Kind) -> Vec<Anchor> {
    let mut spans: Vec<Span> = s.years.anchors().collect();
    spans.sort_by_key(|s| (s.start, s.end));
    spans.dedup();
    spans
        .into_iter()
        .map(|span| {
            let at = o.source.line_col(span.start);
            let place = match kind {
                Kind::Text => render::place(o, span, at),
                Kind::Json => Place { line: at.0, column: at.1, page: None, excerpt: String::new(), before: 0, under: 0 },
            };
            Anchor { span, place, pdf: o.place(span) }
        })
        .collect()
}

/// Where each anchor is, for the summary's findings sheet: (span, line, page).
pub fn places(anchors: &[Anchor]) -> Vec<(Span, usize, Option<u32>)> {
    anchors.iter().map(|a| (a.span, a.place.line, a.pdf.map(|p| p.0))).collect()
}

/// Last year's report of a report: found in the batch or given by
/// `--previous`, and whether it was compared (a `--previous` of another body
/// or year is not, and the output says so).
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub file: &'a str,
    pub compared: bool,
}

/// A report's output (`finish`) as two pieces written one after the other:
/// the report as rendered (borrowed from the spool when the pairing changed nothing in it)
/// and what the pairing adds after it. A batch writes the two as they are: a
/// body's copies each list all the others, and joining them was a copy of the
/// whole output.
pub struct Finished<'a> {
    pub body: Cow<'a, str>,
    pub tail: String,
}

/// The report's whole output: `later` findings (cross-year) merged in where
/// a check that made them all would have put them, and its last year's
/// report (`previous`), said under the counts (text) or as the document's
/// `previous` (JSON; `previous_not_compared` for a `--previous` that was not
/// compared, so that a reader of the JSON alone knows X001–X003 did not run);
/// the other reports of the batch of the same body and year (`same_year`: a
/// text and its PDF, versions of one report) likewise, as `same_year_as`,
/// their names as `listed` wrote them for `kind`.
#[allow(clippy::too_many_arguments)]
pub fn finish<'a>(
    r: Rendered<'a>,
    later: &[Diagnostic],
    anchors: &[Anchor],
    path: &str,
    previous: Option<Previous>,
    same_year: &[&str],
    kind: Kind,
    min: Severity,
    style: Style,
) -> Finished<'a> {
    let text = merge(r, later, anchors, path, kind, min, style);
    if previous.is_none() && same_year.is_empty() {
        return Finished { body: text, tail: String::new() };
    }
    if kind == Kind::Json && text.ends_with('}') {
        // The members go before the document's closing brace.
        let tail = members(previous, same_year);
        let body = match text {
            Cow::Borrowed(t) => Cow::Borrowed(&t[..t.len() - 1]),
            Cow::Owned(mut t) => {
                t.pop();
                Cow::Owned(t)
            }
        };
        return Finished { body, tail };
    }
    let mut text = text.into_owned();
    match kind {
        Kind::Text => {
            let said =
                |file: &str, k: nianbao::messages::Desk| k.say(style.english, &[nianbao::messages::Arg::text(&render::escape(file))]);
            let mut lines = Vec::new();
            if let Some(Previous { file, compared }) = previous {
                lines.push(if compared {
                    said(file, nianbao::messages::desk::PAIRED)
                } else {
                    style.text(nianbao::messages::cli::NOT_PAIRED, &[nianbao::messages::Arg::text(&render::escape(file))])
                });
            }
            if !same_year.is_empty() {
                let sep = nianbao::messages::desk::LIST_SEP.template(style.english);
                let names = same_year.join(sep);
                lines.push(nianbao::messages::desk::SAME_YEAR.say(style.english, &[nianbao::messages::Arg::text(&names)]));
            }
            // Under the counts line, before the blank line that ends the report.
            let blank = text.ends_with("\n\n");
            if blank {
                text.pop();
            }
            for line in lines {
                text.push_str("  ");
                text.push_str(&line);
                text.push('\n');
            }
            if blank {
                text.push('\n');
            }
        }
        // A JSON document that does not end with its closing brace has no place for members.
        Kind::Json => {}
    }
    Finished { body: text.into(), tail: String::new() }
}

/// What a report's JSON document gains from the pairing, from the comma after
/// its last member to its closing brace: `previous` and `same_year_as`,
/// written once into a string of its final size.
fn members(previous: Option<Previous>, same_year: &[&str]) -> String {
    let mut w = nianbao::json::Writer::with_capacity(same_year.iter().map(|f| f.len() + 3).sum::<usize>() + 64);
    w.raw(",");
    if let Some(Previous { file, compared }) = previous {
        w.key(if compared { "previous" } else { "previous_not_compared" }).str(file);
    }
    if !same_year.is_empty() {
        if previous.is_some() {
            w.raw(",");
        }
        w.key("same_year_as").begin_array();
        for f in same_year {
            w.json(f);
        }
        w.end_array();
    }
    w.raw("}");
    w.finish()
}

/// A file's name as `finish` lists it among a report's twins, made once per
/// batch (each of a body's n copies lists the n − 1 others): escaped for the
/// terminal (text) or a JSON string.
pub fn listed(name: &str, kind: Kind) -> String {
    match kind {
        Kind::Text => render::escape(name).into_owned(),
        Kind::Json => {
            let mut w = nianbao::json::Writer::new();
            w.str(name);
            w.finish()
        }
    }
}

fn merge<'a>(
    r: Rendered<'a>,
    later: &[Diagnostic],
    anchors: &[Anchor],
    path: &str,
    kind: Kind,
    min: Severity,
    style: Style,
) -> Cow<'a, str> {
    let mut later: Vec<&Diagnostic> = later.iter().filter(|d| d.severity >= min).collect();
    if later.is_empty() {
        return r.text;
    }
    later.sort_by_key(|d| nianbao::rules::order(d));
    let place = |d: &Diagnostic| anchors.iter().find(|a| a.span == d.span).expect("every cross-year finding points at an anchor");
    let extra: Vec<(u64, String)> = match kind {
        Kind::Text => {
            let placed: Vec<(&Diagnostic, &Place)> = later.iter().map(|d| (*d, &place(d).place)).collect();
            later.iter().map(|d| nianbao::rules::order(d)).zip(render::blocks_placed(path, &placed, style)).collect()
        }
        Kind::Json => later
            .iter()
            .map(|d| {
                let a = place(d);
                let mut w = nianbao::json::Writer::new();
                nianbao::json::diagnostic(&mut w, d, (a.place.line, a.place.column), a.pdf, None, nianbao::messages::english());
                (nianbao::rules::order(d), w.finish())
            })
            .collect(),
    };
    let mut shown = r.shown;
    for (n, m) in shown.iter_mut().zip(counts(&later)) {
        *n += m;
    }
    // Both lists are in order; a later finding goes after earlier ones of the same key.
    let mut pieces: Vec<(u64, &str)> = Vec::with_capacity(r.items.len() + extra.len());
    let mut extra = extra.iter().peekable();
    for &(k, a, b) in &r.items {
        while let Some(e) = extra.next_if(|e| e.0 < k) {
            pieces.push((e.0, &e.1));
        }
        pieces.push((k, &r.text[a..b]));
    }
    pieces.extend(extra.map(|e| (e.0, e.1.as_str())));
    assemble(&r.text[..r.head], pieces.into_iter(), shown, path, kind, style).text
}

/// Bytes kept until the batch is paired (rendered outputs, pairing records):
/// in memory up to `limit` bytes (`SPOOL_MEMORY`: the JSON of about two
/// thousand reports), and past it in a temporary file, unlinked as soon as it
/// is made (nothing is left behind, whatever happens), so that memory stays
/// bounded however large the batch. Memory it stays in when no temporary file
/// can be made.
pub struct Spool {
    /// The pieces kept in memory, as they were given (not copied into one
    /// growing buffer, which would hold twice its size while it grows), and
    /// where each starts.
    memory: Vec<Vec<u8>>,
    starts: Vec<u64>,
    held: usize,
    file: Option<std::io::BufWriter<std::fs::File>>,
    len: u64,
    limit: usize,
    name: &'static str,
}

/// What each spool keeps in memory before it moves to a file.
pub const SPOOL_MEMORY: usize = 16 << 20;

impl Spool {
    pub fn new(name: &'static str, limit: usize) -> Spool {
        Spool { memory: Vec::new(), starts: Vec::new(), held: 0, file: None, len: 0, limit, name }
    }

    fn temporary(&self) -> Option<std::fs::File> {
        let dir = std::env::temp_dir();
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let path = dir.join(format!("nianbao-{}-{}-{stamp}", self.name, std::process::id()));
        let f = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path).ok()?;
        let _ = std::fs::remove_file(&path);
        Some(f)
    }

    /// Keeps `b`; the answer says where it is.
    pub fn put(&mut self, b: Vec<u8>) -> std::io::Result<(u64, usize)> {
        if self.file.is_none() && self.held + b.len() > self.limit {
            if let Some(f) = self.temporary() {
                let mut w = std::io::BufWriter::new(f);
                for piece in &self.memory {
                    w.write_all(piece)?;
                }
                (self.memory, self.starts, self.held) = (Vec::new(), Vec::new(), 0);
                self.file = Some(w);
            }
        }
        let (at, n) = (self.len, b.len());
        match &mut self.file {
            Some(w) => w.write_all(&b)?,
            None => {
                self.starts.push(at);
                self.held += n;
                self.memory.push(b);
            }
        }
        self.len += n as u64;
        Ok((at, n))
    }

    /// Ends the writing: what is buffered goes to the file, so that `get`
    /// can read from any thread.
    pub fn flush_writes(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }

    /// The bytes kept at `(at, len)`, as `put` said (after `flush_writes`).
    pub fn get(&self, (at, len): (u64, usize)) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        match &self.file {
            Some(w) => {
                let mut b = vec![0; len];
                std::os::unix::fs::FileExt::read_exact_at(w.get_ref(), &mut b, at)?;
                Ok(b.into())
            }
            None => {
                let k = self.starts.partition_point(|&s| s < at);
                match self.memory.get(k) {
                    Some(piece) if self.starts[k] == at && piece.len() == len => Ok(piece[..].into()),
                    _ => Err(std::io::Error::other(format!("the batch's {} are damaged", self.name))),
                }
            }
        }
    }
}

impl<'a> Rendered<'a> {
    /// The rendered output as bytes for a spool (`from_bytes` reads them back).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len() + 24 * self.items.len() + 64);
        let mut number = |n: u64| out.extend_from_slice(&n.to_le_bytes());
        number(self.head as u64);
        number(self.items.len() as u64);
        for &(k, a, b) in &self.items {
            number(k);
            number(a as u64);
            number(b as u64);
        }
        for n in self.shown {
            number(n as u64);
        }
        out.extend_from_slice(self.text.as_bytes());
        out
    }

    /// The rendered output read back from a spool: borrowed from it when it
    /// is in memory, its own when it was read from the spool's file.
    pub fn from_spool(b: Cow<'a, [u8]>) -> std::io::Result<Rendered<'a>> {
        match b {
            Cow::Borrowed(b) => Rendered::from_bytes(b),
            Cow::Owned(b) => {
                let r = Rendered::from_bytes(&b)?;
                Ok(Rendered { text: Cow::Owned(r.text.into_owned()), ..r })
            }
        }
    }

    pub fn from_bytes(b: &'a [u8]) -> std::io::Result<Rendered<'a>> {
        let damaged = || std::io::Error::other("the batch's kept output is damaged");
        let mut r = Reader(b);
        let head = r.u64().ok_or_else(damaged)? as usize;
        let n = r.u64().ok_or_else(damaged)?;
        let mut items = Vec::with_capacity((n as usize).min(1 << 16));
        for _ in 0..n {
            let mut item = || Some((r.u64()?, r.u64()? as usize, r.u64()? as usize));
            items.push(item().ok_or_else(damaged)?);
        }
        let mut shown = [0; 3];
        for s in &mut shown {
            *s = r.u64().ok_or_else(damaged)? as usize;
        }
        let text = simdutf8::basic::from_utf8(r.0).map_err(|_| damaged())?;
        // Every range must lie in the text, on character boundaries.
        let fits = |a: usize, z: usize| a <= z && text.get(a..z).is_some();
        if !fits(0, head) || !items.iter().all(|&(_, a, z)| fits(a, z)) {
            return Err(damaged());
        }
        Ok(Rendered { text: text.into(), head, items, shown })
    }
}

/// What `--summary` writes.
#[derive(Clone, Copy, PartialEq)]
pub enum SummaryFormat {
    Csv,
    Xlsx,
}

/// The batch summary as a reviewer hands it on: one row per file (a file
/// that could not be read says why), and for XLSX every finding.
/// `lang`: the headers' and sheet names' language, the rows' (--lang).
pub fn write_summary(
    path: &std::path::Path,
    format: SummaryFormat,
    lang: export::Lang,
    rows: &[Vec<Cell>],
    findings: &[Vec<Cell>],
) -> std::io::Result<()> {
    let bytes = match format {
        SummaryFormat::Csv => export::csv(&export::summary_header(lang), rows),
        SummaryFormat::Xlsx => export::xlsx(lang, rows, findings),
    };
    std::fs::write(path, bytes)
}

/// A report's record for the side file, made on the thread that checked it:
/// its cross-year facts, then its anchors, each as fixed-width numbers
/// (little-endian) and its excerpt's length and bytes.
pub fn record(years: &nianbao::summary::Years, anchors: &[Anchor]) -> Vec<u8> {
    // Sized once for what `Years::to_bytes` and the anchors write at most (a
    // rare narrative with chars beyond the Basic Multilingual Plane grows
    // once): a record is kilobytes and grew three or four times.
    let tables: usize = years.tables.iter().flatten().map(|v| 4 + v.template.format.len() + 9 * v.cells.len()).sum();
    let spans = 4 + 8 * (3 + years.carried_in.len());
    let anchored: usize = anchors.iter().map(|a| 72 + a.place.excerpt.len()).sum();
    let cap = 12 + tables + spans + 5 + 2 * years.narrative.len() + anchored;
    let mut b = Vec::with_capacity(cap);
    years.to_bytes(&mut b);
    for a in anchors {
        let (page, r) = a.pdf.map(|(p, r)| (p, [r.x, r.y, r.w, r.h])).unwrap_or((0, [0.0; 4]));
        let p = &a.place;
        for n in [a.span.start, a.span.end, p.page.unwrap_or(0), page] {
            b.extend_from_slice(&n.to_le_bytes());
        }
        for n in [p.line, p.column, p.before, p.under, p.excerpt.len()] {
            b.extend_from_slice(&(n as u64).to_le_bytes());
        }
        for x in r {
            b.extend_from_slice(&x.to_le_bytes());
        }
        b.extend_from_slice(p.excerpt.as_bytes());
    }
    debug_assert!(b.len() <= cap, "a record outgrew its room: {} > {cap}", b.len());
    b
}

/// A report's facts and anchors from its record (`record`), read back
/// from the spool for the reports that have a pair.
pub fn from_record(b: &[u8]) -> std::io::Result<(nianbao::summary::Years, Vec<Anchor>)> {
    let damaged = || std::io::Error::other("the batch's pairing facts are damaged");
    let (years, rest) = nianbao::summary::Years::from_bytes(b).ok_or_else(damaged)?;
    let mut r = Reader(rest);
    let mut anchors = Vec::new();
    while !r.0.is_empty() {
        anchors.push(r.anchor().ok_or_else(damaged)?);
    }
    Ok((years, anchors))
}

/// Fixed-width little-endian numbers and byte strings read off a spool's
/// bytes, in order (`None` past their end or on bytes that cannot be what they say).
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (v, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(v)
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.bytes(N)?.try_into().ok()
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.array()?))
    }
    /// One anchor as `record` writes it.
    fn anchor(&mut self) -> Option<Anchor> {
        let (start, end, page_of_line, page) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
        let (line, column, before, under, excerpt) = (self.usize()?, self.usize()?, self.usize()?, self.usize()?, self.usize()?);
        let rect = nianbao::input::layout::Rect { x: self.f32()?, y: self.f32()?, w: self.f32()?, h: self.f32()? };
        let excerpt = std::str::from_utf8(self.bytes(excerpt)?).ok()?.to_string();
        Some(Anchor {
            span: Span { start, end },
            place: Place { line, column, page: Some(page_of_line).filter(|&p| p > 0), before, under, excerpt },
            pdf: (page > 0).then_some((page, rect)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spool_moves_to_a_file_past_its_limit_and_gives_back_what_it_kept() {
        let mut s = Spool::new("test", 100);
        let pieces: Vec<Vec<u8>> = (0..20u8).map(|i| vec![i; 7 + i as usize]).collect();
        let at: Vec<(u64, usize)> = pieces.iter().map(|p| s.put(p.clone()).unwrap()).collect();
        assert!(s.file.is_some() && s.memory.is_empty(), "past 100 bytes the spool is a file");
        s.flush_writes().unwrap();
        for (p, at) in pieces.iter().zip(at) {
            assert_eq!(&*s.get(at).unwrap(), &p[..]);
        }
        let mut m = Spool::new("test", 1 << 20);
        let at = m.put(b"kept".to_vec()).unwrap();
        assert!(m.file.is_none());
        assert_eq!(&*m.get(at).unwrap(), b"kept");
        assert!(m.get((2, 10)).is_err(), "a range past the end is an error, not a panic");
    }

    #[test]
    fn a_record_gives_back_its_facts_and_anchors() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/real/hongze_2024_layout.txt")).unwrap();
        let (o, s) = nianbao::check_summarised(nianbao::Source::new(&text), Vec::new(), None);
        let mut anchors = anchors(&o, &s, Kind::Text);
        anchors[0].pdf = Some((3, nianbao::input::layout::Rect { x: 56.7, y: 0.1, w: 1e-3, h: 842.0 }));
        anchors[1].place.excerpt = "有\u{1e}控制\u{1f}符".into();
        let b = record(&s.years, &anchors);
        let (years, back) = from_record(&b).unwrap();
        assert_eq!(years.narrative, s.years.narrative);
        assert_eq!(back.len(), anchors.len());
        for (x, y) in back.iter().zip(&anchors) {
            assert_eq!((x.span, x.place.line, x.place.column, &x.place.excerpt), (y.span, y.place.line, y.place.column, &y.place.excerpt));
            assert_eq!(x.pdf.map(|(p, r)| (p, [r.x, r.y, r.w, r.h])), y.pdf.map(|(p, r)| (p, [r.x, r.y, r.w, r.h])));
        }
        // Cut anywhere: refused, or (cut between two anchors) the anchors before the cut; never a panic.
        for n in 0..b.len() {
            if let Ok((_, a)) = from_record(&b[..n]) {
                assert!(a.len() < anchors.len() && a.iter().zip(&anchors).all(|(x, y)| x.span == y.span), "{n}");
            }
        }
    }

    #[test]
    fn a_rendered_output_comes_back_from_its_bytes() {
        let r = Rendered { text: "head[a,bc]tail".into(), head: 5, items: vec![(1, 5, 6), (4, 7, 9)], shown: [1, 1, 0] };
        let bytes = r.to_bytes();
        let back = Rendered::from_bytes(&bytes).unwrap();
        assert!(matches!(back.text, Cow::Borrowed(_)), "read back without a copy");
        assert_eq!((&*back.text, back.head, back.items.clone(), back.shown), (&*r.text, r.head, r.items.clone(), r.shown));
        // From a spool: borrowed from its memory, its own when read from its file.
        let kept = Rendered::from_spool(Cow::Borrowed(&bytes)).unwrap();
        assert!(matches!(kept.text, Cow::Borrowed(_)));
        let read = Rendered::from_spool(Cow::Owned(bytes.clone())).unwrap();
        assert!(matches!(read.text, Cow::Owned(_)));
        for x in [kept, read] {
            assert_eq!((&*x.text, x.head, x.items.clone(), x.shown), (&*r.text, r.head, r.items.clone(), r.shown));
        }
        let mut bad = r.to_bytes();
        bad[0] = 200; // the head ends past the text
        assert!(Rendered::from_bytes(&bad).is_err());
        assert!(Rendered::from_bytes(&bad[..20]).is_err());
    }
}
