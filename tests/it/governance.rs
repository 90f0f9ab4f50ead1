//! Governance views (issue #6): ISO/IEC 27001 coverage, introduction plan,
//! document status board, structure, LIX readability and the `check`
//! warnings in every output format. Fixture: tests/fixtures/governance/basic,
//! measured against 2026-03-01.

use crate::harness::files::read;
use crate::harness::{fixtures, Cmd, TestSite};
use std::path::PathBuf;
use styrdok::readability::analyse;

const TODAY: &str = "2026-03-01";

fn fixture(case: &str) -> PathBuf {
    fixtures().join("governance").join(case)
}

/// Builds the fixture (in place, in this process) into an empty temp site's
/// output folder; returns that site (kept alive) and OUT.
fn build(drafts: bool) -> (TestSite, PathBuf) {
    let tmp = TestSite::new();
    let out = tmp.out();
    let mut options = styrdok::BuildOptions::new(fixture("basic"));
    options.out = Some(out.clone());
    options.drafts = drafts;
    options.today = Some(TODAY.parse().unwrap());
    if let Err(d) = styrdok::build(&options) {
        panic!(
            "{}",
            styrdok::diagnostics::format(&d, Default::default(), styrdok::messages::Language::En)
        );
    }
    (tmp, out)
}

/// The HTML from `<tr id="{id}"` to the end of that row.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<tr id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let end = html[start..].find("</tr>").unwrap() + start;
    &html[start..end]
}

const GENERATED: &[&str] = &[
    "iso27001/index.html",
    "iso27001/soa.csv",
    "inforandeplan/index.html",
    "dokumentstatus/index.html",
    "dokumentstatus/dokumentstatus.csv",
    "struktur/index.html",
];

#[test]
fn iso27001_marks_covered_and_uncovered_controls() {
    let (_tmp, out) = build(false);
    let html = read(&out, "iso27001/index.html");
    let covered = row(&html, "control-5.24");
    assert!(covered.contains("control--covered"), "{covered}");
    assert!(covered.contains("href=\"/riktlinje/\""), "{covered}");
    assert!(covered.contains("href=\"/forsenad/\""), "{covered}");
    assert!(covered.contains("Information security incident management planning"));
    // Cited only by a draft and by a restricted document: still a gap.
    for id in ["control-5.19", "control-7.4", "control-8.1"] {
        let gap = row(&html, id);
        assert!(
            gap.contains("control--gap") && gap.contains("Saknas"),
            "{gap}"
        );
    }
    // Counts per theme: 5.1, 5.2, 5.24, 5.25 of 37; 8.5 of 34; 5 of 93.
    assert!(html.contains("Organisatoriska åtgärder <span class=\"gov-count\">4/37</span>"));
    assert!(html.contains("Tekniska åtgärder <span class=\"gov-count\">1/34</span>"));
    assert!(
        html.contains("<td class=\"num\">5</td><td class=\"num\">88</td><td class=\"num\">93</td>")
    );
    assert_eq!(html.matches("<tr id=\"control-").count(), 93);
}

#[test]
fn soa_csv_lists_every_control_with_its_documents() {
    let (_tmp, out) = build(false);
    let csv = read(&out, "iso27001/soa.csv");
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 94, "header and 93 controls");
    assert_eq!(
        lines[0],
        "Åtgärd,Tema,Rubrik,Täckt,Täcks av,Styrdokument,Tillämplig,Motivering"
    );
    let c524 = lines.iter().find(|l| l.starts_with("5.24,")).unwrap();
    assert!(c524.contains(",ja,\"T-RL-01; T-R-01\","), "{c524}");
    let c519 = lines.iter().find(|l| l.starts_with("5.19,")).unwrap();
    assert!(c519.ends_with(",nej,,,,"), "{c519}");
}

#[test]
fn introduction_plan_shows_missing_areas_by_phase() {
    let (_tmp, out) = build(false);
    let html = read(&out, "inforandeplan/index.html");
    assert!(
        html.contains("Fas 1 <span class=\"gov-count\">1/2 "),
        "phase 1: one of two"
    );
    let done = row(&html, "area-incidenter");
    assert!(done.contains("area--done") && done.contains("href=\"/policy/\""));
    assert!(done.contains("href=\"/forsenad/\"") && !done.contains("saknas"));
    let missing = row(&html, "area-personal");
    assert!(missing.contains("area--missing") && missing.contains("saknas"));
    let draft_only = row(&html, "area-leverantorer");
    assert!(draft_only.contains("saknas") && !draft_only.contains("<li>"));
    assert!(
        row(&html, "area-fysisk").contains("saknas"),
        "restricted does not count"
    );
    assert!(html.contains("Fas 4"));
    assert!(!html.contains("Fas 3"), "no areas in phase 3");
}

