//! Rebuilds for `serve`. A full build is the ordinary atomic `build`; a
//! partial one re-reads only the edited documents, re-links and re-validates
//! the whole site in memory (cheap: nothing is read from disk or rendered),
//! and re-renders only the pages that show the edited documents: their own,
//! their parents and children, documents that list or link to them by
//! title, the section lists above them, the start page, the feed, and the
//! reading lists of their roles. Anything that changes the site's shape —
//! a new, deleted or renamed file, a changed id, type, status,
//! classification or alias, an edited section page — falls back to a full
//! build.

use crate::diagnostics::Diagnostics;
use crate::markdown::Href;
use crate::model::Document;
use crate::output::Staging;
use crate::render::{self, Affected};
use crate::site::{self, Site};
use crate::theme::Theme;
use crate::BuildOptions;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// What a rebuild did.
#[derive(Debug)]
pub enum Outcome {
    Built {
        pages: usize,
        elapsed: Duration,
        partial: bool,
        warnings: Diagnostics,
    },
    Failed(Diagnostics),
}

/// The site as last linked, and what still needs re-rendering after
/// partial rebuilds that failed.
pub struct Session {
    options: BuildOptions,
    built: Option<(Site, Theme)>,
    /// Documents (root-relative) to read again on the next partial rebuild.
    pending_docs: BTreeSet<String>,
    /// Pages (content paths) and roles whose output is out of date.
    pending_pages: BTreeSet<String>,
    pending_roles: BTreeSet<String>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            built: None,
            pending_docs: BTreeSet::new(),
            pending_pages: BTreeSet::new(),
            pending_roles: BTreeSet::new(),
        }
    }

    /// Is `rel` (root-relative) a document of the current site that still
    /// exists? Only those can be rebuilt partially.
    pub fn knows(&self, rel: &str) -> bool {
        let Some((site, _)) = &self.built else {
            return false;
        };
        let content_path = rel.strip_prefix("content/").unwrap_or(rel);
        site.by_content_path(content_path).is_some() && self.options.root.join(rel).is_file()
    }

    /// The whole site, atomically.
    pub fn full(&mut self) -> Outcome {
        let progress = crate::progress::Progress::start("Building…");
        self.built = None;
        let result = crate::build_keeping(&self.options);
        progress.finish();
        match result {
            Ok((report, site, theme)) => {
                self.built = Some((site, theme));
                self.pending_docs.clear();
                self.pending_pages.clear();
                self.pending_roles.clear();
                Outcome::Built {
                    pages: report.pages,
                    elapsed: report.elapsed,
                    partial: false,
                    warnings: report.diagnostics,
                }
            }
            Err(diags) => Outcome::Failed(diags),
        }
    }

    /// Re-renders what depends on the edited `documents` and copies the
    /// edited `assets` (all root-relative).
    pub fn partial(&mut self, documents: &BTreeSet<String>, assets: &BTreeSet<String>) -> Outcome {
        let started = Instant::now();
        let Some((site, theme)) = self.built.take() else {
            return self.full();
        };
        let known_assets = assets.iter().all(|a| site.assets.contains(a));
        if !known_assets {
            return self.full();
        }
        self.pending_docs.extend(documents.iter().cloned());
        let mut parsed = site.into_parsed();
        let mut read_errors = Diagnostics::default();
        let to_read: Vec<String> = self.pending_docs.iter().cloned().collect();
        for rel in &to_read {
            let content_path = rel.strip_prefix("content/").unwrap_or(rel);
            let Some(i) = parsed
                .docs
                .iter()
                .position(|d| d.content_path == content_path)
            else {
                return self.full();
            };
            let (doc, diags) = site::read_document(&self.options.root, rel);
            read_errors.extend(diags);
            let Some((doc, scan)) = doc else { continue };
            if !same_shape(&parsed.docs[i], &doc) {
                return self.full();
            }
            // The old version's place in lists and reading lists must be
            // redrawn too, whatever the new one says.
            let old = &parsed.docs[i];
            self.pending_pages.insert(old.content_path.clone());
            self.pending_roles.extend(old.roles.iter().cloned());
            if let Some(p) = old.governing.as_ref().and_then(|g| g.parent.clone()) {
                if let Some(parent) = parsed.docs.iter().find(|d| d.id.as_deref() == Some(&p)) {
                    self.pending_pages.insert(parent.content_path.clone());
                }
            }
            parsed.docs[i] = doc;
            parsed.scans[i] = scan;
        }
        let (site, mut diags) = site::link(parsed, &self.options.load_options());
        diags.extend(read_errors);
        diags.sort();
        if diags.has_errors() {
            self.built = Some((site, theme));
            return Outcome::Failed(diags);
        }
        let affected = self.affected(&site);
        let staging = Staging::live(&self.options.out_dir());
        let mut copied = 0;
        for rel in assets {
            let target = rel.strip_prefix("content/").unwrap_or(rel);
            let bytes = std::fs::read(self.options.root.join(rel));
            match bytes.map(|b| staging.write(target, &b)) {
                Ok(Ok(())) => copied += 1,
                _ => return self.full(),
            }
        }
        let result = render::render_partial(&site, &theme, &staging, &affected);
        self.built = Some((site, theme));
        match result {
            Ok(pages) => {
                self.pending_docs.clear();
                self.pending_pages.clear();
                self.pending_roles.clear();
                Outcome::Built {
                    pages: pages + copied,
                    elapsed: started.elapsed(),
                    partial: true,
                    warnings: diags,
                }
            }
            Err(errors) => {
                let mut all = diags;
                all.extend(errors);
                all.sort();
                Outcome::Failed(all)
            }
        }
    }

    /// The pages and roles to re-render after the pending documents changed.
    fn affected(&self, site: &Site) -> Affected {
        let mut docs = BTreeSet::new();
        let mut roles: BTreeSet<String> = self.pending_roles.clone();
        for path in self.pending_pages.iter().chain(
            self.pending_docs
                .iter()
                .map(|rel| rel.strip_prefix("content/").unwrap_or(rel))
                .map(str::to_string)
                .collect::<Vec<_>>()
                .iter(),
        ) {
            let Some(i) = site.by_content_path(path) else {
                continue;
            };
            docs.extend(dependents(site, i));
            roles.extend(site.docs[i].roles.iter().cloned());
        }
        // A role reads what the roles it includes read.
        let cfg = &site.config;
        let all_roles = cfg
            .roles
            .iter()
            .filter(|r| roles.iter().any(|x| cfg.role_reads(&r.id, x)))
            .map(|r| r.id.clone())
            .collect();
        Affected {
            docs: docs.into_iter().collect(),
            roles: all_roles,
        }
    }
}

