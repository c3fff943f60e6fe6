//! Work grows linearly with the input, for every adversarial shape: each is
//! checked, rendered for the terminal and as JSON at n and 10·n bytes, and the work —
//! bytes and blocks allocated, counted by this binary's global allocator — may
//! grow at most 16 times. (Counts, not time: the machine is shared.) A
//! quadratic path, such as printing a whole long line for each of its
//! findings, grows 100 times; a vector grown by doubling may allocate 16
//! times for 10 times the items (2,000 cells fit in 2,048 places, 20,000 need
//! 32,768). What a check holds at once is bounded per byte of input as well.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

#[path = "../examples/common/shapes.rs"]
mod shapes;

struct Counting;
static BYTES: AtomicU64 = AtomicU64::new(0);
static BLOCKS: AtomicU64 = AtomicU64::new(0);
/// Bytes held now, and the most held since `peak_of` last reset it.
static LIVE: AtomicU64 = AtomicU64::new(0);
static PEAK: AtomicU64 = AtomicU64::new(0);

fn grew(n: u64) {
    PEAK.fetch_max(LIVE.fetch_add(n, Relaxed) + n, Relaxed);
}

fn shrank(n: u64) {
    LIVE.fetch_sub(n, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        BYTES.fetch_add(l.size() as u64, Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        grew(l.size() as u64);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        shrank(l.size() as u64);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        BYTES.fetch_add(new as u64, Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        // Both blocks are held while the old one is copied.
        grew(new as u64);
        shrank(l.size() as u64);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// The counts are the process's: one test counts at a time.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// (bytes, blocks) allocated to check `text` and render it for a terminal.
fn work(text: &str) -> (u64, u64) {
    let (b0, n0) = (BYTES.load(Relaxed), BLOCKS.load(Relaxed));
    let out = nianbao::check(text);
    let diags: Vec<&nianbao::Diagnostic> = out.diagnostics.iter().collect();
    let shown = nianbao::render::report(&out, "x.txt", &diags, nianbao::render::Style { color: false, english: false });
    let json = out.to_json();
    std::hint::black_box((shown, json));
    (BYTES.load(Relaxed) - b0, BLOCKS.load(Relaxed) - n0)
}

#[test]
fn every_shape_grows_linearly() {
    let _counting = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // The templates are prepared once per process: not part of any measurement.
    work("一、总体情况\n");
    let mut failures = Vec::new();
    // Small sizes stay under the per-report caps on findings (a cost per
    // finding shows there); large ones show a cost per byte.
    for n in [2_000, 24_000] {
        for s in shapes::SHAPES.iter().filter(|s| s.text) {
            let small = String::from_utf8((s.make)(n)).unwrap();
            let large = String::from_utf8((s.make)(10 * n)).unwrap();
            let (b1, n1) = work(&small);
            let (b10, n10) = work(&large);
            let (rb, rn) = (b10 as f64 / b1 as f64, n10 as f64 / n1 as f64);
            eprintln!("{:>24} at {n:>6} B: bytes ×{rb:.1}, blocks ×{rn:.1}", s.name);
            if rb > 16.0 || rn > 16.0 {
                failures.push(format!("{} at {n} B: 10× the input allocates ×{rb:.1} bytes in ×{rn:.1} blocks", s.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The most memory a check of `text` holds at once, beyond what was held before it.
fn peak_of(text: &str) -> u64 {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    work(text);
    PEAK.load(Relaxed) - before
}

/// Linear is not enough: a shape that holds a finding or a cell for every
/// few bytes held a gigabyte for 30 MB (`。` repeated: every doubled full
/// stop a finding; `|` repeated: every pipe a cell). At 1 MB each shape is
/// checked and rendered holding at most 48 bytes a byte of input at once; the
/// densest shapes hold about 40 (a token for every two bytes, a line index and
/// a lexed line for every line break), and their tokens are capped
/// (`lex::MAX_TOKENS`).
#[test]
fn no_shape_holds_much_more_than_its_text() {
    let _counting = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    work("一、总体情况\n");
    let mut failures = Vec::new();
    for s in shapes::SHAPES.iter().filter(|s| s.text) {
        let text = String::from_utf8((s.make)(1 << 20)).unwrap();
        let per_byte = peak_of(&text) as f64 / text.len() as f64;
        eprintln!("{:>24}: {per_byte:.1} bytes held a byte of input", s.name);
        if per_byte > 48.0 {
            failures.push(format!("{}: {per_byte:.1} bytes held a byte of input", s.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// H003 says the first 50 doubled full stops and stray commas. It found them
/// all first and kept 50: a text of full stops built a finding for every two
/// (a gigabyte for 30 MB). Ten times the text now takes about the same
/// allocations, not ten times as many.
#[test]
fn findings_past_a_cap_are_not_built() {
    let _counting = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    work("一、总体情况\n");
    for name in ["full-stops-one-line", "commas-between-chinese"] {
        let shape = shapes::SHAPES.iter().find(|s| s.name == name).unwrap();
        let [small, large] = [24_000, 240_000].map(|n| String::from_utf8((shape.make)(n)).unwrap());
        let (_, n1) = work(&small);
        let (_, n10) = work(&large);
        assert!(n10 < 2 * n1, "{name}: 10× the text took {n10} allocations, against {n1}");
        assert_eq!(nianbao::check(&large).diagnostics.iter().filter(|d| d.code == "H003").count(), 50, "{name}");
    }
}
