//! The Statement of Applicability (uttalande om tillämplighet, ISO/IEC
//! 27001 6.1.3 d): for each Annex A control whether it applies, why,
//! how far it is implemented, who answers for it, by when, and which
//! governing documents implement it.
//!
//! It is a governing document like any other — a policy, guideline or rule
//! with version, owner, approval and history — whose front matter carries
//! an `applicability:` list, so it gets older versions from git and
//! changes pages for free. This module reads that list (one entry at a
//! time, each problem at its line); [`crate::site::soa`] checks it against the
//! whole site (document ids, excluded controls that documents cite,
//! passed target dates) and merges in the documents' own `iso27001` lists.

pub mod merged;

use crate::diagnostics::Diagnostic;
use crate::frontmatter::Located;
use chrono::NaiveDate as Date;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How far an applicable control is implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Implementation {
    Done,
    InProgress,
    Planned,
    NotStarted,
}

impl Implementation {
    /// The values written in the file (Swedish, as the officials speak).
    pub const WRITTEN: [(&'static str, Implementation); 4] = [
        ("genomförd", Implementation::Done),
        ("pågår", Implementation::InProgress),
        ("planerad", Implementation::Planned),
        ("ej påbörjad", Implementation::NotStarted),
    ];

    pub fn parse(text: &str) -> Option<Implementation> {
        let text = text.trim().to_lowercase();
        Self::WRITTEN
            .iter()
            .find(|(w, _)| *w == text)
            .map(|&(_, i)| i)
    }

    /// Stable key for labels, CSS classes and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Implementation::Done => "done",
            Implementation::InProgress => "in_progress",
            Implementation::Planned => "planned",
            Implementation::NotStarted => "not_started",
        }
    }
}

/// One control's entry, as written under `applicability:`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApplicability {
    /// A string; an unquoted number is read from its line (`5.10` ≠ `5.1`).
    pub control: serde_json::Value,
    /// `true`/`false`, or `ja`/`nej`.
    pub applicable: serde_json::Value,
    #[serde(default)]
    pub justification: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub responsible: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub documents: Option<Vec<String>>,
}

/// One control's entry, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicability {
    pub control: String,
    pub applicable: bool,
    pub justification: String,
    /// Absent for an excluded control.
    pub status: Option<Implementation>,
    /// The role that answers for the control.
    pub responsible: String,
    pub target: Option<Date>,
    /// Ids of the documents that implement it, as the SoA lists them.
    pub documents: Vec<String>,
    /// File lines the entry spans (first and last).
    pub line: usize,
    pub end_line: usize,
}

/// The `applicability:` list of a governing document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Soa {
    pub entries: Vec<Applicability>,
}

impl Soa {
    pub fn entry(&self, control: &str) -> Option<&Applicability> {
        self.entries.iter().find(|e| e.control == control)
    }
}

/// The file lines each of the `n` entries spans; a flow list (`[…]`) or
/// one the scan cannot split puts every entry on the key's line.
fn entry_spans(loc: &Located, n: usize) -> Vec<(usize, usize)> {
    let starts = loc.item_lines("applicability");
    if starts.len() != n {
        let line = loc.key_line("applicability");
        return vec![(line, line); n];
    }
    let after = next_key_line(loc);
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| (s, starts.get(k + 1).map_or(after, |&n| n) - 1))
        .collect()
}

/// The file line after the `applicability:` block (the next top-level key,
/// or the end of the front matter).
fn next_key_line(loc: &Located) -> usize {
    let at = loc.key("applicability").map_or(0, |k| k.line);
    let next = loc.keys().iter().map(|k| k.line).filter(|&l| l > at).min();
    match next {
        Some(l) => loc.file_line(l),
        None => loc.file_line(loc.yaml().lines().count() + 1),
    }
}

/// Where `needle` first stands on lines `span` of `source` (column 1 of
/// the first line when nowhere).
pub fn find_in(source: &str, (first, last): (usize, usize), needle: &str) -> (usize, usize) {
    source
        .lines()
        .enumerate()
        .skip(first.saturating_sub(1))
        .take(last + 1 - first.min(last + 1))
        .find_map(|(i, l)| l.find(needle).map(|c| (i + 1, l[..c].chars().count() + 1)))
        .unwrap_or((first, 1))
}

/// Reads the entries, reporting each problem at its line: an unknown or
/// repeated control, a missing justification (needed both ways), a
/// missing or unknown status for an applicable control, a bad date. A
/// list that leaves controls out is a warning (the standard asks for all 93).
pub fn read(loc: &Located, raw: &[RawApplicability], diags: &mut Vec<Diagnostic>) -> Soa {
    let spans = entry_spans(loc, raw.len());
    let mut seen = HashSet::new();
    let mut entries = Vec::new();
    for (r, &span) in raw.iter().zip(&spans) {
        let Some(e) = read_entry(loc, r, span, diags) else {
            continue;
        };
        if !seen.insert(e.control.clone()) {
            let pos = find_in(loc.source(), span, "control");
            diags.push(loc.error(
                pos,
                t!(
                    "control {control} is listed twice in `applicability`",
                    control = e.control
                ),
            ));
            continue;
        }
        entries.push(e);
    }
    let missing: Vec<&str> = crate::iso27001::controls()
        .iter()
        .map(|c| c.id)
        .filter(|id| !seen.contains(*id))
        .collect();
    if !missing.is_empty() {
        let mut d = Diagnostic::warning(
            loc.path(),
            t!("the Statement of Applicability leaves out {missing} of the 93 Annex A controls: {list}", missing = missing.len(), list = shorten_list(&missing)),
        )
        .with_hint(t!("add an entry for each, with `applicable: false` and a justification if it does not apply"));
        d = loc.place(d, (loc.key_line("applicability"), 1));
        diags.push(d);
    }
    Soa { entries }
}

