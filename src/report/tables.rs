//! The report's tables, built once from a [`Report`] and written as
//! Markdown or HTML ([`super::format`], [`super::html`]). Every number is
//! formatted here, the same way in both.

use super::coverage::{Cell, Coverage, CoverageItem};
use super::{ItemCount, Measure, Report};
use crate::ui::Labels;
use std::collections::BTreeMap;

/// A table: header cells, then rows; `numeric[i]` right-aligns column `i`.
pub struct Table {
    pub header: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: Vec<String>, text_columns: usize) -> Table {
        let numeric = (0..header.len()).map(|i| i >= text_columns).collect();
        Table {
            header,
            numeric,
            rows: Vec::new(),
        }
    }
}

/// A section: its label key, heading, an optional lead sentence, its table.
pub struct Section {
    pub key: &'static str,
    pub heading: String,
    pub lead: Option<String>,
    pub table: Table,
}

fn section(t: &Labels, key: &'static str, table: Table) -> Section {
    let lead = t.get(&format!("{key}_lead"));
    Section {
        key,
        heading: t.get(key),
        lead: (!lead.is_empty()).then_some(lead),
        table,
    }
}

/// A percent, rounded to a whole number: `75 %`; `–` when unknown.
pub fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |v| format!("{} %", v.round() as i64))
}

/// A mean score, rounded: `42`.
pub fn score(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |v| format!("{}", v.round() as i64))
}

/// A change in percentage points with its sign: `+39`, `−7`, `0`.
pub fn change(v: Option<f64>) -> String {
    match v.map(|v| v.round() as i64) {
        None => "–".into(),
        Some(n) if n > 0 => format!("+{n}"),
        Some(n) if n < 0 => format!("−{}", -n),
        Some(_) => "0".into(),
    }
}

/// Outdated results are flagged so they stand out in every format.
fn flagged(n: usize) -> String {
    if n > 0 {
        format!("{n} !")
    } else {
        "0".into()
    }
}

pub fn unit_name(report: &Report, t: &Labels, unit: &str) -> String {
    if unit.is_empty() {
        return t.get("report_no_unit");
    }
    report.unit_name(unit).unwrap_or(unit).to_string()
}

fn module_table(t: &Labels, items: &[ItemCount], receipts: bool) -> Table {
    let (first, current, outdated) = if receipts {
        ("report_document", "report_read", "report_read_outdated")
    } else {
        ("report_module", "report_passed", "report_outdated")
    };
    let mut header = vec![
        t.get(first),
        t.get("report_current_version"),
        t.get(current),
    ];
    if !receipts {
        header.push(t.get("report_failed"));
    }
    header.push(t.get(outdated));
    let mut table = Table::new(header, 2);
    for m in items {
        let mut row = vec![
            format!("{} {}", m.id, m.title),
            m.current_version.clone(),
            m.current.to_string(),
        ];
        if !receipts {
            row.push(m.failed.to_string());
        }
        row.push(flagged(m.outdated));
        table.rows.push(row);
    }
    table
}

fn unit_table(report: &Report, t: &Labels) -> Table {
    let mut header = vec![t.get("report_unit")];
    header.extend(report.modules.iter().map(|m| m.id.clone()));
    let mut table = Table::new(header, 1);
    for (id, _) in &report.units {
        let mut row = vec![unit_name(report, t, id)];
        row.extend(
            report
                .modules
                .iter()
                .map(|m| m.by_unit.get(id).copied().unwrap_or(0).to_string()),
        );
        table.rows.push(row);
    }
    table
}

fn outdated_table(report: &Report, t: &Labels) -> Table {
    let header = vec![
        t.get("report_item"),
        t.get("report_version"),
        t.get("report_people"),
    ];
    let mut table = Table::new(header, 2);
    for m in report.modules.iter().chain(&report.documents) {
        for (v, n) in &m.outdated_versions {
            table
                .rows
                .push(vec![m.id.clone(), v.clone(), n.to_string()]);
        }
    }
    table
}

/// The measure columns after the first `lead` ones.
fn measure_header(t: &Labels, lead: Vec<String>) -> Table {
    let mut header = lead;
    let n = header.len();
    for k in [
        "rp_participants",
        "rp_pass_rate",
        "rp_pre_post",
        "rp_gain",
        "rp_paired",
        "rp_retention",
        "rp_retention_change",
        "rp_retained",
    ] {
        header.push(t.get(k));
    }
    Table::new(header, n)
}

