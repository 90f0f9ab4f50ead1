//! Finds a site's files: Markdown under `content/`, the other files there
//! (attachments, checked by [`crate::attachments`]), editors' backups and
//! copies (never published), quiz banks under `quizzes/`, and a theme's
//! overrides.
//! Also the one place that turns raw bytes into text, so invalid UTF-8 is
//! reported the same way everywhere.

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const CONTENT_DIR: &str = "content";
pub const QUIZ_DIR: &str = "quizzes";
pub const THEMES_DIR: &str = "themes";

/// What `discover` found, with paths relative to the site root using `/`.
#[derive(Debug, Default, Clone)]
pub struct SiteFiles {
    /// `content/**/*.md`, sorted.
    pub markdown: Vec<String>,
    /// Every other file under `content/`, sorted.
    pub assets: Vec<String>,
    /// Backup, swap and copy files under `content/` (`hemlig.md~`,
    /// `x (kopia).md`), Markdown or not: never pages, never published.
    pub backups: Vec<String>,
    /// `quizzes/*.yaml` (and `.yml`), sorted.
    pub quizzes: Vec<String>,
    /// Files left out because of their names (not UTF-8, a control
    /// character, no name before `.md`, another file's name in other case).
    pub problems: Vec<Diagnostic>,
}

/// Walks the site. Hidden files and folders (`.git`, editor swap files) are
/// skipped; symlinks are not followed, so nothing outside the site is read.
pub fn discover(root: &Path) -> Result<SiteFiles, Diagnostic> {
    let mut files = SiteFiles::default();
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(Diagnostic::error(
            CONTENT_DIR,
            t!("the site has no `content/` folder"),
        ));
    }
    let found = walk_checked(root, &content, &mut files.problems)?;
    files.problems.extend(case_collisions(&found));
    for rel in found {
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        if crate::attachments::is_backup(name) {
            files.backups.push(rel);
        } else if rel.ends_with(".md") {
            files.markdown.push(rel);
        } else {
            files.assets.push(rel);
        }
    }
    let quizzes = root.join(QUIZ_DIR);
    if quizzes.is_dir() {
        for rel in walk_checked(root, &quizzes, &mut files.problems)? {
            if rel.ends_with(".yaml") || rel.ends_with(".yml") {
                files.quizzes.push(rel);
            }
        }
    }
    Ok(files)
}

/// Files below `dir`, relative to `root`, sorted. A file whose name
/// cannot be part of an address is an error.
pub fn walk(root: &Path, dir: &Path) -> Result<Vec<String>, Diagnostic> {
    let mut problems = Vec::new();
    let files = walk_checked(root, dir, &mut problems)?;
    match problems.into_iter().next() {
        Some(d) => Err(d),
        None => Ok(files),
    }
}

/// [`walk`], putting a file (or folder) with an unusable name into
/// `problems` and leaving it out.
fn walk_checked(
    root: &Path,
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<String>, Diagnostic> {
    let mut out = Vec::new();
    let mut walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = entry.map_err(|e| {
            let p = e.path().map(|p| relative(root, p)).unwrap_or_default();
            Diagnostic::error(escape_controls(&p), t!("cannot read: {e}", e))
        })?;
        if entry.depth() == 0 {
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        let shown = escape_controls(&relative(root, entry.path()));
        match name_problem(entry.file_name(), is_dir) {
            Some(NameProblem::Hidden) => {}
            Some(NameProblem::Bad(message, hint)) => {
                problems.push(Diagnostic::error(shown, message).with_hint(hint));
            }
            None => {
                if entry.file_type().is_file() {
                    out.push(relative(root, entry.path()));
                }
                continue;
            }
        }
        if is_dir {
            walker.skip_current_dir();
        }
    }
    Ok(out)
}

enum NameProblem {
    /// `.git`, `.DS_Store`, an editor's `.x.swp`: skipped without a word.
    Hidden,
    /// A name styrdok cannot publish: message and hint.
    Bad(Message, Message),
}

/// Why a file or folder name cannot be used, if it cannot.
fn name_problem(name: &std::ffi::OsStr, is_dir: bool) -> Option<NameProblem> {
    let rename = || t!("rename it: a file's name becomes part of its address");
    let Some(name) = name.to_str() else {
        return Some(NameProblem::Bad(
            t!("the name is not valid UTF-8 text, so it cannot be part of an address (the name is shown with � for the bytes that are not)"),
            rename(),
        ));
    };
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Some(NameProblem::Bad(
            t!("the name contains the control character U+{u32}, which cannot be part of a safe address", u32 = format!("{:04X}", c as u32)),
            rename(),
        ));
    }
    if !is_dir {
        if let Some(stem) = name.strip_suffix(".md") {
            if stem.chars().all(|c| c == '.') {
                return Some(NameProblem::Bad(
                    t!(
                        "`{name}` has no name before `.md`, so the page would have no address",
                        name
                    ),
                    t!("give the file a name, e.g. `sida.md`"),
                ));
            }
        }
    }
    name.starts_with('.').then_some(NameProblem::Hidden)
}

