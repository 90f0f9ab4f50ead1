//! The search data the browser reads (issue #16): each page's ranking
//! prior and the synonym groups from `site.yaml` (built-in ones unless
//! turned off), on copies of the core base fixture in temp folders.

use crate::common;

use common::{copy_dir, fixtures, BIN};
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Builds the base fixture with `search` appended to its site.yaml; returns
/// the temp dir and the parsed meta.json and pages.json.
fn build_with(search: &str) -> (tempfile::TempDir, Value, Value) {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("core/base"), tmp.path());
    let yaml = tmp.path().join("site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}\n{search}")).unwrap();
    let o = Command::new(BIN)
        .args(["build", "--root"])
        .arg(tmp.path())
        .env("STYRDOK_TODAY", "2026-11-29")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let data = tmp.path().join("public/sok/data");
    let json = |f: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(data.join(f)).unwrap()).unwrap()
    };
    let (meta, pages) = (json("meta.json"), json("pages.json"));
    (tmp, meta, pages)
}

fn group_with<'a>(meta: &'a Value, word: &str) -> Option<&'a Vec<Value>> {
    meta["synonyms"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_array)
        .find(|g| g.iter().any(|w| w == word))
}

#[test]
fn site_synonyms_extend_the_built_in_list() {
    let (_tmp, meta, _) = build_with(
        "search:\n  synonyms:\n    - [Webbmejl, mejl]\n    - [tjänstemobil, jobbmobil]\n",
    );
    let mail = group_with(&meta, "e-post").expect("built-in e-post group");
    assert!(mail.iter().any(|w| w == "webbmejl"), "{mail:?}");
    assert!(group_with(&meta, "jobbmobil").is_some());
    assert!(group_with(&meta, "dataskyddsombud").is_some());
}

#[test]
fn the_built_in_list_can_be_turned_off() {
    let (_tmp, meta, _) =
        build_with("search:\n  default_synonyms: false\n  synonyms:\n    - [a1, b1]\n");
    assert_eq!(meta["synonyms"], serde_json::json!([["a1", "b1"]]));
}

#[test]
fn every_page_has_a_prior_governing_documents_highest() {
    let (tmp, meta, pages) = build_with("");
    let priors = pages["prior"].as_array().unwrap();
    assert_eq!(priors.len(), meta["pages"].as_u64().unwrap() as usize);
    let types = pages["type"].as_array().unwrap();
    let type_of = |k: usize| meta["facets"]["type"][types[k].as_u64().unwrap() as usize][0].clone();
    let mut governing = Vec::new();
    let mut others = Vec::new();
    for (k, p) in priors.iter().enumerate() {
        let p = p.as_u64().unwrap();
        assert!((1..=100).contains(&p));
        match type_of(k).as_str().unwrap() {
            "policy" | "guideline" | "rule" => governing.push(p),
            _ => others.push(p),
        }
    }
    assert!(!governing.is_empty() && !others.is_empty());
    assert!(
        governing.iter().min() > others.iter().max(),
        "{governing:?} {others:?}"
    );
    assert!(Path::new(&tmp.path().join("public/sok/index.html")).exists());
}
