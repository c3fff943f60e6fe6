//! The three tables redrawn in the official layout, every value shown, the
//! cells behind a finding marked with the expected value beside the printed one.

use crate::i18n::Lang;
use nianbao::diagnostic::Diagnostic;
use nianbao::report::{Cell, TableRead};
use nianbao::template::{TableId, TableTemplate};
use nianbao::Span;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    pub outcome: crate::Checked,
    pub lang: Lang,
    /// Jump to a span of the text.
    pub on_select: Callback<Span>,
}

/// The findings about one cell or row: (severity class, expected value).
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
    on_select: &'a Callback<Span>,
}

impl Ctx<'_> {
    fn cell(&self, r: usize, c: usize) -> Html {
        let tpl = self.t.template;
        let row = &tpl.rows[r];
        let col = &row.columns[c];
        let cell: Cell = self.t.rows[r].cells.get(c).copied().unwrap_or_default();
        let found = marks(self.ds, self.t.id, row.key, Some(col.key));
        let worst = found.iter().map(|d| d.severity).max();
        let expected = found
            .iter()
            .find(|d| d.cell.as_ref().is_some_and(|c| c.column.is_some()))
            .and_then(|d| d.fix.clone())
            .filter(|f| !f.is_empty());
        let t = self.lang.t();
        let class = classes!("cell", worst.map(|s| s.key()), cell.value.is_none().then_some("null"));
        let shown: String = match (cell.value, cell.placeholder) {
            (Some(v), _) => nianbao::rules::num(v),
            (None, true) => cell.span.map(|_| "—".to_string()).unwrap_or_default(),
            (None, false) => "？".to_string(),
        };
        let row_name = if self.lang == Lang::Zh { nianbao::parse::core_label(row.label) } else { (t.label)(row.label).to_string() };
        let label = format!("{row_name} · {}", (t.label)(col.label));
        let note = expected.map(|e| format!(" → {} {e}", t.expected));
        // The accessible name starts with what the cell shows, then says which cell it is.
        let unreadable = if cell.value.is_none() && !cell.placeholder { format!(": {}", t.unreadable_cell) } else { String::new() };
        let title = format!("{shown}{} {label}{unreadable}", note.clone().unwrap_or_default());
        let body = html! {
            <>
                <span class="value">{shown.clone()}</span>
                if let Some(n) = note {
                    <span class="expected">{n}</span>
                }
            </>
        };
        match cell.span {
            Some(span) => {
                let cb = self.on_select.clone();
                html! {
                    <td class={class} data-cell={format!("{}.{}.{}", self.t.id.key(), row.key, col.key)}>
                        // Only cells behind a finding are Tab stops: 60 cells would bury the page's controls.
                        <button type="button" title={title.clone()} aria-label={title} tabindex={worst.is_none().then_some("-1")}
                            onclick={Callback::from(move |_| cb.emit(span))}>{body}</button>
                    </td>
                }
            }
            None => {
                html! { <td class={class} title={title.clone()} aria-label={title} data-cell={format!("{}.{}.{}", self.t.id.key(), row.key, col.key)}>{body}</td> }
            }
        }
    }

    fn row_cells(&self, r: usize) -> Html {
        html! { <>{ for (0..self.t.template.rows[r].width()).map(|c| self.cell(r, c)) }</> }
    }

    /// A row's header: the template's label in the UI language; when the
    /// report printed a different label (T004), that label, the template's beside it.
    fn row_label(&self, r: usize) -> Html {
        let row = &self.t.template.rows[r];
        let t = self.lang.t();
        let official = (t.label)(row.label);
        let differs =
            self.ds.iter().any(|d| d.code == "T004" && d.cell.as_ref().is_some_and(|c| c.table == self.t.id && c.row == Some(row.key)));
        match (differs, self.t.rows[r].label_span) {
            (true, Some(span)) => html! {
                <><span class="as-printed">{self.src.slice(span).trim()}</span><span class="template-label">{format!("{} {official}", t.template_label)}</span></>
            },
            _ => html! { {official} },
        }
    }

    fn row_class(&self, r: usize) -> Classes {
        let row = &self.t.template.rows[r];
        let row_level =
            self.ds.iter().any(|d| d.cell.as_ref().is_some_and(|c| c.table == self.t.id && c.row == Some(row.key) && c.column.is_none()));
        classes!(row_level.then_some("row-finding"), (!self.t.rows[r].present).then_some("missing"))
    }
}

#[function_component(Tables)]
pub fn tables(props: &TablesProps) -> Html {
    let t = props.lang.t();
    let r = &props.outcome.report;
    let ds = &props.outcome.diagnostics;
    let section = |title: &str, body: Html| {
        html! {
            <section class="table-wrap" aria-label={title.to_string()}>
                <h3>{title.to_string()}</h3>
                {body}
            </section>
        }
    };
    let render = |id: TableId, f: fn(&Ctx) -> Html| -> Html {
        let title = match props.lang {
            Lang::Zh => id.zh().to_string(),
            Lang::En => match id {
                TableId::T2 => "Table 2 · proactive disclosure".to_string(),
                TableId::T3 => "Table 3 · applications received and handled".to_string(),
                TableId::T4 => "Table 4 · administrative review and litigation".to_string(),
            },
        };
        match r.tables.get(id) {
            None => section(&title, html! { <p class="absent">{t.absent}</p> }),
            Some(table) => {
                let ctx = Ctx { t: table, src: &props.outcome.source, ds, lang: props.lang, on_select: &props.on_select };
                let note = table.unreadable.then(|| html! { <p class="unreadable">{t.unreadable_table}</p> });
                section(&title, html! { <>{for note}<div class="scroll">{f(&ctx)}</div></> })
            }
        }
    };
    html! {
        <div class="tables">
            {render(TableId::T2, t2)}
            {render(TableId::T3, t3)}
            {render(TableId::T4, t4)}
        </div>
    }
}

