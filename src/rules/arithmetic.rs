//! A001–A007: the tables' sums and the plausibility of their numbers.
//!
//! Every relation of the template becomes a linear equation over cells. When
//! one cell alone explains several broken equations (a typo in 予以公开·自然人
//! breaks its row total and its column's outcome total), the finding points at
//! that cell once instead of reporting each sum.

use super::num;
use super::{cell, Ctx};
use crate::messages::*;
use crate::msg;
use crate::report::TableRead;
use crate::source::Span;
use crate::template::TableId;

pub fn check(ctx: &mut Ctx) {
    let r = ctx.report;
    for t in r.tables.all() {
        if t.unreadable {
            continue;
        }
        sums(ctx, t);
        numbers(ctx, t);
    }
    if let Some(t2) = r.tables.t2.as_ref().filter(|t| !t.unreadable) {
        documents(ctx, t2);
        authority(ctx, t2);
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    /// A row's total column = the sum of its part columns.
    RowTotal(usize),
    /// The outcome-total row = the sum of the outcome rows, in a column.
    ColumnTotal(usize),
    /// received + carried_in = total + carried_out, in a column.
    Balance(usize),
}

struct Equation {
    kind: Kind,
    /// (row, column, coefficient)
    terms: Vec<(usize, usize, f64)>,
    residual: f64,
}

fn equations(t: &TableRead) -> Vec<Equation> {
    let tpl = t.template;
    let mut eqs = Vec::new();
    if let Some(rt) = &tpl.row_total {
        for (i, row) in tpl.rows.iter().enumerate() {
            let mut terms: Vec<(usize, usize, f64)> = rt.parts.iter().filter_map(|p| row.column(p)).map(|c| (i, c, 1.0)).collect();
            if let Some(c) = row.column(rt.total) {
                terms.push((i, c, -1.0));
                eqs.push(Equation { kind: Kind::RowTotal(i), terms, residual: 0.0 });
            }
        }
    }
    let width = tpl.rows.first().map(|r| r.width()).unwrap_or(0);
    if let Some(total) = tpl.column_total.and_then(|k| tpl.row(k)) {
        for c in 0..width {
            let mut terms: Vec<(usize, usize, f64)> =
                tpl.rows.iter().enumerate().filter(|(_, r)| r.outcome).map(|(i, _)| (i, c, 1.0)).collect();
            terms.push((total, c, -1.0));
            eqs.push(Equation { kind: Kind::ColumnTotal(c), terms, residual: 0.0 });
        }
    }
    if let Some(b) = &tpl.balance {
        let rows: Option<Vec<usize>> = b.inflow.iter().chain(b.outflow.iter()).map(|k| tpl.row(k)).collect();
        if let Some(rows) = rows {
            for c in 0..width {
                let terms = vec![(rows[0], c, 1.0), (rows[1], c, 1.0), (rows[2], c, -1.0), (rows[3], c, -1.0)];
                eqs.push(Equation { kind: Kind::Balance(c), terms, residual: 0.0 });
            }
        }
    }
    // Keep only equations whose every cell was read; compute their residuals.
    eqs.retain_mut(|e| {
        let mut s = 0.0;
        for &(r, c, k) in &e.terms {
            match t.rows[r].cells.get(c).and_then(|x| x.value) {
                Some(v) => s += k * v,
                None => return false,
            }
        }
        e.residual = s;
        true
    });
    eqs
}

fn broken(e: &Equation) -> bool {
    e.residual.abs() > 1e-6
}

fn sums(ctx: &mut Ctx, t: &TableRead) {
    let eqs = equations(t);
    let mut open: Vec<bool> = eqs.iter().map(broken).collect();
    // Single cells that explain two or more broken equations, best first.
    loop {
        let mut best: Option<((usize, usize), f64, Vec<usize>)> = None;
        for (e_idx, e) in eqs.iter().enumerate() {
            if !open[e_idx] {
                continue;
            }
            for &(r, c, _) in &e.terms {
                let involved: Vec<usize> = (0..eqs.len()).filter(|&k| eqs[k].terms.iter().any(|&(rr, cc, _)| rr == r && cc == c)).collect();
                if involved.len() < 2 || !involved.iter().all(|&k| open[k]) {
                    continue;
                }
                let deltas: Vec<f64> = involved
                    .iter()
                    .map(|&k| {
                        let coef = eqs[k].terms.iter().find(|&&(rr, cc, _)| rr == r && cc == c).map(|x| x.2).unwrap_or(1.0);
                        eqs[k].residual / coef
                    })
                    .collect();
                if deltas.iter().all(|d| (d - deltas[0]).abs() < 1e-6) && best.as_ref().is_none_or(|b| b.2.len() < involved.len()) {
                    best = Some(((r, c), deltas[0], involved));
                }
            }
        }
        let Some(((r, c), delta, involved)) = best else {
            break;
        };
        for &k in &involved {
            open[k] = false;
        }
        root_cause(ctx, t, r, c, delta, involved.iter().map(|&k| eqs[k].kind).collect());
    }
    for (k, e) in eqs.iter().enumerate() {
        if open[k] {
            single(ctx, t, e);
        }
    }
}

fn cell_span(t: &TableRead, r: usize, c: usize) -> Span {
    t.rows[r].cells.get(c).and_then(|x| x.span).or(t.rows[r].values_span).unwrap_or(t.span)
}

fn root_cause(ctx: &mut Ctx, t: &TableRead, r: usize, c: usize, delta: f64, kinds: Vec<Kind>) {
    let tpl = t.template;
    let col = &tpl.rows[r].columns[c];
    let v = t.rows[r].cells[c].value.unwrap_or(0.0);
    let want = v - delta;
    // Lists are filled by pushes, not collected: one push serves every list (the browser bundle has a budget).
    let mut what = Vec::new();
    for k in &kinds {
        what.push(Arg::Phrase(msg!(match k {
            Kind::RowTotal(_) => A_ROW_TOTAL,
            Kind::ColumnTotal(_) => A_COLUMN_TOTAL,
            Kind::Balance(_) => A_BALANCE,
        })));
    }
    let what = Arg::List(what, SEP_ENUM);
    // The cell is itself a total: the relation that defines it names the finding.
    let is_total_of = |k: &Kind| match k {
        Kind::RowTotal(row) => *row == r && tpl.row_total.as_ref().is_some_and(|rt| tpl.rows[r].column(rt.total) == Some(c)),
        Kind::ColumnTotal(col) => *col == c && tpl.column_total.is_some_and(|k| tpl.row(k) == Some(r)),
        Kind::Balance(_) => false,
    };
    let code = if t.id == TableId::T4 {
        "A004"
    } else if kinds.iter().any(|k| matches!(k, Kind::RowTotal(_)) && is_total_of(k)) {
        "A003"
    } else if kinds.iter().any(|k| matches!(k, Kind::ColumnTotal(_))) {
        "A002"
    } else if kinds.iter().any(|k| matches!(k, Kind::Balance(_))) {
        "A001"
    } else {
        "A003"
    };
    let msg = msg!(A_CELL, t.id, Arg::Row(t.id, &tpl.rows[r]), Arg::Label(col.label), v, what, want);
    ctx.emit(code, cell_span(t, r, c), msg, cell(t.id, tpl.rows[r].key, Some(col.key)), Some(num(want)));
}

fn single(ctx: &mut Ctx, t: &TableRead, e: &Equation) {
    let tpl = t.template;
    let val = |r: usize, c: usize| t.rows[r].cells[c].value.unwrap_or(0.0);
    match e.kind {
        Kind::RowTotal(r) => {
            let row = &tpl.rows[r];
            let (total_c, _) = e.terms.iter().find(|x| x.2 < 0.0).map(|x| (x.1, ())).unwrap_or((0, ()));
            let parts: Vec<(usize, usize, f64)> = e.terms.iter().copied().filter(|x| x.2 > 0.0).collect();
            let sum: f64 = parts.iter().map(|&(r, c, _)| val(r, c)).sum();
            let shown = val(r, total_c);
            let t4 = t.id == TableId::T4;
            let mut items = Vec::new();
            for &(r, c, _) in &parts {
                items.push(if t4 { Arg::Phrase(msg!(ITEM, Arg::Label(row.columns[c].label), val(r, c))) } else { Arg::Num(val(r, c)) });
            }
            let items = Arg::List(items, SEP_PLUS);
            let (code, msg) = if t4 {
                ("A004", msg!(A004, Arg::Row(t.id, row), shown, items, sum))
            } else {
                ("A003", msg!(A003, t.id, Arg::Row(t.id, row), shown, items, sum))
            };
            ctx.emit(code, cell_span(t, r, total_c), msg, cell(t.id, row.key, Some(row.columns[total_c].key)), Some(num(sum)));
        }
        Kind::ColumnTotal(c) => {
            let (total_r, _, _) = *e.terms.iter().find(|x| x.2 < 0.0).expect("total term");
            let parts: Vec<(usize, usize, f64)> = e.terms.iter().copied().filter(|x| x.2 > 0.0).collect();
            let sum: f64 = parts.iter().map(|&(r, c, _)| val(r, c)).sum();
            let mut nonzero = Vec::new();
            for &(r, c, _) in parts.iter().filter(|&&(r, c, _)| val(r, c) != 0.0) {
                nonzero.push(Arg::Phrase(msg!(ITEM, Arg::Row(t.id, &tpl.rows[r]), val(r, c))));
            }
            let detail = if nonzero.is_empty() { msg!(A002_ZERO) } else { msg!(A002_NONZERO, Arg::List(nonzero, SEP_PLUS)) };
            let col = &tpl.rows[total_r].columns[c];
            let msg = msg!(A002, t.id, Arg::Label(col.label), val(total_r, c), parts.len(), sum, detail);
            ctx.emit("A002", cell_span(t, total_r, c), msg, cell(t.id, tpl.rows[total_r].key, Some(col.key)), Some(num(sum)));
        }
        Kind::Balance(c) => {
            let [(a, _, _), (b, _, _), (x, _, _), (y, _, _)] = [e.terms[0], e.terms[1], e.terms[2], e.terms[3]];
            let col = &tpl.rows[a].columns[c];
            let lhs = val(a, c) + val(b, c);
            let rhs = val(x, c) + val(y, c);
            let expect_out = lhs - val(x, c);
            let tail = if expect_out >= 0.0 { msg!(A001_EXPECTED, expect_out) } else { msg!(NOTHING) };
            let msg = msg!(A001, t.id, Arg::Label(col.label), val(a, c), val(b, c), lhs, val(x, c), val(y, c), rhs, tail);
            let fix = (expect_out >= 0.0).then(|| num(expect_out));
            ctx.emit("A001", cell_span(t, y, c), msg, cell(t.id, tpl.rows[y].key, Some(col.key)), fix);
        }
    }
}

/// A005: counts are whole and non-negative (2019's 本年增/减 may be negative).
fn numbers(ctx: &mut Ctx, t: &TableRead) {
    for (i, row) in t.rows.iter().enumerate() {
        let trow = &t.template.rows[i];
        for (c, x) in row.cells.iter().enumerate() {
            let Some(v) = x.value else { continue };
            let col = &trow.columns[c];
            let problem = if v < 0.0 && col.key != "change" {
                A005_NEGATIVE
            } else if !crate::is_whole(v) && !trow.decimal {
                A005_FRACTION
            } else {
                continue;
            };
            let msg = msg!(A005, t.id, Arg::Row(t.id, trow), Arg::Label(col.label), v, msg!(problem));
            ctx.emit("A005", x.span.unwrap_or(t.span), msg, cell(t.id, trow.key, Some(col.key)), None);
        }
    }
}

/// A006: a document issued this year is in force or was repealed this year.
fn documents(ctx: &mut Ctx, t2: &TableRead) {
    if t2.template.format != "2021" {
        return;
    }
    for key in ["regulations", "normative_documents"] {
        let (Some(i), Some(r), Some(f)) = (t2.value(key, "issued"), t2.value(key, "repealed"), t2.value(key, "in_force")) else {
            continue;
        };
        if i > f + r {
            let row = t2.template.row(key).expect("template row");
            let span = t2.rows[row].values_span.unwrap_or(t2.span);
            let msg = msg!(A006, TableId::T2, Arg::Label(t2.template.rows[row].label), i, f, r);
            ctx.emit("A006", span, msg, cell(TableId::T2, t2.template.rows[row].key, Some("issued")), None);
        }
    }
}

/// A007: only the State Council's departments and provincial or districted-city
/// governments make 规章.
fn authority(ctx: &mut Ctx, t2: &TableRead) {
    let Some(organ) = &ctx.report.organ else {
        return;
    };
    let o = organ.value.as_str();
    let Some(row) = t2.template.row("regulations") else {
        return;
    };
    let vals: Vec<f64> = t2.rows[row].cells.iter().filter_map(|c| c.value).collect();
    if !vals.iter().any(|&v| v > 0.0) {
        return;
    }
    // 中国人民银行, 中国证券监督管理委员会; 海关总署, 审计署.
    let national = ["国家", "国务院", "中国", "中华"].iter().any(|p| o.starts_with(p)) || o.ends_with(['部', '署']);
    let local_gov = o.ends_with("人民政府");
    let below_city = ["县人民政府", "区人民政府", "旗人民政府", "乡人民政府", "镇人民政府"].iter().any(|s| o.ends_with(s))
        || o.contains("街道")
        || o.ends_with("乡")
        || o.ends_with("镇");
    let cannot = if national { false } else { !local_gov || below_city };
    if cannot {
        let span = t2.rows[row].values_span.unwrap_or(t2.span);
        let msg = msg!(A007, Arg::text(o), Arg::nums(&vals, SEP_ENUM));
        ctx.emit("A007", span, msg, cell(TableId::T2, "regulations", None), None);
    }
}
