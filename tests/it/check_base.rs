//! `check --base REV` follows files, not ids (issue #14): a governing
//! document is matched to its state at REV by path and git-style rename
//! detection, so a new id cannot hide a change of text, and a changed id is
//! an error of its own. Real temporary git repositories.

use crate::common;

use common::{write_files, BIN, SITE_YAML};
use std::path::Path;
use std::process::{Command, Output};

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.se")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.se")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

const POLICY: &str = "---\ntitle: Policy\ntype: policy\nid: P-1\nversion: \"1.0\"\nowner: Chef\napproved_by: KF\napproved_on: 2024-01-05\nreview_by: 2030-01-01\nroles: [medarbetare]\n---\nPolicytext.\n";

const RULE: &str = "content/regler/losenord.md";
const MOVED: &str = "content/regler/inloggning.md";

fn rule(id: &str, status: &str, body: &str) -> String {
    format!(
        "---\ntitle: Lösenord\ntype: rule\nid: {id}\nversion: \"2.0\"\nstatus: {status}\nowner: IT\napproved_by: KD\napproved_on: 2024-02-01\nreview_by: 2030-01-01\nparent: P-1\n---\n## Krav\n\n{body}\n\nLösenordet byts när det kan ha röjts.\nDela aldrig ditt lösenord med någon.\nAnvänd en lösenordshanterare.\n"
    )
}

const BODY: &str = "Ett lösenord har minst 14 tecken.";
const NEW_BODY: &str = "Ett lösenord har minst 8 tecken.";

/// A repository whose one commit holds the policy and rule R-1 at `RULE`
/// with `status`.
fn repo(status: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[
            ("site.yaml", SITE_YAML.to_string()),
            ("content/policy.md", POLICY.to_string()),
            (RULE, rule("R-1", status, BODY)),
        ],
    );
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    dir
}

fn check(root: &Path) -> (Option<i32>, String) {
    let o: Output = Command::new(BIN)
        .args(["check", "--base", "HEAD", "--root"])
        .arg(root)
        .env("STYRDOK_TODAY", "2026-11-29")
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Replaces the rule: removes `RULE`, writes `text` at `at`.
fn replace(root: &Path, at: &str, text: String) {
    std::fs::remove_file(root.join(RULE)).unwrap();
    write_files(root, &[(at, text)]);
}

#[test]
fn a_new_id_does_not_hide_a_change_of_text() {
    let site = repo("active");
    assert_eq!(check(site.path()).0, Some(0));
    replace(site.path(), RULE, rule("R-9", "active", NEW_BODY));
    let (code, err) = check(site.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{RULE}:4:5: error: `id` changed from R-1 to R-9 since HEAD"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{RULE}:5:10: error: the text changed since HEAD but `version` is still 2.0"
        )),
        "{err}"
    );
}

#[test]
fn a_renamed_file_is_followed_whatever_its_id() {
    let site = repo("active");
    // Moved and edited, id kept.
    replace(site.path(), MOVED, rule("R-1", "active", NEW_BODY));
    let (code, err) = check(site.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!("{MOVED}:5:10: error: the text changed")),
        "{err}"
    );
    assert!(!err.contains("`id` changed"), "{err}");
    // Moved, edited and given a new id: still the same document.
    replace_moved(site.path(), rule("R-7", "active", NEW_BODY));
    let (code, err) = check(site.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{MOVED}:4:5: error: `id` changed from R-1 to R-7 since HEAD (the file was `{RULE}`)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{MOVED}:5:10: error: the text changed")),
        "{err}"
    );
    // Moved and edited with a higher version and the old id: fine.
    replace_moved(
        site.path(),
        rule("R-1", "active", NEW_BODY).replace("\"2.0\"", "\"2.1\""),
    );
    let (code, err) = check(site.path());
    assert_eq!(code, Some(0), "{err}");
}

fn replace_moved(root: &Path, text: String) {
    write_files(root, &[(MOVED, text)]);
}

#[test]
fn an_id_change_alone_is_reported_as_that() {
    let site = repo("active");
    replace(site.path(), RULE, rule("R-2", "active", BODY));
    let (code, err) = check(site.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("`id` changed from R-1 to R-2"), "{err}");
    assert!(err.contains("keep `id: R-1`"), "{err}");
    assert!(!err.contains("the text changed"), "{err}");
    assert!(err.contains("1 error(s)"), "{err}");
}

#[test]
fn a_draft_at_the_base_may_change_its_id() {
    let site = repo("draft");
    replace(site.path(), RULE, rule("R-3", "draft", NEW_BODY));
    let (code, err) = check(site.path());
    assert_eq!(code, Some(0), "{err}");
}
