//! The governing documents' front matter: version, dates, approval,
//! history and validity, each problem at its key's line.

use super::{at_key, at_value, Rejected};
use crate::diagnostics::Diagnostic;
use crate::frontmatter::Located;
use crate::iso27001;
use crate::messages::Message;
use crate::model::*;

pub(super) fn read_version(
    loc: &Located,
    raw: &RawFrontMatter,
    kind: Kind,
    bad: &Rejected,
    diags: &mut Vec<Diagnostic>,
) -> Option<Version> {
    let value = match &raw.version {
        Some(v) => v,
        None => {
            if !bad.has("version")
                && matches!(
                    kind,
                    Kind::Policy | Kind::Guideline | Kind::Rule | Kind::Module
                )
            {
                diags.push(at_key(
                    loc,
                    "type",
                    t!(
                        "a {kind} needs a `version` (e.g. \"1.0\")",
                        kind = kind.as_str()
                    ),
                ));
            }
            return None;
        }
    };
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        // Unquoted `1.10` reaches us as the number 1.1; the line has the truth.
        serde_json::Value::Number(_) => loc
            .key("version")
            .map(|k| k.raw_value.trim_matches(['"', '\'']).to_string())
            .unwrap_or_else(|| value.to_string()),
        other => other.to_string(),
    };
    let parsed = Version::parse(&text);
    if parsed.is_none() {
        diags.push(
            at_key(
                loc,
                "version",
                t!("version `{text}` is not MAJOR.MINOR", text),
            )
            .with_hint(t!("write e.g. version: \"1.0\" or \"2.3\"")),
        );
    }
    parsed
}

/// `text` as a day, when it is written YYYY-MM-DD and is one.
fn parse_day(text: &str) -> Option<Date> {
    let text = text.trim();
    let ok = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    Date::parse_from_str(text, "%Y-%m-%d").ok().filter(|_| ok)
}

fn not_a_date(d: Diagnostic) -> Diagnostic {
    d.with_hint(t!("write dates as YYYY-MM-DD, e.g. 2026-03-31"))
}

