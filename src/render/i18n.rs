//! UI strings of the built-in theme, in Swedish and English.
//!
//! Rendering hands one of these tables to every template as `t`, so a
//! template writes `{{ t.skip_to_content }}` and never hard-codes a language.
//! `site.yaml`'s `language` picks the table; Swedish is the default because
//! the sites this tool serves are Swedish public-sector intranets.
//!
//! Both tables must hold exactly the same keys: a key missing in one language
//! would make Tera fail to render that page only for sites in that language.
//! The tests below guard that. Values are plain text; Tera escapes them.
//! Kind, status and classification names (`kind_*`, `status_*`,
//! `classification_*`) are here too so that the view structs' `kind_label`,
//! `status_label` and `classification_label` can be taken from the same table.

/// The UI strings for `language` (`"sv"` or `"en"`); anything else gets Swedish.
pub(crate) fn strings(language: &str) -> &'static [(&'static str, &'static str)] {
    match language {
        "en" => EN,
        _ => SV,
    }
}

const SV: &[(&str, &str)] = &[
    // Page frame: skip link, header, navigation, footer.
    ("skip_to_content", "Hoppa till innehållet"),
    ("search_label", "Sök på webbplatsen"),
    ("search_placeholder", "Sök dokument och utbildningar"),
    ("search_button", "Sök"),
    ("search_page", "Sök på webbplatsen"),
    ("search_heading", "Sök"),
    (
        "search_noscript",
        "Sökningen behöver JavaScript. Slå på JavaScript i webbläsaren för att söka.",
    ),
    ("search_no_results", "Inga träffar."),
    ("nav_label", "Huvudmeny"),
    ("breadcrumbs_label", "Du är här"),
    ("toc_label", "Innehåll"),
    ("footer_roles", "Läslistor per roll"),
    ("footer_status", "Dokumentstatus"),
    ("footer_iso", "Täckning av ISO/IEC 27001"),
    ("footer_search", "Sök"),
    ("footer_generator", "Skapad med"),
    ("footer_built", "byggd"),
    // Status banners.
    ("draft_banner", "Utkast – inte fastställt"),
    ("review_banner", "På remiss – inte fastställt"),
    ("retired_banner", "Upphävd – gäller inte längre"),
    // Metadata block of a governing document.
    ("meta_heading", "Om dokumentet"),
    ("meta_type", "Dokumenttyp"),
    ("meta_id", "Dokument-id"),
    ("meta_version", "Version"),
    ("meta_status", "Status"),
    ("meta_approved_by", "Beslutad av"),
    ("meta_approved_on", "Beslutad"),
    ("meta_effective_from", "Gäller från"),
    ("meta_review_by", "Revideras senast"),
    ("meta_review_overdue", "Revideringsdatumet har passerats"),
    ("meta_owner", "Dokumentansvarig"),
    ("meta_record_number", "Diarienummer"),
    ("meta_units", "Gäller för"),
    ("meta_units_all", "Hela organisationen"),
    ("meta_roles", "Målgrupp"),
    ("meta_areas", "Område"),
    ("meta_classification", "Klassning"),
    ("meta_replaces", "Ersätter"),
    ("parent_document", "Överordnat dokument"),
    ("child_documents", "Dokument som bygger på detta"),
    ("not_published", "inte publicerat"),
    ("iso_controls", "ISO/IEC 27001:2022, bilaga A"),
    ("changes_heading", "Ändringar i denna version"),
    ("history_heading", "Versionshistorik"),
    ("history_version", "Version"),
    ("history_date", "Datum"),
    ("history_approved_by", "Beslutad av"),
    ("history_changes", "Ändringar"),
    ("history_current", "denna version"),
    (
        "print_notice",
        "Utskriven version kan vara inaktuell. Gällande version finns på intranätet:",
    ),
    // Training modules and paths.
    ("module_meta_heading", "Om utbildningen"),
    ("module_duration", "Tid"),
    ("minutes", "minuter"),
    ("prerequisites", "Gör först"),
    ("documents_to_read", "Dokument att läsa"),
    ("path_meta_heading", "Om utbildningsvägen"),
    ("path_modules", "Moduler i ordning"),
    ("path_module_count", "Antal moduler"),
    ("path_due_days", "Ska vara klar inom"),
    ("days", "dagar"),
    ("quiz_heading", "Kunskapstest"),
    ("quiz_included", "Ingår – gå till kunskapstestet"),
    (
        "quiz_noscript",
        "Kunskapstestet behöver JavaScript. Slå på JavaScript i webbläsaren för att göra testet.",
    ),
    // Lists: start page, sections, reading lists.
    ("latest_heading", "Senast fastställda"),
    ("section_pages", "Sidor i avsnittet"),
    ("subsections", "Underavsnitt"),
    ("section_empty", "Det finns inga sidor här ännu."),
    ("roles_heading", "Läslistor per roll"),
    ("reading_list_heading", "Läslista"),
    // Not found and redirect pages.
    ("not_found_title", "Sidan finns inte"),
    (
        "not_found_text",
        "Sidan du sökte finns inte. Den kan ha flyttats eller tagits bort.",
    ),
    ("back_to_start", "Till startsidan"),
    ("redirect_title", "Sidan har flyttat"),
    ("redirect_text", "Sidan har flyttat till"),
    // Names of kinds, statuses and classifications.
    ("kind_home", "Startsida"),
    ("kind_section", "Avsnitt"),
    ("kind_policy", "Policy"),
    ("kind_guideline", "Riktlinje"),
    ("kind_rule", "Regel"),
    ("kind_module", "Utbildningsmodul"),
    ("kind_path", "Utbildningsväg"),
    ("kind_page", "Sida"),
    ("status_draft", "Utkast"),
    ("status_review", "På remiss"),
    ("status_active", "Gällande"),
    ("status_retired", "Upphävd"),
    ("classification_public", "Öppen"),
    ("classification_internal", "Intern"),
    ("classification_restricted", "Begränsad"),
    // Reading lists and feeds.
    ("group_policy", "Policy"),
    ("group_guideline", "Riktlinjer"),
    ("group_rule", "Regler"),
    ("group_module", "Utbildningar"),
    ("group_path", "Utbildningsvägar"),
    ("group_page", "Övrigt att läsa"),
    ("roles_intro", "Välj din roll för att se vilka styrdokument du ska känna till och vilka utbildningar du ska gå. En roll läser också allt som gäller de roller den bygger på."),
    ("reading_list_items", "dokument och utbildningar"),
    ("role_includes", "bygger på"),
    ("role_includes_long", "Rollen läser också allt som gäller för"),
    ("reading_list_empty", "Det finns inga publicerade dokument för den här rollen ännu."),
    ("feed_subtitle", "Nya och reviderade styrdokument"),
    // History.
    ("version_old", "Äldre version"),
    ("version_valid_from", "gällde från"),
    ("version_valid_to", "till"),
    ("version_current_is", "gällande version är"),
    ("version_show", "Visa version"),
    ("history_effective_from", "Gäller från"),
    ("history_diff", "Ändringar"),
    ("history_diff_from_previous", "ändringar mot föregående version"),
    ("diff_heading", "Ändringar"),
    ("diff_from", "Från version"),
    ("diff_to", "till version"),
    ("diff_added", "Tillagt:"),
    ("diff_removed", "Borttaget:"),
    (
        "diff_legend",
        "Tillagd text är understruken och inleds med +. Borttagen text är överstruken och inleds med −.",
    ),
    ("diff_none", "Texten ändrades inte i den här versionen."),
    ("in_force_title", "Gällande dokument vid ett datum"),
    (
        "in_force_intro",
        "Välj ett datum för att se vilken version av varje styrdokument som gällde den dagen.",
    ),
    ("in_force_date", "Datum"),
    ("in_force_show", "Visa"),
    (
        "in_force_noscript",
        "Utan JavaScript visas alla versioner med de datum de gällde.",
    ),
    ("in_force_on", "Gällde den"),
    ("in_force_count", "dokument"),
    ("in_force_none", "Inget dokument gällde det datumet."),
    ("in_force_document", "Dokument"),
    ("in_force_from", "Gäller från"),
    ("in_force_to", "Gäller till"),
    ("in_force_until_further", "tills vidare"),
    ("footer_in_force", "Gällande vid ett datum"),
];

