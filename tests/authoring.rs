//! Integration tests for the authoring commands (issue #7): `new` writes a
//! document of every type that passes `check` at once, `init` writes a site
//! that builds and checks clean, and `serve` serves the build, rebuilds
//! after an edit, and never serves a file outside its output folder.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_styrdok");

fn styrdok(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("STYRDOK_TODAY", "2026-11-29")
        .env_remove("CI")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh starter site from `init`, in a temp dir.
fn starter() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let o = styrdok(&["init", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, dir)
}

#[test]
fn init_writes_a_site_that_builds_and_checks_clean() {
    let (_tmp, dir) = starter();
    let root = dir.to_str().unwrap();
    let check = styrdok(&["check", "--strict", "--root", root]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stderr(&check).contains("No problems found."));
    let build = styrdok(&["build", "--root", root]);
    assert!(build.status.success(), "{}", stderr(&build));
    for page in [
        "index.html",
        "regler/losenord/index.html",
        "utbildning/grundkurs/index.html",
        "utbildning/ny-medarbetare/index.html",
        "roller/chef/index.html",
    ] {
        assert!(dir.join("public").join(page).is_file(), "{page}");
    }
    // A second init into the same folder refuses, with exit status 2.
    assert_eq!(styrdok(&["init", root]).status.code(), Some(2));
}

#[test]
fn init_theme_copies_the_default_theme() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let o = styrdok(&["init", "--theme", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("themes/default/templates/base.html").is_file());
    assert!(dir.join("themes/default/static/css/style.css").is_file());
    let check = styrdok(&["check", "--strict", "--root", dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn new_documents_of_every_type_pass_check() {
    let (_tmp, dir) = starter();
    let root = dir.to_str().unwrap();
    let cases = [
        ("policy", "content/policy/ny-policy.md", "LIS-P-02"),
        (
            "guideline",
            "content/riktlinjer/ny-riktlinje.md",
            "LIS-RL-02",
        ),
        ("rule", "content/regler/ny-regel.md", "LIS-R-03"),
        ("module", "content/utbildning/ny-kurs.md", "M-02"),
        ("path", "content/utbildning/ny-vag.md", "V-02"),
        ("page", "content/om/ny-sida", ""),
    ];
    for (kind, path, id) in cases {
        let o = styrdok(&["new", kind, path, "--root", root]);
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
        let file = if path.ends_with(".md") {
            dir.join(path)
        } else {
            dir.join(format!("{path}.md"))
        };
        let text = fs::read_to_string(&file).unwrap();
        assert!(text.contains("status: draft"), "{kind}: {text}");
        if !id.is_empty() {
            assert!(text.contains(&format!("id: \"{id}\"")), "{kind}: {text}");
        }
        let check = styrdok(&["check", "--root", root]);
        assert!(check.status.success(), "{kind}: {}", stderr(&check));
    }
    let rule = fs::read_to_string(dir.join("content/regler/ny-regel.md")).unwrap();
    for heading in [
        "## Syfte",
        "## Omfattning",
        "## Ansvar",
        "## Regler",
        "## Uppföljning",
    ] {
        assert!(rule.contains(heading), "{heading}");
    }
    assert!(rule.contains("version: \"0.1\""));
    assert!(rule.contains("parent: \"LIS-RL-01\""));
    // The drafts are published in a preview build.
    let build = styrdok(&["build", "--drafts", "--root", root]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(dir.join("public/regler/ny-regel/index.html").is_file());
}

#[test]
fn new_refuses_to_overwrite_or_leave_content() {
    let (_tmp, dir) = starter();
    let root = dir.to_str().unwrap();
    let before = fs::read(dir.join("content/regler/losenord.md")).unwrap();
    for args in [
        vec!["new", "rule", "content/regler/losenord.md"],
        vec!["new", "rule", "regler/x.md"],
        vec!["new", "rule", "content/../site.md"],
        vec!["new", "rule", "content/regler/x.md", "--parent", "NOPE"],
        vec!["new", "rule", "content/regler/x.md", "--id", "LIS-R-01"],
    ] {
        let mut all = args.clone();
        all.extend(["--root", root]);
        let o = styrdok(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(
        fs::read(dir.join("content/regler/losenord.md")).unwrap(),
        before
    );
    assert!(!dir.join("site.md").exists());
}

#[test]
fn diagnostics_are_plain_lines_when_not_a_terminal() {
    let (_tmp, dir) = starter();
    let file = dir.join("content/regler/losenord.md");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("review_by:", "reveiw_by:");
    fs::write(&file, text).unwrap();
    let o = styrdok(&["check", "--root", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/regler/losenord.md:11:1: error: unknown key `reveiw_by`\n  = hint: did you mean `review_by`?\n"),
        "{err}"
    );
    assert!(!err.contains('\x1b'), "no colour in a pipe: {err}");
}

/// Kills the server when the test ends, passed or failed.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A raw GET (the path sent exactly as written): status and body.
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

/// Polls `path` until `want` appears in the page (at most `limit`).
fn wait_for(port: u16, path: &str, want: &str, limit: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Some((200, body)) = get(port, path) {
            if body.contains(want) {
                return true;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

#[test]
fn serve_rebuilds_after_an_edit_and_stays_inside_the_output() {
    let (_tmp, dir) = starter();
    let port = free_port();
    let child = Command::new(BIN)
        .args(["serve", "--root", dir.to_str().unwrap()])
        .args(["--port", &port.to_string()])
        .env("STYRDOK_TODAY", "2026-11-29")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    let page = "/regler/losenord/";
    assert!(
        wait_for(port, page, "Regel för lösenord", Duration::from_secs(20)),
        "the page was never served"
    );
    let (_, body) = get(port, page).unwrap();
    assert!(
        body.contains("/__styrdok/reload.js"),
        "reload script injected"
    );
    assert!(!body.contains("<script>"), "no inline script");

    let file = dir.join("content/regler/losenord.md");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("Dela aldrig", "Lämna aldrig ut")).unwrap();
    assert!(
        wait_for(port, page, "Lämna aldrig ut", Duration::from_secs(20)),
        "the edit never showed"
    );

    // A front-matter edit redraws the pages that list the document too.
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace("title: Regel för lösenord", "title: Regel för lösenfraser"),
    )
    .unwrap();
    for listing in [
        page,
        "/riktlinjer/riktlinje-informationssakerhet/",
        "/roller/medarbetare/",
    ] {
        assert!(
            wait_for(
                port,
                listing,
                "Regel för lösenfraser",
                Duration::from_secs(20)
            ),
            "{listing} kept the old title"
        );
    }

    for bad in [
        "/../Cargo.toml",
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/..%2fsite.yaml",
        "/%2e%2e%2fcontent/regler/losenord.md",
        "/regler/..%2f..%2f..%2fsite.yaml",
    ] {
        let (status, body) = get(port, bad).expect(bad);
        assert!(status == 403 || status == 404, "{bad}: {status}");
        assert!(!body.contains("organisation:"), "{bad} leaked site.yaml");
        assert!(!body.contains("type: rule"), "{bad} leaked a source file");
    }
    let (status, _) = get(port, "/finns-inte/").unwrap();
    assert_eq!(status, 404);
}
