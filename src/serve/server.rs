//! The preview web server: serves files from the build output and nothing
//! else (no `..`, no encoded traversal, no symlink out of it), adds the live
//! reload script to HTML pages, and streams rebuild news to them as
//! server-sent events. Built on tiny_http: a few worker threads, plus one
//! thread per open event stream.
//!
//! It answers only to itself: a request whose `Host` is not `localhost`,
//! the loopback address or the bound address (with the port) gets 421, so
//! a web page that rebinds its own name to 127.0.0.1 (DNS rebinding) reads
//! nothing, not even `serve --drafts`; a request carrying an `Origin` of
//! another site (a page elsewhere opening the live-reload channel) gets 403.

use super::live::LiveState;
use crate::messages::Message;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

const RELOAD_JS: &str = include_str!("reload.js");
const OVERLAY_CSS: &str = include_str!("overlay.css");
/// The same policy as production (netlify.toml): the preview must not
/// allow what the real site would block.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self' https:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
const WORKERS: usize = 4;
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Why a request path is not served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// Not a path at all (no leading `/`, bad percent-encoding).
    BadRequest,
    /// An attempt to leave the output folder.
    Forbidden,
    NotFound,
}

/// Decodes `%XX` escapes; `None` for a malformed escape.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The file under `out` (a canonical path) that `url_path` names: a folder
/// means its `index.html`. Dot segments, backslashes and NUL are refused
/// after decoding, and the real path must still lie inside `out`.
pub fn resolve(out: &Path, url_path: &str) -> Result<PathBuf, Rejected> {
    if !url_path.starts_with('/') {
        return Err(Rejected::BadRequest);
    }
    let decoded = percent_decode(url_path).ok_or(Rejected::BadRequest)?;
    let decoded = String::from_utf8(decoded).map_err(|_| Rejected::BadRequest)?;
    if decoded.contains(['\0', '\\']) {
        return Err(Rejected::Forbidden);
    }
    let mut path = out.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." {
            return Err(Rejected::Forbidden);
        }
        path.push(segment);
    }
    if decoded.ends_with('/') || path.is_dir() {
        path.push("index.html");
    }
    let real = std::fs::canonicalize(&path).map_err(|_| Rejected::NotFound)?;
    if !real.starts_with(out) {
        return Err(Rejected::Forbidden);
    }
    if !real.is_file() {
        return Err(Rejected::NotFound);
    }
    Ok(real)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Adds the reload script before `</body>` (or at the end).
pub fn inject(html: &str, generation: u64) -> String {
    let tag = format!("<script src=\"/__styrdok/reload.js?g={generation}\" defer></script>\n");
    match html.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &html[..at], &html[at..]),
        None => format!("{html}{tag}"),
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header is valid")
}

/// Starts the server on `bind:port` in background threads, serving `out`
/// (canonical; it may not exist until the first build succeeds).
pub fn start(
    bind: &str,
    port: u16,
    out: PathBuf,
    live: Arc<LiveState>,
) -> Result<SocketAddr, Message> {
    let addr = format!("{bind}:{port}");
    let server =
        tiny_http::Server::http(&addr).map_err(|e| t!("cannot listen on {addr}: {e}", addr, e))?;
    let local = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| t!("cannot listen on {addr}", addr))?;
    let server = Arc::new(server);
    let out = Arc::new(out);
    for _ in 0..WORKERS {
        let (server, out, live) = (server.clone(), out.clone(), live.clone());
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                handle(request, &out, &live, local);
            }
        });
    }
    Ok(local)
}

/// May a request with this `Host` header be answered by the server bound
/// at `local`? `localhost`, a loopback address or the bound address, with
/// the bound port (which only port 80 may leave out); with the server bound
/// to every interface (`0.0.0.0`, `::`), any address literal. Never another
/// name: that is what DNS rebinding sends.
pub fn allowed_host(host: &str, local: SocketAddr) -> bool {
    let (name, port) = match host.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((ip, rest)) => (ip, rest),
            None => return false,
        },
        None => match host.rfind(':') {
            Some(at) => (&host[..at], &host[at..]),
            None => (host, ""),
        },
    };
    let port_ok = match port.strip_prefix(':') {
        Some(p) => p.parse::<u16>() == Ok(local.port()),
        None => port.is_empty() && local.port() == 80,
    };
    if !port_ok {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let ip: Option<IpAddr> = if host.starts_with('[') {
        name.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6)
    } else {
        name.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
    };
    ip.is_some_and(|ip| ip.is_loopback() || ip == local.ip() || local.ip().is_unspecified())
}

