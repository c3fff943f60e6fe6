//! Positioned text (a PDF's runs) → the text the parser reads, with a map back
//! to the page. Tables are read from geometry: the numbers of one row share a
//! baseline, a cell's wrapped label lies beside its row, a blank cell is a
//! column where the neighbouring rows have a number. Each table row becomes
//! one tab-separated line (label, then values), the form the parser already
//! reads from .docx and .html; which row is which stays the template
//! alignment's decision (src/parse/). Prose lines that merely wrap are joined,
//! a title set over several lines is one line, page numbers and running
//! headers and footers are dropped and remembered.

use crate::lex::parse_number;
use crate::normalize::fold;

/// One piece of text on one baseline, in points, origin top-left of its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// 1-based.
    pub page: u32,
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
    pub vertical: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

/// A rectangle on a page, in points, origin top-left.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    fn union(self, o: Rect) -> Rect {
        let (x0, y0) = (self.x.min(o.x), self.y.min(o.y));
        let (x1, y1) = ((self.x + self.w).max(o.x + o.w), (self.y + self.h).max(o.y + o.h));
        Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
    }
}

/// Where a byte range of the text came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub start: usize,
    pub end: usize,
    pub page: u32,
    pub rect: Rect,
}

/// The text, its source map, the pages, and what was dropped as page chrome.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub text: String,
    /// Sorted by `start`, not overlapping.
    pub map: Vec<Placed>,
    pub pages: Vec<PageSize>,
    /// Page numbers and running headers/footers: (page, text).
    pub dropped: Vec<(u32, String)>,
}

impl Layout {
    /// The page and box of a byte range: the first page it touches and the
    /// union of the boxes of that page it overlaps. None for text that was
    /// added (line ends, tabs) and touches nothing placed.
    pub fn locate(&self, start: usize, end: usize) -> Option<(u32, Rect)> {
        let end = end.max(start + 1);
        let first = self.map.partition_point(|p| p.end <= start);
        let mut found: Option<(u32, Rect)> = None;
        for p in &self.map[first..] {
            if p.start >= end {
                break;
            }
            match &mut found {
                None => found = Some((p.page, p.rect)),
                Some((page, r)) if *page == p.page => *r = r.union(p.rect),
                Some(_) => {}
            }
        }
        found.or_else(|| {
            // An empty span at a line end: the box just before it.
            self.map[..first].last().filter(|p| p.end == start).map(|p| (p.page, p.rect))
        })
    }
}

