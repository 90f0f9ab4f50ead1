//! Leak suite (issue #9, SPEC §5): canary words in draft, review and
//! restricted documents — bodies, titles, summaries, aliases, history
//! entries, older versions in git — in quizzes of restricted and draft
//! modules, and restricted titles reachable through links (`[](id:X)`),
//! parents, `replaces`, module documents and prerequisites. After `build`
//! no canary of an unpublished document is in any output file; after
//! `build --drafts` draft and review canaries may be, restricted never;
//! `serve` (when the binary has it) serves none of them. Every file in OUT
//! is read, whatever feature wrote it (HTML, JSON, XML, CSV, search shards).

mod common;

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
];
const DRAFT: &[&str] = &[
    "utkastregel7401",
    "remissregel7402",
    "utkastquiz7403",
    "utkastaldre7404",
];

fn rule(id: &str, title: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ntype: rule\nid: {id}\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: RL-1\nroles: [medarbetare]\n{extra}---\n{body}\n")
}

fn quiz(canary: &str) -> String {
    format!("title: Quiz {canary}\nquestions:\n  - type: single\n    prompt: Fråga {canary}\n    options:\n      - {{ text: Svar {canary}, correct: true }}\n      - {{ text: Annat }}\n    explanation: Förklaring {canary}\n")
}

fn leak_site(root: &Path) {
    copy_dir(&fixtures().join("core/base"), root);
    let files = [
        ("content/regler/hemlig.md", rule("R-H1", "Hemlig hemligregel7301", "classification: restricted\nsummary: Om hemligregel7301\naliases: [/gammal/hemligregel7301/]\nhistory:\n  - { version: \"0.9\", date: 2025-01-01, approved_by: KD, changes: hemlighistorik7305 }\n", "## Larm hemligregel7301\n\nKod hemligregel7301.")),
        ("content/riktlinjer/hemlig.md", "---\ntitle: Riktlinje hemligriktlinje7302\ntype: guideline\nid: RL-H\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: P-1\nclassification: restricted\n---\nText hemligriktlinje7302.\n".into()),
        ("content/regler/under-hemlig.md", "---\ntitle: Regel under hemlig riktlinje\ntype: rule\nid: R-UH\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: RL-H\n---\nText.\n".into()),
        ("content/regler/hemligt-utkast.md", rule("R-H2", "Utkast hemligutkast7307", "classification: restricted\nstatus: draft\n", "Text hemligutkast7307.")),
        ("content/regler/utkast2.md", rule("R-U1", "Utkast utkastregel7401", "status: draft\nsummary: utkastregel7401\n", "Text utkastregel7401.")),
        ("content/regler/remiss2.md", rule("R-U2", "Remiss remissregel7402", "status: review\n", "Text remissregel7402.")),
        ("content/utbildning/hemlig-modul.md", "---\ntitle: Modul hemligmodul7303\ntype: module\nid: M-H\nversion: \"1.0\"\nquiz: hemligquiz\nclassification: restricted\nroles: [medarbetare]\n---\nLektion hemligmodul7303.\n".into()),
        ("content/utbildning/utkast-modul.md", "---\ntitle: Utkastmodul\ntype: module\nid: M-U\nversion: \"1.0\"\nquiz: utkastquiz\nstatus: draft\nroles: [medarbetare]\n---\nLektion.\n".into()),
        ("quizzes/hemligquiz.yaml", quiz("hemligquiz7304")),
        ("quizzes/utkastquiz.yaml", quiz("utkastquiz7403")),
        // Public pages that point at the unpublished ones every way there is.
        ("content/lankar.md", "---\ntitle: Länkar\n---\nTom: [](id:R-H1), [](id:RL-H), [](id:M-H), [](id:R-U1) och [](regler/hemlig.md#larm-hemligregel7301).\n".into()),
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
