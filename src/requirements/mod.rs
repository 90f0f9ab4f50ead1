//! Requirement catalogues: sets of requirements a governing document can
//! answer (`requirements: [nis2:21.2.b]`, and `iso27001: ["5.24"]` as
//! before). Two are built in — ISO/IEC 27001:2022 Annex A (`iso27001`, from
//! [`crate::iso27001`]) and NIS2 article 21.2 a–j (`nis2`, as carried into
//! Swedish law by cybersäkerhetslagen 2025:1506, `data/nis2-art21-2.csv`) —
//! and a site adds its own under `catalogues:` in `site.yaml` (see
//! [`site`]). Sits beside `config`: the site graph validates citations
//! against [`all`], the governance views render coverage from it.

pub mod site;

use crate::model::Language;
use std::sync::OnceLock;

/// The id of the built-in Annex A catalogue (also the `iso27001:` key).
pub const ISO27001: &str = "iso27001";
/// The id of the built-in NIS2 catalogue.
pub const NIS2: &str = "nis2";

const NIS2_CSV: &str = include_str!("../../data/nis2-art21-2.csv");

/// One requirement of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// Unique within its catalogue, e.g. `21.2.e` or `5.24`.
    pub id: String,
    pub title: String,
    /// Where the requirement's text stands, e.g. `NIS2 art. 21.2 e`.
    pub reference: String,
    /// A heading the coverage page groups requirements under.
    pub group: String,
    /// ISO/IEC 27001 Annex A controls that answer this requirement (the
    /// mapping view follows them into the Statement of Applicability).
    pub iso27001: Vec<String>,
}

/// A named set of requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// Used in citations (`nis2:21.2.e`) and addresses (`kravkataloger/nis2/`).
    pub id: String,
    pub title: String,
    /// The text the catalogue comes from, e.g. a law's SFS number.
    pub reference: String,
    pub requirements: Vec<Requirement>,
    pub builtin: bool,
}

impl Catalogue {
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The requirement's label in running text: `NIS2 21.2 e`, `A 5.24`,
    /// a site catalogue's requirement by its reference (`Art. 32.1 a`) or id.
    pub fn label(&self, requirement: &Requirement) -> String {
        match self.id.as_str() {
            NIS2 => format!("NIS2 {}", spaced_letter(&requirement.id)),
            ISO27001 => format!("A {}", requirement.id),
            _ if !requirement.reference.is_empty() => requirement.reference.clone(),
            _ => requirement.id.clone(),
        }
    }
}

/// `21.2.e` → `21.2 e` (how the article's points are written).
fn spaced_letter(id: &str) -> String {
    match id.rsplit_once('.') {
        Some((head, tail)) if tail.len() == 1 && tail.chars().all(|c| c.is_ascii_lowercase()) => {
            format!("{head} {tail}")
        }
        _ => id.to_string(),
    }
}

/// Annex A as a catalogue (grouped by the standard's four themes; the
/// group is the theme's key, the views translate it).
fn iso27001_catalogue(language: Language) -> Catalogue {
    Catalogue {
        id: ISO27001.into(),
        title: "ISO/IEC 27001:2022 bilaga A".into(),
        reference: "ISO/IEC 27001:2022".into(),
        requirements: crate::iso27001::controls()
            .iter()
            .map(|c| Requirement {
                id: c.id.into(),
                title: crate::iso27001::title(c, language).into(),
                reference: format!("ISO/IEC 27001:2022 A.{}", c.id),
                group: c.theme.into(),
                iso27001: vec![c.id.into()],
            })
            .collect(),
        builtin: true,
    }
}

/// NIS2 article 21.2, with our short Swedish titles.
fn nis2_catalogue() -> &'static Catalogue {
    static NIS2_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    NIS2_CATALOGUE.get_or_init(|| Catalogue {
        id: NIS2.into(),
        title: "NIS2 artikel 21.2 (cybersäkerhetslagen 2025:1506)".into(),
        reference: "Direktiv (EU) 2022/2555 art. 21.2; cybersäkerhetslagen (2025:1506)".into(),
        requirements: NIS2_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let f = crate::iso27001::csv_fields(line);
                Requirement {
                    id: f[0].into(),
                    title: f[1].into(),
                    reference: f[2].into(),
                    group: f[3].into(),
                    iso27001: f[4]
                        .split(';')
                        .filter(|s| !s.is_empty())
                        .map(Into::into)
                        .collect(),
                }
            })
            .collect(),
        builtin: true,
    })
}

/// Every catalogue of a site in `language`: the built-in ones, then the
/// site's own (`site.yaml`'s `catalogues`).
pub fn all(language: Language, own: &[Catalogue]) -> Vec<Catalogue> {
    let mut list = vec![iso27001_catalogue(language), nis2_catalogue().clone()];
    list.extend(own.iter().cloned());
    list
}

/// A citation `catalogue:requirement` split in two; `None` without a colon.
pub fn split_citation(citation: &str) -> Option<(&str, &str)> {
    let (cat, id) = citation.split_once(':')?;
    Some((cat.trim(), id.trim()))
}

/// Every requirement a governing document cites, as (catalogue, id): its
/// `iso27001:` controls and its `requirements:`, without repeats.
pub fn cited(g: &crate::model::Governing) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let iso = g.iso27001.iter().map(|c| (ISO27001.to_string(), c.clone()));
    let other = g
        .requirements
        .iter()
        .filter_map(|c| split_citation(c))
        .map(|(a, b)| (a.to_string(), b.to_string()));
    for pair in iso.chain(other) {
        if !out.contains(&pair) {
            out.push(pair);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nis2_has_ten_measures_mapped_to_annex_a() {
        let c = nis2_catalogue();
        assert_eq!(c.requirements.len(), 10);
        let e = c.requirement("21.2.e").unwrap();
        assert_eq!(c.label(e), "NIS2 21.2 e");
        assert!(
            e.title.starts_with("Säkerhet vid anskaffning"),
            "{}",
            e.title
        );
        for r in &c.requirements {
            assert!(!r.iso27001.is_empty(), "{}", r.id);
            for control in &r.iso27001 {
                assert!(crate::iso27001::control(control).is_some(), "{control}");
            }
        }
    }

    #[test]
    fn annex_a_is_a_catalogue_of_93() {
        let c = iso27001_catalogue(Language::Sv);
        assert_eq!(c.requirements.len(), 93);
        assert_eq!(c.label(c.requirement("5.24").unwrap()), "A 5.24");
    }

    #[test]
    fn citations_split_at_the_first_colon() {
        assert_eq!(split_citation("nis2:21.2.e"), Some(("nis2", "21.2.e")));
        assert_eq!(split_citation("gdpr: 32.1"), Some(("gdpr", "32.1")));
        assert_eq!(split_citation("5.24"), None);
    }
}
