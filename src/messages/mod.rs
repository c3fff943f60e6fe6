//! Every sentence nianbao shows, in Chinese and English, from one catalogue
//! (`catalogue.rs`): a finding carries a message key and typed arguments, and
//! each language renders it with its own template and its own labels.
//!
//! Arguments are typed so that English reads properly: numbers; text quoted
//! from the report (never translated); references to the template (tables,
//! rows, labels) that each language names in its own words; nested phrases;
//! lists. Templates write `{0}` for an argument, and `{0:one|other}` to pick a
//! word by a number (two choices: 1 or not; more: the number's place, as for
//! month names).
//!
//! The Chinese catalogue is always compiled (the browser's first check needs
//! it). The English one (feature `en`) is compiled into the CLI; the browser
//! loads it as JSON (`english_json`, written at build time) only when a reader
//! switches to English, and hands it over with `set_english`.

mod catalogue;
#[cfg(feature = "en")]
mod labels;

pub use catalogue::*;

use crate::template::{Row, TableId};

/// A message template of the findings (`catalogue.rs`, `messages!`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(pub u16);

impl Key {
    /// The stable name, e.g. `A004.sum` (the JSON's `key`): compiled into the
    /// CLI; in the browser, there once the English catalogue is loaded.
    pub fn name(self) -> Option<&'static str> {
        #[cfg(feature = "en")]
        {
            KEYS.get(self.0 as usize).copied()
        }
        #[cfg(not(feature = "en"))]
        {
            LOADED.get().map(|s| s.part(1 + self.0 as usize))
        }
    }
}

/// A string of the web app (`catalogue.rs`, `interface!`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ui(pub u16);

/// A string of the command line's text output (`catalogue.rs`, `command_line!`).
#[cfg(feature = "cli")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cli(pub u16);

/// A command-line string with arguments, in English or Chinese.
#[cfg(feature = "cli")]
pub fn cli_text(english: bool, k: Cli, args: &[Arg]) -> String {
    let mut out = String::new();
    let (templates, c): (&[&str], &dyn Catalogue) = if english { (CLI_EN, &En) } else { (CLI_ZH, &Zh) };
    fill(&mut out, templates.get(k.0 as usize).copied().unwrap_or(""), args, c);
    out
}

/// A string of the reviewer's desk (`catalogue.rs`, `desk!`).
#[cfg(feature = "en")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Desk(pub u16);

#[cfg(feature = "en")]
impl Desk {
    /// The string called `name` in `desk!` (what the page's scripts ask for).
    pub fn named(name: &str) -> Option<Desk> {
        DESK_NAMES.iter().position(|n| *n == name).map(|i| Desk(i as u16))
    }
    /// Its template in English or Chinese.
    pub fn template(self, english: bool) -> &'static str {
        (if english { DESK_EN } else { DESK_ZH }).get(self.0 as usize).copied().unwrap_or("")
    }
    /// Its text with arguments, in English or Chinese.
    pub fn say(self, english: bool, args: &[Arg]) -> String {
        let mut out = String::new();
        fill(&mut out, self.template(english), args, if english { &En } else { &Zh });
        out
    }
}

/// One argument of a message.
#[derive(Clone, Debug)]
pub enum Arg {
    Num(f64),
    /// Text quoted from the report (or a code): shown as it is in every language.
    Text(String),
    /// A table, named in the reader's language.
    Table(TableId),
    /// A template row, named as a reader says it (group·row, numbering dropped).
    Row(TableId, &'static Row),
    /// A wording of the template or the parser (a column, a row label, a
    /// section heading…): the Chinese wording, which is also the key of its English label.
    Label(&'static str),
    /// A nested phrase in the reader's language.
    Phrase(Message),
    /// Items joined by the separator template `sep` (`SEP_ENUM`, `SEP_PLUS`, `SEP_COMMA`).
    List(Vec<Arg>, Key),
}

impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        match (self, other) {
            (Arg::Num(a), Arg::Num(b)) => a == b,
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::Table(a), Arg::Table(b)) => a == b,
            (Arg::Row(t, a), Arg::Row(u, b)) => t == u && a.key == b.key && a.label == b.label,
            (Arg::Label(a), Arg::Label(b)) => a == b,
            (Arg::Phrase(a), Arg::Phrase(b)) => a == b,
            (Arg::List(a, s), Arg::List(b, t)) => a == b && s == t,
            _ => false,
        }
    }
}

