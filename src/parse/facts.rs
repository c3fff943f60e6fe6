//! Title, organ, year, statistical period, contact and signature date.

use crate::compact::Compact;
use crate::lex::Lexed;
use crate::normalize::{chinese_number, compact};
use crate::report::{Contact, Date, Fact, Period, Section};
use crate::source::{Source, Span};

pub struct Facts {
    pub title: Option<Fact<String>>,
    pub organ: Option<Fact<String>>,
    pub year: Option<Fact<i32>>,
    pub period: Option<Period>,
    pub contact: Contact,
    pub signature_date: Option<Fact<Date>>,
}

pub fn read(src: &Source, lx: &Lexed, doc: &Compact, sections: &[Section]) -> Facts {
    // The preamble: everything before section 一 (or the first 60 lines).
    let head_end = sections.first().map(|s| s.span.start as usize).unwrap_or_else(|| {
        let n = lx.lines.len().min(60);
        lx.lines.get(n.saturating_sub(1)).map(|l| l.span.end as usize).unwrap_or(0)
    });
    let head = doc.view(Span::new(0, head_end));
    let title = title(src, lx, head_end);
    let period = period(&head).or_else(|| {
        // Some reports state the period in section 一 instead.
        let end = sections.get(1).map(|s| s.span.start as usize).unwrap_or(src.text().len()).min(head_end + 4000);
        period(&doc.view(Span::new(head_end, end)))
    });
    let contact = contact(&head);
    let signature_date = signature(lx, doc);
    let (organ, year) = match &title {
        Some(t) => organ_year(&t.value, t.span),
        None => (None, None),
    };
    // The title's body when it reads as one; else the preface's or the
    // contact sentence's; else whatever the title had before its year.
    let organ = match organ {
        Some(o) if is_organ(&o.value) => Some(o),
        other => preface_organ(&head).or_else(|| contact_organ(&head)).or(other),
    };
    let year = year.or_else(|| period.as_ref().map(|p| Fact { value: p.from.year, span: p.span }));
    Facts { title, organ, year, period, contact, signature_date }
}

/// The title: a short line before section 一 naming a 年度报告, with the one
/// or two short lines above it (the organ is often on its own line), or split
/// over two lines by a PDF viewer ("…工作年" / "度报告"), or the head of a
/// flattened line ("…年度报告　　本报告…"). Portal menus and scraper headers
/// come before the report, so the last such line before section 一 wins.
fn title(src: &Source, lx: &Lexed, head_end: usize) -> Option<Fact<String>> {
    let lines: Vec<usize> = (0..lx.lines.len())
        .take_while(|&i| (lx.lines[i].span.start as usize) < head_end)
        .filter(|&i| !lx.lines[i].blank && !lx.lines[i].page_mark)
        .take(400)
        .collect();
    let texts: Vec<(String, Span)> = lines.iter().map(|&i| title_text(src, lx.lines[i].span)).collect();
    let mut best = None;
    for k in 0..texts.len() {
        let (text, span) = &texts[k];
        // "年报" alone names a menu item as often as a title: only with a year.
        let keyed = |t: &str| {
            t.contains("年度报告")
                || t.contains("工作报告")
                || (t.contains("年报") && t.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)))
        };
        // The line itself, or the line and the next when the key is split between them.
        let (mut value, mut span) = if is_title_line(text) && keyed(text) {
            (text.clone(), *span)
        } else if let Some((next, nspan)) = texts.get(k + 1).filter(|(n, _)| !keyed(n)) {
            let joined = format!("{text}{next}");
            if !(is_title_line(&joined) && keyed(&joined) && is_title_line(text) && is_title_line(next)) {
                continue;
            }
            (joined, span.cover(*nspan))
        } else {
            continue;
        };
        for j in (0..k).rev().take(2) {
            let (t, sp) = &texts[j];
            if !is_title_line(t) || keyed(t) || t.chars().count() > 30 || t.ends_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            value.insert_str(0, t);
            span = sp.cover(span);
        }
        best = Some(Fact { value, span });
    }
    best
}

/// Bytes of a line looked at for a title (a flattened page's chrome before it fits).
const TITLE_SCAN: usize = 16 * 1024;

