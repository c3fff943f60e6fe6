//! Byte encodings: BOMs first, then UTF-8, UTF-16 by its zero bytes, and
//! GB18030 (a superset of GBK and GB2312) for text in a legacy encoding.
//!
//! Nothing is guessed silently: text that is overwhelmingly UTF-8 is decoded
//! as UTF-8 with its few bad bytes replaced, and lines in GBK inside a UTF-8
//! file (a paste from an older document) are decoded as GBK; both are said in
//! notes that point at the place (rule I001). One stray byte never makes a
//! report "binary data".

use super::InputError;
use crate::diagnostic::InputNote;
use crate::messages::*;
use crate::msg;
use crate::source::Span;

/// A file's text and what decoding it had to repair.
#[derive(Debug, Default)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<InputNote>,
}

impl Decoded {
    pub fn plain(text: String) -> Decoded {
        Decoded { text, notes: Vec::new() }
    }
}

/// Notes beyond this many are summed up in the last one: a damaged file must
/// not bury the report's own findings.
const MAX_NOTES: usize = 20;

/// `decode` for bytes read from a file: clean UTF-8 keeps its buffer (a
/// 30 MB file is not held twice).
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, InputError> {
    if !bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && memchr::memchr(0, &bytes).is_none() {
        // Every file of a batch is validated: a SIMD check, several times as
        // fast as the standard one on CJK text (std's fast path is ASCII's).
        if simdutf8::basic::from_utf8(&bytes).is_err() {
            return decode(&bytes);
        }
        // SAFETY: validated just above.
        return checked(Decoded::plain(unsafe { String::from_utf8_unchecked(bytes) }));
    }
    decode(&bytes)
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, bad) = enc.decode_without_bom_handling(&bytes[2..]);
        return checked(with_replacements(text.into_owned(), bad, "UTF-16"));
    }
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    let body = if bom { &bytes[3..] } else { bytes };
    if memchr::memchr(0, body).is_none() {
        if let Ok(s) = std::str::from_utf8(body) {
            return checked(Decoded::plain(s.to_string()));
        }
    } else if let Some(d) = utf16_without_bom(bytes) {
        return checked(d);
    } else {
        return Err(InputError::Binary);
    }
    let lines = classify(body);
    let high = |k: Class| lines.iter().filter(|l| l.class == k).map(|l| l.high).sum::<usize>();
    let (utf8, gbk, bad) = (high(Class::Utf8), high(Class::Gbk), high(Class::Bad));
    // Hardly any UTF-8: a legacy file (a few GBK lines can happen to be valid UTF-8).
    if utf8 * 20 <= gbk + bad {
        let whole = bom.then(|| encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)).flatten();
        if let Some(text) = whole {
            // A GBK file whose first characters happen to be the bytes of a UTF-8 BOM.
            return checked(Decoded::plain(text.into_owned()));
        }
        let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(body);
        return checked(with_replacements(text.into_owned(), bad, "GB18030"));
    }
    checked(mixed(body, &lines))
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Class {
    Ascii,
    Utf8,
    /// Not UTF-8, but clean GB18030: most of its high bytes break UTF-8.
    Gbk,
    /// Neither: UTF-8 with damaged bytes.
    Bad,
}

struct Line {
    end: usize,
    class: Class,
    /// Bytes 0x80 and above.
    high: usize,
}

fn classify(body: &[u8]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in body.split_inclusive(|&b| b == b'\n') {
        let high = piece.iter().filter(|&&b| b >= 0x80).count();
        let class = if high == 0 {
            Class::Ascii
        } else if std::str::from_utf8(piece).is_ok() {
            Class::Utf8
        } else if invalid_utf8(piece) * 2 >= high
            && encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(piece).is_some()
        {
            Class::Gbk
        } else {
            Class::Bad
        };
        start += piece.len();
        out.push(Line { end: start, class, high });
    }
    out
}

/// Bytes that are not part of a valid UTF-8 sequence.
fn invalid_utf8(mut b: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(b) {
            Ok(_) => return n,
            Err(e) => {
                let bad = e.error_len().unwrap_or(b.len() - e.valid_up_to());
                n += bad;
                b = &b[e.valid_up_to() + bad..];
            }
        }
    }
}

