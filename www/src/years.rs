//! The 对照上年 panel's findings (X001–X003, www/batch/years.js) in the
//! checker's own list: the panel checks this year's text against last year's
//! with the batch module and hands the findings over (platform.js `onYears`);
//! they join the app's findings, sorted with them, while the editor holds the
//! text they were found in. The app's wasm carries none of the cross-year
//! rules, only this.

use nianbao::messages::{Arg, Message, NOTHING};
use nianbao::{Diagnostic, Outcome, Span};

/// Adds the panel's findings to `o` when they are of its text. `given` is
/// the findings, a NUL, then the text they were found in (platform.js
/// `onYears`); the findings: per finding its code, byte start and end,
/// message, English message and fix if any, fields split by U+001F, findings
/// by U+001E.
pub fn add(o: &mut Outcome, given: &str) {
    let Some((found, text)) = given.split_once('\0') else { return };
    if found.is_empty() || o.source.text() != text.strip_prefix('\u{feff}').unwrap_or(text) {
        return;
    }
    for f in found.split('\u{1e}') {
        let mut f = f.split('\u{1f}');
        let (Some(rule), Some(start), Some(end), Some(zh), Some(en)) =
            (f.next().and_then(nianbao::rules::rule), f.next().and_then(number), f.next().and_then(number), f.next(), f.next())
        else {
            continue;
        };
        // A span that is not of this text (on character boundaries) is dropped.
        if o.source.text().get(start..end).is_none() {
            continue;
        }
        // Rendered by the panel in both languages: the English is the message's one argument.
        let d = Diagnostic {
            code: rule.code,
            severity: rule.severity,
            message: zh.to_string(),
            msg: Message { key: NOTHING, args: vec![Arg::Text(en.to_string())] },
            span: Span::new(start, end),
            cell: None,
            fix: f.next().map(|x| x.to_string()),
        };
        // In text order among the others, as the checker's own are.
        let at = o.diagnostics.partition_point(|x| x.span.start as usize <= start);
        o.diagnostics.insert(at, d);
    }
}

/// A byte offset as the panel writes it (plain digits).
fn number(s: &str) -> Option<usize> {
    s.bytes().try_fold(0usize, |n, b| b.is_ascii_digit().then(|| n * 10 + (b - b'0') as usize))
}
