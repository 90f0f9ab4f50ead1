//! One content file → [`Document`]: splits off the front matter, reads it
//! into typed fields and checks everything that can be checked without the
//! rest of the site (required keys per type and status, which keys a type
//! may use, dates, versions, ids, ISO/IEC 27001 control numbers, aliases).
//! Cross-document rules live in `site`.

use crate::diagnostics::Diagnostic;
use crate::frontmatter::{self, KeyLine};
use crate::iso27001;
use crate::model::*;

/// Ids: letters, digits and `. _ : / -` (SPEC §3.2).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'/' | b'-'))
}

/// The URL path (relative to the site root) of a content file.
pub fn url_path(content_path: &str) -> String {
    let stem = content_path.strip_suffix(".md").unwrap_or(content_path);
    if stem == "_index" {
        return String::new();
    }
    match stem.strip_suffix("/_index") {
        Some(dir) => format!("{dir}/"),
        None => format!("{stem}/"),
    }
}

/// Every key any type may use; a key outside this list is unknown.
fn all_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = COMMON_KEYS.to_vec();
    for k in GOVERNING_KEYS.iter().chain(MODULE_KEYS).chain(PATH_KEYS) {
        if !keys.contains(k) {
            keys.push(k);
        }
    }
    keys
}

fn keys_for(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Policy | Kind::Guideline | Kind::Rule => GOVERNING_KEYS,
        Kind::Module => MODULE_KEYS,
        Kind::Path => PATH_KEYS,
        Kind::Page => &[],
    }
}

/// Locates errors in one file's front matter.
struct Locator<'a> {
    path: &'a str,
    source: &'a str,
    yaml: &'a str,
    yaml_line: usize,
    keys: &'a [KeyLine],
}

impl Locator<'_> {
    /// An error at `key`'s value; for a missing key, at `type:` (what
    /// made the key required) or else the front matter's first line.
    fn at_key(&self, key: &str, message: String) -> Diagnostic {
        let found = self
            .keys
            .iter()
            .find(|k| k.key == key)
            .or_else(|| self.keys.iter().find(|k| k.key == "status"))
            .or_else(|| self.keys.iter().find(|k| k.key == "type"));
        let (line, col) = match found {
            Some(k) => (self.yaml_line + k.line - 1, k.value_column),
            None => (1, 1),
        };
        Diagnostic::error(self.path, message).at(self.source, line, col)
    }

    /// An error at `needle` inside `key`'s block (a list item, say).
    fn at_value(&self, key: &str, needle: &str, message: String) -> Diagnostic {
        let (line, col) =
            frontmatter::value_line(self.yaml, self.keys, key, needle).unwrap_or((0, 1));
        Diagnostic::error(self.path, message).at(self.source, self.yaml_line + line - 1, col)
    }

    fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k.key == key)
    }
}

