//! Leak suite (issue #9, SPEC §5): canary words in draft, review and
//! restricted documents — bodies, titles, summaries, aliases, history
//! entries, older versions in git — in quizzes of restricted and draft
//! modules, and restricted titles reachable through links (`[](id:X)`),
//! parents, `replaces`, module documents and prerequisites. After `build`
//! no canary of an unpublished document is in any output file; after
//! `build --drafts` draft and review canaries may be, restricted never;
//! `serve` (when the binary has it) serves none of them. Every file in OUT
//! is read, whatever feature wrote it (HTML, JSON, XML, CSV, search shards).
//!
//! The side doors of issue #14 (SPEC §7, tests/fixtures/leaks/): editors'
//! backups and copies of a restricted document, attachments that only
//! draft, review or restricted documents use (also in a `filer/` folder),
//! and active content under `content/`.

use crate::common;

use common::{copy_dir, fixtures, snapshot, write_files, BIN};
use std::path::Path;
use std::process::Command;

/// Lowercase, ending in digits: the same bytes after lowercasing, HTML or
/// JSON escaping and stemming, so one search covers all encodings.
const RESTRICTED: &[&str] = &[
    "hemligregel7301",
    "hemligriktlinje7302",
    "hemligmodul7303",
    "hemligquiz7304",
    "hemlighistorik7305",
    "hemligaldre7306",
    "hemligutkast7307",
    "hemligbackup7308",
    "hemligbilaga7309",
    "hemligblankett7310",
    "hemligkarta7311",
    "hemligutkastbilaga7312",
];
const DRAFT: &[&str] = &[
    "utkastregel7401",
    "remissregel7402",
    "utkastquiz7403",
    "utkastaldre7404",
    "utkastbilaga7405",
    "remissbilaga7406",
];

fn rule(id: &str, title: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ntype: rule\nid: {id}\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: RL-1\nroles: [medarbetare]\n{extra}---\n{body}\n")
}

fn quiz(canary: &str) -> String {
    format!("title: Quiz {canary}\nquestions:\n  - type: single\n    prompt: Fråga {canary}\n    options:\n      - {{ text: Svar {canary}, correct: true }}\n      - {{ text: Annat }}\n    explanation: Förklaring {canary}\n")
}

fn leak_site(root: &Path) {
    copy_dir(&fixtures().join("core/base"), root);
    copy_dir(&fixtures().join("leaks/side-doors"), root);
    let files = [
        ("content/regler/hemlig.md", rule("R-H1", "Hemlig hemligregel7301", "classification: restricted\nsummary: Om hemligregel7301\naliases: [/gammal/hemligregel7301/]\nhistory:\n  - { version: \"0.9\", date: 2025-01-01, approved_by: KD, changes: hemlighistorik7305 }\n", "## Larm hemligregel7301\n\nKod hemligregel7301. [Bilaga](hemlig-bilaga.pdf), [blankett](filer/hemlig-blankett.pdf).\n\n<img src=\"hemlig-karta.svg\" alt=\"Karta\">")),
        ("content/riktlinjer/hemlig.md", "---\ntitle: Riktlinje hemligriktlinje7302\ntype: guideline\nid: RL-H\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: P-1\nclassification: restricted\n---\nText hemligriktlinje7302.\n".into()),
        ("content/regler/under-hemlig.md", "---\ntitle: Regel under hemlig riktlinje\ntype: rule\nid: R-UH\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: RL-H\n---\nText.\n".into()),
        ("content/regler/hemligt-utkast.md", rule("R-H2", "Utkast hemligutkast7307", "classification: restricted\nstatus: draft\n", "Text hemligutkast7307. [Anteckning](hemligt-utkast-bilaga.txt).")),
        ("content/regler/utkast2.md", rule("R-U1", "Utkast utkastregel7401", "status: draft\nsummary: utkastregel7401\n", "Text utkastregel7401. [Bilaga](utkast-bilaga.pdf).")),
        ("content/regler/remiss2.md", rule("R-U2", "Remiss remissregel7402", "status: review\n", "Text remissregel7402. [Anteckning](remiss-anteckning.txt).")),
        ("content/utbildning/hemlig-modul.md", "---\ntitle: Modul hemligmodul7303\ntype: module\nid: M-H\nversion: \"1.0\"\nquiz: hemligquiz\nclassification: restricted\nroles: [medarbetare]\n---\nLektion hemligmodul7303.\n".into()),
        ("content/utbildning/utkast-modul.md", "---\ntitle: Utkastmodul\ntype: module\nid: M-U\nversion: \"1.0\"\nquiz: utkastquiz\nstatus: draft\nroles: [medarbetare]\n---\nLektion.\n".into()),
        ("quizzes/hemligquiz.yaml", quiz("hemligquiz7304")),
        ("quizzes/utkastquiz.yaml", quiz("utkastquiz7403")),
        // Public pages that point at the unpublished ones every way there is.
        ("content/lankar.md", "---\ntitle: Länkar\n---\nTom: [](id:R-H1), [](id:RL-H), [](id:M-H), [](id:R-U1) och [](regler/hemlig.md#larm-hemligregel7301).\n\n[Bilaga](oppen-bilaga.pdf) ![Ritning](ritning.svg)\n".into()),
        ("content/regler/ersatter.md", rule("R-E", "Ersätter", "replaces: [R-H1, R-U1]\n", "Text.")),
        ("content/utbildning/oppen-modul.md", "---\ntitle: Öppen modul\ntype: module\nid: M-O\nversion: \"1.0\"\ndocuments: [R-H1, RL-H, R-U1]\nprerequisites: [M-H, M-U]\nroles: [medarbetare]\n---\nLektion.\n".into()),
        ("content/utbildning/vag2.md", "---\ntitle: Väg två\ntype: path\nid: V-2\nmodules: [M-O, M-H, M-U]\ndocuments: [R-H1, R-U1]\nroles: [medarbetare]\n---\nVäg.\n".into()),
    ];
    write_files(root, &files.map(|(p, t)| (p, t)));
}