/// May a request carrying this `Origin` header be answered? Only an origin
/// of this server itself (`http://` and an allowed host).
pub fn allowed_origin(origin: &str, local: SocketAddr) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|host| allowed_host(host, local))
}

/// The value of header `name`, if the request has exactly one.
fn header_value<'a>(request: &'a Request, name: &'static str) -> Result<Option<&'a str>, ()> {
    let mut found = request
        .headers()
        .iter()
        .filter(|h| h.field.equiv(name))
        .map(|h| h.value.as_str());
    let first = found.next();
    match found.next() {
        Some(_) => Err(()),
        None => Ok(first),
    }
}

/// Refuses a request that is not for this server (see the module comment).
fn misdirected(request: &Request, local: SocketAddr) -> Option<Response<std::io::Cursor<Vec<u8>>>> {
    let host_ok = matches!(header_value(request, "Host"), Ok(Some(h)) if allowed_host(h, local));
    if !host_ok {
        return Some(
            Response::from_string(
                "421 Misdirected Request: this preview answers only to localhost",
            )
            .with_status_code(421),
        );
    }
    let origin_ok = match header_value(request, "Origin") {
        Ok(None) => true,
        Ok(Some(o)) => allowed_origin(o, local),
        Err(()) => false,
    };
    (!origin_ok).then(|| Response::from_string("403 Forbidden").with_status_code(403))
}

