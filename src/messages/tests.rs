use super::catalogue::ENTRIES;
use super::*;
use std::collections::BTreeSet;

/// Every `t!("…")` template in the crate's source, as written there.
fn templates_in_source() -> BTreeSet<String> {
    fn walk(dir: &std::path::Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("messages/catalogue.rs")
                && !path.ends_with("messages/tests.rs")
                && !path.ends_with("messages/mod.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                found.extend(literals_after_t(&text));
            }
        }
    }
    let mut found = BTreeSet::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    found
}

/// The string literals that open a `t!(` call (not `format!(`), decoded
/// the way the compiler reads the escapes the catalogue uses.
fn literals_after_t(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("t!(") {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = text[i + 3..].trim_start();
        let Some(body) = rest.strip_prefix('"') else {
            continue;
        };
        let mut lit = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('"') => lit.push('"'),
                    Some('\\') => lit.push('\\'),
                    Some('n') => lit.push('\n'),
                    Some(other) => {
                        lit.push('\\');
                        lit.push(other);
                    }
                    None => break,
                },
                c => lit.push(c),
            }
        }
        out.push(lit);
    }
    out
}

#[test]
fn every_message_in_the_source_is_in_the_catalogue_in_both_languages() {
    let catalogue: BTreeSet<String> = ENTRIES.iter().map(|e| e.en.to_string()).collect();
    let source = templates_in_source();
    let missing: Vec<_> = source.difference(&catalogue).collect();
    assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    let unused: Vec<_> = catalogue.difference(&source).collect();
    assert!(
        unused.is_empty(),
        "in the catalogue but used nowhere: {unused:#?}"
    );
}

#[test]
fn both_languages_name_the_same_arguments_and_swedish_is_written() {
    let mut seen = BTreeSet::new();
    for e in ENTRIES {
        assert!(seen.insert(e.en), "listed twice: {}", e.en);
        let en: BTreeSet<_> = placeholders(e.en).into_iter().collect();
        let sv: BTreeSet<_> = placeholders(e.sv).into_iter().collect();
        assert_eq!(en, sv, "arguments differ: {} / {}", e.en, e.sv);
        let has_words =
            e.en.split(|c: char| !c.is_alphabetic())
                .any(|w| w.len() > 3);
        let only_arguments = placeholders(e.en)
            .iter()
            .fold(e.en.to_string(), |t, p| t.replace(&format!("{{{p}}}"), ""))
            .chars()
            .all(|c| !c.is_alphabetic());
        if has_words && !only_arguments && !e.en.starts_with("check --base") {
            assert_ne!(e.en, e.sv, "not translated: {}", e.en);
        }
        if let Some(code) = e.code {
            assert!(
                crate::diagnostics::codes::CODES
                    .iter()
                    .any(|c| c.code == code),
                "{code} is not a documented code"
            );
        }
    }
}

#[test]
fn a_message_renders_in_each_language_with_its_arguments() {
    let key = "reveiw_by";
    let m = crate::t!("unknown key `{key}`", key);
    assert_eq!(m.render(Language::En), "unknown key `reveiw_by`");
    assert_eq!(m.render(Language::Sv), "okänd nyckel `reveiw_by`");
    assert_eq!(m.code(), Some("SD0101"));
    assert_eq!(m.to_string(), "unknown key `reveiw_by`");
}

#[test]
fn a_message_inside_a_message_follows_the_language() {
    let inner = crate::t!("file not found");
    let path = "site.yaml";
    let outer = crate::t!("{path}: {detail}", path, detail = inner);
    assert_eq!(outer.render(Language::En), "site.yaml: file not found");
    assert_eq!(outer.render(Language::Sv), "site.yaml: filen finns inte");
}

#[test]
fn foreign_text_is_shown_as_it_came() {
    let m = Message::foreign("invalid length 3");
    assert_eq!(m.render(Language::Sv), "invalid length 3");
    assert_eq!(m.code(), None);
}

#[test]
fn fill_keeps_literal_braces_and_unknown_placeholders() {
    let args = vec![("a", Arg::Text("1".into()))];
    assert_eq!(fill("{{x}} {a} {b}", &args, Language::En), "{x} 1 {b}");
    assert_eq!(placeholders("{{x}} {a} {b}"), vec!["a", "b"]);
}

#[test]
fn the_language_comes_from_the_flag_then_the_environment_then_the_site() {
    use Language::*;
    assert_eq!(resolve(Some(En), Some("sv"), Some(Sv)), En);
    assert_eq!(resolve(None, Some("en_GB.UTF-8"), Some(Sv)), En);
    assert_eq!(resolve(None, Some("fi"), Some(En)), En);
    assert_eq!(resolve(None, None, None), Sv);
    assert_eq!(parse("SV-se"), Some(Sv));
}
