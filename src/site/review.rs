//! Where a document stands and when its review is due: the one rule that
//! `check`, the document pages, the lists, the status board (and its CSV)
//! and `serve` all read, through [`Site::standing`](super::Site::standing)
//! and [`Site::review_due`](super::Site::review_due).
//!
//! A decided document is in force until its `valid_until` has passed; then
//! it is expired ("Utgången", not "Gällande") until it is revised or
//! retired. Only a document in force has a review coming up. A draft or a
//! version on review is not decided yet (its `review_by` is a plan, not a
//! deadline), and a retired or expired document is no longer in force, so
//! theirs is [`ReviewDue::None`] like a document without a date: never
//! "overdue" on the board in a `--drafts` preview, never "the review date
//! has passed" on a retired document's page, no note from `check`.

use crate::model::{Date, Document, Status};

/// How a version's time in force ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Still in force (until further notice).
    Open,
    /// The first day it is no longer in force.
    On(Date),
    /// It ended, but the record does not say when (a retired document
    /// without `retired_on`, or a next version without a date).
    Unknown,
}

/// The day a version's own file ends its time in force: the day after
/// `valid_until`, or `retired_on` for a retired document (the earlier of
/// the two); open when it says neither, unknown for a retired document
/// without a date. [`Standing::of`] and the in-force record
/// (`history::record`) both read it.
pub fn own_end(doc: &Document) -> End {
    let Some(g) = doc.kind.governing() else {
        return End::Open;
    };
    let expiry = g.valid_until.and_then(|d| d.succ_opt());
    let retired = (doc.status == Status::Retired).then_some(g.retired_on);
    match (retired, expiry) {
        (Some(Some(on)), Some(exp)) => End::On(on.min(exp)),
        (Some(Some(on)), None) => End::On(on),
        (Some(None), Some(exp)) | (None, Some(exp)) => End::On(exp),
        (Some(None), None) => End::Unknown,
        (None, None) => End::Open,
    }
}

/// Where a document stands on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// A draft or a version on review, or not a governing document.
    Undecided,
    /// `status: active` and not past `valid_until` (`until`, when set:
    /// the last day in force).
    InForce { until: Option<Date> },
    /// `status: active` but `valid_until` (`until`) has passed.
    Expired { until: Date },
    /// `status: retired`; `on` is `retired_on` when the file says it.
    Retired { on: Option<Date> },
}

impl Standing {
    /// The standing of `doc` on `today`.
    pub fn of(doc: &Document, today: Date) -> Standing {
        let Some(g) = doc.kind.governing() else {
            return Standing::Undecided;
        };
        match doc.status {
            Status::Draft | Status::Review => Standing::Undecided,
            Status::Retired => Standing::Retired { on: g.retired_on },
            Status::Active => match (own_end(doc), g.valid_until) {
                (End::On(out), Some(until)) if out <= today => Standing::Expired { until },
                _ => Standing::InForce {
                    until: g.valid_until,
                },
            },
        }
    }

    /// The status a page, list or board shows: the file's `status`, except
    /// that an expired document shows `expired`.
    pub fn shown_status(self, doc: &Document) -> &'static str {
        match self {
            Standing::Expired { .. } => "expired",
            _ => doc.status.as_str(),
        }
    }

    /// Days from `today` to the last day in force of a document in force
    /// with a `valid_until` (0: today is the last day).
    pub fn days_left(self, today: Date) -> Option<i64> {
        match self {
            Standing::InForce { until: Some(u) } => Some((u - today).num_days()),
            _ => None,
        }
    }
}

/// The review state of one document on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewDue {
    /// Nothing is due: no `review_by`, or the document is not in force.
    None,
    /// More than `review.soon_days` days left.
    Ok { days: i64 },
    /// Within `review.soon_days` days; `days` is 0 on the day itself.
    Soon { days: i64 },
    /// The date has passed; `days` is negative (−1: yesterday).
    Overdue { days: i64 },
}

impl ReviewDue {
    /// The state of `doc` on `today`; a date within `soon_days` days
    /// (inclusive) is [`ReviewDue::Soon`].
    pub fn of(doc: &Document, today: Date, soon_days: u32) -> ReviewDue {
        let review_by = doc.kind.governing().and_then(|g| g.review_by);
        let in_force = matches!(Standing::of(doc, today), Standing::InForce { .. });
        match review_by {
            Some(date) if in_force => Self::from_days((date - today).num_days(), soon_days),
            _ => ReviewDue::None,
        }
    }

    fn from_days(days: i64, soon_days: u32) -> ReviewDue {
        if days < 0 {
            ReviewDue::Overdue { days }
        } else if days <= i64::from(soon_days) {
            ReviewDue::Soon { days }
        } else {
            ReviewDue::Ok { days }
        }
    }

    /// Days until `review_by` (negative: since); `None` when nothing is due.
    pub fn days(self) -> Option<i64> {
        match self {
            ReviewDue::None => None,
            ReviewDue::Ok { days } | ReviewDue::Soon { days } | ReviewDue::Overdue { days } => {
                Some(days)
            }
        }
    }

