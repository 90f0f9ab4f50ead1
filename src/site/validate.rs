//! Rules that need the whole site (SPEC §3): unique ids, parents of the
//! right type without cycles, references to roles, units, areas, modules,
//! documents and quizzes, URLs that do not collide — and the warnings
//! `check` gives (review dates, empty reading lists, unused quizzes, areas
//! without a document, hard-to-read text).

use super::{ReviewDue, Site, Standing};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::document::error_at;
use crate::frontmatter::did_you_mean;
use crate::messages::Message;
use crate::model::{Document, Kind, ModuleInfo, Status};
use std::collections::{HashMap, HashSet};

/// Fills the id and path indexes; a second document with an id is an error.
pub(super) fn index(site: &mut Site, diags: &mut Diagnostics) {
    for (i, doc) in site.docs.iter().enumerate() {
        site.by_content_path.insert(doc.content_path.clone(), i);
        let Some(id) = &doc.id else { continue };
        if let Some(&first) = site.by_id.get(id) {
            diags.push(error_at(
                doc,
                "id",
                None,
                t!(
                    "the id `{id}` is already used by {source_path}",
                    id,
                    source_path = site.docs[first].source_path
                ),
            ));
        } else {
            site.by_id.insert(id.clone(), i);
        }
    }
}

/// An "unknown X" error with a did-you-mean over the known ids.
fn unknown(doc: &Document, key: &str, what: Message, value: &str, known: &[&str]) -> Diagnostic {
    let mut d = error_at(
        doc,
        key,
        Some(value),
        t!("unknown {what} `{value}`", what, value),
    );
    if let Some(s) = did_you_mean(value, known) {
        d = d.with_hint(t!("did you mean `{near}`?", near = s));
    } else if !known.is_empty() && known.len() <= 15 {
        let mut list = known.to_vec();
        list.sort_unstable();
        d = d.with_hint(t!("known: {list}", list = list.join(", ")));
    }
    d
}

pub(super) fn references(site: &Site, diags: &mut Diagnostics) {
    let cfg = &site.config;
    let role_ids: Vec<&str> = cfg.roles.iter().map(|r| r.id.as_str()).collect();
    let unit_ids: Vec<&str> = cfg.units.iter().map(|u| u.id.as_str()).collect();
    let area_ids: Vec<&str> = cfg.areas.iter().map(|a| a.id.as_str()).collect();
    let doc_ids: Vec<&str> = site.by_id.keys().map(String::as_str).collect();
    for doc in &site.docs {
        for r in &doc.roles {
            if cfg.role(r).is_none() {
                diags.push(unknown(doc, "roles", t!("role"), r, &role_ids));
            }
        }
        for u in &doc.units {
            if cfg.unit(u).is_none() {
                diags.push(unknown(doc, "units", t!("unit"), u, &unit_ids));
            }
        }
        if let Some(g) = doc.kind.governing() {
            for a in &g.areas {
                if cfg.area(a).is_none() {
                    diags.push(unknown(doc, "areas", t!("area"), a, &area_ids));
                }
            }
            check_parent(site, doc, diags, &doc_ids);
        }
        if let Some(m) = doc.kind.module() {
            module_references(site, doc, m, diags);
        }
        if let Some(p) = doc.kind.path() {
            expect_modules_and_documents(site, doc, ("modules", &p.modules), &p.documents, diags);
        }
    }
    prerequisite_cycles(site, diags);
    super::quiz_sources::check(site, diags);
    incident_rule(site, diags, &doc_ids);
    super::soa::errors(site, diags);
}

/// A module's prerequisites, documents and quiz exist.
fn module_references(site: &Site, doc: &Document, m: &ModuleInfo, diags: &mut Diagnostics) {
    let modules = ("prerequisites", m.prerequisites.as_slice());
    expect_modules_and_documents(site, doc, modules, &m.documents, diags);
    let Some(q) = &m.quiz else {
        return;
    };
    // Quiz files that exist, even if invalid (their own errors say why), so
    // a broken quiz does not also read as a missing one.
    let quiz_ids: Vec<&str> = site.quiz_files.iter().map(String::as_str).collect();
    if !quiz_ids.contains(&q.as_str()) {
        let mut d = error_at(
            doc,
            "quiz",
            None,
            t!("the quiz `{q}` does not exist (no quizzes/{q}.yaml)", q),
        );
        if let Some(s) = did_you_mean(q, &quiz_ids) {
            d = d.with_hint(t!("did you mean `{near}`?", near = s));
        }
        diags.push(d);
    }
}

