//! S001–S010: title, sections, period, years and the publication deadline.

use super::Ctx;
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
        ctx.emit("S001", at, "报告缺少标题：开头应写明机关名称、年度和“政府信息公开工作年度报告”".into(), None, fix);
        return;
    };
    let has_year = t.value.chars().filter(|c| c.is_ascii_digit()).count() >= 4 && t.value.contains('年');
    let standard = t.value.contains("政府信息公开工作年度报告");
    let has_organ = r.organ.as_ref().is_some_and(|o| o.span == t.span);
    let mut problems = Vec::new();
    if !has_year {
        problems.push("缺少年份");
    }
    if !has_organ {
        problems.push("缺少机关名称");
    }
    if !standard {
        problems.push("未使用“政府信息公开工作年度报告”的表述");
    }
    if problems.is_empty() {
        return;
    }
    let fix = match (&r.organ, ctx.year()) {
        (Some(o), Some(y)) if is_organ(&o.value) => Some(format!("{}{}年政府信息公开工作年度报告", o.value, y)),
        _ => None,
    };
    let msg = format!("标题“{}”不规范：{}", t.value, problems.join("，"));
    ctx.emit("S002", t.span, msg, None, fix);
}

fn sections(ctx: &mut Ctx) {
    let found = &ctx.report.sections;
    let text_len = ctx.src.text().len();
    // No section at all: the text is not laid out as a report (or not one);
    // one finding says so instead of six.
    if found.is_empty() {
        let msg =
            "未找到年报的六个部分（一、总体情况 至 六、其他需要报告的事项）：请确认粘贴的是完整的年度报告，各部分标题以“一、”至“六、”编号"
                .to_string();
        ctx.emit("S003", Span { start: 0, end: 0 }, msg, None, None);
        return;
    }
    for tpl in SECTIONS {
        if found.iter().any(|s| s.number == tpl.number) {
            continue;
        }
        // Where the section belongs: before the first later section found.
        let at = found.iter().find(|s| s.number > tpl.number).map(|s| s.span.start).unwrap_or(text_len as u32);
        let msg = format!("缺少第{}部分“{}”", tpl.heading.chars().next().unwrap_or('?'), tpl.heading);
        ctx.emit("S003", Span { start: at, end: at }, msg, None, Some(format!("{}\n", tpl.heading)));
    }
    let mut max = 0u8;
    let mut seen = [false; 7];
    for s in found.clone() {
        let n = s.number as usize;
        if seen[n] {
            ctx.emit("S004", s.span, format!("第{}部分重复出现（“{}”）", numeral(s.number), s.heading), None, None);
        } else if s.number < max {
            ctx.emit(
                "S004",
                s.span,
                format!("第{}部分“{}”出现在第{}部分之后，顺序错误", numeral(s.number), s.heading, numeral(max)),
                None,
                None,
            );
        }
        seen[n] = true;
        max = max.max(s.number);
        let tpl = &SECTIONS[n - 1];
        if s.variant {
            ctx.emit(
                "S005",
                s.span,
                format!("章节标题“{}”与模板“{}”表述不同", s.heading, tpl.heading),
                None,
                Some(tpl.heading.to_string()),
            );
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
            ctx.emit("S006", s.span, format!("第{}部分“{}”几乎没有内容（“{}”）", numeral(s.number), s.heading, content), None, None);
        }
    }
}

fn numeral(n: u8) -> char {
    ['?', '一', '二', '三', '四', '五', '六'][n.min(6) as usize]
}

fn period(ctx: &mut Ctx) {
    let Some(p) = &ctx.report.period else {
        let at = ctx.report.sections.first().map(|s| s.span.start).unwrap_or(0);
        let fix = ctx.year().map(|y| format!("本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"));
        ctx.emit("S007", Span { start: at, end: at }, "报告未说明统计期限".into(), None, fix);
        return;
    };
    let ok = p.from.is_valid()
        && p.to.is_valid()
        && p.from.year == p.to.year
        && (p.from.month, p.from.day) == (1, 1)
        && (p.to.month, p.to.day) == (12, 31);
    if !ok {
        let y = ctx.year().unwrap_or(p.from.year);
        let msg = format!("统计期限为{}至{}，应为{y}年1月1日至{y}年12月31日", p.from.zh(), p.to.zh());
        ctx.emit("S008", p.span, msg, None, None);
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
            ctx.emit("S009", span, format!("标题年份为{ty}年，统计期限却是{py}年"), None, None);
            said = true;
        }
    }
    let year = title_year.or(period_year);
    if let (Some(y), Some(d)) = (year, sign) {
        if !said && d.value.year != y + 1 && d.value.year != y {
            ctx.emit("S009", d.span, format!("报告年度为{y}年，落款日期却是{}", d.value.zh()), None, None);
            return;
        }
        let government = r.organ.as_ref().is_some_and(|o| o.value.ends_with("人民政府"));
        let deadline = Date { year: y + 1, month: if government { 3 } else { 1 }, day: 31 };
        if d.value > deadline {
            let who = if government { "人民政府的年报" } else { "政府部门的年报" };
            let msg = format!("落款日期{}晚于法定期限：{who}应在{}前公布", d.value.zh(), deadline.zh());
            ctx.emit("S010", d.span, msg, None, None);
        }
    }
}

fn title_year(t: &str) -> Option<i32> {
    let c: Vec<char> = t.chars().collect();
    (0..c.len().saturating_sub(4)).find_map(|i| {
        (c[i..i + 4].iter().all(|d| d.is_ascii_digit()) && c[i + 4] == '年')
            .then(|| c[i..i + 4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}
