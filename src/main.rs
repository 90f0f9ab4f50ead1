//! The `styrdok` command line: parses arguments and calls the library.

mod cli;

use cli::{
    BuildArgs, CheckArgs, Command, ExportArgs, ExportScormArgs, ExportWhat, FormatArg, InitArgs,
    KindArg, LangArg, NewArgs, ReportArgs, ReportFormatArg, ServeArgs,
};
use std::process::ExitCode;
use styrdok::diagnostics::{self, Diagnostics, Format};
use styrdok::messages::{self, Language, Message};
use styrdok::t;

/// See Cargo.toml: allocation is a large part of a build's work.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `STYRDOK_TODAY=YYYY-MM-DD` fixes the day review dates are measured
/// against, for reproducible output and tests.
fn today() -> Result<Option<styrdok::model::Date>, Message> {
    match std::env::var("STYRDOK_TODAY") {
        Ok(v) if !v.is_empty() => styrdok::model::Date::parse_from_str(&v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| t!("STYRDOK_TODAY must be a date YYYY-MM-DD, not `{v}`", v)),
        _ => Ok(None),
    }
}

fn root_is_usable(root: &std::path::Path) -> Result<(), Message> {
    if root.is_dir() {
        Ok(())
    } else {
        Err(t!(
            "the site folder `{root}` does not exist",
            root = root.display()
        ))
    }
}

/// A line for the person at the terminal, in the command line's language.
fn say(message: Message) {
    eprintln!("{}", message.render(messages::cli()));
}

fn usage_error(msg: &Message) -> ExitCode {
    say(t!("error: {msg}", msg));
    ExitCode::from(2)
}

fn print_summary(diags: &Diagnostics) {
    let (errors, warnings, notes) = (
        diags.error_count(),
        diags.warning_count(),
        diags.note_count(),
    );
    if errors + warnings + notes > 0 {
        say(if notes > 0 {
            t!(
                "{errors} error(s), {warnings} warning(s), {notes} note(s)",
                errors,
                warnings,
                notes
            )
        } else {
            t!("{errors} error(s), {warnings} warning(s)", errors, warnings)
        });
    }
}

/// The site folder a command works on, if it names one.
fn root_of(command: &Command) -> Option<&std::path::Path> {
    match command {
        Command::Build(a) => Some(&a.root),
        Command::Check(a) => Some(&a.root),
        Command::Serve(a) => Some(&a.root),
        Command::New(a) => Some(&a.root),
        Command::Report(a) => Some(&a.root),
        Command::Export(ExportArgs {
            what: ExportWhat::Scorm(a),
        }) => Some(&a.root),
        Command::Init(_) => None,
    }
}

fn main() -> ExitCode {
    let cli = cli::parse();
    let flag = cli.lang.map(|l| match l {
        LangArg::Sv => Language::Sv,
        LangArg::En => Language::En,
    });
    let env = std::env::var("STYRDOK_LANG").ok();
    let site = root_of(&cli.command).and_then(styrdok::config::language_of);
    messages::set_cli(messages::resolve(flag, env.as_deref(), site));
    let today = match today() {
        Ok(t) => t,
        Err(msg) => return usage_error(&msg),
    };
    match cli.command {
        Command::Build(args) => build(args, today),
        Command::Check(args) => check(args, today),
        Command::Serve(args) => serve(args, today),
        Command::New(args) => new(args, today),
        Command::Init(args) => init(args),
        Command::Report(args) => report(args, today),
        Command::Export(ExportArgs {
            what: ExportWhat::Scorm(args),
        }) => export_scorm(args, today),
    }
}

fn print_diagnostics(diags: &Diagnostics) {
    eprint!(
        "{}",
        diagnostics::format_styled(diags, diagnostics::TextStyle::for_stderr())
    );
    print_summary(diags);
}

fn build(args: BuildArgs, today: Option<styrdok::model::Date>) -> ExitCode {
    if let Err(msg) = root_is_usable(&args.root) {
        return usage_error(&msg);
    }
    let options = styrdok::BuildOptions {
        root: args.root,
        out: args.out,
        drafts: args.drafts,
        base_url: args.base_url,
        today,
        force: args.force,
        followup: args.completions.map(|completions| styrdok::FollowUpInput {
            completions,
            roster: args.roster,
        }),
    };
    let progress = styrdok::progress::Progress::start(t!("Building…"));
    let result = styrdok::build(&options);
    progress.finish();
    match result {
        Ok(report) => {
            print_diagnostics(&report.diagnostics);
            for note in &report.notes {
                say(t!("note: {note}", note));
            }
            let (pages, out, ms) = (
                report.pages,
                report.out.display(),
                report.elapsed.as_millis(),
            );
            say(if options.drafts {
                t!(
                    "Built {pages} pages into {out} in {ms} ms (with drafts)",
                    pages,
                    out,
                    ms
                )
            } else {
                t!("Built {pages} pages into {out} in {ms} ms", pages, out, ms)
            });
            ExitCode::SUCCESS
        }
        Err(diags) => {
            print_diagnostics(&diags);
            say(t!("Build failed; the output folder was left as it was."));
            ExitCode::from(1)
        }
    }
}

