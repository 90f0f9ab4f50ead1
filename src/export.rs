//! `styrdok export scorm --out DIR` (SPEC §7, issue #19): the packages a
//! build writes to `OUT/scorm/`, written into a folder of the user's
//! choosing, for whoever imports them into the learning platform.
//!
//! Unlike a build, an export does not own its folder: it writes only the
//! package files (`M-01-v2.0-scorm12.zip`, …) into DIR, making DIR when it
//! is missing, and never removes or touches anything else there. A package
//! of the same name (the same module or path at the same version) is
//! replaced, each by a rename so a reader never sees half a zip; packages of
//! older versions stay until the user removes them. DIR may not be a file,
//! nor inside the site's `content/`, `quizzes/`, `themes/` or `.git/` (the
//! packages would become part of the site's source).

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::{history, render, site, theme};
use std::fs;
use std::path::{Path, PathBuf};

/// What `styrdok export scorm` is asked to do.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub root: PathBuf,
    /// The folder the packages go into.
    pub out: PathBuf,
    /// Use this base URL instead of site.yaml's (links out of a package).
    pub base_url: Option<String>,
    pub today: Option<crate::model::Date>,
}

/// A finished export.
#[derive(Debug)]
pub struct ExportReport {
    /// The package files written, by name, in the site's order.
    pub written: Vec<String>,
    /// Warnings of the site (an export that succeeds has no errors).
    pub diagnostics: Diagnostics,
}

/// Loads the site, packages every published, active module and path, and
/// writes the zips into `options.out`. When the site has errors nothing is
/// written.
pub fn export_scorm(options: &ExportOptions) -> Result<ExportReport, Diagnostics> {
    let shown = options.out.display().to_string();
    let one = |d: Diagnostic| {
        let mut ds = Diagnostics::default();
        ds.push(d);
        ds
    };
    check_folder(&options.root, &options.out).map_err(|m| one(Diagnostic::error(&shown, m)))?;
    let load = site::LoadOptions {
        drafts: false,
        base_url: options.base_url.clone(),
        today: options.today,
    };
    let (site, warnings) = site::load(&options.root, &load)?;
    let with_warnings = |errors: Vec<Diagnostic>| {
        let mut all = warnings.clone();
        all.extend(errors);
        all.sort();
        all
    };
    let theme = theme::load(&options.root, &site.config.theme).map_err(with_warnings)?;
    let history = history::load(&site);
    let mut r = render::Renderer::new(&site, &theme).map_err(with_warnings)?;
    r.history = Some(&history);
    let packages = render::lms::package_set(&r, &theme).map_err(with_warnings)?;
    fs::create_dir_all(&options.out).map_err(|e| {
        with_warnings(vec![Diagnostic::error(
            &shown,
            t!("cannot write packages into the folder: {e}", e),
        )])
    })?;
    let mut written = Vec::with_capacity(packages.len());
    for (name, bytes) in &packages {
        write_replacing(&options.out.join(name), bytes).map_err(|e| {
            with_warnings(vec![Diagnostic::error(
                options.out.join(name).display().to_string(),
                t!("cannot write: {e}", e),
            )])
        })?;
        written.push(name.clone());
    }
    Ok(ExportReport {
        written,
        diagnostics: warnings,
    })
}

/// May packages be written into `out` for the site at `root`? `Err` is the
/// message for the user.
fn check_folder(root: &Path, out: &Path) -> Result<(), crate::messages::Message> {
    if out.exists() && !out.is_dir() {
        return Err(t!(
            "cannot write packages here: it is a file, not a folder; choose a folder with --out"
        ));
    }
    let real = |p: &Path| {
        // The nearest existing folder, resolved, with the rest appended.
        let mut existing = p.to_path_buf();
        let mut rest = Vec::new();
        while fs::canonicalize(&existing).is_err() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = if parent.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        parent.to_path_buf()
                    };
                }
                _ => break,
            }
        }
        let mut path = fs::canonicalize(&existing).unwrap_or(existing);
        path.extend(rest.iter().rev());
        path
    };
    let (root, out) = (real(root), real(out));
    for protected in [
        crate::discover::CONTENT_DIR,
        crate::discover::QUIZ_DIR,
        crate::discover::THEMES_DIR,
        ".git",
    ] {
        if out.starts_with(root.join(protected)) {
            return Err(t!("cannot write packages inside the site's {protected}/ folder: they would become part of the site; choose a folder outside it", protected));
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file beside it and a
/// rename, so the file is either the old one or the whole new one.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.styrdok-{}", std::process::id()));
    fs::write(&tmp, bytes)
        .and_then(|()| fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_or_the_site_source_is_no_export_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        fs::create_dir_all(root.join("content/regler")).unwrap();
        fs::write(tmp.path().join("file.zip"), "x").unwrap();
        assert!(check_folder(&root, &tmp.path().join("file.zip")).is_err());
        for inside in [
            "content",
            "content/regler/new",
            "quizzes",
            "themes/x",
            ".git",
        ] {
            let err = check_folder(&root, &root.join(inside)).unwrap_err();
            assert!(err.en().contains("inside the site's"), "{inside}: {err}");
        }
        assert!(check_folder(&root, &root.join("lms")).is_ok());
        assert!(check_folder(&root, &tmp.path().join("new/deeper")).is_ok());
        assert!(
            check_folder(&root, tmp.path()).is_ok(),
            "an existing folder"
        );
    }

    #[test]
    fn a_replaced_file_is_whole_and_leaves_no_temporary() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("M-1-v1.0-scorm12.zip");
        fs::write(&path, "old").unwrap();
        write_replacing(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }
}
