//! The command line as a reviewer uses it: exit codes, formats, directories,
//! encodings, .docx and .html, bad files, cross-year pairing, and a snapshot
//! of the text rendering.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

const HUAIAN: &str = "tests/corpus/real/huaian_2024_layout.txt";
const HONGZE23: &str = "tests/corpus/real/hongze_2023_layout.txt";

#[test]
fn json_shows_all_200_values() {
    let out = run(&["check", HUAIAN, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tables = &v["report"]["tables"];
    let count: usize = ["t2", "t3", "t4"]
        .iter()
        .map(|t| tables[t].as_object().unwrap().values().map(|r| r.as_object().unwrap().len()).sum::<usize>())
        .sum();
    assert_eq!(count, 200);
    assert_eq!(tables["t3"]["received"]["total"], 3119);
    assert_eq!(tables["t2"]["fees"]["amount"], 96171.6);
    assert_eq!(v["report"]["year"], 2024);
    assert_eq!(v["summary"]["errors"], 0);
}

#[test]
fn exit_codes() {
    assert_eq!(run(&["check", HUAIAN]).status.code(), Some(0));
    assert_eq!(run(&["check", HONGZE23]).status.code(), Some(1));
    let missing = run(&["check", "no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.txt"));
    assert_eq!(run(&["check"]).status.code(), Some(2));
}

#[test]
fn bad_files_get_a_clear_message() {
    let empty = tmp("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = tmp("image.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 255, 216, 255, 224, 0, 16, 74, 70, 73, 70].repeat(64)).unwrap();
    for (f, says) in [(&empty, "empty"), (&binary, "binary")] {
        let out = run(&["check", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(says), "{}", String::from_utf8_lossy(&out.stderr));
    }
    // A 40 MB file is refused before it is read.
    let big = tmp("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(40 * 1024 * 1024).unwrap();
    let out = run(&["check", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MB"));
}

#[test]
fn directories_jsonl_and_the_batch_table() {
    let out = run(&["check", "tests/corpus/seeds", "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0]["file"].as_str().unwrap().ends_with("000_c6982dbd013aa02e.txt"));
    let text = run(&["check", "tests/corpus/seeds", "tests/corpus/real", "--color", "never"]);
    let s = String::from_utf8_lossy(&text.stdout);
    // tests/corpus/real/pdf: the three PDFs count too.
    assert!(s.contains("共 12 份报告"), "{s}");
    assert!(s.contains("淮安市人民政府"));
    let arr = run(&["check", HUAIAN, HONGZE23, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&arr.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn min_severity_filters() {
    let out = run(&["check", HONGZE23, "--format", "json", "--min-severity", "error"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == "error"));
    assert_eq!(v["summary"]["infos"], 0);
}

fn codes(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn encodings_docx_and_html() {
    let text = std::fs::read_to_string(HONGZE23).unwrap();
    let base = codes(&run(&["check", HONGZE23, "--format", "json"]));
    // GB18030 and UTF-16 with BOM read the same.
    let gbk = tmp("gbk.txt");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&gbk, &bytes).unwrap();
    assert_eq!(codes(&run(&["check", gbk.to_str().unwrap(), "--format", "json"])), base);
    let u16 = tmp("utf16.txt");
    let mut b = vec![0xFF, 0xFE];
    b.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(&u16, &b).unwrap();
    assert_eq!(codes(&run(&["check", u16.to_str().unwrap(), "--format", "json"])), base);
    // .html and .docx fixtures keep their tables.
    for f in ["tests/fixtures/report.html", "tests/fixtures/report.docx"] {
        let out = run(&["check", f, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["report"]["tables"]["t3"]["received"]["total"], 37, "{f}");
        assert_eq!(v["report"]["tables"]["t4"]["review"]["total"], 4, "{f}");
        assert_eq!(v["summary"]["errors"], 0, "{f}: {}", v["diagnostics"]);
    }
}

#[test]
fn consecutive_years_are_paired() {
    let dir = tmp("years");
    std::fs::create_dir_all(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    std::fs::copy(root.join("base.txt"), dir.join("2023.txt")).unwrap();
    let prev = std::fs::read_to_string(root.join("previous.txt"))
        .unwrap()
        .replace("四、结转下年度继续办理\t2\t0", "四、结转下年度继续办理\t3\t0")
        .replace("\t2\t0\t0\t0\t0\t0\t2\n三、", "\t3\t0\t0\t0\t0\t0\t3\n三、");
    std::fs::write(dir.join("2022.txt"), prev).unwrap();
    let out = run(&["check", dir.to_str().unwrap(), "--format", "jsonl"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("\"X001\""), "{s}");
    let with = run(&["check", "tests/rules/base.txt", "--previous", "tests/rules/base.txt", "--format", "json"]);
    assert!(codes(&with).contains(&"X002".to_string()));
}

#[test]
fn rules_listing() {
    let out = run(&["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), nianbao::rules::RULES.len());
}

#[test]
fn text_rendering_snapshot() {
    let out = run(&["check", HONGZE23, "--color", "never"]);
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn readme_lists_every_rule_from_the_registry() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("<!-- rules:begin -->").expect("rules block") + "<!-- rules:begin -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("rules block end");
    assert_eq!(&readme[start..end], nianbao::rules::markdown(), "README rules block is stale: run scripts/readme-rules.sh");
}
