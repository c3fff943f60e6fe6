//! The checker page: editor and findings side by side, tables below.

use crate::files;
use crate::findings::Findings;
use crate::i18n::Lang;
use crate::samples::SAMPLES;
use crate::tables::Tables;
use crate::Checked;
use nianbao::{check, Severity, Span};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

const DRAFT_KEY: &str = "nianbao.draft.v1";
/// Above this size the check waits for a pause in typing.
const INSTANT_LIMIT: usize = 200_000;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub lang: Lang,
    /// Findings only (a portal's sidebar).
    #[prop_or_default]
    pub compact: bool,
    /// Inside a portal's page: no draft storage, no page title.
    #[prop_or_default]
    pub embedded: bool,
    /// Text to check at once (a widget's `source`).
    #[prop_or_default]
    pub initial: Option<Rc<String>>,
    /// Called with every new result (the widget's `nianbao-checked` event).
    #[prop_or_default]
    pub on_checked: Option<Callback<Checked>>,
    /// Lets the host replace the text (the widget's `setText`).
    #[prop_or_default]
    pub handle: Option<Rc<Handle>>,
}

/// The host's way in: the app registers how to load text, the host calls it.
#[derive(Default)]
pub struct Handle {
    load: std::cell::RefCell<Option<Callback<String>>>,
    pending: std::cell::RefCell<Option<String>>,
}

impl Handle {
    pub fn set_text(&self, text: String) {
        match &*self.load.borrow() {
            Some(cb) => cb.emit(text),
            None => *self.pending.borrow_mut() = Some(text),
        }
    }
}

impl PartialEq for Handle {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = use_state(|| props.lang);
    let text = use_state(|| props.initial.clone().unwrap_or_default());
    let outcome = use_memo((*text).clone(), |t| Checked(Rc::new(check(t))));
    let outcome: Checked = (*outcome).clone();
    let status = use_state(|| Option::<String>::None);
    let area = use_node_ref();
    let generation = use_mut_ref(|| 0u64);
    let t = lang.t();

