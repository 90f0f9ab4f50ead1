//! `site.yaml` → [`Config`]: the site's title, units, roles (with the
//! transitive `includes` closure the reading lists need), areas and
//! publishing gate, validated as a whole.

use crate::diagnostics::Diagnostics;
use crate::frontmatter::{self, Located};
use crate::model::{Area, Classification, Language, Publish, ReviewSettings, Role, Training, Unit};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

pub use crate::model::CONFIG_FILE;

/// The default minimum group size of the follow-up page and report
/// (`training.followup_min_group`): no cell counts fewer people.
pub const DEFAULT_MIN_GROUP: usize = 5;

/// `site.yaml` as written. Required keys are `Option` so that a missing one
/// gets our own message rather than serde's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub base_url: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub language: Language,
    pub theme: Option<String>,
    #[serde(default)]
    pub units: Vec<Unit>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub areas: Vec<Area>,
    #[serde(default)]
    pub publish: Publish,
    #[serde(default)]
    pub training: Training,
    #[serde(default)]
    pub review: ReviewSettings,
    #[serde(default)]
    pub search: crate::search::synonyms::RawSearch,
    #[serde(default)]
    pub contact: Option<crate::contact::RawContact>,
    #[serde(default)]
    pub theme_options: crate::theme_options::RawThemeOptions,
    #[serde(default)]
    pub catalogues: Vec<crate::requirements::site::RawCatalogue>,
    #[serde(default)]
    pub extra: serde_json::Value,
}

pub const CONFIG_KEYS: &[&str] = &[
    "title",
    "organisation",
    "base_url",
    "description",
    "language",
    "theme",
    "units",
    "roles",
    "areas",
    "publish",
    "training",
    "review",
    "search",
    "contact",
    "theme_options",
    "catalogues",
    "extra",
];

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub organisation: String,
    pub description: String,
    /// As configured (or given with `--base-url`), always ending in `/`.
    pub base_url: String,
    /// The URL path every site link starts with, e.g. `/` or `/lis/`.
    pub root: String,
    pub language: Language,
    pub theme: String,
    pub units: Vec<Unit>,
    pub roles: Vec<Role>,
    pub areas: Vec<Area>,
    pub max_classification: Classification,
    /// `publish.pdf`: archival PDFs of governing documents (default on).
    pub pdf: bool,
    pub report_endpoint: String,
    /// `training.followup_min_group`: no figure of a smaller group is shown
    /// on the follow-up page (default 5, at least 2).
    pub followup_min_group: usize,
    /// `review.soon_days`: how near a review date is "soon" (see `site::ReviewDue`).
    pub review_soon_days: u32,
    /// `search`: synonym groups for the browser search.
    pub search: crate::search::synonyms::SearchSettings,
    /// Where employees turn (`contact:`); `None` when the site gives none.
    pub contact: Option<crate::contact::Contact>,
    pub theme_options: crate::theme_options::ThemeOptions,
    /// `catalogues`: the site's own requirement catalogues (the built-in
    /// ones are added by `requirements::all`).
    pub catalogues: Vec<crate::requirements::Catalogue>,
    pub extra: serde_json::Value,
    /// For each role, itself and every role it includes, transitively.
    role_closure: HashMap<String, BTreeSet<String>>,
}

impl Config {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// True when a reader in `reader` must read what is written for `audience`:
    /// the same role, or one it includes (transitively).
    pub fn role_reads(&self, reader: &str, audience: &str) -> bool {
        self.role_closure
            .get(reader)
            .is_some_and(|set| set.contains(audience))
    }

    /// The audiences `reader` reads for: itself and every role it includes,
    /// transitively (`None` for an unknown role).
    pub fn audiences(&self, reader: &str) -> Option<&BTreeSet<String>> {
        self.role_closure.get(reader)
    }

    /// The roles whose reading list a page for `audiences` is on.
    pub fn readers_of<'a>(
        &'a self,
        audiences: &'a [String],
    ) -> impl Iterator<Item = &'a Role> + 'a {
        self.roles
            .iter()
            .filter(move |r| audiences.iter().any(|a| self.role_reads(&r.id, a)))
    }

    /// Absolute URL for a site path like `regler/losenord/` (percent-encoded).
    pub fn permalink(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.base_url,
            crate::markdown::links::encode_path(path)
        )
    }

    /// The URL (from the host's root, percent-encoded) of a site path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.root, crate::markdown::links::encode_path(path))
    }
}

