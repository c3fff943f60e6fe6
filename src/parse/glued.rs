//! Cells run together: "81010010" where the template expects seven cells.
//!
//! Text flattened by a scraper loses the separators between table cells. The
//! digits of a row are still in order, so a run can be cut back into cells;
//! a cut is trusted only when it is the one cut that satisfies the template's
//! relations (a row's total is the sum of its parts). Numbers are written
//! without leading zeros, which rules out most cuts ("010" is not a cell).

/// How many cut positions the search may try for one table before it gives up
/// (a run of hundreds of digits, or thousands of runs, are not worth reading).
pub const BUDGET: usize = 400_000;
/// The longest count one cell holds.
const MAX_DIGITS: usize = 9;

/// Where a cell may end, for runs whose pieces are known (numbers wrapped
/// over lines, see `tables::rewrap`): one entry per digit position 0..=len.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cut {
    /// Inside a piece: no cell ends here.
    Never,
    /// Between pieces on two lines: a cell may end here or go on.
    May,
    /// Between pieces on one line (a space between them): a cell ends here.
    Must,
}

/// The readings of a run, as char ranges of each cell.
pub struct Readings {
    pub cuts: Vec<Vec<(usize, usize)>>,
    /// More readings exist than were kept, or the search ran out of budget.
    pub more: bool,
}

/// Every way to cut `digits` (ASCII digits, one char each) into consecutive
/// rows of `widths` cells, each a number without leading zeros; with
/// `total_last`, each row's last cell must equal the sum of the others.
/// At most `cap` readings are kept; the search spends from `budget`, shared
/// by all the runs of a table.
pub fn readings(digits: &[u8], widths: &[usize], total_last: bool, cap: usize, budget: &mut usize) -> Readings {
    readings_at(digits, None, widths, total_last, cap, budget)
}

/// `readings`, with cells ending only where `cuts` allows (one entry per
/// position 0..=digits.len()).
pub fn readings_at(digits: &[u8], cuts: Option<&[Cut]>, widths: &[usize], total_last: bool, cap: usize, budget: &mut usize) -> Readings {
    let mut out = Readings { cuts: Vec::new(), more: false };
    if cuts.is_some_and(|c| c.len() != digits.len() + 1) {
        return out;
    }
    let total: usize = widths.iter().sum();
    if total == 0 || digits.len() < total || digits.len() > total * MAX_DIGITS || !digits.iter().all(u8::is_ascii_digit) {
        return out;
    }
    let mut cur: Vec<(usize, usize)> = Vec::with_capacity(total);
    search(&Run { d: digits, cuts, total_last }, widths, 0, 0, &mut cur, &mut out, cap, budget);
    if *budget == 0 {
        out.more = true;
    }
    out
}

struct Run<'a> {
    d: &'a [u8],
    cuts: Option<&'a [Cut]>,
    total_last: bool,
}

