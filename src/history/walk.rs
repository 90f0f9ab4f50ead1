//! One pass over the first-parent line, oldest commit first: for every
//! Markdown file that changed, read a few plain front matter keys and, per
//! document `id` (so a renamed file keeps its history), record each run of
//! commits with the same `version`. Blob summaries and texts are cached by
//! blob id, so only new blobs are read on the next build.

use super::git::{CommitInfo, MdFile, Repo};
use crate::model::{Classification, Kind, Status, Version};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The keys of one file version that history needs, read without YAML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Summary {
    pub id: String,
    pub kind: Kind,
    pub version: Version,
    pub status: Status,
    pub classification: Classification,
}

fn from_word<T: serde::de::DeserializeOwned>(word: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(word.to_string())).ok()
}

/// The summary of a versioned file (governing document or module); `None`
/// for other files and for text whose keys cannot be read.
pub(crate) fn summarize(text: &str) -> Option<Summary> {
    let keys = crate::frontmatter::quick_scalars(text)?;
    let get = |k: &str| {
        keys.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let kind: Kind = from_word(get("type")?)?;
    if !(kind.is_governing() || kind == Kind::Module) {
        return None;
    }
    Some(Summary {
        id: get("id")?.to_string(),
        kind,
        version: Version::parse(get("version")?)?,
        // An unreadable status counts as a draft: never published.
        status: get("status")
            .map_or(Some(Status::Active), from_word)
            .unwrap_or(Status::Draft),
        classification: get("classification")
            .map_or(Some(Classification::Internal), from_word)
            .unwrap_or(Classification::Restricted),
    })
}

/// A file version that was approved (active or retired) at its commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct State {
    /// Relative to `content/`.
    pub path: String,
    pub blob: String,
}

/// One version of a document: the commits in which it had this `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct VersionRecord {
    pub version: Version,
    /// The first commit with this version and its committer time.
    pub commit: String,
    pub seconds: i64,
    /// The committer time of the first commit where this version was
    /// approved (a draft of it may come first): when it was published.
    pub approved_seconds: Option<i64>,
    /// The last approved state of this version, if it ever was approved.
    pub approved: Option<State>,
}

/// Everything git says about one document id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct IdHistory {
    /// In the order the versions first appeared.
    pub versions: Vec<VersionRecord>,
    /// The most sensitive classification any version had.
    pub max_classification: Classification,
}

impl IdHistory {
    fn record(&mut self, s: &Summary, file: &MdFile, commit: &str, seconds: i64) {
        self.max_classification = self.max_classification.max(s.classification);
        let approved = (!s.status.is_unapproved()).then(|| State {
            path: file.path.clone(),
            blob: file.blob.to_string(),
        });
        let same_run = self.versions.last().is_some_and(|v| v.version == s.version);
        // A version that comes back after another (a revert) continues its record.
        let existing = self.versions.iter().position(|v| v.version == s.version);
        match existing {
            Some(i) => {
                if approved.is_some() {
                    self.versions[i].approved = approved;
                    self.versions[i].approved_seconds.get_or_insert(seconds);
                }
                if !same_run {
                    let v = self.versions.remove(i);
                    self.versions.push(v);
                }
            }
            None => self.versions.push(VersionRecord {
                version: s.version,
                commit: commit.to_string(),
                seconds,
                approved_seconds: approved.is_some().then_some(seconds),
                approved,
            }),
        }
    }
}

/// Blob id → the keys history needs (`None`: not a versioned file); the
/// history cache keeps them from one walk to the next.
pub(crate) type Summaries = HashMap<String, Option<Summary>>;

/// Blob id → text, for approved versions (kept by the history cache too).
pub(crate) type Texts = HashMap<String, String>;

/// Walks the first-parent line from `head` and returns every id's history.
/// Blob summaries come from and go to `summaries`; texts of approved
/// versions read on the way go to `texts`.
pub(crate) fn walk(
    repo: &Repo,
    head: gix::ObjectId,
    summaries: &mut Summaries,
    texts: &mut Texts,
) -> Result<BTreeMap<String, IdHistory>, String> {
    let line = repo.first_parent_line(head)?;
    // 1. Which Markdown files changed in which commit (trees only).
    let changes = changes_along(repo, &line)?;
    // 2. Summaries of blobs not in the cache, read in parallel.
    let mut seen = std::collections::HashSet::new();
    let new_blobs: Vec<gix::ObjectId> = changes
        .iter()
        .map(|(_, f)| f.blob)
        .filter(|b| !summaries.contains_key(&b.to_string()) && seen.insert(*b))
        .collect();
    let read = repo.map_blobs(&new_blobs, |bytes| {
        // Old texts are published but cannot be fixed: control characters
        // become U+FFFD rather than reaching a page.
        let text = crate::discover::replace_controls(String::from_utf8_lossy(&bytes).into_owned());
        let s = summarize(&text);
        // Approved texts are needed again for rendering: keep them rather
        // than reading the blob twice.
        let keep = s.as_ref().is_some_and(|s| !s.status.is_unapproved());
        (s, keep.then_some(text))
    })?;
    for (blob, (summary, text)) in new_blobs.iter().zip(read) {
        let key = blob.to_string();
        if let Some(t) = text {
            texts.insert(key.clone(), t);
        }
        summaries.insert(key, summary);
    }
    // 3. Versions per id, oldest commit first.
    let mut ids: BTreeMap<String, IdHistory> = BTreeMap::new();
    // Only summaries of blobs on the line are kept, so the cache does not grow forever.
    let mut used = HashMap::new();
    for (k, file) in &changes {
        let key = file.blob.to_string();
        let summary = summaries.get(&key).cloned().flatten();
        if let Some(s) = &summary {
            let commit = &line[*k];
            ids.entry(s.id.clone()).or_default().record(
                s,
                file,
                &commit.id.to_string(),
                commit.seconds,
            );
        }
        used.insert(key, summary);
    }
    *summaries = used;
    Ok(ids)
}

