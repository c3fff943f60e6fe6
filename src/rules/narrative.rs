//! N001–N003: what the text says against what the tables say.
//!
//! Figures are read only right next to their keywords, and only when the
//! clause speaks of information-disclosure applications: 收到人大代表建议 7 件 or
//! 政策性文件 11 件 are something else and stay quiet.

use super::{cell, num, Ctx};
use crate::compact::{Compact, Phrases};
use crate::messages::*;
use crate::msg;
use crate::report::TableRead;
use crate::source::Span;
use crate::template::TableId;

pub fn check(ctx: &mut Ctx) {
    for piece in narrative_pieces(ctx) {
        let c = Piece { doc: ctx.doc, chars: &ctx.doc.chars, lo: ctx.doc.at_offset(piece.start), hi: ctx.doc.at_offset(piece.end) };
        let hits = Hits::new(&c);
        figures(ctx, &c, &hits);
        itemized(ctx, &c, &hits);
    }
    fee_statement(ctx);
}

/// A stretch of the folded document, read in place (positions are the
/// document's own): copying each stretch cost more than reading it.
struct Piece<'a> {
    doc: &'a Compact,
    chars: &'a [char],
    lo: usize,
    hi: usize,
}

impl Piece<'_> {
    /// The end of the stretch (positions run from `lo` to here).
    fn len(&self) -> usize {
        self.hi
    }
    fn string(&self, a: usize, b: usize) -> String {
        self.doc.string(a, b.min(self.hi))
    }
    fn span(&self, a: usize, b: usize) -> Span {
        self.doc.span(a, b)
    }
    fn find_chars(&self, p: &[char], from: usize, to: usize) -> Option<usize> {
        self.doc.find_chars(p, from, to.min(self.hi))
    }
}

/// The text outside the tables: preamble, sections 一, 五, 六, and 二 to 四
/// when they hold no table.
fn narrative_pieces(ctx: &Ctx) -> Vec<Span> {
    let r = ctx.report;
    let mut out = Vec::new();
    let first = r.sections.first().map(|s| s.span.start).unwrap_or(ctx.src.text().len() as u32);
    out.push(Span { start: 0, end: first });
    for s in &r.sections {
        let table = match s.number {
            2 => r.tables.t2.is_some(),
            3 => r.tables.t3.is_some(),
            4 => r.tables.t4.is_some(),
            _ => false,
        };
        if !table {
            out.push(Span { start: s.span.end, end: s.body.end });
        }
    }
    out
}

const UNITS: &str = "件份条个宗起次项篇";
const OFF_TOPIC: &[&str] = &["建议", "提案", "信访", "举报", "投诉", "咨询", "来电", "留言", "诉求"];

/// A number followed by a unit at `i`: (value, start, end of number).
fn number_unit(c: &Piece, i: usize) -> Option<(f64, usize, usize, char)> {
    if i > 0 && c.chars[i - 1].is_ascii_digit() {
        return None;
    }
    let mut j = i;
    while j < c.len() && (c.chars[j].is_ascii_digit() || (c.chars[j] == '.' && j > i)) {
        j += 1;
    }
    if j == i {
        return None;
    }
    let unit = *c.chars.get(j)?;
    if !UNITS.contains(unit) {
        return None;
    }
    let v = crate::lex::parse_number(&c.string(i, j))?;
    Some((v, i, j, unit))
}

/// The first number-with-unit in `c[from..to]`.
fn first_number(c: &Piece, from: usize, to: usize) -> Option<(f64, usize, usize, char)> {
    (from..to.min(c.len())).find_map(|i| number_unit(c, i))
}

/// A clause is never longer than this: text without full stops must not make
/// every keyword scan to the end (quadratic on a long paste).
const CLAUSE_MAX: usize = 300;

fn clause_end(c: &Piece, from: usize) -> usize {
    let limit = (from + CLAUSE_MAX).min(c.len());
    (from..limit).find(|&i| matches!(c.chars[i], '。' | ';')).unwrap_or(limit)
}

fn clause_start(c: &Piece, at: usize) -> usize {
    let limit = at.saturating_sub(CLAUSE_MAX).max(c.lo);
    (limit..at).rev().find(|&i| matches!(c.chars[i], '。' | ';')).map(|i| i + 1).unwrap_or(limit)
}

