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

use super::diff::{self, DiffLabels};
use super::plumbing::{script_json, Rendered};
use super::renderer::Renderer;
use super::views::{self, Crumb, PageView, VersionRow};
use crate::diagnostics::Diagnostic;
use crate::history::{DocHistory, OldVersion};
use crate::markdown;
use crate::model::{Date, Document};
use crate::output::Staging;
use crate::site::Site;
use rayon::prelude::*;
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

fn render_old(site: &Site, v: &OldVersion) -> String {
    let hrefs = crate::site::lenient_hrefs(site, &v.doc, &v.scan);
    let html = markdown::render(v.doc.body(), &v.scan, &hrefs);
    super::soa::with_entries(site, &v.doc, html)
}

/// `page` for a version or changes page.
#[derive(Serialize)]
struct VersionPage {
    title: String,
    url: String,
    permalink: String,
    kind: &'static str,
    kind_label: String,
    summary: String,
    status: &'static str,
    breadcrumbs: Vec<Crumb>,
    content: String,
    toc: Vec<markdown::Heading>,
}

fn version_page(
    r: &Renderer,
    i: usize,
    path: &str,
    title: String,
    crumbs: Vec<Crumb>,
) -> VersionPage {
    generated_page(r, r.site.docs[i].kind.as_str(), path, title, crumbs)
}

fn generated_page(
    r: &Renderer,
    kind: &'static str,
    path: &str,
    title: String,
    crumbs: Vec<Crumb>,
) -> VersionPage {
    let site = r.site;
    VersionPage {
        title,
        url: site.config.url(path),
        permalink: site.config.permalink(path),
        kind,
        kind_label: r.labels.get(&format!("kind_{kind}")),
        summary: String::new(),
        status: "old",
        breadcrumbs: crumbs,
        content: String::new(),
        toc: Vec::new(),
    }
}

/// `version` in `version.html`.
#[derive(Serialize)]
struct OldView {
    id: String,
    version: String,
    row: VersionRow,
    valid_from: String,
    valid_to: String,
    current_version: String,
    current_url: String,
    current_title: String,
    /// Set for an older version of a training module.
    module: Option<OldModule>,
}

/// What an older module version's page says besides its text.
#[derive(Serialize)]
struct OldModule {
    /// Minutes, as that version said.
    duration: Option<u32>,
    /// The current version's quiz (empty when it has none): the quiz
    /// belongs to the current version only.
    quiz_url: String,
}

/// `diff` in `changes.html`.
#[derive(Serialize)]
struct DiffView {
    id: String,
    from_version: String,
    from_url: String,
    to_version: String,
    to_url: String,
    to_changes: String,
    html: String,
    changed: bool,
    /// On a page of changes since an older version: every version after
    /// it, oldest first (empty on a page of changes from one version to
    /// the next).
    steps: Vec<DiffStep>,
}

/// A version between the two a changes page compares.
#[derive(Serialize)]
struct DiffStep {
    version: String,
    url: String,
    changes: String,
    diff_url: String,
}

