//! Raw HTML in Markdown goes through ammonia: no script, event handler,
//! `javascript:` URL, iframe, object or inline style reaches a reader,
//! while harmless HTML (`<details>`, `<abbr>`, tables) survives. Images
//! from other hosts lose their source: loading them would tell that host
//! who reads which page.

use ammonia::Builder;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn builder() -> &'static Builder<'static> {
    static BUILDER: OnceLock<Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = Builder::default();
        // Task lists render as disabled checkboxes.
        b.add_tags(["input"]);
        b.add_tag_attributes("input", ["checked"]);
        // … and only those: never a text field or button a reader could use.
        b.set_tag_attribute_value("input", "type", "checkbox");
        b.set_tag_attribute_value("input", "disabled", "");
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
        b.attribute_filter(|element, attribute, value| match (element, attribute) {
            // Loading an image from another host tells it who reads what.
            ("img", "src") if super::links::is_external(value) => None,
            _ => Some(value.into()),
        });
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
    fn images_from_other_hosts_lose_their_source() {
        for src in [
            "https://evil.example/p.png",
            "//evil.example/p.png",
            "/\\evil.example/p.png",
        ] {
            let out = clean(&format!("<img src=\"{src}\" alt=\"x\">"));
            assert!(!out.contains("evil"), "{out}");
        }
        assert!(clean("<img src=\"bilder/a.png\" alt=\"x\">").contains("src=\"bilder/a.png\""));
        let input = clean("<input type=\"text\" value=\"x\">");
        assert!(
            input.contains("type=\"checkbox\"") && input.contains("disabled"),
            "{input}"
        );
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
