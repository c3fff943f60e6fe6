//! Line and column of many offsets, in one pass when they come in order.
//!
//! `Source::line_col` counts the characters from the start of the line on
//! every call; for thousands of findings on one long line that is quadratic.
//! A cursor walks forward from the previous offset instead.

use crate::source::Source;

pub struct Cursor<'a> {
    src: &'a Source,
    /// The last offset asked for, its 0-based line and 1-based column.
    at: usize,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a Source) -> Cursor<'a> {
        Cursor { src, at: 0, line: 0, col: 1 }
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&mut self, offset: u32) -> (usize, usize) {
        let text = self.src.text();
        let mut o = (offset as usize).min(text.len());
        while !text.is_char_boundary(o) {
            o -= 1;
        }
        let line = self.src.line_of(o as u32);
        if line != self.line || o < self.at {
            let (l, c) = self.src.line_col(o as u32);
            (self.at, self.line, self.col) = (o, l - 1, c);
        } else {
            self.col += text[self.at..o].chars().count();
            self.at = o;
        }
        (self.line + 1, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_source() {
        let s = Source::new("一二三\nab四五\n\n六");
        let mut c = Cursor::new(&s);
        for o in [0u32, 3, 6, 9, 10, 11, 15, 9, 18, 19, 0, 20, 23] {
            assert_eq!(c.line_col(o), s.line_col(o), "{o}");
        }
    }
}
