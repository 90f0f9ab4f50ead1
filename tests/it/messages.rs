//! The command line speaks the site's language (Swedish for styrdok's
//! sites), or the one `--lang` / `STYRDOK_LANG` names (issue #17). The
//! harness runs everything else in English; these runs unset that.

use crate::harness::TestSite;

fn broken() -> TestSite {
    TestSite::new().site_yaml().file(
        "content/sida.md",
        "---\ntitle: En sida\nreveiw_by: 2027-01-01\n---\nText.\n",
    )
}

#[test]
fn check_speaks_swedish_on_a_swedish_site() {
    let site = broken();
    let out = site.cmd("check").env("STYRDOK_LANG", "").run().exits(1);
    let err = out.stderr();
    assert!(
        err.contains("content/sida.md:3:1: fel: okänd nyckel `reveiw_by`"),
        "{err}"
    );
    assert!(err.contains("= tips: menade du `review_by`?"), "{err}");
    assert!(err.contains("= kod: SD0101"), "{err}");
    assert!(err.contains("1 fel, 1 varning(ar)"), "{err}");
    assert!(!err.contains("unknown key"), "{err}");
}

#[test]
fn lang_flag_and_environment_choose_english() {
    let site = broken();
    for cmd in [
        site.cmd("check")
            .env("STYRDOK_LANG", "")
            .arg("--lang")
            .arg("en"),
        site.cmd("check").env("STYRDOK_LANG", "en"),
    ] {
        let err = cmd.run().exits(1).stderr();
        assert!(
            err.contains("content/sida.md:3:1: error: unknown key `reveiw_by`"),
            "{err}"
        );
        assert!(err.contains("= hint: did you mean `review_by`?"), "{err}");
    }
    // The flag wins over the environment.
    let err = site
        .cmd("check")
        .env("STYRDOK_LANG", "en")
        .args(["--lang", "sv"])
        .run()
        .exits(1)
        .stderr();
    assert!(err.contains("fel: okänd nyckel"), "{err}");
}

#[test]
fn machine_formats_keep_their_keys_and_translate_only_the_message() {
    let site = broken();
    let out = site
        .cmd("check")
        .env("STYRDOK_LANG", "sv")
        .args(["--format", "json"])
        .run()
        .exits(1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout()).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "SD0101");
    assert_eq!(d["message"], "okänd nyckel `reveiw_by`");
    assert_eq!(d["hint"], "menade du `review_by`?");
}

#[test]
fn build_and_usage_errors_speak_swedish_too() {
    let site = TestSite::new()
        .site_yaml()
        .file("content/_index.md", "---\ntitle: Start\n---\nHej.\n");
    let err = site
        .cmd("build")
        .env("STYRDOK_LANG", "sv")
        .run()
        .success()
        .stderr();
    assert!(
        err.contains("Byggde ") && err.contains(" sidor till "),
        "{err}"
    );
    let missing = site.path("finns-inte");
    let err = crate::harness::styrdok(&["check", "--root", missing.to_str().unwrap()])
        .env("STYRDOK_LANG", "sv")
        .run()
        .exits(2)
        .stderr();
    assert!(err.contains("fel: webbplatsmappen `"), "{err}");
    assert!(err.contains("` finns inte"), "{err}");
}

#[test]
fn help_and_usage_errors_speak_the_site_s_language() {
    let site = broken();
    let help = site
        .cmd("build")
        .env("STYRDOK_LANG", "")
        .arg("--help")
        .run()
        .exits(0)
        .stdout();
    assert!(
        help.contains("Användning: styrdok build [FLAGGOR]"),
        "{help}"
    );
    assert!(
        help.contains("--root <MAPP>")
            && help.contains("Webbplatsmappen (med site.yaml och content/)."),
        "{help}"
    );
    assert!(
        !help.contains("Options:") && !help.contains("Print help"),
        "{help}"
    );

    let err = site
        .cmd("check")
        .env("STYRDOK_LANG", "")
        .arg("--strikt")
        .run()
        .exits(2)
        .stderr();
    assert!(err.starts_with("fel: okänd flagga `--strikt`"), "{err}");
    assert!(
        err.contains("tips: det finns en flagga som liknar det: `--strict`"),
        "{err}"
    );

    let help = site.cmd("build").arg("--help").run().exits(0).stdout();
    assert!(help.contains("Usage: styrdok build [OPTIONS]"), "{help}");
    assert!(
        help.contains("The site folder (holding site.yaml and content/)."),
        "{help}"
    );
}
