//! Governance views for the security organisation, generated from the
//! documents themselves so they are always true, and what they share (the
//! Annex A coverage, SoA and catalogue pages use it too): the introduction plan by phase
//! (`inforandeplan/`), the document status board (`dokumentstatus/`, with
//! `dokumentstatus.csv`) and the document tree (`struktur/`).
//!
//! Every view reads only published documents (`Site::published`), so the
//! publishing gates hold here as everywhere: restricted documents never
//! appear, drafts only in a `--drafts` preview, marked as such. Retired
//! documents govern nothing and count nowhere but on the status board.

use super::csv::{csv_row, Cell};
use super::plumbing::{gather, generated, home_crumb, index_file, Rendered};
use super::renderer::Renderer;
use crate::diagnostics::Diagnostic;
use crate::model::{Governing, Kind, Status};
use crate::output::Staging;
use crate::readability::Band;
use crate::site::{kind_rank, order_key, Site};
use serde::Serialize;
use std::collections::HashMap;

/// A published governing document in a governance view.
#[derive(Debug, Clone, Serialize)]
pub struct DocRef {
    pub id: String,
    pub title: String,
    pub url: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub version: String,
    pub status: &'static str,
    pub status_label: String,
}

pub(super) fn doc_ref(r: &Renderer, i: usize) -> DocRef {
    let d = &r.site.docs[i];
    DocRef {
        id: d.id.clone().unwrap_or_default(),
        title: d.title.clone(),
        url: r.site.url(i),
        kind: d.kind.as_str(),
        kind_label: r.labels.get(&format!("kind_{}", d.kind.as_str())),
        version: d.version.map(|v| v.to_string()).unwrap_or_default(),
        status: r.site.shown_status(i),
        status_label: r.labels.get(&format!("status_{}", r.site.shown_status(i))),
    }
}

/// Published governing documents that still govern (not retired), in
/// reading order: policy → riktlinjer → regler, then weight and id.
fn current_governing(site: &Site) -> Vec<usize> {
    let mut ids: Vec<usize> = site
        .published_docs()
        .filter(|&i| {
            let d = &site.docs[i];
            d.kind.is_governing() && !d.is_section && d.status != Status::Retired
        })
        .collect();
    sort_reading_order(site, &mut ids);
    ids
}

/// Each of `ids` (governing documents) with its metadata.
fn with_governing(site: &Site, ids: Vec<usize>) -> impl Iterator<Item = (usize, &Governing)> {
    ids.into_iter()
        .filter_map(|i| Some((i, site.docs[i].kind.governing()?)))
}

/// Policy, guidelines, rules; retired documents last in each list.
pub(super) fn sort_reading_order(site: &Site, ids: &mut [usize]) {
    ids.sort_by(|&a, &b| {
        let (da, db) = (&site.docs[a], &site.docs[b]);
        let retired = |d: &crate::model::Document| d.status == Status::Retired;
        (retired(da), kind_rank(da.kind.tag()), order_key(da)).cmp(&(
            retired(db),
            kind_rank(db.kind.tag()),
            order_key(db),
        ))
    });
}

/// Renders `template` as the page at `path` with the extra values `fill`
/// adds; its title is the label `title_key`, its summary `{title_key}_summary`.
pub(super) fn write_page(
    r: &Renderer,
    staging: &Staging,
    template: &str,
    path: &str,
    title_key: &str,
    fill: impl FnOnce(&mut tera::Context),
) -> Result<(), Diagnostic> {
    let title = r.labels.get(title_key);
    let summary = r.labels.get(&format!("{title_key}_summary"));
    write_titled(r, staging, template, path, (title, summary), fill)
}

