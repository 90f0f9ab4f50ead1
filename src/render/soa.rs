//! The Statement of Applicability views: the filterable page
//! `tillampning/` with its CSV export `tillampning/tillampning.csv`, and
//! the table of entries shown in the SoA document's own page, its older
//! versions and their changes pages (so a changed entry reads as a change).
//! Implementing documents are only ever published, current ones
//! ([`crate::soa::merged`]).

use super::csv::{csv_row, Cell};
use super::governance::{doc_ref, sort_reading_order, write_page, DocRef};
use super::plumbing::{gather, Rendered};
use super::renderer::Renderer;
use super::Labels;
use crate::iso27001::THEMES;
use crate::output::Staging;
use crate::site::Site;
use crate::soa::merged::{self, ControlState};
use crate::soa::Soa;
use crate::ui::escape_html;
use serde::Serialize;

pub(super) const PATH: &str = crate::site::addresses::SOA_PATH;
pub(super) const CSV_PATH: &str = crate::site::addresses::SOA_CSV_PATH;

#[derive(Serialize)]
struct SoaRow {
    id: &'static str,
    title: &'static str,
    title_en: &'static str,
    theme: &'static str,
    theme_label: String,
    /// `yes`, `no`, or `missing` (the SoA leaves the control out).
    applicable: &'static str,
    applicable_label: String,
    justification: String,
    /// `done`, `in_progress`, `planned`, `not_started` or empty.
    status: &'static str,
    status_label: String,
    responsible: String,
    target: String,
    /// The target date passed and the control is not done.
    late: bool,
    documents: Vec<DocRef>,
}

fn applicable_key(c: &ControlState) -> &'static str {
    match c.entry {
        None => "missing",
        Some(e) if e.applicable => "yes",
        Some(_) => "no",
    }
}

fn row(r: &Renderer, c: &ControlState) -> SoaRow {
    let l = &r.labels;
    let applicable = applicable_key(c);
    let status = c.entry.and_then(|e| e.status).map_or("", |s| s.as_str());
    let mut docs = c.implementers.clone();
    sort_reading_order(r.site, &mut docs);
    SoaRow {
        id: c.control.id,
        title: crate::iso27001::title(c.control, r.site.config.language),
        title_en: c.control.title,
        theme: c.control.theme,
        theme_label: l.get(&format!("gov_theme_{}", c.control.theme)),
        applicable,
        applicable_label: l.get(&format!("soa_applicable_{applicable}")),
        justification: c.entry.map(|e| e.justification.clone()).unwrap_or_default(),
        status,
        status_label: if status.is_empty() {
            String::new()
        } else {
            l.get(&format!("soa_status_{status}"))
        },
        responsible: c.entry.map(|e| e.responsible.clone()).unwrap_or_default(),
        target: c
            .entry
            .and_then(|e| e.target)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        late: c.entry.is_some_and(|e| {
            e.target.is_some_and(|t| t < r.site.today) && e.status.is_some() && !c.done()
        }),
        documents: docs.into_iter().map(|i| doc_ref(r, i)).collect(),
    }
}

/// "12 tillämpliga åtgärder saknar genomförande": what is missing, one
/// plain sentence per kind of gap (none when nothing is).
fn gaps(l: &Labels, rows: &[SoaRow]) -> Vec<String> {
    let count = |f: &dyn Fn(&SoaRow) -> bool| rows.iter().filter(|x| f(x)).count();
    let applicable = |x: &SoaRow| x.applicable == "yes";
    let figures = [
        ("soa_gap_missing", count(&|x| x.applicable == "missing")),
        (
            "soa_gap_not_done",
            count(&|x| applicable(x) && x.status != "done"),
        ),
        (
            "soa_gap_no_documents",
            count(&|x| x.applicable != "no" && x.documents.is_empty()),
        ),
        ("soa_gap_late", count(&|x| x.late)),
    ];
    figures
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|&(key, n)| counted(l, key, n))
        .collect()
}

/// `key` (or `key_one` for 1) with `{n}` filled in.
pub(super) fn counted(l: &Labels, key: &str, n: usize) -> String {
    let key = if n == 1 {
        format!("{key}_one")
    } else {
        key.to_string()
    };
    l.get(&key).replace("{n}", &n.to_string())
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: String,
}

