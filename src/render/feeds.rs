//! Machine-readable outputs: `atom.xml` (new and revised governing
//! documents, newest first) and `sitemap.xml`. Both are written directly:
//! they are XML with a fixed shape, not themeable pages.

use super::Renderer;
use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use std::fmt::Write as _;

type Rendered = Result<usize, Vec<Diagnostic>>;

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

/// One entry per published governing document version, newest first.
pub fn atom(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let cfg = &site.config;
    let mut entries: Vec<(crate::model::Date, usize)> = site
        .published_docs()
        .filter_map(|i| {
            let g = site.docs[i].governing.as_ref()?;
            Some((g.effective_from.or(g.approved_on)?, i))
        })
        .collect();
    entries.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let updated = entries.first().map_or(site.today, |e| e.0);
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
    for (date, i) in entries {
        let d = &site.docs[i];
        let g = d.governing.as_ref().expect("filtered on governing above");
        let version = d.version.map(|v| v.to_string()).unwrap_or_default();
        let link = cfg.permalink(&d.url_path);
        let title = format!(
            "{} {} {} {}",
            d.id.as_deref().unwrap_or(""),
            d.title,
            r.labels.get("meta_version").to_lowercase(),
            version
        );
        let summary = if g.changes.is_empty() {
            &d.summary
        } else {
            &g.changes
        };
        let _ = writeln!(xml, "  <entry>");
        let _ = writeln!(xml, "    <title>{}</title>", xml_escape(title.trim()));
        let _ = writeln!(
            xml,
            "    <id>{}#version-{}</id>",
            xml_escape(&link),
            xml_escape(&version)
        );
        let _ = writeln!(xml, "    <link href=\"{}\"/>", xml_escape(&link));
        let _ = writeln!(xml, "    <updated>{date}T00:00:00Z</updated>");
        if !summary.is_empty() {
            let _ = writeln!(xml, "    <summary>{}</summary>", xml_escape(summary));
        }
        let _ = writeln!(xml, "  </entry>");
    }
    xml.push_str("</feed>\n");
    staging
        .write("atom.xml", xml.as_bytes())
        .map_err(|e| vec![e])?;
    Ok(0)
}

/// Every published page, reading list and governance view.
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
        url(
            &d.url_path,
            d.governing.as_ref().and_then(|g| g.approved_on),
        );
    }
    url("roller/", None);
    for page in super::governance::PAGES {
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
