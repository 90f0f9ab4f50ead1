//! The view structs templates see — the documented template API
//! (`docs/templates.md`). They are built from the frozen site and contain
//! only published information: a link to an unpublished page keeps its
//! title out and its `url` empty.

use crate::markdown::Heading;
use crate::model::{Document, Kind};
use crate::site::Site;
use crate::ui::Labels;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

/// An ISO/IEC 27001:2022 Annex A control.
#[derive(Debug, Clone, Serialize)]
pub struct ControlRef {
    pub id: &'static str,
    /// In the site's language (Swedish titles are this project's own).
    pub title: &'static str,
    /// The standard's English title, for auditors.
    pub title_en: &'static str,
}

/// A link to another document, module or path.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub id: String,
    pub title: String,
    /// Empty when the target is not published (the title is then the id).
    pub url: String,
    pub kind_label: String,
    /// The target's current version (empty for pages and unpublished targets).
    pub version: String,
}

/// A page in a list (sections, reading lists, the start page).
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    pub title: String,
    pub url: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub id: String,
    pub version: String,
    pub summary: String,
    pub status: &'static str,
    pub status_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    pub id: String,
    pub version: String,
    pub owner: String,
    /// The owner's e-mail address (`owner_contact`), empty when none.
    pub owner_contact: String,
    pub approved_by: String,
    pub approved_on: String,
    pub effective_from: String,
    pub review_by: String,
    pub review_overdue: bool,
    /// `valid_until`: the last day in force (empty when none).
    pub valid_until: String,
    /// Past `valid_until`: shown as expired, not in force.
    pub expired: bool,
    /// `retired_on` of a retired document (empty when not given).
    pub retired_on: String,
    /// True when `effective_from` is after the build date (not yet in force).
    pub effective_later: bool,
    pub record_number: String,
    pub classification: &'static str,
    pub classification_label: String,
    pub areas: Vec<NamedRef>,
    pub iso27001: Vec<ControlRef>,
    pub changes: String,
    pub replaces: Vec<Link>,
    /// Published documents whose `replaces` names this one (for a retired
    /// document's banner).
    pub replaced_by: Vec<Link>,
    pub history: Vec<crate::model::HistoryEntry>,
    /// Every version, newest first: the current one, older ones from git
    /// and `history` entries from before the repository (filled in by
    /// `render::versions`).
    pub versions: Vec<VersionRow>,
    /// The current version's PDF (`render::pdfs`); empty when it has none.
    pub pdf_url: String,
    /// What the read-receipt script needs to say what changed since an
    /// older version was confirmed, as embeddable JSON (filled in by
    /// `render::versions`; empty when there is nothing to embed).
    pub since_read: String,
    pub parent: Option<Link>,
    pub children: Vec<ListItem>,
}

