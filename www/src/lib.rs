//! nianbao in the browser: the Yew app, the widget mount, and the JavaScript
//! API (`check`, `rules`). One wasm module serves the site, the embed and the API.

mod app;
mod docs;
mod files;
mod findings;
mod i18n;
mod samples;
mod store;
mod tables;

use app::{App, AppProps};

/// A checked report shared between components; equal when it is the same check.
#[derive(Clone)]
pub struct Checked(pub Rc<nianbao::Outcome>);

impl PartialEq for Checked {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Checked {
    type Target = nianbao::Outcome;
    fn deref(&self) -> &nianbao::Outcome {
        &self.0
    }
}
use i18n::Lang;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Starts the full app in `root` (the site's `#app`). Nothing mounts by
/// itself: a portal page may have its own `#app`.
#[wasm_bindgen(js_name = runApp)]
pub fn run_app(root: web_sys::Element) {
    // Chinese first, whatever the browser's language: the switch is one click away.
    let props = AppProps { lang: Lang::Zh, compact: false, embedded: false, initial: None, on_checked: None, handle: None };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Checks a report. `options.previous` is last year's report of the same body.
/// Returns the JSON document of the output contract, with UTF-16 offsets.
#[wasm_bindgen]
pub fn check(text: &str, options: Option<js_sys::Object>) -> Result<JsValue, JsError> {
    let previous = options.and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str("previous")).ok()).and_then(|p| p.as_string());
    let out = nianbao::check_with_previous(text, previous.as_deref());
    js_sys::JSON::parse(&out.to_json_utf16()).map_err(|_| JsError::new("internal error: invalid JSON"))
}

/// The rule catalog: code, name, severity and titles. The documentation is
/// not in the wasm: `nianbao.js` adds it from `rules-*.json`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    let mut w = nianbao::json::Writer::new();
    nianbao::json::rules(&mut w);
    js_sys::JSON::parse(&w.finish()).map_err(|_| JsError::new("internal error: invalid JSON"))
}

/// Gives the checker its English catalogue (`messages-en.json`, its lists
/// joined by NUL as nianbao.js does): from then on `check` adds
/// `message_en`, `key` and `args` to each finding. False if the file does not
/// fit this build.
#[wasm_bindgen(js_name = setEnglish)]
pub fn set_english(catalogue: String) -> bool {
    i18n::set_english(catalogue)
}

/// A mounted widget: lets its host give it new text to check.
#[wasm_bindgen]
pub struct Widget {
    handle: Rc<app::Handle>,
}

#[wasm_bindgen]
impl Widget {
    /// Replaces the text being checked.
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&self, text: String) {
        self.handle.set_text(text);
    }
}

/// Mounts the checker into `root` (the widget's container in its shadow root,
/// or the iframe page). `on_checked` receives each result as the
/// output-contract object.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang: &str, compact: bool, text: Option<String>, on_checked: Option<js_sys::Function>) -> Widget {
    let cb = on_checked.map(|f| {
        Callback::from(move |o: Checked| {
            if let Ok(v) = js_sys::JSON::parse(&o.to_json_utf16()) {
                let _ = f.call1(&JsValue::NULL, &v);
            }
        })
    });
    let handle = Rc::new(app::Handle::default());
    let props = AppProps {
        lang: Lang::parse(lang),
        compact,
        embedded: true,
        initial: text.map(Rc::new),
        on_checked: cb,
        handle: Some(handle.clone()),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    Widget { handle }
}

use yew::Callback;
