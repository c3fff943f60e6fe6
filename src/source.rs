//! The input text and the ways of pointing into it: byte spans, 1-based
//! line/column (columns count characters) and UTF-16 offsets for browsers.

/// A byte range in the input text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }
}

/// The text being checked with an index of its lines.
#[derive(Clone, Debug)]
pub struct Source {
    text: String,
    line_starts: Vec<u32>,
    /// Byte length of each line's terminator (0 for the last line): `\r\n`,
    /// `\n`, `\r`, NEL, U+2028/2029, vertical tabs and form feeds all end a
    /// line for the parser.
    term_lens: Vec<u8>,
    /// Starts of the lines an editor numbers (after `\n`, `\r\n` or a bare
    /// `\r`): line numbers in findings are these, so they match the editor
    /// even where a form feed or U+2028 ends a line for the parser.
    rows: Vec<u32>,
}

/// The length of the line terminator starting at byte `i`, if one does.
#[inline(always)]
fn terminator(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'\n' | b'\x0C' | b'\x0B' => Some(1),
        b'\r' => Some(if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
        // NEL is C2 85; U+2028/2029 are E2 80 A8/A9.
        0xC2 if b.get(i + 1) == Some(&0x85) => Some(2),
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8) | Some(0xA9)) => Some(3),
        _ => None,
    }
}

/// The first byte that can start a terminator: \n, \v, \f, \r (0x0A..=0x0D),
/// 0xC2 (NEL) or 0xE2 (U+2028/9, but also “”, which `terminator` passes over).
/// Blocks of 32 bytes are tested at once (the test vectorises): lines of a
/// report's prose run to hundreds of bytes.
#[inline]
fn next_stop(b: &[u8]) -> Option<usize> {
    let stop = |x: u8| x.wrapping_sub(0x0A) < 4 || (x | 0x20) == 0xE2;
    let mut blocks = b.chunks_exact(32);
    let mut base = 0;
    for block in &mut blocks {
        if block.iter().fold(false, |any, &x| any | stop(x)) {
            return block.iter().position(|&x| stop(x)).map(|k| base + k);
        }
        base += 32;
    }
    blocks.remainder().iter().position(|&x| stop(x)).map(|k| base + k)
}

/// Indexes the line terminators starting in `b`'s whole blocks of 16 bytes
/// with SSE2 (part of every x86-64 CPU); returns where indexing goes on. The
/// command line indexes every line of a batch, and a report's table lines are
/// short, so `next_stop`'s blocks of 32 seldom fill there. The browser keeps
/// `next_stop` alone (no bytes added to its first load).
#[cfg(target_arch = "x86_64")]
fn index_blocks(b: &[u8], line_starts: &mut Vec<u32>, rows: &mut Vec<u32>, term_lens: &mut Vec<u8>) -> usize {
    use std::arch::x86_64::*;
    let mut i = 0; // bytes before `i` are indexed
    let mut block = 0;
    while block + 16 <= b.len() {
        // SAFETY: SSE2 is in the x86-64 baseline, and the 16 bytes read are in `b`.
        let mut mask = unsafe {
            let v = _mm_loadu_si128(b.as_ptr().add(block) as *const __m128i);
            // 0x0A..=0x0D: x - 0x0A below 4, unsigned (min(t, 3) == t).
            let t = _mm_sub_epi8(v, _mm_set1_epi8(0x0A));
            let control = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(3)), t);
            // 0xC2 or 0xE2, as `next_stop` finds them.
            let lead = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(0xE2u8 as i8));
            _mm_movemask_epi8(_mm_or_si128(control, lead)) as u32
        };
        while mask != 0 {
            let k = block + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            // A byte inside a terminator already indexed (the \n of \r\n) is passed over.
            if k < i {
                continue;
            }
            i = k + 1;
            if let Some(n) = terminator(b, k) {
                if matches!(b[k], b'\n' | b'\r') {
                    rows.push((k + n) as u32);
                }
                term_lens.push(n as u8);
                i = k + n;
                line_starts.push(i as u32);
            }
        }
        block += 16;
    }
    i.max(block)
}

impl Source {
    /// Inputs beyond 4 GiB cannot be addressed by the u32 spans; the callers
    /// (CLI, web) refuse far smaller inputs before they get here.
    pub fn new(text: &str) -> Source {
        Source::from_string(text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string())
    }

