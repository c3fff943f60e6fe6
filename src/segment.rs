//! Logical lines: where paragraphs and section headings start in text whose
//! line breaks were lost.
//!
//! A scraper's `textContent`, a crawler's database field or a flattened web
//! page gives a whole report as one line: each paragraph starts with its
//! indent (`　　`), headings sit in the middle of the line, tables are glued
//! to the headings around them. Reading such a line as one would make it a
//! single prose cell (no heading, no table). So a physical line is cut where a
//! section heading starts and ends, and where an indented paragraph follows a
//! sentence end; once a line has been cut that way it is known to be
//! flattened, and it is also cut after every full stop, so that each sentence,
//! heading and table stretch is a line of its own. Ordinary lines are never cut
//! except around a heading (a line "二、主动公开政府信息情况（单位：件）" reads
//! as the heading and a note).
//!
//! Cuts only choose where logical lines start: spans keep pointing into the
//! original text, and line numbers in findings are physical lines.

use crate::normalize::{fold, is_space};
use crate::parse::heading_len;

const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];

/// Byte ranges (relative to `s`) of the logical lines of one physical line.
pub fn split(s: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    if !may_cut(s) {
        out.push((0, s.len()));
        return;
    }
    let mut cuts: Vec<usize> = Vec::new();
    let mut stops: Vec<usize> = Vec::new();
    // The last significant character (folded where it is looked at) and the
    // spacing after it.
    let mut prev: Option<char> = None;
    let mut run_width = 0usize;
    let mut run_wide = false;
    // Byte offset up to which a heading just found extends.
    let mut heading_end = 0usize;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_space(c) || c == '\u{000C}' {
            run_width += if c == '\u{3000}' { 2 } else { 1 };
            run_wide |= c == '\u{3000}';
            continue;
        }
        if i < heading_end {
            prev = Some(c);
            run_width = 0;
            run_wide = false;
            continue;
        }
        let spaced = run_width >= 2;
        // An indented paragraph after a sentence end starts a new line.
        if run_wide && run_width >= 4 && prev.is_some_and(|p| matches!(fold(p), '。' | '!' | '?' | ';' | ':' | '"' | ')')) {
            cuts.push(i);
        }
        if NUMERALS.contains(&c) && chars.peek().is_some_and(|(_, n)| matches!(fold(*n), '、' | '.' | ',' | ':')) {
            // Mid-line, a heading must follow something that ends a stretch of
            // text (a sentence, a table value, a markup sign, wide spacing),
            // unless it is worded exactly as the template has it.
            let boundary = match prev.map(fold) {
                None => true,
                Some(p) => {
                    spaced
                        || p.is_ascii_digit()
                        || matches!(
                            p,
                            '。' | '!' | '?' | ';' | ':' | '/' | '-' | ')' | ']' | '】' | '」' | '"' | '|' | '#' | '=' | '*' | '>' | '》'
                        )
                }
            };
            if let Some((len, exact)) = heading_len(&s[i..]) {
                if boundary || exact {
                    if prev.is_some() {
                        cuts.push(i);
                    }
                    heading_end = i + len;
                    cuts.push(heading_end);
                    prev = Some(c);
                    run_width = 0;
                    run_wide = false;
                    continue;
                }
            }
        }
        if c == '。' {
            stops.push(i + c.len_utf8());
        }
        prev = Some(c);
        run_width = 0;
        run_wide = false;
    }
    // A heading alone on its line needs no cut.
    cuts.retain(|&c| c < s.len() && !s[c..].chars().all(|ch| is_space(ch) || ch == '\u{000C}'));
    // Nor does one after nothing but markup ("## 三、…", "| 三、…").
    cuts.retain(|&c| c > 0 && !s[..c].chars().all(|ch| is_space(ch) || matches!(ch, '\u{000C}' | '#' | '*' | '|' | '>' | '｜')));
    if cuts.is_empty() {
        out.push((0, s.len()));
        return;
    }
    // Both lists are in text order: merge them (no sort in the bundle).
    let mut all = Vec::with_capacity(cuts.len() + stops.len());
    let (mut a, mut b) = (cuts.into_iter().peekable(), stops.into_iter().filter(|&c| c < s.len()).peekable());
    while let (Some(&x), Some(&y)) = (a.peek(), b.peek()) {
        all.push(if x <= y { a.next() } else { b.next() }.expect("peeked"));
    }
    all.extend(a);
    all.extend(b);
    all.dedup();
    let cuts = all;
    let mut start = 0;
    for c in cuts {
        if c > start {
            out.push((start, c));
        }
        start = c;
    }
    out.push((start, s.len()));
    // Drop stretches of nothing but spacing (the indents between paragraphs).
    if out.len() > 1 {
        out.retain(|&(a, b)| !s[a..b].chars().all(|ch| is_space(ch) || ch == '\u{000C}'));
    }
    if out.is_empty() {
        out.push((0, s.len()));
    }
}

