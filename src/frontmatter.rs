//! The only module that touches YAML (serde_yaml is archived; keeping it here
//! means one file changes when it is swapped).
//!
//! It splits a content file into its front matter block and Markdown body,
//! deserialises YAML into typed structs, and translates YAML positions into
//! lines of the whole file so that every error reads `path:line:col`.

mod tags;

use crate::messages::Message;
use serde::de::DeserializeOwned;

/// A content file cut into front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// 1-based line of the file where `yaml` starts.
    pub yaml_line: usize,
    /// The Markdown after the closing `---` line.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

/// Why a file could not be split. Each carries the 1-based line to point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    Empty,
    NoFrontMatter,
    Unclosed { opened_at: usize },
}

impl SplitError {
    pub fn message(&self) -> Message {
        match self {
            SplitError::Empty => t!("the file is empty; it needs front matter with at least a title"),
            SplitError::NoFrontMatter => {
                t!("the file does not start with a front matter block (a line with `---`)")
            }
            SplitError::Unclosed { opened_at } => t!("the front matter block opened on line {opened_at} is never closed with a `---` line", opened_at),
        }
    }

    pub fn line(&self) -> usize {
        match self {
            SplitError::Unclosed { opened_at } => *opened_at,
            _ => 1,
        }
    }
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Splits `src` (without BOM) into front matter and body.
pub fn split(src: &str) -> Result<Split<'_>, SplitError> {
    if src.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let first_end = src.find('\n').map_or(src.len(), |i| i + 1);
    if !is_fence(src[..first_end].trim_end_matches(['\n', '\r'])) {
        return Err(SplitError::NoFrontMatter);
    }
    let yaml_start = first_end;
    let mut pos = yaml_start;
    while pos < src.len() {
        let end = src[pos..].find('\n').map_or(src.len(), |i| pos + i + 1);
        let line = src[pos..end].trim_end_matches(['\n', '\r']);
        if is_fence(line) || line.trim_end() == "..." {
            return Ok(Split {
                yaml: &src[yaml_start..pos],
                yaml_line: 2,
                body: &src[end..],
                body_offset: end,
            });
        }
        pos = end;
    }
    Err(SplitError::Unclosed { opened_at: 1 })
}

/// The top-level scalar values of a file's front matter (quotes removed),
/// read line by line without a YAML parser. Git history reads thousands of
/// old file versions and needs only a few plain keys (`id`, `version`,
/// `status`, …) of each; a full parse is kept for the versions it renders.
pub fn quick_scalars(src: &str) -> Option<Vec<(String, String)>> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let split = split(src).ok()?;
    Some(
        key_lines(split.yaml)
            .into_iter()
            .map(|k| {
                let v = k.raw_value.trim();
                let unquoted = [('"', '"'), ('\'', '\'')]
                    .iter()
                    .find_map(|(a, b)| v.strip_prefix(*a)?.strip_suffix(*b))
                    .unwrap_or(v);
                (k.key, unquoted.to_string())
            })
            .collect(),
    )
}

mod located;
mod strict;
pub use located::Located;
pub use strict::{parse_all, Parsed};

/// A YAML problem located within the YAML text (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: Message,
    pub hint: Option<Message>,
}

/// A top-level `key: value` line found by scanning the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine {
    pub key: String,
    /// 1-based line within the YAML text.
    pub line: usize,
    /// 1-based column of the value (after `key:` and spaces).
    pub value_column: usize,
    /// The value as written on the key's line, without a trailing comment.
    pub raw_value: String,
}

/// Finds the top-level keys of a block mapping and where they stand. serde
/// does not give positions of keys that parsed fine, so later checks (a
/// `parent` naming an unknown document, say) use this to point at the line.
pub fn key_lines(yaml: &str) -> Vec<KeyLine> {
    let mut out = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let first = match line.chars().next() {
            Some(c) => c,
            None => continue,
        };
        if first.is_whitespace() || matches!(first, '#' | '-' | '{' | '}' | '[' | ']') {
            continue;
        }
        let (key, rest) = match split_key(line) {
            Some(kv) => kv,
            None => continue,
        };
        let value = strip_comment(rest).trim();
        let value_column = line.chars().count() - rest.chars().count()
            + (rest.chars().count() - rest.trim_start().chars().count())
            + 1;
        out.push(KeyLine {
            key,
            line: i + 1,
            value_column,
            raw_value: value.to_string(),
        });
    }
    out
}

