//! The findings as a reviewer reads them: errors, then warnings, then notes
//! (or in text order), repeated findings of one rule grouped, a count per
//! rule, the severity in words and an icon (not colour alone), fixes applied
//! in one click, false alarms ignored. The list is one keyboard stop: arrow
//! keys move inside it (`compositeKey` in platform.js), Tab leaves it.

use crate::i18n::{message, severity, ui, Lang};
use crate::tables::esc;
use nianbao::messages::Arg;
use nianbao::{Diagnostic, Severity, Span};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Long lists stay responsive: the rest is counted, not drawn.
const SHOWN: usize = 500;
/// From this many findings of one rule on, they are shown as one group.
const GROUP_AT: usize = 3;
/// Fixes that change no meaning (punctuation, the e-mail's form, page-number
/// residue): 全部应用 applies these.
const SAFE: &[&str] = &["H001", "H003", "C001"];

pub fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// How a finding is remembered as ignored: its rule and its message.
pub fn finding_key(d: &Diagnostic) -> String {
    format!("{}|{}", d.code, d.message)
}

/// A fix that 全部应用 may apply without the user reading it.
pub fn is_safe(d: &Diagnostic) -> bool {
    SAFE.contains(&d.code) && d.fix.is_some() && !d.span.is_empty()
}

