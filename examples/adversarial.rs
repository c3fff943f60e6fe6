//! Times the checker on adversarial inputs (no "。", repeated keywords, huge
//! tables, one endless line): `cargo run --release --example adversarial`.
fn main() {
    let cases: Vec<(&str, String)> = vec![
        ("共 without 。", "共1条，其中".repeat(150_000)),
        ("keywords", "收到申请行政复议上年结转结转下年度".repeat(60_000)),
        ("numbers in a table", format!("三、收到和处理政府信息公开申请情况\n{}", "1 2 3 4 5 6 7\n".repeat(70_000))),
        ("one line", "政府信息公开 ".repeat(150_000)),
        ("headings", "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n".repeat(20_000)),
        ("cells", "规章\t1\t2\t3\n".repeat(100_000)),
    ];
    for (name, text) in cases {
        let t = std::time::Instant::now();
        let out = nianbao::check(&text);
        println!(
            "{name:>20}: {:>6} KB in {:>8.1} ms, {} findings",
            text.len() / 1024,
            t.elapsed().as_secs_f64() * 1e3,
            out.diagnostics.len()
        );
    }
}
