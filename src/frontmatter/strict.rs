//! Strict reading of a YAML mapping that reports every problem at once: each
//! unknown key and each key whose value does not fit, not only the first.
//!
//! serde stops at the first bad value, so a bad key's lines are blanked
//! (kept as empty lines, so positions stay those of the file) and the text
//! is read again, until it reads or what is left cannot be pinned on one
//! top-level key (a syntax error, a missing required key).

use super::{convert_error, key_lines, tags, unknown_key_hint, KeyLine, YamlError};
use serde::de::DeserializeOwned;

/// At most this many bad values are looked for in one text: each costs a
/// parse of the whole text, and a file with more has other troubles.
const MAX_VALUE_ERRORS: usize = 100;

/// What a strict read found.
#[derive(Debug)]
pub struct Parsed<T, E = YamlError> {
    /// The value read from the keys that were fine; `None` when the text
    /// could not be read at all.
    pub value: Option<T>,
    /// Every problem, in the order of the text.
    pub errors: Vec<E>,
    /// The top-level keys left out of `value` (unknown, or a bad value).
    pub rejected: Vec<String>,
}

impl<T> Parsed<T> {
    fn failed(errors: Vec<YamlError>) -> Self {
        Parsed {
            value: None,
            errors,
            rejected: Vec::new(),
        }
    }
}

/// Reads `yaml` as `T`, reporting every top-level key not in `known` (each
/// with a "did you mean" hint) and every key whose value does not fit.
pub fn parse_all<T: DeserializeOwned>(yaml: &str, known: &[&str]) -> Parsed<T> {
    if yaml.len() > crate::limits::MAX_YAML_BYTES {
        return Parsed::failed(vec![YamlError {
            line: 1,
            column: 1,
            message: t!(
                "the YAML is {size}; the limit is {limit}",
                size = crate::limits::human(yaml.len() as u64),
                limit = crate::limits::human(crate::limits::MAX_YAML_BYTES as u64)
            ),
            hint: None,
        }]);
    }
    let tags = tags::find(yaml);
    if !tags.is_empty() {
        return Parsed::failed(tags);
    }
    let keys = key_lines(yaml);
    let mut errors = Vec::new();
    let mut rejected = Vec::new();
    for k in keys.iter().filter(|k| !known.contains(&k.key.as_str())) {
        errors.push(YamlError {
            line: k.line,
            column: 1,
            message: t!("unknown key `{key}`", key = k.key),
            hint: Some(unknown_key_hint(&k.key, known)),
        });
        rejected.push(k.key.clone());
    }
    let mut text = blanked(yaml, &keys, &rejected);
    let mut value = None;
    for _ in 0..MAX_VALUE_ERRORS {
        match read::<T>(&text) {
            Ok(v) => {
                value = Some(v);
                break;
            }
            Err(e) => {
                let owner = blamed_key(&e, &keys, &rejected);
                let converted = convert_error(&e);
                if !repeats(&converted, &errors, &rejected) {
                    errors.push(converted);
                }
                match owner {
                    Some(key) => {
                        rejected.push(key.to_string());
                        text = blanked(yaml, &keys, &rejected);
                    }
                    None => break,
                }
            }
        }
    }
    errors.sort_by_key(|e| (e.line, e.column));
    Parsed {
        value,
        errors,
        rejected,
    }
}

/// serde's reading of `yaml`, an empty text being an empty mapping.
fn read<T: DeserializeOwned>(yaml: &str) -> Result<T, serde_yaml::Error> {
    serde_yaml::from_str(if yaml.trim().is_empty() { "{}" } else { yaml })
}

/// The top-level key whose value `e` is about, when it is a value error
/// that leaving the key out would get past.
fn blamed_key<'k>(
    e: &serde_yaml::Error,
    keys: &'k [KeyLine],
    rejected: &[String],
) -> Option<&'k str> {
    let line = e.location()?.line();
    if !is_value_error(&e.to_string()) {
        return None;
    }
    let idx = keys.iter().rposition(|k| k.line <= line)?;
    let key = keys[idx].key.as_str();
    (!rejected.iter().any(|r| r == key)).then_some(key)
}

