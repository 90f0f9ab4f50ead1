//! The Statement of Applicability against the whole site, and every
//! `requirements:` citation against the catalogues. Errors: a second SoA,
//! an unknown or non-governing implementing document, an excluded control
//! with implementing documents or cited by a current document, a citation
//! of an unknown catalogue or requirement. Warnings: a target date passed
//! while the control is not implemented, and the SoA and a document's own
//! `iso27001` list disagreeing about who implements a control.

use super::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::document::{error_at, locate};
use crate::frontmatter::did_you_mean;
use crate::model::{Document, Status};
use crate::requirements::{self, Catalogue, ISO27001};
use crate::soa::{find_in, Applicability, Implementation, Soa};

/// The document holding the site's SoA (the first one, if several), with it.
pub fn find(site: &Site) -> Option<(usize, &Soa)> {
    site.docs.iter().enumerate().find_map(|(i, d)| {
        let g = d.kind.governing()?;
        Some((i, g.applicability.as_ref()?))
    })
}

/// A diagnostic at `needle` within `entry`'s lines of `doc`.
fn at_entry(doc: &Document, entry: &Applicability, needle: &str, d: Diagnostic) -> Diagnostic {
    let loc = locate(doc);
    loc.place(
        d,
        find_in(&doc.source, (entry.line, entry.end_line), needle),
    )
}

/// Governing documents that still govern: not retired.
fn current(doc: &Document) -> bool {
    doc.kind.is_governing() && doc.status != Status::Retired
}

/// The errors (run with every other reference check).
pub fn errors(site: &Site, diags: &mut Diagnostics) {
    let catalogues = requirements::all(site.config.language, &site.config.catalogues);
    for doc in &site.docs {
        if let Some(g) = doc.kind.governing() {
            check_citations(doc, &g.requirements, &catalogues, diags);
        }
    }
    let Some((first, soa)) = find(site) else {
        return;
    };
    for doc in site.docs.iter().skip(first + 1) {
        if doc
            .kind
            .governing()
            .is_some_and(|g| g.applicability.is_some())
        {
            diags.push(error_at(
                doc,
                "applicability",
                None,
                t!(
                    "a site has one Statement of Applicability, and {source_path} already is it",
                    source_path = site.docs[first].source_path
                ),
            ));
        }
    }
    let soa_doc = &site.docs[first];
    for entry in &soa.entries {
        check_implementers(site, soa_doc, entry, diags);
    }
    excluded_but_cited(site, soa, soa_doc, diags);
}

/// `requirements: [catalogue:id]`: a known catalogue and requirement.
fn check_citations(doc: &Document, cited: &[String], cats: &[Catalogue], diags: &mut Diagnostics) {
    for c in cited {
        let Some((cat_id, req_id)) = requirements::split_citation(c) else {
            diags.push(
                error_at(
                    doc,
                    "requirements",
                    Some(c),
                    t!("`{id}` names no catalogue", id = c),
                )
                .with_hint(t!(
                    "write `catalogue:requirement`, e.g. `nis2:21.2.b` or `iso27001:5.24`"
                )),
            );
            continue;
        };
        let Some(cat) = cats.iter().find(|x| x.id == cat_id) else {
            let known: Vec<&str> = cats.iter().map(|x| x.id.as_str()).collect();
            diags.push(
                error_at(
                    doc,
                    "requirements",
                    Some(c),
                    t!("unknown catalogue `{cat_id}`", cat_id),
                )
                .with_hint(t!("known catalogues: {known}", known = known.join(", "))),
            );
            continue;
        };
        if cat.requirement(req_id).is_none() {
            let known: Vec<&str> = cat.requirements.iter().map(|r| r.id.as_str()).collect();
            let mut d = error_at(
                doc,
                "requirements",
                Some(c),
                t!(
                    "catalogue `{cat_id}` has no requirement `{req_id}`",
                    cat_id,
                    req_id
                ),
            );
            if cat.id == ISO27001 {
                d = d.with_hint(crate::iso27001::hint(req_id));
            } else if let Some(s) = did_you_mean(req_id, &known) {
                d = d.with_hint(t!("did you mean `{cat_id}:{near}`?", cat_id, near = s));
            }
            diags.push(d);
        }
    }
}

