//! A content file's front matter as written ([`RawFrontMatter`]) and the
//! validated [`Document`] with its kind's data.

use super::{Classification, Date, Kind, Status, Version};
use serde::{Deserialize, Serialize};

/// Front matter as written: the union of every type's keys. Which keys a
/// type may use is checked afterwards, so that a misplaced key gets a
/// message naming the type.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    pub summary: Option<String>,
    pub roles: Option<Vec<String>>,
    pub units: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
    pub weight: Option<i64>,
    pub aliases: Option<Vec<String>>,
    pub extra: Option<serde_json::Value>,
    pub classification: Option<Classification>,
    // Governing documents, modules and paths.
    pub id: Option<String>,
    /// A string, or a number when written unquoted (`1.0`); the raw text on
    /// the line is then used so that `1.10` is not read as `1.1`.
    pub version: Option<serde_json::Value>,
    // Governing documents.
    pub owner: Option<String>,
    pub owner_contact: Option<String>,
    pub approved_by: Option<String>,
    pub approved_on: Option<String>,
    pub effective_from: Option<String>,
    pub review_by: Option<String>,
    pub valid_until: Option<String>,
    pub retired_on: Option<String>,
    pub record_number: Option<String>,
    pub parent: Option<String>,
    pub areas: Option<Vec<String>>,
    pub iso27001: Option<Vec<String>>,
    pub requirements: Option<Vec<String>>,
    pub applicability: Option<Vec<crate::soa::RawApplicability>>,
    pub changes: Option<String>,
    pub acknowledge: Option<bool>,
    pub replaces: Option<Vec<String>>,
    pub history: Option<Vec<RawHistoryEntry>>,
    // Modules.
    pub duration: Option<u32>,
    pub quiz: Option<String>,
    pub prerequisites: Option<Vec<String>>,
    pub documents: Option<Vec<String>>,
    pub pretest: Option<bool>,
    pub retest_after_days: Option<u32>,
    // Paths.
    pub modules: Option<Vec<String>>,
    pub due_days: Option<u32>,
}

pub const COMMON_KEYS: &[&str] = &[
    "title",
    "type",
    "status",
    "summary",
    "roles",
    "units",
    "tags",
    "weight",
    "aliases",
    "extra",
    "classification",
];
pub const GOVERNING_KEYS: &[&str] = &[
    "id",
    "version",
    "owner",
    "owner_contact",
    "approved_by",
    "approved_on",
    "effective_from",
    "review_by",
    "valid_until",
    "retired_on",
    "record_number",
    "parent",
    "areas",
    "iso27001",
    "requirements",
    "applicability",
    "changes",
    "acknowledge",
    "replaces",
    "history",
];
pub const MODULE_KEYS: &[&str] = &[
    "id",
    "version",
    "duration",
    "quiz",
    "prerequisites",
    "documents",
    "pretest",
    "retest_after_days",
];
pub const PATH_KEYS: &[&str] = &["id", "modules", "documents", "due_days"];

/// An entry of `history:`, a version from before the repository.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHistoryEntry {
    pub version: serde_json::Value,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub approved_by: Option<String>,
    #[serde(default)]
    pub changes: Option<String>,
}

/// A version from before the repository, for the version-history table
/// and the in-force record.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub version: String,
    /// As written (empty when the entry has none).
    pub date: String,
    /// `date` read as a day: the first day the version was in force.
    #[serde(skip)]
    pub day: Option<Date>,
    pub approved_by: String,
    pub changes: String,
}

/// The metadata only governing documents have.
#[derive(Debug, Clone, Default)]
pub struct Governing {
    pub owner: String,
    /// How to reach the owner: an e-mail address (often a functional mailbox).
    pub owner_contact: String,
    pub approved_by: String,
    pub approved_on: Option<Date>,
    pub effective_from: Option<Date>,
    pub review_by: Option<Date>,
    /// `valid_until` (giltig till): the last day the document is in force.
    pub valid_until: Option<Date>,
    /// `retired_on`: the first day a retired document no longer applies.
    pub retired_on: Option<Date>,
    pub record_number: String,
    pub parent: Option<String>,
    pub areas: Vec<String>,
    pub iso27001: Vec<String>,
    /// Requirements of any catalogue, as `catalogue:id` (`nis2:21.2.b`).
    pub requirements: Vec<String>,
    /// The Statement of Applicability, when this document is it.
    pub applicability: Option<crate::soa::Soa>,
    pub changes: String,
    /// `acknowledge: false`: this version is an editorial change, and a
    /// read receipt for the version before still counts. `None` when the
    /// key is not written (a substantive change).
    pub acknowledge: Option<bool>,
    pub replaces: Vec<String>,
    pub history: Vec<HistoryEntry>,
}