/// Older versions: commit the unpublished documents with other canaries
/// first, so a history feature has versions to (not) publish.
fn with_git_history(root: &Path) -> bool {
    let git = |args: &[&str]| {
        Command::new("git")
            .args([
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.se",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(root)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let old = [
        (
            "content/regler/hemlig.md",
            rule(
                "R-H1",
                "Hemlig",
                "classification: restricted\n",
                "Äldre hemligaldre7306.",
            )
            .replace("\"1.0\"", "\"0.5\""),
        ),
        (
            "content/regler/utkast2.md",
            rule(
                "R-U1",
                "Utkast",
                "status: draft\n",
                "Äldre utkastaldre7404.",
            )
            .replace("\"1.0\"", "\"0.5\""),
        ),
    ];
    let saved: Vec<(&str, String)> = old
        .iter()
        .map(|(p, _)| (*p, std::fs::read_to_string(root.join(p)).unwrap()))
        .collect();
    write_files(root, &old);
    let ok = git(&["init", "-q"]) && git(&["add", "-A"]) && git(&["commit", "-qm", "v0.5"]);
    write_files(root, &saved);
    ok && git(&["add", "-A"]) && git(&["commit", "-qm", "v1.0"])
}

/// Canaries (of `words`) found in any file name or content under `out`.
fn found_in(out: &Path, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, bytes) in snapshot(out) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for w in words {
            if text.contains(w) || rel.to_lowercase().contains(w) {
                found.push(format!("{w} in {rel}"));
            }
        }
    }
    found
}

fn build(root: &Path, drafts: bool) -> std::path::PathBuf {
    let out = root.join("public");
    let mut cmd = Command::new(BIN);
    cmd.args(["build", "--root", root.to_str().unwrap()]);
    if drafts {
        cmd.arg("--drafts");
    }
    let o = cmd.env("STYRDOK_TODAY", "2026-11-29").output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn no_canary_of_an_unpublished_document_reaches_any_output_file() {
    let site = tempfile::tempdir().unwrap();
    leak_site(site.path());
    let git = with_git_history(site.path());
    let all: Vec<&str> = RESTRICTED.iter().chain(DRAFT).copied().collect();

    let out = build(site.path(), false);
    let files = snapshot(&out).len();
    assert_eq!(found_in(&out, &all), Vec::<String>::new(), "build");

    let out = build(site.path(), true);
    assert_eq!(
        found_in(&out, RESTRICTED),
        Vec::<String>::new(),
        "build --drafts"
    );
    let drafts = found_in(&out, DRAFT);
    assert!(
        drafts.iter().any(|f| f.starts_with("utkastregel7401")),
        "{drafts:?}"
    );
    eprintln!(
        "{} canaries checked in {files} files (build) and {} files (--drafts); git history: {git}",
        all.len(),
        snapshot(&out).len()
    );
    serve_leaks_nothing(site.path(), &out, &all);
}

/// GET `path` from 127.0.0.1:`port`; the whole response as text.
fn get(port: u16, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).to_lowercase())
}