fn t2(ctx: &Ctx) -> Html {
    let t = ctx.lang.t();
    let tpl: &TableTemplate = ctx.t.template;
    let width = tpl.rows.iter().map(|r| r.width()).max().unwrap_or(1);
    let mut rows: Vec<Html> = Vec::new();
    let mut block = "";
    for (i, row) in tpl.rows.iter().enumerate() {
        if row.block != block {
            block = row.block;
            rows.push(html! { <tr><th colspan={(width + 1).to_string()} class="block">{(t.label)(row.block)}</th></tr> });
            let pad = width - row.width();
            rows.push(html! {
                <tr>
                    <th scope="col">{t.t2_head}</th>
                    { for row.columns.iter().enumerate().map(|(k, c)| {
                        let span = if k + 1 == row.width() { 1 + pad } else { 1 };
                        html! { <th scope="col" colspan={span.to_string()}>{(t.label)(c.label)}</th> }
                    }) }
                </tr>
            });
        }
        let pad = width - row.width();
        let cells: Vec<Html> = (0..row.width())
            .map(|c| {
                let cell = ctx.cell(i, c);
                if c + 1 == row.width() && pad > 0 {
                    html! { <>{cell}{ for (0..pad).map(|_| html! { <td class="pad"></td> }) }</> }
                } else {
                    cell
                }
            })
            .collect();
        rows.push(html! { <tr class={ctx.row_class(i)}><th scope="row">{ctx.row_label(i)}</th>{for cells}</tr> });
    }
    html! { <table class="official t2"><tbody>{for rows}</tbody></table> }
}

fn t3(ctx: &Ctx) -> Html {
    let t = ctx.lang.t();
    let tpl = ctx.t.template;
    let first_result = tpl.row("disclosed").unwrap_or(2);
    let total = tpl.row("total").unwrap_or(tpl.rows.len().saturating_sub(2));
    let head = html! {
        <thead>
            <tr>
                <th rowspan="3" colspan="3" scope="col" class="corner">{t.t3_corner}</th>
                <th colspan="7" scope="colgroup">{t.t3_applicants}</th>
            </tr>
            <tr>
                <th rowspan="2" scope="col">{t.t3_natural}</th>
                <th colspan="5" scope="colgroup">{t.t3_orgs}</th>
                <th rowspan="2" scope="col">{(t.label)("总计")}</th>
            </tr>
            <tr>{ for ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|l| html! { <th scope="col">{(t.label)(l)}</th> }) }</tr>
        </thead>
    };
    let mut rows = Vec::new();
    let mut i = 0;
    while i < tpl.rows.len() {
        let row = &tpl.rows[i];
        let mut lead: Vec<Html> = Vec::new();
        if i == first_result {
            lead.push(
                html! { <th rowspan={(total - first_result + 1).to_string()} scope="rowgroup" class="group">{(t.label)("三、本年度办理结果")}</th> },
            );
        }
        let in_results = i >= first_result && i <= total;
        let sub = !row.group.is_empty() && row.group != "三、本年度办理结果";
        if sub {
            let starts = i == 0 || tpl.rows[i - 1].group != row.group;
            if starts {
                let n = tpl.rows[i..].iter().take_while(|r| r.group == row.group).count();
                lead.push(html! { <th rowspan={n.to_string()} scope="rowgroup" class="subgroup">{(t.label)(row.group)}</th> });
            }
            lead.push(html! { <th scope="row">{ctx.row_label(i)}</th> });
        } else if in_results {
            lead.push(html! { <th scope="row" colspan="2">{ctx.row_label(i)}</th> });
        } else {
            lead.push(html! { <th scope="row" colspan="3">{ctx.row_label(i)}</th> });
        }
        rows.push(html! { <tr class={ctx.row_class(i)}>{for lead}{ctx.row_cells(i)}</tr> });
        i += 1;
    }
    html! { <table class="official t3">{head}<tbody>{for rows}</tbody></table> }
}

fn t4(ctx: &Ctx) -> Html {
    let t = ctx.lang.t();
    let tpl = ctx.t.template;
    let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map(t.label);
    html! {
        <table class="official t4">
            <thead>
                <tr>
                    <th colspan="5" rowspan="2" scope="colgroup">{t.t4_review}</th>
                    <th colspan="10" scope="colgroup">{t.t4_litigation}</th>
                </tr>
                <tr>
                    <th colspan="5" scope="colgroup">{t.t4_direct}</th>
                    <th colspan="5" scope="colgroup">{t.t4_after_review}</th>
                </tr>
                <tr>{ for (0..3).flat_map(|_| labels.iter()).map(|l| html! { <th scope="col">{*l}</th> }) }</tr>
            </thead>
            <tbody>
                <tr>{ for (0..tpl.rows.len()).map(|r| ctx.row_cells(r)) }</tr>
            </tbody>
        </table>
    }
}