/// Parses one content file. Returns the document (absent when the front
/// matter cannot be read at all) and every problem found.
pub fn parse(
    source_path: &str,
    content_path: &str,
    source: String,
) -> (Option<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let split = match frontmatter::split(&source) {
        Ok(s) => s,
        Err(e) => {
            let line = e.line();
            diags.push(Diagnostic::error(source_path, e.message()).at(&source, line, 1));
            return (None, diags);
        }
    };
    let (yaml, yaml_line, body_offset) = (split.yaml, split.yaml_line, split.body_offset);
    if yaml.len() > crate::limits::MAX_FRONT_MATTER_BYTES {
        use crate::limits::{human, MAX_FRONT_MATTER_BYTES};
        diags.push(
            Diagnostic::error(
                source_path,
                format!(
                    "the front matter is {}; the limit is {}",
                    human(yaml.len() as u64),
                    human(MAX_FRONT_MATTER_BYTES as u64)
                ),
            )
            .with_hint("put long text in the Markdown body below the closing `---`")
            .at(&source, 1, 1),
        );
        return (None, diags);
    }
    let raw: RawFrontMatter = match frontmatter::parse_strict(yaml, &all_keys()) {
        Ok(r) => r,
        Err(errors) => {
            for e in errors {
                let mut d = Diagnostic::error(source_path, e.message).at(
                    &source,
                    yaml_line + e.line - 1,
                    e.column,
                );
                d.hint = e.hint;
                diags.push(d);
            }
            return (None, diags);
        }
    };
    let keys = frontmatter::key_lines(yaml);
    let loc = Locator {
        path: source_path,
        source: &source,
        yaml,
        yaml_line,
        keys: &keys,
    };
    let is_section = content_path == "_index.md" || content_path.ends_with("/_index.md");
    let kind = raw.kind.unwrap_or(Kind::Page);
    let status = raw.status.unwrap_or_default();
    check_keys_for_kind(&loc, kind, is_section, &mut diags);

    let title = raw.title.clone().unwrap_or_default();
    if title.trim().is_empty() {
        let at = if loc.has("title") {
            loc.at_key("title", "`title` is empty".into())
        } else {
            Diagnostic::error(source_path, "missing required key `title`").at(&source, 1, 1)
        };
        diags.push(at);
    }
    let id = raw.id.clone();
    if kind.has_id() {
        match &id {
            None => diags.push(loc.at_key("type", format!("a {} needs an `id`", kind.as_str()))),
            Some(i) if !is_valid_id(i) => diags.push(
                loc.at_key("id", format!("`{i}` is not a valid id"))
                    .with_hint("ids use letters, digits and . _ : / - (e.g. LIS-R-04)"),
            ),
            _ => {}
        }
    }
    let version = read_version(&loc, &raw, kind, &mut diags);
    let governing = kind
        .is_governing()
        .then(|| read_governing(&loc, &raw, kind, status, &mut diags));
    let module = (kind == Kind::Module).then(|| ModuleInfo {
        duration: raw.duration,
        quiz: raw.quiz.clone(),
        prerequisites: raw.prerequisites.clone().unwrap_or_default(),
        documents: raw.documents.clone().unwrap_or_default(),
    });
    let path = (kind == Kind::Path).then(|| PathInfo {
        modules: raw.modules.clone().unwrap_or_default(),
        documents: raw.documents.clone().unwrap_or_default(),
        due_days: raw.due_days,
    });
    if let Some(p) = &path {
        if p.modules.is_empty() {
            diags.push(loc.at_key(
                "modules",
                "a path needs `modules`: the module ids in order".into(),
            ));
        }
    }
    let aliases = raw.aliases.clone().unwrap_or_default();
    for alias in &aliases {
        if let Err(why) = check_alias(alias) {
            diags.push(loc.at_value("aliases", alias, format!("alias `{alias}` {why}")));
        }
    }
    let doc = Document {
        source_path: source_path.to_string(),
        content_path: content_path.to_string(),
        url_path: url_path(content_path),
        yaml_line,
        body_offset,
        key_lines: keys.clone(),
        is_section,
        kind,
        status,
        classification: raw.classification.unwrap_or_default(),
        title,
        summary: raw.summary.unwrap_or_default(),
        roles: raw.roles.unwrap_or_default(),
        units: raw.units.unwrap_or_default(),
        tags: raw.tags.unwrap_or_default(),
        weight: raw.weight.unwrap_or(0),
        aliases,
        extra: raw.extra.unwrap_or(serde_json::Value::Null),
        id,
        version,
        governing,
        module,
        path,
        source: String::new(),
    };
    (Some(Document { source, ..doc }), diags)
}

fn check_keys_for_kind(loc: &Locator, kind: Kind, is_section: bool, diags: &mut Vec<Diagnostic>) {
    if is_section && kind != Kind::Page {
        diags.push(loc.at_key(
            "type",
            format!(
                "a section page (`_index.md`) is of type page, not {}",
                kind.as_str()
            ),
        ));
    }
    let allowed = keys_for(kind);
    for key in loc.keys {
        let k = key.key.as_str();
        if COMMON_KEYS.contains(&k) || allowed.contains(&k) {
            continue;
        }
        let owners: Vec<&str> = [
            (GOVERNING_KEYS, "policy, guideline and rule"),
            (MODULE_KEYS, "module"),
            (PATH_KEYS, "path"),
        ]
        .iter()
        .filter(|(keys, _)| keys.contains(&k))
        .map(|(_, who)| *who)
        .collect();
        diags.push(
            loc.at_key(k, format!("`{k}` is not a key of type {}", kind.as_str()))
                .with_hint(format!("`{k}` belongs to {}", owners.join(" and "))),
        );
    }
}

