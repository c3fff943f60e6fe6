//! Aligning the template's row sequence with the value groups seen in the text.
//!
//! A group is a run of values with the text that came before it. Rows come in
//! the template's fixed order, so a small dynamic programme decides which group
//! fills which rows: label similarity says where a row is, skipped rows and
//! unplaced groups cost, and the table's own sums break ties between readings
//! (a group of 9 × 7 values read column by column, as pdftotext's reading order
//! prints it, only when that reading is the one whose row totals add up).

/// A run of values and the text before it.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Token indices of the values.
    pub values: Vec<u32>,
    /// Token indices of the text fragments between the previous group and this one.
    pub context: Vec<u32>,
    /// Sorted character bigrams of the end of the context.
    pub bigrams: Vec<u64>,
    /// A lone number with no label: a page number or a stray figure.
    pub page_like: bool,
    /// Its values are numbers joined back from pieces a narrow column broke
    /// over lines (`tables::rewrap`): read, whatever lines they span.
    pub joined: bool,
}

/// What the aligner needs to know about a template row.
pub struct RowSpec {
    pub width: usize,
    /// Weighted bigrams of each accepted wording of the label.
    pub labels: Vec<Vec<(u64, f32)>>,
}

/// Where a row's values were found.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub group: usize,
    /// Token index of each cell's value; None when it cannot be placed.
    pub cells: Vec<Option<u32>>,
    /// How many values the group gave this row.
    pub found: usize,
    /// The group carried a wrong number of values for this row.
    pub mismatch: bool,
    /// The group filled several rows at once.
    pub shared: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Alignment {
    pub score: f32,
    pub rows: Vec<Option<Placed>>,
    pub skipped: Vec<usize>,
}

impl Alignment {
    pub fn placed(&self) -> usize {
        self.rows.iter().filter(|r| r.is_some()).count()
    }
}

/// A value token's number (None for a placeholder).
pub type NumberOf<'a> = &'a dyn Fn(u32) -> Option<f64>;
/// A row's own relation over its values (None when it has none or a value is missing).
pub type RowCheck<'a> = &'a dyn Fn(usize, &[Option<f64>]) -> Option<bool>;

const SKIP_ROW: f32 = 1.0;
const SKIP_GROUP: f32 = 0.6;
const SKIP_PAGE: f32 = 0.05;
const MISMATCH: f32 = 0.9;
const RELATION: f32 = 0.25;
const COLUMN_MAJOR: f32 = 0.3;
/// Below this label similarity a wrong-sized group is not taken for a row.
const MISMATCH_MIN_SIM: f32 = 0.5;

fn label_score(sim: f32) -> f32 {
    1.5 * sim - 0.35
}

/// Every row's label bigrams, indexed by bigram: one pass over a group's
/// bigrams then scores all rows at once.
pub struct LabelIndex {
    /// (bigram, slot, weight), sorted by bigram; a slot is one label variant
    /// of one row, its place in `totals` and `rows`.
    entries: Vec<(u64, u16, f32)>,
    /// Open addressing over the distinct bigrams of `entries`: (bigram, first
    /// entry, number of entries), a count of 0 marking an empty place. A
    /// group's bigram costs one hash, not a binary search of `entries`.
    table: Vec<(u64, u32, u32)>,
    /// Places in `table` are the top bits of the bigram's hash.
    shift: u32,
    /// Total weight of each slot, rows one after another.
    totals: Vec<f32>,
    /// The row of each slot.
    rows: Vec<u16>,
    row_count: usize,
}

