//! Terminal rendering in the style of rustc and ruff: code, severity, message,
//! file:line:column, the source line with the span underlined (CJK characters
//! are two columns wide), and the suggested fix.

use crate::diagnostic::{Diagnostic, Severity};
use crate::messages::{cli, cli_text, Arg, Catalogue};
use crate::Outcome;

#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Messages and the words around them in English (`--lang en`).
    pub english: bool,
}

impl Style {
    /// The catalogue of the output's language.
    pub fn words(&self) -> &'static dyn Catalogue {
        if self.english {
            if let Some(en) = crate::messages::english() {
                return en;
            }
        }
        &crate::messages::Zh
    }
    pub fn text(&self, k: crate::messages::Cli, args: &[Arg]) -> String {
        cli_text(self.english, k, args)
    }
    fn message(&self, d: &Diagnostic) -> String {
        if self.english {
            d.msg.render(self.words())
        } else {
            d.message.clone()
        }
    }
    /// `s` in the colour of SGR `code` when the output is coloured.
    pub fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, sev: Severity, s: &str) -> String {
        self.paint(
            match sev {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            },
            s,
        )
    }
}

/// Display width of a character in a terminal.
pub fn width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 |
        0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x20000..=0x3FFFD);
    if c.is_control() {
        0
    } else if wide {
        2
    } else {
        1
    }
}

fn str_width(s: &str) -> usize {
    s.chars().map(width).sum()
}