const EN: &[(&str, &str)] = &[
    ("skip_to_content", "Skip to content"),
    ("search_label", "Search this site"),
    ("search_placeholder", "Search documents and training"),
    ("search_button", "Search"),
    ("search_page", "Search this site"),
    ("search_heading", "Search"),
    (
        "search_noscript",
        "Search needs JavaScript. Turn on JavaScript in your browser to search.",
    ),
    ("search_no_results", "No results."),
    ("nav_label", "Main menu"),
    ("breadcrumbs_label", "You are here"),
    ("toc_label", "Contents"),
    ("footer_roles", "Reading lists by role"),
    ("footer_status", "Document status"),
    ("footer_iso", "ISO/IEC 27001 coverage"),
    ("footer_search", "Search"),
    ("footer_generator", "Made with"),
    ("footer_built", "built"),
    ("draft_banner", "Draft – not approved"),
    ("review_banner", "Out for review – not approved"),
    ("retired_banner", "Retired – no longer in force"),
    ("meta_heading", "About this document"),
    ("meta_type", "Document type"),
    ("meta_id", "Document ID"),
    ("meta_version", "Version"),
    ("meta_status", "Status"),
    ("meta_approved_by", "Approved by"),
    ("meta_approved_on", "Approved"),
    ("meta_effective_from", "In force from"),
    ("meta_review_by", "Review by"),
    ("meta_review_overdue", "Review date has passed"),
    ("meta_owner", "Document owner"),
    ("meta_record_number", "Record number"),
    ("meta_units", "Applies to"),
    ("meta_units_all", "The whole organisation"),
    ("meta_roles", "Audience"),
    ("meta_areas", "Area"),
    ("meta_classification", "Classification"),
    ("meta_replaces", "Replaces"),
    ("parent_document", "Parent document"),
    ("child_documents", "Documents based on this one"),
    ("not_published", "not published"),
    ("iso_controls", "ISO/IEC 27001:2022, Annex A"),
    ("changes_heading", "Changes in this version"),
    ("history_heading", "Version history"),
    ("history_version", "Version"),
    ("history_date", "Date"),
    ("history_approved_by", "Approved by"),
    ("history_changes", "Changes"),
    ("history_current", "this version"),
    (
        "print_notice",
        "A printed copy may be out of date. The current version is on the intranet:",
    ),
    ("module_meta_heading", "About this module"),
    ("module_duration", "Time"),
    ("minutes", "minutes"),
    ("prerequisites", "Do first"),
    ("documents_to_read", "Documents to read"),
    ("path_meta_heading", "About this training path"),
    ("path_modules", "Modules in order"),
    ("path_module_count", "Number of modules"),
    ("path_due_days", "To be completed within"),
    ("days", "days"),
    ("quiz_heading", "Knowledge check"),
    ("quiz_included", "Included – go to the knowledge check"),
    (
        "quiz_noscript",
        "The knowledge check needs JavaScript. Turn on JavaScript in your browser to take it.",
    ),
    ("latest_heading", "Recently approved"),
    ("section_pages", "Pages in this section"),
    ("subsections", "Subsections"),
    ("section_empty", "There are no pages here yet."),
    ("roles_heading", "Reading lists by role"),
    ("reading_list_heading", "Reading list"),
    ("not_found_title", "Page not found"),
    (
        "not_found_text",
        "The page you were looking for does not exist. It may have been moved or removed.",
    ),
    ("back_to_start", "Go to the start page"),
    ("redirect_title", "This page has moved"),
    ("redirect_text", "This page has moved to"),
    ("kind_home", "Start page"),
    ("kind_section", "Section"),
    ("kind_policy", "Policy"),
    ("kind_guideline", "Guideline"),
    ("kind_rule", "Rule"),
    ("kind_module", "Training module"),
    ("kind_path", "Training path"),
    ("kind_page", "Page"),
    ("status_draft", "Draft"),
    ("status_review", "Out for review"),
    ("status_active", "In force"),
    ("status_retired", "Retired"),
    ("classification_public", "Public"),
    ("classification_internal", "Internal"),
    ("classification_restricted", "Restricted"),
    // Reading lists and feeds.
    ("group_policy", "Policy"),
    ("group_guideline", "Guidelines"),
    ("group_rule", "Rules"),
    ("group_module", "Training modules"),
    ("group_path", "Training paths"),
    ("group_page", "Further reading"),
    ("roles_intro", "Choose your role to see which governing documents you need to know and which training you must take. A role also reads everything for the roles it builds on."),
    ("reading_list_items", "documents and modules"),
    ("role_includes", "builds on"),
    ("role_includes_long", "This role also reads everything for"),
    ("reading_list_empty", "There are no published documents for this role yet."),
    ("feed_subtitle", "New and revised governing documents"),
    // History.
    ("version_old", "Older version"),
    ("version_valid_from", "in force from"),
    ("version_valid_to", "to"),
    ("version_current_is", "the current version is"),
    ("version_show", "Show version"),
    ("history_effective_from", "In force from"),
    ("history_diff", "Changes"),
    ("history_diff_from_previous", "changes from the previous version"),
    ("diff_heading", "Changes"),
    ("diff_from", "From version"),
    ("diff_to", "to version"),
    ("diff_added", "Added:"),
    ("diff_removed", "Removed:"),
    (
        "diff_legend",
        "Added text is underlined and starts with +. Removed text is struck through and starts with −.",
    ),
    ("diff_none", "The text did not change in this version."),
    ("in_force_title", "Documents in force on a date"),
    (
        "in_force_intro",
        "Choose a date to see which version of each governing document was in force that day.",
    ),
    ("in_force_date", "Date"),
    ("in_force_show", "Show"),
    (
        "in_force_noscript",
        "Without JavaScript every version is listed with the dates it was in force.",
    ),
    ("in_force_on", "In force on"),
    ("in_force_count", "documents"),
    ("in_force_none", "No document was in force on that date."),
    ("in_force_document", "Document"),
    ("in_force_from", "In force from"),
    ("in_force_to", "In force until"),
    ("in_force_until_further", "until further notice"),
    ("footer_in_force", "In force on a date"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(table: &[(&'static str, &'static str)]) -> BTreeSet<&'static str> {
        let set: BTreeSet<_> = table.iter().map(|(k, _)| *k).collect();
        assert_eq!(set.len(), table.len(), "a key appears twice");
        set
    }

    #[test]
    fn swedish_and_english_have_the_same_keys() {
        let sv = keys(strings("sv"));
        let en = keys(strings("en"));
        let only_sv: Vec<_> = sv.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&sv).collect();
        assert!(
            only_sv.is_empty() && only_en.is_empty(),
            "only sv: {only_sv:?}, only en: {only_en:?}"
        );
    }

    #[test]
    fn no_value_is_empty() {
        for language in ["sv", "en"] {
            for (key, value) in strings(language) {
                assert!(!value.trim().is_empty(), "{language}: {key} is empty");
            }
        }
    }

    #[test]
    fn keys_are_snake_case() {
        for (key, _) in strings("sv") {
            assert!(
                key.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{key} is not snake_case"
            );
        }
    }

    #[test]
    fn unknown_language_falls_back_to_swedish() {
        assert_eq!(strings("fi"), strings("sv"));
    }
}
