//! Integration tests for the authoring commands (issue #7): `new` writes a
//! document of every type that passes `check` at once, `init` writes a site
//! that builds and checks clean once its contact placeholders are filled
//! in, and `serve` serves the build, rebuilds
//! after an edit, and never serves a file outside its output folder.

use crate::harness::files::{edit, first_difference};
use crate::harness::git::git;
use crate::harness::serve::{free_port, get, serve_log, start_serve, wait_for, Server};
use crate::harness::{snapshot, styrdok, Cmd, TestSite};
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A fresh starter site from `init`, in a temp dir.
fn starter() -> (TestSite, PathBuf) {
    let site = TestSite::init();
    let dir = site.root().to_path_buf();
    (site, dir)
}

/// Fills in the contact placeholders of a starter site (issue #21).
fn fill_contact(dir: &std::path::Path) {
    let path = dir.join("site.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let filled: String = text
        .lines()
        .map(|line| match line.split_once(": \"FYLL I") {
            Some((key, _)) => {
                let value = match key.trim() {
                    "phone" | "switchboard" => "08-123 456 00",
                    "email" => "it-servicedesk@kommun.se",
                    "incident_form" => "https://intranat.kommun.se/incident",
                    _ => "Vardagar 07.00–17.00",
                };
                format!("{key}: {value}\n")
            }
            None => format!("{line}\n"),
        })
        .collect();
    fs::write(path, filled).unwrap();
}

#[test]
fn init_writes_a_site_that_builds_and_checks_clean() {
    let (_tmp, dir) = starter();
    let root = dir.to_str().unwrap();
    // The contact block asks for the site's own numbers: `check` warns
    // about each placeholder (and --strict fails) until it is filled in.
    let check = styrdok(&["check", "--root", root]).run();
    assert!(check.succeeded(), "{}", check.stderr());
    let warnings = check.stderr();
    for field in ["phone", "email", "hours", "incident_form", "switchboard"] {
        assert!(
            warnings.contains(&format!("`contact.{field}` still holds a placeholder")),
            "{field}: {warnings}"
        );
    }
    assert!(!styrdok(&["check", "--strict", "--root", root])
        .run()
        .succeeded());
    let build = styrdok(&["build", "--root", root]).run();
    assert!(build.succeeded(), "{}", build.stderr());
    let home = fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert!(!home.contains("FYLL I"), "a placeholder was published");
    fill_contact(&dir);
    let check = styrdok(&["check", "--strict", "--root", root]).run();
    assert!(check.succeeded(), "{}", check.stderr());
    assert!(check.stderr().contains("No problems found."));
    let build = styrdok(&["build", "--root", root]).run();
    assert!(build.succeeded(), "{}", build.stderr());
    for page in [
        "index.html",
        "regler/losenord/index.html",
        "utbildning/grundkurs/index.html",
        "utbildning/ny-medarbetare/index.html",
        "roller/chef/index.html",
    ] {
        assert!(dir.join("public").join(page).is_file(), "{page}");
    }
    let home = fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert!(
        home.contains("href=\"tel:0812345600\""),
        "the filled-in number is on the start page"
    );
    // A second init into the same folder refuses, with exit status 2.
    assert_eq!(styrdok(&["init", root]).run().code(), Some(2));
}

#[test]
fn init_theme_copies_the_default_theme() {
    let tmp = TestSite::new();
    let dir = tmp.path("site");
    let o = styrdok(&["init", "--theme", dir.to_str().unwrap()]).run();
    assert!(o.succeeded(), "{}", o.stderr());
    assert!(dir.join("themes/default/templates/base.html").is_file());
    assert!(dir.join("themes/default/static/css/style.css").is_file());
    fill_contact(&dir);
    let check = styrdok(&["check", "--strict", "--root", dir.to_str().unwrap()]).run();
    assert!(check.succeeded(), "{}", check.stderr());
}

#[test]
fn new_documents_of_every_type_pass_check() {
    let (site, dir) = starter();
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
        let o = styrdok(&["new", kind, path, "--root", root]).run();
        assert!(o.succeeded(), "{kind}: {}", o.stderr());
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
        let check = styrdok(&["check", "--root", root]).run();
        assert!(check.succeeded(), "{kind}: {}", check.stderr());
    }
    let rule = site.read("content/regler/ny-regel.md");
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
    let build = styrdok(&["build", "--drafts", "--root", root]).run();
    assert!(build.succeeded(), "{}", build.stderr());
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
        let o = styrdok(&all).run();
        assert_eq!(o.code(), Some(2), "{args:?}: {}", o.stderr());
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
    let o = styrdok(&["check", "--root", dir.to_str().unwrap()]).run();
    assert_eq!(o.code(), Some(1));
    let err = o.stderr();
    assert!(
        err.contains("content/regler/losenord.md:11:1: error: unknown key `reveiw_by`\n  = hint: did you mean `review_by`?\n"),
        "{err}"
    );
    assert!(!err.contains('\x1b'), "no colour in a pipe: {err}");
}