/// `tillampning/index.html` and `tillampning/tillampning.csv`.
pub fn soa_page(r: &Renderer, staging: &Staging) -> Rendered {
    let site = r.site;
    let soa = merged::published(site);
    let rows: Vec<SoaRow> = if soa.is_some() {
        merged::controls(site).iter().map(|c| row(r, c)).collect()
    } else {
        Vec::new()
    };
    let l = &r.labels;
    let choice = |prefix: &str, value: &'static str| Choice {
        value,
        label: l.get(&format!("{prefix}_{value}")),
    };
    let themes: Vec<Choice> = THEMES.iter().map(|&t| choice("gov_theme", t)).collect();
    let statuses: Vec<Choice> = ["done", "in_progress", "planned", "not_started"]
        .into_iter()
        .map(|s| choice("soa_status", s))
        .collect();
    let applicability: Vec<Choice> = ["yes", "no", "missing"]
        .into_iter()
        .map(|s| choice("soa_applicable", s))
        .collect();
    let count = |k: &str| rows.iter().filter(|x| x.applicable == k).count();
    let figures = (
        count("yes"),
        count("no"),
        rows.iter().filter(|x| x.status == "done").count(),
    );
    let gap_sentences = gaps(l, &rows);
    let document = soa.map(|(i, _)| doc_ref(r, i));
    let approval = soa
        .and_then(|(i, _)| site.docs[i].kind.governing())
        .map(|g| {
            l.get("soa_approved")
                .replace("{by}", &g.approved_by)
                .replace(
                    "{on}",
                    &g.approved_on.map(|d| d.to_string()).unwrap_or_default(),
                )
        });
    let page = write_page(r, staging, "tillampning.html", PATH, "soa", |ctx| {
        ctx.insert("rows", &rows);
        ctx.insert("gaps", &gap_sentences);
        ctx.insert("soa_document", &document);
        ctx.insert("approval", &approval.unwrap_or_default());
        ctx.insert("applicable_count", &figures.0);
        ctx.insert("excluded_count", &figures.1);
        ctx.insert("done_count", &figures.2);
        ctx.insert("themes", &themes);
        ctx.insert("statuses", &statuses);
        ctx.insert("applicability", &applicability);
        ctx.insert("csv_url", &format!("{}{CSV_PATH}", site.config.root));
    });
    let csv = soa_csv(l, &rows);
    gather(vec![page, staging.write(CSV_PATH, csv.as_bytes())]).map(|_| 1)
}

/// The SoA as a spreadsheet: one row per control, formula-safe cells.
fn soa_csv(l: &Labels, rows: &[SoaRow]) -> String {
    let h = |k: &str| Cell::Text(l.get(k));
    let mut out = csv_row(&[
        h("gov_col_control"),
        h("gov_col_theme"),
        h("gov_col_control_title"),
        h("gov_col_applicable"),
        h("gov_col_justification"),
        h("soa_col_status"),
        h("soa_col_responsible"),
        h("soa_col_target"),
        h("gov_col_covered_by"),
        h("gov_col_documents"),
    ]);
    for x in rows {
        let ids: Vec<&str> = x.documents.iter().map(|d| d.id.as_str()).collect();
        let titles: Vec<&str> = x.documents.iter().map(|d| d.title.as_str()).collect();
        out.push_str(&csv_row(&[
            Cell::Text(x.id.to_string()),
            Cell::Text(x.theme_label.clone()),
            Cell::Text(x.title.to_string()),
            Cell::Text(x.applicable_label.clone()),
            Cell::Text(x.justification.clone()),
            Cell::Text(x.status_label.clone()),
            Cell::Text(x.responsible.clone()),
            Cell::Text(x.target.clone()),
            Cell::Text(ids.join("; ")),
            Cell::Text(titles.join("; ")),
        ]));
    }
    out
}

/// The SoA's entries as an HTML table, appended to the text of the SoA
/// document (current and older versions), so its pages and changes show
/// what was decided. Documents are named by id, and only published,
/// current ones.
pub(crate) fn entries_table(site: &Site, soa: &Soa) -> String {
    let l = Labels::new(site.config.language.as_str());
    let e = |s: &str| escape_html(s);
    let mut out = format!(
        "<h2 id=\"soa-entries\">{}</h2>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"soa-entries\" tabindex=\"0\">\n<table class=\"gov-table gov-table--soa-entries\">\n<thead><tr>",
        e(&l.get("soa_entries_heading"))
    );
    for key in [
        "gov_col_control",
        "gov_col_applicable",
        "soa_col_status",
        "gov_col_covered_by",
        "gov_col_justification",
    ] {
        out.push_str(&format!("<th scope=\"col\">{}</th>", e(&l.get(key))));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for entry in &soa.entries {
        out.push_str(&entry_row(site, &l, entry));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// One row of [`entries_table`]: the status cell also says by when and who.
fn entry_row(site: &Site, l: &Labels, entry: &crate::soa::Applicability) -> String {
    let e = |s: &str| escape_html(s);
    let applicable = if entry.applicable { "yes" } else { "no" };
    let mut status = entry
        .status
        .map(|s| e(&l.get(&format!("soa_status_{}", s.as_str()))))
        .unwrap_or_default();
    if let Some(target) = entry.target {
        let label = e(&l.get("soa_col_target"));
        status.push_str(&format!(
            " <span class=\"soa-meta\">{label} {target}</span>"
        ));
    }
    if !entry.responsible.is_empty() {
        let label = e(&l.get("soa_col_responsible"));
        let who = e(&entry.responsible);
        status.push_str(&format!(" <span class=\"soa-meta\">{label}: {who}</span>"));
    }
    let docs: Vec<String> = entry
        .documents
        .iter()
        .filter(|id| site.by_id(id).is_some_and(|i| merged::shown(site, i)))
        .map(|id| format!("<span class=\"soa-id\">{}</span>", e(id)))
        .collect();
    format!(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{status}</td><td>{}</td><td>{}</td></tr>\n",
        e(&entry.control),
        e(&l.get(&format!("soa_applicable_{applicable}"))),
        docs.join(", "),
        e(&entry.justification),
    )
}

/// `html` (a document's rendered text) with the SoA's table after it when
/// the document is the SoA.
pub(crate) fn with_entries(site: &Site, doc: &crate::model::Document, html: String) -> String {
    match doc.kind.governing().and_then(|g| g.applicability.as_ref()) {
        Some(soa) => html + &entries_table(site, soa),
        None => html,
    }
}
