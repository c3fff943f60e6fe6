//! Every rule has a fixture in tests/rules/fixtures/<CODE>.txt: edits of the
//! clean base report that make the rule fire (`== invalid`) and a case where it
//! must stay quiet (`== valid`). Edit lines: `- old` then `+ new` (all
//! occurrences; `\n` and `\t` escaped; `...` in `old` spans anything between),
//! `previous: FILE` checks against last year's report, `base: FILE` starts
//! from another report, `read: bytes` reads the case as a file's bytes
//! (`\xNN` is a raw byte, `{gbk:…}` text encoded in GBK) through the decoder.

use nianbao::rules::RULES;

#[path = "common/fixture.rs"]
mod fixture;
use fixture::{codes, dir, fixture};

#[test]
fn base_reports_are_clean() {
    for f in ["base.txt", "previous.txt"] {
        let text = std::fs::read_to_string(dir().join(f)).unwrap();
        let out = nianbao::check(&text);
        assert!(out.diagnostics.is_empty(), "{f}: {:?}", out.diagnostics.iter().map(|d| (d.code, &d.message)).collect::<Vec<_>>());
    }
}

#[test]
fn every_rule_fires_on_its_invalid_fixture_and_not_on_its_valid_one() {
    let mut failures = Vec::new();
    for rule in RULES {
        let (invalid, valid) = fixture(rule.code);
        let bad = codes(&invalid);
        if !bad.contains(&rule.code) {
            failures.push(format!("{}: did not fire on the invalid fixture (got {bad:?})", rule.code));
        }
        let good = codes(&valid);
        if good.contains(&rule.code) {
            failures.push(format!("{}: fired on the valid fixture", rule.code));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_fixture_names_a_rule() {
    for e in std::fs::read_dir(dir().join("fixtures")).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().trim_end_matches(".txt").to_string();
        assert!(RULES.iter().any(|r| r.code == name), "fixture {name} has no rule");
    }
}

#[test]
fn every_rule_is_documented() {
    for r in RULES {
        for part in ["What:", "Why:", "Fix:"] {
            assert!(r.doc.contains(part), "{}: doc comment lacks {part}", r.code);
        }
        for part in ["检查", "为何", "怎么改"] {
            assert!(r.doc_zh.contains(part), "{}: Chinese doc lacks {part}", r.code);
        }
    }
}

#[test]
fn one_root_cause_gives_one_finding_at_the_cell() {
    // 予以公开·自然人 one too high: its row total and its column's outcome
    // total both break; only that cell can explain both.
    let base = std::fs::read_to_string(dir().join("base.txt")).unwrap();
    let text = base.replace("（一）予以公开\t12\t2\t0\t0\t1\t0\t15", "（一）予以公开\t13\t2\t0\t0\t1\t0\t15");
    assert_ne!(text, base);
    let out = nianbao::check(&text);
    let sums: Vec<_> = out.diagnostics.iter().filter(|d| d.code.starts_with('A')).collect();
    assert_eq!(sums.len(), 1, "{sums:?}");
    let cell = sums[0].cell.as_ref().unwrap();
    assert_eq!((cell.row, cell.column), (Some("disclosed"), Some("natural_person")));
    assert_eq!(sums[0].fix.as_deref(), Some("12"));
    assert_eq!(out.source.slice(sums[0].span), "13");
}

#[test]
fn null_cells_and_unreadable_tables_are_not_arithmetic_errors() {
    let base = std::fs::read_to_string(dir().join("base.txt")).unwrap();
    // A placeholder where a number belongs: T006, but no sum is called wrong.
    let text = base.replace("（一）予以公开\t12\t2", "（一）予以公开\t/\t2");
    let codes: Vec<&str> = nianbao::check(&text).diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"T006"), "{codes:?}");
    assert!(!codes.iter().any(|c| c.starts_with('A')), "{codes:?}");
}

/// A section with nothing under its heading says so, rather than quoting an
/// empty text ("（“”）").
#[test]
fn an_empty_section_is_said_to_be_empty() {
    let base = std::fs::read_to_string(dir().join("base.txt")).unwrap();
    let line = base.lines().find(|l| l.starts_with("一是政策解读形式")).unwrap();
    let text = base.replace(&format!("{line}\n"), "");
    let out = nianbao::check(&text);
    let s006: Vec<&str> = out.diagnostics.iter().filter(|d| d.code == "S006").map(|d| d.message.as_str()).collect();
    assert_eq!(s006, ["第五部分“五、存在的主要问题及改进情况”下面没有内容"], "{s006:?}");
    let en = out.diagnostics.iter().find(|d| d.code == "S006").unwrap().msg.render(nianbao::messages::english().unwrap());
    assert!(en.contains("nothing under its heading") && !en.contains("“”"), "{en}");
}