/// Edits that keep a document's address, identity and visibility can be
/// rebuilt partially; sections head every page below them (breadcrumbs,
/// navigation), so an edited section is a full build.
fn same_shape(old: &Document, new: &Document) -> bool {
    !old.is_section
        && !new.is_section
        && old.id == new.id
        && old.kind == new.kind
        && old.status == new.status
        && old.classification == new.classification
        && old.aliases == new.aliases
        && old.url_path == new.url_path
}

/// Document `i` and every page that shows something of it.
fn dependents(site: &Site, i: usize) -> Vec<usize> {
    let doc = &site.docs[i];
    let mut out = vec![i];
    if let Some(p) = doc.governing.as_ref().and_then(|g| g.parent.as_deref()) {
        out.extend(site.by_id(p));
    }
    out.extend_from_slice(site.children_of(i));
    // Section lists from the document's folder up to the start page.
    let mut dir = doc.content_dir().to_string();
    loop {
        out.extend(site.section_for_dir(&dir));
        match dir.rfind('/') {
            Some(at) => dir.truncate(at),
            None if !dir.is_empty() => dir.clear(),
            None => break,
        }
    }
    let url = site.url(i);
    for (j, other) in site.docs.iter().enumerate() {
        let lists_it = doc.id.as_deref().is_some_and(|id| names(other, id));
        let titled_link = site.hrefs[j]
            .iter()
            .any(|h| matches!(h, Href::Titled { url: u, .. } if u.split('#').next() == Some(&url)));
        if lists_it || titled_link {
            out.push(j);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Does `doc` list the document `id` in its metadata (documents to read,
/// modules, prerequisites, replaces)?
fn names(doc: &Document, id: &str) -> bool {
    let has = |list: &[String]| list.iter().any(|x| x == id);
    doc.module
        .as_ref()
        .is_some_and(|m| has(&m.documents) || has(&m.prerequisites))
        || doc
            .path
            .as_ref()
            .is_some_and(|p| has(&p.modules) || has(&p.documents))
        || doc.governing.as_ref().is_some_and(|g| has(&g.replaces))
}
