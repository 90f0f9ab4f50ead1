//! Integration tests for the core pipeline (issue #2), on fixture sites under
//! tests/fixtures/core/: `base/` is a small valid site; each folder under
//! `invalid/` adds or replaces files to break exactly one rule, with the
//! errors `check` must print in its `expected.txt`.

use crate::harness::files::read;
use crate::harness::{copy_dir, snapshot, styrdok, Cmd, TestSite};
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    crate::harness::fixtures().join("core")
}

/// The base site with `overlays` (folders under tests/fixtures/core/)
/// copied over it, in a temp dir.
fn site(overlays: &[&str]) -> TestSite {
    overlays
        .iter()
        .fold(TestSite::new().fixture("core/base"), |site, o| {
            site.fixture(&format!("core/{o}"))
        })
}

#[test]
fn base_fixture_is_clean() {
    let s = site(&[]);
    let o = s.run(&["check", "--strict"]);
    assert!(o.succeeded(), "{}", o.stderr());
}

#[test]
fn every_invalid_fixture_reports_its_errors_with_file_and_line() {
    let mut cases = 0;
    for entry in fs::read_dir(fixtures().join("invalid")).unwrap() {
        let case = entry.unwrap().path();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected = fs::read_to_string(case.join("expected.txt")).unwrap();
        assert!(!expected.trim().is_empty(), "{name}: expected.txt is empty");
        let s = site(&[&format!("invalid/{name}")]);
        let o = s.run(&["check"]);
        assert_eq!(o.code(), Some(1), "{name}: {}", o.stderr());
        let err = o.stderr();
        for line in expected.lines() {
            assert!(err.contains(line), "{name}: missing\n  {line}\nin\n{err}");
        }
        cases += 1;
    }
    assert!(cases >= 50, "only {cases} invalid fixtures");
}

#[test]
fn check_prints_json_and_github_formats() {
    let s = site(&["invalid/unknown-key"]);
    let o = s.run(&["check", "--format", "json"]);
    assert_eq!(o.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.output.stdout).unwrap();
    assert_eq!(v["errors"], 1);
    assert_eq!(v["diagnostics"][0]["path"], "content/regler/r9.md");
    assert_eq!(v["diagnostics"][0]["line"], 11);
    assert_eq!(v["diagnostics"][0]["hint"], "did you mean `review_by`?");
    let o = s.run(&["check", "--format", "github"]);
    assert_eq!(
        o.stdout().trim(),
        "::error file=content/regler/r9.md,line=11,col=1,title=SD0101::unknown key `reveiw_by` (did you mean `review_by`?)"
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let s = site(&[]).replace(
        "content/regler/incident.md",
        "review_by: 2027-03-01",
        "review_by: 2026-01-01",
    );
    s.check(&[]).exits(0).stderr_has(
        "content/regler/incident.md:9:12: warning: the review date 2026-01-01 passed 332 days ago",
    );
    s.check(&["--strict"]).exits(1);
}

#[test]
fn bad_usage_exits_with_2() {
    assert_eq!(styrdok(&["frobnicate"]).run().code(), Some(2));
    assert_eq!(styrdok(&["check", "--format", "xml"]).run().code(), Some(2));
    assert_eq!(
        styrdok(&["build", "--root", "/nonexistent/site"])
            .run()
            .code(),
        Some(2)
    );
    let s = site(&[]);
    let root = s.root().to_str().unwrap();
    styrdok(&["build", "--root", root, "--out", root])
        .run()
        .exits(1)
        .stderr_has("contains the site itself");
    assert!(s.root().join("site.yaml").exists());
}

#[test]
fn build_writes_every_contract_output() {
    let s = site(&[]);
    let o = s.run(&["build"]);
    assert!(o.succeeded(), "{}", o.stderr());
    let out = s.out();
    for file in [
        "index.html",
        "policy/index.html",
        "riktlinje/index.html",
        "regler/index.html",
        "regler/incident/index.html",
        "utbildning/grundkurs/index.html",
        "utbildning/vag/index.html",
        "roller/index.html",
        "roller/chef/index.html",
        "roller/medarbetare/index.html",
        "gammal/policy/index.html",
        "bilder/schema.txt",
        "404.html",
        "sitemap.xml",
        "atom.xml",
        "css/style.css",
    ] {
        assert!(out.join(file).is_file(), "missing {file}");
    }
    let alias = read(&out, "gammal/policy/index.html");
    assert!(
        alias.contains("url=https://lis.example.se/policy/"),
        "{alias}"
    );
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains(
        "<loc>https://lis.example.se/regler/incident/</loc><lastmod>2026-03-01</lastmod>"
    ));
    let atom = read(&out, "atom.xml");
    let (r1, p1) = (
        atom.find("R-1 Regel").unwrap(),
        atom.find("P-1 Informations").unwrap(),
    );
    assert!(r1 < p1, "newest first");
    // A chef reads what a medarbetare reads (includes), plus the guideline.
    let chef = read(&out, "roller/chef/index.html");
    for title in [
        "Informationssäkerhetspolicy",
        "Riktlinje för informationssäkerhet",
        "Regel för incidenter",
        "Grundkurs",
    ] {
        assert!(chef.contains(title), "chef's list lacks {title}");
    }
    assert!(
        !read(&out, "roller/medarbetare/index.html").contains("Riktlinje för informationssäkerhet")
    );
}

