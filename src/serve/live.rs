//! What open pages are told: a build generation that goes up on every
//! rebuild, and the text of the current build error, if any. The server's
//! event streams wait on it; the rebuild loop updates it.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

#[derive(Debug, Default)]
struct Status {
    generation: u64,
    error: Option<String>,
}

/// Shared between the rebuild loop and the server threads.
#[derive(Debug, Default)]
pub struct LiveState {
    status: Mutex<Status>,
    changed: Condvar,
}

impl LiveState {
    /// A build succeeded: pages reload and any error overlay goes away.
    pub fn built(&self) {
        self.update(None);
    }

    /// A build failed with `text` (the CLI's diagnostics, without colour).
    pub fn failed(&self, text: String) {
        self.update(Some(text));
    }

    fn update(&self, error: Option<String>) {
        let mut s = self.status.lock().unwrap_or_else(|e| e.into_inner());
        s.generation += 1;
        s.error = error;
        self.changed.notify_all();
    }

    /// The current generation and error.
    pub fn snapshot(&self) -> (u64, Option<String>) {
        let s = self.status.lock().unwrap_or_else(|e| e.into_inner());
        (s.generation, s.error.clone())
    }

    /// Waits until the generation passes `seen` (then returns the new
    /// state) or `timeout` runs out (`None`).
    pub fn wait_after(&self, seen: u64, timeout: Duration) -> Option<(u64, Option<String>)> {
        let guard = self.status.lock().unwrap_or_else(|e| e.into_inner());
        let (s, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.generation <= seen)
            .unwrap_or_else(|e| e.into_inner());
        (s.generation > seen).then(|| (s.generation, s.error.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn waiters_wake_on_a_new_generation() {
        let live = Arc::new(LiveState::default());
        assert_eq!(live.wait_after(0, Duration::from_millis(10)), None);
        let l = live.clone();
        let t = std::thread::spawn(move || l.wait_after(0, Duration::from_secs(10)));
        std::thread::sleep(Duration::from_millis(20));
        live.failed("content/a.md:1:1: error: x".into());
        assert_eq!(
            t.join().unwrap(),
            Some((1, Some("content/a.md:1:1: error: x".into())))
        );
        live.built();
        assert_eq!(live.snapshot(), (2, None));
    }
}
