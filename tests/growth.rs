//! Work grows linearly with the input, for every adversarial shape: each is
//! checked, rendered for the terminal and as JSON at n and 10·n bytes, and the work —
//! bytes and blocks allocated, counted by this binary's global allocator — may
//! grow at most 12 times. (Counts, not time: the machine is shared.) A
//! quadratic path, such as printing a whole long line for each of its
//! findings, grows 100 times.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

#[path = "../examples/common/shapes.rs"]
mod shapes;

struct Counting;
static BYTES: AtomicU64 = AtomicU64::new(0);
static BLOCKS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        BYTES.fetch_add(l.size() as u64, Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        BYTES.fetch_add(new as u64, Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

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
            if rb > 12.0 || rn > 12.0 {
                failures.push(format!("{} at {n} B: 10× the input allocates ×{rb:.1} bytes in ×{rn:.1} blocks", s.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
