//! Reading tables 二, 三 and 四 by aligning their regions with the template.

use super::align::{align, bigrams, label_weights, Alignment, Group, LabelIndex, RowSpec};
use super::{core_label, strip_residue};
use crate::compact::Phrases;
use crate::lex::{Kind, Lexed, Token};
use crate::normalize::compact;
use crate::report::{Anomaly, Cell, RowRead, Section, TableRead, Tables};
use crate::source::Span;
use crate::template::{candidates, TableId, TableTemplate, SIGNALS_2019};

/// More groups than this in one table region is not a table we can align.
const MAX_GROUPS: usize = 2000;
/// How much of a group's preceding text identifies its row.
const CONTEXT_CHARS: usize = 80;
/// The most cells a row of any template has (table 三: seven).
const MAX_ROW_CELLS: usize = 8;

pub fn read(lx: &mut Lexed, text: &str, doc: &crate::compact::Compact, sections: &[Section], anomalies: &mut Vec<Anomaly>) -> Tables {
    let mut tables = Tables::default();
    // Every region's tokens first: cells split out of glued runs are appended
    // to the token list, which is then no longer in text order.
    let jobs: Vec<(TableId, Span, Vec<u32>)> = [TableId::T2, TableId::T3, TableId::T4]
        .into_iter()
        .filter_map(|id| region(sections, id.section()).map(|r| (id, r, region_tokens(lx, r))))
        .collect();
    for (id, region, toks) in jobs {
        if !toks.iter().any(|&t| lx.tokens[t as usize].is_value()) {
            continue;
        }
        // Past `MAX_GROUPS` runs of values a region is no table the aligner
        // reads (it says so, P001): one more run shows that, and the rest of a
        // hostile region is not held in memory.
        let toks = match cut_after_groups(lx, &toks, MAX_GROUPS + 1) {
            Some(k) => toks[..k].to_vec(),
            None => toks,
        };
        let table = if id == TableId::T4 {
            // Table 四's groups are only searched for glued runs here; its
            // texts are read when needed (mostly, only its first words).
            let mut groups = build_groups(lx, None, &toks);
            let unglued = unglue(lx, text, &mut groups, id);
            read_t4(lx, text, doc, &toks, &unglued, region, anomalies)
        } else {
            let tx = Texts::new(lx, doc, &toks);
            let mut groups = build_groups(lx, Some(&tx), &toks);
            let unglued = unglue(lx, text, &mut groups, id);
            let wrapped = rewrap(lx, text, &mut groups, id);
            mend_split_rows(lx, &mut groups, id);
            read_aligned(lx, text, &tx, id, groups, &unglued, wrapped, region, anomalies)
        };
        match id {
            TableId::T2 => tables.t2 = Some(table),
            TableId::T3 => tables.t3 = Some(table),
            TableId::T4 => tables.t4 = Some(table),
        }
    }
    // The old format shows in table 二's headers even when every cell is blank.
    if let Some(region) = tables.t2.as_ref().map(|t| t.span).or_else(|| region(sections, 2)) {
        signals_2019(doc, region, anomalies);
    }
    tables
}

/// Glued runs cut into cells before alignment.
#[derive(Default)]
struct Unglued {
    /// A glued token and the cell tokens that replace it.
    replaced: Vec<(u32, Vec<u32>)>,
    /// Runs with no single reading: their cells (unknown) and the readings
    /// that satisfy the row, for the column relations to choose from.
    pending: Vec<Pending>,
}

struct Pending {
    tokens: Vec<u32>,
    run: Span,
    readings: Vec<Vec<(Span, f64)>>,
    /// More readings exist than were kept.
    more: bool,
}

/// Cuts each group that is one glued run ("81010010") into the cells of the
/// row it stands for, when exactly one cut satisfies the row's relation;
/// otherwise into unknown cells, the readings kept for the column relations.
fn unglue(lx: &mut Lexed, text: &str, groups: &mut [Group], id: TableId) -> Unglued {
    let mut out = Unglued::default();
    let glued = |lx: &Lexed, g: &Group| g.values.len() == 1 && matches!(lx.tokens[g.values[0] as usize].kind, Kind::Glued(_));
    if !groups.iter().any(|g| glued(lx, g)) {
        return out;
    }
    let tpl = candidates(id)[0];
    let mut budget = super::glued::BUDGET;
    for g in groups.iter_mut() {
        if !glued(lx, g) {
            continue;
        }
        let t = g.values[0];
        let tok = lx.tokens[t as usize];
        let run = &text[tok.span.range()];
        let chars: Vec<(usize, char)> = run.char_indices().map(|(i, c)| (i, crate::normalize::fold(c))).collect();
        if chars.iter().any(|c| !c.1.is_ascii_digit()) {
            continue;
        }
        let digits: Vec<u8> = chars.iter().map(|c| c.1 as u8).collect();
        let (widths, total_last) = if id == TableId::T4 {
            // Table 四's one row of values: every group, each total last.
            let t4 = &crate::template::T4;
            (t4.rows.iter().map(|r| r.width()).collect(), (0..t4.rows.len()).all(|r| t4.total_is_last(r)))
        } else {
            let Some(row) = row_of(tpl, g) else { continue };
            (vec![tpl.rows[row].width()], tpl.total_is_last(row))
        };
        if widths == [1] {
            continue;
        }
        let r = super::glued::readings(&digits, &widths, total_last, 16, &mut budget);
        let span_of = |(a, b): (usize, usize)| {
            let start = tok.span.start as usize + chars[a].0;
            let end = tok.span.start as usize + chars.get(b).map(|c| c.0).unwrap_or(run.len());
            Span::new(start, end)
        };
        let value = |(a, b): (usize, usize)| digits[a..b].iter().fold(0f64, |v, d| v * 10.0 + (d - b'0') as f64);
        let mut new = Vec::new();
        if r.cuts.len() == 1 && !r.more {
            for &c in &r.cuts[0] {
                new.push(lx.tokens.len() as u32);
                lx.tokens.push(Token { kind: Kind::Number(value(c)), span: span_of(c), ..tok });
            }
        } else {
            let cells: usize = widths.iter().sum();
            for _ in 0..cells {
                new.push(lx.tokens.len() as u32);
                lx.tokens.push(Token { kind: Kind::Glued(f64::NAN), ..tok });
            }
            let readings = r.cuts.iter().map(|cut| cut.iter().map(|&c| (span_of(c), value(c))).collect()).collect();
            out.pending.push(Pending { tokens: new.clone(), run: tok.span, readings, more: r.more });
        }
        g.values = new.clone();
        g.page_like = false;
        out.replaced.push((t, new));
    }
    out
}

