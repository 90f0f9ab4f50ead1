//! `styrdok serve`: builds the site into a private folder under the system
//! temp dir, serves it on the loopback interface, watches the site's files
//! and rebuilds on change — partially when one document was edited — then
//! tells open pages to reload, or shows them the build error.
//!
//! `classify` (which rebuild a change needs), `incremental` (full and
//! partial rebuilds), `deferred` (the background stage of a partial one:
//! views of the whole site and the search index), `watcher` (file events,
//! debounced), `server` (HTTP, confined to the output) and `live` (what
//! open pages are told).

pub mod classify;
pub mod deferred;
pub mod incremental;
pub mod live;
pub mod server;
pub mod watcher;

use crate::diagnostics::{self, Diagnostics, TextStyle};
use crate::messages::Message;
use crate::model::Date;
use classify::Plan;
use incremental::{Outcome, Session};
use live::LiveState;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What `styrdok serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    pub bind: String,
    pub drafts: bool,
    /// Poll for changes instead of waiting for file events.
    pub poll: bool,
    pub today: Option<Date>,
}

/// Runs until the process is stopped. An `Err` is a usage problem (no site
/// at the root, the port is taken): exit status 2.
pub fn serve(options: &ServeOptions) -> Result<(), Message> {
    let root = std::fs::canonicalize(&options.root).map_err(|e| {
        t!(
            "the site folder `{root}`: {e}",
            root = options.root.display(),
            e
        )
    })?;
    if !root.join(crate::model::CONFIG_FILE).is_file() {
        return Err(t!("`{root}` has no site.yaml", root = root.display()));
    }
    let out = output_dir()?;
    let live = Arc::new(LiveState::default());
    let addr = server::start(&options.bind, options.port, out.clone(), live.clone())?;
    let mut session = Session::new(crate::BuildOptions {
        root: root.clone(),
        out: Some(out.clone()),
        drafts: options.drafts,
        // Root-relative links work whatever address the browser uses.
        base_url: Some("/".into()),
        today: options.today,
        force: false,
        followup: None,
    });
    let (site, url) = (root.display(), format!("http://{addr}/"));
    say(if options.drafts {
        t!(
            "Serving {site} at {url} (with drafts) — press Ctrl+C to stop",
            site,
            url
        )
    } else {
        t!("Serving {site} at {url} — press Ctrl+C to stop", site, url)
    });
    // Watching starts first: an edit saved during the first build is
    // picked up after it, not lost.
    let watcher = watcher::SiteWatcher::start(&root, options.poll)?;
    report(session.full(), &live, "");
    while let Some(paths) = watcher.next_batch() {
        let changes: Vec<_> = paths
            .iter()
            .map(|p| classify::classify(&root, p))
            .filter(|c| !vanished(c, &root, &session))
            .collect();
        let outcome = match classify::plan(&changes, |rel| session.knows(rel)) {
            Plan::Nothing => continue,
            Plan::Full => session.full(),
            Plan::Partial { documents, assets } => session.partial(&documents, &assets),
        };
        let what: Vec<String> = changes
            .iter()
            .filter_map(|c| match c {
                classify::Change::Document(p) | classify::Change::Asset(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        report(outcome, &live, &what.join(", "));
        // Open pages are reloading; the site-wide views follow.
        session.follow_up();
    }
    Err(t!("the file watcher stopped"))
}

/// A file that came and went within one batch (an editor's or `sed -i`'s
/// temporary file) is no change to the site, and neither is a folder (the
/// polling watcher reports a folder whose files changed; the files are
/// reported too).
fn vanished(change: &classify::Change, root: &Path, session: &Session) -> bool {
    match change {
        classify::Change::Document(p) | classify::Change::Asset(p) => {
            let path = root.join(p);
            path.is_dir() || (!path.exists() && !session.had(p))
        }
        _ => false,
    }
}

/// A line for the person at the terminal, in the command line's language.
fn say(message: Message) {
    eprintln!("{}", message.render(crate::messages::cli()));
}

/// Prints the outcome and tells open pages.
fn report(outcome: Outcome, live: &LiveState, what: &str) {
    match outcome {
        Outcome::Built {
            pages,
            elapsed,
            partial,
            warnings,
        } => {
            live.built();
            let ms = elapsed.as_millis();
            let done = if partial {
                t!("Re-rendered {pages} pages in {ms} ms", pages, ms)
            } else {
                t!("Built {pages} pages in {ms} ms", pages, ms)
            };
            let mut line = done.render(crate::messages::cli());
            if !what.is_empty() {
                line.push_str(&format!(" ({what})"));
            }
            let count = warnings.warning_count();
            if count > 0 {
                let more = t!(", {count} warning(s): run styrdok check", count);
                line.push_str(&more.render(crate::messages::cli()));
            }
            eprintln!("{line}");
        }
        Outcome::Failed(diags) => {
            live.failed(overlay_text(&diags));
            eprint!(
                "{}",
                diagnostics::format_styled(&diags, TextStyle::for_stderr())
            );
            let errors = diags.error_count();
            say(t!(
                "Build failed with {errors} error(s); the browser shows them until they are fixed.",
                errors
            ));
        }
    }
}

/// The overlay shows what the CLI prints, rustc style, without colour.
fn overlay_text(diags: &Diagnostics) -> String {
    diagnostics::format_styled(
        diags,
        TextStyle {
            source: true,
            color: false,
            lang: crate::messages::cli(),
        },
    )
}

/// `TMP/styrdok-serve-PID/public`, after removing folders that earlier
/// servers (no longer running) left behind.
fn output_dir() -> Result<PathBuf, Message> {
    let tmp = std::fs::canonicalize(std::env::temp_dir())
        .map_err(|e| t!("no usable temp folder: {e}", e))?;
    // A stale output of a large site takes seconds to delete: not before
    // the first build.
    let stale_in = tmp.clone();
    std::thread::spawn(move || remove_stale(&stale_in));
    let dir = tmp.join(format!("styrdok-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir)
        .map_err(|e| t!("cannot create {dir}: {e}", dir = dir.display(), e))?;
    Ok(dir.join("public"))
}

fn remove_stale(tmp: &Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix("styrdok-serve-") else {
            continue;
        };
        let alive = Path::new("/proc").is_dir() && Path::new("/proc").join(pid).exists();
        if !alive && Path::new("/proc").is_dir() && pid.parse::<u32>().is_ok() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}
