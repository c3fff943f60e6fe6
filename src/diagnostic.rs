//! Findings: code, severity, message, where, and what to write instead.

use crate::messages::Message;
use crate::source::Span;
use crate::template::TableId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    /// The severity's word in Chinese (exports, the terminal).
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// The table cell or row a finding is about (`column` None for a whole row).
#[derive(Clone, Debug, PartialEq)]
pub struct CellRef {
    pub table: TableId,
    pub row: Option<&'static str>,
    pub column: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// The message in Chinese (the JSON's `message`), rendered from `msg`.
    pub message: String,
    /// The message's key and arguments, for every language (`messages`).
    pub msg: Message,
    pub span: Span,
    pub cell: Option<CellRef>,
    /// Text to put in place of `span`, when it can be computed.
    pub fix: Option<String>,
}

/// Something the reader of a file had to repair (bytes replaced, an encoding
/// that changes midway), said where in the decoded text: the checker turns
/// each into an I001 finding, so that nothing is re-guessed silently.
#[derive(Clone, Debug, PartialEq)]
pub struct InputNote {
    pub span: Span,
    pub msg: Message,
}