/// The template row a group of values stands for, by its label: the first
/// row where all rows have one width (which row then does not matter for
/// splitting or joining its digits), None where no label is close enough.
fn row_of(tpl: &'static TableTemplate, g: &Group) -> Option<usize> {
    let w0 = tpl.rows[0].width();
    if tpl.rows.iter().all(|r| r.width() == w0) {
        return Some(0);
    }
    let sims = prepared(tpl).index.similarities(std::slice::from_ref(g));
    (0..tpl.rows.len()).filter(|&i| sims[i] >= 0.3).max_by(|&a, &b| sims[a].total_cmp(&sims[b]))
}

/// The digits of a value token, when it is a whole number written in digits.
fn digits_of<'a>(lx: &Lexed, text: &'a str, t: u32) -> Option<&'a str> {
    let tok = &lx.tokens[t as usize];
    let s = &text[tok.span.range()];
    (matches!(tok.kind, Kind::Number(_)) && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// A group whose values lie on more than one line (and were not joined back).
fn multi_line(lx: &Lexed, g: &Group) -> bool {
    !g.joined && g.values.windows(2).any(|w| lx.tokens[w[0] as usize].line != lx.tokens[w[1] as usize].line)
}

/// A group's values as read, lines separated by "/" ("30/01 53 0 0 61 4 31/19").
fn shown(lx: &Lexed, text: &str, g: &Group) -> String {
    let mut out = String::new();
    for (k, &t) in g.values.iter().enumerate() {
        if k > 0 {
            out.push_str(if lx.tokens[t as usize].line != lx.tokens[g.values[k - 1] as usize].line { "/" } else { " " });
        }
        out.push_str(text[lx.tokens[t as usize].span.range()].trim());
    }
    out
}

/// Numbers broken over lines by a narrow column, in plain text (a PDF
/// viewer's copy gives a cell's pieces in turn: "30⏎01 53 0 0 61 4 31⏎19"):
/// a group with more values than its row has cells, on several lines, is
/// joined where a line ends when exactly one joining satisfies the row's
/// relation (the glued runs' search, with cells ending only between pieces).
/// Returns whether the table shows such wrapping: a joining was found, or a
/// piece starts with a 0 ("01" of "3001"), as no number is written.
fn rewrap(lx: &mut Lexed, text: &str, groups: &mut [Group], id: TableId) -> bool {
    let mut wrapped =
        groups.iter().flat_map(|g| &g.values).any(|&t| digits_of(lx, text, t).is_some_and(|d| d.len() > 1 && d.starts_with('0')));
    if !groups.iter().any(|g| multi_line(lx, g)) {
        return wrapped;
    }
    let tpl = candidates(id)[0];
    let mut budget = super::glued::BUDGET;
    for g in groups.iter_mut() {
        if !multi_line(lx, g) || g.values.len() > 4 * MAX_ROW_CELLS {
            continue;
        }
        let Some(row) = row_of(tpl, g) else { continue };
        let width = tpl.rows[row].width();
        if g.values.len() <= width || width < 2 {
            continue;
        }
        let Some(pieces) = g.values.iter().map(|&t| digits_of(lx, text, t)).collect::<Option<Vec<&str>>>() else { continue };
        let digits: Vec<u8> = pieces.concat().into_bytes();
        let mut cuts = vec![super::glued::Cut::Never; digits.len() + 1];
        let mut at = 0;
        for (k, p) in pieces.iter().enumerate() {
            at += p.len();
            let next_line = g.values.get(k + 1).is_some_and(|&n| lx.tokens[n as usize].line != lx.tokens[g.values[k] as usize].line);
            cuts[at] = if next_line { super::glued::Cut::May } else { super::glued::Cut::Must };
        }
        let r = super::glued::readings_at(&digits, Some(&cuts), &[width], tpl.total_is_last(row), 2, &mut budget);
        if r.cuts.len() != 1 || r.more {
            continue;
        }
        // Each cell becomes one number token spanning its pieces.
        let mut starts = Vec::with_capacity(pieces.len());
        let mut at = 0;
        for p in &pieces {
            starts.push(at);
            at += p.len();
        }
        let mut new = Vec::with_capacity(width);
        for &(a, b) in &r.cuts[0] {
            let first = starts.partition_point(|&s| s <= a) - 1;
            let last = starts.partition_point(|&s| s < b) - 1;
            let (t0, t1) = (lx.tokens[g.values[first] as usize], lx.tokens[g.values[last] as usize]);
            let v = digits[a..b].iter().fold(0f64, |v, d| v * 10.0 + (d - b'0') as f64);
            new.push(lx.tokens.len() as u32);
            lx.tokens.push(Token { kind: Kind::Number(v), span: t0.span.cover(t1.span), ..t0 });
        }
        g.values = new;
        g.page_like = false;
        g.joined = true;
        wrapped = true;
    }
    wrapped
}

/// A row whose values a label wrapped in its cell cuts in two, in reading
/// order ("5.要求行政机关确认或重新出具 / 0 / 已获取信息 / 0 0 0 0 0 0"): two
/// groups that together fill one row of a table whose rows are alike, the
/// second after a label fragment that names no row, are one row when their
/// values satisfy the row's relation.
fn mend_split_rows(lx: &Lexed, groups: &mut Vec<Group>, id: TableId) {
    let tpl = candidates(id)[0];
    let w = tpl.rows[0].width();
    if id == TableId::T4 || tpl.row_total.is_none() || tpl.rows.iter().any(|r| r.width() != w) {
        return;
    }
    let short = |g: &Group| !g.values.is_empty() && g.values.len() < w;
    if !groups.windows(2).any(|p| short(&p[0]) && short(&p[1]) && p[0].values.len() + p[1].values.len() == w) {
        return;
    }
    let sims = prepared(tpl).index.similarities(groups);
    let n = groups.len();
    let names_row = |j: usize| (0..tpl.rows.len()).any(|i| sims[i * n + j] >= 0.5);
    let mut merged: Vec<Group> = Vec::with_capacity(n);
    let mut j = 0;
    while j < n {
        let g = &groups[j];
        if let Some(next) = groups.get(j + 1).filter(|x| short(g) && short(x) && g.values.len() + x.values.len() == w && !names_row(j + 1))
        {
            let values: Vec<u32> = g.values.iter().chain(&next.values).copied().collect();
            let nums: Vec<Option<f64>> = values.iter().map(|&t| number(lx, t)).collect();
            if row_relation(tpl, 0, &nums) == Some(true) {
                let mut m = g.clone();
                m.values = values;
                m.context.extend(next.context.iter().copied());
                m.joined = true;
                merged.push(m);
                j += 2;
                continue;
            }
        }
        merged.push(groups[j].clone());
        j += 1;
    }
    *groups = merged;
}

/// A section's text after its heading line.
fn region(sections: &[Section], number: u8) -> Option<Span> {
    let s = sections.iter().find(|s| s.number == number)?;
    Some(Span { start: s.span.end, end: s.body.end })
}

/// Token indices inside `region`, page marks left out.
fn region_tokens(lx: &Lexed, region: Span) -> Vec<u32> {
    let first = lx.tokens.partition_point(|t| t.span.start < region.start);
    let last = lx.tokens.partition_point(|t| t.span.start < region.end);
    let mut toks = Vec::with_capacity(last - first);
    toks.extend((first..last).filter(|&i| !lx.lines[lx.tokens[i].line as usize].page_mark).map(|i| i as u32));
    toks
}

/// The folded text of each text token of a region, computed once.
struct Texts {
    first: u32,
    /// All the texts, one after another; `ranges` cut them out.
    buf: String,
    ranges: Vec<(u32, u32)>,
}

impl Texts {
    fn new(lx: &Lexed, doc: &crate::compact::Compact, toks: &[u32]) -> Texts {
        let first = toks.first().copied().unwrap_or(0);
        let last = toks.last().map(|&t| t + 1).unwrap_or(first);
        // Folding never lengthens a text, and spaces go.
        let bytes = match (toks.first(), toks.last()) {
            (Some(&a), Some(&b)) => lx.tokens[b as usize].span.end.saturating_sub(lx.tokens[a as usize].span.start) as usize,
            _ => 0,
        };
        let mut buf = String::with_capacity(bytes);
        let mut ranges = Vec::with_capacity((last - first) as usize);
        for t in first..last {
            let tok = &lx.tokens[t as usize];
            let start = buf.len() as u32;
            if !tok.is_value() {
                token_text(doc, tok, &mut buf);
            }
            ranges.push((start, buf.len() as u32));
        }
        Texts { first, buf, ranges }
    }
    fn get(&self, t: u32) -> &str {
        match self.ranges.get((t - self.first) as usize) {
            Some(&(a, b)) => &self.buf[a as usize..b as usize],
            None => "",
        }
    }
}

/// Appends a text token's folded text, as the compact view `doc` of the
/// whole text has it, without residue.
fn token_text(doc: &crate::compact::Compact, tok: &Token, buf: &mut String) {
    let (a, b) = (doc.at_offset(tok.span.start), doc.at_offset(tok.span.end));
    let chars = &doc.chars[a..b];
    if chars.contains(&'[') || chars.contains(&'*') {
        buf.push_str(&strip_residue(doc.string(a, b)));
    } else {
        #[cfg(feature = "cli")]
        crate::compact::push_chars(buf, chars);
        #[cfg(not(feature = "cli"))]
        buf.extend(chars);
    }
}

fn number(lx: &Lexed, t: u32) -> Option<f64> {
    match lx.tokens[t as usize].kind {
        Kind::Number(v) => Some(v),
        Kind::Glued(v) if v.is_finite() => Some(v),
        _ => None,
    }
}

/// Where the `limit`-th run of values ends in `toks` (the index of the first
/// token after it), when there are more runs than that.
fn cut_after_groups(lx: &Lexed, toks: &[u32], limit: usize) -> Option<usize> {
    let mut runs = 0;
    let mut in_run = false;
    for (k, &t) in toks.iter().enumerate() {
        let value = lx.tokens[t as usize].is_value();
        if value && !in_run {
            if runs == limit {
                return Some(k);
            }
            runs += 1;
        }
        in_run = value;
    }
    None
}

/// Runs of values with the text before each; with `tx`, the bigrams of each
/// group's label text, which the aligner needs.
fn build_groups(lx: &Lexed, tx: Option<&Texts>, toks: &[u32]) -> Vec<Group> {
    // A group is a run of text tokens (perhaps none) and the run of values
    // after it; text after the last values belongs to no group.
    let mut groups = Vec::new();
    let mut at = 0;
    while at < toks.len() {
        let values = at + toks[at..].iter().take_while(|&&t| !lx.tokens[t as usize].is_value()).count();
        let end = values + toks[values..].iter().take_while(|&&t| lx.tokens[t as usize].is_value()).count();
        if end == values {
            break;
        }
        groups.push(Group { values: toks[values..end].to_vec(), context: toks[at..values].to_vec(), ..Group::default() });
        at = end;
    }
    let mut tail: Vec<char> = Vec::with_capacity(CONTEXT_CHARS);
    let Some(tx) = tx else { return groups };
    for g in &mut groups {
        g.page_like = g.values.len() == 1 && g.context.iter().all(|&t| tx.get(t).is_empty());
        // The last CONTEXT_CHARS chars of the context, read from its end: the
        // text before a group can be long (a table's headers), and only its
        // end names the row.
        tail.clear();
        'context: for &t in g.context.iter().rev() {
            for c in tx.get(t).chars().rev() {
                if tail.len() == CONTEXT_CHARS {
                    break 'context;
                }
                tail.push(c);
            }
        }
        tail.reverse();
        g.bigrams = bigrams(&tail);
    }
    groups
}

