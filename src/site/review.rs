//! When a document's review is due: the one rule that `check`, the
//! document pages, the status board (and its CSV) and `serve` all read,
//! through [`Site::review_due`](super::Site::review_due).
//!
//! Only a document in force — `status: active` — has a review coming up.
//! A draft or a version on review is not decided yet (its `review_by` is a
//! plan, not a deadline) and a retired document is no longer in force, so
//! theirs is [`ReviewDue::None`] like a document without a date: never
//! "overdue" on the board in a `--drafts` preview, never "the review date
//! has passed" on a retired document's page, no note from `check`.

use crate::model::{Date, Document, Status};

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
        match review_by {
            Some(date) if doc.status == Status::Active => {
                Self::from_days((date - today).num_days(), soon_days)
            }
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
        let text = format!(
            "---\ntitle: T\ntype: rule\nid: R-1\nversion: 1.0\nstatus: {status}\nowner: IT\n\
             approved_by: KD\napproved_on: 2026-01-01\nreview_by: {review_by}\nparent: P-1\n---\nText\n"
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
