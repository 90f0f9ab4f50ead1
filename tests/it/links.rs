//! Every link is checked and every address is safe (issue #14, points 3 and
//! 7): links to addresses of the site (`/lis/sok/`, `../roller/chef/`) are
//! resolved against what the build writes, file names with spaces, `?`, `#`
//! and `%` give percent-encoded addresses everywhere, and names that cannot
//! give a safe address (control characters, not UTF-8, no name, another
//! file's name in other case) are errors naming the file. Fixture sites
//! under tests/fixtures/links/, odd file names written by the tests.

use crate::harness::{snapshot, write_files, TestSite};
use std::fs;
use std::path::Path;

const BASE_URL: &str = "https://lis.example.se/lis/";

/// The fixture site (`site/`, base URL with the path `/lis/`) with
/// `overlays` copied over it, in a temp dir.
fn site(overlays: &[&str]) -> TestSite {
    overlays
        .iter()
        .fold(TestSite::new().fixture("links/site"), |s, o| {
            s.fixture(&format!("links/{o}"))
        })
}

/// `check` fails, and its output has each of `lines`.
fn check_fails_with(s: &TestSite, lines: &[&str]) -> String {
    let err = s.check(&[]).exits(1).stderr();
    for line in lines {
        assert!(err.contains(line), "missing\n  {line}\nin\n{err}");
    }
    err
}

#[test]
fn links_to_addresses_that_do_not_exist_are_errors_at_their_line() {
    let s = site(&["broken"]);
    let expected =
        fs::read_to_string(crate::harness::fixtures().join("links/broken/expected.txt")).unwrap();
    let lines: Vec<&str> = expected.lines().collect();
    check_fails_with(&s, &lines);
    s.run(&["build"]).exits(1);
    assert!(!s.out().exists());
}

#[test]
fn links_to_addresses_are_written_from_the_site_root() {
    let s = site(&[]);
    s.build();
    let start = s.out_file("index.html");
    for href in [
        "href=\"/lis/regler/\"",
        "href=\"/lis/regler/losenord/#syfte\"",
        "href=\"/lis/sok/?q=l%C3%B6senord\"",
        "href=\"/lis/roller/chef/\"",
        "href=\"/lis/atom.xml\"",
        "href=\"/lis/bilder/schema.txt\"",
    ] {
        assert!(start.contains(href), "{href} not in the start page");
    }
    // Relative addresses are read from the page's address, as a browser
    // reads them, and written from the root so that older versions of the
    // page (one folder deeper) lead to the same place.
    let rule = s.out_file("regler/losenord/index.html");
    for href in [
        "href=\"/lis/regler/\"",
        "href=\"/lis/iso27001/\"",
        "href=\"/lis/gallande/\"",
        "href=\"/lis/roller/\"",
    ] {
        assert!(rule.contains(href), "{href} not in regler/losenord/");
    }
    assert!(s.out_file("regler/index.html").contains("href=\"/lis/\""));
}

/// Page and attachment names that are legal on every system but mean
/// something in a URL.
const ODD: &[(&str, &str)] = &[
    ("content/regler/fråga? #1 100%.md", "Fråga"),
    ("content/a b/_index.md", "Mapp med mellanslag"),
    ("content/a b/c&d'e.md", "Och"),
];

fn odd_site() -> TestSite {
    let s = site(&[]);
    let mut files: Vec<(&str, String)> = ODD[1..]
        .iter()
        .map(|(p, t)| {
            (
                *p,
                format!("---\ntitle: {t}\nroles: [medarbetare]\n---\nText om {t}.\n"),
            )
        })
        .collect();
    // A governing document, so that the feed lists it too.
    files.push((
        ODD[0].0,
        "---\ntitle: Fråga\ntype: policy\nid: P-1\nversion: \"1.0\"\nowner: Chef\n\
         approved_by: Nämnden\napproved_on: 2026-01-15\nreview_by: 2028-01-15\n\
         roles: [medarbetare]\n---\nText.\n"
            .into(),
    ));
    files.push(("content/bilder/en bild #2.txt", "bild".into()));
    files.push((
        "content/lankar.md",
        "---\ntitle: Länkar\nroles: [medarbetare]\n---\n\
         [Fråga](regler/fr%C3%A5ga%3F%20%231%20100%25.md), [mapp](<a b/_index.md>), \
         [och](a%20b/c&d'e.md), [bilden](bilder/en%20bild%20%232.txt), \
         [adress](/lis/a%20b/), [relativ](../regler/fr%C3%A5ga%3F%20%231%20100%25/).\n"
            .into(),
    ));
    write_files(s.root(), &files);
    s
}

/// The file under `public/` that a URL path of the site names, if any.
fn target(public: &Path, url: &str) -> Option<std::path::PathBuf> {
    let path = url.strip_prefix("/lis/")?;
    let path = path.split(['?', '#']).next().unwrap();
    let decoded = percent_decode(path);
    let file = public.join(&decoded);
    let file = if decoded.is_empty() || decoded.ends_with('/') {
        file.join("index.html")
    } else {
        file
    };
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// Values of `attr="…"` in `html`, with `&amp;` undone.
fn attrs(html: &str, attr: &str) -> Vec<String> {
    let key = format!("{attr}=\"");
    html.split(key.as_str())
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().replace("&amp;", "&"))
        .collect()
}

