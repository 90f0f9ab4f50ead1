//! Fuzz target: one content file — front matter split and typed parse
//! (`document::parse`), then both Markdown passes (`markdown::scan` and
//! `markdown::render`), with every link replaced the ways `site` can.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrdok::markdown::{self, Href};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (doc, _diags) = styrdok::document::parse("content/a/b.md", "a/b.md", text.to_string());
    let body = match &doc {
        Some(d) => d.body(),
        None => text,
    };
    let scan = markdown::scan(body);
    let hrefs: Vec<Href> = (0..scan.links.len())
        .map(|k| match (mode as usize + k) % 4 {
            0 => Href::Url("/x/".into()),
            1 => Href::Unlinked,
            2 => Href::Titled {
                url: "/y/".into(),
                title: "<Titel & \"y\">".into(),
            },
            _ => Href::Url(String::new()),
        })
        .collect();
    let html = markdown::render(body, &scan, &hrefs);
    if scan.has_html {
        // Whatever the input, sanitised output has no script element.
        assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    }
    let _ = markdown::toc(&scan.headings);
});
