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
pub(crate) mod in_force;
pub mod lms;
pub mod pages;
pub mod pdfs;
pub(crate) mod plumbing;
mod renderer;
pub mod search;
pub(crate) mod soa;
pub mod stages;
mod tables;
pub mod training;
pub mod versions;
pub mod views;

pub use crate::ui::{escape_html, Labels};
pub use renderer::{compile_templates, ItemCache, NavItem, PageContext, Renderer};

use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use crate::site::Site;
use crate::theme::Theme;
use rayon::prelude::*;

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
    let (searched, rendered) = rayon::join(
        || (stages::SEARCH.full)(r, theme, staging),
        || {
            // Every list entry first: the section pages, the start page and
            // the reading lists show them. Then the stages side by side, so
            // that the single-page ones (the in-force record, the status
            // board, …) do not leave a core idle at the end of the build.
            // (An entry that fails to render is reported by the content
            // pages, which ask for every entry again.)
            let published: Vec<usize> = site.published_docs().collect();
            let _ = r.render_items(&published);
            stages::STAGES
                .par_iter()
                .map(|stage| {
                    let timings = crate::Timings::from_env();
                    let res = (stage.full)(r, theme, staging);
                    timings.stage(&format!("  render: {}", stage.name));
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
