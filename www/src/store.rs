//! What the app keeps in this browser: the draft of each tab (sessionStorage,
//! so that two tabs never overwrite each other and a reload keeps its own
//! text), the last few drafts of all tabs with their time (localStorage, for
//! the 草稿 menu), and the findings a user chose to ignore, per report.
//! A write that fails (quota, storage disabled) is reported, never dropped.
//!
//! Drafts at rest: on a shared office computer the next user must not find
//! the report. Drafts expire after [`EXPIRY_DAYS`] (said in the menu), and the
//! setting "不在本机保存草稿" ([`set_keep`]) deletes every saved draft and
//! saves none until it is turned off.

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

const TAB_TEXT: &str = "nianbao.tab.text";
/// When this tab's draft was saved (milliseconds since the epoch).
const TAB_TIME: &str = "nianbao.tab.time";
/// Set (to "1") when the user chose not to keep drafts on this computer.
const NO_DRAFTS: &str = "nianbao.drafts.off";
/// A saved draft is deleted this many days after it was last saved.
pub const EXPIRY_DAYS: u32 = 7;
const EXPIRY_MS: f64 = EXPIRY_DAYS as f64 * 24.0 * 3600.0 * 1000.0;
const TAB_ID: &str = "nianbao.tab.id";
/// The 对照上年 panel's last year's report (www/batch/years.js keeps it as
/// this tab's draft is kept): deleted with the drafts, and when they expire.
const TAB_PREVIOUS: &str = "nianbao.tab.previous";
const RECENT: &str = "nianbao.drafts.v2";
/// The single shared draft of earlier versions: undated, so it cannot expire; deleted.
const LEGACY: &str = "nianbao.draft.v1";
const IGNORED: &str = "nianbao.ignored.v1";
/// Drafts offered in the menu.
pub const KEEP: usize = 5;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// A saved draft.
#[derive(Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    /// Milliseconds since the epoch.
    pub time: f64,
    pub text: String,
}

