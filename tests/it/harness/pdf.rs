//! PDF tools for the tests of issue #20: `pdftotext` (poppler-utils) for
//! the text a reader or a screen reader gets, `qpdf --check` for the file's
//! structure. In CI (`CI` set) a missing tool fails the test; elsewhere
//! the helpers return `None` and the caller says what it skipped.

use std::path::Path;
use std::process::Command;

fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "{name} is missing (apt-get install -y poppler-utils qpdf)"
    );
    if !found {
        eprintln!("note: {name} is missing; its checks are skipped");
    }
    found
}

/// The text of the PDF at `path`, line by line as laid out
/// (`pdftotext -layout`: a label and its value stay on one line), or
/// `None` when the tool is missing outside CI.
pub fn text(path: &Path) -> Option<String> {
    if !tool("pdftotext") {
        return None;
    }
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `qpdf --check` passes on the PDF at `path` (`None`: qpdf is missing
/// outside CI).
pub fn check(path: &Path) -> Option<()> {
    if !tool("qpdf") {
        return None;
    }
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf runs");
    assert!(
        out.status.success(),
        "qpdf --check {}: {}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(())
}

/// Every `.pdf` file under `dir` that is a PDF (starts with `%PDF-`; a
/// fixture's stand-in attachment is not), relative to it, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let is_pdf = |rel: &String| std::fs::read(dir.join(rel)).is_ok_and(|b| b.starts_with(b"%PDF-"));
    let mut out: Vec<String> = walk(dir)
        .into_iter()
        .filter(|p| p.ends_with(".pdf") && is_pdf(p))
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out
}
