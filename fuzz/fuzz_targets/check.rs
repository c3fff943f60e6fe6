//! Any bytes, read as (lossy) UTF-8, go through parse, rules and JSON without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = nianbao::check(&text);
    let _ = out.to_json_utf16();
});
