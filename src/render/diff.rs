//! Word-level changes between two versions of a document, on the rendered
//! text (what a reader sees, not the Markdown). Readable without colour:
//! additions are `<ins>` and deletions `<del>`, each starting with
//! visually-hidden words ("Tillagt:", "Borttaget:") for screen readers and
//! drawn with a `+`/`−` marker and under/strike-through by the theme.

use crate::ui::escape_html;
use similar::{ChangeTag, TextDiff};

/// The text of rendered HTML, one line per block (paragraph, heading, list
/// item, table cell), with entities decoded and tags dropped.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if is_block(&name) {
            out.push('\n');
        } else if name == "br" || name == "img" {
            out.push(' ');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(&decode(rest));
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "blockquote"
            | "pre"
            | "div"
            | "dt"
            | "dd"
            | "hr"
            | "section"
    )
}

fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Labels for the hidden words before a change.
pub struct DiffLabels<'a> {
    pub added: &'a str,
    pub removed: &'a str,
}

/// The changes from `old` to `new` (plain text, one block per line) as
/// HTML paragraphs, and whether anything changed at all.
pub fn word_diff(old: &str, new: &str, labels: &DiffLabels) -> (String, bool) {
    let diff = TextDiff::from_words(old, new);
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        match runs.last_mut() {
            Some((t, s)) if *t == tag => s.push_str(change.value()),
            _ => runs.push((tag, change.value().to_string())),
        }
    }
    let changed = runs.iter().any(|(t, _)| *t != ChangeTag::Equal);
    let mut html = String::from("<p>");
    for (tag, text) in &runs {
        let (open, close) = match tag {
            ChangeTag::Equal => (String::new(), ""),
            ChangeTag::Insert => (
                format!(
                    "<ins class=\"diff-ins\"><span class=\"visually-hidden\">{} </span>",
                    escape_html(labels.added)
                ),
                "</ins>",
            ),
            ChangeTag::Delete => (
                format!(
                    "<del class=\"diff-del\"><span class=\"visually-hidden\">{} </span>",
                    escape_html(labels.removed)
                ),
                "</del>",
            ),
        };
        // A change may span blocks: close and reopen it around each break.
        for (k, part) in text.split('\n').enumerate() {
            if k > 0 {
                html.push_str("</p>\n<p>");
            }
            if part.trim().is_empty() {
                html.push_str(part);
                continue;
            }
            html.push_str(&open);
            html.push_str(&escape_html(part));
            html.push_str(close);
        }
    }
    html.push_str("</p>");
    let html = html.replace("<p></p>", "").replace("<p> </p>", "");
    (html, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: DiffLabels = DiffLabels {
        added: "Tillagt:",
        removed: "Borttaget:",
    };

    #[test]
    fn text_of_html_keeps_blocks_apart() {
        assert_eq!(
            html_to_text(
                "<h2 id=\"a\">Rubrik</h2>\n<p>Ett &amp; <em>två</em></p><ul><li>tre</li></ul>"
            ),
            "Rubrik\nEtt & två\ntre"
        );
    }

    #[test]
    fn changes_are_marked_with_words_not_only_colour() {
        let (html, changed) = word_diff("Minst 8 tecken\nSlut", "Minst 12 tecken\nSlut", &L);
        assert!(changed);
        assert!(
            html.contains(
                "<del class=\"diff-del\"><span class=\"visually-hidden\">Borttaget: </span>8</del>"
            ),
            "{html}"
        );
        assert!(
            html.contains(
                "<ins class=\"diff-ins\"><span class=\"visually-hidden\">Tillagt: </span>12</ins>"
            ),
            "{html}"
        );
        assert!(html.contains("</p>\n<p>Slut</p>"), "{html}");
        let (_, same) = word_diff("a b", "a b", &L);
        assert!(!same);
    }

    #[test]
    fn markup_in_text_is_escaped() {
        let (html, _) = word_diff("x", "<script>", &L);
        assert!(!html.contains("<script>"));
    }
}
