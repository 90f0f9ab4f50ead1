//! The term lists for typo tolerance, under `OUT/sok/data/v/`: one file per
//! first letter (`v/<KEY>.json`, key encoded like a shard key), a JSON
//! array of the index terms that start with it, most frequent first. The
//! browser (`search-typo.js`) loads them only when a query word finds
//! nothing, and tries the terms within one or two edits of it.
//!
//! Left out: terms with digits (ids, dates, numbers are not misspelt
//! words) and terms outside [`MIN_CHARS`]..=[`MAX_CHARS`] characters.

use super::Inverted;
use std::collections::BTreeMap;

/// Shorter terms are never corrected to.
pub const MIN_CHARS: usize = 3;
/// Longer terms are not words anyone types.
pub const MAX_CHARS: usize = 40;

/// The files (path below `sok/data/`, contents) and their keys, in key order.
pub fn files(inverted: &Inverted) -> (Vec<(String, String)>, Vec<String>) {
    let mut by_letter: BTreeMap<char, Vec<(usize, &str)>> = BTreeMap::new();
    for (term, postings) in &inverted.terms {
        let n = term.chars().count();
        if !(MIN_CHARS..=MAX_CHARS).contains(&n) || !term.chars().all(char::is_alphabetic) {
            continue;
        }
        if let Some(first) = term.chars().next() {
            by_letter
                .entry(first)
                .or_default()
                .push((postings.len(), term));
        }
    }
    let mut files = Vec::with_capacity(by_letter.len());
    let mut keys = Vec::with_capacity(by_letter.len());
    for (letter, mut terms) in by_letter {
        terms.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let list: Vec<&str> = terms.into_iter().map(|(_, t)| t).collect();
        let key = letter.to_string();
        files.push((
            format!("v/{}.json", super::shards::encode_key(&key)),
            serde_json::to_string(&list).unwrap_or_else(|_| "[]".into()),
        ));
        keys.push(key);
    }
    (files, keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{FieldCounts, Inverted};

    #[test]
    fn terms_by_first_letter_most_frequent_first_without_digits() {
        let one = |n: u32| -> Vec<(u32, FieldCounts)> { (0..n).map(|e| (e, [1; 6])).collect() };
        let inverted = Inverted {
            terms: vec![
                ("incident", one(5)),
                ("incidenter", one(9)),
                ("it", one(50)),
                ("lis04", one(3)),
                ("lösenord", one(2)),
            ],
        };
        let (files, keys) = files(&inverted);
        assert_eq!(keys, ["i", "l"]);
        assert_eq!(
            files[0],
            ("v/i.json".into(), r#"["incidenter","incident"]"#.into())
        );
        assert_eq!(files[1], ("v/l.json".into(), r#"["lösenord"]"#.into()));
    }
}
