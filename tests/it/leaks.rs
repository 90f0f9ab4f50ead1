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

use crate::harness::git::try_git;
use crate::harness::pdf;
use crate::harness::serve::{free_port, get_lowercase as get, Server};
use crate::harness::{copy_dir, fixtures, snapshot, styrdok, write_files, Cmd, TestSite};
use std::path::{Path, PathBuf};
use std::process::Stdio;

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
        // A Statement of Applicability naming restricted and draft documents
        // as implementers (issue #22): its page, CSV and entries table, the
        // coverage and catalogue pages must not show them.
        ("content/riktlinjer/tillampning.md", "---\ntitle: Uttalande om tillämplighet\ntype: guideline\nid: RL-SOA\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: P-1\napplicability:\n  - { control: \"8.24\", applicable: true, justification: Kryptering behövs., status: pågår, documents: [R-H1, RL-H, R-H2, R-U1, R-U2] }\n---\nUttalande.\n".into()),
        ("content/utbildning/oppen-modul.md", "---\ntitle: Öppen modul\ntype: module\nid: M-O\nversion: \"1.0\"\ndocuments: [R-H1, RL-H, R-U1]\nprerequisites: [M-H, M-U]\nroles: [medarbetare]\n---\nLektion.\n".into()),
        ("content/utbildning/vag2.md", "---\ntitle: Väg två\ntype: path\nid: V-2\nmodules: [M-O, M-H, M-U]\ndocuments: [R-H1, R-U1]\nroles: [medarbetare]\n---\nVäg.\n".into()),
    ];
    write_files(root, &files.map(|(p, t)| (p, t)));
}

