//! Archival PDFs (issue #20, SPEC §7): every published version of every
//! published governing document gets a PDF/A-2a + PDF/UA-1 file, linked
//! from its page and version page with an `href` ending in `.pdf`, unless
//! `publish.pdf: false`. The fixture is tests/fixtures/pdf/site/ (an
//! absolute `base_url`, so links to the site's own pages are kept), put
//! into a git repository with two versions of the rule.

use crate::harness::files::edit;
use crate::harness::git::{commit_all, git_on};
use crate::harness::{pdf, TestSite};
use std::fs;

const RULE: &str = "content/regler/losenord.md";
const CURRENT_PDF: &str = "regler/losenord/R-1-v1.1.pdf";
const OLD_PDF: &str = "regler/losenord/v1.0/R-1-v1.0.pdf";

/// The fixture in git: the rule at 1.0 (2024-03-01), then at 1.1 with a
/// new sentence (2025-05-01).
fn site() -> TestSite {
    let site = TestSite::new().fixture("pdf/site");
    let root = site.root();
    git_on(root, &["init", "-q", "-b", "main"], "2024-03-01");
    commit_all(root, "2024-03-01", "Version 1.0");
    edit(&site.path(RULE), "version: \"1.0\"", "version: \"1.1\"");
    edit(
        &site.path(RULE),
        "approved_on: 2024-03-01",
        "approved_on: 2025-05-01",
    );
    edit(
        &site.path(RULE),
        "får aldrig delas med någon.",
        "får aldrig delas med någon. Lösenordet byts när det har läckt.",
    );
    commit_all(root, "2025-05-01", "Version 1.1");
    site
}

