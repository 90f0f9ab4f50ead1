//! The search index: every published page cut into entries — the page's
//! top (title, id, summary, intro) and one entry per heading section, with
//! its `#anchor` — and the index terms of each entry's fields, compound
//! parts included. Built in parallel from the frozen [`Site`]; drafts and
//! review versions are in only with `--drafts`, restricted documents never,
//! because only `site.published_docs()` is read.
//!
//! Two files are written from it (see `render::search`): the elasticlunr
//! export ([`lunr`]) and the sharded format the browser reads ([`shards`]).

pub(crate) mod compound;
pub mod lunr;
pub mod shards;
pub(crate) mod terms;

use crate::markdown::{self, text::SectionText, Heading};
use crate::site::Site;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use terms::Analyzer;

/// The indexed fields, in elasticlunr's field order.
pub const FIELDS: [&str; 6] = ["title", "id", "summary", "headings", "body", "parts"];
/// Position of the compound-parts field in [`FIELDS`].
pub const PARTS: usize = 5;
/// How many characters of an entry's text are kept for result snippets.
pub const EXCERPT_CHARS: usize = 300;

/// Counts of one term in each field (saturating at `u16::MAX`).
pub type FieldCounts = [u16; FIELDS.len()];
/// Number of terms in each field of an entry.
pub type FieldLengths = [u32; FIELDS.len()];

/// One entry's occurrence of a term: the entry's position in
/// `SearchIndex::entries` and the term's counts per field.
pub type Posting = (u32, FieldCounts);

/// Every term of the index, sorted, with its postings sorted by entry.
pub struct Inverted<'a> {
    pub terms: Vec<(&'a str, Vec<Posting>)>,
}

/// One search hit target: the top of a page or one of its sections.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index of the page in `site.docs`.
    pub doc: usize,
    /// Heading id, empty for the top of the page.
    pub anchor: String,
    /// The page's URL path, plus `#anchor` for a section: elasticlunr's ref.
    pub reference: String,
    /// The page title for the top, the heading for a section.
    pub title: String,
    /// The start of the entry's text.
    pub excerpt: String,
    /// Index terms, sorted, with their counts per field.
    pub terms: Vec<(String, FieldCounts)>,
    /// Number of terms in each field.
    pub lengths: FieldLengths,
}

/// All entries of the site, sorted by `reference` (so a page's entries are
/// contiguous, top first).
#[derive(Debug)]
pub struct SearchIndex {
    pub entries: Vec<Entry>,
    /// elasticlunr's pipeline step names, e.g. `trimmer-sv`.
    pub pipeline: Vec<String>,
}

impl SearchIndex {
    /// The pages, in entry order, with the range of entries of each.
    pub fn pages(&self) -> Vec<(usize, std::ops::Range<usize>)> {
        let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        for (k, e) in self.entries.iter().enumerate() {
            match out.last_mut() {
                Some((doc, range)) if *doc == e.doc => range.end = k + 1,
                _ => out.push((e.doc, k..k + 1)),
            }
        }
        out
    }

    /// The inverted index: term → postings. Chunks of entries are inverted
    /// in parallel and merged in order, so postings stay sorted by entry.
    pub fn inverted(&self) -> Inverted<'_> {
        type Map<'a> = HashMap<&'a str, Vec<Posting>>;
        let map: Map = self
            .entries
            .par_iter()
            .enumerate()
            .fold(Map::new, |mut m, (k, e)| {
                for (t, c) in &e.terms {
                    m.entry(t.as_str()).or_default().push((k as u32, *c));
                }
                m
            })
            .reduce(Map::new, |mut a, b| {
                for (t, mut ps) in b {
                    a.entry(t).or_default().append(&mut ps);
                }
                a
            });
        let mut terms: Vec<(&str, Vec<Posting>)> = map.into_iter().collect();
        terms.par_sort_unstable_by(|x, y| x.0.cmp(y.0));
        Inverted { terms }
    }
}

/// Builds the index of every published page.
pub fn build(site: &Site) -> SearchIndex {
    let language = site.config.language;
    let published: Vec<usize> = site.published_docs().collect();
    let t0 = std::time::Instant::now();
    let mut entries: Vec<Entry> = published
        .par_iter()
        .map_init(|| Analyzer::new(language), |a, &i| page_entries(site, i, a))
        .flatten()
        .collect();
    let t1 = std::time::Instant::now();
    add_compound_parts(&mut entries, language);
    let t2 = std::time::Instant::now();
    entries.par_sort_by(|a, b| a.reference.cmp(&b.reference));
    if std::env::var_os("STYRDOK_TIMINGS").is_some() {
        eprintln!(
            "search: entries {:?}, compounds {:?}, sort {:?}",
            t1 - t0,
            t2 - t1,
            t2.elapsed()
        );
    }
    SearchIndex {
        entries,
        pipeline: Analyzer::new(language).pipeline_names(),
    }
}

/// The texts of one entry's fields, before analysis.
struct EntryText<'a> {
    anchor: String,
    title: &'a str,
    fields: [String; PARTS],
}

