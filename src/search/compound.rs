//! Swedish compounds. Swedish writes compounds as one word
//! ("lösenordsbyte", "incidentrapport"), so a search for one part must find
//! the whole and the whole must find text that uses the parts apart.
//!
//! Splitting works on index terms (stems) against the corpus's own
//! vocabulary of terms: a term splits where a known term is followed —
//! directly or after the linking -s- — by another known term, possibly with
//! an inflection ending ("lösenordsbytet" → `lösenord` + `byt`). Working on
//! stems handles the dropped final vowel of a first part for free
//! ("skolelev": `skol` is the stem of "skola"). Parts are split again, and
//! both the part and its own parts are kept ("kommunledningsförvaltning" →
//! `kommunledning`, `kommun`, `ledning`, `förvaltning`).
//!
//! The build indexes the parts of every term in a low-weighted `parts`
//! field; the browser (`search-core.js`, same rules) splits query words, so
//! "incidentrapport" also finds "rapportera en incident", ranked below an
//! exact match.

/// No part is shorter than this (in characters).
pub(crate) const MIN_PART: usize = 3;
/// Shorter terms are never split.
pub(crate) const MIN_WORD: usize = 6;
/// Longer "words" (a pasted hash, a 200 kB summary without spaces) are not
/// Swedish compounds; splitting them would take time quadratic in length.
pub(crate) const MAX_WORD: usize = 48;
/// How deep parts are split again.
const MAX_DEPTH: usize = 2;
/// Inflection endings a last part may carry ("bytet" → `byt`).
const MAX_ENDING: usize = 3;
/// How many letters a known term may add to a part: the stemmer keeps
/// some endings, so "rapport" in "incidentrapport" is the term `rapporter`
/// (from "rapportera") missing two letters.
pub(crate) const MAX_EXTENSION: usize = 2;

/// The terms a compound is split against.
pub(crate) trait Vocabulary {
    fn contains(&self, term: &str) -> bool;
    /// The shortest term that starts with `prefix` and is at most
    /// [`MAX_EXTENSION`] characters longer.
    fn extension(&self, prefix: &str) -> Option<String>;
}

/// The corpus's terms with, for every string at most [`MAX_EXTENSION`]
/// characters shorter than a term, its shortest extension: O(1) lookups for
/// the hundreds of thousands of candidate parts a large site tries.
pub(crate) struct TermSet<'a> {
    terms: std::collections::HashSet<&'a str>,
    extensions: std::collections::HashMap<&'a str, &'a str>,
}

impl<'a> TermSet<'a> {
    pub(crate) fn new(terms: impl IntoIterator<Item = &'a str>) -> TermSet<'a> {
        let terms: std::collections::HashSet<&str> = terms.into_iter().collect();
        let mut extensions: std::collections::HashMap<&str, &str> = Default::default();
        for &t in &terms {
            let ends: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
            for k in 1..=MAX_EXTENSION.min(ends.len().saturating_sub(1)) {
                let prefix = &t[..ends[ends.len() - k]];
                let e = extensions.entry(prefix).or_insert(t);
                if (t.len(), t) < (e.len(), *e) {
                    *e = t;
                }
            }
        }
        TermSet { terms, extensions }
    }
}

impl Vocabulary for TermSet<'_> {
    fn contains(&self, term: &str) -> bool {
        self.terms.contains(term)
    }

    fn extension(&self, prefix: &str) -> Option<String> {
        self.extensions.get(prefix).map(|t| t.to_string())
    }
}

/// A sorted, deduplicated list of terms.
impl Vocabulary for [&str] {
    fn contains(&self, term: &str) -> bool {
        self.binary_search(&term).is_ok()
    }

    fn extension(&self, prefix: &str) -> Option<String> {
        let start = self.partition_point(|t| *t < prefix);
        let limit = prefix.chars().count() + MAX_EXTENSION;
        self[start..]
            .iter()
            .take_while(|t| t.starts_with(prefix))
            .filter(|t| t.chars().count() <= limit)
            .min_by_key(|t| t.len())
            .map(|t| t.to_string())
    }
}

/// The parts of `term`, first part first, or an empty list when it is not a
/// compound of known terms. `known` holds the index terms;
/// `stem` runs the language pipeline on a word (for parts that are not in
/// stem form, like the "byte" of "lösenordsbyte").
pub(crate) fn split(
    term: &str,
    known: &(impl Vocabulary + ?Sized),
    stem: &mut impl FnMut(&str) -> Option<String>,
) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() < MIN_WORD || chars.len() > MAX_WORD || !chars.iter().all(|c| c.is_alphabetic())
    {
        return Vec::new();
    }
    split_chars(&chars, 0, known, stem).unwrap_or_default()
}

fn split_chars(
    chars: &[char],
    depth: usize,
    known: &(impl Vocabulary + ?Sized),
    stem: &mut impl FnMut(&str) -> Option<String>,
) -> Option<Vec<String>> {
    let n = chars.len();
    if n < 2 * MIN_PART {
        return None;
    }
    // Longest first part first: "informationssäkerhetsarbete" is
    // informationssäkerhet + arbete, not information + säkerhetsarbete.
    for i in (MIN_PART..=n - MIN_PART).rev() {
        let head: String = chars[..i].iter().collect();
        // Before a linking s the first part is a whole word ("säkerhet"),
        // whose stem may be shorter (`säker`): only there is it stemmed.
        let linked = chars[i] == 's';
        let head = match known_head(&head, known) {
            None if linked => {
                stem(&head).filter(|s| s.chars().count() >= MIN_PART && known.contains(s))
            }
            h => h,
        };
        let Some(head) = head else {
            continue;
        };
        let mut starts = vec![i];
        if linked && n - (i + 1) >= MIN_PART {
            starts.push(i + 1);
        }
        for start in starts {
            let tail = &chars[start..];
            let tail_parts = match known_tail(tail, known, stem) {
                Some(t) => Some(with_parts(t, depth, known, stem)),
                None if depth < MAX_DEPTH => split_chars(tail, depth + 1, known, stem),
                None => None,
            };
            if let Some(mut rest) = tail_parts {
                let mut parts = with_parts(head, depth, known, stem);
                parts.append(&mut rest);
                return Some(parts);
            }
        }
    }
    None
}

