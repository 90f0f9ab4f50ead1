//! Plain text of a Markdown body, cut into heading sections, for the search
//! index. One parse without HTML output; the k-th heading of the parse is the
//! k-th heading of [`super::scan`], so sections carry the same anchors as the
//! rendered page.

use super::syntax::options;
use super::Scan;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Headings up to this level start a new section; deeper ones stay inside
/// the section they belong to (their text becomes body text).
const SECTION_LEVEL: u8 = 3;

/// The text of one part of a page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SectionText {
    /// Index into `scan.headings` of the heading that opens the section;
    /// `None` for the text before the first heading.
    pub heading: Option<usize>,
    /// The section's text, words separated by single spaces or newlines.
    pub text: String,
}

/// The plain text of a short Markdown text such as a quiz prompt: its
/// words without the markup (`**`, `_`, backticks, link destinations),
/// line breaks as spaces, runs of white space as one. For places that show
/// text as text (a report's table, a CSV cell).
pub fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits `body` into the text before the first heading and one section per
/// heading of level ≤ 3. Link and image destinations, HTML tags and code
/// block fences are left out; the words of links, code and image alt text
/// stay in.
pub fn sections(body: &str, scan: &Scan) -> Vec<SectionText> {
    let mut out = vec![SectionText::default()];
    let mut heading_index = 0usize;
    let mut in_section_heading = false;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let k = heading_index;
                heading_index += 1;
                let level = level as u8;
                if level <= SECTION_LEVEL && k < scan.headings.len() {
                    out.push(SectionText {
                        heading: Some(k),
                        text: String::new(),
                    });
                    in_section_heading = true;
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                in_section_heading = false;
                push_break(&mut out);
            }
            Event::Text(t) | Event::Code(t) if !in_section_heading => push_text(&mut out, &t),
            Event::SoftBreak | Event::HardBreak => push_text(&mut out, " "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => push_break(&mut out),
            _ => {}
        }
    }
    for s in &mut out {
        let trimmed = s.text.trim_end();
        s.text.truncate(trimmed.len());
    }
    out
}

fn push_text(out: &mut [SectionText], text: &str) {
    if let Some(last) = out.last_mut() {
        last.text.push_str(text);
    }
}

fn push_break(out: &mut [SectionText]) {
    if let Some(last) = out.last_mut() {
        if !last.text.is_empty() && !last.text.ends_with('\n') {
            last.text.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_of_a_prompt_has_no_markup() {
        assert_eq!(
            plain("Vilket **lösenord** är _bäst_?\nSe [regeln](id:P-1) och `kod`."),
            "Vilket lösenord är bäst? Se regeln och kod."
        );
        // An escaped star is a star of the text.
        assert_eq!(plain("a \\* b"), "a * b");
    }
    use crate::markdown::scan;

    #[test]
    fn sections_follow_headings_with_their_anchors() {
        let body = "Inledning med [länk](id:X).\n\n## Syfte\n\nDitt **lösenord** är\nnyckeln.\n\n\
                    ### Detalj\n\n- ett\n- två\n\n#### Djup\n\nText `kod`.\n\n## Syfte\n\nIgen.\n";
        let s = scan(body);
        let parts = sections(body, &s);
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].heading, None);
        assert_eq!(parts[0].text, "Inledning med länk.");
        assert_eq!(parts[1].heading, Some(0));
        assert_eq!(s.headings[0].id, "syfte");
        assert_eq!(parts[1].text, "Ditt lösenord är nyckeln.");
        assert_eq!(parts[2].heading, Some(1));
        // An h4 is not a section of its own: its words stay in the h3's text.
        assert_eq!(parts[2].text, "ett\ntvå\nDjup\nText kod.");
        assert_eq!(parts[3].heading, Some(3));
        assert_eq!(s.headings[3].id, "syfte-1");
        assert_eq!(parts[3].text, "Igen.");
    }

    #[test]
    fn empty_body_gives_one_empty_section() {
        let parts = sections("", &Scan::default());
        assert_eq!(parts, vec![SectionText::default()]);
    }
}