/// Older versions: commit the unpublished documents with other canaries
/// first, so a history feature has versions to (not) publish.
fn with_git_history(root: &Path) -> bool {
    let git = |args: &[&str]| try_git(root, args);
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

/// Archival PDFs (issue #20) compress their text, so the byte search of
/// [`found_in`] cannot see into them: their extracted text is searched
/// here, after a build and after `build --drafts`, for every canary (a
/// draft never gets a PDF, not even in a preview). The public rule R-E
/// must have one, so the search is never over nothing.
#[test]
fn no_canary_is_in_the_text_of_any_pdf() {
    let site = TestSite::new();
    leak_site(site.root());
    with_git_history(site.root());
    let all: Vec<&str> = RESTRICTED.iter().chain(DRAFT).copied().collect();
    for drafts in [false, true] {
        let out = build(site.root(), drafts);
        // The archival PDFs (`<id>-v<version>.pdf`), not the fixture's
        // stand-in attachments.
        let pdfs: Vec<String> = pdf::files(&out)
            .into_iter()
            .filter(|r| r.rsplit('/').next().is_some_and(|n| n.contains("-v")))
            .collect();
        assert!(
            pdfs.contains(&"regler/ersatter/R-E-v1.0.pdf".to_string()),
            "{pdfs:?}"
        );
        for rel in &pdfs {
            for id in ["R-H1-", "R-H2-", "RL-H-", "R-U1-", "R-U2-"] {
                assert!(!rel.contains(id), "{rel} (--drafts: {drafts})");
            }
            let Some(text) = pdf::text(&out.join(rel)) else {
                return;
            };
            let text = text.to_lowercase();
            for w in &all {
                assert!(!text.contains(w), "{w} in {rel} (--drafts: {drafts})");
            }
        }
    }
}

fn build(root: &Path, drafts: bool) -> PathBuf {
    let cmd = Cmd::new().arg("build").root(root);
    if drafts { cmd.arg("--drafts") } else { cmd }
        .run()
        .success();
    root.join("public")
}

#[test]
fn no_canary_of_an_unpublished_document_reaches_any_output_file() {
    let site = TestSite::new();
    leak_site(site.root());
    let git = with_git_history(site.root());
    let all: Vec<&str> = RESTRICTED.iter().chain(DRAFT).copied().collect();

    let out = build(site.root(), false);
    let files = snapshot(&out).len();
    assert_eq!(found_in(&out, &all), Vec::<String>::new(), "build");

    let out = build(site.root(), true);
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
    serve_leaks_nothing(site.root(), &out, &all);
}

/// The in-force record (issue #20) holds what was in force: no draft or
/// version on review even in a `--drafts` preview, no restricted document
/// ever — not in the consolidated view, its embedded data or either CSV.
#[test]
fn the_in_force_record_never_holds_a_draft_or_a_restricted_document() {
    let site = TestSite::new();
    leak_site(site.root());
    with_git_history(site.root());
    let all: Vec<&str> = RESTRICTED.iter().chain(DRAFT).copied().collect();
    for drafts in [false, true] {
        let out = build(site.root(), drafts);
        for rel in [
            "gallande/index.html",
            "gallande/gallande.csv",
            "gallande/alla-versioner.csv",
        ] {
            let text = std::fs::read_to_string(out.join(rel)).unwrap();
            let lower = text.to_lowercase();
            for w in &all {
                assert!(!lower.contains(w), "{w} in {rel} (--drafts: {drafts})");
            }
            for id in ["R-H1", "R-H2", "RL-H", "R-U1", "R-U2"] {
                assert!(
                    !text.contains(&format!("\n{id},")) && !text.contains(&format!(">{id} ")),
                    "{id} in {rel} (--drafts: {drafts})"
                );
            }
        }
        let record = std::fs::read_to_string(out.join("gallande/alla-versioner.csv")).unwrap();
        assert!(
            record.contains("\nR-E,"),
            "the published rule is there: {record}"
        );
    }
}

/// With `serve` (a feature of its own branch), the same pages and the
/// unpublished documents' own addresses, asked for directly.
fn serve_leaks_nothing(root: &Path, drafts_out: &Path, all: &[&str]) {
    let has_serve = styrdok(&["serve", "--help"]).run().succeeded();
    if !has_serve {
        eprintln!("this binary has no `serve`: the serve case is skipped");
        return;
    }
    let port = free_port();
    for (drafts, words) in [(false, all), (true, RESTRICTED)] {
        let cmd = Cmd::new()
            .arg("serve")
            .root(root)
            .args(["--port", &port.to_string()]);
        let server = Server::start(if drafts { cmd.arg("--drafts") } else { cmd });
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
        drop(server);
        assert_eq!(leaks, Vec::<String>::new(), "serve (drafts: {drafts})");
    }
}

/// Issue #14: an attachment follows the pages that use it. Published pages'
/// attachments and a `filer/` folder's unused files are published as they
/// are; those of draft and review documents only with `--drafts`; those of
/// restricted documents never, even from `filer/`; unused ones never.
#[test]
fn attachments_follow_the_pages_that_use_them() {
    let site = TestSite::new();
    leak_site(site.root());
    let content = site.root().join("content");
    let out = build(site.root(), false);
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
    let out = build(site.root(), true);
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
    let site = TestSite::new();
    leak_site(site.root());
    // Copies named `.md` are backups too, not pages with a duplicate id.
    copy_dir(&fixtures().join("leaks/page-copies"), site.root());
    let root = site.root().to_str().unwrap();
    let o = styrdok(&["build", "--root", root]).run();
    let stderr = o.stderr();
    assert!(o.succeeded(), "{stderr}");
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
    let o = styrdok(&["check", "--strict", "--root", root]).run();
    let stderr = o.stderr();
    assert_eq!(o.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/regler/hemlig.md~"), "{stderr}");
}

/// Issue #14: HTML, XHTML, JavaScript, XML, SVG with script or event
/// handlers, and a script in a `.pdf` or `.txt` file's clothes are errors
/// at their paths (SVG at its line); nothing is written.
#[test]
fn active_content_is_an_error_at_its_path() {
    let site = TestSite::new();
    copy_dir(&fixtures().join("core/base"), site.root());
    copy_dir(&fixtures().join("leaks/active"), site.root());
    let o = styrdok(&["build", "--root", site.root().to_str().unwrap()]).run();
    let stderr = o.stderr();
    assert_eq!(o.code(), Some(1), "{stderr}");
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
    assert!(!site.out().exists());
}

/// Issue #14 in `serve`: an attachment edited into active content (a script
/// added to a published SVG) is refused by the partial rebuild, and the
/// served file stays the inert one.
#[test]
fn serve_never_copies_an_attachment_edited_into_active_content() {
    let site = TestSite::new();
    copy_dir(&fixtures().join("core/base"), site.root());
    let svg = site.root().join("content/ritning.svg");
    std::fs::copy(
        fixtures().join("leaks/side-doors/content/ritning.svg"),
        &svg,
    )
    .unwrap();
    site.write(
        "content/ritning.md",
        "---\ntitle: Ritning\n---\n![Ritning](ritning.svg)\n",
    );
    let port = free_port();
    let log = site.path("serve.log");
    let server = Server(
        Cmd::new()
            .arg("serve")
            .root(site.root())
            .args(["--port", &port.to_string()])
            .spawn(Stdio::from(std::fs::File::create(&log).unwrap())),
    );
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
    drop(server);
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(first, "the drawing was never served: {log}");
    assert!(refused, "the edit was never reported: {log}");
    assert!(
        after.contains("<circle") && !after.contains("<script"),
        "{after}"
    );
}

/// Learning-platform packages (issue #19): zipped, so [`found_in`] cannot
/// see into them. Every entry of every package, after `build` and after
/// `build --drafts`, holds no restricted and no draft canary (a package
/// never carries a draft, not even in a preview build), and a module's
/// package holds that module only.
#[test]
fn no_package_holds_a_draft_a_restricted_document_or_another_module() {
    let site = TestSite::new();
    leak_site(site.root());
    let all: Vec<&str> = RESTRICTED.iter().chain(DRAFT).copied().collect();
    for drafts in [false, true] {
        let out = build(site.root(), drafts);
        let dir = out.join("scorm");
        let mut packages = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            packages += 1;
            for (rel, bytes) in crate::lms::unzip(&path) {
                let text = String::from_utf8_lossy(&bytes).to_lowercase();
                for w in &all {
                    assert!(
                        !text.contains(w) && !rel.to_lowercase().contains(w),
                        "{w} in {name}:{rel} (--drafts: {drafts})"
                    );
                }
                if name.starts_with("M-O-") {
                    assert!(
                        rel.starts_with("M-O/") || rel.starts_with("shared/") || !rel.contains('/'),
                        "{name} holds {rel}"
                    );
                }
            }
        }
        assert!(packages >= 6, "{packages} packages (--drafts: {drafts})");
    }
}

/// Issue #18: the follow-up page (`build --completions --roster`) names
/// no person. Canary names, e-mail addresses, person ids and managers in
/// the results and the roster, and units only they name (typed by
/// someone, so possibly personal), reach no output file; groups of at
/// least five are there, so the page really has figures to show.
#[test]
fn no_person_from_results_or_roster_reaches_the_follow_up_page() {
    const PEOPLE: &[&str] = &[
        "kanarienamn7501",
        "kanariepost7502",
        "kanarieid7503",
        "kanariechef7504",
        "kanarieenhet7505",
        "kanarieroll7506",
    ];
    let mut roster = String::from("person,email,name,unit,role,manager,start_date\n");
    let mut results = String::from(
        "kind,id,version,score,passed,name,email,unit,role,completed_at,attempt,answers\n",
    );
    for i in 0..12 {
        let unit = if i < 10 { "klf" } else { "kanarieenhet7505" };
        let role = if i == 11 {
            "kanarieroll7506"
        } else {
            "medarbetare"
        };
        roster.push_str(&format!(
            "kanarieid7503-{i},kanariepost7502-{i}@example.se,Kanarienamn7501 {i},{unit},{role},kanariechef7504@example.se,2026-01-01\n"
        ));
        for (attempt, score) in [("pre", 40), ("post", 100), ("retention", 80)] {
            results.push_str(&format!(
                "quiz,M-1,1.0,{score},{},Kanarienamn7501 {i},kanariepost7502-{i}@example.se,{unit},medarbetare,2026-0{}-01T10:00:00Z,{attempt},\n",
                score >= 80,
                if attempt == "retention" { 9 } else { 2 }
            ));
        }
    }
    let site = TestSite::new()
        .fixture("core/base")
        .file("resultat.csv", results)
        .file("personal.csv", roster);
    let o = site
        .cmd("build")
        .arg("--completions")
        .arg(site.path("resultat.csv"))
        .arg("--roster")
        .arg(site.path("personal.csv"))
        .run();
    assert!(o.succeeded(), "{}", o.stderr());
    let page = site.out_file("uppfoljning/index.html");
    assert!(
        page.contains("40 → 100"),
        "the page shows the group of ten: {page}"
    );
    let found = found_in(&site.out(), PEOPLE);
    assert!(found.is_empty(), "{found:?}");
}