fn read_version(
    loc: &Locator,
    raw: &RawFrontMatter,
    kind: Kind,
    diags: &mut Vec<Diagnostic>,
) -> Option<Version> {
    let value = match &raw.version {
        Some(v) => v,
        None => {
            if matches!(
                kind,
                Kind::Policy | Kind::Guideline | Kind::Rule | Kind::Module
            ) {
                diags.push(loc.at_key(
                    "type",
                    format!("a {} needs a `version` (e.g. \"1.0\")", kind.as_str()),
                ));
            }
            return None;
        }
    };
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        // Unquoted `1.10` reaches us as the number 1.1; the line has the truth.
        serde_json::Value::Number(_) => loc
            .keys
            .iter()
            .find(|k| k.key == "version")
            .map(|k| k.raw_value.trim_matches(['"', '\'']).to_string())
            .unwrap_or_else(|| value.to_string()),
        other => other.to_string(),
    };
    let parsed = Version::parse(&text);
    if parsed.is_none() {
        diags.push(
            loc.at_key("version", format!("version `{text}` is not MAJOR.MINOR"))
                .with_hint("write e.g. version: \"1.0\" or \"2.3\""),
        );
    }
    parsed
}

fn read_date(
    loc: &Locator,
    key: &str,
    value: &Option<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Date> {
    let text = value.as_deref()?.trim();
    let ok = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match Date::parse_from_str(text, "%Y-%m-%d").ok().filter(|_| ok) {
        Some(d) => Some(d),
        None => {
            diags.push(
                loc.at_key(key, format!("`{key}` is `{text}`, not a date"))
                    .with_hint("write dates as YYYY-MM-DD, e.g. 2026-03-31"),
            );
            None
        }
    }
}

fn read_governing(
    loc: &Locator,
    raw: &RawFrontMatter,
    kind: Kind,
    status: Status,
    diags: &mut Vec<Diagnostic>,
) -> Governing {
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_string();
    let g = Governing {
        owner: text(&raw.owner),
        approved_by: text(&raw.approved_by),
        approved_on: read_date(loc, "approved_on", &raw.approved_on, diags),
        effective_from: read_date(loc, "effective_from", &raw.effective_from, diags),
        review_by: read_date(loc, "review_by", &raw.review_by, diags),
        record_number: text(&raw.record_number),
        parent: raw.parent.clone(),
        areas: raw.areas.clone().unwrap_or_default(),
        iso27001: raw.iso27001.clone().unwrap_or_default(),
        changes: text(&raw.changes),
        replaces: raw.replaces.clone().unwrap_or_default(),
        history: raw
            .history
            .iter()
            .flatten()
            .map(|h| HistoryEntry {
                version: match &h.version {
                    serde_json::Value::String(s) => s.clone(),
                    v => v.to_string(),
                },
                date: text(&h.date),
                approved_by: text(&h.approved_by),
                changes: text(&h.changes),
            })
            .collect(),
    };
    let decided = matches!(status, Status::Active | Status::Retired);
    let mut require = |key: &str, present: bool, why: &str| {
        if !present && !loc.has(key) {
            diags.push(loc.at_key("status", format!("a{why} {} needs `{key}`", kind.as_str())));
        }
    };
    require("owner", !g.owner.is_empty(), "");
    if decided {
        let adj = if status == Status::Active {
            "n active"
        } else {
            " retired"
        };
        require("approved_by", !g.approved_by.is_empty(), adj);
        require("approved_on", g.approved_on.is_some(), adj);
    }
    if status == Status::Active {
        require("review_by", g.review_by.is_some(), "n active");
    }
    if kind != Kind::Policy {
        require("parent", g.parent.is_some(), "");
    }
    for key in ["owner", "approved_by"] {
        let value = if key == "owner" {
            &g.owner
        } else {
            &g.approved_by
        };
        if loc.has(key) && value.is_empty() && (key == "owner" || decided) {
            diags.push(loc.at_key(key, format!("`{key}` is empty")));
        }
    }
    for control in &g.iso27001 {
        if iso27001::control(control).is_none() {
            let mut d = loc.at_value(
                "iso27001",
                control,
                format!("`{control}` is not an ISO/IEC 27001:2022 Annex A control"),
            );
            d = d.with_hint(iso27001::hint(control));
            diags.push(d);
        }
    }
    g
}

/// An alias must be a site path: `/old/address/`, no scheme, no `..`.
fn check_alias(alias: &str) -> Result<(), &'static str> {
    if !alias.starts_with('/') {
        return Err("must be a path starting with `/`");
    }
    if alias.starts_with("//") || alias.contains("://") {
        return Err("must be a path on this site, not a URL");
    }
    if alias
        .split('/')
        .any(|seg| seg == ".." || seg == "." || seg.contains('\\'))
    {
        return Err("must not contain `.`, `..` or `\\` segments");
    }
    if alias
        .bytes()
        .any(|b| b.is_ascii_control() || matches!(b, b'?' | b'#' | b'"' | b'<' | b'>'))
    {
        return Err("contains characters not allowed in a path");
    }
    if alias.trim_matches('/').is_empty() {
        return Err("must not be the start page");
    }
    Ok(())
}

