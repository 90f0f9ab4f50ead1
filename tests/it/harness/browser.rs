//! The browser-side suites under `cargo test`: node's test runner over a
//! folder or file of tests/js, tests/e2e or tests/trust, with this binary
//! as `STYRDOK_BIN`. One suite at a time (one lock for all of them), since
//! each builds sites and drives its own Chromium on two shared cores.
//!
//! Without node, Chromium or node_modules (`npm ci`) a suite fails in CI
//! (`CI` set) and is skipped with a notice elsewhere.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{manifest_dir, BIN};

static ONE_SUITE: Mutex<()> = Mutex::new(());

/// What a suite needs besides node.
pub enum Needs {
    Node,
    /// Chromium and these node_modules.
    Browser(&'static [&'static str]),
}

fn missing_tools(needs: &Needs) -> Option<String> {
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    let Needs::Browser(modules) = needs else {
        return None;
    };
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "{chromium} is missing (apt-get install -y chromium)"
        ));
    }
    for module in *modules {
        if !manifest_dir().join("node_modules").join(module).exists() {
            return Some(format!("node_modules/{module} is missing (npm ci)"));
        }
    }
    None
}

/// How long one suite may take before it is stopped and fails: a hung
/// browser or server must fail CI, never stall it. `STYRDOK_SUITE_MINUTES`
/// overrides it.
const SUITE_MINUTES: u64 = 15;

/// `node --test --test-concurrency=1 TARGET` in the crate root; it must
/// pass within [`SUITE_MINUTES`]. Node is told to exit when its tests are
/// done even if a handle (a server, a browser) was left open, and the
/// whole process group is killed at the deadline.
pub fn run_node_suite(target: &str, needs: Needs) {
    let _turn = ONE_SUITE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(why) = missing_tools(&needs) {
        assert!(
            std::env::var_os("CI").is_none(),
            "cannot run {target}: {why}"
        );
        eprintln!("SKIPPED {target}: {why}");
        return;
    }
    let minutes = std::env::var("STYRDOK_SUITE_MINUTES")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(SUITE_MINUTES);
    let mut child = Command::new("node")
        .args([
            "--test",
            "--test-concurrency=1",
            "--test-force-exit",
            target,
        ])
        .current_dir(manifest_dir())
        .env("STYRDOK_BIN", BIN)
        // The suites match English lines (`: error:`), as the harness does.
        .env("STYRDOK_LANG", "en")
        .process_group(0)
        .spawn()
        .expect("node runs");
    let deadline = Instant::now() + Duration::from_secs(minutes * 60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("node can be waited for") {
            break Some(status);
        }
        if Instant::now() >= deadline {
            // The group: node and the Chromium it started.
            let _ = Command::new("kill")
                .args(["-KILL", &format!("-{}", child.id())])
                .status();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let status = status.unwrap_or_else(|| {
        panic!("node --test {target} took over {minutes} minutes and was stopped")
    });
    assert!(status.success(), "node --test {target} failed");
}
