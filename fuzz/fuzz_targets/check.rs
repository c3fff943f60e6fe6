//! Any bytes as a text file: decoding with its I001 notes, parse, rules, JSON
//! and the terminal rendering, without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(d) = nianbao::input::decode(data) else { return };
    let out = nianbao::check_input(nianbao::Source::from_string(d.text), d.notes, None);
    let _ = out.to_json_utf16();
    let diags: Vec<&nianbao::Diagnostic> = out.diagnostics.iter().collect();
    let _ = nianbao::render::report(&out, "fuzz.txt", &diags, nianbao::render::Style { color: false, english: false });
});
