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
//! core, while this writes each field's trie straight from the inverted
//! index, in parts of about a megabyte (the body's trie alone is over
//! 100 MB at 10,000 pages). A unit test checks the output against
//! `Index::to_json`.
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
pub fn to_json(site: &Site, index: &SearchIndex, inverted: Inverted) -> String {
    let mut out = String::new();
    write_json(site, index, inverted, |part| {
        out.push_str(&part);
        Ok(())
    })
    .map(|()| out)
    .unwrap_or_default()
}

/// The export as JSON, handed to `emit` in parts of about [`PART`] bytes
/// that, one after the other, are the whole: the field tries are the bulk
/// of a large site's export, and none is held whole. `inverted` (by entry)
/// is turned into postings by page as it goes.
pub fn write_json(
    site: &Site,
    index: &SearchIndex,
    inverted: Inverted,
    emit: impl FnMut(String) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_in_parts(site, index, inverted, PART, emit)
}

/// [`write_json`] with parts of about `part` bytes.
fn write_in_parts(
    site: &Site,
    index: &SearchIndex,
    inverted: Inverted,
    part: usize,
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
            .into_par_iter()
            .map(|(t, ps)| (t, page_postings(index, &ps, &page_of)))
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
    let mut out = Parts {
        buf: head,
        size: part,
        emit: &mut emit,
        failed: None,
    };
    for (k, &f) in sorted_fields.iter().enumerate() {
        let comma = if k > 0 { "," } else { "" };
        let _ = write!(out.buf, "{comma}\"{}\":{{\"root\":", FIELDS[f]);
        field_trie(&mut out, inverted, f, &refs);
        out.buf.push('}');
    }
    out.flush();
    let store = document_store(site, index, &pages, &refs);
    let _ = write!(
        out.buf,
        "}},\"documentStore\":{store},\"lang\":{}}}",
        json_string(&lang)
    );
    out.finish()
}

/// About how many bytes of the export [`write_json`] hands on at a time.
pub const PART: usize = 1 << 20;

/// Output collected and handed on in parts of about `size` bytes; after
/// a failed hand-over, the rest is dropped and the error kept.
struct Parts<'e> {
    buf: String,
    size: usize,
    emit: &'e mut dyn FnMut(String) -> std::io::Result<()>,
    failed: Option<std::io::Error>,
}

impl Parts<'_> {
    /// Hands on what is collected once it is a part's worth.
    fn full(&mut self) {
        if self.buf.len() >= self.size {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let part = std::mem::replace(&mut self.buf, String::with_capacity(self.size * 9 / 8));
        if self.failed.is_none() && !part.is_empty() {
            if let Err(e) = (self.emit)(part) {
                self.failed = Some(e);
            }
        }
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.flush();
        self.failed.map_or(Ok(()), Err)
    }
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
fn field_trie(out: &mut Parts, inverted: &Inverted, field: usize, refs: &[String]) {
    let terms: Vec<(&str, &[Posting])> = inverted
        .terms
        .iter()
        .filter(|(_, ps)| ps.iter().any(|(_, c)| c[field] > 0))
        .map(|(t, ps)| (*t, ps.as_slice()))
        .collect();
    let mut tf = TfCache::default();
    write_node(out, &terms, 0, field, refs, &mut tf);
}

/// `{"docs":{…},"df":N,"c":{…},…}` for the terms (sorted, sharing their
/// first `depth` bytes) below one node.
fn write_node(
    out: &mut Parts,
    terms: &[(&str, &[Posting])],
    depth: usize,
    field: usize,
    refs: &[String],
    tf: &mut TfCache,
) {
    out.buf.push_str("{\"docs\":{");
    let mut rest = terms;
    let mut df = 0;
    if let Some((t, postings)) = terms.first() {
        if t.len() == depth {
            rest = &terms[1..];
            for (entry, counts) in postings.iter().filter(|(_, c)| c[field] > 0) {
                if df > 0 {
                    out.buf.push(',');
                }
                df += 1;
                out.buf.push_str(&refs[*entry as usize]);
                out.buf.push_str(":{\"tf\":");
                out.buf.push_str(tf.get(counts[field]));
                out.buf.push('}');
            }
        }
    }
    let _ = write!(out.buf, "}},\"df\":{df}");
    while let Some((t, _)) = rest.first() {
        let c = t[depth..].chars().next().unwrap_or_default();
        let next = depth + c.len_utf8();
        let n = rest
            .iter()
            .take_while(|(u, _)| u.len() >= next && u[depth..].starts_with(c))
            .count();
        out.buf.push(',');
        if c.is_alphanumeric() {
            out.buf.push('"');
            out.buf.push(c);
            out.buf.push('"');
        } else {
            out.buf.push_str(&json_string(c.encode_utf8(&mut [0; 4])));
        }
        out.buf.push(':');
        write_node(out, &rest[..n], next, field, refs, tf);
        rest = &rest[n..];
    }
    out.buf.push('}');
    out.full();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_parts_make_the_same_export_and_stop_at_a_failure() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (site, _) = crate::site::load(root, &Default::default()).expect("the bundled site");
        let index = crate::search::build(&site);
        let whole = to_json(&site, &index, index.inverted());
        assert!(
            whole.len() > 100_000,
            "a real export: {} bytes",
            whole.len()
        );

        let mut parts = Vec::new();
        write_in_parts(&site, &index, index.inverted(), 4096, |p| {
            parts.push(p);
            Ok(())
        })
        .unwrap();
        assert!(parts.len() > 20, "{} parts", parts.len());
        // Parts are a part's worth, but where the tries end and at the
        // end; none is much more but the document store.
        let (last, rest) = parts.split_last().unwrap();
        assert!(rest.iter().filter(|p| p.len() < 4096).count() <= 1);
        assert!(parts.iter().filter(|p| p.len() > 64 * 1024).count() <= 1);
        assert!(last.ends_with('}'));
        assert_eq!(parts.concat(), whole);

        let mut calls = 0;
        let result = write_in_parts(&site, &index, index.inverted(), 4096, |_| {
            calls += 1;
            if calls == 3 {
                Err(std::io::Error::other("disk full"))
            } else {
                Ok(())
            }
        });
        assert_eq!(result.unwrap_err().to_string(), "disk full");
        assert_eq!(calls, 3, "nothing is handed on after a failure");
    }
}
