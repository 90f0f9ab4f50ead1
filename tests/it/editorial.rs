//! Substantive or editorial (issue #18 point 6): a governing document's new
//! version with `acknowledge: false` keeps earlier read receipts — the
//! version table says "Redaktionell ändring" and the training settings name
//! the version a receipt must be for — and `check --base` requires the key
//! when the text changed and the version went up a minor step.

use crate::harness::git::{commit_all, git};
use crate::harness::TestSite;

const POLICY: &str = "content/policy.md";

/// The core site in git, with the policy at 1.0 committed.
fn repo() -> TestSite {
    let site = TestSite::new().fixture("core/base");
    git(site.root(), &["init", "-q"]);
    commit_all(site.root(), "2026-01-20", "policy 1.0");
    site
}

/// The policy as version `version` with a changed sentence and `key` (a
/// front matter line, or empty).
fn edit_policy(site: &TestSite, version: &str, key: &str) {
    let text = site.read(POLICY);
    let text = text
        .replace("version: \"1.0\"", &format!("version: \"{version}\"{key}"))
        .replace("Policyn gäller alla.", "Policyn gäller alla medarbetare.");
    site.write(POLICY, text);
}

#[test]
fn an_editorial_version_keeps_receipts_and_says_so_in_the_version_table() {
    let site = repo();
    edit_policy(&site, "1.1", "\nacknowledge: false\nchanges: Stavning.");
    commit_all(site.root(), "2026-02-01", "policy 1.1, editorial");
    site.build().success();
    let page = site.out_file("policy/index.html");
    assert!(
        page.contains("<span class=\"history-editorial\">Redaktionell ändring</span>: Stavning."),
        "the version table marks the editorial version"
    );
    let config = site.out_file("js/training-config.js");
    assert!(
        config.contains("\"acknowledge\":{\"P-1\":\"1.0\"}"),
        "{config}"
    );
    // A substantive next version: a receipt for it is needed again.
    let text = site
        .read(POLICY)
        .replace(
            "version: \"1.1\"\nacknowledge: false",
            "version: \"1.2\"\nacknowledge: true",
        )
        .replace("alla medarbetare.", "alla medarbetare och förtroendevalda.");
    site.write(POLICY, text);
    commit_all(site.root(), "2026-03-01", "policy 1.2");
    site.build().success();
    let config = site.out_file("js/training-config.js");
    assert!(config.contains("\"acknowledge\":{}"), "{config}");
    let page = site.out_file("policy/index.html");
    assert_eq!(
        page.matches("Redaktionell ändring").count(),
        1,
        "only 1.1 is editorial"
    );
}

#[test]
fn check_base_wants_acknowledge_for_a_minor_step_with_new_text() {
    let site = repo();
    edit_policy(&site, "1.1", "");
    let out = site.check(&["--base", "HEAD"]).exits(1);
    out.stderr_has("content/policy.md:5:10: error: the text changed and `version` went from 1.0 to 1.1 since HEAD: say whether readers must confirm it again")
        .stderr_has("acknowledge: true")
        .stderr_has("SD0905");
    for key in ["\nacknowledge: false", "\nacknowledge: true"] {
        let site = repo();
        edit_policy(&site, "1.1", key);
        site.check(&["--base", "HEAD"]).success();
    }
    // A major step is always substantive; a version step with the same text needs nothing.
    let site = repo();
    edit_policy(&site, "2.0", "");
    site.check(&["--base", "HEAD"]).success();
    let site = repo();
    let text = site
        .read(POLICY)
        .replace("version: \"1.0\"", "version: \"1.1\"");
    site.write(POLICY, text);
    site.check(&["--base", "HEAD"]).success();
}

#[test]
fn the_pull_request_summary_says_editorial_receipts_are_kept() {
    let site = repo();
    edit_policy(&site, "1.1", "\nacknowledge: false");
    let md = site
        .check(&["--base", "HEAD", "--format", "summary"])
        .success()
        .stdout();
    assert!(
        md.contains("behålls: redaktionell ändring, de som bekräftat 1.0 behöver inte läsa igen"),
        "{md}"
    );
    assert!(
        !md.contains("`acknowledge`"),
        "the key is not listed as a front matter change: {md}"
    );
}