fn handle(request: Request, out: &Path, live: &Arc<LiveState>, local: SocketAddr) {
    if let Some(refusal) = misdirected(&request, local) {
        let _ = request.respond(refusal.with_header(header("Cache-Control", "no-store")));
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("").with_status_code(405));
        return;
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = path.split('#').next().unwrap_or("");
    let generation = live.snapshot().0;
    let response = match path {
        "/__styrdok/reload.js" => asset(RELOAD_JS, "text/javascript; charset=utf-8"),
        "/__styrdok/overlay.css" => asset(OVERLAY_CSS, "text/css; charset=utf-8"),
        "/__styrdok/events" => {
            let since = query
                .split('&')
                .find_map(|kv| kv.strip_prefix("since="))
                .and_then(|v| v.parse().ok())
                .unwrap_or(generation);
            let live = live.clone();
            std::thread::spawn(move || events(request, &live, since));
            return;
        }
        _ => match resolve(out, path) {
            Ok(file) => file_response(&file, StatusCode(200), generation),
            Err(Rejected::NotFound) => not_found(out, generation),
            Err(Rejected::Forbidden) => {
                Response::from_string("403 Forbidden").with_status_code(403)
            }
            Err(Rejected::BadRequest) => {
                Response::from_string("400 Bad Request").with_status_code(400)
            }
        },
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

fn asset(text: &str, kind: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(text.as_bytes().to_vec()).with_header(header("Content-Type", kind))
}

fn file_response(
    file: &Path,
    status: StatusCode,
    generation: u64,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let Ok(bytes) = std::fs::read(file) else {
        return Response::from_string("404 Not Found").with_status_code(404);
    };
    let kind = content_type(file);
    let body = if kind.starts_with("text/html") {
        inject(&String::from_utf8_lossy(&bytes), generation).into_bytes()
    } else {
        bytes
    };
    Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Content-Security-Policy", CSP))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

/// The site's own 404 page, or (before any build succeeded) a page that
/// only carries the overlay and waits for the fix.
fn not_found(out: &Path, generation: u64) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = out.join("404.html");
    if page.is_file() {
        return file_response(&page, StatusCode(404), generation);
    }
    let html = "<!doctype html>\n<html lang=\"sv\">\n<head><meta charset=\"utf-8\"><title>styrdok serve</title></head>\n<body><main><h1>Sidan finns inte</h1><p>Webbplatsen är inte byggd ännu, eller så finns inte sidan. Sidan laddas om när bygget är klart.</p></main></body>\n</html>\n";
    Response::from_data(inject(html, generation).into_bytes())
        .with_status_code(404)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Content-Security-Policy", CSP))
}

/// One server-sent event; every line of `data` gets its own `data:` field.
fn event(name: &str, data: &str) -> String {
    let mut s = format!("event: {name}\n");
    for line in data.lines() {
        s.push_str("data: ");
        s.push_str(line);
        s.push('\n');
    }
    if data.is_empty() {
        s.push_str("data:\n");
    }
    s.push('\n');
    s
}

/// Streams `reload`, `failure` (the error text) and `ok` events until the
/// page goes away. A page built before the latest build reloads at once.
fn events(request: Request, live: &LiveState, since: u64) {
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";
    if w.write_all(head.as_bytes()).is_err() {
        return;
    }
    let (mut seen, error) = live.snapshot();
    let first = match error {
        Some(text) => event("failure", &text),
        None if seen > since => event("reload", ""),
        None => event("ok", ""),
    };
    if w.write_all(first.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match live.wait_after(seen, KEEPALIVE) {
            Some((generation, error)) => {
                seen = generation;
                match error {
                    Some(text) => event("failure", &text),
                    None => event("reload", ""),
                }
            }
            None => ": keepalive\n\n".to_string(),
        };
        if w.write_all(message.as_bytes())
            .and_then(|_| w.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let site = std::fs::canonicalize(tmp.path()).unwrap();
        let out = site.join("public");
        std::fs::create_dir_all(out.join("regler")).unwrap();
        std::fs::write(out.join("index.html"), "start").unwrap();
        std::fs::write(out.join("regler/index.html"), "regler").unwrap();
        std::fs::write(site.join("site.yaml"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(site.join("site.yaml"), out.join("link.yaml")).unwrap();
        assert_eq!(resolve(&out, "/").unwrap(), out.join("index.html"));
        assert_eq!(
            resolve(&out, "/regler").unwrap(),
            out.join("regler/index.html")
        );
        assert_eq!(
            resolve(&out, "/regler/").unwrap(),
            out.join("regler/index.html")
        );
        for bad in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/%2E%2E/site.yaml",
            "/..%2fsite.yaml",
            "/regler/..%2F..%2Fsite.yaml",
            "/..\\site.yaml",
            "/%5c..%5csite.yaml",
            "/a%00b",
        ] {
            assert_eq!(resolve(&out, bad), Err(Rejected::Forbidden), "{bad}");
        }
        assert_eq!(resolve(&out, "site.yaml"), Err(Rejected::BadRequest));
        assert_eq!(resolve(&out, "/%zz"), Err(Rejected::BadRequest));
        assert_eq!(resolve(&out, "//etc/passwd"), Err(Rejected::NotFound));
        assert_eq!(
            resolve(&out, "/%252e%252e/site.yaml"),
            Err(Rejected::NotFound)
        );
        #[cfg(unix)]
        assert_eq!(resolve(&out, "/link.yaml"), Err(Rejected::Forbidden));
    }

    #[test]
    fn only_this_server_is_answered() {
        let v4: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for ok in [
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(allowed_host(ok, v4), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "localhost",
            "127.0.0.1",
            "localhost:2222",
            "localhost:1111:1111",
            "127.0.0.1.nip.io:1111",
            "192.168.1.5:1111",
            "[::1:1111",
            "",
        ] {
            assert!(!allowed_host(bad, v4), "{bad}");
        }
        let lan: SocketAddr = "192.168.1.5:80".parse().unwrap();
        assert!(allowed_host("192.168.1.5", lan));
        assert!(allowed_host("192.168.1.5:80", lan));
        assert!(!allowed_host("intranet.example", lan));
        let any: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert!(allowed_host("10.0.0.7:1111", any));
        assert!(!allowed_host("rebind.example:1111", any));
        let v6: SocketAddr = "[::1]:1111".parse().unwrap();
        assert!(allowed_host("[::1]:1111", v6) && allowed_host("localhost:1111", v6));
        assert!(allowed_origin("http://localhost:1111", v4));
        assert!(!allowed_origin("http://evil.example", v4));
        assert!(!allowed_origin("https://localhost:1111", v4));
        assert!(!allowed_origin("null", v4));
    }

    #[test]
    fn script_goes_before_body_end() {
        let html = inject("<html><body><p>x</p></body></html>", 7);
        assert!(html
            .contains("<p>x</p><script src=\"/__styrdok/reload.js?g=7\" defer></script>\n</body>"));
    }

    #[test]
    fn events_carry_every_line() {
        assert_eq!(
            event("failure", "a\nb"),
            "event: failure\ndata: a\ndata: b\n\n"
        );
        assert_eq!(event("reload", ""), "event: reload\ndata:\n\n");
    }
}