/// The ids of a module's or path's list of modules (`key`) are modules,
/// and those of its `documents` governing documents.
fn expect_modules_and_documents(
    site: &Site,
    doc: &Document,
    (key, modules): (&str, &[String]),
    documents: &[String],
    diags: &mut Diagnostics,
) {
    expect_ids(
        site,
        doc,
        key,
        modules,
        |k| k == Kind::Module,
        || t!("modules"),
        diags,
    );
    expect_ids(
        site,
        doc,
        "documents",
        documents,
        Kind::is_governing,
        || t!("governing documents"),
        diags,
    );
}

/// `contact.incident_rule` must name a governing document.
fn incident_rule(site: &Site, diags: &mut Diagnostics, doc_ids: &[&str]) {
    let Some(id) = site
        .config
        .contact
        .as_ref()
        .map(|c| c.incident_rule.as_str())
    else {
        return;
    };
    let governing = site
        .by_id(id)
        .is_some_and(|i| site.docs[i].kind.is_governing());
    if id.is_empty() || governing {
        return;
    }
    let text =
        std::fs::read_to_string(site.root.join(crate::model::CONFIG_FILE)).unwrap_or_default();
    let keys = crate::frontmatter::key_lines(&text);
    let (line, col) = crate::frontmatter::value_line(&text, &keys, "contact", id).unwrap_or((1, 1));
    let mut d = Diagnostic::error(
        crate::model::CONFIG_FILE,
        t!(
            "`contact.incident_rule` names `{id}`, which is not a governing document",
            id
        ),
    )
    .at(&text, line, col);
    if let Some(s) = did_you_mean(id, doc_ids) {
        d = d.with_hint(t!("did you mean `{near}`?", near = s));
    }
    diags.push(d);
}

/// Every id in `ids` (the value of `key`) must name a document of a kind
/// `ok` accepts.
fn expect_ids(
    site: &Site,
    doc: &Document,
    key: &str,
    ids: &[String],
    ok: fn(Kind) -> bool,
    what: fn() -> Message,
    diags: &mut Diagnostics,
) {
    for id in ids {
        match site.by_id(id) {
            None => {
                let known: Vec<&str> = site.by_id.keys().map(String::as_str).collect();
                diags.push(unknown(doc, key, t!("document id"), id, &known));
            }
            Some(t) if !ok(site.docs[t].kind.tag()) => diags.push(error_at(
                doc,
                key,
                Some(id),
                t!(
                    "`{id}` is a {kind}, but `{key}` lists {what}",
                    id,
                    kind = site.docs[t].kind.as_str(),
                    key,
                    what = what()
                ),
            )),
            Some(_) => {}
        }
    }
}

fn check_parent(site: &Site, doc: &Document, diags: &mut Diagnostics, doc_ids: &[&str]) {
    let Some(parent) = doc.kind.governing().and_then(|g| g.parent.as_deref()) else {
        return;
    };
    let Some(p) = site.by_id(parent) else {
        diags.push(unknown(
            doc,
            "parent",
            t!("parent document"),
            parent,
            doc_ids,
        ));
        return;
    };
    let pk = site.docs[p].kind.tag();
    let allowed = match doc.kind.tag() {
        Kind::Policy => &[Kind::Policy][..],
        Kind::Guideline => &[Kind::Policy][..],
        Kind::Rule => &[Kind::Guideline, Kind::Policy][..],
        _ => &[][..],
    };
    if !allowed.contains(&pk) {
        let want = match doc.kind.tag() {
            Kind::Rule => "a guideline or a policy",
            _ => "a policy",
        };
        diags.push(error_at(
            doc,
            "parent",
            None,
            t!(
                "the parent of a {kind} must be {want}; `{parent}` is a {pk}",
                kind = doc.kind.as_str(),
                want,
                parent,
                pk = pk.as_str()
            ),
        ));
    }
    // Walk up; coming back to this document is a cycle. More steps than
    // there are documents without that means a cycle further up, reported
    // on its own members. (No allocation unless there is a cycle: this runs
    // for every document, and again on every edit in `serve`.)
    let me = doc.id.as_deref();
    let parent_of = |c: usize| {
        site.docs[c]
            .kind
            .governing()
            .and_then(|g| g.parent.as_deref())
            .and_then(|p| site.by_id(p))
    };
    let mut cur = Some(p);
    for _ in 0..site.docs.len() {
        let Some(c) = cur else { return };
        if site.docs[c].id.as_deref() == me {
            let mut chain = vec![me.unwrap_or_default()];
            let mut step = Some(p);
            while let Some(s) = step {
                chain.push(site.docs[s].id.as_deref().unwrap_or_default());
                step = if s == c { None } else { parent_of(s) };
            }
            diags.push(error_at(
                doc,
                "parent",
                None,
                t!("parents form a cycle: {chain}", chain = chain.join(" → ")),
            ));
            return;
        }
        cur = parent_of(c);
    }
}

