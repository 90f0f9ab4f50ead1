//! The output folder is ours or it is refused (issue #14, SPEC §7
//! `build --force`): `--out` at a folder of user files, a file, a symbolic
//! link, the home folder, `/`, the site root and its parents, with and
//! without `--force`, as the current user and (when the suite runs as root)
//! as an unprivileged one. Nothing styrdok did not make is ever removed:
//! every such file is still there, byte-identical.

use crate::harness::{snapshot, Cmd, Outcome, TestSite, BIN};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temp folder holding a site (`site/`), and a home folder
/// (`users/anna/`) with the user's own files (`Dokument/`) and a file
/// (`notes.txt`).
struct World {
    site: TestSite,
    /// Runs the binary as this user (`None`: as the current one).
    as_user: Option<u32>,
}

impl World {
    fn new(as_user: Option<u32>) -> World {
        let site = TestSite::in_folder("site").fixture("core/base");
        let docs = site.tmp().join("users/anna/Dokument");
        fs::create_dir_all(docs.join("Protokoll")).unwrap();
        fs::write(docs.join("budget.xlsx"), b"PK\x03\x04 budget").unwrap();
        fs::write(docs.join("Protokoll/2026-11-03.md"), "# Protokoll\n").unwrap();
        fs::write(site.tmp().join("users/anna/notes.txt"), "anteckningar\n").unwrap();
        let world = World { site, as_user };
        if let Some(uid) = as_user {
            // The unprivileged user owns the whole world, as a user owns
            // their own files: only styrdok's rules can keep them safe.
            let s = Command::new("chown")
                .args(["-R", &format!("{uid}:{uid}")])
                .arg(world.path())
                .status()
                .unwrap();
            assert!(s.success());
        }
        world
    }

    fn path(&self) -> &Path {
        self.site.tmp()
    }

    fn site(&self) -> PathBuf {
        self.site.root().to_path_buf()
    }

    fn home(&self) -> PathBuf {
        self.path().join("users/anna")
    }

    /// Every file in the world except the site's own output.
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut all = snapshot(self.path());
        all.retain(|k, _| !k.starts_with("site/public/"));
        all
    }

    fn build(&self, out: &Path, force: bool) -> Outcome {
        let cmd = match self.as_user {
            Some(uid) => Cmd::wrapped(
                "setpriv",
                &[
                    &format!("--reuid={uid}"),
                    &format!("--regid={uid}"),
                    "--clear-groups",
                ],
            ),
            None => Cmd::new(),
        };
        let cmd = cmd
            .arg("build")
            .root(&self.site())
            .arg("--out")
            .arg(out)
            .env("HOME", self.home());
        if force { cmd.arg("--force") } else { cmd }.run()
    }

    /// `--out target` fails with exit 1 saying `why`, with and without
    /// `--force`, and leaves every file as it was.
    fn refused(&self, target: &Path, why: &str) {
        self.refused_with(target, why, &[false, true]);
    }

    fn refused_with(&self, target: &Path, why: &str, forces: &[bool]) {
        for &force in forces {
            let before = self.files();
            let o = self.build(target, force);
            let err = o.stderr();
            let what = format!("--out {} (force: {force})", target.display());
            assert_eq!(o.code(), Some(1), "{what}: {err}");
            assert!(err.contains(why), "{what}: {err}");
            assert!(
                err.contains("the output folder was left as it was"),
                "{what}"
            );
            assert!(self.files() == before, "{what}: files changed");
            assert_no_staging_left(target);
        }
    }
}

fn assert_no_staging_left(target: &Path) {
    let Some(parent) = target.parent().filter(|p| p.is_dir()) else {
        return;
    };
    let left: Vec<String> = fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("styrdok-staging"))
        .collect();
    assert!(left.is_empty(), "{left:?} left in {}", parent.display());
}

