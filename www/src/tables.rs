//! The three tables redrawn in the official layout, every value shown, the
//! cells behind a finding marked with the expected value beside the printed one.
//!
//! The tables are drawn as one HTML string (escaped here) with one click
//! handler for all cells: some 250 static cells written as Yew elements cost
//! the first load several kilobytes, and the view is a pure function of the result.

use crate::i18n::{ui, Lang};
use nianbao::diagnostic::Diagnostic;
use nianbao::report::{Cell, TableRead};
use nianbao::template::{TableId, TableTemplate};
use nianbao::Span;
use std::fmt::Write;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    pub outcome: crate::Checked,
    pub lang: Lang,
    /// Jump to a span of the text.
    pub on_select: Callback<Span>,
}

/// Text made safe for HTML content and attribute values.
pub fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The findings about one cell or row.
fn marks<'a>(ds: &'a [Diagnostic], id: TableId, row: &str, col: Option<&str>) -> Vec<&'a Diagnostic> {
    ds.iter()
        .filter(|d| {
            d.cell.as_ref().is_some_and(|c| c.table == id && c.row.is_some_and(|r| r == row) && (c.column.is_none() || c.column == col))
        })
        .collect()
}

struct Ctx<'a> {
    t: &'a TableRead,
    src: &'a nianbao::Source,
    ds: &'a [Diagnostic],
    lang: Lang,
}

impl Ctx<'_> {
    fn cell(&self, out: &mut String, r: usize, c: usize) {
        self.cell_spanning(out, r, c, 1);
    }

    /// A cell over `span` columns (table 二's one-value blocks under a
    /// three-column grid: one cell, as the template prints it).
    fn cell_spanning(&self, out: &mut String, r: usize, c: usize, span: usize) {
        let tpl = self.t.template;
        let row = &tpl.rows[r];
        let col = &row.columns[c];
        let cell: Cell = self.t.rows[r].cells.get(c).copied().unwrap_or_default();
        let found = marks(self.ds, self.t.id, row.key, Some(col.key));
        let worst = found.iter().map(|d| d.severity).max();
        // "→ 应为 X" only for a fix that replaces this cell's own text: a
        // finding about the narrative (N001) names the cell, but its fix is
        // for the sentence, and "95 → 应为 95" would read as a wrong cell.
        let own = |d: &&&Diagnostic| cell.span.is_some_and(|s| s.start <= d.span.start && d.span.end <= s.end);
        let expected = found
            .iter()
            .filter(own)
            .find(|d| d.cell.as_ref().is_some_and(|c| c.column.is_some()))
            .and_then(|d| d.fix.clone())
            .filter(|f| !f.is_empty());
        let t = self.lang.t();
        let shown: String = match (cell.value, cell.placeholder) {
            (Some(v), _) => nianbao::rules::num(v),
            (None, true) => cell.span.map(|_| "—".to_string()).unwrap_or_default(),
            (None, false) => "？".to_string(),
        };
        let row_name = if t.is_zh() { nianbao::parse::core_label(row.label) } else { t.label(row.label).to_string() };
        let label = format!("{row_name} · {}", t.label(col.label));
        let note = expected.map(|e| format!(" → {} {e}", t.ui(ui::EXPECTED)));
        // The accessible name starts with what the cell shows, then says which cell it is.
        let unreadable = if cell.value.is_none() && !cell.placeholder { format!(": {}", t.ui(ui::UNREADABLE_CELL)) } else { String::new() };
        let title = format!("{shown}{} {label}{unreadable}", note.clone().unwrap_or_default());
        if span > 1 {
            let _ = write!(out, "<td colspan=\"{span}\" class=\"cell");
        } else {
            out.push_str("<td class=\"cell");
        }
        if let Some(w) = worst {
            out.push(' ');
            out.push_str(w.key());
        }
        if cell.value.is_none() {
            out.push_str(" null");
        }
        let _ = write!(out, "\" data-cell=\"{}.{}.{}\"", self.t.id.key(), row.key, col.key);
        let mut body = String::from("<span class=\"value\">");
        esc(&mut body, &shown);
        body.push_str("</span>");
        if let Some(n) = note {
            body.push_str("<span class=\"expected\">");
            esc(&mut body, &n);
            body.push_str("</span>");
        }
        match cell.span {
            Some(span) => {
                // Only cells behind a finding are Tab stops: 60 cells would bury the page's controls.
                let tab = if worst.is_none() { " tabindex=\"-1\"" } else { "" };
                let _ = write!(out, "><button type=\"button\" data-span=\"{}-{}\"{tab} title=\"", span.start, span.end);
                esc(out, &title);
                out.push_str("\" aria-label=\"");
                esc(out, &title);
                out.push_str("\">");
                out.push_str(&body);
                out.push_str("</button></td>");
            }
            None => {
                out.push_str(" title=\"");
                esc(out, &title);
                out.push_str("\" aria-label=\"");
                esc(out, &title);
                out.push_str("\">");
                out.push_str(&body);
                out.push_str("</td>");
            }
        }
    }

    fn row_cells(&self, out: &mut String, r: usize) {
        for c in 0..self.t.template.rows[r].width() {
            self.cell(out, r, c);
        }
    }

    /// A row's header: the template's label in the UI language; when the
    /// report printed a different label (T004), that label, the template's beside it.
    fn row_label(&self, out: &mut String, r: usize) {
        let row = &self.t.template.rows[r];
        let t = self.lang.t();
        let official = t.label(row.label);
        let differs =
            self.ds.iter().any(|d| d.code == "T004" && d.cell.as_ref().is_some_and(|c| c.table == self.t.id && c.row == Some(row.key)));
        match (differs, self.t.rows[r].label_span) {
            (true, Some(span)) => {
                out.push_str("<span class=\"as-printed\">");
                esc(out, self.src.slice(span).trim());
                out.push_str("</span><span class=\"template-label\">");
                esc(out, t.ui(ui::TEMPLATE_LABEL));
                out.push(' ');
                esc(out, official);
                out.push_str("</span>");
            }
            _ => esc(out, official),
        }
    }

    /// `<tr class="…">` for a row: a row-level finding, a row missing from the text.
    fn open_row(&self, out: &mut String, r: usize) {
        let row = &self.t.template.rows[r];
        let row_level =
            self.ds.iter().any(|d| d.cell.as_ref().is_some_and(|c| c.table == self.t.id && c.row == Some(row.key) && c.column.is_none()));
        out.push_str("<tr class=\"");
        if row_level {
            out.push_str("row-finding ");
        }
        if !self.t.rows[r].present {
            out.push_str("missing");
        }
        out.push_str("\">");
    }

    fn th(&self, out: &mut String, attrs: &str, r: usize) {
        let _ = write!(out, "<th {attrs}>");
        self.row_label(out, r);
        out.push_str("</th>");
    }
}

