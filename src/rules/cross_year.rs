//! X001–X003: two consecutive years of one body.

use super::{cell, num, Ctx};
use crate::messages::*;
use crate::msg;
use crate::normalize::compact;
use crate::template::TableId;

pub fn check(ctx: &mut Ctx) {
    let Some((psrc, prev)) = ctx.previous else {
        return;
    };
    let r = ctx.report;
    if let (Some(t3), Some(p3)) = (r.tables.t3.as_ref().filter(|t| !t.unreadable), prev.tables.t3.as_ref().filter(|t| !t.unreadable)) {
        if let Some(row) = t3.template.row("carried_in") {
            for (c, col) in t3.template.rows[row].columns.iter().enumerate() {
                let (Some(now), Some(before)) = (t3.rows[row].cells[c].value, p3.value("carried_out", col.key)) else {
                    continue;
                };
                if now != before {
                    let span = t3.rows[row].cells[c].span.unwrap_or(t3.span);
                    let msg = msg!(X001, Arg::Label(col.label), now, before);
                    ctx.emit("X001", span, msg, cell(TableId::T3, "carried_in", Some(col.key)), Some(num(before)));
                }
            }
        }
    }
    // X002: every value read in both years identical, and enough of them non-zero to mean something.
    let mut same = 0;
    let mut differ = 0;
    let mut nonzero = 0;
    for t in r.tables.all().filter(|t| !t.unreadable) {
        let Some(p) = prev.tables.get(t.id).filter(|p| !p.unreadable && std::ptr::eq(p.template, t.template)) else {
            continue;
        };
        for (a, b) in t.rows.iter().zip(&p.rows) {
            for (x, y) in a.cells.iter().zip(&b.cells) {
                if let (Some(x), Some(y)) = (x.value, y.value) {
                    if x == y {
                        same += 1;
                        if x != 0.0 {
                            nonzero += 1;
                        }
                    } else {
                        differ += 1;
                    }
                }
            }
        }
    }
    if differ == 0 && nonzero >= 3 && same >= 10 {
        let span = r.tables.t2.as_ref().or(r.tables.t3.as_ref()).map(|t| t.span).unwrap_or_default();
        ctx.emit("X002", span, msg!(X002, same as usize), None, None);
    }
    // X003: share of this year's narrative bigrams found in last year's.
    let narrative = |src: &crate::source::Source, rep: &crate::report::Report| -> String {
        rep.sections.iter().filter(|s| matches!(s.number, 1 | 5 | 6)).map(|s| compact(src.slice(s.body))).collect::<String>()
    };
    let now: Vec<char> = narrative(ctx.src, r).chars().filter(|c| !c.is_ascii_digit()).collect();
    let before: Vec<char> = narrative(psrc, prev).chars().filter(|c| !c.is_ascii_digit()).collect();
    if now.len() >= 200 && before.len() >= 200 {
        // Character trigrams packed into u64 (21 bits a char).
        let pack = |w: &[char]| ((w[0] as u64) << 42) | ((w[1] as u64) << 21) | w[2] as u64;
        let mut grams: Vec<u64> = before.windows(3).map(pack).collect();
        grams.sort_unstable();
        grams.dedup();
        let total = now.len() - 2;
        let hit = now.windows(3).filter(|w| grams.binary_search(&pack(w)).is_ok()).count();
        let share = hit as f64 / total as f64;
        if share >= 0.8 {
            let span = r.section(1).map(|s| s.span).unwrap_or_default();
            ctx.emit("X003", span, msg!(X003, (share * 100.0).round() as u32), None, None);
        }
    }
}
