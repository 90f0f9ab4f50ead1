//! The PDF cache: `ROOT/.styrdok-cache/pdf/<key>.pdf`, where the key is
//! the SHA-256 of the typst source (which holds everything a PDF shows:
//! text, metadata, labels, the page template) and of the typst version
//! and [`FORMAT`]. A build compiles only the PDFs whose source is new and
//! copies the rest; it then drops the files no version uses any more. A
//! missing or unwritable cache only costs time.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Bumped whenever what a source compiles to changes without the source
/// changing (the export options, the fonts).
const FORMAT: &str = "styrdok-pdf-1";

pub(super) struct Store {
    dir: PathBuf,
}

impl Store {
    pub(super) fn open(root: &Path) -> Store {
        let base = crate::history::cache_dir(root);
        let dir = base.join("pdf");
        if std::fs::create_dir_all(&dir).is_ok() && !base.join(".gitignore").exists() {
            let _ = std::fs::write(base.join(".gitignore"), "*\n");
        }
        Store { dir }
    }

    fn key(source: &str) -> String {
        let mut h = Sha256::new();
        h.update(FORMAT.as_bytes());
        h.update([0]);
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update([0]);
        h.update(typst_version().as_bytes());
        h.update([0]);
        h.update(source.as_bytes());
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The key of `source` and its PDF: from the cache when it is there
    /// (and looks like a PDF), else from `make`, then stored.
    pub(super) fn get_or_make(
        &self,
        source: &str,
        make: impl FnOnce() -> Result<Vec<u8>, String>,
    ) -> Result<(String, Vec<u8>), String> {
        let key = Self::key(source);
        let file = self.dir.join(format!("{key}.pdf"));
        if let Ok(bytes) = std::fs::read(&file) {
            if bytes.starts_with(b"%PDF-") {
                return Ok((key, bytes));
            }
        }
        let bytes = make()?;
        // Write beside and rename, so a concurrent build never reads half a file.
        let tmp = self.dir.join(format!("{key}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, &bytes).is_ok() && std::fs::rename(&tmp, &file).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        Ok((key, bytes))
    }

    /// Removes every cached PDF whose key is not in `used`.
    pub(super) fn keep_only(&self, used: &[String]) {
        let used: std::collections::HashSet<&str> = used.iter().map(String::as_str).collect();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let Some(key) = name.strip_suffix(".pdf") else {
                continue;
            };
            if !used.contains(key) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The typst crates' version, part of every key.
fn typst_version() -> &'static str {
    typst::utils::version().raw()
}