fn split_key(line: &str) -> Option<(String, &str)> {
    for quote in ['"', '\''] {
        if let Some(inner) = line.strip_prefix(quote) {
            let end = inner.find(quote)?;
            let after = inner[end + 1..].trim_start();
            let rest = after.strip_prefix(':')?;
            return Some((inner[..end].to_string(), rest));
        }
    }
    let colon = line.find(':')?;
    let key = &line[..colon];
    let rest = &line[colon + 1..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    if key.is_empty() || key.contains(char::is_whitespace) {
        return None;
    }
    Some((key.to_string(), rest))
}

fn strip_comment(value: &str) -> &str {
    let mut in_single = false;
    let mut in_double = false;
    let mut prev_space = true;
    for (i, c) in value.char_indices() {
        match c {
            '\'' if !in_double => in_single = !in_single,
            '"' if !in_single => in_double = !in_double,
            '#' if !in_single && !in_double && prev_space => return &value[..i],
            _ => {}
        }
        prev_space = c.is_whitespace();
    }
    value
}

/// Every line (within the YAML text) where `needle` occurs inside the block
/// of the top-level `key`, in order, with the column.
pub fn value_lines(yaml: &str, keys: &[KeyLine], key: &str, needle: &str) -> Vec<(usize, usize)> {
    let Some(idx) = keys.iter().position(|k| k.key == key) else {
        return Vec::new();
    };
    let start = keys[idx].line;
    let end = keys.get(idx + 1).map_or(usize::MAX, |k| k.line);
    yaml.lines()
        .enumerate()
        .skip(start - 1)
        .take_while(|(i, _)| i + 1 < end)
        .filter_map(|(i, line)| {
            let pos = line.find(needle)?;
            Some((i + 1, line[..pos].chars().count() + 1))
        })
        .collect()
}

/// Finds the line (within the YAML text) of `needle` inside the block of the
/// top-level `key`, e.g. the list item `- "9.99"` under `iso27001:`. Falls
/// back to the key's own line.
pub fn value_line(yaml: &str, keys: &[KeyLine], key: &str, needle: &str) -> Option<(usize, usize)> {
    let idx = keys.iter().position(|k| k.key == key)?;
    let start = keys[idx].line;
    let end = keys.get(idx + 1).map_or(usize::MAX, |k| k.line);
    for (i, line) in yaml.lines().enumerate().skip(start - 1) {
        if i + 1 >= end {
            break;
        }
        let probe = if i + 1 == start {
            // On the key's own line, look only after the colon.
            line.split_once(':').map_or("", |(_, v)| v)
        } else {
            line
        };
        if let Some(pos) = probe.find(needle) {
            let offset = line.len() - probe.len() + pos;
            return Some((i + 1, line[..offset].chars().count() + 1));
        }
    }
    Some((start, keys[idx].value_column))
}

/// Deserialises YAML into `T`, reporting every top-level key that is not
/// in `known` (each with a "did you mean" hint) and every key whose value
/// does not fit, each with its position (see [`parse_all`]).
pub fn parse_strict<T: DeserializeOwned>(yaml: &str, known: &[&str]) -> Result<T, Vec<YamlError>> {
    let parsed = parse_all(yaml, known);
    match parsed.value {
        Some(v) if parsed.errors.is_empty() => Ok(v),
        _ => Err(parsed.errors),
    }
}

/// Deserialises YAML into `T`. An empty document reads as an empty mapping;
/// a tag (`!!binary`) is an error at its position.
pub fn parse<T: DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    if let Some(tag) = tags::find(yaml).into_iter().next() {
        return Err(tag);
    }
    parse_untagged(yaml)
}

fn parse_untagged<T: DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    let text = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(text).map_err(|e| convert_error(&e))
}

fn convert_error(e: &serde_yaml::Error) -> YamlError {
    let (line, column) = e
        .location()
        .map_or((1, 1), |l| (l.line().max(1), l.column().max(1)));
    let message = strip_positions(&e.to_string());
    let (message, hint) = explain(&message);
    YamlError {
        line,
        column,
        message,
        hint,
    }
}

/// Removes serde_yaml's " at line N column M" (positions relative to the
/// YAML block, which would contradict the file line we report).
fn strip_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let skip = after
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(after.len());
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

