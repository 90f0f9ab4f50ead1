//! Which files under `content/` that are not pages may ever be published
//! (SPEC §7): the stage between `discover` and `site`. A file passes when
//! its type is on an allow-list of inert types and its first bytes agree
//! with its extension; SVG drawings pass only when [`svg::check`] finds
//! nothing but drawing elements. Backup, swap and copy files never pass,
//! and active content (HTML, JavaScript, XML) is an error at its path.
//!
//! Whether a passing file is published in a build is decided later, by
//! `site`: only when a published page links or embeds it, or when it sits
//! in a folder declared for attachments ([`DECLARED_FOLDER`]).

pub mod svg;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::Message;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// A folder of this name anywhere under `content/` holds files published
/// even when no page links them (forms, templates to download).
pub const DECLARED_FOLDER: &str = "filer";

/// Inert types by extension, with how their first bytes must look.
const INERT: &[(&str, Magic)] = &[
    ("pdf", Magic::Prefix(b"%PDF-")),
    ("png", Magic::Prefix(b"\x89PNG\r\n\x1a\n")),
    ("jpg", Magic::Prefix(b"\xff\xd8\xff")),
    ("jpeg", Magic::Prefix(b"\xff\xd8\xff")),
    ("gif", Magic::Gif),
    ("webp", Magic::Webp),
    ("docx", Magic::Office),
    ("xlsx", Magic::Office),
    ("pptx", Magic::Office),
    ("odt", Magic::Office),
    ("ods", Magic::Office),
    ("odp", Magic::Office),
    ("csv", Magic::Text),
    ("txt", Magic::Text),
    ("svg", Magic::Svg),
];

/// Types a browser runs or renders as a document of the site's origin.
const ACTIVE: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "cjs", "xml", "xsl", "xslt", "svgz",
    "swf", "wasm", "hta",
];

/// Markdown under another extension: the source of a page, never a page.
const MARKDOWN_COPIES: &[&str] = &["markdown", "mdown", "mkd", "mkdn", "mdx", "rmd"];

/// Extensions editors, merge tools and file managers give backups.
const BACKUP_EXTENSIONS: &[&str] = &[
    "bak", "bck", "bkp", "backup", "orig", "rej", "old", "swp", "swo", "swx", "tmp", "temp",
];

#[derive(Debug, Clone, Copy)]
enum Magic {
    Prefix(&'static [u8]),
    Gif,
    Webp,
    Office,
    Text,
    Svg,
}

/// Why a file under `content/` is never published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A backup, swap or copy file (or Markdown under another extension).
    Backup,
    /// A type that is not on the allow-list.
    NotAllowed,
    /// Active content, or a file whose bytes are not what its name says.
    Unsafe,
}

impl Refusal {
    /// Why, as in "content/x is never published: it is …".
    pub fn reason(self) -> Message {
        match self {
            Refusal::Backup => t!("a backup or copy file"),
            Refusal::NotAllowed => t!("of a type styrdok does not publish"),
            Refusal::Unsafe => t!("active content, or not what its name says"),
        }
    }
}

/// The non-page files of a site, sorted into those that may be published
/// and those that never are.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    /// Root-relative paths of files that pass (inert, of an allowed type).
    pub candidates: Vec<String>,
    /// Root-relative paths of every other file, with why.
    pub refused: BTreeMap<String, Refusal>,
}

/// Is `name` (a file name, no folder) a backup, swap or copy file?
pub fn is_backup(name: &str) -> bool {
    let lower = name.to_lowercase();
    if lower.ends_with('~') || (lower.starts_with('#') && lower.ends_with('#')) {
        return true;
    }
    // `hemlig.md.bak`, `hemlig.md.txt`, `hemlig.md.1`: a copy of a page.
    if lower.contains(".md.") {
        return true;
    }
    let (stem, ext) = match lower.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, e),
        _ => (lower.as_str(), ""),
    };
    if BACKUP_EXTENSIONS.contains(&ext) || MARKDOWN_COPIES.contains(&ext) {
        return true;
    }
    is_copy_name(stem)
}

