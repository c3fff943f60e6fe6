//! The rules' documentation, fetched the first time a reader opens one
//! (`rules-zh.json` / `rules-en.json`, written at build time from the core's
//! registry: the first-load wasm carries titles only).

use crate::i18n::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// (code, documentation with paragraphs separated by newlines); a few dozen
/// rules: a list (no hash map in the bundle).
pub type Docs = Rc<Vec<(String, String)>>;

pub fn doc<'a>(docs: &'a Docs, code: &str) -> Option<&'a str> {
    docs.iter().find(|(c, _)| c == code).map(|(_, d)| d.as_str())
}

#[derive(Clone)]
enum State {
    Loading(Vec<Callback<()>>),
    Ready(Docs),
    Failed,
}

thread_local! {
    /// One slot per language: [zh, en].
    static CACHE: RefCell<[Option<State>; 2]> = const { RefCell::new([None, None]) };
}

/// What is known now: `Some(Ok)` loaded, `Some(Err)` failed, `None` not (yet) loaded.
pub fn get(lang: Lang) -> Option<Result<Docs, ()>> {
    CACHE.with(|c| match &c.borrow()[slot(lang)] {
        Some(State::Ready(d)) => Some(Ok(d.clone())),
        Some(State::Failed) => Some(Err(())),
        _ => None,
    })
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

fn file(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "rules-zh.json",
        Lang::En => "rules-en.json",
    }
}

/// Starts loading (once; again after a failure); `done` runs when it is known.
pub fn load(lang: Lang, done: Callback<()>) {
    let start = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        match &mut c[slot(lang)] {
            Some(State::Ready(_)) => {
                done.emit(());
                false
            }
            Some(State::Loading(waiting)) => {
                waiting.push(done.clone());
                false
            }
            _ => {
                c[slot(lang)] = Some(State::Loading(vec![done.clone()]));
                true
            }
        }
    });
    if !start {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let parsed = crate::files::fetch_text(file(lang)).await.ok().and_then(|t| t.as_string()).and_then(|t| js_sys::JSON::parse(&t).ok());
        let state = match parsed {
            Some(v) => {
                let mut map = Vec::new();
                for r in js_sys::Array::from(&v).iter() {
                    let get = |k: &str| js_sys::Reflect::get(&r, &k.into()).ok().and_then(|x| x.as_string());
                    if let (Some(code), Some(doc)) = (get("code"), get("doc")) {
                        map.push((code, doc));
                    }
                }
                State::Ready(Rc::new(map))
            }
            None => State::Failed,
        };
        let waiting = CACHE.with(|c| match c.borrow_mut()[slot(lang)].replace(state) {
            Some(State::Loading(w)) => w,
            _ => Vec::new(),
        });
        for cb in waiting {
            cb.emit(());
        }
    });
}
