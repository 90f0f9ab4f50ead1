//! Markdown bodies → HTML with pulldown-cmark, in two passes over the same
//! parser so that results line up by position:
//!
//! 1. [`scan`] collects headings (with unique GitHub-style ids) and link
//!    destinations with their offsets, so `site` can resolve and check links
//!    against the whole site before anything is rendered;
//! 2. [`render`] writes HTML, giving the k-th heading the k-th id and the
//!    k-th link the k-th resolved address.
//!
//! The first pass also counts LIX (see [`crate::readability::Counter`]).
//! [`text::sections`] is a third, text-only pass for the search index.
//!
//! Raw HTML is sanitised with ammonia (see [`sanitize`]); front matter never
//! passes through here.

pub mod links;
pub mod sanitize;
pub mod slug;
pub(crate) mod syntax;
pub mod text;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Serialize;
use syntax::options;

/// A heading of a page, with the id its anchor gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link or image destination as written, with its byte offset in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub dest: String,
    pub offset: usize,
    pub is_image: bool,
    /// The link has no text of its own (`[](id:X)`): the target's title is used.
    pub empty_text: bool,
}

/// What the first pass learns about a body.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    /// `src` and `href` values of raw HTML tags, with their offsets: not
    /// rewritten, but what they embed is an attachment of the page.
    pub html_refs: Vec<LinkRef>,
    /// Raw HTML occurs, so the output must go through the sanitiser.
    pub has_html: bool,
    /// The deepest nesting of elements: Markdown blocks and inlines plus
    /// raw HTML tags left open. The HTML sanitiser's cost grows with the
    /// square of it, so `site` limits it when raw HTML occurs.
    pub max_depth: usize,
    /// LIX counts of the body, taken in the same pass.
    pub readability: crate::readability::Readability,
}

impl Scan {
    pub fn has_heading(&self, id: &str) -> bool {
        self.headings.iter().any(|h| h.id == id)
    }
}

/// How the second pass treats one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Href {
    /// Write this address.
    Url(String),
    /// Write this address, and use `title` as the text of an empty link.
    Titled { url: String, title: String },
    /// Keep the link's text but drop the link (its target is not published).
    Unlinked,
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// First pass: headings, links and whether raw HTML occurs.
pub fn scan(body: &str) -> Scan {
    let mut scanner = Scanner::default();
    let (mut depth, mut html_depth) = (0usize, 0usize);
    let mut lix = crate::readability::Counter::default();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        lix.event(&event, range.start);
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(h) | Event::InlineHtml(h) => html_depth = html_nesting(h, html_depth),
            _ => {}
        }
        scanner.out.max_depth = scanner.out.max_depth.max(depth + html_depth);
        scanner.event(event, range.start);
    }
    let mut out = scanner.out;
    out.readability = lix.finish();
    out
}

/// The first pass's record so far, and what is open.
#[derive(Default)]
struct Scanner {
    out: Scan,
    counter: slug::SlugCounter,
    /// The open heading: level, explicit id, text so far.
    heading: Option<(u8, Option<String>, String)>,
    /// The link just opened, while it has no text yet.
    pending_link: Option<usize>,
}

impl Scanner {
    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some((
                    level_number(level),
                    id.map(|i| i.to_string()),
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title)) = self.heading.as_mut() {
                    title.push_str(&t);
                }
                self.pending_link = None;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.pending_link = Some(self.out.links.len());
                self.push_link(dest_url.to_string(), offset, false);
            }
            Event::End(TagEnd::Link) => {
                if let Some(i) = self.pending_link.take() {
                    self.out.links[i].empty_text = true;
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.pending_link = None;
                self.push_link(dest_url.to_string(), offset, true);
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                self.out.has_html = true;
                self.pending_link = None;
                for (at, dest) in links::html_destinations(&h) {
                    self.out.html_refs.push(LinkRef {
                        dest,
                        offset: offset + at,
                        is_image: false,
                        empty_text: false,
                    });
                }
            }
            _ => self.pending_link = None,
        }
    }

    fn end_heading(&mut self) {
        if let Some((level, explicit, title)) = self.heading.take() {
            let base = explicit.unwrap_or_else(|| slug::slugify(&title));
            let id = self.counter.unique(&base);
            self.out.headings.push(Heading {
                level,
                id,
                title: title.trim().to_string(),
            });
        }
    }

    fn push_link(&mut self, dest: String, offset: usize, is_image: bool) {
        self.out.links.push(LinkRef {
            dest,
            offset,
            is_image,
            empty_text: false,
        });
    }
}

