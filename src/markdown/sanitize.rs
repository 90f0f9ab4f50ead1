//! Raw HTML in Markdown goes through ammonia: no script, event handler,
//! `javascript:` URL, iframe, object or inline style reaches a reader,
//! while harmless HTML (`<details>`, `<abbr>`, tables) survives.

use ammonia::Builder;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn builder() -> &'static Builder<'static> {
    static BUILDER: OnceLock<Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = Builder::default();
        // Task lists render as disabled checkboxes.
        b.add_tags(["input"]);
        b.add_tag_attributes("input", ["type", "checked", "disabled"]);
        // Heading and footnote anchors.
        b.add_generic_attributes(["id"]);
        b.add_tag_attributes("th", ["scope"]);
        b.add_tag_attributes("ol", ["start"]);
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
        let classes: HashMap<&str, HashSet<&str>> = HashMap::from([
            (
                "th",
                HashSet::from(["align-left", "align-center", "align-right"]),
            ),
            (
                "td",
                HashSet::from(["align-left", "align-center", "align-right"]),
            ),
            ("div", HashSet::from(["footnote-definition"])),
            (
                "sup",
                HashSet::from(["footnote-definition-label", "footnote-reference"]),
            ),
        ]);
        b.allowed_classes(classes);
        b
    })
}

/// Sanitises a rendered HTML fragment.
pub fn clean(html: &str) -> String {
    builder().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn dangerous_html_is_removed() {
        let cases = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<svg><script>alert(1)</script></svg>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<form action=\"https://evil.example\"><button>x</button></form>",
        ];
        for case in cases {
            let out = clean(case).to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "javascript:",
                "<iframe",
                "<object",
                "style=",
                "data:",
                "<form",
            ] {
                assert!(!out.contains(bad), "{case} → {out}");
            }
        }
    }

    #[test]
    fn harmless_html_survives() {
        let html = "<details><summary>Mer</summary><p><abbr title=\"Myndigheten för samhällsskydd och beredskap\">MSB</abbr></p></details><table><tr><td class=\"align-right\">1</td></tr></table><h2 id=\"syfte\">Syfte</h2>";
        let out = clean(html);
        assert!(out.contains("<details><summary>Mer</summary>"), "{out}");
        assert!(
            out.contains("<abbr title=\"Myndigheten för samhällsskydd och beredskap\">MSB</abbr>"),
            "{out}"
        );
        assert!(out.contains("<td class=\"align-right\">1</td>"), "{out}");
        assert!(out.contains("<h2 id=\"syfte\">"), "{out}");
    }
}