/// UTF-8 text with GBK lines and damaged bytes: each line decoded as what it
/// is, and a note for every change of encoding and every damaged place.
fn mixed(body: &[u8], lines: &[Line]) -> Decoded {
    let mut text = String::with_capacity(body.len() + body.len() / 8);
    let mut notes: Vec<InputNote> = Vec::new();
    let mut replaced_total = 0usize;
    let mut places = 0usize;
    // The GBK run being read: where it starts and ends in the text, its first and last lines.
    let mut run: Option<(usize, usize, usize, usize)> = None;
    let close = |notes: &mut Vec<InputNote>, run: &mut Option<(usize, usize, usize, usize)>| {
        if let Some((at, end, first, last)) = run.take() {
            let lines = if last > first { msg!(I001_LINES, first, last) } else { msg!(I001_LINE, first) };
            notes.push(InputNote { span: Span::new(at, end), msg: msg!(I001_MIXED, lines) });
        }
    };
    let mut line_no = 0;
    let mut start = 0;
    for l in lines {
        line_no += 1;
        let piece = &body[start..l.end];
        start = l.end;
        match l.class {
            Class::Ascii => text.push_str(std::str::from_utf8(piece).unwrap_or_default()),
            Class::Utf8 => {
                close(&mut notes, &mut run);
                text.push_str(std::str::from_utf8(piece).unwrap_or_default());
            }
            Class::Gbk => {
                let (s, _) = encoding_rs::GB18030.decode_without_bom_handling(piece);
                let at = text.len();
                text.push_str(&s);
                // The run's span ends before the line break.
                let end = text.trim_end_matches(['\n', '\r']).len();
                let (from, first) = run.map(|r| (r.0, r.2)).unwrap_or((at, line_no));
                run = Some((from, end, first, line_no));
            }
            Class::Bad => {
                close(&mut notes, &mut run);
                let mut b = piece;
                loop {
                    match std::str::from_utf8(b) {
                        Ok(s) => {
                            text.push_str(s);
                            break;
                        }
                        Err(e) => {
                            let (good, rest) = b.split_at(e.valid_up_to());
                            text.push_str(std::str::from_utf8(good).unwrap_or_default());
                            // One U+FFFD per bad byte: the count is what the note says.
                            let mut n = e.error_len().unwrap_or(rest.len());
                            let at = text.len();
                            let mut rest = &rest[n..];
                            // Neighbouring bad bytes make one place.
                            while let Err(e2) = std::str::from_utf8(rest) {
                                if e2.valid_up_to() != 0 {
                                    break;
                                }
                                let m = e2.error_len().unwrap_or(rest.len());
                                n += m;
                                rest = &rest[m..];
                            }
                            for _ in 0..n {
                                text.push('\u{FFFD}');
                            }
                            replaced_total += n;
                            places += 1;
                            if notes.len() < MAX_NOTES {
                                notes.push(InputNote { span: Span::new(at, text.len()), msg: msg!(I001_BYTES, n) });
                            }
                            b = rest;
                        }
                    }
                }
            }
        }
    }
    close(&mut notes, &mut run);
    if places > 0 {
        // The first damaged place also carries the totals.
        if let Some(n) = notes.iter_mut().find(|n| n.msg.key == I001_BYTES) {
            n.msg = Message::new(I001_BYTES_TOTAL, vec![n.msg.args[0].clone(), places.into(), replaced_total.into()]);
        }
    }
    Decoded { text, notes }
}

/// A whole-file decoding that replaced bad sequences: one note at the first.
fn with_replacements(text: String, bad: bool, encoding: &str) -> Decoded {
    if !bad {
        return Decoded::plain(text);
    }
    let first = text.find('\u{FFFD}').unwrap_or(0);
    let n = text.matches('\u{FFFD}').count();
    let span = Span::new(first, first + if text[first..].starts_with('\u{FFFD}') { 3 } else { 0 });
    let msg = msg!(I001_REPLACED, n, Arg::text(encoding));
    Decoded { text, notes: vec![InputNote { span, msg }] }
}

