//! Synonyms and abbreviations for search, as site data: `search.synonyms`
//! in `site.yaml` (groups of words that mean the same to a reader) on top of
//! a built-in Swedish ISMS list that `search.default_synonyms: false` turns
//! off. They are applied on the query side only (`search-core.js` reads the
//! groups from `meta.json`), so the index stays as small as before.
//!
//! ```yaml
//! search:
//!   default_synonyms: true
//!   synonyms:
//!     - [hemarbete, distansarbete]
//!     - [tjänstemobil, mobiltelefon]
//! ```
//!
//! A group's members may be phrases ("trådlöst nätverk"). Validation
//! happens in [`check`], called from `config::parse`: an empty word, a group
//! of fewer than two words and a word listed twice are errors at their line.

use crate::diagnostics::Diagnostic;
use crate::frontmatter::KeyLine;
use crate::messages::Message;
use serde::Deserialize;

/// The `search` block of `site.yaml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSearch {
    #[serde(default = "yes")]
    pub default_synonyms: bool,
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

fn yes() -> bool {
    true
}

impl Default for RawSearch {
    fn default() -> Self {
        RawSearch {
            default_synonyms: true,
            synonyms: Vec::new(),
        }
    }
}

/// The validated search settings: the groups the browser expands queries
/// with (built-in ones first unless turned off, then the site's own),
/// lowercased, each word in at most one group.
#[derive(Debug, Clone, Default)]
pub struct SearchSettings {
    pub synonyms: Vec<Vec<String>>,
}

/// The built-in groups for Swedish sites: everyday words, abbreviations and
/// the words a governing text uses for the same thing.
pub const SWEDISH: &[&[&str]] = &[
    &["e-post", "mejl", "mail", "epost", "e-brev"],
    &[
        "wifi",
        "wi-fi",
        "wlan",
        "trådlöst nätverk",
        "trådlöst nät",
        "nätverk",
        "uppkoppling",
    ],
    &["vpn", "säker uppkoppling", "fjärranslutning"],
    &["dso", "dataskyddsombud"],
    &["pua", "personuppgiftsansvarig"],
    &["pub", "personuppgiftsbiträde"],
    &["imy", "integritetsskyddsmyndigheten", "datainspektionen"],
    &["msb", "myndigheten för samhällsskydd och beredskap"],
    &["gdpr", "dataskyddsförordningen"],
    &["osl", "offentlighets- och sekretesslagen"],
    &["lis", "ledningssystem för informationssäkerhet", "isms"],
    &[
        "mfa",
        "2fa",
        "tvåfaktorsinloggning",
        "tvåfaktorsautentisering",
        "multifaktorsautentisering",
        "flerfaktorsautentisering",
    ],
    &["lösenord", "lösenfras", "password"],
    &["phishing", "nätfiske", "fiskemejl"],
    &["virus", "skadlig kod", "malware", "skadeprogram", "trojan"],
    &["ransomware", "utpressningsvirus", "gisslanprogram"],
    &["spam", "skräppost"],
    &[
        "distansarbete",
        "hemarbete",
        "distansjobb",
        "hemmajobb",
        "arbeta hemifrån",
    ],
    &["jobba", "arbeta"],
    &["jobb", "arbete"],
    &["dator", "laptop", "bärbar dator", "pc"],
    &["mobil", "mobiltelefon", "smartphone", "telefon"],
    &["usb", "usb-minne", "usb-sticka", "minnessticka"],
    &["molntjänst", "molnet", "cloud"],
    &["videomöte", "videosamtal", "teams-möte", "zoom"],
    &["ai-tjänst", "chatgpt", "copilot", "ai"],
    &["säkerhetskopiering", "säkerhetskopia", "backup"],
    &["personuppgiftsincident", "dataläcka"],
    &["behörighet", "åtkomst", "rättighet", "access"],
    &["konto", "användarkonto"],
    &["it-servicedesk", "servicedesk", "helpdesk", "it-support"],
    &["informationsklassning", "klassificering"],
    &["rent skrivbord", "clean desk"],
    &["skärmlås", "låsa skärmen"],
    &["stöld", "stulen", "stulna", "stjäla"],
    &["utomlands", "utlandet", "utanför eu"],
    &["nyanställd", "ny medarbetare"],
    &["vd-bedrägeri", "ceo-bedrägeri", "vd-mejl"],
];

