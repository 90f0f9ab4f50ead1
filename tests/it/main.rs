//! Every integration test of styrdok, in one test binary (one link instead
//! of one per file). Each module holds the tests of one former
//! tests/<name>.rs; all of them run sites through [`harness`], the one
//! harness: fixture folders under tests/fixtures/<feature>/<case>/ copied
//! into temp folders, edited, run through the binary, asserted on.
//!
//! Run one module with `cargo test --test it pipeline::` (a name filter).

mod harness;

mod authoring;
mod check_base;
mod crash_safety;
mod editorial;
mod followup;
mod governance;
mod history;
mod in_force;
mod leaks;
mod limits;
mod links;
mod lms;
mod lms_results;
mod messages;
mod node;
mod output_folder;
mod owners;
mod pdf;
mod pipeline;
mod properties;
mod quiz_model;
mod regressions;
mod report_data;
mod review;
mod search;
mod serve_host;
mod snapshots;
mod soa;
mod theme;
mod training;
mod traversal;
mod trust_browser;
