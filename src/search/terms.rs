//! Text → index terms with elasticlunr-rs's own tokenizer and pipeline
//! (Swedish: trimmer, stop words, Snowball stemmer; English likewise), so the
//! terms are exactly those elasticlunr-rs would index and exactly those the
//! browser port (`sv-text.js`) produces for a query.
//!
//! A document set repeats its words a great deal, so each token's result is
//! cached: the regex trimmer and the stemmer then run once per distinct word
//! instead of once per occurrence. An `Analyzer` is not `Send` (the
//! pipeline's boxed steps are not), so each rayon worker makes its own.

use crate::model::Language;
use elasticlunr::Pipeline;
use std::collections::HashMap;

/// What the pipeline makes of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// The token after the trimmer: lowercased, without leading or trailing
    /// non-letters. Compound splitting works on this form.
    pub surface: String,
    /// The index term; `None` for a stop word.
    pub stem: Option<String>,
}

pub(crate) struct Analyzer {
    language: Box<dyn elasticlunr::Language>,
    pipeline: Pipeline,
    cache: HashMap<String, Option<Term>>,
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

impl Analyzer {
    pub(crate) fn new(language: Language) -> Analyzer {
        let language = lunr_language(language);
        let pipeline = language.make_pipeline();
        Analyzer {
            language,
            pipeline,
            cache: HashMap::new(),
        }
    }

    /// Names of the pipeline's steps, as the elasticlunr export lists them.
    pub(crate) fn pipeline_names(&self) -> Vec<String> {
        self.pipeline.queue.iter().map(|f| f.name()).collect()
    }

    /// Calls `f` with every token of `text` that survives the trimmer, in
    /// order (stop words included, with `stem: None`).
    /// Tokens longer than [`MAX_TOKEN`] characters are not indexed: no
    /// reader searches for them, and elasticlunr's term trie would nest one
    /// level per character.
    pub(crate) fn each(&mut self, text: &str, mut f: impl FnMut(&Term)) {
        for token in self.language.tokenize(text) {
            if token.len() > MAX_TOKEN && token.chars().count() > MAX_TOKEN {
                continue;
            }
            if let Some(term) = self.cache.get(&token) {
                if let Some(term) = term {
                    f(term);
                }
                continue;
            }
            let term = self.analyse(&token);
            if let Some(t) = &term {
                f(t);
            }
            self.cache.insert(token, term);
        }
    }

    /// The index terms of `text` (stop words dropped), as
    /// `Pipeline::run(tokenize(text))` gives them.
    #[cfg(test)]
    pub(crate) fn stems(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each(text, |t| {
            if let Some(s) = &t.stem {
                out.push(s.clone());
            }
        });
        out
    }

    /// The stem of one already trimmed word, `None` for a stop word.
    pub(crate) fn stem_word(&mut self, word: &str) -> Option<String> {
        let mut stem = None;
        self.each(word, |t| {
            if stem.is_none() {
                stem = t.stem.clone();
            }
        });
        stem
    }

    /// Runs the first step (the trimmer) alone to learn the surface form,
    /// then the rest of the queue for the stem.
    fn analyse(&self, token: &str) -> Option<Term> {
        let (first, rest) = self.pipeline.queue.split_first()?;
        let surface = first.filter(token.to_string())?;
        let mut stem = Some(surface.clone());
        for step in rest {
            stem = stem.and_then(|s| step.filter(s));
        }
        Some(Term { surface, stem })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_terms_as_the_elasticlunr_pipeline() {
        use elasticlunr::Language as _;
        let text =
            "Får jag använda privat mejl? Lösenorden, incidenter och LIS-R-04 (2026) — «Säkerhet».";
        let lang = elasticlunr::lang::Swedish::new();
        let expected = lang.make_pipeline().run(lang.tokenize(text));
        let mut a = Analyzer::new(Language::Sv);
        assert_eq!(a.stems(text), expected);
        // Cached the second time round, same answer.
        assert_eq!(a.stems(text), expected);
        assert!(expected.contains(&"lösenord".to_string()));
        assert!(expected.contains(&"incident".to_string()));
    }

    #[test]
    fn surface_forms_keep_stop_words_apart() {
        let mut a = Analyzer::new(Language::Sv);
        let mut seen = Vec::new();
        a.each("Och lösenordsbytet!", |t| seen.push(t.clone()));
        assert_eq!(seen[0].surface, "och");
        assert_eq!(seen[0].stem, None);
        assert_eq!(seen[1].surface, "lösenordsbytet");
        assert!(seen[1].stem.is_some());
        assert_eq!(a.stem_word("lösenorden").as_deref(), Some("lösenord"));
    }

    #[test]
    fn english_sites_use_the_english_pipeline() {
        let mut a = Analyzer::new(Language::En);
        assert_eq!(a.stems("The passwords"), vec!["password".to_string()]);
        assert_eq!(a.pipeline_names()[0], "trimmer");
    }
}
