//! UI strings of `styrdok report` and the follow-up page (issue #18):
//! learning, item difficulty, coverage against a roster. Kept beside
//! [`super::i18n`] like [`super::i18n_frame`]; the tables are one to
//! templates (`t`). Both languages have the same keys, and no value is empty.

pub(crate) fn strings(language: &str) -> &'static [(&'static str, &'static str)] {
    match language {
        "en" => EN,
        _ => SV,
    }
}

const SV: &[(&str, &str)] = &[
    ("rp_learning", "Kunskapsmätning per modul"),
    ("rp_learning_lead", "Förtest och eftertest jämförs för samma personer (deras första försök av varje slag), uppföljningen med samma personers eftertest. Poäng är procent rätt."),
    ("rp_learning_chart", "Medelpoäng före, efter och vid uppföljning"),
    ("rp_learning_chart_desc", "Stapeldiagram: för varje modul medelpoängen i förtest, eftertest och uppföljningstest, 0–100. Siffrorna finns i tabellen under diagrammet."),
    ("rp_unit_learning", "Kunskapsmätning per förvaltning"),
    ("rp_questions", "Frågor som oftast besvaras fel"),
    ("rp_questions_lead", "Andel av de första eftertesten som svarade fel på frågan, och andelen i förtestet. En fråga som många missar efter utbildningen pekar på ett avsnitt att skriva om, eller en otydlig fråga."),
    ("rp_questions_chart", "Andel fel i eftertestet, de mest missade frågorna"),
    ("rp_questions_chart_desc", "Stapeldiagram: för högst fem frågor per modul andelen fel svar i eftertestet, i procent. Siffrorna finns i tabellen under diagrammet."),
    ("rp_participants", "Deltagare"),
    ("rp_pass_rate", "Godkända"),
    ("rp_pre_post", "Förtest → eftertest"),
    ("rp_gain", "Ökning (procentenheter)"),
    ("rp_paired", "Personer med båda"),
    ("rp_retention", "Uppföljning"),
    ("rp_retention_change", "Förändring sedan eftertest"),
    ("rp_retained", "Personer med uppföljning"),
    ("rp_question", "Fråga"),
    ("rp_missed_post", "Fel i eftertest"),
    ("rp_answered", "Besvarad (eftertest)"),
    ("rp_missed_pre", "Fel i förtest"),
    ("rp_question_gone", "finns inte längre i testet"),
    ("rp_late", "sena"),
    ("rp_assigned", "Modul eller utbildningsväg"),
    ("rp_due", "Ska vara klar inom"),
    ("rp_required", "Ska gå"),
    ("rp_done", "Klart"),
    ("rp_coverage", "Täckning"),
    ("rp_overdue", "Försenade"),
    ("rp_days", "dagar"),
    ("rp_coverage_heading", "Täckning mot personallistan"),
    ("rp_coverage_heading_lead", "Vem som ska gå en modul eller väg följer av rollen i personallistan: allt på rollens läslista (även de roller den omfattar), för den förvaltning som modulen gäller. En väg är klar när alla dess moduler är godkända i aktuell version, och försenad när den inte är klar fler än sina dagar efter startdatum."),
    ("rp_coverage_heading_chart", "Andel klara per modul och utbildningsväg"),
    ("rp_coverage_heading_chart_desc", "Stapeldiagram: för varje modul och utbildningsväg andelen av dem som ska gå den som är klara, i procent. Siffrorna finns i tabellen under diagrammet."),
    ("rp_coverage_units", "Täckning per förvaltning"),
    ("rp_coverage_units_lead", "Klara av dem som ska, andel, och hur många som är sena med en väg."),
    ("rp_coverage_units_chart", "Andel klara av utbildningsvägarna per förvaltning"),
    ("rp_coverage_units_chart_desc", "Stapeldiagram: för varje förvaltning andelen klara av varje utbildningsväg, i procent. Siffrorna finns i tabellen under diagrammet."),
    ("rp_coverage_roles", "Täckning per roll"),
    ("rp_role", "Roll"),
    ("rp_coverage_managers", "Täckning per chef"),
    ("rp_manager", "Chef"),
    ("rp_no_manager", "(ingen chef angiven)"),
    ("rp_overdue_people", "Försenade, per chef"),
    ("rp_overdue_people_lead", "Personer som inte är klara med en utbildningsväg fler dagar efter startdatum än vägen ger. Listan innehåller personuppgifter: dela den bara med den som behöver den."),
    ("rp_person", "Namn"),
    ("rp_email", "E-post eller id"),
    ("rp_path", "Utbildningsväg"),
    ("rp_due_date", "Skulle vara klar"),
    ("rp_days_late", "Dagar sen"),
    ("rp_roster_note", "Personallistan har {people} personer; sen räknas i förhållande till {today}."),
    ("rp_unknown_roles", "Roller i personallistan som webbplatsen inte har (inga krav räknade)"),
    ("rp_no_start", "{n} tilldelade vägar med tidsgräns saknar startdatum och kan inte bedömas som sena."),
    ("rp_series_pre", "Före"),
    ("rp_series_post", "Efter"),
    ("rp_series_retention", "Uppföljning"),
    ("rp_series_missed", "Fel"),
    ("rp_series_done", "Klart"),
];

