//! The corpus reports, for the examples and the benchmark.

/// (file name, text) of every corpus report, sorted by path.
pub fn reports() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    for dir in ["seeds", "real"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir)).expect("corpus dir").flatten().map(|e| e.path()).collect();
        files.sort();
        for p in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            out.push((name, std::fs::read_to_string(&p).expect("corpus file")));
        }
    }
    out
}
