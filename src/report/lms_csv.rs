//! The results export of a learning platform (issue #19 point 3): the CSV
//! file a Moodle-, Cornerstone- or Docebo-style LMS writes of its SCORM
//! courses — one row per learner and course, with the learner's id or
//! e-mail, the course or package identifier, a status, a score and a
//! completion date, under headings each platform names its own way.
//!
//! Columns are found by their heading, loosely: case, spaces and
//! punctuation do not matter (`E-mail address` = `email address`), and
//! each column the report needs has a list of the names platforms use
//! ([`ROLES`]). The module and its version come from the identifier our
//! packages carry (`styrdok-M-01-v2.0`, the zip's name
//! `M-01-v2.0-scorm12.zip`, or a cmi5 activity id `…/xapi/modules/M-01/v2.0`),
//! found in any identifier-like column; a separate version column stands
//! in when the identifier has none. Each row becomes the same
//! [`Completion`] the other readers give.

mod headings;

use super::csv::{field, Header, Record};
use super::{Attempt, Completion};
use crate::messages::Message;
use crate::model::Kind;
use crate::site::Site;
use headings::{normal, Role, ROLES};

/// What the reader knows of the site: its modules (with the quiz's pass
/// mark) and its paths.
#[derive(Debug, Clone, Default)]
pub struct Known {
    modules: Vec<(String, Option<u32>)>,
    paths: Vec<String>,
}

impl Known {
    pub fn from_site(site: &Site) -> Known {
        let mut known = Known::default();
        for d in &site.docs {
            let Some(id) = d.id.clone() else { continue };
            match d.kind.tag() {
                Kind::Module => {
                    let mark = d
                        .kind
                        .module()
                        .and_then(|m| m.quiz.as_deref())
                        .and_then(|q| site.quizzes.iter().find(|quiz| quiz.id == q))
                        .map(|q| q.pass_mark);
                    known.modules.push((id, mark));
                }
                Kind::Path => known.paths.push(id),
                _ => {}
            }
        }
        known
    }

    /// The site's module `id` names (as written, or as a package spells
    /// it), with its pass mark.
    fn module(&self, id: &str) -> Option<(&str, Option<u32>)> {
        self.modules
            .iter()
            .find(|(m, _)| m == id || crate::ui::file_safe(m) == id)
            .map(|(m, mark)| (m.as_str(), *mark))
    }

    fn path(&self, id: &str) -> Option<&str> {
        self.paths
            .iter()
            .find(|p| *p == id || crate::ui::file_safe(p) == id)
            .map(String::as_str)
    }
}

/// Where the columns of a platform's export are.
#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    email: Option<usize>,
    person: Option<usize>,
    name: Option<usize>,
    first: Option<usize>,
    last: Option<usize>,
    /// Every identifier-like column, most specific first.
    ids: Vec<usize>,
    version: Option<usize>,
    status: Option<usize>,
    success: Option<usize>,
    score: Option<usize>,
    max: Option<usize>,
    /// Every date-like column, the completion date first.
    dates: Vec<usize>,
    unit: Option<usize>,
}

/// The headings accepted for each required column, for the hint.
pub(super) fn accepted() -> String {
    let names = |role: Role| {
        ROLES
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(String::new(), |(_, n)| n[..4.min(n.len())].join(", "))
    };
    format!(
        "learner: {}, …; course: {}, …; status: {}, …",
        names(Role::Email),
        names(Role::Identifier),
        names(Role::Status)
    )
}

