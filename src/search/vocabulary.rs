//! The term lists for typo tolerance, one per first letter and length (key
//! `l8`: the letter and the number of letters), each a JSON array of the
//! index terms of that letter and length, most frequent first;
//! [`super::shards`] writes them as `OUT/sok/data/v/<KEY>.json`. The browser
//! (`search-typo.js`) loads them only when a query word finds nothing, and
//! only the lengths a correction can have (one or two letters more or
//! less), so a miss costs a few small files rather than a letter's whole
//! vocabulary; it tries the terms within one or two edits of the word, and
//! the same lists tell it whether the head of a misspelt compound is a word.
//!
//! Left out: terms with digits (ids, dates, numbers are not misspelt
//! words) and terms outside [`MIN_CHARS`]..=[`MAX_CHARS`] characters.

use super::Inverted;
use std::collections::BTreeMap;

/// Shorter terms are never corrected to.
pub const MIN_CHARS: usize = 3;
/// Longer terms are not words anyone types.
pub const MAX_CHARS: usize = 40;

/// The term lists by key (first letter and length, `l8`), in key order:
/// (key, JSON array). [`super::shards`] names their files.
pub fn lists(inverted: &Inverted) -> Vec<(String, String)> {
    let mut by_key: BTreeMap<String, Vec<(usize, &str)>> = BTreeMap::new();
    for (term, postings) in &inverted.terms {
        let n = term.chars().count();
        if !(MIN_CHARS..=MAX_CHARS).contains(&n) || !term.chars().all(char::is_alphabetic) {
            continue;
        }
        if let Some(first) = term.chars().next() {
            by_key
                .entry(format!("{first}{n}"))
                .or_default()
                .push((postings.len(), term));
        }
    }
    by_key
        .into_iter()
        .map(|(key, mut terms)| {
            terms.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            let list: Vec<&str> = terms.into_iter().map(|(_, t)| t).collect();
            let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
            (key, json)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{FieldCounts, Inverted};

    #[test]
    fn terms_by_first_letter_and_length_most_frequent_first_without_digits() {
        let one = |n: u32| -> Vec<(u32, FieldCounts)> { (0..n).map(|e| (e, [1; 6])).collect() };
        let inverted = Inverted {
            terms: vec![
                ("incident", one(5)),
                ("incidenter", one(9)),
                ("inloggning", one(12)),
                ("it", one(50)),
                ("lis04", one(3)),
                ("lösenord", one(2)),
            ],
        };
        let lists = lists(&inverted);
        let keys: Vec<&str> = lists.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["i10", "i8", "l8"]);
        assert_eq!(lists[0].1, r#"["inloggning","incidenter"]"#);
        assert_eq!(lists[1].1, r#"["incident"]"#);
        assert_eq!(lists[2].1, r#"["lösenord"]"#);
    }
}
