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
pub mod rank;
pub mod shards;
pub mod synonyms;
pub(crate) mod terms;
pub mod vocabulary;

use crate::markdown::{self, text::SectionText, Heading};
use crate::site::Site;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use terms::{Analyzer, TermTable};

/// The indexed fields, in elasticlunr's field order.
pub const FIELDS: [&str; 6] = ["title", "id", "summary", "headings", "body", "parts"];
/// Position of the compound-parts field in [`FIELDS`].
pub const PARTS: usize = 5;
/// How many characters of an entry's text are kept for result snippets
/// (the search page shows about this much of the section).
pub const EXCERPT_CHARS: usize = 120;

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
    /// Index terms (ids into `SearchIndex::terms`), sorted by id, with
    /// their counts per field.
    pub terms: Vec<(u32, FieldCounts)>,
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
    /// Every index term, by id.
    pub terms: Vec<Box<str>>,
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

    /// The text of term `id`.
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// The inverted index: term → postings, terms in string order. Entries
    /// are visited in order, so postings stay sorted by entry.
    pub fn inverted(&self) -> Inverted<'_> {
        let terms = self.entries.iter().map(|e| e.terms.iter().copied());
        self.invert(postings(terms, self.terms.len()))
    }

    /// The postings of every term by id, taking the terms out of the
    /// entries (which then hold none): a large site's index need not be
    /// in memory twice. Pass them to [`SearchIndex::invert`].
    pub fn take_postings(&mut self) -> Vec<Vec<Posting>> {
        let n = self.terms.len();
        let terms = self
            .entries
            .iter_mut()
            .map(|e| std::mem::take(&mut e.terms));
        postings(terms, n)
    }

    /// The inverted index from postings by term id.
    pub fn invert(&self, mut postings: Vec<Vec<Posting>>) -> Inverted<'_> {
        let mut order: Vec<u32> = (0..postings.len() as u32)
            .filter(|&t| !postings[t as usize].is_empty())
            .collect();
        order.par_sort_unstable_by_key(|&t| self.term(t));
        let terms = order
            .into_iter()
            .map(|t| (self.term(t), std::mem::take(&mut postings[t as usize])))
            .collect();
        Inverted { terms }
    }
}

/// The postings of `n` terms by id from each entry's terms, in entry order.
fn postings<T: IntoIterator<Item = (u32, FieldCounts)>>(
    entries: impl Iterator<Item = T>,
    n: usize,
) -> Vec<Vec<Posting>> {
    let mut out: Vec<Vec<Posting>> = vec![Vec::new(); n];
    for (k, terms) in entries.enumerate() {
        for (t, c) in terms {
            out[t as usize].push((k as u32, c));
        }
    }
    out
}

/// Builds the index of every published page.
pub fn build(site: &Site) -> SearchIndex {
    let language = site.config.language;
    let published: Vec<usize> = site.published_docs().collect();
    let t0 = std::time::Instant::now();
    let table = TermTable::default();
    // A few chunks per thread, each with one analyzer (and its cache).
    let chunk = (published.len() / (rayon::current_num_threads() * 4)).max(16);
    let mut entries: Vec<Entry> = published
        .par_chunks(chunk)
        .flat_map_iter(|docs| {
            let mut a = Analyzer::new(language, &table);
            docs.iter()
                .flat_map(|&i| page_entries(site, i, &mut a))
                .collect::<Vec<_>>()
        })
        .collect();
    let t1 = std::time::Instant::now();
    add_compound_parts(&mut entries, language, &table);
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
    let pipeline = Analyzer::new(language, &table).pipeline_names();
    SearchIndex {
        entries,
        pipeline,
        terms: table.take_terms(),
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
    let mut seen: Vec<(u32, u8)> = Vec::new();
    let mut lengths = FieldLengths::default();
    for (f, text) in t.fields.iter().enumerate() {
        let before = seen.len();
        a.each(text, |term| seen.push((term.id, f as u8)));
        lengths[f] = (seen.len() - before) as u32;
    }
    seen.sort_unstable();
    let mut terms: Vec<(u32, FieldCounts)> = Vec::new();
    for (id, f) in seen {
        match terms.last_mut() {
            Some((last, c)) if *last == id => c[f as usize] = c[f as usize].saturating_add(1),
            _ => {
                let mut c = FieldCounts::default();
                c[f as usize] = 1;
                terms.push((id, c));
            }
        }
    }
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
fn add_compound_parts(entries: &mut [Entry], language: crate::model::Language, table: &TermTable) {
    let splits = compound_splits(language, table);
    if splits.is_empty() {
        return;
    }
    entries.par_iter_mut().for_each(|e| {
        let mut parts: Vec<(u32, u16)> = Vec::new();
        for (term, counts) in &e.terms {
            if let Some(ps) = splits.get(term) {
                let n = counts[..PARTS]
                    .iter()
                    .fold(0u16, |a, &c| a.saturating_add(c));
                parts.extend(ps.iter().map(|&p| (p, n)));
            }
        }
        if parts.is_empty() {
            return;
        }
        for &(p, n) in &parts {
            e.lengths[PARTS] += u32::from(n);
            let mut c = FieldCounts::default();
            c[PARTS] = n;
            e.terms.push((p, c));
        }
        // Merge the added parts into the sorted terms.
        e.terms.sort_by_key(|(t, _)| *t);
        let mut merged: Vec<(u32, FieldCounts)> = Vec::with_capacity(e.terms.len());
        for (t, c) in e.terms.drain(..) {
            match merged.last_mut() {
                Some((last, m)) if *last == t => {
                    for f in 0..FIELDS.len() {
                        m[f] = m[f].saturating_add(c[f]);
                    }
                }
                _ => merged.push((t, c)),
            }
        }
        e.terms = merged;
    });
}

/// Every term of the corpus that is a compound of other terms, with the
/// ids of its parts.
fn compound_splits(
    language: crate::model::Language,
    table: &TermTable,
) -> FxHashMap<u32, Vec<u32>> {
    let vocabulary = table.terms();
    let known = &compound::TermSet::new(vocabulary.iter().map(|t| &**t));
    let long: Vec<u32> = (0..vocabulary.len() as u32)
        .filter(|&t| vocabulary[t as usize].chars().count() >= compound::MIN_WORD)
        .collect();
    let chunk = (long.len() / (rayon::current_num_threads() * 4)).max(64);
    long.par_chunks(chunk)
        .flat_map_iter(|ids| {
            let mut a = Analyzer::new(language, table);
            ids.iter()
                .filter_map(|&t| {
                    let parts =
                        compound::split(&vocabulary[t as usize], known, &mut |w| a.stem_word(w));
                    (!parts.is_empty())
                        .then(|| (t, parts.iter().map(|p| table.intern(p)).collect()))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests;
