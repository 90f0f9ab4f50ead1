//! Unit tests of reading one content file.

use super::*;

fn parse_str(path: &str, src: &str) -> (Option<Document>, Vec<String>) {
    let (doc, diags) = parse(&format!("content/{path}"), path, src.to_string());
    (
        doc,
        diags
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect(),
    )
}

#[test]
fn url_paths() {
    assert_eq!(url_path("_index.md"), "");
    assert_eq!(url_path("regler/_index.md"), "regler/");
    assert_eq!(url_path("regler/losenord.md"), "regler/losenord/");
}

#[test]
fn a_valid_rule() {
    let (doc, errs) = parse_str(
        "regler/r.md",
        "---\ntitle: Lösenord\ntype: rule\nid: LIS-R-05\nversion: 1.10\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: LIS-RL-01\niso27001: [\"5.17\"]\n---\nText\n",
    );
    assert!(errs.is_empty(), "{errs:?}");
    let doc = doc.unwrap();
    assert_eq!(doc.version.unwrap().to_string(), "1.10");
    assert_eq!(doc.body(), "Text\n");
    assert_eq!(doc.url_path, "regler/r/");
}

#[test]
fn owner_contact_is_an_email_address() {
    let doc = |contact: &str| {
        format!("---\ntitle: R\ntype: rule\nid: R-1\nversion: \"0.1\"\nstatus: draft\nowner: IT\nowner_contact: {contact}\nparent: P\n---\n")
    };
    let (d, errs) = parse_str("r.md", &doc("it-servicedesk@botkyrka.se"));
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(
        d.unwrap().kind.governing().unwrap().owner_contact.clone(),
        "it-servicedesk@botkyrka.se"
    );
    let (_, errs) = parse_str("r.md", &doc("IT-avdelningen"));
    assert_eq!(
        errs,
        ["content/r.md:8:16: `owner_contact` is `IT-avdelningen`, not an e-mail address"]
    );
}

#[test]
fn required_keys_by_type_and_status() {
    let (_, errs) = parse_str(
        "r.md",
        "---\ntitle: R\ntype: rule\nid: R-1\nversion: \"1.0\"\n---\n",
    );
    for key in ["owner", "approved_by", "approved_on", "review_by", "parent"] {
        assert!(
            errs.iter().any(|e| e.contains(&format!("needs `{key}`"))),
            "{key}: {errs:?}"
        );
    }
    let (_, errs) = parse_str(
        "r.md",
        "---\ntitle: R\ntype: rule\nid: R-1\nversion: \"1.0\"\nstatus: draft\nowner: X\nparent: P\n---\n",
    );
    assert!(errs.is_empty(), "{errs:?}");
}

#[test]
fn keys_of_other_types_are_errors() {
    let (_, errs) = parse_str("p.md", "---\ntitle: P\nowner: X\n---\n");
    assert_eq!(
        errs,
        ["content/p.md:3:8: `owner` is not a key of type page"]
    );
}

#[test]
fn bad_values_point_at_their_line() {
    let (_, errs) = parse_str(
        "p.md",
        "---\ntitle: P\ntype: policy\nid: P 1\nversion: \"1\"\nowner: X\nstatus: draft\niso27001:\n  - \"5.1\"\n  - \"9.9\"\napproved_on: 2026-13-01\n---\n",
    );
    let joined = errs.join("\n");
    assert!(
        joined.contains("content/p.md:4:5: `P 1` is not a valid id"),
        "{joined}"
    );
    assert!(
        joined.contains("content/p.md:5:10: version `1` is not MAJOR.MINOR"),
        "{joined}"
    );
    assert!(
        joined.contains("content/p.md:10:6: `9.9` is not an ISO/IEC 27001:2022"),
        "{joined}"
    );
    assert!(
        joined.contains("content/p.md:11:14: `approved_on` is `2026-13-01`, not a date"),
        "{joined}"
    );
}

#[test]
fn a_bad_type_or_status_adds_no_noise() {
    // An unreadable type: its own error, no "not a key of type page"
    // for every governing key.
    let (doc, errs) = parse_str(
        "r.md",
        "---\ntitle: R\ntype: regel\nid: R-1\nversion: \"1.0\"\nowner: X\nparent: P\nreview_by: 2026-02-30\n---\n",
    );
    assert!(doc.is_none());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("content/r.md:3:7: type: `regel`"),
        "{errs:?}"
    );
    // An unreadable status: no guess at what an active rule would need,
    // but every other check still runs.
    let (_, errs) = parse_str(
        "r.md",
        "---\ntitle: R\ntype: rule\nid: R 1\nversion: \"1.0\"\nstatus: aktiv\nowner: [X]\nparent: P\n---\n",
    );
    let joined = errs.join("\n");
    assert_eq!(errs.len(), 3, "{joined}");
    assert!(
        joined.contains("r.md:4:5: `R 1` is not a valid id"),
        "{joined}"
    );
    assert!(joined.contains("r.md:6:9: status: `aktiv`"), "{joined}");
    assert!(joined.contains("r.md:7:8: owner: invalid type"), "{joined}");
}

#[test]
fn aliases_must_be_site_paths() {
    assert!(check_alias("/gamla/regler/").is_ok());
    for bad in [
        "gamla",
        "//evil.example/",
        "/a/../../etc/passwd",
        "https://x/",
        "/",
        "/a?b",
    ] {
        assert!(check_alias(bad).is_err(), "{bad}");
    }
}

#[test]
fn knowledge_measurement_keys_of_a_module() {
    let (doc, errs) = parse_str(
        "utbildning/m.md",
        "---\ntitle: M\ntype: module\nid: M-1\nversion: \"1.0\"\nquiz: grund\npretest: true\nretest_after_days: 120\n---\nText\n",
    );
    assert!(errs.is_empty(), "{errs:?}");
    let m = doc.unwrap();
    let m = m.kind.module().unwrap();
    assert!(m.pretest);
    assert_eq!(m.retest_after_days, 120);
    let (doc, _) = parse_str(
        "utbildning/m.md",
        "---\ntitle: M\ntype: module\nid: M-1\nversion: \"1.0\"\nquiz: grund\n---\n",
    );
    let doc = doc.unwrap();
    let m = doc.kind.module().unwrap();
    assert!(!m.pretest);
    assert_eq!(m.retest_after_days, crate::model::DEFAULT_RETEST_AFTER_DAYS);
    // Without a quiz there is nothing to measure with.
    let (_, errs) = parse_str(
        "utbildning/m.md",
        "---\ntitle: M\ntype: module\nid: M-1\nversion: \"1.0\"\npretest: true\nretest_after_days: 90\n---\n",
    );
    assert_eq!(
        errs,
        [
            "content/utbildning/m.md:6:10: `pretest` measures knowledge with the module's quiz, and this module has no `quiz`",
            "content/utbildning/m.md:7:20: `retest_after_days` measures knowledge with the module's quiz, and this module has no `quiz`",
        ]
    );
    // The keys belong to modules only.
    let (_, errs) = parse_str(
        "regler/r.md",
        "---\ntitle: R\ntype: page\npretest: true\n---\n",
    );
    assert!(errs.iter().any(|e| e.contains("pretest")), "{errs:?}");
}