/// A cheap look at the bytes: only a line with a numeral before a delimiter
/// ("二、") or a paragraph indent ("　　") after some text can be cut (a
/// heading or an indent at the start of a line needs no cut).
fn may_cut(s: &str) -> bool {
    let b = s.as_bytes();
    // Skip the indent and a numbered heading's start: "　　一、".
    let mut i = 0;
    while i < b.len() {
        if b[i] == b' ' || b[i] == b'\t' {
            i += 1;
        } else if b.get(i..i + 3) == Some(&[0xE3, 0x80, 0x80]) {
            i += 3;
        } else {
            break;
        }
    }
    let start = i + 3;
    // The command line looks at whole blocks of bytes at once (it reads every
    // line of a batch; the browser's first load has no bytes to spare).
    #[cfg(all(feature = "cli", target_arch = "x86_64"))]
    let found = may_cut_blocks(b, start);
    #[cfg(not(all(feature = "cli", target_arch = "x86_64")))]
    let found = may_cut_by_chars(b, start);
    found
}

/// The numerals of the six section headings, 一 to 六.
const NUMERAL_BYTES: [[u8; 3]; 6] =
    [[0xE4, 0xB8, 0x80], [0xE4, 0xBA, 0x8C], [0xE4, 0xB8, 0x89], [0xE5, 0x9B, 0x9B], [0xE4, 0xBA, 0x94], [0xE5, 0x85, 0xAD]];

/// `may_cut`'s look at a line's bytes from `start` (past the indent and the
/// first character), character by character.
fn may_cut_by_chars(b: &[u8], start: usize) -> bool {
    let numeral_before = |i: usize| i >= start && NUMERAL_BYTES.iter().any(|n| b[i - 3..i] == n[..]);
    let mut i = start.max(3);
    while i < b.len() {
        // Ideographs (lead bytes E4–E9) and ASCII other than . , : are most
        // of a line and can start nothing looked for: passed in a tight loop
        // (by the command line, which reads every line of a batch; the
        // browser's first load has no bytes to spare for it).
        #[cfg(feature = "cli")]
        while let Some(&x) = b.get(i) {
            match x {
                0xE4..=0xE9 => i += 3,
                b'.' | b',' | b':' => break,
                0..0x80 => i += 1,
                _ => break,
            }
        }
        if i >= b.len() {
            break;
        }
        match b[i] {
            b'.' | b',' | b':' if numeral_before(i) => return true,
            // 、 is E3 80 81; U+3000 is E3 80 80 (two make an indent).
            0xE3 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x81) if numeral_before(i) => return true,
                Some(0x80) if b.get(i + 3..i + 6) == Some(&[0xE3, 0x80, 0x80]) => return true,
                _ => i += 3,
            },
            // Full-width ．，： are EF BC 8E/8C/9A.
            0xEF if b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x8E) | Some(0x8C) | Some(0x9A)) => {
                if numeral_before(i) {
                    return true;
                }
                i += 3;
            }
            // Other lead bytes of three-byte characters: skip the character.
            0xE0..=0xEF => i += 3,
            _ => i += 1,
        }
    }
    false
}

