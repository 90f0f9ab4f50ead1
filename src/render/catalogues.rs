//! Coverage of every requirement catalogue (`kravkataloger/`, one page per
//! catalogue at `kravkataloger/ID/`; Annex A keeps its own `iso27001/`). A
//! requirement is covered when a published, current governing document
//! cites it, or implements one of the Annex A controls it maps to (that
//! the Statement of Applicability does not exclude) — the mapping view
//! for NIS2 article 21.2: which documents and controls answer each measure.

use super::governance::{doc_ref, sort_reading_order, write_page, write_titled, DocRef};
use super::plumbing::{gather, Rendered};
use super::renderer::Renderer;
use super::soa::counted;
use crate::output::Staging;
use crate::requirements::{self, Catalogue, Requirement, ISO27001};
use crate::soa::merged::{self, ControlState};
use serde::Serialize;
use std::collections::HashMap;

pub(super) const PATH: &str = crate::site::addresses::CATALOGUES_PATH;

#[derive(Serialize)]
struct ControlLink {
    id: String,
    title: &'static str,
    url: String,
    /// `yes`, `no` or `missing`, as on the SoA page.
    applicable: &'static str,
    status_label: String,
}

#[derive(Serialize)]
struct RequirementRow {
    id: String,
    label: String,
    title: String,
    reference: String,
    covered: bool,
    /// False for an Annex A control the Statement of Applicability
    /// excludes: not a gap.
    applicable: bool,
    documents: Vec<DocRef>,
    controls: Vec<ControlLink>,
    /// Documents implementing the applicable mapped controls.
    via_controls: Vec<DocRef>,
}

#[derive(Serialize)]
struct Group {
    name: String,
    anchor: String,
    total: usize,
    covered: usize,
    requirements: Vec<RequirementRow>,
}

#[derive(Serialize)]
struct CatalogueRow {
    id: String,
    title: String,
    reference: String,
    url: String,
    total: usize,
    covered: usize,
    /// What is missing, in one sentence.
    gap: String,
    complete: bool,
}

struct Context<'s> {
    cites: HashMap<String, Vec<usize>>,
    controls: Vec<ControlState<'s>>,
}

fn control_link(r: &Renderer, c: &ControlState) -> ControlLink {
    let status = c.entry.and_then(|e| e.status);
    ControlLink {
        id: c.control.id.to_string(),
        title: crate::iso27001::title(c.control, r.site.config.language),
        url: format!(
            "{}{}#control-{}",
            r.site.config.root,
            super::soa::PATH,
            c.control.id
        ),
        applicable: match c.entry {
            None => "missing",
            Some(e) if e.applicable => "yes",
            Some(_) => "no",
        },
        status_label: status.map_or_else(String::new, |s| {
            r.labels.get(&format!("soa_status_{}", s.as_str()))
        }),
    }
}

fn requirement_row(
    r: &Renderer,
    cx: &Context,
    cat: &Catalogue,
    req: &Requirement,
) -> RequirementRow {
    let mut direct = cx
        .cites
        .get(&format!("{}:{}", cat.id, req.id))
        .cloned()
        .unwrap_or_default();
    sort_reading_order(r.site, &mut direct);
    let mapped: Vec<&ControlState> = req
        .iso27001
        .iter()
        .filter_map(|id| cx.controls.iter().find(|c| c.control.id == id))
        .collect();
    let mut via: Vec<usize> = Vec::new();
    for c in mapped.iter().filter(|c| c.applicable()) {
        for &i in &c.implementers {
            if !via.contains(&i) && !direct.contains(&i) {
                via.push(i);
            }
        }
    }
    sort_reading_order(r.site, &mut via);
    RequirementRow {
        id: req.id.clone(),
        label: cat.label(req),
        title: req.title.clone(),
        reference: req.reference.clone(),
        covered: !direct.is_empty() || !via.is_empty(),
        applicable: cat.id != ISO27001 || mapped.iter().all(|c| c.applicable()),
        documents: direct.into_iter().map(|i| doc_ref(r, i)).collect(),
        controls: mapped.iter().map(|c| control_link(r, c)).collect(),
        via_controls: via.into_iter().map(|i| doc_ref(r, i)).collect(),
    }
}