impl Arg {
    /// Text quoted from the report.
    pub fn text(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
    /// Numbers joined by `sep`.
    pub fn nums(items: &[f64], sep: Key) -> Arg {
        let mut list = Vec::new();
        for &v in items {
            list.push(Arg::Num(v));
        }
        Arg::List(list, sep)
    }
}

impl From<f64> for Arg {
    fn from(v: f64) -> Arg {
        Arg::Num(v)
    }
}
impl From<usize> for Arg {
    fn from(v: usize) -> Arg {
        Arg::Num(v as f64)
    }
}
impl From<u32> for Arg {
    fn from(v: u32) -> Arg {
        Arg::Num(v as f64)
    }
}
impl From<i32> for Arg {
    fn from(v: i32) -> Arg {
        Arg::Num(v as f64)
    }
}
impl From<u8> for Arg {
    fn from(v: u8) -> Arg {
        Arg::Num(v as f64)
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<TableId> for Arg {
    fn from(t: TableId) -> Arg {
        Arg::Table(t)
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Phrase(m)
    }
}

/// A message: its key and arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub key: Key,
    pub args: Vec<Arg>,
}

/// `msg!(KEY, a, b)`: a message with arguments converted by `Arg::from`.
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $arg:expr)* $(,)?) => {
        $crate::messages::Message::new($key, vec![$($crate::messages::Arg::from($arg)),*])
    };
}

impl Message {
    pub fn new(key: Key, args: Vec<Arg>) -> Message {
        debug_assert_eq!(args.len(), arity(ZH[key.0 as usize]), "{:?}: wrong number of arguments", key.name());
        Message { key, args }
    }
    pub fn render(&self, c: &dyn Catalogue) -> String {
        let mut out = String::new();
        self.render_into(&mut out, c);
        out
    }
    pub fn render_into(&self, out: &mut String, c: &dyn Catalogue) {
        fill(out, c.message(self.key), &self.args, c);
    }
    /// The Chinese text (the JSON's `message`).
    pub fn zh(&self) -> String {
        self.render(&Zh)
    }
    /// The English text, when the English catalogue is here (always in the CLI).
    pub fn en(&self) -> Option<String> {
        english().map(|c| self.render(c))
    }
}

/// One language's templates and labels.
pub trait Catalogue {
    fn message(&self, k: Key) -> &str;
    fn ui(&self, k: Ui) -> &str;
    /// A template wording in this language (itself in Chinese).
    fn label<'a>(&'a self, zh: &'a str) -> &'a str;
    fn is_zh(&self) -> bool;
}

impl dyn Catalogue + '_ {
    /// An interface string with arguments.
    pub fn fill(&self, k: Ui, args: &[Arg]) -> String {
        let mut out = String::new();
        fill(&mut out, self.ui(k), args, self);
        out
    }
}

/// The Chinese catalogue, always compiled.
pub struct Zh;

impl Catalogue for Zh {
    fn message(&self, k: Key) -> &str {
        ZH.get(k.0 as usize).copied().unwrap_or("")
    }
    fn ui(&self, k: Ui) -> &str {
        UI_ZH.get(k.0 as usize).copied().unwrap_or("")
    }
    fn label<'a>(&'a self, zh: &'a str) -> &'a str {
        zh
    }
    fn is_zh(&self) -> bool {
        true
    }
}

/// The English catalogue compiled in (the CLI, the JSON API, the tests).
#[cfg(feature = "en")]
pub struct En;

#[cfg(feature = "en")]
impl Catalogue for En {
    fn message(&self, k: Key) -> &str {
        EN.get(k.0 as usize).copied().unwrap_or("")
    }
    fn ui(&self, k: Ui) -> &str {
        UI_EN.get(k.0 as usize).copied().unwrap_or("")
    }
    fn label<'a>(&'a self, zh: &'a str) -> &'a str {
        labels::en(zh).unwrap_or(zh)
    }

    fn is_zh(&self) -> bool {
        false
    }
}

