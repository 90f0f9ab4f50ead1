//! [`TestSite`]: a site in a temp folder, made from fixtures and edits,
//! and the commands run on it.

use std::fs;
use std::path::{Path, PathBuf};

use std::time::Duration;

use super::command::{run_at, run_limited, Cmd, Outcome, Run};
use super::files::{copy_dir, edit, read, write_files};
use super::{fixtures, SITE_YAML};

/// A site in a temp folder of its own (deleted when dropped). The site root
/// is the temp folder itself or a subfolder of it ([`TestSite::in_folder`]),
/// so a test can put things beside the site.
pub struct TestSite {
    tmp: tempfile::TempDir,
    root: PathBuf,
}

impl TestSite {
    /// An empty site folder.
    pub fn new() -> TestSite {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        TestSite { tmp, root }
    }

    /// An empty site at `tmp/rel` (created).
    pub fn in_folder(rel: &str) -> TestSite {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join(rel);
        fs::create_dir_all(&root).unwrap();
        TestSite { tmp, root }
    }

    /// The starter site `styrdok init` writes, at `tmp/site`.
    pub fn init() -> TestSite {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        Cmd::new().arg("init").arg(&root).run().success();
        TestSite { tmp, root }
    }

    /// Copies tests/fixtures/`name` (e.g. `core/base`) over the site; later
    /// fixtures overlay earlier ones.
    pub fn fixture(self, name: &str) -> TestSite {
        let from = fixtures().join(name);
        assert!(from.is_dir(), "no fixture {}", from.display());
        copy_dir(&from, &self.root);
        self
    }

    /// Writes the minimal [`SITE_YAML`].
    pub fn site_yaml(self) -> TestSite {
        self.file("site.yaml", SITE_YAML)
    }

    /// Writes `text` at `rel` (folders made as needed).
    pub fn file(self, rel: &str, text: impl AsRef<[u8]>) -> TestSite {
        self.write(rel, text);
        self
    }

    /// Writes every (path, text) of `files`.
    pub fn files<T: AsRef<[u8]>>(self, files: &[(&str, T)]) -> TestSite {
        write_files(&self.root, files);
        self
    }

    /// Appends `text` to the file at `rel`.
    pub fn append(self, rel: &str, text: &str) -> TestSite {
        let old = fs::read_to_string(self.path(rel)).unwrap_or_default();
        self.file(rel, format!("{old}{text}"))
    }

    /// Replaces the first `from` in the file at `rel` (which must hold it).
    pub fn replace(self, rel: &str, from: &str, to: &str) -> TestSite {
        self.edit(rel, from, to);
        self
    }

    /// Writes `text` at `rel`, for edits in the middle of a test.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        write_files(&self.root, &[(rel, text)]);
    }

    /// Replaces the first `from` in the file at `rel`, mid-test.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        edit(&self.path(rel), from, to);
    }

    /// Removes the file at `rel`, mid-test.
    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temp folder holding the site (the root or its parent).
    pub fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// `root/rel`.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The default output folder, `root/public`.
    pub fn out(&self) -> PathBuf {
        self.root.join("public")
    }

    /// The text of the source file at `rel`.
    pub fn read(&self, rel: &str) -> String {
        read(&self.root, rel)
    }

    /// The text of the output file at `rel` (under [`TestSite::out`]).
    pub fn out_file(&self, rel: &str) -> String {
        read(&self.out(), rel)
    }

    /// `styrdok COMMAND --root ROOT`, to add arguments to and run.
    pub fn cmd(&self, command: &str) -> Cmd {
        Cmd::new().arg(command).root(&self.root)
    }

    /// `styrdok ARGS --root ROOT`, run.
    pub fn run(&self, args: &[&str]) -> Outcome {
        run_at(&self.root, args)
    }

    /// `styrdok build`, which must succeed.
    pub fn build(&self) -> Outcome {
        self.cmd("build").run().success()
    }

    /// `styrdok build --drafts` when `drafts`, else `styrdok build`; must
    /// succeed.
    pub fn build_drafts(&self, drafts: bool) -> Outcome {
        let cmd = self.cmd("build");
        let cmd = if drafts { cmd.arg("--drafts") } else { cmd };
        cmd.run().success()
    }

    /// `styrdok ARGS --root ROOT` under [`run_limited`]: killed after
    /// `limit`, peak memory sampled.
    pub fn run_limited(&self, args: &[&str], limit: Duration) -> Run {
        let root = self.root.to_str().unwrap();
        let mut all = args.to_vec();
        all.extend(["--root", root]);
        run_limited(&all, limit)
    }

    /// `styrdok check ARGS`, run (any exit status).
    pub fn check(&self, args: &[&str]) -> Outcome {
        self.cmd("check").args(args).run()
    }
}

impl Default for TestSite {
    fn default() -> TestSite {
        TestSite::new()
    }
}