#[test]
fn serve_rebuilds_after_an_edit_and_stays_inside_the_output() {
    let (_tmp, dir) = starter();
    let port = free_port();
    let _server = Server::start(
        Cmd::new()
            .arg("serve")
            .root(&dir)
            .args(["--port", &port.to_string()]),
    );
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

#[test]
fn serve_output_after_partial_rebuilds_equals_a_full_build() {
    let (tmp, dir) = starter();
    // Two versions of the rule in git: its page has a version table, and
    // older-version and changes pages exist.
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "Första versionen"]);
    let rule = dir.join("content/regler/losenord.md");
    edit(&rule, "version: \"1.0\"", "version: \"1.1\"");
    edit(&rule, "approved_on: 2026-03-01", "approved_on: 2026-06-01");
    git(&dir, &["commit", "-q", "-am", "Ny version"]);

    let serve_tmp = tmp.tmp().join("serve-tmp");
    let (server, port) = start_serve(&dir, &serve_tmp, &[]);
    let page = "/regler/losenord/";
    assert!(
        wait_for(port, page, "Regel för lösenord", Duration::from_secs(30)),
        "the page was never served"
    );
    assert!(
        get(port, page).unwrap().1.contains("v1.0/"),
        "version table"
    );
    // A body edit, a title edit (lists and reading lists show it), a
    // summary edit (lists show it), each seen served before the next.
    edit(
        &rule,
        "\n## ",
        "\nEtt helt nytt stycke om kroppsredigering.\n\n## ",
    );
    assert!(wait_for(
        port,
        page,
        "kroppsredigering",
        Duration::from_secs(20)
    ));
    edit(
        &rule,
        "title: Regel för lösenord",
        "title: Regel för lösenfraser",
    );
    assert!(wait_for(
        port,
        page,
        "Regel för lösenfraser",
        Duration::from_secs(20)
    ));
    assert!(wait_for(
        port,
        "/roller/medarbetare/",
        "Regel för lösenfraser",
        Duration::from_secs(20)
    ));
    edit(
        &rule,
        "summary: Hur du väljer",
        "summary: Sammanfattningsord. Hur du väljer",
    );
    assert!(wait_for(
        port,
        page,
        "Sammanfattningsord",
        Duration::from_secs(20)
    ));
    // The page still shows its older version after partial rebuilds.
    assert!(
        get(port, page).unwrap().1.contains("v1.0/"),
        "version table"
    );

    let fresh = tmp.tmp().join("fresh");
    let o = styrdok(&[
        "build",
        "--root",
        dir.to_str().unwrap(),
        "--out",
        fresh.to_str().unwrap(),
        "--base-url",
        "/",
    ])
    .run();
    assert!(o.succeeded(), "{}", o.stderr());
    let want = snapshot(&fresh);
    let served = serve_tmp
        .join(format!("styrdok-serve-{}", server.0.id()))
        .join("public");
    // The background stage (lists, search, governance views) follows the
    // reload; within seconds the output is the full build's, byte for byte.
    let started = Instant::now();
    let mut difference = None;
    while started.elapsed() < Duration::from_secs(60) {
        difference = first_difference(&snapshot(&served), &want);
        if difference.is_none() {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(difference, None, "serve's output is not the full build's");
    // No page in the output carries the reload script: serve adds it when serving.
    assert!(!want["regler/losenord/index.html"]
        .windows(b"__styrdok".len())
        .any(|w| w == b"__styrdok"));
}

/// The shard key (from `meta.json`) that holds `term`: the longest prefix.
fn search_shard(port: u16, term: &str) -> String {
    let (status, meta) = get(port, "/sok/data/meta.json").unwrap();
    assert_eq!(status, 200, "{meta}");
    let body = &meta[meta.find("\r\n\r\n").unwrap() + 4..];
    let meta: serde_json::Value = serde_json::from_str(body).unwrap();
    meta["shards"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k.as_str())
        .filter(|k| term.starts_with(k))
        .max_by_key(|k| k.len())
        .unwrap()
        .to_string()
}

#[test]
fn serve_refreshes_search_and_governance_views_after_an_edit() {
    let (tmp, dir) = starter();
    let (_server, port) = start_serve(&dir, &tmp.tmp().join("serve-tmp"), &[]);
    assert!(
        wait_for(
            port,
            "/regler/losenord/",
            "Regel för lösenord",
            Duration::from_secs(30)
        ),
        "the page was never served"
    );
    // A word no page has: no shard holds it yet.
    let word = "qxzvyk";
    let shard = format!("/sok/data/t/k{}.json", search_shard(port, word));
    assert!(!get(port, &shard)
        .unwrap()
        .1
        .contains(&format!("\"{word}\"")));
    let rule = dir.join("content/regler/losenord.md");
    edit(&rule, "\n## ", &format!("\nOrdet {word} står här.\n\n## "));
    edit(&rule, "review_by: 2029-12-31", "review_by: 2029-11-30");
    assert!(wait_for(
        port,
        "/regler/losenord/",
        word,
        Duration::from_secs(20)
    ));
    // The search data the browser reads finds the new word...
    let started = Instant::now();
    let found = loop {
        let shard = format!("/sok/data/t/k{}.json", search_shard(port, word));
        if get(port, &shard)
            .unwrap()
            .1
            .contains(&format!("\"{word}\""))
        {
            break true;
        }
        if started.elapsed() > Duration::from_secs(30) {
            break false;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(found, "the search index never got the new word");
    // ... and so does the elasticlunr export.
    assert!(wait_for(
        port,
        "/search_index.sv.json",
        word,
        Duration::from_secs(30)
    ));
    // The status board shows the new review date.
    assert!(
        wait_for(
            port,
            "/dokumentstatus/",
            "2029-11-30",
            Duration::from_secs(30)
        ),
        "the status board kept the old review date"
    );
}

/// An open event stream: what `reload.js` reads.
struct Events {
    stream: TcpStream,
    buffer: String,
}

impl Events {
    fn open(port: u16, since: u64) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET /__styrdok/events?since={since} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        Events {
            stream,
            buffer: String::new(),
        }
    }

    /// The next event (name, data lines joined), waiting at most `limit`.
    fn next(&mut self, limit: Duration) -> Option<(String, String)> {
        let started = Instant::now();
        loop {
            // Events end with a blank line; the response head is skipped.
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut name = None;
                let mut data = Vec::new();
                for line in block.lines() {
                    if let Some(n) = line.strip_prefix("event: ") {
                        name = Some(n.to_string());
                    } else if let Some(d) = line.strip_prefix("data:") {
                        data.push(d.strip_prefix(' ').unwrap_or(d).to_string());
                    }
                }
                if let Some(name) = name {
                    return Some((name, data.join("\n")));
                }
            }
            if started.elapsed() > limit {
                return None;
            }
            let mut buf = [0u8; 4096];
            match self.stream.read(&mut buf) {
                Ok(0) => return None,
                Ok(n) => self
                    .buffer
                    .push_str(&String::from_utf8_lossy(&buf[..n]).replace("\r\n", "\n")),
                Err(_) => {}
            }
        }
    }

    /// Skips events until one named `name` comes.
    fn until(&mut self, name: &str, limit: Duration) -> Option<String> {
        let started = Instant::now();
        while let Some(left) = limit.checked_sub(started.elapsed()) {
            match self.next(left) {
                Some((n, data)) if n == name => return Some(data),
                Some(_) => {}
                None => return None,
            }
        }
        None
    }
}

/// The build generation a served page names (in its reload script's URL).
fn served_generation(port: u16, page: &str) -> u64 {
    let (_, html) = get(port, page).unwrap();
    html.split("reload.js?g=")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|g| g.parse().ok())
        .expect("the page names its build generation")
}