fn shorten_list(ids: &[&str]) -> String {
    if ids.len() <= 12 {
        ids.join(", ")
    } else {
        format!("{} …", ids[..12].join(", "))
    }
}

fn read_entry(
    loc: &Located,
    r: &RawApplicability,
    span: (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> Option<Applicability> {
    let at = |needle: &str| find_in(loc.source(), span, needle);
    let control = read_control(loc, r, &at, diags)?;
    let applicable = read_applicable(loc, r, &control, &at, diags)?;
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_string();
    let justification = text(&r.justification);
    if justification.is_empty() {
        diags.push(no_justification(loc, r, &control, applicable, &at));
    }
    let status = read_status(loc, r, &control, applicable, &at, diags);
    let target = r.target.as_deref().and_then(|t| {
        let parsed = Date::parse_from_str(t.trim(), "%Y-%m-%d").ok();
        if parsed.is_none() {
            diags.push(
                loc.error(
                    at("target"),
                    t!(
                        "`target` of control {control} is `{t}`, not a date",
                        control,
                        t
                    ),
                )
                .with_hint(t!("write dates as YYYY-MM-DD, e.g. 2026-12-31")),
            );
        }
        parsed
    });
    Some(Applicability {
        control,
        applicable,
        justification,
        status,
        responsible: text(&r.responsible),
        target,
        documents: r.documents.clone().unwrap_or_default(),
        line: span.0,
        end_line: span.1,
    })
}

/// The entry's control number, when it is one of Annex A's.
fn read_control(
    loc: &Located,
    r: &RawApplicability,
    at: &dyn Fn(&str) -> (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let control = match &r.control {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(_) => raw_token(loc.source(), at("control:"), "control:"),
        other => other.to_string(),
    };
    if crate::iso27001::control(&control).is_some() {
        return Some(control);
    }
    diags.push(
        loc.error(
            at("control"),
            t!(
                "`{control}` is not an ISO/IEC 27001:2022 Annex A control",
                control
            ),
        )
        .with_hint(crate::iso27001::hint(&control)),
    );
    None
}

/// `applicable`: true or false (ja or nej).
fn read_applicable(
    loc: &Located,
    r: &RawApplicability,
    control: &str,
    at: &dyn Fn(&str) -> (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> Option<bool> {
    let applicable = match &r.applicable {
        serde_json::Value::Bool(b) => Some(*b),
        serde_json::Value::String(s) if s.trim().eq_ignore_ascii_case("ja") => Some(true),
        serde_json::Value::String(s) if s.trim().eq_ignore_ascii_case("nej") => Some(false),
        _ => None,
    };
    if applicable.is_none() {
        diags.push(
            loc.error(
                at("applicable"),
                t!(
                    "`applicable` of control {control} must be true or false",
                    control
                ),
            )
            .with_hint(t!(
                "write `applicable: true` (ja) or `applicable: false` (nej)"
            )),
        );
    }
    applicable
}

/// An entry without a justification: needed both ways.
fn no_justification(
    loc: &Located,
    r: &RawApplicability,
    control: &str,
    applicable: bool,
    at: &dyn Fn(&str) -> (usize, usize),
) -> Diagnostic {
    let why = if applicable {
        t!("included")
    } else {
        t!("excluded")
    };
    let key = if r.justification.is_some() {
        "justification"
    } else {
        "control"
    };
    loc.error(
        at(key),
        t!(
            "control {control} has no `justification`; an {why} control needs one",
            control,
            why
        ),
    )
    .with_hint(t!(
        "say why the control applies (a risk, a law, a requirement) or why it does not"
    ))
}

/// The implementation status: required for an applicable control, one of
/// the four written values.
fn read_status(
    loc: &Located,
    r: &RawApplicability,
    control: &str,
    applicable: bool,
    at: &dyn Fn(&str) -> (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> Option<Implementation> {
    let written: Vec<&str> = Implementation::WRITTEN.iter().map(|(w, _)| *w).collect();
    let hint = t!(
        "the status is one of: {written}",
        written = written.join(", ")
    );
    match r.status.as_deref() {
        None if applicable => {
            diags.push(
                loc.error(
                    at("control"),
                    t!("applicable control {control} has no `status`", control),
                )
                .with_hint(hint),
            );
            None
        }
        None => None,
        Some(s) => {
            let parsed = Implementation::parse(s);
            if parsed.is_none() {
                diags.push(
                    loc.error(at("status"), t!("`{s}` is not an implementation status", s))
                        .with_hint(hint),
                );
            }
            parsed.filter(|_| applicable)
        }
    }
}

/// The value after `key` on the line at `pos`, as written.
fn raw_token(source: &str, (line, col): (usize, usize), key: &str) -> String {
    source
        .lines()
        .nth(line - 1)
        .map(|l| {
            let rest: String = l.chars().skip(col - 1 + key.chars().count()).collect();
            rest.split('#').next().unwrap_or("").trim().to_string()
        })
        .unwrap_or_default()
}