/// A line's text as a title candidate: folded, without residue, markup or a
/// page number glued in front ("-1-淮安市…"), and cut after 年度报告 when the
/// rest of the line is the preface or chrome. A portal's "标题：" field is not
/// the report's title.
fn title_text(src: &Source, span: Span) -> (String, Span) {
    // A title sits within a line's first few thousand characters, even on a
    // flattened portal page: a longer line is not copied whole (it may be
    // the whole report, or 30 MB of a hostile paste).
    let mut raw = src.slice(span);
    if raw.len() > TITLE_SCAN {
        raw = &raw[..(0..=TITLE_SCAN).rev().find(|&k| raw.is_char_boundary(k)).unwrap_or(0)];
    }
    let mut text = crate::parse::strip_residue(compact(raw));
    text = text.trim_matches(|c: char| matches!(c, '#' | '*' | '|' | '>')).to_string();
    let mut skip = 0usize;
    if let Some(rest) = text.strip_prefix('-') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) && rest[digits..].starts_with('-') {
            skip = digits + 2;
        }
    }
    // A page's own "标题：…" field is the portal's, not the report's.
    if text[skip..].starts_with("标题") {
        return (String::new(), span);
    }
    let text = text[skip..].to_string();
    if text.chars().count() <= 45 {
        return (text, span);
    }
    // A long line (a flattened page): the title is what ends at 年度报告 after
    // the last delimiter before it ("…标题：淮安市…年度报告发布时间…"), without
    // a font-size picker glued in front; the shortest such candidate wins.
    let chars: Vec<char> = text.chars().collect();
    let key: Vec<char> = "年度报告".chars().collect();
    let mut best: Option<String> = None;
    for end in (key.len()..=chars.len()).filter(|&e| chars[e - key.len()..e] == key[..]) {
        let from = end.saturating_sub(45);
        let start = (from..end).rev().find(|&k| matches!(chars[k], ':' | '。' | ';' | '!' | '?' | '>' | '|' | ',' | '》')).map(|k| k + 1);
        let Some(start) = start.or((from == 0).then_some(0)) else { continue };
        if chars[..start].ends_with(&['标', '题', ':']) {
            continue;
        }
        let mut cand: String = chars[start..end].iter().collect();
        for chrome in ["大中小", "【大中小】", "[大中小]", "打印", "关闭"] {
            if let Some(rest) = cand.strip_prefix(chrome) {
                cand = rest.to_string();
            }
        }
        if cand.chars().count() >= 8 && is_title_line(&cand) && best.as_ref().is_none_or(|b| cand.chars().count() < b.chars().count()) {
            best = Some(cand);
        }
    }
    (best.unwrap_or(text), span)
}

/// A title quotes no document: a line with 《》 or <> (as the preface writes
/// 《…关于印发<…年度报告格式>的通知》, which a narrow page may wrap into a
/// short line) is prose.
fn is_title_line(t: &str) -> bool {
    let n = t.chars().count();
    (2..=45).contains(&n)
        && !t.contains(['。', ':', ';', ',', '》', '《', '>', '<', '〈', '〉'])
        && !t.starts_with('本')
        && !t.starts_with('(')
}

/// A body's name, by how such names end: 人民政府, 办公室, 局, 委员会, 街道办事处,
/// 中国人民银行… One character tells most (委员会 ends in 会, 办事处 in 处,
/// 支队 in 队); a few endings need two.
pub fn is_organ(name: &str) -> bool {
    const LAST: &[char] = &['府', '室', '局', '厅', '委', '办', '部', '署', '院', '处', '所', '站', '队', '馆', '会', '镇', '乡', '行'];
    const ENDS: &[&str] = &["中心", "街道", "社区", "公司", "集团", "园区"];
    let n = name.chars().count();
    (3..=40).contains(&n)
        && !name.contains(|c: char| c.is_ascii_punctuation() || "，。；：、《》“”".contains(c))
        && (name.ends_with(LAST) || ENDS.iter().any(|e| name.ends_with(e)))
}

