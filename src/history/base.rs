//! `styrdok check --base REV`, the document owners' pull-request rule: a
//! governing document whose text (front matter or body) changed since REV
//! must have a higher `version`, and no version may go down. A version
//! that was still a draft or on review at REV may change freely — it was
//! never decided. Errors point at the `version:` line of the file.
//!
//! A document is matched to its state at REV by its file, not its id: by
//! path first, then, for files that are new on disk, by git-style rename
//! detection (the same text, else the most similar text at REV, at least
//! half of it shared), and only then by id. So changing a document's id
//! together with its text cannot hide the change, and a changed id is an
//! error of its own: it breaks every `id:` link and every read receipt.

use super::git;
use super::walk::{summarize, Summary};
use crate::diagnostics::Diagnostic;
use crate::frontmatter;
use crate::messages::Message;
use crate::model::Version;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A versioned file at REV.
struct BaseFile {
    summary: Summary,
    text: Vec<u8>,
}

/// Which versioned files a comparison is about.
#[derive(Clone, Copy)]
enum Scope {
    /// Governing documents (the version rule).
    Governing,
    /// Governing documents and training modules (the pull-request summary).
    Versioned,
}

impl Scope {
    fn takes(self, kind: crate::model::Kind) -> bool {
        kind.is_governing()
            || (matches!(self, Scope::Versioned) && kind == crate::model::Kind::Module)
    }
}

/// The files of `scope` at REV, by path relative to the site root.
fn base_files(root: &Path, rev: &str, scope: Scope) -> Result<BTreeMap<String, BaseFile>, String> {
    let repo = git::open(root)?;
    let commit = repo.resolve(rev).map_err(|e| {
        let shallow = if repo.is_shallow() {
            " (the repository is a shallow clone: fetch more history)"
        } else {
            ""
        };
        format!("cannot find revision `{rev}`{shallow}: {e}")
    })?;
    let mut files = Vec::new();
    if let Some(content) = repo.content_tree(repo.tree_of(commit)?)? {
        repo.changed_markdown(None, content, "", &mut files)?;
    }
    let mut out = BTreeMap::new();
    for f in files {
        let text = repo.blob(f.blob)?;
        if let Some(summary) = summarize(&String::from_utf8_lossy(&text)) {
            if scope.takes(summary.kind) {
                let path = format!("{}/{}", crate::discover::CONTENT_DIR, f.path);
                out.insert(path, BaseFile { summary, text });
            }
        }
    }
    Ok(out)
}

/// A governing document on disk now.
struct NowFile {
    rel: String,
    summary: Summary,
    text: Vec<u8>,
}

