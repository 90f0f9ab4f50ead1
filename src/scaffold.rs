//! `styrdok new`: writes a new content file with every key its type needs,
//! safe defaults (status draft, version 0.1), the next free id in the site's
//! own pattern, and a short Swedish body skeleton. It reads the site only to
//! learn which ids exist; it never overwrites a file.

use crate::discover;
use crate::messages::Message;
use crate::model::{Date, Kind};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

/// What `styrdok new` is asked to write.
#[derive(Debug, Clone)]
pub struct NewOptions {
    pub root: PathBuf,
    pub kind: Kind,
    /// The file to write, relative to the root (`content/regler/x.md`).
    pub path: PathBuf,
    pub id: Option<String>,
    pub parent: Option<String>,
    pub title: Option<String>,
    /// The date written into the skeleton (default: today).
    pub today: Option<Date>,
}

/// The file `new` wrote, and the id it chose.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// Relative to the root, with `/` separators.
    pub path: String,
    pub id: Option<String>,
}

/// An id that the site already uses, with its document's type.
#[derive(Debug, Clone)]
pub struct ExistingId {
    pub kind: Kind,
    pub id: String,
    pub owner: String,
}

/// Writes the new document. Every error is a usage error (exit status 2):
/// a path outside `content/`, an existing file, an unknown parent.
pub fn new_document(options: &NewOptions) -> Result<NewDocument, Message> {
    let rel = content_relative(&options.root, &options.path)?;
    let file = options.root.join(&rel);
    if file.exists() {
        return Err(t!(
            "`{rel}` already exists; styrdok new never overwrites a file",
            rel
        ));
    }
    let existing = existing_ids(&options.root);
    let id = match (&options.id, options.kind.has_id()) {
        (_, false) => None,
        (Some(id), true) => {
            if !crate::document::is_valid_id(id) {
                return Err(t!(
                    "`{id}` is not a valid id (letters, digits and . _ : / -)",
                    id
                ));
            }
            if existing.iter().any(|e| &e.id == id) {
                return Err(t!("the id `{id}` is already used", id));
            }
            Some(id.clone())
        }
        (None, true) => Some(next_id(options.kind, &existing)),
    };
    let parent = choose_parent(options, &existing)?;
    let today = options
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let first_module = first_of(&existing, Kind::Module);
    let text = skeleton(options, id.as_deref(), parent, &first_module, today);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| t!("cannot create {dir}: {e}", dir = dir.display(), e))?;
    }
    // `create_new` closes the race between the check above and the write.
    use std::io::Write as _;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .map_err(|e| t!("cannot write {rel}: {e}", rel, e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| t!("cannot write {rel}: {e}", rel, e))?;
    Ok(NewDocument { path: rel, id })
}

/// `path` as a root-relative `content/…/name.md`, refusing anything that
/// leaves `content/`.
pub fn content_relative(root: &Path, path: &Path) -> Result<String, Message> {
    let shown = path.display().to_string();
    let rel: PathBuf = if path.is_absolute() {
        let root_abs =
            std::fs::canonicalize(root).map_err(|e| t!("{root}: {e}", root = root.display(), e))?;
        let stripped = path
            .strip_prefix(&root_abs)
            .or_else(|_| path.strip_prefix(root))
            .map_err(|_| t!("`{shown}` is not inside the site's content/ folder", shown))?;
        stripped.to_path_buf()
    } else {
        path.to_path_buf()
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return Err(t!("`{shown}` must stay inside content/ (no `..`)", shown)),
        }
    }
    if parts.first().map(String::as_str) != Some(discover::CONTENT_DIR) || parts.len() < 2 {
        return Err(t!(
            "`{shown}` is outside content/; write e.g. content/{parts}",
            shown,
            parts = parts.join("/")
        ));
    }
    if parts.iter().any(|p| p.starts_with('.')) {
        return Err(t!(
            "`{shown}`: hidden files and folders are not built",
            shown
        ));
    }
    let mut joined = parts.join("/");
    if !joined.ends_with(".md") {
        if Path::new(&joined).extension().is_some() {
            return Err(t!("`{shown}` must be a Markdown file ending in .md", shown));
        }
        joined.push_str(".md");
    }
    Ok(joined)
}

/// The ids of every content file that can be read, ignoring any other error
/// (`new` must work on a site that does not check clean yet).
pub fn existing_ids(root: &Path) -> Vec<ExistingId> {
    let Ok(files) = discover::discover(root) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rel in &files.markdown {
        let Ok(text) = discover::read_text(&root.join(rel), rel) else {
            continue;
        };
        let content_path = rel.strip_prefix("content/").unwrap_or(rel);
        if let (Some(doc), _) = crate::document::parse(rel, content_path, text) {
            if let Some(id) = doc.id {
                let owner = doc
                    .kind
                    .governing()
                    .map(|g| g.owner.clone())
                    .unwrap_or_default();
                out.push(ExistingId {
                    kind: doc.kind.tag(),
                    id,
                    owner,
                });
            }
        }
    }
    out
}

