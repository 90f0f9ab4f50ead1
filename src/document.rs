//! One content file → [`Document`]: splits off the front matter, reads it
//! into typed fields and checks everything that can be checked without the
//! rest of the site (required keys per type and status, which keys a type
//! may use, dates, versions, ids, ISO/IEC 27001 control numbers, aliases).
//! Cross-document rules live in `site`.

use crate::diagnostics::Diagnostic;
use crate::frontmatter::{self, Located, Split};
use crate::messages::Message;
use crate::model::*;

mod governing;
pub mod placeholders;

use governing::{read_governing, read_version};

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
fn all_keys() -> &'static [&'static str] {
    static KEYS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        let mut keys: Vec<&str> = COMMON_KEYS.to_vec();
        for k in GOVERNING_KEYS.iter().chain(MODULE_KEYS).chain(PATH_KEYS) {
            if !keys.contains(k) {
                keys.push(k);
            }
        }
        keys
    });
    &KEYS
}

fn keys_for(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Policy | Kind::Guideline | Kind::Rule => GOVERNING_KEYS,
        Kind::Module => MODULE_KEYS,
        Kind::Path => PATH_KEYS,
        Kind::Page => &[],
    }
}

/// An error at `key`'s value; for a missing key, at `status:` or `type:`
/// (what made the key required) or else the file's first line.
fn at_key(loc: &Located, key: &str, message: Message) -> Diagnostic {
    loc.error(
        loc.key_pos(&[key, "status", "type"]).unwrap_or((1, 1)),
        message,
    )
}

/// An error at `needle` inside `key`'s block (a list item, say).
fn at_value(loc: &Located, key: &str, needle: &str, message: Message) -> Diagnostic {
    loc.error(loc.value_pos(key, needle), message)
}

/// Parses one content file. Returns the document (absent when the front
/// matter cannot be read at all) and every problem found.
pub fn parse(
    source_path: &str,
    content_path: &str,
    source: String,
) -> (Option<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let doc = read(source_path, content_path, &source, &mut diags);
    (doc.map(|doc| Document { source, ..doc }), diags)
}

/// The document of `source` (its `source` left empty for the caller to
/// move in), or `None` when the front matter cannot be read.
fn read(
    source_path: &str,
    content_path: &str,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let split = match frontmatter::split(source) {
        Ok(s) => s,
        Err(e) => {
            diags.push(Diagnostic::error(source_path, e.message()).at(source, e.line(), 1));
            return None;
        }
    };
    if let Some(d) = too_large(source_path, source, split.yaml) {
        diags.push(d);
        return None;
    }
    let loc = Located::front_matter(source_path, source, split.yaml, split.yaml_line);
    // Every key is read even when some are bad, so that all problems of the
    // file show at once; a document with bad keys stays out of the site.
    let parsed = loc.parse_all::<RawFrontMatter>(all_keys());
    let failed = !parsed.errors.is_empty();
    diags.extend(parsed.errors);
    let raw = parsed.value?;
    let bad = Rejected::new(parsed.rejected);
    let doc = checked(loc, raw, &bad, content_path, &split, diags);
    if !bad.has("status") {
        let spots = placeholders::find(source, split.yaml, split.yaml_line, split.body_offset);
        for pos in spots {
            diags.push(placeholders::diagnostic(
                source_path,
                source,
                doc.status,
                pos,
            ));
        }
    }
    (!failed).then_some(doc)
}

/// The keys left unread because they were unknown or their value did not
/// fit, and the known keys a misspelt one probably meant: already reported,
/// so no other check may call them missing, empty or misplaced.
struct Rejected(Vec<String>);

impl Rejected {
    fn new(mut keys: Vec<String>) -> Self {
        let known = all_keys();
        let meant: Vec<String> = keys
            .iter()
            .filter(|k| !known.contains(&k.as_str()))
            .filter_map(|k| frontmatter::did_you_mean(k, known))
            .map(str::to_string)
            .collect();
        keys.extend(meant);
        Rejected(keys)
    }

    fn has(&self, key: &str) -> bool {
        self.0.iter().any(|k| k == key)
    }
}

