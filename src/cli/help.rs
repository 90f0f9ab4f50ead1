//! The help text of every command and option, from the message catalogue,
//! so `--help` speaks the command line's language like every other line.
//!
//! A command is named by its path below `styrdok` (`""`, `"build"`,
//! `"export scorm"`), an option by its id (the field name).

use styrdok::messages::Message;
use styrdok::t;

/// What a command does, for its `--help` and its parent's list.
pub fn about(command: &str) -> Option<Message> {
    Some(match command {
        "" => t!("Build the governing documents and training of an information-security management system into a static site"),
        "build" => t!("Build the site into the output folder (default ROOT/public)."),
        "check" => t!("Validate the site and report every problem, writing nothing."),
        "serve" => t!("Build, serve on the loopback interface, rebuild on change and reload open pages."),
        "new" => t!("Write a new document with every key its type needs."),
        "init" => t!("Create a new site that builds at once."),
        "report" => t!("Report who passed, learned and kept each module, per unit, from a CSV export of results; with --roster, coverage and who is overdue."),
        "export" => t!("Write the site's packages for learning platforms into a folder."),
        "export scorm" => t!("The SCORM 1.2, SCORM 2004 and cmi5 package of every published, active training module and path (the files a build writes to OUT/scorm/), written into DIR beside whatever is there."),
        _ => return None,
    })
}

/// What an option of `command` means.
pub fn option(command: &str, id: &str) -> Option<Message> {
    Some(match (command, id) {
        (_, "lang") => t!("The language of messages (sv or en); default: STYRDOK_LANG, else the site's `language`."),
        (_, "root") => t!("The site folder (holding site.yaml and content/)."),
        ("build", "out") => t!("The output folder (default: ROOT/public)."),
        ("build", "drafts") => t!("Also publish documents with status draft or review (a preview)."),
        ("build" | "export scorm", "base_url") => t!("Use this base URL instead of site.yaml's base_url."),
        ("build", "force") => t!("Replace the output folder even if styrdok did not make it (never `/`, the home folder, the site root or a folder above them)."),
        ("build", "completions") => t!("Results (a CSV export) for the aggregate follow-up page uppfoljning/."),
        ("build", "roster") => t!("With --completions: an HR roster, for coverage on the follow-up page."),
        ("check", "format") => t!("How to print problems: text, json, github (Actions annotations), sarif (SARIF 2.1.0), gitlab (Code Quality), azure (logging commands), summary (Markdown for a pull request; needs --base)."),
        ("check", "strict") => t!("Treat warnings as errors."),
        ("check", "base") => t!("A git revision (e.g. origin/main): governing documents whose text changed since then must have a higher version."),
        ("check", "base_url") => t!("With --format summary: the preview's address, for a link to each changed document."),
        ("serve", "port") => t!("The port to listen on."),
        ("serve", "bind") => t!("The address to listen on; anything but loopback exposes the preview."),
        ("serve", "drafts") => t!("Also show documents with status draft or review."),
        ("serve", "poll") => t!("Poll for changes instead of using file events (for network shares)."),
        ("new", "kind") => t!("The document type (English or Swedish: regel, riktlinje, policy, modul, utbildningsväg, sida)."),
        ("new", "path") => t!("The file to write, under content/ (e.g. content/regler/ny-regel.md)."),
        ("new", "id") => t!("The document id (default: the next free id in the site's pattern)."),
        ("new", "parent") => t!("The parent document's id (guideline and rule; default: the first one)."),
        ("new", "title") => t!("The document's title."),
        ("init", "dir") => t!("The new site's folder (must not exist, or be empty)."),
        ("init", "theme") => t!("Also copy the built-in theme to DIR/themes/default/ for customising."),
        ("report", "completions") => t!("CSV export of what training.report_endpoint collected, or an xAPI statements export (the JSON pages of an LRS's GET /statements)."),
        ("report", "roster") => t!("HR export of who should take the training: email (or person), name, unit, role, manager, start_date."),
        ("report", "format") => t!("Output format."),
        ("export scorm", "out") => t!("The folder to write the zip files into (made if missing; other files in it are left alone, a package of the same name replaced)."),
        _ => return None,
    })
}

/// The words of clap's own frame (headings, the help and version flags,
/// the `help` command), which clap writes in English.
pub fn frame(word: &str) -> Message {
    match word {
        "usage" => t!("Usage:"),
        "commands" => t!("Commands"),
        "arguments" => t!("Arguments"),
        "options" => t!("Options"),
        "help" => t!("Print help"),
        "version" => t!("Print version"),
        "help command" => t!("Print this message or the help of the given subcommand(s)"),
        "help command arg" => t!("Print help for the subcommand(s)"),
        _ => Message::foreign(word),
    }
}

/// The note after an option's help that names its default.
pub fn default_note(value: &str) -> Message {
    t!("default: {value}", value)
}

/// The note after an option's help that lists the values it takes.
pub fn possible_note(values: &str) -> Message {
    t!("possible values: {values}", values)
}
