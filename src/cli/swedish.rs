//! clap's own words in Swedish: the headings, usage line, notes and flags
//! of `--help` ([`frame`]) and its usage errors ([`Errors`]). clap has no
//! translations, but it lets a program set every heading and help text and
//! format its errors itself from their kind and context.

use super::{arg_ids, help, subcommand_names};
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, Command};
use styrdok::messages::{Language, Message};
use styrdok::t;

fn sv(message: Message) -> String {
    message.render(Language::Sv)
}

/// A built command with clap's frame in Swedish, its subcommands too.
pub fn frame(mut cmd: Command) -> Command {
    if cmd.get_name() == "help" {
        cmd = cmd.about(sv(help::frame("help command")));
    }
    for id in arg_ids(&cmd) {
        cmd = cmd.mut_arg(id, option);
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", "[FLAGGOR]")
        .replace("<COMMAND>", "<KOMMANDO>");
    cmd = cmd
        .override_usage(usage)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            sv(help::frame("usage"))
        ))
        .subcommand_help_heading(sv(help::frame("commands")))
        .subcommand_value_name("KOMMANDO");
    for name in subcommand_names(&cmd) {
        cmd = cmd.mut_subcommand(name, frame);
    }
    cmd
}

/// The Swedish placeholder for a value in the usage line and help.
fn value_name(english: &str) -> Option<&'static str> {
    Some(match english {
        "ROOT" | "OUT" | "DIR" => "MAPP",
        "KIND" => "TYP",
        "PATH" => "FIL",
        "FILE.csv" => "FIL.csv",
        "FILE.csv|FILE.json" => "FIL.csv|FIL.json",
        "BASE_URL" => "URL",
        "LANG" => "SPRÅK",
        "PARENT" => "ID",
        "TITLE" => "TITEL",
        "BIND" => "ADRESS",
        "GIT-REV" => "GIT-REVISION",
        _ => return None,
    })
}

/// One option: its heading, placeholder, the built-in flags' help, and the
/// default and possible values as Swedish notes instead of clap's.
fn option(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        "arguments"
    } else {
        "options"
    };
    let mut arg = arg.help_heading(sv(help::frame(heading)));
    let own = match arg.get_id().as_str() {
        "help" => Some(sv(help::frame("help"))),
        "version" => Some(sv(help::frame("version"))),
        "subcommand" => Some(sv(help::frame("help command arg"))),
        _ => None,
    };
    if let Some(text) = own {
        arg = arg.help(text.clone()).long_help(text);
    }
    if !arg.get_action().takes_values() {
        return arg;
    }
    let names: Vec<String> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let fallback = arg.get_id().as_str().to_uppercase();
    let english = names.first().cloned().unwrap_or(fallback);
    if let Some(name) = value_name(&english) {
        arg = arg.value_name(name);
    }
    let mut text = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        text.push_str(&format!(
            " [{}]",
            sv(help::default_note(&defaults.join(", ")))
        ));
    }
    // A value's Swedish name is its first alias (`regel` for `rule`).
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| {
            p.get_name_and_aliases()
                .nth(1)
                .unwrap_or(p.get_name())
                .to_string()
        })
        .collect();
    if !possible.is_empty() && !arg.is_hide_possible_values_set() {
        text.push_str(&format!(
            " [{}]",
            sv(help::possible_note(&possible.join(", ")))
        ));
    }
    arg.hide_default_value(true)
        .hide_possible_values(true)
        .help(text.clone())
        .long_help(text)
}

/// Usage errors in Swedish: the reason, a suggestion if clap has one, the
/// usage line and where to read more. Exit codes stay clap's (2).
pub struct Errors;

impl ErrorFormatter for Errors {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let mut out = StyledStr::new();
        out.push_str(&sv(t!("error: {msg}", msg = reason(error))));
        out.push_str("\n");
        for (kind, what) in [
            (ContextKind::SuggestedSubcommand, t!("a command")),
            (ContextKind::SuggestedArg, t!("an option")),
            (ContextKind::SuggestedValue, t!("a value")),
        ] {
            if let Some(value) = error.get(kind) {
                let line = t!("  tip: there is {what} like `{value}`", what, value);
                out.push_str(&format!("\n{}\n", sv(line)));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
            out.push_str(&format!("\n{} {usage}\n", sv(help::frame("usage"))));
        }
        out.push_str(&format!(
            "\n{}\n",
            sv(t!("For more information, try `--help`."))
        ));
        out
    }
}

/// What is wrong, from the error's kind and context.
fn reason(error: &clap::error::Error<Errors>) -> Message {
    let get = |kind| {
        error
            .get(kind)
            .map(ContextValue::to_string)
            .unwrap_or_default()
    };
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => t!("`{arg}` needs a value", arg),
        ErrorKind::InvalidValue => match get(ContextKind::ValidValue) {
            valid if valid.is_empty() => {
                t!("`{value}` is not a valid value for `{arg}`", value, arg)
            }
            valid => t!(
                "`{value}` is not a valid value for `{arg}` ({note})",
                value,
                arg,
                note = help::possible_note(&valid)
            ),
        },
        ErrorKind::ValueValidation => t!("`{value}` is not a valid value for `{arg}`", value, arg),
        ErrorKind::UnknownArgument if arg.starts_with('-') => t!("unknown option `{arg}`", arg),
        ErrorKind::UnknownArgument => t!("unexpected argument `{arg}`", arg),
        ErrorKind::InvalidSubcommand => {
            let name = get(ContextKind::InvalidSubcommand);
            t!("unknown command `{name}`", name)
        }
        ErrorKind::MissingRequiredArgument => t!("missing: {arg}", arg),
        ErrorKind::MissingSubcommand => {
            let valid = get(ContextKind::ValidSubcommand);
            t!("a command is needed: {valid}", valid)
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg);
            t!("`{arg}` cannot be used with `{prior}`", arg, prior)
        }
        ErrorKind::TooManyValues => t!(
            "`{arg}` takes no more values than given; `{value}` is one too many",
            arg,
            value
        ),
        _ => t!(
            "the command line could not be read ({kind})",
            kind = Message::foreign(error.kind().as_str().unwrap_or_default())
        ),
    }
}
