//! The archival PDF of every published version of every published
//! governing document (SPEC §7, issue #20), unless `publish.pdf: false`:
//! the current version's at `<doc>/<id>-v<version>.pdf`, an older
//! version's next to its page at `<doc>/v<version>/<id>-v<version>.pdf`.
//! The pages link them ([`current_url`], [`old_url`]); this stage writes
//! them, in parallel, each one compiled only when its typst source is new
//! (see [`cache`]). Drafts, documents under review and restricted
//! documents never get here: only published documents and the versions
//! `history` let through do.

use super::plumbing::Rendered;
use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::history::OldVersion;
use crate::model::{Date, Document, Governing, Status};
use crate::output::Staging;
use crate::pdf::{self, Field, Header, Input, Links};
use crate::site::Site;
use rayon::prelude::*;

mod cache;

/// The file name of a version's PDF: `<id>-v<version>.pdf`.
fn file_name(doc: &Document) -> String {
    let id = doc
        .id
        .clone()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| {
            let path = doc.url_path.trim_end_matches('/');
            path.rsplit('/').next().unwrap_or("dokument").to_string()
        });
    match doc.version {
        Some(v) => format!("{id}-v{v}.pdf"),
        None => format!("{id}.pdf"),
    }
}

/// True when document `i` gets PDFs: a published, adopted governing
/// document (in force or retired, never a draft or one on review, not
/// even in a `--drafts` preview) on a site that has not turned them off.
pub(crate) fn has_pdf(site: &Site, i: usize) -> bool {
    let doc = &site.docs[i];
    site.config.pdf
        && site.published[i]
        && doc.kind.is_governing()
        && matches!(doc.status, Status::Active | Status::Retired)
}

fn current_path(site: &Site, i: usize) -> String {
    format!("{}{}", site.docs[i].url_path, file_name(&site.docs[i]))
}

fn old_path(site: &Site, i: usize, v: &OldVersion) -> String {
    let ver = v.doc.version.map(|v| v.to_string()).unwrap_or_default();
    format!("{}v{ver}/{}", site.docs[i].url_path, file_name(&v.doc))
}

/// The URL of the current version's PDF of document `i` (empty: none).
pub(crate) fn current_url(site: &Site, i: usize) -> String {
    if has_pdf(site, i) {
        site.config.url(&current_path(site, i))
    } else {
        String::new()
    }
}

/// The URL of an older version's PDF of document `i` (empty: none).
pub(crate) fn old_url(site: &Site, i: usize, v: &OldVersion) -> String {
    if has_pdf(site, i) {
        site.config.url(&old_path(site, i, v))
    } else {
        String::new()
    }
}

/// Stack for each PDF thread: typst's layout recurses deeply (in a debug
/// build a page of ordinary text overflows a default 2 MiB thread stack).
const STACK: usize = 64 << 20;

/// The threads PDFs are typeset on (typst's own parallel work runs there
/// too): as many as rayon's, with [`STACK`] each; `None` if they cannot be
/// started.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|k| format!("styrdok-pdf-{k}"))
            .stack_size(STACK)
            .build()
            .ok()
    })
    .as_ref()
}

/// One PDF to write: where, and its typst source.
struct Job {
    path: String,
    source_path: String,
    version: String,
    source: String,
}