/// `may_cut_by_chars`' answer from blocks of 16 bytes (SSE2, in every x86-64
/// CPU). What it looks for starts with `.` `,` `:` or a character led by E3
/// (、, U+3000) or EF (．，：), at a place where the byte before ends a
/// numeral or a U+3000: such places, rare in a report's text, are found 16
/// at a time and looked at one by one, instead of passing every ideograph
/// between them with a branch (every line of a batch is looked at; lexing
/// the corpus took 6 % less time).
#[cfg(all(feature = "cli", target_arch = "x86_64"))]
fn may_cut_blocks(b: &[u8], start: usize) -> bool {
    use std::arch::x86_64::*;
    let from = start.max(3);
    // What `may_cut_by_chars` finds at `q` (a character's first byte: the
    // bytes looked for start no other), or a U+3000 pair starting at q - 3.
    let found_at = |q: usize| {
        let numeral_before = q >= start && NUMERAL_BYTES.iter().any(|n| b[q - 3..q] == n[..]);
        match b[q] {
            b'.' | b',' | b':' => numeral_before,
            0xE3 => {
                (numeral_before && b.get(q + 1..q + 3) == Some(&[0x80, 0x81]))
                    || (q >= from + 3 && b[q - 3..q] == [0xE3, 0x80, 0x80] && b.get(q..q + 3) == Some(&[0xE3, 0x80, 0x80]))
            }
            0xEF => numeral_before && b.get(q + 1) == Some(&0xBC) && matches!(b.get(q + 2), Some(0x8E | 0x8C | 0x9A)),
            _ => false,
        }
    };
    let n = b.len();
    // A short line (a table row's cell, a heading) in one go, by chars.
    if n < from + 16 {
        return may_cut_by_chars(b, start);
    }
    // The places among the 16 bytes from `q` (q >= 3) worth a look, as bits.
    let places = |q: usize| {
        debug_assert!(q >= 3 && q + 16 <= n);
        // SAFETY: SSE2 is in the x86-64 baseline; the bytes read are b[q - 1..q + 16].
        unsafe {
            let v = _mm_loadu_si128(b.as_ptr().add(q) as *const __m128i);
            let before = _mm_loadu_si128(b.as_ptr().add(q - 1) as *const __m128i);
            let any = |x: __m128i, of: &[u8]| {
                of.iter().fold(_mm_setzero_si128(), |m, &c| _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8))))
            };
            // The last bytes of 一 二 三 四 五 六, and of U+3000.
            let ends = any(before, &[0x80, 0x8C, 0x89, 0x9B, 0x94, 0xAD]);
            _mm_movemask_epi8(_mm_and_si128(any(v, b".,:\xE3\xEF"), ends)) as u32
        }
    };
    let look = |q: usize, mut mask: u32| {
        while mask != 0 {
            let k = q + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if found_at(k) {
                return true;
            }
        }
        false
    };
    let mut q = from;
    while q + 16 <= n {
        if look(q, places(q)) {
            return true;
        }
        q += 16;
    }
    // The last bytes: the block that ends the line, without the places already looked at.
    q < n && look(n - 16, places(n - 16) >> (q - (n - 16)) << (q - (n - 16)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both looks give one answer, wherever the line's first character and
    /// the block edges fall.
    #[cfg(all(feature = "cli", target_arch = "x86_64"))]
    mod blocks {
        use proptest::prelude::*;

        const PIECES: [&str; 26] = [
            "一", "二", "三", "四", "五", "六", "七", "、", ".", ",", ":", "．", "，", "：", "　", " ", "\t", "a", "中", "𠀀", "é", "。",
            "「", "倀", "丌", "1",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(4096))]
            #[test]
            fn blocks_find_what_chars_find(parts in proptest::collection::vec(0..PIECES.len(), 0..48)) {
                let s: String = parts.iter().map(|&k| PIECES[k]).collect();
                let b = s.as_bytes();
                for start in 0..(b.len() + 4).min(12) {
                    prop_assert_eq!(super::super::may_cut_blocks(b, start), super::super::may_cut_by_chars(b, start), "{:?} from {}", s, start);
                }
            }
        }
    }

    fn parts(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(s, &mut out);
        out.into_iter().map(|(a, b)| s[a..b].trim_matches(|c: char| is_space(c))).collect()
    }

    #[test]
    fn ordinary_lines_stay_whole() {
        assert_eq!(parts("一、总体情况"), ["一、总体情况"]);
        assert_eq!(
            parts("　　2024年，本机关坚持公开为常态。全年共受理申请 5 件。"),
            ["2024年，本机关坚持公开为常态。全年共受理申请 5 件。"]
        );
        assert_eq!(parts("一、本年新收政府信息公开申请数量 8 1 0 1 0 0 10"), ["一、本年新收政府信息公开申请数量 8 1 0 1 0 0 10"]);
        assert_eq!(parts("规章　　0　　0　　0"), ["规章　　0　　0　　0"]);
    }

    #[test]
    fn flattened_text_is_cut_at_headings_paragraphs_and_stops() {
        let s = "　　一、总体情况　　2024年，本机关坚持公开。全年共办理5件。　　二、主动公开政府信息情况第二十条第（一）项信息内容规章000行政规范性文件1126三、收到和处理政府信息公开申请情况（本列数据）";
        assert_eq!(
            parts(s),
            [
                "一、总体情况",
                "2024年，本机关坚持公开。",
                "全年共办理5件。",
                "二、主动公开政府信息情况",
                "第二十条第（一）项信息内容规章000行政规范性文件1126",
                "三、收到和处理政府信息公开申请情况",
                "（本列数据）"
            ]
        );
    }

    #[test]
    fn heading_then_note() {
        assert_eq!(parts("二、主动公开政府信息情况（单位：件）"), ["二、主动公开政府信息情况", "（单位：件）"]);
        assert_eq!(parts("## 三、收到和处理政府信息公开申请情况"), ["## 三、收到和处理政府信息公开申请情况"]);
    }

    #[test]
    fn row_labels_are_not_headings() {
        let s = "（七）总计81010010四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议";
        assert_eq!(parts(s), ["（七）总计81010010四、结转下年度继续办理0000000", "四、政府信息公开行政复议、行政诉讼情况", "行政复议"]);
    }
}