/// An error about `doc` at its front matter key `key` — at the line of
/// `needle` inside that key's block when given (a list item, say).
pub fn error_at(doc: &Document, key: &str, needle: Option<&str>, message: String) -> Diagnostic {
    let yaml_start = doc.source.find('\n').map_or(0, |i| i + 1);
    let yaml = &doc.source[yaml_start..doc.body_offset.max(yaml_start)];
    let loc = Locator {
        path: &doc.source_path,
        source: &doc.source,
        yaml,
        yaml_line: doc.yaml_line,
        keys: &doc.key_lines,
    };
    match needle {
        Some(n) => loc.at_value(key, n, message),
        None => loc.at_key(key, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(path: &str, src: &str) -> (Option<Document>, Vec<String>) {
        let (doc, diags) = parse(&format!("content/{path}"), path, src.to_string());
        (
            doc,
            diags
                .iter()
                .map(|d| format!("{}: {}", d.location(), d.message))
                .collect(),
        )
    }

    #[test]
    fn url_paths() {
        assert_eq!(url_path("_index.md"), "");
        assert_eq!(url_path("regler/_index.md"), "regler/");
        assert_eq!(url_path("regler/losenord.md"), "regler/losenord/");
    }

    #[test]
    fn a_valid_rule() {
        let (doc, errs) = parse_str(
            "regler/r.md",
            "---\ntitle: Lösenord\ntype: rule\nid: LIS-R-05\nversion: 1.10\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: LIS-RL-01\niso27001: [\"5.17\"]\n---\nText\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
        let doc = doc.unwrap();
        assert_eq!(doc.version.unwrap().to_string(), "1.10");
        assert_eq!(doc.body(), "Text\n");
        assert_eq!(doc.url_path, "regler/r/");
    }

    #[test]
    fn required_keys_by_type_and_status() {
        let (_, errs) = parse_str(
            "r.md",
            "---\ntitle: R\ntype: rule\nid: R-1\nversion: \"1.0\"\n---\n",
        );
        for key in ["owner", "approved_by", "approved_on", "review_by", "parent"] {
            assert!(
                errs.iter().any(|e| e.contains(&format!("needs `{key}`"))),
                "{key}: {errs:?}"
            );
        }
        let (_, errs) = parse_str(
            "r.md",
            "---\ntitle: R\ntype: rule\nid: R-1\nversion: \"1.0\"\nstatus: draft\nowner: X\nparent: P\n---\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
    }

    #[test]
    fn keys_of_other_types_are_errors() {
        let (_, errs) = parse_str("p.md", "---\ntitle: P\nowner: X\n---\n");
        assert_eq!(
            errs,
            ["content/p.md:3:8: `owner` is not a key of type page"]
        );
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let (_, errs) = parse_str(
            "p.md",
            "---\ntitle: P\ntype: policy\nid: P 1\nversion: \"1\"\nowner: X\nstatus: draft\niso27001:\n  - \"5.1\"\n  - \"9.9\"\napproved_on: 2026-13-01\n---\n",
        );
        let joined = errs.join("\n");
        assert!(
            joined.contains("content/p.md:4:5: `P 1` is not a valid id"),
            "{joined}"
        );
        assert!(
            joined.contains("content/p.md:5:10: version `1` is not MAJOR.MINOR"),
            "{joined}"
        );
        assert!(
            joined.contains("content/p.md:10:6: `9.9` is not an ISO/IEC 27001:2022"),
            "{joined}"
        );
        assert!(
            joined.contains("content/p.md:11:14: `approved_on` is `2026-13-01`, not a date"),
            "{joined}"
        );
    }

    #[test]
    fn aliases_must_be_site_paths() {
        assert!(check_alias("/gamla/regler/").is_ok());
        for bad in [
            "gamla",
            "//evil.example/",
            "/a/../../etc/passwd",
            "https://x/",
            "/",
            "/a?b",
        ] {
            assert!(check_alias(bad).is_err(), "{bad}");
        }
    }
}
