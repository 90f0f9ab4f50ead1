//! The atomic write: a build goes into a staging folder beside OUT, and only
//! a complete, successful build replaces OUT — in one `rename` exchange on
//! Linux. A failed or killed build leaves OUT byte-for-byte as it was, and a
//! successful one leaves no stale file behind.

use crate::diagnostics::Diagnostic;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// A folder being filled with a new build.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    /// Writes go straight into OUT (see [`Staging::live`]).
    live: bool,
    /// The build is in OUT; dropping must not remove anything.
    committed: bool,
    /// `--force`: the commit may replace a folder styrdok did not make.
    force: bool,
    /// Live only: every path written (or found already up to date), for
    /// `serve` to remove files a rebuild no longer produces.
    written: std::sync::Mutex<Vec<String>>,
}

/// Makes the temporary names of concurrent live writes distinct.
static LIVE_WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

const STAGING_MARK: &str = ".styrdok-staging-";

impl Staging {
    /// Creates a fresh staging folder beside `out`, removing ones left by
    /// builds that were killed.
    pub fn create(out: &Path) -> Result<Staging, Diagnostic> {
        let out = absolute(out);
        let parent = out.parent().ok_or_else(|| {
            Diagnostic::error(
                out.display().to_string(),
                t!("the output folder has no parent folder"),
            )
        })?;
        fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}{STAGING_MARK}");
        if let Ok(entries) = fs::read_dir(parent) {
            for e in entries.flatten() {
                if e.file_name().to_string_lossy().starts_with(&prefix) {
                    remove_tree(&e.path());
                }
            }
        }
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        fs::create_dir(&dir).map_err(|e| io_error(&dir, &e))?;
        let staging = Staging {
            dir,
            out,
            live: false,
            committed: false,
            force: false,
            written: Default::default(),
        };
        staging.write(crate::outdir::MARKER, crate::outdir::MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// Lets the commit replace a folder styrdok did not make (`--force`;
    /// the build checked the path with [`crate::outdir::claim`]).
    pub fn forced(mut self, force: bool) -> Staging {
        self.force = force;
        self
    }

    /// Writes straight into an existing OUT, each file replaced by a rename
    /// so a reader never sees half a page, and a file whose bytes are
    /// already there not written at all. For `serve`'s partial rebuilds,
    /// which re-render parts of a build already in place.
    pub fn live(out: &Path) -> Staging {
        let out = absolute(out);
        Staging {
            dir: out.clone(),
            out,
            live: true,
            committed: false,
            force: false,
            written: Default::default(),
        }
    }

    /// The paths (relative to OUT) this live staging wrote or found up to date.
    pub fn written(&self) -> Vec<String> {
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one output file, `rel` being its path inside OUT (`a/b/index.html`).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        }
        if !self.live {
            return fs::write(&path, bytes).map_err(|e| io_error(&path, &e));
        }
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rel.to_string());
        if same_bytes(&path, bytes) {
            return Ok(());
        }
        let n = LIVE_WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut tmp = path.clone().into_os_string();
        tmp.push(format!(".styrdok-tmp-{}-{n}", std::process::id()));
        fs::write(&tmp, bytes).map_err(|e| io_error(&path, &e))?;
        fs::rename(&tmp, &path).map_err(|e| io_error(&path, &e))
    }

    /// Writes one output file piece by piece: `fill` gets a writer and
    /// writes the file's contents, so a large file need not be whole in
    /// memory first. (A live folder gets it through [`Staging::write`],
    /// which keeps a file whose bytes did not change.)
    pub fn write_with(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), Diagnostic> {
        use std::io::Write as _;
        let path = self.path_for(rel)?;
        if self.live {
            let mut bytes = Vec::new();
            fill(&mut bytes).map_err(|e| io_error(&path, &e))?;
            return self.write(rel, &bytes);
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        }
        let file = fs::File::create(&path).map_err(|e| io_error(&path, &e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        fill(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| io_error(&path, &e))
    }

    /// Refuses any path that could leave the staging folder.
    fn path_for(&self, rel: &str) -> Result<PathBuf, Diagnostic> {
        let rel_path = Path::new(rel);
        let safe = !rel.is_empty()
            && rel_path
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(Diagnostic::error(
                rel,
                t!("refusing to write outside the output folder"),
            ));
        }
        Ok(self.dir.join(rel_path))
    }

    /// Replaces OUT with the staged build. (It used to `mem::forget` itself
    /// to skip `Drop`, which leaked both paths on every build: fuzzing found
    /// it; a long `serve` session rebuilds many times.)
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if self.live {
            return Ok(());
        }
        // Checked again now: the folder may have changed while the build ran.
        crate::outdir::replaceable(&self.out, self.force).map_err(|why| {
            Diagnostic::error(
                self.out.display().to_string(),
                t!("the output folder {why}", why),
            )
        })?;
        if fs::symlink_metadata(&self.out).is_ok() {
            swap(&self.dir, &self.out).map_err(|e| io_error(&self.out, &e))?;
            self.committed = true;
            // `self.dir` now holds the previous build.
            remove_tree(&self.dir);
        } else {
            fs::rename(&self.dir, &self.out).map_err(|e| io_error(&self.out, &e))?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Drop for Staging {
    /// A build that did not commit leaves nothing behind.
    fn drop(&mut self) {
        if !self.live && !self.committed {
            remove_tree(&self.dir);
        }
    }
}

/// Exchanges two folders. Linux does it atomically; elsewhere the old one is
/// moved aside first (a short window in which OUT is missing).
/// Removes a folder and everything in it, files on all threads and then
/// folders deepest first, each level on all threads: a large site's
/// previous build is tens of thousands of files and folders, and removing
/// them one by one took over a second at 10,000 pages. What cannot be
/// removed is left (as `remove_dir_all` would leave it).
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    // A link is removed, never followed (walkdir follows a root link).
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            let _ = fs::remove_file(dir);
            return;
        }
        Err(_) => return,
    }
    let mut files = Vec::new();
    let mut folders: Vec<(usize, PathBuf)> = Vec::new();
    let walk = walkdir::WalkDir::new(dir).follow_root_links(false);
    for entry in walk.into_iter().flatten() {
        if entry.file_type().is_dir() {
            folders.push((entry.depth(), entry.into_path()));
        } else {
            files.push(entry.into_path());
        }
    }
    files.par_iter().for_each(|f| {
        let _ = fs::remove_file(f);
    });
    folders.sort_unstable_by_key(|f| std::cmp::Reverse(f.0));
    for level in folders.chunk_by(|a, b| a.0 == b.0) {
        level.par_iter().for_each(|(_, d)| {
            let _ = fs::remove_dir(d);
        });
    }
    // Anything the walk could not see or remove (it changed meanwhile).
    if dir.exists() {
        let _ = fs::remove_dir_all(dir);
    }
}

