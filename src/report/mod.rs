//! `styrdok report`: reads what `training.report_endpoint` collected (a
//! CSV export, SPEC §4; other readers can produce the same [`Completion`]
//! records) and reports, per module and per unit, who passed, how much
//! people learned and kept, which questions they miss, and — with a
//! roster (SPEC §7) — coverage and who is overdue. It sits beside the
//! build pipeline: it loads the validated site for the modules' current
//! versions and quizzes, streams the results through a [`Tally`], and
//! writes Markdown, CSV or HTML. [`followup`] turns the same counts into
//! the site's aggregate follow-up page.
//!
//! Counting rules, documented in `docs/training.md`:
//! - a person is their `person` id, else their e-mail address
//!   (case-insensitive), else their name; rows with none are skipped;
//! - a pass counts for the current version when its major version is the
//!   current one (a minor revision does not ask people to retake a module);
//!   only post-test attempts (`attempt` empty or `post`) can pass;
//! - a pass of an older major version is *outdated* and flagged;
//! - duplicates (the same person passing the same module again) count once;
//!   a person's unit is the roster's, else the one on their latest row;
//! - learning is measured on each person's first attempt of each kind.

pub mod completions;
pub mod coverage;
pub mod csv;
pub mod followup;
mod format;
mod html;
pub mod lms_csv;
pub mod roster;
pub mod svg;
pub(crate) mod tables;
pub mod tally;
pub mod xapi;

/// The one CSV-injection rule: the governance and in-force exports use it too.
pub(crate) use format::defuse;
pub use format::{render, ReportFormat};
pub use tally::{Measure, Tally};

use crate::diagnostics::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};

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

/// Which attempt a quiz result is (`attempt`, empty = post).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Attempt {
    /// Before the content: what people knew already.
    Pre = 0,
    /// After the content: the attempt that can pass the module.
    #[default]
    Post = 1,
    /// Months later (`retest_after_days`): what people kept.
    Retention = 2,
}

/// One result, whatever it was read from: the one record type every
/// reader produces and [`Tally::add`] counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Completion {
    /// Where it came from (a CSV line; 0 when the reader has none).
    pub line: usize,
    /// `quiz` or `receipt`.
    pub kind: String,
    pub id: String,
    pub version: String,
    pub passed: bool,
    /// The person's key, lowercased.
    pub person: String,
    pub unit: String,
    /// ISO 8601; compared as text.
    pub completed_at: String,
    pub attempt: Attempt,
    /// Percent right, 0–100.
    pub score: Option<f64>,
    /// Question id and whether it was answered right.
    pub answers: Vec<(String, bool)>,
}

/// Reads a whole CSV export held in memory (tests, small files); the
/// command streams instead ([`completions::read_csv`]).
pub fn read_completions(
    path: &str,
    text: &str,
) -> Result<(Vec<Completion>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let known = lms_csv::Known::default();
    let mut reader = completions::read_csv(path, text.as_bytes(), known).map_err(|d| vec![d])?;
    let rows = reader
        .by_ref()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|d| vec![d])?;
    Ok((rows, reader.warnings))
}

/// How often one question was missed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionStat {
    pub id: String,
    /// From the site's quiz; empty when no current question has the id.
    pub prompt: String,
    /// First post-test attempts that answered it, and missed it.
    pub post_answered: usize,
    pub post_missed: usize,
    /// First pre-test attempts that answered it, and missed it.
    pub pre_answered: usize,
    pub pre_missed: usize,
}

impl QuestionStat {
    /// Percent of first post-tests that missed it (item difficulty).
    pub fn missed_rate(&self) -> Option<f64> {
        (self.post_answered > 0)
            .then(|| 100.0 * self.post_missed as f64 / self.post_answered as f64)
    }
    pub fn pre_missed_rate(&self) -> Option<f64> {
        (self.pre_answered > 0).then(|| 100.0 * self.pre_missed as f64 / self.pre_answered as f64)
    }
}

/// The counts for one module (or one document, for read receipts).
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// Participation, scores and gain of everyone.
    pub measure: Measure,
    /// The same per unit.
    pub unit_measures: BTreeMap<String, Measure>,
    /// Item difficulty, most often missed first.
    pub questions: Vec<QuestionStat>,
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
    /// Unit ids seen, with their names from `site.yaml` (id itself when
    /// unknown), in [`Report::unit_rank`] order.
    pub units: Vec<(String, String)>,
    /// The unit ids of `site.yaml`, in its order: the order of every
    /// per-unit row.
    pub site_units: Vec<String>,
    /// Ids in the export that are no published module or document.
    pub unknown_ids: BTreeSet<String>,
    /// With a roster: who should have, who has, who is late.
    pub coverage: Option<coverage::Coverage>,
}

