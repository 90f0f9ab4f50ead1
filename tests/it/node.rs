//! Runs the browser-side test suites under `cargo test`, so the README's one
//! test command covers everything: node's test runner for the JavaScript
//! units (tests/js/) and the end-to-end suite in headless Chromium
//! (tests/e2e/, which builds sites with this crate's binary).
//!
//! Without node, Chromium or playwright-core (`npm ci`) these tests fail in
//! CI (`CI` set) and are skipped with a notice elsewhere.

use crate::harness::browser::{run_node_suite, Needs};

#[test]
fn javascript_unit_tests() {
    run_node_suite("tests/js/", Needs::Node);
}

#[test]
fn end_to_end_in_chromium() {
    run_node_suite("tests/e2e/", Needs::Browser(&["playwright-core"]));
}