/// UTF-16 without BOM: every other byte zero in ASCII-heavy text.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    if half > 0 && (zeros_odd * 4 > half || zeros_even * 4 > half) {
        let enc = if zeros_odd > zeros_even { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, _, bad) = enc.decode(bytes);
        if !bad {
            return Some(Decoded::plain(text.into_owned()));
        }
    }
    None
}

/// Text has few control characters and replacements; binary data has many.
fn checked(d: Decoded) -> Result<Decoded, InputError> {
    // Counted on the bytes (every file of a batch passes here): a char starts
    // at each byte that is not a continuation byte; controls are single bytes.
    let b = d.text.as_bytes();
    let (total, controls) = chars_and_controls(b);
    let total = total.max(1);
    // Full-width punctuation starts with EF too: the replacement character's
    // three bytes are searched together (SIMD, as `memchr` does it).
    let replaced = memchr::memmem::find_iter(b, "\u{FFFD}".as_bytes()).count();
    if memchr::memchr(0, b).is_some() || (controls + replaced) * 50 > total {
        return Err(InputError::Binary);
    }
    Ok(d)
}

/// The chars of `b` (bytes that are no continuation byte) and its control
/// bytes other than tab, line feed, carriage return and form feed.
fn chars_and_controls(b: &[u8]) -> (usize, usize) {
    // Whole blocks of 16 with SSE2 (in every x86-64 CPU): every file of a
    // batch is counted, and the loop below took three instructions a byte.
    #[cfg(target_arch = "x86_64")]
    let (whole, (mut total, mut controls)) = {
        let whole = b.len() / 16 * 16;
        (whole, count_blocks(&b[..whole]))
    };
    #[cfg(not(target_arch = "x86_64"))]
    let (whole, mut total, mut controls) = (0, 0, 0);
    // Counted in blocks of bytes into small counters, which the compiler vectorises.
    for block in b[whole..].chunks(255) {
        let (mut t, mut c) = (0u8, 0u8);
        for &x in block {
            t += ((x as i8) >= -0x40) as u8;
            c += (x < b' ' && !matches!(x, b'\t' | b'\n' | b'\r' | 0x0C)) as u8;
        }
        total += t as usize;
        controls += c as usize;
    }
    (total, controls)
}

