//! The quiz model of issue #18: question ids (written or derived), a
//! question's `source:` checked like a link, and the knowledge-measurement
//! settings (`pretest`, `retest_after_days`) embedded in the module page.

use crate::harness::TestSite;

fn site() -> TestSite {
    TestSite::new()
        .fixture("core/base")
        .fixture("quiz/measured")
}

/// The quiz JSON a module page embeds.
fn quiz_json(html: &str) -> serde_json::Value {
    let start = html.find("class=\"quiz-data\">").expect("quiz data") + 18;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("quiz json")
}

#[test]
fn ids_sources_and_measurement_settings_reach_the_page() {
    let s = site();
    s.build().success();
    let q = quiz_json(&s.out_file("utbildning/grundkurs/index.html"));
    assert_eq!(q["pretest"], true);
    assert_eq!(q["retest_after_days"], 90);
    let qs = q["questions"].as_array().unwrap();
    assert_eq!(qs[0]["id"], "konfidentialitet");
    let derived = qs[1]["id"].as_str().unwrap();
    assert!(
        derived.starts_with("q-") && derived.len() == 12,
        "{derived}"
    );
    assert_eq!(qs[0]["source_url"], "/policy/");
    assert_eq!(
        qs[2]["source_url"],
        "/regler/incident/#rapportera-en-incident"
    );
    assert_eq!(
        qs[2]["source_title"],
        "Regel för incidenter – Rapportera en incident"
    );
    assert_eq!(qs[1]["source_url"], "");
    // Still no correct answer in plain text.
    assert!(qs[2].get("correct").is_none() && qs[1].get("answer").is_none());
}

#[test]
fn a_derived_id_is_the_same_in_the_next_version_when_the_question_is_unchanged() {
    let s = site();
    s.build().success();
    let before = quiz_json(&s.out_file("utbildning/grundkurs/index.html"));
    s.edit(
        "quizzes/grund.yaml",
        "title: Grundkurs",
        "title: Grundkurs, ny",
    );
    s.edit(
        "quizzes/grund.yaml",
        "Väntar och ser",
        "Väntar och ser vad som händer",
    );
    s.build().success();
    let after = quiz_json(&s.out_file("utbildning/grundkurs/index.html"));
    assert_eq!(before["questions"][1]["id"], after["questions"][1]["id"]);
    assert_ne!(before["questions"][2]["id"], after["questions"][2]["id"]);
}

#[test]
fn a_missing_document_or_heading_is_an_error_at_the_source_line() {
    let s = site();
    s.edit("quizzes/grund.yaml", "source: P-1", "source: P-9");
    s.edit(
        "quizzes/grund.yaml",
        "#rapportera-en-incident",
        "#rapportera",
    );
    let out = s.check(&[]).exits(1);
    out.stderr_has("quizzes/grund.yaml:11:5: error: the source `P-9` of question 1 names no document (no id `P-9`)")
        .stderr_has("quizzes/grund.yaml:22:5: error: the source `id:R-1#rapportera` of question 3: content/regler/incident.md has no heading `#rapportera`");
}

#[test]
fn old_quizzes_without_ids_sources_or_measurement_keys_still_build() {
    let s = TestSite::new().fixture("core/base");
    s.build().success();
    let q = quiz_json(&s.out_file("utbildning/grundkurs/index.html"));
    assert_eq!(q["pretest"], false);
    assert_eq!(q["retest_after_days"], 150);
    assert!(q["questions"][0]["id"].as_str().unwrap().starts_with("q-"));
}
