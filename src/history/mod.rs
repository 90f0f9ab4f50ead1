//! Versions from git (SPEC §5). Between `site` and `render`: reads the
//! repository that holds the site, walks the first-parent line once and
//! gives every published governing document and training module the older
//! versions readers may see — each parsed like a current file, with the
//! dates it was in force (a module's: the days it was the current one).
//!
//! The publishing gates hold across history: a state that was draft or
//! review at its commit is never used, and a document that is above
//! `publish.max_classification` now or was in any version has no older
//! version at all. The file on disk is always the current version, so
//! uncommitted changes show as they are. Without git, or in a shallow
//! clone, there are no older versions and [`History::note`] says why.

pub mod base;
mod cache;
mod git;
pub mod record;
mod walk;

use crate::markdown::{self, Scan};
use crate::model::{Date, Document, Kind, Version};
use crate::site::Site;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// `ROOT/.styrdok-cache`, where the history and the PDFs are cached.
pub(crate) fn cache_dir(root: &Path) -> std::path::PathBuf {
    cache::dir(root)
}

/// An older version of a document, ready to render.
#[derive(Debug)]
pub struct OldVersion {
    /// The file as it was, parsed (its `version`, `approved_by`, `changes`…).
    pub doc: Document,
    pub scan: Scan,
    /// The commit where this version first appeared.
    pub commit: String,
    pub valid_from: Option<Date>,
    /// The day the next version took effect.
    pub valid_to: Option<Date>,
}

/// The older versions of one document, oldest first.
#[derive(Debug, Default)]
pub struct DocHistory {
    pub old: Vec<OldVersion>,
    /// When the current version took effect.
    pub current_from: Option<Date>,
}

/// Older versions of every published governing document and module.
#[derive(Debug, Default)]
pub struct History {
    /// Document index in the site → its older versions (only documents
    /// that have at least one).
    pub docs: HashMap<usize, DocHistory>,
    /// Why there is no history, said once by `build`.
    pub note: Option<String>,
}

impl History {
    pub fn of(&self, doc: usize) -> Option<&DocHistory> {
        self.docs.get(&doc)
    }
}

/// What git holds, per document id, with the texts of approved versions.
struct Extracted {
    ids: BTreeMap<String, walk::IdHistory>,
    texts: HashMap<String, String>,
}

/// Reads the history of the repository holding `root`, using the cache
/// when HEAD has not moved. `Err` says why there is no history.
fn extract(root: &Path) -> Result<Extracted, String> {
    let repo = git::open(root)?;
    if repo.is_shallow() {
        return Err(
            "the git repository is a shallow clone; run `git fetch --unshallow` to publish older versions".into(),
        );
    }
    let head = repo.head().ok_or("the git repository has no commits yet")?;
    let mut cache = cache::read(root);
    let head_hex = head.to_string();
    if cache.head != head_hex || cache.prefix != repo.prefix {
        let ids = walk::walk(&repo, head, &mut cache.summaries, &mut cache.texts)?;
        walk::load_texts(&repo, &ids, &mut cache.texts)?;
        cache.ids = ids;
        cache.head = head_hex;
        cache.prefix = repo.prefix.clone();
        cache::write(root, &mut cache);
    }
    Ok(Extracted {
        ids: cache.ids,
        texts: cache.texts,
    })
}

/// Times history extraction (for the benchmark): returns the number of
/// document ids and versions found.
pub fn extract_counts(root: &Path) -> Result<(usize, usize), String> {
    let e = extract(root)?;
    Ok((e.ids.len(), e.ids.values().map(|h| h.versions.len()).sum()))
}

/// Does document kind `kind` have versions from git?
pub fn is_versioned(kind: Kind) -> bool {
    kind.is_governing() || kind == Kind::Module
}

/// The older versions of every published governing document and module of `site`.
pub fn load(site: &Site) -> History {
    let extracted = match extract(&site.root) {
        Ok(e) => e,
        Err(why) => {
            return History {
                docs: HashMap::new(),
                note: Some(format!(
                    "no older document versions: {why}; only current versions are published"
                )),
            }
        }
    };
    let docs: Vec<usize> = site
        .published_docs()
        .filter(|&i| is_versioned(site.docs[i].kind.tag()) && !site.docs[i].is_section)
        .collect();
    let docs = docs
        .into_par_iter()
        .filter_map(|i| {
            let id = site.docs[i].id.as_deref()?;
            let h = doc_history(site, i, extracted.ids.get(id)?, &extracted.texts)?;
            Some((i, h))
        })
        .collect();
    History { docs, note: None }
}

/// Is this historical file publishable as an older version of `current`?
/// A governing document's older versions are governing documents (its
/// type may have changed), a module's are modules.
fn publishable(site: &Site, current: &Document, old: &Document) -> bool {
    let same_family = if current.kind == Kind::Module {
        old.kind == Kind::Module
    } else {
        old.kind.is_governing()
    };
    same_family
        && old.id == current.id
        && !old.status.is_unapproved()
        && old.classification <= site.config.max_classification
        && old
            .version
            .is_some_and(|v| current.version.is_some_and(|c| v < c))
}

fn commit_day(seconds: i64) -> Option<Date> {
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive())
}

fn effective(doc: &Document) -> Option<Date> {
    let g = doc.kind.governing()?;
    g.effective_from.or(g.approved_on)
}

fn doc_history(
    site: &Site,
    i: usize,
    h: &walk::IdHistory,
    texts: &HashMap<String, String>,
) -> Option<DocHistory> {
    let current = &site.docs[i];
    // Restricted in any version: nothing of the past is published.
    if h.max_classification > site.config.max_classification {
        return None;
    }
    let mut by_version: BTreeMap<Version, OldVersion> = BTreeMap::new();
    for rec in &h.versions {
        let Some(state) = &rec.approved else { continue };
        let Some(text) = texts.get(&state.blob) else {
            continue;
        };
        let source_path = format!("content/{}", state.path);
        let (doc, _) = crate::document::parse(&source_path, &state.path, text.clone());
        let Some(doc) = doc.filter(|d| publishable(site, current, d)) else {
            continue;
        };
        let commit_day = commit_day(rec.approved_seconds.unwrap_or(rec.seconds));
        by_version.insert(
            doc.version?,
            OldVersion {
                scan: markdown::scan(doc.body()),
                valid_from: effective(&doc).or(commit_day),
                valid_to: None,
                commit: rec.commit.clone(),
                doc,
            },
        );
    }
    if by_version.is_empty() {
        return None;
    }
    let mut old: Vec<OldVersion> = by_version.into_values().collect();
    // A module has no dates of its own: its versions count from their
    // first commit, as does a current version that lacks them.
    let current_from = effective(current).or_else(|| {
        h.versions
            .iter()
            .find(|rec| Some(rec.version) == current.version)
            .and_then(|rec| rec.approved_seconds)
            .and_then(commit_day)
    });
    // A version ends when the next one starts, or earlier by its own
    // `valid_until` or `retired_on` (as in the in-force record).
    let mut next = current_from;
    for v in old.iter_mut().rev() {
        v.valid_to = match record::own_end(&v.doc) {
            record::End::On(end) => Some(next.map_or(end, |n| n.min(end))),
            _ => next,
        };
        next = v.valid_from;
    }
    Some(DocHistory { old, current_from })
}
