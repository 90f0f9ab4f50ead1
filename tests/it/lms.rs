//! Learning-platform packages (issue #19, SPEC §7): the SCORM 1.2, SCORM
//! 2004 and cmi5 zips `build` writes to `OUT/scorm/` for every published,
//! active module and path of tests/fixtures/lms/site — their manifests
//! (validated against the SCORM schemas in tests/data/ with xmllint),
//! identifiers with the version, mastery scores, the path's order and
//! prerequisites, reproducible bytes, no draft, and a question a package
//! cannot report as an error at its line. The Chromium half (scorm-again as
//! the LMS) is tests/lms/, run from here.

use crate::harness::browser::{run_node_suite, Needs};
use crate::harness::{manifest_dir, TestSite};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

fn site() -> TestSite {
    TestSite::new().fixture("lms/site")
}

/// The fixture, built; the site is kept so its temp folder lives on.
fn built() -> (TestSite, std::path::PathBuf) {
    let site = site();
    site.build();
    let out = site.out();
    (site, out)
}

/// Every entry of a zip file, by name.
pub fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn names(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(out.join("scorm"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(files[name].clone()).unwrap()
}

fn path_package(out: &Path, standard: &str) -> BTreeMap<String, Vec<u8>> {
    let name = names(out)
        .into_iter()
        .find(|n| n.starts_with("V-1-") && n.ends_with(&format!("-{standard}.zip")))
        .unwrap();
    unzip(&out.join("scorm").join(name))
}

#[test]
fn every_active_module_and_path_is_packaged_three_ways_and_no_draft() {
    let (site, out) = built();
    let names = names(&out);
    let modules: Vec<&String> = names.iter().filter(|n| n.starts_with("M-")).collect();
    assert_eq!(
        modules,
        [
            "M-1-v2.0-cmi5.zip",
            "M-1-v2.0-scorm12.zip",
            "M-1-v2.0-scorm2004.zip",
            "M-2-v1.0-cmi5.zip",
            "M-2-v1.0-scorm12.zip",
            "M-2-v1.0-scorm2004.zip",
        ]
    );
    assert_eq!(names.iter().filter(|n| n.starts_with("V-1-v")).count(), 3);
    // A preview build shows drafts on the site, never in a package.
    site.cmd("build").arg("--drafts").run().success();
    assert_eq!(names_of(&site), names);
    let path = path_package(&out, "scorm2004");
    assert!(
        path.keys().all(|k| !k.starts_with("M-3/")),
        "{:?}",
        path.keys()
    );
    let all: String = path
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(
        !all.contains("utkastpaket75"),
        "a draft's text is in a package"
    );
}

fn names_of(site: &TestSite) -> Vec<String> {
    names(&site.out())
}

#[test]
fn the_manifests_carry_version_mastery_order_and_prerequisites() {
    let (_site, out) = built();
    let m1 = unzip(&out.join("scorm/M-1-v2.0-scorm12.zip"));
    let manifest = text(&m1, "imsmanifest.xml");
    assert!(
        manifest.contains(r#"<manifest identifier="styrdok-M-1-v2.0" version="2.0""#),
        "{manifest}"
    );
    assert!(
        manifest.contains("<adlcp:masteryscore>60</adlcp:masteryscore>"),
        "{manifest}"
    );
    assert!(
        manifest.contains(r#"adlcp:scormtype="sco" href="M-1/index.html""#),
        "{manifest}"
    );
    let m2004 = text(
        &unzip(&out.join("scorm/M-1-v2.0-scorm2004.zip")),
        "imsmanifest.xml",
    );
    assert!(m2004.contains("<schemaversion>2004 4th Edition</schemaversion>"));
    assert!(m2004.contains("<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>"));

    let path12 = text(&path_package(&out, "scorm12"), "imsmanifest.xml");
    let first = path12.find(r#"<item identifier="item-M-1""#).unwrap();
    let second = path12.find(r#"<item identifier="item-M-2""#).unwrap();
    assert!(first < second, "the path's order");
    assert!(
        path12[second..]
            .contains("<adlcp:prerequisites type=\"aicc_script\">item-M-1</adlcp:prerequisites>"),
        "{path12}"
    );
    assert!(!path12.contains("item-M-3"), "a draft module is no SCO");
    let path2004 = text(&path_package(&out, "scorm2004"), "imsmanifest.xml");
    let rule = path2004.find("preConditionRule").unwrap();
    assert!(
        rule > path2004.find(r#"<item identifier="item-M-2""#).unwrap(),
        "only the second module waits"
    );
    assert!(path2004.contains(r#"targetObjectiveID="https://lis.example.se/xapi/modules/M-1/v2.0.satisfied" readSatisfiedStatus="true""#), "{path2004}");

    let cmi5 = text(&path_package(&out, "cmi5"), "cmi5.xml");
    assert!(cmi5.contains(r#"<au id="https://lis.example.se/xapi/modules/M-1/v2.0" moveOn="CompletedAndPassed" masteryScore="0.6""#), "{cmi5}");
    assert!(
        cmi5.contains(
            r#"<au id="https://lis.example.se/xapi/modules/M-2/v1.0" moveOn="Completed""#
        ),
        "{cmi5}"
    );
}

#[test]
fn a_package_holds_the_module_its_attachment_and_links_back_to_the_site() {
    let (_site, out) = built();
    let files = unzip(&out.join("scorm/M-1-v2.0-scorm2004.zip"));
    assert!(files.contains_key("M-1/files/utbildning/skylt.svg"));
    assert!(files.contains_key("shared/js/lms.js") && files.contains_key("shared/css/style.css"));
    let page = text(&files, "M-1/index.html");
    assert!(
        page.contains(r#"<img src="files/utbildning/skylt.svg""#),
        "{page}"
    );
    assert!(page.contains(r#"<a target="_blank" rel="noopener" href="https://lis.example.se/regler/losenord/">Regel om lösenord</a>"#), "{page}");
    assert!(
        page.contains("och utkastet."),
        "the draft is named, not linked: {page}"
    );
    let config = text(&files, "shared/js/training-config.js");
    assert!(config.contains(r#""report_endpoint":"""#), "{config}");
}

#[test]
fn the_same_input_gives_the_same_package_bytes() {
    let site = site();
    site.build();
    let first = site.out();
    let before: Vec<Vec<u8>> = names(&first)
        .iter()
        .map(|n| std::fs::read(first.join("scorm").join(n)).unwrap())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    site.build();
    let again = site.out();
    let after: Vec<Vec<u8>> = names(&again)
        .iter()
        .map(|n| std::fs::read(again.join("scorm").join(n)).unwrap())
        .collect();
    assert_eq!(before.len(), 9);
    assert!(before == after, "a rebuild changed a package's bytes");
}

/// Each manifest against the schemas: SCORM 1.2 (IMS CP 1.1.2 with ADL's
/// extension) and SCORM 2004 4th edition (IMS CP, ADL CP/SEQ/NAV, IMS SS).
#[test]
fn the_manifests_are_valid_against_the_scorm_schemas() {
    if Command::new("xmllint").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "xmllint is missing (apt-get install libxml2-utils)"
        );
        eprintln!("SKIPPED: xmllint is missing");
        return;
    }
    let (_site, out) = built();
    let data = manifest_dir().join("tests/data");
    for name in names(&out).iter().filter(|n| n.contains("-scorm")) {
        let (schemas, entry) = if name.ends_with("scorm12.zip") {
            ("scorm12", "scorm12.xsd")
        } else {
            ("scorm2004", "imscp_v1p1.xsd")
        };
        let dir = tempfile::tempdir().unwrap();
        crate::harness::copy_dir(&data.join(schemas), dir.path());
        let files = unzip(&out.join("scorm").join(name));
        std::fs::write(
            dir.path().join("imsmanifest.xml"),
            &files["imsmanifest.xml"],
        )
        .unwrap();
        let run = Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema", entry, "imsmanifest.xml"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            run.status.success() && stderr.contains("imsmanifest.xml validates"),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn a_question_a_package_cannot_report_is_an_error_at_its_line() {
    let options: String = (0..37)
        .map(|i| {
            format!(
                "      - {{ text: Svar {i}{} }}\n",
                if i == 0 { ", correct: true" } else { "" }
            )
        })
        .collect();
    let quiz = format!("title: Grundtest\nquestions:\n  - type: truefalse\n    prompt: Sant?\n    answer: true\n  - type: single\n    prompt: Vilken?\n    options:\n{options}");
    let site = site().file("quizzes/grund.yaml", quiz);
    site.cmd("check")
        .run()
        .exits(1)
        .stderr_has("quizzes/grund.yaml:6:1: error: a learning-platform package cannot report question 2: it has 37 options, a SCORM interaction at most 36");
}

/// `styrdok report` on an xAPI statements export (two pages, as an LRS's
/// `GET /statements` returns them): the same counts as from a CSV file.
#[test]
fn report_reads_an_xapi_statements_export() {
    let site = site();
    let export = crate::harness::fixtures().join("lms/statements.json");
    let out = site
        .cmd("report")
        .arg("--completions")
        .arg(&export)
        .args(["--format", "csv"])
        .run()
        .success()
        .stdout();
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split(',').collect()).collect();
    let col = |name: &str| lines[0].iter().position(|c| *c == name).unwrap();
    let m1 = lines
        .iter()
        .find(|r| r[0] == "quiz" && r[1] == "M-1" && r[col("unit")] == "*")
        .unwrap();
    // Anna passed 2.0, Bo failed it, Cecilia passed only 1.0 (outdated).
    assert_eq!(
        [
            m1[col("passed_current")],
            m1[col("not_passed")],
            m1[col("passed_outdated_only")]
        ],
        ["1", "1", "1"],
        "{out}"
    );
    let question = lines
        .iter()
        .find(|r| r[1] == "M-1" && r[col("question")] == "losenord")
        .unwrap();
    assert_eq!(
        [question[col("post_answered")], question[col("post_missed")]],
        ["2", "1"],
        "{out}"
    );
}

/// The page of each packaged module and path links its three packages
/// (files that exist in OUT); a draft's page in a preview links none.
#[test]
fn module_and_path_pages_link_their_packages() {
    let (site, out) = built();
    for (page, stem) in [
        ("utbildning/grund/index.html", "M-1-v2.0"),
        ("utbildning/lasning/index.html", "M-2-v1.0"),
    ] {
        let html = site.out_file(page);
        let line = &html[html.find(r#"<p class="lms-download">"#).expect(page)..];
        let line = &line[..line.find("</p>").unwrap()];
        assert!(line.starts_with(r#"<p class="lms-download">Ladda ner för lärplattform:"#));
        for (standard, label) in [
            ("scorm12", "SCORM 1.2"),
            ("scorm2004", "SCORM 2004"),
            ("cmi5", "cmi5"),
        ] {
            let file = format!("scorm/{stem}-{standard}.zip");
            assert!(
                line.contains(&format!(r#"<a href="/{file}" download>{label}</a>"#)),
                "{line}"
            );
            assert!(out.join(&file).is_file(), "{file}");
        }
    }
    let path = site.out_file("utbildning/vag/index.html");
    let name = names(&out)
        .into_iter()
        .find(|n| n.starts_with("V-1-") && n.ends_with("-cmi5.zip"))
        .unwrap();
    assert!(
        path.contains(&format!(r#"<a href="/scorm/{name}" download>cmi5</a>"#)),
        "{path}"
    );
    site.cmd("build").arg("--drafts").run().success();
    let draft = site.out_file("utbildning/utkastmodul/index.html");
    assert!(
        draft.contains("utkastpaket75") && !draft.contains("lms-download"),
        "{draft}"
    );
}

/// A governing document a path or module gives to read is an AU of its
/// cmi5 course structure, launched on the site (its page takes the read
/// receipt: `data-xapi`); once, however many lists name it; never a draft;
/// none without an absolute `base_url`. The SCORM manifests do not change.
#[test]
fn documents_to_read_are_cmi5_aus_launched_on_the_site() {
    let (site, out) = built();
    let au = r#"<au id="https://lis.example.se/xapi/documents/P-1/v1.0" moveOn="NotApplicable" launchMethod="OwnWindow">"#;
    for cmi5 in [
        text(&path_package(&out, "cmi5"), "cmi5.xml"),
        text(&unzip(&out.join("scorm/M-1-v2.0-cmi5.zip")), "cmi5.xml"),
    ] {
        assert_eq!(cmi5.matches(au).count(), 1, "{cmi5}");
        assert!(
            cmi5.contains("<url>https://lis.example.se/regler/losenord/</url>"),
            "{cmi5}"
        );
        assert!(!cmi5.contains("P-U") && !cmi5.contains("utkast"), "{cmi5}");
    }
    let m2 = text(&unzip(&out.join("scorm/M-2-v1.0-cmi5.zip")), "cmi5.xml");
    assert!(!m2.contains("/xapi/documents/"), "{m2}");
    let scorm = text(&path_package(&out, "scorm2004"), "imsmanifest.xml");
    assert!(!scorm.contains("losenord"), "{scorm}");
    let page = site.out_file("regler/losenord/index.html");
    assert!(
        page.contains(r#"data-xapi="https://lis.example.se/xapi/documents/P-1/v1.0" data-xapi-version="https://lis.example.se/xapi/extensions/document-version""#)
            && page.contains("js/training.js"),
        "{page}"
    );
    site.cmd("build").args(["--base-url", "/"]).run().success();
    let cmi5 = text(&path_package(&out, "cmi5"), "cmi5.xml");
    assert!(!cmi5.contains("/xapi/documents/"), "{cmi5}");
    assert!(!site
        .out_file("regler/losenord/index.html")
        .contains("data-xapi"));
}

/// `styrdok export scorm --out DIR --root ROOT`.
fn export(site: &TestSite, dir: &Path) -> crate::harness::Cmd {
    crate::harness::Cmd::new()
        .args(["export", "scorm", "--out"])
        .arg(dir)
        .root(site.root())
}

/// The export writes the build's packages, byte for byte, beside what the
/// folder holds, and replaces only a package of the same name.
#[test]
fn export_writes_the_builds_packages_beside_other_files() {
    let (site, out) = built();
    let dir = site.tmp().join("till-lms");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("anteckningar.txt"), "mine").unwrap();
    std::fs::write(dir.join("M-1-v1.0-scorm12.zip"), "an older version").unwrap();
    std::fs::write(dir.join("M-1-v2.0-scorm12.zip"), "stale bytes").unwrap();
    let run = export(&site, &dir).run().success();
    let listed: Vec<String> = run.stdout().lines().map(String::from).collect();
    assert_eq!(listed.len(), 9, "{listed:?}");
    assert!(
        run.stderr().contains("Wrote 9 packages into"),
        "{}",
        run.stderr()
    );
    for name in names(&out) {
        let want = std::fs::read(out.join("scorm").join(&name)).unwrap();
        let got = std::fs::read(dir.join(&name)).unwrap();
        assert!(want == got, "{name} differs from the build's");
        assert!(listed.contains(&dir.join(&name).display().to_string()));
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("anteckningar.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("M-1-v1.0-scorm12.zip")).unwrap(),
        "an older version"
    );
    let count = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(count, 9 + 2, "nothing else, no temporary file");
    // A folder that is missing is made, parents too.
    export(&site, &site.tmp().join("ny/mapp")).run().success();
    assert_eq!(
        std::fs::read_dir(site.tmp().join("ny/mapp"))
            .unwrap()
            .count(),
        9
    );
}

#[test]
fn export_refuses_a_file_the_site_source_and_a_broken_site() {
    let site = site();
    let file = site.tmp().join("paket.zip");
    std::fs::write(&file, "x").unwrap();
    export(&site, &file)
        .run()
        .exits(1)
        .stderr_has("cannot write packages here: it is a file, not a folder");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    export(&site, &site.path("content/paket"))
        .run()
        .exits(1)
        .stderr_has("cannot write packages inside the site's content/ folder");
    assert!(!site.path("content/paket").exists());
    // A site with an error: exit 1 and nothing written, not even the folder.
    site.write("content/utbildning/trasig.md", "---\ntitle: [\n---\n");
    let dir = site.tmp().join("till-lms");
    export(&site, &dir).run().exits(1);
    assert!(!dir.exists());
    crate::harness::Cmd::new()
        .args(["export", "scorm", "--out"])
        .arg(&dir)
        .root(&site.tmp().join("finns-inte"))
        .run()
        .exits(2);
}

#[test]
fn packages_in_chromium_with_scorm_again_as_the_lms() {
    run_node_suite(
        "tests/lms/scorm.test.js",
        Needs::Browser(&["playwright-core", "scorm-again"]),
    );
}

/// cmi5 against Ralph, a real Learning Record Store (PyPI `ralph-malph`, in
/// the virtual environment `.ci/run` makes: target/ralph-venv, or
/// `RALPH_VENV`), with the test as the LMS (tests/lms/cmi5.test.js).
#[test]
fn cmi5_in_chromium_against_ralph() {
    ralph_suite("tests/lms/cmi5.test.js");
}

/// Read receipts sent to the platform that launched a document's page on
/// the site, stored in Ralph and counted by `styrdok report`; a page opened
/// without a launch sends nothing (tests/lms/receipt.test.js).
#[test]
fn cmi5_read_receipts_in_chromium_against_ralph() {
    ralph_suite("tests/lms/receipt.test.js");
}

/// Runs a node suite that starts Ralph, or skips it (outside CI) when the
/// virtual environment is missing.
fn ralph_suite(suite: &str) {
    let venv = std::env::var_os("RALPH_VENV")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("target/ralph-venv"));
    if !venv.join("bin/ralph").exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Ralph is missing: {} (see .ci/run)",
            venv.display()
        );
        eprintln!("SKIPPED {suite}: no Ralph in {}", venv.display());
        return;
    }
    run_node_suite(suite, Needs::Browser(&["playwright-core"]));
}
