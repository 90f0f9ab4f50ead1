//! Git repositories for the history and `check --base` tests: the `git`
//! CLI with a fixed identity, no system or user configuration, no signing.

use std::path::Path;
use std::process::{Command, Output};

fn command(dir: &Path, args: &[&str], date: Option<&str>) -> Command {
    let mut c = Command::new("git");
    c.args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.se")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.se")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir);
    if let Some(date) = date {
        c.env("GIT_AUTHOR_DATE", format!("{date}T12:00:00+01:00"))
            .env("GIT_COMMITTER_DATE", format!("{date}T12:00:00+01:00"));
    }
    c
}

/// `git ARGS` in `dir`, which must succeed.
#[track_caller]
pub fn git(dir: &Path, args: &[&str]) -> Output {
    run(command(dir, args, None), args)
}

/// `git ARGS` in `dir` with author and committer date `date`
/// (YYYY-MM-DD), which must succeed.
#[track_caller]
pub fn git_on(dir: &Path, args: &[&str], date: &str) -> Output {
    run(command(dir, args, Some(date)), args)
}

/// `git ARGS` in `dir`: whether it ran and succeeded (for tests that go on
/// without git).
pub fn try_git(dir: &Path, args: &[&str]) -> bool {
    command(dir, args, None)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Stages everything in `dir` and commits it on `date` with `message`.
pub fn commit_all(dir: &Path, date: &str, message: &str) {
    git_on(dir, &["add", "-A"], date);
    git_on(dir, &["commit", "-q", "-m", message], date);
}

#[track_caller]
fn run(mut c: Command, args: &[&str]) -> Output {
    let out = c.output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
