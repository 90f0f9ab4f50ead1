//! Errors and warnings about a site's content, and the one formatter that
//! prints them for the terminal (`text`), machines (`json`), GitHub pull
//! requests (`github`) and the other forges (`sarif`, `gitlab`, `azure`, in
//! [`forges`]). Every diagnostic has a stable code ([`codes`]), shown in
//! every format.
//!
//! Every stage pushes into a [`Diagnostics`] collection instead of returning
//! at the first problem: a document owner fixing a pull request wants the
//! whole list in one run.

use crate::messages::{Language, Message};
use serde::Serialize;
use std::fmt::Write as _;

pub mod codes;
mod forges;

/// How bad a problem is. Warnings become errors with `check --strict`;
/// notes (something coming up, such as a review date within 30 days) never
/// fail a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// One problem, located as precisely as the stage that found it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    pub message: Message,
    /// A suggestion, e.g. "did you mean `review_by`?".
    pub hint: Option<Message>,
    /// The offending source line, for display under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: Message) -> Self {
        Self::new(Severity::Error, path, message)
    }

    pub fn warning(path: impl Into<String>, message: Message) -> Self {
        Self::new(Severity::Warning, path, message)
    }

    pub fn note(path: impl Into<String>, message: Message) -> Self {
        Self::new(Severity::Note, path, message)
    }

    fn new(severity: Severity, path: impl Into<String>, message: Message) -> Self {
        Diagnostic {
            severity,
            path: path.into(),
            line: None,
            column: None,
            message,
            hint: None,
            source_line: None,
        }
    }

    /// Places the diagnostic at `line:column` of `source` (the whole file's
    /// text) and keeps that line for display.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = Some(line.max(1));
        self.column = Some(column.max(1));
        self.source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// Places the diagnostic at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        self.at(source, line, column)
    }

    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The stable code of this kind of diagnostic, e.g. `SD0101`.
    pub fn code(&self) -> &'static str {
        codes::of(self).code
    }

    /// `path:line:col` as editors and terminals link it.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{}:{}", self.path, l, c),
            (Some(l), None) => format!("{}:{}", self.path, l),
            _ => self.path.clone(),
        }
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// All problems found in one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn note_count(&self) -> usize {
        self.count(Severity::Note)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Turns every warning into an error (`check --strict`); notes stay.
    pub fn make_warnings_errors(&mut self) {
        for d in &mut self.items {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    /// Orders by file, then position, so output is stable whatever order
    /// the parallel stages finished in.
    pub fn sort(&mut self) {
        // The English text is the last tie-break; rendering it is the dear
        // part of the key, so each item's key is made once.
        self.items
            .sort_by_cached_key(|d| (d.path.clone(), d.line, d.column, d.severity, d.message.en()));
        self.items.dedup();
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// How `check` (and `build`, on stderr) prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// `path:line:col: error: message`, the source line, a caret and a hint.
    #[default]
    Text,
    /// One JSON document: `{ "errors": n, "warnings": n, "notes": n, "diagnostics": [...] }`.
    Json,
    /// GitHub Actions workflow commands, so a pull request shows them on the file.
    Github,
    /// SARIF 2.1.0 (GitHub code scanning, Azure DevOps, GitLab, editors).
    Sarif,
    /// GitLab Code Quality JSON, for a merge request's widget.
    Gitlab,
    /// Azure Pipelines logging commands (`##vso[task.logissue …]`).
    Azure,
}

/// Renders diagnostics in the chosen format, messages in `lang`. The
/// machine formats keep their keys and severities in English (they are
/// read by forges); only the messages follow `lang`.
pub fn format(diagnostics: &Diagnostics, format: Format, lang: Language) -> String {
    match format {
        Format::Text => format_text(diagnostics, lang),
        Format::Json => format_json(diagnostics, lang),
        Format::Github => format_github(diagnostics, lang),
        Format::Sarif => forges::sarif(diagnostics, lang),
        Format::Gitlab => forges::gitlab(diagnostics, lang),
        Format::Azure => forges::azure(diagnostics, lang),
    }
}

/// The severity as a word of the machine formats.
fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The severity as the text format shows it to a person.
fn severity_label(s: Severity, lang: Language) -> &'static str {
    match (lang, s) {
        (Language::En, _) => severity_word(s),
        (Language::Sv, Severity::Error) => "fel",
        (Language::Sv, Severity::Warning) => "varning",
        (Language::Sv, Severity::Note) => "obs",
    }
}

/// The message in `lang`, with its hint in brackets after it (for formats
/// that have no place of their own for a hint).
fn with_hint(d: &Diagnostic, lang: Language) -> String {
    match &d.hint {
        Some(h) => format!("{} ({})", d.message.render(lang), h.render(lang)),
        None => d.message.render(lang),
    }
}

/// GitHub's name for a severity (`notice`, not `note`).
fn github_level(s: Severity) -> &'static str {
    match s {
        Severity::Note => "notice",
        other => severity_word(other),
    }
}

