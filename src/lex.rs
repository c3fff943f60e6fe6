//! Lines, cells and tokens with spans.
//!
//! A line is split into cells at tabs, pipes and runs of wide spacing (how Word,
//! WPS, web pages and PDF viewers separate table columns). A cell yields values
//! (numbers, placeholders such as `/`) and text fragments. Numbers that sit
//! inside a sentence are not values: a value stands alone in its cell, or ends
//! a label cell ("行政许可 0"), and never follows prose.

use crate::normalize::{fold, fold_kept, is_space, space_len, utf8_len};
use crate::source::{Source, Span};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Text,
    Number(f64),
    /// "/", "—", "-", "无": a cell where a number belongs but none is written.
    Placeholder,
    /// Digits written against text with no separator ("规章000行政规范性文件"):
    /// one number, or several cells run together, which the table reader
    /// splits by the template. The value read as one number (NaN when too long).
    Glued(f64),
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: Kind,
    pub span: Span,
    /// 0-based line index.
    pub line: u32,
    /// Index of the cell in its line; meaningful when `tabbed`.
    pub cell: u16,
    /// The line's cells are separated by tabs or pipes (column positions hold).
    pub tabbed: bool,
}

impl Token {
    #[inline(always)]
    pub fn is_value(&self) -> bool {
        !matches!(self.kind, Kind::Text)
    }
}

