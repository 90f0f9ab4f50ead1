//! Files: writing and copying site trees, reading output, snapshots of
//! whole output folders, and a small seeded random number generator.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Writes `files` (relative path, text) under `root`.
pub fn write_files<T: AsRef<[u8]>>(root: &Path, files: &[(&str, T)]) {
    for (rel, text) in files {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

/// Writes `text` at `root/rel` (folders made as needed).
pub fn write(root: &Path, rel: &str, text: &str) {
    write_files(root, &[(rel, text)]);
}

/// Copies a folder tree (no symlinks in fixtures).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The text of `dir/rel`, panicking with the name if it is missing.
pub fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Replaces the first `from` by `to` in the file at `path` (which must
/// contain it).
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The first difference between two output trees ([`snapshot`]s), if any:
/// `a` is serve's, `b` the full build's.
pub fn first_difference(
    a: &BTreeMap<String, Vec<u8>>,
    b: &BTreeMap<String, Vec<u8>>,
) -> Option<String> {
    for (k, v) in a {
        match b.get(k) {
            None => return Some(format!("{k}: only in serve's output")),
            Some(w) if w != v => {
                let at = v.iter().zip(w).position(|(x, y)| x != y).unwrap_or(0);
                let show = |bytes: &[u8]| {
                    let s = at.saturating_sub(80);
                    String::from_utf8_lossy(&bytes[s..(at + 120).min(bytes.len())]).into_owned()
                };
                return Some(format!(
                    "{k} differs at byte {at}:\n  serve: {}\n  build: {}",
                    show(v),
                    show(w)
                ));
            }
            _ => {}
        }
    }
    b.keys()
        .find(|k| !a.contains_key(*k))
        .map(|k| format!("{k}: only in the full build"))
}

/// Every file under `dir` whose text contains `needle`, by relative path.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    snapshot(dir)
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
        .map(|(rel, _)| rel)
        .collect()
}

/// A small deterministic random number generator (xorshift64*), so that
/// a failing seed can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}
