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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
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