impl LabelIndex {
    pub fn new(rows: &[RowSpec]) -> LabelIndex {
        let mut entries = Vec::new();
        let mut totals = Vec::new();
        let mut slot_rows = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for label in &row.labels {
                let slot = totals.len() as u16;
                entries.extend(label.iter().map(|&(b, w)| (b, slot, w)));
                totals.push(label.iter().map(|(_, w)| w).sum());
                slot_rows.push(r as u16);
            }
        }
        // Sorted by bigram, stably (the slots of one bigram in row order):
        // as keys of the bigram's two chars (21 bits each) and the entry's
        // index, sorted as plain u64s, which keeps the bundle free of another
        // sort instantiation.
        debug_assert!(entries.len() < 1 << 21);
        let mut keys: Vec<u64> =
            entries.iter().enumerate().map(|(n, e)| ((e.0 >> 32) << 42) | ((e.0 & 0x1F_FFFF) << 21) | n as u64).collect();
        keys.sort_unstable();
        let entries: Vec<(u64, u16, f32)> = keys.iter().map(|&k| entries[(k & 0x1F_FFFF) as usize]).collect();
        let distinct = entries.windows(2).filter(|p| p[0].0 != p[1].0).count() + 1;
        let size = (2 * distinct).next_power_of_two().max(2);
        let shift = 64 - size.trailing_zeros();
        let mut table = vec![(0u64, 0u32, 0u32); size];
        let mut at = 0;
        while at < entries.len() {
            let b = entries[at].0;
            let n = entries[at..].iter().take_while(|e| e.0 == b).count();
            let mut k = place(b, shift);
            while table[k].2 != 0 {
                k = (k + 1) & (size - 1);
            }
            table[k] = (b, at as u32, n as u32);
            at += n;
        }
        LabelIndex { entries, table, shift, totals, rows: slot_rows, row_count: rows.len() }
    }

    /// The entries of bigram `b` (empty when no label has it).
    fn lookup(&self, b: u64) -> &[(u64, u16, f32)] {
        let mask = self.table.len() - 1;
        let mut k = place(b, self.shift);
        loop {
            let (key, first, n) = self.table[k];
            if n == 0 {
                return &[];
            }
            if key == b {
                return &self.entries[first as usize..(first + n) as usize];
            }
            k = (k + 1) & mask;
        }
    }

    /// The similarity of every (row, group) pair, row-major: sims[row * groups + group].
    ///
    /// A row's similarity is the best of its variants' shares, 0 when no
    /// bigram of any of them occurs: only the slots a group's bigrams reach
    /// are looked at (weights are positive, so a share is never below 0, and
    /// the best of shares does not depend on the order they are taken in).
    pub fn similarities(&self, groups: &[Group]) -> Vec<f32> {
        let g = groups.len();
        let mut sims = vec![0f32; self.row_count * g];
        let mut acc = vec![0f32; self.totals.len()];
        let mut reached: Vec<u16> = Vec::with_capacity(self.totals.len());
        for (j, grp) in groups.iter().enumerate() {
            // A label's bigrams are distinct, so each slot gains at most once
            // per bigram: its sum adds in the group's bigram order.
            for &b in &grp.bigrams {
                for e in self.lookup(b) {
                    if acc[e.1 as usize] == 0.0 {
                        reached.push(e.1);
                    }
                    acc[e.1 as usize] += e.2;
                }
            }
            for &slot in &reached {
                let (x, tot) = (acc[slot as usize], self.totals[slot as usize]);
                let share = if tot > 0.0 { x / tot } else { 0.0 };
                let s = &mut sims[self.rows[slot as usize] as usize * g + j];
                *s = s.max(share);
                acc[slot as usize] = 0.0;
            }
            reached.clear();
        }
        sims
    }
}