    // Restore the draft once (or show the text given); keep the page's
    // language attribute in step.
    {
        let area = area.clone();
        let text = text.clone();
        let initial = props.initial.clone();
        let embedded = props.embedded || props.initial.is_some();
        use_effect_with((), move |_| {
            if let (Some(t), Some(a)) = (&initial, area.cast::<HtmlTextAreaElement>()) {
                a.set_value(t);
            }
            if !embedded {
                if let Some(draft) = storage().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten()) {
                    if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                        a.set_value(&draft);
                    }
                    text.set(Rc::new(draft));
                }
            }
        });
    }
    {
        let embedded = props.embedded;
        use_effect_with(*lang, move |l| {
            if !embedded {
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if let Some(html) = doc.document_element() {
                        let _ = html.set_attribute("lang", l.code());
                    }
                }
            }
        });
    }
    {
        let on_checked = props.on_checked.clone();
        let embedded = props.embedded;
        let text = text.clone();
        use_effect_with(outcome.clone(), move |o| {
            // Nothing to report before there is text.
            if let Some(cb) = on_checked.as_ref().filter(|_| !text.is_empty()) {
                cb.emit(o.clone());
            }
            if !embedded {
                if let Some(s) = storage() {
                    if text.is_empty() {
                        let _ = s.remove_item(DRAFT_KEY);
                    } else {
                        let _ = s.set_item(DRAFT_KEY, &text);
                    }
                }
            }
        });
    }

    // Check what the editor holds: at once for ordinary reports, after a pause
    // in typing for very large pastes (typing itself never waits).
    let schedule = {
        let text = text.clone();
        let area = area.clone();
        let generation = generation.clone();
        Callback::from(move |_: ()| {
            let Some(a) = area.cast::<HtmlTextAreaElement>() else { return };
            *generation.borrow_mut() += 1;
            // The length is cheap; the text of a large paste is read only
            // when the pause in typing comes, not at every keystroke.
            if (a.text_length() as usize) < INSTANT_LIMIT {
                text.set(Rc::new(a.value()));
                return;
            }
            let mine = *generation.borrow();
            let generation = generation.clone();
            let text = text.clone();
            let area = area.clone();
            let later = wasm_bindgen::closure::Closure::once_into_js(move || {
                if *generation.borrow() == mine {
                    if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                        text.set(Rc::new(a.value()));
                    }
                }
            });
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 300);
            }
        })
    };
    let load = {
        let area = area.clone();
        let schedule = schedule.clone();
        let text = text.clone();
        Callback::from(move |value: String| match area.cast::<HtmlTextAreaElement>() {
            Some(a) => {
                a.set_value(&value);
                a.set_selection_range(0, 0).ok();
                a.set_scroll_top(0);
                schedule.emit(());
            }
            // Compact mode has no editor: check the text as given.
            None => text.set(Rc::new(value)),
        })
    };
    {
        let handle = props.handle.clone();
        let load = load.clone();
        use_effect_with((), move |_| {
            if let Some(h) = handle {
                *h.load.borrow_mut() = Some(load.clone());
                if let Some(t) = h.pending.borrow_mut().take() {
                    load.emit(t);
                }
            }
        });
    }
    let oninput = {
        let schedule = schedule.clone();
        Callback::from(move |_: InputEvent| schedule.emit(()))
    };
    // Pasting from Word or a web page: read the clipboard's HTML so that tables stay tables.
    let onpaste = {
        let schedule = schedule.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let Some(data) = e.clipboard_data() else { return };
            let html = data.get_data("text/html").unwrap_or_default();
            if !html.to_ascii_lowercase().contains("<table") {
                return;
            }
            let Some(a) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else { return };
            e.prevent_default();
            let text = files::html_to_text(&html);
            let start = a.selection_start().ok().flatten().unwrap_or(0);
            let end = a.selection_end().ok().flatten().unwrap_or(start);
            let _ = a.set_range_text_with_start_and_end_and_mode(&text, start, end, "end");
            schedule.emit(());
        })
    };
    let open_file = {
        let load = load.clone();
        let status = status.clone();
        Callback::from(move |file: web_sys::File| {
            let load = load.clone();
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::read(&file).await {
                    Ok(text) => {
                        status.set(None);
                        load.emit(text);
                    }
                    Err(e) => status.set(Some(format!("{}: {e}", file.name()))),
                }
            });
        })
    };
    let onchange_file = {
        let open_file = open_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                open_file.emit(f);
            }
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let open_file = open_file.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
                e.prevent_default();
                open_file.emit(f);
            }
        })
    };
    let onsample = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = sel.value().parse::<usize>() {
                if let Some(s) = SAMPLES.get(i) {
                    load.emit(s.text.to_string());
                }
            }
            sel.set_value("");
        })
    };
    let onclear = {
        let load = load.clone();
        let lang = lang.clone();
        Callback::from(move |_| {
            let ok = web_sys::window().and_then(|w| w.confirm_with_message(lang.t().clear_confirm).ok()).unwrap_or(true);
            if ok {
                if let Some(s) = storage() {
                    let _ = s.remove_item(DRAFT_KEY);
                }
                load.emit(String::new());
            }
        })
    };
    let onexport = {
        let outcome = outcome.clone();
        Callback::from(move |_| files::download("nianbao-findings.json", "application/json", &outcome.to_json_utf16()))
    };
    let onprint = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let onlang = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(if *lang == Lang::Zh { Lang::En } else { Lang::Zh }))
    };
    // Select a span of the text in the editor and bring it into view.
    let select: Callback<Span> = {
        let area = area.clone();
        let outcome = outcome.clone();
        Callback::from(move |span: Span| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                let src = &outcome.source;
                files::select_range(&a, src.utf16(span.start) as u32, src.utf16(span.end) as u32);
            }
        })
    };

    // The text read from a PDF stands for the file: shown, not edited.
    let from_pdf = !text.is_empty() && files::is_pdf_text(&text);
    let report = &outcome.report;
    let print_head = format!(
        "{} · {} {}",
        t.report_of,
        report.organ.as_ref().map(|o| o.value.as_str()).unwrap_or("—"),
        report.year.as_ref().map(|y| y.value.to_string()).unwrap_or_default()
    );
    let findings = html! {
        <Findings outcome={outcome.clone()} lang={*lang} on_select={select.clone()} empty={text.is_empty()} />
    };
    if props.compact {
        return html! { <div class="nianbao compact" lang={lang.code()}>{findings}</div> };
    }
    // The page's main landmark; inside a portal's page the host owns that role.
    let root_tag = if props.embedded { "div" } else { "main" };
    html! {
        <@{root_tag} class="nianbao" lang={lang.code()}>
            <header class="top">
                <div class="brand">
                    <h1>{t.title}</h1>
                    <p class="tagline">{t.tagline}</p>
                </div>
                <button type="button" class="lang" onclick={onlang} lang={if *lang == Lang::Zh { "en" } else { "zh-CN" }}>{t.switch_lang}</button>
            </header>
            <p class="privacy">{t.privacy}</p>
            <p class="print-only print-head">{print_head}</p>
            <div class="toolbar" role="toolbar" aria-label={t.title}>
                <label class="button file">
                    {t.open_file}
                    <input type="file" accept=".txt,.docx,.html,.htm,.pdf,text/plain,text/html,application/pdf" onchange={onchange_file} />
                </label>
                <label class="samples">
                    <span class="visually-hidden">{t.samples}</span>
                    <select onchange={onsample} aria-label={t.samples}>
                        <option value="" selected=true>{format!("{}…", t.samples)}</option>
                        { for SAMPLES.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()}>{if *lang == Lang::Zh { s.name_zh } else { s.name_en }}</option>
                        }) }
                    </select>
                </label>
                <button type="button" onclick={onexport}>{t.export_json}</button>
                if !props.embedded {
                    <button type="button" onclick={onprint}>{t.print}</button>
                }
                <button type="button" class="danger" onclick={onclear}>{t.clear}</button>
                <span class="hint">{t.drop_hint}</span>
            </div>
            if let Some(s) = &*status {
                <p class="status" role="alert">{format!("{}{s}", t.file_error)}</p>
            }
            <div class="panes">
                <div class="editor-pane">
                    <label for="report" class="editor-label">{t.editor_label}</label>
                    if from_pdf {
                        <p class="pdf-notice" role="note">{t.pdf_notice}</p>
                    }
                    <textarea id="report" ref={area} spellcheck="false" placeholder={t.placeholder} readonly={from_pdf}
                        {oninput} {onpaste} {ondragover} {ondrop} />
                </div>
                <div class="findings-pane">{findings}</div>
            </div>
            <section class="tables-pane" aria-labelledby="tables-title">
                <h2 id="tables-title">{t.tables}</h2>
                <Tables outcome={outcome.clone()} lang={*lang} on_select={select} />
            </section>
        </@>
    }
}

/// Severity filter state shared by the findings list.
pub fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}
