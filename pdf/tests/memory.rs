//! A content stream of millions of tiny operators is read in bounded memory:
//! its operations are decoded and counted one at a time, never all at once.
//! (A test binary of its own: the allocator below counts every allocation of
//! the process, which other tests running beside it would disturb.)
use lopdf::{dictionary, Document, Object, Stream};
use nianbao_pdf::{extract, Limits, PdfError};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            PEAK.fetch_max(NOW.fetch_add(l.size(), Relaxed) + l.size(), Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        NOW.fetch_sub(l.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn a_million_tiny_operators_take_no_more_memory_than_the_file() {
    // One page drawing nothing but "q " a million times (2 MB; compressed, a few KB).
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut s = Stream::new(dictionary! {}, b"q ".repeat(1_000_000));
    s.compress().expect("compresses");
    let c = doc.add_object(s);
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => c });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    drop(doc);

    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    // Within the operator budget: read to the end, and no text on the page.
    assert_eq!(extract(&bytes, &Limits::default()).err(), Some(PdfError::NoText));
    let peak = PEAK.load(Relaxed) - before;
    // The inflated stream (2 MB) and the document are the memory; decoded
    // whole, the million operations took 510 MB more (measured).
    assert!(peak < 16 << 20, "peak {} MB reading a 2 MB stream of operators", peak >> 20);
    // Past the budget: refused as too large, still without decoding the rest.
    PEAK.store(NOW.load(Relaxed), Relaxed);
    let limits = Limits { max_operators: 10_000, ..Limits::default() };
    assert!(matches!(extract(&bytes, &limits), Err(PdfError::TooLarge(_))));
    assert!(PEAK.load(Relaxed) - before < 16 << 20);
}