impl Columns {
    /// Matches a header row; `Err` names the required columns it lacks.
    pub(super) fn match_header(header: &Header) -> Result<Columns, Vec<&'static str>> {
        let headings: Vec<String> = header.record.fields.iter().map(|f| normal(f)).collect();
        let all = |role: Role| -> Vec<usize> {
            let names = ROLES
                .iter()
                .find(|(r, _)| *r == role)
                .map_or(&[][..], |r| r.1);
            let mut found = Vec::new();
            for name in names {
                for (i, h) in headings.iter().enumerate() {
                    if h == name && !found.contains(&i) {
                        found.push(i);
                    }
                }
            }
            found
        };
        let one = |role: Role| all(role).first().copied();
        let c = Columns {
            email: one(Role::Email),
            person: one(Role::Person),
            name: one(Role::Name),
            first: one(Role::FirstName),
            last: one(Role::LastName),
            ids: all(Role::Identifier),
            version: one(Role::Version),
            status: one(Role::Status),
            success: one(Role::Success),
            score: one(Role::Score),
            max: one(Role::MaxScore),
            dates: all(Role::Date),
            unit: one(Role::Unit),
        };
        let mut missing = Vec::new();
        if [c.email, c.person, c.name, c.first, c.last]
            .iter()
            .all(Option::is_none)
        {
            missing.push("learner (e-mail, user id or name)");
        }
        if c.ids.is_empty() {
            missing.push("course or package identifier");
        }
        if c.status.is_none() && c.success.is_none() {
            missing.push("status");
        }
        if missing.is_empty() {
            Ok(c)
        } else {
            Err(missing)
        }
    }
}

/// What one row of a platform's export is.
#[derive(Debug)]
pub(super) enum Row {
    /// A result of one of the site's modules (or of an id the site does not
    /// have, which the report lists).
    Result(Completion),
    /// A course that is no styrdok package: another course of the platform.
    Other,
    /// A path's package: its result does not say which modules were passed.
    Path(String),
    /// Not a result yet (enrolled, in progress, not attempted).
    Open,
}

/// A row's status, from the platform's word for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Passed,
    Failed,
    Completed,
    Open,
}

/// A platform's status word (`passed`, `Completed`, `In progress`,
/// `Godkänd`, `ej godkänd`, …); `None` when it is none of them.
fn status(word: &str) -> Option<Status> {
    let s = normal(word);
    let any = |parts: &[&str]| parts.iter().any(|p| s.contains(p));
    Some(
        if any(&["fail", "underkänd", "notpass", "ejgodkänd", "integodkänd"]) {
            Status::Failed
        } else if any(&["pass", "godkänd", "godkand"]) {
            Status::Passed
        } else if s.is_empty()
            || s == "unknown"
            || any(&[
                "incomplete",
                "notcomplete",
                "notattempt",
                "notstart",
                "progress",
                "browsed",
                "regist",
                "enrol",
                "subscri",
                "assigned",
                "started",
                "påbörj",
                "pågå",
                "ejslutf",
                "ejgenomf",
                "tilldelad",
            ])
        {
            Status::Open
        } else if any(&[
            "complet",
            "slutförd",
            "genomförd",
            "klar",
            "done",
            "finished",
            "attended",
        ]) {
            Status::Completed
        } else {
            return None;
        },
    )
}

/// `styrdok-M-01-v2.0`, `M-01-v2.0-scorm12.zip`, `…/xapi/modules/M-01/v2.0`:
/// the id and version a package identifier carries. Looks at every word of
/// the value (a title such as `Grundkurs (M-01-v2.0)` carries it too).
fn package_of(value: &str) -> Option<(String, String)> {
    if let Some(rest) = value
        .rsplit_once("/xapi/modules/")
        .or_else(|| value.rsplit_once("/xapi/courses/"))
        .map(|(_, r)| r)
    {
        let (id, version) = rest.trim().rsplit_once("/v")?;
        return Some((id.to_string(), version.to_string()));
    }
    value
        .split(|c: char| c.is_whitespace() || "()[]{}\"'<>,;|".contains(c))
        .filter_map(|word| {
            let word = word.rsplit(['/', '\\']).next().unwrap_or(word);
            let lower = word.to_ascii_lowercase();
            let mut stem = &word[..word.len() - lower.strip_suffix(".zip").map_or(0, |_| 4)];
            for standard in ["-scorm12", "-scorm2004", "-cmi5"] {
                if stem.to_ascii_lowercase().ends_with(standard) {
                    stem = &stem[..stem.len() - standard.len()];
                }
            }
            let stem = stem.strip_prefix("styrdok-").unwrap_or(stem);
            let (id, version) = stem.rsplit_once("-v")?;
            let is_version = crate::model::Version::parse(version).is_some()
                || (version.len() == 8 && version.chars().all(|c| c.is_ascii_hexdigit()));
            (!id.is_empty() && is_version).then(|| (id.to_string(), version.to_string()))
        })
        .next()
}

