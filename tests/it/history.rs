//! Integration tests for versions from git (issue #5): real repositories
//! made with the `git` CLI in temp dirs, with version bumps, a commit
//! without a bump, a renamed file, a draft period and a document that was
//! restricted once — for governing documents and for training modules.
//! Canary words mark text that must never be published.

use crate::harness::files::{read, write};
use crate::harness::git::{commit_all as commit, git_on as git};
use crate::harness::{run_at, snapshot, Outcome, TestSite};
use std::fs;
use std::path::{Path, PathBuf};

const SITE_YAML: &str = "title: Historik\norganisation: Testkommun\nbase_url: /\nroles:\n  - { id: medarbetare, name: Medarbetare }\npublish:\n  max_classification: internal\n";

fn policy() -> &'static str {
    "---\ntitle: Policy\ntype: policy\nid: P-1\nversion: \"1.0\"\nowner: Chef\napproved_by: KF\napproved_on: 2024-01-05\nreview_by: 2030-01-01\nroles: [medarbetare]\n---\nPolicytext.\n"
}

/// A rule `id` with the given version, status, classification, dates and body.
fn rule(id: &str, version: &str, status: &str, class: &str, on: &str, body: &str) -> String {
    format!(
        "---\ntitle: Lösenord {id}\ntype: rule\nid: {id}\nversion: \"{version}\"\nstatus: {status}\nclassification: {class}\nowner: IT\napproved_by: KD\napproved_on: {on}\nreview_by: 2030-01-01\nparent: P-1\nchanges: Ändrat i {version}\nhistory:\n  - {{ version: \"0.9\", date: 2019-01-01, approved_by: Nämnden, changes: Före git }}\n---\n## Krav\n\n{body}\n\nSe [policyn](id:P-1).\n"
    )
}

/// A module `id` with the given version, status, classification and body;
/// its quiz is `q1`.
fn module(id: &str, version: &str, status: &str, class: &str, body: &str) -> String {
    format!(
        "---\ntitle: Grundkurs {id}\ntype: module\nid: {id}\nversion: \"{version}\"\nstatus: {status}\nclassification: {class}\nduration: 20\nquiz: q1\n---\n## Lektion\n\n{body}\n"
    )
}

const QUIZ: &str = "title: Test\nquestions:\n  - type: truefalse\n    prompt: Får du dela ditt lösenord?\n    answer: false\n";

const LOSEN: &str = "content/regler/losenord.md";
const KURS: &str = "content/utbildning/grundkurs.md";
const HEMLIG_KURS: &str = "content/utbildning/hemlig-kurs.md";
const RENAMED: &str = "content/regler/losenord-och-inloggning.md";
const HEMLIG: &str = "content/regler/hemlig.md";