#[test]
fn drafts_preview_shows_drafts_marked_in_the_plan() {
    let (_tmp, out) = build(true);
    let html = read(&out, "inforandeplan/index.html");
    let area = row(&html, "area-leverantorer");
    assert!(area.contains("Hemligt utkast om leverantörer"), "{area}");
    assert!(area.contains("status--draft\">Utkast"), "{area}");
    assert!(area.contains("saknas"), "a draft does not complete an area");
    let iso = read(&out, "iso27001/index.html");
    assert!(row(&iso, "control-5.19").contains("status--draft"));
    // Restricted never, not even with --drafts.
    for rel in GENERATED {
        let text = read(&out, rel);
        assert!(
            !text.contains("T-R-03") && !text.contains("Begränsad regel"),
            "{rel}"
        );
    }
}

#[test]
fn status_board_marks_overdue_and_due_reviews_and_lix() {
    let (_tmp, out) = build(false);
    let html = read(&out, "dokumentstatus/index.html");
    let start = html.find("<tr data-kind=\"rule\"").unwrap();
    let overdue = &html[start..start + html[start..].find("</tr>").unwrap()];
    assert!(overdue.contains("board-row--overdue"), "{overdue}");
    assert!(overdue.contains("T-R-01") && overdue.contains("för 71 dagar sedan"));
    assert!(overdue.contains("data-value=\"-71\""));
    assert!(html.contains("om 14 dagar"), "guideline due within 30 days");
    assert!(html.contains("<strong>1</strong> har passerat sitt revideringsdatum"));
    assert!(
        html.contains("lix--very_hard\">mycket svår"),
        "the hard text"
    );
    assert!(html.contains("<script type=\"module\" src=\"/js/status-board.js\"></script>"));
    assert!(
        html.contains("data-board-controls"),
        "filters, hidden until JS runs"
    );
    assert!(!html.contains("<script>") && !html.contains(" style="));
    assert!(out.join("js/status-board.js").is_file());
}

#[test]
fn status_csv_is_quoted_and_defused() {
    let (_tmp, out) = build(false);
    let csv = read(&out, "dokumentstatus/dokumentstatus.csv");
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5, "header and the four published documents");
    assert!(lines[0].starts_with("Dokument-id,Typ,Titel,Version,Status,Dokumentansvarig"));
    let r01 = lines.iter().find(|l| l.starts_with("T-R-01,")).unwrap();
    assert!(
        r01.contains(",\"Regel för \"\"incidenter\"\", larm & rapporter\",2.0,Gällande,'=Incidentsamordnare,"),
        "{r01}"
    );
    // Rapportera alla incidenter direkt (4; 2 long) | Ring servicedesk (2; 1 long):
    // LIX = 6/2 + 100·3/6 = 53.
    assert!(
        r01.ends_with(",-71,53,https://lis.example.se/forsenad/,,"),
        "{r01}"
    );
}

#[test]
fn structure_nests_policy_guideline_rule() {
    let (_tmp, out) = build(false);
    let html = read(&out, "struktur/index.html");
    let p = html.find("href=\"/policy/\"").unwrap();
    let rl = html.find("href=\"/riktlinje/\"").unwrap();
    let r = html.find("href=\"/forsenad/\"").unwrap();
    assert!(p < rl && rl < r);
    // The rule sits in a list nested inside the guideline's item.
    assert!(html[rl..r].contains("<ul>"));
    assert!(
        html.contains("href=\"/svar/\""),
        "a rule directly under the policy"
    );
}

#[test]
fn gates_hold_on_every_governance_output() {
    let (_tmp, out) = build(false);
    for rel in GENERATED {
        let text = read(&out, rel);
        for secret in ["T-R-02", "T-R-03", "Hemligt utkast", "Begränsad regel"] {
            assert!(!text.contains(secret), "{rel} shows {secret}");
        }
    }
    let sitemap = read(&out, "sitemap.xml");
    for page in [
        "iso27001/",
        "inforandeplan/",
        "dokumentstatus/",
        "struktur/",
    ] {
        assert!(
            sitemap.contains(&format!("https://lis.example.se/{page}<")),
            "{page}"
        );
    }
}

// ---------------------------------------------------------------------------
// LIX, against hand-computed values (see src/readability.rs for the rules).

fn assert_lix(text: &str, words: usize, sentences: usize, long: usize) {
    let r = analyse(text);
    assert_eq!(
        (r.words, r.sentences, r.long_words),
        (words, sentences, long),
        "{text}"
    );
    let expected = words as f64 / sentences as f64 + 100.0 * long as f64 / words as f64;
    assert!((r.lix().unwrap() - expected).abs() < 1e-9);
}

#[test]
fn lix_of_two_plain_sentences() {
    // Lås datorn när du går (5) | Dela aldrig ditt lösenord (4).
    // Long: lösenord. LIX = 9/2 + 100·1/9 = 15.61.
    assert_lix(
        "Lås datorn när du går. Dela aldrig ditt lösenord!\n",
        9,
        2,
        1,
    );
    assert_eq!(
        analyse("Lås datorn när du går. Dela aldrig ditt lösenord!").lix_rounded(),
        Some(16)
    );
}