/// A training module's metadata.
#[derive(Debug, Clone, Default)]
pub struct ModuleInfo {
    pub duration: Option<u32>,
    pub quiz: Option<String>,
    pub prerequisites: Vec<String>,
    pub documents: Vec<String>,
    /// `pretest: true`: the quiz's items are offered before the content too.
    pub pretest: bool,
    /// Days after a pass when the same items are offered again as a
    /// retention check; 0 turns the offer off.
    pub retest_after_days: u32,
}

/// The default of `retest_after_days`: about five months, between the
/// 120–180 days after which knowledge measured at the end of a course is
/// commonly found to have faded.
pub const DEFAULT_RETEST_AFTER_DAYS: u32 = 150;

/// A training path's metadata.
#[derive(Debug, Clone, Default)]
pub struct PathInfo {
    pub modules: Vec<String>,
    pub documents: Vec<String>,
    pub due_days: Option<u32>,
}

/// What a document is, carrying what only that kind has: the normative
/// metadata of a policy, guideline or rule, a module's training data, a
/// path's modules. [`DocKind::tag`] is the plain [`Kind`] (`type:`).
#[derive(Debug, Clone)]
pub enum DocKind {
    Policy(Governing),
    Guideline(Governing),
    Rule(Governing),
    Module(ModuleInfo),
    Path(PathInfo),
    Page,
}

impl DocKind {
    /// The kind without its data.
    pub fn tag(&self) -> Kind {
        match self {
            DocKind::Policy(_) => Kind::Policy,
            DocKind::Guideline(_) => Kind::Guideline,
            DocKind::Rule(_) => Kind::Rule,
            DocKind::Module(_) => Kind::Module,
            DocKind::Path(_) => Kind::Path,
            DocKind::Page => Kind::Page,
        }
    }

    pub fn as_str(&self) -> &'static str {
        self.tag().as_str()
    }

    /// See [`Kind::is_governing`].
    pub fn is_governing(&self) -> bool {
        self.governing().is_some()
    }

    /// A policy's, guideline's or rule's metadata.
    pub fn governing(&self) -> Option<&Governing> {
        match self {
            DocKind::Policy(g) | DocKind::Guideline(g) | DocKind::Rule(g) => Some(g),
            _ => None,
        }
    }

    pub fn module(&self) -> Option<&ModuleInfo> {
        match self {
            DocKind::Module(m) => Some(m),
            _ => None,
        }
    }

    pub fn path(&self) -> Option<&PathInfo> {
        match self {
            DocKind::Path(p) => Some(p),
            _ => None,
        }
    }
}

impl PartialEq<Kind> for DocKind {
    fn eq(&self, other: &Kind) -> bool {
        self.tag() == *other
    }
}

/// One content file, parsed and checked on its own (not yet linked).
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the site root, e.g. `content/regler/losenord.md`.
    pub source_path: String,
    /// Path relative to `content/`, e.g. `regler/losenord.md`.
    pub content_path: String,
    /// The whole file, for locating later errors.
    pub source: String,
    /// 1-based line where the front matter's YAML starts.
    pub yaml_line: usize,
    /// Byte offset of the Markdown body in `source`.
    pub body_offset: usize,
    /// Top-level front matter keys and their lines (within the YAML).
    pub key_lines: Vec<crate::frontmatter::KeyLine>,
    /// URL path relative to the site root, `regler/losenord/` (`""` for the start page).
    pub url_path: String,
    /// An `_index.md`: the page of its folder.
    pub is_section: bool,
    /// What it is, with the data only that kind has.
    pub kind: DocKind,
    pub status: Status,
    pub classification: Classification,
    pub title: String,
    pub summary: String,
    pub roles: Vec<String>,
    pub units: Vec<String>,
    pub tags: Vec<String>,
    pub weight: i64,
    pub aliases: Vec<String>,
    pub extra: serde_json::Value,
    pub id: Option<String>,
    pub version: Option<Version>,
}

impl Document {
    pub fn body(&self) -> &str {
        &self.source[self.body_offset..]
    }

    /// The folder of the page within `content/` (`regler` for
    /// `regler/losenord.md` and for `regler/_index.md`'s parent listing).
    pub fn content_dir(&self) -> &str {
        match self.content_path.rfind('/') {
            Some(i) => &self.content_path[..i],
            None => "",
        }
    }
}
