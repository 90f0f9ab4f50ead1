//! The format the browser reads, under `OUT/sok/data/`, split so that a
//! query downloads only what it needs however large the site is:
//!
//! - `meta.json`: fields and boosts, the list of term-shard keys, the
//!   facet values with their labels, sizes, the synonym groups.
//! - `pages.json`: per page, in index order, the number of entries and the
//!   facet values (column arrays: `n`, `type`, `status`, `role`, `area`,
//!   `unit`), so facets count and filter every hit without more requests,
//!   and the ranking prior of the page (`prior`, see [`super::rank`]).
//! - `t/k<KEY>.json`: the terms whose longest shard-key prefix is KEY, each
//!   `term: [df, Δentry, mask, q…, Δentry, mask, q…]`: per entry, a bit
//!   mask of the fields the term occurs in and for each such field its
//!   BM25-saturated weight scaled to 1–100. Keys grow (a, ab, abc…) until
//!   a shard is under [`SHARD_BYTES`]. A term bigger than that by itself
//!   (a common word) has a shard of its own, keyed `=TERM`, so that a
//!   lookup of a rarer or unknown word with the same prefix does not
//!   download it. Very common terms keep their [`MAX_POSTINGS`]
//!   highest-weighted entries; `df` stays the true count.
//! - `s/<n>.json`: page store in chunks of [`CHUNK_PAGES`] pages:
//!   `[url, title, id, summary, version, [[anchor, heading, excerpt]…]]`
//!   (the top entry's heading is empty: it is the title).
//! - `v/<KEY>.json`: the terms by first letter and length, for typo
//!   tolerance (see [`super::vocabulary`]).
//! - `id/<n>.json`: exact document-id lookup, `"lis-r-04": page`, bucketed
//!   by FNV-1a hash of the lowercased id (ids lose their digits in the
//!   term pipeline, so `LIS-R-04` could not be found otherwise).
//!
//! Key encoding in file names: `a-z` and `0-9` as is, any other character
//! as `_` plus two hex digits per UTF-8 byte (`lö` → `l_c3_b6`).

use super::{Inverted, Posting, SearchIndex, FIELDS};
use crate::site::Site;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Field boosts the browser ranks with, in [`FIELDS`] order.
pub const BOOSTS: [f64; FIELDS.len()] = [6.0, 8.0, 2.0, 1.5, 1.0, 0.5];
/// A term shard is split by a longer prefix when bigger than this (bytes):
/// small enough that the few shards a query needs stay a few kB gzipped.
pub const SHARD_BYTES: usize = 4 * 1024;
/// Entries kept per term (the highest-weighted ones): a query shows ten
/// pages, and the most common terms' lists stay about 1 kB gzipped, so a
/// following query at 10,000 documents stays under 20 kB (issue #16).
pub const MAX_POSTINGS: usize = 500;
/// The key prefix of a term's own shard (`=får`); `=` is never part of a
/// term.
pub const OWN_SHARD: char = '=';
/// Pages per page-store chunk: one, so that each result shown costs only
/// its own page's record (about 1 kB gzipped), not its neighbours' too.
pub const CHUNK_PAGES: usize = 1;
/// Target number of ids per id bucket.
const IDS_PER_BUCKET: usize = 256;
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// One facet value: its id and the label the page shows.
#[derive(Debug, Clone)]
pub struct FacetValue {
    pub id: String,
    pub label: String,
}

/// Facet values by facet, in display order.
#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub types: Vec<FacetValue>,
    pub statuses: Vec<FacetValue>,
}

/// The facet a page's kind is counted under: training modules and paths
/// together, sections and plain pages together.
pub fn type_facet(kind: crate::model::Kind) -> &'static str {
    use crate::model::Kind;
    match kind {
        Kind::Policy => "policy",
        Kind::Guideline => "guideline",
        Kind::Rule => "rule",
        Kind::Module | Kind::Path => "training",
        Kind::Page => "page",
    }
}

