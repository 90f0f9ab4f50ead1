//! Rebuilds for `serve`. A full build is the ordinary atomic `build`; a
//! partial one re-reads only the edited documents, puts them into the site
//! in memory and re-validates what they can break (`Site::replace_body`,
//! `Site::replace_front_matter`), then re-renders, in two stages:
//!
//! 1. at once, before open pages are told to reload: the edited pages and,
//!    after a front-matter edit, every page that shows something of them —
//!    their parents and children, documents that list or link to them by
//!    title — and the reading lists of their roles;
//! 2. right after, in the background ([`super::deferred`]): everything that
//!    lists the whole site — section pages and the start page, `roller/`,
//!    the feed and sitemap, the governance views, version pages, alias
//!    pages and the search index.
//!
//! Anything that changes the site's shape — a new, deleted or renamed file,
//! a changed id, type, status, classification, version or alias, an edited
//! section page — falls back to a full build.

use super::deferred::{FollowUp, Job};
use crate::diagnostics::Diagnostics;
use crate::history::History;
use crate::markdown::Href;
use crate::model::Document;
use crate::output::Staging;
use crate::render::{pages, ItemCache, Renderer};
use crate::site::{self, Site};
use crate::theme::Theme;
use crate::BuildOptions;
use std::collections::BTreeSet;
use std::sync::Arc;
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

/// What the last successful build rendered.
struct Built {
    site: Site,
    theme: Arc<Theme>,
    history: Arc<History>,
    /// The theme's templates, compiled once per full build.
    templates: Arc<tera::Tera>,
    /// List entries, from the full build on; an edit drops the edited pages'.
    items: ItemCache,
}

/// The site as last built, what still needs re-rendering after partial
/// rebuilds that failed, and the background stage.
pub struct Session {
    options: BuildOptions,
    built: Option<Built>,
    /// Documents (root-relative) to read again on the next partial rebuild.
    pending_docs: BTreeSet<String>,
    /// Pages (content paths) and roles whose output is out of date.
    pending_pages: BTreeSet<String>,
    pending_roles: BTreeSet<String>,
    /// A front-matter edit is pending: lists and reading lists need redrawing.
    pending_lists: bool,
    /// The last partial rebuild failed validation: the next one checks the
    /// pending documents' front matter again even if only a body changed.
    needs_recheck: bool,
    /// A partial rebuild succeeded; its second stage is not handed on yet.
    follow_up_due: bool,
    follow_up: FollowUp,
}