/// Rewords serde's messages into what a document owner needs, keeping the
/// path serde_yaml puts in front of nested errors (`questions[0].type: …`).
fn explain(message: &str) -> (Message, Option<Message>) {
    let (path, rest) = split_path_prefix(message);
    let (text, hint) = explain_plain(rest);
    match path {
        Some(path) => (t!("{path}: {detail}", path, detail = text), hint),
        None => (text, hint),
    }
}

fn split_path_prefix(message: &str) -> (Option<&str>, &str) {
    if let Some((path, rest)) = message.split_once(": ") {
        let is_path = !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
        if is_path {
            return (Some(path), rest);
        }
    }
    (None, message)
}

fn explain_plain(message: &str) -> (Message, Option<Message>) {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((name, expected)) = rest.split_once('`') {
            let known = backticked(expected);
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            return (
                t!("unknown key `{name}`", name),
                Some(unknown_key_hint(name, &known)),
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((name, expected)) = rest.split_once('`') {
            let known = backticked(expected);
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            let allowed = known.join(", ");
            let hint = match did_you_mean(name, &known) {
                Some(near) => t!("did you mean `{near}`? Allowed: {allowed}", near, allowed),
                None => t!("allowed values: {allowed}", allowed),
            };
            return (t!("`{name}` is not an allowed value", name), Some(hint));
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return (t!("missing field `{field}`", field), None);
    }
    let plain = message
        .replace("expected i64", "expected a whole number")
        .replace("expected u32", "expected a whole number (0 or more)")
        .replace("expected u8", "expected a whole number")
        .replace("expected a sequence", "expected a list, e.g. [a, b]")
        .replace("expected a map", "expected keys and values");
    let hint = (message.contains("invalid type: floating point")
        && message.contains("expected a string"))
    .then(|| t!("write it in quotes, e.g. \"5.10\", so that YAML keeps it as text"));
    if let Some((found, expected)) = plain
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
    {
        return (
            t!(
                "invalid type: {found}, expected {expected}",
                found = serde_found(found),
                expected = serde_expected(expected)
            ),
            hint,
        );
    }
    (Message::foreign(plain), hint)
}

/// What serde found (`string "tung"`, `integer `5``, `a sequence`) in the
/// reader's language (serde's own words in English), the value as written.
fn serde_found(found: &str) -> Message {
    let (kind, value) = match found.split_once(' ') {
        Some((k, v)) if k != "a" && k != "unit" => (k, v),
        _ => (found, ""),
    };
    match (kind, value) {
        ("string", value) => t!("string {value}", value),
        ("integer", value) => t!("integer {value}", value),
        ("boolean", value) => t!("boolean {value}", value),
        ("floating", value) => match value.strip_prefix("point ") {
            Some(value) => t!("floating point {value}", value),
            None => Message::foreign(found),
        },
        ("unit value", _) => t!("unit value"),
        ("a sequence", _) => t!("a sequence"),
        ("a map", _) => t!("a map"),
        _ => Message::foreign(found),
    }
}

/// What serde expected, after [`explain_plain`]'s rewording, in the
/// reader's language.
fn serde_expected(expected: &str) -> Message {
    match expected {
        "a whole number" => t!("a whole number"),
        "a whole number (0 or more)" => t!("a whole number (0 or more)"),
        "a list, e.g. [a, b]" => t!("a list, e.g. [a, b]"),
        "keys and values" => t!("keys and values"),
        "a string" => t!("a string"),
        "a boolean" => t!("a boolean"),
        other => Message::foreign(other),
    }
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, w)| w.to_string())
        .collect()
}

/// The closest known word, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        // The nearest, and of equally near ones the first by name: the
        // same hint on every run, whatever order `known` came in.
        .min()
        .map(|(_, k)| k)
}

fn unknown_key_hint(key: &str, known: &[&str]) -> Message {
    match did_you_mean(key, known) {
        Some(near) => t!("did you mean `{near}`?", near),
        None => t!("custom data belongs under `extra:`"),
    }
}

