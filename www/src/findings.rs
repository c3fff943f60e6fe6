//! The findings: a summary, severity filters and the list, sorted by position.

use crate::app::severity_index;
use crate::i18n::Lang;
use nianbao::{Severity, Span};
use yew::prelude::*;

/// Long lists stay responsive: the rest is counted, not drawn.
const SHOWN: usize = 500;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub outcome: crate::Checked,
    pub lang: Lang,
    pub on_select: Callback<Span>,
    /// Nothing to check yet.
    pub empty: bool,
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let t = props.lang.t();
    let shown = use_state(|| [true, true, true]);
    let o = &props.outcome;
    let counts = [o.count(Severity::Error), o.count(Severity::Warning), o.count(Severity::Info)];
    let toggle = |i: usize| {
        let shown = shown.clone();
        Callback::from(move |_| {
            let mut s = *shown;
            s[i] = !s[i];
            shown.set(s);
        })
    };
    let visible: Vec<&nianbao::Diagnostic> = o.diagnostics.iter().filter(|d| shown[severity_index(d.severity)]).collect();
    let total = visible.len();
    let pdf = crate::files::is_pdf_text(o.source.text());
    let items = visible.into_iter().take(SHOWN).map(|d| {
        let (line, col) = o.source.line_col(d.span.start);
        let span = d.span;
        let cb = props.on_select.clone();
        let rule = nianbao::rules::rule(d.code);
        let fix = d.fix.as_ref().map(|f| if f.is_empty() { t.fix_delete.to_string() } else { format!("{}：{}", t.fix, f.trim_end()) });
        html! {
            <li class={classes!("finding", d.severity.key())} data-code={d.code}
                data-table={d.cell.as_ref().map(|c| c.table.key())} data-row={d.cell.as_ref().and_then(|c| c.row)}>
                <button type="button" class="jump" onclick={Callback::from(move |_| cb.emit(span))}>
                    <span class="sev">{(t.severity)(d.severity)}</span>
                    <code class="code">{d.code}</code>
                    <span class="msg">{&d.message}</span>
                    <span class="pos">{(t.line_col)(line, col)}</span>
                    if pdf {
                        <span class="page" data-page={crate::files::pdf_page(span.start).to_string()}>{(t.page)(crate::files::pdf_page(span.start))}</span>
                    }
                </button>
                if let Some(f) = fix {
                    <p class="fix">{f}</p>
                }
                if let Some(r) = rule {
                    <details class="doc">
                        <summary>{format!("{} · {}", t.rule_doc, if props.lang == Lang::Zh { r.title_zh } else { r.title_en })}</summary>
                        <div class="doc-body">
                            { for (if props.lang == Lang::Zh { r.doc_zh } else { r.doc }).lines().map(|l| html! { <p>{l.trim()}</p> }) }
                        </div>
                    </details>
                }
            </li>
        }
    });
    let summary = if props.empty {
        html! { <p id="summary" class="summary empty">{t.empty}</p> }
    } else if counts == [0, 0, 0] {
        html! { <p id="summary" class="summary ok">{t.no_problems}</p> }
    } else {
        html! {
            <p id="summary" class="summary">
                <span class="count error">{format!("{} {}", counts[0], t.errors)}</span>
                <span class="count warning">{format!("{} {}", counts[1], t.warnings)}</span>
                <span class="count info">{format!("{} {}", counts[2], t.infos)}</span>
            </p>
        }
    };
    let labels = [t.errors, t.warnings, t.infos];
    let keys = ["error", "warning", "info"];
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{t.findings}</h2>
            <div aria-live="polite">{summary}</div>
            <fieldset class="filters">
                <legend>{t.filter}</legend>
                { for (0..3).map(|i| html! {
                    <label class={classes!("filter", keys[i])}>
                        <input type="checkbox" checked={shown[i]} onchange={toggle(i)} />
                        {format!("{} ({})", labels[i], counts[i])}
                    </label>
                }) }
            </fieldset>
            <ol id="diagnostics" class="list">{ for items }</ol>
            if total > SHOWN {
                <p class="more">{(t.shown_first)(SHOWN, total)}</p>
            }
        </section>
    }
}