/// A row of the version-history table.
#[derive(Debug, Clone, Serialize)]
pub struct VersionRow {
    pub version: String,
    pub approved_on: String,
    pub approved_by: String,
    pub effective_from: String,
    /// The day the next version took effect (empty: still in force, or unknown).
    pub valid_to: String,
    pub changes: String,
    /// The page of this version; empty for versions from before the repository.
    pub url: String,
    /// The changes from the version before; empty when there is none to compare.
    pub diff_url: String,
    /// This version's PDF (`render::pdfs`); empty when it has none.
    pub pdf_url: String,
    pub current: bool,
    /// `acknowledge: false`: an editorial change ("redaktionell ändring").
    pub editorial: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModuleView {
    pub id: String,
    pub version: String,
    pub duration: Option<u32>,
    pub quiz: String,
    /// `pretest: true`: the page offers the quiz before the lesson too.
    pub pretest: bool,
    pub prerequisites: Vec<Link>,
    pub documents: Vec<Link>,
    /// Every version from git, newest first (filled in by
    /// `render::versions`; only the current one when there is no history).
    pub versions: Vec<VersionRow>,
    /// Its packages for learning platforms (in `OUT/scorm/`).
    pub packages: Vec<PackageLink>,
}

/// A link to one package, for the page of its module or path.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PackageLink {
    /// `SCORM 1.2`, `SCORM 2004`, `cmi5`.
    pub label: &'static str,
    /// The path in OUT: `scorm/M-01-v2.0-scorm12.zip`.
    pub file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PathView {
    pub id: String,
    pub modules: Vec<Link>,
    pub documents: Vec<Link>,
    pub due_days: Option<u32>,
    /// Its packages for learning platforms (in `OUT/scorm/`).
    pub packages: Vec<PackageLink>,
}

/// The page being rendered (`page` in templates).
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub url: String,
    pub permalink: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub summary: String,
    pub content: String,
    pub toc: Vec<Heading>,
    pub breadcrumbs: Vec<Crumb>,
    pub status: &'static str,
    pub status_label: String,
    pub tags: Vec<String>,
    pub roles: Vec<NamedRef>,
    pub units: Vec<NamedRef>,
    pub extra: serde_json::Value,
    pub source_path: String,
    pub pages: Vec<ListItem>,
    pub subsections: Vec<ListItem>,
    /// `pages` and `subsections` as list entries (`item.html`), filled in
    /// by the page renderer, which keeps each page's entry once.
    pub pages_html: String,
    pub subsections_html: String,
    pub doc: Option<DocView>,
    pub module: Option<ModuleView>,
    pub path: Option<PathView>,
}

/// The `kind` a template sees: sections and the start page are their own.
pub fn kind_name(doc: &Document) -> &'static str {
    if doc.is_section {
        if doc.url_path.is_empty() {
            "home"
        } else {
            "section"
        }
    } else {
        doc.kind.as_str()
    }
}

pub fn list_item(site: &Site, labels: &Labels, i: usize) -> ListItem {
    let d = &site.docs[i];
    let kind = kind_name(d);
    ListItem {
        title: d.title.clone(),
        url: site.url(i),
        kind,
        kind_label: labels.get(&format!("kind_{kind}")),
        id: d.id.clone().unwrap_or_default(),
        version: d.version.map(|v| v.to_string()).unwrap_or_default(),
        summary: d.summary.clone(),
        status: site.shown_status(i),
        status_label: labels.get(&format!("status_{}", site.shown_status(i))),
    }
}

/// A link by id; unpublished targets show only their id.
pub fn link(site: &Site, labels: &Labels, id: &str) -> Link {
    match site.by_id(id).filter(|&i| site.published[i]) {
        Some(i) => Link {
            id: id.to_string(),
            title: site.docs[i].title.clone(),
            url: site.url(i),
            kind_label: labels.get(&format!("kind_{}", site.docs[i].kind.as_str())),
            version: site.docs[i]
                .version
                .map(|v| v.to_string())
                .unwrap_or_default(),
        },
        None => Link {
            id: id.to_string(),
            title: id.to_string(),
            url: String::new(),
            kind_label: String::new(),
            version: String::new(),
        },
    }
}

fn links(site: &Site, labels: &Labels, ids: &[String]) -> Vec<Link> {
    ids.iter().map(|id| link(site, labels, id)).collect()
}

/// Start page, then each enclosing section that is published.
pub fn breadcrumbs(site: &Site, i: usize) -> Vec<Crumb> {
    let doc = &site.docs[i];
    if doc.is_section && doc.url_path.is_empty() {
        return Vec::new();
    }
    let mut crumbs = vec![Crumb {
        title: site
            .section_for_dir("")
            .map_or_else(|| site.config.title.clone(), |s| site.docs[s].title.clone()),
        url: site.config.root.clone(),
    }];
    let dir = if doc.is_section {
        doc.content_dir().rsplit_once('/').map_or("", |(d, _)| d)
    } else {
        doc.content_dir()
    };
    let mut prefix = String::new();
    for part in dir.split('/').filter(|p| !p.is_empty()) {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        if let Some(s) = site.section_for_dir(&prefix) {
            crumbs.push(Crumb {
                title: site.docs[s].title.clone(),
                url: site.url(s),
            });
        }
    }
    crumbs
}

