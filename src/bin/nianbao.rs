//! The command line: check one report or thousands, as text, JSON or JSON lines.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use nianbao::input::{read_document, Document, InputError};
use nianbao::json::Writer;
use nianbao::render::escape;
use nianbao::render::{self, Style};
use nianbao::rules::RULES;
use nianbao::{check_summarised, Severity};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// A batch allocates and frees small strings and vectors by the million: mimalloc
// does it in about half the time of the system allocator (scripts/bench-batch.sh).
#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

/// mimalloc, called at its plain entry points for the alignments its every
/// block has (16 bytes): the `mimalloc` crate calls the aligned ones for all,
/// which take a slower path (a tenth of the allocator's time in a batch).
struct MiMalloc;

/// What every block mimalloc hands out is aligned to (MI_MAX_ALIGN_SIZE).
const MI_ALIGN: usize = 16;

unsafe impl std::alloc::GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe {
            if layout.align() <= MI_ALIGN {
                libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe {
            if layout.align() <= MI_ALIGN {
                libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        unsafe { libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        unsafe {
            if layout.align() <= MI_ALIGN {
                libmimalloc_sys::mi_realloc(ptr as *mut std::ffi::c_void, new_size) as *mut u8
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr as *mut std::ffi::c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[path = "../cli/batch.rs"]
mod batch;

#[derive(Parser)]
#[command(name = "nianbao", version, about = "检查政府信息公开工作年度报告 / Check government information-disclosure annual reports")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports: files ("-" for standard input), or directories walked for .txt, .md, .html, .htm, .docx, .odt, .rtf and .pdf (and .doc, .wps, to say how to convert them).
    // `--summary` takes one file, its format perhaps named before it: clap's
    // own usage line would show it repeatable.
    #[command(override_usage = "nianbao check [OPTIONS] [--summary [csv|xlsx] FILE] <FILE|DIR>...")]
    Check {
        // Required, but checked by `main`: a `--summary` given its file alone
        // takes the next path as its second value, and `main` gives it back.
        #[arg(value_name = "FILE|DIR")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Last year's report of the same body, for the cross-year rules (X001–X003); a report of another body or year is said and not compared.
        #[arg(long, value_name = "FILE")]
        previous: Option<PathBuf>,
        /// Show only findings of this severity or above.
        #[arg(long, value_enum, default_value = "info")]
        min_severity: MinSeverity,
        /// Colour in text output.
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
        /// Files checked at once (default: the number of cores).
        #[arg(long, short, value_parser = jobs)]
        jobs: Option<u16>,
        /// Language of the text output (JSON has both: message, message_en).
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// Also write the batch summary (one row per report; XLSX adds a sheet of every finding) to FILE, which ends in .csv or .xlsx and is never one of the reports; the format may be named before it (--summary xlsx 汇总.xlsx).
        #[arg(long, num_args = 1..=2, value_name = "[csv|xlsx] FILE")]
        summary: Option<Vec<String>>,
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

/// `--summary`'s values: the format and the file, or the file alone (its
/// name says the format). After a file alone, clap takes the next word for the
/// second value: that is a report to check (returned, to go back among the
/// paths).
fn summary_values(values: &[String]) -> Result<(&str, &str, Option<&str>), ()> {
    let named = |f: &str| ["csv", "xlsx"].into_iter().find(|x| f.to_ascii_lowercase().ends_with(&format!(".{x}")));
    match values {
        [f, path] if f == "csv" || f == "xlsx" => Ok((f, path, None)),
        [path, rest @ ..] => named(path).map(|f| (f, path.as_str(), rest.first().map(String::as_str))).ok_or(()),
        [] => Err(()),
    }
}

/// clap's own errors (a mistyped option, a missing value) are English: a
/// Chinese line comes first, naming what was wrong, then clap's words with
/// its tip. Help and version are printed as they are.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind::*};
    if matches!(e.kind(), DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand) {
        e.exit();
    }
    let context = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(escape(s).into_owned()),
        Some(ContextValue::Strings(v)) => v.first().map(|s| escape(s).into_owned()),
        _ => None,
    };
    // "--format <FORMAT>" is named by its option alone.
    let arg = context(ContextKind::InvalidArg).map(|a| a.split(' ').next().unwrap_or_default().to_string());
    let named = |what: &str, k| match context(k) {
        Some(a) => format!("{what}“{a}”"),
        None => what.to_string(),
    };
    let option = arg.as_deref().map(|a| format!("选项“{a}”")).unwrap_or_else(|| "选项".into());
    let mut said = match e.kind() {
        UnknownArgument => named("不认识的选项", ContextKind::InvalidArg),
        InvalidSubcommand => named("不认识的命令", ContextKind::InvalidSubcommand),
        InvalidValue | ValueValidation => match context(ContextKind::InvalidValue).filter(|v| !v.is_empty()) {
            Some(v) => format!("{option}的值“{v}”无效"),
            None => format!("{option}缺少值"),
        },
        MissingRequiredArgument => named("缺少必需的参数", ContextKind::InvalidArg),
        TooManyValues | TooFewValues | WrongNumberOfValues => format!("{option}后的值个数不对"),
        ArgumentConflict => format!("{option}不能与其他选项同时使用"),
        _ => "命令行参数有误".to_string(),
    };
    if let Some(tip) = context(ContextKind::SuggestedArg).or_else(|| context(ContextKind::SuggestedSubcommand)) {
        said.push_str(&format!("（是否想写 {tip}？）"));
    }
    eprintln!("nianbao: {said}。用法见 nianbao --help 或 nianbao check --help");
    let _ = e.print();
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => return usage_error(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Check { mut paths, format, previous, min_severity, color, jobs, lang, summary } => {
            // Given twice, the second's file would be taken for a report: one summary a run.
            let check = matches.subcommand_matches("check");
            if check.and_then(|m| m.get_occurrences::<String>("summary")).is_some_and(|o| o.count() > 1) {
                eprintln!("nianbao: --summary 只能给一次（一次检查写一份汇总）; --summary is given once (one summary file a run)");
                return ExitCode::from(2);
            }
            let summary = match summary.as_deref().map(summary_values) {
                None => None,
                Some(Err(())) => {
                    eprintln!(
                        "nianbao: --summary 后写汇总文件名（.csv 或 .xlsx），可在前面写格式：--summary 汇总.xlsx 或 --summary xlsx 汇总.xlsx; --summary takes csv or xlsx and the summary's file name, or the file name alone: --summary xlsx summary.xlsx or --summary summary.xlsx"
                    );
                    return ExitCode::from(2);
                }
                Some(Ok((f, path, report))) => {
                    let fmt = if f == "csv" { batch::SummaryFormat::Csv } else { batch::SummaryFormat::Xlsx };
                    // A report taken for `--summary`'s second value goes back
                    // among the paths, in the place it was given.
                    if let Some(report) = report {
                        let check = matches.subcommand_matches("check");
                        let at = check.and_then(|m| m.indices_of("summary")).and_then(|mut i| i.nth(1)).unwrap_or(usize::MAX);
                        let before = check.and_then(|m| m.indices_of("paths")).map_or(0, |i| i.filter(|&k| k < at).count());
                        paths.insert(before.min(paths.len()), PathBuf::from(report));
                    }
                    // A forgotten file name makes the first report the summary's
                    // path: it would be overwritten. The name must say the format.
                    if !path.to_ascii_lowercase().ends_with(&format!(".{f}")) {
                        eprintln!(
                            "nianbao: --summary {f} 的文件名应以 .{f} 结尾，未写入“{}”（以免覆盖报告）; the summary's file name must end in .{f}: “{}” was not written (it could be a report)",
                            escape(path),
                            escape(path)
                        );
                        return ExitCode::from(2);
                    }
                    Some((fmt, PathBuf::from(path)))
                }
            };
            if paths.is_empty() {
                eprintln!("nianbao: 请给出要检查的报告（文件或目录，- 为标准输入）; give the reports to check: files or directories (- for standard input)");
                return ExitCode::from(2);
            }
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
            let jobs = jobs.map(usize::from).unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
            run_check(paths, format, previous, min, Style { color, english: lang == Lang::En }, jobs, summary)
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

/// The name that stands for standard input.
const STDIN: &str = "-";

/// `--jobs`: at least one, said in both languages (clap's own message is English only).
fn jobs(s: &str) -> Result<u16, String> {
    s.parse::<u16>().ok().filter(|&n| n > 0).ok_or_else(|| "须为 1 到 65535 之间的整数 (a whole number from 1 to 65535)".into())
}

/// The files to check: given files as they are, directories walked (sorted).
/// Each real file is listed once however many links lead to it, and a
/// directory is entered once (a symlink to a parent does not loop).
/// `problems`: each path that could not be walked, with why and how many
/// files came before it (its place among them in the output).
/// `skipped`: the files of the folders walked that are of other kinds (said, not read).
/// They are handed to `out` as they are found, and it is finished when all are.
fn collect(paths: &[PathBuf], problems: &mut Vec<(usize, PathBuf, String)>, skipped: &mut Vec<PathBuf>, out: &Found) {
    let mut seen = Seen::default();
    let mut stdin = false;
    for p in paths {
        // "-": the report piped in (read once, however often it is named).
        if p.as_os_str() == STDIN {
            if !std::mem::replace(&mut stdin, true) {
                out.push(p.clone(), false);
            }
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                // Walked already (given twice, or inside a folder given before): not empty for that.
                let again = seen.dirs.contains(&id(&m));
                let before = (out.len(), problems.len(), seen.skipped.len());
                walk(p, &m, &mut seen, out, problems);
                // A folder given beside others that holds nothing to check (a
                // wrong folder, last year's not yet filled) is said, not passed
                // over in silence (alone, the run says that no report was found).
                if paths.len() > 1 && !again && (out.len(), problems.len(), seen.skipped.len()) == before {
                    eprintln!(
                        "nianbao: {}: 目录中没有可检查的报告（.txt、.md、.html、.htm、.docx、.odt、.rtf、.pdf）; no reports in this directory",
                        escape(&p.display().to_string())
                    );
                }
            }
            Ok(m) => seen.file(id(&m), p.clone(), false, out),
            Err(e) if std::fs::symlink_metadata(p).is_ok() => problems.push((out.len(), p.clone(), link_problem(&e))),
            Err(_) => problems.push((out.len(), p.clone(), "文件或目录不存在。(No such file or directory.)".into())),
        }
    }
    *skipped = seen.skipped;
    out.finish();
}

/// The files to check as the walk finds them (`collect`), shared with the
/// threads that check them meanwhile: a batch of folders starts on its first
/// file while the rest are found (the walk is a call to the system for each
/// folder, a hundredth of a batch's time, with a core idle). A file listed by
/// a link may yet be listed under its own name (`Seen::file`): none from it on
/// is handed out until that is settled, when the walk is over.
#[derive(Default)]
struct Found {
    state: std::sync::Mutex<Listed>,
    added: std::sync::Condvar,
}

#[derive(Default)]
struct Listed {
    files: Vec<PathBuf>,
    /// The files listed by a link that the file's own name may replace (indices).
    by_link: std::collections::BTreeSet<usize>,
    done: bool,
    /// Threads waiting for a file (a wake is a call to the system: only for them).
    waiting: usize,
}

impl Found {
    fn lock(&self) -> std::sync::MutexGuard<'_, Listed> {
        self.state.lock().expect("no panics while holding the lock")
    }

    fn len(&self) -> usize {
        self.lock().files.len()
    }

    fn push(&self, path: PathBuf, link: bool) {
        let mut l = self.lock();
        if link {
            let at = l.files.len();
            l.by_link.insert(at);
        }
        l.files.push(path);
        if l.waiting > 0 {
            self.added.notify_all();
        }
    }

    /// The file listed by a link at `at`, under its own name.
    fn replace(&self, at: usize, path: PathBuf) {
        let mut l = self.lock();
        l.files[at] = path;
        l.by_link.remove(&at);
        if l.waiting > 0 {
            self.added.notify_all();
        }
    }

    /// Every file is found: each is handed out as it is listed now.
    fn finish(&self) {
        let mut l = self.lock();
        l.done = true;
        l.by_link.clear();
        self.added.notify_all();
    }

    /// No more files are handed out (the batch stops), and none is listed.
    fn stop(&self) {
        self.lock().files.clear();
        self.finish();
    }

    /// File `i`, once it is found and settled; None when there is none.
    fn get(&self, i: usize) -> Option<PathBuf> {
        let mut l = self.lock();
        loop {
            let settled = l.by_link.first().copied().unwrap_or(usize::MAX);
            if i < settled {
                if let Some(p) = l.files.get(i) {
                    return Some(p.clone());
                }
            }
            if l.done {
                return None;
            }
            l.waiting += 1;
            l = self.added.wait(l).expect("no panics while holding the lock");
            l.waiting -= 1;
        }
    }

    fn into_files(self) -> Vec<PathBuf> {
        self.state.into_inner().expect("no panics while holding the lock").files
    }
}

/// The paths that could not be walked (`collect`'s problems) that are due
/// before file `upto` (all that are left: `usize::MAX`), from `*at` on, which
/// moves past them.
fn walked_due<'a>(walked: &'a [(usize, PathBuf, String)], at: &mut usize, upto: usize) -> &'a [(usize, PathBuf, String)] {
    let from = (*at).min(walked.len());
    *at = from + walked[from..].iter().take_while(|w| w.0 <= upto).count();
    &walked[from..*at]
}

#[derive(Default)]
struct Seen {
    /// Each file's identity, and its place in the list while it is known
    /// only by a symbolic link found in a folder.
    files: std::collections::HashMap<(u64, u64), Option<usize>>,
    dirs: std::collections::HashSet<(u64, u64)>,
    /// Files of other kinds in the folders walked (a photo, a spreadsheet).
    skipped: Vec<PathBuf>,
}

impl Seen {
    /// Lists a file once, however many paths lead to it. A folder's link to a
    /// file in it sorts where it may come first ("a_link.txt", "z_real.txt"):
    /// the file is then listed under its own name, in the link's place, so
    /// that a reviewer counting files finds the one that exists.
    fn file(&mut self, id: (u64, u64), path: PathBuf, link: bool, out: &Found) {
        match self.files.get_mut(&id) {
            None => {
                self.files.insert(id, link.then_some(out.len()));
                out.push(path, link);
            }
            Some(by_link) => {
                if let Some(at) = by_link.filter(|_| !link) {
                    out.replace(at, path);
                    *by_link = None;
                }
            }
        }
    }
}

/// The identity of a file whatever the path to it: device and inode.
fn id(m: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

fn link_problem(e: &std::io::Error) -> String {
    if e.raw_os_error() == Some(40) {
        "符号链接循环指向自身，未读取。(A symbolic link that loops (ELOOP), not read.)".into()
    } else {
        format!("符号链接指向的文件无法读取（{e}）。(A symbolic link to nothing readable: {e}.)")
    }
}

fn is_report(p: &Path) -> bool {
    // "~$报告.docx" is the lock file Word and WPS keep beside a document while
    // it is open: no report, and always there in a folder being worked on.
    let lock = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("~$"));
    !lock
        && p.extension()
            .and_then(|e| e.to_str())
            // .md: what PDF and OCR converters write; .doc, .wps and .zip are
            // walked to be named (save as .docx, unpack), each a row of the
            // summary, not skipped with only a word on stderr.
            .is_some_and(|e| {
                matches!(
                    e.to_ascii_lowercase().as_str(),
                    "txt" | "md" | "html" | "htm" | "docx" | "odt" | "rtf" | "pdf" | "doc" | "wps" | "zip"
                )
            })
}

fn walk(dir: &Path, meta: &std::fs::Metadata, seen: &mut Seen, out: &Found, problems: &mut Vec<(usize, PathBuf, String)>) {
    if !seen.dirs.insert(id(meta)) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push((out.len(), dir.to_path_buf(), format!("无法读取目录（{e}）。(Cannot read the directory: {e}.)")));
            return;
        }
    };
    // Sorted by name (the same order as by path, all in one directory); a
    // plain file's facts come from its directory entry, without resolving its
    // path again, and a link's from what it points to.
    let mut entries: Vec<(std::ffi::OsString, std::fs::DirEntry)> = entries.flatten().map(|e| (e.file_name(), e)).collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (_, e) in entries {
        let p = e.path();
        let report = is_report(&p);
        let meta = match e.file_type() {
            Ok(t) if t.is_file() && !report => {
                seen.skipped.push(p);
                continue;
            }
            // A plain file's identity is in its directory entry (its inode, on
            // the directory's device): no call to the system per file.
            Ok(t) if t.is_file() => {
                use std::os::unix::fs::DirEntryExt;
                seen.file((id(meta).0, e.ino()), p, false, out);
                continue;
            }
            Ok(t) if t.is_dir() => e.metadata(),
            _ => std::fs::metadata(&p),
        };
        match meta {
            Ok(m) if m.is_dir() => walk(&p, &m, seen, out, problems),
            Ok(m) if report => seen.file(id(&m), p, true, out),
            Ok(_) => {}
            Err(e) if report => problems.push((out.len(), p, link_problem(&e))),
            Err(_) => {}
        }
    }
}

/// Runs `f` on every item on `jobs` threads (this one among them, once it
/// has done `first`) and hands each result to `take` in item order: the thread that completes the result
/// due next takes it, every later one already waiting and those completed
/// while it takes. Nobody waits for a group of files to finish (which left a
/// core idle behind the longest file of every group), and no thread sleeps
/// and wakes to collect results (a context switch per file). A thread starts
/// an item only while fewer than `window` results wait ahead of the one due
/// (and at most as many are being taken), so memory stays bounded behind a
/// slow file. An error from `take` stops the work after the items in hand. When
/// the system gives fewer threads (a process limit), fewer are used, down to
/// the calling thread alone. `item(i)` is item i (None past the last; it may
/// wait for one still being found), of at most `items`.
#[allow(clippy::too_many_arguments)]
fn in_order<T, R: Send, E: Send>(
    item: impl Fn(usize) -> Option<T> + Sync,
    items: usize,
    jobs: usize,
    window: usize,
    first: impl FnOnce(),
    f: impl Fn(T) -> R + Sync,
    take: impl FnMut(usize, R) -> Result<(), E> + Send,
) -> Result<(), E> {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex};
    struct Due<R, E> {
        /// Results completed, from the one due on (None: not yet).
        waiting: VecDeque<Option<R>>,
        due: usize,
        /// A thread is handing results to `take` (outside the lock).
        taking: bool,
        /// Threads asleep until `due` moves (a wake is a system call: only for them).
        asleep: usize,
        failed: Option<E>,
    }
    let next = AtomicUsize::new(0);
    let state = Mutex::new(Due { waiting: VecDeque::new(), due: 0, taking: false, asleep: 0, failed: None });
    // `take` is called by one thread at a time, without holding `state`: the
    // other threads only leave their results and go on (writing the output
    // under the lock made them sleep on it, and a wake costs tens of
    // microseconds on a virtual machine).
    let take = Mutex::new(take);
    let moved = Condvar::new();
    let lock = || state.lock().expect("no panics while holding the lock");
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(t) = (i < items).then(|| item(i)).flatten() else {
            break;
        };
        {
            let mut st = lock();
            while st.failed.is_none() && i >= st.due + window {
                st.asleep += 1;
                st = moved.wait(st).expect("no panics while holding the lock");
                st.asleep -= 1;
            }
            if st.failed.is_some() {
                break;
            }
        }
        let r = f(t);
        let mut st = lock();
        let k = i - st.due;
        if st.waiting.len() <= k {
            st.waiting.resize_with(k + 1, || None);
        }
        st.waiting[k] = Some(r);
        if st.taking || st.failed.is_some() {
            // The thread taking results takes this one too when it is due.
            continue;
        }
        st.taking = true;
        loop {
            let first = st.due;
            let mut ready = Vec::new();
            while st.waiting.front().is_some_and(Option::is_some) {
                ready.push(st.waiting.pop_front().flatten().expect("looked at"));
            }
            st.due += ready.len();
            if ready.is_empty() {
                st.taking = false;
                break;
            }
            if st.asleep > 0 {
                moved.notify_all();
            }
            drop(st);
            let mut failed = None;
            {
                let mut take = take.lock().expect("no panics while holding the lock");
                for (n, r) in ready.into_iter().enumerate() {
                    if let Err(e) = (*take)(first + n, r) {
                        failed = Some(e);
                        break;
                    }
                }
            }
            st = lock();
            if failed.is_some() {
                st.failed = failed;
                st.taking = false;
                moved.notify_all();
                break;
            }
        }
        if st.failed.is_some() {
            break;
        }
    };
    std::thread::scope(|s| {
        for _ in 1..jobs.min(items) {
            if std::thread::Builder::new().spawn_scoped(s, work).is_err() {
                break;
            }
        }
        first();
        work();
    });
    match state.into_inner().expect("no panics while holding the lock").failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

struct Row {
    file: String,
    organ: String,
    year: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// It could not be read (its organ column says so, its counts are "—").
    unread: bool,
    /// It does not read as a report (`Report::recognised`; likewise).
    not_a_report: bool,
}

/// One file checked: its rendered output (cross-year findings still to come),
/// its summary, where those findings may point, and its rows for `--summary xlsx`.
struct Checked {
    output: Output,
    /// `--previous` was compared with it (last year's report of the same body).
    compared: bool,
    /// Its record for the side file, when the batch is paired (`batch::record`).
    record: Vec<u8>,
    kept: Kept,
}

/// A checked file's output: due now, or (when the batch is paired) as bytes
/// for the spool, made on the thread that checked it.
enum Output {
    Now(batch::Rendered<'static>),
    Spooled(Vec<u8>),
}

/// What is kept of a checked file until the batch is paired.
struct Kept {
    summary: nianbao::summary::Summary,
    /// Where its output waits until the batch is paired (a `batch::Spool`).
    output: Option<(u64, usize)>,
    /// Where its cross-year facts and anchors wait (`batch::record`, in a `batch::Spool`).
    side: Option<(u64, usize)>,
    findings: Vec<Vec<nianbao::export::Cell>>,
    /// Where each of `findings` sorts (`rules::order`): the cross-year ones join them in place.
    finding_order: Vec<u64>,
    /// The file of last year's report it was compared with (X001–X003 ran).
    previous: Option<String>,
    /// A `--previous` that is not last year's report of its body: not compared.
    not_compared: bool,
    /// The other files of the batch with a report of the same body and year (indices into `files`).
    same_year: Vec<usize>,
    /// A file of a batch that does not read as a report
    /// (`Report::recognised`): listed as such, counted neither as a report nor as an error.
    not_a_report: bool,
}

/// Why a file could not be written, in Chinese (the system's words are English).
fn why_not_written(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "所在文件夹不存在".into(),
        PermissionDenied | ReadOnlyFilesystem => "没有写入权限".into(),
        IsADirectory => "这是一个文件夹".into(),
        StorageFull => "磁盘已满".into(),
        _ => format!("系统报告：{e}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn run_check(
    paths: Vec<PathBuf>,
    format: Format,
    previous: Option<PathBuf>,
    min: Severity,
    style: Style,
    jobs: usize,
    summary_to: Option<(batch::SummaryFormat, PathBuf)>,
) -> ExitCode {
    let mut walked = Vec::new();
    let mut skipped = Vec::new();
    // Folders with no last year's report given by hand are walked while the
    // files found are checked (`Found`): their batch is paired, so nothing is
    // written before the walk is over. Else every file is found first.
    let stream = previous.is_none() && paths.iter().any(|p| p.as_os_str() != STDIN && p.is_dir());
    let found = Found::default();
    if !stream {
        collect(&paths, &mut walked, &mut skipped, &found);
    }
    // The summary's file among the reports, by any path: a link to it, or
    // another name of it (a hard link). It is not overwritten.
    let summary_id = summary_to.as_ref().and_then(|(_, to)| std::fs::metadata(to).ok()).map(|m| id(&m));
    let overwrites = |found: &Found| {
        let same = |f: &PathBuf| std::fs::metadata(f).ok().map(|m| id(&m)) == summary_id;
        summary_id.is_some() && found.lock().files.iter().chain(previous.as_ref()).any(same)
    };
    let not_overwritten = |to: &Path| {
        eprintln!(
            "nianbao: --summary：“{}”是要检查的报告，未覆盖它; the summary's file is one of the reports: not overwritten",
            escape(&to.display().to_string())
        );
        ExitCode::from(2)
    };
    // What could not be read or written, each with where it is said among the
    // others (before file k, its own file k, or after all): stderr in input order.
    let mut problems: Vec<((usize, u8), PathBuf, String)> = Vec::new();
    if let Some((_, to)) = &summary_to {
        if !stream && overwrites(&found) {
            return not_overwritten(to);
        }
        // A summary that cannot be written is said before a long batch runs,
        // not after it (a folder that does not exist, no permission). Opened
        // without truncating; a file made only to try is removed again.
        let existed = std::fs::symlink_metadata(to).is_ok();
        if let Err(e) = std::fs::OpenOptions::new().append(true).create(true).open(to) {
            eprintln!(
                "nianbao: --summary {}: 无法写入汇总（{}）; cannot write the summary: {e}",
                escape(&to.display().to_string()),
                why_not_written(&e)
            );
            return ExitCode::from(2);
        }
        if !existed {
            let _ = std::fs::remove_file(to);
        }
    }
    // Last year's report given by hand: summarised once, paired with each
    // file that it is last year's report of (the test a batch pairs by).
    let prev = match &previous {
        Some(p) => match read_document(p) {
            Ok(doc) => {
                let (_, s) = check_summarised(nianbao::Source::new(doc.text()), Vec::new(), None);
                Some(s)
            }
            Err(e) => {
                let e = e.to_string();
                let (zh, en) = nianbao::json::sentences(&e);
                eprintln!("nianbao: --previous {}: 上年报告：{zh}(Last year's report: {en})", escape(&p.display().to_string()));
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let kind = if format == Format::Text { batch::Kind::Text } else { batch::Kind::Json };
    // Reports of one body in consecutive years are paired once all are checked;
    // until then each output waits in a spool (`batch::Spool`).
    let pairing = prev.is_none() && (stream || found.len() > 1);
    let want_findings = summary_to.as_ref().is_some_and(|s| s.0 == batch::SummaryFormat::Xlsx);
    // Summaries and finding lists follow --lang, like the text output.
    let lang = if style.english { nianbao::export::Lang::En } else { nianbao::export::Lang::Zh };

    // Not locked for the whole run: whichever thread checked a report writes it.
    // Written in large pieces: a batch's output is megabytes (a write per 8 KB was 1,800 system calls for 900 reports).
    let mut out = std::io::BufWriter::with_capacity(256 << 10, std::io::stdout());
    // The first error writing the output (a full disk): the run fails with it.
    let failed_write = std::sync::Mutex::new(None::<std::io::Error>);
    let keep = |r: std::io::Result<()>| {
        if let Err(e) = r {
            failed_write.lock().expect("no panics while holding the lock").get_or_insert(e);
        }
    };
    let mut first_json = true;
    // A report's output in its pieces (`batch::Finished`), each written as it is.
    let mut emit = |out: &mut std::io::BufWriter<std::io::Stdout>, text: &str, tail: &str| {
        if format == Format::Json && !std::mem::replace(&mut first_json, false) {
            keep(out.write_all(b","));
        }
        keep(out.write_all(text.as_bytes()));
        keep(out.write_all(tail.as_bytes()));
        if format == Format::Jsonl {
            keep(out.write_all(b"\n"));
        }
    };
    // An array whenever several reports could be meant (several files, or a
    // directory however many it holds): a reader's code gets one shape.
    let array = stream || found.len() + walked.len() > 1 || paths.iter().any(|p| p.is_dir());
    // In JSON every path given has its entry in its place: a report's
    // document, or what could not be read and why (`json::unreadable`).
    let json = kind == batch::Kind::Json;
    let mut walked_at = 0;
    if format == Format::Json && array {
        keep(write!(out, "["));
    }
    let mut spill = pairing.then(|| batch::Spool::new("outputs", batch::SPOOL_MEMORY));
    let mut side = pairing.then(|| batch::Spool::new("pairs", batch::SPOOL_MEMORY));
    // Per file in input order: its summary (None when it could not be read) and what pairing needs.
    let mut done: Vec<Option<Kept>> = Vec::new();
    let mut unread: Vec<Option<String>> = Vec::new();
    // `--previous` as each report's output names it.
    let previous_file = previous.as_ref().map(|p| p.display().to_string());
    let check_one = |path: &PathBuf| -> Result<Checked, InputError> {
        let doc = if path.as_os_str() == STDIN { nianbao::input::read_stdin()? } else { read_document(path)? };
        let (source, notes, layout) = match doc {
            Document::Text(input) => (nianbao::Source::from_string(input.text), input.notes, None),
            Document::Pdf(layout) => (nianbao::Source::new(&layout.text), Vec::new(), Some(layout)),
        };
        let mut compared = false;
        let (mut o, summary) = match prev.as_ref() {
            Some(before) => {
                let (o, s, paired) = nianbao::check_after(source, notes, before);
                compared = paired;
                if !paired {
                    let who = |s: &nianbao::summary::Summary| {
                        format!("{} {}", s.organ.as_deref().unwrap_or("?"), s.year.map(|y| y.to_string()).unwrap_or_else(|| "?".into()))
                    };
                    eprintln!(
                        "nianbao: {}: --previous 不是同一机关上一年度的报告（本报告：{}；上年报告：{}），未做跨年度检查（X001–X003）; --previous is not last year's report of the same body (this report: {1}; last year's: {2}): X001–X003 not run",
                        escape(&path.display().to_string()),
                        escape(&who(&s)),
                        escape(&who(before))
                    );
                }
                (o, s)
            }
            None => check_summarised(source, notes, None),
        };
        if layout.is_some() {
            o.layout = layout;
        }
        let path = path.display().to_string();
        // Alone, a file is checked as the report it was given as; in a batch,
        // one that does not read as a report is set apart.
        let not_a_report = array && !o.report.recognised();
        let want_findings = want_findings && !not_a_report;
        let finding_order = if want_findings { o.diagnostics.iter().map(nianbao::rules::order).collect() } else { Vec::new() };
        let findings = if want_findings {
            // A page only for a PDF (`place` finds none in text).
            let page = |s: nianbao::Span| o.place(s).map(|p| p.0);
            let line = |s: nianbao::Span| Some(o.source.line_col(s.start).0);
            nianbao::export::finding_rows(&path, &summary, &o.diagnostics, lang, Some(&line), Some(&page))
        } else {
            Vec::new()
        };
        Ok(Checked {
            compared,
            output: match if not_a_report && kind == batch::Kind::Text {
                batch::not_a_report(&path, style)
            } else {
                batch::render(&o, &path, kind, min, style)
            } {
                r if pairing => Output::Spooled(r.to_bytes()),
                r => Output::Now(r),
            },
            record: if pairing { batch::record(&summary.years, &batch::anchors(&o, &summary, kind)) } else { Vec::new() },
            kept: Kept {
                summary,
                output: None,
                side: None,
                findings,
                finding_order,
                previous: None,
                not_compared: false,
                same_year: Vec::new(),
                not_a_report,
            },
        })
    };
    // What the walk finds meanwhile (`stream`), and whether it found the summary's file among the reports.
    let (mut walked_late, mut skipped_late, mut overwrote) = (Vec::new(), Vec::new(), false);
    let walk_meanwhile = || {
        if stream {
            collect(&paths, &mut walked_late, &mut skipped_late, &found);
            if overwrites(&found) {
                found.stop();
                overwrote = true;
            }
        }
    };
    let check_found = |path: PathBuf| {
        let r = check_one(&path);
        (path, r)
    };
    // Each result in input order, as soon as it is due.
    let take = |i: usize, (path, r): (PathBuf, Result<Checked, InputError>)| {
        if json && spill.is_none() {
            for (_, p, why) in walked_due(&walked, &mut walked_at, i) {
                emit(&mut out, &nianbao::json::unreadable(&p.display().to_string(), why), "");
            }
        }
        match r {
            Ok(c) => {
                let Checked { output, record, mut kept, compared } = c;
                let previous = previous_file.as_deref().map(|file| batch::Previous { file, compared });
                kept.previous = previous_file.clone().filter(|_| compared);
                kept.not_compared = previous_file.is_some() && !compared;
                match (&mut spill, &mut side, output) {
                    (Some(spill), Some(side), Output::Spooled(bytes)) => {
                        match spill.put(bytes).and_then(|out| Ok((out, side.put(record)?))) {
                            Ok((out, at)) => {
                                kept.output = Some(out);
                                kept.side = Some(at);
                            }
                            Err(e) => {
                                eprintln!("nianbao: cannot keep the output until the batch is paired: {e}");
                                return Err(ExitCode::from(2));
                            }
                        }
                        // Only the small part of the summary stays in memory.
                        kept.summary.years = Default::default();
                    }
                    (_, _, Output::Now(r)) => {
                        let f = batch::finish(r, &[], &[], &path.display().to_string(), previous, &[], kind, min, style);
                        emit(&mut out, &f.body, &f.tail);
                        // Each report's output as soon as it is due (a reader of the stream sees progress).
                        keep(out.flush());
                    }
                    // Spooled only when the batch is paired, which made the spools.
                    (_, _, Output::Spooled(bytes)) => match batch::Rendered::from_bytes(&bytes) {
                        Ok(r) => {
                            let f = batch::finish(r, &[], &[], &path.display().to_string(), previous, &[], kind, min, style);
                            emit(&mut out, &f.body, &f.tail)
                        }
                        Err(e) => eprintln!("nianbao: {e}"),
                    },
                }
                done.push(Some(kept));
                unread.push(None);
            }
            Err(e) => {
                let why = e.to_string();
                // In its place now, unless the outputs wait for pairing.
                if json && spill.is_none() {
                    emit(&mut out, &nianbao::json::unreadable(&path.display().to_string(), &why), "");
                }
                problems.push(((i, 1), path, why.clone()));
                unread.push(Some(why));
                done.push(None);
            }
        }
        Ok(())
    };
    // As many threads as files when they are all found already (one file: no second thread).
    let at_most = if stream { usize::MAX } else { found.len() };
    let checked = in_order(|i| found.get(i), at_most, jobs, jobs * 8, walk_meanwhile, check_found, take);
    if let Err(code) = checked {
        return code;
    }
    if let (true, Some((_, to))) = (overwrote, &summary_to) {
        // Nothing written: the array's opening bracket waits in the buffer, dropped unwritten.
        drop(out.into_parts());
        return not_overwritten(to);
    }
    if stream {
        (walked, skipped) = (walked_late, skipped_late);
    }
    problems.extend(walked.iter().map(|(k, p, why)| ((*k, 0), p.clone(), why.clone())));
    let files = found.into_files();

    // Each name made once: a body's copies each list all the others (n² names).
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    // Pairing on the summaries, then every output in input order.
    if let (Some(mut spill), Some(mut side)) = (spill, side) {
        // A file that is no report is nobody's report of a year (a portal page
        // listing reports carries their titles): never paired, never a twin;
        // nor is a report whose own years disagree (`pairing_key`).
        let keys: Vec<nianbao::summary::Key> =
            done.iter().map(|d| d.as_ref().filter(|k| !k.not_a_report).map(|k| k.summary.pairing_key()).unwrap_or((None, None))).collect();
        let pairs = nianbao::summary::pairs(&keys);
        let twins_of = nianbao::export::same_year(&keys);
        let names = &names;
        let listed: Vec<String> = names.iter().map(|n| batch::listed(n, kind)).collect();
        if let Err(e) = side.flush_writes().and_then(|_| spill.flush_writes()) {
            eprintln!("nianbao: cannot keep the output until the batch is paired: {e}");
            return ExitCode::from(2);
        }
        // Each report's output, with its cross-year findings when it has a
        // pair (X003 compares the two years' texts), made on every core; then
        // written in input order.
        let sides: Vec<Option<(u64, usize)>> = done.iter().map(|d| d.as_ref().and_then(|k| k.side)).collect();
        let outputs: Vec<Option<(u64, usize)>> = done.iter().map(|d| d.as_ref().and_then(|k| k.output)).collect();
        let (spill, side) = (&spill, &side);
        /// A report's output as written (in two pieces: `batch::Finished`), its
        /// cross-year findings and the file they compared it with.
        struct Finished<'s> {
            text: batch::Finished<'s>,
            later: Vec<nianbao::Diagnostic>,
            previous: Option<String>,
            same_year: Vec<usize>,
            /// Where the cross-year findings point: (span, line, page).
            places: Vec<(nianbao::Span, usize, Option<u32>)>,
        }
        let finished = |i: usize| -> Result<Option<Finished>, String> {
            let Some(at) = outputs[i] else { return Ok(None) };
            let (later, anchors) = match (pairs[i], sides[i], pairs[i].and_then(|j| sides[j])) {
                (Some(_), Some(now), Some(before)) => {
                    let facts = || {
                        let (before, _) = batch::from_record(&side.get(before)?)?;
                        let (now, anchors) = batch::from_record(&side.get(now)?)?;
                        Ok::<_, std::io::Error>((nianbao::rules::cross_year_findings(&now, &before), anchors))
                    };
                    facts().map_err(|e| format!("cannot read back the batch's pairing facts: {e}"))?
                }
                _ => (Vec::new(), Vec::new()),
            };
            // Borrowed from the spool when it is in memory: finished and written without another copy.
            let unread = |e: std::io::Error| format!("cannot read back the batch's output: {e}");
            let rendered = batch::Rendered::from_spool(spill.get(at).map_err(unread)?).map_err(unread)?;
            // Said only when the cross-year rules ran on the pair (both were read back).
            let previous = pairs[i].filter(|&j| sides[i].is_some() && sides[j].is_some()).map(|j| names[j].clone());
            let said = previous.as_deref().map(|file| batch::Previous { file, compared: true });
            let twins: Vec<&str> = twins_of[i].iter().map(|&j| listed[j].as_str()).collect();
            let text = batch::finish(rendered, &later, &anchors, &names[i], said, &twins, kind, min, style);
            let places = if want_findings { batch::places(&anchors) } else { Vec::new() };
            Ok(Some(Finished { text, later, previous, same_year: twins_of[i].clone(), places }))
        };
        let take = |i: usize, found: Result<Option<Finished>, String>| {
            let found = found?;
            if json {
                for (_, p, why) in walked_due(&walked, &mut walked_at, i) {
                    emit(&mut out, &nianbao::json::unreadable(&p.display().to_string(), why), "");
                }
            }
            let Some(Kept { summary, findings, finding_order, previous, same_year, .. }) = &mut done[i] else {
                if let (Some(why), true) = (&unread[i], json) {
                    emit(&mut out, &nianbao::json::unreadable(&files[i].display().to_string(), why), "");
                }
                return Ok(());
            };
            let Some(Finished { text, later, previous: compared_with, same_year: twin, places }) = found else { return Ok(()) };
            emit(&mut out, &text.body, &text.tail);
            (*previous, *same_year) = (compared_with, twin);
            summary.add_findings(&later);
            if want_findings {
                let place = |s: nianbao::Span| places.iter().find(|p| p.0 == s);
                let (line, page) = (|s| place(s).map(|p| p.1), |s| place(s).and_then(|p| p.2));
                let rows = nianbao::export::finding_rows(&files[i].display().to_string(), summary, &later, lang, Some(&line), Some(&page));
                // Each in its place among the report's own, as a check that made them all lists them.
                for (d, row) in later.iter().zip(rows) {
                    let key = nianbao::rules::order(d);
                    let at = finding_order.partition_point(|&k| k <= key);
                    finding_order.insert(at, key);
                    findings.insert(at, row);
                }
            }
            Ok::<_, String>(())
        };
        let emitted = in_order(|i| (i < pairs.len()).then_some(i), pairs.len(), jobs, jobs * 64, || {}, finished, take);
        if let Err(e) = emitted {
            eprintln!("nianbao: {e}");
            return ExitCode::from(2);
        }
    }
    if json {
        for (_, p, why) in walked_due(&walked, &mut walked_at, usize::MAX) {
            emit(&mut out, &nianbao::json::unreadable(&p.display().to_string(), why), "");
        }
    }
    if format == Format::Json {
        keep(if array { writeln!(out, "]") } else { writeln!(out) });
    }
    // Every path given, in its place: the reports, and what could not be read.
    // A file set apart: not read, or no report. Its organ column says which; its counts are "—".
    let apart_row = |file: &Path, unread: bool| Row {
        file: file.display().to_string(),
        organ: if unread { "无法读取 unreadable" } else { "不像年报 not a report" }.into(),
        year: "—".into(),
        errors: 0,
        warnings: 0,
        infos: 0,
        unread,
        not_a_report: !unread,
    };
    let unread_row = |file: &Path| apart_row(file, true);
    let mut rows: Vec<Row> = Vec::with_capacity(files.len() + walked.len());
    let mut at = 0;
    for (i, (d, f)) in done.iter().zip(&files).enumerate() {
        rows.extend(walked_due(&walked, &mut at, i).iter().map(|(_, p, _)| unread_row(p)));
        rows.push(match d {
            Some(Kept { not_a_report: true, .. }) => apart_row(f, false),
            Some(Kept { summary: s, .. }) => Row {
                file: names[i].clone(),
                organ: s.organ.clone().unwrap_or_else(|| "—".into()),
                year: s.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
                errors: s.errors,
                warnings: s.warnings,
                infos: s.infos,
                unread: false,
                not_a_report: false,
            },
            None => unread_row(f),
        });
    }
    rows.extend(walked_due(&walked, &mut at, usize::MAX).iter().map(|(_, p, _)| unread_row(p)));
    if format == Format::Text && rows.len() > 1 {
        keep(write!(out, "{}", table(&rows, style)));
    }
    keep(out.flush());
    let any_error = rows.iter().any(|r| r.errors > 0);
    if let Some((fmt, to)) = &summary_to {
        let mut summary_rows = Vec::new();
        let mut finding_rows = Vec::new();
        // What could not be walked (a link to nothing, a path that does not
        // exist, a folder not readable) has its row in its place, as in the
        // text table: a summary handed on lists every path given.
        let problem_row = |path: &Path, why: &str| {
            let (zh, en) = nianbao::json::sentences(why);
            nianbao::export::problem_row(&path.display().to_string(), if style.english { en } else { zh })
        };
        let mut walked_at = 0;
        for (i, ((d, why), path)) in done.iter_mut().zip(&unread).zip(&names).enumerate() {
            summary_rows.extend(walked_due(&walked, &mut walked_at, i).iter().map(|(_, p, why)| problem_row(p, why)));
            match (d, why) {
                (Some(Kept { not_a_report: true, .. }), _) => {
                    summary_rows.push(nianbao::export::problem_row(path, &nianbao::messages::desk::NOT_A_REPORT.say(style.english, &[])));
                }
                (Some(Kept { summary: s, findings, previous, same_year, not_compared, .. }), _) => {
                    let twins: Vec<&str> = same_year.iter().map(|&j| names[j].as_str()).collect();
                    let mut row = nianbao::export::summary_row(path, s, lang, previous.as_deref(), &twins);
                    if let Some(file) = previous_file.as_deref().filter(|_| *not_compared) {
                        let said = style.text(nianbao::messages::cli::NOT_PAIRED, &[nianbao::messages::Arg::text(file)]);
                        nianbao::export::add_remark(&mut row, lang, &said);
                    }
                    summary_rows.push(row);
                    finding_rows.append(findings);
                }
                // Why, in the summary's language (the reader's words are in both).
                (None, Some(why)) => summary_rows.push(problem_row(Path::new(path), why)),
                (None, None) => {}
            }
        }
        summary_rows.extend(walked_due(&walked, &mut walked_at, usize::MAX).iter().map(|(_, p, why)| problem_row(p, why)));
        if let Err(e) = batch::write_summary(to, *fmt, lang, &summary_rows, &finding_rows) {
            problems.push((
                (usize::MAX, 2),
                to.clone(),
                format!("无法写入汇总（{}）。(Cannot write the summary: {e}.)", why_not_written(&e)),
            ));
        }
    }
    // Said as the browser says it: how many, and the first few by name.
    if !skipped.is_empty() {
        let names: Vec<String> = skipped.iter().take(3).map(|p| escape(&p.display().to_string()).into_owned()).collect();
        let more = if skipped.len() > 3 { "…" } else { "" };
        let [zh, en] = [false, true].map(|english| {
            let shown = names.join(nianbao::messages::desk::LIST_SEP.template(english)) + more;
            Style { english, ..style }.text(nianbao::messages::cli::SKIPPED, &[skipped.len().into(), nianbao::messages::Arg::text(&shown)])
        });
        eprintln!("nianbao: {zh}; {en}");
    }
    problems.sort_by_key(|p| p.0);
    for (_, p, why) in &problems {
        eprintln!("nianbao: {}: {}", escape(&p.display().to_string()), escape(why));
    }
    let mut none = files.is_empty() && problems.is_empty();
    if none {
        eprintln!("nianbao: 未找到可检查的报告（.txt、.md、.html、.htm、.docx、.odt、.rtf、.pdf）; 0 reports checked: no .txt, .md, .html, .htm, .docx, .odt, .rtf or .pdf file found");
    }
    // Files, but not one report among them (a wrong folder): no pass either.
    let not_reports = rows.iter().filter(|r| r.not_a_report).count();
    if not_reports > 0 && rows.iter().all(|r| r.not_a_report || r.unread) {
        let [zh, en] =
            [false, true].map(|english| Style { english, ..style }.text(nianbao::messages::cli::NO_REPORTS, &[not_reports.into()]));
        eprintln!("nianbao: {zh}; {en}");
        none = true;
    }
    if let Some(e) = failed_write.into_inner().ok().flatten().filter(|e| e.kind() != std::io::ErrorKind::BrokenPipe) {
        // A full disk or a closed file must not pass for a clean run.
        eprintln!("nianbao: 无法写出结果（{e}）; cannot write the output: {e}");
        return ExitCode::from(2);
    }
    if !problems.is_empty() || none {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn table(rows: &[Row], style: Style) -> String {
    use render::{display_width, pad};
    let head = ["文件 file", "机关 organ", "年度 year", "错误 errors", "警告 warnings", "提示 notes"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let count = |n: usize| if r.unread || r.not_a_report { "—".to_string() } else { n.to_string() };
            [
                escape(&r.file).into_owned(),
                escape(&r.organ).into_owned(),
                r.year.clone(),
                count(r.errors),
                count(r.warnings),
                count(r.infos),
            ]
        })
        .collect();
    let widths: Vec<usize> =
        (0..6).map(|c| cells.iter().map(|r| display_width(&r[c])).chain([display_width(head[c])]).max().unwrap_or(0)).collect();
    let line = |cols: [&str; 6]| -> String {
        cols.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect::<Vec<_>>().join("  ").trim_end().to_string() + "\n"
    };
    let mut s = line(head);
    s.push_str(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("  "));
    s.push('\n');
    for r in &cells {
        s.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]));
    }
    let (e, w, n): (usize, usize, usize) =
        (rows.iter().map(|r| r.errors).sum(), rows.iter().map(|r| r.warnings).sum(), rows.iter().map(|r| r.infos).sum());
    let bad = rows.iter().filter(|r| r.errors > 0).count();
    let reports = rows.iter().filter(|r| !r.unread && !r.not_a_report).count();
    s.push_str(&format!("\n{}\n", style.text(nianbao::messages::cli::BATCH, &[reports.into(), bad.into(), e.into(), w.into(), n.into()])));
    // The table lists them too: the counts say that its rows are not all reports.
    for (n, said) in [
        (rows.iter().filter(|r| r.unread).count(), nianbao::messages::cli::NOT_READ),
        (rows.iter().filter(|r| r.not_a_report).count(), nianbao::messages::cli::NOT_REPORTS),
    ] {
        if n > 0 {
            s.push_str(&style.text(said, &[n.into()]));
            s.push('\n');
        }
    }
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

#[cfg(test)]
mod tests {
    use super::in_order;

    /// Items of uneven cost, so that results complete out of order.
    fn busy(i: &u64) -> u64 {
        let mut x = *i;
        for _ in 0..(i * 7919 % 13) * 20_000 {
            x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        }
        *i
    }

    #[test]
    fn every_result_is_taken_once_in_item_order_whatever_the_jobs() {
        let items: Vec<u64> = (0..300).collect();
        for jobs in [1, 2, 3, 8] {
            for window in [1, 4, 64] {
                let mut taken = Vec::new();
                let r: Result<(), ()> = in_order(
                    |i| items.get(i),
                    items.len(),
                    jobs,
                    window,
                    || {},
                    busy,
                    |i, v| {
                        assert_eq!(i as u64, v, "result {v} handed over as item {i}");
                        taken.push(i);
                        Ok(())
                    },
                );
                assert!(r.is_ok());
                assert_eq!(taken, (0..300).collect::<Vec<_>>(), "{jobs} jobs, window {window}");
            }
        }
    }

    /// Files found while the batch runs are each checked once, in order, and
    /// none listed by a link is checked before its own name may replace it.
    #[test]
    fn files_found_while_they_are_checked_are_each_checked_once_under_their_names() {
        use super::Found;
        use std::path::PathBuf;
        for jobs in [1, 2, 4] {
            let found = Found::default();
            let mut taken = Vec::new();
            let walk = || {
                found.push(PathBuf::from("link to 0"), true);
                for k in 1..300 {
                    found.push(PathBuf::from(k.to_string()), false);
                }
                found.replace(0, PathBuf::from("0"));
                found.push(PathBuf::from("a link to a file elsewhere"), true);
                found.finish();
            };
            let r: Result<(), ()> = in_order(
                |i| found.get(i),
                usize::MAX,
                jobs,
                8,
                walk,
                |p: PathBuf| p,
                |i, p| {
                    let want = if i == 300 { "a link to a file elsewhere".to_string() } else { i.to_string() };
                    assert_eq!(p, PathBuf::from(want));
                    taken.push(i);
                    Ok(())
                },
            );
            assert!(r.is_ok());
            assert_eq!(taken, (0..=300).collect::<Vec<_>>(), "{jobs} jobs");
        }
    }

    #[test]
    fn an_error_from_take_stops_the_taking_and_is_returned() {
        let items: Vec<u64> = (0..300).collect();
        for jobs in [1, 2, 4] {
            let mut taken = Vec::new();
            let r = in_order(
                |i| items.get(i),
                items.len(),
                jobs,
                8,
                || {},
                busy,
                |i, _| {
                    taken.push(i);
                    if i == 40 {
                        Err("full disk")
                    } else {
                        Ok(())
                    }
                },
            );
            assert_eq!(r, Err("full disk"));
            assert_eq!(taken, (0..=40).collect::<Vec<_>>(), "nothing is taken after the error ({jobs} jobs)");
        }
    }
}
