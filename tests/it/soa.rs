//! The Statement of Applicability and requirement catalogues (issue #22):
//! the SoA as a governing document with an `applicability:` list, strictly
//! validated at file:line; its page, CSV and the catalogue pages (NIS2
//! article 21.2, a site's own catalogue); implementing documents that are
//! restricted or drafts never shown; older versions and changes of the SoA
//! from git. Fixture: tests/fixtures/soa/basic (entries one per line, so
//! control 5.25 is line 37, 8.24 line 95, 8.25 line 96, 8.28 line 99).

use crate::harness::files::files_containing;
use crate::harness::git::{commit_all, git};
use crate::harness::TestSite;

fn site() -> TestSite {
    TestSite::new().fixture("soa/basic")
}

/// The HTML from `<tr id="{id}"` to the end of that row.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<tr id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let end = html[start..].find("</tr>").unwrap() + start;
    &html[start..end]
}

/// Asserts a diagnostic line starting with `location` (`path:line:`) that
/// says `message`.
#[track_caller]
fn assert_diag(stderr: &str, location: &str, message: &str) {
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(location) && l.contains(message)),
        "no `{location}` … `{message}` in:\n{stderr}"
    );
}

/// (file, from, to) edits, the diagnostic's location and its message.
type Case<'a> = (&'a [Edit<'a>], &'a str, &'a str);
type Edit<'a> = (&'a str, &'a str, &'a str);

/// `check` after replacing `from` with `to` in `file`; its stderr, and
/// whether it failed.
fn check_after(edits: &[Edit]) -> (String, bool) {
    let site = site();
    for (file, from, to) in edits {
        site.edit(file, from, to);
    }
    let o = site.check(&[]);
    (o.stderr(), !o.succeeded())
}

#[test]
fn the_fixture_checks_clean_even_when_strict() {
    site().check(&["--strict"]).success();
}

#[test]
fn the_soa_page_lists_every_control_with_its_documents_and_says_what_is_missing() {
    let site = site();
    site.build();
    let html = site.out_file("tillampning/index.html");
    assert_eq!(html.matches("<tr id=\"control-").count(), 93);
    let main = &html[html.find("<main").unwrap()..];
    // What is missing comes first, in plain sentences.
    let first = main.find("gov-gap-sentence").unwrap();
    assert!(first < main.find("class=\"lead\"").unwrap());
    assert!(main.contains("89 tillämpliga åtgärder saknar genomförande."));
    assert!(main.contains("88 tillämpliga åtgärder saknar styrdokument."));
    let incident = row(&html, "control-5.24");
    assert!(incident.contains("href=\"/policy/\"") && incident.contains("href=\"/incident/\""));
    assert!(incident.contains("data-status=\"done\"") && incident.contains("Genomförd"));
    let excluded = row(&html, "control-8.25");
    assert!(excluded.contains("data-applicable=\"no\"") && excluded.contains("Ej tillämplig"));
    assert!(excluded.contains("Kommunen utvecklar ingen egen programvara."));
    let planned = row(&html, "control-5.25");
    assert!(planned.contains("2027-06-30") && planned.contains("IT-chef"));
    assert!(planned.contains("data-theme=\"organizational\""));
    // Filters for theme, status and applicability, for the script.
    for f in ["theme", "status", "applicable"] {
        assert!(html.contains(&format!("data-filter=\"{f}\"")), "{f}");
    }
    assert!(html.contains("js/soa-filter.js"));
    // The SoA document itself links here and carries the entries table.
    let doc = site.out_file("soa/index.html");
    assert!(doc.contains("Säkerhetsåtgärderna i bilaga A"));
    // One scroll region, named by its heading (not wrapped twice).
    assert_eq!(doc.matches("aria-labelledby=\"soa-entries\"").count(), 1);
    assert_eq!(doc.matches("<tr><th scope=\"row\">").count(), 93);
}

