//! The batch summary a reviewer hands on: CSV (UTF-8 with BOM, so that Excel
//! reads Chinese) and XLSX (one sheet per table: the summary, then every
//! finding). Both the command line (`--summary`) and the browser's batch
//! write these, from the same rows. The XLSX is a few XML parts in a ZIP
//! archive with stored entries: no compression library, so the browser's
//! lazily loaded batch module stays small; the tests open it with LibreOffice.

use crate::diagnostic::Diagnostic;
use crate::summary::Summary;

/// A cell of an exported table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// The language of the column headers and of the words in cells.
#[derive(Clone, Copy, PartialEq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Lang {
        if s.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// The words of the exports, from the catalogue (`desk!`): the batch table says the same.
fn say(lang: Lang, k: crate::messages::Desk) -> &'static str {
    k.template(lang == Lang::En)
}

pub fn summary_header(lang: Lang) -> Vec<&'static str> {
    use crate::messages::desk::*;
    [COL_FILE, COL_BODY, COL_YEAR, COL_ERRORS, COL_WARNINGS, COL_INFOS, COL_TOP, COL_NOTE].into_iter().map(|k| say(lang, k)).collect()
}

pub fn findings_header(lang: Lang) -> Vec<&'static str> {
    use crate::messages::desk::*;
    [COL_FILE, COL_BODY, COL_YEAR, COL_CODE, COL_SEVERITY, COL_CELL, COL_LINE, COL_PAGE, COL_MESSAGE, COL_FIX]
        .into_iter()
        .map(|k| say(lang, k))
        .collect()
}