fn cell_th(out: &mut String, attrs: &str, text: &str) {
    let _ = write!(out, "<th {attrs}>");
    esc(out, text);
    out.push_str("</th>");
}

#[function_component(Tables)]
pub fn tables(props: &TablesProps) -> Html {
    let html = use_memo((props.outcome.clone(), props.lang), |(o, lang)| {
        let t = lang.t();
        let mut out = String::new();
        for (id, draw) in [(TableId::T2, t2 as fn(&Ctx, &mut String)), (TableId::T3, t3), (TableId::T4, t4)] {
            let title = t.message(nianbao::messages::table_key(id));
            out.push_str("<section class=\"table-wrap\" aria-label=\"");
            esc(&mut out, title);
            out.push_str("\"><h3>");
            esc(&mut out, title);
            out.push_str("</h3>");
            match o.report.tables.get(id) {
                None => {
                    out.push_str("<p class=\"absent\">");
                    esc(&mut out, t.ui(ui::ABSENT));
                    out.push_str("</p>");
                }
                Some(table) => {
                    if table.unreadable {
                        out.push_str("<p class=\"unreadable\">");
                        esc(&mut out, t.ui(ui::UNREADABLE_TABLE));
                        out.push_str("</p>");
                    }
                    out.push_str("<div class=\"scroll\">");
                    draw(&Ctx { t: table, src: &o.source, ds: &o.diagnostics, lang: *lang }, &mut out);
                    out.push_str("</div>");
                }
            }
            out.push_str("</section>");
        }
        out
    });
    // One handler for every cell: the button's data-span is the text to select.
    let onclick = {
        let cb = props.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            let button =
                e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("[data-span]").ok().flatten());
            if let Some(span) = button.and_then(|b| b.get_attribute("data-span")) {
                if let Some((a, b)) = span.split_once('-') {
                    if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                        cb.emit(Span::new(a, b));
                    }
                }
            }
        })
    };
    html! {
        <div class="tables" {onclick}>{Html::from_html_unchecked(AttrValue::from((*html).clone()))}</div>
    }
}

