//! The linked, validated, frozen site graph: every document with its links
//! resolved, the publishing gates applied, and the relations the pages need
//! (parents and children, sections, reading lists). Built once by [`load`];
//! rendering only reads it, in parallel, without locks.

pub mod addresses;
mod attachments;
pub(crate) mod links;
pub(crate) use links::{lenient_hrefs, site_path};
pub(crate) mod quiz_sources;
mod review;
pub(crate) mod soa;
mod validate;

pub use review::{own_end, End, ReviewDue, Standing};

use crate::attachments::Refusal;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::discover::{self, SiteFiles};
use crate::markdown::{self, Href, Scan};
use crate::model::{Date, Document, Kind, Quiz, Status};
use crate::readability::Readability;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a build or check is asked to do.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Publish draft and review documents too (a preview).
    pub drafts: bool,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// The day review dates are measured against (default: today).
    pub today: Option<Date>,
}

/// The site graph. Frozen while it is rendered (render takes `&Site`);
/// between two renders of `serve`, only [`Site::replace_body`] and
/// [`Site::replace_front_matter`] change it, and they keep the
/// per-document columns (`docs`, `scans`, `readability`, `hrefs`,
/// `published`, all indexed by document) in step. The columns are public
/// for reading: render, benches and tests read them; nothing outside this
/// module writes them.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub drafts: bool,
    pub today: Date,
    pub docs: Vec<Document>,
    pub scans: Vec<Scan>,
    /// `readability[d]`: LIX counts of document `d`'s body.
    pub readability: Vec<Readability>,
    /// `hrefs[d][k]`: how link `k` of document `d` is written.
    pub hrefs: Vec<Vec<Href>>,
    /// `published[d]`: document `d` reaches the output.
    pub published: Vec<bool>,
    pub quizzes: Vec<Quiz>,
    /// Ids of every quiz file found, valid or not.
    pub quiz_files: Vec<String>,
    /// Non-page files under `content/` that may be published (inert, of an
    /// allowed type), relative to the root.
    pub assets: Vec<String>,
    /// Every other non-page file under `content/`, with why it never is.
    pub refused: BTreeMap<String, Refusal>,
    /// The `assets` this build publishes (used by a published page, or in
    /// a declared folder), sorted.
    pub attachments: Vec<String>,
    by_id: HashMap<String, usize>,
    by_content_path: HashMap<String, usize>,
    /// Every address the build writes, for links to addresses.
    pub addresses: addresses::Addresses,
    /// Published documents whose `parent` is the key.
    children: HashMap<usize, Vec<usize>>,
}

impl Site {
    /// The quiz the module `module_id` uses, when it has a valid one.
    pub fn quiz_of(&self, module_id: &str) -> Option<&Quiz> {
        let quiz = self.docs[self.by_id(module_id)?]
            .kind
            .module()?
            .quiz
            .as_deref()?;
        self.quizzes.iter().find(|z| z.id == quiz)
    }

    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Every document id of the site.
    pub fn by_id_keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.by_id.keys().map(String::as_str)
    }

    pub fn by_content_path(&self, path: &str) -> Option<usize> {
        self.by_content_path.get(path).copied()
    }

    /// Indices of the published documents.
    pub fn published_docs(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.docs.len()).filter(|&i| self.published[i])
    }

    /// Published documents that name `parent` as their parent.
    pub fn children_of(&self, parent: usize) -> &[usize] {
        self.children.get(&parent).map_or(&[], Vec::as_slice)
    }

    /// Whether document `i`'s review is due on [`Site::today`], by the one
    /// rule in [`ReviewDue`] and the configured `review.soon_days`.
    pub fn review_due(&self, i: usize) -> ReviewDue {
        ReviewDue::of(&self.docs[i], self.today, self.config.review_soon_days)
    }

    /// Where document `i` stands on [`Site::today`] (in force, expired,
    /// retired), by the one rule in [`Standing`].
    pub fn standing(&self, i: usize) -> Standing {
        Standing::of(&self.docs[i], self.today)
    }

    /// The status document `i` shows (`expired` past its `valid_until`).
    pub fn shown_status(&self, i: usize) -> &'static str {
        self.standing(i).shown_status(&self.docs[i])
    }

    /// The site URL (with the root prefix, percent-encoded) of document `i`.
    pub fn url(&self, i: usize) -> String {
        self.config.url(&self.docs[i].url_path)
    }

    /// The published section (`_index.md`) for a folder, if any.
    pub fn section_for_dir(&self, dir: &str) -> Option<usize> {
        let path = if dir.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{dir}/_index.md")
        };
        self.by_content_path(&path).filter(|&i| self.published[i])
    }

    /// The published sections of top-level folders (the main navigation),
    /// in weight order.
    pub fn top_sections(&self) -> Vec<usize> {
        let mut tops: Vec<usize> = self
            .published_docs()
            .filter(|&i| {
                let d = &self.docs[i];
                d.is_section && !d.url_path.is_empty() && !d.content_dir().contains('/')
            })
            .collect();
        tops.sort_by(|&a, &b| order_key(&self.docs[a]).cmp(&order_key(&self.docs[b])));
        tops
    }

    /// Published, current documents on the reading list of `role` (its own
    /// and every role it includes). Sections, retired documents and drafts
    /// or review versions (even in a `--drafts` preview: nobody must read
    /// what is not decided) are never on a reading list.
    pub fn reading_list(&self, role: &str) -> Vec<usize> {
        let Some(reads) = self.config.audiences(role) else {
            return Vec::new();
        };
        self.published_docs()
            .filter(|&i| {
                let d = &self.docs[i];
                !d.is_section
                    && d.status == Status::Active
                    && d.roles.iter().any(|r| reads.contains(r))
            })
            .collect()
    }
}

