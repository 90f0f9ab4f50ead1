//! The [`Renderer`]: Tera with the theme's templates, and the values every
//! template sees (`site`, `t`, `training_config`), lent to each page as a
//! [`PageContext`]; list entries rendered once and shared ([`ItemCache`]).
//! Every output renders through it; it knows no output.

use super::plumbing::training_config;
use super::views;
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::site::Site;
use crate::theme::Theme;
use crate::ui::escape_html;
use crate::ui::Labels;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tera::{Context, Tera};

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
    /// The follow-up page's figures (`build --completions`), when asked for.
    pub followup: Option<&'a crate::report::followup::FollowUp>,
    pub labels: Labels,
    tera: Arc<Tera>,
    theme_name: String,
    site_value: serde_json::Value,
    t_value: serde_json::Value,
    nav: Vec<NavItem>,
    /// Settings and strings for the training scripts, as embeddable JSON.
    pub(crate) training_config: String,
    /// Idle base contexts by which navigation entries are active (see
    /// [`Renderer::context`]).
    contexts: std::sync::Mutex<HashMap<Vec<bool>, Vec<Context>>>,
    /// List entries rendered so far (see [`Renderer::render_items`]).
    items: ItemCache,
}

/// List entries rendered with the theme's `item.html` (heading level 3), by
/// document index: a page on several reading lists is rendered once, and
/// `serve` keeps them from one edit to the next, dropping the edited pages'
/// ([`Renderer::share_items`]).
pub type ItemCache = Arc<RwLock<HashMap<usize, Box<str>>>>;

/// The keys every context starts with; a page's own keys are removed when
/// its [`PageContext`] is dropped. Pages add keys; they never replace these.
const BASE_KEYS: [&str; 3] = ["site", "t", "training_config"];

/// A page's template context: a base context (`site`, `t`, …) lent by the
/// [`Renderer`], plus whatever the page inserts. Dropping it removes the
/// page's keys and gives the base back, so the large shared values are
/// built once per thread and navigation state, not cloned for every page.
pub struct PageContext<'r> {
    ctx: Option<Context>,
    nav: Vec<bool>,
    pool: &'r std::sync::Mutex<HashMap<Vec<bool>, Vec<Context>>>,
}

impl std::ops::Deref for PageContext<'_> {
    type Target = Context;
    fn deref(&self) -> &Context {
        self.ctx.as_ref().expect("present until dropped")
    }
}

impl std::ops::DerefMut for PageContext<'_> {
    fn deref_mut(&mut self) -> &mut Context {
        self.ctx.as_mut().expect("present until dropped")
    }
}

impl Drop for PageContext<'_> {
    fn drop(&mut self) {
        let Some(ctx) = self.ctx.take() else {
            return;
        };
        let serde_json::Value::Object(mut map) = ctx.into_json() else {
            return;
        };
        map.retain(|k, _| BASE_KEYS.contains(&k.as_str()));
        if map.len() != BASE_KEYS.len() {
            return; // a page removed a base key: not reusable
        }
        if let Ok(base) = Context::from_value(serde_json::Value::Object(map)) {
            let mut pool = self.pool.lock().unwrap_or_else(|e| e.into_inner());
            pool.entry(std::mem::take(&mut self.nav))
                .or_default()
                .push(base);
        }
    }
}

