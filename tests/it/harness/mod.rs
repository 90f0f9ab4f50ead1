//! The one harness every integration test uses, in the style of mdBook's
//! `BookTest`: a fixture folder per feature under tests/fixtures/<feature>/
//! <case>/, and a chainable builder — copy a fixture into a temp folder
//! ([`TestSite`]), edit its files, run `build`/`check`/`serve`/`report`/
//! `new` on it ([`Cmd`]), then assert on the output files, the diagnostics
//! and the exit code ([`Outcome`]).
//!
//! ```ignore
//! let site = TestSite::new().fixture("core/base").file("content/a.md", A);
//! site.cmd("check").arg("--strict").run().exits(1).stderr_has("a.md:2:1:");
//! let page = site.build().out_file("a/index.html");
//! ```
//!
//! Also here: running the binary with a time limit and peak memory
//! ([`command::run_limited`]), `serve` processes and raw HTTP ([`serve`]), git
//! repositories ([`git`]), node and Chromium suites ([`browser`]) and
//! snapshots of output trees ([`files`]).

pub mod browser;
pub mod command;
pub mod files;
pub mod git;
pub mod pdf;
pub mod serve;
pub mod site;

pub use command::{run_at, styrdok, Cmd, Outcome, Run};
pub use files::{copy_dir, snapshot, write_files, Rng};
pub use site::TestSite;

use std::path::{Path, PathBuf};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_styrdok");

/// The date every run measures review dates against unless a test says
/// otherwise (`STYRDOK_TODAY`).
pub const TODAY: &str = "2026-11-29";

/// A minimal site.yaml: one role.
pub const SITE_YAML: &str = "title: Test\norganisation: Testkommun\nbase_url: /\nroles:\n  - { id: medarbetare, name: Medarbetare }\n";

/// tests/fixtures/.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The crate root (where package.json and node_modules live).
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
