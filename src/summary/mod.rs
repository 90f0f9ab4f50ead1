//! `check --base REV --format summary`: Markdown for a pull request's
//! comment or a CI job's summary. For each governing document and module
//! whose file changed since REV: id, title, old → new version, the changed
//! sections as short word diffs, the roles that must read it again, whether
//! read receipts (or quiz results) of the old version stop counting, and
//! the preview link when `--base-url` names the preview.
//!
//! It reads `site.yaml` and the changed files only, so it still works on a
//! site with errors elsewhere (those are counted at the top). Its words are
//! one table per language ([`Words`]), ready to move into a catalogue.

mod sections;

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::history::base::Changed;
use crate::model::{Document, Language, Status};
use sections::escape;
use std::fmt::Write as _;
use std::path::Path;

/// The words of the summary in one language.
struct Words {
    heading: &'static str,
    since: &'static str,
    none: &'static str,
    clean: &'static str,
    problems: &'static str,
    columns: [&'static str; 4],
    new_document: &'static str,
    sections: &'static str,
    intro: &'static str,
    front_matter: &'static str,
    readers: &'static str,
    nobody: &'static str,
    receipts_reset: &'static str,
    receipts_editorial: &'static str,
    results_outdated: &'static str,
    kept: &'static str,
    unpublished: &'static str,
    retired: &'static str,
    removed: &'static str,
    first: &'static str,
    preview: &'static str,
}

const SV: Words = Words {
    heading: "Ändrade styrdokument och utbildningar",
    since: "Jämfört med",
    none: "Inga styrdokument eller utbildningar har ändrats.",
    clean: "Kontrollen hittade inga problem.",
    problems: "Kontrollen hittade {e} fel och {w} varningar: se dem på raderna i filerna.",
    columns: ["Dokument", "Version", "Ska läsas igen av", "Läskvitton"],
    new_document: "nytt",
    sections: "Ändrade avsnitt",
    intro: "Inledningen",
    front_matter: "Uppgifter överst i filen",
    readers: "Ska läsas igen av",
    nobody: "ingen läslista",
    receipts_reset: "nollställs: de som bekräftat {old} ombeds läsa igen",
    receipts_editorial:
        "behålls: redaktionell ändring, de som bekräftat {old} behöver inte läsa igen",
    results_outdated: "testresultat för {old} räknas inte längre",
    kept: "behålls (versionen är densamma)",
    unpublished: "påverkas inte (publiceras inte än)",
    retired: "upphävt: står inte längre på någon läslista",
    removed: "borttaget",
    first: "första versionen",
    preview: "Förhandsvisning",
};

const EN: Words = Words {
    heading: "Changed governing documents and training",
    since: "Compared with",
    none: "No governing document or training module changed.",
    clean: "The check found no problems.",
    problems: "The check found {e} errors and {w} warnings: see them on the lines of the files.",
    columns: ["Document", "Version", "To be reread by", "Read receipts"],
    new_document: "new",
    sections: "Changed sections",
    intro: "The introduction",
    front_matter: "Front matter",
    readers: "To be reread by",
    nobody: "no reading list",
    receipts_reset: "reset: readers who confirmed {old} are asked to read it again",
    receipts_editorial:
        "kept: an editorial change, readers who confirmed {old} need not read it again",
    results_outdated: "quiz results for {old} no longer count",
    kept: "kept (the version is the same)",
    unpublished: "not affected (not published yet)",
    retired: "retired: on no reading list any more",
    removed: "removed",
    first: "first version",
    preview: "Preview",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Sv => &SV,
        Language::En => &EN,
    }
}

/// One changed document, read.
struct Entry {
    doc: Document,
    change: Changed,
    was_body: Option<String>,
}

