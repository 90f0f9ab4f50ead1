//! What the outputs share, below all of them: the result of a stage
//! ([`Rendered`], [`gather`]), where a page is written ([`index_file`]),
//! the `page` value of a generated page ([`generated`], [`home_crumb`]),
//! the settings every training script reads, and escaping for JSON inside
//! a `<script>` ([`script_json`]; HTML's is [`crate::ui::escape_html`]).
//! It knows no output and no renderer, so every output (and the renderer)
//! can use it. The addresses of generated pages are the site's
//! (`site::addresses`), which checks links to them.

use super::views::Crumb;
use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::site::addresses::{BUILDER_PATH, CERTIFICATE_PATH};
use crate::site::Site;
use crate::ui::Labels;
use serde::Serialize;

/// What a stage returns: the number of pages written, or every error.
pub(crate) type Rendered = Result<usize, Vec<Diagnostic>>;

/// Output path of a page at site path `url_path`.
pub(crate) fn index_file(url_path: &str) -> String {
    format!("{url_path}index.html")
}

/// The pages written (one per result), or every error.
pub(crate) fn gather(results: Vec<Result<(), Diagnostic>>) -> Rendered {
    let n = results.len();
    let errors: Vec<Diagnostic> = results.into_iter().filter_map(Result::err).collect();
    if errors.is_empty() {
        Ok(n)
    } else {
        Err(errors)
    }
}

/// A `page` value for generated pages (reading lists, 404, …).
#[derive(Serialize)]
pub(crate) struct GeneratedPage {
    title: String,
    pub(crate) url: String,
    permalink: String,
    pub(crate) kind: &'static str,
    pub(crate) summary: String,
    status: &'static str,
    breadcrumbs: Vec<Crumb>,
    content: String,
    toc: Vec<markdown::Heading>,
}

/// The `page` value of a generated page at site path `path`.
pub(crate) fn generated(
    site: &Site,
    title: String,
    path: &str,
    crumbs: Vec<Crumb>,
) -> GeneratedPage {
    GeneratedPage {
        title,
        url: site.config.url(path),
        permalink: site.config.permalink(path),
        kind: "generated",
        summary: String::new(),
        status: "active",
        breadcrumbs: crumbs,
        content: String::new(),
        toc: Vec::new(),
    }
}

/// The first breadcrumb of every generated page: the start page.
pub(crate) fn home_crumb(site: &Site) -> Crumb {
    Crumb {
        title: site
            .section_for_dir("")
            .map_or_else(|| site.config.title.clone(), |s| site.docs[s].title.clone()),
        url: site.config.root.clone(),
    }
}

/// Settings and UI strings every training script reads
/// (`training_config`; the training output writes the same as an ES
/// module, `js/training-config.js`).
pub(crate) fn training_config(
    site: &Site,
    labels: &Labels,
    acknowledge: &std::collections::BTreeMap<String, String>,
) -> String {
    let strings: serde_json::Map<String, serde_json::Value> = labels
        .keys()
        .filter(|k| k.starts_with("tr_"))
        .map(|k| (k.to_string(), labels.get(k).into()))
        .collect();
    let cfg = &site.config;
    script_json(&serde_json::json!({
        "root": cfg.root,
        "organisation": cfg.organisation,
        "report_endpoint": cfg.report_endpoint,
        "builder_url": format!("{}{BUILDER_PATH}", cfg.root),
        "certificate_url": format!("{}{CERTIFICATE_PATH}", cfg.root),
        "units": cfg.units,
        "roles": cfg.roles.iter().map(|r| serde_json::json!({
            "id": r.id, "name": r.name, "url": format!("{}roller/{}/", cfg.root, r.id),
        })).collect::<Vec<_>>(),
        // Document id → the version a read receipt must be for, when the
        // current version is an editorial change (`acknowledge: false`).
        "acknowledge": acknowledge,
        "strings": strings,
    }))
}

/// JSON safe to place inside `<script type="application/json">`: `<` is
/// escaped so that no `</script>` or `<!--` can end or confuse the element.
pub fn script_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_element() {
        let json = script_json(&serde_json::json!({ "x": "</script><!--" }));
        assert!(!json.contains('<'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["x"], "</script><!--");
    }

    #[test]
    fn gather_counts_pages_or_keeps_every_error() {
        assert_eq!(gather(vec![Ok(()), Ok(())]), Ok(2));
        let errors = gather(vec![
            Ok(()),
            Err(Diagnostic::error(
                "a.md",
                crate::messages::Message::foreign("one"),
            )),
            Err(Diagnostic::error(
                "b.md",
                crate::messages::Message::foreign("two"),
            )),
        ])
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(index_file("regler/"), "regler/index.html");
    }
}
