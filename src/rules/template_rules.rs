//! T001–T008 and P001: the format, the tables' shape and labels.

use super::{cell, Ctx};
use crate::report::{Anomaly, Generation};
use crate::source::Span;
use crate::template::{TableId, FORMAT_NOTICE_2019, FORMAT_NOTICE_2021};

pub fn check(ctx: &mut Ctx) {
    outdated(ctx);
    missing_tables(ctx);
    anomalies(ctx);
    placeholders(ctx);
    citation(ctx);
}

/// One finding for the whole report, at the first sign of the old format.
fn outdated(ctx: &mut Ctx) {
    let r = ctx.report;
    let Some(year) = ctx.year() else { return };
    if year < 2021 || r.template == Generation::F2021 {
        return;
    }
    let signals: Vec<(&str, Span)> =
        r.anomalies.iter().filter_map(|a| if let Anomaly::Signal2019 { text, span } = a { Some((*text, *span)) } else { None }).collect();
    let span = signals.iter().map(|s| s.1).min().or(r.sections.first().map(|s| s.span)).unwrap_or_default();
    let what = if r.template == Generation::Pre2019 {
        "2019年以前（2008年条例）的格式".to_string()
    } else {
        "2019年（试行）格式".to_string()
    };
    let list: Vec<&str> = signals.iter().map(|s| s.0).collect();
    let msg = if list.is_empty() {
        format!("{year}年度的报告使用了{what}，应使用国办公开办函〔2021〕30号规定的格式")
    } else {
        format!("{year}年度的报告使用了{what}（{}），应使用国办公开办函〔2021〕30号规定的格式", list.join("、"))
    };
    ctx.emit("T001", span, msg, None, None);
}

fn missing_tables(ctx: &mut Ctx) {
    let r = ctx.report;
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let Some(s) = r.section(id.section()) else {
            continue;
        };
        // A table in the old format with every cell blank is there: T001 says what is wrong with it.
        let old_format_here = r
            .anomalies
            .iter()
            .any(|a| matches!(a, Anomaly::Signal2019 { span, .. } if s.body.start <= span.start && span.end <= s.body.end));
        if r.tables.get(id).is_none() && r.template != Generation::Pre2019 && !old_format_here {
            ctx.emit(
                "T002",
                s.span,
                format!("第{}部分“{}”缺少{}", ['二', '三', '四'][id.section() as usize - 2], s.heading, id.zh()),
                Some(crate::diagnostic::CellRef { table: id, row: None, column: None }),
                None,
            );
        }
    }
}

fn anomalies(ctx: &mut Ctx) {
    let r = ctx.report;
    for a in &r.anomalies {
        match a {
            Anomaly::RowsMissing { table, rows, span } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                if t.unreadable {
                    continue;
                }
                let labels: Vec<String> = rows.iter().take(4).map(|&i| format!("“{}”", row_name(t.template, i))).collect();
                let more = if rows.len() > 4 { format!("等{}行", rows.len()) } else { String::new() };
                let msg = format!("{}缺少{}{more}", table.zh(), labels.join("、"));
                ctx.emit("T003", *span, msg, cell(*table, t.template.rows[rows[0]].key, None), None);
            }
            Anomaly::CellCount { table, row, expected, found, span, recovered } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let note = if *recovered {
                    "已根据表头位置或表内合计关系确定了各列的数"
                } else {
                    "各列的数无法确定，不参与计算检查"
                };
                let msg = format!("{}“{}”行有{found}个数，模板只有{expected}列（{note}）", table.zh(), row_name(t.template, *row),);
                ctx.emit("T005", *span, msg, cell(*table, t.template.rows[*row].key, None), None);
            }
            Anomaly::RowLabel { table, row, found, span } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let want = t.template.rows[*row].label;
                let msg = format!("{}的行名“{found}”与模板“{want}”不一致", table.zh());
                ctx.emit("T004", *span, msg, cell(*table, t.template.rows[*row].key, None), Some(want.to_string()));
            }
            Anomaly::ColumnHeader { table, row, column, found, span } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let col = &t.template.rows[*row].columns[*column];
                let msg = format!("{}“{}”一栏的列名“{found}”应为“{}”", table.zh(), t.template.rows[*row].block, col.label);
                ctx.emit("T004", *span, msg, cell(*table, t.template.rows[*row].key, Some(col.key)), Some(col.label.to_string()));
            }
            Anomaly::ExtraRow { table, label, span } => {
                ctx.emit("T007", *span, format!("{}中的“{label}”不是模板中的行", table.zh()), None, None);
            }
            Anomaly::Glued { table, row, span, readings } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let shown = ctx.src.slice(*span).to_string();
                let why = match readings {
                    Some(0) => "没有一种拆分符合模板的勾稽关系".to_string(),
                    Some(n) => format!("有 {n} 种拆分都符合模板的勾稽关系"),
                    None => "可能的拆分太多".to_string(),
                };
                let (whose, at) = match row {
                    Some(i) => (format!("“{}”行", row_name(t.template, *i)), cell(*table, t.template.rows[*i].key, None)),
                    None => (String::new(), Some(crate::diagnostic::CellRef { table: *table, row: None, column: None })),
                };
                let msg = format!(
                    "{}{whose}的数字连在一起（“{shown}”），{why}，无法确定各单元格的数，已跳过这些单元格的计算检查；请在各列之间加分隔",
                    table.zh()
                );
                ctx.emit("P001", *span, msg, at, None);
            }
            Anomaly::WordsNotRead { span, limit } => {
                let msg = format!("文本过长：已读取 {limit} 个词和数字，自此处起未再读取，表格与正文只检查到此处");
                ctx.emit("P001", *span, msg, None, None);
            }
            Anomaly::Unreadable { table, span, .. } => {
                let msg = format!("{}的数据无法可靠地对应到模板的行列，已跳过对该表的计算检查", table.zh());
                ctx.emit("P001", *span, msg, Some(crate::diagnostic::CellRef { table: *table, row: None, column: None }), None);
            }
            _ => {}
        }
    }
}