/// Writes every PDF; returns 0 (they are files, not pages).
pub fn pdfs(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    if !site.config.pdf {
        return Ok(0);
    }
    let docs: Vec<usize> = (0..site.docs.len()).filter(|&i| has_pdf(site, i)).collect();
    let jobs: Vec<Job> = docs.par_iter().flat_map_iter(|&i| jobs_of(r, i)).collect();
    let store = cache::Store::open(&site.root);
    let make = |job: &Job| -> Result<String, Diagnostic> {
        let (key, bytes) = store
            .get_or_make(&job.source, || pdf::compile(job.source.clone()))
            .map_err(|e| {
                Diagnostic::error(
                    &job.source_path,
                    t!(
                        "cannot make the PDF of version {version}: {e}",
                        version = job.version,
                        e
                    ),
                )
            })?;
        staging.write(&job.path, &bytes)?;
        Ok(key)
    };
    let Some(pool) = pool() else {
        return Err(vec![Diagnostic::error(
            crate::model::CONFIG_FILE,
            t!("cannot make the PDFs: no threads could be started for them"),
        )]);
    };
    let results: Vec<Result<String, Diagnostic>> =
        pool.install(|| jobs.par_iter().map(make).collect());
    let mut errors = Vec::new();
    let mut used = Vec::with_capacity(results.len());
    for res in results {
        match res {
            Ok(key) => used.push(key),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        store.keep_only(&used);
        Ok(0)
    } else {
        Err(errors)
    }
}

/// The PDFs of document `i`: its current version and every older one.
fn jobs_of(r: &Renderer, i: usize) -> Vec<Job> {
    let site = r.site;
    let doc = &site.docs[i];
    let absolute = |u: &str| absolute_url(site, u);
    let mut jobs = Vec::new();
    let status = r.labels.get(&format!("status_{}", site.shown_status(i)));
    let input = Input {
        header: header(r, i, doc, &doc.url_path, status, String::new(), None),
        body: doc.body(),
        links: Links {
            scan: &site.scans[i],
            hrefs: &site.hrefs[i],
            absolute: &absolute,
        },
    };
    jobs.push(Job {
        path: current_path(site, i),
        source_path: doc.source_path.clone(),
        version: doc.version.map(|v| v.to_string()).unwrap_or_default(),
        source: pdf::source(&input),
    });
    let old = r
        .history
        .and_then(|h| h.of(i))
        .map_or(&[][..], |h| &h.old[..]);
    for v in old {
        let hrefs = crate::site::lenient_hrefs(site, &v.doc, &v.scan);
        let status = r.labels.get("pdf_status_superseded");
        let note = old_note(r, i, v);
        let ver = v.doc.version.map(|v| v.to_string()).unwrap_or_default();
        let page = format!("{}v{ver}/", doc.url_path);
        let input = Input {
            header: header(r, i, &v.doc, &page, status, note, v.valid_from),
            body: v.doc.body(),
            links: Links {
                scan: &v.scan,
                hrefs: &hrefs,
                absolute: &absolute,
            },
        };
        jobs.push(Job {
            path: old_path(site, i, v),
            source_path: doc.source_path.clone(),
            version: v.doc.version.map(|v| v.to_string()).unwrap_or_default(),
            source: pdf::source(&input),
        });
    }
    jobs
}

/// An address a PDF reader can follow, or `None` (the text stays, the
/// link goes): web and mail addresses as they are, the site's own pages
/// only when the site has an absolute `base_url`.
fn absolute_url(site: &Site, url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        return Some(url.to_string());
    }
    let base = &site.config.base_url;
    if !(base.starts_with("https://") || base.starts_with("http://")) {
        return None;
    }
    url.strip_prefix(site.config.root.as_str())
        .map(|rest| format!("{base}{rest}"))
}

/// "Äldre version – gällde från … till …; gällande version är …".
fn old_note(r: &Renderer, i: usize, v: &OldVersion) -> String {
    let l = |k: &str| r.labels.get(k);
    let current = r.site.docs[i]
        .version
        .map(|v| v.to_string())
        .unwrap_or_default();
    let mut note = l("version_old");
    if let Some(from) = v.valid_from {
        note.push_str(&format!(" – {} {from}", l("version_valid_from")));
        if let Some(to) = v.valid_to {
            note.push_str(&format!(" {} {to}", l("version_valid_to")));
        }
    }
    note.push_str(&format!("; {} {current}.", l("version_current_is")));
    note
}

/// The header of a PDF of `doc` (document `i` or an older version of it).
fn header(
    r: &Renderer,
    i: usize,
    doc: &Document,
    page_path: &str,
    status_label: String,
    note: String,
    valid_from: Option<Date>,
) -> Header {
    let site = r.site;
    let l = |k: &str| r.labels.get(k);
    let g: Governing = doc.kind.governing().cloned().unwrap_or_default();
    let version = doc.version.map(|v| v.to_string()).unwrap_or_default();
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let is_current = note.is_empty();
    let mut fields = vec![
        (l("meta_id"), doc.id.clone().unwrap_or_default()),
        (l("meta_version"), version.clone()),
        (l("meta_status"), status_label.clone()),
        (l("meta_record_number"), g.record_number.clone()),
        (l("meta_approved_by"), g.approved_by.clone()),
        (l("meta_approved_on"), date(g.approved_on)),
        (
            l("meta_effective_from"),
            date(g.effective_from.or(g.approved_on).or(valid_from)),
        ),
    ];
    if is_current {
        fields.push((l("meta_valid_until"), date(g.valid_until)));
        if site.shown_status(i) == "retired" {
            fields.push((l("meta_retired_on"), date(g.retired_on)));
        }
    }
    let owner = match g.owner_contact.as_str() {
        "" => g.owner.clone(),
        c if g.owner.is_empty() => c.to_string(),
        c => format!("{} ({c})", g.owner),
    };
    fields.push((l("meta_owner"), owner));
    if site.config.base_url.starts_with("http") {
        fields.push((l("pdf_web_page"), site.config.permalink(page_path)));
    }
    Header {
        language: site.config.language.as_str().to_string(),
        organisation: site.config.organisation.clone(),
        kind_label: l(&format!("kind_{}", doc.kind.as_str())),
        title: doc.title.clone(),
        id: doc.id.clone().unwrap_or_default(),
        version,
        version_label: l("meta_version"),
        status_label,
        owner: g.owner,
        date: g.approved_on.or(g.effective_from).or(valid_from),
        fields: fields
            .into_iter()
            .map(|(label, value)| Field { label, value })
            .collect(),
        note,
        page_label: l("pdf_page"),
    }
}