/// Every document the entry names exists and is a governing document; an
/// excluded control names none.
fn check_implementers(site: &Site, soa_doc: &Document, e: &Applicability, diags: &mut Diagnostics) {
    if !e.applicable && !e.documents.is_empty() {
        diags.push(at_entry(
            soa_doc,
            e,
            "documents",
            Diagnostic::error(
                &soa_doc.source_path,
                t!("control {control} is excluded but lists implementing documents", control = e.control),
            )
            .with_hint(t!("an excluded control is implemented by nothing; set `applicable: true` or remove `documents`")),
        ));
    }
    for id in &e.documents {
        let problem = match site.by_id(id) {
            None => Some(t!(
                "unknown document id `{id}` for control {control}",
                id,
                control = e.control
            )),
            Some(t) if !site.docs[t].kind.is_governing() => Some(t!(
                "`{id}` is a {kind}; only policies, guidelines and rules implement controls",
                id,
                kind = site.docs[t].kind.as_str()
            )),
            Some(_) => None,
        };
        if let Some(message) = problem {
            diags.push(at_entry(
                soa_doc,
                e,
                id,
                Diagnostic::error(&soa_doc.source_path, message),
            ));
        }
    }
}

/// A current document citing a control the SoA excludes contradicts it.
fn excluded_but_cited(site: &Site, soa: &Soa, soa_doc: &Document, diags: &mut Diagnostics) {
    for doc in site.docs.iter().filter(|d| current(d)) {
        let Some(g) = doc.kind.governing() else {
            continue;
        };
        for (cat, control) in requirements::cited(g) {
            if cat != ISO27001 || soa.entry(&control).is_some_and(|e| e.applicable) {
                continue;
            }
            let Some(e) = soa.entry(&control) else {
                continue;
            };
            let key = if g.iso27001.contains(&control) {
                "iso27001"
            } else {
                "requirements"
            };
            diags.push(
                error_at(
                    doc,
                    key,
                    Some(&control),
                    t!("cites control {control}, which the Statement of Applicability ({source_path}) excludes", control, source_path = soa_doc.source_path),
                )
                .with_hint(t!("the SoA says: {justification}; include the control there or remove it here", justification = e.justification)),
            );
        }
    }
}

/// The warnings (run with `check`'s other warnings).
pub fn warnings(site: &Site, diags: &mut Diagnostics) {
    let Some((first, soa)) = find(site) else {
        return;
    };
    let soa_doc = &site.docs[first];
    for e in &soa.entries {
        if let (Some(target), Some(status)) = (e.target, e.status) {
            if target < site.today && status != Implementation::Done {
                diags.push(at_entry(
                    soa_doc,
                    e,
                    "target",
                    Diagnostic::warning(
                        &soa_doc.source_path,
                        t!(
                            "control {control} should have been implemented by {target} and is not",
                            control = e.control,
                            target
                        ),
                    )
                    .with_hint(t!(
                        "update its `status`, or set a new `target` and say why in `changes`"
                    )),
                ));
            }
        }
        disagreements(site, soa_doc, e, diags);
    }
}

/// Documents that cite the control but are not listed, and listed ones
/// that do not cite it.
fn disagreements(site: &Site, soa_doc: &Document, e: &Applicability, diags: &mut Diagnostics) {
    if !e.applicable {
        return;
    }
    // A draft citing a control does not implement it yet; a listed draft
    // is told below like any other document that does not cite it.
    for doc in site.docs.iter().filter(|d| current(d)) {
        let (Some(g), Some(id)) = (doc.kind.governing(), doc.id.as_deref()) else {
            continue;
        };
        if std::ptr::eq(doc, soa_doc) {
            continue;
        }
        let cites = requirements::cited(g)
            .iter()
            .any(|(c, r)| c == ISO27001 && *r == e.control);
        let listed = e.documents.iter().any(|d| d == id);
        let message = match (cites, listed) {
            (true, false) if doc.status == Status::Active => t!("control {control}: {id} cites it, but the Statement of Applicability does not list {id} in `documents`", control = e.control, id),
            (false, true) => t!("control {control}: the Statement of Applicability lists {id}, but {id} does not cite the control in `iso27001`", control = e.control, id),
            _ => continue,
        };
        let needle = if listed { id } else { "control" };
        diags.push(at_entry(
            soa_doc,
            e,
            needle,
            Diagnostic::warning(&soa_doc.source_path, message).with_hint(t!(
                "the SoA and the document's own list are merged on the site; make them agree"
            )),
        ));
    }
}