/// Every client file: (path below `sok/data/`, contents).
pub fn client_files(
    site: &Site,
    index: &SearchIndex,
    inverted: &Inverted,
    facets: &Facets,
) -> Vec<(String, String)> {
    let encoded = encode_terms(index, inverted);
    let plan = plan_shards(&encoded);
    let pages = index.pages();
    let mut files: Vec<(String, String)> = plan
        .par_iter()
        .map(|(key, members)| {
            let mut body = String::from("{");
            for (k, (term, postings)) in members.iter().map(|&i| &encoded[i]).enumerate() {
                if k > 0 {
                    body.push(',');
                }
                body.push_str(&serde_json::to_string(term).unwrap_or_default());
                body.push(':');
                body.push_str(postings);
            }
            body.push('}');
            (format!("t/k{}.json", encode_key(key)), body)
        })
        .collect();
    let keys: Vec<&str> = plan.iter().map(|(k, _)| k.as_str()).collect();
    let typo = super::vocabulary::lists(inverted);
    let typo_keys: Vec<&str> = typo.iter().map(|(k, _)| k.as_str()).collect();
    files.push((
        "meta.json".into(),
        meta(site, index, &keys, &typo_keys, facets).to_string(),
    ));
    files.extend(
        typo.iter()
            .map(|(key, list)| (format!("v/{}.json", encode_key(key)), list.clone())),
    );
    files.push((
        "pages.json".into(),
        page_facets(site, &pages, facets).to_string(),
    ));
    files.extend(page_store(site, index, &pages));
    files.extend(id_buckets(site, &pages));
    files
}

/// `[df, Δentry, mask, q…]` for every term, in term order.
fn encode_terms<'a>(index: &SearchIndex, inverted: &Inverted<'a>) -> Vec<(&'a str, String)> {
    let n = index.entries.len().max(1) as f64;
    let mut avg = [0f64; FIELDS.len()];
    for e in &index.entries {
        for (f, len) in e.lengths.iter().enumerate() {
            avg[f] += f64::from(*len) / n;
        }
    }
    inverted
        .terms
        .par_iter()
        .map(|(term, postings)| (*term, encode_postings(index, postings, &avg)))
        .collect()
}

fn encode_postings(index: &SearchIndex, postings: &[Posting], avg: &[f64]) -> String {
    let weighted: Vec<(u32, [u8; FIELDS.len()], f64)> = postings
        .iter()
        .map(|(e, counts)| {
            let lengths = &index.entries[*e as usize].lengths;
            let mut q = [0u8; FIELDS.len()];
            let mut impact = 0.0;
            for f in 0..FIELDS.len() {
                if counts[f] > 0 {
                    q[f] = saturated(counts[f], lengths[f], avg[f]);
                    impact += BOOSTS[f] * f64::from(q[f]);
                }
            }
            (*e, q, impact)
        })
        .collect();
    let kept: Vec<&(u32, [u8; FIELDS.len()], f64)> = if weighted.len() > MAX_POSTINGS {
        let mut best: Vec<&(u32, [u8; FIELDS.len()], f64)> = weighted.iter().collect();
        best.select_nth_unstable_by(MAX_POSTINGS - 1, |a, b| b.2.total_cmp(&a.2));
        best.truncate(MAX_POSTINGS);
        best.sort_unstable_by_key(|p| p.0);
        best
    } else {
        weighted.iter().collect()
    };
    let mut out = String::with_capacity(kept.len() * 10 + 8);
    let _ = write!(out, "[{}", postings.len());
    let mut last = 0u32;
    for (e, q, _) in kept {
        let mask: u32 = (0..FIELDS.len())
            .filter(|&f| q[f] > 0)
            .map(|f| 1 << f)
            .sum();
        let _ = write!(out, ",{},{mask}", e - last);
        last = *e;
        for v in q.iter().filter(|&&v| v > 0) {
            let _ = write!(out, ",{v}");
        }
    }
    out.push(']');
    out
}

/// BM25's term-frequency saturation with length normalisation, scaled to
/// 1–100 (100 = the most a term can weigh in a field).
fn saturated(count: u16, len: u32, avg: f64) -> u8 {
    let tf = f64::from(count);
    let norm = if avg > 0.0 {
        1.0 - B + B * f64::from(len) / avg
    } else {
        1.0
    };
    let s = tf * (K1 + 1.0) / (tf + K1 * norm) / (K1 + 1.0);
    (s * 100.0).round().clamp(1.0, 100.0) as u8
}

/// Shard keys and the indices of the `terms` (sorted) each holds: a term
/// too big for any shared shard alone, then the rest by prefix.
fn plan_shards(terms: &[(&str, String)]) -> Vec<(String, Vec<usize>)> {
    let size = |(t, p): &(&str, String)| t.len() + p.len() + 4;
    let (alone, shared): (Vec<usize>, Vec<usize>) = (0..terms.len())
        .partition(|&i| size(&terms[i]) > SHARD_BYTES && !terms[i].0.starts_with(OWN_SHARD));
    let mut out: Vec<(String, Vec<usize>)> = alone
        .iter()
        .map(|&i| (format!("{OWN_SHARD}{}", terms[i].0), vec![i]))
        .collect();
    let rest: Vec<(&str, String)> = shared.iter().map(|&i| terms[i].clone()).collect();
    let mut ranges = Vec::new();
    plan_range(&rest, 0, 0..rest.len(), &mut ranges);
    out.extend(
        ranges
            .into_iter()
            .map(|(key, range)| (key, range.map(|j| shared[j]).collect())),
    );
    out
}

