//! A progress line for builds that take more than a second: shown on a
//! terminal only, never when stderr is a file or pipe or in CI, and wiped
//! before the build's own messages are printed.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A running indicator; stops when finished or dropped.
pub struct Progress {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

/// Is stderr a terminal a person watches (and not a CI log)?
pub fn interactive() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

impl Progress {
    /// Starts an indicator that appears after one second with `label` (in
    /// the command line's language).
    pub fn start(label: crate::messages::Message) -> Progress {
        let label = label.render(crate::messages::cli());
        let stop = Arc::new(AtomicBool::new(false));
        if !interactive() {
            return Progress { stop, handle: None };
        }
        let flag = stop.clone();
        let handle = std::thread::spawn(move || spin(&label, &flag));
        Progress {
            stop,
            handle: Some(handle),
        }
    }

    pub fn finish(self) {}
}

fn spin(label: &str, stop: &AtomicBool) {
    const FRAMES: [char; 4] = ['|', '/', '-', '\\'];
    let started = Instant::now();
    let mut shown = false;
    let mut frame = 0;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
        let elapsed = started.elapsed();
        if elapsed < Duration::from_secs(1) {
            continue;
        }
        shown = true;
        frame = (frame + 1) % FRAMES.len();
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r{} {label} {:.1} s",
            FRAMES[frame],
            elapsed.as_secs_f64()
        );
        let _ = err.flush();
    }
    if shown {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