const EN: &[(&str, &str)] = &[
    ("rp_learning", "Knowledge measured per module"),
    ("rp_learning_lead", "Pre-test and post-test are compared for the same people (their first attempt of each kind), the retention check with the same people's post-test. Scores are percent right."),
    ("rp_learning_chart", "Mean score before, after and at the retention check"),
    ("rp_learning_chart_desc", "Bar chart: for each module the mean pre-test, post-test and retention score, 0–100. The numbers are in the table below the chart."),
    ("rp_unit_learning", "Knowledge measured per unit"),
    ("rp_questions", "Questions most often missed"),
    ("rp_questions_lead", "Share of first post-tests that got the question wrong, and the share in the pre-test. A question many miss after the training points at a section to rewrite, or an unclear question."),
    ("rp_questions_chart", "Share wrong in the post-test, most missed questions"),
    ("rp_questions_chart_desc", "Bar chart: for at most five questions per module the share of wrong answers in the post-test, in percent. The numbers are in the table below the chart."),
    ("rp_participants", "Participants"),
    ("rp_pass_rate", "Passed"),
    ("rp_pre_post", "Pre-test → post-test"),
    ("rp_gain", "Gain (percentage points)"),
    ("rp_paired", "People with both"),
    ("rp_retention", "Retention"),
    ("rp_retention_change", "Change since post-test"),
    ("rp_retained", "People with retention"),
    ("rp_question", "Question"),
    ("rp_missed_post", "Wrong in post-test"),
    ("rp_answered", "Answered (post-test)"),
    ("rp_missed_pre", "Wrong in pre-test"),
    ("rp_question_gone", "no longer in the quiz"),
    ("rp_late", "late"),
    ("rp_assigned", "Module or path"),
    ("rp_due", "Due within"),
    ("rp_required", "Must take"),
    ("rp_done", "Done"),
    ("rp_coverage", "Coverage"),
    ("rp_overdue", "Overdue"),
    ("rp_days", "days"),
    ("rp_coverage_heading", "Coverage against the roster"),
    ("rp_coverage_heading_lead", "Who must take a module or path follows from the role in the roster: everything on the role's reading list (including the roles it includes), for the units the module applies to. A path is done when all its modules are passed in their current version, and overdue when it is not done more than its days after the start date."),
    ("rp_coverage_heading_chart", "Share done per module and path"),
    ("rp_coverage_heading_chart_desc", "Bar chart: for each module and path the share of those who must take it who are done, in percent. The numbers are in the table below the chart."),
    ("rp_coverage_units", "Coverage per unit"),
    ("rp_coverage_units_lead", "Done of those who must, the share, and how many are late with a path."),
    ("rp_coverage_units_chart", "Share done of the paths per unit"),
    ("rp_coverage_units_chart_desc", "Bar chart: for each unit the share done of each path, in percent. The numbers are in the table below the chart."),
    ("rp_coverage_roles", "Coverage per role"),
    ("rp_role", "Role"),
    ("rp_coverage_managers", "Coverage per manager"),
    ("rp_manager", "Manager"),
    ("rp_no_manager", "(no manager given)"),
    ("rp_overdue_people", "Overdue, per manager"),
    ("rp_overdue_people_lead", "People not done with a path more days after their start date than the path allows. The list holds personal data: share it only with those who need it."),
    ("rp_person", "Name"),
    ("rp_email", "E-mail or id"),
    ("rp_path", "Path"),
    ("rp_due_date", "Due"),
    ("rp_days_late", "Days late"),
    ("rp_roster_note", "The roster has {people} people; lateness is counted on {today}."),
    ("rp_unknown_roles", "Roles in the roster the site does not have (no requirements counted)"),
    ("rp_no_start", "{n} assigned paths with a deadline have no start date and cannot be judged late."),
    ("rp_series_pre", "Before"),
    ("rp_series_post", "After"),
    ("rp_series_retention", "Retention"),
    ("rp_series_missed", "Wrong"),
    ("rp_series_done", "Done"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_languages_have_the_same_keys_none_empty_none_shared() {
        let keys =
            |t: &[(&'static str, &'static str)]| t.iter().map(|(k, _)| *k).collect::<BTreeSet<_>>();
        assert_eq!(keys(SV), keys(EN));
        assert_eq!(keys(SV).len(), SV.len(), "a key appears twice");
        let older: BTreeSet<_> = keys(super::super::i18n::strings("sv"))
            .union(&keys(super::super::i18n_frame::strings("sv")))
            .copied()
            .collect();
        for (k, v) in SV.iter().chain(EN) {
            assert!(!v.trim().is_empty(), "{k} is empty");
            assert!(!older.contains(k), "{k} is also in another table");
        }
    }
}