fn read_date(
    loc: &Located,
    key: &str,
    value: &Option<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Date> {
    let text = value.as_deref()?.trim();
    let day = parse_day(text);
    if day.is_none() {
        diags.push(not_a_date(at_key(
            loc,
            key,
            t!("`{key}` is `{text}`, not a date", key, text),
        )));
    }
    day
}

/// The `history` entries, each `date` read as a day (an entry may lack
/// one; one that is not a date is an error at its line).
fn read_history(
    loc: &Located,
    raw: &RawFrontMatter,
    diags: &mut Vec<Diagnostic>,
) -> Vec<HistoryEntry> {
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_string();
    let items = loc.item_lines("history");
    let entries = raw.history.iter().flatten().enumerate();
    entries
        .map(|(k, h)| {
            let date = text(&h.date);
            let day = parse_day(&date);
            if day.is_none() && !date.is_empty() {
                let after = items.get(k).copied().unwrap_or(0);
                let pos = loc
                    .value_positions("history", &date)
                    .into_iter()
                    .find(|&(line, _)| line >= after)
                    .unwrap_or_else(|| loc.value_pos("history", &date));
                let message = t!(
                    "`history` entry {n}: `date` is `{date}`, not a date",
                    n = k + 1,
                    date
                );
                diags.push(not_a_date(loc.error(pos, message)));
            }
            HistoryEntry {
                version: match &h.version {
                    serde_json::Value::String(s) => s.clone(),
                    v => v.to_string(),
                },
                date,
                day,
                approved_by: text(&h.approved_by),
                changes: text(&h.changes),
            }
        })
        .collect()
}

pub(super) fn read_governing(
    loc: &Located,
    raw: &RawFrontMatter,
    kind: Kind,
    status: Option<Status>,
    bad: &Rejected,
    diags: &mut Vec<Diagnostic>,
) -> Governing {
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_string();
    let g = Governing {
        owner: text(&raw.owner),
        owner_contact: text(&raw.owner_contact),
        approved_by: text(&raw.approved_by),
        approved_on: read_date(loc, "approved_on", &raw.approved_on, diags),
        effective_from: read_date(loc, "effective_from", &raw.effective_from, diags),
        review_by: read_date(loc, "review_by", &raw.review_by, diags),
        valid_until: read_date(loc, "valid_until", &raw.valid_until, diags),
        retired_on: read_date(loc, "retired_on", &raw.retired_on, diags),
        record_number: text(&raw.record_number),
        parent: raw.parent.clone(),
        areas: raw.areas.clone().unwrap_or_default(),
        iso27001: raw.iso27001.clone().unwrap_or_default(),
        requirements: raw.requirements.clone().unwrap_or_default(),
        applicability: raw
            .applicability
            .as_deref()
            .map(|entries| crate::soa::read(loc, entries, diags)),
        changes: text(&raw.changes),
        acknowledge: raw.acknowledge,
        replaces: raw.replaces.clone().unwrap_or_default(),
        history: read_history(loc, raw, diags),
    };
    check_governing(loc, &g, kind, status, bad, diags);
    check_validity(loc, &g, status, diags);
    g
}

/// `valid_until` and `retired_on` against the status and the other dates:
/// only a retired document has a retirement day, and neither date comes
/// before the version was approved or took effect. With the status
/// unreadable (`None`), whether it is retired is left unchecked.
fn check_validity(
    loc: &Located,
    g: &Governing,
    status: Option<Status>,
    diags: &mut Vec<Diagnostic>,
) {
    let not_retired = status.filter(|&s| s != Status::Retired);
    if let (Some(status), Some(_)) = (not_retired, g.retired_on) {
        diags.push(
            at_key(
                loc,
                "retired_on",
                t!("`retired_on` is set but the status is {status}, not retired", status = status.as_str()),
            )
            .with_hint(t!("set `status: retired` too, or use `valid_until` for the last day a document in force applies")),
        );
    }
    let starts = [
        ("approved_on", g.approved_on),
        ("effective_from", g.effective_from),
    ];
    let ends = [("valid_until", g.valid_until), ("retired_on", g.retired_on)];
    for (end_key, end) in ends {
        let Some(end) = end else { continue };
        for (start_key, start) in starts {
            let Some(start) = start else { continue };
            // `valid_until` is the last day in force, `retired_on` the
            // first day out of force: both may not come before the start
            // (`retired_on` may be the day itself: never in force).
            if end < start {
                diags.push(at_key(
                    loc,
                    end_key,
                    t!(
                        "`{end_key}` {end} is before `{start_key}` {start}",
                        end_key,
                        end,
                        start_key,
                        start
                    ),
                ));
            }
        }
    }
}

/// What a governing document needs for its type and status: an owner, an
/// approval once decided, a review date while active, a parent below a
/// policy; known ISO/IEC 27001 controls. With the status unreadable
/// (`None`), what it would require is left unchecked.
fn check_governing(
    loc: &Located,
    g: &Governing,
    kind: Kind,
    status: Option<Status>,
    bad: &Rejected,
    diags: &mut Vec<Diagnostic>,
) {
    let decided = matches!(status, Some(Status::Active | Status::Retired));
    let mut require = |key: &str, present: bool, why: Message| {
        if !present && !loc.has(key) && !bad.has(key) {
            diags.push(at_key(loc, "status", t!("{why} needs `{key}`", why, key)));
        }
    };
    let kind = kind.as_str();
    let any = || t!("a {kind}", kind);
    let active = || t!("an active {kind}", kind);
    require("owner", !g.owner.is_empty(), any());
    if decided {
        let adj = || {
            if status == Some(Status::Active) {
                active()
            } else {
                t!("a retired {kind}", kind)
            }
        };
        require("approved_by", !g.approved_by.is_empty(), adj());
        require("approved_on", g.approved_on.is_some(), adj());
    }
    if status == Some(Status::Active) {
        require("review_by", g.review_by.is_some(), active());
    }
    if kind != "policy" {
        require("parent", g.parent.is_some(), any());
    }
    for key in ["owner", "approved_by"] {
        let value = if key == "owner" {
            &g.owner
        } else {
            &g.approved_by
        };
        if loc.has(key) && !bad.has(key) && value.is_empty() && (key == "owner" || decided) {
            diags.push(at_key(loc, key, t!("`{key}` is empty", key)));
        }
    }
    if !g.owner_contact.is_empty() && !crate::contact::is_email(&g.owner_contact) {
        diags.push(
            at_key(
                loc,
                "owner_contact",
                t!("`owner_contact` is `{owner_contact}`, not an e-mail address", owner_contact = g.owner_contact),
            )
            .with_hint(t!("write the owner's or a functional mailbox's address, e.g. informationssakerhet@kommun.se")),
        );
    }
    for control in &g.iso27001 {
        if iso27001::control(control).is_none() {
            let mut d = at_value(
                loc,
                "iso27001",
                control,
                t!(
                    "`{control}` is not an ISO/IEC 27001:2022 Annex A control",
                    control
                ),
            );
            d = d.with_hint(iso27001::hint(control));
            diags.push(d);
        }
    }
}
