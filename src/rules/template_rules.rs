//! T001–T008 and P001: the format, the tables' shape and labels.

use super::{cell, Ctx};
use crate::messages::*;
use crate::msg;
use crate::report::{Anomaly, Generation};
use crate::source::Span;
use crate::template::{TableId, FORMAT_NOTICE_2021};

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
    let signals: Vec<(&'static str, Span)> =
        r.anomalies.iter().filter_map(|a| if let Anomaly::Signal2019 { text, span } = a { Some((*text, *span)) } else { None }).collect();
    let span = signals.iter().map(|s| s.1).min().or(r.sections.first().map(|s| s.span)).unwrap_or_default();
    let what = msg!(if r.template == Generation::Pre2019 { T001_PRE2019 } else { T001_TRIAL });
    let msg = if signals.is_empty() {
        msg!(T001, year, what)
    } else {
        let mut list = Vec::new();
        for s in &signals {
            list.push(Arg::Label(s.0));
        }
        msg!(T001_SIGNALS, year, what, Arg::List(list, SEP_ENUM))
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
                msg!(T002, id.section(), Arg::text(&s.heading), id),
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
                // Where numbers lie scattered over lines (a narrow column read in
                // reading order), row labels are scattered too: a row not found
                // there is not known to be missing, and P001 already says the
                // rows could not be placed. A false T003 on a correct report
                // costs more than a missed one.
                let scattered = r.anomalies.iter().any(|a| matches!(a, Anomaly::Wrapped { table: w, .. } if w == table));
                if t.unreadable || scattered {
                    continue;
                }
                let mut labels = Vec::new();
                for &i in rows.iter().take(4) {
                    labels.push(Arg::Phrase(msg!(QUOTED, Arg::Row(*table, &t.template.rows[i]))));
                }
                let labels = Arg::List(labels, SEP_ENUM);
                let msg = if rows.len() > 4 { msg!(T003_MORE, *table, labels, rows.len()) } else { msg!(T003, *table, labels) };
                ctx.emit("T003", *span, msg, cell(*table, t.template.rows[rows[0]].key, None), None);
            }
            Anomaly::CellCount { table, row, expected, found, span, recovered } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let note = msg!(if *recovered { T005_PLACED } else { T005_UNPLACED });
                let msg = msg!(T005, *table, Arg::Row(*table, &t.template.rows[*row]), *found, *expected, note);
                ctx.emit("T005", *span, msg, cell(*table, t.template.rows[*row].key, None), None);
            }
            Anomaly::RowLabel { table, row, found, span, exact } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let want = t.template.rows[*row].label;
                let msg = msg!(T004_ROW, *table, Arg::text(found), Arg::Label(want));
                // A fix replaces the span: only where it holds the label alone.
                let fix = exact.then(|| want.to_string());
                ctx.emit("T004", *span, msg, cell(*table, t.template.rows[*row].key, None), fix);
            }
            Anomaly::ColumnHeader { table, row, column, found, span, exact } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let col = &t.template.rows[*row].columns[*column];
                // Only table 二's headers are compared: every row has its block (第二十条第…项).
                let msg = msg!(T004_COLUMN, *table, Arg::Label(t.template.rows[*row].block), Arg::text(found), Arg::Label(col.label));
                let fix = exact.then(|| col.label.to_string());
                ctx.emit("T004", *span, msg, cell(*table, t.template.rows[*row].key, Some(col.key)), fix);
            }
            Anomaly::ExtraRow { table, label, span } => {
                ctx.emit("T007", *span, msg!(T007, *table, Arg::text(label)), None, None);
            }
            Anomaly::Glued { table, row, span, readings } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let shown = ctx.src.slice(*span).to_string();
                let why = match readings {
                    Some(0) => msg!(P001_NO_SPLIT),
                    Some(n) => msg!(P001_SPLITS, *n),
                    None => msg!(P001_TOO_MANY),
                };
                let (msg, at) = match row {
                    Some(i) => (
                        msg!(P001_GLUED_ROW, *table, Arg::Row(*table, &t.template.rows[*i]), shown, why),
                        cell(*table, t.template.rows[*i].key, None),
                    ),
                    None => {
                        (msg!(P001_GLUED, *table, shown, why), Some(crate::diagnostic::CellRef { table: *table, row: None, column: None }))
                    }
                };
                ctx.emit("P001", *span, msg, at, None);
            }
            Anomaly::Wrapped { table, row, span, shown, joinable } => {
                let Some(t) = r.tables.get(*table) else {
                    continue;
                };
                let why = if *joinable { msg!(P001_NO_JOIN) } else { msg!(P001_APART) };
                let msg = msg!(P001_WRAPPED_ROW, *table, Arg::Row(*table, &t.template.rows[*row]), Arg::text(shown), why);
                ctx.emit("P001", *span, msg, cell(*table, t.template.rows[*row].key, None), None);
            }
            Anomaly::WordsNotRead { span, limit } => {
                ctx.emit("P001", *span, msg!(P001_WORDS, *limit), None, None);
            }
            Anomaly::Unreadable { table, span, .. } => {
                ctx.emit(
                    "P001",
                    *span,
                    msg!(P001_TABLE, *table),
                    Some(crate::diagnostic::CellRef { table: *table, row: None, column: None }),
                    None,
                );
            }
            _ => {}
        }
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
                let what = if shown.is_empty() { msg!(T006_EMPTY) } else { msg!(T006_FILLED, shown) };
                let msg = msg!(T006, t.id, Arg::Row(t.id, &t.template.rows[i]), Arg::Label(col.label), what);
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
            ctx.emit("T008", c.span(t, t + "年度报告格式(试行)".chars().count()), msg!(T008_TITLE), None, Some("年度报告格式".into()));
            return;
        }
        if cited_2019 {
            let end = from + tail.find('号').map(|i| tail[..i].chars().count() + 1).unwrap_or(0);
            ctx.emit("T008", c.span(at, end), msg!(T008_CITED), None, Some(FORMAT_NOTICE_2021.into()));
            return;
        }
    }
}
