//! X001–X003: two consecutive years of one body. They read only each
//! report's `Years` (src/summary.rs), so a single check with last year's text
//! and a batch pairing summaries after every file is checked give the same
//! findings from this one implementation.

use super::{cell, num, rule, Ctx};
use crate::diagnostic::{CellRef, Diagnostic, Severity};
use crate::messages::*;
use crate::msg;
use crate::source::Span;
use crate::summary::Years;
use crate::template::TableId;

/// Inside a check: this report against last year's, when given.
pub fn check(ctx: &mut Ctx) {
    let Some(before) = ctx.previous else {
        return;
    };
    let now = Years::of(ctx.report, ctx.doc);
    compare(&now, before, &mut |code, span, message, cell, fix| ctx.emit(code, span, message, cell, fix));
}

/// The cross-year findings of `now` against `before`, in the order found.
pub fn findings(now: &Years, before: &Years) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    compare(now, before, &mut |code, span, msg, cell, fix| {
        let severity = rule(code).map(|r| r.severity).unwrap_or(Severity::Warning);
        out.push(Diagnostic { code, severity, message: msg.zh(), msg, span, cell, fix });
    });
    out
}

/// Says each finding to `emit`: code, span, message, cell, fix.
fn compare(now: &Years, before: &Years, emit: &mut impl FnMut(&'static str, Span, Message, Option<CellRef>, Option<String>)) {
    if let (Some(t3), Some(p3)) = (now.table(TableId::T3), before.table(TableId::T3)) {
        if let Some(row) = t3.template.row("carried_in") {
            let at: usize = t3.template.rows[..row].iter().map(|r| r.width()).sum();
            for (c, col) in t3.template.rows[row].columns.iter().enumerate() {
                let (Some(now_v), Some(before_v)) = (t3.cells[at + c], p3.value("carried_out", col.key)) else {
                    continue;
                };
                if now_v != before_v {
                    let span = now.carried_in.get(c).copied().unwrap_or(now.t3_span);
                    let msg = msg!(X001, Arg::Label(col.label), now_v, before_v);
                    emit("X001", span, msg, cell(TableId::T3, "carried_in", Some(col.key)), Some(num(before_v)));
                }
            }
        }
    }
    // X002: every value read in both years identical, and enough of them non-zero to mean something.
    let mut same = 0;
    let mut differ = 0;
    let mut nonzero = 0;
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let (Some(t), Some(p)) = (now.table(id), before.table(id)) else {
            continue;
        };
        if !t.same_template(p) {
            continue;
        }
        for (x, y) in t.cells.iter().zip(&p.cells) {
            if let (Some(x), Some(y)) = (x, y) {
                if x == y {
                    same += 1;
                    if *x != 0.0 {
                        nonzero += 1;
                    }
                } else {
                    differ += 1;
                }
            }
        }
    }
    if differ == 0 && nonzero >= 3 && same >= 10 {
        emit("X002", now.tables_span, msg!(X002, same as usize), None, None);
    }
    // X003: share of this year's narrative trigrams found in last year's,
    // the digits left out (the year and the counts change every year).
    let (now_text, before_text) = (&now.narrative, &before.narrative);
    let chars = |s: &[char]| s.iter().filter(|c| !c.is_ascii_digit()).count();
    let (now_chars, before_chars) = (chars(now_text), chars(before_text));
    if now_chars >= 200 && before_chars >= 200 {
        let grams = GramSet::of(before_text, before_chars);
        let total = now_chars - 2;
        // Counted until the share can no longer reach 80 % (a batch measures
        // every pair's texts, and most are no copies): below it either way.
        let (mut hit, mut missed) = (0, 0);
        for g in trigrams(now_text) {
            if grams.has(g) {
                hit += 1;
            } else {
                missed += 1;
                if 5 * (total - missed) < 4 * total {
                    break;
                }
            }
        }
        let share = hit as f64 / total as f64;
        if share >= 0.8 {
            emit("X003", now.text_span, msg!(X003, (share * 100.0).round() as u32), None, None);
        }
    }
}