fn measure_cells(m: &Measure) -> Vec<String> {
    let pre_post = match (m.pre_mean(), m.post_mean()) {
        (Some(a), Some(b)) => format!("{} → {}", score(Some(a)), score(Some(b))),
        _ => "–".into(),
    };
    vec![
        m.participants.to_string(),
        percent(m.pass_rate()),
        pre_post,
        change(m.gain()),
        m.paired.to_string(),
        score(m.retention_mean()),
        change(m.retention_change()),
        m.retained.to_string(),
    ]
}

fn learning_table(report: &Report, t: &Labels) -> Table {
    let mut table = measure_header(t, vec![t.get("report_module")]);
    for m in &report.modules {
        let mut row = vec![format!("{} {}", m.id, m.title)];
        row.extend(measure_cells(&m.measure));
        table.rows.push(row);
    }
    table
}

fn unit_learning_table(report: &Report, t: &Labels) -> Table {
    let mut table = measure_header(t, vec![t.get("report_module"), t.get("report_unit")]);
    for m in &report.modules {
        for unit in report.in_unit_order(m.unit_measures.keys()) {
            let measure = &m.unit_measures[unit];
            let mut row = vec![m.id.clone(), unit_name(report, t, unit)];
            row.extend(measure_cells(measure));
            table.rows.push(row);
        }
    }
    table
}

fn questions_table(report: &Report, t: &Labels) -> Table {
    let header = [
        "report_module",
        "rp_question",
        "rp_missed_post",
        "rp_answered",
        "rp_missed_pre",
    ]
    .map(|k| t.get(k))
    .to_vec();
    let mut table = Table::new(header, 2);
    for m in &report.modules {
        for q in &m.questions {
            let question = if q.prompt.is_empty() {
                format!("{} ({})", q.id, t.get("rp_question_gone"))
            } else {
                format!("{} ({})", q.prompt, q.id)
            };
            table.rows.push(vec![
                m.id.clone(),
                question,
                percent(q.missed_rate()),
                q.post_answered.to_string(),
                percent(q.pre_missed_rate()),
            ]);
        }
    }
    table
}

/// `done/required (pct)`, with the overdue count when there is one.
pub fn coverage_cell(t: &Labels, c: Option<&Cell>) -> String {
    let Some(c) = c.filter(|c| c.required > 0) else {
        return "–".into();
    };
    let mut s = format!("{}/{} ({})", c.done, c.required, percent(c.rate()));
    if c.overdue > 0 {
        s.push_str(&format!(", {} {}", c.overdue, t.get("rp_late")));
    }
    s
}

fn coverage_total(cov: &Coverage, t: &Labels) -> Table {
    let header = [
        "rp_assigned",
        "rp_due",
        "rp_required",
        "rp_done",
        "rp_coverage",
        "rp_overdue",
    ]
    .map(|k| t.get(k))
    .to_vec();
    let mut table = Table::new(header, 1);
    for i in &cov.items {
        table.rows.push(vec![
            format!("{} {}", i.id, i.title),
            i.due_days
                .map_or_else(|| "–".into(), |d| format!("{d} {}", t.get("rp_days"))),
            i.total.required.to_string(),
            i.total.done.to_string(),
            percent(i.total.rate()),
            if i.due_days.is_some() {
                i.total.overdue.to_string()
            } else {
                "–".into()
            },
        ]);
    }
    table
}

