//! `styrdok report`: reads a CSV export of what `training.report_endpoint`
//! collected (SPEC §4) and counts, per module and per unit, the distinct
//! people who passed the module's current version. It sits beside the
//! build pipeline: it loads the validated site for the modules' current
//! versions, then reads the export and writes a table (Markdown, CSV, HTML).
//!
//! Counting rules, documented in `docs/training.md`:
//! - a person is their e-mail address (case-insensitive), else their name;
//!   rows with neither are skipped and counted;
//! - a pass counts for the current version when its major version is the
//!   current one (a minor revision does not ask people to retake a module);
//! - a pass of an older major version is *outdated* and flagged;
//! - duplicates (the same person passing the same module again) count once;
//!   a person's unit is the one on their latest passing row.

pub mod csv;
mod format;

/// The one CSV-injection rule: the governance and in-force exports use it too.
pub(crate) use format::defuse;
pub use format::{render, ReportFormat};

use crate::diagnostics::Diagnostic;
use crate::model::{Kind, Version};
use crate::site::{order_key, Site};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The columns SPEC §4 names, in the order the quiz page posts them.
pub const FIELDS: &[&str] = &[
    "kind",
    "id",
    "version",
    "score",
    "passed",
    "name",
    "email",
    "unit",
    "role",
    "completed_at",
];

/// One row of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub line: usize,
    pub kind: String,
    pub id: String,
    pub version: String,
    pub passed: bool,
    pub person: String,
    pub unit: String,
    pub completed_at: String,
}

/// Reads the export. Rows that cannot count (no person, an unknown kind, a
/// `passed` that is not true/false) are skipped with a warning; a file that
/// is not CSV, or lacks a needed column, is an error.
pub fn read_completions(
    path: &str,
    text: &str,
) -> Result<(Vec<Completion>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let records = csv::parse(text)
        .map_err(|e| vec![Diagnostic::error(path, e.message).at(text, e.line, 1)])?;
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![Diagnostic::error(
            path,
            "the file is empty; it needs a header row",
        )]);
    };
    let column: HashMap<String, usize> = header
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.trim().to_lowercase(), i))
        .collect();
    let missing: Vec<&str> = ["kind", "id", "version", "passed"]
        .into_iter()
        .filter(|c| !column.contains_key(*c))
        .collect();
    if !missing.is_empty() || !(column.contains_key("email") || column.contains_key("name")) {
        let mut need = missing.join(", ");
        if !(column.contains_key("email") || column.contains_key("name")) {
            need.push_str(if need.is_empty() {
                "email or name"
            } else {
                ", email or name"
            });
        }
        return Err(vec![Diagnostic::error(
            path,
            format!("the header row lacks the column(s) {need}"),
        )
        .at(text, header.line, 1)
        .with_hint(format!("the columns are {}", FIELDS.join(",")))]);
    }
    let get = |r: &csv::Record, name: &str| -> String {
        column
            .get(name)
            .and_then(|&i| r.fields.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut warnings = Vec::new();
    let mut out = Vec::new();
    for r in rows {
        let warn = |msg: String| Diagnostic::warning(path, msg).at(text, r.line, 1);
        let kind = get(r, "kind").to_lowercase();
        if kind != "quiz" && kind != "receipt" {
            warnings.push(warn(format!(
                "kind is `{kind}`, not quiz or receipt; row skipped"
            )));
            continue;
        }
        let passed = match get(r, "passed").to_lowercase().as_str() {
            "true" | "1" | "yes" | "ja" => true,
            "false" | "0" | "no" | "nej" => false,
            // A read receipt is itself the confirmation.
            "" if kind == "receipt" => true,
            other => {
                warnings.push(warn(format!(
                    "passed is `{other}`, not true or false; row skipped"
                )));
                continue;
            }
        };
        let email = get(r, "email").to_lowercase();
        let person = if email.is_empty() {
            get(r, "name").to_lowercase()
        } else {
            email
        };
        if person.is_empty() || get(r, "id").is_empty() {
            warnings.push(warn("no e-mail, name or id; row skipped".into()));
            continue;
        }
        out.push(Completion {
            line: r.line,
            kind,
            id: get(r, "id"),
            version: get(r, "version"),
            passed,
            person,
            unit: get(r, "unit"),
            completed_at: get(r, "completed_at"),
        });
    }
    Ok((out, warnings))
}

/// The counts for one module (or one document, for read receipts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemCount {
    pub id: String,
    pub title: String,
    pub current_version: String,
    /// Distinct people who passed (read) the current version.
    pub current: usize,
    /// Distinct people whose only passes are of an older version.
    pub outdated: usize,
    /// Distinct people who tried the current version and never passed.
    pub failed: usize,
    /// Unit id → distinct people who passed the current version.
    pub by_unit: BTreeMap<String, usize>,
    /// Older version → distinct people whose newest pass is that version.
    pub outdated_versions: BTreeMap<String, usize>,
}

