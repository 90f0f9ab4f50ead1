//! A question's `source:` — the section that teaches its point, written as
//! a document id and an optional heading (`LIS-R-05#krav-på-lösenord`, an
//! `id:` prefix allowed) — checked like any link: a missing document or
//! heading is an error at the `source:` line of the quiz file.

use super::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Question;

/// `source` split into a document id and a fragment.
fn split(source: &str) -> (&str, Option<&str>) {
    let s = source.trim();
    let s = s.strip_prefix("id:").unwrap_or(s);
    match s.split_once('#') {
        Some((id, f)) => (id, Some(f).filter(|f| !f.is_empty())),
        None => (s, None),
    }
}

/// Where a question's source leads for readers: the page address (with
/// `#heading`) and its title, or the heading's text when one is named.
/// `None` without a source, or when it is missing or unpublished.
pub fn resolve(site: &Site, q: &Question) -> Option<(String, String)> {
    let (id, fragment) = split(q.source.as_deref()?);
    let t = site.by_id(id)?;
    if !site.published[t] {
        return None;
    }
    let mut url = site.url(t);
    let mut title = site.docs[t].title.clone();
    if let Some(f) = fragment {
        let h = site.scans[t].headings.iter().find(|h| h.id == f)?;
        url.push('#');
        url.push_str(f);
        title = format!("{} – {}", site.docs[t].title, h.title);
    }
    Some((url, title))
}

/// Errors for every source naming no document or no heading of it.
pub fn check(site: &Site, diags: &mut Diagnostics) {
    let known: Vec<&str> = site.by_id_keys().collect();
    for quiz in &site.quizzes {
        let text = std::fs::read_to_string(site.root.join(&quiz.source_path)).unwrap_or_default();
        for (n, q) in quiz.questions.iter().enumerate() {
            let Some(source) = q.source.as_deref() else {
                continue;
            };
            let column = text
                .lines()
                .nth(q.source_line.saturating_sub(1))
                .and_then(|l| l.find("source:"))
                .map_or(1, |c| c + 1);
            let at = |message: crate::messages::Message| {
                Diagnostic::error(quiz.source_path.as_str(), message).at(
                    &text,
                    q.source_line,
                    column,
                )
            };
            let (id, fragment) = split(source);
            let Some(t) = site.by_id(id) else {
                let mut d = at(t!(
                    "the source `{source}` of question {n} names no document (no id `{id}`)",
                    source,
                    n = n + 1,
                    id
                ));
                if let Some(s) = crate::frontmatter::did_you_mean(id, &known) {
                    d = d.with_hint(t!("did you mean `{near}`?", near = s));
                }
                diags.push(d);
                continue;
            };
            if let Some(f) = fragment {
                if !site.scans[t].has_heading(f) {
                    let d = at(t!("the source `{source}` of question {n}: {source_path} has no heading `#{fragment}`", source, n = n + 1, source_path = site.docs[t].source_path, fragment = f));
                    diags.push(super::links::heading_error(d, &site.scans[t], f));
                }
            }
        }
    }
}
