//! Packages for learning platforms (issue #19, SPEC §7): every published,
//! active training module and path as a SCORM 1.2, a SCORM 2004 (4th
//! edition) and a cmi5 package, written to `OUT/scorm/`:
//! `M-01-v2.0-scorm12.zip`, `…-scorm2004.zip`, `…-cmi5.zip`.
//!
//! A package holds one page per module (`lms.html`: the module's text and
//! quiz, no site navigation), the theme's CSS and the training scripts with
//! `js/lms.js`, the bridge that reports the quiz's browser events to the
//! platform. Nothing in it is fetched from outside the package: links to
//! other pages of the site become absolute links to the site (or plain
//! text when the site has no absolute `base_url`), and only the module's
//! own attachments are packed. The bytes depend only on the input (see
//! [`zip`]), and the module version is part of every identifier, so a
//! platform sees a new version as a new package.

mod manifest;
mod page;
pub mod zip;

use super::plumbing::Rendered;
use super::renderer::Renderer;
pub use super::views::PackageLink;
use crate::diagnostics::Diagnostic;
use crate::model::{Kind, Status};
use crate::output::Staging;
use crate::site::{order_key, Site};
use crate::theme::Theme;
pub(crate) use page::{document_activity, document_version_extension};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Where the packages are written in OUT.
pub const PACKAGE_DIR: &str = "scorm/";

/// The three forms of a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    Scorm12,
    Scorm2004,
    Cmi5,
}

impl Standard {
    pub const ALL: [Standard; 3] = [Standard::Scorm12, Standard::Scorm2004, Standard::Cmi5];

    /// The name in file names and in the page's launch data.
    pub fn as_str(self) -> &'static str {
        match self {
            Standard::Scorm12 => "scorm12",
            Standard::Scorm2004 => "scorm2004",
            Standard::Cmi5 => "cmi5",
        }
    }

    /// The standard's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Standard::Scorm12 => "SCORM 1.2",
            Standard::Scorm2004 => "SCORM 2004",
            Standard::Cmi5 => "cmi5",
        }
    }
}

/// One module as a sharable content object (an assignable unit in cmi5).
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Index of the module in `site.docs`.
    pub doc: usize,
    pub id: String,
    pub version: String,
    pub title: String,
    /// The folder of the module's page in the package (`M-01/`).
    pub folder: String,
    /// The quiz's pass mark, when the module has a quiz.
    pub pass_mark: Option<u32>,
}

/// What one package carries: a module alone, or a path's modules in order.
#[derive(Debug, Clone)]
pub(crate) struct Course {
    /// `M-01-v2.0`: the file name's stem and, prefixed, the manifest id.
    pub stem: String,
    pub id: String,
    pub version: String,
    pub title: String,
    pub summary: String,
    pub units: Vec<Unit>,
    /// The governing documents the course gives to read (its own and its
    /// modules' `documents`), as AUs of its cmi5 course structure.
    pub readings: Vec<Reading>,
}

/// A governing document a course gives to read: in `cmi5.xml` an AU whose
/// URL is the document's page on the site (which needs an absolute
/// `base_url`), where the read receipt is sent to the platform.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    pub doc: usize,
    pub title: String,
    /// The page's absolute address.
    pub url: String,
    /// `BASE/xapi/documents/ID/vVERSION`.
    pub activity: String,
}

/// Is document `i` something a package may carry: published, active (never
/// a draft or a document on review, even in a `--drafts` build), a page of
/// its own, with an id and a version?
fn packable(site: &Site, i: usize) -> bool {
    let d = &site.docs[i];
    site.published[i]
        && !d.is_section
        && d.status == Status::Active
        && d.classification <= site.config.max_classification
        && d.id.is_some()
}

pub(crate) use crate::ui::file_safe;

fn unit(site: &Site, i: usize) -> Unit {
    let d = &site.docs[i];
    let id = d.id.clone().unwrap_or_default();
    let pass_mark = d
        .kind
        .module()
        .and_then(|m| m.quiz.as_deref())
        .and_then(|q| site.quizzes.iter().find(|quiz| quiz.id == q))
        .map(|q| q.pass_mark);
    Unit {
        doc: i,
        folder: format!("{}/", file_safe(&id)),
        version: d.version.map(|v| v.to_string()).unwrap_or_default(),
        title: d.title.clone(),
        id,
        pass_mark,
    }
}

/// The courses of the site: each packable module, then each packable path
/// with its packable modules in the path's order (a path with none is
/// skipped).
pub(crate) fn courses(site: &Site) -> Vec<Course> {
    let mut docs: Vec<usize> = (0..site.docs.len()).collect();
    docs.sort_by(|&a, &b| order_key(&site.docs[a]).cmp(&order_key(&site.docs[b])));
    docs.into_iter().filter_map(|i| course(site, i)).collect()
}

/// The course of document `i`, if it is a packable module or path (with
/// at least one packable module).
fn course(site: &Site, i: usize) -> Option<Course> {
    if !packable(site, i) || !matches!(site.docs[i].kind.tag(), Kind::Module | Kind::Path) {
        return None;
    }
    let d = &site.docs[i];
    let units: Vec<Unit> = match d.kind.path() {
        Some(p) => p
            .modules
            .iter()
            .filter_map(|m| site.by_id(m))
            .filter(|&m| packable(site, m) && site.docs[m].kind.tag() == Kind::Module)
            .map(|m| unit(site, m))
            .collect(),
        None => vec![unit(site, i)],
    };
    if units.is_empty() {
        return None;
    }
    let id = d.id.clone().unwrap_or_default();
    let version = match d.version {
        Some(v) => v.to_string(),
        None => modules_version(&units),
    };
    let readings = readings(site, i, &units);
    Some(Course {
        stem: format!("{}-v{}", file_safe(&id), file_safe(&version)),
        id,
        version,
        title: d.title.clone(),
        summary: d.summary.clone(),
        units,
        readings,
    })
}

