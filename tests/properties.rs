//! Property tests (issue #9, proptest): heading slugs, link normalisation
//! and classification (a relative link never escapes `content/`), and the
//! output swap (after commit OUT holds exactly the staged files; a dropped
//! staging leaves OUT as it was).

use proptest::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use styrdok::markdown::links::{classify, normalize, Target};
use styrdok::markdown::slug::{slugify, SlugCounter};
use styrdok::output::Staging;

/// The files under `dir` but the marker every build writes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != styrdok::outdir::MARKER)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Relative output paths like `a/b/index.html`.
fn out_paths() -> impl Strategy<Value = BTreeMap<String, Vec<u8>>> {
    let segment = "[a-zåäö0-9_-]{1,8}";
    let path =
        prop::collection::vec(segment, 1..4).prop_map(|s| format!("{}/index.html", s.join("/")));
    prop::collection::btree_map(path, prop::collection::vec(any::<u8>(), 0..64), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn slugs_are_safe_in_urls_and_stable(text in "\\PC{0,40}") {
        let slug = slugify(&text);
        prop_assert!(slug.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_'), "{slug}");
        prop_assert!(slug.chars().all(|c| !c.is_uppercase() || c.to_lowercase().next() == Some(c)));
        prop_assert_eq!(slugify(&slug), slug.clone(), "slugify is idempotent");
    }

    #[test]
    fn unique_slugs_never_repeat(bases in prop::collection::vec("[a-c]{0,2}(-[0-9])?", 1..30)) {
        let mut counter = SlugCounter::default();
        let mut seen = std::collections::HashSet::new();
        for b in &bases {
            let id = counter.unique(b);
            prop_assert!(!id.is_empty());
            prop_assert!(seen.insert(id.clone()), "{id} handed out twice for {bases:?}");
        }
    }

    #[test]
    fn normalised_paths_stay_inside_content(
        dir in prop::collection::vec("[a-z]{1,3}", 0..4),
        rel in prop::collection::vec(prop::sample::select(vec!["..", ".", "", "a", "b", "x.md", "..\\\\.."]), 0..8),
    ) {
        let dir = dir.join("/");
        let rel = rel.join("/");
        if let Some(p) = normalize(&dir, &rel) {
            prop_assert!(!p.split('/').any(|s| s == ".." || s == "."), "{p}");
            prop_assert!(!p.starts_with('/'), "{p}");
            prop_assert!(!p.contains('\\'), "{p}");
        }
    }

    #[test]
    fn classified_links_never_leave_content(dest in "[./a-z%2eE\\\\#:]{0,24}(\\.md|\\.png)?", dir in "[a-z]{0,3}") {
        match classify(&dest, &dir) {
            Target::Content { path, .. } => {
                prop_assert!(!path.split('/').any(|s| s == ".." || s == "."), "{dest} → {path}");
                prop_assert!(!path.starts_with('/') && !path.contains('\\'), "{dest} → {path}");
            }
            Target::DisallowedScheme(s) => prop_assert!(!["http", "https", "mailto", "tel"].contains(&s.as_str())),
            _ => {}
        }
    }

    #[test]
    fn commit_leaves_exactly_the_staged_files(before in out_paths(), staged in out_paths()) {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        if !before.is_empty() {
            let s = Staging::create(&out).unwrap();
            for (p, b) in &before { s.write(p, b).unwrap(); }
            s.commit().unwrap();
        }
        let s = Staging::create(&out).unwrap();
        for (p, b) in &staged { s.write(p, b).unwrap(); }
        s.commit().unwrap();
        prop_assert_eq!(files(&out), staged);
        prop_assert!(out.join(styrdok::outdir::MARKER).is_file());
        prop_assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "no staging folder left");
    }

    #[test]
    fn a_dropped_staging_leaves_out_unchanged(before in out_paths(), staged in out_paths()) {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::create(&out).unwrap();
        for (p, b) in &before { s.write(p, b).unwrap(); }
        s.commit().unwrap();
        {
            let s = Staging::create(&out).unwrap();
            for (p, b) in &staged { s.write(p, b).unwrap(); }
        }
        prop_assert_eq!(files(&out), before);
        prop_assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }
}