impl Run<'_> {
    /// A cell may span at..end: it ends where a cut is allowed and crosses no required cut.
    fn cell_ok(&self, at: usize, end: usize) -> bool {
        match self.cuts {
            None => true,
            Some(c) => c[end] != Cut::Never && !c[at + 1..end].contains(&Cut::Must),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn search(
    run: &Run,
    widths: &[usize],
    at: usize,
    cell_in_row: usize,
    cur: &mut Vec<(usize, usize)>,
    out: &mut Readings,
    cap: usize,
    budget: &mut usize,
) {
    if *budget == 0 || out.more {
        return;
    }
    *budget -= 1;
    let (d, total_last) = (run.d, run.total_last);
    let Some(&w) = widths.first() else {
        if at == d.len() {
            if out.cuts.len() >= cap {
                out.more = true;
            } else {
                out.cuts.push(cur.clone());
            }
        }
        return;
    };
    let cells_left: usize = widths.iter().sum::<usize>() - cell_in_row;
    let left = d.len() - at;
    if left < cells_left || left > cells_left * MAX_DIGITS {
        return;
    }
    let row_start = cur.len() - cell_in_row;
    if total_last && cell_in_row == w - 1 && w > 1 {
        // The total is not searched: it must read as the sum of the parts.
        let sum: u64 = cur[row_start..].iter().map(|&(a, b)| value(&d[a..b])).sum();
        let s = sum.to_string();
        let end = at + s.len();
        if end <= d.len() && d[at..end] == *s.as_bytes() && run.cell_ok(at, end) {
            cur.push((at, end));
            search(run, &widths[1..], end, 0, cur, out, cap, budget);
            cur.pop();
        }
        return;
    }
    let max_len = if d[at] == b'0' { 1 } else { MAX_DIGITS.min(left) };
    for len in 1..=max_len {
        if run.cuts.is_some_and(|c| c[at + 1..at + len].contains(&Cut::Must)) {
            break;
        }
        if !run.cell_ok(at, at + len) {
            continue;
        }
        cur.push((at, at + len));
        if cell_in_row + 1 == w {
            search(run, &widths[1..], at + len, 0, cur, out, cap, budget);
        } else {
            search(run, widths, at + len, cell_in_row + 1, cur, out, cap, budget);
        }
        cur.pop();
        if out.more {
            return;
        }
    }
}

fn value(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |v, b| v * 10 + (b - b'0') as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(d: &str, widths: &[usize], total_last: bool) -> (Vec<Vec<u64>>, bool) {
        let r = readings(d.as_bytes(), widths, total_last, 8, &mut BUDGET.clone());
        (r.cuts.iter().map(|c| c.iter().map(|&(a, b)| value(&d.as_bytes()[a..b])).collect()).collect(), r.more)
    }

    #[test]
    fn one_reading_satisfies_the_row_total() {
        assert_eq!(read("81010010", &[7], true).0, vec![vec![8, 1, 0, 1, 0, 0, 10]]);
        assert_eq!(read("0000000", &[7], true).0, vec![vec![0; 7]]);
        assert_eq!(read("30015300065311 9", &[7], true).0.len(), 0);
        assert_eq!(read("300153000653119", &[7], true).0, vec![vec![3001, 53, 0, 0, 0, 65, 3119]]);
    }

    #[test]
    fn without_a_relation_a_run_is_often_ambiguous() {
        assert_eq!(read("000", &[3], false).0, vec![vec![0, 0, 0]]);
        assert_eq!(read("1126", &[3], false).0.len(), 3);
        // Rows of table 四: three groups of four results and a total.
        let d = "721102683510000000000";
        let r = readings(d.as_bytes(), &[5, 5, 5], true, 10_000, &mut BUDGET.clone());
        let values: Vec<Vec<u64>> = r.cuts.iter().map(|c| c.iter().map(|&(a, b)| value(&d.as_bytes()[a..b])).collect()).collect();
        assert!(values.contains(&vec![72, 11, 0, 268, 351, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        assert!(values.len() > 1);
    }

    #[test]
    fn wrapped_pieces_join_only_where_the_lines_allow() {
        // "30" above "01", "31" above "19" (pdf.js's order: a cell's pieces in
        // turn, a line end between them): 30|01 53 0 0 61 4 31|19.
        let pieces = ["30", "01", "53", "0", "0", "61", "4", "31", "19"];
        let breaks = [true, false, false, false, false, false, false, true];
        let d: String = pieces.concat();
        let mut cuts = vec![Cut::Never; d.len() + 1];
        let mut at = 0;
        for (k, p) in pieces.iter().enumerate() {
            at += p.len();
            cuts[at] = if k + 1 == pieces.len() || !breaks[k] { Cut::Must } else { Cut::May };
        }
        let r = readings_at(d.as_bytes(), Some(&cuts), &[7], true, 8, &mut BUDGET.clone());
        let values: Vec<Vec<u64>> = r.cuts.iter().map(|c| c.iter().map(|&(a, b)| value(&d.as_bytes()[a..b])).collect()).collect();
        assert_eq!(values, vec![vec![3001, 53, 0, 0, 61, 4, 3119]]);
    }

    #[test]
    fn long_runs_stay_bounded() {
        let d = "1".repeat(60);
        let r = readings(d.as_bytes(), &[7], false, 4, &mut BUDGET.clone());
        assert!(r.more);
    }
}
