//! ISO/IEC 27001:2022 Annex A coverage (`iso27001/`, with `soa.csv`, a
//! starting point for a Statement of Applicability): every control with the
//! published, current documents implementing it — those the Statement of
//! Applicability lists merged with those citing it ([`crate::soa::merged`]);
//! a control the SoA excludes is not a gap.

use super::csv::{csv_row, Cell};
use super::governance::{doc_ref, sort_reading_order, write_page, DocRef};
use super::plumbing::{gather, Rendered};
use super::renderer::Renderer;
use crate::output::Staging;
use serde::Serialize;

#[derive(Serialize)]
struct ControlRow {
    id: &'static str,
    /// In the site's language; `title_en` the standard's English title.
    title: &'static str,
    title_en: &'static str,
    new_in_2022: bool,
    covered: bool,
    /// False when the published Statement of Applicability excludes it.
    applicable: bool,
    documents: Vec<DocRef>,
}

#[derive(Serialize)]
struct ThemeGroup {
    theme: &'static str,
    label: String,
    total: usize,
    covered: usize,
    /// Applicable controls without a document.
    gaps: usize,
    excluded: usize,
    percent: usize,
    controls: Vec<ControlRow>,
}

pub(super) fn percent(part: usize, total: usize) -> usize {
    (part * 100 + total / 2).checked_div(total).unwrap_or(0)
}

/// The controls by theme, each with the documents implementing it (the
/// Statement of Applicability's merged with the documents' own lists).
fn theme_groups(r: &Renderer) -> Vec<ThemeGroup> {
    let states = crate::soa::merged::controls(r.site);
    crate::iso27001::THEMES
        .iter()
        .map(|&theme| {
            let controls: Vec<ControlRow> = states
                .iter()
                .filter(|c| c.control.theme == theme)
                .map(|c| {
                    let mut docs = c.implementers.clone();
                    sort_reading_order(r.site, &mut docs);
                    ControlRow {
                        id: c.control.id,
                        title: crate::iso27001::title(c.control, r.site.config.language),
                        title_en: c.control.title,
                        new_in_2022: c.control.new_in_2022,
                        covered: !docs.is_empty(),
                        applicable: c.applicable(),
                        documents: docs.iter().map(|&i| doc_ref(r, i)).collect(),
                    }
                })
                .collect();
            let covered = controls.iter().filter(|c| c.covered).count();
            let excluded = controls.iter().filter(|c| !c.applicable).count();
            let gaps = controls
                .iter()
                .filter(|c| c.applicable && !c.covered)
                .count();
            ThemeGroup {
                theme,
                label: r.labels.get(&format!("gov_theme_{theme}")),
                total: controls.len(),
                covered,
                gaps,
                excluded,
                percent: percent(covered, controls.len() - excluded),
                controls,
            }
        })
        .collect()
}

/// `iso27001/index.html` and `iso27001/soa.csv`.
pub fn iso27001(r: &Renderer, staging: &Staging) -> Rendered {
    let themes = theme_groups(r);
    let total: usize = themes.iter().map(|t| t.total).sum();
    let covered: usize = themes.iter().map(|t| t.covered).sum();
    let excluded: usize = themes.iter().map(|t| t.excluded).sum();
    let gaps: usize = themes.iter().map(|t| t.gaps).sum();
    let gap = if gaps == 0 {
        r.labels.get("gov_iso_gap_none")
    } else {
        super::soa::counted(&r.labels, "gov_iso_gap", gaps)
    };
    let csv = soa_csv(r, &themes);
    let page = write_page(r, staging, "iso27001.html", "iso27001/", "gov_iso", |ctx| {
        ctx.insert("themes", &themes);
        ctx.insert("total", &total);
        ctx.insert("covered", &covered);
        ctx.insert("excluded", &excluded);
        ctx.insert("gaps", &gaps);
        ctx.insert("gap", &gap);
        ctx.insert(
            "soa_published",
            &crate::soa::merged::published(r.site).is_some(),
        );
        ctx.insert(
            "soa_url",
            &format!("{}{}", r.site.config.root, super::soa::PATH),
        );
        ctx.insert("percent", &percent(covered, total - excluded));
        ctx.insert(
            "csv_url",
            &format!("{}iso27001/soa.csv", r.site.config.root),
        );
    });
    gather(vec![
        page,
        staging.write("iso27001/soa.csv", csv.as_bytes()),
    ])
    .map(|_| 1)
}

/// A starting point for a Statement of Applicability: every control, whether
/// a document covers it, which, and empty columns for the decision.
fn soa_csv(r: &Renderer, themes: &[ThemeGroup]) -> String {
    let l = |k: &str| Cell::Text(r.labels.get(k));
    let mut out = csv_row(&[
        l("gov_col_control"),
        l("gov_col_theme"),
        l("gov_col_control_title"),
        l("gov_col_covered"),
        l("gov_col_covered_by"),
        l("gov_col_documents"),
        l("gov_col_applicable"),
        l("gov_col_justification"),
    ]);
    for t in themes {
        for c in &t.controls {
            let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
            let titles: Vec<&str> = c.documents.iter().map(|d| d.title.as_str()).collect();
            out.push_str(&csv_row(&[
                Cell::Text(c.id.to_string()),
                Cell::Text(t.label.clone()),
                Cell::Text(c.title.to_string()),
                l(if c.covered { "gov_yes" } else { "gov_no" }),
                Cell::Text(ids.join("; ")),
                Cell::Text(titles.join("; ")),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(0, 0), 0);
    }
}
