//! Hostile and careless inputs of any size, shared by `examples/adversarial`,
//! the benchmark script and the growth test. Text shapes are about `bytes`
//! long; archive shapes inflate to about `bytes`.
#![allow(dead_code)]

pub struct Shape {
    pub name: &'static str,
    /// Text (checked as it is) rather than a file format.
    pub text: bool,
    pub make: fn(usize) -> Vec<u8>,
}

/// `unit` repeated to about `bytes`, with `sep` after every `every` units.
fn repeat(unit: &str, bytes: usize, sep: &str, every: usize) -> Vec<u8> {
    let mut s = String::with_capacity(bytes + unit.len() + sep.len());
    let mut n = 0;
    while s.len() < bytes {
        s.push_str(unit);
        n += 1;
        if every > 0 && n % every == 0 {
            s.push_str(sep);
        }
    }
    s.into_bytes()
}

fn table(head: &str, row: &str, bytes: usize) -> Vec<u8> {
    let mut s = head.to_string().into_bytes();
    s.extend(repeat(row, bytes.saturating_sub(head.len()), "", 0));
    s
}

pub const SHAPES: &[Shape] = &[
    // Layouts of issue 9 at scale: flattened text (headings mid-line, indents),
    // glued table cells, Markdown pipe rows with repeated merged cells.
    Shape {
        name: "flattened-report",
        text: true,
        make: |n| repeat("　　一、总体情况　　本机关全年公开信息。　　二、主动公开政府信息情况规章000行政规范性文件1126", n, "", 0),
    },
    Shape {
        name: "glued-digits-in-a-table",
        text: true,
        make: |n| table("三、收到和处理政府信息公开申请情况\n", "（一）予以公开81010010", n),
    },
    Shape { name: "numerals-and-commas", text: true, make: |n| repeat("一、二、三、四、五、六、", n, "", 0) },
    Shape {
        name: "markdown-merged-cells",
        text: true,
        make: |n| table("二、主动公开政府信息情况\n|信息内容|本年处理决定数量|本年处理决定数量|\n", "|行政许可|5|5|\n|---|---|---|\n", n),
    },
    Shape { name: "entities-one-line", text: true, make: |n| repeat("报告&amp;", n, "", 0) },
    Shape { name: "bookmarks-one-line", text: true, make: |n| repeat("[bookmark: _GoBack]", n, "", 0) },
    Shape { name: "entities", text: true, make: |n| repeat("&amp;", n, "\n", 200) },
    Shape { name: "ampersands-no-semicolon", text: true, make: |n| repeat("报告&", n, "", 0) },
    Shape { name: "bookmarks-unclosed", text: true, make: |n| repeat("[bookmark: _GoBack", n, "", 0) },
    Shape { name: "bold-markers", text: true, make: |n| repeat("**公开**", n, "", 0) },
    Shape {
        name: "prose-one-line",
        text: true,
        make: |n| repeat("2024年，本机关共收到政府信息公开申请12件，其中自然人申请10件，法人或其他组织申请2件。", n, "", 0),
    },
    Shape { name: "digits-one-line", text: true, make: |n| repeat("1234567890", n, "", 0) },
    Shape { name: "digits-and-spaces", text: true, make: |n| repeat("12 345 6789 0 ", n, "\n", 6) },
    Shape {
        name: "table-row-repeated",
        text: true,
        make: |n| table("三、收到和处理政府信息公开申请情况\n", "（一）予以公开\t1\t2\t3\t4\t5\t6\t21\n", n),
    },
    Shape { name: "no-full-stops", text: true, make: |n| repeat("共1条，其中", n, "", 0) },
    Shape { name: "keywords", text: true, make: |n| repeat("收到申请行政复议上年结转结转下年度", n, "", 0) },
    Shape {
        name: "numbers-in-a-table", text: true, make: |n| table("三、收到和处理政府信息公开申请情况\n", "1 2 3 4 5 6 7\n", n)
    },
    Shape {
        name: "headings",
        text: true,
        make: |n| repeat("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n", n, "", 0),
    },
    Shape { name: "cells", text: true, make: |n| repeat("规章\t1\t2\t3\n", n, "", 0) },
    Shape { name: "full-stops-one-line", text: true, make: |n| repeat("。", n, "", 0) },
    Shape { name: "commas-between-chinese", text: true, make: |n| repeat("中,", n, "", 0) },
    Shape { name: "pipes-one-line", text: true, make: |n| repeat("|", n, "", 0) },
    Shape { name: "tabs-one-line", text: true, make: |n| repeat("\t", n, "报告", 1000) },
    Shape { name: "wide-spacing-one-line", text: true, make: |n| repeat("1  ", n, "", 0) },
    Shape { name: "empty-lines", text: true, make: |n| repeat("\n", n, "报告", 1000) },
    Shape { name: "control-characters", text: true, make: |n| repeat("报告\u{1b}]0;x\u{7}\u{202e}", n, "\n", 100) },
    Shape { name: "docx-bomb", text: false, make: |n| docx(&[(DOCUMENT, Entry::Inflating(n))]) },
    Shape { name: "docx-lying-directory", text: false, make: |n| docx(&[(DOCUMENT, Entry::Lying(n))]) },
];