/// Where bigram `b` goes in a table of `64 - shift` bits (Fibonacci hashing).
fn place(b: u64, shift: u32) -> usize {
    (b.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// Similarity of a group's context with a row's label: the weighted share of
/// the label's bigrams that occur in the context (rare bigrams weigh more).
#[cfg(test)]
pub fn similarity(group: &Group, row: &RowSpec) -> f32 {
    row.labels
        .iter()
        .map(|label| {
            let total: f32 = label.iter().map(|(_, w)| w).sum();
            if total == 0.0 {
                return 0.0;
            }
            let hit: f32 = label.iter().filter(|(b, _)| group.bigrams.binary_search(b).is_ok()).map(|(_, w)| w).sum();
            hit / total
        })
        .fold(0.0, f32::max)
}

#[derive(Clone, Copy, PartialEq)]
enum Move {
    Start,
    SkipRow,
    SkipGroup,
    Place { rows: u16, mismatch: bool },
}

/// Aligns `rows` with `groups`. `number` gives a value token's number (None for
/// a placeholder); `row_ok` checks a row's own relation (None when it has none
/// or a cell is missing).
///
/// `uniform`: every row has the same relation, so reading k rows from a group
/// scores the same wherever in the table they start (computed once per group).
// Out of line: inlined into its one caller, its cell loop measured slower.
#[inline(never)]
pub fn align(rows: &[RowSpec], groups: &[Group], sims: &[f32], number: NumberOf, row_ok: RowCheck, uniform: bool) -> Alignment {
    let r = rows.len();
    let g = groups.len();
    let w = g + 1;
    // Each group's numbers and the cost of leaving it out, computed once, not
    // in every cell of the table below.
    let mut starts = Vec::with_capacity(g + 1);
    let mut nums = Vec::with_capacity(groups.iter().map(|grp| grp.values.len()).sum());
    for grp in groups {
        starts.push(nums.len());
        nums.extend(grp.values.iter().map(|&t| number(t)));
    }
    starts.push(nums.len());
    let nums_of = |j: usize| &nums[starts[j]..starts[j + 1]];
    let skip_cost: Vec<f32> =
        groups.iter().map(|grp| if grp.page_like { SKIP_PAGE } else { (SKIP_GROUP + 0.05 * grp.values.len() as f32).min(1.5) }).collect();
    // The cells before each row, and which row starts after c cells
    // (NO_ROW when c falls inside a row): the rows a group of `size` values
    // fills from row i exactly end where `before[i] + size` cells do.
    let mut before = Vec::with_capacity(r + 1);
    let mut cells = 0;
    for x in rows {
        before.push(cells);
        cells += x.width;
    }
    before.push(cells);
    let mut row_after = vec![NO_ROW; cells + 1];
    for (m, &c) in before.iter().enumerate() {
        row_after[c] = m as u16;
    }
    // How many rows from row i have row i's width.
    let mut alike = vec![1usize; r];
    for i in (0..r.saturating_sub(1)).rev() {
        if rows[i + 1].width == rows[i].width {
            alike[i] = alike[i + 1] + 1;
        }
    }
    // Multi-row readings (rows, score, segments), by group, when they do not
    // depend on the start row.
    let mut multi: Vec<Option<Reading>> = vec![None; if uniform { g } else { 0 }];
    let mut single: Vec<Option<f32>> = vec![None; if uniform { g } else { 0 }];
    // The best score of each cell (i rows and j groups read) and the move
    // that reached it.
    let mut best = vec![(f32::NEG_INFINITY, Move::Start); (r + 1) * w];
    best[0].0 = 0.0;
    debug_assert_eq!(sims.len(), r * g);
    let sizes: Vec<usize> = groups.iter().map(|grp| grp.values.len()).collect();
    // Cells in order, each move from (i, j) relaxing a later cell: (i, j)
    // is `row[j]`, and k rows down is `below[(k - 1) * w + j]`. A row is
    // taken apart from the rows below it (into which its moves reach) once,
    // not every cell indexed in the whole table: the cells are the
    // aligner's inner loop, and checking those indices was a sixth of it.
    for i in 0..=r {
        let row_sims = &sims[(i * g).min(sims.len())..((i + 1) * g).min(sims.len())];
        let (row, below) = best[i * w..].split_at_mut(w);
        let relax = |cell: &mut (f32, Move), s: f32, m: Move| {
            if s > cell.0 {
                *cell = (s, m);
            }
        };
        for j in 0..=g {
            let here = row[j].0;
            if here == f32::NEG_INFINITY {
                continue;
            }
            if i < r {
                relax(&mut below[j], here - SKIP_ROW, Move::SkipRow);
            }
            if j < g {
                relax(&mut row[j + 1], here - skip_cost[j], Move::SkipGroup);
            }
            if i < r && j < g {
                let size = sizes[j];
                let sim = row_sims[j];
                // (A group has values: size > 0, and k > 0 when it fits.)
                let k = match row_after.get(before[i] + size) {
                    Some(&m) if m != NO_ROW => m as usize - i,
                    _ => 0,
                };
                if k > 0 {
                    let same_widths = k <= alike[i];
                    let cells_score = if k == 1 && uniform {
                        *single[j].get_or_insert_with(|| single_row_score(i, nums_of(j), row_ok))
                    } else if k == 1 {
                        single_row_score(i, nums_of(j), row_ok)
                    } else if uniform && same_widths {
                        multi[j]
                            .get_or_insert_with(|| {
                                let (score, segments) = read_rows(rows, i, k, nums_of(j), row_ok);
                                (k, score, segments)
                            })
                            .1
                    } else {
                        read_rows(rows, i, k, nums_of(j), row_ok).0
                    };
                    let label = if k == 1 { label_score(sim) } else { 0.5 * label_score(sim) };
                    relax(&mut below[(k - 1) * w + j + 1], here + label + cells_score, Move::Place { rows: k as u16, mismatch: false });
                }
                if size != rows[i].width && sim >= MISMATCH_MIN_SIM {
                    relax(&mut below[j + 1], here + label_score(sim) - MISMATCH, Move::Place { rows: 1, mismatch: true });
                }
            }
        }
    }

    // Leftover groups after the last row were skipped by SkipGroup moves.
    let mut out = Alignment { score: best[r * w + g].0, rows: vec![None; r], skipped: Vec::new() };
    let (mut i, mut j) = (r, g);
    while i > 0 || j > 0 {
        match best[i * w + j].1 {
            Move::Start => break,
            Move::SkipRow => i -= 1,
            Move::SkipGroup => {
                j -= 1;
                out.skipped.push(j);
            }
            Move::Place { rows: k, mismatch } => {
                let k = k as usize;
                i -= k;
                j -= 1;
                let grp = &groups[j];
                if mismatch {
                    out.rows[i] =
                        Some(Placed { group: j, cells: vec![None; rows[i].width], found: grp.values.len(), mismatch: true, shared: false });
                } else if k == 1 {
                    // One row: the group's values in order.
                    let cells: Vec<Option<u32>> = grp.values.iter().map(|&t| Some(t)).collect();
                    out.rows[i] = Some(Placed { group: j, found: cells.len(), cells, mismatch: false, shared: false });
                } else {
                    // The reading the table above kept for this group holds
                    // for any start row with as many rows of one width (the
                    // group's size then fixes the width).
                    let same_widths = rows[i..i + k].iter().all(|x| x.width == rows[i].width);
                    let segments = match multi.get(j) {
                        Some(Some((rows_read, _, segments))) if uniform && same_widths && *rows_read == k => segments.clone(),
                        _ => read_rows(rows, i, k, nums_of(j), row_ok).1,
                    };
                    for (n, c) in cells_of(rows, i, &grp.values, &segments).into_iter().enumerate() {
                        out.rows[i + n] = Some(Placed { group: j, found: c.len(), cells: c, mismatch: false, shared: true });
                    }
                }
            }
        }
    }
    // Backtracking collected them from the end.
    out.skipped.reverse();
    out
}

/// How `read_rows` read k rows from a group: k, the score, the segments.
type Reading = (usize, f32, Vec<(usize, usize)>);

/// No row starts after this many cells (in `align`).
const NO_ROW: u16 = u16::MAX;

/// The most cells a row's relation is checked over.
const MAX_CHECKED: usize = 16;

/// The relation score of one row read from `nums`.
fn relation_score(row: usize, nums: &[Option<f64>], row_ok: RowCheck) -> f32 {
    if nums.len() > MAX_CHECKED {
        return 0.0;
    }
    match row_ok(row, nums) {
        Some(true) => RELATION,
        Some(false) => -RELATION,
        None => 0.0,
    }
}

/// The relation score of one row read straight from a group's numbers.
fn single_row_score(row: usize, nums: &[Option<f64>], row_ok: RowCheck) -> f32 {
    relation_score(row, nums, row_ok)
}

/// Reads `k` rows from one group (`nums`: its numbers) whose size equals
/// their widths. Uniform rows may be split into segments read row by row or
/// column by column; the segmentation whose row relations hold best wins.
/// Returns the score and the segments, (first row, rows) relative to `first`.
fn read_rows(rows: &[RowSpec], first: usize, k: usize, nums: &[Option<f64>], row_ok: RowCheck) -> (f32, Vec<(usize, usize)>) {
    let wd = rows[first].width;
    let uniform = rows[first..first + k].iter().all(|x| x.width == wd);
    if k == 1 || !uniform {
        let mut at = 0;
        let mut score = 0.0;
        for n in 0..k {
            let wd = rows[first + n].width;
            score += relation_score(first + n, &nums[at..at + wd], row_ok);
            at += wd;
        }
        return (score, (0..k).map(|n| (n, 1)).collect());
    }
    let segment_score = |o: usize, m: usize| -> f32 {
        let base = o * wd;
        let mut s = if m > 1 { -COLUMN_MAJOR } else { 0.0 };
        let mut c = [None; MAX_CHECKED];
        if wd > c.len() {
            return s;
        }
        for r in 0..m {
            for (col, slot) in c.iter_mut().enumerate().take(wd) {
                *slot = nums[base + col * m + r];
            }
            s += relation_score(first + o + r, &c[..wd], row_ok);
        }
        s
    };
    let mut best = vec![(f32::NEG_INFINITY, 0usize); k + 1];
    best[0] = (0.0, 0);
    for o in 0..k {
        if best[o].0 == f32::NEG_INFINITY {
            continue;
        }
        for m in 1..=k - o {
            let total = best[o].0 + segment_score(o, m);
            if total > best[o + m].0 {
                best[o + m] = (total, m);
            }
        }
    }
    let mut segs = Vec::new();
    let mut o = k;
    while o > 0 {
        let m = best[o].1;
        segs.push((o - m, m));
        o -= m;
    }
    segs.reverse();
    (best[k].0, segs)
}

/// The cells of rows `first..` read from a group's values in `segments`
/// (from `read_rows`): a segment of m rows is read column by column.
fn cells_of(rows: &[RowSpec], first: usize, values: &[u32], segments: &[(usize, usize)]) -> Vec<Vec<Option<u32>>> {
    let mut cells = Vec::new();
    let mut at = 0;
    for &(o, m) in segments {
        let wd = rows[first + o].width;
        for r in 0..m {
            cells.push((0..wd).map(|c| Some(values[at + c * m + r])).collect());
        }
        at += wd * m;
    }
    cells
}

/// Sorted, deduplicated bigrams of a string's chars.
pub fn bigrams(chars: &[char]) -> Vec<u64> {
    let mut v: Vec<u64> = chars.windows(2).map(|p| ((p[0] as u64) << 32) | p[1] as u64).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Bigram weights for each row's labels: a bigram shared by many rows of the
/// table ("申请", "属于") says little about which row it is.
pub fn label_weights(labels: &[Vec<String>]) -> Vec<Vec<Vec<(u64, f32)>>> {
    let sets: Vec<Vec<Vec<u64>>> = labels.iter().map(|ls| ls.iter().map(|l| bigrams(&l.chars().collect::<Vec<_>>())).collect()).collect();
    // Document frequency of each bigram over the rows, as a sorted list.
    let mut all: Vec<u64> = Vec::new();
    for row in &sets {
        let mut seen: Vec<u64> = row.iter().flatten().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        all.extend(seen);
    }
    all.sort_unstable();
    let df = |b: u64| (all.partition_point(|&x| x <= b) - all.partition_point(|&x| x < b)) as f32;
    sets.into_iter().map(|row| row.into_iter().map(|bs| bs.into_iter().map(|b| (b, 1.0 / df(b))).collect()).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(vals: std::ops::Range<u32>, label: &str) -> Group {
        Group {
            values: vals.collect(),
            context: vec![],
            bigrams: bigrams(&label.chars().collect::<Vec<_>>()),
            page_like: false,
            joined: false,
        }
    }

    #[test]
    fn skips_a_missing_row_by_label() {
        let labels: Vec<Vec<String>> = ["规章", "行政规范性文件", "行政许可", "行政处罚"].iter().map(|s| vec![s.to_string()]).collect();
        let weights = label_weights(&labels);
        let rows: Vec<RowSpec> = weights.into_iter().map(|l| RowSpec { width: 1, labels: l }).collect();
        let groups = vec![group(0..1, "规章"), group(1..2, "行政许可"), group(2..3, "行政处罚")];
        let sims = LabelIndex::new(&rows).similarities(&groups);
        assert_eq!(sims[2 * 3 + 1], similarity(&groups[1], &rows[2]));
        let a = align(&rows, &groups, &sims, &|t| Some(t as f64), &|_, _| None, true);
        assert_eq!(a.rows[0].as_ref().unwrap().group, 0);
        assert!(a.rows[1].is_none());
        assert_eq!(a.rows[2].as_ref().unwrap().group, 1);
        assert_eq!(a.rows[3].as_ref().unwrap().group, 2);
    }

    #[test]
    fn reads_column_major_when_sums_say_so() {
        // Two rows of (a, b, total) printed column by column: 1 2 | 3 4 | 4 6.
        let rows: Vec<RowSpec> = (0..2).map(|_| RowSpec { width: 3, labels: vec![] }).collect();
        let vals = [1.0, 2.0, 3.0, 4.0, 4.0, 6.0];
        let groups = vec![group(0..6, "")];
        let check = |_: usize, v: &[Option<f64>]| match v {
            [Some(a), Some(b), Some(t)] => Some(a + b == *t),
            _ => None,
        };
        let a = align(&rows, &groups, &[0.0, 0.0], &|t| Some(vals[t as usize]), &check, true);
        assert_eq!(a.rows[0].as_ref().unwrap().cells, vec![Some(0), Some(2), Some(4)]);
        assert_eq!(a.rows[1].as_ref().unwrap().cells, vec![Some(1), Some(3), Some(5)]);
    }
}
