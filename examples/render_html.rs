//! Renders a report as the HTML document a clerk would have: the title, the
//! prose of every section, and tables 二, 三 and 四 in the official layout of
//! 国办公开办函〔2021〕30号 (merged cells as rowspan/colspan). The layout zoo
//! (`scripts/zoo/make.sh`) feeds this document to LibreOffice, PDF tools and
//! scrapers to obtain every other layout of the same report.
//!
//! Everything comes from what the parser read: the cell values and
//! placeholders of the report, the row and header labels of the template the
//! table follows (`src/template/`), and the report's own wording where the
//! parser saw it differ from the template (so a T004 stays a T004).
//!
//!     cargo run --example render_html -- report.txt > report.html

use nianbao::report::{Anomaly, Cell, RowRead, TableRead};
use nianbao::template::{TableId, TableTemplate};
use nianbao::{Outcome, Source, Span};
use std::fmt::Write;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: render_html REPORT.txt > REPORT.html");
        std::process::exit(2);
    };
    let text = match nianbao::input::read_file(std::path::Path::new(&path)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    print!("{}", render(&nianbao::check(&text)));
}

fn render(out: &Outcome) -> String {
    let src = &out.source;
    let r = &out.report;
    let mut html = String::from("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
    let title = r.title.as_ref().map(|t| joined_lines(src, t.span));
    let _ = write!(html, "<title>{}</title>", esc(title.as_deref().unwrap_or("政府信息公开工作年度报告")));
    html.push_str(
        "<style>body{font-family:\"WenQuanYi Micro Hei\",sans-serif;font-size:12pt}\
         h1{text-align:center;font-size:24pt;line-height:1.4}\
         table{border-collapse:collapse;margin:0 auto}td{border:1px solid #000;padding:2pt 4pt;text-align:center;font-size:10pt}\
         p{font-size:12pt;line-height:1.6;margin:0}</style></head><body>",
    );
    if let Some(t) = &title {
        let _ = write!(html, "<h1 align=\"center\" style=\"font-size:24pt\">{}</h1>", esc(t));
    }

    // Lines owned by the title or by a table are not prose; a table is drawn
    // where its first line was.
    let mut skip = vec![false; src.row_count()];
    if let Some(t) = &r.title {
        mark(&mut skip, src, t.span);
    }
    let mut tables_at: Vec<(usize, &TableRead)> = Vec::new();
    for table in r.tables.all() {
        let heading = r.section(table.id.section()).map(|s| src.line_of(s.span.start));
        let next = r.sections.iter().map(|s| src.line_of(s.span.start)).filter(|&l| heading.is_some_and(|h| l > h)).min();
        if let Some((first, last)) = table_lines(src, table, heading, next) {
            skip[first..=last].iter_mut().for_each(|s| *s = true);
            tables_at.push((first, table));
        }
    }
    // Prose: a line printed full to the margin without closing its sentence
    // continues on the next one (PDF and pdftotext wrap paragraphs); page
    // numbers are page furniture, not text of the document.
    let heading_lines: Vec<usize> = r.sections.iter().map(|s| src.line_of(s.span.start)).collect();
    let line = |i: usize| src.slice(src.row_span(i)).trim_matches(|c: char| c.is_whitespace());
    let width = |i: usize| display_width(src.slice(src.row_span(i)).trim_end());
    let mut widths: Vec<usize> = (0..src.row_count()).filter(|&i| !skip[i]).map(width).filter(|&w| w > 0).collect();
    widths.sort_unstable();
    let full = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    let mut paragraph = String::new();
    let mut strong = false;
    let flush = |html: &mut String, paragraph: &mut String, strong: bool| {
        if !paragraph.is_empty() {
            let text = esc(paragraph);
            let _ = if strong {
                write!(html, "<p>\u{3000}\u{3000}<strong>{text}</strong></p>")
            } else {
                write!(html, "<p>\u{3000}\u{3000}{text}</p>")
            };
            paragraph.clear();
        }
    };
    for (i, &owned) in skip.iter().enumerate() {
        if tables_at.iter().any(|(at, _)| *at == i) {
            flush(&mut html, &mut paragraph, strong);
        }
        for (_, table) in tables_at.iter().filter(|(at, _)| *at == i) {
            draw_table(&mut html, src, r, table);
        }
        let text = line(i);
        if owned || text.is_empty() || is_page_number(text) {
            continue;
        }
        let heading = heading_lines.contains(&i);
        let continues = !paragraph.is_empty() && !heading && !strong && paragraph_open(&paragraph, full) && width(i - 1) + 6 >= full;
        if !continues {
            flush(&mut html, &mut paragraph, strong);
        }
        paragraph.push_str(text);
        strong = heading;
    }
    flush(&mut html, &mut paragraph, strong);
    html.push_str("</body></html>\n");
    html
}

/// The last line of the paragraph so far is full and its sentence goes on.
fn paragraph_open(paragraph: &str, full: usize) -> bool {
    full >= 40 && !paragraph.ends_with(['。', '！', '？', '；', '：', ':', '」', '”'])
}

/// Columns on a fixed-pitch page: a CJK character takes two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// "-1-", "— 4 —", "7": a page number on its own line.
fn is_page_number(line: &str) -> bool {
    let core = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–' | '－'));
    !core.is_empty() && core.len() <= 3 && core.chars().all(|c| c.is_ascii_digit())
}

/// The lines a table occupies: from its header (the lines after the section
/// heading that carry no sentence) to its last row and the sentence-free
/// lines after it, up to the next section.
fn table_lines(src: &Source, table: &TableRead, heading: Option<usize>, next: Option<usize>) -> Option<(usize, usize)> {
    let spans = table.rows.iter().flat_map(|r| [r.label_span, r.values_span]).flatten();
    let (mut first, mut last) = (usize::MAX, 0);
    for s in spans {
        first = first.min(src.line_of(s.start));
        last = last.max(src.line_of(s.end.saturating_sub(1).max(s.start)));
    }
    if first == usize::MAX {
        return None;
    }
    let floor = heading.map(|h| h + 1).unwrap_or(first).min(first);
    while first > floor {
        let above = src.slice(src.row_span(first - 1));
        if above.contains('。') || above.contains("：（") {
            break;
        }
        first -= 1;
    }
    // Labels printed after the values (reading-order text) belong to it too.
    let ceiling = next.unwrap_or(src.row_count()).max(last + 1);
    while last + 1 < ceiling {
        let below = src.slice(src.row_span(last + 1));
        if below.contains('。') || below.contains('，') {
            break;
        }
        last += 1;
    }
    Some((first, last))
}

fn mark(skip: &mut [bool], src: &Source, span: Span) {
    let (a, b) = (src.line_of(span.start), src.line_of(span.end.saturating_sub(1).max(span.start)));
    skip[a..=b].iter_mut().for_each(|s| *s = true);
}

/// The text of a span with its line breaks and spacing removed: a title
/// printed over two lines is one title.
fn joined_lines(src: &Source, span: Span) -> String {
    src.slice(span).split('\n').map(|l| l.trim()).collect::<Vec<_>>().join("")
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// What the report has in a cell: its number as written, its placeholder, or nothing.
fn cell_text(src: &Source, cell: &Cell) -> String {
    let raw = cell.span.map(|s| src.slice(s).split_whitespace().collect::<String>()).unwrap_or_default();
    match cell.value {
        Some(v) if raw.parse::<f64>().is_ok_and(|p| p == v) => raw,
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
        None if cell.placeholder && !raw.is_empty() => raw,
        None if cell.placeholder => "/".into(),
        None => String::new(),
    }
}

/// A row label as the report has it when it differs from the template.
fn row_label(r: &nianbao::Report, table: &TableRead, row: usize) -> String {
    r.anomalies
        .iter()
        .find_map(|a| match a {
            Anomaly::RowLabel { table: t, row: i, found, .. } if *t == table.id && *i == row => Some(found.clone()),
            _ => None,
        })
        .unwrap_or_else(|| table.template.rows[row].label.to_string())
}

fn column_label(r: &nianbao::Report, table: &TableRead, row: usize, column: usize) -> String {
    r.anomalies
        .iter()
        .find_map(|a| match a {
            Anomaly::ColumnHeader { table: t, row: i, column: c, found, .. } if *t == table.id && *i == row && *c == column => {
                Some(found.clone())
            }
            _ => None,
        })
        .unwrap_or_else(|| table.template.rows[row].columns[column].label.to_string())
}

/// The template rows to draw: those the report has (all of them when the
/// parser could place none, so that the table keeps its shape).
fn rows_drawn(table: &TableRead) -> Vec<usize> {
    let present: Vec<usize> = (0..table.rows.len()).filter(|&i| table.rows[i].present).collect();
    if present.is_empty() {
        (0..table.rows.len()).collect()
    } else {
        present
    }
}

fn td(html: &mut String, text: &str, rowspan: usize, colspan: usize) {
    html.push_str("<td");
    if rowspan > 1 {
        let _ = write!(html, " rowspan=\"{rowspan}\"");
    }
    if colspan > 1 {
        let _ = write!(html, " colspan=\"{colspan}\"");
    }
    let _ = write!(html, ">{}</td>", esc(text));
}

fn values(html: &mut String, src: &Source, row: &RowRead, width: usize) {
    for c in 0..width {
        let text = row.cells.get(c).map(|cell| cell_text(src, cell)).unwrap_or_default();
        td(html, &text, 1, 1);
    }
}

fn draw_table(html: &mut String, src: &Source, r: &nianbao::Report, table: &TableRead) {
    html.push_str("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
    match table.id {
        TableId::T2 => draw_blocks(html, src, r, table),
        TableId::T3 => draw_applications(html, src, r, table),
        TableId::T4 => draw_appeals(html, src, r, table),
    }
    html.push_str("</table>");
}

/// Table 二: one block per 第二十条 item, each with its 信息内容 header row.
fn draw_blocks(html: &mut String, src: &Source, r: &nianbao::Report, table: &TableRead) {
    let tpl: &TableTemplate = table.template;
    let rows = rows_drawn(table);
    let width = tpl.rows.iter().map(|row| row.width()).max().unwrap_or(1);
    let mut block = "";
    for &i in &rows {
        let row = &tpl.rows[i];
        if row.block != block {
            block = row.block;
            html.push_str("<tr>");
            td(html, block, 1, width + 1);
            html.push_str("</tr><tr>");
            td(html, "信息内容", 1, 1);
            for c in 0..row.width() {
                let span = if c + 1 == row.width() { width - c } else { 1 };
                td(html, &column_label(r, table, i, c), 1, span);
            }
            html.push_str("</tr>");
        }
        html.push_str("<tr>");
        td(html, &row_label(r, table, i), 1, 1);
        for c in 0..row.width() {
            let span = if c + 1 == row.width() { width - c } else { 1 };
            let text = table.rows[i].cells.get(c).map(|cell| cell_text(src, cell)).unwrap_or_default();
            td(html, &text, 1, span);
        }
        html.push_str("</tr>");
    }
}

/// Table 三: a two-level header of applicants, then the rows with their merged
/// group cells. Rows in a run of grouped rows share the run's first group
/// (三、本年度办理结果); other groups in the run ((三)不予公开 …) nest inside it.
fn draw_applications(html: &mut String, src: &Source, r: &nianbao::Report, table: &TableRead) {
    let tpl = table.template;
    let rows = rows_drawn(table);
    let first = rows.first().copied().unwrap_or(0);
    let cols = tpl.rows[first].columns;
    let n = cols.len();
    html.push_str("<tr>");
    td(html, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3);
    td(html, "申请人情况", 1, n);
    html.push_str("</tr><tr>");
    td(html, &column_label(r, table, first, 0), 2, 1);
    td(html, "法人或其他组织", 1, n - 2);
    td(html, &column_label(r, table, first, n - 1), 2, 1);
    html.push_str("</tr><tr>");
    for c in 1..n - 1 {
        td(html, &column_label(r, table, first, c), 1, 1);
    }
    html.push_str("</tr>");

    let group = |i: usize| tpl.rows[i].group;
    let mut k = 0;
    while k < rows.len() {
        let i = rows[k];
        html.push_str("<tr>");
        if group(i).is_empty() {
            td(html, &row_label(r, table, i), 1, 3);
            values(html, src, &table.rows[i], tpl.rows[i].width());
            html.push_str("</tr>");
            k += 1;
            continue;
        }
        // A run of grouped rows: the outer cell spans all of them.
        let run_end = rows[k..].iter().position(|&j| group(j).is_empty()).map(|p| k + p).unwrap_or(rows.len());
        let outer = group(i);
        td(html, outer, run_end - k, 1);
        let mut first_in_run = true;
        while k < run_end {
            let i = rows[k];
            if !first_in_run {
                html.push_str("<tr>");
            }
            first_in_run = false;
            if group(i) == outer {
                td(html, &row_label(r, table, i), 1, 2);
                values(html, src, &table.rows[i], tpl.rows[i].width());
                html.push_str("</tr>");
                k += 1;
                continue;
            }
            let inner = group(i);
            let inner_end = rows[k..run_end].iter().position(|&j| group(j) != inner).map(|p| k + p).unwrap_or(run_end);
            td(html, inner, inner_end - k, 1);
            for (n, &j) in rows[k..inner_end].iter().enumerate() {
                if n > 0 {
                    html.push_str("<tr>");
                }
                td(html, &row_label(r, table, j), 1, 1);
                values(html, src, &table.rows[j], tpl.rows[j].width());
                html.push_str("</tr>");
            }
            k = inner_end;
        }
    }
}

/// Table 四 is drawn across: each template row is a block of columns, grouped
/// under its group (行政诉讼) when it has one; the values fill one row.
fn draw_appeals(html: &mut String, src: &Source, r: &nianbao::Report, table: &TableRead) {
    let tpl = table.template;
    let rows = rows_drawn(table);
    html.push_str("<tr>");
    let mut k = 0;
    while k < rows.len() {
        let i = rows[k];
        let g = tpl.rows[i].group;
        if g.is_empty() {
            td(html, &row_label(r, table, i), 1, tpl.rows[i].width());
            k += 1;
        } else {
            let end = rows[k..].iter().position(|&j| tpl.rows[j].group != g).map(|p| k + p).unwrap_or(rows.len());
            td(html, g, 1, rows[k..end].iter().map(|&j| tpl.rows[j].width()).sum());
            k = end;
        }
    }
    html.push_str("</tr><tr>");
    for &i in &rows {
        if tpl.rows[i].group.is_empty() {
            for c in 0..tpl.rows[i].width() {
                td(html, &column_label(r, table, i, c), 2, 1);
            }
        } else {
            td(html, &row_label(r, table, i), 1, tpl.rows[i].width());
        }
    }
    html.push_str("</tr><tr>");
    for &i in rows.iter().filter(|&&i| !tpl.rows[i].group.is_empty()) {
        for c in 0..tpl.rows[i].width() {
            td(html, &column_label(r, table, i, c), 1, 1);
        }
    }
    html.push_str("</tr><tr>");
    for &i in &rows {
        values(html, src, &table.rows[i], tpl.rows[i].width());
    }
    html.push_str("</tr>");
}