/// How `text` output looks: with the source line and caret (rustc style),
/// and with colour. The first line of each diagnostic is always the plain
/// `path:line:col: severity: message` that editors and scripts read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    pub source: bool,
    pub color: bool,
    pub lang: Language,
}

impl TextStyle {
    /// Rustc style on a terminal; colour only there and never with `NO_COLOR`
    /// (or `TERM=dumb`); plain lines for files, pipes and CI logs.
    /// Messages in the command line's language ([`crate::messages::cli`]).
    pub fn for_stderr() -> TextStyle {
        use std::io::IsTerminal;
        let tty = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        TextStyle {
            source: tty,
            color: tty && !no_color,
            lang: crate::messages::cli(),
        }
    }
}

/// ANSI colour, or nothing.
fn paint(on: bool, code: &str, text: &str) -> String {
    if on {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Text as a terminal may show it: control characters other than tab
/// (escape sequences, carriage returns, newlines inside a value) written
/// as `\u{..}` escapes, so one diagnostic stays one line and content cannot
/// drive the terminal of whoever builds it.
fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\t') {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// A source line as shown under a message: printable, and cut after 160
/// characters (a 20 MB one-line file must not flood the terminal).
fn shown_source(src: &str) -> String {
    const MAX: usize = 160;
    let mut s: String = src.chars().take(MAX).collect();
    if src.chars().nth(MAX).is_some() {
        s.push('…');
    }
    printable(&s).into_owned()
}

fn format_text(diagnostics: &Diagnostics, lang: Language) -> String {
    format_styled(
        diagnostics,
        TextStyle {
            source: true,
            color: false,
            lang,
        },
    )
}

/// The `text` format in a chosen style (see [`TextStyle`]).
pub fn format_styled(diagnostics: &Diagnostics, style: TextStyle) -> String {
    let mut out = String::new();
    for d in diagnostics.iter() {
        let _ = writeln!(
            out,
            "{}: {}: {}",
            printable(&d.location()),
            severity_label(d.severity, style.lang),
            printable(&d.message.render(style.lang))
        );
        let mark = match d.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;36",
        };
        let bar = paint(style.color, "1;34", "|");
        if let (true, Some(line), Some(src)) = (style.source, d.line, &d.source_line) {
            let src = shown_source(src);
            let gutter = line.to_string().len();
            let _ = writeln!(out, "{:gutter$} {bar}", "");
            let number = paint(style.color, "1;34", &line.to_string());
            let _ = writeln!(out, "{number} {bar} {src}");
            if let Some(col) = d.column {
                let pad: String = src
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(
                    out,
                    "{:gutter$} {bar} {pad}{}",
                    "",
                    paint(style.color, mark, "^")
                );
            }
        }
        let (hint_label, code_label) = match style.lang {
            Language::En => ("= hint:", "= code:"),
            Language::Sv => ("= tips:", "= kod:"),
        };
        if let Some(hint) = &d.hint {
            let hint = hint.render(style.lang);
            let hint = printable(&hint);
            let _ = writeln!(out, "  {} {hint}", paint(style.color, "1;36", hint_label));
        }
        let _ = writeln!(
            out,
            "  {} {}",
            paint(style.color, "1;36", code_label),
            d.code()
        );
    }
    out
}

fn format_json(diagnostics: &Diagnostics, lang: Language) -> String {
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let mut v = serde_json::json!({
                "severity": d.severity,
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "message": d.message.render(lang),
                "code": d.code(),
            });
            if let Some(h) = &d.hint {
                v["hint"] = h.render(lang).into();
            }
            v
        })
        .collect();
    let doc = serde_json::json!({
        "errors": diagnostics.error_count(),
        "warnings": diagnostics.warning_count(),
        "notes": diagnostics.note_count(),
        "diagnostics": items,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Escapes data for a GitHub workflow command (`%`, CR, LF; plus `:` and `,`
/// inside properties).
fn github_escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

fn format_github(diagnostics: &Diagnostics, lang: Language) -> String {
    let mut out = String::new();
    for d in diagnostics.iter() {
        let mut props = format!("file={}", github_escape(&d.path, true));
        if let Some(l) = d.line {
            let _ = write!(props, ",line={l}");
        }
        if let Some(c) = d.column {
            let _ = write!(props, ",col={c}");
        }
        let _ = write!(props, ",title={}", d.code());
        let message = with_hint(d, lang);
        let _ = writeln!(
            out,
            "::{} {}::{}",
            github_level(d.severity),
            props,
            github_escape(&message, false)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostics {
        let src = "---\ntitle: X\nreveiw_by: 2024-01-01\n---\n";
        let mut ds = Diagnostics::default();
        ds.push(
            Diagnostic::error("content/a.md", Message::foreign("unknown key `reveiw_by`"))
                .at(src, 3, 1)
                .with_hint(Message::foreign("did you mean `review_by`?")),
        );
        ds.push(Diagnostic::warning(
            "site.yaml",
            Message::foreign("role `x` has an empty reading list"),
        ));
        ds
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        let mut ds = Diagnostics::default();
        ds.push(
            Diagnostic::error(
                "content/a\u{1b}[2J.md",
                Message::foreign("bad `x\ny\u{1b}[31m`"),
            )
            .with_hint(Message::foreign("\r")),
        );
        let text = format(&ds, Format::Text, crate::messages::Language::En);
        assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text:?}");
        assert_eq!(text.lines().count(), 3, "{text:?}");
    }

    #[test]
    fn text_shows_location_source_caret_and_hint() {
        let out = format(&sample(), Format::Text, crate::messages::Language::En);
        assert!(out.contains("content/a.md:3:1: error: unknown key `reveiw_by`"));
        assert!(out.contains("3 | reveiw_by: 2024-01-01"));
        assert!(out.contains("  | ^"));
        assert!(out.contains("= hint: did you mean `review_by`?"));
        assert!(out.contains("site.yaml: warning: role `x`"));
    }

    #[test]
    fn plain_style_keeps_first_line_and_hint_only() {
        let plain = TextStyle {
            source: false,
            color: false,
            lang: Language::En,
        };
        let out = format_styled(&sample(), plain);
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            [
                "content/a.md:3:1: error: unknown key `reveiw_by`",
                "  = hint: did you mean `review_by`?",
                "  = code: SD0101",
                "site.yaml: warning: role `x` has an empty reading list",
                "  = code: SD0099",
            ]
        );
    }

    #[test]
    fn colour_never_touches_the_first_line() {
        let out = format_styled(
            &sample(),
            TextStyle {
                source: true,
                color: true,
                lang: Language::En,
            },
        );
        assert!(out.starts_with("content/a.md:3:1: error: unknown key `reveiw_by`\n"));
        assert!(out.contains("\x1b[1;31m^\x1b[0m"));
    }

    #[test]
    fn github_format_uses_workflow_commands() {
        let out = format(&sample(), Format::Github, crate::messages::Language::En);
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            "::error file=content/a.md,line=3,col=1,title=SD0101::unknown key `reveiw_by` (did you mean `review_by`?)"
        );
        assert!(out.contains("::warning file=site.yaml,title=SD0099::"));
    }

    #[test]
    fn json_is_one_document_with_counts() {
        let v: serde_json::Value = serde_json::from_str(&format(
            &sample(),
            Format::Json,
            crate::messages::Language::En,
        ))
        .unwrap();
        assert_eq!(v["errors"], 1);
        assert_eq!(v["warnings"], 1);
        assert_eq!(v["diagnostics"][0]["line"], 3);
        assert_eq!(v["diagnostics"][0]["path"], "content/a.md");
        assert_eq!(v["diagnostics"][0]["code"], "SD0101");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("å\nää x", 7), (2, 3));
        assert_eq!(line_col("abc", 99), (1, 4));
    }
}
