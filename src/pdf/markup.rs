//! A Markdown body → typst source, walking the same pulldown-cmark events
//! as the HTML pass (the site's dialect: tables, footnotes, strike-through,
//! task lists). Every piece of the author's text goes into a typst string
//! literal (`#"…";`), never into markup, so no character of the body can
//! change the meaning of the generated source: the only typst code here is
//! what this module writes.
//!
//! Headings keep their order but not their levels: the shallowest heading
//! of the body becomes level 1 and no heading goes more than one level
//! deeper than the one before (a tagged PDF's heading structure may not
//! skip levels). Images become their alternative text (a PDF of the text
//! needs no pictures to be complete); raw HTML becomes its text.

use crate::markdown::{syntax::options, Href, Scan};
use pulldown_cmark::{Alignment, Event, Parser, Tag};
use std::fmt::Write;

/// A string literal of typst code for `s`. A character no bundled font
/// can show, or that PDF/A forbids, is written as its code point
/// (`(U+1F600)`); invisible format characters and control characters
/// other than line breaks and tabs are left out.
pub(super) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{fe00}'..='\u{fe0f}' => {}
            '\u{feff}' => {}
            c if c.is_control() => {}
            c if !super::world::displayable(c) => {
                let _ = write!(out, "(U+{:04X})", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a piece of markup: a string literal that ends its expression.
pub(super) fn text(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("#{};", string(s))
    }
}

/// How the body's links are written: `hrefs[k]` resolves link `k` of
/// `scan`, and `absolute` turns a resolved address into one a PDF reader
/// can follow (`None`: keep the text, drop the link).
pub struct Links<'a> {
    pub scan: &'a Scan,
    pub hrefs: &'a [Href],
    pub absolute: &'a dyn Fn(&str) -> Option<String>,
}

/// What the end of an open tag does.
enum Close {
    /// Writes this; `true` when the tag opened a typst container (counted
    /// against [`MAX_NESTING`]).
    Write(&'static str, bool),
    /// Ends a code block: its text becomes one `raw` block.
    Code,
    /// Ends an image (its alternative text was written as plain text).
    Image,
}

/// Containers nested deeper than this are written flat (their text, no
/// structure): typst limits how deep content may nest, and a body must
/// never fail to typeset.
const MAX_NESTING: usize = 10;

struct Writer<'a> {
    out: String,
    links: &'a Links<'a>,
    link_index: usize,
    /// For each open tag, what its end does.
    open: Vec<Close>,
    nesting: usize,
    /// Heading levels: the body's shallowest, and the last one written.
    min_level: u8,
    last_level: u8,
    /// Inside an image: its alternative text is written as plain text.
    in_image: usize,
    /// Inside a code block: its text, written as one `raw` at its end.
    code: Option<String>,
    footnotes: Vec<String>,
}

/// The typst markup of a Markdown body.
pub(super) fn body(markdown: &str, links: &Links) -> String {
    let min_level = links
        .scan
        .headings
        .iter()
        .map(|h| h.level)
        .min()
        .unwrap_or(1);
    let mut w = Writer {
        out: String::with_capacity(markdown.len() * 2),
        links,
        link_index: 0,
        open: Vec::new(),
        nesting: 0,
        min_level,
        last_level: 0,
        in_image: 0,
        code: None,
        footnotes: Vec::new(),
    };
    for event in Parser::new_ext(markdown, options()) {
        w.event(event);
    }
    // Close whatever is left open (the parser closes everything it opens;
    // this only keeps the source balanced if it ever did not).
    while !w.open.is_empty() {
        w.end();
    }
    w.out
}