/// Is a document published in this build? Drafts and review versions only
/// with `--drafts`; anything above `max_classification` never.
fn is_published(doc: &Document, config: &Config, drafts: bool) -> bool {
    doc.classification <= config.max_classification && (drafts || !doc.status.is_unapproved())
}

/// Everything read from disk, before linking: what [`link`] turns into a
/// [`Site`]. `serve` keeps it to re-link after replacing one document.
#[derive(Debug)]
pub struct Parsed {
    pub root: PathBuf,
    pub config: Config,
    pub docs: Vec<Document>,
    pub scans: Vec<Scan>,
    pub quizzes: Vec<Quiz>,
    pub quiz_files: Vec<String>,
    pub assets: Vec<String>,
    pub refused: BTreeMap<String, Refusal>,
}

/// Reads, parses and validates the whole site. Warnings come back with the
/// site; errors (together with all warnings) instead of it.
pub fn load(root: &Path, options: &LoadOptions) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::default();
    let config = crate::config::load(root, options.base_url.as_deref(), &mut diags);
    let mut files = match discover::discover(root) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            SiteFiles::default()
        }
    };
    diags.extend(std::mem::take(&mut files.problems));
    let (docs, scans) = parse_documents(root, &files, &mut diags);
    let quizzes = parse_quizzes(root, &files, &mut diags);
    let inventory = crate::attachments::inspect(root, &files.assets, &files.backups, &mut diags);
    let Some(config) = config else {
        return Err(finish(diags));
    };
    let parsed = Parsed {
        root: root.to_path_buf(),
        config,
        docs,
        scans,
        quizzes,
        quiz_files: files
            .quizzes
            .iter()
            .map(|q| crate::quiz::id_from_path(q))
            .collect(),
        assets: inventory.candidates,
        refused: inventory.refused,
    };
    let read: std::collections::HashSet<&str> =
        parsed.docs.iter().map(|d| d.source_path.as_str()).collect();
    let unread: Vec<String> = files
        .markdown
        .iter()
        .filter(|rel| !read.contains(rel.as_str()))
        .cloned()
        .collect();
    let (site, link_diags) = link(parsed, options);
    diags.extend(without_cascade(link_diags, &unread));
    if diags.has_errors() {
        Err(finish(diags))
    } else {
        Ok((site, finish(diags)))
    }
}

/// `link_diags` less the errors that documents which could not be read
/// (`unread`, with errors of their own) cause elsewhere: a link or id
/// naming them would be reported as pointing nowhere, which is untrue
/// and buries the real error. One note says what was left unchecked.
fn without_cascade(link_diags: Diagnostics, unread: &[String]) -> Vec<Diagnostic> {
    if unread.is_empty() {
        return link_diags.into_iter().collect();
    }
    let mut kept = Vec::new();
    let mut skipped = 0;
    for d in link_diags {
        let m = d.message.en();
        let m = m.as_str();
        let names_a_document = m.contains("names no document")
            || m.starts_with("unknown document id")
            || (m.ends_with("which does not exist")
                && unread.iter().any(|u| m.contains(&format!(" to {u},"))));
        if names_a_document {
            skipped += 1;
        } else {
            kept.push(d);
        }
    }
    if skipped > 0 {
        kept.push(
            Diagnostic::note(
                unread[0].as_str(),
                t!("{skipped} references to other documents were not checked, because {unread} file(s) could not be read", skipped, unread = unread.len()),
            )
            .with_hint(t!("links and ids that name a document with errors would all look broken; fix its errors and run check again")),
        );
    }
    kept
}