/// With `serve` (a feature of its own branch), the same pages and the
/// unpublished documents' own addresses, asked for directly.
fn serve_leaks_nothing(root: &Path, drafts_out: &Path, all: &[&str]) {
    let has_serve = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_serve {
        eprintln!("this binary has no `serve`: the serve case is skipped");
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for (drafts, words) in [(false, all), (true, RESTRICTED)] {
        let mut cmd = Command::new(BIN);
        cmd.args([
            "serve",
            "--root",
            root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ]);
        if drafts {
            cmd.arg("--drafts");
        }
        let mut child = cmd
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut paths: Vec<String> = snapshot(drafts_out)
            .into_keys()
            .map(|k| format!("/{k}"))
            .collect();
        paths.extend(
            [
                "/regler/hemlig/",
                "/riktlinjer/hemlig/",
                "/utbildning/hemlig-modul/",
                "/gammal/hemligregel7301/",
                "/regler/hemlig.md~",
                "/regler/hemlig.md.bak",
                "/regler/hemlig%20(kopia).markdown",
                "/regler/hemlig-bilaga.pdf",
                "/regler/filer/hemlig-blankett.pdf",
                "/regler/hemlig-karta.svg",
                "/regler/hemligt-utkast-bilaga.txt",
                "/regler/utkast-bilaga.pdf",
            ]
            .map(String::from),
        );
        let started = std::time::Instant::now();
        while get(port, "/").is_none() && started.elapsed().as_secs() < 60 {
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        let leaks: Vec<String> = paths
            .iter()
            .filter_map(|p| get(port, p).map(|body| (p, body)))
            .flat_map(|(p, body)| {
                words
                    .iter()
                    .filter(move |w| body.contains(*w))
                    .map(move |w| format!("{w} at {p}"))
            })
            .collect();
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(leaks, Vec::<String>::new(), "serve (drafts: {drafts})");
    }
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("STYRDOK_TODAY", "2026-11-29")
        .output()
        .unwrap()
}

/// Issue #14: an attachment follows the pages that use it. Published pages'
/// attachments and a `filer/` folder's unused files are published as they
/// are; those of draft and review documents only with `--drafts`; those of
/// restricted documents never, even from `filer/`; unused ones never.
#[test]
fn attachments_follow_the_pages_that_use_them() {
    let site = tempfile::tempdir().unwrap();
    leak_site(site.path());
    let content = site.path().join("content");
    let out = build(site.path(), false);
    for published in [
        "oppen-bilaga.pdf",
        "ritning.svg",
        "filer/blankett.pdf",
        "filer/statistik.csv",
    ] {
        assert_eq!(
            std::fs::read(out.join(published)).ok(),
            Some(std::fs::read(content.join(published)).unwrap()),
            "{published} is published byte for byte"
        );
    }
    let never = [
        "regler/hemlig-bilaga.pdf",
        "regler/filer/hemlig-blankett.pdf",
        "regler/hemlig-karta.svg",
        "regler/hemligt-utkast-bilaga.txt",
        "oanvand.pdf",
    ];
    let drafts_only = ["regler/utkast-bilaga.pdf", "regler/remiss-anteckning.txt"];
    for path in never.iter().chain(&drafts_only) {
        assert!(!out.join(path).exists(), "{path} is published");
    }
    let out = build(site.path(), true);
    for path in drafts_only {
        assert!(
            out.join(path).is_file(),
            "{path} not published with --drafts"
        );
    }
    for path in never {
        assert!(
            !out.join(path).exists(),
            "{path} is published with --drafts"
        );
    }
}

/// Issue #14: backups and copies are reported by name (warnings, so the
/// build goes on; errors with `check --strict`), as is an unused attachment.
#[test]
fn backups_copies_and_unused_files_are_reported_by_name() {
    let site = tempfile::tempdir().unwrap();
    leak_site(site.path());
    // Copies named `.md` are backups too, not pages with a duplicate id.
    copy_dir(&fixtures().join("leaks/page-copies"), site.path());
    let root = site.path().to_str().unwrap();
    let o = run(&["build", "--root", root]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let backups = [
        "hemlig.md~",
        "hemlig.md.bak",
        "hemlig.md.orig",
        "hemlig (kopia).markdown",
        "hemlig - Kopia.md",
        "#hemlig.md#",
        "hemlig.swp",
        "hemlig.md.txt",
        "Kopia av hemlig.md",
        "hemlig copy.md",
        "hemlig.markdown",
    ];
    for name in backups {
        let line = stderr
            .lines()
            .find(|l| l.contains(&format!("content/regler/{name}")))
            .unwrap_or_else(|| panic!("{name} not reported:\n{stderr}"));
        assert!(
            line.contains("warning") && line.contains("backup or copy"),
            "{line}"
        );
    }
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("content/oanvand.pdf") && l.contains("unused")),
        "{stderr}"
    );
    let o = run(&["check", "--strict", "--root", root]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/regler/hemlig.md~"), "{stderr}");
}

/// Issue #14: HTML, XHTML, JavaScript, XML, SVG with script or event
/// handlers, and a script in a `.pdf` or `.txt` file's clothes are errors
/// at their paths (SVG at its line); nothing is written.
#[test]
fn active_content_is_an_error_at_its_path() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("core/base"), site.path());
    copy_dir(&fixtures().join("leaks/active"), site.path());
    let o = run(&["build", "--root", site.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    for path in [
        "content/sida.html",
        "content/sida.xhtml",
        "content/skript.js",
        "content/modul.mjs",
        "content/data.xml",
        "content/regler/karta.svg:3:3",
        "content/regler/ikon.svg:1:1",
        "content/regler/rapport.pdf",
        "content/regler/lista.txt",
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(path) && l.contains("error")),
            "{path} not an error:\n{stderr}"
        );
    }
    assert!(!site.path().join("public").exists());
}