/// Reads and validates `ROOT/site.yaml`. Problems go to `diags`; `None` when
/// the file is missing or unusable.
/// The `language` site.yaml names, read without checking the rest (the
/// command line speaks it before the site is loaded); `None` when there is
/// no readable site.yaml or it names no known language.
pub fn language_of(root: &Path) -> Option<Language> {
    #[derive(serde::Deserialize)]
    struct OnlyLanguage {
        language: Option<String>,
    }
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let only: OnlyLanguage = crate::frontmatter::parse(&text).ok()?;
    crate::messages::parse(&only.language?)
}

pub fn load(
    root: &Path,
    base_url_override: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Config> {
    let path = root.join(CONFIG_FILE);
    let text = match crate::discover::read_text(&path, CONFIG_FILE) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let config = parse(&text, base_url_override, diags)?;
    let keys = frontmatter::key_lines(&text);
    let before = diags.error_count();
    crate::theme_options::check_logo(&config.theme_options, root, &text, &keys, diags);
    (diags.error_count() == before).then_some(config)
}

/// Parses `site.yaml`'s text (the file name in messages is `site.yaml`).
pub fn parse(
    text: &str,
    base_url_override: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Config> {
    let loc = Located::file(CONFIG_FILE, text);
    let raw: RawConfig = match loc.parse_strict(CONFIG_KEYS) {
        Ok(r) => r,
        Err(errors) => {
            diags.extend(errors);
            return None;
        }
    };
    let before = diags.error_count();
    let title = required(&loc, "title", &raw.title, diags);
    let organisation = required(&loc, "organisation", &raw.organisation, diags);
    let base_url = match base_url_override {
        Some(b) => b.to_string(),
        None => required(&loc, "base_url", &raw.base_url, diags),
    };
    check_lists(&loc, &raw, diags);
    if let Some(k) = raw.training.followup_min_group.filter(|&k| k < 2) {
        diags.push(loc.error(
            (loc.value_pos("training", "followup_min_group").0, 1),
            t!("training.followup_min_group is {k}; it must be at least 2, since a group of one is a person", k),
        ));
    }
    let root = base_url_root(&loc, &base_url, diags);
    let mut problems = Vec::new();
    let search = crate::search::synonyms::check(
        &raw.search,
        CONFIG_FILE,
        loc.yaml(),
        loc.keys(),
        &mut problems,
    );
    diags.extend(problems);
    let catalogues = crate::requirements::site::read(&loc, &raw.catalogues, diags);
    let contact = raw
        .contact
        .as_ref()
        .map(|c| crate::contact::read(c, loc.yaml(), loc.keys(), &raw.units, diags));
    let theme_options = crate::theme_options::read(
        &raw.theme_options,
        loc.yaml(),
        loc.keys(),
        &organisation,
        diags,
    );
    if diags.error_count() > before {
        return None;
    }
    let mut config = assemble(raw, title, organisation, base_url, root, search);
    config.contact = contact;
    config.theme_options = theme_options;
    config.catalogues = catalogues;
    Some(config)
}

/// The trimmed value of a required key; missing or empty is an error.
fn required(loc: &Located, key: &str, value: &Option<String>, diags: &mut Diagnostics) -> String {
    match value.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => {
            diags.push(loc.error((1, 1), t!("missing required key `{key}`", key)));
            String::new()
        }
    }
}

/// Units, roles and areas: valid and unique ids, phases, includes.
fn check_lists(loc: &Located, raw: &RawConfig, diags: &mut Diagnostics) {
    check_ids(loc, "units", raw.units.iter().map(|u| u.id.as_str()), diags);
    check_ids(loc, "roles", raw.roles.iter().map(|r| r.id.as_str()), diags);
    check_ids(loc, "areas", raw.areas.iter().map(|a| a.id.as_str()), diags);
    check_phases(loc, &raw.areas, diags);
    check_includes(loc, &raw.roles, diags);
}

/// Every area's phase is 1 to 5.
fn check_phases(loc: &Located, areas: &[Area], diags: &mut Diagnostics) {
    for area in areas {
        if !(1..=5).contains(&area.phase) {
            diags.push(loc.error(
                loc.value_pos("areas", &format!("id: {}", area.id)),
                t!(
                    "area `{id}` has phase {phase}; phases are 1 to 5",
                    id = area.id,
                    phase = area.phase
                ),
            ));
        }
    }
}

/// Every role a role includes exists, and includes make no cycle.
fn check_includes(loc: &Located, roles: &[Role], diags: &mut Diagnostics) {
    let role_ids: HashSet<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    for role in roles {
        for inc in &role.includes {
            if !role_ids.contains(inc.as_str()) {
                let known: Vec<&str> = role_ids.iter().copied().collect();
                let mut d = loc.error(
                    loc.value_pos("roles", inc),
                    t!(
                        "role `{id}` includes unknown role `{inc}`",
                        id = role.id,
                        inc
                    ),
                );
                if let Some(s) = frontmatter::did_you_mean(inc, &known) {
                    d = d.with_hint(t!("did you mean `{near}`?", near = s));
                }
                diags.push(d);
            }
        }
    }
    if let Some(cycle) = find_includes_cycle(roles) {
        diags.push(loc.error(
            loc.value_pos("roles", &format!("id: {}", cycle[0])),
            t!(
                "roles include each other in a cycle: {cycle}",
                cycle = cycle.join(" → ")
            ),
        ));
    }
}

/// The URL path every link starts with; a base_url that gives none is an
/// error (an empty one was reported as missing).
fn base_url_root(loc: &Located, base_url: &str, diags: &mut Diagnostics) -> String {
    match url_root(base_url) {
        Some(r) => r,
        None if base_url.is_empty() => "/".into(),
        None => {
            diags.push(loc.error(
                loc.value_pos("base_url", base_url),
                t!("base_url `{base_url}` must be `/`, a path starting with `/`, or an http(s) URL", base_url),
            ));
            "/".into()
        }
    }
}

/// The [`Config`] of a `site.yaml` that passed every check.
fn assemble(
    raw: RawConfig,
    title: String,
    organisation: String,
    mut base_url: String,
    root: String,
    search: crate::search::synonyms::SearchSettings,
) -> Config {
    let role_closure = raw
        .roles
        .iter()
        .map(|r| (r.id.clone(), closure(&raw.roles, &r.id)))
        .collect();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    Config {
        title,
        organisation,
        description: raw.description,
        base_url,
        root,
        language: raw.language,
        theme: raw.theme.unwrap_or_else(|| "default".into()),
        units: raw.units,
        roles: raw.roles,
        areas: raw.areas,
        max_classification: raw.publish.max_classification,
        pdf: raw.publish.pdf,
        report_endpoint: raw.training.report_endpoint,
        followup_min_group: raw
            .training
            .followup_min_group
            .map_or(DEFAULT_MIN_GROUP, |k| k as usize),
        review_soon_days: raw.review.soon_days,
        search,
        contact: None,
        theme_options: Default::default(),
        catalogues: Vec::new(),
        extra: raw.extra,
        role_closure,
    }
}

fn check_ids<'a>(
    loc: &Located,
    key: &str,
    ids: impl Iterator<Item = &'a str>,
    diags: &mut Diagnostics,
) {
    // How often each id was seen, to point a duplicate at its own line.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        let nth = seen.get(id).copied().unwrap_or(0);
        let pos = loc
            .value_positions(key, &format!("id: {id}"))
            .get(nth)
            .copied()
            .unwrap_or((1, 1));
        if id.trim().is_empty() || !crate::document::is_valid_id(id) {
            diags.push(
                loc.error(pos, t!("`{id}` is not a valid id in `{key}`", id, key))
                    .with_hint(t!("ids use letters, digits and . _ : / -")),
            );
        }
        *seen.entry(id).or_default() += 1;
        if nth > 0 {
            diags.push(loc.error(pos, t!("duplicate id `{id}` in `{key}`", id, key)));
        }
    }
}

