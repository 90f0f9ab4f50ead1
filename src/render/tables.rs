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
pub fn wrap(html: &str, labels: &Labels) -> String {
    if !html.contains("<table") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 128);
    let mut rest = html;
    let mut heading: Option<&str> = None;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..tag_end];
        let is_heading =
            tag.len() > 3 && tag.as_bytes()[1] == b'h' && tag.as_bytes()[2].is_ascii_digit();
        if is_heading {
            heading = id_of(tag).or(heading);
        }
        if tag.starts_with("<table") {
            let name = match heading {
                Some(id) => format!("aria-labelledby=\"{id}\""),
                None => format!("aria-label=\"{}\"", labels.get("table_label")),
            };
            out.push_str(&format!(
                "<div class=\"table-wrap\" role=\"region\" {name} tabindex=\"0\">"
            ));
            out.push_str(tag);
        } else if tag == "</table>" {
            out.push_str("</table></div>");
        } else {
            out.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
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