#[test]
fn the_soa_csv_has_every_control_and_defuses_formulas() {
    let site = site().replace(
        "content/soa.md",
        "justification: Policyn styr arbetet.",
        "justification: =HYPERLINK(\"http://x\")",
    );
    site.build();
    let csv = site.out_file("tillampning/tillampning.csv");
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 94);
    assert!(lines[0].starts_with("Åtgärd,Tema,Rubrik,Tillämplig,Motivering,Genomförande"));
    let first = lines.iter().find(|l| l.starts_with("5.1,")).unwrap();
    assert!(
        first.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{first}"
    );
    let excluded = lines.iter().find(|l| l.starts_with("8.25,")).unwrap();
    assert!(excluded.contains("Ej tillämplig,Kommunen utvecklar ingen egen programvara."));
    let incident = lines.iter().find(|l| l.starts_with("5.24,")).unwrap();
    assert!(incident.contains("LIS-P; LIS-R-1"), "{incident}");
}

#[test]
fn catalogue_pages_show_nis2_through_the_soa_and_the_sites_own_catalogue() {
    let site = site();
    site.build();
    let nis2 = site.out_file("kravkataloger/nis2/index.html");
    let sentence = "8 krav saknar styrdokument: NIS2 21.2 c, NIS2 21.2 d, NIS2 21.2 e, NIS2 21.2 f, NIS2 21.2 g, NIS2 21.2 h, NIS2 21.2 i, NIS2 21.2 j.";
    assert!(nis2.contains(sentence), "{nis2}");
    // b: cited by the policy itself; a: through control 5.1.
    let b = row(&nis2, "req-21.2.b");
    assert!(b.contains("control--covered") && b.contains("href=\"/policy/\""));
    let a = row(&nis2, "req-21.2.a");
    assert!(a.contains("control--covered") && a.contains("href=\"/tillampning/#control-5.1\""));
    // e maps to excluded secure-development controls, marked as such.
    let e = row(&nis2, "req-21.2.e");
    assert!(e.contains("control--gap") && e.contains("8.25") && e.contains("Ej tillämplig"));
    let gdpr = site.out_file("kravkataloger/gdpr32/index.html");
    assert!(gdpr.contains("<h1>Krav: Dataskyddsförordningen artikel 32</h1>"));
    assert!(gdpr.contains("Art. 32.1 a saknar styrdokument."), "{gdpr}");
    let index = site.out_file("kravkataloger/index.html");
    for url in [
        "/iso27001/",
        "/kravkataloger/nis2/",
        "/kravkataloger/gdpr32/",
    ] {
        assert!(index.contains(&format!("href=\"{url}\"")), "{url}");
    }
    // Annex A coverage: excluded controls are not gaps.
    let iso = site.out_file("iso27001/index.html");
    assert!(iso.contains("88 åtgärder saknar styrdokument."));
    let excluded = row(&iso, "control-8.28");
    assert!(excluded.contains("control--excluded") && excluded.contains("Ej tillämplig"));
}

#[test]
fn restricted_and_draft_implementers_are_never_shown() {
    let site = site();
    site.build();
    let out = site.out();
    for word in [
        "LIS-R-H",
        "Hemlig kryptoregel",
        "kryptocanary5501",
        "LIS-R-U",
        "utkastcanary5502",
    ] {
        assert_eq!(files_containing(&out, word), Vec::<String>::new(), "{word}");
    }
    let html = site.out_file("tillampning/index.html");
    assert!(row(&html, "control-8.24").contains("Inget styrdokument"));
    // A preview shows the draft (it cites 8.5 itself); restricted never.
    site.build_drafts(true);
    for word in ["LIS-R-H", "Hemlig kryptoregel", "kryptocanary5501"] {
        assert_eq!(
            files_containing(&out, word),
            Vec::<String>::new(),
            "--drafts {word}"
        );
    }
    let html = site.out_file("tillampning/index.html");
    assert!(row(&html, "control-8.5").contains("href=\"/utkast/\""));
}