fn default_prefix(kind: Kind) -> &'static str {
    match kind {
        Kind::Policy => "LIS-P-",
        Kind::Guideline => "LIS-RL-",
        Kind::Rule => "LIS-R-",
        Kind::Module => "M-",
        Kind::Path => "V-",
        Kind::Page => "",
    }
}

/// `LIS-R-09` → (`LIS-R-`, 9, 2).
fn split_number(id: &str) -> Option<(&str, u64, usize)> {
    let digits = id.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 18 {
        return None;
    }
    let (prefix, number) = id.split_at(id.len() - digits);
    Some((prefix, number.parse().ok()?, digits))
}

/// The next free id for `kind`: the prefix most ids of that type share, one
/// past the highest number, as wide as the widest (`LIS-R-09` → `LIS-R-10`).
pub fn next_id(kind: Kind, existing: &[ExistingId]) -> String {
    // prefix → (count, highest, width)
    let mut patterns: BTreeMap<&str, (usize, u64, usize)> = BTreeMap::new();
    for e in existing.iter().filter(|e| e.kind == kind) {
        if let Some((prefix, n, width)) = split_number(&e.id) {
            let p = patterns.entry(prefix).or_insert((0, 0, 0));
            p.0 += 1;
            p.1 = p.1.max(n);
            p.2 = p.2.max(width);
        }
    }
    let (prefix, mut n, width) = patterns
        .iter()
        .max_by_key(|(_, (count, _, _))| *count)
        .map(|(p, (_, high, w))| (p.to_string(), high + 1, *w))
        .unwrap_or_else(|| (default_prefix(kind).to_string(), 1, 2));
    // Another type may already use the id (or a gap in the pattern may be
    // taken by hand); step on until it is free.
    loop {
        let id = format!("{prefix}{n:0width$}");
        if !existing.iter().any(|e| e.id == id) {
            return id;
        }
        n += 1;
    }
}

/// The parent a guideline or rule gets: `--parent`, checked, or the site's
/// first guideline (for a rule) or policy.
fn choose_parent<'a>(
    options: &'a NewOptions,
    existing: &'a [ExistingId],
) -> Result<Option<&'a ExistingId>, Message> {
    let wanted: &[Kind] = match options.kind {
        Kind::Guideline => &[Kind::Policy],
        Kind::Rule => &[Kind::Guideline, Kind::Policy],
        Kind::Policy => &[Kind::Policy],
        _ => {
            return match &options.parent {
                Some(_) => Err(t!(
                    "a {kind} has no parent; --parent is for guideline, rule and policy",
                    kind = options.kind.as_str()
                )),
                None => Ok(None),
            }
        }
    };
    if let Some(p) = &options.parent {
        return match existing.iter().find(|e| &e.id == p) {
            Some(e) if wanted.contains(&e.kind) => Ok(Some(e)),
            Some(e) => Err(t!(
                "`{parent}` is a {kind}; a {child}'s parent must be a {want}",
                parent = p,
                kind = e.kind.as_str(),
                child = options.kind.as_str(),
                want = wanted
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            )),
            None => Err(t!("there is no document with id `{id}`", id = p)),
        };
    }
    if options.kind == Kind::Policy {
        return Ok(None);
    }
    let mut found = None;
    for kind in wanted {
        let mut ids: Vec<&ExistingId> = existing.iter().filter(|e| e.kind == *kind).collect();
        ids.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(first) = ids.first() {
            found = Some(*first);
            break;
        }
    }
    found.map(Some).ok_or_else(|| {
        t!("a {kind} needs a parent, and the site has no {want} yet; write that first or give --parent", kind = options.kind.as_str(), want = wanted[0].as_str())
    })
}

/// The title when `--title` is not given: a placeholder (see
/// `document::placeholders`), so it cannot be published as it stands.
fn default_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Policy => "FYLL I: policyns rubrik",
        Kind::Guideline => "FYLL I: riktlinjens rubrik",
        Kind::Rule => "FYLL I: regelns rubrik",
        Kind::Module => "FYLL I: utbildningens rubrik",
        Kind::Path => "FYLL I: utbildningsvägens rubrik",
        Kind::Page => "FYLL I: sidans rubrik",
    }
}

