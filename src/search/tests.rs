//! Tests of the search index on a small site written to a temp folder: the
//! entries and their anchors, the publishing gates, compound parts, the
//! elasticlunr export against elasticlunr-rs itself, and the client files.

use super::*;
use crate::site::{self, LoadOptions};
use std::fs;
use std::path::Path;

const SITE_YAML: &str = "title: T\norganisation: O\nbase_url: /\n\
roles:\n  - { id: medarbetare, name: Medarbetare }\n  - { id: chef, name: Chef, includes: [medarbetare] }\n\
units: [{ id: klf, name: KLF }]\nareas: [{ id: behorigheter, name: Behörigheter, phase: 1 }]\n";

const POLICY: &str = "---\ntitle: Regel för lösenord\ntype: policy\nid: LIS-R-04\nversion: \"1.0\"\n\
owner: IT\napproved_by: KS\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nroles: [medarbetare]\n\
areas: [behorigheter]\nsummary: Hur du skyddar ditt lösenord.\n---\n\
Inledning om konton.\n\n## Byte av lösenord\n\nVid lösenordsbytet ska du välja en lång lösenfras.\n\n\
### Om lösenordet läckt\n\nRapportera en incident direkt.\n";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn test_site(drafts: bool) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", SITE_YAML);
    write(
        root,
        "content/_index.md",
        "---\ntitle: Start\n---\nVälkommen.\n",
    );
    write(root, "content/policy.md", POLICY);
    write(
        root,
        "content/incident.md",
        "---\ntitle: Incidenter\nunits: [klf]\n---\n## Rapportering\n\nSkriv en incidentrapport.\n",
    );
    write(
        root,
        "content/utkast.md",
        "---\ntitle: Utkast\nstatus: draft\n---\nDraftkanariefågel i texten.\n",
    );
    write(
        root,
        "content/hemlig.md",
        "---\ntitle: Hemlig\nclassification: restricted\n---\nRestrictedkanariefågel i texten.\n",
    );
    let options = LoadOptions {
        drafts,
        ..Default::default()
    };
    let (site, _) = site::load(root, &options).expect("test site loads");
    (dir, site)
}

fn has_term(index: &SearchIndex, term: &str) -> bool {
    index
        .entries
        .iter()
        .any(|e| e.terms.iter().any(|(t, _)| index.term(*t) == term))
}

#[test]
fn one_entry_per_section_with_its_anchor() {
    let (_dir, site) = test_site(false);
    let index = build(&site);
    let refs: Vec<&str> = index.entries.iter().map(|e| e.reference.as_str()).collect();
    assert_eq!(
        refs,
        [
            "/",
            "/incident/",
            "/incident/#rapportering",
            "/policy/",
            "/policy/#byte-av-lösenord",
            "/policy/#om-lösenordet-läckt"
        ]
    );
    let top = &index.entries[3];
    assert_eq!(top.title, "Regel för lösenord");
    assert_eq!(top.excerpt, "Inledning om konton.");
    let section = &index.entries[5];
    assert_eq!(section.title, "Om lösenordet läckt");
    // The section knows the page and the heading it sits under.
    let headings: Vec<&str> = section
        .terms
        .iter()
        .filter(|(_, c)| c[3] > 0)
        .map(|(t, _)| index.term(*t))
        .collect();
    assert!(headings.contains(&"byt"), "{headings:?}");
    assert!(headings.contains(&"regel"), "{headings:?}");
    let pages = index.pages();
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[2].1, 3..6);
}

#[test]
fn drafts_and_restricted_are_never_indexed() {
    let (_dir, site) = test_site(false);
    let index = build(&site);
    assert!(!has_term(&index, "draftkanariefågel"));
    assert!(!has_term(&index, "restrictedkanariefågel"));
    let (_dir, site) = test_site(true);
    let index = build(&site);
    assert!(has_term(&index, "draftkanariefågel"));
    assert!(!has_term(&index, "restrictedkanariefågel"));
}

#[test]
fn compound_parts_go_in_the_parts_field() {
    let (_dir, site) = test_site(false);
    let index = build(&site);
    let section = &index.entries[4];
    let mut parts: Vec<&str> = section
        .terms
        .iter()
        .filter(|(_, c)| c[PARTS] > 0)
        .map(|(t, _)| index.term(*t))
        .collect();
    parts.sort_unstable();
    // "lösenordsbytet" → lösenord + byt; "lösenfras" has no known parts.
    assert_eq!(parts, ["byt", "lösenord"]);
    let rapport = &index.entries[2];
    assert!(rapport
        .terms
        .iter()
        .any(|(t, c)| index.term(*t) == "incident" && c[PARTS] == 1 && c[4] == 0));
}

