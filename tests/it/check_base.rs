//! `check --base REV` follows files, not ids (issue #14): a governing
//! document is matched to its state at REV by path and git-style rename
//! detection, so a new id cannot hide a change of text, and a changed id is
//! an error of its own. Real temporary git repositories.

use crate::harness::git::git;
use crate::harness::{TestSite, SITE_YAML};

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
fn repo(status: &str) -> TestSite {
    let site = TestSite::new().files(&[
        ("site.yaml", SITE_YAML.to_string()),
        ("content/policy.md", POLICY.to_string()),
        (RULE, rule("R-1", status, BODY)),
    ]);
    git(site.root(), &["init", "-q"]);
    git(site.root(), &["add", "-A"]);
    git(site.root(), &["commit", "-q", "-m", "start"]);
    site
}

fn check(site: &TestSite) -> (Option<i32>, String) {
    let o = site.check(&["--base", "HEAD"]);
    (o.code(), o.stderr())
}

/// Replaces the rule: removes `RULE`, writes `text` at `at`.
fn replace(site: &TestSite, at: &str, text: String) {
    site.remove(RULE);
    site.write(at, text);
}

#[test]
fn a_new_id_does_not_hide_a_change_of_text() {
    let site = repo("active");
    assert_eq!(check(&site).0, Some(0));
    replace(&site, RULE, rule("R-9", "active", NEW_BODY));
    let (code, err) = check(&site);
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
    replace(&site, MOVED, rule("R-1", "active", NEW_BODY));
    let (code, err) = check(&site);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!("{MOVED}:5:10: error: the text changed")),
        "{err}"
    );
    assert!(!err.contains("`id` changed"), "{err}");
    // Moved, edited and given a new id: still the same document.
    replace_moved(&site, rule("R-7", "active", NEW_BODY));
    let (code, err) = check(&site);
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
        &site,
        rule("R-1", "active", NEW_BODY).replace("\"2.0\"", "\"2.1\"\nacknowledge: true"),
    );
    let (code, err) = check(&site);
    assert_eq!(code, Some(0), "{err}");
}

fn replace_moved(site: &TestSite, text: String) {
    site.write(MOVED, text);
}

#[test]
fn an_id_change_alone_is_reported_as_that() {
    let site = repo("active");
    replace(&site, RULE, rule("R-2", "active", BODY));
    let (code, err) = check(&site);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("`id` changed from R-1 to R-2"), "{err}");
    assert!(err.contains("keep `id: R-1`"), "{err}");
    assert!(!err.contains("the text changed"), "{err}");
    assert!(err.contains("1 error(s)"), "{err}");
}

#[test]
fn a_draft_at_the_base_may_change_its_id() {
    let site = repo("draft");
    replace(&site, RULE, rule("R-3", "draft", NEW_BODY));
    let (code, err) = check(&site);
    assert_eq!(code, Some(0), "{err}");
}
