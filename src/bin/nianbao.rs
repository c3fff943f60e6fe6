//! The command line: `nianbao check FILE… --format json`.

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "检查政府信息公开工作年度报告 / Check government information-disclosure annual reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check one or more reports.
    Check {
        /// Report files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { files, format } => {
            let mut outs = Vec::new();
            for f in &files {
                let bytes = match std::fs::read(f) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("nianbao: cannot read {}: {e}", f.display());
                        return ExitCode::from(2);
                    }
                };
                let text = match String::from_utf8(bytes) {
                    Ok(t) => t,
                    Err(_) => {
                        eprintln!("nianbao: {} is not UTF-8 text", f.display());
                        return ExitCode::from(2);
                    }
                };
                outs.push(nianbao::check(&text));
            }
            match format {
                Format::Json => {
                    let docs: Vec<String> = outs.iter().map(|o| o.to_json()).collect();
                    if docs.len() == 1 {
                        println!("{}", docs[0]);
                    } else {
                        println!("[{}]", docs.join(","));
                    }
                }
                Format::Text => {
                    for (f, o) in files.iter().zip(&outs) {
                        println!("{}: {} diagnostics", f.display(), o.diagnostics.len());
                    }
                }
            }
            ExitCode::SUCCESS
        }
    }
}