/// `chars_and_controls` of whole blocks of 16 bytes (`b.len()` a multiple of 16).
#[cfg(target_arch = "x86_64")]
fn count_blocks(b: &[u8]) -> (usize, usize) {
    use std::arch::x86_64::*;
    debug_assert!(b.len() % 16 == 0);
    let (mut continuations, mut controls) = (0usize, 0usize);
    // Each lane counts its matches (a match is -1: subtracted) for up to 255
    // blocks; the lanes are then summed (the x86-64 baseline has no popcount).
    for run in b.chunks(16 * 255) {
        // SAFETY: SSE2 is in the x86-64 baseline, and every 16 bytes read are in `run`.
        let (cont, ctrl) = unsafe {
            let (mut cont, mut ctrl) = (_mm_setzero_si128(), _mm_setzero_si128());
            for block in run.chunks_exact(16) {
                let v = _mm_loadu_si128(block.as_ptr() as *const __m128i);
                // 0x80..=0xBF are the signed bytes below -0x40.
                cont = _mm_sub_epi8(cont, _mm_cmplt_epi8(v, _mm_set1_epi8(-0x40)));
                // Below 0x20, unsigned (min(x, 0x1F) == x), and none of the four allowed.
                let low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
                let allowed = [b'\t', b'\n', b'\r', 0x0C]
                    .iter()
                    .fold(_mm_setzero_si128(), |m, &x| _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8))));
                ctrl = _mm_sub_epi8(ctrl, _mm_andnot_si128(allowed, low));
            }
            // The sums of each half's eight lanes, in the low bits of each half.
            let sum = |x: __m128i| {
                let s = _mm_sad_epu8(x, _mm_setzero_si128());
                (_mm_cvtsi128_si64(s) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(s, s))) as usize
            };
            (sum(cont), sum(ctrl))
        };
        continuations += cont;
        controls += ctrl;
    }
    (b.len() - continuations, controls)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts as a plain loop over every byte gives them.
    fn counted_one_by_one(b: &[u8]) -> (usize, usize) {
        let chars = b.iter().filter(|&&x| (x as i8) >= -0x40).count();
        let controls = b.iter().filter(|&&x| x < b' ' && !matches!(x, b'\t' | b'\n' | b'\r' | 0x0C)).count();
        (chars, controls)
    }

    proptest::proptest! {
        /// Every byte value, at every place in and after the blocks of 16.
        #[test]
        fn blocks_count_as_bytes_one_by_one(b in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            proptest::prop_assert_eq!(chars_and_controls(&b), counted_one_by_one(&b));
        }
    }

    #[test]
    fn each_byte_value_counts_as_one_by_one() {
        // Past 255 blocks of 16 (where a lane's counter would overflow), too.
        let every: Vec<u8> = (0..=255u8).rev().cycle().take(20_000).collect();
        for n in [0, 1, 15, 16, 17, 255, 256, 511, 512, 4080, 4096, 8161, 20_000] {
            assert_eq!(chars_and_controls(&every[..n]), counted_one_by_one(&every[..n]), "{n}");
        }
        // Every lane matching in every block.
        for x in [0x80, 0x01] {
            let same = vec![x; 16 * 255 * 2 + 16];
            assert_eq!(chars_and_controls(&same), counted_one_by_one(&same), "{x}");
        }
    }

    fn text(b: &[u8]) -> String {
        decode(b).unwrap().text
    }

    #[test]
    fn encodings() {
        let s = "二、主动公开政府信息情况\t规章\t0\n";
        assert_eq!(text(s.as_bytes()), s);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(text(&bom), s);
        let (gbk, _, _) = encoding_rs::GBK.encode(s);
        assert_eq!(text(&gbk), s);
        let utf16: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend_from_slice(&utf16);
        assert_eq!(text(&with_bom), s);
        let ascii16: Vec<u8> = "report 2024\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(text(&ascii16), "report 2024\n");
        assert!(matches!(decode(&[0u8, 1, 2, 3, 0, 0, 0xFF, 0xD8, 0xFF, 0xE0]), Err(InputError::Binary)));
    }

    #[test]
    fn a_stray_byte_is_replaced_and_said() {
        let s = "政府信息公开工作年度报告\n一、总体情况\n".repeat(20);
        let mut b = s.as_bytes().to_vec();
        b.insert(30, 0xFF);
        let d = decode(&b).unwrap();
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
        assert_eq!(d.notes.len(), 1);
        assert_eq!(&d.text[d.notes[0].span.range()], "\u{FFFD}");
        assert!(d.notes[0].msg.zh().contains("1 个字节"), "{}", d.notes[0].msg.zh());
    }

    #[test]
    fn gbk_lines_inside_utf8_are_decoded_as_gbk_and_said() {
        let head = "政府信息公开工作年度报告\n一、总体情况\n";
        let tail = "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n";
        let mut b = head.as_bytes().to_vec();
        b.extend_from_slice(&encoding_rs::GBK.encode(tail).0);
        b.extend_from_slice("四、结束\n".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, format!("{head}{tail}四、结束\n"));
        assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
        assert_eq!(&d.text[d.notes[0].span.range()], tail.trim_end());
        assert!(d.notes[0].msg.zh().contains("第 3–4 行"), "{}", d.notes[0].msg.zh());
    }

    #[test]
    fn a_gbk_file_starting_with_the_bytes_of_a_bom_is_gbk() {
        // "锘" is EF BB in GBK and "科" BF C6: the file starts with the bytes of a UTF-8 BOM.
        let s = "锘科政府信息公开工作年度报告\n一、总体情况\n";
        let (gbk, _, bad) = encoding_rs::GBK.encode(s);
        assert!(!bad);
        assert!(gbk.starts_with(&[0xEF, 0xBB, 0xBF]), "{:X?}", &gbk[..4]);
        let d = decode(&gbk).unwrap();
        assert_eq!(d.text, s);
        assert!(d.notes.is_empty());
    }
}