/// Horizontal pieces of a line that touch: one word or number (producers
/// set `109` as `10` + `9`, or each glyph on its own).
#[derive(Debug, Clone)]
struct Chunk {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    kind: ChunkKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ChunkKind {
    Text,
    Value,
}

#[derive(Debug, Clone)]
struct Line {
    page: u32,
    y: f32,
    size: f32,
    chunks: Vec<Chunk>,
}

impl Line {
    fn x0(&self) -> f32 {
        self.chunks.first().map_or(0.0, |c| c.x0)
    }
    fn x1(&self) -> f32 {
        self.chunks.last().map_or(0.0, |c| c.x1)
    }
    fn text(&self) -> String {
        self.chunks.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ")
    }
    fn values(&self) -> impl Iterator<Item = &Chunk> {
        self.chunks.iter().filter(|c| c.kind == ChunkKind::Value)
    }
    /// The label: the text before the first value.
    fn label_end(&self) -> usize {
        self.chunks.iter().position(|c| c.kind == ChunkKind::Value).unwrap_or(self.chunks.len())
    }
}

fn is_placeholder(t: &str) -> bool {
    let f: String = t.chars().map(fold).filter(|c| !c.is_whitespace()).collect();
    !f.is_empty() && (f.chars().all(|c| matches!(c, '-' | '—' | '－' | '–' | '―')) || matches!(f.as_str(), "/" | "\\" | "无" | "*" | "×"))
}

fn is_value(t: &str) -> bool {
    let f: String = t.chars().map(fold).filter(|c| !c.is_whitespace()).collect();
    is_placeholder(t) || parse_number(&f).is_some()
}

/// Builds the text of a document from its runs.
pub fn layout(pages: &[PageSize], runs: &[Run]) -> Layout {
    let mut out = Layout { pages: pages.to_vec(), ..Layout::default() };
    let mut runs: Vec<&Run> = runs.iter().filter(|r| !r.text.trim().is_empty() && r.size > 0.0).collect();
    runs.sort_by(|a, b| a.page.cmp(&b.page).then(a.y.total_cmp(&b.y)).then(a.x.total_cmp(&b.x)));
    let (flat, vertical): (Vec<&Run>, Vec<&Run>) = runs.into_iter().partition(|r| !r.vertical);
    let mut lines = group_lines(&flat);
    drop_chrome(&mut lines, pages, &mut out.dropped);
    join_wrapped_numbers(&mut lines);
    let items = arrange(lines, &vertical);
    write(&items, &mut out);
    out
}

/// Runs on one baseline, split into chunks where the gap is wider than a
/// fraction of an em.
fn group_lines(runs: &[&Run]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Vec<&Run> = Vec::new();
    let flush = |current: &mut Vec<&Run>, lines: &mut Vec<Line>| {
        if current.is_empty() {
            return;
        }
        current.sort_by(|a, b| a.x.total_cmp(&b.x));
        let size = current.iter().map(|r| r.size).fold(0.0, f32::max);
        let y = current.iter().map(|r| r.y).sum::<f32>() / current.len() as f32;
        let mut chunks: Vec<Chunk> = Vec::new();
        for r in current.iter() {
            let text = r.text.trim();
            let lead = r.text.len() - r.text.trim_start().len();
            let x0 = r.x + if lead > 0 { r.width * lead as f32 / r.text.chars().count().max(1) as f32 } else { 0.0 };
            if let Some(c) = chunks.last_mut() {
                let gap = x0 - c.x1;
                if gap < 0.5 * r.size.min(c.size) && !r.text.starts_with("  ") {
                    let latin = |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_alphanumeric());
                    if gap > 0.2 * r.size && latin(c.text.chars().last()) && latin(text.chars().next()) {
                        c.text.push(' ');
                    }
                    c.text.push_str(text);
                    c.x1 = c.x1.max(r.x + r.width);
                    c.size = c.size.max(r.size);
                    continue;
                }
            }
            chunks.push(Chunk { text: text.to_string(), x0, x1: r.x + r.width, y: r.y, size: r.size, kind: ChunkKind::Text });
        }
        for c in &mut chunks {
            if is_value(&c.text) {
                c.kind = ChunkKind::Value;
            }
        }
        lines.push(Line { page: current[0].page, y, size, chunks });
        current.clear();
    };
    for r in runs {
        if let Some(first) = current.first() {
            let tol = 0.3 * first.size.min(r.size);
            if first.page != r.page || (r.y - first.y).abs() > tol {
                flush(&mut current, &mut lines);
            }
        }
        current.push(r);
    }
    flush(&mut current, &mut lines);
    lines
}

/// A page mark: "3", "-3-", "— 3 —", "第3页", "第 3 页 共 8 页", "3/8".
fn is_page_mark(t: &str) -> bool {
    let f: String = t.chars().map(fold).filter(|c| !c.is_whitespace()).collect();
    let core = f.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '―' | '·' | '.'));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(core) {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    if let Some(rest) = core.strip_prefix('第') {
        let (n, rest) = rest.split_once('页').unwrap_or(("", ""));
        return digits(n) && (rest.is_empty() || rest.strip_prefix('共').and_then(|r| r.strip_suffix('页')).is_some_and(digits));
    }
    false
}