fn closure(roles: &[Role], start: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![start.to_string()];
    while let Some(id) = stack.pop() {
        if seen.insert(id.clone()) {
            if let Some(r) = roles.iter().find(|r| r.id == id) {
                stack.extend(r.includes.iter().cloned());
            }
        }
    }
    seen
}

/// A cycle in `includes`, as the list of role ids around it.
fn find_includes_cycle(roles: &[Role]) -> Option<Vec<String>> {
    fn visit<'a>(
        roles: &'a [Role],
        id: &'a str,
        stack: &mut Vec<&'a str>,
        done: &mut HashSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(pos) = stack.iter().position(|s| *s == id) {
            let mut cycle: Vec<String> = stack[pos..].iter().map(|s| s.to_string()).collect();
            cycle.push(id.to_string());
            return Some(cycle);
        }
        if !done.insert(id) {
            return None;
        }
        stack.push(id);
        if let Some(role) = roles.iter().find(|r| r.id == id) {
            for inc in &role.includes {
                if let Some(c) = visit(roles, inc, stack, done) {
                    return Some(c);
                }
            }
        }
        stack.pop();
        None
    }
    let mut done = HashSet::new();
    roles
        .iter()
        .find_map(|r| visit(roles, &r.id, &mut Vec::new(), &mut done))
}

