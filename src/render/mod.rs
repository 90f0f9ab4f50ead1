//! Rendering: Tera set up with the theme, the values every template sees
//! (`site`, `t`), and one module per kind of output. Rendering reads the
//! frozen [`Site`] in parallel and writes into the build's staging folder.

mod anchors;
pub(crate) mod annex_a;
pub(crate) mod catalogues;
pub mod csv;
pub(crate) mod diff;
pub mod feeds;
pub mod followup;
pub mod governance;
pub(crate) mod i18n;
mod i18n_frame;
mod i18n_report;
pub(crate) mod in_force;
mod labels;
pub mod lms;
pub mod pages;
pub mod pdfs;
pub(crate) mod plumbing;
mod renderer;
pub mod search;
pub(crate) mod soa;
mod tables;
pub mod training;
pub mod versions;
pub mod views;

pub use labels::Labels;
pub use plumbing::escape_html;
pub use renderer::{compile_templates, ItemCache, NavItem, PageContext, Renderer};

use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use crate::site::Site;
use crate::theme::Theme;

/// Renders the whole site into `staging`, keeping the list entries it
/// renders in `items` (for `serve`). Returns the number of pages.
pub fn render_site(
    site: &Site,
    history: &crate::history::History,
    theme: &Theme,
    staging: &Staging,
    items: ItemCache,
    followup: Option<&crate::report::followup::FollowUp>,
) -> Result<usize, Vec<Diagnostic>> {
    let mut r = Renderer::new(site, theme)?;
    versions::with_history(&mut r, history);
    r.followup = followup;
    r.share_items(items);
    let r = &r;
    type Stage<'s> = Box<dyn Fn() -> Result<usize, Vec<Diagnostic>> + Send + Sync + 's>;
    let stages: Vec<(&str, Stage)> = vec![
        (
            "content pages",
            Box::new(|| pages::content_pages(r, staging)),
        ),
        ("home", Box::new(|| pages::home_if_missing(r, staging))),
        ("reading lists", Box::new(|| pages::roles(r, staging))),
        ("training", Box::new(|| training::pages(r, staging))),
        ("not found", Box::new(|| pages::not_found(r, staging))),
        ("aliases", Box::new(|| pages::aliases(r, staging))),
        ("ISO coverage", Box::new(|| annex_a::iso27001(r, staging))),
        (
            "statement of applicability",
            Box::new(|| soa::soa_page(r, staging)),
        ),
        (
            "requirement catalogues",
            Box::new(|| catalogues::catalogue_pages(r, staging)),
        ),
        (
            "introduction plan",
            Box::new(|| governance::introduction_plan(r, staging)),
        ),
        (
            "status board",
            Box::new(|| governance::status_board(r, staging)),
        ),
        ("structure", Box::new(|| governance::structure(r, staging))),
        ("follow-up", Box::new(|| followup::followup(r, staging))),
        ("feed", Box::new(|| feeds::atom(r, staging))),
        ("sitemap", Box::new(|| feeds::sitemap(r, staging))),
        (
            "theme files",
            Box::new(|| pages::statics(r, theme, staging)),
        ),
        (
            "older versions",
            Box::new(|| versions::older_versions(r, staging)),
        ),
        ("in force", Box::new(|| in_force::in_force(r, staging))),
        (
            "learning-platform packages",
            Box::new(|| lms::packages(r, theme, staging)),
        ),
        ("PDFs", Box::new(|| pdfs::pdfs(r, staging))),
    ];
    // The search index is the largest single stage and partly sequential:
    // it runs beside the others, which keep both cores busy meanwhile.
    let (searched, rendered) = rayon::join(
        || search::search(r, staging),
        || {
            let timings = crate::Timings::from_env();
            stages
                .iter()
                .map(|(name, stage)| {
                    let res = stage();
                    timings.stage(&format!("  render: {name}"));
                    res
                })
                .collect::<Vec<_>>()
        },
    );
    let mut errors = Vec::new();
    let mut pages = 0;
    for res in rendered.into_iter().chain([searched]) {
        match res {
            Ok(n) => pages += n,
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}
