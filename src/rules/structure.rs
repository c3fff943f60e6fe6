//! S001–S010: title, sections, period, years and the publication deadline.

use super::Ctx;
use crate::messages::*;
use crate::msg;
use crate::parse::is_organ;
use crate::report::Date;
use crate::source::Span;
use crate::template::SECTIONS;

pub fn check(ctx: &mut Ctx) {
    title(ctx);
    sections(ctx);
    period(ctx);
    years(ctx);
}

fn title(ctx: &mut Ctx) {
    let r = ctx.report;
    let Some(t) = &r.title else {
        let at = Span { start: 0, end: 0 };
        // Offered only from a body's name the report itself states.
        let fix = match (&r.organ, ctx.year()) {
            (Some(o), Some(y)) if is_organ(&o.value) => Some(format!("{}{}年政府信息公开工作年度报告\n", o.value, y)),
            _ => None,
        };
        ctx.emit("S001", at, msg!(S001), None, fix);
        return;
    };
    // A year read from the title itself (2024年, 二〇二四年), not from the period.
    let has_year = r.year.as_ref().is_some_and(|y| y.span == t.span);
    let standard = t.value.contains("政府信息公开工作年度报告");
    let has_organ = r.organ.as_ref().is_some_and(|o| o.span == t.span);
    let mut problems: Vec<Arg> = Vec::new();
    if !has_year {
        problems.push(msg!(S002_NO_YEAR).into());
    }
    if !has_organ {
        problems.push(msg!(S002_NO_ORGAN).into());
    }
    if !standard {
        problems.push(msg!(S002_WORDING).into());
    }
    if problems.is_empty() {
        return;
    }
    let fix = match (&r.organ, ctx.year()) {
        (Some(o), Some(y)) if is_organ(&o.value) => Some(format!("{}{}年政府信息公开工作年度报告", o.value, y)),
        _ => None,
    };
    ctx.emit("S002", t.span, msg!(S002, Arg::text(&t.value), Arg::List(problems, SEP_COMMA)), None, fix);
}

fn sections(ctx: &mut Ctx) {
    let found = &ctx.report.sections;
    let text_len = ctx.src.text().len();
    // No section at all: the text is not laid out as a report (or not one);
    // one finding says so instead of six.
    if found.is_empty() {
        ctx.emit("S003", Span { start: 0, end: 0 }, msg!(S003_NONE), None, None);
        return;
    }
    for tpl in SECTIONS {
        if found.iter().any(|s| s.number == tpl.number) {
            continue;
        }
        // Where the section belongs: before the first later section found.
        let at = found.iter().find(|s| s.number > tpl.number).map(|s| s.span.start).unwrap_or(text_len as u32);
        let msg = msg!(S003, tpl.number, Arg::Label(tpl.heading));
        ctx.emit("S003", Span { start: at, end: at }, msg, None, Some(format!("{}\n", tpl.heading)));
    }
    let mut max = 0u8;
    let mut seen = [false; 7];
    for s in found.clone() {
        let n = s.number as usize;
        if seen[n] {
            ctx.emit("S004", s.span, msg!(S004_TWICE, s.number, Arg::text(&s.heading)), None, None);
        } else if s.number < max {
            ctx.emit("S004", s.span, msg!(S004_ORDER, s.number, Arg::text(&s.heading), max), None, None);
        }
        seen[n] = true;
        max = max.max(s.number);
        let tpl = &SECTIONS[n - 1];
        if s.variant {
            ctx.emit("S005", s.span, msg!(S005, Arg::text(&s.heading), Arg::Label(tpl.heading)), None, Some(tpl.heading.to_string()));
        }
        let body = Span { start: s.span.end, end: s.body.end };
        // Only a short body can be empty: measure before copying anything.
        let (a, b) = (ctx.doc.at_offset(body.start), ctx.doc.at_offset(body.end));
        if b - a > 20 {
            continue;
        }
        let content = ctx.doc.string(a, b);
        let trimmed = content.trim_matches(|ch: char| ch.is_ascii_punctuation() || "。，；：".contains(ch));
        if b - a < 8 || matches!(trimmed, "无" | "暂无" | "无此类情况" | "本年度无") {
            let msg = if content.is_empty() {
                msg!(S006_NONE, s.number, Arg::text(&s.heading))
            } else {
                msg!(S006, s.number, Arg::text(&s.heading), content)
            };
            ctx.emit("S006", s.span, msg, None, None);
        }
    }
}

fn period(ctx: &mut Ctx) {
    let Some(p) = &ctx.report.period else {
        let at = ctx.report.sections.first().map(|s| s.span.start).unwrap_or(0);
        let fix = ctx.year().map(|y| format!("本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"));
        ctx.emit("S007", Span { start: at, end: at }, msg!(S007), None, fix);
        return;
    };
    let ok = p.from.is_valid()
        && p.to.is_valid()
        && p.from.year == p.to.year
        && (p.from.month, p.from.day) == (1, 1)
        && (p.to.month, p.to.day) == (12, 31);
    if !ok {
        let y = ctx.year().unwrap_or(p.from.year);
        ctx.emit("S008", p.span, msg!(S008, date(&p.from), date(&p.to), y), None, None);
    }
}

fn years(ctx: &mut Ctx) {
    let r = ctx.report;
    let title_year = r.title.as_ref().and_then(|t| title_year(&t.value));
    let period_year = r.period.as_ref().filter(|p| p.from.year == p.to.year).map(|p| p.from.year);
    let sign = r.signature_date.as_ref();
    let mut said = false;
    if let (Some(ty), Some(py)) = (title_year, period_year) {
        if ty != py {
            let span = r.period.as_ref().map(|p| p.span).unwrap_or_default();
            ctx.emit("S009", span, msg!(S009_PERIOD, ty, py), None, None);
            said = true;
        }
    }
    let year = title_year.or(period_year);
    if let (Some(y), Some(d)) = (year, sign) {
        if !said && d.value.year != y + 1 && d.value.year != y {
            ctx.emit("S009", d.span, msg!(S009_SIGNED, y, date(&d.value)), None, None);
            return;
        }
        let government = r.organ.as_ref().is_some_and(|o| o.value.ends_with("人民政府"));
        let deadline = Date { year: y + 1, month: if government { 3 } else { 1 }, day: 31 };
        if d.value > deadline {
            let who = msg!(if government { S010_GOVERNMENT } else { S010_DEPARTMENT });
            ctx.emit("S010", d.span, msg!(S010, date(&d.value), who, date(&deadline)), None, None);
        }
    }
}

fn date(d: &Date) -> Message {
    msg!(DATE, d.year, d.month, d.day)
}

fn title_year(t: &str) -> Option<i32> {
    let c: Vec<char> = t.chars().collect();
    (0..c.len().saturating_sub(4)).find_map(|i| {
        (c[i..i + 4].iter().all(|d| d.is_ascii_digit()) && c[i + 4] == '年')
            .then(|| c[i..i + 4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}
