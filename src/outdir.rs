//! Whose is the output folder? A build replaces its output folder whole, so
//! it may only replace a folder it made: one holding the marker file
//! [`MARKER`] (every build writes it), an empty one, or one an older
//! styrdok (from before the marker) built. Anything else — a folder of
//! other files, a regular file, a symbolic link, a mount point — is
//! refused; `--force` takes over a folder of other files, but never `/`,
//! the home folder, the site root or a folder above either of them.

use crate::messages::Message;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The file every build writes at the top of the output folder.
pub const MARKER: &str = ".styrdok-output";

/// What the marker says, for whoever finds it.
pub const MARKER_TEXT: &str = "This folder was made by `styrdok build`.\nEach build replaces it whole: do not keep other files in it.\n";

/// Checks that a build may write `out` for the site at `root`, and returns
/// `out` as a real path (every folder above it resolved), which the build
/// then uses. `Err` is the message for the user.
pub fn claim(root: &Path, out: &Path, force: bool) -> Result<PathBuf, Message> {
    let shown = out.display();
    let out_real = resolve(out)?;
    let root = fs::canonicalize(root).unwrap_or_else(|_| absolute(root));
    if out_real.parent().is_none() {
        return Err(t!("`{shown}` (the file system root) cannot be an output folder; choose a folder of its own, such as public/", shown));
    }
    if root.starts_with(&out_real) {
        return Err(t!("the output folder `{shown}` contains the site itself; choose a folder inside it, such as public/", shown));
    }
    if let Some(home) = home() {
        if home.starts_with(&out_real) {
            return Err(t!("the output folder `{shown}` is the home folder or holds it; a build replaces its output folder whole, so choose a folder of its own, such as public/", shown));
        }
    }
    for protected in [
        crate::discover::CONTENT_DIR,
        crate::discover::QUIZ_DIR,
        crate::discover::THEMES_DIR,
        ".git",
    ] {
        if out_real.starts_with(root.join(protected)) {
            return Err(t!(
                "the output folder `{shown}` is inside {protected}/",
                shown,
                protected
            ));
        }
    }
    replaceable(&out_real, force)
        .map_err(|why| t!("the output folder `{shown}` {why}", shown, why))?;
    Ok(out_real)
}

/// May a build replace what is at `out` now (a real path)? `Err` says why
/// not, to follow "the output folder `OUT` ". Checked when the build starts
/// and again just before the new build replaces the old.
pub fn replaceable(out: &Path, force: bool) -> Result<(), Message> {
    let meta = match fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(t!("cannot be read: {e}", e)),
    };
    if meta.file_type().is_symlink() {
        return Err(match fs::read_link(out) {
            Ok(target) => t!("is a symbolic link (to `{target}`); styrdok does not replace links: name the folder itself with --out", target = target.display()),
            Err(_) => t!("is a symbolic link; styrdok does not replace links: name the folder itself with --out"),
        });
    }
    if !meta.is_dir() {
        return Err(t!(
            "is a file, not a folder; styrdok does not replace it: choose a folder with --out"
        ));
    }
    if is_mount_point(out, &meta) {
        return Err(t!("is a mount point, which cannot be replaced; build into a folder inside it, such as public/"));
    }
    if force || ours(out) {
        return Ok(());
    }
    Err(t!("holds files that styrdok did not make (it has no {MARKER} file); a build replaces its output folder whole, so choose another folder, empty this one, or pass --force to replace it and everything in it", MARKER))
}

/// Did styrdok make the folder at `dir` (or is it empty)?
fn ours(dir: &Path) -> bool {
    let marker = fs::symlink_metadata(dir.join(MARKER));
    if marker.is_ok_and(|m| m.is_file()) {
        return true;
    }
    match fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none() || built_before_marker(dir),
        Err(_) => false,
    }
}

/// A build of an older styrdok (before the marker): it holds every output
/// SPEC §5 has always named — start page, not-found page, sitemap, feed,
/// search page and index, ISO/IEC 27001 coverage, document status board —
/// as plain files, a sitemap as styrdok writes it, and nothing at the top
/// whose name starts with a dot (styrdok never wrote one; a `.git` or a
/// `.htaccess` means someone else keeps files there).
fn built_before_marker(dir: &Path) -> bool {
    let is_file =
        |rel: &str| fs::symlink_metadata(dir.join(rel)).is_ok_and(|m| m.file_type().is_file());
    let expected = [
        "index.html",
        "404.html",
        "sitemap.xml",
        "atom.xml",
        "sok/index.html",
        "iso27001/index.html",
        "dokumentstatus/index.html",
    ];
    if !expected.iter().all(|rel| is_file(rel)) {
        return false;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let mut search_index = false;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            return false;
        }
        search_index |= name.starts_with("search_index.") && name.ends_with(".json");
    }
    search_index && styrdok_sitemap(&dir.join("sitemap.xml"))
}

fn styrdok_sitemap(path: &Path) -> bool {
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    let mut head = [0u8; HEAD.len()];
    fs::File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == HEAD.as_bytes())
}

