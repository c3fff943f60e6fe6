//! PDFs read by their geometry, through the command line: the three real
//! reports give every value and finding their text versions give; the PDFs
//! made by `scripts/pdf/make.sh` (reportlab with a non-embedded CJK font,
//! qpdf-encrypted copies, LibreOffice renderings) give every cell; a
//! password, a scan and a damaged file each give one sentence.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/expected.rs"]
mod expected;
use expected::{matches, may_be_null};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    let dir = root().join("target/pdf-fixtures");
    assert!(dir.join("manifest.tsv").exists(), "the generated PDFs are missing: run scripts/pdf/make.sh (scripts/test.sh does)");
    dir
}

fn check_json(files: &[PathBuf]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").args(files).args(["--format", "json"]).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!stdout.trim().is_empty(), "no output; stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_str(&stdout).expect("JSON");
    match v {
        Value::Array(a) => a,
        one => vec![one],
    }
}

fn expected(name: &str) -> Value {
    let p = root().join("tests/corpus/expected").join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).expect("expected file")).expect("JSON")
}

/// Every expected table value; `strict`: no may_be_null allowance.
fn table_mismatches(file: &str, got: &Value, exp: &Value, strict: bool) -> Vec<String> {
    let mut failures = Vec::new();
    if got["report"]["year"] != exp["year"] {
        failures.push(format!("{file}: year {} != {}", got["report"]["year"], exp["year"]));
    }
    for (t, table) in exp["tables"].as_object().expect("tables") {
        let ours = &got["report"]["tables"][t];
        if table.is_null() {
            continue;
        }
        for (row, cols) in table.as_object().expect("rows") {
            for (col, want) in cols.as_object().expect("cols") {
                let path = format!("{t}.{row}.{col}");
                let have = &ours[row][col];
                let same = match (have.as_f64(), want.as_f64()) {
                    (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                    _ => have == want,
                };
                if !same && (strict || !have.is_null() || !may_be_null(exp, &path)) {
                    failures.push(format!("{file}: {path} = {have}, expected {want}"));
                }
            }
        }
    }
    failures
}

fn finding_mismatches(file: &str, got: &Value, exp: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let diags = got["diagnostics"].as_array().expect("diagnostics");
    for want in exp["must"].as_array().expect("must") {
        if !diags.iter().any(|d| matches(d, want)) {
            failures.push(format!("{file}: missing {want}"));
        }
    }
    let may: Vec<&Value> = exp["must"].as_array().expect("must").iter().chain(exp["may"].as_array().expect("may")).collect();
    for d in diags {
        if d["severity"] != "info" && !may.iter().any(|w| matches(d, w)) {
            failures.push(format!("{file}: unexpected {} {} ({})", d["code"], d["message"], d["cell"]));
        }
    }
    failures
}

const REAL: [(&str, &str); 3] = [
    ("hongze_qu_2023.pdf", "real__hongze_2023_layout"),
    ("hongze_qu_2024.pdf", "real__hongze_2024_layout"),
    ("huaian_shi_2024.pdf", "real__huaian_2024_layout"),
];

#[test]
fn real_pdfs_give_every_value_and_finding() {
    let files: Vec<PathBuf> = REAL.iter().map(|(f, _)| root().join("tests/corpus/real/pdf").join(f)).collect();
    let docs = check_json(&files);
    assert_eq!(docs.len(), 3);
    let mut failures = Vec::new();
    for ((file, exp), got) in REAL.iter().zip(&docs) {
        let exp = expected(exp);
        failures.extend(table_mismatches(file, got, &exp, true));
        failures.extend(finding_mismatches(file, got, &exp));
        assert_eq!(got["report"]["source"]["kind"], "pdf", "{file}");
        assert!(got["report"]["source"]["pages"].as_u64().unwrap_or(0) >= 5, "{file}");
        for d in got["diagnostics"].as_array().expect("diagnostics") {
            let page = d["page"].as_u64().unwrap_or(0);
            let b = &d["box"];
            if page == 0 || b["w"].as_f64().is_none() || b["y"].as_f64().is_none_or(|y| !(0.0..=842.0).contains(&y)) {
                failures.push(format!("{file}: {} without a page and box: {d}", d["code"]));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The generated PDFs: `manifest.tsv` lists file, the expected JSON it must
/// match cell for cell, and whether it must give one sentence instead.
#[test]
fn generated_pdfs_give_every_cell() {
    let dir = fixtures();
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv")).expect("manifest");
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in manifest.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (Some(file), Some(exp)) = (f.next(), f.next()) else { panic!("bad manifest line {line}") };
        let got = check_json(&[dir.join(file)]);
        let exp = match exp.strip_prefix("txt:") {
            // The same report as text: its tables, every cell, are the oracle.
            Some(txt) => {
                let text = check_json(&[dir.join(txt)]).remove(0);
                serde_json::json!({ "year": text["report"]["year"], "tables": text["report"]["tables"] })
            }
            None => expected(exp),
        };
        failures.extend(table_mismatches(file, &got[0], &exp, true));
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} generated PDFs");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

fn sentence(file: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(file).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn password_scan_and_damage_each_get_one_sentence() {
    let dir = fixtures();
    let (code, err) = sentence(&dir.join("enc_password.pdf"));
    assert_eq!(code, 2);
    assert!(err.contains("密码") && err.lines().count() == 1, "{err}");
    let (code, err) = sentence(&dir.join("scan.pdf"));
    assert_eq!(code, 2);
    assert!(err.contains("这是扫描件，没有文字层；请使用有文字的 PDF 或先做文字识别。"), "{err}");
    // A real report cut short, and one with its bytes scrambled in the middle.
    let real = std::fs::read(root().join("tests/corpus/real/pdf/hongze_qu_2023.pdf")).expect("real PDF");
    let tmp = root().join("target/pdf-damaged");
    std::fs::create_dir_all(&tmp).expect("dir");
    let cut = tmp.join("cut.pdf");
    std::fs::write(&cut, &real[..real.len() / 3]).expect("write");
    let mut scrambled = real.clone();
    let n = scrambled.len();
    for b in &mut scrambled[n / 4..n / 2] {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    let scr = tmp.join("scrambled.pdf");
    std::fs::write(&scr, &scrambled).expect("write");
    for f in [cut, scr] {
        let out = Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("check").arg(&f).output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        // Either read (what survives) or one sentence; never a crash.
        assert!(matches!(out.status.code(), Some(0..=2)), "{}: {:?} {err}", f.display(), out.status);
        if out.status.code() == Some(2) {
            assert!(err.contains("PDF") && err.lines().count() == 1, "{err}");
        }
    }
}

#[test]
fn directories_include_pdfs() {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "jsonl"])
        .arg(root().join("tests/corpus/real/pdf"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 3, "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .arg("check")
        .arg(root().join("tests/corpus/real/pdf/hongze_qu_2023.pdf"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // The place names the file once, its line in the extracted text and the page.
    assert!(text.contains("hongze_qu_2023.pdf:43:1 (第3页)") && !text.contains("pdf: 第"), "{text}");
}