/// The settings from the raw block: validated site groups (problems go to
/// `problems`, each at its line), merged with the built-in list.
pub fn check(
    raw: &RawSearch,
    file: &str,
    text: &str,
    keys: &[KeyLine],
    problems: &mut Vec<Diagnostic>,
) -> SearchSettings {
    let lines = item_lines(text, keys);
    let at = |k: usize| lines.get(k).copied().unwrap_or_else(|| block_line(keys));
    let mut own: Vec<Vec<String>> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (k, group) in raw.synonyms.iter().enumerate() {
        let (line, col) = at(k);
        let error = |msg: Message| Diagnostic::error(file, msg).at(text, line, col);
        let words: Vec<String> = group.iter().map(|w| normalise(w)).collect();
        if words.iter().any(String::is_empty) {
            problems.push(error(t!("search.synonyms: empty word in a synonym group")));
            continue;
        }
        if words.len() < 2 {
            problems.push(
                error(t!(
                    "search.synonyms: a synonym group needs at least two words"
                ))
                .with_hint(t!(
                    "write the words that mean the same as a list: [mejl, e-post]"
                )),
            );
            continue;
        }
        let mut ok = true;
        for w in &words {
            if let Some(first) = seen.insert(w.clone(), k) {
                let msg = if first == k {
                    t!(
                        "search.synonyms: `{w}` is listed twice in the same group",
                        w
                    )
                } else {
                    t!(
                        "search.synonyms: `{w}` is already in group {group} (line {line})",
                        w,
                        group = first + 1,
                        line = at(first).0
                    )
                };
                problems.push(error(msg));
                ok = false;
            }
        }
        if ok {
            own.push(words);
        }
    }
    let mut synonyms: Vec<Vec<String>> = if raw.default_synonyms {
        SWEDISH
            .iter()
            .map(|g| g.iter().map(|w| w.to_string()).collect())
            .collect()
    } else {
        Vec::new()
    };
    for group in own {
        merge(&mut synonyms, group);
    }
    SearchSettings { synonyms }
}

/// Lowercase, inner whitespace collapsed.
fn normalise(word: &str) -> String {
    word.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Adds a site group: into the built-in group it shares a word with (the
/// site extends it), else as a new group.
fn merge(groups: &mut Vec<Vec<String>>, group: Vec<String>) {
    match groups
        .iter_mut()
        .find(|g| g.iter().any(|w| group.contains(w)))
    {
        Some(g) => {
            for w in group {
                if !g.contains(&w) {
                    g.push(w);
                }
            }
        }
        None => groups.push(group),
    }
}

fn block_line(keys: &[KeyLine]) -> (usize, usize) {
    keys.iter()
        .find(|k| k.key == "search")
        .map_or((1, 1), |k| (k.line, 1))
}

/// The line and column of each block-list item of `search.synonyms`, in
/// order (a flow list on one line has none; its errors point at the key).
fn item_lines(text: &str, keys: &[KeyLine]) -> Vec<(usize, usize)> {
    let Some(idx) = keys.iter().position(|k| k.key == "search") else {
        return Vec::new();
    };
    let start = keys[idx].line;
    let end = keys.get(idx + 1).map_or(usize::MAX, |k| k.line);
    let mut out = Vec::new();
    let mut inside: Option<usize> = None;
    for (i, line) in text.lines().enumerate().skip(start) {
        if i + 1 >= end {
            break;
        }
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        match inside {
            None if body.starts_with("synonyms:") => inside = Some(indent),
            Some(own) if (body.starts_with("- ") || body == "-") && indent >= own => {
                out.push((i + 1, indent + 1));
            }
            Some(own) if indent <= own => inside = None,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(yaml: &str) -> (SearchSettings, Vec<String>) {
        let raw: crate::config::RawConfig = crate::frontmatter::parse(yaml).unwrap();
        let keys = crate::frontmatter::key_lines(yaml);
        let mut problems = Vec::new();
        let s = check(&raw.search, "site.yaml", yaml, &keys, &mut problems);
        let msgs = problems
            .iter()
            .map(|d| format!("{}:{}", d.line.unwrap_or(0), d.message))
            .collect();
        (s, msgs)
    }

    #[test]
    fn the_built_in_list_applies_unless_turned_off() {
        let (s, problems) = settings("title: t\n");
        assert!(problems.is_empty());
        assert!(s
            .synonyms
            .iter()
            .any(|g| g.contains(&"mejl".to_string()) && g.contains(&"e-post".to_string())));
        let (off, _) = settings("search:\n  default_synonyms: false\n");
        assert!(off.synonyms.is_empty());
    }

    #[test]
    fn site_groups_extend_the_built_in_ones_or_stand_alone() {
        let yaml = "title: t\nsearch:\n  synonyms:\n    - [Mejl, Webbmejl]\n    - [tjänstemobil,  jobbtelefon]\n";
        let (s, problems) = settings(yaml);
        assert!(problems.is_empty(), "{problems:?}");
        let mail = s
            .synonyms
            .iter()
            .find(|g| g.contains(&"e-post".into()))
            .unwrap();
        assert!(mail.contains(&"webbmejl".to_string()), "{mail:?}");
        assert!(s
            .synonyms
            .contains(&vec!["tjänstemobil".to_string(), "jobbtelefon".to_string()]));
    }

    #[test]
    fn empty_single_and_duplicate_entries_are_errors_at_their_line() {
        let yaml = "title: t\nsearch:\n  synonyms:\n    - [mejl, \"\"]\n    - [ensam]\n    - [a, b]\n    - [c, b]\n    - [d, d]\n";
        let (_, problems) = settings(yaml);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("4:") && problems[0].contains("empty word"));
        assert!(problems[1].starts_with("5:") && problems[1].contains("at least two"));
        assert!(
            problems[2].starts_with("7:") && problems[2].contains("already in group 3 (line 6)")
        );
        assert!(problems[3].starts_with("8:") && problems[3].contains("twice"));
    }
}