fn t2(ctx: &Ctx, out: &mut String) {
    let t = ctx.lang.t();
    let tpl: &TableTemplate = ctx.t.template;
    let width = tpl.rows.iter().map(|r| r.width()).max().unwrap_or(1);
    let mut block = "";
    out.push_str("<table class=\"official t2\"><tbody>");
    for (i, row) in tpl.rows.iter().enumerate() {
        if row.block != block {
            block = row.block;
            out.push_str("<tr>");
            cell_th(out, &format!("colspan=\"{}\" class=\"block\"", width + 1), t.label(row.block));
            out.push_str("</tr><tr>");
            cell_th(out, "scope=\"col\"", t.ui(ui::T2_HEAD));
            let pad = width - row.width();
            for (k, c) in row.columns.iter().enumerate() {
                let span = if k + 1 == row.width() { 1 + pad } else { 1 };
                cell_th(out, &format!("scope=\"col\" colspan=\"{span}\""), t.label(c.label));
            }
            out.push_str("</tr>");
        }
        let pad = width - row.width();
        ctx.open_row(out, i);
        ctx.th(out, "scope=\"row\"", i);
        for c in 0..row.width() {
            ctx.cell_spanning(out, i, c, if c + 1 == row.width() { 1 + pad } else { 1 });
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn t3(ctx: &Ctx, out: &mut String) {
    let t = ctx.lang.t();
    let tpl = ctx.t.template;
    let first_result = tpl.row("disclosed").unwrap_or(2);
    let total = tpl.row("total").unwrap_or(tpl.rows.len().saturating_sub(2));
    out.push_str("<table class=\"official t3\"><thead><tr>");
    cell_th(out, "rowspan=\"3\" colspan=\"3\" scope=\"col\" class=\"corner\"", t.ui(ui::T3_CORNER));
    cell_th(out, "colspan=\"7\" scope=\"colgroup\"", t.ui(ui::T3_APPLICANTS));
    out.push_str("</tr><tr>");
    cell_th(out, "rowspan=\"2\" scope=\"col\"", t.label("自然人"));
    cell_th(out, "colspan=\"5\" scope=\"colgroup\"", t.ui(ui::T3_ORGS));
    cell_th(out, "rowspan=\"2\" scope=\"col\"", t.label("总计"));
    out.push_str("</tr><tr>");
    for l in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] {
        cell_th(out, "scope=\"col\"", t.label(l));
    }
    out.push_str("</tr></thead><tbody>");
    for (i, row) in tpl.rows.iter().enumerate() {
        ctx.open_row(out, i);
        if i == first_result {
            cell_th(
                out,
                &format!("rowspan=\"{}\" scope=\"rowgroup\" class=\"group\"", total - first_result + 1),
                t.label("三、本年度办理结果"),
            );
        }
        let in_results = i >= first_result && i <= total;
        let sub = !row.group.is_empty() && row.group != "三、本年度办理结果";
        if sub {
            if i == 0 || tpl.rows[i - 1].group != row.group {
                let n = tpl.rows[i..].iter().take_while(|r| r.group == row.group).count();
                cell_th(out, &format!("rowspan=\"{n}\" scope=\"rowgroup\" class=\"subgroup\""), t.label(row.group));
            }
            ctx.th(out, "scope=\"row\"", i);
        } else if in_results {
            ctx.th(out, "scope=\"row\" colspan=\"2\"", i);
        } else {
            ctx.th(out, "scope=\"row\" colspan=\"3\"", i);
        }
        ctx.row_cells(out, i);
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn t4(ctx: &Ctx, out: &mut String) {
    let t = ctx.lang.t();
    let tpl = ctx.t.template;
    out.push_str("<table class=\"official t4\"><thead><tr>");
    cell_th(out, "colspan=\"5\" rowspan=\"2\" scope=\"colgroup\"", t.label("行政复议"));
    cell_th(out, "colspan=\"10\" scope=\"colgroup\"", t.label("行政诉讼"));
    out.push_str("</tr><tr>");
    cell_th(out, "colspan=\"5\" scope=\"colgroup\"", t.label("未经复议直接起诉"));
    cell_th(out, "colspan=\"5\" scope=\"colgroup\"", t.label("复议后起诉"));
    out.push_str("</tr><tr>");
    for _ in 0..3 {
        for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            cell_th(out, "scope=\"col\"", t.label(l));
        }
    }
    out.push_str("</tr></thead><tbody><tr>");
    for r in 0..tpl.rows.len() {
        ctx.row_cells(out, r);
    }
    out.push_str("</tr></tbody></table>");
}