/// `site.contact`: the contact block, with the incident rule's address
/// and title when it is published (`null` when the site has no block).
fn contact_value(site: &Site) -> serde_json::Value {
    let Some(contact) = &site.config.contact else {
        return serde_json::Value::Null;
    };
    let mut value = serde_json::to_value(contact).unwrap_or_default();
    let rule = site
        .by_id(&contact.incident_rule)
        .filter(|&i| site.published[i]);
    value["rule_url"] = rule.map(|i| site.url(i)).unwrap_or_default().into();
    value["rule_title"] = rule
        .map(|i| site.docs[i].title.clone())
        .unwrap_or_default()
        .into();
    value["reachable"] = contact.is_reachable().into();
    value
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
    pub fn with_templates(site: &'a Site, tera: impl Into<Arc<Tera>>) -> Renderer<'a> {
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
            "absolute_base": cfg.base_url.starts_with("http://") || cfg.base_url.starts_with("https://"),
            "root": cfg.root,
            "units": cfg.units,
            "roles": cfg.roles,
            "areas": cfg.areas,
            "drafts": site.drafts,
            "generator": concat!("styrdok ", env!("CARGO_PKG_VERSION")),
            "build_date": site.today.to_string(),
            "extra": cfg.extra,
            "report_endpoint": cfg.report_endpoint,
            "contact": contact_value(site),
            "theme_options": cfg.theme_options,
        });
        let training_config = training_config(site, &labels, &Default::default());
        let mut t_value = labels.to_json();
        // The one label with a number from site.yaml in it.
        let soon = labels.get("gov_count_soon");
        t_value["gov_count_soon"] = soon
            .replace("{n}", &cfg.review_soon_days.to_string())
            .into();
        Renderer {
            site,
            training_config,
            history: None,
            followup: None,
            t_value,
            labels,
            tera: tera.into(),
            theme_name,
            site_value,
            nav,
            contexts: Default::default(),
            items: Default::default(),
        }
    }

    /// Gives the renderer the site's history from git (see
    /// [`super::versions::with_history`], which also sets what follows).
    pub fn set_history(&mut self, history: &'a crate::history::History) {
        self.history = Some(history);
    }

    /// The version read receipts must be for, by document id, where a
    /// current version is an editorial change.
    pub fn set_acknowledged(&mut self, acknowledged: &std::collections::BTreeMap<String, String>) {
        if !acknowledged.is_empty() {
            self.training_config = training_config(self.site, &self.labels, acknowledged);
        }
    }

    /// Uses (and fills) `cache` for list entries instead of a cache of its
    /// own. The caller answers for the entries: they must have been rendered
    /// for this site, theme and language, with edited pages' entries removed.
    pub fn share_items(&mut self, cache: ItemCache) {
        self.items = cache;
    }

    /// Renders, in parallel, the list entries (`item.html`) of those of
    /// `docs` that have none yet.
    pub fn render_items(&self, docs: &[usize]) -> Result<(), Vec<Diagnostic>> {
        let missing: Vec<usize> = {
            let cache = self.items.read().unwrap_or_else(|e| e.into_inner());
            docs.iter()
                .copied()
                .filter(|i| !cache.contains_key(i))
                .collect()
        };
        let rendered: Vec<Result<(usize, String), Diagnostic>> = missing
            .par_iter()
            .map_init(
                || self.context(""),
                |ctx, &i| {
                    ctx.insert("item", &views::list_item(self.site, &self.labels, i));
                    ctx.insert("level", &3);
                    let source = &self.site.docs[i].source_path;
                    self.render("item.html", ctx, source).map(|html| (i, html))
                },
            )
            .collect();
        let mut cache = self.items.write().unwrap_or_else(|e| e.into_inner());
        let mut errors = Vec::new();
        for result in rendered {
            match result {
                Ok((i, html)) => {
                    cache.insert(i, html.into_boxed_str());
                }
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            // A broken `item.html` fails every entry alike: the first says it.
            errors.truncate(1);
            Err(errors)
        }
    }

    /// The list entries of `docs`, rendering those not rendered yet, as
    /// the body of a `<ul>` (see [`Renderer::items_html`]).
    pub fn entries(&self, docs: &[usize]) -> Result<String, Diagnostic> {
        self.render_items(docs).map_err(|mut e| e.swap_remove(0))?;
        Ok(self.items_html(docs))
    }

    /// The list entries of `docs` (rendered by [`Renderer::render_items`]),
    /// in order, as the body of a `<ul>`.
    pub fn items_html(&self, docs: &[usize]) -> String {
        let cache = self.items.read().unwrap_or_else(|e| e.into_inner());
        let entries: Vec<&str> = docs
            .iter()
            .filter_map(|i| cache.get(i).map(|h| &**h))
            .collect();
        let mut out = String::with_capacity(entries.iter().map(|e| e.len() + 4).sum());
        for entry in entries {
            out.push_str("\n  ");
            out.push_str(entry);
            out.push('\n');
        }
        out
    }

    /// A context with `site` (navigation marked for `url`) and `t`.
    pub fn context(&self, url: &str) -> PageContext<'_> {
        let nav: Vec<bool> = self.nav.iter().map(|n| url.starts_with(&n.url)).collect();
        let idle = self
            .contexts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(&nav)
            .and_then(Vec::pop);
        let ctx = idle.unwrap_or_else(|| self.base_context(&nav));
        PageContext {
            ctx: Some(ctx),
            nav,
            pool: &self.contexts,
        }
    }

    fn base_context(&self, active: &[bool]) -> Context {
        let mut site = self.site_value.clone();
        let nav: Vec<NavItem> = self
            .nav
            .iter()
            .zip(active)
            .map(|(n, &active)| NavItem {
                active,
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

    /// Like [`Renderer::render`], as bytes: Tera writes UTF-8, so the
    /// page's bytes go to the file without being checked again (the bulk
    /// of a build's output).
    pub fn render_bytes(
        &self,
        template: &str,
        ctx: &Context,
        for_page: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, ctx, &mut out)
            .map_err(|e| template_error(&self.theme_name, Some(for_page), &e))?;
        Ok(out)
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
    let d = Diagnostic::error(path, Message::foreign(msg));
    match page {
        Some(p) => d.with_hint(t!("while rendering {page}", page = p)),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Context {
        let mut ctx = Context::new();
        for k in BASE_KEYS {
            ctx.insert(k, &format!("base {k}"));
        }
        ctx
    }

    #[test]
    fn a_page_context_goes_back_without_the_page_keys() {
        let pool = std::sync::Mutex::new(HashMap::new());
        let mut page = PageContext {
            ctx: Some(base()),
            nav: vec![true, false],
            pool: &pool,
        };
        page.insert("page", "first");
        page.insert("quiz", &true);
        assert_eq!(page.get("quiz"), Some(&serde_json::Value::Bool(true)));
        drop(page);
        let mut pool = pool.into_inner().unwrap();
        let idle = pool.get_mut(&vec![true, false]).unwrap().pop().unwrap();
        assert!(idle.get("page").is_none() && idle.get("quiz").is_none());
        assert_eq!(idle.get("t"), Some(&serde_json::json!("base t")));
        assert!(BASE_KEYS.iter().all(|k| idle.contains_key(k)));
    }

    #[test]
    fn a_context_whose_base_was_replaced_is_not_reused() {
        let pool = std::sync::Mutex::new(HashMap::new());
        let mut page = PageContext {
            ctx: Some(base()),
            nav: vec![],
            pool: &pool,
        };
        page.remove("site");
        drop(page);
        assert!(pool.into_inner().unwrap().is_empty());
    }
}
