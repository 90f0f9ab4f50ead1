//! `serve` answers only to itself (issue #14): raw TCP requests against a
//! real `serve --drafts` whose `Host` is another name (DNS rebinding), the
//! wrong port or missing get 421 and no page; the live-reload channel
//! opened with another site's `Origin` gets 403.

use crate::harness::serve::{free_port, raw, Server};
use crate::harness::{Cmd, TestSite};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn get(port: u16, path: &str, headers: &str) -> Option<(u16, String)> {
    raw(port, &format!("GET {path} HTTP/1.1\r\n{headers}"))
}

#[test]
fn serve_refuses_other_hosts_and_origins() {
    let site = TestSite::in_folder("site").fixture("core/base").file(
        "content/utkast.md",
        "---\ntitle: Hemligt utkast\nstatus: draft\n---\nUTKASTTEXT\n",
    );
    let port = free_port();
    let serve_tmp = site.tmp().join("serve-tmp");
    std::fs::create_dir_all(&serve_tmp).unwrap();
    let _server = Server::start(
        Cmd::new()
            .args(["serve", "--drafts"])
            .root(site.root())
            .args(["--port", &port.to_string()])
            .env("TMPDIR", &serve_tmp),
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