fn every_case(world: &World) {
    let home = world.home();
    let docs = home.join("Dokument");
    // A folder of the user's files: refused; only --force takes it over.
    let before = world.files();
    let o = world.build(&docs, false);
    assert_eq!(o.code(), Some(1));
    let err = o.stderr();
    assert!(
        err.contains("did not make") && err.contains("--force"),
        "{err}"
    );
    assert!(world.files() == before, "a refused build changed files");
    // A regular file, a link to the user's folder, a link to a build.
    world.refused(&home.join("notes.txt"), "is a file");
    let link = world.path().join("public-link");
    std::os::unix::fs::symlink(&docs, &link).unwrap();
    world.refused(&link, "is a symbolic link");
    // The home folder and the folders above it; `/`; the site root and
    // the folders above it; the site's own folders.
    world.refused(&home, "home folder");
    world.refused(home.parent().unwrap(), "home folder");
    world.refused(world.path(), "contains the site itself");
    world.refused(Path::new("/"), "cannot be an output folder");
    world.refused(&world.site(), "contains the site itself");
    world.refused(&world.site().join("."), "contains the site itself");
    world.refused(&world.site().join("content"), "is inside content/");
    world.refused(&world.site().join("content/regler"), "is inside content/");
    // A normal build into public/ works, and so does the next one (the
    // marker says the folder is styrdok's).
    let public = world.site().join("public");
    for _ in 0..2 {
        let o = world.build(&public, false);
        assert!(o.succeeded(), "{}", o.stderr());
        assert!(public.join(".styrdok-output").is_file());
    }
    // The link to a build is refused too, and the build stays.
    let to_build = world.path().join("build-link");
    std::os::unix::fs::symlink(&public, &to_build).unwrap();
    let build_before = snapshot(&public);
    world.refused(&to_build, "is a symbolic link");
    assert!(snapshot(&public) == build_before);
    // With --force the user's folder is taken over: the one explicit way.
    let o = world.build(&docs, true);
    assert!(o.succeeded(), "{}", o.stderr());
    assert!(docs.join(".styrdok-output").is_file());
    assert!(!docs.join("budget.xlsx").exists());
    assert!(home.join("notes.txt").is_file(), "only that folder went");
}

#[test]
fn nothing_styrdok_did_not_make_is_removed() {
    every_case(&World::new(None));
}

#[test]
fn nothing_is_removed_as_an_unprivileged_user_either() {
    let uid = Command::new("id").arg("-u").output().unwrap();
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        eprintln!(
            "not root: the unprivileged-user run is skipped (the current user's run covers it)"
        );
        return;
    }
    if Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("no setpriv: the unprivileged-user run is skipped");
        return;
    }
    // The binary must be reachable by the unprivileged user.
    let probe = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            BIN,
            "--version",
        ])
        .output()
        .unwrap();
    if !probe.status.success() {
        eprintln!("the binary is not executable as uid 65534: the unprivileged run is skipped");
        return;
    }
    every_case(&World::new(Some(65534)));
}

#[test]
fn a_build_of_an_older_styrdok_is_taken_over() {
    let world = World::new(None);
    let public = world.site().join("public");
    let o = world.build(&public, false);
    assert!(o.succeeded());
    // Before the marker, builds looked exactly like this one without it.
    fs::remove_file(public.join(".styrdok-output")).unwrap();
    fs::write(public.join("stale.html"), "from an older build").unwrap();
    let o = world.build(&public, false);
    assert!(o.succeeded(), "{}", o.stderr());
    assert!(public.join(".styrdok-output").is_file());
    assert!(!public.join("stale.html").exists(), "replaced whole");
    // A copy someone keeps under version control is not mistaken for one.
    fs::remove_file(public.join(".styrdok-output")).unwrap();
    fs::create_dir(public.join(".git")).unwrap();
    fs::write(public.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    world.refused_with(&public, "did not make", &[false]);
    assert!(public.join(".git/HEAD").is_file());
}

#[test]
fn a_mount_point_is_refused() {
    let world = World::new(None);
    let mnt = world.path().join("mnt");
    fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
        .arg(&mnt)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("no mount rights: the mount point case is skipped");
        return;
    }
    fs::write(mnt.join("data.txt"), "on the mount").unwrap();
    world.refused(&mnt, "mount point");
    let o = world.build(&mnt.join("public"), false);
    let ok = o.succeeded();
    let _ = Command::new("umount").arg("-l").arg(&mnt).status();
    assert!(ok, "a folder inside a mount point is fine");
}