fn prerequisite_cycles(site: &Site, diags: &mut Diagnostics) {
    for doc in &site.docs {
        let Some(m) = doc.kind.module() else { continue };
        let mut stack: Vec<&str> = m.prerequisites.iter().map(String::as_str).collect();
        let mut seen = HashSet::new();
        while let Some(id) = stack.pop() {
            if Some(id) == doc.id.as_deref() {
                diags.push(error_at(
                    doc,
                    "prerequisites",
                    None,
                    t!(
                        "module `{id}` is, through its prerequisites, a prerequisite of itself",
                        id
                    ),
                ));
                break;
            }
            if !seen.insert(id) {
                continue;
            }
            if let Some(pm) = site.by_id(id).and_then(|i| site.docs[i].kind.module()) {
                stack.extend(pm.prerequisites.iter().map(String::as_str));
            }
        }
    }
}

/// Two pages, or a page and an alias, must not claim the same address.
pub(super) fn urls(site: &Site, diags: &mut Diagnostics) {
    let mut claimed: HashMap<String, &str> = HashMap::new();
    for doc in &site.docs {
        if let Some(prev) = claimed.insert(doc.url_path.clone(), &doc.source_path) {
            diags.push(Diagnostic::error(
                doc.source_path.as_str(),
                t!(
                    "this page and {prev} both want the address /{url_path}",
                    prev,
                    url_path = doc.url_path
                ),
            ));
        }
        if super::addresses::generated_folders().any(|g| doc.url_path.starts_with(g)) {
            diags.push(Diagnostic::error(
                doc.source_path.as_str(),
                t!(
                    "/{url_path} is an address styrdok generates itself; move the file",
                    url_path = doc.url_path
                ),
            ));
        }
    }
    for doc in &site.docs {
        for alias in &doc.aliases {
            let path = format!("{}/", alias.trim_matches('/'));
            if let Some(prev) = claimed.insert(path.clone(), &doc.source_path) {
                diags.push(error_at(
                    doc,
                    "aliases",
                    Some(alias),
                    t!(
                        "the alias `{alias}` is already the address of {prev}",
                        alias,
                        prev
                    ),
                ));
            }
        }
    }
}

/// Warnings: review dates passed or near, reading lists that are empty,
/// quizzes no module uses, areas without a document, hard-to-read text.
pub(super) fn warnings(site: &Site, diags: &mut Diagnostics) {
    review_dates(site, diags);
    validity_dates(site, diags);
    for role in &site.config.roles {
        if site.reading_list(&role.id).is_empty() {
            diags.push(Diagnostic::warning(
                crate::model::CONFIG_FILE,
                t!("the reading list of role `{id}` is empty: no published document names it or a role it includes", id = role.id),
            ));
        }
    }
    let used: HashSet<&str> = site
        .docs
        .iter()
        .filter_map(|d| d.kind.module()?.quiz.as_deref())
        .collect();
    for quiz in &site.quizzes {
        if !used.contains(quiz.id.as_str()) {
            diags.push(Diagnostic::warning(
                quiz.source_path.as_str(),
                t!("no module uses the quiz `{id}`", id = quiz.id),
            ));
        }
    }
    empty_areas(site, diags);
    hard_to_read(site, diags);
    super::soa::warnings(site, diags);
}

/// A passed review date is a warning; one within `review.soon_days` days
/// a note, which never fails `check --strict` (the document is still
/// valid). Which documents have a review due is [`Site::review_due`]'s rule.
fn review_dates(site: &Site, diags: &mut Diagnostics) {
    for i in site.published_docs() {
        let doc = &site.docs[i];
        let Some(review_by) = doc.kind.governing().and_then(|g| g.review_by) else {
            continue;
        };
        let d = match site.review_due(i) {
            ReviewDue::Overdue { days } => {
                let mut d = error_at(
                    doc,
                    "review_by",
                    None,
                    t!(
                        "the review date {review_by} passed {days} days ago",
                        review_by,
                        days = -days
                    ),
                );
                d.severity = Severity::Warning;
                d.with_hint(t!(
                    "review the document, raise its version and set a new review_by"
                ))
            }
            ReviewDue::Soon { days } => {
                let when = match days {
                    0 => t!("today"),
                    1 => t!("in 1 day"),
                    n => t!("in {n} days", n),
                };
                let mut d = error_at(
                    doc,
                    "review_by",
                    None,
                    t!("the review date {review_by} is {when}", review_by, when),
                );
                d.severity = Severity::Note;
                d.with_hint(t!("plan the review with the document owner"))
            }
            ReviewDue::Ok { .. } | ReviewDue::None => continue,
        };
        diags.push(d);
    }
}

