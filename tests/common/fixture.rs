//! The rule fixtures (tests/rules/fixtures/<CODE>.txt): edits of the clean
//! base report that make a rule fire (`== invalid`) and a case where it must
//! stay quiet (`== valid`). Edit lines: `- old` then `+ new` (all
//! occurrences; `\n` and `\t` escaped; `...` in `old` spans anything between),
//! `previous: FILE` checks against last year's report, `base: FILE` starts
//! from another report, `read: bytes` reads the case as a file's bytes
//! (`\xNN` is a raw byte, `{gbk:…}` text encoded in GBK) through the decoder.
//! Shared by the rule and message tests.

use std::path::{Path, PathBuf};

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

pub struct Case {
    pub text: String,
    pub previous: Option<String>,
    pub bytes: bool,
}

/// The case's text as a file's bytes: `\xNN` escapes are raw bytes, `{gbk:…}` is GBK.
fn file_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(hex) = rest.strip_prefix("\\x") {
            out.push(u8::from_str_radix(&hex[..2], 16).expect("two hex digits after \\x"));
            rest = &hex[2..];
        } else if let Some(g) = rest.strip_prefix("{gbk:") {
            let end = g.find('}').expect("{gbk: closed");
            out.extend_from_slice(&encoding_rs::GBK.encode(&g[..end]).0);
            rest = &g[end + 1..];
        } else {
            let c = rest.chars().next().unwrap();
            out.extend_from_slice(c.to_string().as_bytes());
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n").replace("\\t", "\t")
}

fn build(lines: &[&str], code: &str) -> Case {
    let mut text = std::fs::read_to_string(dir().join("base.txt")).unwrap();
    let mut previous = None;
    let mut bytes = false;
    let mut old: Option<String> = None;
    for line in lines {
        if let Some(f) = line.strip_prefix("base: ") {
            text = std::fs::read_to_string(dir().join(f.trim())).unwrap();
        } else if let Some(f) = line.strip_prefix("previous: ") {
            previous = Some(std::fs::read_to_string(dir().join(f.trim())).unwrap());
        } else if *line == "read: bytes" {
            bytes = true;
        } else if let Some(o) = line.strip_prefix("- ") {
            old = Some(unescape(o));
        } else if line.starts_with('+') {
            let new = unescape(line.strip_prefix("+ ").unwrap_or(""));
            let o = old.take().unwrap_or_else(|| panic!("{code}: '+' without '-'"));
            if let Some((head, tail)) = o.split_once("...") {
                let a = text.find(head).unwrap_or_else(|| panic!("{code}: {head:?} not in the base"));
                let b = text[a..].find(tail).unwrap_or_else(|| panic!("{code}: {tail:?} not in the base")) + a + tail.len();
                text.replace_range(a..b, &new);
            } else {
                assert!(text.contains(&o), "{code}: {o:?} not in the base");
                text = text.replace(&o, &new);
            }
        }
    }
    Case { text, previous, bytes }
}

pub fn fixture(code: &str) -> (Case, Case) {
    let path = dir().join("fixtures").join(format!("{code}.txt"));
    let src = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{code}: no fixture at {}", path.display()));
    let lines: Vec<&str> = src.lines().filter(|l| !l.starts_with('#')).collect();
    let inv = lines.iter().position(|l| *l == "== invalid").unwrap_or_else(|| panic!("{code}: no '== invalid'"));
    let val = lines.iter().position(|l| *l == "== valid").unwrap_or_else(|| panic!("{code}: no '== valid'"));
    assert!(inv < val, "{code}: invalid first");
    (build(&lines[inv + 1..val], code), build(&lines[val + 1..], code))
}

/// The case checked (read through the decoder for `read: bytes`).
pub fn outcome(c: &Case) -> nianbao::Outcome {
    if c.bytes {
        let d = nianbao::input::decode(&file_bytes(&c.text)).expect("decodes");
        nianbao::check_input(nianbao::Source::from_string(d.text), d.notes, c.previous.as_deref())
    } else {
        nianbao::check_with_previous(&c.text, c.previous.as_deref())
    }
}

#[allow(dead_code)] // not every test that shares this file lists codes
pub fn codes(c: &Case) -> Vec<&'static str> {
    outcome(c).diagnostics.iter().map(|d| d.code).collect()
}
