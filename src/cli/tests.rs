use super::*;

fn help_of(lang: Language, path: &[&str]) -> String {
    let mut cmd = command(lang);
    let mut sub = &mut cmd;
    for name in path {
        sub = sub.find_subcommand_mut(name).expect("a subcommand");
    }
    sub.render_help().to_string()
}

/// Every command and option below `cmd`, as (command path, option id).
fn walk(cmd: &clap::Command, path: &str, found: &mut Vec<(String, String)>) {
    found.push((path.to_string(), String::new()));
    for arg in cmd.get_arguments() {
        found.push((path.to_string(), arg.get_id().to_string()));
    }
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        let sub_path = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path} {name}")
        };
        walk(sub, &sub_path, found);
    }
}

#[test]
fn every_command_and_option_has_help_in_both_languages() {
    let mut found = Vec::new();
    walk(&Cli::command(), "", &mut found);
    assert!(found.len() > 40, "the walk found the options: {found:?}");
    for (path, id) in found {
        let text = if id.is_empty() {
            help::about(&path)
        } else {
            help::option(&path, &id)
        };
        let text = text.unwrap_or_else(|| panic!("no help text for `{path}` `{id}`"));
        assert_ne!(
            text.render(Language::Sv),
            text.render(Language::En),
            "`{path}` `{id}`"
        );
    }
}

#[test]
fn swedish_help_has_no_english_frame() {
    for path in [
        &[][..],
        &["build"],
        &["check"],
        &["new"],
        &["export", "scorm"],
    ] {
        let help = help_of(Language::Sv, path);
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "[default",
            "[possible",
            "[OPTIONS]",
        ] {
            assert!(!help.contains(english), "{path:?} says {english}:\n{help}");
        }
        assert!(help.contains("Användning: styrdok"), "{path:?}:\n{help}");
        assert!(help.contains("Flaggor:"), "{path:?}:\n{help}");
    }
    let build = help_of(Language::Sv, &["build"]);
    assert!(
        build.contains("Webbplatsmappen (med site.yaml och content/). [standard: .]"),
        "{build}"
    );
    assert!(
        build.contains("Användning: styrdok build [FLAGGOR]"),
        "{build}"
    );
    let check = help_of(Language::Sv, &["check"]);
    assert!(
        check.contains("[möjliga värden: text, json, github, sarif, gitlab, azure, summary]"),
        "{check}"
    );
    let top = help_of(Language::Sv, &[]);
    assert!(
        top.contains("Kommandon:") && top.contains("Bygg webbplatsen i utdatamappen"),
        "{top}"
    );
    assert!(
        top.contains("Visa den här hjälpen"),
        "the help command: {top}"
    );
    let new = help_of(Language::Sv, &["new"]);
    assert!(
        new.contains("Argument:") && new.contains("Dokumenttypen"),
        "{new}"
    );
}

#[test]
fn english_help_keeps_clap_s_frame_and_english_texts() {
    let build = help_of(Language::En, &["build"]);
    assert!(build.contains("Usage: styrdok build [OPTIONS]"), "{build}");
    assert!(
        build.contains("The site folder (holding site.yaml and content/). [default: .]"),
        "{build}"
    );
    assert!(!build.contains("Webbplatsmappen"), "{build}");
}

fn error_of(lang: Language, args: &[&str]) -> (clap::error::ErrorKind, String) {
    let mut cmd = command(lang);
    let error = cmd
        .try_get_matches_from_mut(args)
        .map(|_| ())
        .expect_err("a usage error");
    let kind = error.kind();
    let text = match lang {
        Language::Sv => error
            .format(&mut cmd)
            .apply::<swedish::Errors>()
            .render()
            .to_string(),
        Language::En => error.format(&mut cmd).render().to_string(),
    };
    (kind, text)
}

#[test]
fn usage_errors_are_swedish_with_a_tip_and_the_usage_line() {
    let (kind, text) = error_of(Language::Sv, &["styrdok", "bild"]);
    assert_eq!(kind, clap::error::ErrorKind::InvalidSubcommand);
    assert!(text.starts_with("fel: okänt kommando `bild`"), "{text}");
    assert!(
        text.contains("tips: det finns ett kommando som liknar det: `build`"),
        "{text}"
    );
    assert!(
        text.contains("Användning: styrdok [FLAGGOR] <KOMMANDO>"),
        "{text}"
    );
    assert!(
        text.contains("Mer information får du med `--help`."),
        "{text}"
    );

    let (_, text) = error_of(Language::Sv, &["styrdok", "check", "--format", "pdf"]);
    assert!(
        text.starts_with(
            "fel: `pdf` är inget giltigt värde för `--format <FORMAT>` (möjliga värden: text, json"
        ),
        "{text}"
    );
    let (_, text) = error_of(Language::Sv, &["styrdok", "build", "--nope"]);
    assert!(text.starts_with("fel: okänd flagga `--nope`"), "{text}");
    assert!(
        text.contains("Användning: styrdok build [FLAGGOR]"),
        "{text}"
    );
    let (_, text) = error_of(Language::Sv, &["styrdok", "report"]);
    assert!(text.starts_with("fel: saknas: --completions"), "{text}");
    for english in ["error:", "Usage:", "For more information", "tip:"] {
        assert!(!text.contains(english), "{english} in {text}");
    }
}

#[test]
fn english_usage_errors_stay_clap_s() {
    let (_, text) = error_of(Language::En, &["styrdok", "bild"]);
    assert!(
        text.starts_with("error: unrecognized subcommand 'bild'"),
        "{text}"
    );
}

#[test]
fn the_language_is_read_before_parsing_flag_then_environment_then_site() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("site.yaml"), "title: T\nlanguage: en\n").unwrap();
    let root = site.path().to_string_lossy().into_owned();
    let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
    let lang = |list: &[&str], env| language_before_parsing(&args(list), env);
    assert_eq!(
        lang(&["styrdok", "build", "--root", &root], None),
        Language::En
    );
    assert_eq!(
        lang(&["styrdok", "build", &format!("--root={root}")], None),
        Language::En
    );
    assert_eq!(
        lang(&["styrdok", "build", "--root", &root], Some("sv")),
        Language::Sv
    );
    assert_eq!(
        lang(
            &["styrdok", "--lang", "sv", "build", "--root", &root],
            Some("en")
        ),
        Language::Sv
    );
    assert_eq!(
        lang(&["styrdok", "build", "--lang=en"], Some("sv")),
        Language::En
    );
    assert_eq!(
        lang(&["styrdok", "build", "--", "--lang", "en"], Some("sv")),
        Language::Sv
    );
}