impl Draft {
    /// "11-22 14:05", in the browser's time zone.
    pub fn when(&self) -> String {
        let d = js_sys::Date::new(&JsValue::from_f64(self.time));
        format!("{:02}-{:02} {:02}:{:02}", d.get_month() + 1, d.get_date(), d.get_hours(), d.get_minutes())
    }
    /// The first line with text, shortened.
    pub fn first_line(&self) -> String {
        let line = self.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        let mut s: String = line.chars().take(30).collect();
        if line.chars().count() > 30 {
            s.push('…');
        }
        s
    }
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn expired(time: f64) -> bool {
    js_sys::Date::now() - time > EXPIRY_MS
}

/// Whether drafts are kept on this computer (the user's setting; yes unless turned off).
pub fn keep() -> bool {
    local().and_then(|s| s.get_item(NO_DRAFTS).ok().flatten()).is_none()
}

/// The setting "不在本机保存草稿": turning it on deletes every saved draft now.
pub fn set_keep(keep: bool) -> Result<(), ()> {
    let s = local().ok_or(())?;
    if keep {
        s.remove_item(NO_DRAFTS).map_err(|_| ())
    } else {
        forget_all();
        s.set_item(NO_DRAFTS, "1").map_err(|_| ())
    }
}

/// Deletes every saved draft: this tab's and the recent ones of all tabs.
pub fn forget_all() {
    if let Some(s) = session() {
        let _ = s.remove_item(TAB_TEXT);
        let _ = s.remove_item(TAB_TIME);
        let _ = s.remove_item(TAB_PREVIOUS);
    }
    if let Some(l) = local() {
        let _ = l.remove_item(RECENT);
        let _ = l.remove_item(LEGACY);
    }
}

/// The text this tab had before a reload (none once expired or when drafts are not kept).
pub fn tab_text() -> Option<String> {
    let s = session()?;
    // Numbers are read and written by JavaScript: Rust's float formatting would add kilobytes to the wasm.
    let time = s.get_item(TAB_TIME).ok().flatten().map(|t| js_sys::Number::parse_float(&t)).filter(|t| !t.is_nan()).unwrap_or(0.0);
    if !keep() || expired(time) {
        let _ = s.remove_item(TAB_TEXT);
        let _ = s.remove_item(TAB_TIME);
        let _ = s.remove_item(TAB_PREVIOUS);
        return None;
    }
    s.get_item(TAB_TEXT).ok().flatten()
}

/// This tab's draft id (a new one for a new tab or after [`new_draft`]).
fn tab_id() -> String {
    let s = session();
    if let Some(id) = s.as_ref().and_then(|s| s.get_item(TAB_ID).ok().flatten()) {
        return id;
    }
    let id = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    if let Some(s) = s {
        let _ = s.set_item(TAB_ID, &id);
    }
    id
}

/// The text in the editor was replaced (a file, a sample, another draft): the
/// old text stays in the menu as its own draft, the new one starts another.
pub fn new_draft() {
    if let Some(s) = session() {
        let _ = s.remove_item(TAB_ID);
    }
}

/// Every saved draft, newest first (including the one shared draft that
/// versions before per-tab drafts kept). Expired drafts are deleted here.
pub fn recent() -> Vec<Draft> {
    let Some(s) = local() else { return Vec::new() };
    if !keep() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut stale = false;
    if let Some(raw) = s.get_item(RECENT).ok().flatten() {
        if let Ok(list) = JSON::parse(&raw) {
            for v in Array::from(&list).iter() {
                let (Some(id), Some(time), Some(text)) = (get(&v, "id").as_string(), get(&v, "time").as_f64(), get(&v, "text").as_string())
                else {
                    continue;
                };
                if expired(time) {
                    stale = true;
                } else {
                    out.push(Draft { id, time, text });
                }
            }
        }
    }
    if stale {
        let _ = write_recent(&s, &out);
    }
    // The one shared draft of earlier versions has no time: it is not kept any longer.
    let _ = s.remove_item(LEGACY);
    out
}

fn write_recent(s: &Storage, list: &[Draft]) -> Result<(), JsValue> {
    let arr = Array::new();
    for d in list {
        let o = Object::new();
        Reflect::set(&o, &"id".into(), &JsValue::from_str(&d.id))?;
        Reflect::set(&o, &"time".into(), &JsValue::from_f64(d.time))?;
        Reflect::set(&o, &"text".into(), &JsValue::from_str(&d.text))?;
        arr.push(&o);
    }
    let json: String = JSON::stringify(&arr)?.into();
    s.set_item(RECENT, &json)
}

/// Keeps `text` as this tab's draft and at the top of the recent drafts.
/// Err when the browser refused to store it (quota or storage disabled).
pub fn save(text: &str) -> Result<(), ()> {
    let sess = session().ok_or(())?;
    let loc = local().ok_or(())?;
    if text.is_empty() || !keep() {
        let _ = sess.remove_item(TAB_TEXT);
        let _ = sess.remove_item(TAB_TIME);
        return Ok(());
    }
    let tab = sess.set_item(TAB_TEXT, text).and_then(|_| {
        sess.set_item(TAB_TIME, &String::from(js_sys::Number::from(js_sys::Date::now()).to_string_with_radix(10).unwrap_or_default()))
    });
    let id = tab_id();
    let mut list: Vec<Draft> = recent().into_iter().filter(|d| d.id != id).collect();
    list.insert(0, Draft { id, time: js_sys::Date::now(), text: text.to_string() });
    list.truncate(KEEP);
    // When the quota is reached, older drafts give way to the current one.
    let mut stored = write_recent(&loc, &list);
    while stored.is_err() && list.len() > 1 {
        list.pop();
        stored = write_recent(&loc, &list);
    }
    if tab.is_err() || stored.is_err() {
        Err(())
    } else {
        Ok(())
    }
}

/// 清空: this tab's draft and its copy in the recent list are deleted.
pub fn clear_current() {
    if let Some(s) = session() {
        let _ = s.remove_item(TAB_TEXT);
        let _ = s.remove_item(TAB_TIME);
    }
    let id = tab_id();
    if let Some(l) = local() {
        let list: Vec<Draft> = recent().into_iter().filter(|d| d.id != id).collect();
        let _ = write_recent(&l, &list);
    }
}

/// The findings ignored in the report called `report` (its title, or organ
/// and year): each as "code|message".
pub fn ignored(report: &str) -> Vec<String> {
    let Some(raw) = local().and_then(|s| s.get_item(IGNORED).ok().flatten()) else { return Vec::new() };
    let Ok(all) = JSON::parse(&raw) else { return Vec::new() };
    let v = get(&all, report);
    if !Array::is_array(&v) {
        return Vec::new();
    }
    Array::from(&v).iter().filter_map(|x| x.as_string()).collect()
}

/// Remembers the ignored findings of one report.
pub fn set_ignored(report: &str, keys: &[String]) -> Result<(), ()> {
    let s = local().ok_or(())?;
    let all = s
        .get_item(IGNORED)
        .ok()
        .flatten()
        .and_then(|r| JSON::parse(&r).ok())
        .filter(|v| v.is_object())
        .unwrap_or_else(|| Object::new().into());
    let arr: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
    if keys.is_empty() {
        Reflect::delete_property(all.unchecked_ref::<Object>(), &JsValue::from_str(report)).map_err(|_| ())?;
    } else {
        Reflect::set(&all, &JsValue::from_str(report), &arr).map_err(|_| ())?;
    }
    let json: String = JSON::stringify(&all).map_err(|_| ())?.into();
    s.set_item(IGNORED, &json).map_err(|_| ())
}
