//! The I001 notes of a file decoded in the browser. There TextDecoder does
//! the decoding (www/convert.js, `decodeBytes`, the same decision as
//! `encoding.rs`) and hands over what it repaired as plain numbers, six per
//! note: what kind of repair, the span in the decoded text (UTF-8 bytes, as
//! every span), and up to three numbers. The sentence is made here, from the
//! one message catalogue, as the command line makes it.

use crate::diagnostic::InputNote;
use crate::messages::*;
use crate::source::Span;

/// Numbers per note.
pub const FIELDS: usize = 6;

/// The kinds of repair, as convert.js numbers them (its `NOTE`): 0 is
/// I001_BYTES.
const BYTES_TOTAL: u32 = 1;
const REPLACED_UTF16: u32 = 2;
const REPLACED_GB18030: u32 = 3;
const MIXED_LINE: u32 = 4;
const MIXED_LINES: u32 = 5;

/// The notes of `flat`: `[kind, start, end, a, b, c]` after one another. An
/// unknown kind or a span that does not fit `text_len` is dropped (a note
/// must never point outside the text it is about).
pub fn from_numbers(flat: &[u32], text_len: usize) -> Vec<InputNote> {
    // A plain loop, few allocations: this is in the browser's first load.
    let mut out = Vec::new();
    for n in flat.chunks_exact(FIELDS) {
        let (kind, start, end) = (n[0], n[1], n[2]);
        if kind > MIXED_LINES || start > end || end as usize > text_len {
            continue;
        }
        let num = |i: usize| Arg::Num(n[i] as f64);
        let mut args = vec![num(3)];
        if kind == BYTES_TOTAL || kind == MIXED_LINES {
            args.push(num(4));
        }
        if kind == BYTES_TOTAL {
            args.push(num(5));
        }
        if kind == REPLACED_UTF16 || kind == REPLACED_GB18030 {
            args.push(Arg::text(if kind == REPLACED_UTF16 { "UTF-16" } else { "GB18030" }));
        }
        let key = [I001_BYTES, I001_BYTES_TOTAL, I001_REPLACED, I001_REPLACED, I001_LINE, I001_LINES][kind as usize];
        let mut msg = Message::new(key, args);
        if kind >= MIXED_LINE {
            msg = Message::new(I001_MIXED, vec![Arg::Phrase(msg)]);
        }
        out.push(InputNote { span: Span { start, end }, msg });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_says_its_sentence_and_bad_notes_are_dropped() {
        let flat = [
            [0, 3, 6, 1, 0, 0],
            [1, 9, 15, 2, 4, 7],
            [2, 0, 3, 6, 0, 0],
            [3, 0, 3, 5, 0, 0],
            [5, 20, 40, 3, 9, 0],
            [4, 0, 0, 7, 0, 0],
            // An unknown kind, a span past the text, a span backwards.
            [9, 0, 1, 1, 1, 1],
            [0, 50, 60, 1, 0, 0],
            [0, 8, 4, 1, 0, 0],
        ]
        .concat();
        let notes = from_numbers(&flat, 45);
        let said: Vec<String> = notes.iter().map(|n| n.msg.zh()).collect();
        assert_eq!(notes.len(), 6, "{said:?}");
        assert_eq!(said[0], "此处 1 个字节不是有效的 UTF-8，已替换为“\u{FFFD}”");
        assert!(said[1].contains("全文共 4 处，7 个字节"), "{}", said[1]);
        assert!(said[2].contains("6 处字节不是有效的 UTF-16"), "{}", said[2]);
        assert!(said[3].contains("5 处字节不是有效的 GB18030"), "{}", said[3]);
        assert!(said[4].contains("第 3–9 行是 GBK"), "{}", said[4]);
        assert!(said[5].contains("第 7 行是 GBK"), "{}", said[5]);
        assert_eq!(notes[1].span, Span::new(9, 15));
    }
}
