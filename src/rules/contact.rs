//! C001–C003: the contact details the public uses.

use super::Ctx;
use crate::normalize::fold;

pub fn check(ctx: &mut Ctx) {
    let c = ctx.report.contact.clone();
    if let Some(e) = &c.email {
        let raw = ctx.src.slice(e.span).to_string();
        let wide = raw.chars().any(|ch| (ch as u32) >= 0xFF01 && (ch as u32) <= 0xFF5E);
        let spaces = raw.chars().any(char::is_whitespace);
        let folded: String = raw.chars().map(fold).filter(|c| !c.is_whitespace()).collect();
        let (local, domain) = folded.split_once('@').unwrap_or((&folded, ""));
        let no_domain = local.is_empty() || !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.');
        let mut problems = Vec::new();
        if wide {
            problems.push("含全角字符");
        }
        if spaces {
            problems.push("含空格");
        }
        if no_domain {
            problems.push("缺少“@”或域名");
        }
        if !problems.is_empty() {
            let fix = (!no_domain).then_some(folded.clone());
            ctx.emit("C001", e.span, format!("联系邮箱“{raw}”格式错误：{}", problems.join("，")), None, fix);
        }
    }
    if let Some(p) = &c.phone {
        let digits: String = p.value.chars().filter(char::is_ascii_digit).collect();
        let n = digits.len();
        let mobile = n == 11 && digits.starts_with('1');
        let service = (n == 10 && (digits.starts_with("400") || digits.starts_with("800"))) || n == 5;
        let landline = digits.starts_with('0') && (10..=12).contains(&n);
        if !(mobile || service || landline) {
            let why = if !digits.starts_with('0') && (7..=8).contains(&n) { "缺少区号" } else { "位数不对" };
            ctx.emit("C002", p.span, format!("联系电话“{}”{why}", p.value), None, None);
        }
    }
    if let Some(pc) = &c.postcode {
        if pc.value.len() != 6 || !pc.value.bytes().all(|b| b.is_ascii_digit()) {
            ctx.emit("C003", pc.span, format!("邮政编码“{}”不是6位数字", pc.value), None, None);
        }
    }
}
