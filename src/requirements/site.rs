//! A site's own requirement catalogues, under `catalogues:` in
//! `site.yaml` (a municipality's own or a sector's requirements: GDPR
//! article 32, a procurement checklist). Read with the rest of the config;
//! each problem at its line of `site.yaml`.
//!
//! ```yaml
//! catalogues:
//!   - id: gdpr32
//!     title: Dataskyddsförordningen artikel 32
//!     reference: (EU) 2016/679
//!     requirements:
//!       - id: 32.1.a
//!         title: Pseudonymisering och kryptering
//!         reference: Art. 32.1 a
//!         group: Tekniska åtgärder
//!         iso27001: ["8.24"]
//! ```

use super::{Catalogue, Requirement, ISO27001, NIS2};
use crate::diagnostics::Diagnostics;
use crate::frontmatter::Located;
use serde::Deserialize;
use std::collections::HashSet;

/// A catalogue as written in `site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub reference: String,
    pub requirements: Vec<RawRequirement>,
}

/// A requirement as written in `site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub iso27001: Vec<String>,
}

/// Checks the site's catalogues (ids valid and unique, not a built-in
/// catalogue's, requirement ids unique, Annex A controls known) and
/// returns them.
pub fn read(loc: &Located, raw: &[RawCatalogue], diags: &mut Diagnostics) -> Vec<Catalogue> {
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for cat in raw {
        let pos = loc.value_pos("catalogues", &format!("id: {}", cat.id));
        if [ISO27001, NIS2].contains(&cat.id.as_str()) {
            diags.push(
                loc.error(pos, t!("catalogue id `{id}` is built in", id = cat.id))
                    .with_hint(t!(
                        "the built-in catalogues are `iso27001` and `nis2`; choose another id"
                    )),
            );
            continue;
        }
        if !valid_id(&cat.id) {
            diags.push(
                loc.error(pos, t!("`{id}` is not a valid catalogue id", id = cat.id))
                    .with_hint(t!(
                        "a catalogue id uses lower-case letters, digits and -, e.g. `gdpr32`"
                    )),
            );
            continue;
        }
        if !ids.insert(cat.id.as_str()) {
            diags.push(loc.error(pos, t!("duplicate catalogue id `{id}`", id = cat.id)));
            continue;
        }
        out.push(catalogue(loc, cat, diags));
    }
    out
}

/// A catalogue id becomes an address (`krav/ID/`) and a citation prefix.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn catalogue(loc: &Located, cat: &RawCatalogue, diags: &mut Diagnostics) -> Catalogue {
    let mut seen = HashSet::new();
    let mut requirements = Vec::new();
    for r in &cat.requirements {
        let pos = loc.value_pos("catalogues", &format!("id: {}", r.id));
        if r.id.trim().is_empty() || r.id.contains(char::is_whitespace) {
            diags.push(loc.error(pos, t!("`{id}` is not a valid requirement id", id = r.id)));
            continue;
        }
        if !seen.insert(r.id.as_str()) {
            diags.push(loc.error(
                pos,
                t!(
                    "duplicate requirement id `{id}` in catalogue `{id2}`",
                    id = r.id,
                    id2 = cat.id
                ),
            ));
            continue;
        }
        for control in &r.iso27001 {
            if crate::iso27001::control(control).is_none() {
                diags.push(
                    loc.error(
                        loc.value_pos("catalogues", control),
                        t!(
                            "`{control}` is not an ISO/IEC 27001:2022 Annex A control",
                            control
                        ),
                    )
                    .with_hint(crate::iso27001::hint(control)),
                );
            }
        }
        requirements.push(Requirement {
            id: r.id.clone(),
            title: r.title.trim().to_string(),
            reference: r.reference.trim().to_string(),
            group: r.group.trim().to_string(),
            iso27001: r.iso27001.clone(),
        });
    }
    Catalogue {
        id: cat.id.clone(),
        title: cat.title.trim().to_string(),
        reference: cat.reference.trim().to_string(),
        requirements,
        builtin: false,
    }
}