/// The whole report.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub site_title: String,
    pub source: String,
    pub rows: usize,
    /// Rows repeating a pass already counted.
    pub duplicates: usize,
    pub modules: Vec<ItemCount>,
    pub documents: Vec<ItemCount>,
    /// Unit ids seen, with their names from `site.yaml` (id itself when unknown).
    pub units: Vec<(String, String)>,
    /// Ids in the export that are no published module or document.
    pub unknown_ids: BTreeSet<String>,
}

/// Does a result for `version` count for `current`? Modules: same major
/// version. Documents (read receipts): the exact version.
fn counts_for(version: &str, current: Version, exact: bool) -> bool {
    match Version::parse(version) {
        Some(v) if exact => v == current,
        Some(v) => v.major == current.major,
        None => false,
    }
}

/// Counts the completions against the site's published modules and documents.
pub fn compute(site: &Site, source: &str, rows: &[Completion]) -> Report {
    let mut report = Report {
        site_title: site.config.title.clone(),
        source: source.to_string(),
        rows: rows.len(),
        ..Default::default()
    };
    let mut ids: Vec<usize> = site
        .published_docs()
        .filter(|&i| !site.docs[i].is_section && site.docs[i].version.is_some())
        .collect();
    ids.sort_by(|&a, &b| {
        let (da, db) = (&site.docs[a], &site.docs[b]);
        (crate::site::kind_rank(da.kind.tag()), order_key(da))
            .cmp(&(crate::site::kind_rank(db.kind.tag()), order_key(db)))
    });
    let mut units = BTreeSet::new();
    for i in ids {
        let d = &site.docs[i];
        let (kind, exact) = match d.kind.tag() {
            Kind::Module => ("quiz", false),
            k if k.is_governing() => ("receipt", true),
            _ => continue,
        };
        let id = d.id.clone().unwrap_or_default();
        let of_item: Vec<&Completion> = rows
            .iter()
            .filter(|c| c.kind == kind && c.id == id)
            .collect();
        if of_item.is_empty() && kind == "receipt" {
            continue;
        }
        let current = d.version.unwrap_or(Version { major: 0, minor: 0 });
        let (count, dups) = count_item(&of_item, current, exact);
        report.duplicates += dups;
        units.extend(count.by_unit.keys().cloned());
        let count = ItemCount {
            id,
            title: d.title.clone(),
            current_version: current.to_string(),
            ..count
        };
        if kind == "quiz" {
            report.modules.push(count);
        } else {
            report.documents.push(count);
        }
    }
    let known: BTreeSet<&str> = report
        .modules
        .iter()
        .chain(&report.documents)
        .map(|m| m.id.as_str())
        .collect();
    report.unknown_ids = rows
        .iter()
        .filter(|c| !known.contains(c.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    report.units = units
        .into_iter()
        .map(|u| {
            let name = site
                .config
                .unit(&u)
                .map_or_else(|| u.clone(), |x| x.name.clone());
            (u, name)
        })
        .collect();
    report
}

/// Counts one module's (document's) rows; returns the counts and the number
/// of duplicate passes.
fn count_item(rows: &[&Completion], current: Version, exact: bool) -> (ItemCount, usize) {
    // person → (latest completed_at, unit) of a current pass.
    let mut passed: HashMap<&str, (&str, &str)> = HashMap::new();
    // person → (newest older version, its completed_at).
    let mut older: HashMap<&str, (Version, &str)> = HashMap::new();
    let mut tried: BTreeSet<&str> = BTreeSet::new();
    let mut dups = 0;
    for c in rows {
        let is_current = counts_for(&c.version, current, exact);
        if !c.passed {
            if is_current {
                tried.insert(&c.person);
            }
            continue;
        }
        if is_current {
            match passed.get_mut(c.person.as_str()) {
                Some(entry) => {
                    dups += 1;
                    if c.completed_at.as_str() >= entry.0 {
                        *entry = (&c.completed_at, &c.unit);
                    }
                }
                None => {
                    passed.insert(&c.person, (&c.completed_at, &c.unit));
                }
            }
        } else if let Some(v) = Version::parse(&c.version).filter(|&v| v < current) {
            let e = older.entry(&c.person).or_insert((v, &c.completed_at));
            if v > e.0 {
                *e = (v, &c.completed_at);
            }
        }
    }
    let mut count = ItemCount {
        current: passed.len(),
        ..Default::default()
    };
    for (_, unit) in passed.values() {
        *count.by_unit.entry(unit.to_string()).or_default() += 1;
    }
    for (person, (v, _)) in &older {
        if !passed.contains_key(person) {
            count.outdated += 1;
            *count.outdated_versions.entry(v.to_string()).or_default() += 1;
        }
    }
    count.failed = tried.iter().filter(|p| !passed.contains_key(*p)).count();
    (count, dups)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(person: &str, version: &str, passed: bool, unit: &str, at: &str) -> Completion {
        Completion {
            line: 0,
            kind: "quiz".into(),
            id: "M-1".into(),
            version: version.into(),
            passed,
            person: person.into(),
            unit: unit.into(),
            completed_at: at.into(),
        }
    }

    #[test]
    fn duplicates_failures_and_outdated_versions() {
        let rows = [
            row("a", "2.0", true, "klf", "2026-01-01"),
            row("a", "2.1", true, "sof", "2026-02-01"), // duplicate, newer unit
            row("b", "2.0", false, "klf", "2026-01-01"),
            row("b", "1.0", true, "klf", "2025-01-01"), // outdated only
            row("c", "2.0", false, "klf", "2026-01-01"),
            row("c", "2.0", true, "klf", "2026-01-02"), // failed then passed
            row("d", "1.0", true, "klf", "2025-01-01"),
            row("d", "2.0", true, "klf", "2026-01-01"), // older pass does not flag
        ];
        let refs: Vec<&Completion> = rows.iter().collect();
        let (c, dups) = count_item(&refs, Version { major: 2, minor: 1 }, false);
        assert_eq!(c.current, 3, "{c:?}");
        assert_eq!(dups, 1);
        assert_eq!(c.failed, 1);
        assert_eq!(c.outdated, 1);
        assert_eq!(c.outdated_versions.get("1.0"), Some(&1));
        assert_eq!(c.by_unit.get("sof"), Some(&1));
        assert_eq!(c.by_unit.get("klf"), Some(&2));
    }

    #[test]
    fn header_columns_in_any_order_and_bad_rows_warned() {
        let text = "Email,extra,ID,kind,passed,version,unit\nA@x.se,,M-1,quiz,true,1.0,klf\nb@x.se,,M-1,quiz,maybe,1.0,klf\n,,M-1,quiz,true,1.0,klf\n";
        let (rows, warnings) = read_completions("e.csv", text).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].person, "a@x.se");
        assert_eq!(rows[0].line, 2);
        let w: Vec<String> = warnings.iter().map(|d| d.location()).collect();
        assert_eq!(w, ["e.csv:3:1", "e.csv:4:1"]);
        let e = read_completions("e.csv", "kind,id\n").unwrap_err();
        assert!(
            e[0].message.contains("version, passed, email or name"),
            "{}",
            e[0].message
        );
    }
}