/// A passed `valid_until` is a warning (the document shows as expired);
/// one within `review.soon_days` days a note; a retired document without
/// `retired_on` a note, one retired from a later day a warning. The
/// standing itself is [`Site::standing`]'s rule.
fn validity_dates(site: &Site, diags: &mut Diagnostics) {
    let soon = i64::from(site.config.review_soon_days);
    for i in site.published_docs() {
        let doc = &site.docs[i];
        let standing = site.standing(i);
        let (key, severity, message, hint) = match standing {
            Standing::Expired { until } => (
                "valid_until",
                Severity::Warning,
                t!("the document expired: its last day in force (`valid_until`) was {until}; it is shown as expired", until),
                t!("revise it with a new version and a later `valid_until`, or retire it"),
            ),
            Standing::InForce { until: Some(until) } => match standing.days_left(site.today) {
                Some(n) if n <= soon => (
                    "valid_until",
                    Severity::Note,
                    t!("the document expires after {until} (`valid_until`), in {n} days", until, n),
                    t!("revise it in time, or let it expire and retire it"),
                ),
                _ => continue,
            },
            Standing::Retired { on: None } => (
                "status",
                Severity::Note,
                t!("the retired document does not say since when (`retired_on`)"),
                t!("add `retired_on: YYYY-MM-DD` so that gallande/ can tell when it stopped applying"),
            ),
            Standing::Retired { on: Some(on) } if on > site.today => (
                "retired_on",
                Severity::Warning,
                t!("`retired_on` {on} is after today, but the document is already shown as retired", on),
                t!("keep `status: active` with `valid_until` set to the last day until then"),
            ),
            _ => continue,
        };
        let mut d = error_at(doc, key, None, message);
        d.severity = severity;
        diags.push(d.with_hint(hint));
    }
}

/// Every area of the guideline should have a current, published governing
/// document; one without is a gap in the introduction plan.
fn empty_areas(site: &Site, diags: &mut Diagnostics) {
    let mut covered: HashSet<&str> = HashSet::new();
    let mut unapproved: HashMap<&str, &str> = HashMap::new();
    for (i, doc) in site.docs.iter().enumerate() {
        let Some(g) = doc.kind.governing() else {
            continue;
        };
        for a in &g.areas {
            if site.published[i] && doc.status == Status::Active {
                covered.insert(a);
            } else if doc.status.is_unapproved() {
                unapproved.insert(a, doc.id.as_deref().unwrap_or(&doc.source_path));
            }
        }
    }
    let config_text =
        std::fs::read_to_string(site.root.join(crate::model::CONFIG_FILE)).unwrap_or_default();
    let loc = crate::frontmatter::Located::file(crate::model::CONFIG_FILE, &config_text);
    for area in &site.config.areas {
        if covered.contains(area.id.as_str()) {
            continue;
        }
        let mut d = loc.place(
            Diagnostic::warning(
                crate::model::CONFIG_FILE,
                t!(
                    "the area `{id}` (phase {phase}) has no published governing document",
                    id = area.id,
                    phase = area.phase
                ),
            ),
            loc.value_pos("areas", &format!("id: {}", area.id)),
        );
        d = match unapproved.get(area.id.as_str()) {
            Some(id) => d.with_hint(t!("`{id}` covers it but is not approved yet", id)),
            None => d.with_hint(t!(
                "add `areas: [{id}]` to the guideline or rule that covers it",
                id = area.id
            )),
        };
        diags.push(d);
    }
}

/// Texts shorter than this get no LIX warning: the value swings too much.
const LIX_MIN_WORDS: usize = 30;

/// LIX above 55: a warning at the longest sentence, listing the three
/// longest, so the owner knows where to start (språklagen's klarspråk).
fn hard_to_read(site: &Site, diags: &mut Diagnostics) {
    for (doc, r) in site.docs.iter().zip(&site.readability) {
        if doc.is_section || r.words < LIX_MIN_WORDS {
            continue;
        }
        let Some(lix) = r.lix().filter(|&l| l > crate::readability::LIX_WARN_ABOVE) else {
            continue;
        };
        let mut d = Diagnostic::warning(
            doc.source_path.as_str(),
            t!("hard to read: LIX {lix} (above {lix_warn_above}; {words} words in {sentences} sentences, {long_words} long words)", lix = format!("{:.0}", lix), lix_warn_above = format!("{:.0}", crate::readability::LIX_WARN_ABOVE), words = r.words, sentences = r.sentences, long_words = r.long_words),
        );
        if let Some(first) = r.longest.first() {
            d = d.at_offset(&doc.source, doc.body_offset + first.offset);
        }
        let longest = r
            .longest
            .iter()
            .map(|s| {
                let text = shorten(&s.text, 120);
                t!("“{text}” ({words} words)", text, words = s.words)
            })
            .collect();
        diags.push(d.with_hint(t!(
            "shorter sentences and shorter words help; the longest sentences: {longest}",
            longest = Message::list(longest, "; ")
        )));
    }
}

/// At most `max` characters, cut at a word, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}