/// A path as a message shows it: control characters escaped, so that it
/// stays on one line and cannot drive the terminal.
fn escape_controls(path: &str) -> String {
    path.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// Paths (and their folders) that differ only in case, or only in how a
/// letter is encoded (`å` as one code point or as `a` and a combining
/// ring, NFC against NFD): one file on Windows and macOS checkouts and on
/// case-insensitive web servers.
fn case_collisions(files: &[String]) -> Vec<Diagnostic> {
    use unicode_normalization::UnicodeNormalization;
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut out = Vec::new();
    for file in files {
        let folders = file.match_indices('/').map(|(i, _)| &file[..i]);
        for path in folders.chain(std::iter::once(file.as_str())) {
            let composed: String = path.nfc().collect();
            let first = *seen.entry(composed.to_lowercase()).or_insert(path);
            if first == path {
                continue;
            }
            let first_composed: String = first.nfc().collect();
            let how = if first_composed == composed {
                t!("differ only in how a letter such as å, ä or ö is encoded (composed or decomposed)")
            } else {
                t!("differ only in upper and lower case")
            };
            out.push(
                Diagnostic::error(path, t!("`{path}` and `{first}` {how}", path, first, how))
                    .with_hint(t!("Windows and macOS checkouts and many web servers see one file; rename one of them")),
            );
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    out
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Reads a file as UTF-8 text, without a byte-order mark. `shown` is the
/// path used in the message.
pub fn read_text(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    use crate::limits::{human, MAX_TEXT_FILE_BYTES};
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > MAX_TEXT_FILE_BYTES {
            return Err(Diagnostic::error(
                shown,
                t!(
                    "the file is {size}; styrdok reads text files of up to {limit}",
                    size = human(meta.len()),
                    limit = human(MAX_TEXT_FILE_BYTES)
                ),
            )
            .with_hint(t!("split it into several documents")));
        }
    }
    let bytes = std::fs::read(path).map_err(|e| {
        let msg = if e.kind() == std::io::ErrorKind::NotFound {
            t!("file not found")
        } else {
            t!("cannot read file: {e}", e)
        };
        Diagnostic::error(shown, msg)
    })?;
    decode(bytes, shown)
}

/// UTF-8 decoding with the position of the first bad byte.
pub fn decode(bytes: Vec<u8>, shown: &str) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            if !may_have_control(s.as_bytes()) {
                return Ok(s);
            }
            match s.char_indices().find(|(_, c)| is_forbidden_control(*c)) {
                Some((at, c)) => Err(control_error(&s, at, c, shown)),
                None => Ok(s),
            }
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let good = String::from_utf8_lossy(&bytes[..valid]);
            let (line, col) = crate::diagnostics::line_col(&good, good.len());
            let mut d = Diagnostic::error(shown, t!("the file is not valid UTF-8 text")).with_hint(
                t!("save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"),
            );
            d.line = Some(line);
            d.column = Some(col);
            Err(d)
        }
    }
}

/// Control characters other than tab, line feed and carriage return (NUL,
/// escape, DEL, the C1 range): never meant as text, and never written raw
/// into a page.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// False when UTF-8 `bytes` surely hold no forbidden control character: a
/// byte test, so that reading a file does not decode every character. The
/// C0 range and DEL are single bytes below 0x20 and 0x7F; the C1 range
/// (U+0080–U+009F) is 0xC2 followed by 0x80–0x9F. True means: look closer.
fn may_have_control(bytes: &[u8]) -> bool {
    // First a branch-free pass over every byte, which the compiler turns
    // into vector code; the exact test only where it finds a suspect.
    let suspect = |b: u8| {
        ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f) | (b == 0xc2)
    };
    if !bytes
        .chunks(4096)
        .any(|chunk| chunk.iter().fold(false, |seen, &b| seen | suspect(b)))
    {
        return false;
    }
    bytes.iter().enumerate().any(|(k, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..0x20 | 0x7f => true,
        0xc2 => bytes.get(k + 1).is_some_and(|n| (0x80..0xa0).contains(n)),
        _ => false,
    })
}

