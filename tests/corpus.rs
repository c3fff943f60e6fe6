//! Every corpus report must yield the tables and the year of its
//! `expected/*.json` (cells listed in `may_be_null` may also come out null).

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

pub fn cases() -> Vec<(String, Value, String)> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("expected")).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for p in files {
        let exp: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let file = exp["file"].as_str().unwrap().to_string();
        let text = std::fs::read_to_string(root().join(&file)).unwrap();
        out.push((file, exp, text));
    }
    assert!(out.len() >= 9, "corpus incomplete: {} cases", out.len());
    out
}

fn may_be_null(exp: &Value, path: &str) -> bool {
    exp["may_be_null"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).any(|p| path == p || path.starts_with(&format!("{p}.")))
}

#[test]
fn tables_and_year() {
    let mut failures = Vec::new();
    for (file, exp, text) in cases() {
        let out = nianbao::check(&text);
        let got: Value = serde_json::from_str(&out.to_json()).expect("valid JSON");
        if got["report"]["year"] != exp["year"] {
            failures.push(format!("{file}: year {} != {}", got["report"]["year"], exp["year"]));
        }
        for (t, table) in exp["tables"].as_object().unwrap() {
            let ours = &got["report"]["tables"][t];
            if table.is_null() {
                if !ours.is_null() {
                    failures.push(format!("{file}: {t} should be absent"));
                }
                continue;
            }
            for (row, cols) in table.as_object().unwrap() {
                for (col, want) in cols.as_object().unwrap() {
                    let path = format!("{t}.{row}.{col}");
                    let have = &ours[row][col];
                    let same = match (have.as_f64(), want.as_f64()) {
                        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                        _ => have == want,
                    };
                    if !same && !(have.is_null() && may_be_null(&exp, &path)) {
                        failures.push(format!("{file}: {path} = {have}, expected {want}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
