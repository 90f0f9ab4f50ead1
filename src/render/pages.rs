//! HTML pages: every published content file, the start page, role reading
//! lists, the not-found page, alias redirects, and the static files of the
//! theme and of `content/`.

use super::plumbing::{gather, generated, home_crumb, index_file, Rendered};
use super::renderer::Renderer;
use super::views::{self, Crumb, ListItem};
use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::model::Kind;
use crate::output::Staging;
use rayon::prelude::*;
use serde::Serialize;

/// One page per published content file, in parallel.
pub fn content_pages(r: &Renderer, staging: &Staging) -> Rendered {
    let published: Vec<usize> = r.site.published_docs().collect();
    // Every page's list entry first, once: section pages, the start page
    // and the reading lists all show them, and sections rendered side by
    // side would otherwise each render the entries they share.
    r.render_items(&published)?;
    content_pages_for(r, staging, &published)
}

/// The pages of the documents `docs` (which must be published).
pub fn content_pages_for(r: &Renderer, staging: &Staging, docs: &[usize]) -> Rendered {
    let site = r.site;
    let readings = super::lms::reading_docs(site);
    let results = docs
        .par_iter()
        .map(|&i| {
            let doc = &site.docs[i];
            let scan = &site.scans[i];
            let mut content = markdown::render(doc.body(), scan, &site.hrefs[i]);
            if doc.kind.is_governing() && !doc.is_section {
                content = super::anchors::add(&content, &r.labels);
            }
            content = super::tables::wrap(&content, &r.labels);
            // The SoA's entries bring their own named scroll region.
            content = super::soa::with_entries(site, doc, content);
            let toc = markdown::toc(&scan.headings);
            let mut page = views::page_view(site, &r.labels, i, content, toc);
            if doc.is_section {
                let (pages, subsections) = views::section_members(site, i);
                page.pages_html = r.entries(&pages)?;
                page.subsections_html = r.entries(&subsections)?;
            }
            super::versions::fill_page(r, i, &mut page);
            fill_downloads(site, i, &mut page);
            let mut ctx = r.context(&page.url);
            ctx.insert("page", &page);
            let mut training = super::training::page_training(site, i);
            if readings.contains(&i) {
                training = training.with_xapi(site, i);
            }
            ctx.insert("training", &training);
            if doc.is_section && doc.url_path.is_empty() {
                insert_home_lists(r, &mut ctx)?;
            }
            let html = r.render_bytes(views::template_for(doc), &ctx, &doc.source_path)?;
            staging.write(&index_file(&doc.url_path), &html)
        })
        .collect();
    gather(results)
}

#[derive(Serialize)]
struct HomeSection {
    title: String,
    url: String,
    summary: String,
    /// How many pages the section lists (retired ones included).
    count: usize,
    pages: Vec<ListItem>,
    pages_html: String,
}

/// What the views leave to the outputs that write them: document `i`'s
/// PDF and its packages for learning platforms.
fn fill_downloads(site: &crate::site::Site, i: usize, page: &mut views::PageView) {
    if let Some(doc) = page.doc.as_mut() {
        doc.pdf_url = super::pdfs::current_url(site, i);
    }
    if let Some(module) = page.module.as_mut() {
        module.packages = super::lms::package_links(site, i);
    }
    if let Some(path) = page.path.as_mut() {
        path.packages = super::lms::package_links(site, i);
    }
}

/// `sections` and `latest` for the start page.
fn insert_home_lists(r: &Renderer, ctx: &mut tera::Context) -> Result<(), Diagnostic> {
    let site = r.site;
    let sections = site
        .top_sections()
        .into_iter()
        .map(|i| {
            let pages = views::section_members(site, i).0;
            Ok(HomeSection {
                title: site.docs[i].title.clone(),
                url: site.url(i),
                summary: site.docs[i].summary.clone(),
                count: pages.len(),
                pages_html: r.entries(&pages)?,
                pages: pages
                    .into_iter()
                    .map(|j| views::list_item(site, &r.labels, j))
                    .collect(),
            })
        })
        .collect::<Result<Vec<HomeSection>, Diagnostic>>()?;
    let mut latest: Vec<usize> = site
        .published_docs()
        .filter(|&i| {
            site.docs[i]
                .kind
                .governing()
                .is_some_and(|g| g.approved_on.is_some())
                && site.docs[i].status != crate::model::Status::Retired
        })
        .collect();
    latest.sort_by_key(|&i| {
        std::cmp::Reverse(site.docs[i].kind.governing().and_then(|g| g.approved_on))
    });
    latest.truncate(10);
    let latest: Vec<ListItem> = latest
        .into_iter()
        .map(|i| views::list_item(site, &r.labels, i))
        .collect();
    ctx.insert("sections", &sections);
    ctx.insert("latest", &latest);
    Ok(())
}