#[test]
fn a_restricted_soa_is_not_published_and_its_entries_stay_out() {
    let site = site()
        .replace(
            "content/soa.md",
            "status: active\n",
            "status: active\nclassification: restricted\n",
        )
        .replace(
            "content/soa.md",
            "Kommunen utvecklar ingen egen programvara.",
            "soacanary5503",
        );
    site.build();
    assert_eq!(
        files_containing(&site.out(), "soacanary5503"),
        Vec::<String>::new()
    );
    let html = site.out_file("tillampning/index.html");
    assert!(html.contains("Det finns inget publicerat uttalande om tillämplighet."));
    assert!(!html.contains("<tr id=\"control-"));
}

#[test]
fn entries_are_checked_at_their_lines() {
    let soa = "content/soa.md";
    let cases: &[Case] = &[
        (
            &[(soa, "control: \"5.25\"", "control: \"5.99\"")],
            "content/soa.md:37:",
            "`5.99` is not an ISO/IEC 27001:2022 Annex A control",
        ),
        (
            &[(soa, "control: \"5.25\"", "control: \"5.24\"")],
            "content/soa.md:37:",
            "control 5.24 is listed twice",
        ),
        (
            &[(soa, "justification: Händelser ska bedömas., ", "")],
            "content/soa.md:37:",
            "control 5.25 has no `justification`; an included control needs one",
        ),
        (
            &[(
                soa,
                ", justification: Kommunen skriver ingen egen programkod.",
                "",
            )],
            "content/soa.md:99:",
            "control 8.28 has no `justification`; an excluded control needs one",
        ),
        (
            &[(
                soa,
                "applicable: true, justification: Händelser",
                "applicable: kanske, justification: Händelser",
            )],
            "content/soa.md:37:",
            "`applicable` of control 5.25 must be true or false",
        ),
        (
            &[(
                soa,
                "status: pågår, responsible: IT-chef, target: 2027-06-30",
                "status: klar, responsible: IT-chef, target: 2027-06-30",
            )],
            "content/soa.md:37:",
            "`klar` is not an implementation status",
        ),
        (
            &[(
                soa,
                "status: pågår, responsible: IT-chef, target: 2027-06-30",
                "responsible: IT-chef, target: 2027-06-30",
            )],
            "content/soa.md:37:",
            "applicable control 5.25 has no `status`",
        ),
        (
            &[(soa, "target: 2027-06-30", "target: 2027-13-01")],
            "content/soa.md:37:",
            "`target` of control 5.25 is `2027-13-01`, not a date",
        ),
        (
            &[(soa, "documents: [LIS-R-1]", "documents: [LIS-R-9]")],
            "content/soa.md:37:",
            "unknown document id `LIS-R-9` for control 5.25",
        ),
        (
            &[(soa, "programvara. }", "programvara., documents: [LIS-P] }")],
            "content/soa.md:96:",
            "control 8.25 is excluded but lists implementing documents",
        ),
        (
            &[("content/policy.md", "\"5.24\"]", "\"5.24\", \"8.25\"]")],
            "content/policy.md:11:",
            "cites control 8.25, which the Statement of Applicability (content/soa.md) excludes",
        ),
        (
            &[("content/policy.md", "nis2:21.2.b", "nis2:21.2.k")],
            "content/policy.md:12:",
            "catalogue `nis2` has no requirement `21.2.k`",
        ),
        (
            &[("content/policy.md", "nis2:21.2.b", "iso:5.1")],
            "content/policy.md:12:",
            "unknown catalogue `iso`",
        ),
        (
            &[("site.yaml", "- id: gdpr32", "- id: nis2")],
            "site.yaml:10:",
            "catalogue id `nis2` is built in",
        ),
        (
            &[("site.yaml", "iso27001: [\"8.24\"]", "iso27001: [\"8.99\"]")],
            "site.yaml:18:",
            "`8.99` is not an ISO/IEC 27001:2022 Annex A control",
        ),
    ];
    for (edits, location, message) in cases {
        let (stderr, failed) = check_after(edits);
        assert!(failed, "{message}: check passed:\n{stderr}");
        assert_diag(&stderr, location, message);
        // Each kind has a stable code of its own (docs/diagnostics.md).
        assert!(stderr.contains("= code: SD"), "{stderr}");
        assert!(
            !stderr.contains("SD0099"),
            "{message} has no code:\n{stderr}"
        );
    }
}