fn check(args: CheckArgs, today: Option<styrdok::model::Date>) -> ExitCode {
    if let Err(msg) = root_is_usable(&args.root) {
        return usage_error(&msg);
    }
    if matches!(args.format, FormatArg::Summary) && args.base.is_none() {
        return usage_error(&t!(
            "--format summary needs --base REV: the revision to compare with"
        ));
    }
    let diags = styrdok::check(&args.root, args.strict, today, args.base.as_deref());
    if let (FormatArg::Summary, Some(rev)) = (args.format, &args.base) {
        print!(
            "{}",
            styrdok::summary::summary(&args.root, rev, args.base_url.as_deref(), &diags)
        );
        return if diags.has_errors() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Gitlab => Format::Gitlab,
        FormatArg::Azure => Format::Azure,
        FormatArg::Summary => Format::Text,
    };
    match format {
        Format::Text => {
            print_diagnostics(&diags);
            if diags.is_empty() {
                say(t!("No problems found."));
            }
        }
        _ => print!("{}", diagnostics::format(&diags, format, messages::cli())),
    }
    if diags.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn serve(args: ServeArgs, today: Option<styrdok::model::Date>) -> ExitCode {
    if let Err(msg) = root_is_usable(&args.root) {
        return usage_error(&msg);
    }
    let options = styrdok::ServeOptions {
        root: args.root,
        port: args.port,
        bind: args.bind,
        drafts: args.drafts,
        poll: args.poll,
        today,
    };
    match styrdok::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => usage_error(&msg),
    }
}

fn new(args: NewArgs, today: Option<styrdok::model::Date>) -> ExitCode {
    use styrdok::model::Kind;
    if let Err(msg) = root_is_usable(&args.root) {
        return usage_error(&msg);
    }
    let kind = match args.kind {
        KindArg::Policy => Kind::Policy,
        KindArg::Guideline => Kind::Guideline,
        KindArg::Rule => Kind::Rule,
        KindArg::Module => Kind::Module,
        KindArg::Path => Kind::Path,
        KindArg::Page => Kind::Page,
    };
    let options = styrdok::NewOptions {
        root: args.root,
        kind,
        path: args.path,
        id: args.id,
        parent: args.parent,
        title: args.title,
        today,
    };
    match styrdok::new_document(&options) {
        Ok(doc) => {
            let path = &doc.path;
            say(match &doc.id {
                Some(id) => t!("Wrote {path} ({id}, status draft)", path, id),
                None => t!("Wrote {path} (status draft)", path),
            });
            ExitCode::SUCCESS
        }
        Err(msg) => usage_error(&msg),
    }
}

fn init(args: InitArgs) -> ExitCode {
    let options = styrdok::InitOptions {
        dir: args.dir,
        theme: args.theme,
    };
    match styrdok::init(&options) {
        Ok(n) => {
            let dir = options.dir.display();
            say(t!("Wrote a new site ({n} files) into {dir}. Next:", n, dir));
            eprintln!("  styrdok serve --root {dir}");
            ExitCode::SUCCESS
        }
        Err(msg) => usage_error(&msg),
    }
}

fn report(args: ReportArgs, today: Option<styrdok::model::Date>) -> ExitCode {
    use styrdok::report::ReportFormat;
    if let Err(msg) = root_is_usable(&args.root) {
        return usage_error(&msg);
    }
    let format = match args.format {
        ReportFormatArg::Md => ReportFormat::Md,
        ReportFormatArg::Csv => ReportFormat::Csv,
        ReportFormatArg::Html => ReportFormat::Html,
    };
    let options = styrdok::ReportOptions {
        root: args.root,
        completions: args.completions,
        roster: args.roster,
        format,
        today,
    };
    match styrdok::report(&options) {
        Ok((text, warnings)) => {
            eprint!(
                "{}",
                diagnostics::format(&warnings, Format::Text, messages::cli())
            );
            print_summary(&warnings);
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(styrdok::ReportError::Usage(msg)) => usage_error(&msg),
        Err(styrdok::ReportError::Content(diags)) => {
            eprint!(
                "{}",
                diagnostics::format(&diags, Format::Text, messages::cli())
            );
            print_summary(&diags);
            ExitCode::from(1)
        }
    }
}

fn export_scorm(args: ExportScormArgs, today: Option<styrdok::model::Date>) -> ExitCode {
    if let Err(msg) = root_is_usable(&args.root) {
        return usage_error(&msg);
    }
    let options = styrdok::export::ExportOptions {
        root: args.root,
        out: args.out,
        base_url: args.base_url,
        today,
    };
    match styrdok::export::export_scorm(&options) {
        Ok(report) => {
            print_diagnostics(&report.diagnostics);
            for name in &report.written {
                println!("{}", options.out.join(name).display());
            }
            if report.written.is_empty() {
                say(t!(
                    "No packages: the site has no published, active training module or path."
                ));
            } else {
                let (n, out) = (report.written.len(), options.out.display());
                say(t!("Wrote {n} packages into {out}", n, out));
            }
            ExitCode::SUCCESS
        }
        Err(diags) => {
            print_diagnostics(&diags);
            say(t!("Export failed."));
            ExitCode::from(1)
        }
    }
}
