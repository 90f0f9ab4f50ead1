//! The Statement of Applicability as the site publishes it: each Annex A
//! control with its entry and the documents that implement it — those the
//! SoA lists merged with those whose own `iso27001` list cites it — of
//! which only published, current governing documents are ever named. A
//! restricted or draft document is never shown as an implementer, and the
//! entries themselves only when the SoA document is published.

use super::{Applicability, Implementation, Soa};
use crate::iso27001::Control;
use crate::model::Status;
use crate::requirements::{self, ISO27001};
use crate::site::Site;
use std::collections::HashMap;

/// One control as the views show it.
#[derive(Debug)]
pub struct ControlState<'s> {
    pub control: &'static Control,
    /// `None` when there is no published SoA or it leaves the control out.
    pub entry: Option<&'s Applicability>,
    /// Published, current governing documents implementing it (site
    /// indices, in the site's order).
    pub implementers: Vec<usize>,
}

impl ControlState<'_> {
    /// Applicable by the SoA (a control the SoA leaves out counts as
    /// applicable: nothing excludes it).
    pub fn applicable(&self) -> bool {
        self.entry.is_none_or(|e| e.applicable)
    }

    pub fn done(&self) -> bool {
        self.entry.and_then(|e| e.status) == Some(Implementation::Done)
    }
}

/// The published SoA: its document and entries.
pub fn published(site: &Site) -> Option<(usize, &Soa)> {
    crate::site::soa::find(site).filter(|&(i, _)| site.published[i])
}

/// Is document `i` one the views may name as governing something?
pub fn shown(site: &Site, i: usize) -> bool {
    let d = &site.docs[i];
    site.published[i] && d.kind.is_governing() && !d.is_section && d.status != Status::Retired
}

/// Control id → published current documents citing it in their own lists.
pub fn citations(site: &Site) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for i in (0..site.docs.len()).filter(|&i| shown(site, i)) {
        let Some(g) = site.docs[i].kind.governing() else {
            continue;
        };
        for (cat, id) in requirements::cited(g) {
            let list = map.entry(format!("{cat}:{id}")).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    map
}

/// Every Annex A control, in the standard's order.
pub fn controls(site: &Site) -> Vec<ControlState<'_>> {
    let soa = published(site);
    let cites = citations(site);
    crate::iso27001::controls()
        .iter()
        .map(|control| {
            let entry = soa.and_then(|(_, s)| s.entry(control.id));
            let mut implementers: Vec<usize> = cites
                .get(&format!("{ISO27001}:{}", control.id))
                .cloned()
                .unwrap_or_default();
            for id in entry.iter().flat_map(|e| &e.documents) {
                if let Some(i) = site.by_id(id).filter(|&i| shown(site, i)) {
                    if !implementers.contains(&i) {
                        implementers.push(i);
                    }
                }
            }
            implementers.sort_unstable();
            ControlState {
                control,
                entry,
                implementers,
            }
        })
        .collect()
}