fn year(y: Option<i32>) -> Cell {
    y.map(|y| Cell::Number(y as f64)).unwrap_or(Cell::Empty)
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

/// A rule's title in `lang` (the English comes with the catalogue in the browser).
fn title(r: &'static crate::rules::Rule, lang: Lang) -> &'static str {
    match (lang, crate::messages::english()) {
        (Lang::En, Some(en)) => en.label(r.title_zh),
        _ => r.title_zh,
    }
}

/// For each report of a batch (its `summary::Key`), the other reports in it
/// of the same body and year (exactly the same name), in the batch's order: a
/// text and its PDF, or versions of one report, which a reviewer counts as
/// one body's, not several.
pub fn same_year(keys: &[crate::summary::Key]) -> Vec<Vec<usize>> {
    let mut of: std::collections::HashMap<(&str, i32), Vec<usize>> = std::collections::HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let (Some(o), Some(y)) = *k {
            of.entry((o, y)).or_default().push(i);
        }
    }
    keys.iter()
        .enumerate()
        .map(|(i, k)| {
            let (Some(o), Some(y)) = *k else { return Vec::new() };
            of.get(&(o, y)).map(|all| all.iter().copied().filter(|&j| j != i).collect()).unwrap_or_default()
        })
        .collect()
}

/// The summary row of a checked report.
/// Said in the remarks column: `previous`, the file of last year's report
/// that the cross-year rules (X001–X003) compared it with (whoever the sheet
/// is handed to can tell which reports were compared); `same_year`, the
/// other files of the batch with a report of the same body and year.
pub fn summary_row(file: &str, s: &Summary, lang: Lang, previous: Option<&str>, same_year: &[&str]) -> Vec<Cell> {
    let top = s
        .top
        .iter()
        .map(|t| {
            let title = crate::rules::rule(t.code).map(|r| title(r, lang)).unwrap_or("");
            format!("{} {}", t.code, title)
        })
        .collect::<Vec<_>>()
        .join(say(lang, crate::messages::desk::LIST_SEP));
    // As the batch table says it: an empty cell would read as "not checked".
    let top = if top.is_empty() { say(lang, crate::messages::desk::NO_PROBLEM).to_string() } else { top };
    let mut row = vec![
        text(file),
        text(s.organ.as_deref().unwrap_or("")),
        year(s.year),
        Cell::Number(s.errors as f64),
        Cell::Number(s.warnings as f64),
        Cell::Number(s.infos as f64),
        text(&top),
        Cell::Empty,
    ];
    use crate::messages::desk::{PAIRED, SAME_YEAR};
    let twins = (!same_year.is_empty()).then(|| same_year.join(say(lang, crate::messages::desk::LIST_SEP)));
    for (k, file) in [(PAIRED, previous), (SAME_YEAR, twins.as_deref())] {
        if let Some(f) = file {
            add_remark(&mut row, lang, &k.say(lang == Lang::En, &[crate::messages::Arg::Text(f.to_string())]));
        }
    }
    row
}

/// Adds `remark` to a summary row's remarks column, after what it says already.
pub fn add_remark(row: &mut [Cell], lang: Lang, remark: &str) {
    let Some(cell) = row.get_mut(REMARKS) else { return };
    *cell = match std::mem::replace(cell, Cell::Empty) {
        Cell::Text(t) if !t.is_empty() => Cell::Text(format!("{t}{}{remark}", say(lang, crate::messages::desk::LIST_SEP))),
        _ => text(remark),
    };
}

/// The remarks column (说明) of a summary row.
const REMARKS: usize = 7;

/// The summary row of a file that could not be read: `why` in the reader's words.
pub fn problem_row(file: &str, why: &str) -> Vec<Cell> {
    vec![text(file), Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, text(why)]
}

/// A cell as the reader of the sheet knows it: "表四 · 行政复议 · 总计"
/// (the JSON keeps the keys, `t4.review.total`, for programs).
fn cell_name(c: &crate::diagnostic::CellRef, lang: Lang) -> String {
    let en = match lang {
        Lang::En => crate::messages::english(),
        Lang::Zh => None,
    };
    let word = |zh: &'static str| en.map(|e| e.label(zh).to_string()).unwrap_or_else(|| zh.to_string());
    let table = match (c.table, en.is_some()) {
        (crate::template::TableId::T2, false) => "表二",
        (crate::template::TableId::T3, false) => "表三",
        (crate::template::TableId::T4, false) => "表四",
        (crate::template::TableId::T2, true) => "Table 2",
        (crate::template::TableId::T3, true) => "Table 3",
        (crate::template::TableId::T4, true) => "Table 4",
    };
    let mut parts = vec![table.to_string()];
    let row = c.row.and_then(|r| crate::template::candidates(c.table).iter().find_map(|t| t.row(r).map(|i| &t.rows[i])));
    match (row, c.row) {
        (Some(row), _) => {
            parts.push(if en.is_some() { word(row.label) } else { crate::parse::core_label(row.label) });
            if let Some(col) = c.column.and_then(|k| row.columns.iter().find(|col| col.key == k)) {
                parts.push(word(col.label));
            }
        }
        // A key the templates do not have is still said, not dropped.
        (None, Some(r)) => parts.push([Some(r), c.column].into_iter().flatten().collect::<Vec<_>>().join(".")),
        (None, None) => {}
    }
    parts.join(" · ")
}

/// The page a finding's span is on, for a report read from a PDF.
pub type PageOf<'a> = &'a dyn Fn(crate::Span) -> Option<u32>;
/// The line (1-based, as an editor counts) of a finding's place.
pub type LineOf<'a> = &'a dyn Fn(crate::Span) -> Option<usize>;

/// One row per finding of a report; `line` gives each its line (from the
/// text, or for the findings added by pairing from the places kept for
/// them), and `page` its page when the report is a PDF: the line is in the
/// text read from it, which the reviewer does not have, the page is where to look.
pub fn finding_rows(
    file: &str,
    s: &Summary,
    diagnostics: &[Diagnostic],
    lang: Lang,
    line: Option<LineOf>,
    page: Option<PageOf>,
) -> Vec<Vec<Cell>> {
    diagnostics
        .iter()
        .map(|d| {
            let cell = d.cell.as_ref().map(|c| cell_name(c, lang));
            let line = line.and_then(|l| l(d.span)).map(|l| Cell::Number(l as f64)).unwrap_or(Cell::Empty);
            let page = page.and_then(|p| p(d.span)).map(|p| Cell::Number(p as f64)).unwrap_or(Cell::Empty);
            let severity = match lang {
                Lang::Zh => d.severity.zh(),
                Lang::En => d.severity.key(),
            };
            // English when the catalogue is here (always in the CLI; in the browser once loaded).
            let message = match (lang, crate::messages::english()) {
                (Lang::En, Some(en)) => d.msg.render(en),
                _ => d.message.clone(),
            };
            vec![
                text(file),
                text(s.organ.as_deref().unwrap_or("")),
                year(s.year),
                text(d.code),
                text(severity),
                text(cell.as_deref().unwrap_or("")),
                line,
                page,
                text(&message),
                // A fix that inserts a line ends with its line break: the cell shows the line.
                text(d.fix.as_deref().unwrap_or("").trim_end_matches(['\r', '\n'])),
            ]
        })
        .collect()
}

/// Rows as one string, for handing them between the browser's workers and
/// the page: cells split by U+001F, rows by U+001E (neither can be in a
/// spreadsheet, so they are left out of the text).
pub fn encode_rows(rows: &[Vec<Cell>]) -> String {
    let mut s = String::new();
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            s.push('\u{1e}');
        }
        for (j, c) in r.iter().enumerate() {
            if j > 0 {
                s.push('\u{1f}');
            }
            match c {
                Cell::Text(t) => {
                    s.push('t');
                    s.extend(t.chars().filter(|&c| c != '\u{1e}' && c != '\u{1f}'));
                }
                Cell::Number(n) => {
                    s.push('n');
                    s.push_str(&crate::json::format_number(*n));
                }
                Cell::Empty => {}
            }
        }
    }
    s
}

