//! Pages from git history (SPEC §5): each older version of a governing
//! document or training module at `<doc>/vV/` with a banner naming the
//! current version, the word-level changes between each version and the
//! one before at `<doc>/vV/andringar/`, for a governing document the
//! changes from each older version to the current one at
//! `<doc>/andringar-sedan/vV/` (what a reader who confirmed that version
//! should read). The point-in-time page `gallande/` is `render::in_force`.
//! Only versions that `history` let through (approved, never restricted)
//! reach this module. An older module version is for reading what it said:
//! its page has no quiz, only a pointer to the current version's.
//!
//! This file makes the version table and the "since you read it" data of
//! the current pages; [`old_pages`] writes the pages of older versions.

mod old_pages;

pub use old_pages::older_versions;

use super::plumbing::script_json;
use super::renderer::Renderer;
use super::views::{PageView, VersionRow};
use crate::history::OldVersion;
use crate::model::{Date, Document};
use crate::site::Site;
use serde::Serialize;

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn version_of(doc: &Document) -> String {
    doc.version.map(|v| v.to_string()).unwrap_or_default()
}

/// Site path of version `v` of document `i`, and of its changes page.
fn version_path(site: &Site, i: usize, v: &str) -> String {
    format!("{}v{v}/", site.docs[i].url_path)
}

fn changes_path(site: &Site, i: usize, v: &str) -> String {
    format!("{}andringar/", version_path(site, i, v))
}

/// Site path of the changes from older version `v` of document `i` to its
/// current version (written for every older version but the newest, whose
/// changes page into the current version says the same).
fn since_path(site: &Site, i: usize, v: &str) -> String {
    format!("{}andringar-sedan/v{v}/", site.docs[i].url_path)
}

/// A version's row; `valid_from` stands in for dates the file lacks (a
/// module's versions count from their first commit).
fn row(
    doc: &Document,
    url: String,
    diff_url: String,
    valid_from: Option<Date>,
    valid_to: Option<Date>,
    pdf_url: String,
) -> VersionRow {
    let g = doc.kind.governing().cloned().unwrap_or_default();
    VersionRow {
        version: version_of(doc),
        approved_on: date(g.approved_on),
        approved_by: g.approved_by,
        effective_from: date(g.effective_from.or(g.approved_on).or(valid_from)),
        valid_to: date(valid_to),
        changes: g.changes,
        url,
        diff_url,
        pdf_url,
        current: false,
        editorial: g.acknowledge == Some(false),
    }
}

/// The version-history table of document `i`, newest first.
pub fn rows(r: &Renderer, i: usize) -> Vec<VersionRow> {
    let site = r.site;
    let doc = &site.docs[i];
    let hist = r.history.and_then(|h| h.of(i));
    let old: &[OldVersion] = hist.map_or(&[], |h| h.old.as_slice());
    let diff_url = if old.is_empty() {
        String::new()
    } else {
        site.config.url(&changes_path(site, i, &version_of(doc)))
    };
    let current_from = hist.and_then(|h| h.current_from);
    let mut out = vec![VersionRow {
        current: true,
        ..row(
            doc,
            site.url(i),
            diff_url,
            current_from,
            None,
            super::pdfs::current_url(site, i),
        )
    }];
    for (k, v) in old.iter().enumerate().rev() {
        let ver = version_of(&v.doc);
        let diff_url = if k > 0 {
            site.config.url(&changes_path(site, i, &ver))
        } else {
            String::new()
        };
        let url = site.config.url(&version_path(site, i, &ver));
        let pdf_url = super::pdfs::old_url(site, i, v);
        out.push(row(
            &v.doc,
            url,
            diff_url,
            v.valid_from,
            v.valid_to,
            pdf_url,
        ));
    }
    // Versions from before the repository: only those older than git's.
    let oldest = old.first().and_then(|v| v.doc.version).or(doc.version);
    if let Some(g) = doc.kind.governing() {
        let mut before: Vec<&crate::model::HistoryEntry> = g
            .history
            .iter()
            .filter(|h| {
                let v = crate::model::Version::parse(&h.version);
                v.is_none() || v < oldest
            })
            .collect();
        before.sort_by_key(|h| std::cmp::Reverse(crate::model::Version::parse(&h.version)));
        out.extend(before.into_iter().map(|h| VersionRow {
            version: h.version.clone(),
            approved_on: h.date.clone(),
            approved_by: h.approved_by.clone(),
            effective_from: h.date.clone(),
            valid_to: String::new(),
            changes: h.changes.clone(),
            url: String::new(),
            diff_url: String::new(),
            pdf_url: String::new(),
            current: false,
            editorial: false,
        }));
    }
    out
}