/// [`write_page`] with a title and summary of its own.
pub(super) fn write_titled(
    r: &Renderer,
    staging: &Staging,
    template: &str,
    path: &str,
    (title, summary): (String, String),
    fill: impl FnOnce(&mut tera::Context),
) -> Result<(), Diagnostic> {
    let mut page = generated(r.site, title, path, vec![home_crumb(r.site)]);
    page.kind = "governance";
    page.summary = summary;
    let mut ctx = r.context(&page.url);
    ctx.insert("page", &page);
    ctx.insert("related", &pages_linking_to(r, path));
    fill(&mut ctx);
    let html = r.render(template, &ctx, path)?;
    staging.write(&index_file(path), html.as_bytes())
}

/// Published pages whose body links to the generated page at `path`
/// (relative or site-absolute), so a view can point back at the text that
/// explains it — e.g. the written plan links to its status view.
fn pages_linking_to(r: &Renderer, path: &str) -> Vec<DocRef> {
    let site = r.site;
    let mut found: Vec<usize> = site
        .published_docs()
        .filter(|&i| {
            site.scans[i]
                .links
                .iter()
                .any(|l| !l.is_image && link_target(site, i, &l.dest).as_deref() == Some(path))
        })
        .collect();
    sort_reading_order(site, &mut found);
    found.into_iter().map(|i| doc_ref(r, i)).collect()
}

/// The site path (`a/b/`) a link without scheme or file extension leads
/// to, seen from document `i`'s page.
fn link_target(site: &Site, i: usize, dest: &str) -> Option<String> {
    let dest = dest.split(['#', '?']).next()?.trim();
    let scheme = dest.split('/').next().is_some_and(|s| s.contains(':'));
    if dest.is_empty() || scheme || dest.rsplit('/').next()?.contains('.') {
        return None;
    }
    let joined = match dest.strip_prefix(site.config.root.as_str()) {
        Some(rest) if dest.starts_with('/') => rest.to_string(),
        None if dest.starts_with('/') => return None,
        _ => format!("{}{dest}", site.docs[i].url_path),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.iter().map(|p| format!("{p}/")).collect())
}

// ---------------------------------------------------------------------------
// Introduction plan

#[derive(Serialize)]
struct AreaRow {
    id: String,
    name: String,
    missing: bool,
    documents: Vec<DocRef>,
}

#[derive(Serialize)]
struct PhaseGroup {
    phase: u8,
    total: usize,
    covered: usize,
    areas: Vec<AreaRow>,
}

/// `inforandeplan/index.html`: the areas of `site.yaml` by phase, each with
/// its published documents or marked missing.
pub fn introduction_plan(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let mut by_area: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in with_governing(site, current_governing(site)) {
        for a in &g.areas {
            by_area.entry(a.as_str()).or_default().push(i);
        }
    }
    let mut phases: Vec<u8> = site.config.areas.iter().map(|a| a.phase).collect();
    phases.sort_unstable();
    phases.dedup();
    let groups: Vec<PhaseGroup> = phases
        .into_iter()
        .map(|phase| {
            let areas: Vec<AreaRow> = site
                .config
                .areas
                .iter()
                .filter(|a| a.phase == phase)
                .map(|a| {
                    let docs = by_area.get(a.id.as_str()).map_or(&[][..], Vec::as_slice);
                    AreaRow {
                        id: a.id.clone(),
                        name: a.name.clone(),
                        // An area is done only with an approved document.
                        missing: !docs.iter().any(|&i| site.docs[i].status == Status::Active),
                        documents: docs.iter().map(|&i| doc_ref(r, i)).collect(),
                    }
                })
                .collect();
            PhaseGroup {
                phase,
                total: areas.len(),
                covered: areas.iter().filter(|a| !a.missing).count(),
                areas,
            }
        })
        .collect();
    let page = write_page(
        r,
        staging,
        "inforandeplan.html",
        "inforandeplan/",
        "gov_plan",
        |ctx| ctx.insert("phases", &groups),
    );
    gather(vec![page])
}

// ---------------------------------------------------------------------------
// Document status board