/// Characters that must never reach a terminal raw: C0 controls, DEL, C1
/// and the bidirectional controls (a report or a file name could otherwise
/// set the window title, clear the screen or reorder what is shown).
pub fn is_unsafe(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7F..=0x9F).contains(&u) || matches!(u, 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// `s` with every unsafe character but tab written as `\u{1b}`: for
/// messages, suggestions and file names in text output (JSON stays exact).
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c != '\t' && is_unsafe(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\t' && is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How a character of an excerpt is shown: tabs and form feeds as a space
/// (they would misalign the underline), unsafe characters escaped.
fn shown(c: char, out: &mut String) -> usize {
    if c == '\t' || c == '\u{000C}' {
        out.push(' ');
        1
    } else if is_unsafe(c) {
        let e = format!("\\u{{{:x}}}", c as u32);
        out.push_str(&e);
        e.len()
    } else {
        out.push(c);
        width(c)
    }
}

fn shown_width(c: char) -> usize {
    if c == '\t' || c == '\u{000C}' {
        1
    } else if is_unsafe(c) {
        format!("\\u{{{:x}}}", c as u32).len()
    } else {
        width(c)
    }
}

/// The widest excerpt shown whole; longer lines show a window around the span.
const MAX: usize = 120;

/// The excerpt of `line` for the span `start..end` (bytes within the line):
/// the text shown, the columns before the span and the span's width. Work is
/// bounded by the window, not the line (a 30 MB line has thousands of findings).
fn excerpt(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    // Stops at the first column past MAX: a long line costs no more than a short one.
    let mut w = 0;
    let whole = line.chars().all(|c| {
        w += shown_width(c);
        w <= MAX
    });
    // Otherwise about 40 columns of context before the span.
    let mut from = 0;
    if !whole {
        from = start;
        let mut w = 0;
        for (i, c) in line[..start].char_indices().rev() {
            w += shown_width(c);
            if w > 40 {
                break;
            }
            from = i;
        }
    }
    let mut out = String::new();
    let mut col = 0;
    if from > 0 {
        out.push('…');
        col += 1;
    }
    let mut before = col;
    let mut under = 0;
    let mut cut = false;
    for (i, c) in line[from..].char_indices() {
        let at = from + i;
        if !whole && col >= MAX.max(before + under + 40) && at >= end.max(start + 1) {
            cut = true;
            break;
        }
        if !whole && col >= 4 * MAX {
            cut = true;
            break;
        }
        let w = shown(c, &mut out);
        if at < start {
            before += w;
        } else if at < end {
            under += w;
        }
        col += w;
    }
    if cut {
        out.push('…');
    }
    (out, before, under.max(1))
}

/// One diagnostic, with its excerpt.
pub fn diagnostic(o: &Outcome, path: &str, d: &Diagnostic, style: Style) -> String {
    let at = o.source.line_col(d.span.start);
    placed(path, d, &place(o, d.span, at), style)
}

/// Where a span is shown: its line and column, the page of a PDF, and the
/// excerpt of its line with the span's columns. Worked out while the text is
/// at hand, so that a finding made later (a batch pairs reports after
/// checking them) is shown like the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub page: Option<u32>,
    pub excerpt: String,
    pub before: usize,
    pub under: usize,
}

pub fn place(o: &Outcome, span: crate::source::Span, (line, column): (usize, usize)) -> Place {
    let src = &o.source;
    let lspan = src.row_span(line - 1);
    let text = src.slice(lspan);
    let clamp = |b: u32| {
        let mut b = (b.clamp(lspan.start, lspan.end) - lspan.start) as usize;
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let (start, end) = (clamp(span.start), clamp(span.end.max(span.start)));
    let (excerpt, before, under) = excerpt(text, start, end);
    Place { line, column, page: o.place(span).map(|(p, _)| p), excerpt, before, under }
}

fn placed(path: &str, d: &Diagnostic, at: &Place, style: Style) -> String {
    let (line, col) = (at.line, at.column);
    let mut out = String::new();
    out.push_str(&style.severity(d.severity, &format!("{}[{}]", d.severity.key(), d.code)));
    out.push_str(&style.paint("1", &format!(": {}", escape(&style.message(d)))));
    out.push('\n');
    let gutter = line.to_string().len();
    let pad = " ".repeat(gutter);
    // For a PDF the line is in the extracted text; the page is where to look.
    match at.page {
        Some(p) => out.push_str(&format!(
            "{pad}{} {}:{line}:{col} ({})\n",
            style.paint("1;34", "-->"),
            escape(path),
            style.text(cli::PAGE, &[p.into()])
        )),
        None => out.push_str(&format!("{pad}{} {}:{line}:{col}\n", style.paint("1;34", "-->"), escape(path))),
    }
    out.push_str(&format!("{pad} {}\n", style.paint("1;34", "|")));
    out.push_str(&format!("{} {} {}\n", style.paint("1;34", &line.to_string()), style.paint("1;34", "|"), at.excerpt.trim_end()));
    let marks = format!("{}{}", " ".repeat(at.before), "^".repeat(at.under));
    out.push_str(&format!("{pad} {} {}\n", style.paint("1;34", "|"), style.severity(d.severity, &marks)));
    if let Some(fix) = &d.fix {
        let fix = escape(fix.trim_end());
        let what = if fix.is_empty() {
            style.text(cli::DELETE, &[])
        } else if d.span.is_empty() {
            style.text(cli::INSERT, &[Arg::text(&fix)])
        } else {
            style.text(cli::REPLACE, &[Arg::text(&fix)])
        };
        out.push_str(&format!("{pad} {} {}\n", style.paint("1;34", "="), style.paint("32", &what)));
    }
    out
}

/// Findings of one rule on one line shown in full; the rest are counted.
const SAME_LINE: usize = 3;

/// All diagnostics of a report and its summary line. Thousands of findings
/// of one rule on one line (a pasted page of `&amp;`) are collapsed into a
/// count after the first few; JSON output lists them all.
pub fn report(o: &Outcome, path: &str, diags: &[&Diagnostic], style: Style) -> String {
    let mut out: String = blocks(o, path, diags, style).concat();
    out.push_str(&summary(path, diags, style));
    out
}

/// Each diagnostic's text, empty for one collapsed into a count.
pub fn blocks(o: &Outcome, path: &str, diags: &[&Diagnostic], style: Style) -> Vec<String> {
    let mut cursor = crate::position::Cursor::new(&o.source);
    let at: Vec<(usize, usize)> = diags.iter().map(|d| cursor.line_col(d.span.start)).collect();
    let mut total: std::collections::HashMap<(&str, usize), usize> = std::collections::HashMap::new();
    for (d, &(line, _)) in diags.iter().zip(&at) {
        *total.entry((d.code, line)).or_default() += 1;
    }
    let mut done: std::collections::HashMap<(&str, usize), usize> = std::collections::HashMap::new();
    diags
        .iter()
        .zip(&at)
        .map(|(d, &(line, col))| {
            let n = done.entry((d.code, line)).or_default();
            *n += 1;
            if *n > SAME_LINE {
                return String::new();
            }
            block(path, d, &place(o, d.span, (line, col)), *n, total[&(d.code, line)], style)
        })
        .collect()
}

/// The text of findings placed beforehand (`Place`), with the same
/// collapsing as `blocks`.
pub fn blocks_placed(path: &str, diags: &[(&Diagnostic, &Place)], style: Style) -> Vec<String> {
    let mut total: std::collections::HashMap<(&str, usize), usize> = std::collections::HashMap::new();
    for (d, p) in diags {
        *total.entry((d.code, p.line)).or_default() += 1;
    }
    let mut done: std::collections::HashMap<(&str, usize), usize> = std::collections::HashMap::new();
    diags
        .iter()
        .map(|(d, p)| {
            let n = done.entry((d.code, p.line)).or_default();
            *n += 1;
            if *n > SAME_LINE {
                return String::new();
            }
            block(path, d, p, *n, total[&(d.code, p.line)], style)
        })
        .collect()
}

/// The `n`th finding of its rule on its line, of `all`.
fn block(path: &str, d: &Diagnostic, at: &Place, n: usize, all: usize, style: Style) -> String {
    let mut out = placed(path, d, at, style);
    if n == SAME_LINE && all > SAME_LINE {
        let more = all - SAME_LINE;
        let said = style.text(cli::MORE_ON_LINE, &[at.line.into(), more.into(), Arg::text(d.code)]);
        out.push_str(&format!("{} {said}\n", style.paint("1;34", "...")));
    }
    out.push('\n');
    out
}

pub fn summary(path: &str, diags: &[&Diagnostic], style: Style) -> String {
    let n = |s| diags.iter().filter(|d| d.severity == s).count();
    summary_counts(path, [n(Severity::Error), n(Severity::Warning), n(Severity::Info)], style)
}

/// The summary line from the counts of errors, warnings and notes shown.
pub fn summary_counts(path: &str, [e, w, i]: [usize; 3], style: Style) -> String {
    let words = style.words();
    if e + w + i == 0 {
        return format!("{}: {}\n", escape(path), style.paint("1;32", &style.text(cli::NO_PROBLEMS, &[])));
    }
    let sep = words.message(crate::messages::SEP_COMMA);
    format!(
        "{}: {}{sep}{}{sep}{}\n",
        escape(path),
        style.severity(Severity::Error, &style.text(cli::ERRORS, &[e.into()])),
        style.severity(Severity::Warning, &style.text(cli::WARNINGS, &[w.into()])),
        style.severity(Severity::Info, &style.text(cli::INFOS, &[i.into()]))
    )
}

/// Pads `s` to `w` display columns.
pub fn pad(s: &str, w: usize) -> String {
    let sw = str_width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(sw)))
}

pub fn display_width(s: &str) -> usize {
    str_width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_shows_a_window_with_the_caret_under_the_span() {
        let line = format!("{}报告&amp;\u{1b}]0;x{}", "甲".repeat(50_000), "乙".repeat(50_000));
        let start = line.find('&').unwrap();
        let (shown, before, under) = excerpt(&line, start, start + 5);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(str_width(&shown) < 4 * MAX + 2, "{}", str_width(&shown));
        let at = shown.find("&amp;").unwrap();
        assert_eq!(str_width(&shown[..at]), before);
        assert_eq!(under, 5);
        assert!(shown.contains("\\u{1b}]0;x") && !shown.contains('\u{1b}'), "{shown}");
        // A short line is shown whole.
        let (whole, before, _) = excerpt("规章\t1\t2", 7, 8);
        assert_eq!((whole.as_str(), before), ("规章 1 2", 5));
    }

    #[test]
    fn file_names_and_messages_are_escaped() {
        assert_eq!(escape("a\u{1b}[31m\nb\u{202e}\tc"), "a\\u{1b}[31m\\u{a}b\\u{202e}\tc");
        assert!(matches!(escape("淮安市 2024.txt"), std::borrow::Cow::Borrowed(_)));
    }
}
