//! Text → index terms with elasticlunr-rs's own tokenizer and pipeline
//! (Swedish: trimmer, stop words, Snowball stemmer; English likewise), so the
//! terms are exactly those elasticlunr-rs would index and exactly those the
//! browser port (`sv-text.js`) produces for a query.
//!
//! Terms are numbered: a [`TermTable`] per build gives every distinct index
//! term an id, so entries hold `u32`s instead of millions of small strings.
//! A document set repeats its words a great deal, so each token's result is
//! cached twice: per [`Analyzer`] (no locking, keyed by the token as
//! written) and in the table (shared by the workers, keyed by the lowercased
//! token), so the regex trimmer and the stemmer run once per distinct word
//! of the whole build. An `Analyzer` is not `Send` (the pipeline's boxed
//! steps are not), so each rayon job makes its own.

use crate::model::Language;
use elasticlunr::Pipeline;
use rustc_hash::FxHashMap;
use std::sync::Mutex;

/// The index terms of one build, numbered in the order first seen.
#[derive(Default)]
pub(crate) struct TermTable {
    inner: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    ids: FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
    /// Lowercased token → its term (`None`: a stop word or no letters).
    tokens: FxHashMap<Box<str>, Option<u32>>,
}

impl Table {
    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        self.terms.push(term.into());
        self.ids.insert(term.into(), id);
        id
    }
}

impl TermTable {
    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        // A worker that panicked cannot leave the table half-written: every
        // change is one push and one insert of a complete value.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The id of `term`, numbering it if it is new.
    pub(crate) fn intern(&self, term: &str) -> u32 {
        self.lock().intern(term)
    }

    /// Every term so far, by id.
    pub(crate) fn terms(&self) -> Vec<Box<str>> {
        self.lock().terms.clone()
    }

    /// Every term, by id, leaving the table empty.
    pub(crate) fn take_terms(&self) -> Vec<Box<str>> {
        let mut t = self.lock();
        t.ids.clear();
        t.tokens.clear();
        std::mem::take(&mut t.terms)
    }
}

/// An index term: its id in the [`TermTable`] and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stem {
    pub id: u32,
    pub text: Box<str>,
}

pub(crate) struct Analyzer<'t> {
    table: &'t TermTable,
    pipeline: Pipeline,
    /// Token as written → its term (`None`: not indexed).
    cache: FxHashMap<Box<str>, Option<Stem>>,
    lower: String,
}

/// elasticlunr's language for the site's language.
pub(crate) fn lunr_language(language: Language) -> Box<dyn elasticlunr::Language> {
    match language {
        Language::Sv => Box::new(elasticlunr::lang::Swedish::new()),
        Language::En => Box::new(elasticlunr::lang::English::new()),
    }
}

/// The longest token (in characters) that goes into the index.
pub(crate) const MAX_TOKEN: usize = 100;

/// The tokens of `text` as elasticlunr-rs's `tokenize_whitespace` cuts them
/// (both languages use it), before lowercasing: split at whitespace and
/// `-`, empty pieces dropped. (Pieces hold no whitespace, so its `trim` is
/// a no-op.) ASCII bytes are tested directly; only other characters are
/// decoded.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < bytes.len() {
            let b = bytes[i];
            let (split, len) = if b < 0x80 {
                (b == b'-' || b.is_ascii_whitespace() || b == 0x0b, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                (c.is_whitespace(), c.len_utf8())
            };
            if split {
                if let Some(s) = start {
                    let token = &text[s..i];
                    i += len;
                    return Some(token);
                }
            } else if start.is_none() {
                start = Some(i);
            }
            i += len;
        }
        start.map(|s| &text[s..])
    })
}

