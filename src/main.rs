//! The `styrdok` command line: parses arguments and calls the library.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use styrdok::diagnostics::{self, Diagnostics, Format};

#[derive(Parser)]
#[command(
    name = "styrdok",
    version,
    about = "Build the governing documents and training of an information-security management system into a static site"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default ROOT/public).
    Build(BuildArgs),
    /// Validate the site and report every problem, writing nothing.
    Check(CheckArgs),
}

#[derive(clap::Args)]
struct BuildArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The output folder (default: ROOT/public).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also publish documents with status draft or review (a preview).
    #[arg(long)]
    drafts: bool,
    /// Use this base URL instead of site.yaml's base_url.
    #[arg(long)]
    base_url: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
    Github,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// How to print problems.
    #[arg(long, value_enum, default_value = "text")]
    format: FormatArg,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
}

/// `STYRDOK_TODAY=YYYY-MM-DD` fixes the day review dates are measured
/// against, for reproducible output and tests.
fn today() -> Result<Option<styrdok::model::Date>, String> {
    match std::env::var("STYRDOK_TODAY") {
        Ok(v) if !v.is_empty() => styrdok::model::Date::parse_from_str(&v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("STYRDOK_TODAY must be a date YYYY-MM-DD, not `{v}`")),
        _ => Ok(None),
    }
}

fn root_is_usable(root: &std::path::Path) -> Result<(), String> {
    if root.is_dir() {
        Ok(())
    } else {
        Err(format!(
            "the site folder `{}` does not exist",
            root.display()
        ))
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

fn print_summary(diags: &Diagnostics) {
    let (e, w, n) = (
        diags.error_count(),
        diags.warning_count(),
        diags.note_count(),
    );
    if e + w + n > 0 {
        let notes = if n > 0 {
            format!(", {n} note(s)")
        } else {
            String::new()
        };
        eprintln!("{e} error(s), {w} warning(s){notes}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = match today() {
        Ok(t) => t,
        Err(msg) => return usage_error(&msg),
    };
    match cli.command {
        Command::Build(args) => {
            if let Err(msg) = root_is_usable(&args.root) {
                return usage_error(&msg);
            }
            let options = styrdok::BuildOptions {
                root: args.root,
                out: args.out,
                drafts: args.drafts,
                base_url: args.base_url,
                today,
            };
            match styrdok::build(&options) {
                Ok(report) => {
                    eprint!("{}", diagnostics::format(&report.diagnostics, Format::Text));
                    print_summary(&report.diagnostics);
                    eprintln!(
                        "Built {} pages into {} in {} ms{}",
                        report.pages,
                        report.out.display(),
                        report.elapsed.as_millis(),
                        if options.drafts { " (with drafts)" } else { "" }
                    );
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    eprint!("{}", diagnostics::format(&diags, Format::Text));
                    print_summary(&diags);
                    eprintln!("Build failed; the output folder was left as it was.");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check(args) => {
            if let Err(msg) = root_is_usable(&args.root) {
                return usage_error(&msg);
            }
            let diags = styrdok::check(&args.root, args.strict, today);
            let format = match args.format {
                FormatArg::Text => Format::Text,
                FormatArg::Json => Format::Json,
                FormatArg::Github => Format::Github,
            };
            match format {
                Format::Text => {
                    eprint!("{}", diagnostics::format(&diags, format));
                    print_summary(&diags);
                    if diags.is_empty() {
                        eprintln!("No problems found.");
                    }
                }
                _ => print!("{}", diagnostics::format(&diags, format)),
            }
            if diags.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}
