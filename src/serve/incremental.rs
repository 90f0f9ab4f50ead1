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
    /// A front-matter edit is pending: lists and reading lists need redrawing.
    pending_lists: bool,
    /// The last full re-link failed: the next partial must re-link all.
    needs_relink: bool,
}

/// A document read again: its index in the site and its new version.
type Fresh = Vec<(usize, Document, crate::markdown::Scan)>;

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            built: None,
            pending_docs: BTreeSet::new(),
            pending_pages: BTreeSet::new(),
            pending_roles: BTreeSet::new(),
            pending_lists: false,
            needs_relink: false,
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

    /// Was `rel` (root-relative) a document or asset of the last build?
    pub fn had(&self, rel: &str) -> bool {
        let Some((site, _)) = &self.built else {
            return false;
        };
        let content_path = rel.strip_prefix("content/").unwrap_or(rel);
        site.by_content_path(content_path).is_some() || site.assets.iter().any(|a| a == rel)
    }

    fn clear_pending(&mut self) {
        self.pending_docs.clear();
        self.pending_pages.clear();
        self.pending_roles.clear();
        self.pending_lists = false;
        self.needs_relink = false;
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
                self.clear_pending();
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
        let Some((mut site, theme)) = self.built.take() else {
            return self.full();
        };
        if !assets.iter().all(|a| site.assets.contains(a)) {
            return self.full();
        }
        self.pending_docs.extend(documents.iter().cloned());
        let fresh = match self.read_pending(&site) {
            Some(Ok(fresh)) => fresh,
            Some(Err(errors)) => {
                self.built = Some((site, theme));
                return Outcome::Failed(errors);
            }
            None => return self.full(),
        };
        let body_only = !self.needs_relink
            && fresh
                .iter()
                .all(|(i, doc, _)| front_matter(&site.docs[*i]) == front_matter(doc));
        let diags = if body_only {
            let mut diags = Diagnostics::default();
            for (i, doc, scan) in fresh {
                diags.extend(site.replace_body(i, doc, scan));
            }
            diags
        } else {
            self.pending_lists = true;
            let (relinked, diags) = self.relink(site, fresh);
            site = relinked;
            self.needs_relink = diags.has_errors();
            diags
        };
        if diags.has_errors() {
            self.built = Some((site, theme));
            return Outcome::Failed(diags);
        }
        let outcome = self.render(&site, &theme, assets, diags, started);
        self.built = Some((site, theme));
        outcome
    }

    /// Reads every pending document again. `None` when one of them changed
    /// shape (or vanished): a full build is needed.
    fn read_pending(&self, site: &Site) -> Option<Result<Fresh, Diagnostics>> {
        let mut fresh = Vec::new();
        let mut errors = Diagnostics::default();
        for rel in &self.pending_docs {
            let content_path = rel.strip_prefix("content/").unwrap_or(rel);
            let i = site.by_content_path(content_path)?;
            let (doc, diags) = site::read_document(&self.options.root, rel);
            errors.extend(diags);
            if let Some((doc, scan)) = doc {
                if !same_shape(&site.docs[i], &doc) {
                    return None;
                }
                fresh.push((i, doc, scan));
            }
        }
        errors.sort();
        Some(if errors.has_errors() {
            Err(errors)
        } else {
            Ok(fresh)
        })
    }

    /// Puts the new versions in and re-links the whole site, remembering
    /// where the old versions were listed.
    fn relink(&mut self, site: Site, fresh: Fresh) -> (Site, Diagnostics) {
        for (i, _, _) in &fresh {
            let old = &site.docs[*i];
            self.pending_pages.insert(old.content_path.clone());
            self.pending_roles.extend(old.roles.iter().cloned());
            let parent = old.governing.as_ref().and_then(|g| g.parent.as_deref());
            if let Some(p) = parent.and_then(|p| site.by_id(p)) {
                self.pending_pages.insert(site.docs[p].content_path.clone());
            }
        }
        let mut parsed = site.into_parsed();
        for (i, doc, scan) in fresh {
            parsed.docs[i] = doc;
            parsed.scans[i] = scan;
        }
        site::link(parsed, &self.options.load_options())
    }

    /// Writes the affected pages and the edited assets into the live output.
    fn render(
        &mut self,
        site: &Site,
        theme: &Theme,
        assets: &BTreeSet<String>,
        diags: Diagnostics,
        started: Instant,
    ) -> Outcome {
        let affected = self.affected(site);
        let staging = Staging::live(&self.options.out_dir());
        let mut errors = Vec::new();
        for rel in assets {
            let target = rel.strip_prefix("content/").unwrap_or(rel);
            match std::fs::read(self.options.root.join(rel)) {
                Ok(bytes) => errors.extend(staging.write(target, &bytes).err()),
                Err(e) => errors.push(crate::diagnostics::Diagnostic::error(
                    rel.as_str(),
                    format!("cannot read: {e}"),
                )),
            }
        }
        let result = render::render_partial(site, theme, &staging, &affected);
        match result {
            Ok(pages) if errors.is_empty() => {
                self.clear_pending();
                Outcome::Built {
                    pages: pages + assets.len(),
                    elapsed: started.elapsed(),
                    partial: true,
                    warnings: diags,
                }
            }
            result => {
                let mut all = diags;
                all.extend(errors);
                all.extend(result.err().unwrap_or_default());
                all.sort();
                Outcome::Failed(all)
            }
        }
    }

    /// The pages and roles to re-render after the pending documents changed:
    /// for body edits only their own pages, for front-matter edits every
    /// page that lists or names them.
    fn affected(&self, site: &Site) -> Affected {
        let edited: Vec<usize> = self
            .pending_docs
            .iter()
            .filter_map(|rel| site.by_content_path(rel.strip_prefix("content/").unwrap_or(rel)))
            .collect();
        if !self.pending_lists {
            return Affected {
                docs: edited,
                roles: Vec::new(),
                lists: false,
            };
        }
        let mut docs = BTreeSet::new();
        let mut roles: BTreeSet<String> = self.pending_roles.clone();
        let earlier = self
            .pending_pages
            .iter()
            .filter_map(|p| site.by_content_path(p));
        for i in edited.iter().copied().chain(earlier) {
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
            lists: true,
        }
    }
}

/// The front matter as written (a body edit leaves it byte for byte).
fn front_matter(doc: &Document) -> &str {
    &doc.source[..doc.body_offset]
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
