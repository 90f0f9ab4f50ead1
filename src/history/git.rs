//! The only place that talks to git (through gix): open the repository that
//! holds the site, list the first-parent commits, find the `content/` tree
//! of a commit, list the Markdown files that changed between two trees and
//! read blobs. Everything returns plain ids and strings; errors are
//! messages, because a broken history only ever turns into a note.

use gix::ObjectId;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

/// A repository and where the site sits in it.
pub(crate) struct Repo {
    repo: gix::Repository,
    /// The site root relative to the repository root, `""` or `site/`.
    pub prefix: String,
    /// Decoded trees by id: walking commit by commit, each tree is read
    /// once as "new" and again as "old" for the next commit.
    trees: RefCell<HashMap<ObjectId, Rc<Vec<Entry>>>>,
    /// Where the repository was discovered from, to open it again on
    /// other threads (a `gix::Repository` without gix's `parallel`
    /// feature cannot be shared).
    root: std::path::PathBuf,
}

/// A commit of the first-parent line.
#[derive(Debug, Clone)]
pub(crate) struct CommitInfo {
    pub id: ObjectId,
    pub tree: ObjectId,
    /// Committer time, seconds since the Unix epoch.
    pub seconds: i64,
}

/// A Markdown file in a `content/` tree.
#[derive(Debug, Clone)]
pub(crate) struct MdFile {
    /// Relative to `content/`, e.g. `regler/losenord.md`.
    pub path: String,
    pub blob: ObjectId,
}

struct Entry {
    name: String,
    id: ObjectId,
    is_tree: bool,
    is_blob: bool,
}

