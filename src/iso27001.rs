//! The 93 controls of ISO/IEC 27001:2022 Annex A, compiled into the binary
//! from `data/iso27001-2022-annex-a.csv`, for checking `iso27001:` keys and
//! for the coverage views. Each control also has a short Swedish title,
//! written for this project (`data/iso27001-2022-annex-a-sv.csv`; the
//! standard's own text is copyrighted), shown on Swedish sites beside the
//! English title auditors know.

use std::sync::OnceLock;

const CSV: &str = include_str!("../data/iso27001-2022-annex-a.csv");
const CSV_SV: &str = include_str!("../data/iso27001-2022-annex-a-sv.csv");

/// One Annex A control.
/// Annex A's four themes (clauses 5–8), in the standard's order.
pub const THEMES: &[&str] = &["organizational", "people", "physical", "technological"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control {
    /// e.g. `5.24`.
    pub id: &'static str,
    /// organizational, people, physical or technological.
    pub theme: &'static str,
    pub title: &'static str,
    /// A short descriptive Swedish title (ours, not the standard's).
    pub title_sv: &'static str,
    /// ISO/IEC 27002:2013 controls this one replaces.
    pub predecessors: Vec<&'static str>,
    pub new_in_2022: bool,
}

/// All controls, in the standard's order.
pub fn controls() -> &'static [Control] {
    static CONTROLS: OnceLock<Vec<Control>> = OnceLock::new();
    CONTROLS.get_or_init(|| {
        CSV.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let f = csv_fields(line);
                Control {
                    id: f[0],
                    theme: f[1],
                    title: f[2],
                    title_sv: swedish_title(f[0]).unwrap_or(f[2]),
                    predecessors: f[3].split(';').filter(|s| !s.is_empty()).collect(),
                    new_in_2022: f[4].trim() == "true",
                }
            })
            .collect()
    })
}

/// The Swedish title of control `id` (`id,title` per line; a title may
/// hold commas, an id never does).
fn swedish_title(id: &str) -> Option<&'static str> {
    CSV_SV
        .lines()
        .skip(1)
        .filter_map(|l| l.trim_end().split_once(','))
        .find(|(i, _)| *i == id)
        .map(|(_, title)| title)
}

/// The title to show on a site in `language`: Swedish or English.
pub fn title(control: &Control, language: crate::messages::Language) -> &'static str {
    match language {
        crate::messages::Language::Sv => control.title_sv,
        crate::messages::Language::En => control.title,
    }
}

/// Splits one line of the bundled CSV; fields may be in double quotes
/// (titles with commas), and none contains a quote itself.
pub(crate) fn csv_fields(line: &'static str) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut rest = line.trim_end();
    loop {
        let (field, after) = match rest.strip_prefix('"') {
            Some(q) => {
                let end = q.find('"').unwrap_or(q.len());
                (&q[..end], q[end..].trim_start_matches('"'))
            }
            None => {
                let end = rest.find(',').unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        fields.push(field);
        match after.strip_prefix(',') {
            Some(next) => rest = next,
            None => break,
        }
    }
    fields.resize(5, "");
    fields
}

pub fn control(id: &str) -> Option<&'static Control> {
    controls().iter().find(|c| c.id == id)
}

/// Help for an unknown control number: a 2013 number gets its 2022
/// successor, anything else the valid ranges.
pub fn hint(id: &str) -> crate::messages::Message {
    let successors: Vec<&str> = controls()
        .iter()
        .filter(|c| c.predecessors.contains(&id))
        .map(|c| c.id)
        .collect();
    if successors.is_empty() {
        t!("Annex A controls are 5.1–5.37, 6.1–6.8, 7.1–7.14 and 8.1–8.34; write them in quotes, e.g. \"5.24\"")
    } else {
        t!(
            "`{id}` is an ISO/IEC 27002:2013 number; in the 2022 edition it is {successors}",
            id,
            successors = successors.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_93_controls_in_four_themes() {
        assert_eq!(controls().len(), 93);
        let count = |t| controls().iter().filter(|c| c.theme == t).count();
        assert_eq!(count("organizational"), 37);
        assert_eq!(count("people"), 8);
        assert_eq!(count("physical"), 14);
        assert_eq!(count("technological"), 34);
        assert_eq!(
            control("5.22").unwrap().title,
            "Monitoring, review and change management of supplier services"
        );
        assert_eq!(control("5.22").unwrap().predecessors, ["15.2.1", "15.2.2"]);
        assert!(control("5.7").unwrap().new_in_2022);
        assert!(control("5.38").is_none());
    }

    #[test]
    fn every_control_has_its_own_swedish_title() {
        let mut seen = std::collections::HashSet::new();
        for c in controls() {
            assert!(
                swedish_title(c.id).is_some(),
                "{} has no Swedish title",
                c.id
            );
            assert_ne!(c.title_sv, c.title, "{}", c.id);
            assert!(seen.insert(c.title_sv), "{} repeats a title", c.id);
        }
        assert_eq!(CSV_SV.lines().skip(1).count(), 93);
        assert_eq!(
            control("8.31").unwrap().title_sv,
            "Åtskilda miljöer för utveckling, test och drift"
        );
        assert_eq!(
            title(control("5.24").unwrap(), crate::messages::Language::En),
            "Information security incident management planning and preparation"
        );
    }

    #[test]
    fn hints_map_2013_numbers() {
        assert!(hint("9.2.4").en().contains("5.17"), "{}", hint("9.2.4"));
        assert!(hint("99").en().contains("5.1–5.37"));
    }
}