/// Checks what the front matter says and builds the document from it.
fn checked(
    loc: Located,
    raw: RawFrontMatter,
    bad: &Rejected,
    content_path: &str,
    split: &Split,
    diags: &mut Vec<Diagnostic>,
) -> Document {
    let is_section = content_path == "_index.md" || content_path.ends_with("/_index.md");
    let kind = raw.kind.unwrap_or(Kind::Page);
    let status = raw.status.unwrap_or_default();
    // With the type unreadable, which keys belong is unknown too.
    if !bad.has("type") {
        check_keys_for_kind(&loc, kind, is_section, bad, diags);
    }
    let title = read_title(&loc, &raw, bad, diags);
    let id = read_id(&loc, &raw, kind, bad, diags);
    let version = read_version(&loc, &raw, kind, bad, diags);
    let known_status = (!bad.has("status")).then_some(status);
    if let (Some(Status::Active), Some(v)) = (known_status, version) {
        if v.major == 0 {
            diags.push(
                at_key(
                    &loc,
                    "version",
                    t!(
                        "an active {kind} is at version {v}",
                        kind = kind.as_str(),
                        v
                    ),
                )
                .with_hint(t!(
                    "a draft is 0.x; the approved version is 1.0 or higher, e.g. version: \"1.0\""
                )),
            );
        }
    }
    let mut governing = || read_governing(&loc, &raw, kind, known_status, bad, diags);
    let kind_data = match kind {
        Kind::Policy => DocKind::Policy(governing()),
        Kind::Guideline => DocKind::Guideline(governing()),
        Kind::Rule => DocKind::Rule(governing()),
        Kind::Module => DocKind::Module(read_module(&loc, &raw, diags)),
        Kind::Path => DocKind::Path(read_path(&loc, &raw, bad, diags)),
        Kind::Page => DocKind::Page,
    };
    let aliases = read_aliases(&loc, &raw, diags);
    Document {
        source_path: loc.path().to_string(),
        content_path: content_path.to_string(),
        url_path: url_path(content_path),
        yaml_line: split.yaml_line,
        body_offset: split.body_offset,
        key_lines: loc.into_keys(),
        is_section,
        kind: kind_data,
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
        source: String::new(),
    }
}

/// The front matter over its size limit, as an error.
fn too_large(source_path: &str, source: &str, yaml: &str) -> Option<Diagnostic> {
    use crate::limits::{human, MAX_FRONT_MATTER_BYTES};
    (yaml.len() > MAX_FRONT_MATTER_BYTES).then(|| {
        Diagnostic::error(
            source_path,
            t!(
                "the front matter is {size}; the limit is {limit}",
                size = human(yaml.len() as u64),
                limit = human(MAX_FRONT_MATTER_BYTES as u64)
            ),
        )
        .with_hint(t!(
            "put long text in the Markdown body below the closing `---`"
        ))
        .at(source, 1, 1)
    })
}

/// The title; empty or missing is an error.
fn read_title(
    loc: &Located,
    raw: &RawFrontMatter,
    bad: &Rejected,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let title = raw.title.clone().unwrap_or_default();
    if title.trim().is_empty() && !bad.has("title") {
        diags.push(if loc.has("title") {
            at_key(loc, "title", t!("`title` is empty"))
        } else {
            loc.error((1, 1), t!("missing required key `title`"))
        });
    }
    title
}

/// The id; a type that has ids needs a valid one.
fn read_id(
    loc: &Located,
    raw: &RawFrontMatter,
    kind: Kind,
    bad: &Rejected,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    if kind.has_id() {
        match &raw.id {
            None if bad.has("id") => {}
            None => diags.push(at_key(
                loc,
                "type",
                t!("a {kind} needs an `id`", kind = kind.as_str()),
            )),
            Some(i) if !is_valid_id(i) => diags.push(
                at_key(loc, "id", t!("`{id}` is not a valid id", id = i))
                    .with_hint(t!("ids use letters, digits and . _ : / - (e.g. LIS-R-04)")),
            ),
            _ => {}
        }
    }
    raw.id.clone()
}