/// A row's name with its group, as a reader would say it: 不予公开·属于国家秘密.
pub fn row_name(tpl: &crate::template::TableTemplate, i: usize) -> String {
    let row = &tpl.rows[i];
    let own = crate::parse::core_label(row.label);
    let group = crate::parse::core_label(row.group);
    if group.is_empty() || row.key == "total" || !row.key.contains('.') {
        own
    } else {
        format!("{group}·{own}")
    }
}

fn placeholders(ctx: &mut Ctx) {
    let r = ctx.report;
    for t in r.tables.all() {
        for (i, row) in t.rows.iter().enumerate() {
            for (c, cellv) in row.cells.iter().enumerate() {
                if !cellv.placeholder {
                    continue;
                }
                let Some(span) = cellv.span else { continue };
                let col = &t.template.rows[i].columns[c];
                let shown = ctx.src.slice(span).to_string();
                let what = if shown.is_empty() { "为空".to_string() } else { format!("填写了“{shown}”") };
                let msg = format!("{}“{}”行“{}”列{what}，此处应填数字（没有则填 0）", t.id.zh(), row_name(t.template, i), col.label);
                ctx.emit("T006", span, msg, cell(t.id, t.template.rows[i].key, Some(col.key)), Some("0".into()));
            }
        }
    }
}

fn citation(ctx: &mut Ctx) {
    // Reports for 2019 and 2020 rightly cite the 2019 notice.
    if ctx.year().is_none_or(|y| y < 2021) {
        return;
    }
    // One scan for the notice's name, then the year and number after it.
    let c = ctx.doc;
    let name: Vec<char> = "国办公开办函".chars().collect();
    let mut from = 0;
    while let Some(at) = c.find_chars(&name, from, c.len()) {
        from = at + name.len();
        let tail = c.string(from, (from + 9).min(c.len()));
        let cited_2019 = ["〔2019〕60号", "[2019]60号", "(2019)60号"].iter().any(|f| tail.starts_with(f));
        // The 2021 notice cited under the title of the 2019 trial format.
        let tail_long = c.string(at.saturating_sub(40), (from + 9).min(c.len()));
        if !cited_2019 && tail.starts_with("〔2021〕30号") && tail_long.contains("年度报告格式(试行)") {
            let t = c.find("年度报告格式(试行)", at.saturating_sub(40)).unwrap_or(at);
            let msg = format!(
                "{FORMAT_NOTICE_2021}的名称是《中华人民共和国政府信息公开工作年度报告格式》，“（试行）”是已被替换的2019年格式的名称"
            );
            ctx.emit("T008", c.span(t, t + "年度报告格式(试行)".chars().count()), msg, None, Some("年度报告格式".into()));
            return;
        }
        if cited_2019 {
            let end = from + tail.find('号').map(|i| tail[..i].chars().count() + 1).unwrap_or(0);
            let msg = format!("引用了已被替换的{FORMAT_NOTICE_2019}，现行格式文件为{FORMAT_NOTICE_2021}");
            ctx.emit("T008", c.span(at, end), msg, None, Some(FORMAT_NOTICE_2021.into()));
            return;
        }
    }
}