/// A catalogue loaded at run time (the browser's `messages-en.json`), kept
/// as the one text it came in: its parts are separated by NUL, a head
/// "fingerprint keys messages ui" (the lists' lengths), the keys' names, the
/// messages, the interface strings, then each label's Chinese and English
/// (the browser joins the file's lists so; finding the NULs is all the wasm does).
pub struct Strings {
    text: String,
    /// Byte ranges of the parts.
    parts: Vec<(u32, u32)>,
}

impl Strings {
    /// None when the text is not of this build's catalogue.
    pub fn parse(text: String) -> Option<Strings> {
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == 0 {
                parts.push((start as u32, i as u32));
                start = i + 1;
            }
        }
        parts.push((start as u32, text.len() as u32));
        let s = Strings { text, parts };
        let (n, u) = (ZH.len(), UI_ZH.len());
        (s.part(0) == format!("{FINGERPRINT} {n} {n} {u}") && s.parts.len() > 2 * n + u).then_some(s)
    }
    fn part(&self, i: usize) -> &str {
        self.parts.get(i).and_then(|&(a, b)| self.text.get(a as usize..b as usize)).unwrap_or("")
    }
}

impl Catalogue for Strings {
    fn message(&self, k: Key) -> &str {
        self.part(1 + ZH.len() + k.0 as usize)
    }
    fn ui(&self, k: Ui) -> &str {
        self.part(1 + 2 * ZH.len() + k.0 as usize)
    }
    fn label<'a>(&'a self, zh: &'a str) -> &'a str {
        let mut i = 1 + 2 * ZH.len() + UI_ZH.len();
        while i + 1 < self.parts.len() {
            if self.part(i) == zh {
                return self.part(i + 1);
            }
            i += 2;
        }
        zh
    }
    fn is_zh(&self) -> bool {
        false
    }
}

static LOADED: std::sync::OnceLock<&'static Strings> = std::sync::OnceLock::new();

/// Hands over the English catalogue loaded at run time (the browser); once.
pub fn set_english(s: Strings) {
    let _ = LOADED.set(Box::leak(Box::new(s)));
}

/// The English catalogue, when there is one: compiled in, or loaded.
pub fn english() -> Option<&'static dyn Catalogue> {
    #[cfg(feature = "en")]
    {
        Some(&En)
    }
    #[cfg(not(feature = "en"))]
    {
        LOADED.get().map(|s| *s as &'static dyn Catalogue)
    }
}

/// The number of arguments a template takes: its highest `{n}` plus one.
pub fn arity(template: &str) -> usize {
    placeholders(template).into_iter().map(|(n, _)| n + 1).max().unwrap_or(0)
}

/// Every `{n}` or `{n:…}` of a template: (n, choices).
pub fn placeholders(template: &str) -> Vec<(usize, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else { break };
        let spec = &rest[open + 1..open + len];
        let (n, choices) = match spec.split_once(':') {
            Some((n, c)) => (n, Some(c)),
            None => (spec, None),
        };
        out.push((n.parse().unwrap_or(usize::MAX), choices));
        rest = &rest[open + len + 1..];
    }
    out
}

