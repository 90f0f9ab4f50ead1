//! Watches the site's inputs — `content/`, `quizzes/`, `themes/` and
//! `site.yaml` — with the operating system's file events, or by polling
//! (`--poll`, for network shares where events never arrive), and hands them
//! on in debounced batches: an editor's save is often several events.

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the files must be quiet before a batch is handed on.
const QUIET: Duration = Duration::from_millis(20);
/// The longest a batch waits under a stream of events.
const MAX_WAIT: Duration = Duration::from_millis(300);
const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// A running watcher; dropping it stops the watching.
pub struct SiteWatcher {
    root: PathBuf,
    _watcher: Box<dyn Watcher + Send>,
    events: Receiver<notify::Result<notify::Event>>,
}

impl SiteWatcher {
    pub fn start(root: &Path, poll: bool) -> Result<SiteWatcher, String> {
        let (tx, events) = channel();
        let mut watcher: Box<dyn Watcher + Send> = if poll {
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(false);
            Box::new(PollWatcher::new(tx, config).map_err(|e| e.to_string())?)
        } else {
            Box::new(
                RecommendedWatcher::new(tx, notify::Config::default())
                    .map_err(|e| e.to_string())?,
            )
        };
        // The root itself, not recursively: site.yaml (editors replace it
        // by a rename, which a watch on the file would lose) and folders
        // that appear later.
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        for dir in ["content", "quizzes", "themes"] {
            let path = root.join(dir);
            if path.is_dir() {
                watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
            }
        }
        Ok(SiteWatcher {
            root: root.to_path_buf(),
            _watcher: watcher,
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
