//! [`Located`]: a YAML text placed in its file, the one way every stage
//! (site.yaml, quizzes, front matter, cross-document checks) turns a key,
//! a value or a YAML error into a [`Diagnostic`] at `path:line:col`.

use super::{key_lines, list_item_lines, value_line, value_lines, KeyLine, YamlError};
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use serde::de::DeserializeOwned;
use std::borrow::Cow;

/// A YAML text inside a file: the file's name and whole text, where the
/// YAML starts and its top-level keys. Positions it gives are lines and
/// columns of the whole file.
#[derive(Debug, Clone)]
pub struct Located<'a> {
    path: &'a str,
    source: &'a str,
    yaml: &'a str,
    /// 1-based line of the file where `yaml` starts.
    yaml_line: usize,
    keys: Cow<'a, [KeyLine]>,
}

impl<'a> Located<'a> {
    /// A file that is all YAML (`site.yaml`, a quiz).
    pub fn file(path: &'a str, text: &'a str) -> Self {
        Located {
            path,
            source: text,
            yaml: text,
            yaml_line: 1,
            keys: Cow::Owned(key_lines(text)),
        }
    }

    /// The front matter `yaml`, starting on line `yaml_line` of `source`.
    pub fn front_matter(path: &'a str, source: &'a str, yaml: &'a str, yaml_line: usize) -> Self {
        Located {
            path,
            source,
            yaml,
            yaml_line,
            keys: Cow::Owned(key_lines(yaml)),
        }
    }

    /// As [`Located::front_matter`], with the keys found earlier (a parsed
    /// document keeps them for the checks that need the whole site).
    pub fn with_keys(
        path: &'a str,
        source: &'a str,
        yaml: &'a str,
        yaml_line: usize,
        keys: &'a [KeyLine],
    ) -> Self {
        Located {
            path,
            source,
            yaml,
            yaml_line,
            keys: Cow::Borrowed(keys),
        }
    }

    /// The file name messages carry.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The whole file the YAML stands in.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The YAML text (positions within it are 1-based lines of the YAML).
    pub fn yaml(&self) -> &'a str {
        self.yaml
    }

    /// The top-level keys, in order.
    pub fn keys(&self) -> &[KeyLine] {
        &self.keys
    }

    /// The top-level keys, owned (for a document to keep).
    pub fn into_keys(self) -> Vec<KeyLine> {
        self.keys.into_owned()
    }

    pub fn key(&self, key: &str) -> Option<&KeyLine> {
        self.keys.iter().find(|k| k.key == key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.key(key).is_some()
    }

    /// The file line of line `line` of the YAML.
    pub fn file_line(&self, line: usize) -> usize {
        self.yaml_line + line - 1
    }

    /// Where the value of the first of `keys` present stands (file line
    /// and column).
    pub fn key_pos(&self, keys: &[&str]) -> Option<(usize, usize)> {
        keys.iter()
            .find_map(|key| self.key(key))
            .map(|k| (self.file_line(k.line), k.value_column))
    }

    /// The file line of `key` (column 1), or line 1 when it is absent.
    pub fn key_line(&self, key: &str) -> usize {
        self.key(key).map_or(1, |k| self.file_line(k.line))
    }

    /// Where `needle` stands inside `key`'s block (a list item, say), else
    /// `key`'s value, else the file's first line.
    pub fn value_pos(&self, key: &str, needle: &str) -> (usize, usize) {
        value_line(self.yaml, &self.keys, key, needle)
            .map_or((1, 1), |(line, col)| (self.file_line(line), col))
    }

    /// Every place `needle` stands inside `key`'s block, in order.
    pub fn value_positions(&self, key: &str, needle: &str) -> Vec<(usize, usize)> {
        value_lines(self.yaml, &self.keys, key, needle)
            .into_iter()
            .map(|(line, col)| (self.file_line(line), col))
            .collect()
    }

    /// File lines of the items of the block list under `key`.
    pub fn item_lines(&self, key: &str) -> Vec<usize> {
        list_item_lines(self.yaml, key)
            .into_iter()
            .map(|line| self.file_line(line))
            .collect()
    }

    /// Places `d` at `(line, column)` of the file.
    pub fn place(&self, d: Diagnostic, (line, column): (usize, usize)) -> Diagnostic {
        d.at(self.source, line, column)
    }

    /// An error at `(line, column)` of the file.
    pub fn error(&self, pos: (usize, usize), message: Message) -> Diagnostic {
        self.place(Diagnostic::error(self.path, message), pos)
    }

    /// A YAML problem (positions within the YAML) as an error in the file.
    pub fn yaml_error(&self, e: YamlError) -> Diagnostic {
        let mut d = self.error((self.file_line(e.line), e.column), e.message);
        d.hint = e.hint;
        d
    }

    /// Reads the YAML strictly, every problem of every key at once (see
    /// [`super::parse_all`]); the problems as errors placed in the file.
    pub fn parse_all<T: DeserializeOwned>(&self, known: &[&str]) -> super::Parsed<T, Diagnostic> {
        let p = super::parse_all::<T>(self.yaml, known);
        super::Parsed {
            value: p.value,
            errors: p.errors.into_iter().map(|e| self.yaml_error(e)).collect(),
            rejected: p.rejected,
        }
    }

    /// Deserialises the YAML strictly (see [`super::parse_strict`]); every
    /// problem as an error placed in the file.
    pub fn parse_strict<T: DeserializeOwned>(&self, known: &[&str]) -> Result<T, Vec<Diagnostic>> {
        super::parse_strict(self.yaml, known)
            .map_err(|errors| errors.into_iter().map(|e| self.yaml_error(e)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "---\ntitle: A\nroles:\n  - chef\n  - ledning\n---\nBody\n";

    fn front() -> Located<'static> {
        let s = crate::frontmatter::split(SOURCE).unwrap();
        Located::front_matter("content/a.md", SOURCE, s.yaml, s.yaml_line)
    }

    #[test]
    fn positions_are_lines_of_the_file() {
        let loc = front();
        assert_eq!(loc.yaml(), "title: A\nroles:\n  - chef\n  - ledning\n");
        assert_eq!(loc.key_pos(&["title"]), Some((2, 8)));
        assert_eq!(loc.key_pos(&["missing", "roles"]), Some((3, 7)));
        assert_eq!(loc.key_line("roles"), 3);
        assert_eq!(loc.key_line("missing"), 1);
        assert_eq!(loc.value_pos("roles", "ledning"), (5, 5));
        assert_eq!(loc.value_pos("missing", "x"), (1, 1));
        assert_eq!(loc.item_lines("roles"), [4, 5]);
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let loc = front();
        let errs = loc
            .parse_strict::<serde_json::Value>(&["title"])
            .unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].location(), "content/a.md:3:1");
        assert_eq!(errs[0].message, "unknown key `roles`");
        assert_eq!(errs[0].source_line.as_deref(), Some("roles:"));
        assert!(errs[0].hint.is_some());
    }

    #[test]
    fn a_whole_file_starts_on_line_one() {
        let text = "title: T\nunits:\n  - id: a\n  - id: a\n";
        let loc = Located::file("site.yaml", text);
        assert_eq!(loc.value_positions("units", "id: a"), [(3, 5), (4, 5)]);
        let d = loc.error((2, 1), Message::foreign("x"));
        assert_eq!(d.location(), "site.yaml:2:1");
    }
}