#[test]
fn a_second_soa_is_an_error_at_its_list() {
    let site = site();
    let copy = site
        .read("content/soa.md")
        .replace("id: LIS-SOA", "id: LIS-SOA-2");
    site.write("content/soa2.md", copy);
    let o = site.check(&[]).exits(1);
    assert_diag(
        &o.stderr(),
        "content/soa2.md:12:",
        "a site has one Statement of Applicability, and content/soa.md already is it",
    );
}

#[test]
fn warnings_for_late_targets_disagreements_and_left_out_controls() {
    let cases: &[Case] = &[
        (&[("content/soa.md", "target: 2027-06-30", "target: 2026-01-31")], "content/soa.md:37:", "control 5.25 should have been implemented by 2026-01-31 and is not"),
        (&[("content/incident.md", "\"5.25\"]", "\"5.25\", \"5.26\"]")], "content/soa.md:38:", "control 5.26: LIS-R-1 cites it, but the Statement of Applicability does not list LIS-R-1 in `documents`"),
        (&[("content/soa.md", "documents: [LIS-R-1]", "documents: [LIS-R-1, LIS-P]")], "content/soa.md:37:", "control 5.25: the Statement of Applicability lists LIS-P, but LIS-P does not cite the control"),
        (&[("content/soa.md", "  - { control: \"5.3\", applicable: true, justification: Åtgärden behövs hos oss., status: ej påbörjad, target: 2028-01-01 }\n", "")], "content/soa.md:12:", "the Statement of Applicability leaves out 1 of the 93 Annex A controls: 5.3"),
    ];
    for (edits, location, message) in cases {
        let site = site();
        for (file, from, to) in *edits {
            site.edit(file, from, to);
        }
        let o = site.check(&[]).success();
        assert_diag(&o.stderr(), location, message);
        assert!(!o.stderr().contains("SD0099"), "{message} has no code");
        site.check(&["--strict"]).exits(1);
    }
}

#[test]
fn an_older_soa_version_and_its_changes_are_published_from_git() {
    let site = site();
    git(site.root(), &["init", "-q"]);
    commit_all(site.root(), "2026-06-01", "SoA 1.0");
    site.edit("content/soa.md", "version: \"1.0\"", "version: \"1.1\"");
    site.edit(
        "content/soa.md",
        "status: pågår, responsible: IT-chef, target: 2027-06-30",
        "status: genomförd, responsible: IT-chef",
    );
    commit_all(site.root(), "2026-09-01", "SoA 1.1: 5.25 done");
    site.build();
    let old = site.out_file("soa/v1.0/index.html");
    assert!(
        old.contains("<tr><th scope=\"row\">5.25</th><td>Tillämplig</td><td>Pågår <span class=\"soa-meta\">Klart senast 2027-06-30</span>"),
        "{old}"
    );
    let changes = site.out_file("soa/v1.1/andringar/index.html");
    assert!(
        changes.contains("Pågår") && changes.contains("Genomförd"),
        "{changes}"
    );
    assert!(changes.contains("<del") && changes.contains("<ins"));
    let current = site.out_file("tillampning/index.html");
    assert!(row(&current, "control-5.25").contains("data-status=\"done\""));
}

#[test]
fn main_content_of_the_soa_and_catalogue_pages() {
    let site = site();
    site.build();
    for (name, page) in [
        ("soa", "tillampning/index.html"),
        ("nis2", "kravkataloger/nis2/index.html"),
        ("catalogues", "kravkataloger/index.html"),
    ] {
        let html = site.out_file(page);
        let start = html.find("<main").unwrap();
        let end = html[start..].find("</main>").unwrap() + start;
        insta::assert_snapshot!(format!("main_{name}"), &html[start..end + 7]);
    }
}