/// A set of trigrams: open addressing in a table at most half full. A batch
/// measures every pair's texts, and a sort with a binary search per trigram
/// took several times as long.
struct GramSet {
    slots: Vec<u64>,
    shift: u32,
}

/// No trigram (three chars of 21 bits) has every bit set.
const FREE: u64 = u64::MAX;

impl GramSet {
    /// The trigrams of `s` (`trigrams`), which has `chars` chars that are no digits.
    fn of(s: &[char], chars: usize) -> GramSet {
        let bits = (2 * chars.max(2)).next_power_of_two().trailing_zeros().max(4);
        let mut set = GramSet { slots: vec![FREE; 1 << bits], shift: 64 - bits };
        for g in trigrams(s) {
            let mut i = set.home(g);
            while set.slots[i] != FREE && set.slots[i] != g {
                i = (i + 1) & (set.slots.len() - 1);
            }
            set.slots[i] = g;
        }
        set
    }

    fn home(&self, g: u64) -> usize {
        (g.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn has(&self, g: u64) -> bool {
        let mut i = self.home(g);
        loop {
            match self.slots[i] {
                FREE => return false,
                x if x == g => return true,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// The character trigrams of `s` without its digits, each packed into a u64 (21 bits a char).
fn trigrams(s: &[char]) -> impl Iterator<Item = u64> + '_ {
    let mut chars = s.iter().filter(|c| !c.is_ascii_digit()).map(|&c| c as u64);
    let mut last = chars.next().unwrap_or(0) << 21 | chars.next().unwrap_or(0);
    chars.map(move |c| {
        let gram = last << 21 | c;
        last = gram & ((1 << 42) - 1);
        gram
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set answers as a sorted list searched would, for every trigram of
    /// either text, whatever the chars (the highest code point among them).
    #[test]
    fn the_gram_set_holds_exactly_the_trigrams() {
        let before: Vec<char> =
            "本机关二〇二三年度政府信息公开工作总体情况良好，主动公开信息一百二十条\u{10FFFF}\u{10FFFF}\u{10FFFF}ab".chars().collect();
        let now: Vec<char> =
            "本机关二〇二四年度政府信息公开工作总体情况良好，依申请公开信息三十条\u{10FFFF}\u{10FFFF}\u{10FFFF}ac".chars().collect();
        let (before, now) = (&before[..], &now[..]);
        let set = GramSet::of(before, before.len());
        let mut sorted: Vec<u64> = trigrams(before).collect();
        sorted.sort_unstable();
        for g in trigrams(now).chain(trigrams(before)) {
            assert_eq!(set.has(g), sorted.binary_search(&g).is_ok(), "{g:x}");
        }
        assert!(trigrams(now).any(|g| set.has(g)) && trigrams(now).any(|g| !set.has(g)));
        let empty = GramSet::of(&[], 0);
        assert!(!empty.has(0) && !empty.has(1 << 40));
    }

    /// The digits are left out: a narrative copied with only its year and
    /// counts changed is a copy (every trigram found), and one that is mostly
    /// digits has too few chars to be measured.
    #[test]
    fn copied_text_is_measured_without_its_digits() {
        let text = |year: &str, n: u32| -> Vec<char> {
            (0..40).flat_map(|i| format!("{year}年本机关主动公开信息{}条，", n + i).chars().collect::<Vec<_>>()).collect()
        };
        let years = |narrative: Vec<char>| Years { narrative, ..Years::default() };
        let x003 = |now: &Years, before: &Years| findings(now, before).into_iter().filter(|d| d.code == "X003").count();
        let (now, before) = (years(text("2024", 500)), years(text("2023", 17)));
        assert_eq!(x003(&now, &before), 1);
        assert!(findings(&now, &before).iter().any(|d| d.message.contains("100")));
        let digits: Vec<char> = (0..35).flat_map(|i| format!("{}年公开{}条，", 2000 + i, i * 1000).chars().collect::<Vec<_>>()).collect();
        assert!(digits.len() >= 200 && digits.iter().filter(|c| !c.is_ascii_digit()).count() < 200);
        assert_eq!(x003(&years(digits.clone()), &years(digits)), 0);
    }
}
