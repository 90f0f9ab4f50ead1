//! Stable anchors in a governing document's rendered body, so that people
//! and auditors can point to one part of it: every `h2`/`h3` gets a link to
//! itself, and every numbered requirement — an item of a top-level ordered
//! list whose bold lead-in is a ska-krav ("**Du ska …**") — gets the id
//! `krav-S-N` and a visible number `§S.N` (S: the h2 section it stands in,
//! N: its number in the list), citable as `LIS-R-05 §3.2`.
//!
//! Runs on the HTML pulldown-cmark and the sanitiser wrote (lower-case
//! tags, quoted attributes), after rendering and before the template.

use super::Labels;

/// Words that make a bold lead-in a requirement.
const REQUIREMENT_WORDS: [&str; 3] = ["ska", "must", "shall"];

/// `html` with heading anchors and numbered requirements. Only what
/// changes is rewritten: the text between is copied in whole runs.
pub fn add(html: &str, labels: &Labels) -> String {
    let heading_label = labels.get("anchor_heading");
    let requirement_label = labels.get("anchor_requirement");
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    // `html[..copied]` is in `out`; the next tag is looked for from `at`.
    let (mut copied, mut at) = (0, 0);
    let mut section = 0usize;
    // Nesting of lists: for each open list, the next item number when it
    // is a top-level <ol> (None for any other list).
    let mut lists: Vec<Option<usize>> = Vec::new();
    while let Some(pos) = memchr::memchr(b'<', &html.as_bytes()[at..]) {
        let start = at + pos;
        let rest = &html[start..];
        let tag_end = memchr::memchr(b'>', rest.as_bytes()).map_or(rest.len(), |e| e + 1);
        let tag = &rest[..tag_end];
        let end = start + tag_end;
        at = end;
        if tag.starts_with("<h2") || tag.starts_with("<h3") {
            let close = if tag.starts_with("<h2") {
                section += 1;
                "</h2>"
            } else {
                "</h3>"
            };
            if let (Some(id), Some(c)) = (attr(tag, " id=\""), rest.find(close)) {
                // The link stands beside the heading, not in it, so the
                // heading's name stays its own text (GitHub's pattern);
                // the wrapper keeps the two on one line.
                let stop = start + c + close.len();
                let name = text_of(&html[end..start + c]);
                out.push_str(&html[copied..start]);
                out.push_str("<div class=\"heading\">");
                out.push_str(&html[start..stop]);
                out.push_str(&format!(
                    "<a class=\"anchor\" href=\"#{id}\" aria-label=\"{heading_label}: {name}\"></a></div>"
                ));
                copied = stop;
                at = stop;
            }
            continue;
        }
        if tag.starts_with("<ol") || tag.starts_with("<ul") {
            let numbered = tag.starts_with("<ol") && lists.is_empty();
            let first = attr(tag, " start=\"")
                .and_then(|s| s.parse().ok())
                .unwrap_or(1);
            lists.push(numbered.then_some(first));
        } else if tag == "</ol>" || tag == "</ul>" {
            lists.pop();
        } else if tag == "<li>" && lists.len() == 1 {
            if let Some(Some(n)) = lists.last_mut() {
                let number = *n;
                *n += 1;
                if section > 0 && is_requirement(&html[end..]) {
                    let id = format!("krav-{section}-{number}");
                    out.push_str(&html[copied..start]);
                    out.push_str(&format!(
                        "<li id=\"{id}\" class=\"requirement\"><a class=\"anchor requirement__number\" href=\"#{id}\" aria-label=\"{requirement_label} §{section}.{number}\">§{section}.{number}</a> "
                    ));
                    copied = end;
                }
            }
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// The text of sanitised inline HTML, tags dropped, ready to stand in a
/// double-quoted attribute. The sanitiser's serialiser leaves `"`, `<` and
/// `>` unescaped in text and `<`, `>` in attribute values, so tags are
/// skipped honouring their quotes and the three are escaped here (`&`
/// already is).
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut chars = html.chars();
    while let Some(c) = chars.next() {
        match c {
            '<' => skip_tag(&mut chars),
            '"' => text.push_str("&quot;"),
            '>' => text.push_str("&gt;"),
            _ => text.push(c),
        }
    }
    text.trim().to_string()
}

/// Consumes the rest of a tag whose `<` was read, quoted values included.
fn skip_tag(chars: &mut std::str::Chars) {
    let mut quote = None;
    for c in chars.by_ref() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return,
            _ => {}
        }
    }
}