/// The summary of the changes since `rev`, and of `diags` (the check's
/// problems). An error reading git or `site.yaml` is the summary's text.
pub fn summary(root: &Path, rev: &str, base_url: Option<&str>, diags: &Diagnostics) -> String {
    let mut ignored = Diagnostics::default();
    let config = crate::config::load(root, base_url, &mut ignored);
    let w = words(config.as_ref().map_or(Language::Sv, |c| c.language));
    // A code span shows its text as is; only a backtick could end it.
    let shown_rev = rev.replace('`', "'");
    let mut out = format!("## {}\n\n{} `{shown_rev}`.\n\n", w.heading, w.since);
    let (e, n) = (diags.error_count(), diags.warning_count());
    if e + n == 0 {
        let _ = writeln!(out, "{}\n", w.clean);
    } else {
        let line = w
            .problems
            .replace("{e}", &e.to_string())
            .replace("{w}", &n.to_string());
        let _ = writeln!(out, "{line}\n");
    }
    let (entries, removed) = match crate::history::base::changed(root, rev) {
        Ok(changes) => (
            read_entries(root, changes.changed),
            read_removed(changes.removed),
        ),
        Err(why) => {
            let _ = writeln!(out, "`check --base {shown_rev}`: {}", escape(&why));
            return out;
        }
    };
    if entries.is_empty() && removed.is_empty() {
        let _ = writeln!(out, "{}", w.none);
        return out;
    }
    table(&mut out, &entries, config.as_ref(), w);
    for doc in &removed {
        let old = doc.version.map(|v| v.to_string()).unwrap_or_default();
        let _ = writeln!(out, "| {} | {old} → {} | – | – |", label(doc), w.removed);
    }
    out.push('\n');
    for entry in &entries {
        details(&mut out, entry, config.as_ref(), base_url.is_some(), w);
    }
    out
}

/// Reads each changed file (now and at REV).
fn read_entries(root: &Path, changed: Vec<Changed>) -> Vec<Entry> {
    changed
        .into_iter()
        .filter_map(|change| {
            let text = crate::discover::read_text(&root.join(&change.rel), &change.rel).ok()?;
            let content_path = change.rel.strip_prefix("content/").unwrap_or(&change.rel);
            let (doc, _) = crate::document::parse(&change.rel, content_path, text);
            let was_body = change.was.as_ref().map(|(_, t)| {
                crate::frontmatter::split(t).map_or(t.clone(), |s| s.body.to_string())
            });
            Some(Entry {
                doc: doc?,
                change,
                was_body,
            })
        })
        .collect()
}

/// The documents of files that are gone, as they were at REV.
fn read_removed(removed: Vec<(String, String)>) -> Vec<Document> {
    removed
        .into_iter()
        .filter_map(|(path, text)| {
            let content_path = path.strip_prefix("content/").unwrap_or(&path).to_string();
            crate::document::parse(&path, &content_path, text).0
        })
        .collect()
}

fn label(doc: &Document) -> String {
    let id = doc.id.as_deref().unwrap_or("");
    escape(format!("{id} {}", doc.title).trim())
}

fn version_cell(entry: &Entry, w: &Words) -> String {
    let new = entry.doc.version.map(|v| v.to_string()).unwrap_or_default();
    match entry.change.was_version {
        Some(old) => format!("{old} → {new}"),
        None => format!("{} {new}", w.new_document),
    }
}

/// The roles whose reading list the document is on once merged.
fn readers(doc: &Document, config: Option<&Config>, w: &Words) -> String {
    let names: Vec<String> = match config {
        Some(c) if doc.status == Status::Active => {
            c.readers_of(&doc.roles).map(|r| escape(&r.name)).collect()
        }
        _ => Vec::new(),
    };
    if names.is_empty() {
        w.nobody.to_string()
    } else {
        names.join(", ")
    }
}

/// What happens to read receipts (or, for a module, quiz results) of the
/// version at REV.
fn receipts(entry: &Entry, w: &Words) -> String {
    let doc = &entry.doc;
    match doc.status {
        Status::Active => {}
        Status::Retired => return w.retired.to_string(),
        Status::Draft | Status::Review => return w.unpublished.to_string(),
    }
    // Nobody confirmed a version that was never published.
    let old = match (entry.change.was_version, doc.version) {
        (Some(old), Some(new)) if entry.change.was_decided => {
            if old == new {
                return w.kept.to_string();
            }
            old
        }
        _ => return w.first.to_string(),
    };
    let editorial = doc
        .kind
        .governing()
        .is_some_and(|g| g.acknowledge == Some(false));
    let text = if editorial {
        w.receipts_editorial
    } else if doc.kind.tag().is_governing() {
        w.receipts_reset
    } else {
        w.results_outdated
    };
    text.replace("{old}", &old.to_string())
}