/// Organ and year from a title such as 淮安市人民政府2024年政府信息公开工作年度报告.
fn organ_year(title: &str, span: Span) -> (Option<Fact<String>>, Option<Fact<i32>>) {
    let chars: Vec<char> = title.chars().collect();
    let mut year = None;
    let mut organ_end = None;
    // The year in digits or, in some bodies' formal style, in Chinese numerals (二〇二四年).
    const ZH: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |c: &char| c.to_digit(10).or_else(|| ZH.iter().position(|z| z == c).map(|p| p as u32));
    for i in 0..chars.len().saturating_sub(4) {
        let y = chars[i..i + 4].iter().try_fold(0, |y, c| Some(y * 10 + digit(c)? as i32));
        if let (Some(y), Some('年'), true) = (y, chars.get(i + 4), i == 0 || digit(&chars[i - 1]).is_none()) {
            year = Some(Fact { value: y, span });
            organ_end = Some(i);
            break;
        }
    }
    let organ_end = organ_end.or_else(|| find_chars(&chars, "政府信息公开")).or_else(|| find_chars(&chars, "年度报告"));
    let organ = organ_end.and_then(|e| {
        let o: String = chars[..e].iter().collect();
        let o = o.trim_end_matches(['关', '于']).to_string();
        (o.chars().count() >= 2).then_some(Fact { value: o, span })
    });
    // "2023年高良涧街道政府信息公开工作年度报告": the year first, the body after it.
    let organ = organ.or_else(|| {
        let after_year = find_chars(&chars, "年").filter(|&y| year.is_some() && y <= 5)? + 1;
        let from = if chars.get(after_year) == Some(&'度') { after_year + 1 } else { after_year };
        let end = find_chars(&chars, "政府信息公开").filter(|&e| e > from)?;
        let o: String = chars[from..end].iter().collect();
        (o.chars().count() >= 2).then_some(Fact { value: o, span })
    });
    (organ, year)
}

fn find_chars(hay: &[char], pat: &str) -> Option<usize> {
    let p: Vec<char> = pat.chars().collect();
    (0..hay.len().saturating_sub(p.len() - 1)).find(|&i| hay[i..].starts_with(&p))
}

/// "请与淮安市人民政府办公室联系" names the body when the title does not.
fn contact_organ(head: &Compact) -> Option<Fact<String>> {
    let at = head.find("请与", 0)?;
    let end = head.find_chars(&['联', '系'], at, (at + 40).min(head.len()))?;
    let o = head.string(at + 2, end);
    is_organ(&o).then(|| Fact { value: o, span: head.span(at + 2, end) })
}

/// "本报告由淮安市洪泽区人民政府办公室根据…编制" names the body too.
fn preface_organ(head: &Compact) -> Option<Fact<String>> {
    let at = head.find("本报告由", 0)? + 4;
    let end = ["根据", "依据", "按照", "编制"].iter().filter_map(|w| head.find(w, at)).filter(|&e| e <= at + 40).min()?;
    let o = head.string(at, end);
    is_organ(&o).then(|| Fact { value: o, span: head.span(at, end) })
}

const PERIOD_ANCHORS: &[&str] = &["统计期限", "统计期间", "统计时限", "统计时段", "统计时间", "统计区间", "统计周期", "统计范围"];

fn period(c: &Compact) -> Option<Period> {
    let at = PERIOD_ANCHORS.iter().filter_map(|a| c.find(a, 0)).min()?;
    let limit = (at + 60).min(c.len());
    let (from, _, a1) = date_in(c, at, limit)?;
    let (to, _, b1) = date_in(c, a1, limit)?;
    Some(Period { from, to, span: c.span(at, b1) })
}

/// The first date "YYYY年M月D日" (ASCII or Chinese numerals) in `c[from..to]`:
/// (date, start, end).
pub fn date_in(c: &Compact, from: usize, to: usize) -> Option<(Date, usize, usize)> {
    let mut i = from;
    while i < to {
        if let Some((d, end)) = date_at(c, i) {
            return Some((d, i, end));
        }
        i += 1;
    }
    None
}

fn date_at(c: &Compact, i: usize) -> Option<(Date, usize)> {
    let (y, j) = number_at(c, i, 4)?;
    if !(1900..=2200).contains(&y) || c.chars.get(j) != Some(&'年') {
        return None;
    }
    if i > 0 && (c.chars[i - 1].is_ascii_digit()) {
        return None;
    }
    let (m, k) = number_at(c, j + 1, 2)?;
    if c.chars.get(k) != Some(&'月') {
        return None;
    }
    let (d, l) = number_at(c, k + 1, 3)?;
    if !matches!(c.chars.get(l), Some('日') | Some('号')) {
        return None;
    }
    Some((Date { year: y as i32, month: m, day: d }, l + 1))
}