/// The scenario repository (see the module comment), HEAD at version 3.0
/// of the renamed rule.
fn scenario() -> TestSite {
    let dir = TestSite::new();
    let root = dir.root();
    git(root, &["init", "-q", "-b", "main"], "2024-01-01");
    write(root, "site.yaml", SITE_YAML);
    write(root, "content/policy.md", policy());
    write(
        root,
        LOSEN,
        &rule(
            "R-1",
            "1.0",
            "active",
            "internal",
            "2024-01-10",
            "Minst 8 tecken.",
        ),
    );
    write(
        root,
        HEMLIG,
        &rule(
            "R-2",
            "1.0",
            "active",
            "internal",
            "2024-01-10",
            "HEMLIG-ETT text.",
        ),
    );
    write(root, "quizzes/q1.yaml", QUIZ);
    write(
        root,
        KURS,
        &module("M-1", "1.0", "active", "internal", "Lektion ett."),
    );
    write(
        root,
        HEMLIG_KURS,
        &module("M-2", "1.0", "active", "internal", "MODUL-HEMLIG-ETT text."),
    );
    commit(root, "2024-01-10", "first versions");
    write(
        root,
        LOSEN,
        &rule(
            "R-1",
            "1.0",
            "active",
            "internal",
            "2024-01-10",
            "Minst 8 tecken, rättad.",
        ),
    );
    commit(root, "2024-03-01", "typo without a bump");
    write(
        root,
        LOSEN,
        &rule(
            "R-1",
            "2.0",
            "draft",
            "internal",
            "2024-05-01",
            "UTKAST-KANARIE text.",
        ),
    );
    write(
        root,
        HEMLIG,
        &rule(
            "R-2",
            "2.0",
            "active",
            "restricted",
            "2024-05-01",
            "BEGRANSAD-KANARIE text.",
        ),
    );
    write(
        root,
        KURS,
        &module(
            "M-1",
            "2.0",
            "draft",
            "internal",
            "MODUL-UTKAST-KANARIE text.",
        ),
    );
    write(
        root,
        HEMLIG_KURS,
        &module(
            "M-2",
            "2.0",
            "active",
            "restricted",
            "MODUL-BEGRANSAD-KANARIE text.",
        ),
    );
    commit(root, "2024-05-01", "draft of 2.0, restricted R-2 and M-2");
    write(
        root,
        LOSEN,
        &rule(
            "R-1",
            "2.0",
            "active",
            "internal",
            "2024-06-01",
            "Minst 12 tecken.",
        ),
    );
    write(
        root,
        HEMLIG,
        &rule(
            "R-2",
            "3.0",
            "active",
            "internal",
            "2024-06-01",
            "Hemlig tre.",
        ),
    );
    write(
        root,
        KURS,
        &module("M-1", "2.0", "active", "internal", "Lektion två."),
    );
    write(
        root,
        HEMLIG_KURS,
        &module("M-2", "3.0", "active", "internal", "Modul hemlig tre."),
    );
    commit(root, "2024-06-01", "2.0 approved");
    fs::remove_file(root.join(LOSEN)).unwrap();
    write(
        root,
        RENAMED,
        &rule(
            "R-1",
            "3.0",
            "active",
            "internal",
            "2024-09-01",
            "Minst 14 tecken.",
        ),
    );
    write(
        root,
        KURS,
        &module("M-1", "3.0", "active", "internal", "Lektion tre."),
    );
    commit(root, "2024-09-01", "rename and 3.0");
    dir
}

fn styrdok(root: &Path, args: &[&str]) -> Outcome {
    run_at(root, args)
}

/// Builds the site at `root`, which must succeed: OUT and the diagnostics.
fn build(root: &Path) -> (PathBuf, String) {
    let o = run_at(root, &["build"]).success();
    (root.join("public"), o.stderr())
}

