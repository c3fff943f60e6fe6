//! Hostile and broken files stay bounded and end in an error, never a panic.
use lopdf::{dictionary, Document, Object, Stream};
use nianbao_pdf::{extract, Limits, PdfError};

/// A PDF with `pages` pages, each drawing `content` (compressed when asked).
fn pdf(pages: usize, content: &[u8], compress: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let mut kids = Vec::new();
    for _ in 0..pages {
        let mut s = Stream::new(dictionary! {}, content.to_vec());
        if compress {
            s.compress().expect("compresses");
        }
        let c = doc.add_object(s);
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => c,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

#[test]
fn a_simple_font_reads_as_text() {
    let bytes = pdf(1, b"BT /F1 12 Tf 72 700 Td (2023 Report) Tj ET", false);
    let x = extract(&bytes, &Limits::default()).expect("reads");
    assert_eq!(x.runs.len(), 1);
    assert_eq!(x.runs[0].text, "2023 Report");
    assert!((x.runs[0].y - 142.0).abs() < 0.01 && (x.runs[0].x - 72.0).abs() < 0.01);
}

#[test]
fn a_deflate_bomb_is_refused() {
    // 64 MB of spaces inflate from a few tens of kilobytes.
    let bytes = pdf(1, &vec![b' '; 64 << 20], true);
    assert!(bytes.len() < 1 << 20);
    let t = std::time::Instant::now();
    let got = extract(&bytes, &Limits::default());
    assert!(matches!(got, Err(PdfError::TooLarge(_)) | Err(PdfError::Damaged(_))), "{got:?}");
    assert!(t.elapsed().as_secs() < 10);
}

#[test]
fn too_many_pages_or_operators_are_refused() {
    let bytes = pdf(301, b"BT /F1 12 Tf (x) Tj ET", false);
    assert!(matches!(extract(&bytes, &Limits::default()), Err(PdfError::TooLarge(_))));
    let limits = Limits { max_objects: 50, ..Limits::default() };
    assert!(matches!(extract(&pdf(30, b"BT ET", false), &limits), Err(PdfError::TooLarge(_))));
    let limits = Limits { max_file_bytes: 1000, ..Limits::default() };
    assert!(matches!(extract(&pdf(30, b"BT ET", false), &limits), Err(PdfError::TooLarge(_))));
    let many = b"q Q ".repeat(1_000);
    let bytes = pdf(2, &many, false);
    let limits = Limits { max_operators: 1_500, ..Limits::default() };
    assert!(matches!(extract(&bytes, &limits), Err(PdfError::TooLarge(_))));
}

#[test]
fn no_text_is_a_scan_and_garbage_is_damage() {
    let bytes = pdf(2, b"0 0 100 100 re f", false);
    assert_eq!(extract(&bytes, &Limits::default()).err(), Some(PdfError::NoText));
    for junk in [&b""[..], b"%PDF-1.7\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"] {
        assert!(matches!(extract(junk, &Limits::default()), Err(PdfError::Damaged(_))), "{junk:?}");
    }
    // Every prefix of a real report, and one with bytes scrambled: an error or a reading, never a panic.
    let real = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/real/pdf/huaian_shi_2024.pdf")).expect("real PDF");
    for cut in (0..real.len()).step_by(real.len() / 40) {
        let _ = extract(&real[..cut], &Limits::default());
    }
    let mut scrambled = real.clone();
    for (i, b) in scrambled.iter_mut().enumerate().skip(2000) {
        if i % 97 == 0 {
            *b ^= 0x5a;
        }
    }
    let _ = extract(&scrambled, &Limits::default());
}
