//! Placeholders never go live: the text `styrdok new` writes for the owner
//! to replace is marked `FYLL I: …` (the marker `init` already uses in the
//! contact block), and this pass finds every such line of a document.
//!
//! A draft or a document on review may hold them (a warning, so `check`
//! lists what is left to write); a published one, active or retired, may
//! not (an error at the line). Text in code (`` `FYLL I:` `` or a fenced
//! block) is an example, not a placeholder, so a guide can show the marker.

use crate::contact::PLACEHOLDER;
use crate::diagnostics::{line_col, Diagnostic};
use crate::model::Status;

/// The marker as `new` writes it, with its colon.
pub const MARKER: &str = "FYLL I:";

/// Every line of `source` (a content file) holding the marker outside
/// code: `(line, column)`, 1-based, in the file.
pub fn find(source: &str, yaml: &str, yaml_line: usize, body_offset: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Almost every file has none: one search of the file, not one a line.
    if !source.contains(PLACEHOLDER) {
        return out;
    }
    for (i, line) in yaml.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(col) = marker_column(line) {
            out.push((yaml_line + i, col));
        }
    }
    let body = source.get(body_offset..).unwrap_or_default();
    let first = line_col(source, body_offset).0;
    let mut fence: Option<&str> = None;
    for (i, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if let Some(open) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
            fence = Some(open);
            continue;
        }
        if let Some(col) = marker_column(line) {
            out.push((first + i, col));
        }
    }
    out
}

/// The column of the first marker of `line` that is not inside an inline
/// code span (an odd number of backticks before it).
fn marker_column(line: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = line[from..].find(PLACEHOLDER) {
        let at = from + pos;
        let rest = &line[at + PLACEHOLDER.len()..];
        let in_code = line[..at].matches('`').count() % 2 == 1;
        if rest.starts_with(':') && !in_code {
            return Some(line[..at].chars().count() + 1);
        }
        from = at + PLACEHOLDER.len();
    }
    None
}

/// The diagnostic for a placeholder at `pos` of a document of `status`.
pub fn diagnostic(path: &str, source: &str, status: Status, pos: (usize, usize)) -> Diagnostic {
    let (line, col) = pos;
    let d = match status {
        Status::Draft | Status::Review => Diagnostic::warning(
            path,
            t!("the draft still holds a placeholder (`{MARKER} …`)", MARKER),
        ),
        Status::Active | Status::Retired => Diagnostic::error(
            path,
            if status == Status::Active {
                t!("an active document holds a placeholder (`{MARKER} …`); it would be published as it stands", MARKER)
            } else {
                t!("a retired document holds a placeholder (`{MARKER} …`); it would be published as it stands", MARKER)
            },
        ),
    };
    d.at(source, line, col).with_hint(t!(
        "replace the line with the document's own text before it is set to active"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_markers_in_front_matter_and_body_but_not_in_code() {
        let src = "---\ntitle: \"FYLL I: rubrik\"\n# FYLL I: a comment\nsummary: ok\n---\n\
                   ## Syfte\n\nFYLL I: Skriv varför.\n\n- FYLL I: en punkt\n\
                   Skriv `FYLL I:` framför det som ska fyllas i.\n\
                   ```\nFYLL I: i ett kodblock\n```\nFYLL I utan kolon\n";
        let split = crate::frontmatter::split(src).unwrap();
        let found = find(src, split.yaml, split.yaml_line, split.body_offset);
        assert_eq!(found, [(2, 9), (8, 1), (10, 3)]);
    }

    #[test]
    fn a_draft_warns_and_a_published_document_errors() {
        let src = "x\nFYLL I: y\n";
        let draft = diagnostic("content/a.md", src, Status::Draft, (2, 1));
        assert_eq!(draft.severity, crate::diagnostics::Severity::Warning);
        let active = diagnostic("content/a.md", src, Status::Active, (2, 1));
        assert_eq!(active.severity, crate::diagnostics::Severity::Error);
        assert_eq!(active.location(), "content/a.md:2:1");
    }
}
