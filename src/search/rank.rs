//! What a page weighs in ranking before its text is looked at: the browser
//! multiplies a page's text score by its prior (`pages.json`, column
//! `prior`, 1–100), so that at equal text relevance a governing document
//! ranks above a plain page or a training module, and any of them above a
//! training path, a section page or the start page, which only point
//! onwards.
//! Retired documents are not demoted here: the browser puts them below
//! every page in force (it reads their status from the `status` column).

use crate::model::{Document, Kind};

/// Governing documents: the answer an employee is looking for.
pub const GOVERNING: u8 = 100;
/// Plain pages (the organisation, how to publish, accessibility): they
/// answer questions about the system itself.
pub const PAGE: u8 = 70;
/// Training modules: they explain the rules, but are not the rule. Their
/// short sections with telling headings ("Lösenord och inloggning") would
/// otherwise outrank the rule they teach.
pub const MODULE: u8 = 65;
/// Training paths: lists of modules and documents.
pub const PATH: u8 = 55;
/// Section pages: lists of what lies below.
pub const SECTION: u8 = 50;
/// The start page: an overview of everything.
pub const HOME: u8 = 40;

/// The prior of a page.
pub fn prior(doc: &Document) -> u8 {
    match doc.kind.tag() {
        Kind::Policy | Kind::Guideline | Kind::Rule => GOVERNING,
        Kind::Module => MODULE,
        Kind::Path => PATH,
        Kind::Page if doc.is_section && doc.url_path.is_empty() => HOME,
        Kind::Page if doc.is_section => SECTION,
        Kind::Page => PAGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governing_documents_outrank_pages_training_and_the_start_page() {
        let order = [GOVERNING, PAGE, MODULE, PATH, SECTION, HOME];
        assert!(order.windows(2).all(|w| w[0] > w[1]), "{order:?}");
        assert!(order.iter().all(|&p| (1..=100).contains(&p)));
    }
}
