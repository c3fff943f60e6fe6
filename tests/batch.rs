//! A batch as a reviewer runs it: each file read once, consecutive years of
//! one body paired after all are checked (whatever their order), the same
//! findings as a check with `--previous`, and the summary in CSV and XLSX
//! (read back by LibreOffice).

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

fn corpus(f: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real").join(f)).unwrap()
}

/// A new empty folder of this test run's own.
fn empty_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A batch folder: Hongze's two years, Huai'an 2024, a copy of Huai'an as 2025
/// listed before it (copied tables and text), and a file that cannot be read.
fn batch_dir(name: &str) -> PathBuf {
    let d = empty_dir(name);
    std::fs::write(d.join("a_huaian_2025.txt"), corpus("huaian_2024_layout.txt").replace("2024", "2025")).unwrap();
    for f in ["hongze_2023_layout.txt", "hongze_2024_layout.txt", "huaian_2024_layout.txt"] {
        std::fs::write(d.join(f), corpus(f)).unwrap();
    }
    std::fs::write(d.join("z_empty.txt"), "").unwrap();
    d
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn codes(doc: &serde_json::Value) -> Vec<String> {
    doc["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn pairs_are_found_in_any_order_and_give_what_previous_gives() {
    let d = batch_dir("pairs");
    let out = run(&["check", d.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2), "the empty file is a problem: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("z_empty.txt: 文件是空的。(The file is empty.)"));
    let mut docs = jsonl(&out);
    let files: Vec<&str> = docs.iter().map(|v| v["file"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    assert_eq!(
        files,
        ["a_huaian_2025.txt", "hongze_2023_layout.txt", "hongze_2024_layout.txt", "huaian_2024_layout.txt", "z_empty.txt"],
        "input order"
    );
    // The file that cannot be read is in the JSON too, saying why (and nothing else).
    let empty = docs.pop().unwrap();
    assert_eq!(empty["error"], "文件是空的。", "{empty}");
    assert_eq!(empty["error_en"], "The file is empty.", "{empty}");
    assert!(empty.get("report").is_none() && empty.as_object().unwrap().len() == 3, "{empty}");
    // So in a JSON array, and when outputs are not held for pairing (--previous given).
    let prev = d.join("hongze_2023_layout.txt");
    for args in [vec!["--format", "json"], vec!["--format", "jsonl", "--previous", prev.to_str().unwrap()]] {
        let out = run(&[&["check", d.to_str().unwrap()], &args[..]].concat());
        let all: Vec<serde_json::Value> = match args[1] {
            "json" => serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap(),
            _ => jsonl(&out),
        };
        assert_eq!(all.len(), 5, "{args:?}");
        assert_eq!(all[4]["error"], empty["error"], "{args:?}");
    }
    // The 2025 copy is paired with the 2024 report listed after it.
    let copied = codes(&docs[0]);
    assert!(copied.contains(&"X002".to_string()) && copied.contains(&"X003".to_string()), "{copied:?}");
    // Each document says which file was its last year's report; the others say none.
    let previous: Vec<Option<&str>> =
        docs.iter().map(|v| v.get("previous").map(|p| p.as_str().unwrap().rsplit('/').next().unwrap())).collect();
    assert_eq!(previous, [Some("huaian_2024_layout.txt"), None, Some("hongze_2023_layout.txt"), None]);
    // Hongze's two real years: paired, and no false alarm.
    assert!(!codes(&docs[2]).iter().any(|c| c.starts_with('X')), "{:?}", codes(&docs[2]));
    // Each paired report's document is exactly what a check with --previous gives.
    for (i, prev) in [(0, "huaian_2024_layout.txt"), (2, "hongze_2023_layout.txt")] {
        let file = docs[i]["file"].as_str().unwrap();
        let one = run(&["check", file, "--previous", d.join(prev).to_str().unwrap(), "--format", "json"]);
        let one: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
        assert_eq!(one, docs[i], "{file}");
    }
    // Text output of the batch: the same findings, the summary counts them.
    let text = run(&["check", d.to_str().unwrap(), "--color", "never"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(text.matches("warning[X002]").count(), 1, "{text}");
    assert!(text.contains("共 4 份报告"), "{text}");
    let notes: usize = docs.iter().map(|v| v["summary"]["infos"].as_u64().unwrap() as usize).sum();
    assert!(text.contains(&format!("，提示 {notes} 条\n")), "{text}");
    assert!(text.contains("\n另有 1 个文件无法读取（表中“无法读取”的行）\n"), "{text}");
    // The closing table counts notes too, as each report's counts line does.
    assert!(text.lines().any(|l| l.starts_with("文件 file") && l.ends_with("警告 warnings  提示 notes")), "{text}");
    let notes_of = |f: &str| -> String {
        let counts = text.lines().find(|l| l.starts_with(&format!("{f}: "))).expect("counts line");
        counts.rsplit('，').next().unwrap().trim_end_matches(" 条提示").to_string()
    };
    let h = d.join("hongze_2024_layout.txt").display().to_string();
    let row = text.lines().rev().find(|l| l.starts_with(&h)).expect("table row");
    assert_eq!(row.split_whitespace().last().map(str::to_string), Some(notes_of(&h)), "{text}");
    // Under a paired report's counts, the file it was compared with.
    let hongze = d.join("hongze_2024_layout.txt").display().to_string();
    let counts = text.lines().position(|l| l.starts_with(&format!("{hongze}: "))).expect("the report's counts line");
    let said = format!("  已与上年报告对照：{}", d.join("hongze_2023_layout.txt").display());
    assert_eq!(text.lines().nth(counts + 1), Some(said.as_str()), "{text}");
    assert_eq!(text.matches("已与上年报告对照").count(), 2, "{text}");
    // A --previous that is not last year's report of the same body is not said to be compared.
    let other = run(&["check", &hongze, "--previous", d.join("huaian_2024_layout.txt").to_str().unwrap(), "--format", "json"]);
    let other: serde_json::Value = serde_json::from_slice(&other.stdout).unwrap();
    assert!(other.get("previous").is_none(), "{other}");
    // …and says so in the output itself, not only on stderr.
    assert!(other["previous_not_compared"].as_str().unwrap().ends_with("huaian_2024_layout.txt"), "{other}");
    let other = run(&["check", &hongze, "--previous", d.join("huaian_2024_layout.txt").to_str().unwrap(), "--color", "never"]);
    let other = String::from_utf8_lossy(&other.stdout);
    assert!(other.contains("\n  未与上年报告对照："), "{other}");
    assert!(other.contains("不是本报告机关上一年度的报告，跨年度检查（X001–X003）未做\n"), "{other}");
    let english =
        run(&["check", &hongze, "--previous", d.join("hongze_2023_layout.txt").to_str().unwrap(), "--lang", "en", "--color", "never"]);
    assert!(
        String::from_utf8_lossy(&english.stdout).contains("  Compared with last year's report: "),
        "{}",
        String::from_utf8_lossy(&english.stdout)
    );
    // The closing table lists the file that could not be read too, in its place.
    let last_rows: Vec<&str> = text.lines().filter(|l| l.contains(".txt  ")).collect();
    assert_eq!(last_rows.len(), 5, "{text}");
    assert!(last_rows[4].contains("z_empty.txt") && last_rows[4].contains("无法读取 unreadable"), "{text}");
}

#[test]
fn each_file_is_opened_once() {
    if Command::new("strace").arg("-V").output().is_err() {
        panic!("strace is needed (scripts/setup.sh installs it)");
    }
    let d = batch_dir("once");
    std::fs::remove_file(d.join("z_empty.txt")).unwrap();
    let log = d.join("trace.log");
    let out = Command::new("strace")
        .args(["-f", "-e", "trace=openat,open", "-o", log.to_str().unwrap(), env!("CARGO_BIN_EXE_nianbao"), "check"])
        .arg(&d)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(jsonl(&out).len(), 4);
    let trace = std::fs::read_to_string(&log).unwrap();
    for f in ["a_huaian_2025.txt", "hongze_2023_layout.txt", "hongze_2024_layout.txt", "huaian_2024_layout.txt"] {
        let opens = trace.lines().filter(|l| l.contains(f) && !l.contains("ENOENT")).count();
        assert_eq!(opens, 1, "{f} opened {opens} times:\n{trace}");
    }
}

/// A PDF's findings in the findings sheet carry the page to look at (their
/// line is in the text read from the PDF, which the reviewer does not have);
/// a text report's have a line and no page.
#[test]
fn a_pdfs_findings_have_their_page_in_the_sheet() {
    let d = empty_dir("pages");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("tests/corpus/real/pdf/hongze_qu_2023.pdf"), d.join("hongze_qu_2023.pdf")).unwrap();
    std::fs::write(d.join("huaian_2024_layout.txt"), corpus("huaian_2024_layout.txt")).unwrap();
    let xlsx = d.join("pages.xlsx");
    let out = run(&["check", d.to_str().unwrap(), "--summary", "xlsx", xlsx.to_str().unwrap(), "--format", "text", "--color", "never"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let sheet2 = soffice_to_csv(&xlsx, Some(2));
    let rows: Vec<Vec<&str>> = sheet2.lines().skip(1).map(|l| l.split(',').collect()).collect();
    let (pdf, txt): (Vec<_>, Vec<_>) = rows.iter().partition(|r| r[0].ends_with(".pdf"));
    assert!(!pdf.is_empty() && !txt.is_empty(), "{sheet2}");
    assert!(txt.iter().all(|r| r[7].is_empty() && r[6].parse::<u32>().is_ok()), "{sheet2}");
    // Each page as the text output gives it for the same finding ("a.pdf:43:1 (第3页)").
    for r in &pdf {
        let page: u32 = r[7].parse().unwrap_or_else(|_| panic!("a page: {r:?}"));
        let (at, on) = (format!("hongze_qu_2023.pdf:{}:", r[6]), format!("(第{page}页)"));
        assert!(text.lines().any(|l| l.contains(&at) && l.ends_with(&on)), "{r:?}\n{text}");
    }
    assert!(pdf.iter().any(|r| r[3] == "T004" && r[7] == "3"), "{sheet2}");
}

fn soffice_to_csv(file: &Path, sheet: Option<usize>) -> String {
    let out = file.parent().unwrap().join(format!("csv-{}", sheet.unwrap_or(0)));
    std::fs::create_dir_all(&out).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", file.parent().unwrap().join("lo-profile").display());
    // UTF-8 (76), comma, quote; the last field picks the sheet (1-based).
    let filter = format!("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{}", sheet.unwrap_or(1));
    let st = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", &filter, "--outdir", out.to_str().unwrap()])
        .arg(file)
        .output()
        .expect("LibreOffice (scripts/setup.sh --browser installs it)");
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    let name = file.file_stem().unwrap().to_str().unwrap();
    let csv = std::fs::read_dir(&out).unwrap().flatten().map(|e| e.path()).find(|p| p.to_str().unwrap().contains(name)).unwrap();
    std::fs::read_to_string(csv).unwrap()
}

#[test]
fn the_summary_as_csv_and_xlsx() {
    let d = batch_dir("summary");
    let csv = d.join("汇总.csv");
    let xlsx = d.join("汇总.xlsx");
    let out = run(&["check", d.to_str().unwrap(), "--format", "jsonl", "--summary", "csv", csv.to_str().unwrap()]);
    // The reports; the empty file's entry says only why it was not read.
    let (docs, unread): (Vec<_>, Vec<_>) = jsonl(&out).into_iter().partition(|d| d.get("error").is_none());
    assert_eq!(unread.len(), 1);
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM for Excel");
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "文件,机关,年度,错误,警告,提示,主要问题,说明");
    assert_eq!(lines.len(), 6, "{text}");
    for (line, doc) in lines[1..5].iter().zip(&docs) {
        let s = &doc["summary"];
        let expect = format!(
            "{},{},{},{},{},{},",
            doc["file"].as_str().unwrap(),
            doc["report"]["organ"].as_str().unwrap(),
            doc["report"]["year"],
            s["errors"],
            s["warnings"],
            s["infos"]
        );
        assert!(line.starts_with(&expect), "{line}\n{expect}");
    }
    assert!(lines[1].contains("X002 表格数据与上年完全相同"), "{}", lines[1]);
    // The note says which report each was compared with (X001–X003 ran), and nothing for the others.
    let huaian = d.join("huaian_2024_layout.txt");
    assert!(lines[1].ends_with(&format!(",已与上年报告对照：{}", huaian.display())), "{}", lines[1]);
    assert!(lines[3].ends_with(&format!(",已与上年报告对照：{}", d.join("hongze_2023_layout.txt").display())), "{}", lines[3]);
    assert!(lines[2].ends_with(','), "{}", lines[2]);
    // In English, the headers too (--lang).
    let en = d.join("summary-en.csv");
    run(&["check", d.to_str().unwrap(), "--summary", "csv", en.to_str().unwrap(), "--lang", "en"]);
    let en = std::fs::read_to_string(&en).unwrap();
    let en: Vec<&str> = en.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(en[0], "File,Body,Year,Errors,Warnings,Notes,Most serious findings,Remarks");
    assert!(en[1].ends_with(&format!(",Compared with last year's report: {}", huaian.display())), "{}", en[1]);
    assert!(en[5].ends_with("z_empty.txt,,,,,,,The file is empty."), "{}", en[5]);
    // A --previous that is not last year's report of the body says so in the remarks too.
    let wrong = d.join("wrong.csv");
    run(&[
        "check",
        huaian.to_str().unwrap(),
        "--previous",
        d.join("hongze_2023_layout.txt").to_str().unwrap(),
        "--summary",
        "csv",
        wrong.to_str().unwrap(),
    ]);
    let wrong = std::fs::read_to_string(&wrong).unwrap();
    assert!(wrong.lines().nth(1).unwrap().contains(",未与上年报告对照："), "{wrong}");
    assert!(lines[5].ends_with("z_empty.txt,,,,,,,文件是空的。"), "{}", lines[5]);

    let out = run(&["check", d.to_str().unwrap(), "--summary", "xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let sheet1 = soffice_to_csv(&xlsx, Some(1));
    let rows: Vec<&str> = sheet1.lines().collect();
    assert_eq!(rows.len(), 6, "{sheet1}");
    assert!(rows[0].starts_with("文件,机关,年度,错误,警告,提示"), "{}", rows[0]);
    assert_eq!(rows[1..5].iter().zip(&lines[1..5]).filter(|(a, b)| a == b).count(), 4, "the same rows as the CSV:\n{sheet1}\n{text}");
    let sheet2 = soffice_to_csv(&xlsx, Some(2));
    let findings: Vec<&str> = sheet2.lines().collect();
    assert_eq!(findings[0], "文件,机关,年度,代码,级别,单元格,行号,页码,问题,建议");
    let all: usize = docs.iter().map(|d| d["diagnostics"].as_array().unwrap().len()).sum();
    assert_eq!(findings.len(), all + 1, "one row per finding:\n{sheet2}");
    assert!(findings.iter().any(|l| l.contains(",X002,警告,,65,,表格中的 200 个数据与上一年报告完全相同")), "{sheet2}");
    // Cells by the names a reader knows, and the line of each finding in its report.
    assert!(
        findings.iter().any(|l| l.contains(",表四 · 行政复议 · 总计,") || l.contains(",表三 · 上年结转政府信息公开申请数量 · ")),
        "cells are named:\n{sheet2}"
    );
    assert!(!sheet2.contains(",t3.") && !sheet2.contains(",t4."), "no keys:\n{sheet2}");
    assert!(findings[1..].iter().all(|l| l.split(',').nth(6).is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n > 0))), "lines:\n{sheet2}");
}

/// `--summary FILE`: the format is the file name's. Followed by a report, the
/// report is checked in its place (clap takes it for a second value).
#[test]
fn the_summary_may_be_named_by_its_file_alone() {
    let d = empty_dir("summary-alone");
    let (csv, xlsx) = (d.join("汇总.csv"), d.join("汇总.XLSX"));
    let (a, b) = ("tests/corpus/real/hongze_2023_layout.txt", "tests/corpus/real/huaian_2024_layout.txt");
    let files = |csv: &Path| -> Vec<String> {
        let sheet = std::fs::read_to_string(csv).unwrap();
        sheet.lines().skip(1).map(|l| l.split(',').next().unwrap().trim_start_matches('\u{feff}').to_string()).collect()
    };
    for (args, order) in [
        (vec![a, "--summary", csv.to_str().unwrap(), b], [a, b]),
        (vec!["--summary", csv.to_str().unwrap(), b, a], [b, a]),
        (vec![b, a, "--summary", csv.to_str().unwrap()], [b, a]),
    ] {
        let _ = std::fs::remove_file(&csv);
        let out = run(&[&["check", "--format", "jsonl"], &args[..]].concat());
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let checked: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["file"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(checked, order, "{args:?}");
        assert_eq!(files(&csv), order, "{args:?}");
    }
    let out = run(&["check", a, "--summary", xlsx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "Hongze 2023 has errors: {}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    // A summary and no report: said in both languages.
    let out = run(&["check", "--summary", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give the reports to check"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_bad_summary_format_is_refused() {
    let out = run(&["check", "tests/corpus/real/huaian_2024_layout.txt", "--summary", "pdf", "x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("csv or xlsx"));
    // A summary that cannot be written is said before any report is checked.
    let out = run(&["check", "tests/corpus/real/huaian_2024_layout.txt", "--summary", "csv", "/nonexistent-folder/汇总.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing checked");
    let said = String::from_utf8_lossy(&out.stderr);
    // The system's reason is English: the Chinese half says it in Chinese.
    assert!(said.contains("无法写入汇总（所在文件夹不存在）") && said.contains("cannot write the summary"), "{said}");
    // Trying does not leave a file behind, nor empty one that was there, when
    // the run then stops (here: last year's report cannot be read).
    let d = batch_dir("writable");
    let (new, old) = (d.join("new.csv"), d.join("old.csv"));
    std::fs::write(&old, "kept").unwrap();
    let report = d.join("huaian_2024_layout.txt");
    let missing = d.join("nothing.txt");
    for to in [&new, &old] {
        let out =
            run(&["check", report.to_str().unwrap(), "--previous", missing.to_str().unwrap(), "--summary", "csv", to.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(!new.exists());
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "kept");
}

#[test]
fn one_body_is_paired_when_its_name_gains_its_city() {
    // Hongze's 2023 report says 洪泽区人民政府, its 2024 report 淮安市洪泽区人民政府.
    let d = empty_dir("names");
    let y2023 = corpus("hongze_2023_layout.txt");
    std::fs::write(d.join("a.txt"), &y2023).unwrap();
    std::fs::write(d.join("b.txt"), y2023.replace("2023", "2024").replace("洪泽区人民政府", "淮安市洪泽区人民政府")).unwrap();
    let docs = jsonl(&run(&["check", d.to_str().unwrap(), "--format", "jsonl"]));
    assert_eq!(docs[1]["report"]["organ"], "淮安市洪泽区人民政府");
    let copied = codes(&docs[1]);
    assert!(copied.contains(&"X002".to_string()) && copied.contains(&"X003".to_string()), "{copied:?}");
}

/// Two reports of one body and year in a batch (the layout text and the
/// pdftotext reading of the same report) are said to be so, by each: under
/// the counts, in the JSON and in the summary's remarks; one body's report
/// alone in its year is said nothing.
#[test]
fn the_same_body_and_year_twice_is_said() {
    let d = batch_dir("twins");
    std::fs::write(d.join("hongze_2024_reading_order.txt"), corpus("hongze_2024_reading_order.txt")).unwrap();
    let csv = d.join("twins.csv");
    let out = run(&["check", d.to_str().unwrap(), "--format", "jsonl", "--summary", "csv", csv.to_str().unwrap()]);
    let docs = jsonl(&out);
    let (layout, reading) = (d.join("hongze_2024_layout.txt"), d.join("hongze_2024_reading_order.txt"));
    let doc = |p: &Path| docs.iter().find(|x| x["file"] == p.to_str().unwrap()).unwrap();
    assert_eq!(doc(&layout)["same_year_as"], serde_json::json!([reading.to_str().unwrap()]));
    assert_eq!(doc(&reading)["same_year_as"], serde_json::json!([layout.to_str().unwrap()]));
    // Both are last year's report's next year: each was compared with it.
    assert_eq!(doc(&reading)["previous"], d.join("hongze_2023_layout.txt").to_str().unwrap());
    assert!(docs
        .iter()
        .filter(|x| x["file"] != layout.to_str().unwrap() && x["file"] != reading.to_str().unwrap())
        .all(|x| x.get("same_year_as").is_none()));
    let text = std::fs::read_to_string(&csv).unwrap();
    let row = text.lines().find(|l| l.starts_with(reading.to_str().unwrap())).unwrap();
    assert!(row.ends_with(&format!("；本批中另有同一机关同一年度的报告：{}", layout.display())), "{row}");

    let out = run(&["check", d.to_str().unwrap(), "--color", "never", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("\n  Another report of this body and year in the batch: {}\n", reading.display())), "{text}");
    // A third version: each names both others.
    let third = d.join("hongze_2024_copy.txt");
    std::fs::write(&third, corpus("hongze_2024_layout.txt")).unwrap();
    let docs = jsonl(&run(&["check", d.to_str().unwrap(), "--format", "jsonl"]));
    let doc = |p: &Path| docs.iter().find(|x| x["file"] == p.to_str().unwrap()).unwrap().clone();
    assert_eq!(doc(&layout)["same_year_as"], serde_json::json!([third.to_str().unwrap(), reading.to_str().unwrap()]));
    assert_eq!(doc(&third)["same_year_as"], serde_json::json!([layout.to_str().unwrap(), reading.to_str().unwrap()]));
}

/// A pair found in a batch gives the same summary row as the same two files
/// checked with `--previous`: the same counts and the same most serious
/// findings (the cross-year ones among them, in their place), and the same
/// findings with their lines in the XLSX.
#[test]
fn a_pair_summarises_alike_in_a_batch_and_with_previous() {
    let d = batch_dir("alike");
    let (now, before) = (d.join("a_huaian_2025.txt"), d.join("huaian_2024_layout.txt"));
    let row = |args: &[&str], csv: &Path| {
        run(&[&["check"], args, &["--summary", "csv", csv.to_str().unwrap()]].concat());
        let text = std::fs::read_to_string(csv).unwrap();
        let line = text.lines().find(|l| l.starts_with(now.to_str().unwrap())).unwrap().to_string();
        // File to the most serious findings: the remarks differ in wording only when one was named by hand.
        line.rsplit_once(',').unwrap().0.to_string()
    };
    let batch = row(&[d.to_str().unwrap()], &d.join("batch.csv"));
    let single = row(&[now.to_str().unwrap(), "--previous", before.to_str().unwrap()], &d.join("single.csv"));
    assert!(batch.contains("X00"), "{batch}");
    assert_eq!(batch, single);
    // Every finding's line, the cross-year ones too, in the order of the report.
    let sheet = |args: &[&str], name: &str| {
        let xlsx = d.join(name);
        run(&[&["check"], args, &["--summary", "xlsx", xlsx.to_str().unwrap()]].concat());
        soffice_to_csv(&xlsx, Some(2)).lines().filter(|l| l.starts_with(now.to_str().unwrap())).map(str::to_string).collect::<Vec<_>>()
    };
    let (b, s) = (
        sheet(&[d.to_str().unwrap()], "batch.xlsx"),
        sheet(&[now.to_str().unwrap(), "--previous", before.to_str().unwrap()], "single.xlsx"),
    );
    assert!(b.iter().any(|l| l.contains(",X002,")), "{b:?}");
    assert_eq!(b, s);
}

/// A folder's README or a notice saved beside the reports is no report: in a
/// batch it is one line and a row that say so, counted neither as a report nor
/// as an error; alone it is checked as given. A folder of such files passes no
/// CI job.
#[test]
fn a_file_that_is_no_report_is_set_apart_in_a_batch() {
    let d = empty_dir("noreport");
    // A report without errors, so that the batch's status is the report's alone.
    let clean = run(&["check", "tests/corpus/real/hongze_2024_layout.txt"]);
    std::fs::write(d.join("hongze_2024_layout.txt"), corpus("hongze_2024_layout.txt")).unwrap();
    std::fs::write(d.join("README.md"), "# Reports\n\nDownloaded from the portals on 3 January.\n").unwrap();
    // A notice about the reports: a report's title in its sentence, one numbered heading.
    std::fs::write(
        d.join("notice.txt"),
        "关于做好年度报告工作的通知\n各单位：\n现就做好2024年度政府信息公开工作年度报告编制工作通知如下：\n一、总体要求\n按格式编制。\n",
    )
    .unwrap();
    // A portal's page that lists reports: last year's title, and no report.
    std::fs::write(
        d.join("portal.html"),
        "<html><body><ul><li><a href=\"a.html\">淮安市洪泽区人民政府2023年政府信息公开工作年度报告</a> 2024-01-20</li></ul></body></html>",
    )
    .unwrap();
    // The lock file Word keeps beside an open document: not even listed.
    std::fs::write(d.join("~$hongze.docx"), "x").unwrap();
    let dir = d.to_str().unwrap();

    std::fs::write(d.join("photo.png"), b"\x89PNG\r\n").unwrap();
    let out = run(&["check", dir]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), clean.status.code(), "the status is the report's alone: {text}");
    assert!(!text.contains("~$hongze.docx"), "{text}");
    // Files of other kinds are left unread, and said to be (as the browser says them).
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("跳过 2 个其他类型的文件") && said.contains("2 files of other kinds skipped"), "{said}");
    assert!(said.contains("photo.png") && said.contains("~$hongze.docx"), "{said}");
    std::fs::remove_file(d.join("photo.png")).unwrap();
    for f in ["README.md", "notice.txt", "portal.html"] {
        assert!(text.contains(&format!("{f}: 未识别为政府信息公开工作年度报告")), "{f} is said to be no report: {text}");
        let row =
            text.lines().find(|l| l.contains(f) && l.contains("不像年报 not a report")).unwrap_or_else(|| panic!("{f}'s row: {text}"));
        assert!(row.ends_with('—'), "no counts: {row}");
    }
    assert!(!text.contains("S001"), "no findings for the files that are no report: {text}");
    assert!(text.contains("共 1 份报告"), "{text}");
    assert!(text.contains("另有 3 个文件未识别为年度报告"), "{text}");
    // The page that carries last year's title is nobody's report of 2023.
    assert!(!text.contains("已与上年报告对照"), "{text}");

    // JSON keeps everything, marked.
    let docs = jsonl(&run(&["check", dir, "--format", "jsonl"]));
    assert_eq!(docs.len(), 4);
    for doc in &docs {
        let no_report = !doc["file"].as_str().unwrap().ends_with("layout.txt");
        assert_eq!(doc["not_a_report"] == true, no_report, "{}", doc["file"]);
        assert!(no_report || doc.get("previous").is_none(), "{}", doc["file"]);
        if doc["file"].as_str().unwrap().ends_with("README.md") {
            assert!(codes(doc).contains(&"S001".to_string()), "the findings are kept in JSON");
        }
    }

    // The summary says why, in its language, with no counts.
    let csv = d.with_extension("csv");
    run(&["check", dir, "--summary", "csv", csv.to_str().unwrap(), "--lang", "en"]);
    let sheet = std::fs::read_to_string(&csv).unwrap();
    let row = sheet.lines().find(|l| l.contains("README.md")).unwrap();
    assert!(row.contains(",,,,,,,\"Not recognised as a government information disclosure annual report"), "{row}");

    // Alone, the same file is checked as the report it was given as.
    let alone = run(&["check", d.join("README.md").to_str().unwrap()]);
    assert_eq!(alone.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&alone.stdout).contains("S001"));
    let doc: serde_json::Value =
        serde_json::from_slice(&run(&["check", d.join("README.md").to_str().unwrap(), "--format", "json"]).stdout).unwrap();
    assert_eq!(doc["not_a_report"], true);

    // A folder without one report is no pass.
    std::fs::remove_file(d.join("hongze_2024_layout.txt")).unwrap();
    let out = run(&["check", dir]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("0 reports checked: 3 files were not recognised as annual reports"), "{said}");
    assert!(said.contains("3 个文件都未识别为年度报告"), "{said}");
    // One such file is not "all" of them.
    for f in ["notice.txt", "portal.html"] {
        std::fs::remove_file(d.join(f)).unwrap();
    }
    let said = String::from_utf8_lossy(&run(&["check", dir]).stderr).to_string();
    assert!(said.contains("：1 个文件未识别为年度报告") && said.contains("1 file was not recognised"), "{said}");
    let _ = std::fs::remove_dir_all(&d);
    let _ = std::fs::remove_file(&csv);
}

/// A report whose own years disagree (S009: its title says 2023, its period
/// 2024) is nobody's report of a year in a batch: the correct 2024 report of
/// the same body is not compared with it as last year's (which raised X001,
/// X002 and X003 on a correct report), nor listed as its twin.
#[test]
fn a_report_whose_years_disagree_is_not_paired() {
    let d = empty_dir("mistyped");
    let report = corpus("huaian_2024_layout.txt");
    let (title, rest) = report.split_at(report.find("年政府信息公开工作年度报告").unwrap());
    assert!(title.ends_with("2024 "), "the title's year: {title:?}");
    let mistyped = format!("{}2023 {rest}", &title[..title.len() - 5]);
    std::fs::write(d.join("huaian_2024.txt"), &report).unwrap();
    std::fs::write(d.join("huaian_2024_mistyped.txt"), &mistyped).unwrap();
    let out = run(&["check", d.to_str().unwrap(), "--format", "jsonl"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let docs: Vec<&str> = text.lines().collect();
    assert_eq!(docs.len(), 2, "{text}");
    assert!(docs[1].contains("\"S009\""), "the mistyped copy says its years disagree: {}", docs[1]);
    for doc in docs {
        for x in ["\"X001\"", "\"X002\"", "\"X003\"", "\"previous\"", "\"same_year_as\""] {
            assert!(!doc.contains(x), "{x}: {doc}");
        }
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// A .zip of reports in a folder is not read by the command line (the web
/// app's batch unpacks archives): it is a row of the summary that says to
/// unpack it, not a file skipped with a word on stderr that a summary handed
/// on would not show. Checked alone it is named as what it is, not as a
/// broken .docx.
#[test]
fn a_zip_of_reports_is_a_row_that_says_to_unpack_it() {
    let d = empty_dir("zipped");
    std::fs::write(d.join("hongze_2024_layout.txt"), corpus("hongze_2024_layout.txt")).unwrap();
    // Packed by Python's zipfile, as an archiver packs a folder.
    let zip = d.join("打包.zip");
    let packed = Command::new("python3")
        .args(["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED); z.writestr('年报/a.txt', sys.argv[2]); z.close()"])
        .arg(&zip)
        .arg(corpus("hongze_2023_layout.txt"))
        .status()
        .expect("python3 runs");
    assert!(packed.success());
    let csv = d.join("汇总.csv");
    let out = run(&["check", d.to_str().unwrap(), "--summary", csv.to_str().unwrap()]);
    let (text, said) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(2), "a file not read makes the status 2: {text}");
    assert!(!said.contains("其他类型"), "not skipped: {said}");
    assert!(said.contains("这是压缩包（.zip）") && said.contains("A .zip archive"), "{said}");
    assert!(text.lines().any(|l| l.contains("打包.zip") && l.contains("无法读取 unreadable")), "{text}");
    let summary = std::fs::read_to_string(&csv).unwrap();
    let row = summary.lines().find(|l| l.contains("打包.zip")).unwrap_or_else(|| panic!("the zip's row: {summary}"));
    assert!(row.contains("请解压后再检查"), "{row}");

    let alone = run(&["check", zip.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&alone.stderr);
    assert_eq!(alone.status.code(), Some(2));
    assert!(said.contains("这是压缩包（.zip）") && !said.contains(".docx"), "{said}");
}

#[test]
fn every_path_given_has_its_row_in_the_summary() {
    // A link to nothing, a link loop and a path that does not exist are rows
    // of the summary in their places, as in the text table, saying why.
    let d = empty_dir("every-path");
    std::fs::write(d.join("a.txt"), corpus("huaian_2024_layout.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", d.join("b_dangling.txt")).unwrap();
    std::os::unix::fs::symlink("c_loop2.txt", d.join("c_loop1.txt")).unwrap();
    std::os::unix::fs::symlink("c_loop1.txt", d.join("c_loop2.txt")).unwrap();
    let csv = d.join("汇总.csv");
    let missing = d.join("missing/x.txt");
    let out = run(&["check", d.to_str().unwrap(), missing.to_str().unwrap(), "--summary", "csv", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<&str> = text.trim_start_matches('\u{feff}').lines().skip(1).collect();
    let files: Vec<&str> = rows.iter().map(|r| r.split(',').next().unwrap()).collect();
    let name = |f: &str| d.join(f).display().to_string();
    assert_eq!(
        files,
        [name("a.txt"), name("b_dangling.txt"), name("c_loop1.txt"), name("c_loop2.txt"), missing.display().to_string()],
        "{text}"
    );
    assert!(rows[1].ends_with("符号链接指向的文件无法读取（No such file or directory (os error 2)）。"), "{}", rows[1]);
    assert!(rows[2].ends_with("符号链接循环指向自身，未读取。"), "{}", rows[2]);
    assert!(rows[4].ends_with(",,,,,,,文件或目录不存在。"), "{}", rows[4]);
    // The text table lists the same paths.
    let table = run(&["check", d.to_str().unwrap(), missing.to_str().unwrap()]);
    let table = String::from_utf8_lossy(&table.stdout);
    for f in &files {
        assert!(table.contains(f), "{f} in\n{table}");
    }
}

#[test]
fn the_summary_is_never_a_report_by_another_name() {
    // A hard link is the report itself under another name: not overwritten.
    let d = empty_dir("hard-link");
    let report = d.join("2024.txt");
    std::fs::write(&report, corpus("huaian_2024_layout.txt")).unwrap();
    let before = std::fs::read(&report).unwrap();
    let other_name = d.join("汇总.xlsx");
    std::fs::hard_link(&report, &other_name).unwrap();
    let out = run(&["check", report.to_str().unwrap(), "--summary", other_name.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("是要检查的报告，未覆盖它"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&report).unwrap(), before);
    // Likewise when the folder is walked while its reports are checked: nothing is written.
    let out = run(&["check", d.to_str().unwrap(), "--summary", other_name.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("是要检查的报告，未覆盖它"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(std::fs::read(&report).unwrap(), before);
    // A summary's file that exists and is no report is written over as asked.
    let old = d.join("old.csv");
    std::fs::write(&old, "last week's summary").unwrap();
    let out = run(&["check", report.to_str().unwrap(), "--summary", old.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&old).unwrap().starts_with("\u{feff}文件,机关"));
}

#[test]
fn a_second_summary_is_a_usage_error_not_a_report() {
    let d = empty_dir("two-summaries");
    let (a, b) = (d.join("a.csv"), d.join("b.xlsx"));
    let out =
        run(&["check", "--summary", a.to_str().unwrap(), "--summary", b.to_str().unwrap(), "tests/corpus/real/huaian_2024_layout.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--summary 只能给一次"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty() && !a.exists() && !b.exists(), "nothing checked, nothing written");
}

#[test]
fn a_folder_given_with_nothing_to_check_is_said() {
    let d = empty_dir("empty-folder");
    let (empty, full) = (d.join("2023"), d.join("2024"));
    std::fs::create_dir_all(empty.join("inner")).unwrap();
    std::fs::create_dir_all(&full).unwrap();
    std::fs::write(full.join("淮安.txt"), corpus("huaian_2024_layout.txt")).unwrap();
    let out = run(&["check", full.to_str().unwrap(), empty.to_str().unwrap(), "--format", "jsonl"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("nianbao: {}: 目录中没有可检查的报告", empty.display())), "{err}");
    assert!(!err.contains(&format!("{}: 目录中", full.display())), "{err}");
    // Said, not an error: the exit status is the report's.
    assert_ne!(out.status.code(), Some(2), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    // A folder walked already (given twice, or inside a folder given before) is not said to be empty.
    for args in [[full.to_str().unwrap(), full.to_str().unwrap()], [d.to_str().unwrap(), full.to_str().unwrap()]] {
        let out = run(&[&["check"], &args[..]].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("目录中没有可检查的报告"), "{args:?}: {err}");
    }
}

#[test]
fn what_could_not_be_read_is_said_in_input_order() {
    // A file that cannot be read in the first folder, a link to nothing in
    // the second: stderr names them in that order (the walk's were said first).
    let d = empty_dir("stderr-order");
    let (first, second) = (d.join("a"), d.join("b"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    std::fs::write(first.join("empty.txt"), "").unwrap();
    std::fs::write(first.join("report.txt"), corpus("huaian_2024_layout.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", second.join("dangling.txt")).unwrap();
    let out = run(&["check", first.to_str().unwrap(), second.to_str().unwrap(), "--format", "jsonl"]);
    let err = String::from_utf8_lossy(&out.stderr);
    let at = |f: &Path| err.find(&format!("nianbao: {}: ", f.display())).unwrap_or_else(|| panic!("{} in\n{err}", f.display()));
    assert!(at(&first.join("empty.txt")) < at(&second.join("dangling.txt")), "{err}");
    // The JSON has them in the same order.
    let files: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(files[0].ends_with("a/empty.txt") && files[2].ends_with("b/dangling.txt"), "{files:?}");
}