#[derive(Clone, Debug)]
pub struct Line {
    pub span: Span,
    pub blank: bool,
    /// A page number or page mark ("-3-", "第 3 页", a bare number between pages).
    pub page_mark: bool,
    /// A form feed ends this line: a new page starts after it.
    pub page_break: bool,
    /// Range of this line's tokens in `Lexed::tokens`.
    pub first_token: u32,
    pub end_token: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Lexed {
    pub lines: Vec<Line>,
    pub tokens: Vec<Token>,
    /// Where the lexer stopped making tokens, having made `MAX_TOKENS`: the
    /// lines after it are kept (sections, facts), their words are not.
    pub stopped_at: Option<Span>,
}

/// Tokens kept for one report. A real report has a few thousand (its three
/// tables hold about 250 values); two million tokens is a text of pasted
/// tables many hundred times a report's size. Past it, memory would grow at
/// 32 bytes a token (16 times the input for a table of one-digit cells) for
/// nothing a check can use.
pub const MAX_TOKENS: usize = 1 << 21;

/// Cells read in one line: as many as a cell's index can number. A table row
/// has a dozen; a line of 30 million pipes held a cell for each (2.5 GB).
const MAX_CELLS: usize = u16::MAX as usize;

impl Lexed {
    pub fn line_tokens(&self, line: usize) -> &[Token] {
        let l = &self.lines[line];
        &self.tokens[l.first_token as usize..l.end_token as usize]
    }
}

pub fn lex(src: &Source) -> Lexed {
    let text = src.text();
    let n = src.line_count();
    let mut lines = Vec::with_capacity(n);
    // About one token in 6 bytes in a report's tables, far fewer in prose: a
    // long text grows the vector instead of reserving for its worst case.
    let mut tokens = Vec::with_capacity((text.len() / 6).min(1 << 16));
    let mut stopped_at = None;
    let mut cell_buf = Vec::new();
    let mut word_buf = Vec::new();
    let mut empty_buf = Vec::new();
    let mut segs = Vec::new();
    let mut merged: Vec<(u16, u16)> = Vec::new();
    for i in 0..n {
        let span = src.line_span(i);
        let s = &text[span.range()];
        crate::segment::split(s, &mut segs);
        let last = segs.len() - 1;
        for (k, &(a, b)) in segs.iter().enumerate() {
            let seg = &s[a..b];
            let base = span.start as usize + a;
            // Markdown converters write ASCII pipes. The command line looks
            // for one only where one may be: in a rule row (which starts with
            // one of its chars), or in a line whose cells `lex_line` found
            // separated (a pipe always separates); the browser, in every line
            // (its first load has no bytes for the difference).
            #[cfg(not(feature = "cli"))]
            let piped = seg.as_bytes().contains(&b'|');
            #[cfg(not(feature = "cli"))]
            let blank = seg.chars().all(|c| is_space(c) || c == '\u{000C}') || (piped && markdown_rule(seg));
            // (The leading run of ASCII spaces passed at once: text from a PDF indents with them.)
            #[cfg(feature = "cli")]
            let blank = seg[seg.bytes().take_while(|&x| x == b' ').count()..].chars().all(|c| is_space(c) || c == '\u{000C}')
                || (markdown_rule(seg) && seg.contains('|'));
            let first = tokens.len() as u32;
            if !blank && stopped_at.is_none() && tokens.len() >= MAX_TOKENS {
                stopped_at = Some(Span::new(base, base + seg.len()));
            }
            if !blank && stopped_at.is_none() {
                let may_pipe = lex_line(seg, base, lines.len() as u32, &mut tokens, &mut cell_buf, &mut word_buf, &mut empty_buf);
                #[cfg(feature = "cli")]
                let piped = may_pipe && memchr::memchr(b'|', seg.as_bytes()).is_some();
                #[cfg(not(feature = "cli"))]
                let _ = may_pipe;
                // One line can hold millions of words: it is cut where the limit is reached.
                if tokens.len() >= MAX_TOKENS {
                    stopped_at = Some(Span::new(base, base + seg.len()));
                }
                if piped {
                    merged_copies(text, &mut tokens, first as usize, &mut merged);
                } else {
                    merged.clear();
                }
            }
            let page_break = k == last && src.ends_page(i);
            lines.push(Line {
                span: Span::new(base, base + seg.len()),
                blank,
                page_mark: false,
                page_break,
                first_token: first,
                end_token: tokens.len() as u32,
            });
        }
    }
    mark_pages(text, &mut lines);
    Lexed { lines, tokens, stopped_at }
}

/// Page marks are recognised by shape ("-3-", "第3页") or, for a bare number, by
/// position: alone between blank lines or next to a form feed.
fn mark_pages(text: &str, lines: &mut [Line]) {
    for i in 0..lines.len() {
        if lines[i].blank {
            continue;
        }
        // Most lines start with an ideograph or a letter, which no page mark
        // does: told from the first byte after the spacing, undecoded (by the
        // command line, which reads every line of a batch; in the browser's
        // first load these lines cost 281 bytes it does not have).
        #[cfg(feature = "cli")]
        {
            let b = &text.as_bytes()[lines[i].span.range()];
            // A run of ASCII spaces (a PDF's indent) at once.
            let mut k = b.iter().take_while(|&&x| x == b' ').count();
            while k < b.len() && space_len(b, k) > 0 {
                k += space_len(b, k);
            }
            if b.get(k).is_some_and(|&x| x.is_ascii_alphabetic() || (0xE4..=0xE9).contains(&x) && !b[k..].starts_with("第".as_bytes())) {
                continue;
            }
        }
        let raw = &text[lines[i].span.range()];
        // Page marks are short; a line with more text is not one.
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{000C}');
        if trimmed.len() > 40 || !trimmed.starts_with(|c: char| c.is_ascii_digit() || "-－—–第".contains(c)) {
            continue;
        }
        // Folded without spacing, on the stack (folding never lengthens a char;
        // tables read from PDFs have hundreds of such short lines).
        let mut buf = [0u8; 40];
        let mut len = 0;
        for c in trimmed.chars().filter_map(fold_kept) {
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        // SAFETY: `buf[..len]` holds whole chars, each written by `encode_utf8`
        // (checking them again was a tenth of this function's time in a batch;
        // in the browser, not checking cost its first load 1.3 KB of inlining).
        #[cfg(feature = "cli")]
        let t = unsafe { std::str::from_utf8_unchecked(&buf[..len]) };
        #[cfg(not(feature = "cli"))]
        let t = std::str::from_utf8(&buf[..len]).unwrap_or("");
        let shaped = dashed_page(t) || is_page_phrase(t);
        let bare = !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
        let mark = shaped
            || (bare && {
                let blanks_before = lines[..i].iter().rev().take_while(|l| l.blank).count();
                // pdftotext starts each page with a form feed, which ends a line.
                let next_ff = lines[i].page_break || lines.get(i + 1).is_some_and(|l| l.blank && l.page_break);
                let prev_ff = i > 0 && lines[i - 1].page_break;
                let at_end = lines[i + 1..].iter().all(|l| l.blank);
                // A number right under a row of numbers, before a form feed,
                // is the last piece of a cell a narrow column broke over lines.
                let under_values =
                    blanks_before == 0 && i > 0 && text[lines[i - 1].span.range()].trim_end().ends_with(|c: char| c.is_ascii_digit());
                blanks_before >= 2 || (next_ff && !under_values) || prev_ff || (at_end && blanks_before >= 1)
            });
        lines[i].page_mark = mark;
    }
}

/// Converters that turn a table into Markdown repeat a merged cell in every
/// column it spans: a header row shows it ("|本年处理决定数量|本年处理决定数量|"),
/// and each row under it repeats its value ("|行政许可|550|550|550|"). The
/// header's runs of identical cells are remembered, and under them a run of
/// identical values is one value.
fn merged_copies(text: &str, tokens: &mut Vec<Token>, first: usize, merged: &mut Vec<(u16, u16)>) {
    let row = &tokens[first..];
    if row.is_empty() {
        return;
    }
    if row.iter().all(|t| !t.is_value()) {
        merged.clear();
        let mut k = 0;
        while k < row.len() {
            let mut j = k;
            while j + 1 < row.len() && row[j + 1].cell == row[j].cell + 1 && text[row[j + 1].span.range()] == text[row[k].span.range()] {
                j += 1;
            }
            // Only the header of a single-cell row spans value columns (the
            // corner cell and group labels span labels; "其他" may repeat by chance).
            if j > k && crate::template::is_single_column_label(&crate::normalize::compact(&text[row[k].span.range()])) {
                merged.push((row[k].cell, row[j].cell));
            }
            k = j + 1;
        }
        return;
    }
    let mut drop = Vec::new();
    for &(a, b) in merged.iter() {
        let copies: Vec<usize> = (first..tokens.len()).filter(|&k| tokens[k].is_value() && (a..=b).contains(&tokens[k].cell)).collect();
        if copies.len() >= 2 && copies.iter().all(|&k| text[tokens[k].span.range()] == text[tokens[copies[0]].span.range()]) {
            drop.extend_from_slice(&copies[1..]);
        }
    }
    if !drop.is_empty() {
        // Only this line's tokens (the tail) are rebuilt: linear in the line.
        let mut keep = vec![true; tokens.len() - first];
        for &k in &drop {
            keep[k - first] = false;
        }
        let tail: Vec<Token> = tokens.drain(first..).zip(keep).filter(|(_, k)| *k).map(|(t, _)| t).collect();
        tokens.extend(tail);
    }
}

/// A Markdown table's rule row ("| --- | :-: |"): markup, not placeholders.
#[cfg(not(feature = "cli"))]
fn markdown_rule(s: &str) -> bool {
    s.contains('-') && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The same, its bytes looked at first: the command line asks of every line
/// of a batch, and most fail at their first byte (the whole line searched for
/// a dash first was a search of every line).
#[cfg(feature = "cli")]
fn markdown_rule(s: &str) -> bool {
    s.bytes().all(|c| matches!(c, b'|' | b'-' | b':' | b' ' | b'\t')) && s.contains('-')
}

fn is_page_phrase(t: &str) -> bool {
    // 第3页, 第3页共8页, 第 3 页 / 共 8 页
    let Some(rest) = t.strip_prefix('第') else {
        return false;
    };
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &rest[digits..];
    let Some(rest) = rest.strip_prefix('页') else {
        return false;
    };
    let rest = rest.trim_start_matches([',', '/']);
    rest.is_empty() || (rest.starts_with('共') && rest.ends_with('页'))
}

/// True when the folded, space-free line is a dashed page number: "-3-", "—3—".
pub fn dashed_page(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('-').and_then(|s| s.strip_suffix('-')) else {
        return false;
    };
    !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit())
}

/// `empty`: room for the line's empty cells, reused from line to line.
/// False when the line holds no ASCII pipe: no tab or pipe separated its
/// cells, and it was read to its end.
fn lex_line(
    s: &str,
    base: usize,
    line: u32,
    out: &mut Vec<Token>,
    cell_buf: &mut Vec<Cell>,
    words: &mut Vec<(usize, usize, Word)>,
    empty: &mut Vec<(usize, u16)>,
) -> bool {
    // Cells separated by tabs or pipes keep their column positions.
    let room = MAX_TOKENS.saturating_sub(out.len());
    let tabbed = cells(s, cell_buf, words, room);
    let may_pipe = tabbed || words.len() >= room || cell_buf.len() >= MAX_CELLS;
    let mut cell = 0u16;
    let first = out.len();
    empty.clear();
    for c in cell_buf.iter() {
        if tabbed && c.start == c.end {
            empty.push((c.start, cell));
        }
        // The cell's words, relative to the cell.
        let ws = &mut words[c.words.0..c.words.1];
        for w in ws.iter_mut() {
            w.0 -= c.start;
            w.1 -= c.start;
        }
        lex_cell(&s[c.start..c.end], c.prose, Origin { base: base + c.start, line, cell, tabbed }, out, ws);
        cell = cell.saturating_add(1);
    }
    // In a row of separated cells, an empty cell between two values is a
    // blank cell (Word's and HTML's empty <td>): it keeps its column as a
    // placeholder instead of shifting the values after it. Empty cells next to
    // the label are not: WPS pads a label merged over two columns that way.
    if !empty.is_empty() {
        let toks = &out[first..];
        let last_value = toks.iter().rposition(|t| t.is_value()).map(|k| toks[k].cell);
        let first_value = toks.iter().position(|t| t.is_value()).map(|k| toks[k].cell);
        if let (Some(fv), Some(lv)) = (first_value, last_value) {
            let blanks: Vec<Token> = empty
                .iter()
                .filter(|&&(_, c)| c < lv && c > fv)
                .map(|&(at, c)| Token { kind: Kind::Placeholder, span: Span::new(base + at, base + at), line, cell: c, tabbed })
                .collect();
            if !blanks.is_empty() {
                // Both lists are in cell order: merge them (no sort in the bundle).
                let row: Vec<Token> = out.drain(first..).collect();
                let (mut a, mut b) = (row.into_iter().peekable(), blanks.into_iter().peekable());
                while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
                    out.push(if (x.cell, x.span.start) <= (y.cell, y.span.start) { a.next() } else { b.next() }.expect("peeked"));
                }
                out.extend(a);
                out.extend(b);
            }
        }
    }
    may_pipe
}

/// A cell of a line: its byte range, trimmed, and the range of its words in
/// the line's word list.
pub(crate) struct Cell {
    start: usize,
    end: usize,
    words: (usize, usize),
    /// It holds a full stop "。" (prose, not a label).
    prose: bool,
}

/// The cells of a line and their words (runs of non-space characters, each
/// classified), in one pass over the bytes: the lexer reads every byte of a
/// report, so it reads them once. Cells are separated by tabs and pipes, and by
/// runs of wide spacing (two spaces or one U+3000); empty cells between two
/// tabs still count, so that column positions survive in tab-separated rows.
/// An empty cell sits at the end of its stretch. True when a tab or a pipe
/// separates cells.
/// At most `room` words and `MAX_CELLS` cells are read: the rest of the line
/// is left out.
fn cells(s: &str, out: &mut Vec<Cell>, words: &mut Vec<(usize, usize, Word)>, room: usize) -> bool {
    out.clear();
    words.clear();
    let b = s.as_bytes();
    let mut start = 0usize; // where the current cell's stretch starts
    let mut first_word = 0usize; // its first word in `words`
    let mut word: Option<usize> = None; // start of the word being read
    let mut separated = false;
    let mut spaces = 0usize; // width of the current run of spaces (U+3000 counts 2)
    let mut run_start = 0usize;
    // Full stops seen, and seen by the time the last cell closed.
    let (mut stops, mut stops_closed) = (0usize, 0usize);
    // Where the last digit (ASCII or full width) was seen: a text word without
    // one cannot hold numbers glued to its text.
    let mut last_digit: Option<usize> = None;
    let word_at = |w: usize, i: usize, last_digit: Option<usize>| match classify(&s[w..i]) {
        Word::Text if last_digit.is_some_and(|d| d >= w) => Word::TextDigits,
        k => k,
    };
    let mut close = |out: &mut Vec<Cell>, words: &[(usize, usize, Word)], first: usize, end: usize, stops: usize| {
        let (a, e) = match words[first..].first() {
            Some(w) => (w.0, words[words.len() - 1].1),
            None => (end, end),
        };
        out.push(Cell { start: a, end: e, words: (first, words.len()), prose: stops > stops_closed });
        stops_closed = stops;
    };
    let mut i = 0;
    while i < b.len() && words.len() < room && out.len() < MAX_CELLS {
        let sep = match b[i] {
            b'\t' | b'|' => 1,
            0xEF if b.get(i + 1) == Some(&0xBD) && b.get(i + 2) == Some(&0x9C) => 3, // U+FF5C
            _ => 0,
        };
        let sp = if sep > 0 { 0 } else { space_len(b, i) };
        if sep > 0 || sp > 0 {
            if let Some(w) = word.take() {
                words.push((w, i, word_at(w, i, last_digit)));
            }
        }
        if sep > 0 {
            separated = true;
            close(out, words, first_word, i, stops);
            first_word = words.len();
            start = i + sep;
            spaces = 0;
            i += sep;
            continue;
        }
        if sp > 0 {
            if spaces == 0 {
                run_start = i;
            }
            // A run of ASCII spaces (how text from a PDF lines up its
            // columns) at once, by the command line: a batch spent 3 % of its
            // instructions stepping through them one by one.
            #[cfg(feature = "cli")]
            if b[i] == b' ' {
                let n = b[i..].iter().take_while(|&&x| x == b' ').count();
                spaces += n;
                i += n;
                continue;
            }
            spaces += if b[i] == 0xE3 { 2 } else { 1 };
            i += sp;
            continue;
        }
        if spaces >= 2 && run_start > start {
            close(out, words, first_word, run_start, stops);
            first_word = words.len();
            start = run_start;
        }
        spaces = 0;
        if word.is_none() {
            word = Some(i);
        }
        // "。" is E3 80 82.
        if b[i] == 0xE3 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) {
            stops += 1;
        } else if digit_at(b, i) {
            last_digit = Some(i);
        }
        i += utf8_len(b[i]);
        // Most of a report is ideographs (lead bytes E4–E9) and ASCII letters
        // and digits, which never separate, space or stop: a run of them is
        // passed at once.
        while let Some(&x) = b.get(i) {
            match x {
                0xE4..=0xE9 => i += 3,
                b'0'..=b'9' => {
                    last_digit = Some(i);
                    i += 1;
                }
                b'a'..=b'z' | b'A'..=b'Z' => i += 1,
                _ => break,
            }
        }
    }
    // `i` is the line's end, or where the room ran out.
    if let Some(w) = word {
        words.push((w, i, word_at(w, i, last_digit)));
    }
    close(out, words, first_word, i, stops);
    separated
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Word {
    Number(f64),
    Placeholder,
    Text,
    /// Text with a digit in it: the only text that can hold glued numbers.
    TextDigits,
}

impl Word {
    fn is_text(self) -> bool {
        matches!(self, Word::Text | Word::TextDigits)
    }
}

/// Where a cell's words are: its first byte in the text, its line, its place
/// in the line and whether tabs or pipes set it apart.
#[derive(Clone, Copy)]
struct Origin {
    base: usize,
    line: u32,
    cell: u16,
    tabbed: bool,
}

impl Origin {
    /// A token of `kind` over bytes `a..b` of the cell.
    fn token(self, kind: Kind, a: usize, b: usize) -> Token {
        Token { kind, span: Span::new(self.base + a, self.base + b), line: self.line, cell: self.cell, tabbed: self.tabbed }
    }
}

/// `prose`: the cell holds a full stop.
fn lex_cell(s: &str, prose: bool, at: Origin, out: &mut Vec<Token>, words: &[(usize, usize, Word)]) {
    if words.is_empty() {
        return;
    }
    debug_assert_eq!(prose, s.contains('。'));
    debug_assert!(words.iter().all(|w| w.2 != Word::Text || !has_glued(&s[w.0..w.1])));
    // A cell of one value, most of a table's cells, read as the rest below
    // reads it (the command line; the browser's first load has no room).
    #[cfg(feature = "cli")]
    if let [(a, b, w @ (Word::Number(_) | Word::Placeholder))] = *words {
        if !prose && out.len() < MAX_TOKENS {
            let kind = match w {
                Word::Number(v) => Kind::Number(v),
                _ => Kind::Placeholder,
            };
            out.push(at.token(kind, a, b));
        }
        return;
    }
    if !prose && words.iter().any(|w| w.2 == Word::TextDigits && has_glued(&s[w.0..w.1])) {
        return lex_glued(s, at, words, out);
    }
    // Values: all words, or a trailing run after text with no other number in it.
    let trailing = words.iter().rev().take_while(|w| !w.2.is_text()).count();
    let text_words = words.len() - trailing;
    let numbers_inside = words[..text_words].iter().any(|w| !w.2.is_text());
    let values_from = if prose || numbers_inside { words.len() } else { text_words };
    if text_words > 0 {
        let end = if values_from < words.len() { words[text_words - 1].1 } else { s.len() };
        out.push(at.token(Kind::Text, 0, end));
    }
    for &(a, b, w) in &words[values_from..] {
        if out.len() >= MAX_TOKENS {
            break;
        }
        let kind = match w {
            Word::Number(v) => Kind::Number(v),
            _ => Kind::Placeholder,
        };
        out.push(at.token(kind, a, b));
    }
}

/// Measure words and units: digits before them are a quantity in a sentence
/// ("5件", "2024年"), never table cells run together.
const UNITS: &str = "年月日号时分秒件条个项次场篇期份人家户元角万亿千百名位天周岁倍余多起宗封张册本部类套台页届批笔例%";

/// The digit runs in a word that stand against text with no separator, as
/// (start, end) byte ranges. A run is a value when it follows an ideograph or
/// a closing bracket (or starts the word) and is followed by an ideograph that
/// is no unit, an opening bracket, or the end of the word. A last digit
/// followed by "." or "、" and text is the numbering of the next label
/// ("…00000002.其他法律…"), not part of the run.
fn glued_runs(w: &str, mut each: impl FnMut(usize, usize)) {
    let ideograph = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let digit = |c: char| c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c);
    let mut prev: Option<char> = None;
    let mut it = w.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !digit(c) {
            prev = Some(fold(c));
            continue;
        }
        // The run: digits, and a decimal point between digits.
        let (mut end, mut last_start) = (start + c.len_utf8(), start);
        while let Some(&(j, d)) = it.peek() {
            let point = fold(d) == '.' && {
                let mut look = it.clone();
                look.next();
                look.peek().is_some_and(|&(_, e)| digit(e))
            };
            if !(digit(d) || point) {
                break;
            }
            it.next();
            end = j + d.len_utf8();
            if !point {
                last_start = j;
            }
        }
        let next = it.peek().map(|&(_, d)| fold(d));
        let numbering = matches!(next, Some('.') | Some('、')) && {
            let mut look = it.clone();
            look.next();
            look.peek().is_some_and(|&(_, e)| !digit(e))
        };
        let run_end = if numbering { last_start } else { end };
        let left_ok = prev.is_none_or(|p| (ideograph(p) && p != '第') || matches!(p, ')' | '"' | '\'' | '》' | '】' | ']' | '」'));
        let right_ok = numbering || next.is_none_or(|n| (ideograph(n) && !UNITS.contains(n)) || n == '(');
        // A whole word of digits is an ordinary number, not a glued one.
        if run_end > start && left_ok && right_ok && !(prev.is_none() && next.is_none()) {
            each(start, run_end);
        }
        prev = Some('0');
    }
}

