//! Any bytes as an .html file: decoding (with its I001 notes), the tag
//! scanner, then the check.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = nianbao::input::decode(data) {
        let text = nianbao::input::markup::html_to_text(&d.text);
        let _ = nianbao::check(&text).to_json();
    }
});