fn groups(r: &Renderer, cx: &Context, cat: &Catalogue) -> Vec<Group> {
    let mut names: Vec<&str> = Vec::new();
    for req in &cat.requirements {
        if !names.contains(&req.group.as_str()) {
            names.push(&req.group);
        }
    }
    names
        .iter()
        .enumerate()
        .map(|(k, &name)| {
            let rows: Vec<RequirementRow> = cat
                .requirements
                .iter()
                .filter(|q| q.group == name)
                .map(|q| requirement_row(r, cx, cat, q))
                .collect();
            Group {
                name: if name.is_empty() {
                    r.labels.get("req_no_group")
                } else {
                    name.to_string()
                },
                anchor: format!("group-{}", k + 1),
                total: rows.len(),
                covered: rows.iter().filter(|x| x.covered).count(),
                requirements: rows,
            }
        })
        .collect()
}

/// "NIS2 21.2 e saknar styrdokument": the uncovered requirements in one
/// plain sentence.
fn gap_sentence(r: &Renderer, missing: &[String]) -> String {
    match missing {
        [] => r.labels.get("req_gap_none"),
        [one] => r.labels.get("req_gap_one").replace("{label}", one),
        // A long list reads as noise; the page's rows show every gap.
        many if many.len() > 12 => counted(&r.labels, "req_gap_many", many.len()),
        many => counted(&r.labels, "req_gap", many.len()).replace("{list}", &many.join(", ")),
    }
}

/// `kravkataloger/index.html` and `kravkataloger/ID/index.html` for every catalogue but Annex A.
pub fn catalogue_pages(r: &Renderer, staging: &Staging) -> Rendered {
    let cx = Context {
        cites: merged::citations(r.site),
        controls: merged::controls(r.site),
    };
    let mut rows = Vec::new();
    let mut results = Vec::new();
    for cat in requirements::all(r.site.config.language, &r.site.config.catalogues) {
        let path = if cat.id == ISO27001 {
            "iso27001/".to_string()
        } else {
            format!("{PATH}{}/", cat.id)
        };
        let groups = groups(r, &cx, &cat);
        // In the catalogue's order, not the groups'.
        let gap_rows: Vec<&RequirementRow> = groups
            .iter()
            .flat_map(|g| &g.requirements)
            .filter(|q| q.applicable && !q.covered)
            .collect();
        let missing: Vec<String> = cat
            .requirements
            .iter()
            .filter_map(|q| gap_rows.iter().find(|x| x.id == q.id))
            .map(|q| q.label.clone())
            .collect();
        let sentence = gap_sentence(r, &missing);
        if cat.id != ISO27001 {
            let sentence = sentence.clone();
            let title = r.labels.get("req_title").replace("{catalogue}", &cat.title);
            let summary = r
                .labels
                .get("req_summary")
                .replace("{catalogue}", &cat.title);
            results.push(write_titled(
                r,
                staging,
                "krav.html",
                &path,
                (title, summary),
                |ctx| {
                    ctx.insert("catalogue_title", &cat.title);
                    ctx.insert("catalogue_reference", &cat.reference);
                    ctx.insert("groups", &groups);
                    ctx.insert("gap", &sentence);
                    ctx.insert("complete", &missing.is_empty());
                    ctx.insert(
                        "mapped",
                        &cat.requirements.iter().any(|q| !q.iso27001.is_empty()),
                    );
                    ctx.insert(
                        "soa_url",
                        &format!("{}{}", r.site.config.root, super::soa::PATH),
                    );
                },
            ));
        }
        rows.push(CatalogueRow {
            id: cat.id.clone(),
            title: cat.title.clone(),
            reference: cat.reference.clone(),
            url: r.site.config.url(&path),
            total: cat.requirements.len(),
            covered: groups.iter().map(|g| g.covered).sum(),
            gap: sentence,
            complete: missing.is_empty(),
        });
    }
    results.push(write_page(
        r,
        staging,
        "krav_index.html",
        PATH,
        "req_index",
        |ctx| {
            ctx.insert("catalogues", &rows);
        },
    ));
    gather(results)
}