/// What the aligner and the label check need of a template, computed once per
/// process: the templates are constants.
struct Prepared {
    specs: Vec<RowSpec>,
    index: LabelIndex,
    /// Each row's label without numbering, and its aliases likewise.
    cores: Vec<Core>,
    /// Each row's relation: the column of its total and of each part.
    relations: Vec<Option<(usize, Vec<usize>)>>,
    /// Each row's key is missing from the current format, or there has
    /// other columns or another label: placing it is evidence for this format.
    unlike_base: Vec<bool>,
    /// Each row is in no other format as it is here (same label and columns).
    distinctive: Vec<bool>,
    /// What `column_headers` looks for (table 二 of 2021 only).
    headers: Headers,
    /// The template's column relations, by row index.
    columns: ColumnRelations,
}

/// The rows of the template's column relations (for `columns_hold`).
struct ColumnRelations {
    /// The column total's row, and the rows it sums.
    total: Option<usize>,
    outcomes: Vec<usize>,
    /// Each row is the column total or one it sums (and there is a column total).
    in_total: Vec<bool>,
    /// The balance's rows: two inflows, then two outflows.
    balance: [Option<usize>; 4],
    /// Each row is one of the balance's (and there is a balance).
    in_balance: Vec<bool>,
}

/// Every column label of the template, then the 2019 ones, compacted (in
/// template order, duplicates kept), and which of them each row looks for.
#[derive(Default)]
struct Headers {
    labels: Vec<String>,
    rows: Vec<RowHeaders>,
}

struct RowHeaders {
    /// The first row of the row's block (a block is the rows under one header).
    block: usize,
    /// The row's own column labels (indices into `labels`).
    columns: Vec<usize>,
    /// The labels that are none of the row's own.
    others: Vec<usize>,
}

