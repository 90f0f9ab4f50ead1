//! The search data the browser reads (issue #16): each page's ranking
//! prior and the synonym groups from `site.yaml` (built-in ones unless
//! turned off), on copies of the core base fixture in temp folders.

use crate::harness::TestSite;
use serde_json::Value;

/// Builds the base fixture with `search` appended to its site.yaml; returns
/// the site and the parsed meta.json and pages.json.
fn build_with(search: &str) -> (TestSite, Value, Value) {
    let site = TestSite::new()
        .fixture("core/base")
        .append("site.yaml", &format!("\n{search}"));
    site.build();
    let json = |f: &str| -> Value {
        serde_json::from_str(&site.out_file(&format!("sok/data/{f}"))).unwrap()
    };
    let (meta, pages) = (json("meta.json"), json("pages.json"));
    (site, meta, pages)
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
    let (site, meta, pages) = build_with("");
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
    assert!(site.out().join("sok/index.html").exists());
}

#[test]
fn typo_term_lists_are_written_per_first_letter_and_length() {
    let (site, meta, _) = build_with("");
    let keys = meta["typoKeys"].as_array().unwrap();
    assert!(!keys.is_empty());
    for k in keys {
        let key = k.as_str().unwrap();
        let name = styrdok::search::shards::encode_key(key);
        let list: Vec<String> =
            serde_json::from_str(&site.out_file(&format!("sok/data/v/{name}.json"))).unwrap();
        assert!(!list.is_empty());
        for t in &list {
            let first = t.chars().next().unwrap();
            assert_eq!(
                format!("{first}{}", t.chars().count()),
                key,
                "{t} in {name}"
            );
            assert!(!t.chars().any(|c| c.is_ascii_digit()), "{t}");
        }
    }
}
