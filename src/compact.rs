//! A folded, space-free view of a stretch of text with a map back to bytes.
//!
//! Facts such as "邮 编 ： 223100" or a period split over three lines read the
//! same once spacing is gone; spans still point into the original text.

use crate::normalize::fold_kept;
use crate::source::Span;
use std::rc::Rc;

pub struct Compact {
    pub chars: Shared<char>,
    /// Where each char's original lies in the source (shared by all views).
    pos: Rc<Positions>,
}

/// Byte offsets of the folded chars' originals in about 2.5 bytes a char
/// rather than 5 (a 30 MB input has 30 million chars): the offset of every
/// 8th char, and for each char the step from the one before (its original's
/// length plus any spacing skipped), the rare steps past 254 bytes listed apart.
/// (Every 16th, a position cost twice the steps to find: a batch finds the
/// position of every text cell of its tables.)
struct Positions {
    anchors: Vec<u32>,
    steps: Vec<u8>,
    /// (char, offset) of each char whose step is 255 or more, in order.
    far: Vec<(u32, u32)>,
    /// Byte length of each char's original (full-width forms are longer).
    lens: Vec<u8>,
}

const BLOCK: usize = 8;
const FAR: u8 = u8::MAX;

impl Positions {
    fn with_capacity(n: usize) -> Positions {
        Positions { anchors: Vec::with_capacity(n / BLOCK + 1), steps: Vec::with_capacity(n), far: Vec::new(), lens: Vec::with_capacity(n) }
    }

    // The browser's view and the tests' reference; the command line writes by index (`fill_bytes`).
    #[cfg(any(not(feature = "cli"), test))]
    fn push(&mut self, start: u32, len: u8, last: u32) {
        let i = self.steps.len();
        if i % BLOCK == 0 {
            self.anchors.push(start);
            self.steps.push(0);
        } else if start - last < FAR as u32 {
            self.steps.push((start - last) as u8);
        } else {
            self.steps.push(FAR);
            self.far.push((i as u32, start));
        }
        self.lens.push(len);
    }

    /// Offset of char `i`'s original (global index).
    #[inline]
    fn start(&self, i: usize) -> u32 {
        let b = i / BLOCK;
        let mut s = self.anchors[b];
        for j in b * BLOCK + 1..=i {
            s = match self.steps[j] {
                FAR => self.far_start(j),
                step => s + step as u32,
            };
        }
        s
    }

    #[cold]
    fn far_start(&self, j: usize) -> u32 {
        let k = self.far.partition_point(|&(i, _)| (i as usize) < j);
        self.far[k].1
    }

    /// First char (global index) whose original starts at or after `offset`.
    fn first_at(&self, offset: u32) -> usize {
        let n = self.steps.len();
        let k = self.anchors.partition_point(|&a| a < offset);
        if k == 0 {
            return 0;
        }
        // Block k-1 starts before `offset`; the answer is in it or is block k's first char.
        let first = (k - 1) * BLOCK;
        let mut s = self.anchors[k - 1];
        for j in first + 1..(first + BLOCK).min(n) {
            s = match self.steps[j] {
                FAR => self.far_start(j),
                step => s + step as u32,
            };
            if s >= offset {
                return j;
            }
        }
        (k * BLOCK).min(n)
    }
}

/// A stretch of a vector that views of one text share: a view of a 30 MB
/// table region costs three pointers, not another copy of the region.
#[derive(Clone)]
pub struct Shared<T> {
    all: Rc<Vec<T>>,
    lo: usize,
    hi: usize,
}

impl<T> Shared<T> {
    fn new(v: Vec<T>) -> Shared<T> {
        let hi = v.len();
        Shared { all: Rc::new(v), lo: 0, hi }
    }
    fn sub(&self, a: usize, b: usize) -> Shared<T> {
        Shared { all: Rc::clone(&self.all), lo: self.lo + a, hi: self.lo + b }
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        &self.all[self.lo..self.hi]
    }
}