fn contains(c: &Piece, from: usize, to: usize, words: &[&str]) -> bool {
    let s = c.string(from, to.min(c.len()));
    words.iter().any(|w| s.contains(w))
}

fn total(t: Option<&TableRead>, row: &str, col: &str) -> Option<f64> {
    t.filter(|t| !t.unreadable).and_then(|t| t.value(row, col))
}

/// Every keyword the narrative rules look for; found in one pass per piece.
const KEYWORDS: &[&str] = &[
    "收到",
    "受理",
    "新收",
    "上年结转",
    "上年度结转",
    "上一年度结转",
    "上年度转结",
    "结转下年度",
    "结转到下年度",
    "结转至下年度",
    "顺延到下年度",
    "顺延至下年度",
    "转入下一年度",
    "结转下一年度",
    "结转至下一年度",
    "行政复议",
    "行政诉讼",
    "规章",
    "规范性文件",
    "共",
];

/// Positions of each of KEYWORDS in `c`, in one pass: most characters start no
/// keyword and are passed over after one comparison.
struct Hits {
    at: Vec<Vec<usize>>,
}

impl Hits {
    fn new(c: &Piece) -> Hits {
        let mut at = vec![Vec::new(); KEYWORDS.len()];
        // Made once by the command line: every stretch of every report of a
        // batch is scanned for the same words (the browser checks one report).
        #[cfg(feature = "cli")]
        let words = {
            static WORDS: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
            WORDS.get_or_init(|| Phrases::new(KEYWORDS.iter().copied()))
        };
        #[cfg(not(feature = "cli"))]
        let words = &Phrases::new(KEYWORDS.iter().copied());
        words.scan(c.chars, c.lo, c.hi, |k, i| at[k].push(i));
        Hits { at }
    }
    fn of(&self, word: &str) -> &[usize] {
        let k = KEYWORDS.iter().position(|k| *k == word);
        debug_assert!(k.is_some(), "{word} missing from KEYWORDS");
        k.map(|k| self.at[k].as_slice()).unwrap_or(&[])
    }
}