/// Page numbers and running headers/footers: lines in the top or bottom tenth
/// of a page that are page marks or repeat on other pages at the same place.
fn drop_chrome(lines: &mut Vec<Line>, pages: &[PageSize], dropped: &mut Vec<(u32, String)>) {
    let height = |p: u32| (p as usize).checked_sub(1).and_then(|i| pages.get(i)).map_or(842.0, |s| s.height);
    let in_margin = |l: &Line| {
        let h = height(l.page);
        l.y < 0.1 * h || l.y > 0.9 * h
    };
    let page_count = lines.iter().map(|l| l.page).max().unwrap_or(0);
    let repeated = |l: &Line| {
        let t = l.text();
        let digits_free: String = t.chars().filter(|c| !c.is_ascii_digit()).collect();
        page_count > 1
            && lines
                .iter()
                .filter(|o| {
                    o.page != l.page
                        && (o.y - l.y).abs() < 2.0
                        && o.text().chars().filter(|c| !c.is_ascii_digit()).collect::<String>() == digits_free
                })
                .count()
                >= 1
    };
    // Two numbers side by side are table cells (the top of a table that
    // starts a page), never a page mark; nor is a line of numbers alone a
    // running header just because another page has numbers there too.
    let digit_chunks = |l: &Line| l.chunks.iter().filter(|c| c.text.bytes().any(|b| b.is_ascii_digit())).count();
    let chrome: Vec<bool> = lines
        .iter()
        .map(|l| {
            in_margin(l)
                && digit_chunks(l) <= 1
                && (is_page_mark(&l.text()) || l.chunks.iter().any(|c| c.kind == ChunkKind::Text) && repeated(l))
        })
        .collect();
    let mut i = 0;
    lines.retain(|l| {
        let keep = !chrome[i];
        i += 1;
        if !keep {
            dropped.push((l.page, l.text()));
        }
        keep
    });
}

/// Numbers wrapped inside a narrow cell ("3119" set as "31" above "19"):
/// digit fragments stacked in one column, one line-leading apart, are one
/// number. A stack may reach across at most one line that carries a label
/// (the row it belongs to: a cell centred vertically puts its fragments above
/// and below its row's line), never across two, which would be two rows; the
/// joined number goes on that row's line, else on the line of the row's other
/// values, else where its first fragment was.
fn join_wrapped_numbers(lines: &mut Vec<Line>) {
    let digits = |c: &Chunk| c.kind == ChunkKind::Value && !c.text.is_empty() && c.text.bytes().all(|b| b.is_ascii_digit());
    // Cheap exit: no line of digits alone, so no fragment off its row's line.
    let lonely = |l: &Line| l.chunks.iter().all(|c| c.kind == ChunkKind::Value) && l.chunks.iter().any(digits);
    if !lines.iter().any(lonely) {
        return;
    }
    // (line, chunk) of every digit chunk, by page, then top to bottom.
    let mut taken: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.chunks.len()]).collect();
    let mut moves: Vec<(usize, Chunk)> = Vec::new();
    for i in 0..lines.len() {
        for k in 0..lines[i].chunks.len() {
            if taken[i][k] || !digits(&lines[i].chunks[k]) {
                continue;
            }
            // Grow a stack downwards from this fragment.
            let mut stack = vec![(i, k)];
            loop {
                let &(li, ck) = stack.last().expect("a stack has a fragment");
                let (top, c) = (&lines[li], &lines[li].chunks[ck]);
                let next = (li + 1..lines.len())
                    .take_while(|&j| lines[j].page == top.page && lines[j].y - top.y <= 1.6 * c.size)
                    .filter(|&j| lines[j].y - top.y >= 0.9 * c.size)
                    .find_map(|j| {
                        let m = lines[j].chunks.iter().position(|d| d.x0 < c.x1 && c.x0 < d.x1)?;
                        (!taken[j][m] && digits(&lines[j].chunks[m]) && (lines[j].chunks[m].size - c.size).abs() < 0.1 * c.size)
                            .then_some((j, m))
                    });
                let Some((j, m)) = next else { break };
                let x0 = stack.iter().map(|&(l, c)| lines[l].chunks[c].x0).fold(f32::MAX, f32::min);
                if labelled_lines(lines, stack[0].0, j, x0) > 1 {
                    break;
                }
                stack.push((j, m));
            }
            if stack.len() < 2 {
                continue;
            }
            let (first, last) = (stack[0].0, stack[stack.len() - 1].0);
            let x0 = stack.iter().map(|&(l, c)| lines[l].chunks[c].x0).fold(f32::MAX, f32::min);
            let x1 = stack.iter().map(|&(l, c)| lines[l].chunks[c].x1).fold(f32::MIN, f32::max);
            let beside = |l: usize| lines[l].chunks.iter().filter(|c| c.kind == ChunkKind::Value && (c.x1 <= x0 || c.x0 >= x1)).count();
            let target = (first..=last)
                .find(|&l| is_labelled(&lines[l], x0))
                .or_else(|| (first..=last).filter(|&l| beside(l) > 0).max_by_key(|&l| beside(l)))
                .unwrap_or(first);
            let mut text = String::new();
            for &(l, c) in &stack {
                taken[l][c] = true;
                text.push_str(&lines[l].chunks[c].text);
            }
            let size = lines[first].chunks[stack[0].1].size;
            moves.push((target, Chunk { text, x0, x1, y: lines[target].y, size, kind: ChunkKind::Value }));
        }
    }
    if moves.is_empty() {
        return;
    }
    for (l, line) in lines.iter_mut().enumerate() {
        let mut k = 0;
        line.chunks.retain(|_| {
            k += 1;
            !taken[l][k - 1]
        });
    }
    for (l, c) in moves {
        let at = lines[l].chunks.partition_point(|d| d.x0 < c.x0);
        lines[l].chunks.insert(at, c);
    }
    lines.retain(|l| !l.chunks.is_empty());
}