/// `text` with every forbidden control character replaced by U+FFFD (for
/// old versions from git, which are published but cannot be fixed).
pub fn replace_controls(text: String) -> String {
    if may_have_control(text.as_bytes()) && text.contains(is_forbidden_control) {
        text.replace(is_forbidden_control, "\u{fffd}")
    } else {
        text
    }
}

fn control_error(text: &str, at: usize, c: char, shown: &str) -> Diagnostic {
    let (line, col) = crate::diagnostics::line_col(text, at);
    let mut d = Diagnostic::error(
        shown,
        t!("the file contains the control character U+{u32}, which is not text", u32 = format!("{:04X}", c as u32)),
    )
    .with_hint(t!("delete it (it is invisible in most editors; it often comes from copying out of another program)"));
    d.line = Some(line);
    d.column = Some(col);
    d
}

/// The theme folder of a site, if it has one.
pub fn theme_dir(root: &Path, theme: &str) -> Option<PathBuf> {
    let dir = root.join(THEMES_DIR).join(theme);
    dir.is_dir().then_some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_finds_every_control_character() {
        // Every character up to U+0800 (all one- and two-byte forms), alone
        // and between letters: the byte test says what the character test
        // says (beyond U+0800 there are no control characters).
        for c in (0..0x800u32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("å{c}ö")] {
                let chars = text.contains(is_forbidden_control);
                assert_eq!(chars, may_have_control(text.as_bytes()), "{c:?}");
            }
        }
        assert!(decode("a\u{85}b".as_bytes().to_vec(), "a.md").is_err());
        assert!(decode("tab\there\r\n".as_bytes().to_vec(), "a.md").is_ok());
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let d = decode(b"---\ntitle: \xff\n".to_vec(), "content/a.md").unwrap_err();
        assert_eq!(d.location(), "content/a.md:2:8");
        assert!(d.message.en().contains("UTF-8"));
    }

    #[test]
    fn unusable_names_are_problems() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let bad = |n: &[u8]| {
            matches!(
                name_problem(OsStr::from_bytes(n), false),
                Some(NameProblem::Bad(..))
            )
        };
        assert!(bad(b"a\nb.md"));
        assert!(bad(b"a\x01.pdf"));
        assert!(bad(b"\xff.md"));
        assert!(bad(b"..md"));
        assert!(bad(b".md"));
        assert!(matches!(
            name_problem(OsStr::new(".git"), true),
            Some(NameProblem::Hidden)
        ));
        assert!(matches!(
            name_problem(OsStr::new(".md"), true),
            Some(NameProblem::Hidden)
        ));
        for ok in ["a b.md", "fr?ga#1%.md", "å.md", "x..md"] {
            assert!(name_problem(OsStr::new(ok), false).is_none(), "{ok}");
        }
    }

    #[test]
    fn case_collisions_name_both_paths() {
        let files: Vec<String> = [
            "content/Åtgärd.md",
            "content/regler/a.md",
            "content/Regler/b.md",
            "content/åtgärd.md",
        ]
        .map(String::from)
        .to_vec();
        let d = case_collisions(&files);
        let messages: Vec<String> = d.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            messages,
            [
                "`content/Regler` and `content/regler` differ only in upper and lower case",
                "`content/åtgärd.md` and `content/Åtgärd.md` differ only in upper and lower case",
            ]
        );
        // The same name, once composed (NFC) and once decomposed (NFD, as
        // macOS writes it).
        let files = ["content/l\u{e4}s.md", "content/la\u{308}s.md"].map(String::from);
        let d = case_collisions(&files);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "content/la\u{308}s.md");
        assert!(d[0].message.en().contains("encoded"), "{}", d[0].message);
    }

    #[test]
    fn control_characters_are_errors_at_their_place() {
        let d = decode(
            b"---\ntitle: A\n---\nhej\0d\xc3\xa5\n".to_vec(),
            "content/a.md",
        )
        .unwrap_err();
        assert_eq!(d.location(), "content/a.md:4:4");
        assert!(d.message.en().contains("U+0000"), "{}", d.message);
        assert!(decode(b"a\x1b[31m".to_vec(), "x").is_err());
        assert!(decode("a\u{85}".as_bytes().to_vec(), "x").is_err());
        assert!(decode(b"a\tb\r\nc\n".to_vec(), "x").is_ok());
        assert_eq!(
            replace_controls("a\0b\x7f\n".into()),
            "a\u{fffd}b\u{fffd}\n"
        );
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(
            decode("\u{feff}---".as_bytes().to_vec(), "x").unwrap(),
            "---"
        );
    }
}