#[derive(Serialize)]
struct BoardRow {
    #[serde(flatten)]
    doc: DocRef,
    owner: String,
    approved_by: String,
    approved_on: String,
    review_by: String,
    /// Days until `review_by` (negative: since); absent when no review is
    /// due (no date, or not in force: see `site::ReviewDue`).
    review_days: Option<i64>,
    /// `overdue`, `soon` (within `review.soon_days`), `ok` or `none`.
    review_state: &'static str,
    review_text: String,
    /// `valid_until` and `retired_on` (empty when not given).
    valid_until: String,
    retired_on: String,
    /// Past `valid_until` (see `site::Standing`).
    expired: bool,
    lix: Option<u32>,
    lix_band: &'static str,
    lix_band_label: String,
    permalink: String,
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: String,
}

fn board_rows(r: &Renderer) -> Vec<BoardRow> {
    let site = r.site;
    let mut ids: Vec<usize> = site
        .published_docs()
        .filter(|&i| site.docs[i].kind.is_governing() && !site.docs[i].is_section)
        .collect();
    sort_reading_order(site, &mut ids);
    with_governing(site, ids)
        .map(|(i, g)| {
            let d = &site.docs[i];
            let date = |x: Option<crate::model::Date>| x.map(|x| x.to_string()).unwrap_or_default();
            let due = site.review_due(i);
            let days = due.days();
            let lix = site.readability[i].lix();
            let band = lix.map_or("", |l| Band::of(l).as_str());
            BoardRow {
                doc: doc_ref(r, i),
                owner: g.owner.clone(),
                approved_by: g.approved_by.clone(),
                approved_on: date(g.approved_on),
                review_by: date(g.review_by),
                review_days: days,
                review_state: due.as_str(),
                review_text: days.map_or_else(String::new, |n| days_text(r, n)),
                valid_until: date(g.valid_until),
                retired_on: date(g.retired_on),
                expired: matches!(site.standing(i), crate::site::Standing::Expired { .. }),
                lix: site.readability[i].lix_rounded(),
                lix_band: band,
                lix_band_label: if band.is_empty() {
                    String::new()
                } else {
                    r.labels.get(&format!("gov_lix_{band}"))
                },
                permalink: site.config.permalink(&d.url_path),
            }
        })
        .collect()
}

fn days_text(r: &Renderer, n: i64) -> String {
    let key = match n {
        0 => return r.labels.get("gov_today"),
        1 => "gov_day_until",
        -1 => "gov_day_since",
        n if n > 0 => "gov_days_until",
        _ => "gov_days_since",
    };
    r.labels.get(key).replace("{n}", &n.abs().to_string())
}

/// `dokumentstatus/index.html` and `dokumentstatus/dokumentstatus.csv`.
pub fn status_board(r: &Renderer, staging: &Staging) -> Rendered {
    let rows = board_rows(r);
    let csv = board_csv(r, &rows);
    let count = |s: &str| rows.iter().filter(|x| x.review_state == s).count();
    let (overdue, soon) = (count("overdue"), count("soon"));
    let expired = rows.iter().filter(|x| x.expired).count();
    let choice = |prefix: &str, value: &'static str| Choice {
        value,
        label: r.labels.get(&format!("{prefix}_{value}")),
    };
    let kinds: Vec<Choice> = [Kind::Policy, Kind::Guideline, Kind::Rule]
        .iter()
        .map(|k| choice("kind", k.as_str()))
        .collect();
    let mut statuses = vec![
        choice("status", "active"),
        choice("status", "expired"),
        choice("status", "retired"),
    ];
    if r.site.drafts {
        statuses.insert(0, choice("status", "review"));
        statuses.insert(0, choice("status", "draft"));
    }
    let page = write_page(
        r,
        staging,
        "dokumentstatus.html",
        "dokumentstatus/",
        "gov_status",
        |ctx| {
            ctx.insert("documents", &rows);
            ctx.insert("overdue", &overdue);
            ctx.insert("due_soon", &soon);
            ctx.insert("expired", &expired);
            ctx.insert("kinds", &kinds);
            ctx.insert("statuses", &statuses);
            let url = format!("{}dokumentstatus/dokumentstatus.csv", r.site.config.root);
            ctx.insert("csv_url", &url);
        },
    );
    let file = staging.write("dokumentstatus/dokumentstatus.csv", csv.as_bytes());
    gather(vec![page, file]).map(|_| 1)
}

