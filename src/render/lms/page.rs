//! The files of a package: the page of each module (`lms.html`), with its
//! links rewritten so that nothing points into the package's surroundings,
//! the module's own attachments, and the files every module shares (the
//! theme's CSS, the training scripts and `js/lms.js`).

use super::{Standard, Unit};
use crate::diagnostics::Diagnostic;
use crate::markdown::links::percent_decode;
use crate::markdown::{self, Href};
use crate::model::Status;
use crate::render::renderer::Renderer;
use crate::site::Site;
use crate::theme::Theme;
use std::collections::{BTreeMap, HashSet};

/// Where the shared files sit in a package; a module's page is one folder
/// down, so it links them as `../shared/…`.
pub(crate) const SHARED: &str = "shared/";

/// The scripts a package page starts from; everything they import (`./x.js`)
/// comes along.
const ENTRY_SCRIPTS: [&str; 2] = ["lms.js", "training.js"];

/// The generated settings module the training scripts import.
const CONFIG_SCRIPT: &str = "training-config.js";

/// The shared files of every package of the site.
pub(crate) fn shared_files(r: &Renderer, theme: &Theme) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    // style.css, and training.css for the quiz stepper.
    for name in ["css/style.css", "css/training.css"] {
        if let Some(css) = theme.statics.get(name) {
            files.insert(format!("{SHARED}{name}"), css.clone());
        }
    }
    let theme_css = crate::theme_options::css(&r.site.config.theme_options);
    files.insert(
        format!("{SHARED}{}", crate::theme_options::THEME_CSS),
        theme_css.into_bytes(),
    );
    for name in script_closure(theme) {
        if let Some(bytes) = theme.statics.get(&format!("js/{name}")) {
            files.insert(format!("{SHARED}js/{name}"), bytes.clone());
        }
    }
    files.insert(
        format!("{SHARED}js/{CONFIG_SCRIPT}"),
        package_config(&r.training_config).into_bytes(),
    );
    files
}

/// The entry scripts and every script they import, transitively, by the
/// relative specifiers `'./name.js'` in their text.
fn script_closure(theme: &Theme) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut todo: Vec<String> = ENTRY_SCRIPTS.iter().map(|s| s.to_string()).collect();
    while let Some(name) = todo.pop() {
        if seen.contains(&name) || name == CONFIG_SCRIPT {
            continue;
        }
        let Some(bytes) = theme.statics.get(&format!("js/{name}")) else {
            continue;
        };
        let text = String::from_utf8_lossy(bytes);
        todo.extend(imports(&text));
        seen.push(name);
    }
    seen.sort();
    seen
}