/// The start page, when the site has no published `content/_index.md`.
pub fn home_if_missing(r: &Renderer, staging: &Staging) -> Rendered {
    if r.site.section_for_dir("").is_some() {
        return Ok(0);
    }
    let mut page = generated(r.site, r.site.config.title.clone(), "", Vec::new());
    page.kind = "home";
    let mut ctx = r.context(&page.url);
    ctx.insert("page", &page);
    insert_home_lists(r, &mut ctx).map_err(|e| vec![e])?;
    let html = r
        .render("index.html", &ctx, "the start page")
        .map_err(|e| vec![e])?;
    staging
        .write("index.html", html.as_bytes())
        .map_err(|e| vec![e])?;
    Ok(1)
}

#[derive(Serialize)]
struct RoleSummary {
    id: String,
    name: String,
    description: String,
    url: String,
    includes: Vec<views::NamedRef>,
    count: usize,
}

#[derive(Serialize)]
struct ReadingGroup {
    kind: &'static str,
    label: String,
    count: usize,
    /// The group's entries, rendered with `item.html`.
    items_html: String,
}

/// `roller/` and one reading list per role, grouped policy → riktlinjer →
/// regler → utbildning.
pub fn roles(r: &Renderer, staging: &Staging) -> Rendered {
    roles_for(r, staging, |_| true)
}

/// The section pages only (the start page among them): after an edit,
/// what lists the edited pages.
pub fn section_pages(r: &Renderer, staging: &Staging) -> Rendered {
    let sections: Vec<usize> = r
        .site
        .published_docs()
        .filter(|&i| r.site.docs[i].is_section)
        .collect();
    content_pages_for(r, staging, &sections)
}

/// `roller/` and the reading lists of the roles `wanted` picks.
pub fn roles_for(r: &Renderer, staging: &Staging, wanted: impl Fn(&str) -> bool) -> Rendered {
    let summaries: Vec<RoleSummary> = r
        .site
        .config
        .roles
        .iter()
        .map(|role| role_summary(r, role, r.site.reading_list(&role.id).len()))
        .collect();
    let page = generated(
        r.site,
        r.labels.get("roles_heading"),
        "roller/",
        vec![home_crumb(r.site)],
    );
    let mut ctx = r.context(&page.url);
    ctx.insert("page", &page);
    ctx.insert("roles", &summaries);
    let overview = r
        .render("roles.html", &ctx, "roller/")
        .and_then(|html| staging.write("roller/index.html", html.as_bytes()));
    let lists = reading_lists(r, staging, wanted);
    match overview {
        Ok(()) => lists.map(|n| n + 1),
        Err(e) => Err(lists.err().into_iter().flatten().chain([e]).collect()),
    }
}

fn role_summary(r: &Renderer, role: &crate::model::Role, count: usize) -> RoleSummary {
    let cfg = &r.site.config;
    RoleSummary {
        id: role.id.clone(),
        name: role.name.clone(),
        description: role.description.clone(),
        url: format!("{}roller/{}/", cfg.root, role.id),
        includes: role
            .includes
            .iter()
            .filter_map(|i| cfg.role(i))
            .map(|x| views::NamedRef {
                id: x.id.clone(),
                name: x.name.clone(),
            })
            .collect(),
        count,
    }
}

/// The reading lists of the roles `wanted` picks, without the `roller/`
/// overview (`serve` redraws a list at once, the overview later).
pub fn reading_lists(r: &Renderer, staging: &Staging, wanted: impl Fn(&str) -> bool) -> Rendered {
    let site = r.site;
    let cfg = &site.config;
    let crumbs = vec![
        home_crumb(r.site),
        Crumb {
            title: r.labels.get("roles_heading"),
            url: format!("{}roller/", cfg.root),
        },
    ];
    let wanted: Vec<&crate::model::Role> =
        cfg.roles.iter().filter(|role| wanted(&role.id)).collect();
    let lists: Vec<Vec<usize>> = wanted
        .par_iter()
        .map(|role| site.reading_list(&role.id))
        .collect();
    // Every entry once, however many lists it is on.
    let mut entries: Vec<usize> = lists.iter().flatten().copied().collect();
    entries.sort_unstable();
    entries.dedup();
    r.render_items(&entries)?;
    let results = wanted.par_iter().zip(lists).map(|(role, list)| {
        let role = role_summary(r, role, list.len());
        let groups: Vec<ReadingGroup> = [
            Kind::Policy,
            Kind::Guideline,
            Kind::Rule,
            Kind::Module,
            Kind::Path,
            Kind::Page,
        ]
        .into_iter()
        .map(|kind| {
            let mut ids: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&i| site.docs[i].kind == kind)
                .collect();
            ids.sort_by(|&a, &b| {
                crate::site::order_key(&site.docs[a]).cmp(&crate::site::order_key(&site.docs[b]))
            });
            ReadingGroup {
                kind: kind.as_str(),
                label: r.labels.get(&format!("group_{}", kind.as_str())),
                count: ids.len(),
                items_html: r.items_html(&ids),
            }
        })
        .filter(|g| g.count > 0)
        .collect();
        let path = format!("roller/{}/", role.id);
        let page = generated(r.site, role.name.clone(), &path, crumbs.clone());
        let mut ctx = r.context(&page.url);
        ctx.insert("page", &page);
        ctx.insert("role", &role);
        ctx.insert("groups", &groups);
        if let Some(p) = curated_path(site, &role.id) {
            ctx.insert("curated_path", &p);
        }
        r.render_bytes("role.html", &ctx, &path)
            .and_then(|html| staging.write(&index_file(&path), &html))
    });
    gather(results.collect())
}