/// A document read again: its index in the site and its new version.
type Fresh = Vec<(usize, Document, crate::markdown::Scan)>;

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            follow_up: FollowUp::start(options.out_dir()),
            options,
            built: None,
            pending_docs: BTreeSet::new(),
            pending_pages: BTreeSet::new(),
            pending_roles: BTreeSet::new(),
            pending_lists: false,
            needs_recheck: false,
            follow_up_due: false,
        }
    }

    /// Is `rel` (root-relative) a document of the current site that still
    /// exists? Only those can be rebuilt partially.
    pub fn knows(&self, rel: &str) -> bool {
        let Some(built) = &self.built else {
            return false;
        };
        let content_path = rel.strip_prefix("content/").unwrap_or(rel);
        built.site.by_content_path(content_path).is_some() && self.options.root.join(rel).is_file()
    }

    /// Was `rel` (root-relative) a document or asset of the last build?
    pub fn had(&self, rel: &str) -> bool {
        let Some(built) = &self.built else {
            return false;
        };
        let site = &built.site;
        let content_path = rel.strip_prefix("content/").unwrap_or(rel);
        site.by_content_path(content_path).is_some() || site.assets.iter().any(|a| a == rel)
    }

    fn clear_pending(&mut self) {
        self.pending_docs.clear();
        self.pending_pages.clear();
        self.pending_roles.clear();
        self.pending_lists = false;
        self.needs_recheck = false;
    }

    /// The whole site, atomically (after the background stage has stopped:
    /// it writes into the output that the build replaces).
    pub fn full(&mut self) -> Outcome {
        self.follow_up.cancel_and_wait();
        self.follow_up_due = false;
        let progress = crate::progress::Progress::start(t!("Building…"));
        self.built = None;
        let result = crate::build_keeping(&self.options);
        progress.finish();
        match result {
            Ok((report, kept)) => {
                let templates = match crate::render::compile_templates(&kept.site, &kept.theme) {
                    Ok(t) => t,
                    Err(errors) => {
                        let mut diags = Diagnostics::default();
                        diags.extend(errors);
                        return Outcome::Failed(diags);
                    }
                };
                self.built = Some(Built {
                    site: kept.site,
                    theme: Arc::new(kept.theme),
                    history: Arc::new(kept.history),
                    templates: Arc::new(templates),
                    items: kept.items,
                });
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
    /// edited `assets` (all root-relative): the first stage. Call
    /// [`Session::follow_up`] once open pages have been told.
    pub fn partial(&mut self, documents: &BTreeSet<String>, assets: &BTreeSet<String>) -> Outcome {
        let started = Instant::now();
        let timings = crate::Timings::from_env();
        let Some(mut built) = self.built.take() else {
            return self.full();
        };
        // The background stage of an earlier edit stops at its next step
        // instead of competing with this one; this edit's follows.
        self.follow_up.supersede();
        if !assets.iter().all(|a| built.site.assets.contains(a)) {
            return self.full();
        }
        self.pending_docs.extend(documents.iter().cloned());
        let fresh = match self.read_pending(&built.site) {
            Some(Ok(fresh)) => fresh,
            Some(Err(errors)) => {
                self.built = Some(built);
                self.needs_recheck = true;
                return Outcome::Failed(errors);
            }
            None => return self.full(),
        };
        timings.stage("partial: read");
        {
            let mut items = built.items.write().unwrap_or_else(|e| e.into_inner());
            for (i, _, _) in &fresh {
                items.remove(i);
            }
        }
        let site = &mut built.site;
        let body_only = !self.needs_recheck
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
            self.remember_listings(site, &fresh);
            site.replace_front_matter(fresh)
        };
        timings.stage("partial: validate");
        if diags.has_errors() {
            self.built = Some(built);
            self.needs_recheck = true;
            return Outcome::Failed(diags);
        }
        let outcome = self.render(&built, assets, diags, started);
        timings.stage("partial: render");
        self.built = Some(built);
        outcome
    }

    /// Hands the second stage of the last successful partial rebuild to the
    /// background (a copy of the site: the next edit changes this one).
    pub fn follow_up(&mut self) {
        if !std::mem::take(&mut self.follow_up_due) {
            return;
        }
        let Some(built) = &self.built else {
            return;
        };
        let timings = crate::Timings::from_env();
        let site = built.site.clone();
        timings.stage("follow-up: copy of the site");
        self.follow_up.submit(Job {
            site,
            theme: built.theme.clone(),
            history: built.history.clone(),
        });
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

    /// Before the new versions go in: where the old ones were listed (their
    /// parents' pages, their roles' reading lists) must be redrawn too.
    fn remember_listings(&mut self, site: &Site, fresh: &Fresh) {
        for (i, _, _) in fresh {
            let old = &site.docs[*i];
            self.pending_pages.insert(old.content_path.clone());
            self.pending_roles.extend(old.roles.iter().cloned());
            let parent = old.kind.governing().and_then(|g| g.parent.as_deref());
            if let Some(p) = parent.and_then(|p| site.by_id(p)) {
                self.pending_pages.insert(site.docs[p].content_path.clone());
            }
        }
    }

    /// Writes the first stage's pages and the edited assets into the live output.
    fn render(
        &mut self,
        built: &Built,
        assets: &BTreeSet<String>,
        diags: Diagnostics,
        started: Instant,
    ) -> Outcome {
        let site = &built.site;
        let (docs, roles) = self.affected(site);
        let staging = Staging::live(&self.options.out_dir());
        let mut errors = Vec::new();
        // Only attachments this build publishes, and only while they are
        // still inert: an edit may have put a script into an SVG.
        for rel in assets.iter().filter(|a| site.attachments.contains(a)) {
            let target = rel.strip_prefix("content/").unwrap_or(rel);
            if let Err((_, d)) = crate::attachments::check_file(&self.options.root, rel) {
                errors.push(d);
                continue;
            }
            match std::fs::read(self.options.root.join(rel)) {
                Ok(bytes) => errors.extend(staging.write(target, &bytes).err()),
                Err(e) => errors.push(crate::diagnostics::Diagnostic::error(
                    rel.as_str(),
                    t!("cannot read: {e}", e),
                )),
            }
        }
        let result = first_stage(built, &staging, &docs, roles.as_deref());
        match result {
            Ok(pages) if errors.is_empty() => {
                self.clear_pending();
                self.follow_up_due = true;
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

    /// The pages (published, not sections: those are the second stage's)
    /// and the roles whose reading lists the first stage re-renders: for
    /// body edits only the edited pages, for front-matter edits every page
    /// that names them and the reading lists of their roles, old and new.
    fn affected(&self, site: &Site) -> (Vec<usize>, Option<Vec<String>>) {
        let edited: Vec<usize> = self
            .pending_docs
            .iter()
            .filter_map(|rel| site.by_content_path(rel.strip_prefix("content/").unwrap_or(rel)))
            .collect();
        let mut docs = BTreeSet::new();
        let mut roles = None;
        if self.pending_lists {
            // Reading lists the edited documents were on, and are on now.
            let mut audiences: BTreeSet<String> = self.pending_roles.clone();
            for &i in &edited {
                docs.extend(dependents(site, i));
                audiences.extend(site.docs[i].roles.iter().cloned());
            }
            // Pages that listed the old versions (a parent since changed).
            docs.extend(
                self.pending_pages
                    .iter()
                    .filter_map(|p| site.by_content_path(p)),
            );
            // A role reads what the roles it includes read.
            let cfg = &site.config;
            roles = Some(
                cfg.roles
                    .iter()
                    .filter(|r| audiences.iter().any(|x| cfg.role_reads(&r.id, x)))
                    .map(|r| r.id.clone())
                    .collect(),
            );
        } else {
            docs.extend(edited);
        }
        let docs = docs
            .into_iter()
            .filter(|&i| site.published[i] && !site.docs[i].is_section)
            .collect();
        (docs, roles)
    }
}

/// Renders the pages of `docs` and, when `roles` is given, the reading lists
/// of those roles, side by side (the `roller/` overview, with counts that
/// change only with roles, is the second stage's).
fn first_stage(
    built: &Built,
    staging: &Staging,
    docs: &[usize],
    roles: Option<&[String]>,
) -> Result<usize, Vec<crate::diagnostics::Diagnostic>> {
    let mut r = Renderer::with_templates(&built.site, built.templates.clone());
    r.history = Some(&built.history);
    r.share_items(built.items.clone());
    let (pages, lists) = rayon::join(
        || pages::content_pages_for(&r, staging, docs),
        || match roles {
            Some(roles) => {
                pages::reading_lists(&r, staging, |role| roles.iter().any(|x| x == role))
            }
            None => Ok(0),
        },
    );
    match (pages, lists) {
        (Ok(a), Ok(b)) => Ok(a + b),
        (a, b) => Err(a
            .err()
            .into_iter()
            .chain(b.err())
            .flatten()
            .collect::<Vec<_>>()),
    }
}

/// The front matter as written (a body edit leaves it byte for byte).
fn front_matter(doc: &Document) -> &str {
    &doc.source[..doc.body_offset]
}

/// Edits that keep a document's address, identity, visibility and version
/// can be rebuilt partially; sections head every page below them
/// (breadcrumbs, navigation), and a version is where version pages live, so
/// changing those is a full build.
fn same_shape(old: &Document, new: &Document) -> bool {
    !old.is_section
        && !new.is_section
        && old.id == new.id
        && old.kind.tag() == new.kind.tag()
        && old.status == new.status
        && old.classification == new.classification
        && old.version == new.version
        && old.aliases == new.aliases
        && old.url_path == new.url_path
}

/// Document `i` and every page that shows something of it (section pages
/// included; the first stage leaves those to the second).
fn dependents(site: &Site, i: usize) -> Vec<usize> {
    let doc = &site.docs[i];
    let mut out = vec![i];
    if let Some(p) = doc.kind.governing().and_then(|g| g.parent.as_deref()) {
        out.extend(site.by_id(p));
    }
    out.extend_from_slice(site.children_of(i));
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
    doc.kind
        .module()
        .is_some_and(|m| has(&m.documents) || has(&m.prerequisites))
        || doc
            .kind
            .path()
            .is_some_and(|p| has(&p.modules) || has(&p.documents))
        || doc.kind.governing().is_some_and(|g| has(&g.replaces))
}