/// A line with text left of `x0`: a row's label.
fn is_labelled(l: &Line, x0: f32) -> bool {
    l.chunks.iter().any(|c| c.kind == ChunkKind::Text && c.x1 <= x0)
}

/// How many lines from `a` to `b` (inclusive) carry a label left of `x0`.
fn labelled_lines(lines: &[Line], a: usize, b: usize, x0: f32) -> usize {
    lines[a..=b].iter().filter(|l| is_labelled(l, x0)).count()
}

/// What the text is made of, in reading order.
#[derive(Debug)]
enum Item {
    /// A table row: leading group label, label lines, values (None = blank).
    Row { group: Option<Chunk>, label: Vec<Chunk>, values: Vec<Option<Chunk>>, line: Line },
    /// Lines of prose or a heading, joined when merely wrapped.
    Text(Vec<Line>),
}

fn is_row(l: &Line) -> bool {
    let values: Vec<&Chunk> = l.values().collect();
    let label_end = l.label_end();
    match values.len() {
        0 => false,
        // "行政处罚            4119": a label, a wide gap, one value, nothing after.
        1 => label_end > 0 && label_end + 1 == l.chunks.len() && values[0].x0 - l.chunks[label_end - 1].x1 > 2.0 * l.size,
        // Values after the label, nothing but values.
        _ => l.chunks[label_end..].iter().all(|c| c.kind == ChunkKind::Value),
    }
}

fn heading_like(t: &str) -> bool {
    let mut cs = t.chars();
    let first = cs.next().unwrap_or(' ');
    let second = cs.next().unwrap_or(' ');
    "一二三四五六七八九十".contains(first) && (second == '、' || "一二三四五六七八九十".contains(second))
        || first == '（'
        || first == '('
        || first.is_ascii_digit() && matches!(second, '、' | '.' | '．')
}