#[test]
fn links_resolve_by_path_id_and_heading() {
    let s = site(&[]);
    assert!(s.run(&["build"]).succeeded());
    let out = s.out();
    let policy = read(&out, "policy/index.html");
    assert!(
        policy.contains(r#"<a href="/riktlinje/">riktlinjen</a>"#),
        "{policy}"
    );
    assert!(policy.contains(r#"<a href="/regler/incident/#rapportera-en-incident">regeln</a>"#));
    let rule = read(&out, "regler/incident/index.html");
    // Governing documents get an anchor link in each heading (issue #21).
    assert!(rule.contains(r##"<h2 id="rapportera-en-incident">Rapportera en incident</h2><a class="anchor" href="#rapportera-en-incident""##));
    assert!(rule.contains(r#"href="/bilder/schema.txt""#));
    assert!(rule.contains(r##"href="#syfte""##));
    assert!(rule.contains(r#"href="mailto:it@example.se""#));
    let guideline = read(&out, "riktlinje/index.html");
    assert!(guideline.contains(r#"<a href="/regler/">regler</a>"#));
}

#[test]
fn base_url_with_a_path_prefixes_every_link() {
    let s = site(&[]);
    let out = s.root().join("ut");
    let o = s.run(&[
        "build",
        "--base-url",
        "https://intra.example.se/lis",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.succeeded(), "{}", o.stderr());
    let policy = read(&out, "policy/index.html");
    assert!(policy.contains(r#"href="/lis/riktlinje/""#));
    assert!(policy.contains(r#"href="/lis/css/style.css""#));
    assert!(read(&out, "sitemap.xml").contains("https://intra.example.se/lis/policy/"));
}

#[test]
fn raw_html_and_front_matter_cannot_inject_script() {
    let s = site(&["hostile"]);
    let o = s.run(&["build"]);
    assert!(o.succeeded(), "{}", o.stderr());
    let out = s.out();
    let page = read(&out, "fientlig/index.html");
    let main = &page[page.find("<main").unwrap()..];
    for bad in [
        "<script>alert",
        "onerror",
        "onclick",
        "onload=",
        "javascript:",
        "<iframe",
        "<object",
        "style=\"color",
    ] {
        assert!(!main.contains(bad), "{bad} survived:\n{main}");
    }
    assert!(
        page.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;&#x2F;script&gt;")
            || page.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;")
    );
    assert!(main.contains("<details><summary>Mer info</summary>Behålls</details>"));
    assert!(
        main.contains(r#"<abbr title="Myndigheten för samhällsskydd och beredskap">MSB</abbr>"#)
    );
    for (rel, bytes) in snapshot(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{rel}");
    }
    // Raw HTML's links are checked like Markdown's: a script URL is an
    // error at its place, before the sanitiser would have dropped it.
    let s = site(&["hostile"]).file(
        "content/klick.md",
        "---\ntitle: Klick\n---\n<a href=\"javascript:alert('href')\">klick</a>\n",
    );
    s.check(&[]).exits(1).stderr_has(
        "content/klick.md:4:10: error: the link `javascript:alert('href')` uses the `javascript:` scheme, which is not allowed",
    );
}

const CANARIES: [&str; 4] = [
    "DRAFTCANARY1",
    "REVIEWCANARY2",
    "RESTRICTEDCANARY3",
    "RESTRICTEDDRAFTCANARY4",
];

fn canaries_in(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, bytes) in snapshot(out) {
        let text = String::from_utf8_lossy(&bytes);
        for c in CANARIES {
            if text.contains(c) || rel.contains(c) {
                found.push(format!("{c} in {rel}"));
            }
        }
    }
    found
}

#[test]
fn drafts_and_restricted_documents_never_leak() {
    let s = site(&["gates"]);
    let o = s.run(&["build"]);
    assert!(o.succeeded(), "{}", o.stderr());
    let out = s.out();
    assert_eq!(canaries_in(&out), Vec::<String>::new());
    assert!(!out.join("regler/utkast").exists());
    // Links to unpublished documents keep their text but lose the address.
    let links = read(&out, "lankar/index.html");
    assert!(links.contains("Se regeln och utkastet."), "{links}");
    assert!(o
        .stderr()
        .contains("warning: this links to content/regler/begransad.md, which is not published"));

    let o = s.run(&["build", "--drafts"]);
    assert!(o.succeeded(), "{}", o.stderr());
    let found = canaries_in(&out);
    assert!(
        found.iter().any(|f| f.starts_with("DRAFTCANARY1")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("REVIEWCANARY2")),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.starts_with("RESTRICTED")),
        "{found:?}"
    );
    let draft = read(&out, "regler/utkast/index.html");
    assert!(draft.contains("Utkast – inte fastställt"), "draft banner");
}

#[test]
fn a_failed_build_leaves_the_output_exactly_as_it_was() {
    let s = site(&[]);
    assert!(s.run(&["build"]).succeeded());
    let out = s.out();
    let before = snapshot(&out);
    copy_dir(&fixtures().join("invalid/link-missing-id"), s.root());
    let o = s.run(&["build"]);
    assert_eq!(o.code(), Some(1));
    assert!(o.stderr().contains("the output folder was left as it was"));
    assert_eq!(snapshot(&out), before);
    let leftovers: Vec<_> = fs::read_dir(s.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("styrdok-staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_successful_build_leaves_no_stale_pages() {
    let s = site(&[]);
    fs::write(
        s.root().join("content/tillfallig.md"),
        "---\ntitle: Tillfällig\n---\n",
    )
    .unwrap();
    assert!(s.run(&["build"]).succeeded());
    let out = s.out();
    assert!(out.join("tillfallig/index.html").exists());
    fs::remove_file(s.root().join("content/tillfallig.md")).unwrap();
    assert!(s.run(&["build"]).succeeded());
    assert!(!out.join("tillfallig").exists());
}

#[test]
fn the_bundled_site_builds_and_checks_clean() {
    let root = crate::harness::manifest_dir();
    let o = Cmd::new().args(["check", "--strict"]).root(root).run();
    assert!(o.succeeded(), "{}", o.stderr());
    let tmp = TestSite::new();
    let out = tmp.out();
    let o = Cmd::new()
        .args(["build", "--out", out.to_str().unwrap()])
        .root(root)
        .run();
    assert!(o.succeeded(), "{}", o.stderr());
    let rule = read(&out, "regler/losenord/index.html");
    assert!(rule.contains("<html lang=\"sv\">"));
    assert!(rule.contains("Dokumentansvarig"));
    assert_eq!(rule.matches("<main").count(), 1);
    // The review-status draft is not in a production build.
    assert!(!out.join("regler/kryptering").exists());
    // The elasticlunr export (written in parts) is whole JSON with one
    // document per published page, its ref the page's URL path.
    let export: serde_json::Value =
        serde_json::from_str(&read(&out, "search_index.sv.json")).expect("valid JSON");
    let docs = export["documentStore"]["docs"].as_object().unwrap();
    assert_eq!(export["documentStore"]["length"], docs.len());
    assert_eq!(
        docs["/regler/losenord/"]["title"],
        "Regel för lösenord och inloggning"
    );
    assert!(docs.keys().all(|k| k.starts_with('/') && !k.contains('#')));
    assert!(!docs.contains_key("/regler/kryptering/"));
    assert_eq!(export["ref"], "url");
}

#[test]
fn an_english_site_gets_english_ui() {
    let s = site(&["english"]);
    let o = s.run(&["build"]);
    assert!(o.succeeded(), "{}", o.stderr());
    let out = s.out();
    let rule = read(&out, "regler/incident/index.html");
    assert!(rule.contains("<html lang=\"en\">"));
    assert!(rule.contains("Skip to content"));
    assert!(rule.contains("Document owner"));
    assert!(!rule.contains("Dokumentansvarig"));
    assert!(read(&out, "atom.xml").contains("xml:lang=\"en\""));
}

/// A document that cannot be read is reported for what is wrong with it,
/// not as missing from every page that links to it.
#[test]
fn a_broken_document_is_not_also_reported_as_missing_everywhere() {
    let s = site(&[]).replace(
        "content/regler/incident.md",
        "version: \"2.0\"",
        "verison: \"2.0\"",
    );
    let err = s.check(&[]).exits(1).stderr();
    assert!(
        err.contains("content/regler/incident.md:5:1: error: unknown key `verison`"),
        "{err}"
    );
    assert!(!err.contains("which does not exist"), "{err}");
    assert!(!err.contains("names no document"), "{err}");
    assert!(
        err.contains(
            "references to other documents were not checked, because 1 file(s) could not be read"
        ),
        "{err}"
    );
    assert!(err.contains("SD0306"), "{err}");
    // Once it reads, its links are checked again.
    s.edit("content/regler/incident.md", "verison:", "version:");
    s.check(&[]).exits(0);
}
