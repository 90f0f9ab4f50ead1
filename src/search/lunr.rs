//! The interoperable export: `search_index.LANG.json` in elasticlunr's
//! format (elasticlunr.js 0.9.5 as serialised by elasticlunr-rs 3.1), one
//! document per page with `ref` = the page's URL path. (The browser's own
//! format, [`super::shards`], has an entry per section; the export sums a
//! page's sections: `title`, `id`, `summary` and `headings` are the page
//! top's, `body` and `parts` count the whole page.)
//!
//! The terms are elasticlunr-rs's own (see [`super::terms`]); only the
//! serialisation is done here, because feeding every entry through
//! `elasticlunr::Index::add_doc` costs seconds per thousand pages on one
//! core, while this writes each field's trie in parallel straight from the
//! inverted index. A unit test checks the output against `Index::to_json`.
//!
//! The document store keeps `title`, `id`, `summary` and the first
//! [`super::EXCERPT_CHARS`] characters of `body` (not the whole text, which
//! would make the file several times larger), plus `url`.

use super::{FieldCounts, FieldLengths, Inverted, Posting, SearchIndex, FIELDS, PARTS};
use crate::site::Site;
use rayon::prelude::*;
use std::fmt::Write as _;

/// elasticlunr's name for the field that holds the ref.
pub const REF_FIELD: &str = "url";

/// Fields a section entry adds to its page: the body and the parts.
const SECTION_FIELDS: [usize; 2] = [4, PARTS];

/// The whole export as JSON.
pub fn to_json(site: &Site, index: &SearchIndex, inverted: &Inverted) -> String {
    let mut out = String::new();
    write_json(site, index, inverted, |part| {
        out.push_str(&part);
        Ok(())
    })
    .map(|()| out)
    .unwrap_or_default()
}

/// The export as JSON, handed to `emit` in parts that, one after the
/// other, are the whole. The field tries are the bulk of a large site's
/// export; each is made, emitted and dropped before the next.
pub fn write_json(
    site: &Site,
    index: &SearchIndex,
    inverted: &Inverted,
    mut emit: impl FnMut(String) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let pages = index.pages();
    let mut page_of = vec![0u32; index.entries.len()];
    for (p, (_, range)) in pages.iter().enumerate() {
        page_of[range.clone()].fill(p as u32);
    }
    let refs: Vec<String> = pages
        .par_iter()
        .map(|(_, range)| json_string(&index.entries[range.start].reference))
        .collect();
    let by_page = Inverted {
        terms: inverted
            .terms
            .par_iter()
            .map(|(t, ps)| (*t, page_postings(index, ps, &page_of)))
            .filter(|(_, ps)| !ps.is_empty())
            .collect(),
    };
    let inverted = &by_page;
    let mut sorted_fields: Vec<usize> = (0..FIELDS.len()).collect();
    sorted_fields.sort_by_key(|&f| FIELDS[f]);
    let mut head = String::from("{\"fields\":");
    head.push_str(&serde_json::to_string(&FIELDS).unwrap_or_default());
    head.push_str(",\"pipeline\":");
    head.push_str(&serde_json::to_string(&index.pipeline).unwrap_or_default());
    let lang = super::terms::lunr_language(site.config.language).name();
    let _ = write!(
        head,
        ",\"ref\":\"{REF_FIELD}\",\"version\":\"{}\",\"index\":{{",
        elasticlunr::ELASTICLUNR_VERSION
    );
    emit(head)?;
    for (k, &f) in sorted_fields.iter().enumerate() {
        let comma = if k > 0 { "," } else { "" };
        emit(format!("{comma}\"{}\":{{\"root\":", FIELDS[f]))?;
        emit(field_trie(inverted, f, &refs))?;
        emit("}".into())?;
    }
    let store = document_store(site, index, &pages, &refs);
    emit(format!(
        "}},\"documentStore\":{store},\"lang\":{}}}",
        json_string(&lang)
    ))
}

/// A term's postings by page: a page's top entry counts in every field, its
/// sections in [`SECTION_FIELDS`] only.
fn page_postings(index: &SearchIndex, postings: &[Posting], page_of: &[u32]) -> Vec<Posting> {
    let mut out: Vec<Posting> = Vec::new();
    for (entry, counts) in postings {
        let counts = page_counts(index, *entry as usize, counts);
        if counts.iter().all(|&c| c == 0) {
            continue;
        }
        let page = page_of[*entry as usize];
        match out.last_mut() {
            Some((p, c)) if *p == page => {
                for f in 0..FIELDS.len() {
                    c[f] = c[f].saturating_add(counts[f]);
                }
            }
            _ => out.push((page, counts)),
        }
    }
    out
}

/// What entry `k`'s `counts` add to its page.
fn page_counts(index: &SearchIndex, k: usize, counts: &FieldCounts) -> FieldCounts {
    if index.entries[k].anchor.is_empty() {
        return *counts;
    }
    let mut out = FieldCounts::default();
    for f in SECTION_FIELDS {
        out[f] = counts[f];
    }
    out
}

