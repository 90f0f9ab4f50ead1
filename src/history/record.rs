//! The in-force record: for every published governing document, each of
//! its versions with the days it was in force — the versions from before
//! the repository (front matter `history`, with their dates), the older
//! versions from git and the current one, ended by the next version, by
//! the version's own `valid_until` or by `retired_on`. `gallande/` and its
//! consolidated view answer "what was in force on day D" from this alone.
//!
//! The record is honest about what it does not know: a version without a
//! date cannot be placed, a retired document that does not say since when
//! has an open end, and a document whose oldest known version is not its
//! first (above 1.0) has an unknown past. [`Record::complete_from`] is the
//! first day from which every answer is complete.

use super::History;
use crate::model::{Date, Document, Version};
use crate::site::Site;

pub use crate::site::{own_end, End};

/// Where a version of the record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `history[k]` of the current file: no page of its own.
    Before(usize),
    /// `DocHistory::old[k]`: its page is `<doc>/vV/`.
    Git(usize),
    /// The current version.
    Current,
}

/// One version of one document and its days in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub version: String,
    /// The first day in force (`None`: the record has no date for it).
    pub from: Option<Date>,
    pub end: End,
    pub source: Source,
}

/// Was a version in force on `day`? `None`: the record cannot tell.
impl Period {
    pub fn in_force_on(&self, day: Date) -> Option<bool> {
        let from = self.from?;
        if day < from {
            return Some(false);
        }
        match self.end {
            End::Open => Some(true),
            End::On(to) => Some(day < to),
            End::Unknown => None,
        }
    }

    /// The last day in force, when the record knows it.
    pub fn last_day(&self) -> Option<Date> {
        match self.end {
            End::On(to) => to.pred_opt(),
            _ => None,
        }
    }
}

/// The versions of one document, oldest first.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub doc: usize,
    pub periods: Vec<Period>,
    /// The oldest known version is the document's first (1.0 or lower)
    /// and has a date: nothing before it is missing.
    pub complete: bool,
}

/// What the record says about one document on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDay {
    /// `periods[k]` was in force.
    InForce(usize),
    NotInForce,
    /// The record cannot tell (an undated version, an open end, or a day
    /// before a document's known versions when older ones are missing).
    Unknown,
}

impl Timeline {
    /// The first day of the oldest dated version.
    pub fn first_day(&self) -> Option<Date> {
        self.periods.iter().filter_map(|p| p.from).min()
    }

    pub fn on(&self, day: Date) -> OnDay {
        let mut found = None;
        let mut unknown = false;
        // An undated version came after the dated one before it.
        let mut after: Option<Date> = None;
        for (k, p) in self.periods.iter().enumerate() {
            let state = match p.from {
                Some(from) => {
                    after = Some(from);
                    p.in_force_on(day)
                }
                None if after.is_some_and(|a| day < a) => Some(false),
                None => match p.end {
                    End::On(to) if day >= to => Some(false),
                    _ => None,
                },
            };
            match state {
                Some(true) => found = Some(k),
                Some(false) => {}
                None => unknown = true,
            }
        }
        if let Some(k) = found {
            return OnDay::InForce(k);
        }
        let before_known = self.first_day().is_none_or(|f| day < f);
        if unknown || (before_known && !self.complete) {
            OnDay::Unknown
        } else {
            OnDay::NotInForce
        }
    }
}

/// Every published governing document's timeline, in reading order.
#[derive(Debug, Clone)]
pub struct Record {
    pub docs: Vec<Timeline>,
}

impl Record {
    /// The first day the record knows anything about.
    pub fn begins(&self) -> Option<Date> {
        self.docs.iter().filter_map(Timeline::first_day).min()
    }

    /// The first day from which no document's past is missing: the later
    /// of [`Record::begins`] and the first known day of every document
    /// whose older versions are missing.
    pub fn complete_from(&self) -> Option<Date> {
        let incomplete = self
            .docs
            .iter()
            .filter(|t| !t.complete)
            .filter_map(Timeline::first_day)
            .max();
        self.begins().max(incomplete)
    }
}

/// The earlier of a version's own end and the next version's start.
fn ended_by(own: End, next_from: Option<Date>, has_next: bool) -> End {
    if !has_next {
        return own;
    }
    match (own, next_from) {
        (End::On(a), Some(b)) => End::On(a.min(b)),
        (_, Some(b)) => End::On(b),
        (End::On(a), None) => End::On(a),
        (_, None) => End::Unknown,
    }
}

fn effective(doc: &Document) -> Option<Date> {
    let g = doc.kind.governing()?;
    g.effective_from.or(g.approved_on)
}