fn arrange(lines: Vec<Line>, vertical: &[&Run]) -> Vec<Item> {
    let rows: Vec<bool> = lines.iter().map(is_row).collect();
    let row_at: Vec<usize> = (0..lines.len()).filter(|&i| rows[i]).collect();
    // Label lines: text lines between two rows (or just below the last one),
    // in the label column, given to the nearer row.
    let mut owner: Vec<Option<usize>> = vec![None; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if rows[i] {
            continue;
        }
        let prev = row_at.iter().rev().find(|&&r| r < i && lines[r].page == l.page).copied();
        let next = row_at.iter().find(|&&r| r > i && lines[r].page == l.page).copied();
        let fits = |r: usize| {
            let row = &lines[r];
            let first_value = row.values().next().map_or(f32::MAX, |c| c.x0);
            // A wrapped label is set like the label it continues: same size,
            // and never a new numbered heading after a label already there.
            let label_end = row.label_end();
            if l.x1() > first_value + 0.2 * row.size
                || (l.size - row.size).abs() > 0.1 * row.size
                || heading_like(&l.text()) && label_end > 0
            {
                return false;
            }
            if label_end == 0 {
                return true;
            }
            let (lx0, lx1) = (row.chunks[0].x0, row.chunks[label_end - 1].x1);
            (l.x0() - lx0).abs() < 1.2 * row.size || ((l.x0() + l.x1()) - (lx0 + lx1)).abs() / 2.0 < 1.2 * row.size
        };
        let dist = |r: usize| (lines[r].y - l.y).abs();
        let pick = match (prev, next) {
            (Some(p), Some(n)) => {
                let (near, far) = if dist(p) <= dist(n) { (p, n) } else { (n, p) };
                if fits(near) {
                    Some(near)
                } else if fits(far) && dist(far) < 2.5 * lines[far].size {
                    Some(far)
                } else {
                    None
                }
            }
            (Some(p), None) => (dist(p) < 1.6 * lines[p].size && fits(p)).then_some(p),
            _ => None,
        };
        owner[i] = pick;
    }
    // Vertical group labels ("三、本年度办理结果" set sideways): the first row
    // they stand beside.
    let mut group: Vec<Option<Chunk>> = vec![None; lines.len()];
    for v in vertical {
        let top = v.y;
        let bottom = v.y + v.width;
        if let Some(&r) = row_at.iter().find(|&&r| lines[r].page == v.page && lines[r].y >= top - lines[r].size && lines[r].y <= bottom) {
            let c =
                Chunk { text: v.text.split_whitespace().collect(), x0: v.x - v.size, x1: v.x, y: v.y, size: v.size, kind: ChunkKind::Text };
            match &mut group[r] {
                Some(g) => g.text.push_str(&c.text),
                slot => *slot = Some(c),
            }
        }
    }
    let mut items: Vec<Item> = Vec::new();
    let mut labels: Vec<Vec<Chunk>> = vec![Vec::new(); lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if let Some(r) = owner[i] {
            labels[r].extend(l.chunks.iter().cloned());
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if owner[i].is_some() {
            continue;
        }
        if rows[i] {
            let label_end = l.label_end();
            let mut label = std::mem::take(&mut labels[i]);
            label.extend(l.chunks[..label_end].iter().cloned());
            label.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
            let values = l.chunks[label_end..].iter().cloned().map(Some).collect();
            items.push(Item::Row { group: group[i].take(), label, values, line: l.clone() });
        } else {
            items.push(Item::Text(vec![l.clone()]));
        }
    }
    fill_blanks(&mut items);
    join_prose(&mut items);
    items
}

/// A row with fewer values than its neighbour in the same table, whose values
/// all sit in the neighbour's columns, has blank cells where the neighbour
/// has numbers and it has none.
fn fill_blanks(items: &mut [Item]) {
    // Each value's left edge, centre and right edge: cells may align their
    // numbers any of the three ways, and a wide number moves the centre.
    type Edges = [f32; 3];
    let edges = |c: &Chunk| -> Edges { [c.x0, (c.x0 + c.x1) / 2.0, c.x1] };
    let dist = |a: &Edges, b: &Edges| (0..3).map(|k| (a[k] - b[k]).abs()).fold(f32::MAX, f32::min);
    let columns: Vec<Option<Vec<Edges>>> = items
        .iter()
        .map(|it| match it {
            Item::Row { values, .. } => Some(values.iter().flatten().map(edges).collect()),
            Item::Text(_) => None,
        })
        .collect();
    for i in 0..items.len() {
        let Some(mine) = &columns[i] else { continue };
        let mut best: Option<(&Vec<Edges>, f32)> = None;
        for j in [neighbour(items, i, false), neighbour(items, i, true)].into_iter().flatten() {
            let Some(Some(theirs)) = columns.get(j) else { continue };
            if theirs.len() <= mine.len() || best.is_some_and(|b| b.0.len() >= theirs.len()) {
                continue;
            }
            let spacing = theirs.windows(2).map(|w| w[1][1] - w[0][1]).fold(f32::MAX, f32::min);
            let mut used = vec![false; theirs.len()];
            let fits = mine.iter().all(|x| {
                let (k, d) =
                    theirs.iter().enumerate().map(|(k, t)| (k, dist(t, x))).min_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or((0, f32::MAX));
                let ok = d < spacing * 0.4 && !used[k];
                used[k] = true;
                ok
            });
            if fits {
                best = Some((theirs, spacing));
            }
        }
        let Some((theirs, spacing)) = best else { continue };
        let theirs = theirs.clone();
        if let Item::Row { values, line, .. } = &mut items[i] {
            let mut filled: Vec<Option<Chunk>> = Vec::with_capacity(theirs.len());
            let mut it = values.drain(..).flatten().peekable();
            for t in &theirs {
                match it.peek() {
                    Some(c) if dist(t, &edges(c)) < spacing * 0.4 => filled.push(it.next()),
                    _ => filled.push(Some(Chunk {
                        text: String::new(),
                        x0: t[0],
                        x1: t[2],
                        y: line.y,
                        size: line.size,
                        kind: ChunkKind::Value,
                    })),
                }
            }
            filled.extend(it.map(Some));
            *values = filled;
        }
    }
}

/// The nearest row above or below in the same table: text in the label
/// column (a group label, a wrapped heading of a merged cell) lies between
/// rows of one table; text reaching into the value columns (a header, a
/// caption) ends the table.
fn neighbour(items: &[Item], i: usize, down: bool) -> Option<usize> {
    let Item::Row { values, .. } = &items[i] else { return None };
    let first_value = values.iter().flatten().map(|c| c.x0).fold(f32::MAX, f32::min);
    let mut j = i;
    for _ in 0..4 {
        j = if down { j + 1 } else { j.checked_sub(1)? };
        match items.get(j)? {
            Item::Row { .. } => return Some(j),
            Item::Text(ls) if ls.iter().all(|l| l.x1() < first_value) => continue,
            Item::Text(_) => return None,
        }
    }
    None
}

/// Joins lines that merely wrap: the line reaches the right edge of the text,
/// the next starts at the left edge without indent, in the same size.
fn join_prose(items: &mut Vec<Item>) {
    let mut left = f32::MAX;
    let mut right = 0f32;
    for it in items.iter() {
        if let Item::Text(ls) = it {
            for l in ls {
                left = left.min(l.x0());
                right = right.max(l.x1());
            }
        }
    }
    // The title: the first lines, set larger than the body (the size of
    // full-width prose lines, not of table text).
    let mut sizes: Vec<f32> = items
        .iter()
        .filter_map(|it| if let Item::Text(ls) = it { Some(&ls[0]) } else { None })
        .filter(|l| l.x1() - l.x0() > 0.6 * (right - left))
        .map(|l| l.size)
        .collect();
    sizes.sort_by(f32::total_cmp);
    let body = sizes.get(sizes.len() / 2).copied().unwrap_or(12.0);
    let mut merged: Vec<Item> = Vec::with_capacity(items.len());
    let mut title_open = true;
    for it in items.drain(..) {
        let Item::Text(ls) = it else {
            title_open = false;
            merged.push(it);
            continue;
        };
        let l = &ls[0];
        if let Some(Item::Text(prev)) = merged.last_mut() {
            let p = prev.last().expect("a text item has a line");
            let title = title_open
                && prev.len() < 3
                && l.size > 1.25 * body
                && p.size > 1.25 * body
                && l.page == p.page
                && l.y - p.y < 2.5 * l.size
                && !p.text().ends_with('。');
            let same_size = (p.size - l.size).abs() < 0.15 * l.size;
            let close = if p.page == l.page { l.y - p.y < 2.2 * l.size } else { l.page == p.page + 1 };
            let wrapped = same_size && close && p.x1() > right - 1.5 * p.size && l.x0() < left + 0.6 * l.size && !heading_like(&l.text());
            if title || wrapped {
                prev.push(l.clone());
                continue;
            }
        }
        if l.size <= 1.25 * body {
            title_open = false;
        }
        merged.push(Item::Text(ls));
    }
    *items = merged;
}

fn chunk_rect(c: &Chunk) -> Rect {
    Rect { x: c.x0, y: c.y - 0.88 * c.size, w: (c.x1 - c.x0).max(0.0), h: c.size }
}

fn write(items: &[Item], out: &mut Layout) {
    let push = |out: &mut Layout, text: &str, page: u32, rect: Rect| {
        let start = out.text.len();
        out.text.push_str(text);
        out.map.push(Placed { start, end: out.text.len(), page, rect });
    };
    for it in items {
        match it {
            Item::Row { group, label, values, line } => {
                if let Some(g) = group {
                    push(out, &g.text, line.page, Rect { x: g.x0, y: g.y, w: g.size, h: g.x1 - g.x0 });
                    out.text.push('\t');
                }
                for (k, c) in label.iter().enumerate() {
                    if k > 0 && needs_space(&label[k - 1].text, &c.text) {
                        out.text.push(' ');
                    }
                    push(out, &c.text, line.page, chunk_rect(c));
                }
                for v in values.iter().flatten() {
                    out.text.push('\t');
                    // A blank cell is written as a placeholder, so that it is a
                    // cell (T006) and not a shifted row.
                    let text = if v.text.is_empty() { "-" } else { &v.text };
                    push(out, text, line.page, chunk_rect(v));
                }
                out.text.push('\n');
            }
            Item::Text(ls) => {
                for (k, l) in ls.iter().enumerate() {
                    if k > 0 && needs_space(&ls[k - 1].text(), &l.text()) {
                        out.text.push(' ');
                    }
                    for (j, c) in l.chunks.iter().enumerate() {
                        if j > 0 {
                            let gap = c.x0 - l.chunks[j - 1].x1;
                            // Wide gaps separate columns (a table header); narrow ones words.
                            out.text.push_str(if gap > 1.5 * l.size {
                                "\t"
                            } else if needs_space(&l.chunks[j - 1].text, &c.text) {
                                " "
                            } else {
                                ""
                            });
                        }
                        push(out, &c.text, l.page, chunk_rect(c));
                    }
                }
                out.text.push('\n');
            }
        }
    }
}

/// A space between two pieces only where Latin letters or digits meet.
fn needs_space(a: &str, b: &str) -> bool {
    let end = a.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
    let start = b.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    end && start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(page: u32, x: f32, y: f32, width: f32, text: &str) -> Run {
        Run { page, x, y, width, size: 10.0, text: text.into(), vertical: false }
    }

    const A4: PageSize = PageSize { width: 595.0, height: 842.0 };

    #[test]
    fn split_number_is_one_value_and_rows_are_tabbed() {
        let runs = vec![
            run(1, 50.0, 200.0, 40.0, "行政许可"),
            run(1, 300.0, 200.0, 10.0, "10"),
            run(1, 310.0, 200.0, 5.0, "9"),
            run(1, 400.0, 200.0, 5.0, "0"),
        ];
        let l = layout(&[A4], &runs);
        assert_eq!(l.text, "行政许可\t109\t0\n");
        let at = l.text.find("109").unwrap();
        let (page, rect) = l.locate(at, at + 3).unwrap();
        assert_eq!(page, 1);
        assert!((rect.x - 300.0).abs() < 0.01 && (rect.w - 15.0).abs() < 0.01);
    }

    #[test]
    fn wrapped_label_joins_its_row_and_blank_cell_is_a_placeholder() {
        let runs = vec![
            run(1, 50.0, 100.0, 40.0, "一、甲"),
            run(1, 300.0, 100.0, 5.0, "1"),
            run(1, 350.0, 100.0, 5.0, "2"),
            run(1, 400.0, 100.0, 5.0, "3"),
            run(1, 50.0, 125.0, 100.0, "（二）部分公开（区分"),
            run(1, 50.0, 138.0, 60.0, "处理的）"),
            run(1, 300.0, 132.0, 5.0, "4"),
            run(1, 400.0, 132.0, 5.0, "4"),
        ];
        let l = layout(&[A4], &runs);
        assert_eq!(l.text, "一、甲\t1\t2\t3\n（二）部分公开（区分处理的）\t4\t-\t4\n");
    }

    #[test]
    fn page_numbers_dropped_and_wrapped_prose_joined() {
        let runs = vec![
            run(1, 70.0, 100.0, 450.0, "本报告由某某人民政府办公室根据《中华人民共和国政府信息公开"),
            run(1, 50.0, 118.0, 200.0, "条例》要求编制。"),
            run(1, 280.0, 800.0, 20.0, "- 1 -"),
            run(2, 70.0, 100.0, 100.0, "一、总体情况"),
            run(2, 280.0, 800.0, 20.0, "- 2 -"),
        ];
        let l = layout(&[A4, A4], &runs);
        assert_eq!(l.text, "本报告由某某人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。\n一、总体情况\n");
        assert_eq!(l.dropped, vec![(1, "- 1 -".to_string()), (2, "- 2 -".to_string())]);
    }
}
