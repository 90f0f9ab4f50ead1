//! What a link destination written in Markdown points at, before the site
//! is consulted: another content file by relative path, a document by `id:`,
//! a heading of the same page, an external URL, or something not allowed.

/// A classified link destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `id:LIS-R-04` (optionally `#fragment`).
    Id {
        id: String,
        fragment: Option<String>,
    },
    /// A path under `content/`, normalised (`regler/losenord.md`).
    Content {
        path: String,
        fragment: Option<String>,
    },
    /// `#fragment` on the same page.
    Fragment(String),
    /// An address of the built site rather than a file of `content/`: a
    /// root-relative `/lis/sok/` (`rooted`) or a relative address without a
    /// file extension (`../roller/chef/`), read from the page's address as a
    /// browser does. `path` is decoded; the site checks it is one of its
    /// pages or files.
    Address {
        path: String,
        rooted: bool,
        /// `?…` as written (a search page's query), without the `?`.
        query: Option<String>,
        fragment: Option<String>,
    },
    /// `https:`, `mailto:`, `tel:` or another host (`//host/…`): kept as
    /// written.
    Verbatim,
    /// A relative path that leaves `content/`.
    OutsideContent,
    /// A URL scheme that must never reach a reader (`javascript:`, `data:` …).
    DisallowedScheme(String),
}

const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Classifies `dest`, written in the file at `content_dir` (relative to
/// `content/`, `""` for its top).
pub fn classify(dest: &str, content_dir: &str) -> Target {
    let dest = dest.trim();
    if let Some(rest) = dest.strip_prefix("id:") {
        let (id, fragment) = split_fragment(rest);
        return Target::Id {
            id: percent_decode(id),
            fragment,
        };
    }
    if let Some(scheme) = scheme(dest) {
        let lower = scheme.to_ascii_lowercase();
        return if ALLOWED_SCHEMES.contains(&lower.as_str()) {
            Target::Verbatim
        } else {
            Target::DisallowedScheme(lower)
        };
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        return Target::Fragment(percent_decode(fragment));
    }
    if dest.is_empty() || is_external(dest) {
        return Target::Verbatim;
    }
    let (path, fragment) = split_fragment(dest);
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string())),
        None => (path, None),
    };
    let rooted = path.starts_with('/');
    let last = path.rsplit('/').next().unwrap_or("");
    if rooted || !last.contains('.') {
        return Target::Address {
            path: percent_decode(path),
            rooted,
            query,
            fragment,
        };
    }
    match normalize(content_dir, &percent_decode(path)) {
        Some(p) => Target::Content { path: p, fragment },
        None => Target::OutsideContent,
    }
}

/// The scheme of an absolute URL, as browsers see it (control characters
/// and spaces inside the scheme are ignored by them, so they are here too).
fn scheme(dest: &str) -> Option<String> {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .take_while(|c| *c != '/' && *c != '?' && *c != '#')
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_string())
}

/// Does `dest` make a browser contact another host when loaded as an image
/// source? Absolute URLs and protocol-relative ones (`//host`, and `/\\host`,
/// which browsers read the same way) do.
pub fn is_external(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    cleaned.starts_with("//") || scheme(&cleaned).is_some()
}

fn split_fragment(s: &str) -> (&str, Option<String>) {
    match s.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (s, None),
    }
}

