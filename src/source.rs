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

/// The text being checked with an index of its line starts.
#[derive(Clone, Debug)]
pub struct Source {
    text: String,
    line_starts: Vec<u32>,
}

impl Source {
    /// Inputs beyond 4 GiB cannot be addressed by the u32 spans; the callers
    /// (CLI, web) refuse far smaller inputs before they get here.
    pub fn new(text: &str) -> Source {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut line_starts = vec![0u32];
        line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1));
        Source { text: text.to_string(), line_starts }
    }

    /// The same as `new`, taking the text rather than copying it (large files).
    pub fn from_string(mut text: String) -> Source {
        if text.starts_with('\u{FEFF}') {
            text.drain(..3);
        }
        let mut line_starts = vec![0u32];
        line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1));
        Source { text, line_starts }
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
        let mut end = self.line_starts.get(i + 1).map(|&s| s as usize - 1).unwrap_or(self.text.len());
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// 0-based line index of a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
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
}
