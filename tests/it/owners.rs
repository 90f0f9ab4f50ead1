//! The document owner's workflow (issue #17): every problem of a file at
//! once, placeholders that never go live, Swedish type names on the command
//! line, and `check` output for every forge.

use crate::harness::TestSite;

/// A rule with five different problems in its front matter: a misspelt
/// key, a status that is no status, a weight that is no number, a date
/// that is no date and an Annex A control that does not exist.
const FIVE_PROBLEMS: &str = "---
title: Regel med fem fel
type: rule
id: R-5
verison: \"1.0\"
status: aktiv
owner: IT-chef
weight: tung
approved_on: 2026-13-01
parent: RL-1
iso27001: [\"9.99\"]
---
Text.
";

#[test]
fn all_problems_of_one_file_show_in_one_run() {
    let site = TestSite::new()
        .fixture("core/base")
        .file("content/regler/fem.md", FIVE_PROBLEMS);
    let out = site.check(&[]).exits(1);
    let stderr = out.stderr();
    let expected = [
        "content/regler/fem.md:5:1: error: unknown key `verison`",
        "content/regler/fem.md:6:9: error: status: `aktiv` is not an allowed value",
        "content/regler/fem.md:8:9: error: weight: invalid type: string \"tung\"",
        "content/regler/fem.md:9:14: error: `approved_on` is `2026-13-01`, not a date",
        "content/regler/fem.md:11:13: error: `9.99` is not an ISO/IEC 27001:2022 Annex A control",
    ];
    for line in expected {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
    let in_file = stderr
        .lines()
        .filter(|l| l.starts_with("content/regler/fem.md:"))
        .count();
    assert_eq!(in_file, 5, "no more and no fewer than the five:\n{stderr}");
    assert!(stderr.contains("did you mean `version`?"), "{stderr}");
}

/// The front matter of `text` with the status set to active, and for a
/// governing document the approval the skeleton leaves as comments filled
/// in: what an owner does who forgets the placeholders.
fn activated(text: &str) -> String {
    text.replace("status: draft", "status: active")
        .replace("# approved_by:", "approved_by:")
        .replace("# approved_on:", "approved_on:")
        .replace("# review_by:", "review_by:")
}

/// Every line of `stderr` about `file`.
fn about<'a>(stderr: &'a str, file: &str) -> Vec<&'a str> {
    let prefix = format!("{file}:");
    stderr.lines().filter(|l| l.starts_with(&prefix)).collect()
}

#[test]
fn placeholders_from_new_never_go_live() {
    let site = TestSite::init();
    let cases = [
        ("policy", "content/policy/ny.md", true),
        ("guideline", "content/riktlinjer/ny.md", true),
        ("rule", "content/regler/ny.md", true),
        ("module", "content/utbildning/ny-kurs.md", true),
        ("path", "content/utbildning/ny-vag.md", false),
        ("page", "content/om/ny.md", false),
    ];
    for (kind, file, versioned) in cases {
        site.cmd("new").args([kind, file]).run().success();
        let draft = site.read(file);
        // A draft: warnings at each placeholder line, the run still passes.
        let out = site.check(&[]).exits(0);
        let lines = about(&out.stderr(), file).join("\n");
        assert!(
            lines.contains(": warning: the draft still holds a placeholder"),
            "{kind}: {lines}"
        );
        let title_line = draft.lines().position(|l| l.starts_with("title:")).unwrap() + 1;
        assert!(
            lines.contains(&format!("{file}:{title_line}:9: warning:")),
            "{kind}: the default title is a placeholder: {lines}"
        );
        assert!(!site.check(&["--strict"]).succeeded(), "{kind}");
        // Activated unchanged: an error at every placeholder, and at 0.1.
        site.write(file, activated(&draft));
        let out = site.check(&[]).exits(1);
        let lines = about(&out.stderr(), file).join("\n");
        assert!(
            lines.contains(": error: an active document holds a placeholder"),
            "{kind}: {lines}"
        );
        assert_eq!(
            lines.contains(&format!("error: an active {kind} is at version 0.1")),
            versioned,
            "{kind}: {lines}"
        );
        // With the placeholders replaced and version 1.0, nothing is left.
        let done = activated(&draft)
            .replace("FYLL I: ", "")
            .replace("version: \"0.1\"", "version: \"1.0\"");
        site.write(file, done);
        let out = site.check(&["--strict"]);
        assert_eq!(about(&out.stderr(), file), Vec::<&str>::new(), "{kind}");
        site.remove(file);
    }
}

