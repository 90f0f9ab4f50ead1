//! Tables in a page's rendered body get the same scroll region as the
//! theme's own tables: on a phone a wide table scrolls inside
//! `<div class="table-wrap" role="region" tabindex="0">`, never the page,
//! and the region can be reached and scrolled with the keyboard (WCAG
//! 2.1.1). It is named by the heading above the table, or by the table's
//! first header cells when there is none.
//!
//! Runs on the HTML pulldown-cmark and the sanitiser wrote, after
//! rendering and before the template.

use super::Labels;

/// `html` with every `<table>` wrapped in a named, focusable scroll region.
/// Only the tables are rewritten: the text between them is copied in whole
/// runs, not tag by tag.
pub fn wrap(html: &str, labels: &Labels) -> String {
    if memchr::memmem::find(html.as_bytes(), b"<table").is_none() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 128);
    // `html[..copied]` is in `out`; the next tag is looked for from `at`.
    let (mut copied, mut at) = (0, 0);
    let mut heading: Option<&str> = None;
    while let Some(pos) = memchr::memchr(b'<', &html.as_bytes()[at..]) {
        let start = at + pos;
        let end =
            memchr::memchr(b'>', &html.as_bytes()[start..]).map_or(html.len(), |e| start + e + 1);
        let tag = &html[start..end];
        at = end;
        let is_heading =
            tag.len() > 3 && tag.as_bytes()[1] == b'h' && tag.as_bytes()[2].is_ascii_digit();
        if is_heading {
            heading = id_of(tag).or(heading);
        } else if tag.starts_with("<table") {
            out.push_str(&html[copied..start]);
            copied = start;
            out.push_str("<div class=\"table-wrap\" role=\"region\" ");
            match heading {
                Some(id) => {
                    out.push_str("aria-labelledby=\"");
                    out.push_str(id);
                }
                None => {
                    out.push_str("aria-label=\"");
                    out.push_str(&labels.get("table_label"));
                }
            }
            out.push_str("\" tabindex=\"0\">");
        } else if tag == "</table>" {
            out.push_str(&html[copied..end]);
            copied = end;
            out.push_str("</div>");
        }
    }
    out.push_str(&html[copied..]);
    out
}

fn id_of(tag: &str) -> Option<&str> {
    let start = tag.find(" id=\"")? + 5;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_get_a_named_scroll_region() {
        let labels = Labels::new("sv");
        let html = "<table><tr><td>a</td></tr></table>\n<h2 id=\"fas-1\">Fas 1</h2>\n<hr>\n<table>\n<thead></thead></table>";
        let out = wrap(html, &labels);
        assert_eq!(
            out,
            "<div class=\"table-wrap\" role=\"region\" aria-label=\"Tabell\" tabindex=\"0\"><table><tr><td>a</td></tr></table></div>\n<h2 id=\"fas-1\">Fas 1</h2>\n<hr>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"fas-1\" tabindex=\"0\"><table>\n<thead></thead></table></div>"
        );
        assert_eq!(wrap("<p>x</p>", &labels), "<p>x</p>");
    }
}