/// An ASCII digit, or a full-width one (EF BC 90..99), starts at `b[i]`: told
/// from the bytes, without decoding.
#[inline(always)]
fn digit_at(b: &[u8], i: usize) -> bool {
    b[i].is_ascii_digit() || (b[i] == 0xEF && b.get(i + 1) == Some(&0xBC) && b.get(i + 2).is_some_and(|x| (0x90..=0x99).contains(x)))
}

fn has_glued(w: &str) -> bool {
    let b = w.as_bytes();
    if !(0..b.len()).any(|i| digit_at(b, i)) {
        return false;
    }
    let mut any = false;
    glued_runs(w, |_, _| any = true);
    any
}

/// A cell of table text run together ("规章000行政规范性文件1126…"): every
/// glued run and every number word is a value, the rest is text.
fn lex_glued(s: &str, origin: Origin, words: &[(usize, usize, Word)], out: &mut Vec<Token>) {
    let mut text: Option<(usize, usize)> = None;
    let flush = |text: &mut Option<(usize, usize)>, out: &mut Vec<Token>| {
        if let Some((a, b)) = text.take() {
            out.push(origin.token(Kind::Text, a, b));
        }
    };
    for &(a, b, w) in words {
        match w {
            Word::Number(v) => {
                flush(&mut text, out);
                out.push(origin.token(Kind::Number(v), a, b));
            }
            Word::Placeholder => {
                flush(&mut text, out);
                out.push(origin.token(Kind::Placeholder, a, b));
            }
            Word::Text | Word::TextDigits => {
                let word = &s[a..b];
                let mut at = 0;
                glued_runs(word, |x, y| {
                    if out.len() >= MAX_TOKENS {
                        return;
                    }
                    if x > at {
                        let (ta, _) = text.unwrap_or((a + at, a + at));
                        text = Some((ta, a + x));
                    }
                    flush(&mut text, out);
                    let folded: String = word[x..y].chars().map(fold).collect();
                    let v = parse_number(&folded).unwrap_or(f64::NAN);
                    out.push(origin.token(Kind::Glued(v), a + x, a + y));
                    at = y;
                });
                if at < word.len() {
                    let (ta, _) = text.unwrap_or((a + at, a + at));
                    text = Some((ta, b));
                }
            }
        }
    }
    flush(&mut text, out);
}

