//! Snapshots (insta, issue #15) of what the binary writes, to review as a
//! whole instead of as scattered `contains` checks: the main content of
//! every page type, the views the templates are given (serialised by a
//! theme that prints them, tests/fixtures/snapshots/views/) and the text
//! diagnostics of `check`. The .snap files are under tests/it/snapshots/;
//! after a deliberate change, review them with `cargo insta review` or run
//! with `INSTA_UPDATE=always` and read the diff.

use crate::harness::{fixtures, Cmd, TestSite};

/// The core base site, the training overlay and a plain page: one page of
/// every type.
fn every_page_type() -> TestSite {
    TestSite::new()
        .fixture("core/base")
        .fixture("training/site")
        .fixture("snapshots/pages")
}

/// The `<main …>…</main>` element of `html`.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html[start..].find("</main>").expect("</main>") + start;
    &html[start..end + "</main>".len()]
}

/// Snapshots the main content of each (name, output file) of `pages`.
fn assert_main_content(site: &TestSite, pages: &[(&str, &str)]) {
    for (name, page) in pages {
        insta::assert_snapshot!(format!("main_{name}"), main_of(&site.out_file(page)));
    }
}

#[test]
fn main_content_of_every_content_page_type() {
    let site = every_page_type();
    site.build();
    assert_main_content(
        &site,
        &[
            ("start", "index.html"),
            ("policy", "policy/index.html"),
            ("guideline", "riktlinje/index.html"),
            ("rule", "regler/incident/index.html"),
            ("section", "regler/index.html"),
            ("module", "utbildning/grundkurs/index.html"),
            ("path", "utbildning/vag/index.html"),
            ("page", "om/index.html"),
        ],
    );
}

#[test]
fn main_content_of_every_generated_page() {
    let site = every_page_type();
    site.build();
    assert_main_content(
        &site,
        &[
            ("roles", "roller/index.html"),
            ("reading_list", "roller/chef/index.html"),
            ("status_board", "dokumentstatus/index.html"),
            ("iso27001", "iso27001/index.html"),
            ("introduction_plan", "inforandeplan/index.html"),
            ("structure", "struktur/index.html"),
            ("search", "sok/index.html"),
            ("not_found", "404.html"),
        ],
    );
}

#[test]
fn the_views_templates_are_given() {
    let site = every_page_type().fixture("snapshots/views");
    site.build();
    for (name, page) in [
        ("start", "index.html"),
        ("policy", "policy/index.html"),
        ("rule", "regler/incident/index.html"),
        ("section", "regler/index.html"),
        ("module", "utbildning/grundkurs/index.html"),
        ("path", "utbildning/vag/index.html"),
        ("page", "om/index.html"),
    ] {
        insta::assert_snapshot!(format!("view_{name}"), site.out_file(page));
    }
}

#[test]
fn check_prints_these_diagnostics() {
    for case in [
        "errors-in-many-files-reported-together",
        "unknown-key",
        "link-missing-file",
    ] {
        let site = TestSite::new()
            .fixture("core/base")
            .fixture(&format!("core/invalid/{case}"));
        let o = site.check(&[]).exits(1);
        insta::assert_snapshot!(format!("check_{case}"), o.stderr());
    }
    let o = Cmd::new()
        .arg("check")
        .root(&fixtures().join("governance/basic"))
        .today("2026-03-01")
        .run()
        .success();
    insta::assert_snapshot!("check_governance_warnings", o.stderr());
}