/// The timeline of governing document `i`.
pub fn timeline(site: &Site, history: Option<&History>, i: usize) -> Timeline {
    let doc = &site.docs[i];
    let hist = history.and_then(|h| h.of(i));
    let old = hist.map_or(&[][..], |h| h.old.as_slice());
    let number = |d: &Document| d.version.map(|x| x.to_string()).unwrap_or_default();
    // Each version with its own end (before the next version ends it),
    // oldest first.
    let mut known: Vec<(Option<Version>, Period)> = Vec::new();
    let oldest = old.first().and_then(|v| v.doc.version).or(doc.version);
    if let Some(g) = doc.kind.governing() {
        let mut before: Vec<(usize, Option<Version>)> = g
            .history
            .iter()
            .enumerate()
            .map(|(k, h)| (k, Version::parse(&h.version)))
            .filter(|(_, v)| v.is_some() && *v < oldest)
            .collect();
        before.sort_by_key(|(_, v)| *v);
        known.extend(before.into_iter().map(|(k, v)| {
            let h = &g.history[k];
            let period = Period {
                version: h.version.clone(),
                from: h.day,
                end: End::Open,
                source: Source::Before(k),
            };
            (v, period)
        }));
    }
    known.extend(old.iter().enumerate().map(|(k, v)| {
        let period = Period {
            version: number(&v.doc),
            from: v.valid_from,
            end: own_end(&v.doc),
            source: Source::Git(k),
        };
        (v.doc.version, period)
    }));
    let current = Period {
        version: number(doc),
        from: hist.and_then(|h| h.current_from).or(effective(doc)),
        end: own_end(doc),
        source: Source::Current,
    };
    known.push((doc.version, current));
    let first = Version { major: 1, minor: 0 };
    let complete = known
        .first()
        .is_some_and(|(v, p)| v.is_some_and(|v| v <= first) && p.from.is_some());
    let n = known.len();
    let next_from: Vec<Option<Date>> = (0..n)
        .map(|k| known.get(k + 1).and_then(|(_, p)| p.from))
        .collect();
    let periods = known
        .into_iter()
        .enumerate()
        .map(|(k, (_, mut p))| {
            p.end = ended_by(p.end, next_from[k], k + 1 < n);
            p
        })
        .collect();
    Timeline {
        doc: i,
        periods,
        complete,
    }
}

/// The record of every published governing document, in `order`.
pub fn record(site: &Site, history: Option<&History>, order: &[usize]) -> Record {
    Record {
        docs: order.iter().map(|&i| timeline(site, history, i)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn period(version: &str, from: Option<&str>, end: End) -> Period {
        Period {
            version: version.into(),
            from: from.map(day),
            end,
            source: Source::Current,
        }
    }

    fn line(periods: Vec<Period>, complete: bool) -> Timeline {
        Timeline {
            doc: 0,
            periods,
            complete,
        }
    }

    #[test]
    fn a_version_is_in_force_from_its_first_day_until_the_next_starts() {
        let t = line(
            vec![
                period("1.0", Some("2022-03-24"), End::On(day("2025-07-01"))),
                period("2.0", Some("2025-07-01"), End::Open),
            ],
            true,
        );
        assert_eq!(t.on(day("2022-03-23")), OnDay::NotInForce);
        assert_eq!(t.on(day("2022-03-24")), OnDay::InForce(0));
        assert_eq!(t.on(day("2025-06-30")), OnDay::InForce(0));
        assert_eq!(t.on(day("2025-07-01")), OnDay::InForce(1));
        assert_eq!(t.periods[0].last_day(), Some(day("2025-06-30")));
    }

    #[test]
    fn what_the_record_does_not_know_is_unknown() {
        // Oldest known version 1.2: its past is missing.
        let t = line(vec![period("1.2", Some("2021-05-10"), End::Unknown)], false);
        assert_eq!(t.on(day("2021-01-01")), OnDay::Unknown);
        assert_eq!(t.on(day("2022-01-01")), OnDay::Unknown, "retired, no date");
        let t = line(
            vec![
                period("1.0", Some("2020-01-01"), End::Unknown),
                period("1.1", None, End::On(day("2024-01-01"))),
                period("2.0", Some("2024-01-01"), End::Open),
            ],
            true,
        );
        assert_eq!(t.on(day("2019-12-31")), OnDay::NotInForce);
        assert_eq!(t.on(day("2022-01-01")), OnDay::Unknown);
        assert_eq!(t.on(day("2024-02-01")), OnDay::InForce(2));
    }

    #[test]
    fn the_record_is_complete_from_the_latest_start_of_a_document_with_gaps() {
        let complete = line(vec![period("1.0", Some("2022-03-24"), End::Open)], true);
        let gap = line(vec![period("1.2", Some("2023-05-10"), End::Open)], false);
        let r = Record {
            docs: vec![complete.clone()],
        };
        assert_eq!(r.begins(), Some(day("2022-03-24")));
        assert_eq!(r.complete_from(), Some(day("2022-03-24")));
        let r = Record {
            docs: vec![complete, gap],
        };
        assert_eq!(r.begins(), Some(day("2022-03-24")));
        assert_eq!(r.complete_from(), Some(day("2023-05-10")));
    }

    #[test]
    fn own_ends_come_from_valid_until_and_retired_on() {
        let on = |s: &str| End::On(day(s));
        assert_eq!(
            ended_by(End::Open, Some(day("2024-01-01")), true),
            on("2024-01-01")
        );
        assert_eq!(
            ended_by(on("2023-01-01"), Some(day("2024-01-01")), true),
            on("2023-01-01")
        );
        assert_eq!(ended_by(End::Open, None, true), End::Unknown);
        assert_eq!(ended_by(on("2023-01-01"), None, false), on("2023-01-01"));
    }
}
