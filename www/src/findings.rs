//! The findings as a reviewer reads them: errors, then warnings, then notes
//! (or in text order), repeated findings of one rule grouped, a count per
//! rule, the severity in words and an icon (not colour alone), fixes applied
//! in one click, false alarms ignored. The list is one keyboard stop: arrow
//! keys move inside it (`compositeKey` in platform.js), Tab leaves it.

use crate::i18n::Lang;
use nianbao::{Diagnostic, Severity, Span};
use std::collections::HashSet;
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
    let open_groups = use_state(HashSet::<&'static str>::new);
    let docs_ready = use_state(|| 0u32);
    let list = use_node_ref();
    let o = &props.outcome;
    let ignored: HashSet<&str> = props.ignored.iter().map(String::as_str).collect();

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
                <h2 id="findings-title">{t.findings}</h2>
                <div aria-live="polite"><p id="summary" class="summary empty">{t.empty}</p></div>
                {props.guide.clone()}
            </section>
        };
    }

    let live: Vec<usize> = (0..o.diagnostics.len()).filter(|&i| !ignored.contains(finding_key(&o.diagnostics[i]).as_str())).collect();
    let mut counts = [0usize; 3];
    for &i in &live {
        counts[severity_index(o.diagnostics[i].severity)] += 1;
    }
    let mut visible: Vec<usize> = live.iter().copied().filter(|&i| shown[severity_index(o.diagnostics[i].severity)]).collect();
    if !*by_position {
        // Stable: within one severity, text order stays.
        visible.sort_by_key(|&i| severity_index(o.diagnostics[i].severity));
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
    let toggle_doc = {
        let docs_ready = docs_ready.clone();
        let lang = props.lang;
        Callback::from(move |_: Event| {
            let docs_ready = docs_ready.clone();
            crate::docs::load(lang, Callback::from(move |_| docs_ready.set(*docs_ready + 1)));
        })
    };

    let item = |i: usize| -> Html {
        let d = &o.diagnostics[i];
        let (line, col) = o.source.line_col(d.span.start);
        let span = d.span;
        let cb = props.on_select.clone();
        let rule = nianbao::rules::rule(d.code);
        let key = finding_key(d);
        let (fix_text, action) = match &d.fix {
            Some(f) if d.span.is_empty() => (Some(format!("{}：{}", t.insert_label, f.trim_end())), Some(t.insert_here)),
            Some(f) if f.is_empty() => (Some(t.fix_delete.to_string()), Some(t.apply)),
            Some(f) => (Some(format!("{}{}", t.fix, f.trim_end())), Some(t.apply)),
            None => (None, None),
        };
        let apply = props.on_apply.clone();
        let ignore = props.on_ignore.clone();
        let title = rule.map(|r| if props.lang == Lang::Zh { r.title_zh } else { r.title_en }).unwrap_or("");
        let doc_body = match &docs {
            Some(Ok(map)) => match map.get(d.code) {
                Some(doc) => html! { <>{ for doc.lines().map(|l| html! { <p>{l.trim()}</p> }) }</> },
                None => html! {},
            },
            Some(Err(())) => html! { <p>{t.load_failed}</p> },
            None => html! { <p>{t.loading}</p> },
        };
        html! {
            <li class={classes!("finding", d.severity.key(), (props.active == Some(i)).then_some("active"))} data-item="" data-index={i.to_string()}
                data-code={d.code} data-table={d.cell.as_ref().map(|c| c.table.key())} data-row={d.cell.as_ref().and_then(|c| c.row)}>
                <button type="button" class="jump" onclick={Callback::from(move |_| cb.emit(span))}>
                    <span class="sev"><span class="icon" aria-hidden="true">{icon(d.severity)}</span>{(t.severity)(d.severity)}</span>
                    <code class="code">{d.code}</code>
                    <span class="msg">{&d.message}</span>
                    <span class="pos">{(t.line_col)(line, col)}</span>
                </button>
                if let Some(f) = fix_text {
                    <p class="fix">{f}</p>
                }
                <div class="actions">
                    if let (true, Some(label)) = (props.editable, action) {
                        <button type="button" class="apply" onclick={Callback::from(move |_| apply.emit(vec![i]))}>{label}</button>
                    }
                    <button type="button" class="ignore" onclick={Callback::from(move |_| ignore.emit((key.clone(), true)))}>{t.ignore}</button>
                </div>
                if rule.is_some() {
                    <details class="doc" ontoggle={toggle_doc.clone()}>
                        <summary>{format!("{} · {title}", t.rule_doc)}</summary>
                        <div class="doc-body">{doc_body}</div>
                    </details>
                }
            </li>
        }
    };

    // Groups: a rule with GROUP_AT or more findings is one row where its first finding would be.
    let mut rows: Vec<Html> = Vec::new();
    let mut drawn = 0usize;
    let mut done: HashSet<&'static str> = HashSet::new();
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
        if !done.insert(d.code) {
            continue;
        }
        let code = d.code;
        let open = open_groups.contains(code);
        let members: Vec<usize> = visible.iter().copied().filter(|&k| o.diagnostics[k].code == code).collect();
        let title = nianbao::rules::rule(code).map(|r| if props.lang == Lang::Zh { r.title_zh } else { r.title_en }).unwrap_or("");
        let flip = {
            let open_groups = open_groups.clone();
            Callback::from(move |_| {
                let mut g = (*open_groups).clone();
                if !g.remove(code) {
                    g.insert(code);
                }
                open_groups.set(g);
            })
        };
        drawn += 1;
        rows.push(html! {
            <li class={classes!("group", d.severity.key())} data-item="" data-group={code}>
                <button type="button" class="jump group-head" aria-expanded={open.to_string()} onclick={flip}>
                    <span class="sev"><span class="icon" aria-hidden="true">{icon(d.severity)}</span>{(t.severity)(d.severity)}</span>
                    <span class="msg">{(t.group)(code, title, n)}</span>
                    <span class="pos">{if open { t.hide.to_string() } else { (t.show_all)(n) }}</span>
                </button>
                if open {
                    <ol class="list members">{ for members.iter().take(SHOWN).map(|&k| item(k)) }</ol>
                }
            </li>
        });
    }
    let total = visible.len();

    let summary = if counts == [0, 0, 0] {
        html! { <p id="summary" class="summary ok">{t.no_problems}</p> }
    } else {
        html! {
            <p id="summary" class="summary">
                { for (0..3).map(|k| {
                    let sev = [Severity::Error, Severity::Warning, Severity::Info][k];
                    html! { <span class={classes!("count", sev.key())}><span class="icon" aria-hidden="true">{icon(sev)}</span>{format!("{} {}", counts[k], [t.errors, t.warnings, t.infos][k])}</span> }
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
    let labels = [t.errors, t.warnings, t.infos];
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
    let ignored_here: Vec<&Diagnostic> = o.diagnostics.iter().filter(|d| ignored.contains(finding_key(d).as_str())).collect();
    let apply_all = {
        let apply = props.on_apply.clone();
        let safe = safe.clone();
        Callback::from(move |_| apply.emit(safe.clone()))
    };
    html! {
        <section class="findings" aria-labelledby="findings-title" id="findings">
            <h2 id="findings-title">{t.findings}</h2>
            <div aria-live="polite">{summary}</div>
            if !per_rule.is_empty() {
                <p class="per-rule"><span class="label">{format!("{}：", t.by_rule)}</span>
                    { for per_rule.iter().map(|(c, n)| html! { <span class="rule-count" data-rule={*c}>{format!("{c} ×{n}")}</span> }) }
                </p>
            }
            <div class="controls">
                <fieldset class="filters">
                    <legend>{t.filter}</legend>
                    { for (0..3).map(|k| html! {
                        <label class={classes!("filter", keys[k])}>
                            <input type="checkbox" checked={shown[k]} onchange={toggle(k)} />
                            {format!("{} ({})", labels[k], counts[k])}
                        </label>
                    }) }
                </fieldset>
                <label class="order">{format!("{} ", t.sort)}
                    <select onchange={onorder}>
                        <option value="severity" selected={!*by_position}>{t.sort_severity}</option>
                        <option value="position" selected={*by_position}>{t.sort_position}</option>
                    </select>
                </label>
                if !safe.is_empty() {
                    <button type="button" class="apply-all" onclick={apply_all}>{(t.apply_all)(safe.len())}</button>
                }
            </div>
            <ol id="diagnostics" class="list" ref={list} {onkeydown} {onfocusin} aria-label={t.findings}>{ for rows }</ol>
            if total > SHOWN {
                <p class="more">{(t.shown_first)(SHOWN, total)}</p>
            }
            if !ignored_here.is_empty() {
                <details class="ignored">
                    <summary>{(t.ignored_group)(ignored_here.len())}</summary>
                    <ul class="list">
                        { for ignored_here.iter().map(|d| {
                            let key = finding_key(d);
                            let ignore = props.on_ignore.clone();
                            html! {
                                <li class={classes!("finding", "ignored-item", d.severity.key())} data-ignored={d.code}>
                                    <span class="sev"><span class="icon" aria-hidden="true">{icon(d.severity)}</span>{(t.severity)(d.severity)}</span>
                                    <code class="code">{d.code}</code>
                                    <span class="msg">{&d.message}</span>
                                    <button type="button" class="restore" onclick={Callback::from(move |_| ignore.emit((key.clone(), false)))}>{t.restore}</button>
                                </li>
                            }
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}