/// The Markdown files that changed in each commit of `line` (index into
/// `line`), in order. Runs of commits are diffed on all cores, each run
/// with its own repository handle and tree memo.
fn changes_along(repo: &Repo, line: &[CommitInfo]) -> Result<Vec<(usize, MdFile)>, String> {
    use rayon::prelude::*;
    let size = (line.len() / (4 * rayon::current_num_threads())).max(64);
    let opener = repo.opener();
    let starts: Vec<usize> = (0..line.len()).step_by(size).collect();
    let runs: Vec<Result<Vec<(usize, MdFile)>, String>> = starts
        .par_iter()
        .map(|&start| {
            let repo = opener.open()?;
            let mut previous = match start.checked_sub(1) {
                Some(k) => repo.content_tree(line[k].tree)?,
                None => None,
            };
            let mut out = Vec::new();
            let mut changed = Vec::new();
            for (k, commit) in line.iter().enumerate().skip(start).take(size) {
                let content = repo.content_tree(commit.tree)?;
                if let Some(content) = content {
                    changed.clear();
                    repo.changed_markdown(previous, content, "", &mut changed)?;
                    out.extend(changed.drain(..).map(|f| (k, f)));
                }
                previous = content;
            }
            Ok(out)
        })
        .collect();
    let mut all = Vec::new();
    for run in runs {
        all.extend(run?);
    }
    Ok(all)
}

/// Reads the text of every approved state that `texts` does not hold yet,
/// and keeps in `texts` only those.
pub(crate) fn load_texts(
    repo: &Repo,
    ids: &BTreeMap<String, IdHistory>,
    texts: &mut Texts,
) -> Result<(), String> {
    let mut kept = HashMap::new();
    for state in ids
        .values()
        .flat_map(|h| &h.versions)
        .filter_map(|v| v.approved.as_ref())
    {
        if kept.contains_key(&state.blob) {
            continue;
        }
        let text = match texts.remove(&state.blob) {
            Some(t) => t,
            None => {
                let id =
                    gix::ObjectId::from_hex(state.blob.as_bytes()).map_err(|e| e.to_string())?;
                crate::discover::replace_controls(
                    String::from_utf8_lossy(&repo.blob(id)?).into_owned(),
                )
            }
        };
        kept.insert(state.blob.clone(), text);
    }
    *texts = kept;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_read_plain_keys() {
        let s = summarize(
            "---\ntitle: T\ntype: rule\nid: \"R-1\"\nversion: 1.10 # bumped\nstatus: review\n---\nBody\n",
        )
        .unwrap();
        assert_eq!(s.id, "R-1");
        assert_eq!(s.version.to_string(), "1.10");
        assert_eq!(s.status, Status::Review);
        assert_eq!(s.classification, Classification::Internal);
        assert!(summarize("---\ntitle: Page\n---\n").is_none());
        let odd = summarize("---\ntype: policy\nid: P\nversion: \"1.0\"\nstatus: utkast\nclassification: hemlig\n---\n").unwrap();
        assert_eq!(odd.status, Status::Draft);
        assert_eq!(odd.classification, Classification::Restricted);
    }

    #[test]
    fn versions_are_runs_and_keep_the_last_approved_state() {
        let mut h = IdHistory::default();
        let file = |p: &str, b: &str| MdFile {
            path: p.into(),
            blob: gix::ObjectId::from_hex(b.repeat(40).as_bytes()).unwrap(),
        };
        let sum = |v: &str, st: Status| Summary {
            id: "R".into(),
            kind: Kind::Rule,
            version: Version::parse(v).unwrap(),
            status: st,
            classification: Classification::Internal,
        };
        h.record(&sum("1.0", Status::Active), &file("a.md", "1"), "c1", 1);
        h.record(&sum("2.0", Status::Draft), &file("a.md", "2"), "c2", 2);
        h.record(&sum("2.0", Status::Active), &file("b.md", "3"), "c3", 3);
        h.record(&sum("2.0", Status::Review), &file("b.md", "4"), "c4", 4);
        assert_eq!(h.versions.len(), 2);
        assert_eq!(h.versions[1].commit, "c2");
        assert_eq!(h.versions[0].approved_seconds, Some(1));
        assert_eq!(
            h.versions[1].approved_seconds,
            Some(3),
            "published when first approved, not when drafted"
        );
        let kept = h.versions[1].approved.as_ref().unwrap();
        assert_eq!((kept.path.as_str(), &kept.blob[..1]), ("b.md", "3"));
    }
}