/// `terms[range]` all share their first `depth` bytes.
fn plan_range(
    terms: &[(&str, String)],
    depth: usize,
    range: std::ops::Range<usize>,
    out: &mut Vec<(String, std::ops::Range<usize>)>,
) {
    if range.is_empty() {
        return;
    }
    let size: usize = terms[range.clone()]
        .iter()
        .map(|(t, p)| t.len() + p.len() + 4)
        .sum();
    let prefix = terms[range.start].0[..depth].to_string();
    if size <= SHARD_BYTES || range.len() == 1 {
        out.push((prefix, range));
        return;
    }
    let mut start = range.start;
    if terms[start].0.len() == depth {
        out.push((prefix, start..start + 1));
        start += 1;
    }
    while start < range.end {
        let t = terms[start].0;
        let c = t[depth..].chars().next().unwrap_or_default();
        let next = depth + c.len_utf8();
        let mut end = start + 1;
        while end < range.end && terms[end].0.len() >= next && terms[end].0[depth..].starts_with(c)
        {
            end += 1;
        }
        plan_range(terms, next, start..end, out);
        start = end;
    }
}

/// A shard key as a file-name part (see the module doc).
pub fn encode_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len() * 2);
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else {
            for b in c.encode_utf8(&mut [0; 4]).bytes() {
                let _ = write!(out, "_{b:02x}");
            }
        }
    }
    out
}

fn meta(
    site: &Site,
    index: &SearchIndex,
    keys: &[&str],
    typo_keys: &[&str],
    facets: &Facets,
) -> Value {
    let cfg = &site.config;
    let named = |v: Vec<(String, String)>| -> Value {
        v.into_iter()
            .map(|(id, label)| json!([id, label]))
            .collect()
    };
    let values =
        |v: &[FacetValue]| named(v.iter().map(|x| (x.id.clone(), x.label.clone())).collect());
    json!({
        "version": 1,
        "language": cfg.language.as_str(),
        "entries": index.entries.len(),
        "pages": index.pages().len(),
        "fields": FIELDS,
        "boosts": BOOSTS,
        "shards": keys,
        "typoKeys": typo_keys,
        "idBuckets": id_bucket_count(site, index),
        "chunkPages": CHUNK_PAGES,
        "synonyms": cfg.search.synonyms,
        "facets": {
            "type": values(&facets.types),
            "status": values(&facets.statuses),
            "role": named(cfg.roles.iter().map(|r| (r.id.clone(), r.name.clone())).collect()),
            "area": named(cfg.areas.iter().map(|a| (a.id.clone(), a.name.clone())).collect()),
            "unit": named(cfg.units.iter().map(|u| (u.id.clone(), u.name.clone())).collect()),
        },
    })
}

fn position(values: &[FacetValue], id: &str) -> usize {
    values.iter().position(|v| v.id == id).unwrap_or(0)
}

type PageRanges = [(usize, std::ops::Range<usize>)];

fn page_facets(site: &Site, pages: &PageRanges, facets: &Facets) -> Value {
    let cfg = &site.config;
    let index_of = |ids: &[String], all: Vec<&str>| -> Vec<usize> {
        all.iter()
            .enumerate()
            .filter(|(_, a)| ids.iter().any(|i| i == *a))
            .map(|(k, _)| k)
            .collect()
    };
    let mut cols: [Vec<Value>; 7] = Default::default();
    for (doc, range) in pages {
        let d = &site.docs[*doc];
        let readers: Vec<usize> = cfg
            .roles
            .iter()
            .enumerate()
            .filter(|(_, r)| d.roles.iter().any(|a| cfg.role_reads(&r.id, a)))
            .map(|(k, _)| k)
            .collect();
        let areas = d.kind.governing().map_or(&[][..], |g| &g.areas[..]);
        cols[0].push(json!(range.len()));
        cols[1].push(json!(position(&facets.types, type_facet(d.kind.tag()))));
        cols[2].push(json!(position(&facets.statuses, d.status.as_str())));
        cols[3].push(json!(readers));
        cols[4].push(json!(index_of(
            areas,
            cfg.areas.iter().map(|a| a.id.as_str()).collect()
        )));
        cols[5].push(json!(index_of(
            &d.units,
            cfg.units.iter().map(|u| u.id.as_str()).collect()
        )));
        cols[6].push(json!(super::rank::prior(d)));
    }
    let [n, ty, st, ro, ar, un, prior] = cols;
    json!({ "n": n, "type": ty, "status": st, "role": ro, "area": ar, "unit": un, "prior": prior })
}

