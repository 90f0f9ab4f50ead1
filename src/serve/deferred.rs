//! The second stage of a partial rebuild: after the edited pages are
//! served, a background thread re-renders what lists the whole site —
//! section pages and the start page, `roller/`, the training pages, alias
//! pages, the governance views, the feed and sitemap, version pages — and
//! last the search index, each file written only when its bytes changed.
//! It works on its own copy of the site, on low-priority threads, so the
//! next edit's first stage is not kept waiting.
//!
//! A newer job supersedes an older one: the older stops before its next
//! step (one step, such as the search index, is not interrupted), and only
//! the newest queued job runs. A full build first stops the stage and waits
//! (it replaces the folder the stage writes into).

use crate::diagnostics::Diagnostic;
use crate::history::History;
use crate::output::Staging;
use crate::render::{stages, Renderer};
use crate::site::Site;
use crate::theme::Theme;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What the second stage renders from.
pub struct Job {
    pub site: Site,
    pub theme: Arc<Theme>,
    pub history: Arc<History>,
}

#[derive(Default)]
struct Progress {
    /// Jobs submitted and not yet finished or dropped.
    open: usize,
}

struct Shared {
    /// The generation of the newest job; a job of an older one stops.
    latest: AtomicU64,
    progress: Mutex<Progress>,
    idle: Condvar,
}

/// The handle `serve` keeps: submits jobs, stops them.
pub struct FollowUp {
    jobs: Sender<(u64, Job)>,
    shared: Arc<Shared>,
}

impl FollowUp {
    /// Starts the background thread, writing into `out`.
    pub fn start(out: PathBuf) -> FollowUp {
        let (jobs, rx) = channel();
        let shared = Arc::new(Shared {
            latest: AtomicU64::new(0),
            progress: Mutex::new(Progress::default()),
            idle: Condvar::new(),
        });
        let s = shared.clone();
        std::thread::Builder::new()
            .name("styrdok-follow-up".into())
            .spawn(move || run(rx, &s, &out))
            .expect("cannot start a thread");
        FollowUp { jobs, shared }
    }

    /// Queues `job`, superseding any earlier one.
    pub fn submit(&self, job: Job) {
        let generation = self.shared.latest.fetch_add(1, Ordering::SeqCst) + 1;
        self.lock().open += 1;
        if self.jobs.send((generation, job)).is_err() {
            self.finished();
        }
    }

    /// Stops the current job at its next step and drops queued ones (a new
    /// edit is being rebuilt: its own job follows).
    pub fn supersede(&self) {
        self.shared.latest.fetch_add(1, Ordering::SeqCst);
    }

    /// [`FollowUp::supersede`], then waits until nothing runs.
    pub fn cancel_and_wait(&self) {
        self.supersede();
        self.wait_idle(Duration::from_secs(3600));
    }

    /// Waits until every submitted job has finished (or was superseded).
    pub fn wait_idle(&self, limit: Duration) -> bool {
        let guard = self.lock();
        let (guard, _) = self
            .shared
            .idle
            .wait_timeout_while(guard, limit, |p| p.open > 0)
            .unwrap_or_else(|e| e.into_inner());
        guard.open == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Progress> {
        lock(&self.shared)
    }

    fn finished(&self) {
        finished(&self.shared);
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, Progress> {
    shared.progress.lock().unwrap_or_else(|e| e.into_inner())
}

fn finished(shared: &Shared) {
    let mut p = lock(shared);
    p.open = p.open.saturating_sub(1);
    if p.open == 0 {
        shared.idle.notify_all();
    }
}

/// The background thread: runs the newest job, one at a time.
fn run(rx: Receiver<(u64, Job)>, shared: &Shared, out: &Path) {
    lower_priority();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|n| format!("styrdok-follow-up-{n}"))
        .start_handler(|_| lower_priority())
        .build()
        .ok();
    while let Ok((generation, job)) = rx.recv() {
        let current = || shared.latest.load(Ordering::SeqCst) == generation;
        if current() {
            let started = Instant::now();
            let stage = || second_stage(&job, out, &current);
            // Without a pool of its own, on the shared one.
            let result = match &pool {
                Some(pool) => pool.install(stage),
                None => stage(),
            };
            match result {
                Ok(true) => {
                    let ms = started.elapsed().as_millis();
                    super::say(t!(
                        "Refreshed lists, governance views and the search index in {ms} ms",
                        ms
                    ));
                }
                Ok(false) => {}
                Err(errors) => {
                    let mut diags = crate::diagnostics::Diagnostics::default();
                    diags.extend(errors);
                    eprint!(
                        "{}",
                        crate::diagnostics::format_styled(
                            &diags,
                            crate::diagnostics::TextStyle::for_stderr()
                        )
                    );
                }
            }
        }
        drop(job);
        finished(shared);
    }
}

/// Background work yields the processor to the first stage of the next edit.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // On Linux a thread has its own nice value; 0 is the calling thread.
        let _ = rustix::process::setpriority_process(None, 19);
    }
}

/// Renders what [`stages::STAGES`] renders again after an edit, then the
/// search index. `Ok(false)` when a newer job made it stop early.
fn second_stage(
    job: &Job,
    out: &Path,
    current: &dyn Fn() -> bool,
) -> Result<bool, Vec<Diagnostic>> {
    let mut r = Renderer::new(&job.site, &job.theme)?;
    crate::render::versions::with_history(&mut r, &job.history);
    let staging = Staging::live(out);
    let mut errors = Vec::new();
    let steps = stages::STAGES.iter().chain([&stages::SEARCH]);
    for run in steps.filter_map(|stage| stage.after_edit) {
        if !current() {
            return Ok(false);
        }
        if let Err(e) = run(&r, &job.theme, &staging) {
            errors.extend(e);
        }
    }
    if errors.is_empty() {
        remove_stale_search_shards(out, &staging);
        Ok(true)
    } else {
        Err(errors)
    }
}

/// Term shards are cut by size, so new words can change which exist: one
/// this run did not write is left over from an earlier index.
fn remove_stale_search_shards(out: &Path, staging: &Staging) {
    let written: std::collections::HashSet<String> = staging.written().into_iter().collect();
    let Ok(entries) = std::fs::read_dir(out.join("sok/data/t")) else {
        return;
    };
    for e in entries.flatten() {
        let rel = format!("sok/data/t/{}", e.file_name().to_string_lossy());
        if !written.contains(&rel) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