/// Lines (1-based, within the YAML) of the items of the block list under the
/// top-level `key`: the `- ` lines at the list's own indentation.
pub fn list_item_lines(yaml: &str, key: &str) -> Vec<usize> {
    let keys = key_lines(yaml);
    let Some(idx) = keys.iter().position(|k| k.key == key) else {
        return Vec::new();
    };
    let start = keys[idx].line;
    let end = keys.get(idx + 1).map_or(usize::MAX, |k| k.line);
    let mut indent = None;
    let mut out = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let n = i + 1;
        if n <= start || n >= end {
            continue;
        }
        let trimmed = line.trim_start();
        if !(trimmed.starts_with("- ") || trimmed == "-") {
            continue;
        }
        let this = line.len() - trimmed.len();
        match indent {
            None => {
                indent = Some(this);
                out.push(n);
            }
            Some(ind) if ind == this => out.push(n),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn the_hint_is_the_same_whatever_order_the_names_come_in() {
        // `R-2` and `R-3` are equally near `R-1`.
        assert_eq!(did_you_mean("R-1", &["R-3", "R-2"]), Some("R-2"));
        assert_eq!(did_you_mean("R-1", &["R-2", "R-3"]), Some("R-2"));
        assert_eq!(
            did_you_mean("verison", &["version", "owner"]),
            Some("version")
        );
        assert_eq!(did_you_mean("zzzzzz", &["version"]), None);
    }

    #[test]
    fn splits_front_matter_and_body() {
        let src = "---\ntitle: A\n---\n# Body\n";
        let s = split(src).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn split_errors() {
        assert_eq!(split("").unwrap_err(), SplitError::Empty);
        assert_eq!(split("  \n").unwrap_err(), SplitError::Empty);
        assert_eq!(split("# x\n").unwrap_err(), SplitError::NoFrontMatter);
        assert_eq!(
            split("---\ntitle: x\n").unwrap_err(),
            SplitError::Unclosed { opened_at: 1 }
        );
        assert!(split("---\r\ntitle: x\r\n---\r\nbody").is_ok());
    }

    #[test]
    fn key_lines_find_top_level_keys_and_raw_values() {
        let yaml = "title: A # note\nroles:\n  - chef\nversion: 1.10\n\"id\": X\n";
        let keys = key_lines(yaml);
        let names: Vec<_> = keys.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(names, ["title", "roles", "version", "id"]);
        assert_eq!(keys[0].raw_value, "A");
        assert_eq!(keys[2].raw_value, "1.10");
        assert_eq!(keys[2].line, 4);
        assert_eq!(keys[2].value_column, 10);
    }

    #[test]
    fn value_line_finds_list_items() {
        let yaml = "iso27001:\n  - \"5.1\"\n  - \"9.99\"\nroles: [chef]\n";
        let keys = key_lines(yaml);
        assert_eq!(value_line(yaml, &keys, "iso27001", "9.99"), Some((3, 6)));
        assert_eq!(value_line(yaml, &keys, "roles", "chef"), Some((4, 9)));
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: Option<String>,
        review_by: Option<String>,
        weight: Option<i64>,
    }

    #[test]
    fn unknown_keys_are_all_reported_with_hints() {
        let errs = parse_strict::<T>(
            "title: A\nreveiw_by: x\ncolour: red\n",
            &["title", "review_by", "weight"],
        )
        .unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].line, 2);
        assert_eq!(errs[0].message, "unknown key `reveiw_by`");
        assert_eq!(
            errs[0].hint.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `review_by`?")
        );
        assert_eq!(
            errs[1].hint.as_ref().map(|h| h.en()).as_deref(),
            Some("custom data belongs under `extra:`")
        );
    }

    #[test]
    fn type_errors_carry_position() {
        let err = parse::<T>("title: A\nweight: heavy\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.en().contains("invalid type"), "{}", err.message);
        assert!(!err.message.en().contains(" at line "));
    }

    #[test]
    fn syntax_errors_lose_block_relative_positions() {
        let err = parse::<serde_json::Value>("title: A\nweight: [1, 2\n").unwrap_err();
        assert!(!err.message.en().contains("at line"), "{}", err.message);
        assert!(
            err.message.en().contains("while parsing"),
            "{}",
            err.message
        );
        assert_eq!(
            strip_positions("x at line 3 column 1, while y at line 3 column 7"),
            "x, while y"
        );
    }

    #[test]
    fn unquoted_numbers_keep_their_text_as_strings() {
        #[derive(Deserialize)]
        struct V {
            v: Vec<String>,
        }
        let v: V = parse("v: [5.10, 8.1]\n").unwrap();
        assert_eq!(v.v, ["5.10", "8.1"]);
    }

    #[test]
    fn empty_yaml_is_an_empty_mapping() {
        let t: T = parse("\n").unwrap();
        assert!(t.title.is_none());
    }
}
