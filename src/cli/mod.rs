//! The command line's shape (part of the binary, not the library): the
//! commands and options, parsed by clap, with every help text and clap's
//! own words in the command line's language ([`help`], [`swedish`]).
//!
//! The language must be known before clap parses, so that `--help` and a
//! usage error speak it too: [`language_before_parsing`] reads `--lang`,
//! `STYRDOK_LANG` and the `language` of the site `--root` names (or the
//! current folder) from the raw arguments, with the same precedence the
//! rest of the command line uses ([`messages::resolve`]).

mod help;
mod swedish;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use styrdok::messages::{self, Language};

/// The parsed command line; on `--help`, `--version` or a usage error,
/// prints in the command line's language and exits (0, or 2 for an error).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = language_before_parsing(&args, std::env::var("STYRDOK_LANG").ok().as_deref());
    let mut cmd = command(lang);
    let parsed = cmd
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => cli,
        Err(error) if lang == Language::Sv => {
            error.format(&mut cmd).apply::<swedish::Errors>().exit()
        }
        Err(error) => error.format(&mut cmd).exit(),
    }
}

/// The clap command with its help texts in `lang`.
pub fn command(lang: Language) -> clap::Command {
    let mut cmd = localize(Cli::command(), "", lang);
    cmd.build();
    match lang {
        Language::Sv => swedish::frame(cmd),
        Language::En => cmd,
    }
}

/// Sets the about and option help texts of `cmd` (named `path`) and its
/// subcommands from the catalogue.
fn localize(mut cmd: clap::Command, path: &str, lang: Language) -> clap::Command {
    if let Some(about) = help::about(path) {
        cmd = cmd.about(about.render(lang));
    }
    for id in arg_ids(&cmd) {
        if let Some(text) = help::option(path, &id) {
            cmd = cmd.mut_arg(id, |a| a.help(text.render(lang)));
        }
    }
    for name in subcommand_names(&cmd) {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name, |s| localize(s, &sub_path, lang));
    }
    cmd
}

/// The ids of `cmd`'s options, owned, so `cmd` can change while they are
/// walked.
fn arg_ids(cmd: &clap::Command) -> Vec<String> {
    cmd.get_arguments()
        .map(|a| a.get_id().to_string())
        .collect()
}

/// The names of `cmd`'s subcommands, owned like [`arg_ids`].
fn subcommand_names(cmd: &clap::Command) -> Vec<String> {
    cmd.get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect()
}

/// `--lang`, else `env` (`STYRDOK_LANG`), else the language of the site in
/// `--root` (default: the current folder), read from the raw arguments.
pub fn language_before_parsing(args: &[OsString], env: Option<&str>) -> Language {
    let flag = value_of(args, "--lang").and_then(|v| messages::parse(&v));
    let root = value_of(args, "--root").unwrap_or_else(|| ".".to_string());
    let site = styrdok::config::language_of(Path::new(&root));
    messages::resolve(flag, env, site)
}

/// The value of `--name VALUE` or `--name=VALUE`, the last one given.
fn value_of(args: &[OsString], name: &str) -> Option<String> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut found = None;
    for (i, arg) in args.iter().enumerate() {
        if arg == "--" {
            break;
        }
        if arg == name {
            found = args.get(i + 1).cloned();
        } else if let Some(value) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            found = Some(value.to_string());
        }
    }
    found
}

#[derive(Parser)]
#[command(name = "styrdok", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Sv,
    En,
}

#[derive(Subcommand)]
pub enum Command {
    Build(BuildArgs),
    Check(CheckArgs),
    Serve(ServeArgs),
    New(NewArgs),
    Init(InitArgs),
    Report(ReportArgs),
    Export(ExportArgs),
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub what: ExportWhat,
}

#[derive(Subcommand)]
pub enum ExportWhat {
    Scorm(ExportScormArgs),
}

#[derive(clap::Args)]
pub struct ExportScormArgs {
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportFormatArg {
    Md,
    Csv,
    Html,
}

#[derive(clap::Args)]
pub struct ReportArgs {
    #[arg(long, value_name = "FILE.csv|FILE.json")]
    pub completions: PathBuf,
    #[arg(long, value_name = "FILE.csv")]
    pub roster: Option<PathBuf>,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReportFormatArg,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    #[arg(long)]
    pub drafts: bool,
    #[arg(long)]
    pub poll: bool,
}

/// A document type, by its English name (as in front matter) or its
/// Swedish one (SPEC §7), which is its first alias.
#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Policy,
    #[value(alias = "riktlinje")]
    Guideline,
    #[value(alias = "regel")]
    Rule,
    #[value(aliases = ["modul", "utbildning"])]
    Module,
    #[value(aliases = ["utbildningsväg", "utbildningsvag"])]
    Path,
    #[value(alias = "sida")]
    Page,
}

#[derive(clap::Args)]
pub struct NewArgs {
    #[arg(value_enum)]
    pub kind: KindArg,
    pub path: PathBuf,
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long)]
    pub parent: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(clap::Args)]
pub struct InitArgs {
    pub dir: PathBuf,
    #[arg(long)]
    pub theme: bool,
}

#[derive(clap::Args)]
pub struct BuildArgs {
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub drafts: bool,
    #[arg(long)]
    pub base_url: Option<String>,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_name = "FILE.csv")]
    pub completions: Option<PathBuf>,
    #[arg(long, value_name = "FILE.csv", requires = "completions")]
    pub roster: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
    Github,
    Sarif,
    Gitlab,
    Azure,
    Summary,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: FormatArg,
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_name = "GIT-REV")]
    pub base: Option<String>,
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

#[cfg(test)]
mod tests;