/// Every older version's page, every changes page, and at `v<current>/` a
/// redirect to the current page (so version links stay stable).
pub fn older_versions(r: &Renderer, staging: &Staging) -> Rendered {
    let Some(history) = r.history else {
        return Ok(0);
    };
    let mut docs: Vec<(&usize, &DocHistory)> = history.docs.iter().collect();
    docs.sort_by_key(|(i, _)| **i);
    let results: Vec<Result<usize, Diagnostic>> = docs
        .par_iter()
        .map(|&(&i, h)| one_document(r, staging, i, h))
        .collect();
    let mut pages = 0;
    let mut errors = Vec::new();
    for res in results {
        match res {
            Ok(n) => pages += n,
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}

fn one_document(
    r: &Renderer,
    staging: &Staging,
    i: usize,
    h: &DocHistory,
) -> Result<usize, Diagnostic> {
    let site = r.site;
    let doc = &site.docs[i];
    let mut crumbs = views::breadcrumbs(site, i);
    crumbs.push(Crumb {
        title: doc.title.clone(),
        url: site.url(i),
    });
    let mut texts = Vec::with_capacity(h.old.len() + 1);
    for (k, v) in h.old.iter().enumerate() {
        texts.push(old_page(r, staging, i, k, v, &crumbs)?);
    }
    let current = markdown::render(doc.body(), &site.scans[i], &site.hrefs[i]);
    let current = super::soa::with_entries(site, doc, current);
    texts.push(diff::html_to_text(&current));
    let changes = changes_pages(r, staging, i, h, &texts, &crumbs)?;
    let since = if doc.kind.is_governing() {
        since_pages(r, staging, i, h, &texts, &crumbs)?
    } else {
        0
    };
    // `v<current>/` leads to the current page until a newer version exists.
    let path = version_path(site, i, &version_of(doc));
    let mut ctx = r.context("");
    ctx.insert("target", &site.config.permalink(&doc.url_path));
    ctx.insert(
        "page",
        &version_page(r, i, &path, doc.title.clone(), Vec::new()),
    );
    let out = r.render("alias.html", &ctx, &doc.source_path)?;
    staging.write(&format!("{path}index.html"), out.as_bytes())?;
    Ok(h.old.len() + changes + since)
}

/// The page of older version `k` of document `i`; returns its text for
/// the changes pages.
fn old_page(
    r: &Renderer,
    staging: &Staging,
    i: usize,
    k: usize,
    v: &OldVersion,
    crumbs: &[Crumb],
) -> Result<String, Diagnostic> {
    let site = r.site;
    let doc = &site.docs[i];
    let html = render_old(site, v);
    let text = diff::html_to_text(&html);
    let ver = version_of(&v.doc);
    let path = version_path(site, i, &ver);
    let mut page = version_page(r, i, &path, v.doc.title.clone(), crumbs.to_vec());
    page.toc = markdown::toc(&v.scan.headings);
    page.content = html;
    let diff_url = if k > 0 {
        site.config.url(&changes_path(site, i, &ver))
    } else {
        String::new()
    };
    let module = v.doc.kind.module().map(|m| OldModule {
        duration: m.duration,
        quiz_url: if super::training::quiz_data(site, i).is_some() {
            format!("{}#quiz", site.url(i))
        } else {
            String::new()
        },
    });
    let view = OldView {
        module,
        id: doc.id.clone().unwrap_or_default(),
        version: ver,
        row: row(
            &v.doc,
            page.url.clone(),
            diff_url,
            v.valid_from,
            v.valid_to,
            super::pdfs::old_url(site, i, v),
        ),
        valid_from: date(v.valid_from),
        valid_to: date(v.valid_to),
        current_version: version_of(doc),
        current_url: site.url(i),
        current_title: doc.title.clone(),
    };
    let mut ctx = r.context(&page.url);
    ctx.insert("page", &page);
    ctx.insert("version", &view);
    let out = r.render("version.html", &ctx, &doc.source_path)?;
    staging.write(&format!("{path}index.html"), out.as_bytes())?;
    Ok(text)
}

/// A changes page for every version after the first: `texts[k]` is the
/// text of version `k` (the last one is the current version).
fn changes_pages(
    r: &Renderer,
    staging: &Staging,
    i: usize,
    h: &DocHistory,
    texts: &[String],
    crumbs: &[Crumb],
) -> Result<usize, Diagnostic> {
    let site = r.site;
    let doc = &site.docs[i];
    let docs: Vec<&Document> = h.old.iter().map(|v| &v.doc).chain([doc]).collect();
    let url = |k: usize| {
        if k + 1 == docs.len() {
            site.url(i)
        } else {
            let path = version_path(site, i, &version_of(docs[k]));
            site.config.url(&path)
        }
    };
    let labels = DiffLabels {
        added: &r.labels.get("diff_added"),
        removed: &r.labels.get("diff_removed"),
    };
    for k in 1..docs.len() {
        let (html, changed) = diff::word_diff(&texts[k - 1], &texts[k], &labels);
        let view = DiffView {
            id: doc.id.clone().unwrap_or_default(),
            from_version: version_of(docs[k - 1]),
            from_url: url(k - 1),
            to_version: version_of(docs[k]),
            to_url: url(k),
            to_changes: docs[k]
                .kind
                .governing()
                .map(|g| g.changes.clone())
                .unwrap_or_default(),
            html,
            changed,
            steps: Vec::new(),
        };
        let path = changes_path(site, i, &view.to_version);
        let title = format!("{} – {}", r.labels.get("diff_heading"), doc.title);
        let page = version_page(r, i, &path, title, crumbs.to_vec());
        let mut ctx = r.context(&page.url);
        ctx.insert("page", &page);
        ctx.insert("diff", &view);
        let out = r.render("changes.html", &ctx, &doc.source_path)?;
        staging.write(&format!("{path}index.html"), out.as_bytes())?;
    }
    Ok(docs.len() - 1)
}

/// For every older version but the newest, the changes from it to the
/// current version (`texts` as for `changes_pages`): one page per older
/// version, so a document with n versions gets at most n − 2 of them.
fn since_pages(
    r: &Renderer,
    staging: &Staging,
    i: usize,
    h: &DocHistory,
    texts: &[String],
    crumbs: &[Crumb],
) -> Result<usize, Diagnostic> {
    let site = r.site;
    let doc = &site.docs[i];
    let Some(current_text) = texts.last() else {
        return Ok(0);
    };
    let labels = DiffLabels {
        added: &r.labels.get("diff_added"),
        removed: &r.labels.get("diff_removed"),
    };
    let n = h.old.len();
    let step = |k: usize| {
        let (d, url) = match h.old.get(k) {
            Some(v) => (
                &v.doc,
                site.config.url(&version_path(site, i, &version_of(&v.doc))),
            ),
            None => (doc, site.url(i)),
        };
        let version = version_of(d);
        DiffStep {
            diff_url: site.config.url(&changes_path(site, i, &version)),
            changes: d
                .kind
                .governing()
                .map(|g| g.changes.clone())
                .unwrap_or_default(),
            version,
            url,
        }
    };
    let mut written = 0;
    // The newest older version is left out: its changes page into the
    // current version is the same diff.
    for (k, (old, text)) in h
        .old
        .iter()
        .zip(texts)
        .enumerate()
        .take(n.saturating_sub(1))
    {
        let from = &old.doc;
        let (html, changed) = diff::word_diff(text, current_text, &labels);
        let from_version = version_of(from);
        let view = DiffView {
            id: doc.id.clone().unwrap_or_default(),
            from_url: site.config.url(&version_path(site, i, &from_version)),
            to_version: version_of(doc),
            to_url: site.url(i),
            to_changes: String::new(),
            html,
            changed,
            steps: (k + 1..=n).map(step).collect(),
            from_version,
        };
        let path = since_path(site, i, &view.from_version);
        let title = format!(
            "{} – {}",
            r.labels
                .get("diff_since_heading")
                .replace("{version}", &view.from_version),
            doc.title
        );
        let page = version_page(r, i, &path, title, crumbs.to_vec());
        let mut ctx = r.context(&page.url);
        ctx.insert("page", &page);
        ctx.insert("diff", &view);
        let out = r.render("changes.html", &ctx, &doc.source_path)?;
        staging.write(&format!("{path}index.html"), out.as_bytes())?;
        written += 1;
    }
    Ok(written)
}