#[test]
fn lix_counts_headings_and_list_items_as_sentences() {
    // Heading: Rapportera incidenter (2 words, 2 long).
    // Alla medarbetare ska rapportera incidenter, t.ex. förlorade datorer
    //   (8 words; medarbetare, rapportera, incidenter, förlorade, datorer long;
    //   "t.ex." is one word and does not end the sentence).
    // Ring servicedesk (2; servicedesk long).
    // Items: telefon 1234 (2; telefon long) | e-post till säkerhetsfunktionen
    //   (3; säkerhetsfunktionen long; e-post has 5 letters).
    // 17 words, 5 sentences, 10 long: LIX = 3.4 + 58.82 = 62.22.
    let text = "# Rapportera incidenter\n\nAlla medarbetare ska rapportera incidenter, t.ex. förlorade datorer. Ring servicedesk:\n\n- telefon 1234\n- e-post till säkerhetsfunktionen\n";
    assert_lix(text, 17, 5, 10);
    assert_eq!(analyse(text).lix_rounded(), Some(62));
}

#[test]
fn lix_skips_code_and_link_addresses() {
    // Vet du vem som äger informationen? (6; informationen long)
    // Fråga din chef innan du delar den med part (9; inline code skipped)
    // Informationsägaren beslutar om klassning (4; 3 long)
    // 19 words, 3 sentences, 4 long: LIX = 6.33 + 21.05 = 27.39.
    let text = "Vet du vem som äger informationen? Fråga [din chef](https://intra.example.se/chefer) innan du delar den med `extern` part.\n\n    kod som inte räknas alls\n\nInformationsägaren beslutar om klassning.\n";
    assert_lix(text, 19, 3, 4);
    assert_eq!(analyse(text).lix_rounded(), Some(27));
}

// ---------------------------------------------------------------------------
// `check` in every format, via the binary.

fn check(args: &[&str]) -> (i32, String, String) {
    let o = Cmd::new()
        .arg("check")
        .root(&fixture("basic"))
        .args(args)
        .today(TODAY)
        .run();
    (o.code().unwrap_or(-1), o.stdout(), o.stderr())
}

#[test]
fn check_text_lists_warnings_and_notes() {
    let (code, _, err) = check(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(
        "content/forsenad.md:10:12: warning: the review date 2025-12-20 passed 71 days ago"
    ));
    assert!(
        err.contains("content/riktlinje.md:10:12: note: the review date 2026-03-15 is in 14 days")
    );
    assert!(err.contains("site.yaml:10:7: warning: the area `personal` (phase 1) has no published governing document"));
    assert!(err.contains("the reading list of role `tom` is empty"));
    assert!(err.contains("quizzes/oanvand.yaml: warning: no module uses the quiz `oanvand`"));
    assert!(err.contains("content/svar.md:16:1: warning: hard to read: LIX 92"));
    assert!(err.contains("0 error(s), 7 warning(s), 1 note(s)"), "{err}");
}

#[test]
fn check_json_is_one_document_and_strict_turns_warnings_into_errors() {
    let (code, out, _) = check(&["--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(
        (
            v["errors"].as_u64(),
            v["warnings"].as_u64(),
            v["notes"].as_u64()
        ),
        (Some(0), Some(7), Some(1))
    );
    let lix = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "content/svar.md")
        .unwrap();
    assert_eq!(lix["line"], 16);
    let hint = lix["hint"].as_str().unwrap();
    assert!(
        hint.contains("“Informationssäkerhetsarbetet förutsätter"),
        "{hint}"
    );
    assert!(
        hint.contains("(19 words)") && hint.contains("(11 words)") && hint.contains("(4 words)")
    );

    let (code, out, _) = check(&["--format", "json", "--strict"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["errors"].as_u64(),
            v["warnings"].as_u64(),
            v["notes"].as_u64()
        ),
        (Some(7), Some(0), Some(1))
    );
}

#[test]
fn check_github_prints_workflow_commands() {
    let (code, out, _) = check(&["--format", "github"]);
    assert_eq!(code, 0);
    assert!(out.contains("::warning file=content/forsenad.md,line=10,col=12,title=SD0801::the review date 2025-12-20 passed 71 days ago"), "{out}");
    assert!(out.contains("::notice file=content/riktlinje.md,line=10,col=12,title=SD0802::the review date 2026-03-15 is in 14 days"));
    assert!(out.contains(
        "::warning file=content/svar.md,line=16,col=1,title=SD0804::hard to read: LIX 92"
    ));
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    let (code, out, _) = check(&["--format", "github", "--strict"]);
    assert_eq!(code, 1);
    assert!(out.contains("::error file=content/forsenad.md,line=10,col=12,title=SD0801::"));
    assert!(
        out.contains("::notice file=content/riktlinje.md"),
        "a due review never fails"
    );
}
