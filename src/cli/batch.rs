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
use std::io::{Read, Seek, Write};

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    Json,
}

/// A report's output before the findings made after the check: the start of
/// the document and each finding shown, with where it sorts.
pub struct Rendered {
    head: String,
    items: Vec<(u64, String)>,
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
pub fn render(o: &Outcome, path: &str, kind: Kind, min: Severity, style: Style) -> Rendered {
    let diags: Vec<&Diagnostic> = o.diagnostics.iter().filter(|d| d.severity >= min).collect();
    let keys = diags.iter().map(|d| nianbao::rules::order(d));
    let items: Vec<(u64, String)> = match kind {
        Kind::Text => keys.zip(render::blocks(o, path, &diags, style)).collect(),
        Kind::Json => {
            let mut cursor = nianbao::position::Cursor::new(&o.source);
            // One writer for all: each finding is a small document taken from it.
            let mut w = nianbao::json::Writer::new();
            keys.zip(diags.iter().map(|d| {
                nianbao::json::diagnostic(&mut w, d, cursor.line_col(d.span.start), o.place(d.span), None, nianbao::messages::english());
                w.take()
            }))
            .collect()
        }
    };
    let head = match kind {
        Kind::Text => String::new(),
        Kind::Json => nianbao::json::head(o, Some(path)),
    };
    Rendered { head, items, shown: counts(&diags) }
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

/// The report's whole output: `later` findings (cross-year) merged in where
/// a check that made them all would have put them.
pub fn finish(r: Rendered, later: &[Diagnostic], anchors: &[Anchor], path: &str, kind: Kind, min: Severity, style: Style) -> String {
    let mut later: Vec<&Diagnostic> = later.iter().filter(|d| d.severity >= min).collect();
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
    let mut pieces: Vec<String> = Vec::with_capacity(r.items.len() + extra.len());
    let mut extra = extra.into_iter().peekable();
    for (k, s) in r.items {
        while let Some((_, e)) = extra.next_if(|e| e.0 < k) {
            pieces.push(e);
        }
        pieces.push(s);
    }
    pieces.extend(extra.map(|e| e.1));
    match kind {
        Kind::Text => {
            let mut out = pieces.concat();
            out.push_str(&render::summary_counts(path, shown, style));
            out.push('\n');
            out
        }
        Kind::Json => {
            let mut out = r.head;
            out.push_str(&pieces.join(","));
            out.push_str(&nianbao::json::tail(shown));
            out
        }
    }
}

/// Rendered outputs kept outside memory until the batch is paired: a file
/// unlinked as soon as it is made (nothing is left behind, whatever happens),
/// or memory when no temporary file can be made.
pub enum Spill {
    File(std::io::BufWriter<std::fs::File>),
    Memory(Vec<u8>),
}

impl Spill {
    pub fn new() -> Spill {
        let dir = std::env::temp_dir();
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let path = dir.join(format!("nianbao-batch-{}-{stamp}", std::process::id()));
        match std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path) {
            Ok(f) => {
                let _ = std::fs::remove_file(&path);
                Spill::File(std::io::BufWriter::new(f))
            }
            Err(_) => Spill::Memory(Vec::new()),
        }
    }

    pub fn put(&mut self, r: &Rendered) -> std::io::Result<()> {
        let w: &mut dyn Write = match self {
            Spill::File(f) => f,
            Spill::Memory(v) => v,
        };
        let mut bytes = |b: &[u8]| -> std::io::Result<()> {
            w.write_all(&(b.len() as u64).to_le_bytes())?;
            w.write_all(b)
        };
        bytes(r.head.as_bytes())?;
        bytes(&(r.items.len() as u64).to_le_bytes())?;
        for (k, s) in &r.items {
            bytes(&k.to_le_bytes())?;
            bytes(s.as_bytes())?;
        }
        for n in r.shown {
            bytes(&(n as u64).to_le_bytes())?;
        }
        Ok(())
    }

    /// Reads the outputs back, in the order they were put.
    pub fn reader(self) -> std::io::Result<SpillReader> {
        Ok(SpillReader(match self {
            Spill::File(f) => {
                let mut f = f.into_inner().map_err(|e| e.into_error())?;
                f.rewind()?;
                Box::new(std::io::BufReader::new(f))
            }
            Spill::Memory(v) => Box::new(std::io::Cursor::new(v)),
        }))
    }
}

pub struct SpillReader(Box<dyn Read>);

impl SpillReader {
    fn bytes(&mut self) -> std::io::Result<Vec<u8>> {
        let mut n = [0u8; 8];
        self.0.read_exact(&mut n)?;
        let mut b = vec![0; u64::from_le_bytes(n) as usize];
        self.0.read_exact(&mut b)?;
        Ok(b)
    }
    fn string(&mut self) -> std::io::Result<String> {
        String::from_utf8(self.bytes()?).map_err(|_| std::io::Error::other("spill file damaged"))
    }
    fn number(&mut self) -> std::io::Result<u64> {
        let b = self.bytes()?;
        Ok(u64::from_le_bytes(b.try_into().map_err(|_| std::io::Error::other("spill file damaged"))?))
    }
    pub fn next(&mut self) -> std::io::Result<Rendered> {
        let head = self.string()?;
        let n = self.number()?;
        let mut items = Vec::new();
        for _ in 0..n {
            items.push((self.number()?, self.string()?));
        }
        let mut shown = [0; 3];
        for s in &mut shown {
            *s = self.number()? as usize;
        }
        Ok(Rendered { head, items, shown })
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
pub fn write_summary(path: &std::path::Path, format: SummaryFormat, rows: &[Vec<Cell>], findings: &[Vec<Cell>]) -> std::io::Result<()> {
    let lang = export::Lang::Zh;
    let bytes = match format {
        SummaryFormat::Csv => export::csv(&export::summary_header(lang), rows),
        SummaryFormat::Xlsx => export::xlsx(lang, rows, findings),
    };
    std::fs::write(path, bytes)
}

/// A report's record for the side file, made on the thread that checked it:
/// its cross-year facts, then its anchors (fields split by U+001F, anchors by
/// U+001E: an excerpt is shown text, its controls escaped).
pub fn record(years: &nianbao::summary::Years, anchors: &[Anchor]) -> Vec<u8> {
    let mut b = Vec::new();
    years.to_bytes(&mut b);
    for (i, a) in anchors.iter().enumerate() {
        if i > 0 {
            b.extend_from_slice("\u{1e}".as_bytes());
        }
        let (page, r) = a.pdf.map(|(p, r)| (p, [r.x, r.y, r.w, r.h])).unwrap_or((0, [0.0; 4]));
        let p = &a.place;
        let fields = [
            a.span.start.to_string(),
            a.span.end.to_string(),
            p.line.to_string(),
            p.column.to_string(),
            p.page.unwrap_or(0).to_string(),
            p.before.to_string(),
            p.under.to_string(),
            page.to_string(),
            r[0].to_string(),
            r[1].to_string(),
            r[2].to_string(),
            r[3].to_string(),
        ];
        for f in fields {
            b.extend_from_slice(f.as_bytes());
            b.extend_from_slice("\u{1f}".as_bytes());
        }
        b.extend_from_slice(p.excerpt.as_bytes());
    }
    b
}

/// What pairing needs of each report (its cross-year facts and the places
/// their findings may point at), kept on disk until the batch is paired, so
/// that memory holds only the small part of each summary: read back by
/// offset for the reports that have a pair.
pub struct Side {
    file: Option<std::fs::File>,
    memory: Vec<u8>,
    len: u64,
}

impl Side {
    pub fn new() -> Side {
        let dir = std::env::temp_dir();
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let path = dir.join(format!("nianbao-pairs-{}-{stamp}", std::process::id()));
        let file = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path).ok();
        if file.is_some() {
            let _ = std::fs::remove_file(&path);
        }
        Side { file, memory: Vec::new(), len: 0 }
    }

    /// Keeps a report's record (`record`); the answer says where it is.
    pub fn put(&mut self, b: &[u8]) -> std::io::Result<(u64, usize)> {
        let at = self.len;
        match &self.file {
            Some(f) => std::os::unix::fs::FileExt::write_all_at(f, b, at)?,
            None => self.memory.extend_from_slice(b),
        }
        self.len += b.len() as u64;
        Ok((at, b.len()))
    }

    /// A report's facts and anchors, from where `put` said.
    pub fn get(&self, (at, len): (u64, usize)) -> std::io::Result<(nianbao::summary::Years, Vec<Anchor>)> {
        let damaged = || std::io::Error::other("the batch's pairing file is damaged");
        let mut b = vec![0; len];
        match &self.file {
            Some(f) => std::os::unix::fs::FileExt::read_exact_at(f, &mut b, at)?,
            None => b.copy_from_slice(self.memory.get(at as usize..at as usize + len).ok_or_else(damaged)?),
        }
        let (years, rest) = nianbao::summary::Years::from_bytes(&b).ok_or_else(damaged)?;
        let rest = std::str::from_utf8(rest).map_err(|_| damaged())?;
        let mut anchors = Vec::new();
        for a in rest.split('\u{1e}').filter(|a| !a.is_empty()) {
            let f: Vec<&str> = a.splitn(13, '\u{1f}').collect();
            if f.len() != 13 {
                return Err(damaged());
            }
            let num = |i: usize| f[i].parse::<usize>().map_err(|_| damaged());
            let real = |i: usize| f[i].parse::<f32>().map_err(|_| damaged());
            let page = num(7)? as u32;
            anchors.push(Anchor {
                span: Span { start: num(0)? as u32, end: num(1)? as u32 },
                place: Place {
                    line: num(2)?,
                    column: num(3)?,
                    page: Some(num(4)? as u32).filter(|&p| p > 0),
                    before: num(5)?,
                    under: num(6)?,
                    excerpt: f[12].to_string(),
                },
                pdf: (page > 0).then_some((page, nianbao::input::layout::Rect { x: real(8)?, y: real(9)?, w: real(10)?, h: real(11)? })),
            });
        }
        Ok((years, anchors))
    }
}