/// The value of an attribute in a start tag, `key` being ` name="`.
fn attr<'a>(tag: &'a str, key: &str) -> Option<&'a str> {
    let start = tag.find(key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// True when a list item's body opens with bold text holding a ska-word.
fn is_requirement(body: &str) -> bool {
    let body = body.trim_start();
    let body = body.strip_prefix("<p>").unwrap_or(body);
    let Some(bold) = body.strip_prefix("<strong>") else {
        return false;
    };
    let lead = &bold[..bold.find("</strong>").unwrap_or(bold.len())];
    lead.split(|c: char| !c.is_alphanumeric())
        .any(|w| REQUIREMENT_WORDS.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_requirements_get_anchors() {
        let labels = Labels::new("sv");
        let html = "<h2 id=\"syfte\">Syfte</h2>\n<ol>\n<li><strong>Rapportera direkt.</strong> Text</li>\n</ol>\n<h2 id=\"regler\">Regler</h2>\n<ol>\n<li><strong>Du ska rapportera.</strong><br>\n<em>Varför:</em> X</li>\n<li><strong>Chefen ska registrera.</strong><ol>\n<li><strong>Du ska inte.</strong></li>\n</ol></li>\n</ol>\n<ol start=\"4\">\n<li><p><strong>Ingen ska straffas.</strong></p></li>\n</ol>\n<h3 id=\"mer\">Mer</h3>";
        let out = add(html, &labels);
        assert!(out.contains("<div class=\"heading\"><h2 id=\"syfte\">Syfte</h2><a class=\"anchor\" href=\"#syfte\" aria-label=\"Länk till avsnittet: Syfte\"></a></div>"), "{out}");
        assert!(
            out.contains(
                "<div class=\"heading\"><h3 id=\"mer\">Mer</h3><a class=\"anchor\" href=\"#mer\""
            ),
            "{out}"
        );
        // Steps without a ska-word are no requirements.
        assert!(out.contains("<li><strong>Rapportera direkt."), "{out}");
        assert!(out.contains("<li id=\"krav-2-1\" class=\"requirement\"><a class=\"anchor requirement__number\" href=\"#krav-2-1\" aria-label=\"Länk till kravet §2.1\">§2.1</a> <strong>Du ska rapportera."), "{out}");
        assert!(out.contains("id=\"krav-2-2\""), "{out}");
        // A nested list is not numbered; a list's start is honoured.
        assert!(out.contains("<li><strong>Du ska inte."), "{out}");
        assert!(out.contains("id=\"krav-2-4\""), "{out}");
        assert_eq!(out.matches("class=\"requirement\"").count(), 3);
    }

    #[test]
    fn a_heading_link_is_named_by_the_headings_text_without_its_markup() {
        let labels = Labels::new("sv");
        let out = add("<h2 id=\"a\">Om <code>a&amp;b</code></h2>", &labels);
        assert!(
            out.contains("aria-label=\"Länk till avsnittet: Om a&amp;b\""),
            "{out}"
        );
        assert!(out.ends_with("</h2><a class=\"anchor\" href=\"#a\" aria-label=\"Länk till avsnittet: Om a&amp;b\"></a></div>"), "{out}");
    }

    #[test]
    fn a_heading_cannot_break_out_of_its_links_name() {
        let labels = Labels::new("sv");
        // What the sanitiser writes for `## x" onerror="y` and for a span
        // whose title holds `>` and a quote-free attribute-like text.
        for html in [
            "<h2 id=\"x\">x\" onerror=\"y</h2>",
            "<h2 id=\"x\"><span title=\"a> onerror=y b=\">z</span></h2>",
        ] {
            let out = add(html, &labels);
            let link = &out[out.find("<a ").unwrap()..];
            let tag = &link[..link.find('>').unwrap() + 1];
            assert!(!tag.contains("onerror=\""), "{tag}");
            assert_eq!(tag.matches('"').count(), 6, "{tag}");
        }
    }
}
