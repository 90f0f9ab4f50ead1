//! Crash safety (issue #9, SPEC §4): a build killed with SIGKILL at a random
//! moment leaves the previous output complete and byte-identical (or, if it
//! got as far as the swap, the new output complete); a later build clears
//! the staging folders killed builds left. A read-only output parent and a
//! full disk give a clear error and keep the old output.

use crate::harness::{copy_dir, fixtures, snapshot, write_files, Cmd, Outcome, Rng, TestSite, BIN};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Snapshot = BTreeMap<String, Vec<u8>>;

/// The base fixture plus `pages` generated rules, each carrying `mark`.
fn mid_size_site(root: &Path, pages: usize, mark: &str) {
    copy_dir(&fixtures().join("core/base"), root);
    let files: Vec<(String, String)> = (0..pages)
        .map(|i| {
            (
                format!("content/regler/gen-{i:03}.md"),
                format!("---\ntitle: Regel {i} {mark}\ntype: rule\nid: G-{i}\nversion: \"1.0\"\nowner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\nparent: RL-1\nroles: [medarbetare]\n---\n## Syfte\n\n{}\n",
                    format!("Text {mark} om informationssäkerhet. ").repeat(40)
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, String)> = files.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
    write_files(root, &refs);
}

fn build(root: &Path, out: &Path) -> Outcome {
    Cmd::new()
        .arg("build")
        .root(root)
        .arg("--out")
        .arg(out)
        .run()
}

/// The complete output of the site with `mark`, built in a folder of its own.
fn reference(pages: usize, mark: &str) -> (Snapshot, Duration) {
    let dir = TestSite::new();
    mid_size_site(dir.root(), pages, mark);
    let out = dir.path("ref");
    let started = Instant::now();
    build(dir.root(), &out).success();
    (snapshot(&out), started.elapsed())
}

fn staging_folders(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("styrdok-staging") || n.ends_with(".old"))
        .collect()
}

#[test]
fn kill_9_at_random_moments_never_damages_the_output() {
    const PAGES: usize = 300;
    const KILLS: u64 = 24;
    let (old, took) = reference(PAGES, "gammal");
    let (new, _) = reference(PAGES, "ny");
    assert_ne!(old, new);
    let dir = TestSite::new();
    mid_size_site(dir.root(), PAGES, "gammal");
    let out = dir.root().join("public");
    assert!(build(dir.root(), &out).succeeded());
    let mut rng = Rng(0x5eed_0009);
    let window = (took.as_millis() as u64 * 5 / 4).max(20);
    let (mut current, mut mid_build, mut swapped) = ("gammal", 0, 0);
    for _ in 0..KILLS {
        let next = if current == "gammal" { "ny" } else { "gammal" };
        mid_size_site(dir.root(), PAGES, next);
        let mut child = Cmd::new()
            .arg("build")
            .root(dir.root())
            .spawn(Stdio::null());
        std::thread::sleep(Duration::from_millis(rng.below(window)));
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = snapshot(&out);
        let expected = |mark: &str| if mark == "gammal" { &old } else { &new };
        if &now == expected(next) {
            current = next;
            swapped += 1;
        } else {
            assert!(
                &now == expected(current),
                "the output is neither the old nor the new build"
            );
            assert!(!finished, "a finished build did not replace the output");
            mid_build += 1;
        }
    }
    eprintln!("{KILLS} builds killed: {mid_build} mid-build (old output kept), {swapped} after the swap (new output whole)");
    assert!(
        mid_build >= KILLS / 4,
        "too few kills hit a running build: {mid_build}"
    );
    // The next build clears what the killed ones left.
    assert!(build(dir.root(), &out).succeeded());
    assert_eq!(staging_folders(dir.root()), Vec::<String>::new());
}

/// A tmpfs of `size` at a fresh mount point, unmounted on drop; `None`
/// where mounting is not allowed (not root, no CAP_SYS_ADMIN).
struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs(dir))
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn remount(&self, opts: &str) {
        let s = Command::new("mount")
            .args(["-o", opts])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(s.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.path()).status();
    }
}

fn assert_failed_cleanly(o: &Outcome, out: &Path, before: &Snapshot, what: &str) {
    let err = o.stderr();
    assert_eq!(o.code(), Some(1), "{what}: {err}");
    assert!(err.contains("cannot write"), "{what}: {err}");
    assert!(
        err.contains("the output folder was left as it was"),
        "{what}: {err}"
    );
    assert_eq!(&snapshot(out), before, "{what}: the old output changed");
}

#[test]
fn a_read_only_output_parent_keeps_the_old_output() {
    let site = TestSite::new();
    mid_size_site(site.root(), 5, "x");
    // Works for root too: a read-only mount where one can be made…
    if let Some(fs_) = Tmpfs::mount("16m") {
        let out = fs_.path().join("public");
        assert!(build(site.root(), &out).succeeded());
        let before = snapshot(&out);
        fs_.remount("remount,ro");
        let o = build(site.root(), &out);
        assert_failed_cleanly(&o, &out, &before, "read-only mount");
    } else {
        eprintln!("no mount rights: the read-only mount case is skipped");
    }
    // …and everywhere: an output folder whose parent is a file.
    let file = site.root().join("ein-datei");
    fs::write(&file, "x").unwrap();
    let o = build(site.root(), &file.join("public"));
    assert_eq!(o.code(), Some(1));
    assert!(o.stderr().contains("ein-datei"));
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_full_disk_keeps_the_old_output() {
    let site = TestSite::new();
    mid_size_site(site.root(), 5, "x");
    if let Some(fs_) = Tmpfs::mount("2m") {
        let out = fs_.path().join("public");
        assert!(build(site.root(), &out).succeeded());
        let before = snapshot(&out);
        // The next build has big pages that no longer fit beside the old.
        let big = format!("---\ntitle: Stor\n---\n{}\n", "Fyllnad. ".repeat(200_000));
        write_files(site.root(), &[("content/stor.md", big)]);
        let o = build(site.root(), &out);
        assert_failed_cleanly(&o, &out, &before, "full tmpfs");
        assert_eq!(staging_folders(fs_.path()), Vec::<String>::new());
    } else {
        eprintln!("no mount rights: the full tmpfs case is skipped");
    }
    // Everywhere: a file size limit makes writes fail the way a full disk does.
    let out = site.root().join("public");
    fs::remove_file(site.root().join("content/stor.md")).ok();
    assert!(build(site.root(), &out).succeeded());
    let before = snapshot(&out);
    let script = format!(
        "ulimit -f 64; trap '' XFSZ; exec {BIN} build --root '{}' --out '{}'",
        site.root().display(),
        out.display()
    );
    let big = format!("---\ntitle: Stor\n---\n{}\n", "Fyllnad. ".repeat(100_000));
    write_files(site.root(), &[("content/stor.md", big)]);
    let o = Outcome::from(
        Command::new("sh")
            .args(["-c", &script])
            .env("STYRDOK_LANG", "en")
            .output()
            .unwrap(),
    );
    assert_failed_cleanly(&o, &out, &before, "file size limit");
}