fn classify(w: &str) -> Word {
    // Most values are plain ASCII digits: read those at once.
    let b = w.as_bytes();
    if !b.is_empty() && b.len() <= 15 && b.iter().all(u8::is_ascii_digit) {
        return Word::Number(b.iter().fold(0u64, |n, d| n * 10 + (d - b'0') as u64) as f64);
    }
    // Most words are Chinese text: decide those at the first character, by
    // the command line from its first byte when it is a letter or an
    // ideograph other than 无 (無), which fold to neither a digit nor a sign.
    #[cfg(feature = "cli")]
    match b.first() {
        Some(b'a'..=b'z' | b'A'..=b'Z') => return Word::Text,
        Some(0xE4..=0xE9) if !(w.starts_with('无') || w.starts_with('無')) => return Word::Text,
        _ => {}
    }
    let first = w.chars().next().map(fold).unwrap_or(' ');
    if !(first.is_ascii_digit() || matches!(first, '-' | '+' | '/' | '\\' | '*' | '×' | '无')) {
        return Word::Text;
    }
    // Fold into a small stack buffer: numbers and placeholders are short.
    let mut buf = [0u8; 40];
    let mut len = 0;
    for c in w.chars().map(fold) {
        let n = c.len_utf8();
        if len + n > buf.len() {
            return Word::Text;
        }
        c.encode_utf8(&mut buf[len..]);
        len += n;
    }
    // SAFETY: `buf[..len]` holds whole chars, each written by `encode_utf8`
    // (checked again, this was half the cost of a number word in a batch; the
    // browser keeps the check, as `mark_pages` does).
    #[cfg(feature = "cli")]
    let f = unsafe { std::str::from_utf8_unchecked(&buf[..len]) };
    #[cfg(not(feature = "cli"))]
    let f = std::str::from_utf8(&buf[..len]).unwrap_or("");
    if matches!(f, "/" | "\\" | "-" | "--" | "---" | "无" | "*" | "×") {
        return Word::Placeholder;
    }
    match parse_number(f) {
        Some(v) => Word::Number(v),
        None => Word::Text,
    }
}

