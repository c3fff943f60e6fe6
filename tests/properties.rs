//! Random edits of corpus reports never make the checker panic, and what it
//! returns stays well-formed: valid JSON, spans on character boundaries.

use proptest::prelude::*;

fn corpus() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    for dir in ["seeds", "real"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().filter(|f| f.extension().is_some_and(|e| e == "txt")) {
            out.push(std::fs::read_to_string(f).unwrap());
        }
    }
    out
}

/// Fragments that stress the lexer and the aligner.
const PIECES: &[&str] = &[
    "\t",
    "\n",
    "\n\n\n",
    "  ",
    "　",
    "0",
    "12",
    "-3-",
    "/",
    "—",
    "1,234",
    "3.5",
    "-7",
    "（",
    "）",
    "一、",
    "四、",
    "（七）总计",
    "第二十条第（一）项",
    "[bookmark: x]",
    "**",
    "\u{000C}",
    "\r\n",
    "年",
    "2024年1月1日",
    "共5条，其中1条、2条",
    "＠",
    "𝟘",
    "\u{FEFF}",
];

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, usize),
    Duplicate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..400).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..PIECES.len()).prop_map(|(a, p)| Edit::Insert(a, p)),
        (any::<usize>(), 0usize..800).prop_map(|(a, n)| Edit::Duplicate(a, n)),
    ]
}

fn boundary(s: &str, i: usize) -> usize {
    let mut i = i % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match *e {
            Edit::Delete(a, n) => {
                let a = boundary(&s, a);
                let b = boundary(&s, a + n);
                if b >= a {
                    s.replace_range(a..b, "");
                }
            }
            Edit::Insert(a, p) => {
                let a = boundary(&s, a);
                s.insert_str(a, PIECES[p]);
            }
            Edit::Duplicate(a, n) => {
                let a = boundary(&s, a);
                let b = boundary(&s, a + n).max(a);
                let piece = s[a..b].to_string();
                s.insert_str(b, &piece);
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn edited_reports_never_panic(which in 0usize..9, edits in prop::collection::vec(edit(), 1..12)) {
        let texts = corpus();
        let text = apply(texts[which % texts.len()].clone(), &edits);
        let out = nianbao::check(&text);
        let json: serde_json::Value = serde_json::from_str(&out.to_json_utf16()).expect("valid JSON");
        prop_assert!(json["diagnostics"].is_array());
        let src = out.source.text();
        for d in &out.diagnostics {
            prop_assert!(d.span.start <= d.span.end && (d.span.end as usize) <= src.len(), "{:?}", d);
            prop_assert!(src.is_char_boundary(d.span.start as usize) && src.is_char_boundary(d.span.end as usize));
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let out = nianbao::check(&s);
        let _ = out.to_json();
    }
}