pub fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub outcome: crate::Checked,
    pub lang: Lang,
    pub on_select: Callback<Span>,
    /// Nothing to check yet: the guide is shown instead.
    pub empty: bool,
    /// The app has an editor to apply fixes to (not the compact widget).
    #[prop_or_default]
    pub editable: bool,
    /// Findings can be ignored (remembered in this browser): the full app only,
    /// never a widget inside a portal's page (whose storage is the portal's).
    #[prop_or_default]
    pub ignorable: bool,
    /// Findings the user ignored in this report (`finding_key`).
    #[prop_or_default]
    pub ignored: Rc<Vec<String>>,
    /// (key, ignore?) — ignore or restore a finding.
    #[prop_or_default]
    pub on_ignore: Callback<(String, bool)>,
    /// Apply the fixes of these findings (indices into the diagnostics) as one edit.
    #[prop_or_default]
    pub on_apply: Callback<Vec<usize>>,
    /// The finding reached from the editor (F8, Alt+↓), highlighted.
    #[prop_or_default]
    pub active: Option<usize>,
    /// Shown in place of the findings before there is text.
    #[prop_or_default]
    pub guide: Html,
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let t = props.lang.t();
    let shown = use_state(|| [true, true, true]);
    let by_position = use_state(|| false);
    let open_groups = use_state(Vec::<&'static str>::new);
    let docs_ready = use_state(|| 0u32);
    // The findings whose rule documentation is open (indices).
    let open_docs = use_state(Vec::<usize>::new);
    let list = use_node_ref();
    let o = &props.outcome;
    let ignored: &[String] = &props.ignored;

    // After each redraw the list keeps exactly one Tab stop.
    {
        let list = list.clone();
        use_effect(move || {
            if let Some(l) = list.cast::<web_sys::Element>() {
                crate::files::refresh_list(&l);
            }
        });
    }
    // The finding reached from the editor is scrolled into view in the list.
    {
        let list = list.clone();
        use_effect_with(props.active, move |a| {
            if let (Some(i), Some(l)) = (a, list.cast::<web_sys::Element>()) {
                if let Ok(Some(el)) = l.query_selector(&format!("[data-index='{i}']")) {
                    el.scroll_into_view_with_bool(false);
                }
            }
        });
    }

    if props.empty {
        return html! {
            <section class="findings" aria-labelledby="findings-title" id="findings">
                <h2 id="findings-title">{t.ui(ui::FINDINGS)}</h2>
                <div aria-live="polite"><p id="summary" class="summary empty">{t.ui(ui::EMPTY)}</p></div>
                {props.guide.clone()}
            </section>
        };
    }

    let live: Vec<usize> = (0..o.diagnostics.len()).filter(|&i| !ignored.contains(&finding_key(&o.diagnostics[i]))).collect();
    let mut counts = [0usize; 3];
    for &i in &live {
        counts[severity_index(o.diagnostics[i].severity)] += 1;
    }
    let mut visible: Vec<usize> = live.iter().copied().filter(|&i| shown[severity_index(o.diagnostics[i].severity)]).collect();
    if !*by_position {
        // Stable: within one severity, text order stays.
        // Packed keys and the unstable sort the core already carries (the bundle has a budget).
        let mut keys: Vec<u64> = visible.iter().map(|&i| (severity_index(o.diagnostics[i].severity) as u64) << 32 | i as u64).collect();
        keys.sort_unstable();
        visible = keys.into_iter().map(|k| (k & 0xffff_ffff) as usize).collect();
    }
    // Per rule, in the order the rules first appear.
    let mut per_rule: Vec<(&'static str, usize)> = Vec::new();
    for &i in &visible {
        let c = o.diagnostics[i].code;
        match per_rule.iter_mut().find(|(k, _)| *k == c) {
            Some(e) => e.1 += 1,
            None => per_rule.push((c, 1)),
        }
    }
    let safe: Vec<usize> = if props.editable { live.iter().copied().filter(|&i| is_safe(&o.diagnostics[i])).collect() } else { Vec::new() };

    let docs = crate::docs::get(props.lang);

    // Each finding is drawn as an HTML string (escaped) and the list has one
    // click handler (`data-action`): Yew elements for every finding cost the
    // first load kilobytes. An unchanged finding keeps its DOM node (and focus).
    // Findings on a PDF's text say which page to look at.
    let pdf = crate::files::is_pdf_text(o.source.text());
    let item = |i: usize| -> Html {
        let d = &o.diagnostics[i];
        let (line, col) = o.source.line_col(d.span.start);
        let rule = nianbao::rules::rule(d.code);
        let (fix_text, action) = match &d.fix {
            Some(f) if d.span.is_empty() => (Some(t.fill(ui::INSERT, &[Arg::text(f.trim_end())])), Some(t.ui(ui::INSERT_HERE))),
            Some(f) if f.is_empty() => (Some(t.ui(ui::FIX_DELETE).to_string()), Some(t.ui(ui::APPLY))),
            Some(f) => (Some(t.fill(ui::FIX, &[Arg::text(f.trim_end())])), Some(t.ui(ui::APPLY))),
            None => (None, None),
        };
        let mut h = String::from("<li class=\"finding ");
        h.push_str(d.severity.key());
        if props.active == Some(i) {
            h.push_str(" active");
        }
        h.push_str("\" data-item=\"\" data-index=\"");
        h.push_str(&i.to_string());
        h.push_str("\" data-code=\"");
        h.push_str(d.code);
        h.push('"');
        if let Some(c) = &d.cell {
            h.push_str(" data-table=\"");
            h.push_str(c.table.key());
            h.push('"');
            if let Some(r) = c.row {
                h.push_str(" data-row=\"");
                h.push_str(r);
                h.push('"');
            }
        }
        h.push_str("><button type=\"button\" class=\"jump\" data-action=\"jump\" tabindex=\"-1\"><span class=\"sev\"><span class=\"icon\" aria-hidden=\"true\">");
        h.push_str(icon(d.severity));
        h.push_str("</span>");
        h.push_str(severity(t, d.severity));
        h.push_str("</span><code class=\"code\">");
        h.push_str(d.code);
        h.push_str("</code><span class=\"msg\">");
        esc(&mut h, &message(t, d));
        h.push_str("</span><span class=\"pos\">");
        esc(&mut h, &t.fill(ui::LINE_COL, &[line.into(), col.into()]));
        h.push_str("</span>");
        if pdf {
            let page = crate::files::pdf_page(d.span.start);
            h.push_str("<span class=\"page\" data-page=\"");
            h.push_str(&page.to_string());
            h.push_str("\">");
            esc(&mut h, &t.fill(ui::PAGE, &[page.into()]));
            h.push_str("</span>");
        }
        h.push_str("</button>");
        if let Some(f) = fix_text {
            h.push_str("<p class=\"fix\">");
            esc(&mut h, &f);
            h.push_str("</p>");
        }
        h.push_str("<div class=\"actions\">");
        if let (true, Some(label)) = (props.editable, action) {
            h.push_str("<button type=\"button\" class=\"apply\" data-action=\"apply\" tabindex=\"-1\">");
            h.push_str(label);
            h.push_str("</button>");
        }
        if props.ignorable {
            h.push_str("<button type=\"button\" class=\"ignore\" data-action=\"ignore\" tabindex=\"-1\">");
            h.push_str(t.ui(ui::IGNORE));
            h.push_str("</button>");
        }
        h.push_str("</div>");
        if let Some(r) = rule {
            h.push_str(if open_docs.contains(&i) { "<details class=\"doc\" open>" } else { "<details class=\"doc\">" });
            h.push_str("<summary data-action=\"doc\" tabindex=\"-1\">");
            esc(&mut h, t.ui(ui::RULE_DOC));
            h.push_str(" · ");
            esc(&mut h, t.label(r.title_zh));
            h.push_str("</summary><div class=\"doc-body\">");
            match &docs {
                Some(Ok(map)) => {
                    for l in crate::docs::doc(map, d.code).unwrap_or("").lines() {
                        h.push_str("<p>");
                        esc(&mut h, l.trim());
                        h.push_str("</p>");
                    }
                }
                Some(Err(())) => {
                    h.push_str("<p>");
                    esc(&mut h, t.ui(ui::LOAD_FAILED));
                    h.push_str("</p>");
                }
                None => {
                    h.push_str("<p>");
                    esc(&mut h, t.ui(ui::LOADING));
                    h.push_str("</p>");
                }
            }
            h.push_str("</div></details>");
        }
        h.push_str("</li>");
        Html::from_html_unchecked(AttrValue::from(h))
    };
    // The list's one click handler: what was clicked says what to do.
    let onclick = {
        let outcome = props.outcome.clone();
        let on_select = props.on_select.clone();
        let on_apply = props.on_apply.clone();
        let on_ignore = props.on_ignore.clone();
        let open_docs = open_docs.clone();
        let docs_ready = docs_ready.clone();
        let lang = props.lang;
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let Some(el) = target.closest("[data-action]").ok().flatten() else { return };
            let index =
                el.closest("[data-index]").ok().flatten().and_then(|x| x.get_attribute("data-index")).and_then(|x| x.parse::<usize>().ok());
            let (Some(action), Some(i)) = (el.get_attribute("data-action"), index) else { return };
            let Some(d) = outcome.diagnostics.get(i) else { return };
            match action.as_str() {
                "jump" => on_select.emit(d.span),
                "apply" => on_apply.emit(vec![i]),
                "ignore" => on_ignore.emit((finding_key(d), true)),
                "doc" => {
                    // The browser opens the details itself; remember it so that a redraw keeps it open.
                    let mut v = (*open_docs).clone();
                    match v.iter().position(|x| *x == i) {
                        Some(k) => {
                            v.remove(k);
                        }
                        None => v.push(i),
                    }
                    open_docs.set(v);
                    let docs_ready = docs_ready.clone();
                    crate::docs::load(lang, Callback::from(move |_| docs_ready.set(*docs_ready + 1)));
                }
                _ => {}
            }
        })
    };

    // Groups: a rule with GROUP_AT or more findings is one row where its first finding would be.
    let mut rows: Vec<Html> = Vec::new();
    let mut drawn = 0usize;
    let mut done: Vec<&'static str> = Vec::new();
    for &i in &visible {
        if drawn >= SHOWN {
            break;
        }
        let d = &o.diagnostics[i];
        let n = per_rule.iter().find(|(k, _)| *k == d.code).map(|e| e.1).unwrap_or(1);
        if n < GROUP_AT {
            rows.push(item(i));
            drawn += 1;
            continue;
        }
        if done.contains(&d.code) {
            continue;
        }
        done.push(d.code);
        let code = d.code;
        let open = open_groups.contains(&code);
        let members: Vec<usize> = visible.iter().copied().filter(|&k| o.diagnostics[k].code == code).collect();
        let title = nianbao::rules::rule(code).map(|r| t.label(r.title_zh)).unwrap_or("");
        let flip = {
            let open_groups = open_groups.clone();
            Callback::from(move |_| {
                let mut g = (*open_groups).clone();
                match g.iter().position(|c| *c == code) {
                    Some(k) => {
                        g.remove(k);
                    }
                    None => g.push(code),
                }
                open_groups.set(g);
            })
        };
        drawn += 1;
        rows.push(html! {
            <li class={classes!("group", d.severity.key())} data-item="" data-group={code}>
                <button type="button" class="jump group-head" aria-expanded={open.to_string()} onclick={flip}>
                    <span class="sev"><span class="icon" aria-hidden="true">{icon(d.severity)}</span>{severity(t, d.severity)}</span>
                    <span class="msg">{format!("{code} {title} ×{n}")}</span>
                    <span class="pos">{if open { t.ui(ui::HIDE).to_string() } else { t.fill(ui::SHOW_ALL, &[n.into()]) }}</span>
                </button>
                // Drawn closed too: a printed page lists every finding (style.css, @media print).
                <ol class="list members" hidden={!open}>{ for members.iter().take(SHOWN).map(|&k| item(k)) }</ol>
            </li>
        });
    }
    let total = visible.len();

    let summary = if counts == [0, 0, 0] {
        html! { <p id="summary" class="summary ok">{t.ui(ui::NO_PROBLEMS)}</p> }
    } else {
        html! {
            <p id="summary" class="summary">
                { for (0..3).map(|k| {
                    let sev = [Severity::Error, Severity::Warning, Severity::Info][k];
                    html! { <span class={classes!("count", sev.key())}><span class="icon" aria-hidden="true">{icon(sev)}</span>{t.fill([ui::N_ERRORS, ui::N_WARNINGS, ui::N_INFOS][k], &[counts[k].into()])}</span> }
                }) }
            </p>
        }
    };
    let toggle = |k: usize| {
        let shown = shown.clone();
        Callback::from(move |_| {
            let mut s = *shown;
            s[k] = !s[k];
            shown.set(s);
        })
    };
    let labels = [t.ui(ui::ERRORS), t.ui(ui::WARNINGS), t.ui(ui::INFOS)];
    let keys = ["error", "warning", "info"];
    let onorder = {
        let by_position = by_position.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            by_position.set(sel.value() == "position");
        })
    };
    let onkeydown = {
        let list = list.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(l) = list.cast::<web_sys::Element>() {
                if crate::files::composite_key(&l, e.unchecked_ref()) {
                    e.prevent_default();
                }
            }
        })
    };
    // A click moves the list's Tab stop to what was clicked.
    let onfocusin = {
        let list = list.clone();
        Callback::from(move |e: FocusEvent| {
            if let (Some(l), Some(el)) = (list.cast::<web_sys::Element>(), e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())) {
                if el.get_attribute("tabindex").as_deref() == Some("-1") {
                    for c in l
                        .query_selector_all("[tabindex='0']")
                        .map(|n| (0..n.length()).filter_map(|i| n.get(i)).collect::<Vec<_>>())
                        .unwrap_or_default()
                    {
                        if let Some(c) = c.dyn_ref::<web_sys::Element>() {
                            let _ = c.set_attribute("tabindex", "-1");
                        }
                    }
                    let _ = el.set_attribute("tabindex", "0");
                }
            }
        })
    };
    let ignored_here: Vec<&Diagnostic> = o.diagnostics.iter().filter(|d| ignored.contains(&finding_key(d))).collect();
    let apply_all = {
        let apply = props.on_apply.clone();
        let safe = safe.clone();
        Callback::from(move |_| apply.emit(safe.clone()))
    };
    html! {
        <section class="findings" aria-labelledby="findings-title" id="findings">
            <h2 id="findings-title">{t.ui(ui::FINDINGS)}</h2>
            <div aria-live="polite">{summary}</div>
            if !per_rule.is_empty() {
                <p class="per-rule"><span class="label">{t.ui(ui::BY_RULE)}</span>
                    { for per_rule.iter().map(|(c, n)| html! { <span class="rule-count" data-rule={*c}>{format!("{c} ×{n}")}</span> }) }
                </p>
            }
            <div class="controls">
                <fieldset class="filters">
                    <legend>{t.ui(ui::FILTER)}</legend>
                    { for (0..3).map(|k| html! {
                        <label class={classes!("filter", keys[k])}>
                            <input type="checkbox" checked={shown[k]} onchange={toggle(k)} />
                            {format!("{} ({})", labels[k], counts[k])}
                        </label>
                    }) }
                </fieldset>
                <label class="order">{format!("{} ", t.ui(ui::SORT))}
                    <select onchange={onorder}>
                        <option value="severity" selected={!*by_position}>{t.ui(ui::SORT_SEVERITY)}</option>
                        <option value="position" selected={*by_position}>{t.ui(ui::SORT_POSITION)}</option>
                    </select>
                </label>
                if !safe.is_empty() {
                    <button type="button" class="apply-all" onclick={apply_all}>{t.fill(ui::APPLY_ALL, &[safe.len().into()])}</button>
                }
            </div>
            <ol id="diagnostics" class="list" ref={list} {onclick} {onkeydown} {onfocusin} aria-label={t.ui(ui::FINDINGS)}>{ for rows }</ol>
            if total > SHOWN {
                <p class="more">{t.fill(ui::SHOWN_FIRST, &[SHOWN.into(), total.into()])}</p>
            }
            if !ignored_here.is_empty() {
                <details class="ignored">
                    <summary>{t.fill(ui::IGNORED_GROUP, &[ignored_here.len().into()])}</summary>
                    <ul class="list">
                        { for ignored_here.iter().map(|d| {
                            let key = finding_key(d);
                            let ignore = props.on_ignore.clone();
                            html! {
                                <li class={classes!("finding", "ignored-item", d.severity.key())} data-ignored={d.code}>
                                    <span class="sev"><span class="icon" aria-hidden="true">{icon(d.severity)}</span>{severity(t, d.severity)}</span>
                                    <code class="code">{d.code}</code>
                                    <span class="msg">{message(t, d)}</span>
                                    <button type="button" class="restore" onclick={Callback::from(move |_| ignore.emit((key.clone(), false)))}>{t.ui(ui::RESTORE)}</button>
                                </li>
                            }
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}