/// Renders `template` with `args` into `out`: the one renderer of every
/// sentence. A placeholder is `{n}` or `{n:choices}`, n one digit (the
/// catalogue's tests hold every template to that; the browser carries no
/// general parser for it).
pub fn fill(out: &mut String, template: &str, args: &[Arg], c: &dyn Catalogue) {
    // The command line makes room for the template and its arguments' usual
    // length at once (the text grew three or four times a message), and looks
    // for the braces byte by byte: templates are a sentence long, and a batch
    // fills thousands (the standard search sets up a memchr for each). The
    // browser keeps the short forms: its first load has no bytes to spare.
    #[cfg(feature = "cli")]
    out.reserve(template.len() + 32);
    #[cfg(feature = "cli")]
    let (open_at, close_at) = (|s: &str| s.bytes().position(|x| x == b'{'), |s: &str| s.bytes().position(|x| x == b'}'));
    #[cfg(not(feature = "cli"))]
    let (open_at, close_at) = (|s: &str| s.find('{'), |s: &str| s.find('}'));
    let mut rest = template;
    while let Some(open) = open_at(rest) {
        out.push_str(&rest[..open]);
        let spec = &rest[open + 1..];
        let close = close_at(spec).unwrap_or(spec.len());
        if let Some(arg) = spec.bytes().next().and_then(|d| args.get(d.wrapping_sub(b'0') as usize)) {
            match (arg, spec.get(2..close)) {
                (Arg::Num(v), Some(choices)) => choose(out, *v, choices),
                _ => arg.render(out, c),
            }
        }
        rest = spec.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

/// `{n:a|b}`: a when the number is 1, else b; `{n:a|b|c|…}`: the number's
/// place (1 is a); a number out of range is written as it is.
fn choose(out: &mut String, v: f64, choices: &str) {
    let count = choices.bytes().filter(|&b| b == b'|').count() + 1;
    let pick = if count == 2 {
        if v == 1.0 {
            0
        } else {
            1
        }
    } else if v >= 1.0 && v.fract() == 0.0 && v as usize <= count {
        v as usize - 1
    } else {
        out.push_str(&crate::json::format_number(v));
        return;
    };
    let mut word = choices;
    for _ in 0..pick {
        word = word.find('|').map_or("", |p| &word[p + 1..]);
    }
    out.push_str(&word[..word.find('|').unwrap_or(word.len())]);
}

impl Arg {
    fn render(&self, out: &mut String, c: &dyn Catalogue) {
        match self {
            Arg::Num(v) => out.push_str(&crate::json::format_number(*v)),
            Arg::Text(s) => out.push_str(s),
            Arg::Table(id) => out.push_str(c.message(table_key(*id))),
            Arg::Row(_, row) => row_name(out, row, c),
            Arg::Label(l) => out.push_str(c.label(l)),
            Arg::Phrase(m) => m.render_into(out, c),
            Arg::List(items, sep) => {
                for (i, a) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(c.message(*sep));
                    }
                    a.render(out, c);
                }
            }
        }
    }
}

/// The message that names a table.
pub fn table_key(id: TableId) -> Key {
    match id {
        TableId::T2 => TABLE_T2,
        TableId::T3 => TABLE_T3,
        TableId::T4 => TABLE_T4,
    }
}

/// A row's name with its group, as a reader would say it: 不予公开·属于国家秘密
/// (Withheld · State secret). The English of the labels without their numbers
/// is in the English catalogue (`labels::all`).
fn row_name(out: &mut String, row: &Row, c: &dyn Catalogue) {
    if !row.group.is_empty() && row.key != "total" && row.key.contains('.') {
        out.push_str(c.label(&core_label(row.group)));
        out.push_str(c.message(SEP_ROW));
    }
    out.push_str(c.label(&core_label(row.label)));
}

