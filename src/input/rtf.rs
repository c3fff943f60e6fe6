//! .rtf: the text of a Rich Text Format document, in the shape the other
//! readers give (paragraphs as lines, table rows as tab-separated cells, a
//! cell covered by a merged one left out).
//!
//! A single pass over the control words with a stack of group states. What is
//! not text is skipped: the font, colour and style tables, document info,
//! pictures, objects, headers and footers, and every `{\*…}` destination.
//! Characters come from `\uN` (skipping the `\ucN` fallback characters that
//! follow) or from `\'hh` bytes decoded in the code page of the current font's
//! `\fcharset`, else the document's `\ansicpg` (936 is GBK).

use encoding_rs::Encoding;
use std::collections::HashMap;

#[derive(Clone)]
struct Group {
    /// A destination whose content is not text.
    skip: bool,
    /// Inside the font table: `\fN` and `\fcharsetN` describe fonts.
    font_table: bool,
    /// Fallback characters after each `\uN`.
    uc: usize,
    /// Code page of the current font, 0 for the document's.
    codepage: u32,
    /// The paragraph is in a table cell (`\intbl`, until `\pard`).
    in_table: bool,
}

/// The table row being written: same rules as the markup readers.
#[derive(Default)]
struct Row {
    open: bool,
    /// Cells written so far in this row.
    cells: usize,
    /// Index of the open cell among the row's cell definitions.
    index: usize,
    cell_start: usize,
    /// Per cell definition: continues a merged cell (`\clvmrg`, `\clmrg`).
    covered: Vec<bool>,
    pending_covered: bool,
}

struct Reader<'a> {
    out: String,
    bytes: Vec<u8>,
    ansi: u32,
    fonts: HashMap<i32, u32>,
    font_being_defined: i32,
    row: Row,
    stack: Vec<Group>,
    group: Group,
    /// Fallback characters still to skip after a `\uN`.
    skip_chars: usize,
    /// A UTF-16 high surrogate waiting for its low half.
    high: Option<u16>,
    /// Groups opened beyond MAX_DEPTH: counted, not stacked.
    too_deep: usize,
    src: &'a [u8],
}

/// Real documents nest a few dozen groups; a hostile one may open millions.
const MAX_DEPTH: usize = 1024;

/// Destinations whose content is never document text.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "fldinst",
    "bkmkstart",
    "bkmkend",
    "footnote",
    "annotation",
    "atnid",
    "atnauthor",
    "filetbl",
    "pgdsctbl",
];

/// Windows code page of an RTF `\fcharset`; 0 means the document's `\ansicpg`.
fn charset_codepage(charset: i32) -> u32 {
    match charset {
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => 0,
    }
}

fn encoding(codepage: u32) -> &'static Encoding {
    match codepage {
        936 => encoding_rs::GBK,
        54936 => encoding_rs::GB18030,
        950 => encoding_rs::BIG5,
        932 => encoding_rs::SHIFT_JIS,
        949 => encoding_rs::EUC_KR,
        65001 => encoding_rs::UTF_8,
        874 => encoding_rs::WINDOWS_874,
        1250 => encoding_rs::WINDOWS_1250,
        1251 => encoding_rs::WINDOWS_1251,
        1253 => encoding_rs::WINDOWS_1253,
        1254 => encoding_rs::WINDOWS_1254,
        1255 => encoding_rs::WINDOWS_1255,
        1256 => encoding_rs::WINDOWS_1256,
        1257 => encoding_rs::WINDOWS_1257,
        _ => encoding_rs::WINDOWS_1252,
    }
}

/// Is this an RTF document?
pub fn is_rtf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"{\\rtf")
}

/// The text of an RTF document.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    if !is_rtf(bytes) {
        return Err("no {\\rtf header (没有 RTF 文件头)".into());
    }
    let mut r = Reader {
        out: String::with_capacity(bytes.len() / 8),
        bytes: Vec::new(),
        ansi: 1252,
        fonts: HashMap::new(),
        font_being_defined: 0,
        row: Row::default(),
        stack: Vec::new(),
        group: Group { skip: false, font_table: false, uc: 1, codepage: 0, in_table: false },
        skip_chars: 0,
        high: None,
        too_deep: 0,
        src: bytes,
    };
    r.run();
    Ok(super::markup::tidy(&r.out))
}