#[test]
fn new_takes_the_swedish_type_names() {
    let site = TestSite::init();
    let cases = [
        ("regel", "content/regler/a.md", "type: rule"),
        ("riktlinje", "content/riktlinjer/a.md", "type: guideline"),
        ("policy", "content/policy/a.md", "type: policy"),
        ("modul", "content/utbildning/a.md", "type: module"),
        ("utbildningsväg", "content/utbildning/b.md", "type: path"),
        ("utbildningsvag", "content/utbildning/c.md", "type: path"),
        ("sida", "content/om/a.md", "type: page"),
    ];
    for (word, file, front) in cases {
        site.cmd("new").args([word, file]).run().success();
        let text = site.read(file);
        assert!(text.contains(&format!("\n{front}\n")), "{word}: {text}");
    }
    site.check(&[]).exits(0);
    let o = site.cmd("new").args(["regle", "content/regler/x.md"]).run();
    assert_eq!(o.code(), Some(2), "{}", o.stderr());
}

/// The site of `owners/problems` over `core/base`: one problem of many
/// kinds, at a fixed date (a review date passed, another coming up).
fn problems() -> TestSite {
    TestSite::new()
        .fixture("core/base")
        .fixture("owners/problems")
}

/// `check --format FORMAT --lang LANG` of [`problems`]: what it prints
/// where the format goes (stdout; stderr for text).
fn check_output(site: &TestSite, format: &str, lang: &str) -> String {
    let out = site
        .cmd("check")
        .args(["--format", format, "--lang", lang])
        .today("2027-02-10")
        .run()
        .exits(1);
    if format == "text" {
        out.stderr()
    } else {
        out.stdout()
    }
}

#[test]
fn every_format_of_check_is_snapshotted() {
    let site = problems();
    for format in ["text", "json", "github", "sarif", "gitlab", "azure"] {
        let out = check_output(&site, format, "en");
        insta::assert_snapshot!(format!("format_{format}"), out);
    }
}

/// The same in Swedish: the messages and the text format's words change;
/// locations, codes, severities and the machine formats' keys do not.
#[test]
fn every_format_of_check_is_snapshotted_in_swedish() {
    let site = problems();
    for format in ["text", "json", "github", "sarif", "gitlab", "azure"] {
        let sv = check_output(&site, format, "sv");
        insta::assert_snapshot!(format!("format_{format}_sv"), sv);
        let en = check_output(&site, format, "en");
        let codes = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.len() == 6 && w.starts_with("SD"))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            codes(&sv),
            codes(&en),
            "{format}: the same codes in the same order"
        );
    }
}