/// Issue #14 in `serve`: an attachment edited into active content (a script
/// added to a published SVG) is refused by the partial rebuild, and the
/// served file stays the inert one.
#[test]
fn serve_never_copies_an_attachment_edited_into_active_content() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("core/base"), site.path());
    let svg = site.path().join("content/ritning.svg");
    std::fs::copy(
        fixtures().join("leaks/side-doors/content/ritning.svg"),
        &svg,
    )
    .unwrap();
    write_files(
        site.path(),
        &[(
            "content/ritning.md",
            "---\ntitle: Ritning\n---\n![Ritning](ritning.svg)\n".into(),
        )],
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log = site.path().join("serve.log");
    let mut child = Command::new(BIN)
        .args(["serve", "--root", site.path().to_str().unwrap()])
        .args(["--port", &port.to_string()])
        .env("STYRDOK_TODAY", "2026-11-29")
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let waited = |done: &dyn Fn() -> bool| {
        let started = std::time::Instant::now();
        while !done() && started.elapsed().as_secs() < 60 {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        done()
    };
    let served = || get(port, "/ritning.svg").unwrap_or_default();
    let first = waited(&|| served().contains("<circle"));
    let clean = std::fs::read_to_string(&svg).unwrap();
    std::fs::write(
        &svg,
        clean.replace("</svg>", "<script>alert(1)</script></svg>"),
    )
    .unwrap();
    let refused = waited(&|| {
        std::fs::read_to_string(&log).is_ok_and(|l| {
            l.lines()
                .any(|l| l.starts_with("content/ritning.svg:") && l.contains("error"))
        })
    });
    let after = served();
    let _ = child.kill();
    let _ = child.wait();
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(first, "the drawing was never served: {log}");
    assert!(refused, "the edit was never reported: {log}");
    assert!(
        after.contains("<circle") && !after.contains("<script"),
        "{after}"
    );
}
