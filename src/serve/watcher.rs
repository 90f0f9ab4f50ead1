//! Watches the site's inputs — `content/`, `quizzes/`, `themes/` and
//! `site.yaml` — with the operating system's file events, or by polling
//! (`--poll`, for network shares where events never arrive), and hands them
//! on in debounced batches: an editor's save is often several events.

use crate::messages::Message;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

/// How long the files must be quiet before a batch is handed on.
const QUIET: Duration = Duration::from_millis(20);
/// The longest a batch waits under a stream of events.
const MAX_WAIT: Duration = Duration::from_millis(300);
const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// A running watcher; dropping it stops the watching.
pub struct SiteWatcher {
    root: PathBuf,
    _watcher: Option<Box<dyn Watcher + Send>>,
    events: Receiver<notify::Result<notify::Event>>,
}

/// The folders watched recursively (the root itself only for site.yaml).
const WATCHED: [&str; 3] = ["content", "quizzes", "themes"];

impl SiteWatcher {
    pub fn start(root: &Path, poll: bool) -> Result<SiteWatcher, Message> {
        let (tx, events) = channel();
        if poll {
            let first = poll_scan(root);
            let at = root.to_path_buf();
            std::thread::Builder::new()
                .name("styrdok-poll".into())
                .spawn(move || poll_loop(&at, first, &tx))
                .map_err(|e| Message::foreign(e.to_string()))?;
            return Ok(SiteWatcher {
                root: root.to_path_buf(),
                _watcher: None,
                events,
            });
        }
        let mut watcher: Box<dyn Watcher + Send> = Box::new(
            RecommendedWatcher::new(tx, notify::Config::default())
                .map_err(|e| Message::foreign(e.to_string()))?,
        );
        // The root itself, not recursively: site.yaml (editors replace it
        // by a rename, which a watch on the file would lose) and folders
        // that appear later.
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| t!("cannot watch {root}: {e}", root = root.display(), e))?;
        for dir in WATCHED {
            let path = root.join(dir);
            if path.is_dir() {
                watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| t!("cannot watch {path}: {e}", path = path.display(), e))?;
            }
        }
        Ok(SiteWatcher {
            root: root.to_path_buf(),
            _watcher: Some(watcher),
            events,
        })
    }

    /// Blocks until something changed, then returns every path changed
    /// until the files were quiet for a moment. `None` when the watcher died.
    pub fn next_batch(&self) -> Option<Vec<PathBuf>> {
        let mut paths = Vec::new();
        let first = self.events.recv().ok()?;
        self.add(&mut paths, first);
        let started = Instant::now();
        loop {
            let left = MAX_WAIT.saturating_sub(started.elapsed());
            if left.is_zero() {
                break;
            }
            match self.events.recv_timeout(QUIET.min(left)) {
                Ok(e) => self.add(&mut paths, e),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        paths.sort();
        paths.dedup();
        Some(paths)
    }

    fn add(&self, paths: &mut Vec<PathBuf>, event: notify::Result<notify::Event>) {
        match event {
            Ok(e) if !e.kind.is_access() => paths.extend(e.paths),
            Ok(_) => {}
            // A lost event (a queue overflow, say): rebuild everything.
            Err(_) => paths.push(self.root.join("site.yaml")),
        }
    }
}

/// What polling compares: modification time (to the nanosecond, where the
/// file system keeps it: notify's own poller compares whole seconds and
/// misses a second save within the same second) and size.
type Stamp = (Option<SystemTime>, u64);

/// Every file of the site's inputs with its stamp.
fn poll_scan(root: &Path) -> HashMap<PathBuf, Stamp> {
    let mut files = HashMap::new();
    let stamp = |m: &std::fs::Metadata| (m.modified().ok(), m.len());
    if let Ok(entries) = std::fs::read_dir(root) {
        for e in entries.flatten() {
            if let Ok(m) = e.metadata() {
                if m.is_file() {
                    files.insert(e.path(), stamp(&m));
                }
            }
        }
    }
    for dir in WATCHED {
        for e in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            if let Ok(m) = e.metadata() {
                if m.is_file() {
                    files.insert(e.into_path(), stamp(&m));
                }
            }
        }
    }
    files
}

/// Scans every [`POLL_INTERVAL`] and reports files changed, created or
/// deleted since the scan before, until the watcher is dropped.
fn poll_loop(
    root: &Path,
    mut last: HashMap<PathBuf, Stamp>,
    tx: &Sender<notify::Result<notify::Event>>,
) {
    loop {
        std::thread::sleep(POLL_INTERVAL);
        let now = poll_scan(root);
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(p, s)| last.get(*p) != Some(s))
            .map(|(p, _)| p.clone())
            .collect();
        changed.extend(last.keys().filter(|p| !now.contains_key(*p)).cloned());
        if !changed.is_empty() {
            let mut event = notify::Event::new(notify::EventKind::Any);
            event.paths = changed;
            if tx.send(Ok(event)).is_err() {
                return;
            }
        }
        last = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_sees_a_second_save_within_the_same_second() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let file = root.join("content/a.md");
        std::fs::write(&file, "one").unwrap();
        let watcher = SiteWatcher::start(root, true).unwrap();
        std::fs::write(&file, "three").unwrap();
        let batch = watcher.next_batch().unwrap();
        assert_eq!(batch, vec![file.clone()]);
        std::fs::remove_file(&file).unwrap();
        assert_eq!(watcher.next_batch().unwrap(), vec![file]);
    }
}
