//! Path traversal (issue #9): links, images, aliases and file names with
//! `../../etc/passwd`, absolute paths and symlinks in `content/` or
//! `quizzes/` pointing outside the site can neither read nor write outside
//! the site and its output. (discover does not follow symlinks.)

use crate::harness::{snapshot, write_files, TestSite};
use std::fs;
use std::path::Path;

const SECRET: &str = "utanforsajten9101";

/// A site with a start page at `tmp/sajt`, so that `tmp` can hold things
/// outside it.
fn sajt() -> TestSite {
    TestSite::in_folder("sajt")
        .site_yaml()
        .file("content/_index.md", "---\ntitle: Start\n---\n")
}

/// A folder beside the site holding a secret file, folder and quiz.
fn outside(base: &Path) -> std::path::PathBuf {
    let o = base.join("utanfor");
    write_files(
        &o,
        &[
            ("hemlig.md", format!("---\ntitle: {SECRET}\n---\n{SECRET}\n")),
            ("mapp/sida.md", format!("---\ntitle: {SECRET}\n---\n{SECRET}\n")),
            ("bild.png", SECRET.into()),
            ("quiz.yaml", format!("title: {SECRET}\nquestions:\n  - type: truefalse\n    prompt: {SECRET}\n    answer: true\n")),
        ],
    );
    o
}

fn everything_outside(base: &Path, site: &Path) -> Vec<String> {
    walkdir::WalkDir::new(base)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.path().starts_with(site))
        .map(|e| e.path().display().to_string())
        .collect()
}

#[test]
fn symlinks_out_of_the_site_are_not_followed() {
    let sajt = sajt();
    let (base, site) = (sajt.tmp(), sajt.root());
    let o = outside(base);
    std::os::unix::fs::symlink(o.join("hemlig.md"), site.join("content/lank.md")).unwrap();
    std::os::unix::fs::symlink(o.join("mapp"), site.join("content/mapp")).unwrap();
    std::os::unix::fs::symlink(o.join("bild.png"), site.join("content/bild.png")).unwrap();
    fs::create_dir_all(site.join("quizzes")).unwrap();
    std::os::unix::fs::symlink(o.join("quiz.yaml"), site.join("quizzes/q.yaml")).unwrap();
    std::os::unix::fs::symlink("/etc", site.join("content/etc")).unwrap();
    let before = everything_outside(base, site);
    sajt.build();
    for (rel, bytes) in snapshot(&sajt.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(SECRET) && !text.contains("root:x:0:0"),
            "{rel}"
        );
        assert!(!rel.starts_with("etc") && !rel.starts_with("mapp"), "{rel}");
    }
    assert_eq!(everything_outside(base, site), before);
}

#[test]
fn links_images_and_aliases_cannot_reach_outside() {
    let sajt = sajt();
    let (base, site) = (sajt.tmp(), sajt.root());
    outside(base);
    sajt.build();
    let before = everything_outside(base, site);
    for (name, body, message) in [
        (
            "md-up",
            "[x](../../utanfor/hemlig.md)",
            "points outside content/",
        ),
        (
            "img-up",
            "![x](../../utanfor/bild.png)",
            "points outside content/",
        ),
        (
            "encoded",
            "[x](%2e%2e/%2e%2e/utanfor/hemlig.md)",
            "points outside content/",
        ),
        // Markdown reads `\.` as an escaped dot: a missing file, not a way out.
        (
            "backslash",
            "[x](..\\..\\utanfor\\hemlig.md)",
            "which does not exist",
        ),
        (
            "etc",
            "[x](../../../../../../etc/passwd.md)",
            "points outside content/",
        ),
        ("file", "[x](file:///etc/passwd)", "`file:` scheme"),
        // Addresses of the site are checked too (issue #14).
        (
            "abs-img",
            "![x](/etc/passwd.png)",
            "which is no page or file of the site",
        ),
        (
            "address-up",
            "[x](../../../../etc/passwd)",
            "points outside the site",
        ),
    ] {
        sajt.write("content/a.md", format!("---\ntitle: A\n---\n{body}\n"));
        sajt.cmd("build").run().exits(1).stderr_has(message);
        for (rel, bytes) in snapshot(&sajt.out()) {
            assert!(
                !String::from_utf8_lossy(&bytes).contains(SECRET),
                "{name}: {rel}"
            );
            assert!(
                !String::from_utf8_lossy(&bytes).contains("root:x:0:0"),
                "{name}: {rel}"
            );
        }
    }
    for alias in [
        "/../../utanfor/x/",
        "/a/../../../x/",
        "//evil.example/",
        "../x/",
        "/a\\..\\..\\x/",
        "/%2e%2e/%2e%2e/x/",
    ] {
        sajt.write(
            "content/a.md",
            format!("---\ntitle: A\naliases: [{alias:?}]\n---\nText\n"),
        );
        if sajt.cmd("build").run().succeeded() {
            // Only a harmless literal folder name inside OUT may come of it.
            assert!(alias.contains("%2e"), "{alias} was accepted");
        }
    }
    assert_eq!(
        everything_outside(base, site),
        before,
        "something was written outside"
    );
}