/// `404.html`.
pub fn not_found(r: &Renderer, staging: &Staging) -> Rendered {
    let page = generated(
        r.site,
        r.labels.get("not_found_title"),
        "404.html",
        Vec::new(),
    );
    let mut ctx = r.context("");
    ctx.insert("page", &page);
    let html = r
        .render("404.html", &ctx, "404.html")
        .map_err(|e| vec![e])?;
    staging
        .write("404.html", html.as_bytes())
        .map_err(|e| vec![e])?;
    Ok(1)
}

/// A redirect page at every alias of a published page.
pub fn aliases(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let mut results = Vec::new();
    for i in site.published_docs() {
        for alias in &site.docs[i].aliases {
            let path = format!("{}/", alias.trim_matches('/'));
            let mut ctx = r.context("");
            ctx.insert("target", &site.config.permalink(&site.docs[i].url_path));
            ctx.insert(
                "page",
                &generated(r.site, site.docs[i].title.clone(), &path, Vec::new()),
            );
            results.push(
                r.render("alias.html", &ctx, &site.docs[i].source_path)
                    .and_then(|html| staging.write(&index_file(&path), html.as_bytes())),
            );
        }
    }
    gather(results)
}

/// The theme's static files, then the attachments this build publishes
/// (see [`crate::site::Site::attachments`]) at the same place in the output.
pub fn statics(r: &Renderer, theme: &crate::theme::Theme, staging: &Staging) -> Rendered {
    let mut results: Vec<Result<(), Diagnostic>> = theme
        .statics
        .iter()
        .map(|(rel, bytes)| staging.write(rel, bytes))
        .collect();
    let site = r.site;
    let copied: Vec<Result<(), Diagnostic>> = site
        .attachments
        .par_iter()
        .map(|rel| {
            let target = rel.strip_prefix("content/").unwrap_or(rel);
            let bytes = std::fs::read(site.root.join(rel))
                .map_err(|e| Diagnostic::error(rel.as_str(), t!("cannot read: {e}", e)))?;
            staging.write(target, &bytes)
        })
        .collect();
    results.extend(copied);
    results.extend(theme_option_files(site, staging));
    gather(results).map(|_| 0)
}

/// `css/theme.css` from `theme_options:` (always written, so a theme can
/// link it unconditionally) and the site's logo.
fn theme_option_files(site: &crate::site::Site, staging: &Staging) -> Vec<Result<(), Diagnostic>> {
    let options = &site.config.theme_options;
    let css = crate::theme_options::css(options);
    let mut results = vec![staging.write(crate::theme_options::THEME_CSS, css.as_bytes())];
    if !options.logo.is_empty() {
        let source = &options.logo_source;
        results.push(
            std::fs::read(site.root.join(source))
                .map_err(|e| Diagnostic::error(source.as_str(), t!("cannot read: {e}", e)))
                .and_then(|bytes| staging.write(&options.logo, &bytes)),
        );
    }
    results
}

/// A role's curated training path: the first published, active path (in
/// list order) whose `roles` name the role itself, as `{url, title}`.
fn curated_path(site: &crate::site::Site, role: &str) -> Option<serde_json::Value> {
    let mut paths: Vec<usize> = site
        .published_docs()
        .filter(|&i| {
            let d = &site.docs[i];
            d.kind.tag() == Kind::Path
                && !d.is_section
                && d.status == crate::model::Status::Active
                && d.roles.iter().any(|r| r == role)
        })
        .collect();
    paths.sort_by(|&a, &b| {
        crate::site::order_key(&site.docs[a]).cmp(&crate::site::order_key(&site.docs[b]))
    });
    let i = *paths.first()?;
    Some(serde_json::json!({ "url": site.url(i), "title": site.docs[i].title }))
}
