//! The interoperable export: `search_index.LANG.json` in elasticlunr's
//! format (elasticlunr.js 0.9.5 as serialised by elasticlunr-rs 3.1), with
//! `ref` = the entry's URL path (plus `#anchor` for a section).
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

use super::{Inverted, Posting, SearchIndex, FIELDS};
use crate::site::Site;
use rayon::prelude::*;
use std::fmt::Write as _;

/// elasticlunr's name for the field that holds the ref.
pub const REF_FIELD: &str = "url";

/// The whole export as JSON.
pub fn to_json(site: &Site, index: &SearchIndex, inverted: &Inverted) -> String {
    let refs: Vec<String> = index
        .entries
        .par_iter()
        .map(|e| json_string(&e.reference))
        .collect();
    let mut sorted_fields: Vec<usize> = (0..FIELDS.len()).collect();
    sorted_fields.sort_by_key(|&f| FIELDS[f]);
    let tries: Vec<String> = sorted_fields
        .par_iter()
        .map(|&f| field_trie(inverted, f, &refs))
        .collect();
    let store = document_store(site, index, &refs);
    let mut out = String::with_capacity(tries.iter().map(String::len).sum::<usize>() + store.len());
    out.push_str("{\"fields\":");
    out.push_str(&serde_json::to_string(&FIELDS).unwrap_or_default());
    out.push_str(",\"pipeline\":");
    out.push_str(&serde_json::to_string(&index.pipeline).unwrap_or_default());
    let lang = super::terms::lunr_language(site.config.language).name();
    let _ = write!(
        out,
        ",\"ref\":\"{REF_FIELD}\",\"version\":\"{}\",\"index\":{{",
        elasticlunr::ELASTICLUNR_VERSION
    );
    for (k, (&f, trie)) in sorted_fields.iter().zip(&tries).enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, "\"{}\":{{\"root\":", FIELDS[f]);
        out.push_str(trie);
        out.push('}');
    }
    out.push_str("},\"documentStore\":");
    out.push_str(&store);
    let _ = write!(out, ",\"lang\":{}}}", json_string(&lang));
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

/// `{"save":true,"docs":{…},"docInfo":{…},"length":N}`.
fn document_store(site: &Site, index: &SearchIndex, refs: &[String]) -> String {
    let docs: Vec<String> = index
        .entries
        .par_iter()
        .zip(refs)
        .map(|(e, r)| {
            let doc = &site.docs[e.doc];
            format!(
                "{r}:{{\"body\":{},\"id\":{},\"summary\":{},\"title\":{},\"{REF_FIELD}\":{r}}}",
                json_string(&e.excerpt),
                json_string(if e.anchor.is_empty() {
                    doc.id.as_deref().unwrap_or("")
                } else {
                    ""
                }),
                json_string(if e.anchor.is_empty() {
                    &doc.summary
                } else {
                    ""
                }),
                json_string(&e.title),
            )
        })
        .collect();
    let mut sorted_fields: Vec<usize> = (0..FIELDS.len()).collect();
    sorted_fields.sort_by_key(|&f| FIELDS[f]);
    let info: Vec<String> = index
        .entries
        .iter()
        .zip(refs)
        .map(|(e, r)| {
            let lens: Vec<String> = sorted_fields
                .iter()
                .map(|&f| format!("\"{}\":{}", FIELDS[f], e.lengths[f]))
                .collect();
            format!("{r}:{{{}}}", lens.join(","))
        })
        .collect();
    format!(
        "{{\"save\":true,\"docs\":{{{}}},\"docInfo\":{{{}}},\"length\":{}}}",
        docs.join(","),
        info.join(","),
        index.entries.len()
    )
}
