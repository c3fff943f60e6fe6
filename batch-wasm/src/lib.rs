//! The browser's batch (批量检查): each report is checked in a Web Worker by
//! this module and summarised (src/summary.rs); reports of one body in
//! consecutive years are paired on their summaries, by the same cross-year
//! rules as the command line; the summary is exported as CSV or XLSX by the
//! same writer as `nianbao check --summary`. The same module, on the page's
//! thread, gives the JSON document to the JavaScript API, the embed's results
//! and the exports (`check`): the app's own wasm has no JSON writer. Loaded
//! only when one of these is first used, never at the page's first load.

use nianbao::export::{self, Lang};
use nianbao::json::Writer;
use nianbao::messages::{Arg, Desk};
use nianbao::summary::Summary;
use wasm_bindgen::prelude::*;

/// The JSON the batch table reads: the summary's fields, plus `state` (the
/// summary as a string, for `pair`), `row` (its summary row) and `findings`
/// (its findings' rows), rows encoded by `export::encode_rows`, each in both
/// languages (`[zh, en]`): the exports follow the page's language when they
/// are made, not when the report was checked; `order`, where each finding
/// sorts (`rules::order`, so that findings added by pairing join the
/// report's own in place, as on the command line). A file that does not read
/// as a report (`not_a_report`, `Report::recognised`) has a row that
/// says so and no findings' rows, as in the command line's summary.
#[allow(clippy::too_many_arguments)]
fn answer(
    s: &Summary,
    file: &str,
    findings: &[nianbao::Diagnostic],
    line: export::LineOf,
    page: Option<export::PageOf>,
    added: Option<&[nianbao::Diagnostic]>,
    previous: Option<&str>,
    not_a_report: bool,
    more: impl FnOnce(&mut Writer),
) -> String {
    let mut w = Writer::new();
    w.begin_object();
    s.write_fields(&mut w, file);
    if not_a_report {
        w.key("not_a_report").bool(true);
    }
    w.key("state").str(&s.encode());
    w.key("row").begin_array();
    for lang in [Lang::Zh, Lang::En] {
        let row = match not_a_report {
            true => export::problem_row(file, &nianbao::messages::desk::NOT_A_REPORT.say(lang == Lang::En, &[])),
            false => export::summary_row(file, s, lang, previous, &[]),
        };
        w.str(&export::encode_rows(&[row]));
    }
    w.end_array();
    w.key("findings").begin_array();
    let findings = if not_a_report { &[][..] } else { findings };
    for lang in [Lang::Zh, Lang::En] {
        w.str(&export::encode_rows(&export::finding_rows(file, s, findings, lang, Some(line), page)));
    }
    w.end_array();
    w.key("order").begin_array();
    for d in findings {
        w.num(nianbao::rules::order(d) as f64);
    }
    w.end_array();
    more(&mut w);
    if let Some(added) = added {
        w.key("added").begin_array();
        for d in added {
            w.begin_object();
            w.key("code").str(d.code);
            w.key("severity").str(d.severity.key());
            w.key("message").str(&d.message);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
    w.finish()
}

/// A string of the reviewer's desk (`desk!` in src/messages/catalogue.rs) by
/// its name, in `lang`, with `args` (numbers, or text shown as it is): the
/// batch view, the last-year panel and the annotated Word file speak the
/// page's language from the one catalogue. An unknown name comes back as it
/// is (a mistake to see, not to hide).
#[wasm_bindgen]
pub fn say(lang: &str, name: &str, args: Vec<JsValue>) -> String {
    let Some(k) = Desk::named(name) else { return name.to_string() };
    let args: Vec<Arg> =
        args.iter().map(|a| a.as_f64().map(Arg::Num).unwrap_or_else(|| Arg::Text(a.as_string().unwrap_or_default()))).collect();
    k.say(Lang::parse(lang) == Lang::En, &args)
}

/// Checks one report (`previous`: last year's report of the same body, for
/// X001–X003; `notes`: what decoding its file repaired, www/convert.js
/// `decodeBytes`, for I001): the JSON document of the output contract,
/// offsets in UTF-16 units. For everything on the page's thread that needs
/// the document and not the interface: the JavaScript API, the embed's
/// results, the JSON export, the annotated Word file.
#[wasm_bindgen]
pub fn check(text: &str, previous: Option<String>, notes: Option<Vec<u32>>) -> String {
    let notes = nianbao::input::notes::from_numbers(&notes.unwrap_or_default(), text.len());
    nianbao::check_input(nianbao::Source::new(text), notes, previous.as_deref()).to_json_utf16()
}

/// The rule catalogue as JSON: code, name, severity and titles.
#[wasm_bindgen]
pub fn rules() -> String {
    let mut w = Writer::new();
    nianbao::json::rules(&mut w);
    w.finish()
}

/// Checks one report and summarises it. `notes` are what decoding its file
/// repaired (www/convert.js `decodeBytes`): the I001 findings, as the command
/// line gives them. `pages`, for a report read from a PDF, says where each
/// page's text starts: byte offset and page number, in pairs (www/batch/read.js).
#[wasm_bindgen]
pub fn summarize(text: &str, notes: &[u32], file: &str, pages: &[u32]) -> String {
    let notes = nianbao::input::notes::from_numbers(notes, text.len());
    let (o, summary) = nianbao::check_summarised(nianbao::Source::new(text), notes, None);
    // The source drops a BOM the offsets of `pages` count.
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let page = |s: nianbao::Span| page_at(pages, s.start + bom);
    let line = |sp: nianbao::Span| Some(o.source.line_col(sp.start).0);
    // Where the cross-year findings can point, placed now that the text is
    // here (`pair` has only the summaries): start, end, line and page (0: none).
    let places = |w: &mut Writer| {
        w.key("places").begin_array();
        for sp in summary.years.anchors() {
            for n in [sp.start, sp.end, line(sp).unwrap_or(0) as u32, page(sp).unwrap_or(0)] {
                w.num(n as f64);
            }
        }
        w.end_array();
    };
    let has_pages = !pages.is_empty();
    answer(&summary, file, &o.diagnostics, &line, has_pages.then_some(&page as export::PageOf), None, None, !o.report.recognised(), places)
}

/// The page whose text holds byte `at`, from `(start, page)` pairs in order
/// (a report has tens of pages: no search needed).
fn page_at(pages: &[u32], at: u32) -> Option<u32> {
    pages.chunks_exact(2).take_while(|p| p[0] <= at).last().map(|p| p[1])
}

/// A report (`now`, a `state` from `summarize`) against last year's of the
/// same body (`before`, from the file `before_file`): the cross-year findings
/// added to its summary, whose row names the file it was compared with; its
/// `findings` rows (and `order`) are only the added ones, with their line and
/// page from `places` (`summarize`'s). An unreadable state gives "".
#[wasm_bindgen]
pub fn pair(now: &str, before: &str, file: &str, before_file: &str, places: &[u32]) -> String {
    let (Some(mut now), Some(before)) = (Summary::decode(now), Summary::decode(before)) else {
        return String::new();
    };
    let added = nianbao::rules::cross_year_findings(&now.years, &before.years);
    now.add_findings(&added);
    let place = |sp: nianbao::Span| places.chunks_exact(4).find(|p| p[0] == sp.start && p[1] == sp.end);
    let line = |sp: nianbao::Span| place(sp).map(|p| p[2] as usize);
    let page = |sp: nianbao::Span| place(sp).map(|p| p[3]).filter(|&p| p > 0);
    answer(&now, file, &added, &line, Some(&page), Some(&added), Some(before_file), false, |_| {})
}

/// Pairs consecutive years of one body, as the command line does: `keys`
/// is one line per report, `body<TAB>year` (empty when unknown); the answer
/// is, per report, the index of last year's report or nothing, comma-separated.
#[wasm_bindgen]
pub fn pairs(keys: &str) -> String {
    indices(&nianbao::summary::pairs(&keys_of(keys)))
}

/// For each report (`keys` as for `pairs`), the others of the same body and
/// year in the batch, as the command line finds them: their indices joined by
/// ";", comma-separated.
#[wasm_bindgen(js_name = sameYear)]
pub fn same_year(keys: &str) -> String {
    let found = nianbao::export::same_year(&keys_of(keys));
    found.iter().map(|js| js.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(";")).collect::<Vec<_>>().join(",")
}

/// `body<TAB>year` per line (empty when unknown).
fn keys_of(keys: &str) -> Vec<nianbao::summary::Key<'_>> {
    keys.split('\n')
        .map(|l| {
            let (o, y) = l.split_once('\t').unwrap_or((l, ""));
            ((!o.is_empty()).then_some(o), y.parse().ok())
        })
        .collect()
}

fn indices(found: &[Option<usize>]) -> String {
    found.iter().map(|p| p.map(|j| j.to_string()).unwrap_or_default()).collect::<Vec<_>>().join(",")
}

/// This year's report beside last year's (the single view's 上年报告): who
/// and which year each is, table 三's 上年结转 of this year beside 结转下年度继续办理
/// of last year, column by column, and the cross-year findings (X001–X003)
/// in both languages, with UTF-16 offsets into this year's text (as the
/// editor holds it: no BOM) and byte offsets (`s`, `e`: the spans of the app's
/// own check of the same text, which lists them with its findings).
#[wasm_bindgen(js_name = compareYears)]
pub fn compare_years(now: &str, before: &str) -> String {
    let read = |text: &str| {
        let src = nianbao::Source::new(text);
        let parsed = nianbao::parse::parse(&src);
        let years = nianbao::summary::Years::of(&parsed.report, &parsed.doc);
        let report = parsed.report;
        (src, report, years)
    };
    let (src, report, years) = read(now);
    let (_, prev_report, prev_years) = read(before);
    // Compared only when last year's is of the same body and the year before,
    // the test by which the command line's --previous and a batch pair reports.
    let paired = nianbao::summary::follows(report.key(), prev_report.key());
    let found = if paired { nianbao::rules::cross_year_findings(&years, &prev_years) } else { Vec::new() };
    let mut w = Writer::new();
    w.begin_object();
    for (key, r) in [("now", &report), ("before", &prev_report)] {
        w.key(key).begin_object();
        w.key("organ").opt_str(r.organ.as_ref().map(|o| o.value.as_str()));
        w.key("year");
        match &r.year {
            Some(y) => w.num(y.value as f64),
            None => w.null(),
        };
        w.end_object();
    }
    w.key("paired").bool(paired);
    w.key("carried").begin_array();
    let t3 = years.table(nianbao::template::TableId::T3);
    let p3 = prev_years.table(nianbao::template::TableId::T3);
    let template = t3.or(p3).map(|v| v.template);
    if let Some(row) = template.and_then(|t| t.row("carried_in").map(|r| &t.rows[r])) {
        for col in row.columns {
            w.begin_object();
            w.key("label").str(col.label);
            w.key("label_en").str(nianbao::messages::english().map(|en| en.label(col.label)).unwrap_or(col.label));
            w.key("now");
            match t3.and_then(|v| v.value("carried_in", col.key)) {
                Some(v) => w.num(v),
                None => w.null(),
            };
            w.key("before");
            match p3.and_then(|v| v.value("carried_out", col.key)) {
                Some(v) => w.num(v),
                None => w.null(),
            };
            w.end_object();
        }
    }
    w.end_array();
    w.key("findings").begin_array();
    for d in &found {
        w.begin_object();
        w.key("code").str(d.code);
        w.key("severity").str(d.severity.key());
        w.key("message").str(&d.message);
        w.key("message_en").str(&d.msg.en().unwrap_or_default());
        w.key("start").num(src.utf16(d.span.start) as f64);
        w.key("end").num(src.utf16(d.span.end) as f64);
        w.key("s").num(d.span.start as f64);
        w.key("e").num(d.span.end as f64);
        if let Some(f) = &d.fix {
            w.key("fix").str(f);
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish()
}

/// The summary row of a file that could not be read.
#[wasm_bindgen(js_name = problemRow)]
pub fn problem_row(file: &str, why: &str) -> String {
    export::encode_rows(&[export::problem_row(file, why)])
}

/// The batch summary as CSV (UTF-8 with BOM): `rows` joined by U+001E;
/// `remarks`, one per row joined by U+001E (mostly empty), what the batch as
/// a whole says of each (another report of the same body and year).
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(lang: &str, rows: &str, remarks: &str) -> Vec<u8> {
    export::csv(&export::summary_header(Lang::parse(lang)), &remarked(lang, rows, remarks))
}

/// The batch summary and every finding as XLSX.
#[wasm_bindgen(js_name = exportXlsx)]
pub fn export_xlsx(lang: &str, rows: &str, remarks: &str, findings: &str) -> Vec<u8> {
    export::xlsx(Lang::parse(lang), &remarked(lang, rows, remarks), &export::decode_rows(findings))
}

fn remarked(lang: &str, rows: &str, remarks: &str) -> Vec<Vec<export::Cell>> {
    let mut rows = export::decode_rows(rows);
    for (row, remark) in rows.iter_mut().zip(remarks.split('\u{1e}')) {
        if !remark.is_empty() {
            export::add_remark(row, Lang::parse(lang), remark);
        }
    }
    rows
}
