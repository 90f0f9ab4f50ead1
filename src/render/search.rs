//! Search outputs: the elasticlunr export `search_index.LANG.json`, the
//! sharded files the browser reads under `sok/data/`, and the search page
//! `sok/index.html` (template `search.html`). The index itself is built by
//! [`crate::search`] from published pages only.

use super::plumbing::{generated, home_crumb, Rendered};
use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use crate::search::{self, shards};
use rayon::prelude::*;
use std::time::Instant;

/// Builds the index and writes every search output. Returns 1 (the page).
pub fn search(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let timings = std::env::var_os("STYRDOK_TIMINGS").is_some();
    let t0 = Instant::now();
    let mut index = search::build(site);
    let postings = index.take_postings();
    let inverted = index.invert(postings);
    let t1 = Instant::now();
    let facets = facet_values(r);
    // One output after the other, each written and dropped before the next
    // is made: this stage runs beside the page rendering, which keeps the
    // other core busy, and peak memory stays lower.
    let client = shards::client_files(site, &index, &inverted, &facets);
    let mut results: Vec<Result<(), Diagnostic>> = client
        .par_iter()
        .map(|(rel, body)| staging.write(&format!("sok/data/{rel}"), html_safe(body).as_bytes()))
        .collect();
    let client_files = client.len();
    drop(client);
    let t2 = Instant::now();
    // Markup characters only occur inside JSON strings, which no part
    // boundary cuts, so each part can be made safe on its own.
    let mut lunr_bytes = 0;
    results.push(staging.write_with(
        &format!("search_index.{}.json", site.config.language.as_str()),
        |out| {
            search::lunr::write_json(site, &index, inverted, |part| {
                let safe = html_safe(&part);
                lunr_bytes += safe.len();
                out.write_all(safe.as_bytes())
            })
        },
    ));
    results.push(search_page(r, staging));
    if timings {
        eprintln!(
            "search: index {:?}, browser files {:?}, export {:?} ({} entries, {} client files, export {} bytes)",
            t1 - t0,
            t2 - t1,
            t2.elapsed(),
            index.entries.len(),
            client_files,
            lunr_bytes
        );
    }
    let errors: Vec<Diagnostic> = results.into_iter().filter_map(Result::err).collect();
    if errors.is_empty() {
        Ok(1)
    } else {
        Err(errors)
    }
}

/// JSON with `<`, `>` and `&` written as `\u003c`… (they only occur inside
/// strings), so no output file holds markup from content, even one served
/// with the wrong type.
fn html_safe(json: &str) -> std::borrow::Cow<'_, str> {
    let mut marks = memchr::memchr3_iter(b'<', b'>', b'&', json.as_bytes()).peekable();
    if marks.peek().is_none() {
        return json.into();
    }
    let mut out = String::with_capacity(json.len() + 64);
    let mut done = 0;
    for k in marks {
        out.push_str(&json[done..k]);
        out.push_str(match json.as_bytes()[k] {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            _ => "\\u0026",
        });
        done = k + 1;
    }
    out.push_str(&json[done..]);
    out.into()
}

/// Facet values with labels in the site's language.
fn facet_values(r: &Renderer) -> shards::Facets {
    let value = |id: &str, key: &str| shards::FacetValue {
        id: id.to_string(),
        label: r.labels.get(key),
    };
    shards::Facets {
        types: vec![
            value("policy", "kind_policy"),
            value("guideline", "kind_guideline"),
            value("rule", "kind_rule"),
            value("training", "search_type_training"),
            value("page", "kind_page"),
        ],
        statuses: ["active", "review", "draft", "retired"]
            .iter()
            .map(|s| value(s, &format!("status_{s}")))
            .collect(),
    }
}

fn search_page(r: &Renderer, staging: &Staging) -> Result<(), Diagnostic> {
    let title = r.labels.get("search_heading");
    let crumbs = vec![home_crumb(r.site)];
    let mut page = generated(r.site, title, "sok/", crumbs);
    page.kind = "search";
    let mut ctx = r.context(&page.url);
    ctx.insert("page", &page);
    ctx.insert("search_data", &format!("{}sok/data/", r.site.config.root));
    let html = r.render("search.html", &ctx, "sok/")?;
    staging.write("sok/index.html", html.as_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_never_carries_markup() {
        let json = serde_json::json!({ "t": "<script>a & b</script>", "ö": ">" }).to_string();
        let safe = super::html_safe(&json);
        assert!(!safe.contains(['<', '>', '&']), "{safe}");
        assert!(safe.contains("\\u003cscript\\u003ea \\u0026 b"), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["t"], "<script>a & b</script>");
        assert_eq!(back["ö"], ">");
        assert!(matches!(
            super::html_safe("{}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