/// `x (kopia)`, `x - Kopia`, `x kopia 2`, `x copy`, `x (copy 3)`, `Kopia av x`,
/// `Copy of x`: what file managers and office suites name a duplicate.
fn is_copy_name(stem: &str) -> bool {
    if stem.starts_with("kopia av ") || stem.starts_with("copy of ") {
        return true;
    }
    let trimmed = stem.trim_end_matches(')');
    let trimmed = trimmed
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    ["kopia", "copy"].iter().any(|word| {
        trimmed.strip_suffix(word).is_some_and(|before| {
            before.ends_with(' ')
                || before.ends_with('(')
                || before.ends_with('-')
                || before.ends_with('_')
        })
    })
}

fn extension(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Is `rel` (root-relative) in a folder declared for attachments?
pub fn in_declared_folder(rel: &str) -> bool {
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    parts.iter().skip(1).any(|p| *p == DECLARED_FOLDER)
}

/// Sorts `assets` (root-relative, not pages) and `backups` into an
/// inventory. Backups are warnings; active content and files whose bytes
/// lie about their type are errors; other refused types are warnings.
pub fn inspect(
    root: &Path,
    assets: &[String],
    backups: &[String],
    diags: &mut Diagnostics,
) -> Inventory {
    let mut inv = Inventory::default();
    for rel in backups {
        diags.push(
            Diagnostic::warning(rel.as_str(), t!("this file is never published: it is {reason}", reason = Refusal::Backup.reason()))
                .with_hint(t!("delete it, or move it out of content/: editors' backups and copies may hold text that must not be published")),
        );
        inv.refused.insert(rel.clone(), Refusal::Backup);
    }
    let checked: Vec<_> = assets
        .par_iter()
        .map(|rel| (rel, check_file(root, rel)))
        .collect();
    for (rel, result) in checked {
        match result {
            Ok(()) => inv.candidates.push(rel.clone()),
            Err((refusal, d)) => {
                diags.push(d);
                inv.refused.insert(rel.clone(), refusal);
            }
        }
    }
    inv
}

/// Checks one non-page file: `Ok` when it may be published as it is.
pub fn check_file(root: &Path, rel: &str) -> Result<(), (Refusal, Diagnostic)> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if is_backup(name) {
        return Err((
            Refusal::Backup,
            Diagnostic::warning(
                rel,
                t!(
                    "this file is never published: it is {reason}",
                    reason = Refusal::Backup.reason()
                ),
            ),
        ));
    }
    let ext = extension(rel);
    if ACTIVE.contains(&ext.as_str()) {
        return Err((
            Refusal::Unsafe,
            Diagnostic::error(rel, t!("`.{ext}` files are active content, which is never published", ext))
                .with_hint(t!("a browser would run it as part of the site; publish the content as a Markdown page, or as a PDF")),
        ));
    }
    let Some(&(_, magic)) = INERT.iter().find(|(e, _)| *e == ext) else {
        return Err((
            Refusal::NotAllowed,
            Diagnostic::warning(
                rel,
                t!(
                    "this file is not published: `.{ext}` is not a type styrdok publishes",
                    ext
                ),
            )
            .with_hint(allowed_hint()),
        ));
    };
    let bytes = read(root, rel, magic).map_err(|e| {
        (
            Refusal::NotAllowed,
            Diagnostic::error(rel, t!("cannot read: {e}", e)),
        )
    })?;
    sniff(rel, &ext, magic, &bytes).map_err(|d| (Refusal::Unsafe, d))
}

/// What [`sniff`] needs of a file: its head, or all of it for the types
/// whose every byte is checked (macros in office documents, SVG markup).
fn read(root: &Path, rel: &str, magic: Magic) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let path = root.join(rel);
    match magic {
        Magic::Office | Magic::Svg => std::fs::read(path),
        _ => {
            let mut head = Vec::with_capacity(1024);
            std::fs::File::open(path)?
                .take(1024)
                .read_to_end(&mut head)?;
            Ok(head)
        }
    }
}

fn allowed_hint() -> Message {
    t!("styrdok publishes PDF, PNG, JPEG, GIF, WebP, SVG drawings, Word/Excel/PowerPoint (docx, xlsx, pptx), OpenDocument (odt, ods, odp), CSV and TXT files")
}

