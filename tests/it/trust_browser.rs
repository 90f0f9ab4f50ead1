//! Runs the browser halves of the trust suites (issue #9) under `cargo
//! test`: the hostile-content suite, the accessibility suite, the
//! keyboard-only walks and the phone-layout suite (issue #21) in
//! tests/trust/, each in headless Chromium via tests/e2e/harness.js. One at a time (the harness's lock), since each
//! drives its own Chromium.
//!
//! Without node, Chromium or node_modules (`npm ci`) they fail in CI (`CI`
//! set) and are skipped with a notice elsewhere.

use crate::harness::browser::{run_node_suite, Needs};

const MODULES: &[&str] = &["playwright-core", "axe-core"];

#[test]
fn hostile_content_in_chromium() {
    run_node_suite("tests/trust/hostile.test.js", Needs::Browser(MODULES));
}

#[test]
fn accessibility_in_chromium() {
    run_node_suite("tests/trust/a11y.test.js", Needs::Browser(MODULES));
}

#[test]
fn keyboard_only_in_chromium() {
    run_node_suite("tests/trust/keyboard.test.js", Needs::Browser(MODULES));
}

#[test]
fn layout_at_phone_and_desktop_widths_in_chromium() {
    run_node_suite("tests/trust/layout.test.js", Needs::Browser(MODULES));
}