/// A module's training data; a knowledge-measurement key needs a quiz.
fn read_module(loc: &Located, raw: &RawFrontMatter, diags: &mut Vec<Diagnostic>) -> ModuleInfo {
    if raw.quiz.is_none() {
        for key in ["pretest", "retest_after_days"] {
            if loc.has(key) {
                diags.push(
                    at_key(loc, key, t!("`{key}` measures knowledge with the module's quiz, and this module has no `quiz`", key))
                        .with_hint(t!("add `quiz: ID` (a file quizzes/ID.yaml) or remove the key")),
                );
            }
        }
    }
    ModuleInfo {
        duration: raw.duration,
        quiz: raw.quiz.clone(),
        prerequisites: raw.prerequisites.clone().unwrap_or_default(),
        documents: raw.documents.clone().unwrap_or_default(),
        pretest: raw.pretest.unwrap_or(false),
        retest_after_days: raw
            .retest_after_days
            .unwrap_or(crate::model::DEFAULT_RETEST_AFTER_DAYS),
    }
}

/// A path's modules and documents; a path without modules is an error.
fn read_path(
    loc: &Located,
    raw: &RawFrontMatter,
    bad: &Rejected,
    diags: &mut Vec<Diagnostic>,
) -> PathInfo {
    let path = PathInfo {
        modules: raw.modules.clone().unwrap_or_default(),
        documents: raw.documents.clone().unwrap_or_default(),
        due_days: raw.due_days,
    };
    if path.modules.is_empty() && !bad.has("modules") {
        diags.push(at_key(
            loc,
            "modules",
            t!("a path needs `modules`: the module ids in order"),
        ));
    }
    path
}

/// The aliases, each a site path.
fn read_aliases(loc: &Located, raw: &RawFrontMatter, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let aliases = raw.aliases.clone().unwrap_or_default();
    for alias in &aliases {
        if let Err(why) = check_alias(alias) {
            diags.push(at_value(
                loc,
                "aliases",
                alias,
                t!("alias `{alias}` {why}", alias, why),
            ));
        }
    }
    aliases
}

fn check_keys_for_kind(
    loc: &Located,
    kind: Kind,
    is_section: bool,
    bad: &Rejected,
    diags: &mut Vec<Diagnostic>,
) {
    if is_section && kind != Kind::Page {
        diags.push(at_key(
            loc,
            "type",
            t!(
                "a section page (`_index.md`) is of type page, not {kind}",
                kind = kind.as_str()
            ),
        ));
    }
    let allowed = keys_for(kind);
    for key in loc.keys() {
        let k = key.key.as_str();
        if COMMON_KEYS.contains(&k) || allowed.contains(&k) || bad.has(k) {
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
            at_key(
                loc,
                k,
                t!(
                    "`{key}` is not a key of type {kind}",
                    key = k,
                    kind = kind.as_str()
                ),
            )
            .with_hint(t!(
                "`{key}` belongs to {owners}",
                key = k,
                owners = owners.join(" and ")
            )),
        );
    }
}

/// An alias must be a site path: `/old/address/`, no scheme, no `..`.
fn check_alias(alias: &str) -> Result<(), Message> {
    if !alias.starts_with('/') {
        return Err(t!("must be a path starting with `/`"));
    }
    if alias.starts_with("//") || alias.contains("://") {
        return Err(t!("must be a path on this site, not a URL"));
    }
    if alias
        .split('/')
        .any(|seg| seg == ".." || seg == "." || seg.contains('\\'))
    {
        return Err(t!("must not contain `.`, `..` or `\\` segments"));
    }
    if alias
        .bytes()
        .any(|b| b.is_ascii_control() || matches!(b, b'?' | b'#' | b'"' | b'<' | b'>'))
    {
        return Err(t!("contains characters not allowed in a path"));
    }
    if alias.trim_matches('/').is_empty() {
        return Err(t!("must not be the start page"));
    }
    Ok(())
}

/// The front matter of a parsed document, placed in its file.
pub fn locate(doc: &Document) -> Located<'_> {
    let yaml_start = doc.source.find('\n').map_or(0, |i| i + 1);
    let yaml = &doc.source[yaml_start..doc.body_offset.max(yaml_start)];
    Located::with_keys(
        &doc.source_path,
        &doc.source,
        yaml,
        doc.yaml_line,
        &doc.key_lines,
    )
}

/// An error about `doc` at its front matter key `key` — at the line of
/// `needle` inside that key's block when given (a list item, say).
pub fn error_at(doc: &Document, key: &str, needle: Option<&str>, message: Message) -> Diagnostic {
    let loc = locate(doc);
    match needle {
        Some(n) => at_value(&loc, key, n, message),
        None => at_key(&loc, key, message),
    }
}

#[cfg(test)]
mod tests;
