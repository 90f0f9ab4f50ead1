//! Runs the browser halves of the trust suites (issue #9) under `cargo
//! test`: the hostile-content suite, the accessibility suite and the
//! keyboard-only walks in tests/trust/, each in headless Chromium via
//! tests/e2e/harness.js. One at a time (a lock), since each drives its own
//! Chromium.
//!
//! Without node, Chromium or node_modules (`npm ci`) they fail in CI (`CI`
//! set) and are skipped with a notice elsewhere.

use std::path::Path;
use std::process::Command;
use std::sync::Mutex;

static ONE_BROWSER: Mutex<()> = Mutex::new(());

fn missing_tools(root: &Path) -> Option<String> {
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} is missing (apt-get install chromium)"));
    }
    for module in ["playwright-core", "axe-core"] {
        if !root.join("node_modules").join(module).exists() {
            return Some(format!("node_modules/{module} is missing (npm ci)"));
        }
    }
    None
}

fn run_suite(file: &str) {
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(why) = missing_tools(root) {
        assert!(std::env::var_os("CI").is_none(), "cannot run {file}: {why}");
        eprintln!("SKIPPED {file}: {why}");
        return;
    }
    let status = Command::new("node")
        .args(["--test", "--test-concurrency=1", file])
        .current_dir(root)
        .env("STYRDOK_BIN", env!("CARGO_BIN_EXE_styrdok"))
        .status()
        .expect("node runs");
    assert!(status.success(), "node --test {file} failed");
}

#[test]
fn hostile_content_in_chromium() {
    run_suite("tests/trust/hostile.test.js");
}

#[test]
fn accessibility_in_chromium() {
    run_suite("tests/trust/a11y.test.js");
}

#[test]
fn keyboard_only_in_chromium() {
    run_suite("tests/trust/keyboard.test.js");
}