/// Every file under `dir`, as (relative path, text).
fn all_files(dir: &Path) -> Vec<(String, String)> {
    snapshot(dir)
        .into_iter()
        .map(|(rel, bytes)| (rel, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

const DOC: &str = "regler/losenord-och-inloggning/";

#[test]
fn older_versions_follow_renames_and_keep_the_last_approved_text() {
    let site = scenario();
    let (out, err) = build(site.root());
    assert!(!err.contains("note:"), "{err}");
    let current = read(&out, &format!("{DOC}index.html"));
    assert!(current.contains("Minst 14 tecken"));
    for v in ["v2.0", "v1.0"] {
        assert!(
            current.contains(&format!("href=\"/{DOC}{v}/\"")),
            "{v} link: {current}"
        );
    }
    assert!(current.contains("Före git"), "front matter history kept");
    let v1 = read(&out, &format!("{DOC}v1.0/index.html"));
    assert!(
        v1.contains("Minst 8 tecken, rättad."),
        "last approved state of 1.0"
    );
    assert!(v1.contains("Äldre version"));
    assert!(
        v1.contains("gällde från 2024-01-10 till 2024-06-01"),
        "{v1}"
    );
    assert!(
        v1.contains(&format!("gällande version är <a href=\"/{DOC}\">3.0</a>")),
        "{v1}"
    );
    assert!(!v1.contains("<script>") && !v1.contains("style=\""));
    let v2 = read(&out, &format!("{DOC}v2.0/index.html"));
    assert!(v2.contains("Minst 12 tecken."));
    assert!(v2.contains("till 2024-09-01"));
    // The current version's address leads to the current page.
    let redirect = read(&out, &format!("{DOC}v3.0/index.html"));
    assert!(redirect.contains(&format!("url=/{DOC}")), "{redirect}");
    assert!(
        !out.join("regler/losenord/v1.0").exists(),
        "versions live at the current address"
    );
}

#[test]
fn changes_pages_mark_words_without_colour_alone() {
    let site = scenario();
    let (out, _) = build(site.root());
    let diff = read(&out, &format!("{DOC}v2.0/andringar/index.html"));
    assert!(
        diff.contains(
            "<del class=\"diff-del\"><span class=\"visually-hidden\">Borttaget: </span>8</del>"
        ),
        "{diff}"
    );
    assert!(
        diff.contains(
            "<ins class=\"diff-ins\"><span class=\"visually-hidden\">Tillagt: </span>12</ins>"
        ),
        "{diff}"
    );
    assert!(diff.contains(&format!("href=\"/{DOC}v1.0/\">1.0</a>")));
    let current_diff = read(&out, &format!("{DOC}v3.0/andringar/index.html"));
    assert!(current_diff.contains("14</ins>"));
    assert!(
        !out.join(format!("{DOC}v1.0/andringar")).exists(),
        "nothing before 1.0 to compare"
    );
    let css = read(&out, "css/style.css");
    assert!(css.contains("/* History */") && css.contains(".diff ins::before"));
}

#[test]
fn drafts_and_once_restricted_documents_never_publish_old_versions() {
    let site = scenario();
    let (out, _) = build(site.root());
    for (rel, text) in all_files(&out) {
        for canary in [
            "UTKAST-KANARIE",
            "BEGRANSAD-KANARIE",
            "HEMLIG-ETT",
            "MODUL-UTKAST-KANARIE",
            "MODUL-BEGRANSAD-KANARIE",
            "MODUL-HEMLIG-ETT",
        ] {
            assert!(!text.contains(canary), "{canary} in {rel}");
        }
    }
    // R-2 is internal now and published, but was restricted in 2.0.
    assert!(read(&out, "regler/hemlig/index.html").contains("Hemlig tre."));
    assert!(!out.join("regler/hemlig/v1.0").exists());
    assert!(!read(&out, "regler/hemlig/index.html").contains("/regler/hemlig/v1.0/"));
    // M-2, likewise, was restricted in 2.0: only its current version.
    assert!(read(&out, "utbildning/hemlig-kurs/index.html").contains("Modul hemlig tre."));
    assert!(!out.join("utbildning/hemlig-kurs/v1.0").exists());
    assert!(!out.join("utbildning/hemlig-kurs/v3.0").exists());
    // Even a preview with drafts publishes no draft of an older version.
    let o = styrdok(site.root(), &["build", "--drafts"]);
    assert!(o.succeeded());
    for (rel, text) in all_files(&site.root().join("public")) {
        assert!(!text.contains("UTKAST-KANARIE"), "draft in {rel}");
        assert!(!text.contains("BEGRANSAD-KANARIE"), "restricted in {rel}");
        assert!(
            !text.contains("MODUL-HEMLIG-ETT"),
            "once restricted in {rel}"
        );
    }
}

#[test]
fn point_in_time_page_lists_every_version_with_its_range() {
    let site = scenario();
    let (out, _) = build(site.root());
    let page = read(&out, "gallande/index.html");
    assert!(page.contains("<input id=\"in-force-date\" type=\"date\" name=\"datum\" value=\""));
    assert!(page.contains("<script type=\"module\" src=\"/js/in-force.js\"></script>"));
    assert!(!page.contains("<script>"), "no inline script");
    assert!(page.contains("data-from=\"2024-01-10\" data-to=\"2024-06-01\""));
    assert!(page.contains(&format!("href=\"/{DOC}v1.0/\"")));
    assert!(page.contains("data-id=\"R-1\" data-from=\"2024-09-01\" data-to=\"\""));
    assert!(read(&out, "js/in-force.js").contains("export function answer"));
}

#[test]
fn feed_has_one_entry_per_version_newest_first() {
    let site = scenario();
    let (out, _) = build(site.root());
    let feed = read(&out, "atom.xml");
    let r1: Vec<usize> = [
        "R-1 Lösenord R-1 version 3.0",
        "R-1 Lösenord R-1 version 2.0",
        "R-1 Lösenord R-1 version 1.0",
    ]
    .iter()
    .map(|t| feed.find(t).unwrap_or_else(|| panic!("{t}: {feed}")))
    .collect();
    assert!(r1[0] < r1[1] && r1[1] < r1[2], "newest first");
    assert!(feed.contains(&format!("<link href=\"/{DOC}v1.0/\"/>")));
    assert_eq!(
        feed.matches("R-2 Lösenord").count(),
        1,
        "no old R-2 versions"
    );
}

#[test]
fn uncommitted_changes_are_the_current_version_and_the_cache_is_reused() {
    let site = scenario();
    let root = site.root();
    build(root);
    assert!(root.join(".styrdok-cache/history.json").is_file());
    let status = git(root, &["status", "--porcelain"], "2024-10-01");
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(
        !status.contains(".styrdok-cache"),
        "the cache ignores itself: {status}"
    );
    write(
        root,
        RENAMED,
        &rule(
            "R-1",
            "3.1",
            "active",
            "internal",
            "2024-10-01",
            "Minst 16 tecken.",
        ),
    );
    let (out, _) = build(root);
    assert!(read(&out, &format!("{DOC}index.html")).contains("Minst 16 tecken"));
    assert!(read(&out, &format!("{DOC}v3.0/index.html")).contains("Minst 14 tecken"));
}

#[test]
fn check_base_requires_a_higher_version_for_changed_text() {
    let site = scenario();
    let root = site.root();
    let ok = styrdok(root, &["check", "--base", "HEAD"]);
    assert!(ok.succeeded(), "{}", ok.stderr());
    let text = rule(
        "R-1",
        "3.0",
        "active",
        "internal",
        "2024-09-01",
        "Minst 15 tecken.",
    );
    write(root, RENAMED, &text);
    let fail = styrdok(root, &["check", "--base", "HEAD"]);
    let err = fail.stderr();
    assert_eq!(fail.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{RENAMED}:5:10: error: the text changed since HEAD but `version` is still 3.0"
        )),
        "{err}"
    );
    let gh = styrdok(root, &["check", "--base", "HEAD", "--format", "github"]);
    let out = gh.stdout();
    assert!(
        out.contains(&format!("::error file={RENAMED},line=5")),
        "{out}"
    );
    write(
        root,
        RENAMED,
        &rule(
            "R-1",
            "3.1",
            "active",
            "internal",
            "2024-09-01",
            "Minst 15 tecken.",
        )
        .replacen("changes:", "acknowledge: true\nchanges:", 1),
    );
    assert!(styrdok(root, &["check", "--base", "HEAD"]).succeeded());
    write(
        root,
        RENAMED,
        &rule(
            "R-1",
            "2.5",
            "active",
            "internal",
            "2024-09-01",
            "Minst 15 tecken.",
        )
        .replacen("changes:", "acknowledge: true\nchanges:", 1),
    );
    let down = styrdok(root, &["check", "--base", "HEAD"]);
    let err = down.stderr();
    assert!(
        err.contains("`version` went down from 3.0 to 2.5 since HEAD"),
        "{err}"
    );
    // The same file against an older base: 2.0 → 2.5 is a raise.
    assert!(styrdok(root, &["check", "--base", "HEAD~1"]).succeeded());
    let missing = styrdok(root, &["check", "--base", "no-such-branch"]);
    assert_eq!(missing.code(), Some(1));
}

#[test]
fn shallow_clones_and_folders_without_git_build_current_versions_and_say_why_once() {
    let site = scenario();
    let clones = TestSite::new();
    let url = format!("file://{}", site.root().display());
    git(
        clones.root(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
        "2024-10-01",
    );
    let shallow = clones.root().join("shallow");
    let (out, err) = build(&shallow);
    assert_eq!(err.matches("note:").count(), 1, "{err}");
    assert!(err.contains("shallow clone"), "{err}");
    assert!(out.join(format!("{DOC}index.html")).is_file());
    assert!(!out.join(format!("{DOC}v1.0")).exists());
    assert!(styrdok(&shallow, &["check", "--strict"]).succeeded());

    let plain = TestSite::new();
    write(plain.root(), "site.yaml", SITE_YAML);
    write(plain.root(), "content/policy.md", policy());
    let (out, err) = build(plain.root());
    assert_eq!(err.matches("note:").count(), 1, "{err}");
    assert!(err.contains("not in a git repository"), "{err}");
    assert!(read(&out, "gallande/index.html").contains("P-1"));
}

#[test]
fn a_site_in_a_subfolder_of_its_repository_has_history() {
    let dir = TestSite::new();
    let repo = dir.root();
    let root = repo.join("webb");
    git(repo, &["init", "-q", "-b", "main"], "2024-01-01");
    write(&root, "site.yaml", SITE_YAML);
    write(&root, "content/policy.md", policy());
    write(
        &root,
        LOSEN,
        &rule("R-1", "1.0", "active", "internal", "2024-01-10", "Ett."),
    );
    commit(repo, "2024-01-10", "one");
    write(
        &root,
        LOSEN,
        &rule("R-1", "1.1", "active", "internal", "2024-02-10", "Två."),
    );
    commit(repo, "2024-02-10", "two");
    let (out, err) = build(&root);
    assert!(!err.contains("note:"), "{err}");
    assert!(read(&out, "regler/losenord/v1.0/index.html").contains("Ett."));
}

const KURS_URL: &str = "utbildning/grundkurs/";

#[test]
fn module_versions_have_pages_a_table_and_changes_but_the_quiz_stays_current() {
    let site = scenario();
    let (out, _) = build(site.root());
    let current = read(&out, &format!("{KURS_URL}index.html"));
    assert!(current.contains("Lektion tre."));
    assert!(
        current.contains("class=\"quiz-data\""),
        "the current version keeps its quiz"
    );
    let table = &current[current
        .find("id=\"history-heading\"")
        .unwrap_or_else(|| panic!("version table: {current}"))..];
    for v in ["v2.0", "v1.0"] {
        assert!(
            table.contains(&format!("<a href=\"/{KURS_URL}{v}/\">")),
            "{v} link: {table}"
        );
    }
    assert!(table.contains(&format!("href=\"/{KURS_URL}v3.0/andringar/\"")));
    assert!(table.contains(&format!("href=\"/{KURS_URL}v2.0/andringar/\"")));
    assert!(
        table.contains("<td>2024-09-01</td>"),
        "the current version counts from its first commit: {table}"
    );

    let v1 = read(&out, &format!("{KURS_URL}v1.0/index.html"));
    assert!(v1.contains("Lektion ett."), "{v1}");
    assert!(
        v1.contains(&format!(
            "aktuell från 2024-01-10 till 2024-06-01; aktuell version är <a href=\"/{KURS_URL}\">3.0</a>"
        )),
        "{v1}"
    );
    assert!(v1.contains("<meta name=\"robots\" content=\"noindex\">"));
    for quiz in [
        "data-quiz",
        "quiz-data",
        "data-module-status",
        "Får du dela",
    ] {
        assert!(!v1.contains(quiz), "no quiz on an older version ({quiz})");
    }
    assert!(
        v1.contains(&format!(
            "<a href=\"/{KURS_URL}#quiz\">Gör testet i den aktuella versionen (3.0)</a>"
        )),
        "{v1}"
    );
    assert!(v1.contains("20 minuter"), "{v1}");
    let v2 = read(&out, &format!("{KURS_URL}v2.0/index.html"));
    assert!(v2.contains("Lektion två.") && v2.contains("till 2024-09-01"));

    let diff = read(&out, &format!("{KURS_URL}v3.0/andringar/index.html"));
    assert!(
        diff.contains(
            "<del class=\"diff-del\"><span class=\"visually-hidden\">Borttaget: </span>två.</del>"
        ),
        "{diff}"
    );
    assert!(diff.contains("tre.</ins>"), "{diff}");
    assert!(read(&out, &format!("{KURS_URL}v3.0/index.html")).contains(&format!("url=/{KURS_URL}")));
    assert!(!out.join(format!("{KURS_URL}v1.0/andringar")).exists());
    // Changes since a confirmed version are for governing documents only.
    assert!(!out.join(format!("{KURS_URL}andringar-sedan")).exists());
}

#[test]
fn module_versions_stay_out_of_the_feed_and_the_point_in_time_page() {
    let site = scenario();
    let (out, _) = build(site.root());
    let feed = read(&out, "atom.xml");
    assert!(feed.contains("R-1 Lösenord R-1 version 1.0"), "{feed}");
    assert!(
        !feed.contains("Grundkurs") && !feed.contains(KURS_URL),
        "{feed}"
    );
    let page = read(&out, "gallande/index.html");
    assert!(page.contains("data-id=\"R-1\""));
    assert!(
        !page.contains("data-id=\"M-1\"") && !page.contains(KURS_URL),
        "{page}"
    );
}

/// The JSON of the "since you read it" block on a built page.
fn since_read_data(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/json\" class=\"since-read-data\">")
        .unwrap_or_else(|| panic!("no since-read data: {html}"));
    let rest = &html[start..];
    let json = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(json).unwrap()
}

#[test]
fn a_governing_document_embeds_what_changed_since_each_older_version() {
    let site = scenario();
    let (out, _) = build(site.root());
    let current = read(&out, &format!("{DOC}index.html"));
    assert!(
        current.contains("<section class=\"since-read\" data-since-read aria-labelledby=\"since-read-heading\" hidden>"),
        "hidden until the script finds an older receipt"
    );
    assert!(current.contains("<script type=\"module\" src=\"/js/training.js\"></script>"));
    let data = since_read_data(&current);
    assert_eq!(data["id"], "R-1");
    assert_eq!(data["version"], "3.0");
    let versions = data["versions"].as_array().unwrap();
    let field = |k: usize, key: &str| versions[k][key].as_str().unwrap().to_string();
    assert_eq!(
        (0..versions.len())
            .map(|k| field(k, "version"))
            .collect::<Vec<_>>(),
        ["1.0", "2.0", "3.0"],
        "published versions from git only, oldest first (not 0.9 from front matter)"
    );
    assert_eq!(
        field(0, "since_url"),
        format!("/{DOC}andringar-sedan/v1.0/")
    );
    assert_eq!(field(1, "since_url"), format!("/{DOC}v3.0/andringar/"));
    assert_eq!(field(2, "since_url"), "");
    assert_eq!(field(0, "diff_url"), "");
    assert_eq!(field(2, "diff_url"), format!("/{DOC}v3.0/andringar/"));
    assert_eq!(field(1, "approved_on"), "2024-06-01");
    assert_eq!(field(1, "changes"), "Ändrat i 2.0");

    let since = read(&out, &format!("{DOC}andringar-sedan/v1.0/index.html"));
    assert!(
        since.contains("<h1>Ändringar sedan version 1.0 – Lösenord R-1</h1>"),
        "{since}"
    );
    assert!(since.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(
        since.contains(
            "<del class=\"diff-del\"><span class=\"visually-hidden\">Borttaget: </span>tecken, rättad.</del>"
        ),
        "from the last approved 1.0 text straight to 3.0: {since}"
    );
    assert!(
        since.contains(">8</del>") && since.contains(">14</ins>"),
        "{since}"
    );
    assert!(!since.contains("12 tecken"), "2.0's text is not in between");
    for step in ["v2.0", "v3.0"] {
        assert!(
            since.contains(&format!("href=\"/{DOC}{step}/andringar/\"")),
            "{step}: {since}"
        );
    }
    assert!(since.contains("Ändrat i 2.0") && since.contains("Ändrat i 3.0"));
    // One page per older version but the newest (whose changes page into
    // the current version says the same).
    assert!(!out.join(format!("{DOC}andringar-sedan/v2.0")).exists());
    assert!(!out.join(format!("{DOC}andringar-sedan/v3.0")).exists());

    // A document without older versions still embeds its current version,
    // so a receipt for something older leads to the version table.
    let hemlig = since_read_data(&read(&out, "regler/hemlig/index.html"));
    let only: Vec<&str> = hemlig["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(only, ["3.0"]);
}