/// The version a read receipt must be for (or newer) to count for document
/// `i`: the newest version that is not an editorial change (`rows` newest
/// first, as [`rows`] gives them), else the oldest known.
pub fn acknowledged_version(rows: &[VersionRow]) -> String {
    rows.iter()
        .find(|v| !v.editorial)
        .or(rows.last())
        .map(|v| v.version.clone())
        .unwrap_or_default()
}

/// Gives `r` the site's history from git, and with it the versions read
/// receipts must be for when a current version is an editorial change.
pub fn with_history<'a>(r: &mut Renderer<'a>, history: &'a crate::history::History) {
    r.set_history(history);
    let ack = acknowledged_versions(r);
    r.set_acknowledged(&ack);
}

/// Governing documents whose current version is an editorial change, with
/// the version a receipt must be for ([`acknowledged_version`]).
fn acknowledged_versions(r: &Renderer) -> std::collections::BTreeMap<String, String> {
    let site = r.site;
    site.published_docs()
        .filter(|&i| {
            site.docs[i]
                .kind
                .governing()
                .is_some_and(|g| g.acknowledge == Some(false))
        })
        .filter_map(|i| {
            let id = site.docs[i].id.clone()?;
            Some((id, acknowledged_version(&rows(r, i))))
        })
        .collect()
}

/// Fills in what `render::versions` adds to a content page: the version
/// table of a governing document or module, and a governing document's
/// data for "what changed since you read it".
pub fn fill_page(r: &Renderer, i: usize, page: &mut PageView) {
    let rows = rows(r, i);
    if let Some(d) = page.doc.as_mut() {
        d.since_read = since_read_json(r, i, &rows);
        d.versions = rows;
    } else if let Some(m) = page.module.as_mut() {
        m.versions = rows;
    }
}

/// One version in the "since you read it" data, oldest first.
#[derive(Serialize)]
struct SinceStep {
    version: String,
    approved_on: String,
    changes: String,
    /// The changes page from the version before (empty for the first).
    diff_url: String,
    /// The changes from this version to the current one (empty for the
    /// current version).
    since_url: String,
}

/// What `training.js` reads to tell a reader whose receipt is for an older
/// version what changed since: the current version and every published
/// version from git (rows of `rows`, so nothing unpublished), with the
/// changes pages to link to.
#[derive(Serialize)]
struct SinceRead {
    id: String,
    version: String,
    versions: Vec<SinceStep>,
}

fn since_read_json(r: &Renderer, i: usize, rows: &[VersionRow]) -> String {
    let site = r.site;
    let doc = &site.docs[i];
    // Versions with a page (the current one and those from git), oldest first.
    let git: Vec<&VersionRow> = rows.iter().rev().filter(|v| !v.url.is_empty()).collect();
    let current_diff = rows.first().map(|c| c.diff_url.clone()).unwrap_or_default();
    let n = git.len();
    let versions = git
        .iter()
        .enumerate()
        .map(|(k, v)| SinceStep {
            version: v.version.clone(),
            approved_on: v.approved_on.clone(),
            changes: v.changes.clone(),
            diff_url: v.diff_url.clone(),
            since_url: if v.current {
                String::new()
            } else if k + 2 == n {
                current_diff.clone()
            } else {
                site.config.url(&since_path(site, i, &v.version))
            },
        })
        .collect();
    script_json(&SinceRead {
        id: doc.id.clone().unwrap_or_default(),
        version: version_of(doc),
        versions,
    })
}