/// serde's messages for a value of the wrong shape (as opposed to YAML
/// syntax errors, whose position may lie far from their cause).
fn is_value_error(message: &str) -> bool {
    let (_, body) = super::split_path_prefix(message);
    [
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown variant",
        "unknown field",
        "duplicate field",
    ]
    .iter()
    .any(|p| body.starts_with(p))
}

/// A "missing field" error for a key already reported, or the same error
/// twice: nothing new to say.
fn repeats(e: &YamlError, errors: &[YamlError], rejected: &[String]) -> bool {
    let missing_rejected = rejected
        .iter()
        .any(|k| e.message == t!("missing field `{field}`", field = k));
    missing_rejected
        || errors
            .iter()
            .any(|x| x.line == e.line && x.column == e.column && x.message == e.message)
}

/// `yaml` with the lines of every key in `rejected` (the key's line and its
/// indented block) emptied.
fn blanked(yaml: &str, keys: &[KeyLine], rejected: &[String]) -> String {
    let mut spans = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if rejected.contains(&k.key) {
            let end = keys.get(i + 1).map_or(usize::MAX, |n| n.line);
            spans.push((k.line, end));
        }
    }
    let mut out = String::with_capacity(yaml.len());
    for (i, line) in yaml.split_inclusive('\n').enumerate() {
        let n = i + 1;
        if spans.iter().any(|(a, b)| n >= *a && n < *b) {
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "lowercase")]
    enum Status {
        Draft,
        Active,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: Option<String>,
        status: Option<Status>,
        weight: Option<i64>,
        roles: Option<Vec<String>>,
    }

    const KNOWN: &[&str] = &["title", "status", "weight", "roles"];

    #[test]
    fn a_misspelt_key_and_a_bad_value_are_both_reported() {
        let p = parse_all::<T>("title: A\nverison: 1\nstatus: aktiv\n", KNOWN);
        let lines: Vec<_> = p
            .errors
            .iter()
            .map(|e| (e.line, e.message.en()))
            .collect::<Vec<_>>();
        let lines: Vec<(usize, &str)> = lines.iter().map(|(l, m)| (*l, m.as_str())).collect();
        assert_eq!(
            lines,
            [
                (2, "unknown key `verison`"),
                (3, "status: `aktiv` is not an allowed value")
            ]
        );
        assert_eq!(p.rejected, ["verison", "status"]);
        let t = p.value.expect("the good keys still read");
        assert_eq!(t.title.as_deref(), Some("A"));
        assert!(t.status.is_none());
    }

    #[test]
    fn every_bad_value_is_reported_in_order() {
        let p = parse_all::<T>(
            "status: aktiv\nweight: heavy\nroles:\n  - a\n  - b: c\ntitle: [x]\n",
            KNOWN,
        );
        let lines: Vec<_> = p.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 5, 6], "{:?}", p.errors);
        assert!(p.value.is_some());
    }

    #[test]
    fn a_syntax_error_stops_the_search() {
        let p = parse_all::<T>("title: \"open\nstatus: aktiv\n", KNOWN);
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert!(p.value.is_none());
    }

    #[test]
    fn a_missing_required_key_is_not_blamed_on_a_bad_one() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct R {
            title: String,
            weight: Option<i64>,
        }
        let p = parse_all::<R>("title: [1]\nweight: x\n", &["title", "weight"]);
        let lines: Vec<_> = p.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2], "{:?}", p.errors);
        let p = parse_all::<R>("weight: 1\n", &["title", "weight"]);
        assert_eq!(p.errors.len(), 1);
        assert!(p.errors[0].message.en().contains("missing field `title`"));
    }

    #[test]
    fn blanking_keeps_line_numbers() {
        let yaml = "a: 1\nb:\n  - x\nc: 2\n";
        let keys = key_lines(yaml);
        assert_eq!(blanked(yaml, &keys, &["b".into()]), "a: 1\n\n\nc: 2\n");
    }
}