/// The URL path prefix of a base URL: `https://x.se/lis` → `/lis/`.
fn url_root(base_url: &str) -> Option<String> {
    let path = if let Some(rest) = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))
    {
        match rest.find('/') {
            Some(i) => &rest[i..],
            None => "/",
        }
    } else if base_url.starts_with('/') {
        base_url
    } else {
        return None;
    };
    let mut root = path.to_string();
    if !root.ends_with('/') {
        root.push('/');
    }
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    const MINIMAL: &str = "title: T\norganisation: O\nbase_url: https://lis.example.se/sub\n";

    fn parse_ok(text: &str) -> Config {
        let mut d = Diagnostics::default();
        let c = parse(text, None, &mut d);
        assert!(!d.has_errors(), "{d:?}");
        c.unwrap()
    }

    fn parse_err(text: &str) -> Vec<Diagnostic> {
        let mut d = Diagnostics::default();
        assert!(parse(text, None, &mut d).is_none());
        d.into_iter().collect()
    }

    #[test]
    fn root_comes_from_base_url() {
        let c = parse_ok(MINIMAL);
        assert_eq!(c.root, "/sub/");
        assert_eq!(c.base_url, "https://lis.example.se/sub/");
        assert_eq!(c.permalink("a/"), "https://lis.example.se/sub/a/");
        assert_eq!(url_root("/"), Some("/".into()));
        assert_eq!(url_root("https://x.se"), Some("/".into()));
        assert_eq!(url_root("x.se"), None);
    }

    #[test]
    fn includes_are_transitive() {
        let c = parse_ok(&format!(
            "{MINIMAL}roles:\n  - {{ id: medarbetare, name: M }}\n  - {{ id: chef, name: C, includes: [medarbetare] }}\n  - {{ id: ledning, name: L, includes: [chef] }}\n"
        ));
        assert!(c.role_reads("ledning", "medarbetare"));
        assert!(c.role_reads("chef", "chef"));
        assert!(!c.role_reads("medarbetare", "chef"));
        let audience = ["chef".to_string()];
        let readers: Vec<_> = c.readers_of(&audience).map(|r| r.id.as_str()).collect();
        assert_eq!(readers, ["chef", "ledning"]);
    }

    #[test]
    fn cycles_and_unknown_includes_are_errors() {
        let errs = parse_err(&format!(
            "{MINIMAL}roles:\n  - id: a\n    name: A\n    includes: [b]\n  - id: b\n    name: B\n    includes: [a, c]\n"
        ));
        let msgs: Vec<_> = errs.iter().map(|d| d.message.en()).collect();
        assert!(
            msgs.iter()
                .any(|m| m == "role `b` includes unknown role `c`"),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("cycle: a → b → a")),
            "{msgs:?}"
        );
        let cycle = errs
            .iter()
            .find(|d| d.message.en().contains("cycle"))
            .unwrap();
        assert_eq!(cycle.line, Some(5));
    }

    #[test]
    fn missing_required_and_duplicates() {
        let errs =
            parse_err("title: T\nunits:\n  - { id: klf, name: K }\n  - { id: klf, name: K2 }\n");
        let msgs: Vec<_> = errs.iter().map(|d| d.message.en()).collect();
        assert!(msgs
            .iter()
            .any(|m| m == "missing required key `organisation`"));
        assert!(msgs.iter().any(|m| m == "missing required key `base_url`"));
        assert!(msgs.iter().any(|m| m == "duplicate id `klf` in `units`"));
    }

    #[test]
    fn unknown_key_with_hint() {
        let errs = parse_err(&format!("{MINIMAL}langauge: sv\n"));
        assert_eq!(errs[0].message, "unknown key `langauge`");
        assert_eq!(errs[0].line, Some(4));
        assert_eq!(
            errs[0].hint.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `language`?")
        );
    }
}
