//! UI text: Simplified Chinese first, English on request. Every string comes
//! from the core's catalogue (`nianbao::messages`): the Chinese is in the
//! wasm; the English (messages, labels, interface) is `messages-en.json`,
//! written at build time from the same catalogue and fetched the first time a
//! reader asks for English. Until it has arrived the page stays in Chinese.

use crate::files::FileError;
pub use nianbao::messages::ui;
use nianbao::messages::{self, Arg, Catalogue, Strings};
use std::sync::atomic::{AtomicBool, Ordering};
use yew::Callback;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Lang {
        if s.eq_ignore_ascii_case("en") || s.to_ascii_lowercase().starts_with("en-") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// The language the page can show now: English once its catalogue is here.
    pub fn shown(self) -> Lang {
        if self == Lang::En && messages::english().is_some() {
            Lang::En
        } else {
            Lang::Zh
        }
    }
    /// This language's catalogue (Chinese while the English one is not here).
    pub fn t(self) -> &'static dyn Catalogue {
        match self.shown() {
            Lang::En => messages::english().unwrap_or(&messages::Zh),
            Lang::Zh => &messages::Zh,
        }
    }
}

pub fn severity(t: &dyn Catalogue, s: nianbao::Severity) -> &str {
    t.ui(match s {
        nianbao::Severity::Error => ui::SEV_ERROR,
        nianbao::Severity::Warning => ui::SEV_WARNING,
        nianbao::Severity::Info => ui::SEV_INFO,
    })
}

/// A finding's message in this language.
pub fn message(t: &dyn Catalogue, d: &nianbao::Diagnostic) -> String {
    match &d.msg.args[..] {
        _ if t.is_zh() => d.message.clone(),
        // A finding the last-year panel handed over comes rendered (years.rs).
        [Arg::Text(en)] if d.msg.key == messages::NOTHING => en.clone(),
        _ => d.msg.render(t),
    }
}

/// Why a file gave no text: what it is and what to do.
pub fn file_error(t: &dyn Catalogue, e: FileError, name: &str) -> String {
    let key = match e {
        FileError::Doc => ui::FILE_DOC,
        FileError::Wps => ui::FILE_WPS,
        FileError::NotText => ui::FILE_NOT_TEXT,
        FileError::ZipOther => ui::FILE_ZIP_OTHER,
        FileError::Damaged => ui::FILE_DAMAGED,
        FileError::TooLarge => ui::FILE_TOO_LARGE,
        FileError::Unavailable => ui::FILE_UNAVAILABLE,
        FileError::Export => ui::EXPORT_FAILED,
        // A hostile file's sentence comes with the converter that refused it
        // (convert.js), an unreadable PDF's with the PDF reader.
        FileError::Refused | FileError::Pdf => {
            let said = crate::files::converter_sentence(if t.is_zh() { "zh" } else { "en" });
            return t.fill(ui::FILE_PDF, &[Arg::text(name), Arg::Text(said)]);
        }
    };
    t.fill(key, &[Arg::text(name)])
}

const ENGLISH: &str = "messages-en.json";

/// Loading English failed (offline): the page says so, in Chinese.
static FAILED: AtomicBool = AtomicBool::new(false);

pub fn english_failed() -> bool {
    FAILED.load(Ordering::Relaxed)
}

/// Loads the English catalogue (again after a failure; two widgets asking at
/// once fetch it twice, from the browser's cache); `done` runs when it is
/// here or has failed.
pub fn load_english(done: Callback<()>) {
    wasm_bindgen_futures::spawn_local(async move {
        if messages::english().is_none() {
            let file = crate::files::fetch_catalogue(ENGLISH).await;
            let ok = messages::english().is_some() || file.ok().and_then(|v| v.as_string()).is_some_and(set_english);
            FAILED.store(!ok, Ordering::Relaxed);
        }
        done.emit(());
    });
}

/// Hands the English catalogue (`messages-en.json` joined by platform.js's
/// `fetchCatalogue`) to the core; false if it does not fit this build.
pub fn set_english(text: String) -> bool {
    match Strings::parse(text) {
        Some(s) => {
            messages::set_english(s);
            true
        }
        None => false,
    }
}
