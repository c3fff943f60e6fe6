//! H001–H003: conversion residue, numbering and punctuation.

use super::Ctx;
use crate::messages::*;
use crate::msg;
use crate::normalize::fold;
use crate::report::Anomaly;
use crate::source::Span;

pub fn check(ctx: &mut Ctx) {
    residue(ctx);
    numbering(ctx);
    punctuation(ctx);
}

fn residue(ctx: &mut Ctx) {
    for a in &ctx.report.anomalies {
        if let Anomaly::Residue { what, span } = a {
            let raw = ctx.src.slice(*span);
            let shown = raw.trim().chars().take(30).collect::<String>();
            // Bold markers go, their text stays.
            let fix = if raw.starts_with("**") && raw.len() > 4 && raw.ends_with("**") {
                raw[2..raw.len() - 2].to_string()
            } else {
                String::new()
            };
            ctx.emit("H001", *span, msg!(H001, Arg::Label(what), shown), None, Some(fix));
        }
        if let Anomaly::ResidueMore { count, span } = a {
            ctx.emit("H001", *span, msg!(H001_MORE, *count), None, None);
        }
    }
}

/// An item's enumerator at the start of a line: (style, value).
/// Styles: 0 （一）, 1 （1）, 2 一、, 3 1. or 1、
fn enumerator(line: &str) -> Option<(u8, u32, usize)> {
    let first = line.trim_start().chars().next()?;
    if !(first.is_ascii_digit() || matches!(first, '(' | '（') || "一二三四五六七八九十".contains(first)) {
        return None;
    }
    // An enumerator is its first few characters; the rest of the line (often
    // a paragraph) is not read.
    let t: Vec<char> = line.trim_start().chars().take(8).map(fold).collect();
    let lead = line.len() - line.trim_start().len();
    let zh = |s: &[char]| crate::normalize::chinese_number(&s.iter().collect::<String>());
    if t.first() == Some(&'(') {
        let close = t.iter().take(6).position(|&c| c == ')')?;
        let inner = &t[1..close];
        if inner.iter().all(|c| c.is_ascii_digit()) && !inner.is_empty() {
            return Some((1, inner.iter().collect::<String>().parse().ok()?, lead));
        }
        return zh(inner).map(|v| (0, v, lead));
    }
    let n = t.iter().take_while(|c| c.is_ascii_digit()).count();
    if n > 0 && n <= 2 && matches!(t.get(n), Some('.') | Some('、')) && t.get(n + 1).is_some_and(|c| !c.is_ascii_digit()) {
        return Some((3, t[..n].iter().collect::<String>().parse().ok()?, lead));
    }
    let m = t.iter().take_while(|c| "一二三四五六七八九十".contains(**c)).count();
    if m > 0 && m <= 2 && t.get(m) == Some(&'、') {
        return Some((2, zh(&t[..m])?, lead));
    }
    None
}

/// H002: an item that continues a sibling list in another style (（一） then （2）).
fn numbering(ctx: &mut Ctx) {
    // Numbered items are prose: the sections with tables hold rows, not items.
    for s in ctx.report.sections.iter().filter(|s| matches!(s.number, 1 | 5 | 6)) {
        let mut last: Option<(u8, u32)> = None;
        let mut offset = s.span.end as usize;
        for line in lines(ctx.src.slice(Span { start: s.span.end, end: s.body.end })) {
            if let Some((style, v, lead)) = enumerator(line) {
                if let Some((ls, lv)) = last {
                    let paren = |x: u8| x <= 1;
                    if ls != style && paren(ls) == paren(style) && v == lv + 1 {
                        let body = line.trim_start();
                        let close = |c: char| matches!(fold(c), ')' | '.' | '、');
                        let len = body.char_indices().find(|&(_, c)| close(c)).map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
                        let start = offset + lead;
                        let span = Span::new(start, start + len);
                        ctx.emit("H002", span, msg!(H002, Arg::text(ctx.src.slice(span))), None, None);
                    }
                }
                last = Some((style, v));
            }
            offset += line.len();
        }
    }
}

/// H003: doubled full stops and commas, half-width commas between Chinese.
fn punctuation(ctx: &mut Ctx) {
    let src = ctx.src;
    let text = src.text();
    let cjk = |c: Option<char>| c.is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    // Substring searches, not a walk over every character. The first 50 are
    // said and the search stops there: a text of nothing but full stops has
    // millions, which were all held in memory (a gigabyte for 30 MB).
    let mut said = 0;
    for pat in ["。。", "，，", ","] {
        for i in occurrences(text, pat) {
            if said == 50 {
                return;
            }
            let (msg, fix) = if pat != "," {
                (msg!(H003_DOUBLED, Arg::text(pat)), &pat[..3])
            } else if cjk(text[..i].chars().next_back()) && cjk(text[i + 1..].chars().next()) {
                (msg!(H003_COMMA), "，")
            } else {
                continue;
            };
            said += 1;
            ctx.emit("H003", Span::new(i, i + pat.len()), msg, None, Some(fix.to_string()));
        }
    }
}

/// The lines of `text`, each with its line feed, as `split_inclusive('\n')`
/// cuts them. The command line finds the line feeds with `memchr`'s SIMD
/// search (the standard one took a third of the rules' own time in a batch).
#[cfg(feature = "cli")]
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1).chain(std::iter::once(text.len()));
    ends.filter_map(move |end| {
        let line = text.get(start..end).filter(|l| !l.is_empty());
        start = end;
        line
    })
}

#[cfg(not(feature = "cli"))]
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive('\n')
}

/// Where `pat` occurs in `text`, without overlaps, as `match_indices` finds
/// it. The command line searches with `memchr`'s SIMD substring search: this
/// runs over every report's whole text three times, and the standard
/// library's two-way searcher took 8 % of a batch's instructions for it.
#[cfg(feature = "cli")]
fn occurrences<'t>(text: &'t str, pat: &'t str) -> impl Iterator<Item = usize> + 't {
    memchr::memmem::find_iter(text.as_bytes(), pat.as_bytes())
}

/// The browser checks one report at a time, and its bundle has no `memchr`
/// and no room: the standard library's search.
#[cfg(not(feature = "cli"))]
fn occurrences<'t>(text: &'t str, pat: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(pat).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::{lines, occurrences};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lines_are_cut_as_split_inclusive_cuts_them(text in "[a\n中\r]{0,12}") {
            prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.split_inclusive('\n').collect::<Vec<_>>());
        }

        /// The command line's search finds what the standard library's finds,
        /// overlaps included ("。。。" is one pair, not two).
        #[test]
        fn occurrences_are_match_indices(text in "[。，,a中]{0,40}") {
            for pat in ["。。", "，，", ","] {
                let want: Vec<usize> = text.match_indices(pat).map(|(i, _)| i).collect();
                prop_assert_eq!(occurrences(&text, pat).collect::<Vec<_>>(), want);
            }
        }
    }
}