fn table(out: &mut String, entries: &[Entry], config: Option<&Config>, w: &Words) {
    let _ = writeln!(out, "| {} |", w.columns.join(" | "));
    out.push_str("|---|---|---|---|\n");
    for e in entries {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            label(&e.doc),
            version_cell(e, w),
            readers(&e.doc, config, w),
            receipts(e, w)
        );
    }
}

fn details(out: &mut String, e: &Entry, config: Option<&Config>, preview: bool, w: &Words) {
    let _ = writeln!(out, "### {} ({})\n", label(&e.doc), version_cell(e, w));
    let changes = sections::changed_sections(e.was_body.as_deref().unwrap_or(""), e.doc.body());
    let keys = changed_keys(e);
    if !changes.is_empty() || !keys.is_empty() {
        let _ = writeln!(out, "{}:\n", w.sections);
        if !keys.is_empty() {
            let _ = writeln!(out, "- **{}:** {}", w.front_matter, keys.join(", "));
        }
        for c in &changes {
            let heading = if c.heading.is_empty() {
                w.intro.to_string()
            } else {
                escape(&c.heading)
            };
            let _ = writeln!(out, "- **{heading}:** {}", c.diff);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "- {}: {}", w.readers, readers(&e.doc, config, w));
    let _ = writeln!(out, "- {}: {}", w.columns[3], receipts(e, w));
    if let (true, Some(c)) = (preview, config) {
        let _ = writeln!(out, "- {}: <{}>", w.preview, c.permalink(&e.doc.url_path));
    }
    out.push('\n');
}

/// The front matter keys whose value changed (`version` aside: the table
/// shows it), as `` `key` ``.
fn changed_keys(e: &Entry) -> Vec<String> {
    let now = crate::frontmatter::quick_scalars(&e.doc.source).unwrap_or_default();
    let was = e
        .change
        .was
        .as_ref()
        .and_then(|(_, t)| crate::frontmatter::quick_scalars(t))
        .unwrap_or_default();
    let value = |list: &[(String, String)], k: &str| {
        list.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let mut keys: Vec<String> = Vec::new();
    for (k, _) in now.iter().chain(was.iter()) {
        // The version and whether to confirm it again describe the change itself.
        if k != "version"
            && k != "acknowledge"
            && !keys.contains(k)
            && value(&now, k) != value(&was, k)
        {
            keys.push(k.clone());
        }
    }
    keys.iter().map(|k| format!("`{k}`")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Version;

    fn entry(status: &str, version: &str, was: Option<(&str, bool)>) -> Entry {
        let text = format!("---\ntitle: R\ntype: rule\nid: R-1\nversion: \"{version}\"\nstatus: {status}\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2030-01-01\nparent: P\n---\nText.\n");
        let (doc, _) = crate::document::parse("content/r.md", "r.md", text);
        Entry {
            doc: doc.unwrap(),
            change: Changed {
                rel: "content/r.md".into(),
                was: None,
                was_version: was.and_then(|(v, _)| Version::parse(v)),
                was_decided: was.is_some_and(|(_, d)| d),
            },
            was_body: None,
        }
    }

    #[test]
    fn receipts_reset_only_when_a_published_version_is_replaced() {
        let w = &SV;
        assert!(receipts(&entry("active", "2.1", Some(("2.0", true))), w).starts_with("nollställs"));
        assert_eq!(
            receipts(&entry("active", "2.0", Some(("2.0", true))), w),
            w.kept
        );
        // 0.9 was a draft: nobody confirmed it.
        assert_eq!(
            receipts(&entry("active", "1.0", Some(("0.9", false))), w),
            w.first
        );
        assert_eq!(receipts(&entry("active", "1.0", None), w), w.first);
        assert_eq!(
            receipts(&entry("review", "2.1", Some(("2.0", true))), w),
            w.unpublished
        );
        assert_eq!(
            receipts(&entry("retired", "2.1", Some(("2.0", true))), w),
            w.retired
        );
    }
}