/// Do the bytes of `rel` agree with its extension?
fn sniff(rel: &str, ext: &str, magic: Magic, bytes: &[u8]) -> Result<(), Diagnostic> {
    let lies = |what: Message| {
        Diagnostic::error(
            rel,
            t!("this `.{ext}` file is not {what}: its first bytes say otherwise, so it is never published", ext, what),
        )
        .with_hint(t!("save the file again from the program that made it, under the right extension"))
    };
    let ok = match magic {
        Magic::Prefix(p) => bytes.starts_with(p),
        Magic::Gif => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
        Magic::Webp => bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        Magic::Office => {
            if !bytes.starts_with(b"PK\x03\x04") {
                false
            } else if memchr::memmem::find(bytes, b"vbaProject.bin").is_some() {
                return Err(Diagnostic::error(
                    rel,
                    t!("this office document holds macros, which are never published"),
                )
                .with_hint(t!(
                    "save it without macros (as .docx, .xlsx or .pptx), or as a PDF"
                )));
            } else {
                true
            }
        }
        Magic::Text => return text(rel, bytes),
        Magic::Svg => return svg::check(rel, bytes),
    };
    if ok {
        Ok(())
    } else {
        Err(lies(t!("a {kind} file", kind = ext.to_uppercase())))
    }
}

/// Plain text and CSV: no binary bytes, and nothing a browser could take
/// for markup or a page's source.
fn text(rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let first = start.iter().find(|b| !b.is_ascii_whitespace());
    if head.contains(&0) {
        return Err(Diagnostic::error(
            rel,
            t!("this text file holds binary bytes (NUL), so it is never published"),
        ));
    }
    if first == Some(&b'<') {
        return Err(Diagnostic::error(
            rel,
            t!("this text file starts with markup (`<`), which a browser may run as HTML; it is never published"),
        ));
    }
    if start.starts_with(b"---\n") || start.starts_with(b"---\r\n") {
        return Err(Diagnostic::error(
            rel,
            t!("this text file starts with front matter (`---`): it is a copy of a page, which is never published"),
        )
        .with_hint(t!("delete the copy; pages are the .md files")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_and_copy_names() {
        for name in [
            "hemlig.md~",
            "hemlig.md.bak",
            "hemlig.md.orig",
            "hemlig.bak",
            "rapport.pdf.orig",
            ".hemlig.md.swp",
            "hemlig.swp",
            "#hemlig.md#",
            "hemlig (kopia).markdown",
            "hemlig.markdown",
            "hemlig (kopia).md",
            "Hemlig - Kopia.pdf",
            "schema kopia 2.png",
            "schema copy.png",
            "schema (Copy 3).png",
            "Kopia av rapport.docx",
            "Copy of rapport.docx",
            "utkast.tmp",
            "hemlig.md.txt",
        ] {
            assert!(is_backup(name), "{name}");
        }
        for name in [
            "rapport.pdf",
            "kopiator.png",
            "copyright.txt",
            "kopiering.md",
            "policy.md",
            "schema-2.png",
        ] {
            assert!(!is_backup(name), "{name}");
        }
    }

    #[test]
    fn first_bytes_must_agree_with_the_extension() {
        let check = |ext: &str, bytes: &[u8]| {
            let magic = INERT.iter().find(|(e, _)| *e == ext).unwrap().1;
            sniff("content/x", ext, magic, bytes)
        };
        assert!(check("pdf", b"%PDF-1.7\n...").is_ok());
        assert!(check("pdf", b"<html><script>alert(1)</script>").is_err());
        assert!(check("png", b"\x89PNG\r\n\x1a\n\0\0").is_ok());
        assert!(check("png", b"GIF89a").is_err());
        assert!(check("gif", b"GIF89a..").is_ok());
        assert!(check("webp", b"RIFF\0\0\0\0WEBPVP8 ").is_ok());
        assert!(check("jpg", b"\xff\xd8\xff\xe0").is_ok());
        assert!(check("docx", b"PK\x03\x04word/document.xml").is_ok());
        assert!(check("docx", b"PK\x03\x04word/vbaProject.bin").is_err());
        assert!(check("xlsx", b"<html>").is_err());
        assert!(check("csv", b"enhet;antal\nklf;3\n").is_ok());
        assert!(check("txt", b"\xef\xbb\xbf  <script>alert(1)</script>").is_err());
        assert!(check("txt", b"a\0b").is_err());
        assert!(check("txt", b"---\ntitle: Hemlig\n---\n").is_err());
    }

    #[test]
    fn declared_folders() {
        assert!(in_declared_folder("content/filer/blankett.pdf"));
        assert!(in_declared_folder("content/regler/filer/a/b.pdf"));
        assert!(!in_declared_folder("content/regler/filer.pdf"));
        assert!(!in_declared_folder("content/blankett.pdf"));
    }
}