/// A template label without its numbering (`parse::core_label`): the command
/// line makes each once (a batch names rows in thousands of findings).
#[cfg(feature = "cli")]
fn core_label(label: &'static str) -> std::borrow::Cow<'static, str> {
    static CORES: std::sync::OnceLock<std::collections::HashMap<&'static str, String>> = std::sync::OnceLock::new();
    let cores = CORES.get_or_init(|| {
        use crate::template::{T2_2019, T2_2021, T3_2019, T3_2021, T4};
        let rows = [&T2_2019, &T2_2021, &T3_2019, &T3_2021, &T4].into_iter().flat_map(|t| t.rows.iter());
        rows.flat_map(|r| [r.label, r.group]).map(|l| (l, crate::parse::core_label(l))).collect()
    });
    match cores.get(label) {
        Some(c) => c.as_str().into(),
        None => crate::parse::core_label(label).into(),
    }
}

#[cfg(not(feature = "cli"))]
fn core_label(label: &str) -> String {
    crate::parse::core_label(label)
}

/// The English catalogue as the JSON the web app loads (`messages-en.json`):
/// the Chinese catalogue's `fingerprint`; the `keys`' names, the `messages`
/// and the `ui` strings in catalogue order; `labels` (template wordings and
/// rule titles) as [Chinese, English] pairs.
#[cfg(feature = "en")]
pub fn english_json() -> String {
    let mut w = crate::json::Writer::new();
    let list = |w: &mut crate::json::Writer, items: &[&str]| {
        w.begin_array();
        for s in items {
            w.str(s);
        }
        w.end_array();
    };
    w.begin_object();
    w.key("fingerprint").num(FINGERPRINT as f64);
    w.key("keys");
    list(&mut w, KEYS);
    w.key("messages");
    list(&mut w, EN);
    w.key("ui");
    list(&mut w, UI_EN);
    w.key("labels").begin_array();
    for (zh, en) in labels::all() {
        list(&mut w, &[zh.as_str(), en.as_str()]);
    }
    w.end_array();
    w.end_object();
    w.finish()
}

#[cfg(all(test, feature = "en"))]
mod tests {
    use super::*;
    use crate::template::{SECTIONS, SIGNALS_2019, T2_2019, T2_2021, T3_2019, T3_2021, T4};

    /// The argument numbers a template uses, sorted and deduplicated; and a
    /// problem with its braces or choices, if any.
    fn shape(t: &str) -> Result<Vec<usize>, String> {
        if t.matches('{').count() != t.matches('}').count() {
            return Err(format!("unbalanced braces: {t}"));
        }
        let mut used = Vec::new();
        for (n, choices) in placeholders(t) {
            // One digit: the renderer reads no more.
            if n > 9 {
                return Err(format!("a placeholder is not a digit: {t}"));
            }
            if let Some(c) = choices {
                let count = c.split('|').count();
                // Plural (2), section numerals (6) or months (12).
                if ![2, 6, 12].contains(&count) || c.split('|').any(str::is_empty) {
                    return Err(format!("choices {c:?} in {t}"));
                }
            }
            used.push(n);
        }
        used.sort_unstable();
        used.dedup();
        if used.iter().enumerate().any(|(i, n)| i != *n) {
            return Err(format!("arguments not numbered 0, 1, 2…: {t}"));
        }
        Ok(used)
    }

    #[test]
    fn every_message_has_chinese_and_english_with_the_same_arguments() {
        assert_eq!(KEYS.len(), ZH.len());
        assert_eq!(KEYS.len(), EN.len());
        for (i, k) in KEYS.iter().enumerate() {
            assert!(KEYS[..i].iter().all(|o| o != k), "{k} twice");
            let (zh, en) = (ZH[i], EN[i]);
            if *k != "nothing" {
                assert!(!zh.is_empty() && !en.is_empty(), "{k}: empty");
            }
            assert_eq!(shape(zh).unwrap(), shape(en).unwrap(), "{k}: {zh} / {en}");
            assert_eq!(arity(zh), arity(en), "{k}");
            // English is English: Chinese only where it names a Chinese document or term.
            let cjk = en.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
            let named = [
                "国办公开办函",
                "规章",
                "行政规范性文件",
                "政府信息公开工作年度报告",
                "共",
                "信息处理费",
                "一、",
                "试行",
                "中华人民共和国",
            ];
            assert!(!cjk || named.iter().any(|n| en.contains(n)), "{k}: {en}");
        }
    }

    #[test]
    fn every_interface_string_has_chinese_and_english_with_the_same_arguments() {
        assert_eq!(UI_ZH.len(), UI_EN.len());
        assert_eq!(UI_ZH.len(), UI_NAMES.len());
        for i in 0..UI_ZH.len() {
            assert!(!UI_ZH[i].is_empty() && !UI_EN[i].is_empty(), "{}", UI_NAMES[i]);
            assert_eq!(shape(UI_ZH[i]).unwrap(), shape(UI_EN[i]).unwrap(), "{}", UI_NAMES[i]);
        }
    }

    #[test]
    fn every_desk_string_has_chinese_and_english_with_the_same_arguments() {
        assert_eq!(DESK_ZH.len(), DESK_EN.len());
        assert_eq!(DESK_ZH.len(), DESK_NAMES.len());
        for (i, name) in DESK_NAMES.iter().enumerate() {
            assert_eq!(Desk::named(name), Some(Desk(i as u16)));
            let (zh, en) = (DESK_ZH[i], DESK_EN[i]);
            assert!(!zh.is_empty() && !en.is_empty(), "{name}");
            assert_eq!(shape(zh).unwrap(), shape(en).unwrap(), "{name}: {zh} / {en}");
            assert!(!en.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{name}: {en}");
        }
        assert_eq!(Desk::named("PROGRESS").unwrap().say(true, &[Arg::Num(3.0), Arg::Num(9.0)]), "3 of 9 checked");
        assert_eq!(desk::SKIPPED.say(true, &[Arg::Num(1.0), Arg::text("a.png")]), " (1 file of other kinds skipped: a.png)");
        assert_eq!(desk::SKIPPED.say(false, &[Arg::Num(2.0), Arg::text("a.png、b.xlsx")]), "（另跳过 2 个其他类型的文件：a.png、b.xlsx）");
        assert_eq!(Desk::named("NO_SUCH"), None);
    }

    #[test]
    fn every_template_wording_and_rule_title_has_english() {
        let mut wordings: Vec<&str> = Vec::new();
        for t in [&T2_2019, &T2_2021, &T3_2019, &T3_2021, &T4] {
            for r in t.rows {
                wordings.extend([r.label, r.group, r.block]);
                wordings.extend(r.columns.iter().map(|c| c.label));
            }
        }
        wordings.extend(SECTIONS.iter().map(|s| s.heading));
        wordings.extend(SIGNALS_2019);
        // The parser's kinds of conversion residue and the 2019 single row.
        wordings.extend(["页码", "Markdown 粗体标记", "书签标记", "HTML 实体", "其他处理仅一行"]);
        for w in wordings.into_iter().filter(|w| !w.is_empty()) {
            let en = labels::en(w).unwrap_or_else(|| panic!("no English for {w}"));
            assert!(!en.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{w}: {en}");
        }
        for r in crate::rules::RULES {
            assert_eq!(labels::en(r.title_zh), Some(r.title_en), "{}", r.code);
        }
        // A row's name (its label without numbering) says the same as its label.
        for t in [&T2_2019, &T2_2021, &T3_2019, &T3_2021, &T4] {
            for l in t.rows.iter().flat_map(|r| [r.label, r.group]).filter(|l| !l.is_empty()) {
                let named = labels::en(&crate::parse::core_label(l));
                assert_eq!(named, labels::en(l).map(labels::unnumbered), "{l}");
            }
        }
        // One English per Chinese wording.
        let all = labels::all();
        for (i, (zh, en)) in all.iter().enumerate() {
            assert!(all[..i].iter().all(|(z, e)| z != zh || e == en), "{zh} has two English labels");
        }
    }

    #[test]
    fn the_renderer() {
        let row = &T3_2021.rows[T3_2021.row("withheld.state_secret").unwrap()];
        let m = Message::new(
            A_CELL,
            vec![
                Arg::Table(TableId::T3),
                Arg::Row(TableId::T3, row),
                Arg::Label("自然人"),
                Arg::Num(3.0),
                Arg::List(vec![Message::new(A_ROW_TOTAL, vec![]).into(), Message::new(A_BALANCE, vec![]).into()], SEP_ENUM),
                Arg::Num(2.5),
            ],
        );
        assert_eq!(m.zh(), "表三（收到和处理政府信息公开申请情况）“不予公开·属于国家秘密”行“自然人”列为 3，本行合计、本列收支平衡都因此对不上；按这些合计关系，该数应为 2.5");
        assert_eq!(
            m.en().unwrap(),
            "Table 3 (applications received and handled), row “Withheld · State secret”, column “Natural persons” is 3, which breaks the row's total, the column's balance; by these sums it should be 2.5"
        );
        // Choices: plural, section numerals, months; out of range, the number itself.
        let date = |m: f64| Message::new(DATE, vec![Arg::Num(2024.0), Arg::Num(m), Arg::Num(31.0)]);
        assert_eq!(date(12.0).en().unwrap(), "31 December 2024");
        assert_eq!(date(13.0).en().unwrap(), "31 13 2024");
        assert_eq!(date(13.0).zh(), "2024年13月31日");
        let more = |n: f64| Message::new(MORE, vec![Arg::Num(n), Arg::text("H003")]).en().unwrap();
        assert_eq!(more(1.0), "1 more H003 finding from here on is not listed");
        assert_eq!(more(7.0), "7 more H003 findings from here on are not listed");
        assert_eq!(
            Message::new(S003, vec![Arg::Num(5.0), Arg::Label("五、存在的主要问题及改进情况")]).zh(),
            "缺少第五部分“五、存在的主要问题及改进情况”"
        );
        assert_eq!(labels::unnumbered("(3) Withheld"), "Withheld");
        assert_eq!(labels::unnumbered("1. State secret"), "State secret");
        assert_eq!(labels::unnumbered("Table 3. x"), "Table 3. x");
    }
}