/// Appends `chars` to `out`, encoded by hand into room made once: the
/// command line does this for every text cell of a batch's tables, and
/// `String::extend` checks for room and encodes char by char. The browser
/// keeps the short form (its first load has no bytes to spare).
#[cfg(feature = "cli")]
pub fn push_chars(out: &mut String, chars: &[char]) {
    let mut b = std::mem::take(out).into_bytes();
    b.reserve(chars.len() * 3);
    for &c in chars {
        let u = c as u32;
        match u {
            0..=0x7F => b.push(u as u8),
            0x80..=0x7FF => b.extend_from_slice(&[0xC0 | (u >> 6) as u8, 0x80 | (u & 0x3F) as u8]),
            0x800..=0xFFFF => b.extend_from_slice(&[0xE0 | (u >> 12) as u8, 0x80 | ((u >> 6) & 0x3F) as u8, 0x80 | (u & 0x3F) as u8]),
            _ => b.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    // SAFETY: `out`'s bytes were a String, and each char was appended as its UTF-8 encoding.
    *out = unsafe { String::from_utf8_unchecked(b) };
}

/// The folded chars of `text` and their positions, decoded with the
/// standard iterator, as the browser's `Compact::new` reads them.
#[cfg(all(test, feature = "cli"))]
fn fill_chars(text: &str, base: usize, chars: &mut Vec<char>, pos: &mut Positions) {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let Some(f) = fold_kept(c) else { continue };
        chars.push(f);
        let start = (base + i) as u32;
        pos.push(start, c.len_utf8() as u8, last);
        last = start;
    }
}

/// The folded char at byte `i` of `text` (None for spacing) and the length
/// read (a run of ASCII spaces whole): ASCII and the ideographs of lead bytes
/// E4–E9 (most of a report) read from the bytes without the decoder. `i` is
/// at a char boundary.
#[cfg(feature = "cli")]
#[inline(always)]
fn folded_at(text: &str, i: usize) -> (Option<char>, usize) {
    let b = text.as_bytes();
    let x = b[i];
    match x {
        // A run of ASCII spaces at once: a third of a report's chars are
        // spaces (text from a PDF lines up its columns with them).
        b' ' => (None, 1 + b[i + 1..].iter().take_while(|&&x| x == b' ').count()),
        b'\t' | b'\r' | b'\n' | 0x0B | 0x0C => (None, 1),
        0..0x80 => (Some(x as char), 1),
        // U+4000–U+9FFF: never space; folded by `fold_kept` as ideographs are.
        0xE4..=0xE9 => {
            // SAFETY: `text` is UTF-8, so a lead byte of three is followed by
            // two more; with a lead byte E4–E9 the code is at most 0x9FFF.
            let c = unsafe {
                let (y, z) = (*b.get_unchecked(i + 1), *b.get_unchecked(i + 2));
                crate::normalize::fold_ideograph((u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F))
            };
            (Some(c), 3)
        }
        _ => {
            let c = text[i..].chars().next().expect("i is at a char boundary");
            (fold_kept(c), c.len_utf8())
        }
    }
}

/// What `fill_chars` gives, each char read by `folded_at`. The vectors
/// start empty, with room for `count` (the chars of `text`), and are written
/// through their spare room and cut to what was kept: three pushes a char
/// were most of the view's cost, and zeroing the room first (`resize`) and
/// checking every index cost another tenth.
#[cfg(feature = "cli")]
fn fill_bytes(text: &str, base: usize, count: usize, chars: &mut Vec<char>, pos: &mut Positions) {
    debug_assert!(chars.is_empty() && pos.steps.is_empty() && pos.anchors.is_empty() && pos.lens.is_empty());
    chars.reserve(count);
    pos.steps.reserve(count);
    pos.lens.reserve(count);
    pos.anchors.reserve(count / BLOCK + 1);
    let (out, steps, lens, anchors) = (chars.as_mut_ptr(), pos.steps.as_mut_ptr(), pos.lens.as_mut_ptr(), pos.anchors.as_mut_ptr());
    let b = text.as_bytes();
    let (mut n, mut a, mut last, mut i) = (0, 0, 0, 0);
    // `n < count` holds anyway (a char kept is a char of `text`); checked,
    // as the writes below depend on it.
    while i < b.len() && n < count {
        let (f, len) = match folded_at(text, i) {
            (Some(f), len) => (f, len),
            (None, len) => {
                i += len;
                continue;
            }
        };
        let start = (base + i) as u32;
        let step = if n % BLOCK == 0 {
            // SAFETY: `a <= n / BLOCK < count / BLOCK + 1`, the room made.
            unsafe { anchors.add(a).write(start) };
            a += 1;
            0
        } else if start - last < FAR as u32 {
            (start - last) as u8
        } else {
            pos.far.push((n as u32, start));
            FAR
        };
        // SAFETY: `n < count`, the room made in each.
        unsafe {
            out.add(n).write(f);
            lens.add(n).write(len as u8);
            steps.add(n).write(step);
        }
        n += 1;
        last = start;
        i += len;
    }
    // SAFETY: the first `n` (`a`) of each were written above.
    unsafe {
        chars.set_len(n);
        pos.steps.set_len(n);
        pos.lens.set_len(n);
        pos.anchors.set_len(a);
    }
}

impl Compact {
    /// The view of `text[range]`, `base` being where `text` starts in the source.
    pub fn new(text: &str, base: usize) -> Compact {
        // At most one entry per char: counted first, so that no vector is
        // grown (and held twice while it is) on a long ASCII input.
        let cap = text.chars().count();
        let mut chars = Vec::with_capacity(cap);
        let mut pos = Positions::with_capacity(cap);
        // The command line reads ASCII and ideographs from the bytes (the
        // folded view was a tenth of a batch's instructions); the browser's
        // first load has no room for a second loop.
        #[cfg(feature = "cli")]
        fill_bytes(text, base, cap, &mut chars, &mut pos);
        // `fill_chars` written out: calling it, even inlined, cost the first
        // load 71 bytes (the budget has a few). The tests hold the two equal.
        #[cfg(not(feature = "cli"))]
        {
            let mut last = 0;
            for (i, c) in text.char_indices() {
                let Some(f) = fold_kept(c) else { continue };
                chars.push(f);
                let start = (base + i) as u32;
                pos.push(start, c.len_utf8() as u8, last);
                last = start;
            }
        }
        Compact { chars: Shared::new(chars), pos: Rc::new(pos) }
    }

    /// The part of this view whose source lies in `span` (shared, not copied).
    pub fn view(&self, span: Span) -> Compact {
        let a = self.at_offset(span.start);
        let b = self.at_offset(span.end).max(a);
        Compact { chars: self.chars.sub(a, b), pos: Rc::clone(&self.pos) }
    }

    /// Offset of char `i`'s original.
    fn start_of(&self, i: usize) -> Option<u32> {
        (i < self.chars.len()).then(|| self.pos.start(self.chars.lo + i))
    }

    /// Byte offset just after char `i`'s original (0 when there is none).
    fn end_of(&self, i: usize) -> u32 {
        match self.start_of(i) {
            Some(s) => s + self.pos.lens[self.chars.lo + i] as u32,
            None => 0,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Source span of compact chars `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.chars.len() {
            let at = self.start_of(a).unwrap_or_else(|| self.end_of(self.chars.len().wrapping_sub(1)));
            return Span { start: at, end: at };
        }
        Span { start: self.pos.start(self.chars.lo + a), end: self.end_of(b - 1) }
    }

    pub fn string(&self, a: usize, b: usize) -> String {
        let slice = &self.chars[a.min(b)..b.min(self.chars.len())];
        let mut s = String::with_capacity(slice.len() * 3);
        #[cfg(feature = "cli")]
        push_chars(&mut s, slice);
        #[cfg(not(feature = "cli"))]
        s.extend(slice);
        s
    }

    /// First position at or after `from` where `pat` (already folded) starts.
    pub fn find(&self, pat: &str, from: usize) -> Option<usize> {
        // The command line decodes a short phrase (all the facts and rules
        // look for) on the stack: a batch searches thousands.
        #[cfg(feature = "cli")]
        {
            let mut buf = ['\0'; 32];
            let mut n = 0;
            for c in pat.chars() {
                if n == buf.len() {
                    return self.find_chars(&pat.chars().collect::<Vec<_>>(), from, self.chars.len());
                }
                buf[n] = c;
                n += 1;
            }
            self.find_chars(&buf[..n], from, self.chars.len())
        }
        #[cfg(not(feature = "cli"))]
        self.find_chars(&pat.chars().collect::<Vec<_>>(), from, self.chars.len())
    }

    pub fn find_chars(&self, p: &[char], from: usize, to: usize) -> Option<usize> {
        // One slice for the whole search, not one per position.
        let chars: &[char] = &self.chars;
        let to = to.min(chars.len());
        if p.is_empty() || to < p.len() || from > to - p.len() {
            return None;
        }
        // The facts and rules search the whole text for a dozen phrases: blocks
        // of candidates are tested for the first char without a branch each
        // (the compiler vectorises that), and only a block with it is looked into.
        let starts = &chars[from..=to - p.len()];
        for (b, block) in starts.chunks(16).enumerate() {
            if !block.iter().fold(false, |any, &c| any | (c == p[0])) {
                continue;
            }
            for (k, &c) in block.iter().enumerate() {
                let i = from + b * 16 + k;
                if c == p[0] && chars[i..i + p.len()] == *p {
                    return Some(i);
                }
            }
        }
        None
    }

    /// Position of the first char whose source offset is at or after `offset`.
    pub fn at_offset(&self, offset: u32) -> usize {
        self.pos.first_at(offset).clamp(self.chars.lo, self.chars.hi) - self.chars.lo
    }

    /// Reads ASCII digits from `at`; returns (value, next position).
    pub fn digits(&self, at: usize, max: usize) -> Option<(u32, usize)> {
        let chars: &[char] = &self.chars;
        let mut v: u32 = 0;
        let mut i = at;
        while i < chars.len() && i - at < max && chars[i].is_ascii_digit() {
            v = v * 10 + chars[i].to_digit(10)?;
            i += 1;
        }
        (i > at).then_some((v, i))
    }
}

/// A few phrases (folded, without spacing) looked for together in one pass
/// over folded text: a mask of their first chars' low bits rules out
/// almost every position with one AND.
pub struct Phrases {
    chars: Vec<Vec<char>>,
    /// Each phrase's first char (a char that passes the mask and starts none is passed over).
    firsts: Vec<char>,
    mask: Mask,
}

/// The command line's mask holds ten bits of a char (with six, a fifth of a
/// report's ideographs passed it, in every stretch of every report of a
/// batch); the browser's, six (the wider one cost its first load 1.4 KB).
#[cfg(feature = "cli")]
type Mask = [u64; 16];
#[cfg(not(feature = "cli"))]
type Mask = u64;

impl Phrases {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let chars: Vec<Vec<char>> = phrases.into_iter().map(|p| p.chars().collect()).collect();
        let firsts: Vec<char> = chars.iter().filter_map(|p| p.first().copied()).collect();
        #[cfg(feature = "cli")]
        let mask = firsts.iter().fold([0u64; 16], |mut m, &c| {
            m[c as usize % 1024 / 64] |= 1 << (c as u32 % 64);
            m
        });
        #[cfg(not(feature = "cli"))]
        let mask = firsts.iter().fold(0u64, |m, &c| m | 1 << (c as u32 % 64));
        Phrases { chars, firsts, mask }
    }

    /// The length in chars of phrase `k`.
    pub fn len(&self, k: usize) -> usize {
        self.chars[k].len()
    }

    /// `found(k, i)` for every start `i` in `lo..hi` of phrase `k` in `chars`,
    /// in order of `i` (a phrase may run on past `hi`).
    pub fn scan(&self, chars: &[char], lo: usize, hi: usize, mut found: impl FnMut(usize, usize)) {
        for i in lo..hi.min(chars.len()) {
            let c = chars[i];
            #[cfg(feature = "cli")]
            let passed = self.mask[c as usize % 1024 / 64] & (1 << (c as u32 % 64)) != 0;
            #[cfg(not(feature = "cli"))]
            let passed = self.mask & (1 << (c as u32 % 64)) != 0;
            if !passed || !self.firsts.contains(&c) {
                continue;
            }
            for (k, p) in self.chars.iter().enumerate() {
                if p.first() == Some(&c) && chars[i..].starts_with(p) {
                    found(k, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{fold, is_space};

    /// The command line's byte reading gives what the decoder gives: for every
    /// char up to U+30000 and a few beyond, between ASCII, spaces and ideographs,
    /// at every offset from a block's edge, and with long runs of spacing.
    #[cfg(feature = "cli")]
    #[test]
    fn the_bytes_read_as_the_decoder_reads_them() {
        let mut text = String::new();
        for (k, c) in (0..0x3_0000u32).chain([0x10_FFFF]).filter_map(char::from_u32).enumerate() {
            text.push(c);
            text.push_str(["", " ", "a", "中", "\u{3000}", "\t\r\n"][k % 6]);
            if k % 997 == 0 {
                text.push_str(&" ".repeat(300));
            }
        }
        for text in [&text[..], "", "a", "中", "國 ", "\u{4DFF}\u{4E00}\u{9FFF}\u{A000}"] {
            let (mut a, mut pa) = (Vec::new(), Positions::with_capacity(0));
            let (mut b, mut pb) = (Vec::new(), Positions::with_capacity(0));
            fill_chars(text, 5, &mut a, &mut pa);
            fill_bytes(text, 5, text.chars().count(), &mut b, &mut pb);
            assert!(a == b);
            assert!(pa.anchors == pb.anchors && pa.steps == pb.steps && pa.far == pb.far && pa.lens == pb.lens);
        }
    }

    /// Chars of 1 to 4 bytes are appended as `String::push` appends them.
    #[cfg(feature = "cli")]
    #[test]
    fn chars_are_appended_as_push_appends_them() {
        let chars: Vec<char> = "a1·２三9\u{1F600}é0。\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}".chars().collect();
        let mut out = String::from("前");
        push_chars(&mut out, &chars);
        let mut want = String::from("前");
        chars.iter().for_each(|&c| want.push(c));
        assert_eq!(out, want);
    }

    /// The compact positions agree with a plain list of offsets, in views too.
    #[test]
    fn positions_agree_with_the_offsets() {
        let text =
            format!("邮 编 ： 223100\n{}一二三{}四 ab（五）、〇𠀀😀㐀\n{}", "  ".repeat(200), " ".repeat(300), "规章\t1\t2\n".repeat(100));
        let c = Compact::new(&text, 7);
        let mut starts = Vec::new();
        for (i, ch) in text.char_indices() {
            let f = if ch.is_ascii() { ch } else { fold(ch) };
            if !is_space(f) {
                starts.push((i + 7) as u32);
            }
        }
        assert_eq!(c.len(), starts.len());
        for (i, &s) in starts.iter().enumerate() {
            assert_eq!(c.span(i, i + 1).start, s, "{i}");
            assert_eq!(c.at_offset(s), i);
            assert_eq!(c.at_offset(s.saturating_sub(1)), if i > 0 && starts[i - 1] == s - 1 { i - 1 } else { i }, "{i}");
        }
        assert_eq!(c.at_offset(u32::MAX), c.len());
        let v = c.view(Span::new(starts[20] as usize, starts[200] as usize));
        assert_eq!(v.len(), 180);
        for i in 0..180 {
            assert_eq!(v.span(i, i + 1), c.span(20 + i, 21 + i));
            assert_eq!(v.at_offset(starts[20 + i]), i);
        }
        assert_eq!(v.at_offset(0), 0);
        assert_eq!(v.at_offset(u32::MAX), 180);
    }
}