impl Writer<'_> {
    fn push(&mut self, s: &str) {
        match self.code.as_mut() {
            Some(code) => code.push_str(s),
            None => self.out.push_str(s),
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(code) = self.code.as_mut() {
            code.push_str(s);
        } else {
            self.out.push_str(&text(s));
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(_) => self.end(),
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Code(c) if self.in_image > 0 => self.text(&c),
            Event::Code(c) => {
                let c = format!("#raw({});", string(&c));
                self.push(&c);
            }
            Event::Html(h) | Event::InlineHtml(h) => self.text(&strip_tags(&h)),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak if self.in_image > 0 => self.text(" "),
            Event::HardBreak => self.push("#linebreak();"),
            Event::Rule => self.push("\n#line(length: 100%, stroke: 0.5pt + luma(60%))\n"),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => {
                let n = self.footnote_number(&name);
                if self.in_image > 0 {
                    self.text(&format!("[{n}]"));
                } else {
                    self.push(&format!("#super[{n}]"));
                }
            }
        }
    }

    fn footnote_number(&mut self, name: &str) -> usize {
        match self.footnotes.iter().position(|f| f == name) {
            Some(k) => k + 1,
            None => {
                self.footnotes.push(name.to_string());
                self.footnotes.len()
            }
        }
    }

    /// Opens `tag`: writes its opener, remembers its closer.
    fn start(&mut self, tag: Tag) {
        if let Tag::Link { .. } | Tag::Image { .. } = tag {
            // Every link and image has its entry in `hrefs`.
            self.link_index += 1;
        }
        let flat = self.in_image > 0 || self.code.is_some() || self.nesting >= MAX_NESTING;
        let (open, close): (String, &'static str) = match tag {
            Tag::Image { .. } => {
                self.in_image += 1;
                self.open.push(Close::Image);
                return;
            }
            Tag::CodeBlock(_) if self.code.is_none() => {
                self.code = Some(String::new());
                self.open.push(Close::Code);
                return;
            }
            Tag::Link { .. } if !flat => self.link_open(),
            Tag::Link { .. } => (self.link_fill(), ""),
            // A block written flat starts with a space (as text: markup
            // whitespace next to `#…;` is not kept).
            Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell if flat => {
                (text(" "), "")
            }
            _ if flat => (String::new(), ""),
            tag => self.container(tag),
        };
        let counted = !open.is_empty() && !close.is_empty();
        if counted {
            self.nesting += 1;
        }
        self.open.push(Close::Write(close, counted));
        self.push(&open);
    }

    /// The opener and closer of a link that is not written flat.
    fn link_open(&mut self) -> (String, &'static str) {
        let k = self.link_index - 1;
        let url = match self.links.hrefs.get(k) {
            Some(Href::Url(u)) | Some(Href::Titled { url: u, .. }) => (self.links.absolute)(u),
            Some(Href::Unlinked) | None => None,
        };
        let fill = self.link_fill();
        match url {
            Some(url) => (format!("#link({})[{fill}", string(&url)), "]"),
            None => (fill, ""),
        }
    }

    /// The target's title for a link without text of its own (`[](id:X)`).
    fn link_fill(&self) -> String {
        let k = self.link_index - 1;
        match self.links.hrefs.get(k) {
            Some(Href::Titled { title, .. })
                if self.links.scan.links.get(k).is_some_and(|l| l.empty_text) =>
            {
                text(title)
            }
            _ => String::new(),
        }
    }

    fn end(&mut self) {
        match self.open.pop() {
            Some(Close::Write(close, counted)) => {
                if counted {
                    self.nesting -= 1;
                }
                self.push(close);
            }
            Some(Close::Code) => {
                let code = self.code.take().unwrap_or_default();
                let code = string(code.trim_end_matches('\n'));
                self.push(&format!("\n#raw(block: true, {code})\n"));
            }
            Some(Close::Image) => self.in_image = self.in_image.saturating_sub(1),
            None => {}
        }
    }

    /// The opener and closer of a block or inline container.
    fn container(&mut self, tag: Tag) -> (String, &'static str) {
        match tag {
            Tag::Paragraph => (String::new(), "\n\n"),
            Tag::Heading { level, .. } => {
                let wanted = (level as u8).saturating_sub(self.min_level) + 1;
                let level = wanted.min(self.last_level + 1).max(1);
                self.last_level = level;
                (format!("\n#heading(level: {level})["), "]\n")
            }
            Tag::BlockQuote(_) => ("\n#quote(block: true)[".into(), "]\n"),
            Tag::List(None) => ("\n#list(".into(), ")\n"),
            Tag::List(Some(first)) => (format!("\n#enum(start: {first}, "), ")\n"),
            Tag::Item => ("[".into(), "],"),
            Tag::FootnoteDefinition(name) => {
                let n = self.footnote_number(&name);
                (format!("\n#block(above: 1.2em)[#super[{n}] "), "]\n")
            }
            Tag::Table(aligns) => (table_start(&aligns), ")\n"),
            Tag::TableHead => ("table.header(".into(), "),"),
            Tag::TableCell => ("[".into(), "],"),
            Tag::Emphasis => ("#emph[".into(), "]"),
            Tag::Strong => ("#strong[".into(), "]"),
            Tag::Strikethrough => ("#strike[".into(), "]"),
            Tag::Superscript => ("#super[".into(), "]"),
            Tag::Subscript => ("#sub[".into(), "]"),
            _ => (String::new(), ""),
        }
    }
}

/// `#table(` with a column per alignment; the cells follow.
fn table_start(aligns: &[Alignment]) -> String {
    let align: Vec<&str> = aligns
        .iter()
        .map(|a| match a {
            Alignment::Center => "center",
            Alignment::Right => "right",
            Alignment::None | Alignment::Left => "left",
        })
        .collect();
    format!(
        "\n#table(columns: {}, align: ({},), ",
        aligns.len().max(1),
        if align.is_empty() {
            "left".to_string()
        } else {
            align.join(", ")
        }
    )
}

/// The text of raw HTML: tags dropped, entities left as written.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
