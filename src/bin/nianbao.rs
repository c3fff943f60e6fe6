//! The command line: check one report or thousands, as text, JSON or JSON lines.

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::input::{read_document, read_file, Document, InputError};
use nianbao::json::Writer;
use nianbao::render::escape;
use nianbao::render::{self, Style};
use nianbao::rules::RULES;
use nianbao::{check_input, Severity};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Parser)]
#[command(name = "nianbao", version, about = "检查政府信息公开工作年度报告 / Check government information-disclosure annual reports")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports: files, or directories walked for .txt, .html, .htm, .docx and .pdf.
    Check {
        #[arg(required = true, value_name = "FILE|DIR")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Last year's report of the same body, for the cross-year rules (X001–X003).
        #[arg(long, value_name = "FILE")]
        previous: Option<PathBuf>,
        /// Show only findings of this severity or above.
        #[arg(long, value_enum, default_value = "info")]
        min_severity: MinSeverity,
        /// Colour in text output.
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
        /// Files checked at once (default: the number of cores).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Language of the text output (JSON has both: message, message_en).
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
    },
    /// List the rule catalog.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Print the English message catalogue as JSON (the web app's messages-en.json).
    #[command(hide = true)]
    Catalogue,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Lang {
    Zh,
    En,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum MinSeverity {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths, format, previous, min_severity, color, jobs, lang } => {
            let min = match min_severity {
                MinSeverity::Info => Severity::Info,
                MinSeverity::Warning => Severity::Warning,
                MinSeverity::Error => Severity::Error,
            };
            let color = match color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            };
            let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1);
            run_check(paths, format, previous, min, Style { color, english: lang == Lang::En }, jobs)
        }
        Command::Rules { format } => {
            print!("{}", rules(format));
            ExitCode::SUCCESS
        }
        Command::Catalogue => {
            println!("{}", nianbao::messages::english_json());
            ExitCode::SUCCESS
        }
    }
}

/// The files to check: given files as they are, directories walked (sorted).
/// Each real file is listed once however many links lead to it, and a
/// directory is entered once (a symlink to a parent does not loop).
fn collect(paths: &[PathBuf], problems: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    let mut seen = Seen::default();
    let mut out = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &m, &mut seen, &mut out, problems),
            Ok(m) => {
                if seen.files.insert(id(&m)) {
                    out.push(p.clone());
                }
            }
            Err(e) if std::fs::symlink_metadata(p).is_ok() => problems.push((p.clone(), link_problem(&e))),
            Err(_) => problems.push((p.clone(), "no such file or directory".into())),
        }
    }
    out
}

#[derive(Default)]
struct Seen {
    files: std::collections::HashSet<(u64, u64)>,
    dirs: std::collections::HashSet<(u64, u64)>,
}

/// The identity of a file whatever the path to it: device and inode.
fn id(m: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

fn link_problem(e: &std::io::Error) -> String {
    if e.raw_os_error() == Some(40) {
        "a symbolic link that loops (ELOOP), not read".into()
    } else {
        format!("a symbolic link to nothing readable ({e})")
    }
}

fn is_report(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "html" | "htm" | "docx" | "odt" | "rtf" | "pdf"))
}

fn walk(dir: &Path, meta: &std::fs::Metadata, seen: &mut Seen, out: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>) {
    if !seen.dirs.insert(id(meta)) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push((dir.to_path_buf(), format!("cannot read the directory: {e}")));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, &m, seen, out, problems),
            Ok(m) if is_report(&p) => {
                if seen.files.insert(id(&m)) {
                    out.push(p);
                }
            }
            Ok(_) => {}
            Err(e) if is_report(&p) => problems.push((p, link_problem(&e))),
            Err(_) => {}
        }
    }
}

/// Runs `f` over `items` on up to `jobs` threads; results in input order.
/// When the system gives fewer threads (a process limit), fewer are used,
/// down to the calling thread alone.
fn parallel<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    let results = std::sync::Mutex::new(&mut slots);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(item) = items.get(i) else { break };
        let r = f(item);
        results.lock().expect("no panics while holding the lock")[i] = Some(r);
    };
    std::thread::scope(|s| {
        for _ in 1..jobs.min(items.len()).max(1) {
            if std::thread::Builder::new().spawn_scoped(s, work).is_err() {
                break;
            }
        }
        work();
    });
    slots.into_iter().map(|r| r.expect("every item processed")).collect()
}

struct Row {
    file: String,
    organ: String,
    year: String,
    errors: usize,
    warnings: usize,
}

