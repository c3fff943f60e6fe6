//! nianbao: reads a government information-disclosure annual report
//! (政府信息公开工作年度报告), rebuilds its tables in the national template and
//! checks it. One data flow: text → tokens → report model → rules → diagnostics
//! → renderers.

pub mod compact;
pub mod diagnostic;
// The batch exports speak both languages: with the English catalogue only (the CLI, the batch module).
#[cfg(feature = "en")]
pub mod export;
pub mod input;
pub mod json;
pub mod lex;
pub mod messages;
pub mod normalize;
pub mod parse;
pub mod position;
#[cfg(feature = "cli")]
pub mod render;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod summary;
pub mod template;

pub use diagnostic::{Diagnostic, Severity};
pub use report::Report;
pub use source::{Source, Span};

/// True when `v` is a whole number (`v.fract() == 0.0`). The command line
/// tells it by a round trip through an integer: x86-64's baseline has no
/// instruction to truncate a float, and `fract` called the C library for
/// every number of a batch. WebAssembly truncates in one instruction.
#[inline]
pub(crate) fn is_whole(v: f64) -> bool {
    #[cfg(feature = "cli")]
    {
        // Past 2^63 every finite float is whole (and the cast would saturate).
        if v.abs() < 9.2e18 {
            (v as i64) as f64 == v
        } else {
            v.is_finite()
        }
    }
    #[cfg(not(feature = "cli"))]
    {
        v.fract() == 0.0
    }
}

/// A checked report: the model, its findings and the text they point into.
pub struct Outcome {
    pub source: Source,
    pub report: Report,
    pub diagnostics: Vec<Diagnostic>,
    /// For a PDF: where each piece of the text sits on its page. Native
    /// only: the browser maps findings to pages in JavaScript (www/pdf/), so
    /// that the first load carries none of this.
    #[cfg(feature = "cli")]
    pub layout: Option<input::layout::Layout>,
}

impl Outcome {
    /// The JSON document of SPEC.md §3.
    pub fn to_json(&self) -> String {
        json::outcome(self, false)
    }
    /// The same with UTF-16 offsets beside the byte spans (for browsers).
    pub fn to_json_utf16(&self) -> String {
        json::outcome(self, true)
    }
    /// The page and box of a span, for a PDF.
    pub fn place(&self, span: Span) -> Option<(u32, input::layout::Rect)> {
        #[cfg(feature = "cli")]
        if let Some(l) = &self.layout {
            return l.locate(span.start as usize, span.end as usize);
        }
        let _ = span;
        None
    }
    /// The number of pages, for a PDF.
    pub fn pdf_pages(&self) -> Option<usize> {
        #[cfg(feature = "cli")]
        if let Some(l) = &self.layout {
            return Some(l.pages.len());
        }
        None
    }
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
}

/// Parses and checks one report.
pub fn check(text: &str) -> Outcome {
    check_with_previous(text, None)
}

/// Parses and checks a report, with last year's report of the same body when
/// there is one (for the cross-year rules).
pub fn check_with_previous(text: &str, previous: Option<&str>) -> Outcome {
    check_input(Source::new(text), Vec::new(), previous)
}

/// Checks a report read from a file: `source` owns the text (a 30 MB file is
/// not copied again) and `notes` are what the reader repaired (I001; taken,
/// not copied: the browser bundle then carries no copying of messages).
pub fn check_input(source: Source, notes: Vec<diagnostic::InputNote>, previous: Option<&str>) -> Outcome {
    let previous = previous.map(years_of);
    check_against(source, notes, previous.as_ref())
}

/// What the cross-year rules read of a report's text (it is parsed, not checked).
pub fn years_of(text: &str) -> summary::Years {
    let src = Source::new(text);
    let parsed = parse::parse(&src);
    summary::Years::of(&parsed.report, &parsed.doc)
}

/// Checks a report against last year's, given by its summary.
pub fn check_against(source: Source, notes: Vec<diagnostic::InputNote>, previous: Option<&summary::Years>) -> Outcome {
    check_parsed(source, notes, |_| previous).0
}

/// Checks a report against `previous` (a report's summary) only if that is
/// last year's report of the same body, by the test a batch pairs by
/// (`summary::pairs`): another body, another year or the report itself would
/// make the cross-year rules accuse falsely. The flag says whether they ran.
pub fn check_after(source: Source, notes: Vec<diagnostic::InputNote>, previous: &summary::Summary) -> (Outcome, summary::Summary, bool) {
    let mut paired = false;
    let (o, doc) = check_parsed(source, notes, |r| {
        paired = summary::follows(r.key(), previous.key());
        paired.then_some(&previous.years)
    });
    let s = summary::Summary::of(&o.report, &doc, &o.diagnostics);
    (o, s, paired)
}

/// Checks a report and summarises it for a batch (what a batch keeps of it).
pub fn check_summarised(
    source: Source,
    notes: Vec<diagnostic::InputNote>,
    previous: Option<&summary::Years>,
) -> (Outcome, summary::Summary) {
    let (o, doc) = check_parsed(source, notes, |_| previous);
    let s = summary::Summary::of(&o.report, &doc, &o.diagnostics);
    (o, s)
}

/// `previous`: last year's report to check against, decided once the report
/// is read. The parser's folded view is handed back for a summary (`Years::of`).
fn check_parsed<'p>(
    source: Source,
    notes: Vec<diagnostic::InputNote>,
    previous: impl FnOnce(&report::Report) -> Option<&'p summary::Years>,
) -> (Outcome, compact::Compact) {
    let parsed = parse::parse(&source);
    let previous = previous(&parsed.report);
    let diagnostics = rules::run(&source, &parsed, previous, notes);
    let o = Outcome {
        source,
        report: parsed.report,
        diagnostics,
        #[cfg(feature = "cli")]
        layout: None,
    };
    (o, parsed.doc)
}

/// Checks the text read from a PDF's geometry; findings carry page and box.
#[cfg(feature = "cli")]
pub fn check_layout(layout: input::layout::Layout, previous: Option<&summary::Years>) -> Outcome {
    let mut o = check_against(Source::new(&layout.text), Vec::new(), previous);
    o.layout = Some(layout);
    o
}
