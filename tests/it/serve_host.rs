//! `serve` answers only to itself (issue #14): raw TCP requests against a
//! real `serve --drafts` whose `Host` is another name (DNS rebinding), the
//! wrong port or missing get 421 and no page; the live-reload channel
//! opened with another site's `Origin` gets 403.

use crate::common;

use common::BIN;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Sends `head` (request line and headers, without the blank line) and
/// reads the response until the server closes or 2 s pass.
fn raw(port: u16, head: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    write!(s, "{head}\r\nConnection: close\r\n\r\n").ok()?;
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

fn get(port: u16, path: &str, headers: &str) -> Option<(u16, String)> {
    raw(port, &format!("GET {path} HTTP/1.1\r\n{headers}"))
}

#[test]
fn serve_refuses_other_hosts_and_origins() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_dir(&common::fixtures().join("core/base"), &site);
    common::write_files(
        &site,
        &[(
            "content/utkast.md",
            "---\ntitle: Hemligt utkast\nstatus: draft\n---\nUTKASTTEXT\n".to_string(),
        )],
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let serve_tmp = tmp.path().join("serve-tmp");
    std::fs::create_dir_all(&serve_tmp).unwrap();
    let _server = Server(
        Command::new(BIN)
            .args(["serve", "--drafts", "--root"])
            .arg(&site)
            .args(["--port", &port.to_string()])
            .env("STYRDOK_TODAY", "2026-11-29")
            .env("TMPDIR", &serve_tmp)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let own = format!("Host: 127.0.0.1:{port}");
    let started = Instant::now();
    while !get(port, "/utkast/", &own).is_some_and(|(s, b)| s == 200 && b.contains("UTKASTTEXT")) {
        assert!(started.elapsed() < Duration::from_secs(60), "never served");
        std::thread::sleep(Duration::from_millis(100));
    }
    for host in [format!("localhost:{port}"), format!("LOCALHOST:{port}")] {
        let (status, _) = get(port, "/utkast/", &format!("Host: {host}")).unwrap();
        assert_eq!(status, 200, "{host}");
    }
    for headers in [
        format!("Host: rebind.example:{port}"),
        format!("Host: 127.0.0.1.rebind.example:{port}"),
        "Host: 127.0.0.1".to_string(),
        "Host: localhost:1".to_string(),
        format!("Host: 127.0.0.1:{port}\r\nHost: rebind.example:{port}"),
        String::new(),
    ] {
        let (status, body) = get(port, "/utkast/", &headers).expect("an answer");
        assert_eq!(status, 421, "{headers:?}");
        assert!(!body.contains("UTKASTTEXT"), "{headers:?}");
    }
    // HTTP/1.0 without Host: refused too.
    let (status, body) = raw(port, "GET /utkast/ HTTP/1.0").unwrap();
    assert_eq!(status, 421);
    assert!(!body.contains("UTKASTTEXT"));
    // The live-reload channel: its own origin streams, another is refused.
    let events = |origin: &str| {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        write!(
            s,
            "GET /__styrdok/events HTTP/1.1\r\n{own}\r\nOrigin: {origin}\r\n\r\n"
        )
        .unwrap();
        let mut buf = [0u8; 512];
        let n = s.read(&mut buf).unwrap_or(0);
        String::from_utf8_lossy(&buf[..n]).into_owned()
    };
    let mine = events(&format!("http://127.0.0.1:{port}"));
    assert!(
        mine.starts_with("HTTP/1.1 200") && mine.contains("text/event-stream"),
        "{mine}"
    );
    for origin in [
        "http://rebind.example",
        "null",
        &format!("https://127.0.0.1:{port}"),
    ] {
        let other = events(origin);
        assert!(other.starts_with("HTTP/1.1 403"), "{origin}: {other}");
        assert!(!other.contains("event-stream"), "{origin}: {other}");
    }
    // Pages too: another site's page cannot read one with a script.
    let (status, _) = get(
        port,
        "/utkast/",
        &format!("{own}\r\nOrigin: http://evil.example"),
    )
    .unwrap();
    assert_eq!(status, 403);
}