fn page_entries(site: &Site, i: usize, a: &mut Analyzer) -> Vec<Entry> {
    let doc = &site.docs[i];
    let scan = &site.scans[i];
    let sections = markdown::text::sections(doc.body(), scan);
    let url = site.url(i);
    let mut texts = Vec::with_capacity(sections.len());
    let outline: Vec<&str> = scan
        .headings
        .iter()
        .filter(|h| h.level <= 3)
        .map(|h| h.title.as_str())
        .chain(doc.tags.iter().map(String::as_str))
        .collect();
    let intro = sections.first().map_or("", |s| s.text.as_str());
    texts.push(EntryText {
        anchor: String::new(),
        title: &doc.title,
        fields: [
            doc.title.clone(),
            doc.id.clone().unwrap_or_default(),
            doc.summary.clone(),
            outline.join("\n"),
            intro.to_string(),
        ],
    });
    for (s, context) in sections
        .iter()
        .skip(1)
        .zip(heading_context(&sections, scan))
    {
        let Some(h) = s.heading.and_then(|k| scan.headings.get(k)) else {
            continue;
        };
        texts.push(EntryText {
            anchor: h.id.clone(),
            title: &h.title,
            fields: [
                h.title.clone(),
                String::new(),
                String::new(),
                format!("{}\n{}", doc.title, context),
                s.text.clone(),
            ],
        });
    }
    texts
        .into_iter()
        .map(|t| analyse_entry(i, &url, t, a))
        .collect()
}

/// For each section after the top: the titles of the headings it sits
/// under ("Regler" for a `###` below `## Regler`), joined by newlines.
fn heading_context(sections: &[SectionText], scan: &markdown::Scan) -> Vec<String> {
    let mut stack: Vec<&Heading> = Vec::new();
    let mut out = Vec::new();
    for s in sections.iter().skip(1) {
        let Some(h) = s.heading.and_then(|k| scan.headings.get(k)) else {
            out.push(String::new());
            continue;
        };
        while stack.last().is_some_and(|top| top.level >= h.level) {
            stack.pop();
        }
        out.push(
            stack
                .iter()
                .map(|x| x.title.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        stack.push(h);
    }
    out
}

fn analyse_entry(doc: usize, url: &str, t: EntryText, a: &mut Analyzer) -> Entry {
    let mut counts: HashMap<String, FieldCounts> = HashMap::new();
    let mut lengths = FieldLengths::default();
    for (f, text) in t.fields.iter().enumerate() {
        a.each(text, |term| {
            if let Some(stem) = &term.stem {
                lengths[f] += 1;
                match counts.get_mut(stem.as_str()) {
                    Some(c) => c[f] = c[f].saturating_add(1),
                    None => {
                        let mut c = FieldCounts::default();
                        c[f] = 1;
                        counts.insert(stem.clone(), c);
                    }
                }
            }
        });
    }
    let mut terms: Vec<(String, FieldCounts)> = counts.into_iter().collect();
    terms.sort_unstable_by(|x, y| x.0.cmp(&y.0));
    let reference = if t.anchor.is_empty() {
        url.to_string()
    } else {
        format!("{url}#{}", t.anchor)
    };
    let body = &t.fields[4];
    let excerpt_source = if body.is_empty() { &t.fields[2] } else { body };
    Entry {
        doc,
        anchor: t.anchor,
        reference,
        title: t.title.to_string(),
        excerpt: excerpt(excerpt_source),
        terms,
        lengths,
    }
}

/// The first [`EXCERPT_CHARS`] characters, cut at a word boundary.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => text.to_string(),
        Some((end, _)) => {
            let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

/// Adds the parts of each entry's terms to its `parts` field, counted as
/// often as the compound occurs.
fn add_compound_parts(entries: &mut [Entry], language: crate::model::Language) {
    let splits = compound_splits(entries, language);
    entries.par_iter_mut().for_each(|e| {
        let mut parts: HashMap<&str, u16> = HashMap::new();
        for (term, counts) in &e.terms {
            if let Some(ps) = splits.get(term) {
                let n = counts[..PARTS]
                    .iter()
                    .fold(0u16, |a, &c| a.saturating_add(c));
                for p in ps {
                    let c = parts.entry(p.as_str()).or_default();
                    *c = c.saturating_add(n);
                }
            }
        }
        if parts.is_empty() {
            return;
        }
        e.lengths[PARTS] = parts.values().map(|&n| u32::from(n)).sum();
        let mut map: HashMap<String, FieldCounts> =
            std::mem::take(&mut e.terms).into_iter().collect();
        for (p, n) in parts {
            let c = &mut map.entry(p.to_string()).or_default()[PARTS];
            *c = c.saturating_add(n);
        }
        e.terms = map.into_iter().collect();
        e.terms.sort_unstable_by(|x, y| x.0.cmp(&y.0));
    });
}

/// Every distinct term of the corpus that is a compound of other terms,
/// with its parts.
fn compound_splits(
    entries: &[Entry],
    language: crate::model::Language,
) -> HashMap<String, Vec<String>> {
    let vocabulary: Vec<&str> = entries
        .iter()
        .flat_map(|e| e.terms.iter().map(|(t, _)| t.as_str()))
        .collect::<HashSet<&str>>()
        .into_iter()
        .collect();
    let known = &compound::TermSet::new(vocabulary.iter().copied());
    vocabulary
        .par_iter()
        .filter(|t| t.chars().count() >= compound::MIN_WORD)
        .map_init(
            || Analyzer::new(language),
            |a, &t| {
                (
                    t.to_string(),
                    compound::split(t, known, &mut |w| a.stem_word(w)),
                )
            },
        )
        .filter(|(_, parts)| !parts.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
