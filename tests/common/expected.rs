//! Reading `tests/corpus/expected/*.json` (see tests/corpus/README.md): which
//! cells may come out null, and whether a finding is one the file lists.
//! Shared by the corpus, zoo and PDF tests.

use serde_json::Value;

/// `path` (`t3.received.total`) or a prefix of it is in `may_be_null`.
pub fn may_be_null(exp: &Value, path: &str) -> bool {
    exp["may_be_null"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).any(|p| path == p || path.starts_with(&format!("{p}.")))
}

/// Diagnostic `d` is the finding `want` (`code`, and `table`/`row`/`column`
/// of its cell where given; `{"any": [...]}` accepts any one).
pub fn matches(d: &Value, want: &Value) -> bool {
    if let Some(any) = want.get("any").and_then(|a| a.as_array()) {
        return any.iter().any(|w| matches(d, w));
    }
    if d["code"] != want["code"] {
        return false;
    }
    ["table", "row", "column"].iter().all(|k| want.get(*k).is_none_or(|v| &d["cell"][*k] == v))
}
