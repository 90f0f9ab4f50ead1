//! Finds a site's files: Markdown under `content/`, the other files there
//! (attachments, checked by [`crate::attachments`]), editors' backups and
//! copies (never published), quiz banks under `quizzes/`, and a theme's
//! overrides.
//! Also the one place that turns raw bytes into text, so invalid UTF-8 is
//! reported the same way everywhere.

use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const CONTENT_DIR: &str = "content";
pub const QUIZ_DIR: &str = "quizzes";
pub const THEMES_DIR: &str = "themes";

/// What `discover` found, with paths relative to the site root using `/`.
#[derive(Debug, Default, Clone)]
pub struct SiteFiles {
    /// `content/**/*.md`, sorted.
    pub markdown: Vec<String>,
    /// Every other file under `content/`, sorted.
    pub assets: Vec<String>,
    /// Backup, swap and copy files under `content/` (`hemlig.md~`,
    /// `x (kopia).md`), Markdown or not: never pages, never published.
    pub backups: Vec<String>,
    /// `quizzes/*.yaml` (and `.yml`), sorted.
    pub quizzes: Vec<String>,
}

/// Walks the site. Hidden files and folders (`.git`, editor swap files) are
/// skipped; symlinks are not followed, so nothing outside the site is read.
pub fn discover(root: &Path) -> Result<SiteFiles, Diagnostic> {
    let mut files = SiteFiles::default();
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(Diagnostic::error(
            CONTENT_DIR,
            "the site has no `content/` folder",
        ));
    }
    for rel in walk(root, &content)? {
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        if crate::attachments::is_backup(name) {
            files.backups.push(rel);
        } else if rel.ends_with(".md") {
            files.markdown.push(rel);
        } else {
            files.assets.push(rel);
        }
    }
    let quizzes = root.join(QUIZ_DIR);
    if quizzes.is_dir() {
        for rel in walk(root, &quizzes)? {
            if rel.ends_with(".yaml") || rel.ends_with(".yml") {
                files.quizzes.push(rel);
            }
        }
    }
    Ok(files)
}

/// Files below `dir`, relative to `root`, sorted.
pub fn walk(root: &Path, dir: &Path) -> Result<Vec<String>, Diagnostic> {
    let mut out = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let p = e.path().map(|p| relative(root, p)).unwrap_or_default();
            Diagnostic::error(p, format!("cannot read: {e}"))
        })?;
        if entry.file_type().is_file() {
            out.push(relative(root, entry.path()));
        }
    }
    Ok(out)
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Reads a file as UTF-8 text, without a byte-order mark. `shown` is the
/// path used in the message.
pub fn read_text(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    use crate::limits::{human, MAX_TEXT_FILE_BYTES};
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > MAX_TEXT_FILE_BYTES {
            return Err(Diagnostic::error(
                shown,
                format!(
                    "the file is {}; styrdok reads text files of up to {}",
                    human(meta.len()),
                    human(MAX_TEXT_FILE_BYTES)
                ),
            )
            .with_hint("split it into several documents"));
        }
    }
    let bytes = std::fs::read(path).map_err(|e| {
        let msg = if e.kind() == std::io::ErrorKind::NotFound {
            "file not found".to_string()
        } else {
            format!("cannot read file: {e}")
        };
        Diagnostic::error(shown, msg)
    })?;
    decode(bytes, shown)
}

/// UTF-8 decoding with the position of the first bad byte.
pub fn decode(bytes: Vec<u8>, shown: &str) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let good = String::from_utf8_lossy(&bytes[..valid]);
            let (line, col) = crate::diagnostics::line_col(&good, good.len());
            let mut d = Diagnostic::error(shown, "the file is not valid UTF-8 text").with_hint(
                "save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)",
            );
            d.line = Some(line);
            d.column = Some(col);
            Err(d)
        }
    }
}

/// The theme folder of a site, if it has one.
pub fn theme_dir(root: &Path, theme: &str) -> Option<PathBuf> {
    let dir = root.join(THEMES_DIR).join(theme);
    dir.is_dir().then_some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let d = decode(b"---\ntitle: \xff\n".to_vec(), "content/a.md").unwrap_err();
        assert_eq!(d.location(), "content/a.md:2:8");
        assert!(d.message.contains("UTF-8"));
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(
            decode("\u{feff}---".as_bytes().to_vec(), "x").unwrap(),
            "---"
        );
    }
}
