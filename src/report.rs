//! The report model: what the parser read, every value with its span.

use crate::source::Span;
use crate::template::{TableId, TableTemplate};

#[derive(Clone, Debug, PartialEq)]
pub struct Fact<T> {
    pub value: T,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
    pub fn zh(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
    pub fn is_valid(&self) -> bool {
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0) => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&self.day) && (1900..=2200).contains(&self.year)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    pub address: Option<Fact<String>>,
    pub postcode: Option<Fact<String>>,
    pub phone: Option<Fact<String>>,
    pub email: Option<Fact<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub number: u8,
    /// The heading as written (folded, without spaces).
    pub heading: String,
    /// Span of the heading line.
    pub span: Span,
    /// From the heading to the next section's heading (or the end).
    pub body: Span,
    /// 1-based line of the heading.
    pub line: usize,
    /// The heading uses an accepted wording other than the template's.
    pub variant: bool,
}

/// Which national format the report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generation {
    F2021,
    F2019,
    /// The 2008 条例's structure: no tables, sections such as 收费及减免情况.
    Pre2019,
}

impl Generation {
    pub fn key(self) -> &'static str {
        match self {
            Generation::F2021 => "2021",
            Generation::F2019 => "2019",
            Generation::Pre2019 => "pre2019",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    /// The number read, or None (not read, or a placeholder).
    pub value: Option<f64>,
    /// Where the cell's text is, when one was read.
    pub span: Option<Span>,
    /// The cell holds "/", "—", "无" or similar instead of a number.
    pub placeholder: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowRead {
    /// The row was found in the text.
    pub present: bool,
    pub cells: Vec<Cell>,
    /// The label text that was matched to the row (folded, without spaces).
    pub label: String,
    pub label_span: Option<Span>,
    /// Span from the first to the last value of the row.
    pub values_span: Option<Span>,
    /// How many values the row carried in the text.
    pub found: usize,
}

#[derive(Clone, Debug)]
pub struct TableRead {
    pub id: TableId,
    pub template: &'static TableTemplate,
    /// One entry per template row, in template order.
    pub rows: Vec<RowRead>,
    /// The region of text the table was read from.
    pub span: Span,
    /// Values could not be placed with confidence: every cell is None.
    pub unreadable: bool,
}

impl TableRead {
    pub fn value(&self, row: &str, column: &str) -> Option<f64> {
        let r = self.template.row(row)?;
        let c = self.template.rows[r].column(column)?;
        self.rows[r].cells.get(c)?.value
    }
    pub fn cell(&self, row: usize, column: &str) -> Option<&Cell> {
        let c = self.template.rows[row].column(column)?;
        self.rows[row].cells.get(c)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub t2: Option<TableRead>,
    pub t3: Option<TableRead>,
    pub t4: Option<TableRead>,
}

impl Tables {
    pub fn get(&self, id: TableId) -> Option<&TableRead> {
        match id {
            TableId::T2 => self.t2.as_ref(),
            TableId::T3 => self.t3.as_ref(),
            TableId::T4 => self.t4.as_ref(),
        }
    }
    pub fn all(&self) -> impl Iterator<Item = &TableRead> {
        [&self.t2, &self.t3, &self.t4].into_iter().flatten()
    }
}

/// What the parser noticed while reading, for the rules to report.
#[derive(Clone, Debug, PartialEq)]
pub enum Anomaly {
    /// Template rows not found in a table that is otherwise present (a run).
    RowsMissing { table: TableId, rows: Vec<usize>, span: Span },
    /// A row carries more or fewer values than its cells.
    CellCount { table: TableId, row: usize, expected: usize, found: usize, span: Span, recovered: bool },
    /// A row with values that is not in the template.
    ExtraRow { table: TableId, label: String, span: Span },
    /// A row label that differs from the template. `exact`: `span` holds the
    /// label and nothing else, so that a fix may replace it (not so for a
    /// label whose rest wraps to the next fragment: the rest would stay behind).
    RowLabel { table: TableId, row: usize, found: String, span: Span, exact: bool },
    /// A column header that differs from the template (`row` is the first row
    /// it heads). `exact` as for `RowLabel`: not so for a header sharing its
    /// cell with other words, or wrapped over two cells (`span` is then the table's).
    ColumnHeader { table: TableId, row: usize, column: usize, found: String, span: Span, exact: bool },
    /// A row (or a whole table 四) whose cells were run together into digits that cannot be cut
    /// back into cells with certainty (`readings`: how many cuts fit the
    /// relations; None when too many to count).
    Glued { table: TableId, row: Option<usize>, span: Span, readings: Option<usize> },
    /// A row whose values lie on several lines of plain text where a narrow
    /// column may have broken a number over lines ("30" above "01"), and no
    /// single joining of the pieces fits the relations (`joinable`: false
    /// when the pieces are not together in the row's values).
    /// `shown`: the values as read, lines separated by "/".
    Wrapped { table: TableId, row: usize, span: Span, shown: String, joinable: bool },
    /// A table whose values could not be placed.
    Unreadable { table: TableId, span: Span, reason: &'static str },
    /// Wording only the 2019 format uses.
    Signal2019 { text: &'static str, span: Span },
    /// Conversion leftovers: bookmarks, markdown bold, page numbers, entities.
    Residue { what: &'static str, span: Span },
    /// The lexer kept `lex::MAX_TOKENS` tokens and read no further words from here on.
    WordsNotRead { span: Span, limit: usize },
    /// Residue past the first `parse::RESIDUE_LISTED`: counted, not listed
    /// (a pasted page of `&amp;` must not hold millions of findings).
    ResidueMore { count: usize, span: Span },
}

#[derive(Clone, Debug)]
pub struct Report {
    pub title: Option<Fact<String>>,
    pub organ: Option<Fact<String>>,
    pub year: Option<Fact<i32>>,
    pub period: Option<Period>,
    pub contact: Contact,
    pub signature_date: Option<Fact<Date>>,
    pub sections: Vec<Section>,
    pub template: Generation,
    pub tables: Tables,
    pub anomalies: Vec<Anomaly>,
}

impl Report {
    /// Its body and year, as reports are paired by (`summary::pairs`).
    pub fn key(&self) -> crate::summary::Key<'_> {
        (self.organ.as_ref().map(|f| f.value.as_str()), self.year.as_ref().map(|y| y.value))
    }
    pub fn section(&self, number: u8) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }
    /// The text reads as an annual report: a table of one, or two of its six
    /// sections at least. A title alone is not enough (a notice about the
    /// reports, a portal page listing them carry reports' titles), nor one
    /// heading (a notice's "一、总体要求"). A file that is no report is listed
    /// as such in a batch instead of with findings that only say that a
    /// report is missing; it counts neither as a report nor as an error, and
    /// is never paired as a body's report of a year.
    pub fn recognised(&self) -> bool {
        self.sections.len() >= 2 || self.tables.all().next().is_some()
    }
}
