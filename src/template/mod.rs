//! The national formats as data. The parser aligns what it reads with these
//! rows and labels; the rules check the relations declared here. Nothing else
//! in the code knows a row label or a cell key.

mod y2019;
mod y2021;

pub use y2019::{T2_2019, T3_2019};
pub use y2021::{SECTIONS, T2_2021, T3_2021, T4};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    T2,
    T3,
    T4,
}

impl TableId {
    pub fn key(self) -> &'static str {
        match self {
            TableId::T2 => "t2",
            TableId::T3 => "t3",
            TableId::T4 => "t4",
        }
    }
    /// The section whose table this is.
    pub fn section(self) -> u8 {
        match self {
            TableId::T2 => 2,
            TableId::T3 => 3,
            TableId::T4 => 4,
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            TableId::T2 => "表二（主动公开政府信息情况）",
            TableId::T3 => "表三（收到和处理政府信息公开申请情况）",
            TableId::T4 => "表四（行政复议、行政诉讼情况）",
        }
    }
}

#[derive(Debug)]
pub struct Column {
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Debug)]
pub struct Row {
    pub key: &'static str,
    /// The row's own label as the template prints it.
    pub label: &'static str,
    /// Other wordings that are the same row (reported as T004 when used).
    pub aliases: &'static [&'static str],
    /// The merged group label printed beside the row, "" when none.
    pub group: &'static str,
    pub columns: &'static [Column],
    /// Counted in table 三's （七）总计.
    pub outcome: bool,
    /// Table 二: the 第二十条 item whose block holds the row.
    pub block: &'static str,
    /// Cells hold amounts (万元) rather than counts.
    pub decimal: bool,
}

impl Row {
    pub fn width(&self) -> usize {
        self.columns.len()
    }
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
}

/// `total` column = the sum of the `parts` columns, in every row.
#[derive(Debug)]
pub struct RowTotal {
    pub total: &'static str,
    pub parts: &'static [&'static str],
}

/// inflow[0] + inflow[1] = outflow[0] + outflow[1], in every column.
#[derive(Debug)]
pub struct Balance {
    pub inflow: [&'static str; 2],
    pub outflow: [&'static str; 2],
}

#[derive(Debug)]
pub struct TableTemplate {
    pub id: TableId,
    /// "2021" or "2019": the format this variant belongs to.
    pub format: &'static str,
    pub rows: &'static [Row],
    pub row_total: Option<RowTotal>,
    /// The row that must equal the sum of the `outcome` rows, in every column.
    pub column_total: Option<&'static str>,
    pub balance: Option<Balance>,
}

impl TableTemplate {
    pub fn row(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }
    pub fn cells(&self) -> usize {
        self.rows.iter().map(Row::width).sum()
    }
    /// Row `row`'s last cell is the sum of all its others (table 三's 总计).
    pub fn total_is_last(&self, row: usize) -> bool {
        let r = &self.rows[row];
        self.row_total.as_ref().is_some_and(|rt| {
            r.column(rt.total) == Some(r.width() - 1) && rt.parts.len() + 1 == r.width() && rt.parts.iter().all(|p| r.column(p).is_some())
        })
    }
}

/// A report section: its template heading, the accepted wordings, and the
/// words without which a numbered line is not this heading.
#[derive(Debug)]
pub struct SectionTemplate {
    pub number: u8,
    pub heading: &'static str,
    pub variants: &'static [&'static str],
    /// Any one of these must appear in the heading text.
    pub keywords: &'static [&'static str],
}

impl SectionTemplate {
    /// The heading without its numeral ("总体情况" of "一、总体情况"): every
    /// heading starts with one numeral and "、" (the parser asks for every
    /// numbered line, so this is not searched for each time).
    pub fn plain(&self) -> &'static str {
        let h = self.heading;
        if h.as_bytes().get(3..6) == Some("、".as_bytes()) {
            &h[6..]
        } else {
            h
        }
    }
}

/// Words that only the 2019 (试行) format prints: column headers, rows, items.
pub const SIGNALS_2019: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "政府集中采购",
    "采购项目数量",
    "采购总金额",
    "第二十条第(九)项",
];

/// What of a signal is searched for: all but a last 量, which a narrow
/// column wraps onto the next line (a PDF's "本年新制作数" / "量", the two
/// halves apart in its text). No 2021 wording has what is left either.
pub fn signal_stem(signal: &str) -> &str {
    signal.strip_suffix('量').unwrap_or(signal)
}

/// The notice that sets the current format, and the one it replaced.
pub const FORMAT_NOTICE_2021: &str = "国办公开办函〔2021〕30号";
pub const FORMAT_NOTICE_2019: &str = "国办公开办函〔2019〕60号";

/// True when `folded` (folded, without spacing) heads the one column of a
/// single-cell row ("本年处理决定数量"): printed over the width of the
/// table, it is the one header a converter repeats over several value columns.
pub fn is_single_column_label(folded: &str) -> bool {
    [TableId::T2, TableId::T3, TableId::T4]
        .iter()
        .flat_map(|&id| candidates(id).iter())
        .flat_map(|t| t.rows.iter().filter(|r| r.width() == 1).flat_map(|r| r.columns.iter()))
        .any(|c| crate::normalize::compact(c.label) == folded)
}

/// Table variants the parser tries, per table, best first.
pub fn candidates(id: TableId) -> &'static [&'static TableTemplate] {
    match id {
        TableId::T2 => &[&T2_2021, &T2_2019],
        TableId::T3 => &[&T3_2021, &T3_2019],
        TableId::T4 => &[&T4],
    }
}