#[test]
fn the_export_is_what_elasticlunr_rs_writes() {
    let (_dir, site) = test_site(false);
    let mut index = build(&site);
    // elasticlunr-rs would stem the parts again; compare without them.
    for e in &mut index.entries {
        e.terms.retain(|(_, c)| c[..PARTS].iter().any(|&n| n > 0));
        for (_, c) in &mut e.terms {
            c[PARTS] = 0;
        }
        e.lengths[PARTS] = 0;
    }
    let ours: serde_json::Value =
        serde_json::from_str(&lunr::to_json(&site, &index, index.inverted())).unwrap();

    let mut theirs =
        elasticlunr::IndexBuilder::with_language(Box::new(elasticlunr::lang::Swedish::new()))
            .add_fields(&FIELDS)
            .set_ref(lunr::REF_FIELD)
            .build();
    let (_d, site2) = test_site(false);
    let pages = index.pages();
    for (_, range) in &pages {
        let top = &index.entries[range.start];
        let texts = page_texts(&site2, top.doc);
        theirs.add_doc(&top.reference, texts.iter().map(String::as_str));
    }
    let theirs: serde_json::Value = serde_json::from_str(&theirs.to_json()).unwrap();
    for key in ["fields", "pipeline", "ref", "version", "index", "lang"] {
        assert_eq!(ours[key], theirs[key], "{key}");
    }
    let (o, t) = (&ours["documentStore"], &theirs["documentStore"]);
    assert_eq!(o["docInfo"], t["docInfo"]);
    assert_eq!(o["length"], t["length"]);
    // One document per page, the ref its URL path.
    assert_eq!(o["length"], pages.len());
    assert_eq!(o["docs"]["/policy/"]["title"], "Regel för lösenord");
    assert_eq!(o["docs"]["/policy/"]["id"], "LIS-R-04");
    assert!(o["docs"]["/policy/#byte-av-lösenord"].is_null());
    // A word that only a section has is in the page's body.
    let table = terms::TermTable::default();
    let stem = terms::Analyzer::new(crate::model::Language::Sv, &table)
        .stem_word("incidentrapport")
        .unwrap();
    let node = stem
        .chars()
        .fold(&ours["index"]["body"]["root"], |n, c| &n[c.to_string()]);
    assert_eq!(node["docs"]["/incident/"]["tf"], 1.0, "{stem}");
    assert_eq!(node["df"], 1);
}

/// The field texts of a whole page, as elasticlunr-rs would index them:
/// the page top's title, id, summary and outline, and the text of all its
/// sections as the body.
fn page_texts(site: &Site, doc: usize) -> Vec<String> {
    let d = &site.docs[doc];
    let scan = &site.scans[doc];
    let sections = markdown::text::sections(d.body(), scan);
    let outline: Vec<&str> = scan.headings.iter().map(|h| h.title.as_str()).collect();
    let body: Vec<&str> = sections.iter().map(|s| s.text.as_str()).collect();
    vec![
        d.title.clone(),
        d.id.clone().unwrap_or_default(),
        d.summary.clone(),
        outline.join("\n"),
        body.join("\n"),
        String::new(),
    ]
}

#[test]
fn taking_the_postings_inverts_the_same_index() {
    let (_dir, site) = test_site(false);
    let mut index = build(&site);
    let kept: Vec<(String, Vec<Posting>)> = index
        .inverted()
        .terms
        .into_iter()
        .map(|(t, ps)| (t.to_string(), ps))
        .collect();
    let postings = index.take_postings();
    assert!(index.entries.iter().all(|e| e.terms.is_empty()));
    let taken: Vec<(String, Vec<Posting>)> = index
        .invert(postings)
        .terms
        .into_iter()
        .map(|(t, ps)| (t.to_string(), ps))
        .collect();
    assert_eq!(kept, taken);
    assert!(kept.iter().any(|(t, _)| t == "lösenord"));
    // Sorted by term text, whatever the ids.
    assert!(kept.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn client_files_hold_shards_pages_and_ids() {
    let (_dir, site) = test_site(false);
    let index = build(&site);
    let facets = shards::Facets::default();
    let files = shards::client_files(&site, &index, &index.inverted(), &facets);
    let get = |name: &str| -> serde_json::Value {
        let (_, body) = files.iter().find(|(n, _)| n == name).expect(name);
        serde_json::from_str(body).unwrap()
    };
    let meta = get("meta.json");
    assert_eq!(meta["shards"], serde_json::json!([""]));
    assert_eq!(meta["entries"], 6);
    let shard = get("t/k.json");
    // df, then entry 3 (the policy's top) with title, headings, summary bits.
    let posting = shard["lösenord"].as_array().unwrap();
    assert_eq!(posting[0], 3);
    assert_eq!(posting[1], 3);
    let pages = get("pages.json");
    assert_eq!(pages["n"], serde_json::json!([1, 2, 3]));
    assert_eq!(pages["role"][2], serde_json::json!([0, 1]));
    assert_eq!(pages["unit"][1], serde_json::json!([0]));
    let ids = get("id/0.json");
    assert_eq!(ids["lis-r-04"], 2);
    // One page per record file; the top entry's heading is the title, not repeated.
    assert_eq!(meta["chunkPages"], 1);
    let store = get("s/2.json");
    assert_eq!(store[0][0], "/policy/");
    assert_eq!(store[0][5][0][1], "");
    assert_eq!(store[0][5][1][0], "byte-av-lösenord");
    assert!(files.iter().any(|(n, _)| n.starts_with("v/")));
}
