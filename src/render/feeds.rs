//! Machine-readable outputs: `atom.xml` (every published version of the
//! governing documents, older ones from git included, newest first) and
//! `sitemap.xml`. Both are written directly: they are XML with a fixed
//! shape, not themeable pages.

use super::plumbing::Rendered;
use super::renderer::Renderer;
use crate::output::Staging;
use crate::site::addresses::GOVERNANCE_PAGES;
use std::fmt::Write as _;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A feed entry: one version of a governing document.
struct FeedEntry<'a> {
    date: crate::model::Date,
    doc: &'a crate::model::Document,
    /// Site path of the page showing this version.
    path: String,
    /// Site path of the document's current page (the entry id's base, so
    /// an entry keeps its id when its version moves to a `vV/` page).
    current_path: &'a str,
}

/// Every published version: the current ones and the older ones from git.
fn feed_entries<'a>(r: &'a Renderer) -> Vec<FeedEntry<'a>> {
    let site = r.site;
    let mut entries = Vec::new();
    for i in site.published_docs() {
        let d = &site.docs[i];
        let Some(g) = d.kind.governing() else {
            continue;
        };
        if let Some(date) = g.effective_from.or(g.approved_on) {
            entries.push(FeedEntry {
                date,
                doc: d,
                path: d.url_path.clone(),
                current_path: &d.url_path,
            });
        }
        for v in r
            .history
            .and_then(|h| h.of(i))
            .map_or(&[][..], |h| &h.old[..])
        {
            let version = v.doc.version.map(|x| x.to_string()).unwrap_or_default();
            if let Some(date) = v.valid_from {
                entries.push(FeedEntry {
                    date,
                    doc: &v.doc,
                    path: format!("{}v{version}/", d.url_path),
                    current_path: &d.url_path,
                });
            }
        }
    }
    entries.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.doc.id.cmp(&b.doc.id))
            .then_with(|| b.doc.version.cmp(&a.doc.version))
    });
    entries
}

/// One entry per published governing document version (current and older
/// ones from git), newest first.
pub fn atom(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let cfg = &site.config;
    let entries = feed_entries(r);
    let updated = entries.first().map_or(site.today, |e| e.date);
    let mut xml = String::new();
    let _ = writeln!(xml, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        cfg.language.as_str()
    );
    let _ = writeln!(xml, "  <title>{}</title>", xml_escape(&cfg.title));
    let _ = writeln!(
        xml,
        "  <subtitle>{}</subtitle>",
        xml_escape(&r.labels.get("feed_subtitle"))
    );
    let _ = writeln!(xml, "  <id>{}</id>", xml_escape(&cfg.permalink("")));
    let _ = writeln!(xml, "  <link href=\"{}\"/>", xml_escape(&cfg.permalink("")));
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" href=\"{}\"/>",
        xml_escape(&cfg.permalink("atom.xml"))
    );
    let _ = writeln!(xml, "  <updated>{updated}T00:00:00Z</updated>");
    let _ = writeln!(
        xml,
        "  <author><name>{}</name></author>",
        xml_escape(&cfg.organisation)
    );
    for e in entries {
        write_entry(r, &mut xml, &e);
    }
    xml.push_str("</feed>\n");
    staging
        .write("atom.xml", xml.as_bytes())
        .map_err(|e| vec![e])?;
    Ok(0)
}

/// Every published page, reading list and governance view.
fn write_entry(r: &Renderer, xml: &mut String, e: &FeedEntry) {
    let cfg = &r.site.config;
    let d = e.doc;
    let g = d.kind.governing();
    let version = d.version.map(|v| v.to_string()).unwrap_or_default();
    let link = cfg.permalink(&e.path);
    let id_base = cfg.permalink(e.current_path);
    let title = format!(
        "{} {} {} {}",
        d.id.as_deref().unwrap_or(""),
        d.title,
        r.labels.get("meta_version").to_lowercase(),
        version
    );
    let changes = g.map_or("", |g| g.changes.as_str());
    let summary = if changes.is_empty() {
        &d.summary
    } else {
        changes
    };
    let _ = writeln!(xml, "  <entry>");
    let _ = writeln!(xml, "    <title>{}</title>", xml_escape(title.trim()));
    let _ = writeln!(
        xml,
        "    <id>{}#version-{}</id>",
        xml_escape(&id_base),
        xml_escape(&version)
    );
    let _ = writeln!(xml, "    <link href=\"{}\"/>", xml_escape(&link));
    let _ = writeln!(xml, "    <updated>{}T00:00:00Z</updated>", e.date);
    if !summary.is_empty() {
        let _ = writeln!(xml, "    <summary>{}</summary>", xml_escape(summary));
    }
    let _ = writeln!(xml, "  </entry>");
}

/// Every published page and reading list.
pub fn sitemap(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let cfg = &site.config;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut url = |path: &str, lastmod: Option<crate::model::Date>| {
        let _ = write!(
            xml,
            "  <url><loc>{}</loc>",
            xml_escape(&cfg.permalink(path))
        );
        if let Some(d) = lastmod {
            let _ = write!(xml, "<lastmod>{d}</lastmod>");
        }
        xml.push_str("</url>\n");
    };
    if site.section_for_dir("").is_none() {
        url("", None);
    }
    for i in site.published_docs() {
        let d = &site.docs[i];
        url(&d.url_path, d.kind.governing().and_then(|g| g.approved_on));
    }
    url("roller/", None);
    for page in GOVERNANCE_PAGES {
        url(page, None);
    }
    for role in &cfg.roles {
        url(&format!("roller/{}/", role.id), None);
    }
    xml.push_str("</urlset>\n");
    staging
        .write("sitemap.xml", xml.as_bytes())
        .map_err(|e| vec![e])?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml_escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