fn page_store(site: &Site, index: &SearchIndex, pages: &PageRanges) -> Vec<(String, String)> {
    pages
        .par_chunks(CHUNK_PAGES)
        .enumerate()
        .map(|(n, chunk)| {
            let list: Vec<Value> = chunk
                .iter()
                .map(|(doc, range)| {
                    let d = &site.docs[*doc];
                    // The top entry's heading is the page title, stored once.
                    let entries: Vec<Value> = index.entries[range.clone()]
                        .iter()
                        .map(|e| {
                            let heading = if e.anchor.is_empty() { "" } else { &e.title };
                            json!([e.anchor, heading, e.excerpt])
                        })
                        .collect();
                    json!([
                        site.url(*doc),
                        d.title,
                        d.id.as_deref().unwrap_or(""),
                        d.summary,
                        d.version.map(|v| v.to_string()).unwrap_or_default(),
                        entries
                    ])
                })
                .collect();
            (format!("s/{n}.json"), Value::from(list).to_string())
        })
        .collect()
}

fn id_bucket_count(site: &Site, index: &SearchIndex) -> usize {
    let ids = index
        .pages()
        .iter()
        .filter(|(d, _)| site.docs[*d].id.is_some())
        .count();
    ids.div_ceil(IDS_PER_BUCKET).max(1).next_power_of_two()
}

/// FNV-1a (32 bit) of the UTF-8 bytes; the browser computes the same.
pub fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn id_buckets(site: &Site, pages: &PageRanges) -> Vec<(String, String)> {
    let ids: Vec<(String, usize)> = pages
        .iter()
        .enumerate()
        .filter_map(|(p, (d, _))| site.docs[*d].id.as_ref().map(|id| (id.to_lowercase(), p)))
        .collect();
    let count = ids
        .len()
        .div_ceil(IDS_PER_BUCKET)
        .max(1)
        .next_power_of_two();
    let mut buckets: Vec<serde_json::Map<String, Value>> = vec![Default::default(); count];
    for (id, p) in ids {
        let b = fnv1a(&id) as usize % count;
        buckets[b].insert(id, json!(p));
    }
    buckets
        .into_iter()
        .enumerate()
        .map(|(n, m)| (format!("id/{n}.json"), Value::Object(m).to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_safe_file_names() {
        assert_eq!(encode_key("lo"), "lo");
        assert_eq!(encode_key("lö"), "l_c3_b6");
        assert_eq!(encode_key(""), "");
        assert_eq!(encode_key("a/b"), "a_2fb");
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0x811c9dc5);
        assert_eq!(fnv1a("a"), 0xe40c292c);
        assert_eq!(fnv1a("foobar"), 0xbf9cf968);
    }

    #[test]
    fn saturation_grows_with_count_and_falls_with_length() {
        assert!(saturated(2, 10, 10.0) > saturated(1, 10, 10.0));
        assert!(saturated(1, 100, 10.0) < saturated(1, 5, 10.0));
        assert_eq!(saturated(1, 0, 0.0), 45);
        assert!(saturated(u16::MAX, 1, 10.0) <= 100);
    }

    #[test]
    fn shards_split_by_prefix_until_small() {
        let big = "9".repeat(SHARD_BYTES / 3);
        let terms: Vec<(&str, String)> = ["ab", "abc", "abd", "b", "ba"]
            .into_iter()
            .map(|t| (t, big.clone()))
            .collect();
        let plan = plan_shards(&terms);
        let keys: Vec<(&str, &[usize])> = plan
            .iter()
            .map(|(k, r)| (k.as_str(), r.as_slice()))
            .collect();
        assert_eq!(
            keys,
            [
                ("ab", &[0][..]),
                ("abc", &[1]),
                ("abd", &[2]),
                ("b", &[3, 4])
            ]
        );
        let small: Vec<(&str, String)> = vec![("a", "[1]".into()), ("b", "[1]".into())];
        assert_eq!(plan_shards(&small), vec![(String::new(), vec![0, 1])]);
    }

    #[test]
    fn a_term_too_big_for_a_shared_shard_has_its_own() {
        let small = "9".repeat(SHARD_BYTES / 8);
        let huge = "9".repeat(SHARD_BYTES + 1);
        let terms: Vec<(&str, String)> = vec![
            ("mail", small.clone()),
            ("medarbet", huge),
            ("mejl", small.clone()),
            ("miljö", small),
        ];
        let plan = plan_shards(&terms);
        assert_eq!(plan[0], ("=medarbet".to_string(), vec![1]));
        // The others share one shard: looking up `mejl` no longer loads
        // the common word's postings.
        assert_eq!(plan[1], (String::new(), vec![0, 2, 3]));
        assert_eq!(plan.len(), 2);
    }
}
