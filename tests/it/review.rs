//! When a review is due (issue #15): one rule, `site::ReviewDue`, read by
//! `check`, the document pages, the status board, its CSV and `serve`.
//! Fixture: tests/fixtures/review/statuses — one governing document per
//! status and review state, measured against 2026-03-01.

use crate::harness::{copy_dir, fixtures, BIN};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-03-01";
const PASSED: &str = "Revideringsdatumet har passerats";

/// The fixture copied into a temp dir (so a test may edit it): (dir, root).
fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixtures().join("review/statuses"), &root);
    (tmp, root)
}

/// Builds `root` with `--drafts` into `root/public`.
fn build(root: &Path) -> PathBuf {
    let out = root.join("public");
    let mut options = styrdok::BuildOptions::new(root.to_path_buf());
    options.out = Some(out.clone());
    options.drafts = true;
    options.today = Some(TODAY.parse().unwrap());
    if let Err(d) = styrdok::build(&options) {
        panic!(
            "{}",
            styrdok::diagnostics::format(&d, Default::default(), styrdok::messages::Language::En)
        );
    }
    out
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The board row (`<tr data-kind=…` to `</tr>`) of the document `id`.
fn board_row<'a>(html: &'a str, id: &str) -> &'a str {
    html.split("<tr data-kind=")
        .skip(1)
        .map(|row| &row[..row.find("</tr>").unwrap()])
        .find(|row| row.contains(&format!(">{id}<")))
        .unwrap_or_else(|| panic!("no board row for {id}"))
}

/// The CSV line of the document `id`, split into cells (no quoted commas here).
fn csv_row(csv: &str, id: &str) -> Vec<String> {
    let line = csv
        .lines()
        .find(|l| l.starts_with(&format!("{id},")))
        .unwrap_or_else(|| panic!("no CSV row for {id}"));
    line.split(',').map(str::to_string).collect()
}

/// Column "Dagar till revidering" of the status CSV.
const DAYS: usize = 9;

#[test]
fn the_board_and_its_csv_mark_only_documents_in_force() {
    let (_tmp, root) = site();
    let out = build(&root);
    let html = read(&out, "dokumentstatus/index.html");
    let csv = read(&out, "dokumentstatus/dokumentstatus.csv");
    for (id, state, days) in [
        ("V-P-01", "ok", "701"),
        ("V-RL-01", "soon", "10"),
        ("V-R-01", "overdue", "-10"),
        // A draft, a version on review and a retired document: nothing is
        // due, whatever their review_by says.
        ("V-R-02", "none", ""),
        ("V-R-03", "none", ""),
        ("V-R-04", "none", ""),
    ] {
        let row = board_row(&html, id);
        assert!(
            row.contains(&format!("data-review=\"{state}\"")),
            "{id}: {row}"
        );
        assert!(
            row.contains(&format!("data-value=\"{days}\"")),
            "{id}: {row}"
        );
        assert_eq!(csv_row(&csv, id)[DAYS], days, "{id}");
    }
    assert!(board_row(&html, "V-R-01").contains("för 10 dagar sedan"));
    assert!(!board_row(&html, "V-R-02").contains("Försenad"));
    assert!(html.contains("<strong>1</strong> har passerat sitt revideringsdatum"));
    assert!(html.contains("<strong>1</strong> ska revideras inom 30 dagar"));
}

#[test]
fn only_a_document_in_force_says_its_review_date_passed() {
    let (_tmp, root) = site();
    let out = build(&root);
    assert!(read(&out, "forsenad/index.html").contains(PASSED));
    for (page, review_by) in [
        ("utkast", "2026-01-01"),
        ("remiss", "2026-01-01"),
        ("upphavd", "2026-01-01"),
        ("riktlinje", "2026-03-11"),
        ("policy", "2028-01-31"),
    ] {
        let html = read(&out, &format!("{page}/index.html"));
        assert!(
            html.contains(&format!("<dd>{review_by}")),
            "{page} shows its date"
        );
        assert!(!html.contains(PASSED), "{page} says its review date passed");
    }
}

fn check(root: &Path) -> Vec<String> {
    let diags = styrdok::check(root, false, Some(TODAY.parse().unwrap()), None);
    diags
        .iter()
        .map(|d| format!("{}: {:?}: {}", d.path, d.severity, d.message))
        .collect()
}

#[test]
fn check_warns_and_notes_by_the_same_rule() {
    let (_tmp, root) = site();
    assert_eq!(
        check(&root),
        [
            "content/forsenad.md: Warning: the review date 2026-02-19 passed 10 days ago",
            "content/riktlinje.md: Note: the review date 2026-03-11 is in 10 days",
            // Not about its review: the retired rule does not say since when
            // (issue #20), which never fails `check --strict`.
            "content/upphavd.md: Note: the retired document does not say since when (`retired_on`)",
        ]
    );
}

#[test]
fn review_soon_days_moves_the_threshold_everywhere() {
    let (_tmp, root) = site();
    let yaml = root.join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}review:\n  soon_days: 7\n")).unwrap();
    assert_eq!(
        check(&root),
        [
            "content/forsenad.md: Warning: the review date 2026-02-19 passed 10 days ago",
            "content/upphavd.md: Note: the retired document does not say since when (`retired_on`)",
        ]
    );
    let out = build(&root);
    let html = read(&out, "dokumentstatus/index.html");
    assert!(board_row(&html, "V-RL-01").contains("data-review=\"ok\""));
    assert!(html.contains("<strong>0</strong> ska revideras inom 7 dagar"));

    std::fs::write(&yaml, format!("{text}review:\n  soon_day: 7\n")).unwrap();
    let diags = check(&root);
    assert!(
        diags.iter().any(|d| d.starts_with("site.yaml: Error:")),
        "{diags:?}"
    );
}

/// Kills the server when the test ends, passed or failed.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The body of `path` from the server on `port`, if it answers 200.
fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let host = format!("127.0.0.1:{port}");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    text.starts_with("HTTP/1.1 200").then_some(text)
}

/// Polls `path` until `ok` holds for its body (at most 30 seconds).
fn wait_until(port: u16, path: &str, ok: impl Fn(&str) -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if get(port, path).is_some_and(|body| ok(&body)) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

#[test]
fn serve_redraws_the_review_state_after_an_edit() {
    let (tmp, root) = site();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(BIN)
        .args(["serve", "--drafts", "--root", root.to_str().unwrap()])
        .args(["--port", &port.to_string()])
        .env("STYRDOK_TODAY", TODAY)
        .env("TMPDIR", tmp.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    assert!(
        wait_until(port, "/forsenad/", |b| b.contains(PASSED)),
        "never served overdue"
    );
    let draft = |b: &str| board_row(b, "V-R-02").contains("data-review=\"none\"");
    assert!(wait_until(port, "/dokumentstatus/", draft));

    // A new review date: a front-matter edit, rebuilt in part.
    let file = root.join("content/forsenad.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("2026-02-19", "2026-03-05")).unwrap();
    assert!(
        wait_until(port, "/forsenad/", |b| !b.contains(PASSED)),
        "the page still says the date passed"
    );
    assert!(
        wait_until(port, "/dokumentstatus/", |b| board_row(b, "V-R-01")
            .contains("data-review=\"soon\"")),
        "the board was not redrawn"
    );
}