/// Joins `rel` onto `dir` and resolves `.` and `..`; `None` when the result
/// would leave the folder (`content/`) the paths are relative to.
pub fn normalize(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Decodes `%XX` escapes (UTF-8); invalid escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The `src` and `href` values in a piece of raw HTML, with their byte
/// offsets: a quick attribute scan, enough to find what a page embeds
/// (the sanitiser decides what survives).
pub fn html_destinations(html: &str) -> Vec<(usize, String)> {
    html_destination_spans(html)
        .into_iter()
        .map(|span| (span.start, html[span].replace("&amp;", "&")))
        .collect()
}

/// Where the `src` and `href` values of raw HTML stand (inside their
/// quotes), in order.
pub fn html_destination_spans(html: &str) -> Vec<std::ops::Range<usize>> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    for attr in ["src", "href"] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(attr) {
            let start = from + i;
            from = start + attr.len();
            let before = lower[..start].chars().next_back();
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let rest = lower[from..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else {
                continue;
            };
            let value_at = html.len() - rest.trim_start().len();
            let raw = &html[value_at..];
            let span = match raw.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let len = raw[1..].find(q).unwrap_or(raw.len() - 1);
                    value_at + 1..value_at + 1 + len
                }
                _ => {
                    let len = raw
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(raw.len());
                    value_at..value_at + len
                }
            };
            out.push(span);
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Percent-encodes a site path (`regler/fråga?.md` → `regler/fr%C3%A5ga%3F.md`)
/// for use in a URL: everything but RFC 3986's unreserved characters and
/// `/` is escaped, so an address means the same in HTML, XML, JSON and a
/// browser's address bar, whatever the file was called.
pub fn encode_path(path: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(path: &str, fragment: Option<&str>) -> Target {
        Target::Content {
            path: path.into(),
            fragment: fragment.map(Into::into),
        }
    }

    fn address(path: &str, rooted: bool, query: Option<&str>, fragment: Option<&str>) -> Target {
        Target::Address {
            path: path.into(),
            rooted,
            query: query.map(Into::into),
            fragment: fragment.map(Into::into),
        }
    }

    #[test]
    fn encodes_paths_for_urls() {
        assert_eq!(encode_path("regler/losenord/"), "regler/losenord/");
        assert_eq!(encode_path("a b/fr?ga#1%/"), "a%20b/fr%3Fga%231%25/");
        assert_eq!(encode_path("lösenord/"), "l%C3%B6senord/");
        assert_eq!(percent_decode(&encode_path("x &<>\"'y")), "x &<>\"'y");
    }

    #[test]
    fn classifies_destinations() {
        assert_eq!(
            classify("../regler/losenord.md", "riktlinjer"),
            content("regler/losenord.md", None)
        );
        assert_eq!(
            classify("losenord.md#syfte", "regler"),
            content("regler/losenord.md", Some("syfte"))
        );
        assert_eq!(
            classify("id:LIS-R-04#rapportera-en-incident", ""),
            Target::Id {
                id: "LIS-R-04".into(),
                fragment: Some("rapportera-en-incident".into())
            }
        );
        assert_eq!(classify("#syfte", ""), Target::Fragment("syfte".into()));
        assert_eq!(
            classify("#l%C3%B6senord", ""),
            Target::Fragment("lösenord".into())
        );
        assert_eq!(classify("https://www.msb.se/", ""), Target::Verbatim);
        assert_eq!(classify("mailto:it@botkyrka.se", ""), Target::Verbatim);
        assert_eq!(classify("//x.example/a/", ""), Target::Verbatim);
        assert_eq!(
            classify("/roller/chef/", ""),
            address("/roller/chef/", true, None, None)
        );
        assert_eq!(
            classify("../roller/chef/", "regler"),
            address("../roller/chef/", false, None, None)
        );
        assert_eq!(
            classify("../../../../etc/passwd", "regler"),
            address("../../../../etc/passwd", false, None, None)
        );
        assert_eq!(
            classify("/lis/sok/?q=l%C3%B6senord#topp", ""),
            address("/lis/sok/", true, Some("q=l%C3%B6senord"), Some("topp"))
        );
        assert_eq!(
            classify("/lis/a%20b.pdf", ""),
            address("/lis/a b.pdf", true, None, None)
        );
        assert_eq!(
            classify("bilder/schema.png", "om"),
            content("om/bilder/schema.png", None)
        );
    }

    #[test]
    fn refuses_escapes_and_scripts() {
        assert_eq!(
            classify("../../../etc/passwd.md", "regler"),
            Target::OutsideContent
        );
        assert_eq!(classify("../../x.png", ""), Target::OutsideContent);
        assert_eq!(
            classify("javascript:alert(1)", ""),
            Target::DisallowedScheme("javascript".into())
        );
        assert_eq!(
            classify(" JaVa\tScRiPt:alert(1)", ""),
            Target::DisallowedScheme("javascript".into())
        );
        assert_eq!(
            classify("data:text/html,x", ""),
            Target::DisallowedScheme("data".into())
        );
        assert_eq!(
            classify("vbscript:x", ""),
            Target::DisallowedScheme("vbscript".into())
        );
    }

    #[test]
    fn external_image_sources() {
        for ext in [
            "https://x.example/a.png",
            "//x.example/a.png",
            "/\\x.example/a.png",
            " \t//x.example",
            "data:image/png;base64,AA",
        ] {
            assert!(is_external(ext), "{ext}");
        }
        for local in ["bilder/a.png", "/bilder/a.png", "../a.png", "#x", ""] {
            assert!(!is_external(local), "{local}");
        }
    }

    #[test]
    fn raw_html_destinations() {
        let found = html_destinations(
            "<p><img alt=\"x\" SRC=\"bilder/a.png\"> <a href=filer/b.pdf>b</a> <span data-src=\"c.png\">",
        );
        let dests: Vec<&str> = found.iter().map(|(_, d)| d.as_str()).collect();
        assert_eq!(dests, ["bilder/a.png", "filer/b.pdf"]);
    }

    #[test]
    fn percent_decoding_is_safe() {
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%ff"), "%ff");
        assert_eq!(percent_decode("%å1"), "%å1");
    }
}