impl Reader<'_> {
    fn run(&mut self) {
        let src = self.src;
        let mut i = 0;
        while i < src.len() {
            let b = src[i];
            match b {
                b'{' => {
                    self.flush();
                    if self.stack.len() >= MAX_DEPTH {
                        self.too_deep += 1;
                        i += 1;
                        continue;
                    }
                    self.stack.push(self.group.clone());
                    self.skip_chars = 0;
                    i += 1;
                }
                b'}' => {
                    self.flush();
                    if self.too_deep > 0 {
                        self.too_deep -= 1;
                    } else if let Some(g) = self.stack.pop() {
                        self.group = g;
                    }
                    self.skip_chars = 0;
                    i += 1;
                }
                b'\\' => i = self.control(i),
                b'\r' | b'\n' => i += 1,
                _ => {
                    if self.skip_chars > 0 {
                        self.skip_chars -= 1;
                    } else if !self.group.skip {
                        self.bytes.push(b);
                    }
                    i += 1;
                }
            }
        }
        self.flush();
        self.end_row_if_open();
    }

    /// Reads the control word or symbol at `i`; returns where the next token starts.
    fn control(&mut self, i: usize) -> usize {
        let src = self.src;
        let Some(&c) = src.get(i + 1) else { return src.len() };
        if c == b'\'' {
            let hex = src.get(i + 2..i + 4).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                if self.skip_chars > 0 {
                    self.skip_chars -= 1;
                } else if !self.group.skip {
                    self.bytes.push(byte);
                }
            }
            return i + 4;
        }
        if !c.is_ascii_alphabetic() {
            self.flush();
            let symbol = match c {
                b'\\' | b'{' | b'}' => Some(c as char),
                b'~' => Some('\u{00A0}'),
                b'_' => Some('-'),
                b'\r' | b'\n' => {
                    self.word("par", None);
                    None
                }
                b'*' => {
                    self.group.skip = true;
                    None
                }
                _ => None,
            };
            if let Some(ch) = symbol {
                self.put(ch);
            }
            return i + 2;
        }
        let mut j = i + 1;
        while j < src.len() && src[j].is_ascii_alphabetic() && j - i <= 32 {
            j += 1;
        }
        let word = std::str::from_utf8(&src[i + 1..j]).unwrap_or("");
        let num_start = j;
        if j < src.len() && src[j] == b'-' {
            j += 1;
        }
        while j < src.len() && src[j].is_ascii_digit() && j - num_start < 11 {
            j += 1;
        }
        let param = std::str::from_utf8(&src[num_start..j]).ok().and_then(|n| n.parse::<i64>().ok());
        if j < src.len() && src[j] == b' ' {
            j += 1;
        }
        if word == "bin" {
            // Binary data: skip its bytes whatever the destination.
            return j.saturating_add(param.unwrap_or(0).max(0) as usize);
        }
        self.flush();
        self.word(word, param);
        j
    }

    fn word(&mut self, word: &str, param: Option<i64>) {
        let n = param.unwrap_or(0);
        if self.group.font_table {
            match word {
                "f" => self.font_being_defined = n as i32,
                "fcharset" => {
                    self.fonts.insert(self.font_being_defined, charset_codepage(n as i32));
                }
                _ => {}
            }
            return;
        }
        if word == "fonttbl" {
            self.group.font_table = true;
            self.group.skip = true;
            return;
        }
        if SKIPPED.contains(&word) {
            self.group.skip = true;
            return;
        }
        if self.group.skip {
            return;
        }
        // A control word counts as one fallback character.
        if self.skip_chars > 0 && word != "u" {
            self.skip_chars -= 1;
            return;
        }
        match word {
            "ansicpg" => self.ansi = n.clamp(0, u32::MAX as i64) as u32,
            "f" => self.group.codepage = self.fonts.get(&(n as i32)).copied().unwrap_or(0),
            "uc" => self.group.uc = n.clamp(0, 16) as usize,
            "u" => {
                let unit = if n < 0 { (n + 65536) as u16 } else { n as u16 };
                self.unicode(unit);
                self.skip_chars = self.group.uc;
            }
            "pard" => self.group.in_table = false,
            "intbl" => {
                self.group.in_table = true;
                self.begin_row();
            }
            "par" | "line" => {
                if self.group.in_table {
                    if !self.out.ends_with([' ', '\t']) && !self.out.ends_with('\n') {
                        self.out.push(' ');
                    }
                } else {
                    self.end_row_if_open();
                    self.out.push('\n');
                }
            }
            "page" | "sect" => {
                self.end_row_if_open();
                self.out.push('\n');
            }
            "tab" => self.out.push('\t'),
            "trowd" => {
                self.row.covered.clear();
                self.row.pending_covered = false;
            }
            "clvmrg" | "clmrg" => self.row.pending_covered = true,
            "cellx" => {
                let covered = std::mem::take(&mut self.row.pending_covered);
                self.row.covered.push(covered);
            }
            "cell" => self.end_cell(),
            "row" => self.end_row_if_open(),
            "emdash" => self.put('—'),
            "endash" => self.put('–'),
            "lquote" => self.put('‘'),
            "rquote" => self.put('’'),
            "ldblquote" => self.put('“'),
            "rdblquote" => self.put('”'),
            "bullet" => self.put('•'),
            "emspace" | "enspace" | "qmspace" => self.put(' '),
            _ => {}
        }
    }

    fn unicode(&mut self, unit: u16) {
        if self.group.skip {
            return;
        }
        match unit {
            0xD800..=0xDBFF => self.high = Some(unit),
            0xDC00..=0xDFFF => {
                if let Some(h) = self.high.take() {
                    let c = 0x10000 + ((h as u32 - 0xD800) << 10) + (unit as u32 - 0xDC00);
                    self.put(char::from_u32(c).unwrap_or('\u{FFFD}'));
                }
            }
            _ => self.put(char::from_u32(unit as u32).unwrap_or('\u{FFFD}')),
        }
    }

    fn put(&mut self, c: char) {
        if !self.group.skip {
            self.out.push(c);
        }
    }

    /// Decodes the pending `\'hh` and raw bytes in the current code page.
    fn flush(&mut self) {
        if self.bytes.is_empty() {
            return;
        }
        let cp = if self.group.codepage != 0 { self.group.codepage } else { self.ansi };
        let (text, _, _) = encoding(cp).decode(&self.bytes);
        self.out.push_str(&text);
        self.bytes.clear();
    }

    fn begin_row(&mut self) {
        if self.row.open {
            return;
        }
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.row.open = true;
        self.row.cells = 0;
        self.row.index = 0;
        self.row.cell_start = self.out.len();
    }

    fn end_cell(&mut self) {
        self.begin_row();
        while self.out.len() > self.row.cell_start && self.out.ends_with(' ') {
            self.out.pop();
        }
        if self.row.covered.get(self.row.index).copied().unwrap_or(false) {
            self.out.truncate(self.row.cell_start);
        } else {
            self.row.cells += 1;
        }
        self.row.index += 1;
        // The next cell starts here, with its tab.
        self.row.cell_start = self.out.len();
        if self.row.cells > 0 {
            self.out.push('\t');
        }
    }

    fn end_row_if_open(&mut self) {
        if !self.row.open {
            return;
        }
        // Nothing after the last cell: drop the tab that would start another.
        if self.out.len() == self.row.cell_start + 1 && self.out.ends_with('\t') {
            self.out.pop();
        }
        self.out.push('\n');
        self.row.open = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_destinations_and_reads_unicode() {
        let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fnil Arial;}}{\colortbl;\red0;}{\info{\title X}}{\*\generator LO;}\pard\plain \u26631\'3f\u39064\'3f\par{\pict 0123abcd}A\tab B\line C\par}";
        assert_eq!(text(rtf).unwrap(), "标题\nA\tB\nC\n");
    }

    #[test]
    fn bytes_in_the_document_code_page() {
        // 规章 in GBK: B9 E6 D5 C2.
        let rtf = br"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}\f0\'b9\'e6\'d5\'c2\par}";
        assert_eq!(text(rtf).unwrap(), "规章\n");
        // \uc2: two fallback bytes after each \u.
        let rtf = br"{\rtf1\ansi\ansicpg936\uc2\u35268\'b9\'e6\u31456\'d5\'c2\par}";
        assert_eq!(text(rtf).unwrap(), "规章\n");
    }

    #[test]
    fn hostile_nesting_and_binary() {
        let mut rtf = b"{\\rtf1 ".to_vec();
        rtf.extend(std::iter::repeat_n(b'{', 100_000));
        rtf.extend(b"deep");
        rtf.extend(std::iter::repeat_n(b'}', 100_000));
        rtf.extend(b"\\bin99999999 x}");
        assert_eq!(text(&rtf).unwrap(), "deep\n");
    }

    #[test]
    fn table_rows_cells_and_merges() {
        let rtf = br"{\rtf1\ansi\trowd\clvmgf\cellx100\cellx200\cellx300\pard\intbl A\cell\cell 1\cell\row\trowd\clvmrg\cellx100\cellx200\cellx300\pard\intbl\cell B\par C\cell 2\cell\row\pard after\par}";
        assert_eq!(text(rtf).unwrap(), "A\t\t1\nB C\t2\nafter\n");
    }
}
