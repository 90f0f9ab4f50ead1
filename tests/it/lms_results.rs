//! `styrdok report` on a learning platform's CSV results export (issue
//! #19 point 3): the headings of a Moodle-style and a transcript-style
//! (Cornerstone, Docebo) export, the module and version from the package
//! identifier (or a version column), status words, scores, dates, and the
//! same counting rules as styrdok's own export (current version, outdated
//! results, units from the roster). Fixtures: tests/fixtures/lms/site and
//! tests/fixtures/lms/platform/.

use crate::harness::{fixtures, Outcome, TestSite};

fn report(site: &TestSite, export: &str, roster: bool) -> Outcome {
    let dir = fixtures().join("lms/platform");
    let mut cmd = site
        .cmd("report")
        .arg("--completions")
        .arg(dir.join(export))
        .args(["--format", "csv"]);
    if roster {
        cmd = cmd.arg("--roster").arg(dir.join("roster.csv"));
    }
    cmd.run()
}

/// The report's CSV as rows of (column → value).
fn rows(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut lines = csv
        .lines()
        .map(|l| l.split(',').map(String::from).collect::<Vec<_>>());
    let head = lines.next().unwrap();
    lines
        .map(|r| head.iter().cloned().zip(r).collect())
        .collect()
}

/// `passed_current`, `not_passed` and `passed_outdated_only` of a module
/// in one unit (`*` = all).
fn counts(csv: &str, id: &str, unit: &str) -> [String; 3] {
    let rows = rows(csv);
    let row = rows
        .iter()
        .find(|r| r["kind"] == "quiz" && r["id"] == id && r["unit"] == unit)
        .unwrap_or_else(|| panic!("no row for {id} in {unit}:\n{csv}"));
    ["passed_current", "not_passed", "passed_outdated_only"].map(|c| row[c].clone())
}

#[test]
fn a_moodle_style_export_counts_like_styrdoks_own() {
    let site = TestSite::new().fixture("lms/site");
    let o = report(&site, "moodle.csv", true).success();
    let out = o.stdout();
    // Anna passed 2.0, Bo failed it (Gun's status is no status), Cecilia
    // passed only 1.0; Anna completed M-2 (no quiz), David is in progress.
    assert_eq!(counts(&out, "M-1", "*"), ["1", "1", "1"], "{out}");
    assert_eq!(counts(&out, "M-1", "klf")[0], "1", "{out}");
    assert_eq!(counts(&out, "M-2", "*"), ["1", "0", "0"], "{out}");
    let m1 = rows(&out)
        .into_iter()
        .find(|r| r["kind"] == "quiz" && r["id"] == "M-1" && r["unit"] == "*")
        .unwrap();
    assert_eq!(
        (m1["participants"].as_str(), m1["pass_rate"].as_str()),
        ("2", "50.0")
    );
    let err = o.stderr();
    for want in [
        "moodle.csv:9:1: warning: the status `Väntar` is none of passed, failed, completed or in progress; row skipped",
        "moodle.csv:7: warning: 2 row(s), the first on this line, are of courses that are no styrdok package; skipped",
        "moodle.csv:8: warning: 1 row(s), the first on this line, are results of the path V-1's package",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
}

#[test]
fn a_transcript_export_with_a_version_column_and_points() {
    let site = TestSite::new().fixture("lms/site");
    let o = report(&site, "transcript.csv", false).success();
    let out = o.stdout();
    // Cecilia: the zip's name, 75 %; David: completed with 50 % under the
    // pass mark 60, so not passed; Erik: 9 of 12 points.
    assert_eq!(counts(&out, "M-1", "*"), ["2", "1", "0"], "{out}");
    assert!(
        o.stderr().contains(
            "transcript.csv:4:1: warning: the completion date `5 nov 2026` is not a date YYYY-MM-DD; the date is left out"
        ),
        "{}",
        o.stderr()
    );
}

#[test]
fn an_export_the_report_cannot_read_is_an_error_at_its_header() {
    let site = TestSite::new().fixture("lms/site");
    let export = site.root().join("export.csv");
    std::fs::write(
        &export,
        "Namn,Kurs,Datum\nAnna,styrdok-M-1-v2.0,2026-11-01\n",
    )
    .unwrap();
    let o = site.cmd("report").arg("--completions").arg(&export).run();
    assert_eq!(o.code(), Some(1), "{}", o.stderr());
    assert!(
        o.stderr().contains(
            "export.csv:1:1: error: the header row is neither styrdok's results export (kind, id, version, passed) nor a learning platform's: no column for status"
        ),
        "{}",
        o.stderr()
    );
}

/// A quiz prompt's Markdown (`**`) is shown as plain text in the report's
/// question table, not as escaped stars.
#[test]
fn question_prompts_are_plain_text_in_the_report() {
    let site = TestSite::new().fixture("lms/site");
    site.edit(
        "quizzes/grund.yaml",
        "prompt: Vilket lösenord är bäst?",
        "prompt: Vilket **lösenord** är _bäst_?",
    );
    let export = fixtures().join("lms/statements.json");
    for format in ["md", "csv", "html"] {
        let out = site
            .cmd("report")
            .arg("--completions")
            .arg(&export)
            .args(["--format", format])
            .run()
            .success()
            .stdout();
        assert!(out.contains("Vilket lösenord är bäst?"), "{format}: {out}");
        assert!(
            !out.contains("**") && !out.contains("\\*"),
            "{format}: {out}"
        );
    }
}