fn figures(ctx: &mut Ctx, c: &Piece, hits: &Hits) {
    let r = ctx.report;
    let t3 = r.tables.t3.as_ref();
    let t4 = r.tables.t4.as_ref();
    let received = total(t3, "received", "total");
    let carried_in = total(t3, "carried_in", "total");
    let carried_out = total(t3, "carried_out", "total");
    let review = total(t4, "review", "total");
    let suits = match (total(t4, "suit_direct", "total"), total(t4, "suit_after_review", "total")) {
        (Some(a), Some(b)) => Some(a + b),
        _ => None,
    };
    // A bit per position, not a list searched each time: a long paste can hold
    // thousands of figures (and no hash table in the browser bundle).
    let mut said: Vec<u64> = Vec::new();
    let mut report = |ctx: &mut Ctx, at: usize, span: Span, msg: Message, cellref, fix: Option<String>| {
        if said.len() <= at / 64 {
            said.resize(at / 64 + 1, 0);
        }
        let (word, bit) = (at / 64, 1u64 << (at % 64));
        if said[word] & bit == 0 {
            said[word] |= bit;
            ctx.emit("N001", span, msg, cellref, fix);
        }
    };

    // Applications received: 收到/受理/新收 … 申请 … N 件.
    for verb in ["收到", "受理", "新收"] {
        for &at in hits.of(verb) {
            let end = clause_end(c, at);
            let Some(req) = c.find_chars(&['申', '请'], at, (at + 25).min(end)) else {
                continue;
            };
            let negated = at >= 1 && (c.chars[at - 1] == '未' || (at >= 2 && c.string(at - 2, at) == "没有"));
            if negated {
                if contains(c, at, req, OFF_TOPIC) {
                    continue;
                }
                if let Some(v) = received.filter(|&v| v > 0.0) {
                    let msg = msg!(N001_NONE_RECEIVED, v);
                    report(ctx, at, c.span(at - 1, req + 2), msg, cell(TableId::T3, "received", Some("total")), None);
                }
                continue;
            }
            // "受理政府信息公开申请 2 件", or "受理 2 件政府信息公开申请".
            let before = first_number(c, at + 2, req).filter(|n| n.3 == '件');
            let Some((v, a, b, _)) = before.or_else(|| first_number(c, req + 2, (req + 12).min(end))) else {
                continue;
            };
            if contains(c, at, a, OFF_TOPIC)
                || contains(c, at, a, &["复议", "诉讼"])
                || matches!(c.chars.get(b + 1), Some('余') | Some('多'))
            {
                continue;
            }
            let Some(want) = received else { continue };
            // "收到 N 件（含上年结转 M 件）" counts both; accept that reading too.
            if v != want && Some(v) != carried_in.map(|ci| ci + want) {
                let msg = msg!(N001_RECEIVED, v, want);
                report(ctx, a, c.span(a, b), msg, cell(TableId::T3, "received", Some("total")), Some(num(want)));
            }
        }
    }

    // Carried in: 上年(度)结转 … N 件.
    for kw in ["上年结转", "上年度结转", "上一年度结转", "上年度转结"] {
        for &at in hits.of(kw) {
            let end = clause_end(c, at);
            let Some((v, a, b, _)) = first_number(c, at + kw.chars().count(), (at + kw.chars().count() + 10).min(end)) else {
                continue;
            };
            let Some(want) = carried_in else { continue };
            if v != want {
                let msg = msg!(N001_CARRIED_IN, v, want);
                report(ctx, a, c.span(a, b), msg, cell(TableId::T3, "carried_in", Some("total")), Some(num(want)));
            }
        }
    }

    // Carried out: N 件 … 结转(到)下年度 / 顺延到下年度.
    for kw in
        ["结转下年度", "结转到下年度", "结转至下年度", "顺延到下年度", "顺延至下年度", "转入下一年度", "结转下一年度", "结转至下一年度"]
    {
        for &at in hits.of(kw) {
            // The number belongs to this comma-clause: "另有 103 件顺延到下年度".
            let start = (clause_start(c, at)..at)
                .rev()
                .find(|&i| c.chars[i] == ',')
                .map(|i| i + 1)
                .unwrap_or(clause_start(c, at))
                .max(at.saturating_sub(12));
            let before = (start..at).rev().find_map(|i| number_unit(c, i));
            let after = || first_number(c, at + kw.chars().count(), (at + kw.chars().count() + 10).min(clause_end(c, at)));
            let Some((v, a, b, _)) = before.or_else(after) else {
                continue;
            };
            let Some(want) = carried_out else { continue };
            if v != want {
                let msg = msg!(N001_CARRIED_OUT, v, want);
                report(ctx, a, c.span(a, b), msg, cell(TableId::T3, "carried_out", Some("total")), Some(num(want)));
            }
        }
    }

    // Reviews and lawsuits: 行政复议 N 件; 无/未发生 … 行政复议.
    for (kw, have, row, (said_n, said_none)) in
        [("行政复议", review, "review", (N001_REVIEWS, N001_NO_REVIEWS)), ("行政诉讼", suits, "suit_direct", (N001_SUITS, N001_NO_SUITS))]
    {
        for &at in hits.of(kw) {
            let end = clause_end(c, at);
            let start = clause_start(c, at).max(at.saturating_sub(15));
            let prefix = c.string(start, at);
            let negated = ["无", "未发生", "未有", "没有", "未收到", "未出现", "零"].iter().any(|n| prefix.contains(n));
            let next = first_number(c, at + 4, (at + 9).min(end)).filter(|n| matches!(n.3, '件' | '起' | '宗'));
            if let Some((v, a, b, _)) = next {
                let Some(want) = have else { continue };
                if v != want {
                    let msg = msg!(said_n, v, want);
                    report(ctx, a, c.span(a, b), msg, cell(TableId::T4, row, Some("total")), Some(num(want)));
                }
            } else if negated && !contains(c, start, end, &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]) {
                if let Some(want) = have.filter(|&v| v > 0.0) {
                    let msg = msg!(said_none, want);
                    report(ctx, at, c.span(at, at + 4), msg, cell(TableId::T4, row, Some("total")), None);
                }
            }
        }
    }

    // Documents issued: 制发/出台/印发 … 规章 N 件, 行政规范性文件 N 件.
    let t2 = r.tables.t2.as_ref().filter(|t| t.template.format == "2021");
    for (kw, row) in [("规章", "regulations"), ("规范性文件", "normative_documents")] {
        for &at in hits.of(kw) {
            let start = clause_start(c, at).max(at.saturating_sub(10));
            if !contains(c, start, at, &["制发", "出台", "印发", "制定", "新增公开", "新制定"])
                || contains(c, start, at, &["废止", "清理", "有效"])
            {
                continue;
            }
            let end = clause_end(c, at);
            let k = at + kw.chars().count();
            let Some((v, a, b, _)) = first_number(c, k, (k + 6).min(end)).filter(|n| n.3 == '件') else {
                continue;
            };
            let Some(want) = total(t2, row, "issued") else {
                continue;
            };
            if v != want {
                let msg = msg!(if row == "regulations" { N001_REGULATIONS } else { N001_NORMATIVE }, v, want);
                report(ctx, a, c.span(a, b), msg, cell(TableId::T2, row, Some("issued")), Some(num(want)));
            }
        }
    }
}

