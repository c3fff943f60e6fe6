//! Every corpus report must yield the tables and the year of its
//! `expected/*.json` (cells listed in `may_be_null` may also come out null).

use serde_json::Value;
use std::path::{Path, PathBuf};

#[path = "common/expected.rs"]
mod expected;
use expected::{matches, may_be_null};

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
                    if !same && (!have.is_null() || !may_be_null(&exp, &path)) {
                        failures.push(format!("{file}: {path} = {have}, expected {want}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn findings() {
    let mut failures = Vec::new();
    for (file, exp, text) in cases() {
        let out = nianbao::check(&text);
        let got: Value = serde_json::from_str(&out.to_json()).unwrap();
        let diags = got["diagnostics"].as_array().unwrap();
        for want in exp["must"].as_array().unwrap() {
            if !diags.iter().any(|d| matches(d, want)) {
                failures.push(format!("{file}: missing {want}"));
            }
        }
        let may: Vec<&Value> = exp["must"].as_array().unwrap().iter().chain(exp["may"].as_array().unwrap()).collect();
        for d in diags {
            if d["severity"] == "info" {
                continue;
            }
            if !may.iter().any(|w| matches(d, w)) {
                failures.push(format!("{file}: unexpected {} {} {} ({})", d["code"], d["severity"], d["message"], d["cell"]));
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// A 2019 table 三 is told by its single row "（六）其他处理": the finding
/// points at that label, also where the text was read column by column and
/// the row's values follow another label (hongze_2024_reading_order).
#[test]
fn the_2019_signal_points_at_its_row() {
    let mut seen = 0;
    for (file, _, text) in cases() {
        let got: Value = serde_json::from_str(&nianbao::check(&text).to_json()).unwrap();
        for d in got["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "T001") {
            if !d["message"].as_str().unwrap().contains("其他处理仅一行") {
                continue;
            }
            let (a, b) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
            assert!(text[a..b].contains("其他处理"), "{file}: T001 points at {:?}", &text[a..b]);
            seen += 1;
        }
    }
    assert!(seen >= 1, "no corpus report gave the signal");
}

/// The same report as Word, WPS, a web page and a PDF viewer deliver it must
/// read the same: CRLF, a BOM, full-width digits, ideographic spaces, pipes,
/// traditional characters in labels, page marks and form feeds.
#[test]
fn layout_variants_read_the_same() {
    let base = std::fs::read_to_string(root().join("../rules/base.txt")).unwrap();
    let reference = nianbao::check(&base).to_json();
    let reference: Value = serde_json::from_str(&reference).unwrap();
    let fullwidth =
        |s: &str| s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c }).collect::<String>();
    let variants: Vec<(&str, String)> = vec![
        ("crlf+bom", format!("\u{FEFF}{}", base.replace('\n', "\r\n"))),
        ("full-width digits", fullwidth(&base)),
        ("ideographic spaces", base.replace('\t', "\u{3000}\u{3000}")),
        ("pipes", base.replace('\t', " | ")),
        (
            "traditional labels",
            base.replace("行政规范性文件", "行政規範性文件")
                .replace("本年新收政府信息公开申请数量", "本年新收政府資訊公開申請數量")
                .replace("（七）总计", "（七）總計"),
        ),
        (
            "page marks",
            base.replace("四、政府信息公开行政复议", "\n\n-3-\n\u{000C}四、政府信息公开行政复议")
                .replace("（四）无法提供", "\n\n\n7\n\n（四）无法提供"),
        ),
    ];
    for (name, text) in variants {
        let got: Value = serde_json::from_str(&nianbao::check(&text).to_json()).unwrap();
        assert_eq!(got["report"]["tables"], reference["report"]["tables"], "{name}");
        assert_eq!(got["report"]["year"], reference["report"]["year"], "{name}");
    }
}