pub const DOCUMENT: &str = "word/document.xml";

/// An archive entry for `docx`.
pub enum Entry<'a> {
    /// Stored as it is.
    Plain(&'a [u8]),
    /// A WordprocessingML document that inflates to about this many bytes.
    Inflating(usize),
    /// The same, with a central directory that states 1 KB inflated.
    Lying(usize),
}

/// A ZIP archive (what a .docx is) with the given entries.
pub fn docx(entries: &[(&str, Entry)]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut dir = Vec::new();
    for (name, e) in entries {
        let (method, data, size): (u16, Vec<u8>, usize) = match e {
            Entry::Plain(b) => (0, b.to_vec(), b.len()),
            Entry::Inflating(n) | Entry::Lying(n) => {
                let (data, real) = deflated_document(*n);
                (8, data, if matches!(e, Entry::Lying(_)) { 1024 } else { real })
            }
        };
        let local = zip.len() as u32;
        let header = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]); // time, date
            h.extend(0u32.to_le_bytes()); // crc (not checked by readers of reports)
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((size.min(u32::MAX as usize) as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(local.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        zip.extend(header(b"PK\x03\x04", false));
        zip.extend(&data);
        dir.extend(header(b"PK\x01\x02", true));
    }
    let at = zip.len() as u32;
    zip.extend(&dir);
    zip.extend(b"PK\x05\x06");
    zip.extend([0u8; 4]);
    zip.extend((entries.len() as u16).to_le_bytes());
    zip.extend((entries.len() as u16).to_le_bytes());
    zip.extend((dir.len() as u32).to_le_bytes());
    zip.extend(at.to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    zip
}

/// A raw deflate stream of a document whose one paragraph is `n` bytes of
/// "a", written with fixed Huffman codes: each 258-byte repeat costs 13 bits,
/// so 100 MB fit in 650 KB without ever being held in memory.
fn deflated_document(n: usize) -> (Vec<u8>, usize) {
    let head = b"<w:document><w:body><w:p><w:r><w:t>";
    let tail = b"</w:t></w:r></w:p></w:body></w:document>";
    let mut w = Bits::default();
    w.put(1, 1); // final block
    w.put(1, 2); // fixed Huffman
    for &b in head.iter().chain(b"a") {
        w.literal(b);
    }
    let repeats = n.saturating_sub(head.len() + tail.len() + 1) / 258;
    for _ in 0..repeats {
        w.code(0b1100_0101, 8); // length 258 (code 285)
        w.code(0, 5); // distance 1
    }
    for &b in tail {
        w.literal(b);
    }
    w.code(0, 7); // end of block
    (w.finish(), head.len() + 1 + repeats * 258 + tail.len())
}

#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    /// `bits` low bits of `v`, least significant first (headers and extra bits).
    fn put(&mut self, v: u64, bits: u32) {
        self.acc |= v << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, most significant bit first.
    fn code(&mut self, c: u32, bits: u32) {
        let mut r = 0u64;
        for i in 0..bits {
            r |= (((c >> i) & 1) as u64) << (bits - 1 - i);
        }
        self.put(r, bits);
    }
    fn literal(&mut self, b: u8) {
        if b < 144 {
            self.code(0x30 + b as u32, 8);
        } else {
            self.code(0x190 + (b as u32 - 144), 9);
        }
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}