/// N002: 共 N 条，其中 a 条、b 条… whose parts do not add up.
fn itemized(ctx: &mut Ctx, c: &Piece, hits: &Hits) {
    let totals = hits.of("共");
    for (h, &at) in totals.iter().enumerate() {
        let end = clause_end(c, at);
        let Some((total, a, b, unit)) = first_number(c, at + 1, (at + 20).min(end)) else {
            continue;
        };
        if matches!(c.chars.get(b + 1), Some('余') | Some('多')) {
            continue;
        }
        // "其中" right after the total (the sentence may end in between).
        let mut k = b + 1;
        while k < c.len() && k <= b + 3 && matches!(c.chars[k], ',' | '。' | ':' | ';' | '(') {
            k += 1;
        }
        if c.string(k, k + 2) != "其中" {
            continue;
        }
        // A later 共 starts a count of its own: a paste of "共1条，其中" without
        // full stops must not make every 共 read the same long list.
        let next = totals[h + 1..].iter().find(|&&t| t > k).copied().unwrap_or(usize::MAX);
        let list_end = clause_end(c, k).min(next);
        let mut items: Vec<f64> = Vec::new();
        let mut clause_from = k + 2;
        for i in k + 2..=list_end {
            let boundary = i == list_end || matches!(c.chars[i], '、' | ',');
            if !boundary {
                continue;
            }
            let nums: Vec<(f64, usize, usize, char)> = (clause_from..i).filter_map(|j| number_unit(c, j)).filter(|n| n.3 == unit).collect();
            if let Some(n) = nums.last() {
                items.push(n.0);
            } else if i > clause_from && c.chars[i - 1].is_ascii_digit() {
                // "政务公告46": the unit left out at the end of an item.
                let s = (clause_from..i).rev().take_while(|&j| c.chars[j].is_ascii_digit()).last().unwrap_or(i - 1);
                if let Some(v) = crate::lex::parse_number(&c.string(s, i)) {
                    items.push(v);
                }
            }
            clause_from = i + 1;
        }
        let sum: f64 = items.iter().sum();
        if items.len() >= 2 && (sum > total || (items.len() >= 3 && sum != total)) {
            let msg = msg!(N002, total, unit.to_string(), items.len(), sum, Arg::nums(&items, SEP_PLUS));
            ctx.emit("N002", c.span(a, b + 1), msg, None, None);
        }
    }
}

/// N003: section 六 reports the 信息处理费.
fn fee_statement(ctx: &mut Ctx) {
    let Some(s) = ctx.report.section(6) else {
        return;
    };
    let (a, b) = (ctx.doc.at_offset(s.body.start), ctx.doc.at_offset(s.body.end));
    let mentions = |w: &str| ctx.doc.find_chars(&w.chars().collect::<Vec<_>>(), a, b).is_some();
    if !mentions("处理费") && !mentions("信息处理") {
        ctx.emit("N003", s.span, msg!(N003), None, Some("本年度未收取信息处理费。".into()));
    }
}