/// ASCII digits, or Chinese numerals (二〇二四, 十二, 三十一).
fn number_at(c: &Compact, i: usize, max: usize) -> Option<(u32, usize)> {
    if let Some(r) = c.digits(i, max) {
        return Some(r);
    }
    // A match, not a search of a string of them (a substring search set up per char).
    let zh = |ch: char| matches!(ch, '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | 'О');
    let mut j = i;
    while j < c.len() && j - i < max.max(3) + 1 && zh(c.chars[j]) {
        j += 1;
    }
    if j == i {
        return None;
    }
    let s: String = c.chars[i..j].iter().collect();
    chinese_number(&s).map(|v| (v, j))
}

fn contact(c: &Compact) -> Contact {
    Contact {
        address: field(c, &["通讯地址:", "地址:"], |ch| !matches!(ch, ';' | ',' | '。' | ')' | '、'))
            .filter(|f| f.value.chars().count() >= 3),
        postcode: field(c, &["邮政编码:", "邮编:"], |ch| ch.is_ascii_alphanumeric()),
        phone: field(c, &["联系电话:", "咨询电话:", "电话:"], |ch| {
            ch.is_ascii_digit() || matches!(ch, '-' | '(' | ')' | '/' | '转')
        }),
        email: field(c, &["电子邮箱:", "电子信箱:", "电子邮件:", "邮箱:", "E-mail:", "Email:", "email:", "E-MAIL:"], |ch| {
            ch.is_ascii_alphanumeric() || matches!(ch, '@' | '.' | '-' | '_' | '+')
        }),
    }
}

/// The text after the first of `labels` while `keep` accepts its characters.
fn field(c: &Compact, labels: &[&str], keep: impl Fn(char) -> bool) -> Option<Fact<String>> {
    let (at, label) = labels.iter().filter_map(|l| c.find(l, 0).map(|p| (p, l))).min_by_key(|(p, _)| *p)?;
    let start = at + label.chars().count();
    let mut end = start;
    while end < c.len() && end - start < 80 && keep(c.chars[end]) {
        end += 1;
    }
    // A closing bracket with no opening one ends the field: "0517-87290606）".
    let mut depth = 0i32;
    for k in start..end {
        match c.chars[k] {
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = k;
                break;
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    (end > start).then(|| Fact { value: c.string(start, end), span: c.span(start, end) })
}

/// The signature date: a line near the end that is nothing but a date.
fn signature(lx: &Lexed, doc: &Compact) -> Option<Fact<Date>> {
    for line in lx.lines.iter().rev().filter(|l| !l.blank && !l.page_mark).take(12) {
        let (a, b) = (doc.at_offset(line.span.start), doc.at_offset(line.span.end));
        if b - a > 14 {
            continue;
        }
        let c = doc.view(line.span);
        if let Some((d, x, y)) = date_in(&c, 0, c.len()) {
            if x == 0 && y == c.len() {
                return Some(Fact { value: d, span: c.span(x, y) });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let c = Compact::new("统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止", 0);
        let p = period(&c).unwrap();
        assert_eq!((p.from.iso(), p.to.iso()), ("2024-01-01".into(), "2024-12-31".into()));
        let c = Compact::new("二〇二四年一月十一日", 0);
        assert_eq!(date_in(&c, 0, c.len()).unwrap().0.iso(), "2024-01-11");
    }

    #[test]
    fn contact_fields() {
        let c = Compact::new("（地址：淮安市翔宇南道 1 号，邮编：223001，电话：0517-83605210，电\n子邮箱：hazwgkc@163.com）", 0);
        let k = contact(&c);
        assert_eq!(k.address.unwrap().value, "淮安市翔宇南道1号");
        assert_eq!(k.postcode.unwrap().value, "223001");
        assert_eq!(k.phone.unwrap().value, "0517-83605210");
        assert_eq!(k.email.unwrap().value, "hazwgkc@163.com");
    }
}
