//! The message catalogue at work: every message key is produced by some input
//! (the rule fixtures and a few made here), renders in Chinese exactly as the
//! finding's `message`, and in English with every template wording in English;
//! the English JSON the web app loads renders the same sentences; the CLI
//! speaks English with `--lang en`; the JSON has `message_en`, `key` and `args`.

use nianbao::messages::{self, Arg, Catalogue, Message, KEYS};
use nianbao::rules::RULES;
use serde_json::Value;
use std::process::Command;

#[path = "common/fixture.rs"]
mod fixture;
use fixture::{dir, fixture, outcome};

/// Edits of the base report (old → new, in order) that reach the messages
/// the rule fixtures do not: each a rarer wording of its rule.
const T4_TABLE: &str = "行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t1\t0\t1\n";
const T4_FLAT: &str = "行政复议行政诉讼未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";

fn edits() -> Vec<Vec<(&'static str, String)>> {
    let e = |pairs: &[(&'static str, &str)]| pairs.iter().map(|(a, b)| (*a, b.to_string())).collect::<Vec<_>>();
    vec![
        // A title without year or body.
        e(&[("某某市人民政府\n2023年政府信息公开工作年度报告", "政府信息公开工作年度报告")]),
        // Section 六 before 五.
        e(&[("五、存在的主要问题及改进情况", "@@"), ("六、其他需要报告的事项", "五、存在的主要问题及改进情况"), ("@@", "六、其他需要报告的事项")]),
        // Signed two years after the report's year.
        e(&[("2024年2月20日", "2026年2月20日")]),
        // Table 四 flattened: figures run together that fit no split; then only zeros, which fit none either.
        e(&[(T4_TABLE, &format!("{T4_FLAT}210151000100101\n"))]),
        // Table 二 flattened: a few splits fit, or too many to tell.
        e(&[("规章\t1\t0\t11\n行政规范性文件\t8\t2\t66", "规章11111111行政规范性文件8266")]),
        // A row's values on two lines, no joining of the pieces fits its total.
        e(&[("（一）予以公开\t12\t2\t0\t0\t1\t0\t15", "（一）予以公开\t12\t2\t0\n5\t5\t1\t0\t99")]),
        // A piece "01" (a number broken over lines) and a row on two lines whose own line is short.
        e(&[("（一）予以公开\t12\t2\t0\t0\t1\t0\t15", "（一）予以公开\t12\t2\t0\t0\n01\t0\t15")]),
        // One value where three belong: the values cannot be placed.
        e(&[("规章\t1\t0\t11", "规章\t1011")]),
        // One cell that breaks its row total, its column's outcome total and its column's balance.
        e(&[("（七）总计\t30\t4\t0\t0\t1\t1\t36", "（七）总计\t30\t4\t0\t0\t1\t1\t37")]),
        // An empty cell.
        e(&[("（一）予以公开\t12\t2\t0", "（一）予以公开\t12\t\t0")]),
        // Column totals wrong on their own (all outcomes 0 in one column).
        e(&[
            ("一、本年新收政府信息公开申请数量\t30\t5\t0\t0\t1\t1\t37", "一、本年新收政府信息公开申请数量\t30\t5\t2\t0\t1\t1\t39"),
            ("（七）总计\t30\t4\t0\t0\t1\t1\t36", "（七）总计\t30\t4\t2\t0\t1\t1\t38"),
        ]),
        // A row total wrong with no single cell to blame.
        e(&[("（一）予以公开\t12\t2\t0\t0\t1\t0\t15", "（一）予以公开\t14\t1\t0\t0\t1\t0\t15")]),
        // A balance that no count of 结转下年度 can repair.
        e(&[("一、本年新收政府信息公开申请数量\t30\t5\t0\t0\t1\t1\t37", "一、本年新收政府信息公开申请数量\t20\t5\t0\t0\t1\t1\t27")]),
        // A fraction where a count belongs.
        e(&[("行政处罚\t398", "行政处罚\t39.8")]),
        // The text against the tables, in every wording.
        e(&[
            ("本年度共收到政府信息公开申请37件", "本年度未收到政府信息公开申请"),
            ("全年制发规章1件。", "全年制发规章3件，制发行政规范性文件5件。本年度行政复议5件，行政诉讼9件。"),
        ]),
        e(&[("在法定期限内答复。", "在法定期限内答复。本年度未发生行政复议。未发生行政诉讼。")]),
        // Contact details.
        e(&[("gk@example.gov.cn", "gk @example"), ("010-12345678", "010-123")]),
        // A half-width comma between Chinese characters.
        e(&[("持续深化政务公开。", "持续深化政务,公开。")]),
        // The 2021 notice cited under the 2019 format's title.
        e(&[("年度报告格式〉", "年度报告格式（试行）〉")]),
        // Five rows missing in a row.
        e(&[(
            "\t\t2.其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1\n\t\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n\t\t4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1\n\t\t5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n\t\t6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0\n",
            "",
        )]),
        // More than MAX_PER_RULE of one rule: the collapse message.
        e(&[("一、总体情况\n", &format!("一、总体情况\n{}", "共3条，其中1条、1条、5条。\n".repeat(2100)))]),
    ]
}

/// Texts that are no edit of the base report.
fn texts(base: &str) -> Vec<String> {
    vec![
        // Conversion residue past its limit.
        format!("{base}\n{}", "[bookmark: x] &amp;\n".repeat(600)),
        // Past the lexer's limit of words and figures.
        format!("{base}\n{}\n", "1 ".repeat(nianbao::lex::MAX_TOKENS + 10)),
        // A report for 2023 in the pre-2019 structure.
        "某某县人民政府\n2023年政府信息公开工作年度报告\n一、概述\n本年度共主动公开政府信息100条。\n二、收费及减免情况\n本年度未收取费用。\n".to_string(),
    ]
}

/// Every finding of the rule fixtures and of the inputs above.
fn findings() -> Vec<nianbao::Diagnostic> {
    let mut out = Vec::new();
    for r in RULES {
        let (invalid, valid) = fixture(r.code);
        out.extend(outcome(&invalid).diagnostics);
        out.extend(outcome(&valid).diagnostics);
    }
    let base = std::fs::read_to_string(dir().join("base.txt")).unwrap();
    for edit in edits() {
        let mut t = base.clone();
        for (old, new) in &edit {
            assert!(t.contains(old), "{old:?} not in the base report");
            t = t.replace(old, new);
        }
        out.extend(nianbao::check(&t).diagnostics);
    }
    for t in texts(&base) {
        out.extend(nianbao::check(&t).diagnostics);
    }
    // What a file reader repairs: stray bytes, a change of encoding, a whole file in GB18030 with a bad byte.
    let at = base.find("总体情况").unwrap() + "总体情况".len();
    let mut stray = base.as_bytes().to_vec();
    stray.insert(at, 0xFF);
    stray.insert(at + 10, 0xFE);
    let half = base[base.len() / 2..].find('\n').unwrap() + base.len() / 2 + 1;
    let mut mixed = base.as_bytes()[..half].to_vec();
    mixed.extend_from_slice(&encoding_rs::GBK.encode(&base[half..]).0);
    let mut gbk = encoding_rs::GBK.encode(&base).0.to_vec();
    gbk.extend_from_slice(&[0x81, 0x20]);
    for bytes in [stray, mixed, gbk] {
        let d = nianbao::input::decode(&bytes).unwrap();
        out.extend(nianbao::check_input(nianbao::Source::from_string(d.text), d.notes, None).diagnostics);
    }
    out
}

/// Writes every finding's Chinese message to `NIANBAO_MESSAGES_OUT` (to
/// compare the Chinese with another version of the checker).
#[test]
fn dump_chinese_messages() {
    if let Ok(path) = std::env::var("NIANBAO_MESSAGES_OUT") {
        let lines: Vec<String> = findings().iter().map(|d| format!("{}\t{}", d.code, d.message)).collect();
        std::fs::write(path, lines.join("\n")).unwrap();
    }
}

fn keys_in(m: &Message, out: &mut Vec<&'static str>) {
    out.push(m.key.name().unwrap());
    for a in &m.args {
        arg_keys(a, out);
    }
}

fn arg_keys(a: &Arg, out: &mut Vec<&'static str>) {
    match a {
        Arg::Phrase(m) => keys_in(m, out),
        Arg::List(items, sep) => {
            out.push(sep.name().unwrap());
            items.iter().for_each(|a| arg_keys(a, out));
        }
        Arg::Table(id) => out.push(messages::table_key(*id).name().unwrap()),
        Arg::Row(_, r) if r.key.contains('.') => out.push(messages::SEP_ROW.name().unwrap()),
        _ => {}
    }
}

/// Template wordings a message quotes that have no English label.
fn untranslated(m: &Message, out: &mut Vec<String>) {
    let en = messages::english().unwrap();
    for a in &m.args {
        match a {
            Arg::Label(l) if !l.is_empty() && en.label(l) == *l => out.push(l.to_string()),
            Arg::Row(_, r) => {
                for l in [r.label, r.group].map(nianbao::parse::core_label) {
                    if !l.is_empty() && en.label(&l) == l {
                        out.push(l);
                    }
                }
            }
            Arg::Phrase(p) => untranslated(p, out),
            Arg::List(items, _) => {
                let wrapped = Message { key: messages::NOTHING, args: items.clone() };
                untranslated(&wrapped, out);
            }
            _ => {}
        }
    }
}

#[test]
fn every_message_is_produced_renders_its_chinese_and_reads_in_english() {
    let all = findings();
    let mut used = Vec::new();
    let mut problems = Vec::new();
    for d in &all {
        keys_in(&d.msg, &mut used);
        if d.msg.zh() != d.message {
            problems.push(format!("{}: Chinese rendering differs from the message: {}", d.code, d.message));
        }
        let en = d.msg.en().expect("the CLI build has English");
        if en.contains('{') || en.contains('}') || en.is_empty() {
            problems.push(format!("{}: {en}", d.code));
        }
        let mut missing = Vec::new();
        untranslated(&d.msg, &mut missing);
        if !missing.is_empty() {
            problems.push(format!("{}: no English for {missing:?} in {en}", d.code));
        }
    }
    for k in KEYS {
        if !used.contains(k) {
            problems.push(format!("message {k} is produced by no test input"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn english_reads_as_english() {
    let all = findings();
    let say = |code: &str| all.iter().filter(|d| d.code == code).map(|d| d.msg.en().unwrap()).collect::<Vec<_>>();
    // Plurals, months, row names with their group, labels of the template.
    let n002 = say("N002");
    assert!(n002.iter().any(|m| m.contains("findings from here on are not listed")), "{n002:?}");
    let s008 = say("S008");
    assert!(s008.iter().any(|m| m.contains("it should be 1 January") && m.contains("31 December")), "{s008:?}");
    let i001 = say("I001");
    assert!(i001.iter().any(|m| m.starts_with("1 byte here is not valid UTF-8 and was replaced")), "{i001:?}");
    assert!(i001.iter().any(|m| m.contains("lines ") && m.contains("in GBK")), "{i001:?}");
    let a = [say("A001"), say("A002"), say("A003"), say("A004"), say("T003"), say("T006")].concat();
    assert!(a.iter().any(|m| m.contains("Table 3 (applications received and handled)")), "{a:?}");
    assert!(a.iter().any(|m| m.contains(" · ")), "a grouped row name: {a:?}");
    for m in &a {
        assert!(!m.contains("表三") && !m.contains("予以公开"), "{m}");
    }
}

#[test]
fn the_web_apps_english_file_renders_the_same_sentences() {
    let json: Value = serde_json::from_str(&messages::english_json()).unwrap();
    let strings = |k: &str| json[k].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect::<Vec<_>>();
    let (keys, texts, ui) = (strings("keys"), strings("messages"), strings("ui"));
    let labels: Vec<(String, String)> = json["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
        .collect();
    // Joined as the browser joins it (www/src/platform.js, www/nianbao.js).
    let join = |fingerprint: String, ui: &[String]| {
        let head = format!("{fingerprint} {} {} {}", keys.len(), texts.len(), ui.len());
        let pairs = labels.iter().flat_map(|(z, e)| [z.clone(), e.clone()]);
        [vec![head], keys.clone(), texts.clone(), ui.to_vec()].concat().into_iter().chain(pairs).collect::<Vec<_>>().join("\0")
    };
    let fingerprint = json["fingerprint"].as_u64().unwrap().to_string();
    let loaded = messages::Strings::parse(join(fingerprint.clone(), &ui)).unwrap();
    let en = messages::english().unwrap();
    for d in findings() {
        assert_eq!(d.msg.render(&loaded), d.msg.render(en));
    }
    for (i, s) in ui.iter().enumerate() {
        assert_eq!(loaded.ui(messages::Ui(i as u16)), s);
    }
    // A file from another version of the catalogue is refused, not misread.
    assert!(messages::Strings::parse(join("1".into(), &ui)).is_none());
    assert!(messages::Strings::parse(join(fingerprint, &ui[1..])).is_none());
    assert_eq!(keys, KEYS);
    // Every rule's English title is there.
    for r in RULES {
        assert!(labels.contains(&(r.title_zh.to_string(), r.title_en.to_string())), "{}", r.code);
    }
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
}

const HONGZE23: &str = "tests/corpus/real/hongze_2023_layout.txt";

#[test]
fn cli_text_in_english() {
    let out = bin().args(["check", HONGZE23, "--color", "never", "--lang", "en"]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn json_has_message_en_key_and_args() {
    let out = bin().args(["check", HONGZE23, "--format", "json"]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ds = v["diagnostics"].as_array().unwrap();
    assert!(!ds.is_empty());
    for d in ds {
        assert!(d["message_en"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
        assert!(KEYS.contains(&d["key"].as_str().unwrap()), "{d}");
        assert!(d["args"].is_array(), "{d}");
    }
    let a004 = ds.iter().find(|d| d["code"] == "A004").unwrap();
    assert_eq!(a004["message"], "行政复议总计为 0，但结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11");
    assert_eq!(a004["message_en"], "Administrative review: the total is 0, but Upheld 10 + Corrected 1 + Other outcome 0 + Pending 0 = 11");
    assert_eq!(a004["key"], "A004.sum");
    assert_eq!(a004["args"][0], serde_json::json!({ "table": "t4", "row": "review" }));
    assert_eq!(a004["args"][1], 0);
    assert_eq!(a004["args"][2]["sep"], "sep.plus");
    assert_eq!(a004["args"][2]["list"][0], serde_json::json!({ "key": "item", "args": [{ "label": "结果维持" }, 10] }));
    let t004 = ds.iter().find(|d| d["code"] == "T004").unwrap();
    assert_eq!(t004["args"][1], "2.其他法律行政止公开", "quoted report text stays as it is");
}
