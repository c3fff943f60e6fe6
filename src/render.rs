//! Terminal rendering in the style of rustc and ruff: code, severity, message,
//! file:line:column, the source line with the span underlined (CJK characters
//! are two columns wide), and the suggested fix.

use crate::diagnostic::{Diagnostic, Severity};
use crate::Outcome;

#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
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

pub fn severity_zh(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

/// One diagnostic, with its excerpt.
pub fn diagnostic(o: &Outcome, path: &str, d: &Diagnostic, style: Style) -> String {
    let src = &o.source;
    let (line, col) = src.line_col(d.span.start);
    let mut out = String::new();
    out.push_str(&style.severity(d.severity, &format!("{}[{}]", d.severity.key(), d.code)));
    out.push_str(&style.paint("1", &format!(": {}", d.message)));
    out.push('\n');
    let gutter = line.to_string().len();
    let pad = " ".repeat(gutter);
    // For a PDF the line is in the extracted text; the page is where to look.
    let page = o.place(d.span).map(|(p, _)| p);
    match page {
        Some(p) => out.push_str(&format!("{pad}{} {path}:{line}:{col} ({path}: 第{p}页)\n", style.paint("1;34", "-->"))),
        None => out.push_str(&format!("{pad}{} {path}:{line}:{col}\n", style.paint("1;34", "-->"))),
    }
    let lspan = src.line_span(line - 1);
    let text = src.slice(lspan);
    // Tabs and form feeds would misalign the underline: show them as spaces.
    let shown: String = text.chars().map(|c| if c == '\t' || c == '\u{000C}' { ' ' } else { c }).collect();
    let start = (d.span.start - lspan.start) as usize;
    let end = (d.span.end.min(lspan.end).max(d.span.start) - lspan.start) as usize;
    let before = text.get(..start).map(|s| s.chars().map(|c| if c == '\t' { 1 } else { width(c) }).sum::<usize>()).unwrap_or(0);
    let under = text.get(start..end).map(str_width).unwrap_or(0).max(1);
    // Long PDF lines: show a window around the span.
    let (shown, before) = window(&shown, before, under);
    out.push_str(&format!("{pad} {}\n", style.paint("1;34", "|")));
    out.push_str(&format!("{} {} {}\n", style.paint("1;34", &line.to_string()), style.paint("1;34", "|"), shown.trim_end()));
    let marks = format!("{}{}", " ".repeat(before), "^".repeat(under));
    out.push_str(&format!("{pad} {} {}\n", style.paint("1;34", "|"), style.severity(d.severity, &marks)));
    if let Some(fix) = &d.fix {
        let what = if fix.is_empty() {
            "删除此处内容".to_string()
        } else if d.span.is_empty() {
            format!("在此处插入“{}”", fix.trim_end())
        } else {
            format!("改为“{}”", fix.trim_end())
        };
        out.push_str(&format!("{pad} {} {}\n", style.paint("1;34", "="), style.paint("32", &format!("建议：{what}"))));
    }
    out
}

fn window(line: &str, before: usize, under: usize) -> (String, usize) {
    const MAX: usize = 120;
    if str_width(line) <= MAX {
        return (line.to_string(), before);
    }
    let from = before.saturating_sub(40);
    let mut col = 0;
    let mut out = String::new();
    let mut skipped = 0;
    for c in line.chars() {
        let w = width(c);
        if col < from {
            col += w;
            skipped = col;
            continue;
        }
        if col >= from + MAX.max(under + 40) {
            break;
        }
        out.push(c);
        col += w;
    }
    let tail = if col >= from + MAX.max(under + 40) { "…" } else { "" };
    if skipped == 0 {
        (format!("{out}{tail}"), before)
    } else {
        (format!("…{out}{tail}"), before - skipped + 1)
    }
}

/// All diagnostics of a report and its summary line.
pub fn report(o: &Outcome, path: &str, diags: &[&Diagnostic], style: Style) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&diagnostic(o, path, d, style));
        out.push('\n');
    }
    out.push_str(&summary(path, diags, style));
    out
}

pub fn summary(path: &str, diags: &[&Diagnostic], style: Style) -> String {
    let n = |s| diags.iter().filter(|d| d.severity == s).count();
    let (e, w, i) = (n(Severity::Error), n(Severity::Warning), n(Severity::Info));
    if e + w + i == 0 {
        return format!("{path}: {}\n", style.paint("1;32", "未发现问题 (no problems found)"));
    }
    format!(
        "{path}: {}，{}，{}\n",
        style.severity(Severity::Error, &format!("{e} 个错误")),
        style.severity(Severity::Warning, &format!("{w} 个警告")),
        style.severity(Severity::Info, &format!("{i} 条提示"))
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