fn swap(new: &Path, out: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        match renameat_with(CWD, new, CWD, out, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let aside = new.with_extension("old");
    fs::rename(out, &aside)?;
    if let Err(e) = fs::rename(new, out) {
        let _ = fs::rename(&aside, out);
        return Err(e);
    }
    fs::rename(&aside, new)
}

/// Does the file at `path` hold exactly `bytes`? (Sizes first: most
/// changed pages change length, and then the file is not read.)
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

fn io_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(path.display().to_string(), t!("cannot write: {e}", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_tree_removes_every_level() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("old");
        for page in 0..50 {
            let d = dir.join(format!("regler/r{page}/v1.0"));
            fs::create_dir_all(&d).unwrap();
            fs::write(d.join("index.html"), "x").unwrap();
            fs::write(d.parent().unwrap().join("index.html"), "y").unwrap();
        }
        fs::create_dir_all(dir.join("empty/deeper")).unwrap();
        fs::write(dir.join("index.html"), "z").unwrap();
        remove_tree(&dir);
        assert!(!dir.exists());
        assert!(tmp.path().exists(), "only the tree itself goes");
    }

    #[test]
    fn commit_replaces_whole_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir_all(out.join("stale")).unwrap();
        fs::write(out.join("stale/index.html"), "old").unwrap();
        fs::write(out.join(crate::outdir::MARKER), "").unwrap();
        let s = Staging::create(&out).unwrap();
        s.write("a/index.html", b"new").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        assert!(!out.join("stale").exists());
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().flatten().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }

    #[test]
    fn write_with_streams_a_file_in_pieces_staged_and_live() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::create(&out).unwrap();
        s.write_with("sok/big.json", |w| {
            w.write_all(b"{\"a\":")?;
            w.write_all(b"1}")
        })
        .unwrap();
        let failed = s.write_with("sok/bad.json", |_| Err(io::Error::other("disk full")));
        let failed = failed.unwrap_err();
        assert!(
            failed.path.contains("sok/bad.json") && failed.message.en().contains("disk full"),
            "{failed:?}"
        );
        assert!(s.write_with("../escape.json", |_| Ok(())).is_err());
        s.commit().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("sok/big.json")).unwrap(),
            "{\"a\":1}"
        );
        assert!(!tmp.path().join("escape.json").exists());
        // Live (serve): written beside, then renamed over; no temp file left.
        let live = Staging::live(&out);
        live.write_with("sok/big.json", |w| w.write_all(b"[]"))
            .unwrap();
        assert_eq!(fs::read_to_string(out.join("sok/big.json")).unwrap(), "[]");
        let names: Vec<String> = fs::read_dir(out.join("sok"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.contains("styrdok-tmp")),
            "{names:?}"
        );
    }

    #[test]
    fn dropped_staging_leaves_out_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("index.html"), "old").unwrap();
        {
            let s = Staging::create(&out).unwrap();
            s.write("index.html", b"half").unwrap();
        }
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_to_write_outside() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Staging::create(&tmp.path().join("public")).unwrap();
        for bad in ["../x", "/etc/passwd", "a/../../x", ""] {
            assert!(s.write(bad, b"x").is_err(), "{bad}");
        }
    }

    #[test]
    fn live_writes_replace_single_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("keep.html"), "keep").unwrap();
        let s = Staging::live(&out);
        s.write("a/index.html", b"new").unwrap();
        assert!(s.write("../x", b"x").is_err());
        drop(s);
        assert_eq!(fs::read_to_string(out.join("keep.html")).unwrap(), "keep");
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "new");
        assert_eq!(fs::read_dir(out.join("a")).unwrap().count(), 1);
    }

    #[test]
    fn live_writes_leave_unchanged_files_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("same.html"), "same").unwrap();
        #[cfg(unix)]
        let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&fs::metadata(p).unwrap());
        #[cfg(unix)]
        let before = inode(&out.join("same.html"));
        let s = Staging::live(&out);
        s.write("same.html", b"same").unwrap();
        s.write("other.html", b"other").unwrap();
        // Replaced by a rename: a new inode. Unchanged: the same one.
        #[cfg(unix)]
        assert_eq!(inode(&out.join("same.html")), before);
        assert_eq!(s.written(), ["same.html", "other.html"]);
        s.write("same.html", b"changed").unwrap();
        assert_eq!(
            fs::read_to_string(out.join("same.html")).unwrap(),
            "changed"
        );
        #[cfg(unix)]
        assert_ne!(inode(&out.join("same.html")), before);
    }
}