/// A row's label without numbering (as chars and as text), and its aliases likewise.
struct Core {
    chars: Vec<char>,
    text: String,
    aliases: Vec<Vec<char>>,
}

fn prepared(tpl: &'static TableTemplate) -> &'static Prepared {
    // Keyed by table and format, not by address: a constant's address is not
    // guaranteed to be the same at every use (it differs in fuzzing builds).
    static CACHE: std::sync::OnceLock<Vec<((TableId, &'static str), Prepared)>> = std::sync::OnceLock::new();
    let all = CACHE.get_or_init(|| {
        [TableId::T2, TableId::T3, TableId::T4]
            .iter()
            .flat_map(|&id| candidates(id).iter())
            .map(|t| ((t.id, t.format), prepare(t)))
            .collect()
    });
    &all.iter().find(|(k, _)| *k == (tpl.id, tpl.format)).expect("every template is a candidate").1
}

fn prepare(tpl: &TableTemplate) -> Prepared {
    // Each row's label, then its aliases, without numbering.
    let labels: Vec<Vec<String>> =
        tpl.rows.iter().map(|r| std::iter::once(r.label).chain(r.aliases.iter().copied()).map(core_label).collect()).collect();
    let specs: Vec<RowSpec> =
        label_weights(&labels).into_iter().zip(tpl.rows).map(|(labels, r)| RowSpec { width: r.width(), labels }).collect();
    let index = LabelIndex::new(&specs);
    let cores = labels
        .into_iter()
        .map(|mut l| {
            let text = l.remove(0);
            Core { chars: text.chars().collect(), text, aliases: l.iter().map(|a| a.chars().collect()).collect() }
        })
        .collect();
    let relations = tpl
        .rows
        .iter()
        .map(|r| {
            let rt = tpl.row_total.as_ref()?;
            Some((r.column(rt.total)?, rt.parts.iter().map(|p| r.column(p)).collect::<Option<Vec<_>>>()?))
        })
        .collect();
    let base = candidates(tpl.id)[0];
    let unlike_base = tpl
        .rows
        .iter()
        .map(|r| base.row(r.key).is_none_or(|b| base.rows[b].columns.len() != r.columns.len() || base.rows[b].label != r.label))
        .collect();
    let distinctive = tpl
        .rows
        .iter()
        .map(|r| {
            candidates(tpl.id).iter().filter(|t| !std::ptr::eq(**t, tpl)).all(|t| {
                t.row(r.key).is_none_or(|k| {
                    t.rows[k].label != r.label || t.rows[k].columns.iter().map(|c| c.label).ne(r.columns.iter().map(|c| c.label))
                })
            })
        })
        .collect();
    let mut headers = Headers::default();
    if tpl.id == TableId::T2 && tpl.format == "2021" {
        headers.labels =
            tpl.rows.iter().flat_map(|r| r.columns.iter().map(|c| c.label)).chain(SIGNALS_2019.iter().copied()).map(compact).collect();
        let labels = &headers.labels;
        let mut at = 0;
        for row in tpl.rows {
            let columns: Vec<usize> = (at..at + row.columns.len()).collect();
            at += row.columns.len();
            let others = (0..labels.len()).filter(|&l| !columns.iter().any(|&c| labels[c] == labels[l])).collect();
            let block = tpl.rows.iter().position(|r| r.block == row.block).unwrap_or(0);
            headers.rows.push(RowHeaders { block, columns, others });
        }
    }
    let keys = tpl.balance.as_ref().map(|b| [b.inflow[0], b.inflow[1], b.outflow[0], b.outflow[1]]);
    let columns = ColumnRelations {
        total: tpl.column_total.and_then(|t| tpl.row(t)),
        outcomes: (0..tpl.rows.len()).filter(|&r| tpl.rows[r].outcome).collect(),
        in_total: tpl.rows.iter().map(|r| tpl.column_total.is_some_and(|t| r.key == t || r.outcome)).collect(),
        balance: keys.map_or([None; 4], |k| k.map(|key| tpl.row(key))),
        in_balance: tpl.rows.iter().map(|r| keys.is_some_and(|k| k.contains(&r.key))).collect(),
    };
    Prepared { specs, index, cores, relations, unlike_base, distinctive, headers, columns }
}

/// The template's own relation for one row: its total equals the sum of its parts.
pub fn row_relation(tpl: &TableTemplate, row: usize, vals: &[Option<f64>]) -> Option<bool> {
    let rt = tpl.row_total.as_ref()?;
    let r = &tpl.rows[row];
    let total = vals.get(r.column(rt.total)?).copied().flatten()?;
    let mut sum = 0.0;
    for p in rt.parts {
        sum += vals.get(r.column(p)?).copied().flatten()?;
    }
    Some((sum - total).abs() < 1e-6)
}

#[allow(clippy::too_many_arguments)]
fn read_aligned(
    lx: &Lexed,
    text: &str,
    tx: &Texts,
    id: TableId,
    groups: Vec<Group>,
    unglued: &Unglued,
    wrapped: bool,
    region: Span,
    anomalies: &mut Vec<Anomaly>,
) -> TableRead {
    let num = |t: u32| number(lx, t);
    struct Best {
        a: Alignment,
        clean: bool,
    }
    let mut best: Option<(&'static TableTemplate, Best)> = None;
    if groups.len() <= MAX_GROUPS {
        let base = candidates(id)[0];
        for tpl in candidates(id) {
            // The current format read cleanly (every row found under its own
            // label, no group left over): no other format needs trying.
            if best.as_ref().is_some_and(|(_, b)| b.clean) {
                break;
            }
            let prep = prepared(tpl);
            let specs = &prep.specs;
            let sims = prep.index.similarities(&groups);
            let rel = &prep.relations;
            let row_ok = |r: usize, v: &[Option<f64>]| -> Option<bool> {
                let (total, parts) = rel[r].as_ref()?;
                let mut sum = 0.0;
                for &p in parts {
                    sum += (*v.get(p)?)?;
                }
                Some((sum - (*v.get(*total)?)?).abs() < 1e-6)
            };
            let uniform = rel.iter().all(|x| *x == rel[0]);
            let a = align(specs, &groups, &sims, &num, &row_ok, uniform);
            // Another format's variant wins only on evidence: it scores better
            // and places a row that the current format does not have.
            let own_row = std::ptr::eq(*tpl, base) || a.rows.iter().zip(&prep.unlike_base).any(|(p, &unlike)| p.is_some() && unlike);
            if own_row && best.as_ref().is_none_or(|(_, b)| a.score > b.a.score) {
                // Clean: no group left over, and every row that only this
                // format has was found under its own label.
                let g = groups.len();
                let clean = a.skipped.iter().all(|&j| groups[j].page_like)
                    && (0..tpl.rows.len())
                        .filter(|&i| prep.distinctive[i])
                        .all(|i| a.rows[i].as_ref().is_some_and(|p| !p.mismatch && sims[i * g + p.group] >= 0.5));
                best = Some((tpl, Best { a, clean }));
            }
        }
    }
    let best = best.map(|(t, b)| (t, b.a));
    let tpl = best.as_ref().map(|b| b.0).unwrap_or(candidates(id)[0]);
    let mut table = TableRead { id, template: tpl, rows: vec![RowRead::default(); tpl.rows.len()], span: region, unreadable: false };
    for (i, row) in table.rows.iter_mut().enumerate() {
        row.cells = vec![Cell::default(); tpl.rows[i].width()];
    }
    let Some((_, a)) = best.filter(|(_, a)| a.placed() * 2 >= tpl.rows.len()) else {
        table.unreadable = true;
        anomalies.push(Anomaly::Unreadable { table: id, span: region, reason: "values cannot be placed in the template's rows" });
        return table;
    };
    let mut mismatched = Vec::new();
    for (i, placed) in a.rows.iter().enumerate() {
        let Some(p) = placed else { continue };
        let g = &groups[p.group];
        let row = &mut table.rows[i];
        row.present = true;
        row.found = p.found;
        let first_of_group = i == 0 || a.rows[i - 1].as_ref().is_none_or(|q| q.group != p.group);
        if first_of_group {
            let mut label = String::with_capacity(g.context.iter().map(|&t| tx.get(t).len()).sum());
            g.context.iter().for_each(|&t| label.push_str(tx.get(t)));
            row.label = label;
            row.label_span = g.context.last().map(|&t| lx.tokens[t as usize].span);
        }
        if p.mismatch {
            row.values_span = cover(lx, &g.values);
            mismatched.push(i);
        } else {
            for (c, cell) in p.cells.iter().enumerate() {
                row.cells[c] = cell_of(lx, *cell);
            }
            let (first, last) = (p.cells.iter().find_map(|&c| c), p.cells.iter().rev().find_map(|&c| c));
            row.values_span = first.zip(last).map(|(a, b)| lx.tokens[a as usize].span.cover(lx.tokens[b as usize].span));
            if !p.shared {
                if let Some((found, span, exact)) = label_variant(
                    lx,
                    tx,
                    &prepared(tpl).cores[i],
                    g,
                    p.group.checked_sub(1).and_then(|k| groups.get(k)),
                    groups.get(p.group + 1),
                ) {
                    anomalies.push(Anomaly::RowLabel { table: id, row: i, found, span, exact });
                }
            }
        }
    }
    if wrapped {
        broken_rows(lx, text, &mut table, &a, &groups, &mismatched, anomalies);
    }
    // Some row's values lie on several lines: the text's lines do not follow
    // the table's rows (a PDF's reading order), so a row's count of values is
    // no count of its cells.
    let shattered = a.rows.iter().flatten().any(|p| multi_line(lx, &groups[p.group]));
    for &i in &mismatched {
        let p = a.rows[i].as_ref().expect("mismatched rows are placed");
        let g = &groups[p.group];
        if wrapped && multi_line(lx, g) {
            continue;
        }
        let recovered = recover(lx, tx, &mut table, i, g);
        if !recovered && (multi_line(lx, g) || shattered) {
            // A count of values spread over lines is no count of cells when a
            // number may have broken over lines: unknown, not T005.
            anomalies.push(Anomaly::Wrapped {
                table: id,
                row: i,
                span: cover(lx, &g.values).unwrap_or(region),
                shown: shown(lx, text, g),
                joinable: true,
            });
            continue;
        }
        let span = table.rows[i].values_span.unwrap_or(region);
        anomalies.push(Anomaly::CellCount { table: id, row: i, expected: tpl.rows[i].width(), found: p.found, span, recovered });
    }
    resolve_glued(&mut table, unglued, anomalies);
    missing_rows(&table, &a, region, anomalies);
    for &j in &a.skipped {
        let g = &groups[j];
        if g.page_like || g.values.len() < 2 {
            continue;
        }
        if let Some(&t) = g.context.last() {
            let tok = &lx.tokens[t as usize];
            anomalies.push(Anomaly::ExtraRow { table: id, label: tx.get(t).to_string(), span: tok.span });
        }
    }
    // The 2019 table 三 has one row "（六）其他处理". Its label itself is pointed
    // at, wherever it is: in a text read column by column the row's values
    // follow another label.
    if tpl.format == "2019" && id == TableId::T3 {
        let label = tx.ranges.iter().position(|&(a, b)| tx.buf.as_bytes()[a as usize..b as usize].ends_with("其他处理".as_bytes()));
        let span = label.map_or(region, |k| lx.tokens[tx.first as usize + k].span);
        anomalies.push(Anomaly::Signal2019 { text: "其他处理仅一行", span });
    }
    column_headers(lx, tx, &table, &a, &groups, anomalies);
    table
}

/// In a table whose numbers wrap (`rewrap`), a row whose values lie on several
/// lines cannot be trusted as read: pieces of its numbers, or of its
/// neighbours', may be among them. Its own line is taken when it holds the
/// row's cells and their relation; otherwise its cells are unknown (P001).
fn broken_rows(
    lx: &Lexed,
    text: &str,
    table: &mut TableRead,
    a: &Alignment,
    groups: &[Group],
    mismatched: &[usize],
    anomalies: &mut Vec<Anomaly>,
) {
    let tpl = table.template;
    for (i, placed) in a.rows.iter().enumerate() {
        let Some(p) = placed else { continue };
        let g = &groups[p.group];
        if p.shared || !multi_line(lx, g) {
            continue;
        }
        let line = lx.tokens[g.values[0] as usize].line;
        let own: Vec<u32> = g.values.iter().copied().take_while(|&t| lx.tokens[t as usize].line == line).collect();
        let vals: Vec<Option<f64>> = own.iter().map(|&t| number(lx, t)).collect();
        let holds = own.len() == tpl.rows[i].width() && row_relation(tpl, i, &vals) == Some(true);
        let row = &mut table.rows[i];
        if holds {
            row.cells = own.iter().map(|&t| cell_of(lx, Some(t))).collect();
            row.values_span = cover(lx, &own);
            continue;
        }
        row.cells = vec![Cell::default(); tpl.rows[i].width()];
        let joinable = mismatched.contains(&i) && g.values.len() > tpl.rows[i].width();
        anomalies.push(Anomaly::Wrapped {
            table: table.id,
            row: i,
            span: cover(lx, &g.values).unwrap_or(table.span),
            shown: shown(lx, text, g),
            joinable,
        });
    }
}

fn cell_of(lx: &Lexed, tok: Option<u32>) -> Cell {
    match tok.map(|t| &lx.tokens[t as usize]) {
        Some(t) => match t.kind {
            Kind::Number(v) => Cell { value: Some(v), span: Some(t.span), placeholder: false },
            // A glued run read as one number, or a cell of a run with no single reading.
            Kind::Glued(v) => Cell { value: v.is_finite().then_some(v), span: Some(t.span), placeholder: false },
            _ => Cell { value: None, span: Some(t.span), placeholder: true },
        },
        None => Cell::default(),
    }
}

fn cover(lx: &Lexed, toks: &[u32]) -> Option<Span> {
    let first = lx.tokens[*toks.first()? as usize].span;
    let last = lx.tokens[*toks.last()? as usize].span;
    Some(first.cover(last))
}

/// One anomaly per run of consecutive missing rows, placed where the run belongs.
fn missing_rows(table: &TableRead, a: &Alignment, region: Span, anomalies: &mut Vec<Anomaly>) {
    let n = a.rows.len();
    let mut i = 0;
    while i < n {
        if a.rows[i].is_some() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && a.rows[i].is_none() {
            i += 1;
        }
        let next = table.rows[i..].iter().find_map(|r| r.label_span.or(r.values_span));
        let prev = table.rows[..start].iter().rev().find_map(|r| r.values_span);
        let span = match (prev, next) {
            (Some(p), _) => p,
            (None, Some(nx)) => nx,
            _ => Span { start: region.start, end: region.start },
        };
        anomalies.push(Anomaly::RowsMissing { table: table.id, rows: (start..i).collect(), span });
    }
}

/// Recovers a row that carried a wrong number of values: by column position
/// under the block's header (tab-separated rows), or by the only reading that
/// satisfies the template's sums. Otherwise its cells stay None.
fn recover(lx: &Lexed, tx: &Texts, table: &mut TableRead, i: usize, g: &Group) -> bool {
    let tpl = table.template;
    let row = &tpl.rows[i];
    let vals = &g.values;
    if tpl.row_total.is_none() {
        // Column position: the value standing in the header's column.
        let line = lx.tokens[vals[0] as usize].line;
        if !vals.iter().all(|&t| lx.tokens[t as usize].line == line && lx.tokens[t as usize].tabbed) {
            return false;
        }
        let mut cells = Vec::new();
        for col in row.columns {
            let label = compact(col.label);
            let header = g
                .context
                .iter()
                .rev()
                .find(|&&t| lx.tokens[t as usize].tabbed && lx.tokens[t as usize].line != line && tx.get(t).contains(&label))
                .map(|&t| &lx.tokens[t as usize]);
            let Some(h) = header else { return false };
            let Some(&v) = vals.iter().find(|&&t| lx.tokens[t as usize].cell == h.cell) else {
                return false;
            };
            cells.push(cell_of(lx, Some(v)));
        }
        table.rows[i].cells = cells;
        return true;
    }
    let w = row.width();
    if vals.len() <= w || vals.len() - w > 2 || vals.iter().any(|&t| number(lx, t).is_none()) {
        return false;
    }
    let extra = vals.len() - w;
    let mut readings: Vec<Vec<u32>> = Vec::new();
    let drops: Vec<Vec<usize>> = if extra == 1 {
        (0..vals.len()).map(|a| vec![a]).collect()
    } else {
        (0..vals.len()).flat_map(|a| (a + 1..vals.len()).map(move |b| vec![a, b])).collect()
    };
    for drop in drops {
        let kept: Vec<u32> = vals.iter().enumerate().filter(|(k, _)| !drop.contains(k)).map(|(_, &t)| t).collect();
        let nums: Vec<Option<f64>> = kept.iter().map(|&t| number(lx, t)).collect();
        if row_relation(tpl, i, &nums) != Some(true) {
            continue;
        }
        let saved = std::mem::take(&mut table.rows[i].cells);
        table.rows[i].cells = kept.iter().map(|&t| cell_of(lx, Some(t))).collect();
        let ok = columns_hold(table, i);
        table.rows[i].cells = saved;
        if ok && !readings.iter().any(|r| r.iter().map(|&t| number(lx, t)).eq(kept.iter().map(|&t| number(lx, t)))) {
            readings.push(kept);
        }
    }
    if readings.len() == 1 {
        table.rows[i].cells = readings[0].iter().map(|&t| cell_of(lx, Some(t))).collect();
        return true;
    }
    false
}

/// Runs with several readings: the column relations (balance, outcome total)
/// choose, once the other values of the column are known; a run that keeps
/// several readings (or none) leaves its cells unknown, and says why.
fn resolve_glued(table: &mut TableRead, unglued: &Unglued, anomalies: &mut Vec<Anomaly>) {
    let row_of = |table: &TableRead, p: &Pending| {
        table.rows.iter().position(|r| r.cells.iter().zip(&p.tokens).any(|(c, _)| c.span == Some(p.run)) && r.cells.len() == p.tokens.len())
    };
    let mut open: Vec<(usize, &Pending)> = unglued.pending.iter().filter_map(|p| row_of(table, p).map(|i| (i, p))).collect();
    loop {
        let before = open.len();
        open.retain(|&(i, p)| {
            if p.more {
                return true;
            }
            let saved = table.rows[i].cells.clone();
            let mut fits = Vec::new();
            for (k, reading) in p.readings.iter().enumerate() {
                table.rows[i].cells =
                    reading.iter().map(|&(span, v)| Cell { value: Some(v), span: Some(span), placeholder: false }).collect();
                if columns_hold(table, i) {
                    fits.push(k);
                }
            }
            table.rows[i].cells = saved;
            // Decided only when every other value of the columns is known.
            let others_known = table
                .rows
                .iter()
                .enumerate()
                .all(|(r, row)| r == i || !row.present || row.cells.iter().all(|c| c.value.is_some() || c.placeholder));
            if fits.len() == 1 && (others_known || p.readings.len() == 1) {
                table.rows[i].cells =
                    p.readings[fits[0]].iter().map(|&(span, v)| Cell { value: Some(v), span: Some(span), placeholder: false }).collect();
                return false;
            }
            true
        });
        if open.len() == before {
            break;
        }
    }
    for (i, p) in open {
        let readings = if p.more { None } else { Some(p.readings.len()) };
        anomalies.push(Anomaly::Glued { table: table.id, row: Some(i), span: p.run, readings });
    }
}

/// The column relations that involve row `i` hold wherever every value is known.
fn columns_hold(table: &TableRead, i: usize) -> bool {
    let tpl = table.template;
    let rel = &prepared(tpl).columns;
    let value = |r: Option<usize>, c: usize| r.and_then(|r| table.rows[r].cells.get(c)).and_then(|x| x.value);
    for c in 0..tpl.rows[i].width() {
        if rel.in_total[i] {
            let parts: Option<f64> = rel.outcomes.iter().map(|&r| value(Some(r), c)).sum();
            if let (Some(p), Some(t)) = (parts, value(rel.total, c)) {
                if (p - t).abs() > 1e-6 {
                    return false;
                }
            }
        }
        if rel.in_balance[i] {
            if let [Some(a), Some(bb), Some(x), Some(y)] = rel.balance.map(|r| value(r, c)) {
                if (a + bb - x - y).abs() > 1e-6 {
                    return false;
                }
            }
        }
    }
    true
}

/// A row label that is recognisably the template's but worded differently
/// ("其他法律法规禁止公开" for "其他法律行政法规禁止公开", "其它" for "其他").
fn label_variant(
    lx: &Lexed,
    tx: &Texts,
    core: &Core,
    g: &Group,
    before: Option<&Group>,
    next: Option<&Group>,
) -> Option<(String, Span, bool)> {
    let (target, aliases) = (&core.chars, &core.aliases);
    // The common case: the label is written as the template has it (most
    // often at the end of its fragment, which is quicker to see).
    if g.context.iter().rev().take(3).any(|&t| tx.get(t).ends_with(core.text.as_str()) || tx.get(t).contains(core.text.as_str())) {
        return None;
    }
    // The label's text: the end of this group's context, plus the first
    // fragment after the values (PDF text wraps labels around the numbers).
    let mut window: Vec<(&str, Span)> = Vec::new();
    let mut len = 0;
    for &t in g.context.iter().rev() {
        let s = tx.get(t);
        len += s.chars().count();
        window.push((s, lx.tokens[t as usize].span));
        if len >= target.len() + 12 {
            break;
        }
    }
    window.reverse();
    // A label wrapped in a narrow column continues on the line after its
    // values, among other cells of that line ("法提供    制作").
    let after = next.and_then(|n| {
        let first = *n.context.first()?;
        let line = lx.tokens[first as usize].line;
        let text: String = n.context.iter().take_while(|&&t| lx.tokens[t as usize].line == line).map(|&t| tx.get(t)).collect();
        Some((text, lx.tokens[first as usize].span))
    });
    let joined: Vec<char> = window.iter().map(|w| w.0).chain(after.as_ref().map(|a| a.0.as_str())).flat_map(str::chars).collect();
    if is_subsequence(target, &joined) {
        return None;
    }
    // A PDF may set a wrapped label's first line beside the row above's label,
    // on that row's line ("…已获取信息1.申请人无正当理由逾期不补"): the label
    // is whole when its beginning ends the fragment before and the rest is here.
    if let Some(&t) = before.and_then(|b| b.context.last()) {
        let prev = tx.get(t);
        if (2..target.len())
            .any(|k| prev.chars().rev().take(k).eq(target[..k].iter().rev().copied()) && is_subsequence(&target[k..], &joined))
        {
            return None;
        }
    }
    // In reading order (pdftotext without -layout) a wrapped label's last
    // line may come after the cells to its left ("5.属于三类内部事务信", then
    // "三、本年度办理结果", "（三）不予公开", "息"): the label is whole when a
    // fragment before the next row's label is exactly its missing end.
    if let Some(n) = next.filter(|n| n.context.len() > 1) {
        let own: Vec<char> = window.iter().flat_map(|w| w.0.chars()).collect();
        let tails = &n.context[..n.context.len() - 1];
        if (target.len() / 2..target.len())
            .any(|k| own.ends_with(&target[..k]) && tails.iter().any(|&t| tx.get(t).chars().eq(target[k..].iter().copied())))
        {
            return None;
        }
    }
    // Which fragment is the label: the one sharing most with the template's.
    let (k, (text, span, ratio, core)) = window
        .iter()
        .map(|&(s, sp)| {
            let core: Vec<char> = core_label(s).chars().collect();
            (s, sp, lcs(target, &core) as f32 / target.len().max(core.len()).max(1) as f32, core)
        })
        .enumerate()
        .max_by(|a, b| a.1 .2.total_cmp(&b.1 .2))?;
    if aliases.contains(&core) {
        return Some((text.to_string(), span, true));
    }
    // A label wrapped over lines ("2.其他法律法规禁止公", then "开"): when the
    // fragment after it ends the template's label, it is the label's rest,
    // which a fix replacing the first part would leave behind: none is offered.
    let next = window.get(k + 1).map(|w| w.0).or(after.as_ref().map(|a| a.0.as_str()));
    let wrapped = next.is_some_and(|r| !r.is_empty() && target.ends_with(&r.chars().collect::<Vec<_>>()));
    let threshold = if target.len() <= 4 { 0.5 } else { 0.6 };
    (ratio >= threshold && ratio < 1.0).then(|| (text.to_string(), span, !wrapped))
}

fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|c| it.any(|h| h == c))
}

fn lcs(a: &[char], b: &[char]) -> usize {
    // Two rows of the table, reused (cur[0] stays 0, the rest is rewritten).
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Table 二's column headers: a block headed by another block's column, or by
/// a 2019 column, where the template's header is absent.
fn column_headers(lx: &Lexed, tx: &Texts, table: &TableRead, a: &Alignment, groups: &[Group], anomalies: &mut Vec<Anomaly>) {
    if table.id != TableId::T2 || table.template.format != "2021" {
        return;
    }
    let tpl = table.template;
    let Headers { labels, rows } = &prepared(tpl).headers;
    let mut seen_blocks: Vec<usize> = Vec::new();
    let mut joined = String::new();
    for (i, heads) in rows.iter().enumerate() {
        if seen_blocks.contains(&heads.block) {
            continue;
        }
        let Some(p) = &a.rows[i] else { continue };
        seen_blocks.push(heads.block);
        let context = &groups[p.group].context;
        joined.clear();
        context.iter().for_each(|&t| joined.push_str(tx.get(t)));
        for (c, &want) in heads.columns.iter().enumerate() {
            if joined.contains(labels[want].as_str()) {
                continue;
            }
            // The longest other header present (the last of equals).
            let Some(f) = heads.others.iter().map(|&l| &labels[l]).filter(|l| joined.contains(l.as_str())).max_by_key(|l| l.len()) else {
                continue;
            };
            // The header's cell; a fix only where the cell holds the header alone
            // (not "信息内容 本年处理决定数量", nor a header wrapped over two cells).
            let cell = context.iter().find(|&&t| tx.get(t).contains(f.as_str()));
            let (span, exact) = cell.map(|&t| (lx.tokens[t as usize].span, tx.get(t) == f)).unwrap_or((table.span, false));
            anomalies.push(Anomaly::ColumnHeader { table: table.id, row: i, column: c, found: f.clone(), span, exact });
        }
    }
}

/// Wording that only the 2019 format prints, anywhere in table 二's region.
fn signals_2019(doc: &crate::compact::Compact, region: Span, anomalies: &mut Vec<Anomaly>) {
    // The signals compacted once; one pass over the region looks for all of them.
    static SIGNALS: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    let signals = SIGNALS.get_or_init(|| {
        let compacted: Vec<String> = SIGNALS_2019.iter().map(|s| compact(crate::template::signal_stem(s))).collect();
        Phrases::new(compacted.iter().map(String::as_str))
    });
    let c = doc.view(region);
    let mut first: Vec<Option<usize>> = vec![None; SIGNALS_2019.len()];
    signals.scan(&c.chars, 0, c.len(), |k, i| {
        first[k].get_or_insert(i);
    });
    for (k, s) in SIGNALS_2019.iter().enumerate() {
        if let Some(at) = first[k] {
            // The whole wording where it is whole (its 量 not wrapped away).
            let mut end = at + signals.len(k);
            if s.ends_with('量') && c.chars.get(end) == Some(&'量') {
                end += 1;
            }
            anomalies.push(Anomaly::Signal2019 { text: s, span: c.span(at, end) });
        }
    }
}

/// Table 四's values in text order break its sums, but the same values taken
/// as three interleaved runs (as a PDF's text order can give them: the first
/// four results of two groups, then a total…) satisfy every sum: the order is
/// not the table's, and which run is which group cannot be told.
fn interleaved(v: &[Option<f64>]) -> bool {
    let Some(v) = v.iter().copied().collect::<Option<Vec<f64>>>() else { return false };
    let holds = |g: &[usize]| (g[..4].iter().map(|&i| v[i]).sum::<f64>() - v[g[4]]).abs() < 1e-6;
    let in_order = (0..3).all(|k| holds(&(k * 5..k * 5 + 5).collect::<Vec<_>>()));
    if in_order || v.len() != 15 {
        return false;
    }
    // Each run starts at the first value no run has taken yet.
    fn search(used: &mut [bool; 15], runs: usize, holds: &dyn Fn(&[usize]) -> bool) -> bool {
        let Some(first) = (0..15).find(|&i| !used[i]) else { return runs == 3 };
        let free: Vec<usize> = (first + 1..15).filter(|&i| !used[i]).collect();
        let n = free.len();
        if n < 4 {
            return false;
        }
        // Choose the four later members of the run (C(14,4) at most).
        let mut idx = [0usize, 1, 2, 3];
        loop {
            let run = [first, free[idx[0]], free[idx[1]], free[idx[2]], free[idx[3]]];
            if holds(&run) {
                run.iter().for_each(|&i| used[i] = true);
                let found = search(used, runs + 1, holds);
                run.iter().for_each(|&i| used[i] = false);
                if found {
                    return true;
                }
            }
            // Next combination of 4 out of n.
            let mut k = 4;
            while k > 0 && idx[k - 1] == n - 4 + k - 1 {
                k -= 1;
            }
            if k == 0 {
                return false;
            }
            idx[k - 1] += 1;
            for j in k..4 {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }
    search(&mut [false; 15], 0, &holds)
}

/// Table 四 prints its fifteen values in one row under a two-level header; its
/// reading order survives every layout, so fifteen values are read in order.
fn read_t4(
    lx: &Lexed,
    text: &str,
    doc: &crate::compact::Compact,
    toks: &[u32],
    unglued: &Unglued,
    region: Span,
    anomalies: &mut Vec<Anomaly>,
) -> TableRead {
    let tpl = &crate::template::T4;
    let mut word = String::new();
    let start = toks.iter().position(|&t| {
        let tok = &lx.tokens[t as usize];
        !tok.is_value() && {
            word.clear();
            token_text(doc, tok, &mut word);
            word.contains("行政复议")
        }
    });
    let after = &toks[start.unwrap_or(0)..];
    let values: Vec<u32> = after
        .iter()
        .copied()
        .filter(|&t| lx.tokens[t as usize].is_value())
        .flat_map(|t| match unglued.replaced.iter().find(|(g, _)| *g == t) {
            Some((_, cells)) => cells.clone(),
            None => vec![t],
        })
        .collect();
    if values.len() == tpl.cells() {
        let nums: Vec<Option<f64>> = values.iter().map(|&t| number(lx, t)).collect();
        if interleaved(&nums) {
            anomalies.push(Anomaly::Unreadable { table: TableId::T4, span: region, reason: "values out of the table's order" });
            let rows = tpl
                .rows
                .iter()
                .map(|r| RowRead {
                    present: true,
                    cells: vec![Cell::default(); r.width()],
                    label: compact(r.label),
                    found: r.width(),
                    ..RowRead::default()
                })
                .collect();
            return TableRead { id: TableId::T4, template: tpl, rows, span: region, unreadable: true };
        }
        for p in &unglued.pending {
            let readings = if p.more { None } else { Some(p.readings.len()) };
            anomalies.push(Anomaly::Glued { table: TableId::T4, row: None, span: p.run, readings });
        }
        let mut rows = Vec::new();
        for (i, r) in tpl.rows.iter().enumerate() {
            let toks = &values[i * r.width()..(i + 1) * r.width()];
            rows.push(RowRead {
                present: true,
                cells: toks.iter().map(|&t| cell_of(lx, Some(t))).collect(),
                label: compact(r.label),
                label_span: None,
                values_span: cover(lx, toks),
                found: r.width(),
            });
        }
        return TableRead { id: TableId::T4, template: tpl, rows, span: region, unreadable: false };
    }
    let tx = Texts::new(lx, doc, toks);
    let mut groups = build_groups(lx, Some(&tx), toks);
    for g in &mut groups {
        if let Some((_, cells)) = unglued.replaced.iter().find(|(t, _)| g.values == [*t]) {
            g.values = cells.clone();
        }
    }
    read_aligned(lx, text, &tx, TableId::T4, groups, unglued, false, region, anomalies)
}

#[cfg(test)]
mod tests {
    use super::interleaved;

    fn some(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    #[test]
    fn table_four_out_of_order() {
        // pdftotext's order for one real report: 4 results of 复议, 4 of 复议后起诉, …
        let v = [72.0, 64.0, 178.0, 37.0, 12.0, 1.0, 1.0, 6.0, 351.0, 13.0, 4.0, 8.0, 1.0, 26.0, 20.0];
        assert!(interleaved(&some(&v)));
        // In order and right: nothing to doubt.
        let ok = [72.0, 64.0, 178.0, 37.0, 351.0, 13.0, 4.0, 8.0, 1.0, 26.0, 12.0, 1.0, 1.0, 6.0, 20.0];
        assert!(!interleaved(&some(&ok)));
        // A report whose totals are wrong, with no other reading: its errors stand.
        let wrong = [10.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0, 0.0, 0.0, 0.0, 0.0];
        assert!(!interleaved(&some(&wrong)));
    }
}