impl Report {
    /// Where a unit's rows go: in `site.yaml`'s order, then units it does
    /// not name, by id.
    pub fn unit_rank<'u>(&self, unit: &'u str) -> (usize, &'u str) {
        let at = self.site_units.iter().position(|u| u == unit);
        (
            at.unwrap_or(usize::MAX),
            if at.is_some() { "" } else { unit },
        )
    }

    /// `units` (with repeats) once each, in [`Report::unit_rank`] order.
    pub fn in_unit_order<'u>(&self, units: impl Iterator<Item = &'u String>) -> Vec<&'u String> {
        let mut units: Vec<&String> = units.collect();
        units.sort_by(|a, b| self.unit_rank(a).cmp(&self.unit_rank(b)));
        units.dedup();
        units
    }

    /// A unit's name from `site.yaml`, else its id.
    pub fn unit_name(&self, unit: &str) -> Option<&str> {
        self.units
            .iter()
            .find(|(id, _)| id == unit)
            .map(|(_, n)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Version;

    fn row(person: &str, version: &str, passed: bool, unit: &str, at: &str) -> Completion {
        Completion {
            kind: "quiz".into(),
            id: "M-1".into(),
            version: version.into(),
            passed,
            person: person.into(),
            unit: unit.into(),
            completed_at: at.into(),
            ..Default::default()
        }
    }

    fn tally(rows: &[Completion]) -> Report {
        let mut t = Tally::empty("Site", "e.csv");
        t.add_module(
            "M-1",
            "Grund",
            Version { major: 2, minor: 1 },
            Default::default(),
        );
        for r in rows {
            t.add(r);
        }
        t.finish(&|_| None).0
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
        let r = tally(&rows);
        let c = &r.modules[0];
        assert_eq!(c.current, 3, "{c:?}");
        assert_eq!(r.duplicates, 1);
        assert_eq!(c.failed, 1);
        assert_eq!(c.outdated, 1);
        assert_eq!(c.outdated_versions.get("1.0"), Some(&1));
        assert_eq!(c.by_unit.get("sof"), Some(&1));
        assert_eq!(c.by_unit.get("klf"), Some(&2));
        assert_eq!((c.measure.participants, c.measure.passed), (4, 3));
    }

    #[test]
    fn first_attempts_of_each_kind_measure_gain_retention_and_difficulty() {
        let scored =
            |p: &str, a: Attempt, score: f64, at: &str, answers: &[(&str, bool)]| Completion {
                attempt: a,
                score: Some(score),
                answers: answers.iter().map(|(q, r)| (q.to_string(), *r)).collect(),
                ..row(p, "2.0", score >= 80.0, "klf", at)
            };
        let rows = [
            scored(
                "a",
                Attempt::Pre,
                40.0,
                "2026-01-01",
                &[("q-1", false), ("q-2", true)],
            ),
            // A retry comes later and does not count; the first post is 60.
            scored(
                "a",
                Attempt::Post,
                100.0,
                "2026-01-03",
                &[("q-1", true), ("q-2", true)],
            ),
            scored(
                "a",
                Attempt::Post,
                60.0,
                "2026-01-02",
                &[("q-1", false), ("q-2", true)],
            ),
            scored("a", Attempt::Retention, 50.0, "2026-06-01", &[]),
            scored(
                "b",
                Attempt::Pre,
                20.0,
                "2026-01-01",
                &[("q-1", false), ("q-2", false)],
            ),
            scored(
                "b",
                Attempt::Post,
                80.0,
                "2026-01-02",
                &[("q-1", true), ("q-2", false)],
            ),
            // No pre-test: counts for participation, not for gain.
            scored("c", Attempt::Post, 90.0, "2026-01-02", &[("q-1", true)]),
        ];
        let r = tally(&rows);
        let m = &r.modules[0].measure;
        assert_eq!(
            (m.participants, m.passed, m.paired, m.retained),
            (3, 3, 2, 1)
        );
        assert_eq!(m.pre_mean(), Some(30.0));
        assert_eq!(m.post_mean(), Some(70.0));
        assert_eq!(m.gain(), Some(40.0));
        assert_eq!(m.retention_mean(), Some(50.0));
        assert_eq!(m.retention_change(), Some(-10.0));
        let q = &r.modules[0].questions;
        assert_eq!(q[0].id, "q-2", "{q:?}");
        assert_eq!((q[0].post_answered, q[0].post_missed), (2, 1));
        assert_eq!(
            (q[1].post_answered, q[1].post_missed, q[1].pre_missed),
            (3, 1, 2)
        );
        // A pre-test pass is no completion.
        let r = tally(&[scored("z", Attempt::Pre, 100.0, "2026-01-01", &[])]);
        assert_eq!(r.modules[0].current, 0);
    }
}
