//! Finding the six section headings.
//!
//! A heading is a short line numbered 一、 to 六、 (or an unnumbered line that is
//! exactly a template heading) whose words name one of the sections. Table 三's
//! row labels are also numbered 一、 to 四、, so the words decide, not the number.

use crate::compact::Compact;
use crate::lex::Lexed;
use crate::normalize::{fold, is_space};
use crate::report::Section;
use crate::source::{Source, Span};
use crate::template::{SectionTemplate, SECTIONS};

const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];
/// First characters of the template headings and their accepted variants.
const HEADING_STARTS: [char; 9] = ['总', '工', '主', '行', '收', '政', '因', '存', '其'];

/// Headings kept for one report. A report has six; a text with thousands of
/// them is pasted many times over, and the checks of order and presence have
/// what they need long before this (a million headings would hold 100 MB).
pub const MAX_SECTIONS: usize = 1000;

pub fn find(src: &Source, lx: &Lexed, doc: &Compact) -> Vec<Section> {
    let mut found: Vec<Section> = Vec::new();
    for (i, line) in lx.lines.iter().enumerate() {
        if found.len() >= MAX_SECTIONS {
            break;
        }
        if line.blank || line.page_mark {
            continue;
        }
        if lx.line_tokens(i).iter().any(|t| t.is_value()) {
            continue;
        }
        // Headings are short or start with their numeral: skip prose lines cheaply.
        // Markup before a heading: Markdown's "#", "**", "> ", a pipe table's "|".
        let raw =
            src.slice(line.span).trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '#' | '|' | '>' | '｜' | '\u{000C}'));
        let mut cs = raw.chars();
        let numbered = cs.next().is_some_and(|c| NUMERALS.contains(&c)) && cs.next().is_some_and(|c| "、.．，,:：".contains(c));
        // An unnumbered heading is short and starts like one of the template's.
        let plain = raw.len() <= 60 && raw.chars().next().is_some_and(|c| HEADING_STARTS.contains(&c));
        if !(numbered || plain || raw.starts_with('[')) || raw.len() > 200 {
            continue;
        }
        let (a, b) = (doc.at_offset(line.span.start), doc.at_offset(line.span.end));
        let text = crate::parse::strip_residue(doc.string(a, b));
        let text = text.trim_matches(|c: char| matches!(c, '*' | '#' | '|' | '>')).to_string();
        let Some((tpl, variant)) = heading(&text) else {
            continue;
        };
        let line_no = src.line_of(line.span.start) + 1;
        found.push(Section { number: tpl.number, heading: text, span: line.span, body: line.span, line: line_no, variant });
    }
    let end = src.text().len();
    for k in 0..found.len() {
        let stop = found.get(k + 1).map(|s| s.span.start as usize).unwrap_or(end);
        found[k].body = Span::new(found[k].span.start as usize, stop);
    }
    found
}

/// When a numbered section heading starts at the beginning of `s` (in the
/// middle of a flattened line, say), its length in bytes, and whether it is
/// worded exactly as the template (or an accepted variant) has it.
pub(crate) fn heading_len(s: &str) -> Option<(usize, bool)> {
    // The folded, space-free text of the first 48 characters, with the byte
    // offset where each ends.
    // On the stack: every numbered line of a batch's tables is looked at.
    let (mut all, mut all_ends, mut n) = (['\0'; 48], [0usize; 48], 0);
    for (i, c) in s.char_indices() {
        let f = fold(c);
        if is_space(f) {
            continue;
        }
        all[n] = f;
        all_ends[n] = i + c.len_utf8();
        n += 1;
        if n >= 48 {
            break;
        }
    }
    let (chars, ends) = (&all[..n], &all_ends[..n]);
    if chars.len() < 4 || !NUMERALS.contains(&chars[0]) || !matches!(chars[1], '、' | '.' | ',' | ':') {
        return None;
    }
    for tpl in SECTIONS {
        let plain = tpl.plain();
        for wording in std::iter::once(plain).chain(tpl.variants.iter().copied()) {
            // Compared char by char as far as they agree (not counted first).
            let mut k = 2;
            if wording.chars().all(|w| {
                k += 1;
                chars.get(k - 1) == Some(&w)
            }) {
                return Some((ends[k - 1], true));
            }
        }
    }
    // Other wordings end where the template's do, at 情况 or 事项.
    // Not past a number or the next numbered item: a row label followed by
    // its values and the next heading is not a heading.
    let limit = (2..chars.len().min(42))
        .find(|&k| chars[k].is_ascii_digit() || (NUMERALS.contains(&chars[k]) && chars.get(k + 1) == Some(&'、')))
        .unwrap_or(chars.len().min(42));
    let end = (3..limit).find(|&k| matches!((chars[k - 1], chars[k]), ('情', '况') | ('事', '项')))? + 1;
    let mut buf = [0u8; 48 * 4];
    let mut len = 0;
    for c in &chars[..end] {
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    // SAFETY: `buf[..len]` holds whole chars, each written by `encode_utf8`.
    heading(unsafe { std::str::from_utf8_unchecked(&buf[..len]) }).map(|_| (ends[end - 1], false))
}

/// The template a heading line stands for, and whether it is a variant wording.
fn heading(text: &str) -> Option<(&'static SectionTemplate, bool)> {
    // Read in place, without copies: a report's every numbered line is looked at.
    let mut chars = text.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    let after = chars.as_str();
    // 3 to 40 chars: the two read and 1 to 38 more (counted no further).
    if after.is_empty() || chars.take(39).count() > 38 {
        return None;
    }
    let numbered = NUMERALS.contains(&a) && matches!(b, '、' | '.' | ',' | ':');
    let rest = if numbered { after } else { text };
    let rest = rest.trim_end_matches(['。', '.', ':']);
    for tpl in SECTIONS {
        // Template headings are already folded and space-free (checked by a test).
        let plain = tpl.plain();
        let exact = rest == plain;
        if numbered {
            if exact {
                return Some((tpl, false));
            }
            if tpl.keywords.iter().any(|k| rest.contains(k)) && !rest.contains('。') {
                return Some((tpl, true));
            }
        } else if exact || tpl.variants.contains(&rest) {
            return Some((tpl, !exact));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::compact;

    #[test]
    fn heading_starts_cover_the_template() {
        for t in SECTIONS {
            // `plain` is the heading after its first 、, as it says.
            let plain = &t.heading[t.heading.find('、').map(|i| i + '、'.len_utf8()).unwrap_or(0)..];
            assert_eq!(t.plain(), plain);
            for h in std::iter::once(plain).chain(t.variants.iter().copied()) {
                assert!(HEADING_STARTS.contains(&h.chars().next().unwrap()), "{h}");
            }
        }
    }

    #[test]
    fn template_headings_are_folded() {
        for t in SECTIONS {
            assert_eq!(compact(t.heading), t.heading);
            for v in t.variants {
                assert_eq!(compact(v), *v);
            }
        }
    }

    #[test]
    fn headings_and_row_labels() {
        assert_eq!(heading("一、总体情况").map(|(t, v)| (t.number, v)), Some((1, false)));
        assert_eq!(heading("五、政府信息公开工作存在的主要问题及改进情况").map(|(t, v)| (t.number, v)), Some((5, true)));
        assert!(heading("四、结转下年度继续办理").is_none());
        assert!(heading("二、上年结转政府信息公开申请数量").is_none());
        assert!(heading("三、本年度办理结果").is_none());
        assert_eq!(heading("其他需要报告的事项").map(|(t, _)| t.number), Some(6));
    }
}
