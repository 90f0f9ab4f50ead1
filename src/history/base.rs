//! `styrdok check --base REV`, the document owners' pull-request rule: a
//! governing document whose text (front matter or body) changed since REV
//! must have a higher `version`, and no version may go down. A version
//! that was still a draft or on review at REV may change freely — it was
//! never decided. Errors point at the `version:` line of the file.

use super::git;
use super::walk::{summarize, Summary};
use crate::diagnostics::Diagnostic;
use crate::frontmatter;
use crate::model::Version;
use std::collections::HashMap;
use std::path::Path;

/// A versioned file at REV.
struct BaseFile {
    summary: Summary,
    text: Vec<u8>,
}

fn base_files(root: &Path, rev: &str) -> Result<HashMap<String, BaseFile>, String> {
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
    let mut out = HashMap::new();
    for f in files {
        let text = repo.blob(f.blob)?;
        if let Some(summary) = summarize(&String::from_utf8_lossy(&text)) {
            if summary.kind.is_governing() {
                out.insert(summary.id.clone(), BaseFile { summary, text });
            }
        }
    }
    Ok(out)
}

/// An error at the `version:` line of `text`.
fn at_version(rel: &str, text: &str, message: String, hint: String) -> Diagnostic {
    let d = Diagnostic::error(rel, message).with_hint(hint);
    let Ok(split) = frontmatter::split(text) else {
        return d;
    };
    match frontmatter::key_lines(split.yaml)
        .into_iter()
        .find(|k| k.key == "version")
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

/// Compares every governing document on disk with its state at `rev`.
pub fn check(root: &Path, rev: &str) -> Vec<Diagnostic> {
    let base = match base_files(root, rev) {
        Ok(b) => b,
        Err(why) => {
            return vec![Diagnostic::error(".", format!("check --base {rev}: {why}"))
                .with_hint("--base needs the site in a git repository with that revision fetched")]
        }
    };
    let files = match crate::discover::discover(root) {
        Ok(f) => f,
        Err(d) => return vec![d],
    };
    let mut diags = Vec::new();
    for rel in &files.markdown {
        let Ok(bytes) = std::fs::read(root.join(rel)) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let Some(now) = summarize(&text).filter(|s| s.kind.is_governing()) else {
            continue;
        };
        let Some(was) = base.get(&now.id) else {
            continue;
        };
        let (old, new) = (was.summary.version, now.version);
        if new < old {
            diags.push(at_version(
                rel,
                &text,
                format!("`version` went down from {old} to {new} since {rev}"),
                format!(
                    "a new version needs a number above {old}, e.g. \"{}\"",
                    next_minor(old)
                ),
            ));
        } else if new == old && was.text != bytes && !was.summary.status.is_unapproved() {
            diags.push(at_version(
                rel,
                &text,
                format!("the text changed since {rev} but `version` is still {new}"),
                format!(
                    "raise `version` (e.g. to \"{}\") and say what changed in `changes`",
                    next_minor(new)
                ),
            ));
        }
    }
    diags
}
