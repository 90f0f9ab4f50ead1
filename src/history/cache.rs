//! The history cache: `ROOT/.styrdok-cache/history.json`, with a
//! `.gitignore` of its own so it never reaches a commit. It holds the
//! result of the last walk (valid while HEAD and the site's place in the
//! repository are the same) and, keyed by blob id, the front matter
//! summaries and texts read from git, so a walk after new commits reads
//! only new blobs. A missing, unreadable or outdated cache is simply rebuilt.

use super::walk::{IdHistory, Summaries, Texts};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Bumped whenever the cache's shape or meaning changes.
const FORMAT: u32 = 2;

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Cache {
    format: u32,
    /// The commit the walk started from.
    pub head: String,
    /// The site root within the repository.
    pub prefix: String,
    pub ids: BTreeMap<String, IdHistory>,
    /// Blob id → the keys history needs (`None`: not a versioned file).
    pub summaries: Summaries,
    /// Blob id → text, for approved versions.
    pub texts: Texts,
}

pub(crate) fn dir(root: &Path) -> PathBuf {
    root.join(".styrdok-cache")
}

fn file(root: &Path) -> PathBuf {
    dir(root).join("history.json")
}

/// The cache, or an empty one.
pub(crate) fn read(root: &Path) -> Cache {
    std::fs::read(file(root))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Cache>(&bytes).ok())
        .filter(|c| c.format == FORMAT)
        .unwrap_or_default()
}

/// Writes the cache; failing to is not an error (the next build walks again).
pub(crate) fn write(root: &Path, cache: &mut Cache) {
    cache.format = FORMAT;
    let dir = dir(root);
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let _ = std::fs::write(dir.join(".gitignore"), "*\n");
    let Ok(bytes) = serde_json::to_vec(cache) else {
        return;
    };
    // Write beside and rename, so a concurrent build never reads half a file.
    let tmp = dir.join(format!("history.json.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, file(root)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
