//! The addresses a build writes, so that a link naming an address of the
//! site rather than a file of `content/` (`/lis/sok/`, `../roller/chef/`)
//! is checked like any other: pages and sections, aliases, the generated
//! pages and files, role pages, attachments and older versions.

use super::Site;
use std::collections::{HashMap, HashSet};

/// What a site path (relative to the site root, decoded) names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Document `i`'s page.
    Page(usize),
    /// Another page or file of the build, at this canonical site path.
    Other(String),
}

/// Every address of the site, by site path (`regler/`, `atom.xml`).
#[derive(Debug, Clone, Default)]
pub struct Addresses {
    pages: HashMap<String, usize>,
    other: HashSet<String>,
}

/// The governance pages (`render::governance` writes them).
pub const GOVERNANCE_PAGES: &[&str] = &[
    "iso27001/",
    "inforandeplan/",
    "dokumentstatus/",
    "struktur/",
    SOA_PATH,
    CATALOGUES_PATH,
];

/// The Statement of Applicability page and its CSV (`render::soa`).
pub const SOA_PATH: &str = "tillampning/";
pub const SOA_CSV_PATH: &str = "tillampning/tillampning.csv";

/// The requirement catalogues, one page each below (`render::catalogues`).
pub const CATALOGUES_PATH: &str = "kravkataloger/";

/// Where the path builder and the certificate page are written.
pub const BUILDER_PATH: &str = "utbildning/vag/";
pub const CERTIFICATE_PATH: &str = "utbildning/intyg/";

/// Where the point-in-time page lives.
pub const IN_FORCE_PATH: &str = "gallande/";

/// The folders the build writes itself (the search and in-force pages,
/// role pages, the governance pages, the theme's `css/` and `js/`), whose
/// addresses no content file may claim. The path builder and certificate
/// pages are not among them: a content page at their address wins.
pub fn generated_folders() -> impl Iterator<Item = &'static str> {
    ["roller/", "sok/", "css/", "js/", IN_FORCE_PATH]
        .into_iter()
        .chain(GOVERNANCE_PAGES.iter().copied())
}

/// Files the build writes besides pages (the theme's `css/` and `js/` too).
const GENERATED_FILES: &[&str] = &[
    "atom.xml",
    "sitemap.xml",
    "404.html",
    "favicon.svg",
    "iso27001/soa.csv",
    "dokumentstatus/dokumentstatus.csv",
    SOA_CSV_PATH,
];

impl Addresses {
    /// Collects the addresses of `site` (its documents, aliases, roles and
    /// assets must be final).
    pub fn new(site: &Site) -> Addresses {
        let mut pages = HashMap::with_capacity(site.docs.len());
        for (i, d) in site.docs.iter().enumerate() {
            pages.entry(d.url_path.clone()).or_insert(i);
        }
        let mut other: HashSet<String> = GENERATED_FILES.iter().map(|s| s.to_string()).collect();
        other.extend(GOVERNANCE_PAGES.iter().map(|s| s.to_string()));
        other.extend(
            [
                "",
                "sok/",
                "roller/",
                IN_FORCE_PATH,
                BUILDER_PATH,
                CERTIFICATE_PATH,
            ]
            .map(String::from),
        );
        other.extend(
            crate::requirements::all(site.config.language, &site.config.catalogues)
                .iter()
                .filter(|c| c.id != crate::requirements::ISO27001)
                .map(|c| format!("{CATALOGUES_PATH}{}/", c.id)),
        );
        other.insert(format!(
            "search_index.{}.json",
            site.config.language.as_str()
        ));
        other.extend(
            site.config
                .roles
                .iter()
                .map(|r| format!("roller/{}/", r.id)),
        );
        for d in &site.docs {
            other.extend(
                d.aliases
                    .iter()
                    .map(|a| format!("{}/", a.trim_matches('/'))),
            );
        }
        other.extend(
            site.assets
                .iter()
                .map(|a| a.strip_prefix("content/").unwrap_or(a).to_string()),
        );
        Addresses { pages, other }
    }

    /// What the normalised site path `path` (no leading `/`, a trailing
    /// one optional, `""` for the start page) names, if anything.
    pub fn find(&self, path: &str) -> Option<Found> {
        let path = path.trim_end_matches('/');
        let path = match path.strip_suffix("index.html") {
            Some(dir) if dir.is_empty() || dir.ends_with('/') => dir.trim_end_matches('/'),
            _ => path,
        };
        let dir = if path.is_empty() {
            String::new()
        } else {
            format!("{path}/")
        };
        if let Some(&i) = self.pages.get(&dir) {
            return Some(Found::Page(i));
        }
        if self.other.contains(path) || path.starts_with("css/") || path.starts_with("js/") {
            return Some(Found::Other(path.to_string()));
        }
        if self.other.contains(&dir) || self.is_version(&dir) {
            return Some(Found::Other(dir));
        }
        None
    }

    /// `<page>/vV/`, `<page>/vV/andringar/` and `<page>/andringar-sedan/vV/`:
    /// older versions come from git after the links are checked, so any
    /// version number is taken (a link to one that does not exist is not
    /// caught here).
    fn is_version(&self, dir: &str) -> bool {
        let parts: Vec<&str> = dir.trim_end_matches('/').split('/').collect();
        let is_v = |s: &str| {
            s.strip_prefix('v')
                .is_some_and(|n| !n.is_empty() && n.split('.').all(|p| p.parse::<u32>().is_ok()))
        };
        let page = |k: usize| {
            k > 0
                && self
                    .pages
                    .contains_key(&format!("{}/", parts[..k].join("/")))
        };
        let n = parts.len();
        let last = parts[n - 1];
        if is_v(last) {
            return page(n - 1) || (n >= 2 && parts[n - 2] == "andringar-sedan" && page(n - 2));
        }
        last == "andringar" && n >= 2 && is_v(parts[n - 2]) && page(n - 2)
    }

    /// Page addresses, for a did-you-mean hint.
    pub fn page_paths(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses() -> Addresses {
        let mut a = Addresses::default();
        a.pages.insert(String::new(), 0);
        a.pages.insert("regler/".into(), 1);
        a.pages.insert("regler/losenord/".into(), 2);
        a.other.insert("sok/".into());
        a.other.insert("bilder/a b.png".into());
        a
    }

    #[test]
    fn finds_pages_files_and_versions() {
        let a = addresses();
        assert_eq!(a.find(""), Some(Found::Page(0)));
        assert_eq!(a.find("index.html"), Some(Found::Page(0)));
        assert_eq!(a.find("regler"), Some(Found::Page(1)));
        assert_eq!(a.find("regler/index.html"), Some(Found::Page(1)));
        assert_eq!(a.find("regler/losenord/"), Some(Found::Page(2)));
        assert_eq!(a.find("sok"), Some(Found::Other("sok/".into())));
        assert_eq!(
            a.find("bilder/a b.png"),
            Some(Found::Other("bilder/a b.png".into()))
        );
        assert_eq!(
            a.find("regler/losenord/v1.2/"),
            Some(Found::Other("regler/losenord/v1.2/".into()))
        );
        assert!(a.find("regler/losenord/v1.2/andringar").is_some());
        assert!(a.find("regler/losenord/andringar-sedan/v1.0/").is_some());
        for missing in [
            "finns-inte",
            "regler/finns-inte/",
            "regler/losenord/vx/",
            "regler/losenord/v/",
            "v1.0",
            "etc/passwd",
            "xindex.html",
        ] {
            assert_eq!(a.find(missing), None, "{missing}");
        }
    }
}