/// Links parsed files into a site and runs every cross-document rule. The
/// site comes back even when there are errors (`serve` keeps it to apply
/// the next edit to); only an error-free one may be rendered.
pub fn link(parsed: Parsed, options: &LoadOptions) -> (Site, Diagnostics) {
    let mut diags = Diagnostics::default();
    let today = options
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let published = parsed
        .docs
        .iter()
        .map(|d| is_published(d, &parsed.config, options.drafts))
        .collect();
    let readability = parsed
        .docs
        .iter()
        .zip(&parsed.scans)
        .map(|(d, s)| measure(d, s))
        .collect();
    let mut site = Site {
        readability,
        root: parsed.root,
        config: parsed.config,
        drafts: options.drafts,
        today,
        docs: parsed.docs,
        scans: parsed.scans,
        hrefs: Vec::new(),
        published,
        quizzes: parsed.quizzes,
        quiz_files: parsed.quiz_files,
        assets: parsed.assets,
        refused: parsed.refused,
        attachments: Vec::new(),
        by_id: HashMap::new(),
        by_content_path: HashMap::new(),
        addresses: addresses::Addresses::default(),
        children: HashMap::new(),
    };
    validate::index(&mut site, &mut diags);
    site.addresses = addresses::Addresses::new(&site);
    validate::references(&site, &mut diags);
    validate::urls(&site, &mut diags);
    site.hrefs = links::resolve_all(&site, &mut diags);
    site.attachments = attachments::publish(&site, &mut diags);
    site.children = children(&site);
    validate::warnings(&site, &mut diags);
    (site, finish(diags))
}

impl Site {
    /// Puts in a new version of document `i` whose front matter is exactly
    /// the old one's (only its body changed), and resolves links again: its
    /// own, and everyone's when its headings changed (links may name them).
    /// Nothing else depends on a body, so nothing else is re-validated.
    pub fn replace_body(&mut self, i: usize, doc: Document, scan: Scan) -> Diagnostics {
        let headings_changed = self.scans[i].headings != scan.headings;
        self.readability[i] = measure(&doc, &scan);
        self.docs[i] = doc;
        self.scans[i] = scan;
        let mut diags = Diagnostics::default();
        if headings_changed {
            self.hrefs = links::resolve_all(self, &mut diags);
        } else {
            self.hrefs[i] = links::resolve_one(self, i, &mut diags);
        }
        self.attachments = attachments::publish(self, &mut Diagnostics::default());
        finish(diags)
    }

    /// Puts in new versions of documents whose front matter changed but
    /// not what the site's shape rests on — their id, type, status,
    /// classification, aliases and address stay (`serve` checks that) —
    /// and runs again every rule that can fail because of them: all
    /// references (parents of the right type, cycles, ids, roles, areas,
    /// quizzes), their own links, and links elsewhere that show their
    /// titles. Unlike [`link`], nothing else is measured again and no
    /// warnings are collected.
    pub fn replace_front_matter(&mut self, fresh: Vec<(usize, Document, Scan)>) -> Diagnostics {
        let mut headings_changed = false;
        let mut retitled = HashSet::new();
        let mut edited = Vec::new();
        let mut old_parents = Vec::new();
        for (i, doc, scan) in fresh {
            headings_changed |= self.scans[i].headings != scan.headings;
            if self.docs[i].title != doc.title {
                retitled.insert(self.url(i));
            }
            old_parents.push((i, self.parent_index(i)));
            self.readability[i] = measure(&doc, &scan);
            self.docs[i] = doc;
            self.scans[i] = scan;
            edited.push(i);
        }
        let mut diags = Diagnostics::default();
        validate::references(self, &mut diags);
        if headings_changed {
            self.hrefs = links::resolve_all(self, &mut diags);
        } else {
            let shows_new_title = |hrefs: &Vec<Href>| {
                hrefs.iter().any(|h| match h {
                    Href::Titled { url, .. } => {
                        retitled.contains(url.split('#').next().unwrap_or_default())
                    }
                    _ => false,
                })
            };
            let stale: Vec<usize> = (0..self.docs.len())
                .filter(|&j| edited.contains(&j) || shows_new_title(&self.hrefs[j]))
                .collect();
            for j in stale {
                self.hrefs[j] = links::resolve_one(self, j, &mut diags);
            }
        }
        // Each edited document leaves its old parent's list of children and
        // joins its new parent's, in order (its title or weight may differ).
        for (i, old) in old_parents {
            if let Some(list) = old.and_then(|p| self.children.get_mut(&p)) {
                list.retain(|&c| c != i);
            }
            if let Some(p) = self.parent_index(i).filter(|_| self.published[i]) {
                let list = self.children.entry(p).or_default();
                list.push(i);
                let docs = &self.docs;
                list.sort_by(|&a, &b| order_key(&docs[a]).cmp(&order_key(&docs[b])));
            }
        }
        self.children.retain(|_, list| !list.is_empty());
        self.attachments = attachments::publish(self, &mut Diagnostics::default());
        finish(diags)
    }

