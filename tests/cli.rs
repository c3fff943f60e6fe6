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
    // A last year's report that cannot be read is named as such.
    let prev = run(&["check", HUAIAN, "--previous", "no/such/last.txt"]);
    assert_eq!(prev.status.code(), Some(2));
    let err = String::from_utf8_lossy(&prev.stderr);
    assert!(
        err.contains("--previous")
            && err.contains("上年报告：文件或目录不存在。(Last year's report: No such file or directory.)")
            && err.contains("no/such/last.txt"),
        "{err}"
    );
    // No jobs at all is no way to check: refused, not taken for one.
    let none = run(&["check", HUAIAN, "--jobs", "0"]);
    assert_eq!(none.status.code(), Some(2));
    let err = String::from_utf8_lossy(&none.stderr);
    assert!(err.contains("--jobs") && err.contains("须为 1 到 65535 之间的整数") && err.contains("a whole number"), "{err}");
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
    // Text (or GB18030 text) saved as .docx, .odt or .rtf is read for what it
    // holds, as the browser reads it; bytes that are neither keep the message
    // of the kind the name promised.
    for (name, bytes) in [("text.docx", text.as_bytes()), ("text.odt", &bytes[..]), ("text.rtf", text.as_bytes())] {
        let f = tmp(name);
        std::fs::write(&f, bytes).unwrap();
        assert_eq!(codes(&run(&["check", f.to_str().unwrap(), "--format", "json"])), base, "{name}");
    }
    let junk = tmp("junk.docx");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 0, 255, 216].repeat(64)).unwrap();
    let out = run(&["check", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    // Each half of the message speaks one language.
    let err = String::from_utf8_lossy(&out.stderr);
    let (zh, en) = err.trim().split_once("。(").unwrap();
    let reason = zh.split_once("（").and_then(|(_, r)| r.split_once("）")).map(|(r, _)| r).unwrap_or("");
    assert!(zh.contains("不是可读的 .docx") && !reason.is_empty() && !reason.contains(|c: char| c.is_ascii_alphabetic()), "{err}");
    assert!(en.starts_with("Not a readable .docx") && !en.contains(|c: char| c >= '\u{3000}'), "{err}");
    // A Word document saved as .odt, an OpenDocument saved as .docx: read for what they are.
    let swapped = [("report.docx", "swapped.odt"), ("report.odt", "swapped.docx")].map(|(from, to)| {
        let f = tmp(to);
        std::fs::copy(Path::new("tests/fixtures").join(from), &f).unwrap();
        f
    });
    // .html and .docx fixtures keep their tables (and so do the swapped ones).
    for f in ["tests/fixtures/report.html", "tests/fixtures/report.docx", swapped[0].to_str().unwrap(), swapped[1].to_str().unwrap()] {
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
    // --previous: last year's report of the same body (the same tables: X002) ...
    let last = std::fs::read_to_string(root.join("base.txt")).unwrap().replace("2023", "2022");
    std::fs::write(dir.join("last.txt"), last).unwrap();
    let with = run(&["check", "tests/rules/base.txt", "--previous", dir.join("last.txt").to_str().unwrap(), "--format", "json"]);
    assert!(codes(&with).contains(&"X002".to_string()));
    // ... and not the report itself, or another year: no accusation of copying, and why.
    let older = std::fs::read_to_string(root.join("base.txt")).unwrap().replace("2023", "2021");
    std::fs::write(dir.join("older.txt"), older).unwrap();
    for other in ["tests/rules/base.txt", dir.join("older.txt").to_str().unwrap()] {
        let itself = run(&["check", "tests/rules/base.txt", "--previous", other, "--format", "json"]);
        let c = codes(&itself);
        assert!(!c.iter().any(|c| c.starts_with('X')), "{other}: {c:?}");
        assert!(String::from_utf8_lossy(&itself.stderr).contains("未做跨年度检查"), "{other}");
    }
}

#[test]
fn the_summary_never_overwrites_a_report() {
    let dir = tmp("summary-safe");
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("2024.txt");
    std::fs::copy(HUAIAN, &report).unwrap();
    let before = std::fs::read(&report).unwrap();
    // The file name forgotten: the report would be taken for the summary's path.
    let forgot = run(&["check", "--summary", "csv", report.to_str().unwrap(), HUAIAN]);
    assert_eq!(forgot.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&forgot.stderr).contains(".csv"));
    // A report named like a summary is not overwritten either.
    let named = dir.join("r.csv");
    std::fs::copy(HUAIAN, &named).unwrap();
    let same = run(&["check", named.to_str().unwrap(), "--summary", "csv", named.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(2));
    assert_eq!(std::fs::read(&report).unwrap(), before);
    assert_eq!(std::fs::read(&named).unwrap(), before);
}

#[test]
fn rules_listing() {
    let out = run(&["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), nianbao::rules::RULES.len());
    // Both languages' documentation as plain lines: no leading space, no trailing line break.
    for r in v.as_array().unwrap() {
        for key in ["doc", "doc_en"] {
            let doc = r[key].as_str().unwrap();
            assert!(!doc.is_empty() && !doc.ends_with('\n'), "{key} of {}", r["code"]);
            assert!(doc.lines().all(|l| l == l.trim()), "{key} of {}: {doc:?}", r["code"]);
        }
    }
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

// ---- Hostile input (issue 12) and trust (issue 13): every bad file gets one
// plain line on stderr while the other files of the same run are checked.

#[path = "../examples/common/shapes.rs"]
mod shapes;

/// A run over `bad` files and the clean report: (exit code, stdout, stderr).
/// The clean report must have been checked (its JSON line is on stdout) and
/// each bad file must have exactly one line on stderr naming it.
fn alongside(bad: &[&Path], says: &[&str]) -> String {
    let mut args: Vec<&str> = vec!["check", "--format", "jsonl"];
    args.extend(bad.iter().map(|p| p.to_str().unwrap()));
    args.push(HUAIAN);
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_nianbao")).current_dir(env!("CARGO_MANIFEST_DIR")).args(&args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // Each bad file has its entry in its place, saying why (as stderr does).
    assert_eq!(lines.len(), bad.len() + 1, "{stdout}");
    for ((entry, p), s) in lines.iter().zip(bad).zip(says) {
        assert_eq!(entry["file"], p.to_str().unwrap());
        let why = format!("{}{}", entry["error"].as_str().unwrap_or(""), entry["error_en"].as_str().unwrap_or(""));
        assert!(why.contains(s) && entry.get("report").is_none(), "{entry}");
    }
    let checked = &lines[bad.len()..];
    assert_eq!(checked.len(), 1, "only the clean report is checked: {stdout}");
    assert_eq!(checked[0]["report"]["tables"]["t3"]["received"]["total"], 3119);
    assert_eq!(stderr.lines().count(), bad.len(), "{stderr}");
    for (p, s) in bad.iter().zip(says) {
        let line = stderr.lines().find(|l| l.contains(p.file_name().unwrap().to_str().unwrap())).unwrap_or_else(|| panic!("{stderr}"));
        assert!(line.contains(s), "{line}");
        assert!(line.len() < 300 && !line.contains("[60, 63") && !line.contains("Decompress"), "{line}");
    }
    stderr
}

#[test]
fn fifos_devices_and_sockets_are_not_read() {
    let fifo = tmp("pipe.txt");
    let _ = std::fs::remove_file(&fifo);
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    // A socket cannot be opened at all: it is still said to be a socket.
    let socket = tmp("socket.txt");
    let _ = std::fs::remove_file(&socket);
    let _listening = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    alongside(&[&fifo, Path::new("/dev/zero"), Path::new("/dev/urandom"), &socket], &["FIFO", "device", "device", "socket"]);
    // Inside a directory too, the FIFO is refused without waiting for a writer
    // (the walk takes .txt files; the read opens it without blocking and refuses it).
    let dir = tmp("with-fifo");
    std::fs::create_dir_all(&dir).unwrap();
    let inner = dir.join("pipe.txt");
    let _ = std::fs::remove_file(&inner);
    assert!(Command::new("mkfifo").arg(&inner).status().unwrap().success());
    std::fs::copy(HUAIAN, dir.join("report.txt")).unwrap();
    let out = run(&["check", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].contains("pipe.txt") && lines[0].contains("\"error\":\"不是普通文件（命名管道）"), "{}", lines[0]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("FIFO"));
}

#[test]
fn symlink_loops_end_and_each_file_is_checked_once() {
    let dir = tmp("links");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(HUAIAN, dir.join("report.txt")).unwrap();
    let link = |to: &str, at: &str| std::os::unix::fs::symlink(to, dir.join(at)).unwrap();
    link("..", "sub/up"); // a loop through the parent
    link(".", "self"); // a loop through itself
    link("report.txt", "again.txt"); // the same file twice
    link("../report.txt", "sub/third.txt");
    link("loop.txt", "loop.txt"); // a link to itself
    let out = run(&["check", dir.to_str().unwrap(), dir.join("again.txt").to_str().unwrap(), "--format", "jsonl"]);
    // The report once, and the looping link's entry saying why it was not read.
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines.iter().filter(|d| d.get("report").is_some()).count(), 1, "{stdout}");
    // Under its own name, though a link to it ("again.txt") sorts first.
    assert!(lines[0]["file"].as_str().unwrap().ends_with("/report.txt"), "{stdout}");
    assert!(
        lines[1]["file"].as_str().unwrap().ends_with("loop.txt") && lines[1]["error_en"].as_str().unwrap().contains("ELOOP"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("loop.txt") && stderr.contains("loops"), "{stderr}");
}

#[test]
fn docx_bombs_of_each_kind_get_one_line() {
    use shapes::{docx, Entry, DOCUMENT};
    let write = |name: &str, bytes: Vec<u8>| {
        let p = tmp(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    // Inflates to 100 MB (650 KB on disk).
    let bomb = write("bomb.docx", docx(&[(DOCUMENT, Entry::Inflating(100 << 20))]));
    // The directory says 1 KB; the entry inflates to 100 MB.
    let lying = write("lying.docx", docx(&[(DOCUMENT, Entry::Lying(100 << 20))]));
    // More entries than any document has.
    let names: Vec<String> = (0..20_000).map(|i| format!("x/{i}")).collect();
    let mut many: Vec<(&str, Entry)> = names.iter().map(|n| (n.as_str(), Entry::Plain(b""))).collect();
    many.push((DOCUMENT, Entry::Plain(b"<w:t>x</w:t>")));
    let many = write("many.docx", docx(&many));
    // A damaged stream: the bomb cut short.
    let mut cut = docx(&[(DOCUMENT, Entry::Inflating(1 << 20))]);
    let at = cut.len() / 3;
    cut[40..at].iter_mut().for_each(|b| *b = 0xFF);
    let cut = write("damaged.docx", cut);
    // Entity expansion (billion laughs) is never performed: the text stays as written.
    let laughs = br#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>"#;
    let laughs = write("laughs.docx", docx(&[(DOCUMENT, Entry::Plain(laughs))]));
    let stderr = alongside(&[&bomb, &lying, &many, &cut], &["inflates past 64 MB", "inflates past 64 MB", "entries", "damaged"]);
    assert!(stderr.contains("疑似压缩炸弹"), "{stderr}");
    for f in [&bomb, &lying] {
        assert!(std::fs::metadata(f).unwrap().len() < 1 << 20);
    }
    // The billion laughs is read as written (30 bytes of references), not expanded.
    let out = run(&["check", laughs.to_str().unwrap(), "--format", "json"]);
    assert!(out.stdout.len() < 10_000, "{}", String::from_utf8_lossy(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "S001");
}

#[test]
fn control_characters_reach_no_terminal() {
    let text = std::fs::read_to_string(HUAIAN).unwrap();
    let forged = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[32mnianbao: 0 errors\u{1b}[0m\u{202e}";
    // A residue finding on a line that carries the sequences: its excerpt shows them.
    let hostile = text.replacen("一、总体情况", &format!("一、总体情况&amp;{forged}"), 1);
    let name = tmp("a\u{1b}[31mb\nnianbao: all reports passed.txt");
    std::fs::write(&name, hostile).unwrap();
    let out = run(&["check", name.to_str().unwrap(), "--color", "never"]);
    let all = [out.stdout.clone(), out.stderr.clone()].concat();
    let shown = String::from_utf8_lossy(&all);
    assert!(!all.contains(&0x1b) && !all.contains(&0x07), "{shown}");
    assert!(!shown.contains('\u{202e}'), "{shown}");
    assert!(shown.contains("\\u{1b}]0;pwned\\u{7}"), "{shown}");
    assert!(shown.contains("a\\u{1b}[31mb\\u{a}nianbao: all reports passed.txt"), "{shown}");
    assert!(!shown.lines().any(|l| l.starts_with("nianbao: all reports passed")), "{shown}");
    // JSON keeps the text exact.
    let json = run(&["check", name.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["file"].as_str().unwrap().contains("\u{1b}[31mb\n"));
    // With colour, only nianbao's own sequences appear: every ESC starts an SGR code.
    let coloured = run(&["check", name.to_str().unwrap(), "--color", "always"]);
    let s = String::from_utf8_lossy(&coloured.stdout);
    assert!(s.split('\u{1b}').skip(1).all(|p| p.starts_with('[') && p[1..].starts_with(|c: char| c.is_ascii_digit())), "{s}");
    assert!(!s.contains("\u{1b}]"), "{s}");
}

#[test]
fn a_stray_byte_and_a_mixed_encoding_are_said_and_the_tables_stay_right() {
    let text = std::fs::read_to_string(HUAIAN).unwrap();
    let clean = run(&["check", HUAIAN, "--format", "json"]);
    let clean: serde_json::Value = serde_json::from_slice(&clean.stdout).unwrap();
    // One stray byte in a prose line.
    let at = text.find("总体情况").unwrap() + "总体情况".len();
    let mut stray = text.as_bytes().to_vec();
    stray.insert(at, 0xFF);
    // The second half of the file in GBK (a paste from an older document).
    let half = text[text.len() / 2..].find('\n').unwrap() + text.len() / 2 + 1;
    let mut mixed = text.as_bytes()[..half].to_vec();
    mixed.extend_from_slice(&encoding_rs::GBK.encode(&text[half..]).0);
    for (name, bytes, says) in [("stray.txt", stray, "1 个字节不是有效的 UTF-8"), ("mixed.txt", mixed, "文件编码中途改变")]
    {
        let f = tmp(name);
        std::fs::write(&f, bytes).unwrap();
        let out = run(&["check", f.to_str().unwrap(), "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["report"]["tables"], clean["report"]["tables"], "{name}");
        let notes: Vec<&serde_json::Value> = v["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "I001").collect();
        assert_eq!(notes.len(), 1, "{name}: {notes:?}");
        assert_eq!(notes[0]["severity"], "info");
        assert!(notes[0]["message"].as_str().unwrap().contains(says), "{name}: {}", notes[0]["message"]);
        let expected_line = if name == "stray.txt" { text[..at].lines().count() } else { text[..half].lines().count() + 1 };
        assert_eq!(notes[0]["line"], expected_line, "{name}");
    }
}

/// Runs the CLI as an unprivileged user (root ignores permissions and process limits).
fn as_nobody(prefix: &[&str], args: &[&str]) -> Output {
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .args(prefix)
        .arg(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn many_jobs_under_a_process_limit_use_fewer_threads() {
    let out =
        as_nobody(&["prlimit", "--nproc=3", "--"], &["check", "-j", "64", "tests/corpus/seeds", "tests/corpus/real", "--format", "jsonl"]);
    assert!(out.status.code() == Some(0) || out.status.code() == Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    // Nine texts and the three real PDFs.
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 12);
}

#[test]
fn unreadable_and_empty_directories_are_said() {
    let locked = tmp("locked");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::copy(HUAIAN, locked.join("report.txt")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(locked.parent().unwrap(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = as_nobody(&[], &["check", locked.to_str().unwrap()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("无法读取目录") && err.contains("Cannot read the directory") && err.contains("locked"), "{err}");
    let empty = tmp("nothing-here");
    std::fs::create_dir_all(&empty).unwrap();
    // A wrong path or an empty folder must not pass for a clean run (a CI job).
    let out = run(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 reports checked") && err.contains(".odt") && err.contains(".pdf"), "{err}");
    // An old Word file in a folder is named, with what to do, not skipped.
    std::fs::copy("tests/fixtures/report.doc", empty.join("旧版.doc")).unwrap();
    let out = run(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("旧版.doc: 这是旧版 Word 文件（.doc），请在 Word 或 WPS 中另存为 .docx"));
    // Output that cannot be written fails the run.
    let full = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", HUAIAN, "--format", "json"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&full.stderr).contains("cannot write the output"));
}

#[test]
fn a_report_piped_in_and_one_shape_for_a_directory() {
    // "-": the report on standard input reads as the file does.
    let mut child = bin()
        .args(["check", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&std::fs::read(HUAIAN).unwrap()).unwrap();
    }
    let piped = child.wait_with_output().unwrap();
    let file = run(&["check", HUAIAN, "--format", "json"]);
    let (mut a, mut b): (serde_json::Value, serde_json::Value) =
        (serde_json::from_slice(&piped.stdout).unwrap(), serde_json::from_slice(&file.stdout).unwrap());
    assert_eq!(a["file"], "-");
    a["file"] = serde_json::Value::Null;
    b["file"] = serde_json::Value::Null;
    assert_eq!(a, b);
    // A directory gives an array, even of one report, and [] of none.
    let one = tmp("one-report");
    std::fs::create_dir_all(&one).unwrap();
    std::fs::copy(HUAIAN, one.join("r.txt")).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&run(&["check", one.to_str().unwrap(), "--format", "json"]).stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let none = tmp("no-report");
    std::fs::create_dir_all(&none).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&run(&["check", none.to_str().unwrap(), "--format", "json"]).stdout).unwrap();
    assert_eq!(v, serde_json::json!([]));
}

/// In JSON every path given has its entry in its place, whatever went wrong
/// with it: a missing path, an unreadable file given alone, a directory's
/// files around them.
#[test]
fn every_path_given_has_its_json_entry() {
    let missing = tmp("no-such-report.txt");
    let _ = std::fs::remove_file(&missing);
    let empty = tmp("alone-empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(&["check", HUAIAN, missing.to_str().unwrap(), empty.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let docs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("one JSON array");
    assert_eq!(docs.len(), 3, "{docs:?}");
    assert_eq!(docs[0]["report"]["year"], 2024);
    assert_eq!(docs[1]["file"], missing.to_str().unwrap());
    assert_eq!((&docs[1]["error"], &docs[1]["error_en"]), (&"文件或目录不存在。".into(), &"No such file or directory.".into()));
    assert_eq!((&docs[2]["error"], &docs[2]["error_en"]), (&"文件是空的。".into(), &"The file is empty.".into()));
    // Given alone, a file that cannot be read is still valid JSON: its entry.
    for format in ["json", "jsonl"] {
        let out = run(&["check", empty.to_str().unwrap(), "--format", format]);
        assert_eq!(out.status.code(), Some(2));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect(format);
        assert_eq!((doc["error"].as_str(), doc["error_en"].as_str()), (Some("文件是空的。"), Some("The file is empty.")), "{format}");
    }
    // Held for pairing or not, the missing path stays in its place between the files.
    let prev = tmp("prev-hongze.txt");
    std::fs::copy("tests/corpus/real/hongze_2023_layout.txt", &prev).unwrap();
    for extra in [vec![], vec!["--previous", prev.to_str().unwrap()]] {
        let args = [
            &["check", HUAIAN, missing.to_str().unwrap(), "tests/corpus/real/hongze_2024_layout.txt", "--format", "jsonl"][..],
            &extra[..],
        ]
        .concat();
        let out = run(&args);
        let files: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["file"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(files, [HUAIAN, missing.to_str().unwrap(), "tests/corpus/real/hongze_2024_layout.txt"], "{extra:?}");
    }
}

/// A mistyped option or value is said in Chinese first, naming it (clap's
/// own words, English, follow with its tip); help is printed as it is.
#[test]
fn usage_errors_are_said_in_chinese_first() {
    for (args, said) in [
        (&["check", "--sumary", "x.csv", HUAIAN][..], "不认识的选项“--sumary”（是否想写 --summary？）"),
        (&["chek", HUAIAN][..], "不认识的命令“chek”（是否想写 check？）"),
        (&["check", "--format", "yaml", HUAIAN][..], "选项“--format”的值“yaml”无效"),
        (&["check", HUAIAN, "--summary"][..], "选项“--summary”缺少值"),
    ] {
        let out = run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        let first = err.lines().next().unwrap_or_default();
        assert_eq!(first, format!("nianbao: {said}。用法见 nianbao --help 或 nianbao check --help"), "{args:?}");
        assert!(err.contains("error:"), "clap's words follow: {err}");
        assert!(out.stdout.is_empty());
    }
    let help = run(&["check", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("Usage: nianbao check [OPTIONS] [--summary [csv|xlsx] FILE] <FILE|DIR>..."), "{text}");
}