/// Rows of groups (units, roles, managers), a column per module and path;
/// the rows in `order`.
fn coverage_matrix<'c>(
    cov: &'c Coverage,
    t: &Labels,
    first: &str,
    groups: impl Fn(&'c CoverageItem) -> &'c BTreeMap<String, Cell>,
    name: impl Fn(&str) -> String,
    order: impl Fn(Vec<&'c String>) -> Vec<&'c String>,
) -> Table {
    let mut header = vec![t.get(first)];
    header.extend(cov.items.iter().map(|i| i.id.clone()));
    let mut table = Table::new(header, 1);
    let mut keys: Vec<&String> = cov.items.iter().flat_map(|i| groups(i).keys()).collect();
    keys.sort();
    keys.dedup();
    let keys = order(keys);
    for k in keys {
        let mut row = vec![name(k)];
        row.extend(cov.items.iter().map(|i| coverage_cell(t, groups(i).get(k))));
        table.rows.push(row);
    }
    table
}

fn overdue_people(cov: &Coverage, report: &Report, t: &Labels) -> Table {
    let header = [
        "rp_manager",
        "report_unit",
        "rp_person",
        "rp_email",
        "rp_path",
        "rp_due_date",
        "rp_days_late",
    ]
    .map(|k| t.get(k))
    .to_vec();
    let mut table = Table::new(header, 6);
    table.numeric[5] = true;
    for o in &cov.overdue {
        table.rows.push(vec![
            manager_name(cov, t, &o.manager),
            unit_name(report, t, &o.unit),
            o.name.clone(),
            o.key.clone(),
            o.path.clone(),
            o.due.to_string(),
            o.days_late.to_string(),
        ]);
    }
    table
}

pub fn manager_name(cov: &Coverage, t: &Labels, key: &str) -> String {
    if key.is_empty() {
        return t.get("rp_no_manager");
    }
    match cov.manager_names.get(key) {
        Some(n) => format!("{n} ({key})"),
        None => key.to_string(),
    }
}

/// Every section of the report, in order.
pub fn sections(report: &Report, t: &Labels) -> Vec<Section> {
    let mut out = vec![
        section(t, "report_modules", module_table(t, &report.modules, false)),
        section(t, "rp_learning", learning_table(report, t)),
        section(t, "report_units", unit_table(report, t)),
        section(t, "rp_unit_learning", unit_learning_table(report, t)),
        section(t, "rp_questions", questions_table(report, t)),
        section(t, "report_outdated_heading", outdated_table(report, t)),
    ];
    if !report.documents.is_empty() {
        out.push(section(
            t,
            "report_receipts",
            module_table(t, &report.documents, true),
        ));
    }
    if let Some(cov) = &report.coverage {
        out.push(section(t, "rp_coverage_heading", coverage_total(cov, t)));
        let unit = |u: &str| unit_name(report, t, u);
        out.push(section(
            t,
            "rp_coverage_units",
            coverage_matrix(
                cov,
                t,
                "report_unit",
                |i| &i.by_unit,
                unit,
                |k| report.in_unit_order(k.into_iter()),
            ),
        ));
        out.push(section(
            t,
            "rp_coverage_roles",
            coverage_matrix(
                cov,
                t,
                "rp_role",
                |i| &i.by_role,
                |r| {
                    cov.role_names
                        .get(r)
                        .cloned()
                        .unwrap_or_else(|| r.to_string())
                },
                |k| k,
            ),
        ));
        let manager = |m: &str| manager_name(cov, t, m);
        out.push(section(
            t,
            "rp_coverage_managers",
            coverage_matrix(cov, t, "rp_manager", |i| &i.by_manager, manager, |k| k),
        ));
        out.push(section(
            t,
            "rp_overdue_people",
            overdue_people(cov, report, t),
        ));
    }
    out
}

/// The sentence under the title: where the results came from, how many.
pub(super) fn intro(report: &Report, t: &Labels) -> String {
    format!(
        "{} {}: {} {}; {} {}.",
        t.get("report_source"),
        report.source,
        report.rows,
        t.get("report_rows"),
        report.duplicates,
        t.get("report_duplicates")
    )
}

/// Sentences under the tables: unknown ids, and what the roster lacked.
pub(super) fn notes(report: &Report, t: &Labels) -> Vec<String> {
    let mut out = Vec::new();
    if !report.unknown_ids.is_empty() {
        let ids: Vec<&str> = report.unknown_ids.iter().map(String::as_str).collect();
        out.push(format!("{}: {}", t.get("report_unknown"), ids.join(", ")));
    }
    if let Some(cov) = &report.coverage {
        out.push(
            t.get("rp_roster_note")
                .replace("{people}", &cov.people.to_string())
                .replace(
                    "{today}",
                    &cov.today.map(|d| d.to_string()).unwrap_or_default(),
                ),
        );
        if !cov.unknown_roles.is_empty() {
            let roles: Vec<&str> = cov.unknown_roles.iter().map(String::as_str).collect();
            out.push(format!(
                "{}: {}",
                t.get("rp_unknown_roles"),
                roles.join(", ")
            ));
        }
        if cov.no_start_date > 0 {
            out.push(
                t.get("rp_no_start")
                    .replace("{n}", &cov.no_start_date.to_string()),
            );
        }
    }
    out
}