pub fn decode_rows(s: &str) -> Vec<Vec<Cell>> {
    s.split('\u{1e}')
        .filter(|r| !r.is_empty())
        .map(|r| {
            r.split('\u{1f}')
                .map(|c| match c.split_at_checked(1) {
                    Some(("t", t)) => Cell::Text(t.to_string()),
                    Some(("n", n)) => n.parse().map(Cell::Number).unwrap_or(Cell::Empty),
                    _ => Cell::Empty,
                })
                .collect()
        })
        .collect()
}

/// A text that a spreadsheet would run as a formula is written as text.
fn inert(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// CSV: UTF-8 with a byte-order mark, CRLF, fields quoted when they must be.
pub fn csv(header: &[&str], rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let field = |out: &mut String, s: &str| {
        if s.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(s);
        }
    };
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match c {
                Cell::Text(s) => field(&mut out, &inert(s)),
                Cell::Number(n) => out.push_str(&crate::json::format_number(*n)),
                Cell::Empty => {}
            }
        }
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// XML text: markup escaped, and characters XML cannot hold (most controls) left out.
fn xml(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

fn column_name(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Most characters a spreadsheet cell holds (Excel's limit).
const CELL_MAX: usize = 32_767;

/// Widest a column is made (in characters): longer messages and paths are
/// cut at the cell's edge, whole in the cell.
const WIDTH_MAX: usize = 60;

fn sheet(header: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        // The header row stays in view while the reader scrolls.
        r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
        "<cols>"
    ));
    let head: Vec<Cell> = header.iter().map(|h| Cell::Text(h.to_string())).collect();
    // Each column as wide as its widest cell (a CJK character is two wide), so
    // that a file's name or a finding reads without widening it by hand.
    let width = |c: &Cell| match c {
        Cell::Text(t) => t.chars().take(WIDTH_MAX).map(|ch| if (ch as u32) < 0x1100 { 1 } else { 2 }).sum(),
        Cell::Number(n) => crate::json::format_number(*n).len(),
        Cell::Empty => 0,
    };
    for c in 0..head.len() {
        let w = std::iter::once(&head).chain(rows).filter_map(|r| r.get(c)).map(width).max().unwrap_or(0);
        s.push_str(&format!(r#"<col min="{0}" max="{0}" width="{1}" customWidth="1"/>"#, c + 1, (w + 2).clamp(6, WIDTH_MAX)));
    }
    s.push_str("</cols><sheetData>");
    for (r, row) in std::iter::once(&head).chain(rows).enumerate() {
        s.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_name(c), r + 1);
            match cell {
                Cell::Text(t) => {
                    s.push_str(&format!(r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">"#));
                    let t: String = t.chars().take(CELL_MAX).collect();
                    xml(&t, &mut s);
                    s.push_str("</t></is></c>");
                }
                Cell::Number(n) if n.is_finite() => s.push_str(&format!(r#"<c r="{at}"><v>{}</v></c>"#, crate::json::format_number(*n))),
                _ => {}
            }
        }
        s.push_str("</row>");
    }
    s.push_str("</sheetData></worksheet>");
    s
}

/// An XLSX workbook of two sheets: the summary and the findings.
pub fn xlsx(lang: Lang, summary: &[Vec<Cell>], findings: &[Vec<Cell>]) -> Vec<u8> {
    let (s1, s2) = (say(lang, crate::messages::desk::SHEET_SUMMARY), say(lang, crate::messages::desk::SHEET_FINDINGS));
    let workbook = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<sheets><sheet name="{}" sheetId="1" r:id="rId1"/><sheet name="{}" sheetId="2" r:id="rId2"/></sheets></workbook>"#
        ),
        s1, s2
    );
    let parts: [(&str, String); 6] = [
        (
            "[Content_Types].xml",
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                "\n",
                r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
                r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
                r#"<Default Extension="xml" ContentType="application/xml"/>"#,
                r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
                r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
                r#"<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
                r#"</Types>"#
            )
            .to_string(),
        ),
        (
            "_rels/.rels",
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                "\n",
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
                r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
                r#"</Relationships>"#
            )
            .to_string(),
        ),
        ("xl/workbook.xml", workbook),
        (
            "xl/_rels/workbook.xml.rels",
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                "\n",
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
                r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
                r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>"#,
                r#"</Relationships>"#
            )
            .to_string(),
        ),
        ("xl/worksheets/sheet1.xml", sheet(&summary_header(lang), summary)),
        ("xl/worksheets/sheet2.xml", sheet(&findings_header(lang), findings)),
    ];
    stored_zip(&parts.iter().map(|(n, d)| (*n, d.as_bytes())).collect::<Vec<_>>())
}

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *t = c;
    }
    !data.iter().fold(!0u32, |c, &b| table[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8))
}