/// `80`, `80 %`, `80,5`, or `8/10` (raw of max); with a max-score column,
/// the score is out of it.
fn score(text: &str, max: &str) -> Result<Option<f64>, Message> {
    let number = |s: &str| {
        s.trim()
            .trim_end_matches('%')
            .trim()
            .replace(',', ".")
            .parse::<f64>()
    };
    if text.is_empty() {
        return Ok(None);
    }
    let (raw, out_of) = match text.split_once('/') {
        Some((raw, out_of)) => (number(raw), Some(number(out_of))),
        None if !max.is_empty() => (number(text), Some(number(max))),
        None => (number(text), None),
    };
    let percent = match (raw, out_of) {
        (Ok(r), None) => Some(r),
        (Ok(r), Some(Ok(m))) if m > 0.0 => Some(100.0 * r / m),
        _ => None,
    };
    match percent {
        Some(p) if (0.0..=100.0).contains(&p) => Ok(Some(p)),
        _ => Err(t!(
            "score is `{text}`, not a percent from 0 to 100 or points out of a maximum; the score is left out",
            text
        )),
    }
}

/// A completion date as ISO 8601 text (the report compares dates as
/// text): `2026-11-03`, `2026-11-03 14:05`, `2026/11/03`, `3.11.2026`.
fn iso_date(text: &str) -> Option<String> {
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((d, t)) => (d, t.trim()),
        None => (text, ""),
    };
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else { return None };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let day = crate::model::Date::from_ymd_opt(y, m, d)?;
    let time = time.trim_end_matches('Z');
    let time_ok = time.is_empty()
        || time
            .split(':')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c == '.'));
    if !time_ok {
        return None;
    }
    Some(if time.is_empty() {
        day.to_string()
    } else {
        format!("{day}T{time}")
    })
}

impl Columns {
    /// The person's key (lowercased): the e-mail address, else the user
    /// id, else the name (first and last name when split).
    fn person(&self, r: &Record) -> String {
        let full = format!("{} {}", field(r, self.first), field(r, self.last));
        let keys = [
            field(r, self.email),
            field(r, self.person),
            field(r, self.name),
            full.trim(),
        ];
        keys.iter()
            .find(|k| !k.is_empty())
            .map_or(String::new(), |k| k.to_lowercase())
    }

    /// The module and version the row is for, from the first identifier
    /// column that names a package, else a module id with the version column.
    fn package(&self, r: &Record, known: &Known) -> Option<(String, String)> {
        let found = self.ids.iter().find_map(|&i| package_of(field(r, Some(i))));
        if found.is_some() {
            return found;
        }
        let version = field(r, self.version);
        self.ids
            .iter()
            .map(|&i| field(r, Some(i)))
            .find_map(|v| known.module(v).map(|(id, _)| id.to_string()))
            .filter(|_| !version.is_empty())
            .map(|id| (id, version.to_string()))
    }

    /// Reads one row. `Ok` with what the row is; `Err` with a warning when
    /// it cannot count (the row is skipped). A bad score or date only
    /// leaves that value out, with a warning in `notes`.
    /// The row's completion date as ISO 8601 text, from the first date
    /// column that has one; empty (with a note) when it is no date.
    fn completed_at(&self, r: &Record, notes: &mut Vec<Message>) -> String {
        let date = self
            .dates
            .iter()
            .map(|&i| field(r, Some(i)))
            .find(|d| !d.is_empty())
            .unwrap_or("");
        match iso_date(date) {
            Some(d) => d,
            None if date.is_empty() => String::new(),
            None => {
                notes.push(t!(
                    "the completion date `{date}` is not a date YYYY-MM-DD; the date is left out",
                    date
                ));
                String::new()
            }
        }
    }

