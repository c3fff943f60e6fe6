//! Any bytes as a .docx: the archive reader and its limits, then the check.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = nianbao::input::docx::text(data) {
        let _ = nianbao::check(&text).to_json();
    }
});