/// A page's field lengths, summed like its counts.
fn page_lengths(index: &SearchIndex, range: &std::ops::Range<usize>) -> FieldLengths {
    let mut out = index.entries[range.start].lengths;
    for e in &index.entries[range.start + 1..range.end] {
        for f in SECTION_FIELDS {
            out[f] += e.lengths[f];
        }
    }
    out
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The trie of one field: a node per character, each holding the entries
/// of the term that ends there.
fn field_trie(inverted: &Inverted, field: usize, refs: &[String]) -> String {
    let terms: Vec<(&str, &[Posting])> = inverted
        .terms
        .iter()
        .filter(|(_, ps)| ps.iter().any(|(_, c)| c[field] > 0))
        .map(|(t, ps)| (*t, ps.as_slice()))
        .collect();
    let mut out = String::new();
    let mut tf = TfCache::default();
    write_node(&mut out, &terms, 0, field, refs, &mut tf);
    out
}

/// `{"docs":{…},"df":N,"c":{…},…}` for the terms (sorted, sharing their
/// first `depth` bytes) below one node.
fn write_node(
    out: &mut String,
    terms: &[(&str, &[Posting])],
    depth: usize,
    field: usize,
    refs: &[String],
    tf: &mut TfCache,
) {
    out.push_str("{\"docs\":{");
    let mut rest = terms;
    let mut df = 0;
    if let Some((t, postings)) = terms.first() {
        if t.len() == depth {
            rest = &terms[1..];
            for (entry, counts) in postings.iter().filter(|(_, c)| c[field] > 0) {
                if df > 0 {
                    out.push(',');
                }
                df += 1;
                out.push_str(&refs[*entry as usize]);
                out.push_str(":{\"tf\":");
                out.push_str(tf.get(counts[field]));
                out.push('}');
            }
        }
    }
    let _ = write!(out, "}},\"df\":{df}");
    while let Some((t, _)) = rest.first() {
        let c = t[depth..].chars().next().unwrap_or_default();
        let next = depth + c.len_utf8();
        let n = rest
            .iter()
            .take_while(|(u, _)| u.len() >= next && u[depth..].starts_with(c))
            .count();
        out.push(',');
        if c.is_alphanumeric() {
            out.push('"');
            out.push(c);
            out.push('"');
        } else {
            out.push_str(&json_string(c.encode_utf8(&mut [0; 4])));
        }
        out.push(':');
        write_node(out, &rest[..n], next, field, refs, tf);
        rest = &rest[n..];
    }
    out.push('}');
}

/// `sqrt(count)` formatted as serde_json formats an `f64`.
#[derive(Default)]
struct TfCache {
    small: Vec<String>,
    other: String,
}

impl TfCache {
    fn get(&mut self, count: u16) -> &str {
        let n = usize::from(count);
        if self.small.is_empty() {
            self.small = (0..64).map(|k| format_f64((k as f64).sqrt())).collect();
        }
        if n < self.small.len() {
            &self.small[n]
        } else {
            self.other = format_f64(f64::from(count).sqrt());
            &self.other
        }
    }
}

fn format_f64(x: f64) -> String {
    serde_json::to_string(&x).unwrap_or_default()
}

/// `{"save":true,"docs":{…},"docInfo":{…},"length":N}`, a document per page.
fn document_store(
    site: &Site,
    index: &SearchIndex,
    pages: &[(usize, std::ops::Range<usize>)],
    refs: &[String],
) -> String {
    let docs: Vec<String> = pages
        .par_iter()
        .zip(refs)
        .map(|((doc, range), r)| {
            let doc = &site.docs[*doc];
            let top = &index.entries[range.start];
            format!(
                "{r}:{{\"body\":{},\"id\":{},\"summary\":{},\"title\":{},\"{REF_FIELD}\":{r}}}",
                json_string(&top.excerpt),
                json_string(doc.id.as_deref().unwrap_or("")),
                json_string(&doc.summary),
                json_string(&top.title),
            )
        })
        .collect();
    let mut sorted_fields: Vec<usize> = (0..FIELDS.len()).collect();
    sorted_fields.sort_by_key(|&f| FIELDS[f]);
    let info: Vec<String> = pages
        .iter()
        .zip(refs)
        .map(|((_, range), r)| {
            let lengths = page_lengths(index, range);
            let lens: Vec<String> = sorted_fields
                .iter()
                .map(|&f| format!("\"{}\":{}", FIELDS[f], lengths[f]))
                .collect();
            format!("{r}:{{{}}}", lens.join(","))
        })
        .collect();
    format!(
        "{{\"save\":true,\"docs\":{{{}}},\"docInfo\":{{{}}},\"length\":{}}}",
        docs.join(","),
        info.join(","),
        pages.len()
    )
}
