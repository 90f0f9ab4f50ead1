//! `styrdok serve` in the background and plain HTTP to it.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use super::command::Cmd;

/// A running `serve`, killed when dropped.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Server {
    /// Starts `cmd` (a `serve` with its arguments), output discarded.
    pub fn start(cmd: Cmd) -> Server {
        Server(cmd.spawn(Stdio::null()))
    }
}

/// A port free at the moment of asking.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `serve` on the site at `dir` (`extra` arguments after the port),
/// with its temp folder in `tmp` (so a test can find the output) and its
/// diagnostics in `tmp/serve.log` ([`serve_log`]).
pub fn start_serve(dir: &Path, tmp: &Path, extra: &[&str]) -> (Server, u16) {
    let port = free_port();
    fs::create_dir_all(tmp).unwrap();
    let cmd = Cmd::new()
        .arg("serve")
        .root(dir)
        .args(["--port", &port.to_string()])
        .args(extra)
        .env("TMPDIR", tmp);
    let log = fs::File::create(tmp.join("serve.log")).unwrap();
    (Server(cmd.spawn(log.into())), port)
}

/// What `serve` started by [`start_serve`] printed so far.
pub fn serve_log(tmp: &Path) -> String {
    fs::read_to_string(tmp.join("serve.log")).unwrap_or_default()
}

/// Sends `head` (request line and headers, without the blank line) plus
/// `Connection: close` and reads the whole response within `limit`. With
/// `partial`, a read error keeps what came so far; without, it is `None`.
fn exchange(port: u16, head: &str, limit: Duration, partial: bool) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(limit)).ok()?;
    write!(s, "{head}\r\nConnection: close\r\n\r\n").ok()?;
    let mut buf = Vec::new();
    let read = s.read_to_end(&mut buf);
    if read.is_err() && !partial {
        return None;
    }
    Some(String::from_utf8_lossy(&buf).into_owned())
}

fn status(text: String) -> Option<(u16, String)> {
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

/// A GET of `path` exactly as written, with this server's own Host: status
/// and the whole response (5 s at most).
pub fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}");
    status(exchange(port, &head, Duration::from_secs(5), false)?)
}

/// An HTTP/1.0 GET of `path` waiting up to 10 s: the whole response in
/// lower case (for canary searches).
pub fn get_lowercase(port: u16, path: &str) -> Option<String> {
    let head = format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}");
    exchange(port, &head, Duration::from_secs(10), false).map(|t| t.to_lowercase())
}

/// Sends `head` as it is and reads the response until the server closes
/// or 2 s pass: status and text.
pub fn raw(port: u16, head: &str) -> Option<(u16, String)> {
    status(exchange(port, head, Duration::from_secs(2), true)?)
}

/// Polls `path` until `want` appears in the page (at most `limit`).
pub fn wait_for(port: u16, path: &str, want: &str, limit: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Some((200, body)) = get(port, path) {
            if body.contains(want) {
                return true;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}