    /// The document that `i` names as its parent, if it exists.
    fn parent_index(&self, i: usize) -> Option<usize> {
        let parent = self.docs[i].kind.governing()?.parent.as_deref()?;
        self.by_id(parent)
    }

    /// Takes the site apart again, for [`link`] after an edit.
    pub fn into_parsed(self) -> Parsed {
        Parsed {
            root: self.root,
            config: self.config,
            docs: self.docs,
            scans: self.scans,
            quizzes: self.quizzes,
            quiz_files: self.quiz_files,
            assets: self.assets,
            refused: self.refused,
        }
    }
}

fn finish(mut diags: Diagnostics) -> Diagnostics {
    diags.sort();
    diags
}

fn parse_documents(
    root: &Path,
    files: &SiteFiles,
    diags: &mut Diagnostics,
) -> (Vec<Document>, Vec<Scan>) {
    type Parsed = (Option<(Document, Scan)>, Vec<Diagnostic>);
    let results: Vec<Parsed> = files
        .markdown
        .par_iter()
        .map(|rel| read_document(root, rel))
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    let mut scans = Vec::with_capacity(results.len());
    for (doc, ds) in results {
        diags.extend(ds);
        if let Some((d, s)) = doc {
            docs.push(d);
            scans.push(s);
        }
    }
    (docs, scans)
}

/// LIX counts of a document's body (taken by its scan). Sections introduce
/// lists of pages; their prose is not measured.
fn measure(doc: &Document, scan: &Scan) -> Readability {
    if doc.is_section {
        Readability::default()
    } else {
        scan.readability.clone()
    }
}

/// Reads and parses one content file (`rel` relative to the root).
pub fn read_document(root: &Path, rel: &str) -> (Option<(Document, Scan)>, Vec<Diagnostic>) {
    let content_path = rel.strip_prefix("content/").unwrap_or(rel);
    let text = match discover::read_text(&root.join(rel), rel) {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    let (doc, mut diags) = crate::document::parse(rel, content_path, text);
    let doc = doc.map(|d| {
        let scan = markdown::scan(d.body());
        if let Some(e) = too_deep(&d, &scan) {
            diags.push(e);
        }
        (d, scan)
    });
    (doc, diags)
}

/// A body with raw HTML nested deeper than the sanitiser can take in time.
fn too_deep(doc: &Document, scan: &Scan) -> Option<Diagnostic> {
    let limit = crate::limits::MAX_HTML_DEPTH;
    (scan.has_html && scan.max_depth > limit).then(|| {
        Diagnostic::error(
            doc.source_path.as_str(),
            t!("this page has raw HTML and elements nested {max_depth} levels deep; the limit with raw HTML is {limit}", max_depth = scan.max_depth, limit),
        )
        .with_hint(t!("close the HTML tags you open, or nest fewer lists and quotes"))
        .at_offset(&doc.source, doc.body_offset)
    })
}

fn parse_quizzes(root: &Path, files: &SiteFiles, diags: &mut Diagnostics) -> Vec<Quiz> {
    let mut quizzes = Vec::new();
    let mut seen = HashSet::new();
    for rel in &files.quizzes {
        let text = match discover::read_text(&root.join(rel), rel) {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let (quiz, ds) = crate::quiz::parse(rel, &text);
        diags.extend(ds);
        if let Some(q) = quiz {
            if !seen.insert(q.id.clone()) {
                diags.push(Diagnostic::error(
                    rel.as_str(),
                    t!("another file already defines quiz `{id}`", id = q.id),
                ));
                continue;
            }
            quizzes.push(q);
        }
    }
    quizzes
}

fn children(site: &Site) -> HashMap<usize, Vec<usize>> {
    let mut map: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in site.published_docs() {
        if let Some(p) = site.parent_index(i) {
            map.entry(p).or_default().push(i);
        }
    }
    for list in map.values_mut() {
        list.sort_by(|&a, &b| order_key(&site.docs[a]).cmp(&order_key(&site.docs[b])));
    }
    map
}

/// Lists are ordered by weight, then id, then title.
pub fn order_key(doc: &Document) -> (i64, &str, &str) {
    (
        doc.weight,
        doc.id.as_deref().unwrap_or(""),
        doc.title.as_str(),
    )
}

/// The kinds in reading order: policy → riktlinjer → regler → utbildning.
pub fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Policy => 0,
        Kind::Guideline => 1,
        Kind::Rule => 2,
        Kind::Module => 3,
        Kind::Path => 4,
        Kind::Page => 5,
    }
}

#[cfg(test)]
mod tests;