fn bytes(site: &TestSite, rel: &str) -> Vec<u8> {
    fs::read(site.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn each_published_version_has_a_linked_pdf_a() {
    let site = site();
    site.build();
    assert_eq!(
        pdf::files(&site.out()),
        ["policy/P-1-v1.0.pdf", CURRENT_PDF, OLD_PDF,]
    );
    for rel in ["policy/P-1-v1.0.pdf", CURRENT_PDF, OLD_PDF] {
        let b = bytes(&site, rel);
        assert!(b.starts_with(b"%PDF-"), "{rel} is not a PDF");
        let text = String::from_utf8_lossy(&b);
        // The XMP metadata (uncompressed, as PDF/A wants it) declares the
        // standards and carries the title.
        assert!(
            text.contains("<pdfaid:part>2</pdfaid:part>"),
            "{rel}: no PDF/A-2"
        );
        assert!(
            text.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
            "{rel}: not level a"
        );
        assert!(
            text.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{rel}: no PDF/UA-1"
        );
        assert!(text.contains("/StructTreeRoot"), "{rel}: not tagged");
        pdf::check(&site.out().join(rel));
    }
    let rule = String::from_utf8_lossy(&bytes(&site, CURRENT_PDF)).into_owned();
    assert!(
        rule.contains("Lösenord och inloggning"),
        "title missing from the XMP"
    );
    assert!(
        rule.contains("<dc:language>") && rule.contains("sv-SE"),
        "language missing"
    );
    assert!(rule.contains("IT-avdelningen"), "owner missing as author");

    // The pages link them, with the Swedish label.
    let page = site.out_file("regler/losenord/index.html");
    assert!(
        page.contains("href=\"/regler/losenord/R-1-v1.1.pdf\""),
        "current page lacks its PDF"
    );
    assert!(page.contains("Ladda ner som PDF (PDF/A)"));
    assert!(
        page.contains("href=\"/regler/losenord/v1.0/R-1-v1.0.pdf\""),
        "version table lacks the old PDF"
    );
    let old = site.out_file("regler/losenord/v1.0/index.html");
    assert!(
        old.contains("href=\"/regler/losenord/v1.0/R-1-v1.0.pdf\""),
        "version page lacks its PDF"
    );
    // Not a governing document: no PDF, no link.
    assert!(!site.out_file("index.html").contains(".pdf\""));
}

#[test]
fn a_pdf_carries_its_version_text_header_block_and_page_numbers() {
    let site = site();
    site.build();
    let (Some(current), Some(old)) = (
        pdf::text(&site.out().join(CURRENT_PDF)),
        pdf::text(&site.out().join(OLD_PDF)),
    ) else {
        return;
    };
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let (current, old) = (flat(&current), flat(&old));
    for want in [
        "Testkommun",
        "Lösenord och inloggning",
        "Dokument-id R-1",
        "Version 1.1",
        "Status Gällande",
        "Beslutad av Kommundirektören",
        "Beslutad 2025-05-01",
        "Dokumentansvarig IT-avdelningen",
        "Webbsida https://lis.example.se/regler/losenord/",
        "Ett lösenord ska ha minst åtta tecken och får aldrig delas med någon.",
        "Lösenordet byts när det har läckt.",
        "Använd tvåstegsverifiering där det går.",
        "Sida 1 av 1",
        "R-1 · Version 1.1 · Gällande",
    ] {
        assert!(
            current.contains(want),
            "current PDF lacks {want:?}:\n{current}"
        );
    }
    for want in [
        "Version 1.0",
        "Status Ersatt",
        "Beslutad 2024-03-01",
        "Äldre version – gällde från 2024-03-01 till 2025-05-01; gällande version är 1.1.",
        "Webbsida https://lis.example.se/regler/losenord/v1.0/",
    ] {
        assert!(old.contains(want), "old PDF lacks {want:?}:\n{old}");
    }
    assert!(
        !old.contains("läckt"),
        "the old PDF has the new version's text"
    );
    // Reading order: the header block, then the body, table row by row.
    let at = |s: &str| current.find(s).unwrap();
    assert!(
        at("Dokument-id") < at("Krav")
            && at("Konto") < at("Vanligt")
            && at("Vanligt") < at("Admin")
    );
}

#[test]
fn links_in_a_pdf_lead_to_the_site_and_the_web() {
    let site = site();
    site.build();
    let policy = String::from_utf8_lossy(&bytes(&site, "policy/P-1-v1.0.pdf")).into_owned();
    assert!(
        policy.contains("(https://lis.example.se/regler/losenord/)"),
        "site link not absolute"
    );
    assert!(policy.contains("(https://www.msb.se/)"), "web link lost");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let site = site();
    site.build();
    let first = bytes(&site, CURRENT_PDF);
    fs::remove_dir_all(site.path(".styrdok-cache")).unwrap();
    fs::remove_dir_all(site.out()).unwrap();
    site.build();
    assert_eq!(
        first,
        bytes(&site, CURRENT_PDF),
        "a fresh compile gave other bytes"
    );
    assert_eq!(
        String::from_utf8_lossy(&first)
            .matches("CreationDate(D:20250501")
            .count(),
        1,
        "the creation date is not the decision date"
    );
}

#[test]
fn a_second_build_takes_unchanged_pdfs_from_the_cache() {
    let site = site();
    site.build();
    let cache = site.path(".styrdok-cache/pdf");
    let cached: Vec<_> = fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(cached.len(), 3, "one cached PDF per version");
    // Mark every cached file: a build that compiled again would not copy the mark.
    for p in &cached {
        let mut b = fs::read(p).unwrap();
        b.extend_from_slice(b"\n%cached-copy\n");
        fs::write(p, b).unwrap();
    }
    site.build();
    assert!(
        bytes(&site, CURRENT_PDF).ends_with(b"%cached-copy\n"),
        "compiled again"
    );
    // An edit compiles that version again, and the unused entry goes.
    edit(
        &site.path(RULE),
        "Använd tvåstegsverifiering",
        "Använd alltid tvåstegsverifiering",
    );
    site.build();
    assert!(
        !bytes(&site, CURRENT_PDF).ends_with(b"%cached-copy\n"),
        "an edited version was not compiled"
    );
    assert!(bytes(&site, OLD_PDF).ends_with(b"%cached-copy\n"));
    assert_eq!(
        fs::read_dir(&cache).unwrap().count(),
        3,
        "the stale entry stayed"
    );
}

#[test]
fn publish_pdf_false_turns_them_off() {
    let site = site();
    fs::write(
        site.path("site.yaml"),
        site.read("site.yaml")
            .replace("publish:\n", "publish:\n  pdf: false\n"),
    )
    .unwrap();
    site.build();
    assert_eq!(pdf::files(&site.out()), Vec::<String>::new());
    let page = site.out_file("regler/losenord/index.html");
    assert!(!page.contains(".pdf\"") && !page.contains("Ladda ner som PDF"));
    assert!(!site
        .out_file("regler/losenord/v1.0/index.html")
        .contains(".pdf\""));
}

#[test]
fn a_wrong_pdf_setting_is_an_error_at_its_line() {
    let site = TestSite::new().fixture("pdf/site");
    fs::write(
        site.path("site.yaml"),
        site.read("site.yaml")
            .replace("publish:\n", "publish:\n  pdf: kanske\n"),
    )
    .unwrap();
    site.check(&[]).exits(1).stderr_has("site.yaml:8:");
}

#[test]
fn hostile_bodies_typeset_without_panics() {
    // typst's own syntax, deep nesting, wide tables and characters no
    // bundled font has: each must give a PDF, never an error or a panic.
    let mut nested = String::new();
    for depth in 0..40 {
        nested.push_str(&format!("{}- nivå {depth}\n", "  ".repeat(depth)));
    }
    let quotes = format!("{} citat\n", "> ".repeat(60));
    let wide = format!(
        "|{}\n|{}\n|{}\n",
        "k|".repeat(40),
        "-|".repeat(40),
        "v|".repeat(40)
    );
    let body = format!(
        "## #set text(red) $x$ @ref <lbl> \\\n\n#import \"x.typ\": * ]]] [[[ \"\\\"\n\n```typ\n#panic()\n```\n\n\
         `#eval(\"1\")` *_**~~a~~**_* 😀 中文 \u{feff}\u{e000}\n\n###### djup rubrik\n\n{nested}\n{quotes}\n{wide}\n\
         [](id:P-1) [tom]() <span>html</span> ![alt *fet*](x.svg)\n\n[^a]\n\n[^a]: not\n"
    );
    let site = TestSite::new()
        .fixture("pdf/site")
        .file("content/regler/x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        .file("content/regler/fientlig.md", format!(
            "---\ntitle: \"Fientlig #strong[x] \\\" ]\"\ntype: rule\nid: R-9\nversion: \"1.0\"\nowner: \"IT ]) #x\"\napproved_by: KD\napproved_on: 2024-01-01\nreview_by: 2030-01-01\nparent: P-1\n---\n{body}"
        ));
    site.build();
    let b = fs::read(site.out().join("regler/fientlig/R-9-v1.0.pdf")).unwrap();
    assert!(b.starts_with(b"%PDF-"));
    if let Some(text) = pdf::text(&site.out().join("regler/fientlig/R-9-v1.0.pdf")) {
        for want in [
            "#set text(red) $x$ @ref",
            "#import \"x.typ\": * ]]] [[[",
            "#panic()",
            "nivå 38 nivå 39",
            "citat",
            "(U+1F600)",
        ] {
            assert!(text.contains(want), "lacks {want:?}:\n{text}");
        }
    }
}
