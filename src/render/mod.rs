//! Rendering: Tera set up with the theme, the values every template sees
//! (`site`, `t`), and one module per kind of output. Rendering reads the
//! frozen [`Site`] in parallel and writes into the build's staging folder.

pub mod csv;
pub mod feeds;
pub mod governance;
pub(crate) mod i18n;
pub mod pages;
pub mod search;
pub mod training;
pub mod versions;
pub mod views;

use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use crate::site::Site;
use crate::theme::Theme;
use serde::Serialize;
use std::collections::HashMap;
use tera::{Context, Tera};

/// UI strings for the site's language, looked up by key.
#[derive(Debug, Clone)]
pub struct Labels {
    map: HashMap<&'static str, &'static str>,
}

impl Labels {
    pub fn new(language: &str) -> Labels {
        Labels {
            map: i18n::strings(language).iter().copied().collect(),
        }
    }

    /// Every key of the table.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.map.keys().copied()
    }

    pub fn get(&self, key: &str) -> String {
        self.map.get(key).copied().unwrap_or_default().to_string()
    }

    fn to_json(&self) -> serde_json::Value {
        self.map
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }
}

/// A top-level navigation entry.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub url: String,
    pub active: bool,
}

/// Tera with the theme loaded, and the values shared by all pages.
pub struct Renderer<'a> {
    pub site: &'a Site,
    /// Older versions from git (`None` when checking only).
    pub history: Option<&'a crate::history::History>,
    pub labels: Labels,
    tera: Tera,
    theme_name: String,
    site_value: serde_json::Value,
    t_value: serde_json::Value,
    nav: Vec<NavItem>,
    /// Settings and strings for the training scripts, as embeddable JSON.
    training_config: String,
}

/// Escapes the five characters that matter in HTML text and attributes.
/// (Tera's default also escapes `/`, which makes every URL unreadable.)
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, theme: &Theme) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        Ok(Renderer::with_templates(
            site,
            compile_templates(site, theme)?,
        ))
    }

    /// A renderer with the theme's templates compiled already (`serve`
    /// compiles them once per full build, not on every edit).
    pub fn with_templates(site: &'a Site, tera: Tera) -> Renderer<'a> {
        let theme_name = site.config.theme.clone();
        let labels = Labels::new(site.config.language.as_str());
        let cfg = &site.config;
        let nav = site
            .top_sections()
            .into_iter()
            .map(|i| NavItem {
                title: site.docs[i].title.clone(),
                url: site.url(i),
                active: false,
            })
            .collect();
        let site_value = serde_json::json!({
            "title": cfg.title,
            "organisation": cfg.organisation,
            "description": cfg.description,
            "language": cfg.language.as_str(),
            "base_url": cfg.base_url,
            "root": cfg.root,
            "units": cfg.units,
            "roles": cfg.roles,
            "areas": cfg.areas,
            "drafts": site.drafts,
            "generator": concat!("styrdok ", env!("CARGO_PKG_VERSION")),
            "build_date": site.today.to_string(),
            "extra": cfg.extra,
            "report_endpoint": cfg.report_endpoint,
        });
        let training_config = training::config_json(site, &labels);
        Renderer {
            site,
            training_config,
            history: None,
            t_value: labels.to_json(),
            labels,
            tera,
            theme_name,
            site_value,
            nav,
        }
    }

    /// A context with `site` (navigation marked for `url`) and `t`.
    pub fn context(&self, url: &str) -> Context {
        let mut site = self.site_value.clone();
        let nav: Vec<NavItem> = self
            .nav
            .iter()
            .map(|n| NavItem {
                active: url.starts_with(&n.url),
                ..n.clone()
            })
            .collect();
        site["nav"] = serde_json::to_value(nav).unwrap_or_default();
        let mut ctx = Context::new();
        ctx.insert("site", &site);
        ctx.insert("t", &self.t_value);
        ctx.insert("training_config", &self.training_config);
        ctx
    }

    pub fn render(
        &self,
        template: &str,
        ctx: &Context,
        for_page: &str,
    ) -> Result<String, Diagnostic> {
        self.tera
            .render(template, ctx)
            .map_err(|e| template_error(&self.theme_name, Some(for_page), &e))
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }
}

/// The theme's templates, compiled, with HTML escaping set up.
pub fn compile_templates(site: &Site, theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    let templates: Vec<(String, String)> = theme
        .templates
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    match tera.add_raw_templates(templates) {
        Ok(()) => Ok(tera),
        Err(e) => Err(vec![template_error(&site.config.theme, None, &e)]),
    }
}

fn template_error(theme: &str, page: Option<&str>, e: &tera::Error) -> Diagnostic {
    use std::error::Error as _;
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    let path = format!("themes/{theme}/templates");
    let d = Diagnostic::error(path, msg);
    match page {
        Some(p) => d.with_hint(format!("while rendering {p}")),
        None => d,
    }
}

/// Renders the whole site into `staging`. Returns the number of pages.
pub fn render_site(
    site: &Site,
    history: &crate::history::History,
    theme: &Theme,
    staging: &Staging,
) -> Result<usize, Vec<Diagnostic>> {
    let mut r = Renderer::new(site, theme)?;
    r.history = Some(history);
    let mut errors = Vec::new();
    let mut pages = 0;
    let timings = crate::Timings::from_env();
    let mut collect = |res: Result<usize, Vec<Diagnostic>>| {
        timings.stage("  render stage");
        match res {
            Ok(n) => pages += n,
            Err(e) => errors.extend(e),
        }
    };
    collect(pages::content_pages(&r, staging));
    collect(pages::home_if_missing(&r, staging));
    collect(pages::roles(&r, staging));
    collect(training::pages(&r, staging));
    collect(pages::not_found(&r, staging));
    collect(pages::aliases(&r, staging));
    collect(governance::iso27001(&r, staging));
    collect(governance::introduction_plan(&r, staging));
    collect(governance::status_board(&r, staging));
    collect(governance::structure(&r, staging));
    collect(feeds::atom(&r, staging));
    collect(feeds::sitemap(&r, staging));
    collect(pages::statics(&r, theme, staging));
    collect(search::search(&r, staging));
    collect(versions::older_versions(&r, staging));
    collect(versions::in_force(&r, staging));
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}
