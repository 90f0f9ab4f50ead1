//! The pages of older versions: each version's text as it was
//! (`v/1.0/`), its changes from the version before (`andringar/1.1/`) and
//! the changes since it up to today's (`sedan/1.0/`).

use super::{changes_path, date, row, since_path, version_of, version_path};
use crate::diagnostics::Diagnostic;
use crate::history::{DocHistory, OldVersion};
use crate::markdown;
use crate::model::Document;
use crate::output::Staging;
use crate::render::diff::{self, DiffLabels};
use crate::render::plumbing::Rendered;
use crate::render::renderer::Renderer;
use crate::render::views::{self, Crumb, VersionRow};
use crate::site::Site;
use rayon::prelude::*;
use serde::Serialize;

fn render_old(site: &Site, v: &OldVersion) -> String {
    let hrefs = crate::site::lenient_hrefs(site, &v.doc, &v.scan);
    let html = markdown::render(v.doc.body(), &v.scan, &hrefs);
    crate::render::soa::with_entries(site, &v.doc, html)
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
    let current = crate::render::soa::with_entries(site, doc, current);
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
        quiz_url: if crate::render::training::quiz_data(site, i).is_some() {
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
            crate::render::pdfs::old_url(site, i, v),
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
