//! Plain data: the typed shapes of `site.yaml`, front matter and quiz files
//! as deserialised, and the validated documents the rest of the pipeline
//! works on. No logic beyond small accessors lives here.

mod document;
mod quiz;

pub use document::*;
pub use quiz::*;

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of a content file (`type:` in front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Policy,
    Guideline,
    Rule,
    Module,
    Path,
    Page,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Policy => "policy",
            Kind::Guideline => "guideline",
            Kind::Rule => "rule",
            Kind::Module => "module",
            Kind::Path => "path",
            Kind::Page => "page",
        }
    }

    /// Policy, guideline and rule: the normative documents with owners,
    /// approval and review dates.
    pub fn is_governing(self) -> bool {
        matches!(self, Kind::Policy | Kind::Guideline | Kind::Rule)
    }

    /// Kinds that carry an `id` and can be linked with `id:`.
    pub fn has_id(self) -> bool {
        self != Kind::Page
    }
}

/// Life-cycle status (`status:`): utkast, på remiss, gällande, upphävd.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Review,
    #[default]
    Active,
    Retired,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Active => "active",
            Status::Retired => "retired",
        }
    }

    /// Draft and review versions are not decided yet and are published only
    /// in a `--drafts` preview.
    pub fn is_unapproved(self) -> bool {
        matches!(self, Status::Draft | Status::Review)
    }
}

/// Information classification (öppen, intern, begränsad), ordered so that
/// `a > b` means "a is more sensitive".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Deserialize, Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Classification {
    Public,
    #[default]
    Internal,
    Restricted,
}

impl Classification {
    pub fn as_str(self) -> &'static str {
        match self {
            Classification::Public => "public",
            Classification::Internal => "internal",
            Classification::Restricted => "restricted",
        }
    }
}

pub use crate::messages::Language;

/// A document version, `MAJOR.MINOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Version {
    pub major: u32,
    pub minor: u32,
}

impl Version {
    /// Parses `MAJOR.MINOR`, digits only (no `v`, no third part).
    pub fn parse(s: &str) -> Option<Version> {
        let (major, minor) = s.split_once('.')?;
        let digits =
            |p: &str| !p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(major) || !digits(minor) {
            return None;
        }
        Some(Version {
            major: major.parse().ok()?,
            minor: minor.parse().ok()?,
        })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

pub type Date = chrono::NaiveDate;

// ---------------------------------------------------------------------------
// site.yaml

/// The site's configuration file, in the site's root.
pub const CONFIG_FILE: &str = "site.yaml";

/// A förvaltning or department (`gäller för`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

/// A reading-list audience. A role reads what every role it `includes` reads.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub includes: Vec<String>,
}

/// A subject area of the guideline, introduced in `phase` 1–5.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub phase: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publish {
    #[serde(default)]
    pub max_classification: Classification,
    /// `pdf`: write an archival PDF of each published version of each
    /// governing document (default true).
    #[serde(default = "Publish::default_pdf")]
    pub pdf: bool,
}

impl Publish {
    fn default_pdf() -> bool {
        true
    }
}

impl Default for Publish {
    fn default() -> Self {
        Publish {
            max_classification: Classification::default(),
            pdf: true,
        }
    }
}

/// `review:` in `site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewSettings {
    /// A `review_by` this many days away or fewer is "soon" (default 30).
    #[serde(default = "ReviewSettings::default_soon_days")]
    pub soon_days: u32,
}

impl ReviewSettings {
    fn default_soon_days() -> u32 {
        30
    }
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings {
            soon_days: Self::default_soon_days(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    #[serde(default)]
    pub report_endpoint: String,
    /// The follow-up page's minimum group size (k-anonymity).
    #[serde(default)]
    pub followup_min_group: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_strictly() {
        assert_eq!(
            Version::parse("2.10"),
            Some(Version {
                major: 2,
                minor: 10
            })
        );
        assert!(Version::parse("v1.0").is_none());
        assert!(Version::parse("1").is_none());
        assert!(Version::parse("1.0.1").is_none());
        assert!(Version::parse("1.").is_none());
        assert!(Version::parse("1.x").is_none());
        assert!(Version::parse("1.2") < Version::parse("1.10"));
    }

    #[test]
    fn classification_orders_by_sensitivity() {
        assert!(Classification::Restricted > Classification::Internal);
        assert!(Classification::Internal > Classification::Public);
    }
}
