//! Runs of the styrdok binary: [`Cmd`] builds one (arguments, environment,
//! `--root`), [`Outcome`] holds what it did and asserts on the exit code
//! and the diagnostics, [`run_limited`] watches time and peak memory.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::{BIN, TODAY};

/// A run of `styrdok` being put together; [`Cmd::run`] runs it.
pub struct Cmd {
    command: Command,
    shown: Vec<String>,
}

/// `styrdok ARGS` (no `--root`), with `STYRDOK_TODAY` set to [`TODAY`].
pub fn styrdok(args: &[&str]) -> Cmd {
    Cmd::new().args(args)
}

/// `styrdok ARGS --root ROOT`, run.
pub fn run_at(root: &Path, args: &[&str]) -> Outcome {
    Cmd::new().args(args).root(root).run()
}

impl Cmd {
    /// The binary with no arguments yet, `STYRDOK_TODAY` at [`TODAY`],
    /// messages in English (`STYRDOK_LANG=en`: what the assertions match;
    /// `messages::` checks Swedish) and `CI` unset (so the output is what a
    /// user at a shell sees).
    pub fn new() -> Cmd {
        let mut command = Command::new(BIN);
        command
            .env("STYRDOK_TODAY", TODAY)
            .env("STYRDOK_LANG", "en")
            .env_remove("CI");
        Cmd {
            command,
            shown: Vec::new(),
        }
    }

    /// The binary run by `program PREFIX… BIN` (e.g. `setpriv` as another
    /// user), otherwise as [`Cmd::new`].
    pub fn wrapped(program: &str, prefix: &[&str]) -> Cmd {
        let mut command = Command::new(program);
        command
            .args(prefix)
            .arg(BIN)
            .env("STYRDOK_TODAY", TODAY)
            .env("STYRDOK_LANG", "en")
            .env_remove("CI");
        Cmd {
            command,
            shown: Vec::new(),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cmd {
        self.shown.push(arg.as_ref().to_string_lossy().into_owned());
        self.command.arg(arg);
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Cmd {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    /// `--root DIR`.
    pub fn root(self, dir: &Path) -> Cmd {
        self.arg("--root").arg(dir)
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        self.command.env(key, value);
        self
    }

    /// Measures review dates against `date` instead of [`TODAY`].
    pub fn today(self, date: &str) -> Cmd {
        self.env("STYRDOK_TODAY", date)
    }

    /// Runs it to the end, capturing stdout and stderr.
    pub fn run(mut self) -> Outcome {
        let output = self.command.output().expect("styrdok runs");
        Outcome {
            args: self.shown,
            output,
        }
    }

    /// Starts it in the background (stdin and stdout closed, stderr to
    /// `stderr`), for `serve`.
    pub fn spawn(mut self, stderr: Stdio) -> std::process::Child {
        self.command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .expect("styrdok starts")
    }
}

impl Default for Cmd {
    fn default() -> Cmd {
        Cmd::new()
    }
}

/// What a finished run did.
#[derive(Debug)]
pub struct Outcome {
    args: Vec<String>,
    pub output: Output,
}

impl Outcome {
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }

    pub fn succeeded(&self) -> bool {
        self.output.status.success()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Asserts exit status 0 (showing stderr otherwise).
    #[track_caller]
    pub fn success(self) -> Outcome {
        assert!(
            self.succeeded(),
            "styrdok {:?} failed ({:?}):\n{}",
            self.args,
            self.code(),
            self.stderr()
        );
        self
    }

    /// Asserts exit status `code`.
    #[track_caller]
    pub fn exits(self, code: i32) -> Outcome {
        assert_eq!(
            self.code(),
            Some(code),
            "styrdok {:?}:\n{}",
            self.args,
            self.stderr()
        );
        self
    }

    /// Asserts that the diagnostics (stderr) contain `text`.
    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Outcome {
        let err = self.stderr();
        assert!(err.contains(text), "stderr lacks {text:?}:\n{err}");
        self
    }
}

impl From<Output> for Outcome {
    /// A run started some other way (a shell with limits, say).
    fn from(output: Output) -> Outcome {
        Outcome {
            args: Vec::new(),
            output,
        }
    }
}

/// What a run under [`run_limited`] did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident memory in kB (VmHWM, sampled while it ran).
    pub peak_kb: u64,
}

/// Runs `styrdok ARGS`, killing it after `limit`; samples its peak memory.
pub fn run_limited(args: &[&str], limit: Duration) -> Run {
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .env("STYRDOK_TODAY", TODAY)
        .env("STYRDOK_LANG", "en")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let code = loop {
        if let Ok(status) = fs::read_to_string(&status_file) {
            peak_kb = peak_kb.max(vm_hwm(&status));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("styrdok {args:?} still ran after {limit:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code,
        stderr: reader.join().unwrap(),
        elapsed: started.elapsed(),
        peak_kb,
    }
}

fn vm_hwm(status: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