impl<'t> Analyzer<'t> {
    pub(crate) fn new(language: Language, table: &'t TermTable) -> Analyzer<'t> {
        Analyzer {
            table,
            pipeline: lunr_language(language).make_pipeline(),
            cache: FxHashMap::default(),
            lower: String::new(),
        }
    }

    /// Names of the pipeline's steps, as the elasticlunr export lists them.
    pub(crate) fn pipeline_names(&self) -> Vec<String> {
        self.pipeline.queue.iter().map(|f| f.name()).collect()
    }

    /// Calls `f` with the term of every token of `text` that is indexed, in
    /// order (stop words and tokens without letters are skipped).
    /// Tokens longer than [`MAX_TOKEN`] characters are not indexed: no
    /// reader searches for them, and elasticlunr's term trie would nest one
    /// level per character.
    pub(crate) fn each(&mut self, text: &str, mut f: impl FnMut(&Stem)) {
        for token in tokens(text) {
            if let Some(term) = self.cache.get(token) {
                if let Some(term) = term {
                    f(term);
                }
                continue;
            }
            // Lowercasing never shortens a token to a quarter of its bytes.
            if token.len() > 4 * MAX_TOKEN {
                continue;
            }
            let term = self.analyse(token);
            if let Some(t) = &term {
                f(t);
            }
            self.cache.insert(token.into(), term);
        }
    }

    /// The index terms of `text` (stop words dropped), as
    /// `Pipeline::run(tokenize(text))` gives them.
    #[cfg(test)]
    pub(crate) fn stems(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each(text, |t| out.push(t.text.to_string()));
        out
    }

    /// The stem of one already trimmed word, `None` for a stop word.
    pub(crate) fn stem_word(&mut self, word: &str) -> Option<String> {
        let mut stem = None;
        self.each(word, |t| {
            if stem.is_none() {
                stem = Some(t.text.to_string());
            }
        });
        stem
    }

    /// The term of one token: from the shared table when another worker
    /// has seen it, else from the pipeline.
    fn analyse(&mut self, token: &str) -> Option<Stem> {
        self.lower.clear();
        self.lower
            .extend(token.chars().flat_map(char::to_lowercase));
        if self.lower.len() > MAX_TOKEN && self.lower.chars().count() > MAX_TOKEN {
            return None;
        }
        {
            let table = self.table.lock();
            if let Some(known) = table.tokens.get(self.lower.as_str()) {
                return known.map(|id| Stem {
                    id,
                    text: table.terms[id as usize].clone(),
                });
            }
        }
        let stem = self
            .pipeline
            .queue
            .iter()
            .try_fold(self.lower.clone(), |s, step| step.filter(s));
        let mut table = self.table.lock();
        let out = stem.map(|s| Stem {
            id: table.intern(&s),
            text: s.into(),
        });
        table
            .tokens
            .insert(self.lower.as_str().into(), out.as_ref().map(|s| s.id));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_terms_as_the_elasticlunr_pipeline() {
        use elasticlunr::Language as _;
        let text =
            "Får jag använda privat mejl? Lösenorden, incidenter och LIS-R-04 (2026) — «Säkerhet». LÖSENORDEN";
        let lang = elasticlunr::lang::Swedish::new();
        let expected = lang.make_pipeline().run(lang.tokenize(text));
        let table = TermTable::default();
        let mut a = Analyzer::new(Language::Sv, &table);
        assert_eq!(a.stems(text), expected);
        // Cached the second time round, same answer; and a second analyzer
        // on the same table gets it from the table.
        assert_eq!(a.stems(text), expected);
        let mut b = Analyzer::new(Language::Sv, &table);
        assert_eq!(b.stems(text), expected);
        assert!(expected.contains(&"lösenord".to_string()));
        assert!(expected.contains(&"incident".to_string()));
    }

    #[test]
    fn tokens_are_cut_as_elasticlunr_cuts_them() {
        let texts = [
            "Får jag använda privat-mejl?\tJa\u{a0}nej\u{2003}kanske\n\n-- slut -",
            "",
            "   ",
            "ett",
            "a\u{b}b\u{c}c\rd\u{85}e\u{2028}f",
            "åäö-ÅÄÖ ß\u{3000}日本",
        ];
        for text in texts {
            let theirs: Vec<String> = elasticlunr::lang::tokenize_whitespace(text);
            let ours: Vec<String> = tokens(text).map(str::to_lowercase).collect();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_match_elasticlunr_on_any_text(text in "\\PC{0,40}|[ a-zåäö\\-\\t\\u{a0}\\u{2003}]{0,40}") {
            let theirs: Vec<String> = elasticlunr::lang::tokenize_whitespace(&text);
            let ours: Vec<String> = tokens(&text).map(str::to_lowercase).collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn one_id_per_term_across_analyzers() {
        let table = TermTable::default();
        let mut ids = Vec::new();
        let mut a = Analyzer::new(Language::Sv, &table);
        a.each("Lösenorden och lösenord", |t| ids.push(t.id));
        let mut b = Analyzer::new(Language::Sv, &table);
        b.each("LÖSENORD incident", |t| ids.push(t.id));
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[0], ids[2]);
        assert_ne!(ids[0], ids[3]);
        let terms = table.terms();
        assert_eq!(&*terms[ids[0] as usize], "lösenord");
        assert_eq!(&*terms[ids[3] as usize], "incident");
        assert_eq!(a.stem_word("och"), None);
        assert_eq!(a.stem_word("lösenorden").as_deref(), Some("lösenord"));
    }

    #[test]
    fn overlong_tokens_are_not_indexed() {
        let table = TermTable::default();
        let mut a = Analyzer::new(Language::Sv, &table);
        let long = "a".repeat(MAX_TOKEN + 1);
        let just = "b".repeat(MAX_TOKEN);
        let huge = "c".repeat(10 * MAX_TOKEN);
        assert_eq!(a.stems(&format!("{long} {just} {huge}")).len(), 1);
    }

    #[test]
    fn english_sites_use_the_english_pipeline() {
        let table = TermTable::default();
        let mut a = Analyzer::new(Language::En, &table);
        assert_eq!(a.stems("The passwords"), vec!["password".to_string()]);
        assert_eq!(a.pipeline_names()[0], "trimmer");
    }
}
