//! `styrdok init`: writes a small starter site (a Swedish municipality's
//! roles, units and areas, a policy, a guideline, two rules, a module with a
//! quiz and a path) that builds and checks clean at once, and with
//! `--theme` a copy of the built-in theme to customise. The starter is
//! compiled into the binary, so `init` needs nothing but the binary.

use crate::messages::Message;
use std::path::{Path, PathBuf};

/// The starter site: path in the new site → contents.
const STARTER: &[(&str, &str)] = &[
    ("site.yaml", include_str!("starter/site.yaml")),
    (".gitignore", include_str!("starter/gitignore")),
    (
        "content/_index.md",
        include_str!("starter/content/_index.md"),
    ),
    (
        "content/policy/_index.md",
        include_str!("starter/content/policy/_index.md"),
    ),
    (
        "content/policy/informationssakerhetspolicy.md",
        include_str!("starter/content/policy/informationssakerhetspolicy.md"),
    ),
    (
        "content/riktlinjer/_index.md",
        include_str!("starter/content/riktlinjer/_index.md"),
    ),
    (
        "content/riktlinjer/riktlinje-informationssakerhet.md",
        include_str!("starter/content/riktlinjer/riktlinje-informationssakerhet.md"),
    ),
    (
        "content/regler/_index.md",
        include_str!("starter/content/regler/_index.md"),
    ),
    (
        "content/regler/losenord.md",
        include_str!("starter/content/regler/losenord.md"),
    ),
    (
        "content/regler/incidenter.md",
        include_str!("starter/content/regler/incidenter.md"),
    ),
    (
        "content/utbildning/_index.md",
        include_str!("starter/content/utbildning/_index.md"),
    ),
    (
        "content/utbildning/grundkurs.md",
        include_str!("starter/content/utbildning/grundkurs.md"),
    ),
    (
        "content/utbildning/ny-medarbetare.md",
        include_str!("starter/content/utbildning/ny-medarbetare.md"),
    ),
    (
        "quizzes/grundkurs.yaml",
        include_str!("starter/quizzes/grundkurs.yaml"),
    ),
];

/// What `styrdok init` is asked to do.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub dir: PathBuf,
    /// Also copy the built-in theme to `DIR/themes/default/`.
    pub theme: bool,
}

/// Writes the starter site into `dir`, which must not exist or be empty.
/// Returns the number of files written. Errors are usage errors.
pub fn init(options: &InitOptions) -> Result<usize, Message> {
    let dir = &options.dir;
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map_err(|e| t!("cannot read {dir}: {e}", dir = dir.display(), e))?
            .next()
            .is_none();
        if !empty {
            return Err(t!(
                "`{dir}` is not empty; styrdok init only writes into a new or empty folder",
                dir = dir.display()
            ));
        }
    }
    let mut files: Vec<(PathBuf, &[u8])> = STARTER
        .iter()
        .map(|(rel, text)| (PathBuf::from(rel), text.as_bytes()))
        .collect();
    if options.theme {
        let base = Path::new(crate::discover::THEMES_DIR).join("default");
        for (rel, bytes) in crate::theme::builtin_templates() {
            files.push((base.join("templates").join(rel), bytes));
        }
        for (rel, bytes) in crate::theme::builtin_statics() {
            files.push((base.join("static").join(rel), bytes));
        }
    }
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| t!("cannot create {parent}: {e}", parent = parent.display(), e))?;
        }
        std::fs::write(&path, bytes)
            .map_err(|e| t!("cannot write {path}: {e}", path = path.display(), e))?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_folder_with_files() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("x"), "x").unwrap();
        let err = init(&InitOptions {
            dir: tmp.path().to_path_buf(),
            theme: false,
        })
        .unwrap_err();
        assert!(err.en().contains("not empty"));
    }

    #[test]
    fn starter_site_checks_clean_but_for_its_contact_placeholders() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ny");
        init(&InitOptions {
            dir: dir.clone(),
            theme: true,
        })
        .unwrap();
        assert!(dir.join("themes/default/templates/base.html").is_file());
        let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1);
        let diags = crate::check(&dir, false, today, None);
        let text = crate::diagnostics::format(
            &diags,
            crate::diagnostics::Format::Text,
            crate::messages::Language::En,
        );
        // Only the contact block's placeholders (issue #21), each a warning.
        assert!(!diags.has_errors(), "{text}");
        assert_eq!(diags.warning_count(), 5, "{text}");
        assert!(
            diags
                .iter()
                .all(|d| d.message.en().contains("still holds a placeholder")),
            "{text}"
        );
    }
}