#[test]
fn serve_shows_a_build_error_in_the_browser_until_it_is_fixed() {
    let (tmp, dir) = starter();
    let (_server, port) = start_serve(&dir, &tmp.tmp().join("serve-tmp"), &[]);
    let page = "/regler/losenord/";
    assert!(wait_for(
        port,
        page,
        "Regel för lösenord",
        Duration::from_secs(30)
    ));
    let generation = served_generation(port, page);
    let mut events = Events::open(port, generation);
    assert_eq!(
        events.next(Duration::from_secs(10)).map(|(n, _)| n),
        Some("ok".into()),
        "a page of the latest build is told all is well"
    );

    // A misspelt key: the error the CLI prints reaches the page.
    let rule = dir.join("content/regler/losenord.md");
    edit(&rule, "review_by:", "reveiw_by:");
    let check = styrdok(&["check", "--root", dir.to_str().unwrap()]).run();
    assert_eq!(check.code(), Some(1));
    let cli_line = check
        .stderr()
        .lines()
        .find(|l| l.starts_with("content/regler/losenord.md:") && l.contains(": error:"))
        .unwrap()
        .to_string();
    assert!(
        cli_line.starts_with("content/regler/losenord.md:11:1: error:"),
        "{cli_line}"
    );
    let failure = events
        .until("failure", Duration::from_secs(20))
        .expect("no failure event");
    assert!(
        failure.contains(&cli_line),
        "{failure}\n--- CLI: {cli_line}"
    );
    assert!(!failure.contains('\x1b'), "no colour codes: {failure}");
    // A page opened now gets the error at once, and the last good page is served.
    let mut late = Events::open(port, generation);
    let first = late.next(Duration::from_secs(10)).unwrap();
    assert_eq!(first.0, "failure");
    assert!(first.1.contains(&cli_line));
    assert!(get(port, page).unwrap().1.contains("Regel för lösenord"));

    // Fixed, with new text: pages reload, and the overlay is gone for good.
    let text = fs::read_to_string(&rule).unwrap();
    fs::write(
        &rule,
        text.replace("reveiw_by:", "review_by:")
            .replace("\n## ", "\nRättat och publicerat.\n\n## "),
    )
    .unwrap();
    assert!(
        events.until("reload", Duration::from_secs(20)).is_some(),
        "no reload after the fix"
    );
    assert!(wait_for(
        port,
        page,
        "Rättat och publicerat",
        Duration::from_secs(20)
    ));
    let generation = served_generation(port, page);
    let mut reloaded = Events::open(port, generation);
    assert_eq!(
        reloaded.next(Duration::from_secs(10)).map(|(n, _)| n),
        Some("ok".into()),
        "the reloaded page shows no overlay"
    );
}

#[test]
fn serve_with_poll_picks_up_an_edit() {
    let (tmp, dir) = starter();
    let serve_tmp = tmp.tmp().join("serve-tmp");
    let (_server, port) = start_serve(&dir, &serve_tmp, &["--poll"]);
    let page = "/regler/losenord/";
    assert!(wait_for(
        port,
        page,
        "Regel för lösenord",
        Duration::from_secs(30)
    ));
    let rule = dir.join("content/regler/losenord.md");
    edit(&rule, "\n## ", "\nÄndrat på en nätverksdisk.\n\n## ");
    assert!(
        wait_for(
            port,
            page,
            "Ändrat på en nätverksdisk",
            Duration::from_secs(20)
        ),
        "the polling watcher missed the edit:\n{}",
        serve_log(&serve_tmp)
    );
}
