//! UI strings of the default theme's page frame and document lead (issue
//! #21): the incident contact, the document's first facts, printing and
//! citing. Kept beside [`super::i18n`] (whose table is already long); the
//! two are one table to templates (`t`). The same rules hold: both languages
//! have the same keys, and no value is empty.

pub(crate) fn strings(language: &str) -> &'static [(&'static str, &'static str)] {
    match language {
        "en" => EN,
        _ => SV,
    }
}

const SV: &[(&str, &str)] = &[
    ("incident_link", "Rapportera en incident"),
    ("contact_heading", "Rapportera en incident"),
    (
        "contact_intro",
        "Har något hänt, eller kan det ha hänt? Rapportera direkt. Det är aldrig fel att rapportera.",
    ),
    ("contact_call", "Ring"),
    ("contact_email", "E-post"),
    ("contact_form", "Incidentformulär"),
    ("contact_form_action", "Fyll i incidentformuläret"),
    ("contact_hours", "Öppettider"),
    ("contact_switchboard", "Kommunens växel"),
    ("contact_rule", "Så rapporterar du en incident"),
    ("contact_units", "Förvaltningarnas egna kontakter"),
    ("owner_contact", "Kontakta dokumentansvarig"),
    ("lead_in_force_since", "Gäller sedan"),
    ("lead_in_force_from", "Börjar gälla"),
    ("meta_all", "Alla uppgifter om dokumentet"),
    ("retired_replaced_by", "Ersatt av"),
    (
        "retired_no_replacement",
        "Dokumentet är upphävt och har inte ersatts. Fråga dokumentansvarig om du är osäker på vad som gäller.",
    ),
    ("doc_actions", "Skriv ut och hänvisa"),
    ("print_action", "Skriv ut eller spara som PDF"),
    (
        "print_action_hint",
        "Välj ”Spara som PDF” i utskriftsdialogen för en PDF.",
    ),
    ("cite_as", "Hänvisa till dokumentet som"),
    ("anchor_heading", "Länk till avsnittet"),
    ("anchor_requirement", "Länk till kravet"),
    ("requirement_label", "Krav"),
    (
        "print_notice_relative",
        "Utskriven version kan vara inaktuell. Gällande version finns på intranätet. Webbplatsens fullständiga adress är inte inställd, så här står bara sidans sökväg:",
    ),
    ("home_latest", "Senaste ändringarna"),
    ("home_sections", "Styrdokument och utbildning"),
    ("home_documents_count", "dokument"),
    ("home_show_all", "Visa alla"),
    ("footer_built_on", "Uppdaterad"),
    ("iso_show_controls", "Visa åtgärderna"),
    ("table_label", "Tabell"),
];

const EN: &[(&str, &str)] = &[
    ("incident_link", "Report an incident"),
    ("contact_heading", "Report an incident"),
    (
        "contact_intro",
        "Has something happened, or might it have? Report it at once. Reporting is never wrong.",
    ),
    ("contact_call", "Call"),
    ("contact_email", "E-mail"),
    ("contact_form", "Incident form"),
    ("contact_form_action", "Fill in the incident form"),
    ("contact_hours", "Opening hours"),
    ("contact_switchboard", "Switchboard"),
    ("contact_rule", "How to report an incident"),
    ("contact_units", "Units' own contacts"),
    ("owner_contact", "Contact the document owner"),
    ("lead_in_force_since", "In force since"),
    ("lead_in_force_from", "In force from"),
    ("meta_all", "All facts about the document"),
    ("retired_replaced_by", "Replaced by"),
    (
        "retired_no_replacement",
        "This document is retired and has not been replaced. Ask the document owner if you are unsure what applies.",
    ),
    ("doc_actions", "Print and cite"),
    ("print_action", "Print or save as PDF"),
    (
        "print_action_hint",
        "Choose “Save as PDF” in the print dialogue for a PDF.",
    ),
    ("cite_as", "Cite this document as"),
    ("anchor_heading", "Link to this section"),
    ("anchor_requirement", "Link to this requirement"),
    ("requirement_label", "Requirement"),
    (
        "print_notice_relative",
        "A printed copy may be out of date. The valid version is on the intranet. The site's full address is not set, so only the page's path is given:",
    ),
    ("home_latest", "Latest changes"),
    ("home_sections", "Governing documents and training"),
    ("home_documents_count", "documents"),
    ("home_show_all", "Show all"),
    ("footer_built_on", "Updated"),
    ("iso_show_controls", "Show the controls"),
    ("table_label", "Table"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_languages_have_the_same_keys_none_empty_none_shared_with_i18n() {
        let keys =
            |t: &[(&'static str, &'static str)]| t.iter().map(|(k, _)| *k).collect::<BTreeSet<_>>();
        assert_eq!(keys(SV), keys(EN));
        assert_eq!(keys(SV).len(), SV.len(), "a key appears twice");
        let older = keys(super::super::i18n::strings("sv"));
        for (k, v) in SV.iter().chain(EN) {
            assert!(!v.trim().is_empty(), "{k} is empty");
            assert!(!older.contains(k), "{k} is also in i18n.rs");
        }
    }
}
