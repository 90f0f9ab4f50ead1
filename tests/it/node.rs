//! Runs the browser-side test suites under `cargo test`, so the README's one
//! test command covers everything: node's test runner for the JavaScript
//! units (tests/js/) and the end-to-end suite in headless Chromium
//! (tests/e2e/, which builds sites with this crate's binary).
//!
//! Without node, Chromium or playwright-core (`npm ci`) these tests fail in
//! CI (`CI` set) and are skipped with a notice elsewhere.

use std::path::Path;
use std::process::Command;

fn missing_tools(needs_browser: bool) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    if needs_browser {
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        if !Path::new(&chromium).exists() {
            return Some(format!(
                "{chromium} is missing (apt-get install -y chromium)"
            ));
        }
        if !root.join("node_modules/playwright-core").exists() {
            return Some("node_modules/playwright-core is missing (npm ci)".into());
        }
    }
    None
}

/// The suites build sites and drive Chromium; run one at a time so they
/// don't starve each other of the two CI cores (timeouts turn flaky).
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn run_node_tests(dir: &str, needs_browser: bool) {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(why) = missing_tools(needs_browser) {
        assert!(std::env::var_os("CI").is_none(), "cannot run {dir}: {why}");
        eprintln!("SKIPPED {dir}: {why}");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("node")
        .args(["--test", "--test-concurrency=1", dir])
        .current_dir(root)
        .env("STYRDOK_BIN", env!("CARGO_BIN_EXE_styrdok"))
        .status()
        .expect("node runs");
    assert!(status.success(), "node --test {dir} failed");
}

#[test]
fn javascript_unit_tests() {
    run_node_tests("tests/js/", false);
}

#[test]
fn end_to_end_in_chromium() {
    run_node_tests("tests/e2e/", true);
}
