//! A folded, space-free view of a stretch of text with a map back to bytes.
//!
//! Facts such as "邮 编 ： 223100" or a period split over three lines read the
//! same once spacing is gone; spans still point into the original text.

use crate::normalize::{fold, is_space};
use crate::source::Span;
use std::sync::Arc;

pub struct Compact {
    pub chars: Shared<char>,
    /// Byte offset of each char's original in the source text.
    starts: Shared<u32>,
    /// Byte length of each char's original (full-width forms are longer).
    lens: Shared<u8>,
}

/// A stretch of a vector that views of one text share: a view of a 30 MB
/// table region costs three pointers, not another copy of the region.
#[derive(Clone)]
pub struct Shared<T> {
    all: Arc<Vec<T>>,
    lo: usize,
    hi: usize,
}

impl<T> Shared<T> {
    fn new(v: Vec<T>) -> Shared<T> {
        let hi = v.len();
        Shared { all: Arc::new(v), lo: 0, hi }
    }
    fn sub(&self, a: usize, b: usize) -> Shared<T> {
        Shared { all: Arc::clone(&self.all), lo: self.lo + a, hi: self.lo + b }
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        &self.all[self.lo..self.hi]
    }
}

impl Compact {
    /// The view of `text[range]`, `base` being where `text` starts in the source.
    pub fn new(text: &str, base: usize) -> Compact {
        // At most one entry per char: counted first, so that no vector is
        // grown (and held twice while it is) on a long ASCII input.
        let cap = text.chars().count();
        let mut chars = Vec::with_capacity(cap);
        let mut starts = Vec::with_capacity(cap);
        let mut lens = Vec::with_capacity(cap);
        for (i, c) in text.char_indices() {
            // ASCII folds to itself: only spacing needs a look.
            let f = if c.is_ascii() { c } else { fold(c) };
            if is_space(f) {
                continue;
            }
            chars.push(f);
            starts.push((base + i) as u32);
            lens.push(c.len_utf8() as u8);
        }
        Compact { chars: Shared::new(chars), starts: Shared::new(starts), lens: Shared::new(lens) }
    }

    /// The part of this view whose source lies in `span` (shared, not copied).
    pub fn view(&self, span: Span) -> Compact {
        let a = self.at_offset(span.start);
        let b = self.at_offset(span.end).max(a);
        Compact { chars: self.chars.sub(a, b), starts: self.starts.sub(a, b), lens: self.lens.sub(a, b) }
    }

    /// Byte offset just after char `i`'s original (0 when there is none).
    fn end_of(&self, i: usize) -> u32 {
        match (self.starts.get(i), self.lens.get(i)) {
            (Some(s), Some(l)) => s + *l as u32,
            _ => 0,
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
            let at = self.starts.get(a).copied().unwrap_or_else(|| self.end_of(self.chars.len().wrapping_sub(1)));
            return Span { start: at, end: at };
        }
        Span { start: self.starts[a], end: self.end_of(b - 1) }
    }

    pub fn string(&self, a: usize, b: usize) -> String {
        let slice = &self.chars[a.min(b)..b.min(self.chars.len())];
        let mut s = String::with_capacity(slice.len() * 3);
        s.extend(slice);
        s
    }

    /// First position at or after `from` where `pat` (already folded) starts.
    pub fn find(&self, pat: &str, from: usize) -> Option<usize> {
        let p: Vec<char> = pat.chars().collect();
        self.find_chars(&p, from, self.chars.len())
    }

    pub fn find_chars(&self, p: &[char], from: usize, to: usize) -> Option<usize> {
        let to = to.min(self.chars.len());
        if p.is_empty() || to < p.len() {
            return None;
        }
        (from..=to - p.len()).find(|&i| self.chars[i] == p[0] && self.chars[i..i + p.len()] == *p)
    }

    /// Position of the first char whose source offset is at or after `offset`.
    #[inline(always)]
    pub fn at_offset(&self, offset: u32) -> usize {
        self.starts.partition_point(|&s| s < offset)
    }

    /// Reads ASCII digits from `at`; returns (value, next position).
    pub fn digits(&self, at: usize, max: usize) -> Option<(u32, usize)> {
        let mut v: u32 = 0;
        let mut i = at;
        while i < self.chars.len() && i - at < max && self.chars[i].is_ascii_digit() {
            v = v * 10 + self.chars[i].to_digit(10)?;
            i += 1;
        }
        (i > at).then_some((v, i))
    }
}
