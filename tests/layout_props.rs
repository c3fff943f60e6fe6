//! The geometry → text stage never panics on any runs, and its source map
//! stays inside the text, sorted and on character boundaries.
use nianbao::input::layout::{layout, PageSize, Run};
use proptest::prelude::*;

fn run() -> impl Strategy<Value = Run> {
    (
        0u32..4,
        prop_oneof![-50.0f32..700.0, Just(f32::NAN), Just(f32::INFINITY), Just(0.0)],
        -50.0f32..900.0,
        prop_oneof![0.0f32..200.0, Just(-3.0)],
        prop_oneof![0.0f32..30.0, Just(f32::NAN)],
        prop_oneof![
            Just("0".to_string()),
            Just("12".to_string()),
            Just("—".to_string()),
            Just("行政许可".to_string()),
            Just("一、总体情况".to_string()),
            Just(" ".to_string()),
            Just("- 3 -".to_string()),
            "\\PC{0,8}"
        ],
        any::<bool>(),
    )
        .prop_map(|(page, x, y, width, size, text, vertical)| Run { page, x, y, width, size, text, vertical })
}

/// A table whose number cells wrap (issue 9): labels on row lines, and in
/// each column digit pieces stacked one leading apart, centred on their row
/// or not, so that pieces of neighbouring rows meet; mid-page (a lone number
/// in the top or bottom tenth is a page number, dropped).
fn wrapped_table() -> impl Strategy<Value = Vec<Run>> {
    let cell = (0usize..8, 1usize..4, "[0-9]{1,3}", prop_oneof![Just(11.0f32), Just(9.5), Just(14.0)], -6.0f32..6.0);
    (1usize..6, proptest::collection::vec(cell, 0..40)).prop_map(|(rows, cells)| {
        let mut runs: Vec<Run> = (0..rows)
            .map(|r| Run {
                page: 1,
                x: 50.0,
                y: 300.0 + 30.0 * r as f32,
                width: 90.0,
                size: 9.0,
                text: format!("{}.行政许可", r + 1),
                vertical: false,
            })
            .collect();
        for (k, (col, pieces, digits, leading, shift)) in cells.into_iter().enumerate() {
            let (x, row) = (200.0 + 15.0 * col as f32, k % rows);
            let top = 300.0 + 30.0 * row as f32 + shift - leading * (pieces as f32 - 1.0) / 2.0;
            for p in 0..pieces {
                runs.push(Run {
                    page: 1,
                    x,
                    y: top + leading * p as f32,
                    width: 5.0 * digits.len() as f32,
                    size: 9.0,
                    text: digits.clone(),
                    vertical: false,
                });
            }
        }
        runs
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn wrapped_number_cells_give_a_consistent_text(runs in wrapped_table()) {
        let l = layout(&[PageSize { width: 595.0, height: 842.0 }], &runs);
        let mut last = 0;
        for p in &l.map {
            prop_assert!(p.start <= p.end && p.end <= l.text.len() && p.start >= last);
            last = p.end;
        }
        // Every digit is written once: joining moves pieces, never drops or copies them.
        let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
        prop_assert_eq!(digits(&l.text), runs.iter().map(|r| digits(&r.text)).sum::<usize>());
        let _ = nianbao::check(&l.text);
    }

    #[test]
    fn any_runs_give_a_consistent_text(runs in proptest::collection::vec(run(), 0..120)) {
        let pages = vec![PageSize { width: 595.0, height: 842.0 }; 3];
        let l = layout(&pages, &runs);
        let mut last = 0;
        for p in &l.map {
            prop_assert!(p.start <= p.end && p.end <= l.text.len() && p.start >= last);
            prop_assert!(l.text.is_char_boundary(p.start) && l.text.is_char_boundary(p.end));
            last = p.end;
        }
        // And it is checkable.
        let _ = nianbao::check(&l.text);
    }
}