/// Parses a folded number: optional sign, digits with optional thousands commas,
/// optional decimals. "1,288" is 1288; "3." and "1、" are numbering, not numbers.
pub fn parse_number(f: &str) -> Option<f64> {
    let (neg, body) = match f.strip_prefix(['-', '+']) {
        Some(b) => (f.starts_with('-'), b),
        None => (false, f),
    };
    // The command line looks for the point byte by byte: a number is a few
    // bytes (the standard search sets up a memchr for each).
    #[cfg(feature = "cli")]
    let (int, frac) = match body.bytes().position(|b| b == b'.') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    #[cfg(not(feature = "cli"))]
    let (int, frac) = match body.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (body, None),
    };
    if int.is_empty() || frac.is_some_and(|b| b.is_empty() || !b.bytes().all(|c| c.is_ascii_digit())) {
        return None;
    }
    // Digits, with commas only between groups of three ("1,288", not "12,34").
    let mut n: u64 = 0;
    let mut digits = 0usize;
    let mut group = 0usize;
    let mut groups = 0usize;
    for (i, b) in int.bytes().enumerate() {
        match b {
            b'0'..=b'9' => {
                n = n.checked_mul(10)?.checked_add((b - b'0') as u64)?;
                digits += 1;
                group += 1;
            }
            b',' if i > 0 && (groups > 0 && group == 3 || groups == 0 && group <= 3) => {
                groups += 1;
                group = 0;
            }
            _ => return None,
        }
    }
    if groups > 0 && group != 3 || digits > 15 {
        return None;
    }
    // Whole digits and decimals as one integer, then one correctly rounded
    // division: exact for report figures, and no float parser in the bundle.
    let fr = frac.map(|f| &f[..f.len().min(6).min(18 - digits)]).unwrap_or("");
    for b in fr.bytes() {
        n = n * 10 + (b - b'0') as u64;
    }
    let mut v = n as f64;
    if !fr.is_empty() {
        v /= [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6][fr.len()];
    }
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Both builds' rule rows are the same rows.
        #[test]
        fn rule_rows(s in "[|\t :a中-]{0,12}") {
            let want = s.contains('-') && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
            prop_assert_eq!(markdown_rule(&s), want);
        }

        /// `lex_line` never says a line with a pipe holds none (the command
        /// line then looks for Markdown's merged cells only where it says so).
        #[test]
        fn a_line_with_a_pipe_may_hold_one(s in "[|\t 　中a1:。-]{0,30}") {
            let (mut out, mut cells, mut words, mut empty) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let may = lex_line(&s, 0, 0, &mut out, &mut cells, &mut words, &mut empty);
            prop_assert!(may || !s.contains('|'));
        }
    }

    #[test]
    fn plain_digits_read_as_parse_number_reads_them() {
        for w in ["0", "7", "007", "1288", "999999999999999", "1000000000000000", "123456789012345678"] {
            let slow = match parse_number(w) {
                Some(v) => Word::Number(v),
                None => Word::Text,
            };
            assert!(classify(w) == slow, "{w}");
        }
    }

    fn kinds(line: &str) -> Vec<String> {
        let src = Source::new(line);
        let lx = lex(&src);
        lx.tokens
            .iter()
            .map(|t| match t.kind {
                Kind::Text => format!("T:{}", src.slice(t.span)),
                Kind::Number(v) => format!("N:{v}"),
                Kind::Placeholder => "P".into(),
                Kind::Glued(_) => format!("G:{}", src.slice(t.span)),
            })
            .collect()
    }

    #[test]
    fn rows_of_every_layout() {
        assert_eq!(kinds("行政许可\t0\t0\t0"), ["T:行政许可", "N:0", "N:0", "N:0"]);
        assert_eq!(kinds("一、本年新收政府信息公开申请数量 0 0 7"), ["T:一、本年新收政府信息公开申请数量", "N:0", "N:0", "N:7"]);
        assert_eq!(kinds("规章            1          0        11"), ["T:规章", "N:1", "N:0", "N:11"]);
        assert_eq!(kinds("1. 属于国家秘密 / 0"), ["T:1. 属于国家秘密", "P", "N:0"]);
        assert_eq!(kinds("行政事业性收费   96171.6"), ["T:行政事业性收费", "N:96171.6"]);
        assert_eq!(kinds("\t　０"), ["N:0"]);
        // Empty cells between the label and the last value are blank cells.
        assert_eq!(kinds("规章\t1\t\t11"), ["T:规章", "N:1", "P", "N:11"]);
        assert_eq!(kinds("一、本年新收\t\t2\t0\t\t"), ["T:一、本年新收", "N:2", "N:0"]);
        assert_eq!(kinds("\t\t2.重复申请\t0\t\t0\t"), ["T:2.重复申请", "N:0", "P", "N:0"]);
    }

    #[test]
    fn prose_numbers_are_not_values() {
        assert_eq!(kinds("府信息 2428 条，公开政府常务会议 7"), ["T:府信息 2428 条，公开政府常务会议 7"]);
        assert_eq!(kinds("答复 3 件。"), ["T:答复 3 件。"]);
    }

    #[test]
    fn merged_cells_repeated_by_a_converter() {
        let src = Source::new(
            "|信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量|\n|行政许可|550|550|550|\n|申请人情况|申请人情况|申请人情况|\n|一、本年新收|0|0|0|",
        );
        let lx = lex(&src);
        let values: Vec<&str> = lx.tokens.iter().filter(|t| t.is_value()).map(|t| src.slice(t.span)).collect();
        assert_eq!(values, ["550", "0", "0", "0"]);
    }

    #[test]
    fn glued_cells() {
        assert_eq!(kinds("规章000行政规范性文件1126第二十条"), ["T:规章", "G:000", "T:行政规范性文件", "G:1126", "T:第二十条"]);
        assert_eq!(kinds("（三）不予公开1.属于国家秘密00000002.其他法律"), ["T:（三）不予公开1.属于国家秘密", "G:0000000", "T:2.其他法律"]);
        assert_eq!(kinds("淮安市人民政府2024年政府信息公开工作年度报告"), ["T:淮安市人民政府2024年政府信息公开工作年度报告"]);
        assert_eq!(kinds("邮编：223001 电话：0517-83605210"), ["T:邮编：223001 电话：0517-83605210"]);
        assert_eq!(kinds("第3页"), ["T:第3页"]);
        assert_eq!(kinds("行政事业性收费96171.6"), ["T:行政事业性收费", "G:96171.6"]);
    }

    #[test]
    fn page_marks() {
        let src = Source::new("正文\n\n\n5\n\n（五）\n  -3-\n\u{000C}下一页\n第 2 页\n");
        let lx = lex(&src);
        let marks: Vec<usize> = lx.lines.iter().enumerate().filter(|(_, l)| l.page_mark).map(|(i, _)| i).collect();
        // The form feed ends a (blank) line of its own.
        assert_eq!(marks, [3, 6, 9]);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1,288"), Some(1288.0));
        assert_eq!(parse_number("3."), None);
        assert_eq!(parse_number("-2"), Some(-2.0));
        assert_eq!(parse_number("12,34"), None);
        assert_eq!(parse_number("1,234,567.5"), Some(1234567.5));
        assert_eq!(parse_number("1234,567"), None);
        assert_eq!(parse_number(",123"), None);
        assert_eq!(parse_number("96171.6"), Some(96171.6));
        assert_eq!(parse_number("99999999999999999999"), None);
    }
}