/// Raw HTML with its `src` and `href` values written as `hrefs` says,
/// from `hrefs[*next]` on, in the order [`links::html_destinations`] finds
/// them (the order the first pass recorded). Values without a resolution
/// (an older version's lenient links) stay as written; a target that is
/// not published becomes `#`.
fn rewrite_html<'a>(html: CowStr<'a>, hrefs: &[Href], next: &mut usize) -> CowStr<'a> {
    let spans = links::html_destination_spans(&html);
    if spans.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut at = 0;
    for span in spans {
        let Some(href) = hrefs.get(*next) else {
            break;
        };
        *next += 1;
        let url = match href {
            Href::Url(u) | Href::Titled { url: u, .. } => u.as_str(),
            Href::Unlinked => "#",
        };
        out.push_str(&html[at..span.start]);
        out.push_str(&url.replace('&', "&amp;").replace('"', "&quot;"));
        at = span.end;
    }
    out.push_str(&html[at..]);
    out.into()
}

/// Elements that never have content, so never nest.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// How many raw HTML elements are open after `html`, starting from `open`:
/// a quick tag count (no attributes parsed), enough to bound nesting.
fn html_nesting(html: &str, mut open: usize) -> usize {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        i += lt + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let end = html[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(html.len(), |e| start + e);
        if end == start || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let self_closing = html[end..]
            .find('>')
            .is_some_and(|gt| html[..end + gt].ends_with('/'));
        if closing {
            open = open.saturating_sub(1);
        } else if !self_closing && !VOID_ELEMENTS.contains(&name.as_str()) {
            open += 1;
        }
        i = end;
    }
    open
}

/// Second pass: HTML for the body. `hrefs[k]` is the resolution of
/// `scan.links[k]`; a missing entry keeps the destination as written.
pub fn render(body: &str, scan: &Scan, hrefs: &[Href]) -> String {
    let mut rewriter = Rewriter {
        scan,
        hrefs,
        heading_index: 0,
        link_index: 0,
        // Raw HTML's destinations come after the Markdown links in `hrefs`.
        html_index: scan.links.len(),
        dropped: Vec::new(),
    };
    let events = Parser::new_ext(body, options()).flat_map(|event| rewriter.event(event));
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    let html = table_alignment_classes(html);
    if scan.has_html {
        sanitize::clean(&html)
    } else {
        html
    }
}

/// The second pass's place in the first pass's record: which heading,
/// link and raw HTML destination comes next.
struct Rewriter<'s> {
    scan: &'s Scan,
    hrefs: &'s [Href],
    heading_index: usize,
    link_index: usize,
    html_index: usize,
    /// For each open link: was it dropped (target not published)?
    dropped: Vec<bool>,
}

impl<'s> Rewriter<'s> {
    /// One event with its heading id, link or HTML destination written.
    fn event<'a>(&mut self, event: Event<'a>) -> Out<'a> {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = self
                    .scan
                    .headings
                    .get(self.heading_index)
                    .map(|h| CowStr::from(h.id.clone()));
                self.heading_index += 1;
                Out::One(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.link(link_type, dest_url, title, id),
            Event::End(TagEnd::Link) => {
                if self.dropped.pop().unwrap_or(false) {
                    Out::None
                } else {
                    Out::One(Event::End(TagEnd::Link))
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let url = match self.hrefs.get(self.link_index) {
                    Some(Href::Url(u)) | Some(Href::Titled { url: u, .. }) => u.clone(),
                    _ => dest_url.to_string(),
                };
                self.link_index += 1;
                Out::One(Event::Start(Tag::Image {
                    link_type,
                    dest_url: url.into(),
                    title,
                    id,
                }))
            }
            Event::Html(h) => Out::One(Event::Html(rewrite_html(
                h,
                self.hrefs,
                &mut self.html_index,
            ))),
            Event::InlineHtml(h) => Out::One(Event::InlineHtml(rewrite_html(
                h,
                self.hrefs,
                &mut self.html_index,
            ))),
            other => Out::One(other),
        }
    }

    /// A link's start: its resolved address; nothing when its target is
    /// not published (its text stays, unlinked); an empty link gets its
    /// target's title as text.
    fn link<'a>(
        &mut self,
        link_type: pulldown_cmark::LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
    ) -> Out<'a> {
        let href = self.hrefs.get(self.link_index).cloned();
        let empty = self
            .scan
            .links
            .get(self.link_index)
            .is_some_and(|l| l.empty_text);
        self.link_index += 1;
        let mut fill = None;
        let url = match href {
            Some(Href::Unlinked) => {
                self.dropped.push(true);
                return Out::None;
            }
            Some(Href::Url(u)) => u,
            Some(Href::Titled { url, title }) => {
                if empty {
                    fill = Some(title);
                }
                url
            }
            None => dest_url.to_string(),
        };
        self.dropped.push(false);
        let start = Event::Start(Tag::Link {
            link_type,
            dest_url: url.into(),
            title,
            id,
        });
        match fill {
            Some(text) => Out::Two(start, Event::Text(text.into())),
            None => Out::One(start),
        }
    }
}