#[cfg(unix)]
fn is_mount_point(path: &Path, meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = path.parent().and_then(|p| fs::metadata(p).ok());
    match parent {
        Some(p) => p.dev() != meta.dev() || p.ino() == meta.ino(),
        None => true,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path, _: &fs::Metadata) -> bool {
    false
}

/// The home folder, resolved (`HOME`; on Windows `USERPROFILE`).
fn home() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    if home.is_empty() {
        return None;
    }
    fs::canonicalize(home).ok()
}

/// `out` made absolute with every existing folder in it resolved: the
/// nearest existing ancestor is canonicalised and the rest appended, which
/// must then hold no `..` (it could not be resolved safely).
fn resolve(out: &Path) -> Result<PathBuf, Message> {
    let abs = absolute(out);
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if fs::symlink_metadata(existing).is_ok() {
            break;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    // The last component itself is not followed: a link there is refused.
    let base = if rest.is_empty() {
        match (abs.parent(), abs.file_name()) {
            (Some(parent), Some(name)) => canonical(parent, out)?.join(name),
            _ => canonical(&abs, out)?,
        }
    } else {
        canonical(existing, out)?
    };
    let mut real = base;
    for name in rest.iter().rev() {
        real.push(name);
    }
    if real
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::CurDir))
    {
        return Err(t!(
            "the output folder `{out}` cannot be resolved; name it without `..`",
            out = out.display()
        ));
    }
    Ok(real)
}

fn canonical(p: &Path, out: &Path) -> Result<PathBuf, Message> {
    fs::canonicalize(p).map_err(|e| {
        t!(
            "the output folder `{out}` cannot be resolved (`{p}`: {e})",
            out = out.display(),
            p = p.display(),
            e
        )
    })
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(tmp: &Path) -> PathBuf {
        let root = tmp.join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        root
    }

    #[test]
    fn the_site_and_its_folders_are_never_an_output_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let root = site(tmp.path());
        assert!(claim(&root, &root.join("public"), false).is_ok());
        for force in [false, true] {
            assert!(claim(&root, &root, force).is_err());
            assert!(claim(&root, tmp.path(), force).is_err());
            assert!(claim(&root, Path::new("/"), force).is_err());
            assert!(claim(&root, &root.join("content/x"), force).is_err());
            assert!(claim(&root, &root.join(".git"), force).is_err());
        }
    }

    #[test]
    fn a_missing_folder_is_resolved_through_existing_links() {
        let tmp = tempfile::tempdir().unwrap();
        let root = site(tmp.path());
        let real = fs::canonicalize(tmp.path()).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&root, tmp.path().join("alias")).unwrap();
            let got = claim(&root, &tmp.path().join("alias/public/new"), false).unwrap();
            assert_eq!(got, real.join("site/public/new"));
            // Through a link the site root is still the site root.
            assert!(claim(&root, &tmp.path().join("alias"), true).is_err());
        }
        let dotted = tmp.path().join("missing/../site");
        assert!(claim(&root, &dotted, true).is_err());
    }

    #[test]
    fn only_marked_empty_or_older_builds_are_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        assert!(replaceable(&out, false).is_ok(), "missing");
        fs::create_dir(&out).unwrap();
        assert!(replaceable(&out, false).is_ok(), "empty");
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(replaceable(&out, false).is_err(), "user files");
        assert!(replaceable(&out, true).is_ok(), "user files, forced");
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        assert!(replaceable(&out, false).is_ok(), "marked");
        // A folder named like the marker is no marker.
        fs::remove_file(out.join(MARKER)).unwrap();
        fs::create_dir(out.join(MARKER)).unwrap();
        assert!(replaceable(&out, false).is_err());
        let file = tmp.path().join("file");
        fs::write(&file, "x").unwrap();
        assert!(replaceable(&file, true).is_err(), "a file, even forced");
    }

    fn older_build(dir: &Path) {
        for rel in [
            "index.html",
            "404.html",
            "atom.xml",
            "sok/index.html",
            "iso27001/index.html",
            "dokumentstatus/index.html",
            "search_index.sv.json",
            "regler/x/index.html",
        ] {
            let path = dir.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        fs::write(
            dir.join("sitemap.xml"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>/</loc></url>\n</urlset>\n",
        )
        .unwrap();
    }

    #[test]
    fn an_older_build_is_recognised_and_a_look_alike_is_not() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        older_build(&out);
        assert!(replaceable(&out, false).is_ok());
        // Someone keeps their own files there: a dot file at the top.
        fs::create_dir(out.join(".git")).unwrap();
        assert!(replaceable(&out, false).is_err());
        fs::remove_dir(out.join(".git")).unwrap();
        // Another generator's sitemap.
        fs::write(
            out.join("sitemap.xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset>",
        )
        .unwrap();
        assert!(replaceable(&out, false).is_err());
        older_build(&out);
        fs::remove_file(out.join("dokumentstatus/index.html")).unwrap();
        assert!(replaceable(&out, false).is_err(), "one output missing");
    }
}
