//! Which rebuild a batch of changed files needs. Content documents can be
//! re-rendered one by one (with what depends on them); an asset under
//! `content/` is copied; anything that every page depends on (site.yaml,
//! quizzes, the theme) or that changes the set of files means a full build.

use std::collections::BTreeSet;
use std::path::Path;

/// One changed path, by what it is to the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// `content/**/*.md`, relative to the root.
    Document(String),
    /// Any other file under `content/`, relative to the root.
    Asset(String),
    Quiz,
    Theme,
    Config,
    /// Not part of the site (the output, hidden files, editor backups).
    Ignored,
}

/// The rebuild a batch of changes needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    Nothing,
    Full,
    /// Re-render these documents and their dependents; copy these assets.
    Partial {
        documents: BTreeSet<String>,
        assets: BTreeSet<String>,
    },
}

/// Editors write these beside the file they save.
fn is_editor_litter(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.contains(".styrdok-")
        || name == "4913"
}

/// Classifies `path` (absolute, or relative to the current folder, as the
/// watcher reports it) for the site at `root`.
pub fn classify(root: &Path, path: &Path) -> Change {
    let Ok(rel) = path.strip_prefix(root) else {
        return Change::Ignored;
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(name) = parts.last() else {
        return Change::Ignored;
    };
    if parts.iter().any(|p| is_editor_litter(p)) {
        return Change::Ignored;
    }
    let joined = parts.join("/");
    match parts[0].as_str() {
        "site.yaml" if parts.len() == 1 => Change::Config,
        "content" if parts.len() > 1 => {
            if name.ends_with(".md") {
                Change::Document(joined)
            } else {
                Change::Asset(joined)
            }
        }
        "quizzes" if name.ends_with(".yaml") || name.ends_with(".yml") => Change::Quiz,
        "themes" => Change::Theme,
        _ => Change::Ignored,
    }
}

/// The plan for a batch. `exists` tells whether a path is a file now (a
/// created or deleted file changes the site's shape: a full build).
pub fn plan(changes: &[Change], known: impl Fn(&str) -> bool) -> Plan {
    let mut documents = BTreeSet::new();
    let mut assets = BTreeSet::new();
    for change in changes {
        match change {
            Change::Ignored => {}
            Change::Config | Change::Quiz | Change::Theme => return Plan::Full,
            Change::Document(p) if !known(p) => return Plan::Full,
            Change::Document(p) => {
                documents.insert(p.clone());
            }
            Change::Asset(p) => {
                assets.insert(p.clone());
            }
        }
    }
    if documents.is_empty() && assets.is_empty() {
        Plan::Nothing
    } else {
        Plan::Partial { documents, assets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(p: &str) -> Change {
        classify(Path::new("/site"), &Path::new("/site").join(p))
    }

    #[test]
    fn classifies_by_place_and_name() {
        assert_eq!(c("site.yaml"), Change::Config);
        assert_eq!(
            c("content/regler/a.md"),
            Change::Document("content/regler/a.md".into())
        );
        assert_eq!(
            c("content/bilder/a.png"),
            Change::Asset("content/bilder/a.png".into())
        );
        assert_eq!(c("quizzes/grund.yaml"), Change::Quiz);
        assert_eq!(c("themes/default/templates/base.html"), Change::Theme);
        for ignored in [
            "public/index.html",
            "content/.a.md.swp",
            "content/a.md~",
            "content/#a.md#",
            "content/regler/4913",
            "content/.git/x",
            "quizzes/notes.txt",
            "Cargo.toml",
            "content",
        ] {
            assert_eq!(c(ignored), Change::Ignored, "{ignored}");
        }
        assert_eq!(
            classify(Path::new("/site"), Path::new("/elsewhere/content/a.md")),
            Change::Ignored
        );
    }

    #[test]
    fn edits_to_known_documents_are_partial() {
        let changes = [c("content/a.md"), c("content/a.md"), c("content/b.png")];
        match plan(&changes, |_| true) {
            Plan::Partial { documents, assets } => {
                assert_eq!(documents.len(), 1);
                assert_eq!(assets.len(), 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn shared_inputs_and_new_files_mean_a_full_build() {
        assert_eq!(
            plan(&[c("content/a.md"), c("site.yaml")], |_| true),
            Plan::Full
        );
        assert_eq!(plan(&[c("quizzes/q.yaml")], |_| true), Plan::Full);
        assert_eq!(plan(&[c("themes/x/static/a.css")], |_| true), Plan::Full);
        assert_eq!(plan(&[c("content/new.md")], |_| false), Plan::Full);
    }

    #[test]
    fn litter_alone_needs_nothing() {
        assert_eq!(
            plan(&[c("content/.x.swp"), c("public/a")], |_| true),
            Plan::Nothing
        );
    }
}