/// The `./name.js` specifiers in a script (quoted with ' or ").
fn imports(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quote in ['\'', '"'] {
        let opener = format!("{quote}./");
        let mut rest = text;
        while let Some(k) = rest.find(&opener) {
            rest = &rest[k + opener.len()..];
            let Some(end) = rest.find(quote) else { break };
            let name = &rest[..end];
            let plain = name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
            if plain && name.ends_with(".js") {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// The site's training settings for a package: no form endpoint (the
/// platform keeps the record), no links to the site's own pages.
fn package_config(site_config: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(site_config).unwrap_or_default();
    for key in ["root", "report_endpoint", "builder_url", "certificate_url"] {
        value[key] = "".into();
    }
    value["roles"] = serde_json::json!([]);
    value["lms"] = true.into();
    format!(
        "// Settings and UI strings for the training scripts in a learning-platform package (written by styrdok).\nexport default {};\n",
        crate::render::plumbing::script_json(&value)
    )
}

/// The IRI the site's xAPI activity ids start with: its absolute
/// `base_url`, else a URN from the organisation's name.
pub(crate) fn site_iri(site: &Site) -> String {
    let base = &site.config.base_url;
    if base.starts_with("https://") || base.starts_with("http://") {
        base.trim_end_matches('/').to_string()
    } else {
        let org = super::file_safe(&site.config.organisation.to_lowercase());
        format!("urn:styrdok:{org}")
    }
}

/// The site's absolute `base_url`, ending in `/`, if it has one.
pub(crate) fn absolute_base(site: &Site) -> Option<String> {
    let base = &site.config.base_url;
    (base.starts_with("https://") || base.starts_with("http://")).then(|| base_with_slash(base))
}

/// The xAPI activity id of the current version of governing document `i`
/// (what a read receipt is about).
pub(crate) fn document_activity(site: &Site, i: usize) -> String {
    let d = &site.docs[i];
    format!(
        "{}/xapi/documents/{}/v{}",
        site_iri(site),
        super::file_safe(d.id.as_deref().unwrap_or_default()),
        d.version.map(|v| v.to_string()).unwrap_or_default()
    )
}

/// The context extension that carries a document's version.
pub(crate) fn document_version_extension(site: &Site) -> String {
    format!("{}/xapi/extensions/document-version", site_iri(site))
}

/// The xAPI activity id of a module version.
pub(crate) fn activity_id(site: &Site, unit: &Unit) -> String {
    format!(
        "{}/xapi/modules/{}/v{}",
        site_iri(site),
        super::file_safe(&unit.id),
        unit.version
    )
}

/// The page and attachments of one module, by path in the package.
pub(crate) fn unit_files(
    r: &Renderer,
    unit: &Unit,
    standard: Standard,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let site = r.site;
    let i = unit.doc;
    let doc = &site.docs[i];
    let scan = &site.scans[i];
    let targets = link_targets(site);
    let mut attachments = Vec::new();
    let hrefs: Vec<Href> = site.hrefs[i]
        .iter()
        .map(|h| package_href(site, &targets, h, &mut attachments))
        .collect();
    let mut content = markdown::render(doc.body(), scan, &hrefs);
    content = crate::render::tables::wrap(&content, &r.labels);
    if site.config.base_url.starts_with("http") {
        // The platform shows the package in a frame: the site opens beside it.
        let base = base_with_slash(&site.config.base_url);
        let from = format!("<a href=\"{base}");
        let to = format!("<a target=\"_blank\" rel=\"noopener\" href=\"{base}");
        content = content.replace(&from, &to);
    }
    content = unlink_placeholders(&content);
    let toc = markdown::toc(&scan.headings);
    let page = crate::render::views::page_view(site, &r.labels, i, content, toc);
    let training = crate::render::training::page_training(site, i);
    let launch = serde_json::json!({
        "standard": standard.as_str(),
        "module": unit.id,
        "version": unit.version,
        "title": unit.title,
        "passMark": unit.pass_mark,
        "activityId": activity_id(site, unit),
        "versionExtension": format!("{}/xapi/extensions/module-version", site_iri(site)),
    });
    let mut ctx = r.context("");
    ctx.insert("page", &page);
    ctx.insert("training", &training);
    ctx.insert(
        "lms",
        &serde_json::json!({
            "assets": format!("../{SHARED}"),
            "standard": standard.as_str(),
            "launch": crate::render::plumbing::script_json(&launch),
        }),
    );
    let html = r.render("lms.html", &ctx, &doc.source_path)?;
    let mut files = vec![(format!("{}index.html", unit.folder), html.into_bytes())];
    for rel in attachments {
        let bytes = std::fs::read(site.root.join("content").join(&rel))
            .map_err(|e| Diagnostic::error(format!("content/{rel}"), t!("cannot read: {e}", e)))?;
        files.push((format!("{}files/{rel}", unit.folder), bytes));
    }
    Ok(files)
}

/// A link by id to a page the package cannot link to was written with its
/// title and `#` (see [`package_href`]): it becomes its title as text.
fn unlink_placeholders(html: &str) -> String {
    const OPEN: &str = "<a href=\"#\">";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(k) = rest.find(OPEN) {
        let Some(end) = rest[k..].find("</a>") else {
            break;
        };
        out.push_str(&rest[..k]);
        out.push_str(&rest[k + OPEN.len()..k + end]);
        rest = &rest[k + end + "</a>".len()..];
    }
    out.push_str(rest);
    out
}

fn base_with_slash(base: &str) -> String {
    format!("{}/", base.trim_end_matches('/'))
}

/// The addresses a package may link to: the pages of published, active
/// documents (no draft or document on review, even in a `--drafts` build).
fn link_targets(site: &Site) -> HashSet<String> {
    site.published_docs()
        .filter(|&i| site.docs[i].status == Status::Active)
        .map(|i| site.url(i))
        .collect()
}

/// How a link of the module is written in its package: a fragment or an
/// external address as it is; the module's attachment as a file in the
/// package (pushed to `attachments`, relative to `content/`); a page of the
/// site as an absolute link to the site, or as text when the site has no
/// absolute `base_url` or the page is not active.
fn package_href(
    site: &Site,
    targets: &HashSet<String>,
    href: &Href,
    attachments: &mut Vec<String>,
) -> Href {
    let (url, title) = match href {
        Href::Unlinked => return Href::Unlinked,
        Href::Url(url) => (url, None),
        Href::Titled { url, title } => (url, Some(title)),
    };
    let with = |url: String| match title {
        Some(t) => Href::Titled {
            url,
            title: t.clone(),
        },
        None => Href::Url(url),
    };
    let root = &site.config.root;
    let Some(rest) = url
        .strip_prefix(root.as_str())
        .filter(|_| !url.starts_with("//"))
    else {
        return href.clone(); // a fragment or another site
    };
    let (path, tail) = rest.split_at(rest.find(['#', '?']).unwrap_or(rest.len()));
    let decoded = percent_decode(path);
    if site.attachments.contains(&format!("content/{decoded}")) {
        if !attachments.contains(&decoded) {
            attachments.push(decoded);
        }
        return with(format!("files/{path}"));
    }
    let page = format!("{root}{path}");
    let base = &site.config.base_url;
    if targets.contains(&page) && (base.starts_with("https://") || base.starts_with("http://")) {
        return with(format!("{}{path}{tail}", base_with_slash(base)));
    }
    match title {
        Some(_) => with("#".into()),
        None => Href::Unlinked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_links_become_their_text() {
        let html = r##"<p>Läs <a href="#">Lösenord</a> och <a href="#syfte">syftet</a>.</p>"##;
        assert_eq!(
            unlink_placeholders(html),
            r##"<p>Läs Lösenord och <a href="#syfte">syftet</a>.</p>"##
        );
    }

    #[test]
    fn relative_imports_are_found_in_both_quotes() {
        let text = "import a from './a.js';\nimport * as b from \"./b-c.js\";\nawait import('./quiz.js');\nimport x from '../up.js'; import y from './y.css';";
        let mut found = imports(text);
        found.sort();
        assert_eq!(found, ["a.js", "b-c.js", "quiz.js"]);
    }

    #[test]
    fn the_package_config_has_no_endpoint_and_no_site_links() {
        let site = r#"{"root":"/lis/","report_endpoint":"https://forms.example/x","builder_url":"/lis/utbildning/vag/","certificate_url":"/lis/utbildning/intyg/","roles":[{"id":"chef","url":"/lis/roller/chef/"}],"strings":{"tr_x":"y"}}"#;
        let js = package_config(site);
        assert!(
            !js.contains("forms.example") && !js.contains("/lis/"),
            "{js}"
        );
        assert!(
            js.contains(r#""tr_x":"y""#) && js.contains(r#""lms":true"#),
            "{js}"
        );
    }
}