#[test]
fn every_problem_of_the_fixture_has_a_code_of_its_own() {
    let site = problems();
    let json: serde_json::Value = serde_json::from_str(&check_output(&site, "json", "en")).unwrap();
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(diags.len() >= 15, "{json}");
    let mut codes = std::collections::BTreeSet::new();
    for d in diags {
        let code = d["code"].as_str().unwrap();
        assert_ne!(code, "SD0099", "no code for {d}");
        codes.insert(code.to_string());
        // The keys of SPEC's JSON output stay.
        for key in ["severity", "path", "line", "column", "message"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    assert!(codes.len() >= 14, "{codes:?}");
    let docs = std::fs::read_to_string(crate::harness::manifest_dir().join("docs/diagnostics.md"))
        .unwrap();
    for code in &codes {
        assert!(
            docs.contains(&format!("| `{code}` |")),
            "{code} is not documented"
        );
    }
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let schema_path = crate::harness::fixtures().join("owners/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let site = problems();
    let sarif: serde_json::Value =
        serde_json::from_str(&check_output(&site, "sarif", "en")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And a clean site gives a valid, empty run.
    let clean = TestSite::new().fixture("core/base");
    let out = clean
        .cmd("check")
        .args(["--format", "sarif"])
        .run()
        .exits(0);
    let empty: serde_json::Value = serde_json::from_str(&out.stdout()).unwrap();
    assert!(validator.is_valid(&empty));
    assert_eq!(empty["runs"][0]["results"], serde_json::json!([]));
    // A broken result is caught: the check above is not vacuous.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn every_invalid_fixture_gets_codes_of_its_own() {
    let invalid = crate::harness::fixtures().join("core/invalid");
    let mut cases = 0;
    for entry in std::fs::read_dir(invalid).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let site = TestSite::new()
            .fixture("core/base")
            .fixture(&format!("core/invalid/{name}"));
        let out = site.check(&["--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out.stdout()).unwrap();
        for d in json["diagnostics"].as_array().unwrap() {
            assert_ne!(d["code"], "SD0099", "{name}: no code for {d}");
        }
        cases += 1;
    }
    assert!(cases > 40, "{cases}");
}

/// `check --base HEAD~1 --format summary` on a real repository of two
/// commits: the second raises a rule's version and rewrites one of its
/// sections, raises a module's version and removes a rule.
#[test]
fn the_summary_lists_each_changed_document_for_the_pull_request() {
    use crate::harness::git::commit_all;
    let gone = "content/regler/gammal.md";
    let site = TestSite::new().fixture("core/base").file(
        gone,
        "---\ntitle: Gammal regel\ntype: rule\nid: R-9\nversion: \"1.0\"\nstatus: draft\nowner: IT\nparent: RL-1\n---\nText.\n",
    );
    crate::harness::git::git(site.root(), &["init", "-q"]);
    commit_all(site.root(), "2026-01-10", "start");
    let rule = "content/regler/incident.md";
    site.edit(
        rule,
        "version: \"2.0\"",
        "version: \"2.1\"\nacknowledge: true",
    );
    site.edit(
        rule,
        "Varför regeln finns.",
        "Varför regeln finns och vem den gäller.",
    );
    site.edit(rule, "approved_on: 2026-03-01", "approved_on: 2026-05-01");
    let module = "content/utbildning/grundkurs.md";
    let text = site.read(module);
    let version = text
        .lines()
        .find(|l| l.starts_with("version:"))
        .unwrap()
        .to_string();
    site.edit(module, &version, "version: \"9.0\"");
    site.remove(gone);
    commit_all(site.root(), "2026-05-02", "new versions");
    let out = site
        .cmd("check")
        .args(["--base", "HEAD~1", "--format", "summary"])
        .args(["--base-url", "https://forhandsvisning.example.se/pr-7/"])
        .today("2026-06-01")
        .run()
        .exits(0);
    let md = out.stdout();
    for want in [
        "## Ändrade styrdokument och utbildningar",
        "Jämfört med `HEAD~1`.",
        "| R-1 Regel för incidenter | 2.0 → 2.1 | Medarbetare, Chef | nollställs: de som bekräftat 2.0 ombeds läsa igen |",
        "### R-1 Regel för incidenter (2.0 → 2.1)",
        "- **Uppgifter överst i filen:** `approved_on`",
        "- **Syfte:** Varför regeln ~~finns.~~ **finns och vem den gäller.**",
        "- Förhandsvisning: <https://forhandsvisning.example.se/pr-7/regler/incident/>",
        "testresultat för",
        "| R-9 Gammal regel | 1.0 → borttaget | – | – |",
    ] {
        assert!(md.contains(want), "missing {want:?} in:\n{md}");
    }
    assert!(
        !md.contains("Policy"),
        "an unchanged document is not listed:\n{md}"
    );
    insta::assert_snapshot!("summary", md);
    // An English site gets English words.
    site.edit("site.yaml", "language: sv", "language: en");
    let o = site.check(&["--base", "HEAD~1", "--format", "summary"]);
    let en = o.stdout();
    assert!(
        en.contains("## Changed governing documents and training"),
        "{en}"
    );
    assert!(
        en.contains("reset: readers who confirmed 2.0 are asked to read it again"),
        "{en}"
    );
    site.edit("site.yaml", "language: en", "language: sv");
    // Without --base it is bad usage; without changes it says so.
    let o = site.cmd("check").args(["--format", "summary"]).run();
    assert_eq!(o.code(), Some(2));
    let o = site
        .cmd("check")
        .args(["--base", "HEAD", "--format", "summary"])
        .run();
    assert!(
        o.stdout()
            .contains("Inga styrdokument eller utbildningar har ändrats."),
        "{}",
        o.stdout()
    );
}