fn run_check(paths: Vec<PathBuf>, format: Format, previous: Option<PathBuf>, min: Severity, style: Style, jobs: usize) -> ExitCode {
    let mut problems: Vec<(PathBuf, String)> = Vec::new();
    let files = collect(&paths, &mut problems);
    let prev_text = match &previous {
        Some(p) => match read_file(p) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("nianbao: {}: {e}", escape(&p.display().to_string()));
                return ExitCode::from(2);
            }
        },
        None => None,
    };

    // Pass 1: who and which year, to pair consecutive years of one body.
    let keys: Vec<Option<(String, i32)>> = if prev_text.is_none() && files.len() > 1 {
        parallel(&files, jobs, |f| {
            let text = read_file(f).ok()?;
            let src = nianbao::Source::new(&text);
            let r = nianbao::parse::parse(&src).report;
            Some((r.organ?.value, r.year?.value))
        })
    } else {
        vec![None; files.len()]
    };
    let mut by_key: HashMap<(String, i32), usize> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            by_key.entry(k.clone()).or_insert(i);
        }
    }

    // Pass 2, in chunks so that memory stays bounded however many files there are.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut rows: Vec<Row> = Vec::new();
    let mut any_error = false;
    let mut first_json = true;
    if format == Format::Json && files.len() > 1 {
        let _ = write!(out, "[");
    }
    let indices: Vec<usize> = (0..files.len()).collect();
    for chunk in indices.chunks(jobs * 8) {
        let results = parallel(chunk, jobs, |&i| -> Result<nianbao::Outcome, InputError> {
            let doc = read_document(&files[i])?;
            let prev_own = keys[i].as_ref().and_then(|(o, y)| by_key.get(&(o.clone(), y - 1))).and_then(|&j| read_file(&files[j]).ok());
            let prev = prev_text.as_deref().or(prev_own.as_deref());
            Ok(match doc {
                Document::Text(input) => check_input(nianbao::Source::from_string(input.text), input.notes, prev),
                Document::Pdf(layout) => nianbao::check_layout(layout, prev),
            })
        });
        for (&i, r) in chunk.iter().zip(results) {
            let path = files[i].display().to_string();
            let o = match r {
                Ok(o) => o,
                Err(e) => {
                    problems.push((files[i].clone(), e.to_string()));
                    continue;
                }
            };
            let diags: Vec<&nianbao::Diagnostic> = o.diagnostics.iter().filter(|d| d.severity >= min).collect();
            any_error |= o.count(Severity::Error) > 0;
            match format {
                Format::Text => {
                    let _ = write!(out, "{}", render::report(&o, &path, &diags, style));
                    let _ = writeln!(out);
                }
                Format::Json | Format::Jsonl => {
                    let doc = nianbao::json::document(&o, nianbao::json::Options { utf16: false, file: Some(&path), min });
                    let sep = if format == Format::Json && !first_json { "," } else { "" };
                    let _ = write!(out, "{sep}{doc}");
                    if format == Format::Jsonl {
                        let _ = writeln!(out);
                    }
                    first_json = false;
                }
            }
            rows.push(Row {
                file: path,
                organ: o.report.organ.as_ref().map(|f| f.value.clone()).unwrap_or_else(|| "—".into()),
                year: o.report.year.as_ref().map(|y| y.value.to_string()).unwrap_or_else(|| "—".into()),
                errors: o.count(Severity::Error),
                warnings: o.count(Severity::Warning),
            });
        }
        let _ = out.flush();
    }
    if format == Format::Json {
        let _ = if files.len() > 1 { writeln!(out, "]") } else { writeln!(out) };
    }
    if format == Format::Text && rows.len() > 1 {
        let _ = write!(out, "{}", table(&rows, style));
    }
    let _ = out.flush();
    for (p, why) in &problems {
        eprintln!("nianbao: {}: {}", escape(&p.display().to_string()), escape(why));
    }
    if files.is_empty() && problems.is_empty() {
        eprintln!("nianbao: 0 reports checked: no .txt, .html, .htm or .docx file found (未找到可检查的报告)");
    }
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn table(rows: &[Row], style: Style) -> String {
    use render::{display_width, pad};
    let head = ["文件 file", "机关 organ", "年度 year", "错误 errors", "警告 warnings"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [escape(&r.file).into_owned(), escape(&r.organ).into_owned(), r.year.clone(), r.errors.to_string(), r.warnings.to_string()]
        })
        .collect();
    let widths: Vec<usize> =
        (0..5).map(|c| cells.iter().map(|r| display_width(&r[c])).chain([display_width(head[c])]).max().unwrap_or(0)).collect();
    let line = |cols: [&str; 5]| -> String {
        cols.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect::<Vec<_>>().join("  ").trim_end().to_string() + "\n"
    };
    let mut s = line(head);
    s.push_str(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("  "));
    s.push('\n');
    for r in &cells {
        s.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
    }
    let (e, w): (usize, usize) = (rows.iter().map(|r| r.errors).sum(), rows.iter().map(|r| r.warnings).sum());
    let bad = rows.iter().filter(|r| r.errors > 0).count();
    s.push_str(&format!("\n{}\n", style.text(nianbao::messages::cli::BATCH, &[rows.len().into(), bad.into(), e.into(), w.into()])));
    s
}

fn rules(format: RulesFormat) -> String {
    match format {
        RulesFormat::Text => RULES.iter().map(|r| format!("{}  {:<8} {:<26} {}\n", r.code, r.severity.key(), r.name, r.title_zh)).collect(),
        RulesFormat::Json => {
            let mut w = Writer::new();
            nianbao::json::rules(&mut w);
            w.finish() + "\n"
        }
        RulesFormat::Markdown => nianbao::rules::markdown(),
    }
}