fn board_csv(r: &Renderer, rows: &[BoardRow]) -> String {
    let l = |k: &str| Cell::Text(r.labels.get(k));
    let mut out = csv_row(&[
        l("gov_col_id"),
        l("gov_col_type"),
        l("gov_col_title"),
        l("gov_col_version"),
        l("gov_col_status"),
        l("gov_col_owner"),
        l("gov_col_approved_by"),
        l("gov_col_approved_on"),
        l("gov_col_review_by"),
        l("gov_col_review_days"),
        l("gov_col_lix"),
        l("gov_col_url"),
        l("gov_col_valid_until"),
        l("gov_col_retired_on"),
    ]);
    let num = |n: Option<String>| Cell::Number(n.unwrap_or_default());
    for x in rows {
        out.push_str(&csv_row(&[
            Cell::Text(x.doc.id.clone()),
            Cell::Text(x.doc.kind_label.clone()),
            Cell::Text(x.doc.title.clone()),
            Cell::Text(x.doc.version.clone()),
            Cell::Text(x.doc.status_label.clone()),
            Cell::Text(x.owner.clone()),
            Cell::Text(x.approved_by.clone()),
            Cell::Text(x.approved_on.clone()),
            Cell::Text(x.review_by.clone()),
            num(x.review_days.map(|n| n.to_string())),
            num(x.lix.map(|n| n.to_string())),
            Cell::Text(x.permalink.clone()),
            Cell::Text(x.valid_until.clone()),
            Cell::Text(x.retired_on.clone()),
        ]));
    }
    out
}

// ---------------------------------------------------------------------------
// Structure

#[derive(Serialize)]
struct TreeNode {
    #[serde(flatten)]
    doc: DocRef,
    children: Vec<TreeNode>,
}

fn tree_node(r: &Renderer, i: usize, depth: usize) -> TreeNode {
    let site = r.site;
    let children = if depth > 16 {
        Vec::new() // validation forbids cycles; this only bounds the walk
    } else {
        site.children_of(i)
            .iter()
            .filter(|&&c| {
                site.docs[c].kind.is_governing() && site.docs[c].status != Status::Retired
            })
            .map(|&c| tree_node(r, c, depth + 1))
            .collect()
    };
    TreeNode {
        doc: doc_ref(r, i),
        children,
    }
}

/// `struktur/index.html`: policy → riktlinjer → regler. Documents whose
/// parent is not published (a draft, say) are listed on their own.
pub fn structure(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let current = current_governing(site);
    let mut is_current = vec![false; site.docs.len()];
    for &i in &current {
        is_current[i] = true;
    }
    let parent_shown = |i: usize| {
        site.docs[i]
            .kind
            .governing()
            .and_then(|g| g.parent.as_deref())
            .and_then(|p| site.by_id(p))
            .is_some_and(|p| is_current[p])
    };
    let has_parent = |i: usize| {
        site.docs[i]
            .kind
            .governing()
            .is_some_and(|g| g.parent.is_some())
    };
    let roots: Vec<TreeNode> = current
        .iter()
        .filter(|&&i| !has_parent(i))
        .map(|&i| tree_node(r, i, 0))
        .collect();
    let orphans: Vec<TreeNode> = current
        .iter()
        .filter(|&&i| has_parent(i) && !parent_shown(i))
        .map(|&i| tree_node(r, i, 0))
        .collect();
    let page = write_page(
        r,
        staging,
        "struktur.html",
        "struktur/",
        "gov_structure",
        |ctx| {
            ctx.insert("tree", &roots);
            ctx.insert("orphans", &orphans);
        },
    );
    gather(vec![page])
}
