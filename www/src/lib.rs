//! nianbao in the browser: the Yew app and the widget mount. One wasm module
//! serves the site and the embeds; it has no JSON writer (the first load's
//! budget): the JSON document of the output contract, for the JavaScript API
//! (`nianbao.js`), the embeds' results and the exports, comes from the batch
//! module (`batch-wasm/`, `www/batch/checker.js`), loaded when first needed.

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
/// or the iframe page). `on_checked` receives the text of each check (the
/// loader turns it into the output-contract document with the checker, only
/// when someone listens).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, lang: &str, compact: bool, text: Option<String>, on_checked: Option<js_sys::Function>) -> Widget {
    let cb = on_checked.map(|f| {
        Callback::from(move |o: Checked| {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_str(o.source.text()));
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