/// Pairs each file on disk with its file at REV (see the module comment):
/// `pairs[i]` is the base path of `now[i]`, if it has one.
fn match_files(now: &[NowFile], base: &BTreeMap<String, BaseFile>) -> Vec<Option<String>> {
    let mut pairs: Vec<Option<String>> = now
        .iter()
        .map(|f| base.contains_key(&f.rel).then(|| f.rel.clone()))
        .collect();
    let paired: std::collections::HashSet<&String> = pairs.iter().flatten().collect();
    let mut free: Vec<&String> = base.keys().filter(|k| !paired.contains(k)).collect();
    // Renames: the same text first, then the most similar pairs, as git
    // pairs them (and, like git's rename limit, not when there are so many
    // that comparing all would take long: then the id decides).
    let mut by_text: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (j, path) in free.iter().enumerate() {
        by_text.entry(&base[*path].text).or_default().push(j);
    }
    let mut taken = vec![false; free.len()];
    for (i, f) in now.iter().enumerate() {
        if pairs[i].is_some() {
            continue;
        }
        let same = by_text.get(f.text.as_slice());
        if let Some(&j) = same.and_then(|js| js.iter().find(|&&j| !taken[j])) {
            pairs[i] = Some(free[j].clone());
            taken[j] = true;
        }
    }
    let unmatched = pairs.iter().filter(|p| p.is_none()).count();
    let mut candidates = Vec::new();
    let compare_all = unmatched.saturating_mul(free.len()) <= RENAME_LIMIT;
    for (i, f) in now
        .iter()
        .enumerate()
        .filter(|(i, _)| compare_all && pairs[*i].is_none())
    {
        for (j, path) in free.iter().enumerate().filter(|(j, _)| !taken[*j]) {
            let score = similarity(&base[*path].text, &f.text);
            if score >= RENAME_THRESHOLD {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in candidates {
        if pairs[i].is_none() && !taken[j] {
            pairs[i] = Some(free[j].clone());
            taken[j] = true;
        }
    }
    free = free
        .into_iter()
        .zip(taken)
        .filter(|(_, t)| !t)
        .map(|(p, _)| p)
        .collect();
    // Rewritten beyond recognition and moved: the id still tells.
    for (i, f) in now.iter().enumerate() {
        if pairs[i].is_none() {
            if let Some(k) = free
                .iter()
                .position(|p| base[*p].summary.id == f.summary.id)
            {
                pairs[i] = Some(free.remove(k).clone());
            }
        }
    }
    pairs
}

/// Git's default rename threshold: half the text shared.
const RENAME_THRESHOLD: f64 = 0.5;

/// At most this many text comparisons for rename detection (git's
/// `diff.renameLimit` is 1,000 files each way).
const RENAME_LIMIT: usize = 1_000_000;

/// How much of two texts is shared, 0 to 1: the bytes of the lines they
/// have in common (each line counted as often as both have it) over the
/// size of the larger text (git's rename score, by lines).
fn similarity(a: &[u8], b: &[u8]) -> f64 {
    if a == b {
        return 1.0;
    }
    let larger = a.len().max(b.len());
    if larger == 0 {
        return 1.0;
    }
    let mut lines: HashMap<&[u8], (usize, usize)> = HashMap::new();
    for l in a.split_inclusive(|&c| c == b'\n') {
        lines.entry(l).or_default().0 += 1;
    }
    for l in b.split_inclusive(|&c| c == b'\n') {
        lines.entry(l).or_default().1 += 1;
    }
    let shared: usize = lines.iter().map(|(l, (x, y))| l.len() * x.min(y)).sum();
    shared as f64 / larger as f64
}

/// The text without its top-level `id:` line, to tell whether anything
/// but the id changed.
fn without_id(text: &[u8]) -> Vec<&[u8]> {
    text.split_inclusive(|&c| c == b'\n')
        .filter(|l| !l.starts_with(b"id:"))
        .collect()
}

/// An error at the `version:` line of `text`.
fn at_version(rel: &str, text: &str, message: Message, hint: Message) -> Diagnostic {
    at_key("version", rel, text, message, hint)
}

/// An error at the line of front matter key `key` in `text`.
fn at_key(key: &str, rel: &str, text: &str, message: Message, hint: Message) -> Diagnostic {
    let d = Diagnostic::error(rel, message).with_hint(hint);
    let Ok(split) = frontmatter::split(text) else {
        return d;
    };
    match frontmatter::key_lines(split.yaml)
        .into_iter()
        .find(|k| k.key == key)
    {
        Some(k) => d.at(text, split.yaml_line + k.line - 1, k.value_column),
        None => d,
    }
}

fn next_minor(v: Version) -> Version {
    Version {
        major: v.major,
        minor: v.minor + 1,
    }
}

/// The files of `scope` on disk now.
fn now_files(root: &Path, scope: Scope) -> Result<Vec<NowFile>, Diagnostic> {
    let files = crate::discover::discover(root)?;
    Ok(files
        .markdown
        .iter()
        .filter_map(|rel| {
            let text = std::fs::read(root.join(rel)).ok()?;
            let summary = summarize(&String::from_utf8_lossy(&text))?;
            scope.takes(summary.kind).then(|| NowFile {
                rel: rel.clone(),
                summary,
                text,
            })
        })
        .collect())
}

/// A governing document or module whose file changed since REV (or is new).
#[derive(Debug, Clone)]
pub struct Changed {
    /// The file now, relative to the site root.
    pub rel: String,
    /// Its file at REV and that file's text, when it had one.
    pub was: Option<(String, String)>,
    /// Its version at REV.
    pub was_version: Option<Version>,
    /// Whether it was decided (active or retired) at REV.
    pub was_decided: bool,
}

/// What changed since REV: the files that changed or are new, and the
/// files at REV that are gone (path and text there).
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub changed: Vec<Changed>,
    pub removed: Vec<(String, String)>,
}

/// Every governing document and module whose text changed since `rev`,
/// paired with its file there as `check --base` pairs them, and those
/// whose file is gone.
pub fn changed(root: &Path, rev: &str) -> Result<Changes, String> {
    let base = base_files(root, rev, Scope::Versioned)?;
    let now = now_files(root, Scope::Versioned).map_err(|d| d.message.en())?;
    let pairs = match_files(&now, &base);
    let paired: std::collections::HashSet<&String> = pairs.iter().flatten().collect();
    let removed = base
        .iter()
        .filter(|(path, _)| !paired.contains(path))
        .map(|(path, b)| (path.clone(), String::from_utf8_lossy(&b.text).into_owned()))
        .collect();
    let changed = now
        .iter()
        .zip(pairs.iter().cloned())
        .filter_map(|(f, was)| {
            let old = was.as_ref().map(|w| &base[w]);
            if old.is_some_and(|b| b.text == f.text) {
                return None;
            }
            Some(Changed {
                rel: f.rel.clone(),
                was: was.map(|w| {
                    (
                        w.clone(),
                        String::from_utf8_lossy(&base[&w].text).into_owned(),
                    )
                }),
                was_version: old.map(|b| b.summary.version),
                was_decided: old.is_some_and(|b| !b.summary.status.is_unapproved()),
            })
        })
        .collect();
    Ok(Changes { changed, removed })
}

/// Compares every governing document on disk with its state at `rev`.
pub fn check(root: &Path, rev: &str) -> Vec<Diagnostic> {
    let base = match base_files(root, rev, Scope::Governing) {
        Ok(b) => b,
        Err(why) => {
            return vec![
                Diagnostic::error(".", t!("check --base {rev}: {why}", rev, why)).with_hint(t!(
                    "--base needs the site in a git repository with that revision fetched"
                )),
            ]
        }
    };
    let now = match now_files(root, Scope::Governing) {
        Ok(n) => n,
        Err(d) => return vec![d],
    };
    let pairs = match_files(&now, &base);
    let mut diags = Vec::new();
    for (f, was) in now.iter().zip(pairs) {
        if let Some(was) = was {
            compare(f, &was, &base[&was], rev, &mut diags);
        }
    }
    diags
}

/// The rules for one document and its file at REV (`was_path`).
fn compare(f: &NowFile, was_path: &str, was: &BaseFile, rev: &str, diags: &mut Vec<Diagnostic>) {
    let (rel, bytes, now) = (&f.rel, &f.text, &f.summary);
    let text = String::from_utf8_lossy(bytes);
    let decided = !was.summary.status.is_unapproved();
    let id_changed = was.summary.id != now.id;
    if id_changed && decided {
        diags.push(id_changed_error(
            rel,
            &text,
            was_path,
            &was.summary.id,
            &now.id,
            rev,
        ));
    }
    let (old, new) = (was.summary.version, now.version);
    // An id change alone is reported above, not as a change of text too.
    let changed = if id_changed {
        without_id(&was.text) != without_id(bytes)
    } else {
        was.text != *bytes
    };
    if new < old {
        diags.push(at_version(
            rel,
            &text,
            t!(
                "`version` went down from {old} to {new} since {rev}",
                old,
                new,
                rev
            ),
            t!(
                "a new version needs a number above {old}, e.g. \"{next}\"",
                old,
                next = next_minor(old)
            ),
        ));
    } else if new.major == old.major && new.minor > old.minor && decided {
        if body_of(&was.text) != body_of(bytes) && !names_acknowledge(&text) {
            diags.push(at_version(
                rel,
                &text,
                t!("the text changed and `version` went from {old} to {new} since {rev}: say whether readers must confirm it again", old, new, rev),
                t!("add `acknowledge: true` (a change of substance: readers who confirmed an earlier version are asked again) or `acknowledge: false` (an editorial change: their confirmations still count)"),
            ));
        }
    } else if new == old && changed && decided {
        diags.push(at_version(
            rel,
            &text,
            t!(
                "the text changed since {rev} but `version` is still {new}",
                rev,
                new
            ),
            t!(
                "raise `version` (e.g. to \"{next}\") and say what changed in `changes`",
                next = next_minor(new)
            ),
        ));
    }
}

/// A decided document's `id` changed since REV.
fn id_changed_error(
    rel: &str,
    text: &str,
    was_path: &str,
    id: &str,
    id2: &str,
    rev: &str,
) -> Diagnostic {
    let message = if was_path == rel {
        t!("`id` changed from {id} to {id2} since {rev}", id, id2, rev)
    } else {
        t!(
            "`id` changed from {id} to {id2} since {rev} (the file was `{was_path}`)",
            id,
            id2,
            rev,
            was_path
        )
    };
    at_key(
        "id",
        rel,
        text,
        message,
        t!("keep `id: {id}`: the id is the document itself, and a new one breaks every `id:` link and read receipt", id),
    )
}

/// A file's body, without its front matter (`None`: no front matter).
fn body_of(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    frontmatter::split(&text).map(|s| s.body.to_string()).ok()
}

/// Does the front matter say `acknowledge` (either way)? A file whose
/// front matter cannot be split counts as saying it.
fn names_acknowledge(text: &str) -> bool {
    frontmatter::split(text)
        .map(|s| {
            frontmatter::key_lines(s.yaml)
                .iter()
                .any(|k| k.key == "acknowledge")
        })
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_counts_shared_lines() {
        assert_eq!(similarity(b"a\nb\n", b"a\nb\n"), 1.0);
        assert_eq!(similarity(b"aaaa\nbbbb\n", b"aaaa\ncccc\n"), 0.5);
        assert_eq!(similarity(b"x\n", b"y\n"), 0.0);
        // A line repeated counts as often as both texts have it.
        assert_eq!(similarity(b"a\na\n", b"a\nb\n"), 0.5);
    }
}