/// A part and, below the depth limit, its own parts.
fn with_parts(
    part: String,
    depth: usize,
    known: &(impl Vocabulary + ?Sized),
    stem: &mut impl FnMut(&str) -> Option<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    if depth < MAX_DEPTH && part.chars().count() >= MIN_WORD {
        let chars: Vec<char> = part.chars().collect();
        if let Some(mut inner) = split_chars(&chars, depth + 1, known, stem) {
            out.push(part);
            out.append(&mut inner);
            return out;
        }
    }
    out.push(part);
    out
}

/// A first part: a term, or the start of a term (see [`MAX_EXTENSION`]).
/// (Not stemmed here: a pipeline run per split point is too slow on a large
/// site, and a first part usually is in stem form already.)
fn known_head(head: &str, known: &(impl Vocabulary + ?Sized)) -> Option<String> {
    if known.contains(head) {
        return Some(head.to_string());
    }
    known.extension(head)
}

/// A last part: like a first part, a word whose stem is a term, or a term
/// plus an inflection ending.
fn known_tail(
    tail: &[char],
    known: &(impl Vocabulary + ?Sized),
    stem: &mut impl FnMut(&str) -> Option<String>,
) -> Option<String> {
    let whole: String = tail.iter().collect();
    if known.contains(&whole) {
        return Some(whole);
    }
    if let Some(s) = stem(&whole).filter(|s| s.chars().count() >= MIN_PART && known.contains(s)) {
        return Some(s);
    }
    if let Some(t) = known.extension(&whole) {
        return Some(t);
    }
    (1..=MAX_ENDING)
        .filter(|&k| tail.len() >= MIN_PART + k)
        .map(|k| tail[..tail.len() - k].iter().collect::<String>())
        .find(|s| known.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::search::terms::Analyzer;

    /// Splits `word` against the terms of `corpus`, both through the real
    /// Swedish pipeline.
    fn parts(corpus: &str, word: &str) -> Vec<String> {
        let table = crate::search::terms::TermTable::default();
        let mut a = Analyzer::new(Language::Sv, &table);
        let mut stems = a.stems(corpus);
        stems.sort();
        stems.dedup();
        let vocab: Vec<&str> = stems.iter().map(String::as_str).collect();
        let term = a.stem_word(word).expect("not a stop word");
        split(&term, &vocab[..], &mut |w| a.stem_word(w))
    }

    const CORPUS: &str = "Du ska byta lösenord direkt. Ett byte av lösenordet. \
        Rapportera en incident till informationssäkerhet. Arbete i kommunen. \
        Ledning och förvaltning. Risk och analys. En skola. Elever. Säkerhet. Kopiering.";

    #[test]
    fn splits_at_the_linking_s() {
        assert_eq!(parts(CORPUS, "lösenordsbyte"), ["lösenord", "byt"]);
        // An inflected compound: "bytet" ends in an ending the stemmer keeps.
        assert_eq!(parts(CORPUS, "lösenordsbytet"), ["lösenord", "byt"]);
        assert_eq!(parts(CORPUS, "säkerhetskopiering"), ["säker", "kopiering"]);
    }

    #[test]
    fn splits_without_a_linking_letter() {
        // "rapport" is known as the term `rapporter` (from "rapportera").
        assert_eq!(parts(CORPUS, "incidentrapport"), ["incident", "rapporter"]);
        assert_eq!(parts(CORPUS, "riskanalysen"), ["risk", "analy"]);
        // The first part has lost its final vowel: skola → skol-.
        assert_eq!(parts(CORPUS, "skolelever"), ["skol", "elev"]);
    }

    #[test]
    fn longest_first_part_wins_and_parts_split_again() {
        assert_eq!(
            parts(CORPUS, "informationssäkerhetsarbetet"),
            ["informationssäker", "arbet"]
        );
        assert_eq!(
            parts(CORPUS, "kommunledningsförvaltningen"),
            ["kommun", "ledning", "förvaltning"]
        );
        // A known first part that is itself a compound is kept whole too.
        let corpus = format!("{CORPUS} Kommunledning.");
        assert_eq!(
            parts(&corpus, "kommunledningsförvaltningen"),
            ["kommunledning", "kommun", "ledning", "förvaltning"]
        );
    }

    #[test]
    fn overlong_words_are_not_split() {
        let word = "lösenord".repeat(7);
        assert!(parts("lösenord", &word).is_empty());
    }

    #[test]
    fn inflections_and_unknown_words_are_not_compounds() {
        assert!(parts(CORPUS, "lösenorden").is_empty());
        assert!(parts(CORPUS, "incidenterna").is_empty());
        assert!(parts(CORPUS, "rapportera").is_empty());
        assert!(parts(CORPUS, "medarbetare").is_empty());
        assert!(parts(CORPUS, "xylofonspelare").is_empty());
        assert!(parts(CORPUS, "risk").is_empty());
        assert!(split("lis-r-04", &["lis"][..], &mut |w| Some(w.into())).is_empty());
    }
}