/// The documents course `i` gives to read: the path's `documents`, then
/// each module's, once each, when published, active and governing, and
/// only when the site has an absolute `base_url` to launch them at.
fn readings(site: &Site, i: usize, units: &[Unit]) -> Vec<Reading> {
    let Some(base) = page::absolute_base(site) else {
        return Vec::new();
    };
    let own = site.docs[i].kind.path().map(|p| p.documents.as_slice());
    let lists = own.into_iter().chain(units.iter().filter_map(|u| {
        site.docs[u.doc]
            .kind
            .module()
            .map(|m| m.documents.as_slice())
    }));
    let mut seen = Vec::new();
    for id in lists.flatten() {
        let Some(j) = site.by_id(id) else { continue };
        let d = &site.docs[j];
        if packable(site, j) && d.kind.is_governing() && d.version.is_some() && !seen.contains(&j) {
            seen.push(j);
        }
    }
    seen.into_iter()
        .map(|j| {
            let path = site.url(j);
            let path = path
                .strip_prefix(site.config.root.as_str())
                .unwrap_or(&path);
            Reading {
                doc: j,
                title: site.docs[j].title.clone(),
                url: format!("{base}{path}"),
                activity: page::document_activity(site, j),
            }
        })
        .collect()
}

/// The documents some course gives to read: their pages take read
/// receipts from a cmi5 launch.
pub fn reading_docs(site: &Site) -> std::collections::HashSet<usize> {
    courses(site)
        .iter()
        .flat_map(|c| c.readings.iter().map(|r| r.doc))
        .collect()
}

/// The packages of document `i` (none unless it is a packable module or
/// path), for the download line on its page.
pub fn package_links(site: &Site, i: usize) -> Vec<PackageLink> {
    let Some(course) = course(site, i) else {
        return Vec::new();
    };
    Standard::ALL
        .iter()
        .map(|&s| PackageLink {
            label: s.label(),
            file: format!("{PACKAGE_DIR}{}", package_name(&course, s)),
        })
        .collect()
}

/// A path has no version of its own: its package's version names its
/// modules' versions (the first 8 hex digits of their SHA-256), so a new
/// version of any module makes a new package.
fn modules_version(units: &[Unit]) -> String {
    let list: Vec<String> = units
        .iter()
        .map(|u| format!("{}@{}", u.id, u.version))
        .collect();
    crate::digest::sha256_hex(&list.join(","))[..8].to_string()
}

/// The file name of a course's package in [`PACKAGE_DIR`].
pub(crate) fn package_name(course: &Course, standard: Standard) -> String {
    format!("{}-{}.zip", course.stem, standard.as_str())
}

/// Writes every package of the site into `OUT/scorm/`.
pub fn packages(r: &Renderer, theme: &Theme, staging: &Staging) -> Rendered {
    let results: Vec<Result<(), Diagnostic>> = package_set(r, theme)?
        .into_iter()
        .map(|(name, bytes)| staging.write(&format!("{PACKAGE_DIR}{name}"), &bytes))
        .collect();
    super::plumbing::gather(results).map(|_| 0)
}

/// Every package of the site, by file name (`M-01-v2.0-scorm12.zip`), in
/// the order of [`courses`] and [`Standard::ALL`]: what the build writes
/// into `OUT/scorm/` and `styrdok export scorm` into its folder.
pub fn package_set(r: &Renderer, theme: &Theme) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let courses = courses(r.site);
    if courses.is_empty() {
        return Ok(Vec::new());
    }
    let shared = page::shared_files(r, theme);
    let jobs: Vec<(&Course, Standard)> = courses
        .iter()
        .flat_map(|c| Standard::ALL.map(|s| (c, s)))
        .collect();
    let results: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .par_iter()
        .map(|&(course, standard)| {
            let name = package_name(course, standard);
            let files = package_files(r, course, standard, &shared)?;
            let bytes = zip::write(&files).map_err(|e| {
                Diagnostic::error(
                    format!("{PACKAGE_DIR}{name}"),
                    t!("cannot write the package: {e}", e),
                )
            })?;
            Ok((name, bytes))
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for res in results {
        match res {
            Ok(p) => out.push(p),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Every file of one package, by its path in the zip.
fn package_files(
    r: &Renderer,
    course: &Course,
    standard: Standard,
    shared: &BTreeMap<String, Vec<u8>>,
) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    let mut files = shared.clone();
    for unit in &course.units {
        for (path, bytes) in page::unit_files(r, unit, standard)? {
            files.insert(path, bytes);
        }
    }
    let (name, text) = match standard {
        Standard::Scorm12 => ("imsmanifest.xml", manifest::scorm12(r.site, course, &files)),
        Standard::Scorm2004 => (
            "imsmanifest.xml",
            manifest::scorm2004(r.site, course, &files),
        ),
        Standard::Cmi5 => ("cmi5.xml", manifest::cmi5(r.site, course)),
    };
    files.insert(name.to_string(), text.into_bytes());
    Ok(files)
}