#[test]
fn odd_file_names_give_encoded_addresses_that_lead_to_their_files() {
    let s = odd_site();
    s.build();
    let public = s.out();
    // Every address the site's pages link to leads to a file it wrote.
    let mut checked = 0;
    for (rel, bytes) in snapshot(&public) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for url in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            if !url.starts_with("/lis/") {
                continue;
            }
            assert!(
                !url.contains([' ', '\'', '<', '>']),
                "{rel}: {url} is not encoded"
            );
            assert!(
                target(&public, &url).is_some(),
                "{rel}: {url} leads nowhere"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links");
    let links = s.out_file("lankar/index.html");
    for href in [
        "/lis/regler/fr%C3%A5ga%3F%20%231%20100%25/",
        "/lis/a%20b/",
        "/lis/a%20b/c%26d%27e/",
        "/lis/bilder/en%20bild%20%232.txt",
    ] {
        assert!(
            attrs(&links, "href").iter().any(|h| h == href),
            "{href} not linked from lankar/"
        );
    }
    // The sitemap, the feed and the search data give the same addresses.
    let sitemap = s.out_file("sitemap.xml");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|r| r.split("</loc>").next().unwrap())
        .collect();
    for page in [
        "regler/fr%C3%A5ga%3F%20%231%20100%25/",
        "a%20b/",
        "a%20b/c%26d%27e/",
    ] {
        assert!(
            locs.contains(&format!("{BASE_URL}{page}").as_str()),
            "{page} not in the sitemap"
        );
    }
    for loc in &locs {
        let path = loc.strip_prefix("https://lis.example.se").unwrap();
        assert!(!loc.contains([' ', '?', '#', '\'']), "{loc}");
        assert!(
            target(&public, path).is_some(),
            "sitemap: {loc} leads nowhere"
        );
    }
    let feed = s.out_file("atom.xml");
    let index = s.out_file("search_index.sv.json");
    let shards: String = snapshot(&public.join("sok/data/s"))
        .into_values()
        .map(|b| String::from_utf8(b).unwrap())
        .collect();
    for (name, text) in [
        ("search index", &index),
        ("search data", &shards),
        ("feed", &feed),
    ] {
        assert!(
            text.contains("/lis/regler/fr%C3%A5ga%3F%20%231%20100%25/"),
            "{name}: {text}"
        );
        assert!(!text.contains("/lis/regler/fråga?"), "{name}: {text}");
    }
}

#[test]
fn file_names_that_cannot_make_a_safe_address_are_errors_naming_the_file() {
    use std::os::unix::ffi::OsStrExt;
    let s = site(&[]);
    let page = "---\ntitle: X\n---\nText.\n";
    fs::write(s.root().join("content/rad\nbrytning.md"), page).unwrap();
    fs::write(s.root().join("content/bilder/ton\x07.txt"), "x").unwrap();
    let latin1 = std::ffi::OsStr::from_bytes(b"content/r\xe4ksm\xf6rg\xe5s.md");
    fs::write(s.root().join(latin1), page).unwrap();
    fs::write(s.root().join("content/..md"), page).unwrap();
    let err = check_fails_with(
        &s,
        &[
            "content/rad\\nbrytning.md: error: the name contains the control character U+000A",
            "content/bilder/ton\\u{7}.txt: error: the name contains the control character U+0007",
            "content/r\u{fffd}ksm\u{fffd}rg\u{fffd}s.md: error: the name is not valid UTF-8 text",
            "content/..md: error: `..md` has no name before `.md`",
        ],
    );
    assert!(!err.contains("not found"), "{err}");
    assert_eq!(err.matches(": error:").count(), 4, "{err}");
}

#[test]
fn paths_that_differ_only_in_case_are_an_error_naming_both() {
    let s = site(&[]);
    let page = |t: &str| format!("---\ntitle: {t}\n---\nText.\n");
    write_files(
        s.root(),
        &[
            ("content/Åtgärder.md", page("Stora")),
            ("content/åtgärder.md", page("Små")),
            ("content/Regler/annan.md", page("Annan")),
            ("content/bilder/Schema.TXT", "x".into()),
            ("content/bilder/schema.txt", "x".into()),
        ],
    );
    check_fails_with(
        &s,
        &[
            "`content/åtgärder.md` and `content/Åtgärder.md` differ only in upper and lower case",
            "`content/regler` and `content/Regler` differ only in upper and lower case",
            "`content/bilder/schema.txt` and `content/bilder/Schema.TXT` differ only in upper and lower case",
        ],
    );
}

/// Raw HTML's `src` and `href` are checked and rewritten like Markdown
/// links: a relative path is read from the file (not from the page's
/// address, where a browser would look), so it is written from the root.
#[test]
fn raw_html_links_are_checked_and_written_from_the_site_root() {
    let page = "---\ntitle: Karta\n---\nSe kartan:\n\n<img src=\"../bilder/schema.txt\" alt=\"Schema\">\n\n\
                <p>Läs <a href=\"losenord.md#syfte\">lösenordsregeln</a> och <a href='../'>start</a>.</p>\n";
    let s = site(&[]).file("content/regler/karta.md", page);
    s.build();
    let html = s.out_file("regler/karta/index.html");
    for want in [
        "src=\"/lis/bilder/schema.txt\"",
        "href=\"/lis/regler/losenord/#syfte\"",
        "href=\"/lis/\"",
    ] {
        assert!(html.contains(want), "{want} not in\n{html}");
    }
    let broken = "---\ntitle: Trasig\n---\nText.\n\n<a href=\"finns-inte.md\">x</a> <img src=\"saknas.png\" alt=\"y\">\n";
    let s = site(&[]).file("content/regler/trasig.md", broken);
    check_fails_with(
        &s,
        &[
            "content/regler/trasig.md:6:10: error: the link `finns-inte.md` points to content/regler/finns-inte.md, which does not exist",
            "content/regler/trasig.md:6:41: error: the link `saknas.png` points to content/regler/saknas.png, which does not exist",
        ],
    );
}
