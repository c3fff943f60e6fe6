//! C001–C003: the contact details the public uses.

use super::Ctx;
use crate::messages::*;
use crate::msg;
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
        let mut problems: Vec<Arg> = Vec::new();
        if wide {
            problems.push(msg!(C001_WIDE).into());
        }
        if spaces {
            problems.push(msg!(C001_SPACES).into());
        }
        if no_domain {
            problems.push(msg!(C001_DOMAIN).into());
        }
        if !problems.is_empty() {
            let fix = (!no_domain).then_some(folded.clone());
            ctx.emit("C001", e.span, msg!(C001, raw, Arg::List(problems, SEP_COMMA)), None, fix);
        }
    }
    if let Some(p) = &c.phone {
        let digits: String = p.value.chars().filter(char::is_ascii_digit).collect();
        let n = digits.len();
        let mobile = n == 11 && digits.starts_with('1');
        let service = (n == 10 && (digits.starts_with("400") || digits.starts_with("800"))) || n == 5;
        let landline = digits.starts_with('0') && (10..=12).contains(&n);
        if !(mobile || service || landline) {
            let why = msg!(if !digits.starts_with('0') && (7..=8).contains(&n) { C002_AREA_CODE } else { C002_DIGITS });
            ctx.emit("C002", p.span, msg!(C002, Arg::text(&p.value), why), None, None);
        }
    }
    if let Some(pc) = &c.postcode {
        if pc.value.len() != 6 || !pc.value.bytes().all(|b| b.is_ascii_digit()) {
            ctx.emit("C003", pc.span, msg!(C003, Arg::text(&pc.value)), None, None);
        }
    }
}