/// A ZIP archive of stored (uncompressed) entries.
fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let crc = crc32(data);
        let offset = out.len() as u32;
        let len = data.len() as u32;
        let header = |sig: &[u8], central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(sig);
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // version needed
            h.extend_from_slice(&0x0800u16.to_le_bytes()); // names in UTF-8
            h.extend_from_slice(&0u16.to_le_bytes()); // stored
            h.extend_from_slice(&0u16.to_le_bytes()); // time
            h.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&len.to_le_bytes());
            h.extend_from_slice(&len.to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                h.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(b"PK\x03\x04", false));
        out.extend_from_slice(data);
        central.extend(header(b"PK\x01\x02", true));
    }
    let at = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_it_must_and_defuses_formulas() {
        let rows = vec![vec![Cell::Text("a,\"b\"".into()), Cell::Number(3.0), Cell::Empty, Cell::Text("=1+1".into())]];
        let out = String::from_utf8(csv(&["x", "y", "z", "w"], &rows)).unwrap();
        assert_eq!(out, "\u{feff}x,y,z,w\r\n\"a,\"\"b\"\"\",3,,'=1+1\r\n");
    }

    #[test]
    fn rows_round_trip_through_their_string() {
        let rows = vec![vec![Cell::Text("a\u{1f}b".into()), Cell::Number(2.5), Cell::Empty], vec![Cell::Empty, Cell::Text("乙".into())]];
        let back = decode_rows(&encode_rows(&rows));
        assert_eq!(back[0], vec![Cell::Text("ab".into()), Cell::Number(2.5), Cell::Empty]);
        assert_eq!(back[1], rows[1]);
        assert_eq!(decode_rows("").len(), 0);
    }

    #[test]
    fn rows_say_what_a_reader_of_the_sheet_needs() {
        let (o, s) =
            crate::check_summarised(crate::Source::new(include_str!("../tests/corpus/real/hongze_2023_layout.txt")), Vec::new(), None);
        // A cell by its names, and the line of the finding.
        let rows = finding_rows("a.txt", &s, &o.diagnostics, Lang::Zh, Some(&|sp: crate::Span| Some(o.source.line_col(sp.start).0)), None);
        let a004 = rows.iter().find(|r| r[3] == Cell::Text("A004".into())).unwrap();
        assert!(matches!(&a004[5], Cell::Text(t) if t.starts_with("表四 · ")), "{a004:?}");
        assert!(matches!(a004[6], Cell::Number(n) if n > 1.0), "{a004:?}");
        let en = finding_rows("a.txt", &s, &o.diagnostics, Lang::En, None, None);
        assert!(en.iter().any(|r| matches!(&r[5], Cell::Text(t) if t.starts_with("Table 4 · "))));
        assert!(en.iter().all(|r| r[6] == Cell::Empty && r[7] == Cell::Empty));
        // From a PDF: the page of each finding beside its line.
        let page = |s: crate::Span| Some(1 + s.start / 2000);
        let paged =
            finding_rows("a.pdf", &s, &o.diagnostics, Lang::Zh, Some(&|sp: crate::Span| Some(o.source.line_col(sp.start).0)), Some(&page));
        let a004 = paged.iter().find(|r| r[3] == Cell::Text("A004".into())).unwrap();
        assert!(matches!(a004[7], Cell::Number(n) if n >= 2.0), "{a004:?}");
        assert_eq!(paged[0].len(), findings_header(Lang::Zh).len());
        // A title to insert is shown as the line it is, without its line break.
        let (o0, s0) =
            crate::check_summarised(crate::Source::new(include_str!("../tests/corpus/seeds/000_c6982dbd013aa02e.txt")), Vec::new(), None);
        assert!(o0.diagnostics.iter().any(|d| d.code == "S001" && d.fix.as_deref().is_some_and(|f| f.ends_with('\n'))));
        let s001 = finding_rows("b.txt", &s0, &o0.diagnostics, Lang::Zh, None, None)
            .into_iter()
            .find(|r| r[3] == Cell::Text("S001".into()))
            .unwrap();
        assert_eq!(s001[9], Cell::Text("工业信息化和商务局2023年政府信息公开工作年度报告".into()));
        // A report without findings says so, as the batch table does.
        let mut none = s.clone();
        none.top.clear();
        assert_eq!(summary_row("a.txt", &none, Lang::Zh, None, &[])[6], Cell::Text("未发现问题".into()));
        // The note says which report it was compared with, in the sheet's language.
        assert_eq!(summary_row("a.txt", &none, Lang::Zh, None, &[])[7], Cell::Empty);
        assert_eq!(summary_row("b.txt", &none, Lang::Zh, Some("a.txt"), &[])[7], Cell::Text("已与上年报告对照：a.txt".into()));
        assert_eq!(
            summary_row("b.txt", &none, Lang::En, Some("a.txt"), &[])[7],
            Cell::Text("Compared with last year's report: a.txt".into())
        );
        assert_eq!(
            summary_row("b.txt", &none, Lang::Zh, Some("a.txt"), &["b.pdf", "c.txt"])[7],
            Cell::Text("已与上年报告对照：a.txt；本批中另有同一机关同一年度的报告：b.pdf；c.txt".into())
        );
    }

    #[test]
    fn the_same_body_and_year_twice_is_found() {
        let keys = [
            (Some("甲"), Some(2024)),
            (Some("乙"), Some(2024)),
            (Some("甲"), Some(2024)),
            (None, Some(2024)),
            (None, Some(2024)),
            (Some("甲"), Some(2023)),
            (Some("甲"), Some(2024)),
        ];
        assert_eq!(same_year(&keys), vec![vec![2, 6], vec![], vec![0, 6], vec![], vec![], vec![], vec![0, 2]]);
    }

    #[test]
    fn crc_and_archive_read_back() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let book = xlsx(Lang::Zh, &[vec![Cell::Text("<淮安>\u{1}".into()), Cell::Number(2024.0)]], &[]);
        let sheet = crate::input::zip::locate(&book, "xl/worksheets/sheet1.xml").unwrap();
        assert_eq!(sheet.method, 0);
        let xml = std::str::from_utf8(sheet.data).unwrap();
        assert!(xml.contains("&lt;淮安&gt;</t>") && xml.contains(r#"<c r="B2"><v>2024</v></c>"#), "{xml}");
        // The header row frozen; columns as wide as their widest cell ("<淮安>": 6, and 2 to spare; a control character counts 1).
        assert!(xml.contains(r#"state="frozen""#) && xml.contains(r#"<col min="1" max="1" width="9" customWidth="1"/>"#), "{xml}");
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(27), "AB");
    }
}