    pub(super) fn row(
        &self,
        r: &Record,
        known: &Known,
        notes: &mut Vec<Message>,
    ) -> Result<Row, Message> {
        let Some((raw_id, version)) = self.package(r, known) else {
            return Ok(Row::Other);
        };
        if let Some(path) = known.path(&raw_id) {
            return Ok(Row::Path(path.to_string()));
        }
        let (id, pass_mark) = known
            .module(&raw_id)
            .map_or((raw_id.clone(), None), |(id, mark)| (id.to_string(), mark));
        let person = self.person(r);
        if person.is_empty() {
            return Err(t!("no e-mail, user id or name; row skipped"));
        }
        let word = field(r, self.status);
        let status_of = |w: &str| {
            status(w).ok_or_else(|| {
                t!(
                    "the status `{w}` is none of passed, failed, completed or in progress; row skipped",
                    w
                )
            })
        };
        let success = match field(r, self.success) {
            "" => Status::Open,
            w => status_of(w)?,
        };
        let state = match success {
            Status::Passed | Status::Failed => success,
            _ => status_of(word)?,
        };
        let score = score(field(r, self.score), field(r, self.max)).unwrap_or_else(|m| {
            notes.push(m);
            None
        });
        let passed = match state {
            Status::Open => return Ok(Row::Open),
            Status::Passed => true,
            Status::Failed => false,
            // Completed, with no success status: passed, unless a score
            // under the module's pass mark says otherwise.
            Status::Completed => match (score, pass_mark) {
                (Some(s), Some(mark)) => s >= f64::from(mark),
                _ => true,
            },
        };
        let completed_at = self.completed_at(r, notes);
        Ok(Row::Result(Completion {
            line: r.line,
            kind: "quiz".into(),
            id,
            version,
            passed,
            person,
            unit: field(r, self.unit).to_string(),
            completed_at,
            attempt: Attempt::Post,
            score,
            answers: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_our_packages_carry() {
        let p = |s: &str| package_of(s).map(|(a, b)| format!("{a}@{b}"));
        assert_eq!(p("styrdok-M-01-v2.0").as_deref(), Some("M-01@2.0"));
        assert_eq!(p("M-01-v2.0-scorm12.zip").as_deref(), Some("M-01@2.0"));
        assert_eq!(
            p("scorm/M-01-v2.0-SCORM2004.ZIP").as_deref(),
            Some("M-01@2.0")
        );
        assert_eq!(
            p("Grundkurs (styrdok-M-01-v2.1)").as_deref(),
            Some("M-01@2.1")
        );
        assert_eq!(
            p("https://lis.example.se/xapi/modules/M-01/v2.0").as_deref(),
            Some("M-01@2.0")
        );
        assert_eq!(p("styrdok-V-1-v3f9c01a2").as_deref(), Some("V-1@3f9c01a2"));
        assert_eq!(p("Brandskydd grundkurs"), None);
        assert_eq!(p("GDPR-vt2026"), None);
    }

    #[test]
    fn status_words_of_several_platforms() {
        use Status::*;
        for (w, s) in [
            ("passed", Passed),
            ("Completed", Completed),
            ("Not passed", Failed),
            ("FAILED", Failed),
            ("In Progress", Open),
            ("incomplete", Open),
            ("not attempted", Open),
            ("Godkänd", Passed),
            ("ej godkänd", Failed),
            ("Slutförd", Completed),
            ("Registered", Open),
        ] {
            assert_eq!(status(w), Some(s), "{w}");
        }
        assert_eq!(status("42"), None);
    }

    #[test]
    fn scores_and_dates() {
        assert_eq!(score("80 %", "").unwrap(), Some(80.0));
        assert_eq!(score("8/10", "").unwrap(), Some(80.0));
        assert_eq!(score("9", "12").unwrap(), Some(75.0));
        assert!(score("120", "").is_err());
        assert_eq!(
            iso_date("2026-11-03 14:05").as_deref(),
            Some("2026-11-03T14:05")
        );
        assert_eq!(iso_date("3.11.2026").as_deref(), Some("2026-11-03"));
        assert_eq!(iso_date("2026/11/03").as_deref(), Some("2026-11-03"));
        assert_eq!(
            iso_date("2026-11-03T14:05:00Z").as_deref(),
            Some("2026-11-03T14:05:00")
        );
        assert_eq!(iso_date("Nov 3, 2026"), None);
        assert_eq!(iso_date("2026-13-01"), None);
    }
}