fn msg(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Opens the repository containing `root`. `Err` says why there is none.
pub(crate) fn open(root: &Path) -> Result<Repo, String> {
    let mut repo =
        gix::discover(root).map_err(|_| "the site is not in a git repository".to_string())?;
    repo.object_cache_size(Some(8 * 1024 * 1024));
    let workdir = repo
        .workdir()
        .ok_or("the git repository has no working tree")?
        .canonicalize()
        .map_err(msg)?;
    let root = root.canonicalize().map_err(msg)?;
    let rel = root
        .strip_prefix(&workdir)
        .map_err(|_| "the site is outside the repository's working tree".to_string())?;
    let mut prefix = String::new();
    for part in rel.components() {
        prefix.push_str(&part.as_os_str().to_string_lossy());
        prefix.push('/');
    }
    Ok(Repo {
        repo,
        prefix,
        trees: RefCell::new(HashMap::new()),
        root,
    })
}

/// What it takes to open the same repository on another thread.
#[derive(Debug, Clone)]
pub(crate) struct Opener {
    root: std::path::PathBuf,
    prefix: String,
}

impl Opener {
    pub fn open(&self) -> Result<Repo, String> {
        let repo = gix::discover(&self.root).map_err(msg)?;
        Ok(Repo {
            repo,
            prefix: self.prefix.clone(),
            trees: RefCell::new(HashMap::new()),
            root: self.root.clone(),
        })
    }
}

impl Repo {
    /// For work on other threads: a `gix::Repository` without gix's
    /// `parallel` feature cannot be shared, so each thread opens its own.
    pub fn opener(&self) -> Opener {
        Opener {
            root: self.root.clone(),
            prefix: self.prefix.clone(),
        }
    }

    pub fn is_shallow(&self) -> bool {
        self.repo.is_shallow().unwrap_or(false)
    }

    /// The commit HEAD points at; `None` in a repository without commits.
    pub fn head(&self) -> Option<ObjectId> {
        self.repo.head_id().ok().map(|id| id.detach())
    }

    /// Resolves a revision (`main`, `origin/main`, `HEAD~2`, a hash) to a commit.
    pub fn resolve(&self, rev: &str) -> Result<ObjectId, String> {
        let id = self.repo.rev_parse_single(rev).map_err(msg)?;
        let commit = id.object().map_err(msg)?.peel_to_commit().map_err(msg)?;
        Ok(commit.id)
    }

    fn commit(&self, id: ObjectId) -> Result<(CommitInfo, Option<ObjectId>), String> {
        let commit = self.repo.find_commit(id).map_err(msg)?;
        let c = commit.decode().map_err(msg)?;
        let parent = c.parents().next();
        let info = CommitInfo {
            id,
            tree: c.tree(),
            seconds: c.committer().map_err(msg)?.seconds(),
        };
        Ok((info, parent))
    }

    /// The first-parent line from `head` back to the root commit, oldest first.
    pub fn first_parent_line(&self, head: ObjectId) -> Result<Vec<CommitInfo>, String> {
        let mut line = Vec::new();
        let mut next = Some(head);
        while let Some(id) = next {
            let (info, parent) = self.commit(id)?;
            line.push(info);
            next = parent;
        }
        line.reverse();
        Ok(line)
    }

    /// The tree id of commit `commit` (for `--base`).
    pub fn tree_of(&self, commit: ObjectId) -> Result<ObjectId, String> {
        Ok(self.commit(commit)?.0.tree)
    }

    fn entries(&self, id: ObjectId) -> Result<Rc<Vec<Entry>>, String> {
        if let Some(e) = self.trees.borrow().get(&id) {
            return Ok(Rc::clone(e));
        }
        let tree = self.repo.find_tree(id).map_err(msg)?;
        let decoded = tree.decode().map_err(msg)?;
        let entries: Rc<Vec<Entry>> = Rc::new(
            decoded
                .entries
                .iter()
                .map(|e| Entry {
                    name: e.filename.to_string(),
                    id: e.oid.to_owned(),
                    is_tree: e.mode.is_tree(),
                    is_blob: e.mode.is_blob(),
                })
                .collect(),
        );
        let mut trees = self.trees.borrow_mut();
        // Only recent trees are asked for again; keep memory bounded.
        if trees.len() > 4096 {
            trees.clear();
        }
        trees.insert(id, Rc::clone(&entries));
        Ok(entries)
    }

    /// The id of the site's `content/` folder in the commit tree `tree`.
    pub fn content_tree(&self, tree: ObjectId) -> Result<Option<ObjectId>, String> {
        let mut current = tree;
        let path = format!("{}content", self.prefix);
        for part in path.split('/') {
            let found = self
                .entries(current)?
                .iter()
                .find(|e| e.is_tree && e.name == part)
                .map(|e| e.id);
            match found {
                Some(id) => current = id,
                None => return Ok(None),
            }
        }
        Ok(Some(current))
    }

    /// Markdown files under `new` (a `content/` tree, or a folder of it at
    /// `dir`) whose blob differs from the one at the same path under `old`.
    /// With `old` absent, every Markdown file.
    pub fn changed_markdown(
        &self,
        old: Option<ObjectId>,
        new: ObjectId,
        dir: &str,
        out: &mut Vec<MdFile>,
    ) -> Result<(), String> {
        if old == Some(new) {
            return Ok(());
        }
        let old_entries = match old {
            Some(o) => self.entries(o)?,
            None => Rc::new(Vec::new()),
        };
        let old_by_name: std::collections::HashMap<&str, &Entry> =
            old_entries.iter().map(|o| (o.name.as_str(), o)).collect();
        for e in self.entries(new)?.iter() {
            let before = old_by_name.get(e.name.as_str()).copied();
            let path = format!("{dir}{}", e.name);
            if e.is_tree {
                let old_sub = before.filter(|b| b.is_tree).map(|b| b.id);
                self.changed_markdown(old_sub, e.id, &format!("{path}/"), out)?;
            } else if e.is_blob && e.name.ends_with(".md") && before.is_none_or(|b| b.id != e.id) {
                out.push(MdFile { path, blob: e.id });
            }
        }
        Ok(())
    }

    /// Reads many blobs on all cores and maps each with `f`, in order.
    pub fn map_blobs<T: Send>(
        &self,
        ids: &[ObjectId],
        f: impl Fn(Vec<u8>) -> T + Sync,
    ) -> Result<Vec<T>, String> {
        use rayon::prelude::*;
        let size = (ids.len() / (4 * rayon::current_num_threads())).max(256);
        let opener = self.opener();
        let chunks: Vec<Result<Vec<T>, String>> = ids
            .par_chunks(size)
            .map(|chunk| {
                let repo = opener.open()?;
                chunk.iter().map(|&id| Ok(f(repo.blob(id)?))).collect()
            })
            .collect();
        let mut out = Vec::with_capacity(ids.len());
        for chunk in chunks {
            out.extend(chunk?);
        }
        Ok(out)
    }

    /// The bytes of a blob.
    pub fn blob(&self, id: ObjectId) -> Result<Vec<u8>, String> {
        Ok(self.repo.find_blob(id).map_err(msg)?.detach().data)
    }
}