/// What [`render`] puts in place of one event: none, it, or it and a text
/// (an iterator, so no event costs an allocation).
enum Out<'a> {
    None,
    One(Event<'a>),
    Two(Event<'a>, Event<'a>),
}

impl<'a> Iterator for Out<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        match std::mem::replace(self, Out::None) {
            Out::None => None,
            Out::One(e) => Some(e),
            Out::Two(a, b) => {
                *self = Out::One(b);
                Some(a)
            }
        }
    }
}

/// pulldown-cmark aligns table cells with `style` attributes, which a strict
/// Content-Security-Policy blocks; the theme styles these classes instead.
fn table_alignment_classes(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    html.replace(" style=\"text-align: left\"", " class=\"align-left\"")
        .replace(" style=\"text-align: center\"", " class=\"align-center\"")
        .replace(" style=\"text-align: right\"", " class=\"align-right\"")
}

/// The table of contents: h2 and h3, shown when a page has at least three.
pub fn toc(headings: &[Heading]) -> Vec<Heading> {
    let entries: Vec<Heading> = headings
        .iter()
        .filter(|h| (2..=3).contains(&h.level))
        .cloned()
        .collect();
    if entries.len() >= 3 {
        entries
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_swedish_ids() {
        let s = scan("# Lösenord\n\n## Syfte\n\n## Syfte\n\n## Rapportera en `incident`\n\n## Egen {#eget-id}\n");
        let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "lösenord",
                "syfte",
                "syfte-1",
                "rapportera-en-incident",
                "eget-id"
            ]
        );
        let html = render(
            "## Syfte\n\n## Syfte\n",
            &scan("## Syfte\n\n## Syfte\n"),
            &[],
        );
        assert!(html.contains("<h2 id=\"syfte\">Syfte</h2>"), "{html}");
        assert!(html.contains("<h2 id=\"syfte-1\">Syfte</h2>"), "{html}");
    }

    #[test]
    fn links_are_replaced_in_order() {
        let body = "[a](x.md) ![bild](b.png) [c](id:X) [](id:Y)\n";
        let s = scan(body);
        assert_eq!(s.links.len(), 4);
        assert_eq!(s.links[0].offset, 0);
        assert!(s.links[1].is_image);
        assert!(!s.links[2].empty_text);
        assert!(s.links[3].empty_text);
        let html = render(
            body,
            &s,
            &[
                Href::Url("/x/".into()),
                Href::Url("/b.png".into()),
                Href::Unlinked,
                Href::Titled {
                    url: "/y/".into(),
                    title: "Y-titel".into(),
                },
            ],
        );
        assert!(html.contains("<a href=\"/x/\">a</a>"), "{html}");
        assert!(html.contains("<img src=\"/b.png\" alt=\"bild\""), "{html}");
        assert!(html.contains(" c "), "{html}");
        assert!(!html.contains("id:X"), "{html}");
        assert!(html.contains("<a href=\"/y/\">Y-titel</a>"), "{html}");
    }

    #[test]
    fn extensions_are_on() {
        let html = render(
            "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n[^1]: not\n\n- [x] klar\n",
            &Scan::default(),
            &[],
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("<th class=\"align-left\">a</th>"), "{html}");
        assert!(html.contains("<td class=\"align-right\">2</td>"), "{html}");
        assert!(!html.contains("style="));
        assert!(html.contains("<del>x</del>"));
        assert!(html.contains("footnote-definition"));
        assert!(html.contains("type=\"checkbox\""));
    }

    #[test]
    fn toc_needs_three_entries() {
        let s = scan("## a\n## b\n### c\n#### d\n");
        assert_eq!(toc(&s.headings).len(), 3);
        assert!(toc(&scan("## a\n## b\n").headings).is_empty());
    }

    #[test]
    fn nesting_depth_counts_markdown_and_open_html() {
        assert_eq!(scan("Text\n").max_depth, 1);
        assert_eq!(scan("> > - x\n").max_depth, 4);
        assert_eq!(scan("<div><div><br><img/><p>x</p>\n").max_depth, 3);
        assert_eq!(scan("<div></div><div></div>\n").max_depth, 1);
        let deep = "<div>".repeat(1000);
        assert!(scan(&deep).max_depth >= 1000);
    }

    #[test]
    fn raw_html_is_sanitised_only_when_present() {
        let body =
            "<script>alert(1)</script>\n\n<details><summary>Mer</summary>\n\nText\n\n</details>\n";
        let html = render(body, &scan(body), &[]);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("<details>"), "{html}");
        assert!(html.contains("<summary>Mer</summary>"), "{html}");
    }
}