/// A YAML double-quoted string.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn skeleton(
    options: &NewOptions,
    id: Option<&str>,
    parent: Option<&ExistingId>,
    first_module: &str,
    today: Date,
) -> String {
    let kind = options.kind;
    let title = options.title.as_deref().unwrap_or(default_title(kind));
    let mut s = String::from("---\n");
    let _ = writeln!(s, "title: {}", quoted(title));
    let _ = writeln!(s, "type: {}", kind.as_str());
    if let Some(id) = id {
        let _ = writeln!(s, "id: {}", quoted(id));
    }
    if kind != Kind::Path && kind != Kind::Page {
        s.push_str("version: \"0.1\"\n");
    }
    s.push_str("status: draft\n");
    if kind.is_governing() {
        let owner = parent
            .map(|p| p.owner.as_str())
            .filter(|o| !o.is_empty())
            .unwrap_or("Informationssäkerhetsansvarig");
        let _ = writeln!(s, "owner: {}", quoted(owner));
        if let Some(p) = parent {
            let _ = writeln!(s, "parent: {}", quoted(&p.id));
        }
        s.push_str("classification: internal\n");
        s.push_str("changes: Första versionen.\n");
        let review = today
            .checked_add_months(chrono::Months::new(24))
            .unwrap_or(today);
        let _ = write!(
            s,
            "# Ersätt varje rad som börjar med FYLL I med dokumentets egen text.\n\
             # När dokumentet är fastställt: byt status till active, sätt\n\
             # version till \"1.0\" och fyll i\n\
             # approved_by: Kommunstyrelsen\n\
             # approved_on: {today}\n\
             # review_by: {review}\n"
        );
    }
    match kind {
        Kind::Module => s.push_str("duration: 15\n"),
        Kind::Path => {
            let _ = writeln!(s, "modules: [{}]", quoted(first_module));
            s.push_str("due_days: 30\n");
        }
        _ => {}
    }
    s.push_str("summary: \"FYLL I: en kort sammanfattning, en eller två meningar.\"\n---\n\n");
    s.push_str(body(kind));
    s
}

/// The site's first id of `kind` (for a path's first module).
fn first_of(existing: &[ExistingId], kind: Kind) -> String {
    let mut ids: Vec<&str> = existing
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.id.as_str())
        .collect();
    ids.sort();
    ids.first()
        .map(|s| s.to_string())
        .unwrap_or_else(|| format!("{}01", default_prefix(kind)))
}

fn body(kind: Kind) -> &'static str {
    match kind {
        Kind::Policy => include_str!("scaffold/policy.md"),
        Kind::Guideline => include_str!("scaffold/guideline.md"),
        Kind::Rule => include_str!("scaffold/rule.md"),
        Kind::Module => include_str!("scaffold/module.md"),
        Kind::Path => include_str!("scaffold/path.md"),
        Kind::Page => include_str!("scaffold/page.md"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[(Kind, &str)]) -> Vec<ExistingId> {
        list.iter()
            .map(|(k, id)| ExistingId {
                kind: *k,
                id: id.to_string(),
                owner: String::new(),
            })
            .collect()
    }

    #[test]
    fn next_id_follows_the_site_pattern() {
        let e = ids(&[
            (Kind::Rule, "LIS-R-01"),
            (Kind::Rule, "LIS-R-09"),
            (Kind::Rule, "LIS-R-04"),
            (Kind::Policy, "LIS-P-01"),
        ]);
        assert_eq!(next_id(Kind::Rule, &e), "LIS-R-10");
        assert_eq!(next_id(Kind::Policy, &e), "LIS-P-02");
        assert_eq!(next_id(Kind::Module, &e), "M-01");
    }

    #[test]
    fn next_id_keeps_width_and_majority_prefix() {
        let e = ids(&[
            (Kind::Rule, "R-0099"),
            (Kind::Rule, "R-0007"),
            (Kind::Rule, "OLD-3"),
        ]);
        assert_eq!(next_id(Kind::Rule, &e), "R-0100");
    }

    #[test]
    fn next_id_skips_ids_taken_by_other_types() {
        let e = ids(&[(Kind::Module, "M-01"), (Kind::Path, "M-02")]);
        assert_eq!(next_id(Kind::Module, &e), "M-03");
    }

    #[test]
    fn paths_must_stay_in_content() {
        let root = Path::new("/site");
        assert_eq!(
            content_relative(root, Path::new("content/regler/ny")).unwrap(),
            "content/regler/ny.md"
        );
        for bad in [
            "regler/x.md",
            "content/../site.yaml",
            "content",
            "content/.x.md",
            "/etc/x.md",
        ] {
            assert!(content_relative(root, Path::new(bad)).is_err(), "{bad}");
        }
        assert!(content_relative(root, Path::new("content/a.pdf")).is_err());
    }
}