    /// `overdue`, `soon`, `ok` or `none`: the board's `review_state`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewDue::None => "none",
            ReviewDue::Ok { .. } => "ok",
            ReviewDue::Soon { .. } => "soon",
            ReviewDue::Overdue { .. } => "overdue",
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, ReviewDue::Overdue { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(status: &str, review_by: &str) -> Document {
        doc_with(status, review_by, "")
    }

    /// A rule with `extra` lines of front matter.
    fn doc_with(status: &str, review_by: &str, extra: &str) -> Document {
        let text = format!(
            "---\ntitle: T\ntype: rule\nid: R-1\nversion: 1.0\nstatus: {status}\nowner: IT\n\
             approved_by: KD\napproved_on: 2026-01-01\nreview_by: {review_by}\nparent: P-1\n{extra}---\nText\n"
        );
        let (doc, diags) = crate::document::parse("content/r.md", "r.md", text);
        assert!(diags.is_empty(), "{diags:?}");
        doc.expect("the rule parses")
    }

    fn day(s: &str) -> Date {
        Date::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const TODAY: &str = "2026-12-01";

    fn due(status: &str, review_by: &str, soon_days: u32) -> ReviewDue {
        ReviewDue::of(&doc(status, review_by), day(TODAY), soon_days)
    }

    #[test]
    fn an_active_document_is_ok_soon_or_overdue() {
        assert_eq!(due("active", "2027-01-01", 30), ReviewDue::Ok { days: 31 });
        assert_eq!(
            due("active", "2026-12-31", 30),
            ReviewDue::Soon { days: 30 }
        );
        assert_eq!(due("active", TODAY, 30), ReviewDue::Soon { days: 0 });
        assert_eq!(
            due("active", "2026-11-30", 30),
            ReviewDue::Overdue { days: -1 }
        );
    }

    #[test]
    fn the_threshold_comes_from_the_caller() {
        assert_eq!(due("active", "2026-12-31", 7), ReviewDue::Ok { days: 30 });
        assert_eq!(due("active", "2026-12-08", 7), ReviewDue::Soon { days: 7 });
        assert_eq!(due("active", "2026-12-02", 0), ReviewDue::Ok { days: 1 });
    }

    #[test]
    fn drafts_versions_on_review_and_retired_documents_have_nothing_due() {
        for status in ["draft", "review", "retired"] {
            for date in ["2020-01-01", TODAY, "2030-01-01"] {
                assert_eq!(due(status, date, 30), ReviewDue::None, "{status} {date}");
            }
        }
    }

    #[test]
    fn past_valid_until_a_document_is_expired_and_has_no_review_due() {
        let standing = |until: &str| {
            let d = doc_with("active", "2027-01-01", &format!("valid_until: {until}\n"));
            (
                Standing::of(&d, day(TODAY)),
                ReviewDue::of(&d, day(TODAY), 30),
            )
        };
        let (s, due) = standing("2026-11-30");
        assert_eq!(
            s,
            Standing::Expired {
                until: day("2026-11-30")
            }
        );
        assert_eq!(due, ReviewDue::None);
        // The last day itself is still in force.
        let (s, due) = standing(TODAY);
        assert_eq!(
            s,
            Standing::InForce {
                until: Some(day(TODAY))
            }
        );
        assert_eq!(s.days_left(day(TODAY)), Some(0));
        assert_eq!(due, ReviewDue::Ok { days: 31 });
        let d = doc_with("active", "2027-01-01", "valid_until: 2026-11-30\n");
        assert_eq!(Standing::of(&d, day(TODAY)).shown_status(&d), "expired");
        assert_eq!(
            Standing::of(&d, day("2026-11-30")).shown_status(&d),
            "active"
        );
    }

    #[test]
    fn a_retired_document_carries_its_retirement_day() {
        let d = doc_with("retired", "2027-01-01", "retired_on: 2026-06-01\n");
        assert_eq!(
            Standing::of(&d, day(TODAY)),
            Standing::Retired {
                on: Some(day("2026-06-01"))
            }
        );
        assert_eq!(Standing::of(&d, day(TODAY)).shown_status(&d), "retired");
        let d = doc("retired", "2027-01-01");
        assert_eq!(Standing::of(&d, day(TODAY)), Standing::Retired { on: None });
        assert_eq!(
            Standing::of(&doc("draft", TODAY), day(TODAY)),
            Standing::Undecided
        );
    }

    #[test]
    fn a_document_without_a_date_has_nothing_due() {
        let text = "---\ntitle: T\n---\nText\n".to_string();
        let (page, _) = crate::document::parse("content/p.md", "p.md", text);
        let page = page.unwrap();
        assert_eq!(ReviewDue::of(&page, day(TODAY), 30), ReviewDue::None);
    }

    #[test]
    fn days_and_names_follow_the_state() {
        assert_eq!(ReviewDue::None.days(), None);
        assert_eq!(ReviewDue::Overdue { days: -3 }.days(), Some(-3));
        assert_eq!(ReviewDue::Soon { days: 2 }.as_str(), "soon");
        assert_eq!(ReviewDue::Ok { days: 90 }.as_str(), "ok");
        assert_eq!(ReviewDue::None.as_str(), "none");
        assert!(ReviewDue::Overdue { days: -1 }.is_overdue());
        assert!(!ReviewDue::Soon { days: 0 }.is_overdue());
    }
}