    /// The same as `new`, taking the text rather than copying it (large files).
    pub fn from_string(mut text: String) -> Source {
        if text.starts_with('\u{FEFF}') {
            text.drain(..3);
        }
        let b = text.as_bytes();
        // The command line makes room for a line every 24 bytes (a report has
        // one every 30 or so), up to 64 K lines, at once: grown from nothing,
        // each list was copied eight times a report of a batch.
        #[cfg(feature = "cli")]
        let (mut line_starts, mut rows, mut term_lens) = {
            let room = (b.len() / 24).min(1 << 16) + 1;
            let (mut starts, mut rows) = (Vec::with_capacity(room), Vec::with_capacity(room));
            starts.push(0u32);
            rows.push(0u32);
            (starts, rows, Vec::with_capacity(room))
        };
        #[cfg(not(feature = "cli"))]
        let (mut line_starts, mut rows, mut term_lens) = (vec![0u32], vec![0u32], Vec::new());
        // On x86-64 the lines are indexed 16 bytes at a time up to the last
        // whole block (`index_blocks`); the loop below does the rest.
        #[cfg(target_arch = "x86_64")]
        let mut i = index_blocks(b, &mut line_starts, &mut rows, &mut term_lens);
        #[cfg(not(target_arch = "x86_64"))]
        let mut i = 0;
        while i < b.len() {
            match next_stop(&b[i..]) {
                Some(k) => i += k,
                None => break,
            }
            match terminator(b, i) {
                Some(n) => {
                    if matches!(b[i], b'\n' | b'\r') {
                        rows.push((i + n) as u32);
                    }
                    term_lens.push(n as u8);
                    i += n;
                    line_starts.push(i as u32);
                }
                None => i += 1,
            }
        }
        term_lens.push(0);
        Source { text, line_starts, term_lens, rows }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of 0-based line `i`, without its line terminator.
    pub fn line_span(&self, i: usize) -> Span {
        let start = self.line_starts[i] as usize;
        let end = self.line_starts.get(i + 1).map(|&s| s as usize - self.term_lens[i] as usize).unwrap_or(self.text.len());
        Span::new(start, end)
    }

    /// Line `i` ends in a form feed: the page ends there (pdftotext's page break).
    pub fn ends_page(&self, i: usize) -> bool {
        let Some(&next) = self.line_starts.get(i + 1) else { return false };
        self.text.as_bytes()[next as usize - 1] == b'\x0C'
    }

    /// 0-based editor line (see `rows`) of a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.rows.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// How many lines an editor shows.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Byte range of 0-based editor line `i`, without its line break.
    pub fn row_span(&self, i: usize) -> Span {
        let start = self.rows[i] as usize;
        let Some(&next) = self.rows.get(i + 1) else {
            return Span::new(start, self.text.len());
        };
        let b = self.text.as_bytes();
        let mut end = next as usize - 1;
        if b[end] == b'\n' && end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// 1-based editor line and character column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.rows[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map(|s| s.chars().count()).unwrap_or(0);
        (line + 1, col + 1)
    }

    /// UTF-16 offsets of many byte offsets in one pass over the text.
    pub fn utf16_map(&self, offsets: &[u32]) -> Vec<(u32, usize)> {
        // u64 keys: the same sort the parser already uses (one copy in the wasm).
        let mut sorted: Vec<u64> = offsets.iter().map(|&o| o as u64).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut out = Vec::with_capacity(sorted.len());
        let (mut byte, mut units) = (0usize, 0usize);
        let text = self.text.as_bytes();
        for &o in &sorted {
            let o = (o as usize).min(text.len());
            let key = o as u32;
            while byte < o {
                let b = text[byte];
                // A UTF-8 lead byte starts a char; 4-byte chars take two UTF-16 units.
                if b & 0xC0 != 0x80 {
                    units += if b >= 0xF0 { 2 } else { 1 };
                }
                byte += 1;
            }
            out.push((key, units));
        }
        out
    }

    /// UTF-16 code-unit offset of a byte offset (what browser text APIs use).
    pub fn utf16(&self, offset: u32) -> usize {
        let end = (offset as usize).min(self.text.len());
        self.text.get(..end).map(|s| s.encode_utf16().count()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stop_finds_what_a_byte_search_finds() {
        let naive = |b: &[u8]| b.iter().position(|&x| matches!(x, b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2));
        // Every byte value at every place of a block and its remainder.
        for len in [0, 1, 31, 32, 33, 64, 70] {
            for at in 0..len {
                for x in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    b[at] = x;
                    assert_eq!(next_stop(&b), naive(&b), "byte {x:#x} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn the_line_index_is_what_trying_every_byte_gives() {
        // Byte by byte, with no blocks: every byte is tried as a terminator's start.
        let naive = |t: &[u8]| {
            let (mut starts, mut rows, mut lens) = (vec![0u32], vec![0u32], Vec::new());
            let mut i = 0;
            while i < t.len() {
                match terminator(t, i) {
                    Some(n) => {
                        if matches!(t[i], b'\n' | b'\r') {
                            rows.push((i + n) as u32);
                        }
                        lens.push(n as u8);
                        i += n;
                        starts.push(i as u32);
                    }
                    None => i += 1,
                }
            }
            lens.push(0);
            (starts, rows, lens)
        };
        // Two terminators or look-alikes (“, ·) at every place around a block's edge.
        let pieces = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{201C}", "\u{00B7}"];
        for len in [0, 1, 14, 15, 16, 17, 31, 32, 33, 47, 50] {
            for at in 0..=len {
                for p in pieces {
                    for q in pieces {
                        let mut t = "a".repeat(len);
                        t.insert_str(at, &format!("{p}{q}"));
                        let s = Source::from_string(t.clone());
                        assert_eq!((s.line_starts, s.rows, s.term_lens), naive(t.as_bytes()), "{p:?}{q:?} at {at} of {len}");
                    }
                }
            }
        }
    }

    #[test]
    fn positions() {
        let s = Source::new("\u{FEFF}一二\r\nab三\n");
        assert_eq!(s.line_count(), 3);
        assert_eq!(s.slice(s.line_span(0)), "一二");
        let b = s.text().find('三').unwrap() as u32;
        assert_eq!(s.line_col(b), (2, 3));
        assert_eq!(s.utf16(b), 6);
        let e = s.text().len() as u32;
        assert_eq!(s.utf16_map(&[e, b, 0]), vec![(0, 0), (b, 6), (e, s.utf16(e))]);
    }

    #[test]
    fn every_line_end() {
        let s = Source::new("a\rb\r\nc\nd\u{2028}e\u{0C}f\u{85}g");
        let lines: Vec<&str> = (0..s.line_count()).map(|i| s.slice(s.line_span(i))).collect();
        assert_eq!(lines, ["a", "b", "c", "d", "e", "f", "g"]);
        // Editors number only \n, \r\n and \r.
        let g = s.text().find('g').unwrap() as u32;
        assert_eq!(s.line_col(g).0, 4);
        assert_eq!(s.slice(s.row_span(1)), "b");
        assert!(s.ends_page(4));
    }
}
