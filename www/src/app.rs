//! The checker page: editor and findings side by side (one column on a
//! phone, findings first), tables below. Nothing the user wrote is ever lost:
//! every replacement of text is one undo step (Ctrl+Z) and has an 撤销
//! notice, each tab keeps its own draft, recent drafts can be reopened.

use crate::files::{self, FileError};
use crate::findings::{finding_key, Findings};
use crate::i18n::{self, ui, Lang};
use crate::samples::SAMPLES;
use crate::store;
use crate::tables::Tables;
use crate::Checked;
use nianbao::messages::Arg;
use nianbao::{check_against, Severity, Source, Span};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Above this size the check waits for a pause in typing.
const INSTANT_LIMIT: usize = 200_000;
const LANG_KEY: &str = "nianbao.lang";
/// The guide shown before there is text.
const GUIDE: &[nianbao::messages::Ui] = &[ui::GUIDE_PASTE, ui::GUIDE_CHECKS, ui::GUIDE_PRIVACY, ui::GUIDE_SAMPLES];

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

/// Where replacing text came from (said in the notice).
#[derive(Clone, PartialEq)]
pub enum Origin {
    Sample,
    File(String),
    Paste,
    Draft,
    Host,
}

/// A message above the editor; `Replaced` can be undone from it.
#[derive(Clone, PartialEq)]
enum Notice {
    /// `len16`: the previous text's length in UTF-16 units (cheap to compare at a keystroke).
    Replaced {
        origin: Origin,
        previous: Rc<String>,
        len16: u32,
        previous_file: Option<String>,
    },
    Applied(usize),
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The report a finding is ignored in: its title, else its body and year.
fn report_key(o: &nianbao::Outcome) -> String {
    let r = &o.report;
    match (&r.title, &r.organ, &r.year) {
        (Some(t), _, _) => t.value.clone(),
        (None, Some(org), Some(y)) => format!("{}{}", org.value, y.value),
        _ => String::new(),
    }
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The language asked for (remembered); the page shows it once its catalogue is here.
    let lang = use_state(|| {
        let saved = if props.embedded { None } else { local().and_then(|s| s.get_item(LANG_KEY).ok().flatten()) };
        saved.map(|l| Lang::parse(&l)).unwrap_or(props.lang)
    });
    let shown = lang.shown();
    // Redraws the page when the English catalogue has come (or failed).
    let redraw = use_force_update();
    let text = use_state(|| props.initial.clone().unwrap_or_default());
    // The 对照上年 panel's findings and the text they are of (years.rs): listed with the check's own.
    let years = use_state(|| Rc::new(String::new()));
    // A file's text as read carries what decoding it repaired (I001).
    let outcome = use_memo(((*text).clone(), (*years).clone()), |(t, y)| {
        let mut o = check_against(Source::new(t), files::notes_for(t), None);
        crate::years::add(&mut o, y);
        Checked(Rc::new(o))
    });
    let outcome: Checked = (*outcome).clone();
    let file_error = use_state(|| Option::<(FileError, String)>::None);
    let file_name = use_state(|| Option::<String>::None);
    let notice = use_state(|| Option::<Notice>::None);
    let storage_failed = use_state(|| false);
    // Inside a portal's page nothing of its storage is read (drafts are the full app's).
    let keep = use_state(|| !props.embedded && store::keep());
    let recent = use_state(|| Rc::new(Vec::<store::Draft>::new()));
    let active = use_state(|| Option::<usize>::None);
    let announce = use_state(String::new);
    let dragging = use_state(|| false);
    let editing = use_state(|| false);
    let area = use_node_ref();
    let generation = use_mut_ref(|| 0u64);
    let keep_drafts = !props.embedded && props.initial.is_none();
    let t = shown.t();

    let key = report_key(&outcome);
    let ignored = {
        let key = key.clone();
        let keep = keep_drafts;
        let version = use_state(|| 0u32);
        let list = use_memo((key, *version), move |(k, _)| Rc::new(if keep && !k.is_empty() { store::ignored(k) } else { Vec::new() }));
        ((*list).clone(), version)
    };
    let (ignored, ignored_version) = ignored;

    // Restore this tab's draft once (or show the text given); offer the
    // recent drafts; fetch English if it was chosen before.
    {
        let area = area.clone();
        let text = text.clone();
        let initial = props.initial.clone();
        let recent = recent.clone();
        let (wanted, redraw) = (*lang, redraw.clone());
        let years = years.clone();
        use_effect_with((), move |_| {
            if wanted != wanted.shown() {
                i18n::load_english(Callback::from(move |_| redraw.force_update()));
            }
            if let (Some(t), Some(a)) = (&initial, area.cast::<HtmlTextAreaElement>()) {
                a.set_value(t);
            }
            if keep_drafts {
                // The 对照上年 panel is the full site's (batch-hook.js): its findings join the list.
                let f = Closure::<dyn Fn(String)>::new(move |given| years.set(Rc::new(given)));
                files::on_years(&f);
                f.forget();
                if let Some(draft) = store::tab_text() {
                    if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                        a.set_value(&draft);
                    }
                    text.set(Rc::new(draft));
                }
                recent.set(Rc::new(store::recent()));
            }
        });
    }
    {
        let embedded = props.embedded;
        use_effect_with(shown, move |shown| {
            if !embedded {
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if let Some(html) = doc.document_element() {
                        let _ = html.set_attribute("lang", shown.code());
                    }
                    doc.set_title(&format!("{} · nianbao", shown.t().ui(ui::TITLE)));
                }
            }
        });
    }
    {
        let on_checked = props.on_checked.clone();
        let text = text.clone();
        let storage_failed = storage_failed.clone();
        let active = active.clone();
        use_effect_with(outcome.clone(), move |o| {
            // Nothing to report before there is text.
            if let Some(cb) = on_checked.as_ref().filter(|_| !text.is_empty()) {
                cb.emit(o.clone());
            }
            active.set(None);
            if keep_drafts {
                let ok = store::save(&text).is_ok();
                if ok == *storage_failed {
                    storage_failed.set(!ok);
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
            let later = Closure::once_into_js(move || {
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
    // Replace the whole text (a sample, a file, a draft, the host's text) as
    // one undo step; what it replaced stays one click (or Ctrl+Z) away.
    let replace_all = {
        let area = area.clone();
        let schedule = schedule.clone();
        let text = text.clone();
        let notice = notice.clone();
        let file_name = file_name.clone();
        let file_error = file_error.clone();
        Callback::from(move |(value, origin): (String, Origin)| {
            file_error.set(None);
            let new_name = match &origin {
                Origin::File(n) => Some(n.clone()),
                _ => None,
            };
            let Some(a) = area.cast::<HtmlTextAreaElement>() else {
                // Compact mode has no editor: check the text as given.
                text.set(Rc::new(value));
                return;
            };
            let previous = a.value();
            if previous != value {
                if !previous.trim().is_empty() && keep_drafts {
                    // The old text keeps its place in the 草稿 menu; the new one starts its own.
                    store::new_draft();
                }
                files::replace_range(&a, 0, utf16_len(&previous), &value);
                a.set_selection_range(0, 0).ok();
                a.set_scroll_top(0);
                if !previous.trim().is_empty() && origin != Origin::Host {
                    let len16 = utf16_len(&previous);
                    notice.set(Some(Notice::Replaced { origin, previous: Rc::new(previous), len16, previous_file: (*file_name).clone() }));
                } else {
                    notice.set(None);
                }
            }
            file_name.set(new_name);
            schedule.emit(());
        })
    };
    let load = {
        let replace_all = replace_all.clone();
        Callback::from(move |value: String| replace_all.emit((value, Origin::Host)))
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
        let editing = editing.clone();
        let notice = notice.clone();
        let area = area.clone();
        let file_name = file_name.clone();
        Callback::from(move |_: InputEvent| {
            if !*editing {
                editing.set(true);
            }
            // Ctrl+Z brought the replaced text back: the notice has done its work.
            // (The length is compared first: reading a large text costs.)
            if let (Some(Notice::Replaced { previous, len16, previous_file, .. }), Some(a)) = (&*notice, area.cast::<HtmlTextAreaElement>())
            {
                if a.text_length() == *len16 && a.value() == **previous {
                    file_name.set(previous_file.clone());
                    notice.set(None);
                }
            }
            schedule.emit(())
        })
    };
    // Pasting from Word or a web page: read the clipboard's HTML so that tables
    // stay tables, inserted as one undo step like any paste.
    let onpaste = {
        let schedule = schedule.clone();
        let notice = notice.clone();
        let file_error = file_error.clone();
        let file_name = file_name.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let Some(data) = e.clipboard_data() else { return };
            let html = data.get_data("text/html").unwrap_or_default();
            if !html.to_ascii_lowercase().contains("<table") {
                return;
            }
            let Some(a) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else { return };
            e.prevent_default();
            let previous = a.value();
            let start = a.selection_start().ok().flatten().unwrap_or(0);
            let end = a.selection_end().ok().flatten().unwrap_or(start);
            let schedule = schedule.clone();
            let notice = notice.clone();
            let file_error = file_error.clone();
            let file_name = file_name.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::html_to_text(&html).await {
                    Ok(text) => {
                        files::replace_range(&a, start, end, &text);
                        // A paste over a selection that held text replaced it: say so, with 撤销.
                        let units: Vec<u16> = previous.encode_utf16().collect();
                        let replaced = String::from_utf16_lossy(units.get(start as usize..end as usize).unwrap_or(&[]));
                        if !replaced.trim().is_empty() {
                            notice.set(Some(Notice::Replaced {
                                origin: Origin::Paste,
                                len16: units.len() as u32,
                                previous: Rc::new(previous),
                                previous_file: (*file_name).clone(),
                            }));
                        }
                        schedule.emit(());
                    }
                    Err(err) => file_error.set(Some((err, String::new()))),
                }
            });
        })
    };
    let open_file = {
        let replace_all = replace_all.clone();
        let file_error = file_error.clone();
        Callback::from(move |file: web_sys::File| {
            let replace_all = replace_all.clone();
            let file_error = file_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::read(&file).await {
                    Ok(text) => replace_all.emit((text, Origin::File(file.name()))),
                    Err(e) => file_error.set(Some((e, file.name()))),
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
    // Files dropped anywhere on the page are opened, never navigated to; the
    // page shows where to drop while a file is dragged over it.
    {
        let open_file = open_file.clone();
        let dragging = dragging.clone();
        let full_page = !props.embedded;
        let area = area.clone();
        use_effect_with((), move |_| {
            let target: Option<web_sys::EventTarget> =
                if full_page { web_sys::window().map(Into::into) } else { area.cast::<web_sys::Element>().map(Into::into) };
            let has_files = |e: &web_sys::DragEvent| {
                e.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
            };
            let depth = Rc::new(std::cell::Cell::new(0i32));
            let (d1, d2, d3) = (dragging.clone(), dragging.clone(), dragging.clone());
            let (c1, c2) = (depth.clone(), depth.clone());
            let enter = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |e: web_sys::DragEvent| {
                if has_files(&e) {
                    c1.set(c1.get() + 1);
                    d1.set(true);
                }
            });
            let over = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |e: web_sys::DragEvent| {
                if has_files(&e) {
                    e.prevent_default();
                    if let Some(d) = e.data_transfer() {
                        d.set_drop_effect("copy");
                    }
                }
            });
            let leave = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |_e: web_sys::DragEvent| {
                c2.set(c2.get() - 1);
                if c2.get() <= 0 {
                    c2.set(0);
                    d2.set(false);
                }
            });
            let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |e: web_sys::DragEvent| {
                depth.set(0);
                d3.set(false);
                if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
                    e.prevent_default();
                    open_file.emit(f);
                }
            });
            if let Some(t) = &target {
                let _ = t.add_event_listener_with_callback("dragenter", enter.as_ref().unchecked_ref());
                let _ = t.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
                let _ = t.add_event_listener_with_callback("dragleave", leave.as_ref().unchecked_ref());
                let _ = t.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
            }
            move || {
                if let Some(t) = target {
                    let _ = t.remove_event_listener_with_callback("dragenter", enter.as_ref().unchecked_ref());
                    let _ = t.remove_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
                    let _ = t.remove_event_listener_with_callback("dragleave", leave.as_ref().unchecked_ref());
                    let _ = t.remove_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
                }
            }
        });
    }
    let onsample = {
        let replace_all = replace_all.clone();
        let file_error = file_error.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            if let Some(s) = sel.value().parse::<usize>().ok().and_then(|i| SAMPLES.get(i)) {
                let replace_all = replace_all.clone();
                let file_error = file_error.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match files::fetch_text(s.file).await.ok().and_then(|t| t.as_string()) {
                        Some(text) => replace_all.emit((text, Origin::Sample)),
                        None => file_error.set(Some((FileError::Unavailable, String::new()))),
                    }
                });
            }
            sel.set_value("");
        })
    };
    let open_draft = {
        let replace_all = replace_all.clone();
        Callback::from(move |d: store::Draft| replace_all.emit((d.text, Origin::Draft)))
    };
    let ondrafts = {
        let recent = recent.clone();
        Callback::from(move |_: Event| recent.set(Rc::new(store::recent())))
    };
    // "不在本机保存草稿": on, every saved draft is deleted and none is saved;
    // off again, the text in the editor is saved at once.
    let onkeep = {
        let recent = recent.clone();
        let keep = keep.clone();
        let text = text.clone();
        let storage_failed = storage_failed.clone();
        Callback::from(move |e: Event| {
            let off = e.target_unchecked_into::<HtmlInputElement>().checked();
            let ok = store::set_keep(!off).is_ok() && (off || store::save(&text).is_ok());
            storage_failed.set(!ok);
            keep.set(!off);
            recent.set(Rc::new(store::recent()));
        })
    };
    let onclear = {
        let area = area.clone();
        let lang = lang.clone();
        let schedule = schedule.clone();
        let notice = notice.clone();
        let file_name = file_name.clone();
        let recent = recent.clone();
        Callback::from(move |_| {
            let ok = web_sys::window().and_then(|w| w.confirm_with_message(lang.t().ui(ui::CLEAR_CONFIRM)).ok()).unwrap_or(true);
            if ok {
                if keep_drafts {
                    store::clear_current();
                    recent.set(Rc::new(store::recent()));
                }
                if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                    a.set_value("");
                }
                notice.set(None);
                file_name.set(None);
                schedule.emit(());
            }
        })
    };
    let onundo = {
        let area = area.clone();
        let notice = notice.clone();
        let schedule = schedule.clone();
        let file_name = file_name.clone();
        Callback::from(move |_| {
            if let (Some(Notice::Replaced { previous, previous_file, .. }), Some(a)) = (&*notice, area.cast::<HtmlTextAreaElement>()) {
                let now = a.value();
                files::replace_range(&a, 0, utf16_len(&now), previous);
                a.set_selection_range(0, 0).ok();
                file_name.set(previous_file.clone());
                schedule.emit(());
            }
            notice.set(None);
        })
    };
    let ondismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };
    let onexport = {
        let outcome = outcome.clone();
        let file_name = file_name.clone();
        let file_error = file_error.clone();
        Callback::from(move |_| {
            // Named after the report: 年报检查-淮安市人民政府-2024.json (else its file, else 年报检查.json).
            let r = &outcome.report;
            let stem = file_name.as_deref().map(|n| n.rsplit_once('.').map(|(s, _)| s).unwrap_or(n));
            let mut name = String::from("年报检查");
            if let Some(who) = r.organ.as_ref().map(|o| o.value.as_str()).or(stem) {
                name.push('-');
                name.push_str(who);
            }
            if let Some(y) = &r.year {
                name.push_str(&format!("-{}", y.value));
            }
            // The browser replaces what a file name cannot hold.
            name.push_str(".json");
            let (text, file, file_error) = (outcome.source.text().to_string(), (*file_name).clone(), file_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if files::export_json(&name, &text, file).await.is_err() {
                    file_error.set(Some((FileError::Export, String::new())));
                }
            });
        })
    };
    let onprint = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    // The choice is remembered at once; English is fetched the first time.
    let onlang = {
        let lang = lang.clone();
        let embedded = props.embedded;
        Callback::from(move |_| {
            let next = if *lang == Lang::Zh { Lang::En } else { Lang::Zh };
            if let Some(s) = local().filter(|_| !embedded) {
                let _ = s.set_item(LANG_KEY, if next == Lang::En { "en" } else { "zh" });
            }
            if next != next.shown() {
                let redraw = redraw.clone();
                i18n::load_english(Callback::from(move |_| redraw.force_update()));
            }
            lang.set(next);
        })
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
    // Apply the fixes of some findings as one edit (one undo step); the
    // user's caret stays where it was, moved by what changed before it.
    let on_apply = {
        let area = area.clone();
        let outcome = outcome.clone();
        let schedule = schedule.clone();
        let notice = notice.clone();
        Callback::from(move |which: Vec<usize>| {
            let Some(a) = area.cast::<HtmlTextAreaElement>() else { return };
            let src = &outcome.source;
            let text = src.text();
            // The findings must describe what the editor holds (a large paste may be a pause behind).
            if a.text_length() as usize != src.utf16(text.len() as u32) {
                schedule.emit(());
                return;
            }
            // The diagnostics come sorted by position: taking them in their order needs no sort.
            let fixes = outcome
                .diagnostics
                .iter()
                .enumerate()
                .filter(|(i, _)| which.contains(i))
                .filter_map(|(_, d)| d.fix.as_deref().map(|f| (d.span.start as usize, d.span.end as usize, f)));
            let mut kept: Vec<(usize, usize, &str)> = Vec::new();
            for f in fixes {
                if kept.last().is_none_or(|k| f.0 >= k.1 && !(f.0 == k.0 && f.1 == k.1)) {
                    kept.push(f);
                }
            }
            let (Some(first), Some(last)) = (kept.first(), kept.last()) else { return };
            let (lo, hi) = (first.0, last.1);
            let mut patched = String::new();
            let mut at = lo;
            for (s, e, f) in &kept {
                patched.push_str(&text[at..*s]);
                patched.push_str(f);
                at = *e;
            }
            patched.push_str(&text[at..hi]);
            let (lo16, hi16) = (src.utf16(lo as u32) as u32, src.utf16(hi as u32) as u32);
            let (s0, e0) = (a.selection_start().ok().flatten().unwrap_or(0), a.selection_end().ok().flatten().unwrap_or(0));
            files::replace_range(&a, lo16, hi16, &patched);
            let delta = utf16_len(&patched) as i64 - (hi16 - lo16) as i64;
            let shift = |p: u32| {
                if p >= hi16 {
                    (p as i64 + delta).max(0) as u32
                } else if p > lo16 {
                    lo16 + utf16_len(&patched)
                } else {
                    p
                }
            };
            // The selection stays where the user had it, even from a button outside the editor.
            files::set_selection(&a, shift(s0), shift(e0));
            notice.set(Some(Notice::Applied(kept.len())));
            schedule.emit(());
        })
    };
    let on_ignore = {
        let key = key.clone();
        let ignored = ignored.clone();
        let version = ignored_version.clone();
        let storage_failed = storage_failed.clone();
        Callback::from(move |(k, ignore): (String, bool)| {
            let mut list: Vec<String> = ignored.iter().filter(|x| **x != k).cloned().collect();
            if ignore {
                list.push(k);
            }
            if store::set_ignored(&key, &list).is_err() {
                storage_failed.set(true);
            }
            version.set(*version + 1);
        })
    };
    // F8 / Alt+↓ and Shift+F8 / Alt+↑ in the editor: the next / previous
    // finding after the caret (in text order), selected and announced.
    let onkeydown = {
        let area = area.clone();
        let outcome = outcome.clone();
        let active = active.clone();
        let announce = announce.clone();
        let lang = lang.clone();
        let ignored = ignored.clone();
        Callback::from(move |e: KeyboardEvent| {
            let forward = match (e.key().as_str(), e.alt_key(), e.shift_key()) {
                ("F8", _, false) | ("ArrowDown", true, _) => true,
                ("F8", _, true) | ("ArrowUp", true, _) => false,
                _ => return,
            };
            e.prevent_default();
            let Some(a) = area.cast::<HtmlTextAreaElement>() else { return };
            let src = &outcome.source;
            let list: Vec<usize> =
                (0..outcome.diagnostics.len()).filter(|&i| !ignored.contains(&finding_key(&outcome.diagnostics[i]))).collect();
            let t = lang.shown().t();
            if list.is_empty() {
                announce.set(t.ui(ui::NO_MORE).to_string());
                return;
            }
            let caret = a.selection_start().ok().flatten().unwrap_or(0) as usize;
            let at = |i: usize| src.utf16(outcome.diagnostics[i].span.start);
            let pick = if forward {
                list.iter().position(|&i| at(i) > caret || (at(i) == caret && *active != Some(i) && Some(i) > *active)).unwrap_or(0)
            } else {
                list.iter().rposition(|&i| at(i) < caret).unwrap_or(list.len() - 1)
            };
            let i = list[pick];
            let d = &outcome.diagnostics[i];
            files::select_range(&a, src.utf16(d.span.start) as u32, src.utf16(d.span.end) as u32);
            active.set(Some(i));
            announce.set(t.fill(ui::ANNOUNCE, &[(pick + 1).into(), list.len().into(), Arg::text(d.code), Arg::Text(i18n::message(t, d))]));
        })
    };
    let onfocus = {
        let area = area.clone();
        let editing = editing.clone();
        Callback::from(move |_: FocusEvent| {
            // A focus from a finding (quiet, no keyboard) is not editing.
            let quiet = area.cast::<web_sys::Element>().is_some_and(|a| a.get_attribute("inputmode").as_deref() == Some("none"));
            if !quiet && !*editing {
                editing.set(true);
            }
        })
    };
    let onpointerdown = {
        let editing = editing.clone();
        Callback::from(move |_: PointerEvent| {
            if !*editing {
                editing.set(true);
            }
        })
    };
    let onblur = {
        let editing = editing.clone();
        Callback::from(move |_: FocusEvent| editing.set(false))
    };

    let report = &outcome.report;
    let empty = text.trim().is_empty();
    // Text read from a PDF is shown read-only: edits belong in the original document.
    let pdf_text = !empty && files::is_pdf_text(&text);
    // The printed page's head: body, year, file and the day it was checked.
    let print_head = format!(
        "{} · {} {}{} · {}",
        t.ui(ui::REPORT_OF),
        report.organ.as_ref().map(|o| o.value.as_str()).unwrap_or("—"),
        report.year.as_ref().map(|y| y.value.to_string()).unwrap_or_default(),
        file_name.as_ref().map(|f| format!(" · {f}")).unwrap_or_default(),
        String::from(js_sys::Date::new_0().to_locale_date_string(shown.code(), &wasm_bindgen::JsValue::UNDEFINED)),
    );
    let draft_list = |class: &'static str| -> Html {
        let shown: Vec<store::Draft> = recent.iter().filter(|d| d.text != **text).cloned().collect();
        if shown.is_empty() {
            // The text in the editor is a draft too: say that it is kept, not "none".
            let kept = !text.trim().is_empty() && !*storage_failed && *keep;
            return html! { <p class={classes!(class, "none")}>{t.ui(if kept { ui::DRAFTS_ONLY_THIS } else { ui::DRAFTS_NONE })}</p> };
        }
        html! {
            <ul class={classes!(class)}>
                { for shown.into_iter().map(|d| {
                    let open = open_draft.clone();
                    let label = format!("{} · {}", d.when(), d.first_line());
                    html! { <li><button type="button" class="draft" onclick={Callback::from(move |_| open.emit(d.clone()))}>{label}</button></li> }
                }) }
            </ul>
        }
    };
    let guide = html! {
        <div class="guide">
            <h3>{t.ui(ui::GUIDE_TITLE)}</h3>
            <ul>{ for GUIDE.iter().map(|&g| html! { <li>{t.ui(g)}</li> }) }</ul>
            if keep_drafts && !recent.is_empty() {
                <h3>{t.ui(ui::DRAFTS_RECENT)}</h3>
                {draft_list("drafts-list")}
            }
        </div>
    };
    let findings = html! {
        <Findings outcome={outcome.clone()} lang={shown} on_select={select.clone()} empty={empty}
            editable={!props.compact && !pdf_text} ignorable={keep_drafts} ignored={ignored.clone()} on_ignore={on_ignore.clone()} on_apply={on_apply.clone()}
            active={*active} guide={if props.compact { Html::default() } else { guide }} />
    };
    if props.compact {
        return html! { <div class="nianbao compact" lang={shown.code()}>{findings}</div> };
    }
    let counts = [outcome.count(Severity::Error), outcome.count(Severity::Warning), outcome.count(Severity::Info)];
    let notice_html = match &*notice {
        Some(Notice::Replaced { origin, .. }) => {
            let what = match origin {
                Origin::Sample => t.ui(ui::WHAT_SAMPLE).to_string(),
                Origin::File(n) => format!("“{n}”"),
                Origin::Paste => t.ui(ui::WHAT_PASTE).to_string(),
                Origin::Draft | Origin::Host => t.ui(ui::WHAT_DRAFT).to_string(),
            };
            html! {
                <div class="notice" role="status">
                    <span>{t.fill(ui::REPLACED, &[Arg::Text(what)])}</span>
                    <button type="button" class="undo" onclick={onundo}>{t.ui(ui::UNDO)}</button>
                    <button type="button" class="dismiss" onclick={ondismiss} aria-label={t.ui(ui::DISMISS)}>{"×"}</button>
                </div>
            }
        }
        Some(Notice::Applied(n)) => html! {
            <div class="notice" role="status">
                <span>{t.fill(ui::APPLIED, &[(*n).into()])}</span>
                <button type="button" class="dismiss" onclick={ondismiss} aria-label={t.ui(ui::DISMISS)}>{"×"}</button>
            </div>
        },
        None => html! {},
    };
    // The page's main landmark; inside a portal's page the host owns that role.
    let root_tag = if props.embedded { "div" } else { "main" };
    html! {
        <@{root_tag} class={classes!("nianbao", dragging.then_some("dragging"))} lang={shown.code()}>
            <a class="skip" href="#findings">{t.ui(ui::SKIP_LINK)}</a>
            <header class="top">
                <div class="brand">
                    <h1>{t.ui(ui::TITLE)}</h1>
                    <p class="tagline">{t.ui(ui::TAGLINE)}</p>
                </div>
                <button type="button" class="lang" onclick={onlang} lang={if shown == Lang::Zh { "en" } else { "zh-CN" }}
                    aria-busy={(*lang != shown && !i18n::english_failed()).to_string()}>{t.ui(ui::SWITCH_LANG)}</button>
            </header>
            <p class="privacy">{t.ui(ui::PRIVACY)}</p>
            <p class="print-only print-head">{print_head}</p>
            if !empty {
                <a class="sticky-bar" href="#findings">
                    <span class="visually-hidden">{t.ui(ui::FINDINGS)}</span>
                    { for [(Severity::Error, t.ui(ui::ERRORS)), (Severity::Warning, t.ui(ui::WARNINGS)), (Severity::Info, t.ui(ui::INFOS))].into_iter().zip(counts).map(|((sev, word), n)| html! {
                        <span class={classes!("count", sev.key())}>
                            <span aria-hidden="true">{crate::findings::icon(sev)}</span>{format!(" {n}")}<span class="visually-hidden">{format!(" {word}")}</span>
                        </span>
                    }) }
                </a>
            }
            <div class="toolbar" role="toolbar" aria-label={t.ui(ui::TITLE)}>
                <label class="button file">
                    {t.ui(ui::OPEN_FILE)}
                    <input type="file" accept=".txt,.docx,.odt,.rtf,.html,.htm,.doc,.wps,.pdf,text/plain,text/html,application/pdf" onchange={onchange_file} />
                </label>
                <label class="samples">
                    <span class="visually-hidden">{t.ui(ui::SAMPLES)}</span>
                    <select onchange={onsample} aria-label={t.ui(ui::SAMPLES)}>
                        <option value="" selected=true>{format!("{}…", t.ui(ui::SAMPLES))}</option>
                        { for SAMPLES.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()}>{t.ui(s.name)}</option>
                        }) }
                    </select>
                </label>
                if keep_drafts {
                    <details class="menu drafts" ontoggle={ondrafts}>
                        <summary class="button">{t.ui(ui::DRAFTS)}</summary>
                        <div class="menu-body">
                            <p class="menu-title">{t.ui(ui::DRAFTS_RECENT)}</p>
                            {draft_list("drafts-menu")}
                            // Nothing is kept while drafts are off: no "kept for 7 days".
                            if *keep {
                                <p class="hint">{t.fill(ui::DRAFTS_EXPIRY, &[store::EXPIRY_DAYS.into()])}</p>
                            }
                            <label class="drafts-off"><input type="checkbox" checked={!*keep} onchange={onkeep} />{t.ui(ui::DRAFTS_OFF)}</label>
                        </div>
                    </details>
                }
                <button type="button" onclick={onexport} disabled={empty}>{t.ui(ui::EXPORT_JSON)}</button>
                if !props.embedded {
                    <button type="button" onclick={onprint}>{t.ui(ui::PRINT)}</button>
                }
                <button type="button" class="danger" onclick={onclear}>{t.ui(ui::CLEAR)}</button>
                <span class="hint">{t.ui(ui::DROP_HINT)}</span>
            </div>
            if let Some((e, name)) = &*file_error {
                <p class="status" role="alert">{i18n::file_error(t, *e, name)}</p>
            }
            if *lang != shown && i18n::english_failed() {
                <p class="status" role="alert">{t.ui(ui::LANG_FAILED)}</p>
            }
            if *storage_failed {
                <p class="status storage" role="alert">{t.ui(ui::STORAGE_FAILED)}</p>
            }
            {notice_html}
            <p class="visually-hidden" aria-live="polite">{(*announce).clone()}</p>
            <div class={classes!("panes", editing.then_some("editing"))}>
                <div class="editor-pane">
                    <label for="report" class="editor-label">{t.ui(ui::EDITOR_LABEL)}</label>
                    if let Some(n) = &*file_name {
                        <p class="file-name"><span>{t.ui(ui::FILE_LABEL)}</span><span class="name">{n.clone()}</span></p>
                    }
                    if pdf_text {
                        <p class="pdf-notice" role="note">{t.ui(ui::PDF_NOTICE)}</p>
                    }
                    <textarea id="report" ref={area} spellcheck="false" placeholder={t.ui(ui::PLACEHOLDER)} aria-describedby="shortcuts"
                        readonly={pdf_text} {oninput} {onpaste} {onkeydown} {onfocus} {onblur} {onpointerdown} />
                    <p id="shortcuts" class="hint">{t.ui(ui::SHORTCUTS)}</p>
                </div>
                <div class="findings-pane">{findings}</div>
            </div>
            if !empty {
                <section class="tables-pane" aria-labelledby="tables-title">
                    <h2 id="tables-title">{t.ui(ui::TABLES)}</h2>
                    <Tables outcome={outcome.clone()} lang={shown} on_select={select} />
                </section>
            }
            if *dragging {
                <div class="drop-zone" aria-hidden="true"><p>{t.ui(ui::DROP_HERE)}</p></div>
            }
        </@>
    }
}
