//! The render stages in one table: what a full build writes, in order, and
//! what `serve` renders again in the background after an edit (see
//! `serve::deferred`). A new kind of output is added here, once.

use super::plumbing::Rendered;
use super::renderer::Renderer;
use super::{
    annex_a, catalogues, feeds, followup, governance, in_force, lms, pages, pdfs, search, soa,
    training, versions,
};
use crate::output::Staging;
use crate::theme::Theme;

/// One stage: it writes its files into the staging folder and returns the
/// number of pages it wrote.
pub type Run = fn(&Renderer<'_>, &Theme, &Staging) -> Rendered;

/// A kind of output.
pub struct Stage {
    /// For the timings (`STYRDOK_TIMINGS`).
    pub name: &'static str,
    /// What a full build renders.
    pub full: Run,
    /// What the background stage renders after an edit to a document, when
    /// the edit can change this output: the first stage has written the
    /// edited pages; this refreshes what lists or summarises them. `None`:
    /// an edit does not change it (the theme's files, the follow-up page),
    /// or it is left to the next full build (the 404 page, the packages).
    pub after_edit: Option<Run>,
}

impl Stage {
    /// A stage an edit can change: after an edit it runs again as it is.
    const fn both(name: &'static str, run: Run) -> Stage {
        Stage {
            name,
            full: run,
            after_edit: Some(run),
        }
    }

    /// A stage an edit does not change, or one left to the next full build.
    const fn full_only(name: &'static str, run: Run) -> Stage {
        Stage {
            name,
            full: run,
            after_edit: None,
        }
    }
}

/// Every stage but the search index. A full build renders every list
/// entry first, then runs these side by side (they write files of their
/// own); after an edit `serve` runs them in this order.
pub const STAGES: &[Stage] = &[
    Stage {
        name: "content pages",
        full: |r, _, s| pages::content_pages(r, s),
        after_edit: Some(|r, _, s| pages::section_pages(r, s)),
    },
    Stage::both("home", |r, _, s| pages::home_if_missing(r, s)),
    Stage {
        name: "reading lists",
        full: |r, _, s| pages::roles(r, s),
        // The reading lists of the edited pages' roles came with them.
        after_edit: Some(|r, _, s| pages::roles_for(r, s, |_| false)),
    },
    Stage::both("training", |r, _, s| training::pages(r, s)),
    Stage::full_only("not found", |r, _, s| pages::not_found(r, s)),
    Stage::both("aliases", |r, _, s| pages::aliases(r, s)),
    Stage::both("ISO coverage", |r, _, s| annex_a::iso27001(r, s)),
    Stage::both("statement of applicability", |r, _, s| soa::soa_page(r, s)),
    Stage::both("requirement catalogues", |r, _, s| {
        catalogues::catalogue_pages(r, s)
    }),
    Stage::both("introduction plan", |r, _, s| {
        governance::introduction_plan(r, s)
    }),
    Stage::both("status board", |r, _, s| governance::status_board(r, s)),
    Stage::both("structure", |r, _, s| governance::structure(r, s)),
    Stage::full_only("follow-up", |r, _, s| followup::followup(r, s)),
    Stage::both("feed", |r, _, s| feeds::atom(r, s)),
    Stage::both("sitemap", |r, _, s| feeds::sitemap(r, s)),
    Stage::full_only("theme files", pages::statics),
    Stage::both("older versions", |r, _, s| versions::older_versions(r, s)),
    Stage::both("in force", |r, _, s| in_force::in_force(r, s)),
    Stage::full_only("learning-platform packages", lms::packages),
    Stage::both("PDFs", |r, _, s| pdfs::pdfs(r, s)),
];

/// The search index: the largest single stage and partly sequential, so a
/// full build runs it beside the others (which keep both cores busy
/// meanwhile); after an edit it runs last.
pub const SEARCH: Stage = Stage::both("search", |r, _, s| search::search(r, s));