fn date(d: Option<crate::model::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn doc_view(site: &Site, labels: &Labels, i: usize) -> Option<DocView> {
    let d = &site.docs[i];
    let g = d.kind.governing()?;
    Some(DocView {
        id: d.id.clone().unwrap_or_default(),
        version: d.version.map(|v| v.to_string()).unwrap_or_default(),
        owner: g.owner.clone(),
        owner_contact: g.owner_contact.clone(),
        approved_by: g.approved_by.clone(),
        approved_on: date(g.approved_on),
        effective_from: date(g.effective_from.or(g.approved_on)),
        review_by: date(g.review_by),
        review_overdue: site.review_due(i).is_overdue(),
        valid_until: date(g.valid_until),
        expired: matches!(site.standing(i), crate::site::Standing::Expired { .. }),
        retired_on: date(g.retired_on),
        effective_later: g.effective_from.is_some_and(|e| e > site.today),
        record_number: g.record_number.clone(),
        classification: d.classification.as_str(),
        classification_label: labels.get(&format!("classification_{}", d.classification.as_str())),
        areas: g
            .areas
            .iter()
            .filter_map(|a| site.config.area(a))
            .map(|a| NamedRef {
                id: a.id.clone(),
                name: a.name.clone(),
            })
            .collect(),
        iso27001: g
            .iso27001
            .iter()
            .filter_map(|c| crate::iso27001::control(c))
            .map(|c| ControlRef {
                id: c.id,
                title: crate::iso27001::title(c, site.config.language),
                title_en: c.title,
            })
            .collect(),
        changes: g.changes.clone(),
        replaces: g
            .replaces
            .iter()
            .map(|r| {
                let l = link(site, labels, r);
                // `replaces` may name an old document by title rather than id.
                Link {
                    title: if l.url.is_empty() { r.clone() } else { l.title },
                    ..l
                }
            })
            .collect(),
        replaced_by: if d.status == crate::model::Status::Retired {
            replaced_by(site, labels, i)
        } else {
            Vec::new()
        },
        history: {
            let mut h = g.history.clone();
            h.sort_by(|a, b| {
                let key = |v: &str| crate::model::Version::parse(v);
                key(&b.version).cmp(&key(&a.version))
            });
            h
        },
        versions: Vec::new(),
        pdf_url: String::new(),
        since_read: String::new(),
        parent: g.parent.as_deref().map(|p| link(site, labels, p)),
        children: site
            .children_of(i)
            .iter()
            .map(|&c| list_item(site, labels, c))
            .collect(),
    })
}

/// The published documents that name document `i` in `replaces`.
fn replaced_by(site: &Site, labels: &Labels, i: usize) -> Vec<Link> {
    let Some(id) = site.docs[i].id.as_deref() else {
        return Vec::new();
    };
    site.published_docs()
        .filter(|&j| {
            site.docs[j]
                .kind
                .governing()
                .is_some_and(|g| g.replaces.iter().any(|r| r == id))
        })
        .filter_map(|j| site.docs[j].id.as_deref())
        .map(|j| link(site, labels, j))
        .collect()
}

/// Everything `page` holds for document `i`, with its rendered body.
pub fn page_view(
    site: &Site,
    labels: &Labels,
    i: usize,
    content: String,
    toc: Vec<Heading>,
) -> PageView {
    let d = &site.docs[i];
    let kind = kind_name(d);
    let (pages, subsections) = if d.is_section {
        section_lists(site, labels, i)
    } else {
        (Vec::new(), Vec::new())
    };
    PageView {
        title: d.title.clone(),
        url: site.url(i),
        permalink: site.config.permalink(&d.url_path),
        kind,
        kind_label: labels.get(&format!("kind_{kind}")),
        summary: d.summary.clone(),
        content,
        toc,
        breadcrumbs: breadcrumbs(site, i),
        status: site.shown_status(i),
        status_label: labels.get(&format!("status_{}", site.shown_status(i))),
        tags: d.tags.clone(),
        roles: site
            .config
            .roles
            .iter()
            .filter(|r| d.roles.contains(&r.id))
            .map(|r| NamedRef {
                id: r.id.clone(),
                name: r.name.clone(),
            })
            .collect(),
        units: d
            .units
            .iter()
            .filter_map(|u| site.config.unit(u))
            .map(|u| NamedRef {
                id: u.id.clone(),
                name: u.name.clone(),
            })
            .collect(),
        extra: d.extra.clone(),
        source_path: d.source_path.clone(),
        pages,
        subsections,
        pages_html: String::new(),
        subsections_html: String::new(),
        doc: doc_view(site, labels, i),
        module: d.kind.module().map(|m| ModuleView {
            id: d.id.clone().unwrap_or_default(),
            version: d.version.map(|v| v.to_string()).unwrap_or_default(),
            duration: m.duration,
            quiz: m.quiz.clone().unwrap_or_default(),
            pretest: m.pretest,
            prerequisites: links(site, labels, &m.prerequisites),
            documents: links(site, labels, &m.documents),
            versions: Vec::new(),
            packages: Vec::new(),
        }),
        path: d.kind.path().map(|p| PathView {
            id: d.id.clone().unwrap_or_default(),
            modules: links(site, labels, &p.modules),
            documents: links(site, labels, &p.documents),
            due_days: p.due_days,
            packages: Vec::new(),
        }),
    }
}

/// The published pages and subsections directly inside section `i`.
pub fn section_lists(site: &Site, labels: &Labels, i: usize) -> (Vec<ListItem>, Vec<ListItem>) {
    let (pages, subs) = section_members(site, i);
    let items = |v: Vec<usize>| v.into_iter().map(|j| list_item(site, labels, j)).collect();
    (items(pages), items(subs))
}

/// The published pages and subsections directly inside section `i`, in
/// list order, by index.
pub fn section_members<'a>(site: &'a Site, i: usize) -> (Vec<usize>, Vec<usize>) {
    let dir = site.docs[i].content_dir();
    let mut pages: Vec<usize> = Vec::new();
    let mut subs: Vec<usize> = Vec::new();
    for j in site.published_docs() {
        let d = &site.docs[j];
        if j == i {
            continue;
        }
        if d.is_section {
            let parent = d.content_dir().rsplit_once('/').map_or("", |(p, _)| p);
            if parent == dir && !d.url_path.is_empty() {
                subs.push(j);
            }
        } else if d.content_dir() == dir {
            pages.push(j);
        }
    }
    // Retired documents last, so a list opens with what applies.
    let sort = |v: &mut Vec<usize>| {
        v.sort_by(|&a, &b| {
            let (da, db) = (&site.docs[a], &site.docs[b]);
            let key = |d: &'a Document| {
                let retired = d.status == crate::model::Status::Retired;
                (
                    retired,
                    crate::site::kind_rank(d.kind.tag()),
                    crate::site::order_key(d),
                )
            };
            key(da).cmp(&key(db))
        })
    };
    sort(&mut pages);
    sort(&mut subs);
    (pages, subs)
}

/// Is `kind` one whose pages render with `document.html`?
pub fn template_for(doc: &Document) -> &'static str {
    if doc.is_section {
        return if doc.url_path.is_empty() {
            "index.html"
        } else {
            "section.html"
        };
    }
    match doc.kind.tag() {
        Kind::Policy | Kind::Guideline | Kind::Rule => "document.html",
        Kind::Module => "module.html",
        Kind::Path => "path.html",
        Kind::Page => "page.html",
    }
}
