//! Component tests in headless Chromium (wasm-bindgen-test): the app mounted
//! into a page, text typed into the editor, findings and tables drawn.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlTextAreaElement, InputEvent};

wasm_bindgen_test_configure!(run_in_browser);

const HONGZE: &str = include_str!("../../tests/corpus/real/hongze_2023_layout.txt");

async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn root() -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn type_text(root: &web_sys::Element, text: &str) {
    let area: HtmlTextAreaElement = root.query_selector("#report").unwrap().unwrap().dyn_into().unwrap();
    area.set_value(text);
    area.dispatch_event(&InputEvent::new("input").unwrap()).unwrap();
}

fn codes(root: &web_sys::Element) -> Vec<String> {
    let list = root.query_selector_all("[data-code]").unwrap();
    (0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok()?.get_attribute("data-code")).collect()
}

#[wasm_bindgen_test]
async fn findings_and_tables_follow_the_text() {
    let r = root();
    let w = www::mount(r.clone(), "zh", false, None, None);
    tick(10).await;
    assert!(r.text_content().unwrap().contains("粘贴或打开一份年报"), "empty state shown");
    type_text(&r, HONGZE);
    tick(30).await;
    // Debug builds are slow: give the check and the child components up to two seconds.
    for _ in 0..40 {
        if !codes(&r).is_empty() {
            break;
        }
        tick(50).await;
    }
    let c = codes(&r);
    assert!(c.iter().any(|x| x == "A004"), "{c:?}");
    assert!(c.iter().any(|x| x == "T001"), "{c:?}");
    // The review total is marked with its expected value.
    let cell = r.query_selector("[data-cell='t4.review.total']").unwrap().unwrap();
    assert!(cell.text_content().unwrap().contains("11"), "{}", cell.text_content().unwrap());
    assert!(cell.class_name().contains("error"));
    // A clean report.
    // The host replaces the text.
    w.set_text(include_str!("../../tests/corpus/seeds/002_bffdc484762d26e2.txt").to_string());
    for _ in 0..40 {
        tick(50).await;
        if r.query_selector(".summary").unwrap().unwrap().text_content().unwrap().contains("0 错误") {
            break;
        }
    }
    let summary = r.query_selector(".summary").unwrap().unwrap().text_content().unwrap();
    assert!(summary.contains("0 错误") && summary.contains("0 警告"), "{summary}");
}

#[wasm_bindgen_test]
async fn compact_widget_shows_findings_only_and_reports_results() {
    let r = root();
    // The loader makes the result's document from the text (batch/checker.js): the widget hands it the text it checked.
    let seen = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let s = seen.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |v: wasm_bindgen::JsValue| {
        *s.borrow_mut() = v.as_string().unwrap();
    });
    let _w = www::mount(r.clone(), "en", true, Some(HONGZE.to_string()), Some(cb.as_ref().unchecked_ref::<js_sys::Function>().clone()));
    cb.forget();
    // Debug builds on a busy machine are slow: the findings and the loader's
    // call get up to two seconds (the call came after 30 ms once too late).
    for _ in 0..40 {
        tick(50).await;
        if !seen.borrow().is_empty() && codes(&r).iter().any(|c| c == "A004") {
            break;
        }
    }
    assert!(r.query_selector("#report").unwrap().is_none(), "no editor in compact mode");
    assert!(codes(&r).iter().any(|c| c == "A004"));
    // Copied out: a failed assertion must not leave the cell borrowed when the call comes.
    let handed = seen.borrow().clone();
    assert_eq!(handed, HONGZE, "the checked text handed to the loader");
    assert!(r.text_content().unwrap().contains("Findings"));
}
