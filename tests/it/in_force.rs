//! The in-force record and the consolidated view (issue #20): `gallande/`
//! answers from the versions in git *and* the front-matter `history`
//! entries, says where the record begins, and ends versions by
//! `valid_until` and `retired_on`; the status board, the document pages
//! and `check` show expiry and retirement by the one rule in
//! `site::Standing`. A real git repository (tests/fixtures/in_force/record
//! committed twice, the first commit in 2025) whose documents carry
//! versions from 2021–2024 in `history` or in their dates.

use crate::harness::files::{edit, read, write};
use crate::harness::git::{commit_all, git_on};
use crate::harness::{copy_dir, fixtures, run_at};
use std::path::{Path, PathBuf};

const POLICY: &str = "content/policy.md";
const LOSEN: &str = "content/regler/losenord.md";
const USB: &str = "content/regler/usb-minnen.md";
const MOLN: &str = "content/regler/molntjanster.md";

/// The fixture as a repository: committed on 2025-01-15, then on
/// 2025-10-20 the password rule 2.1, the USB rule retired that day and the
/// asset rule that replaces it. (temp dir, site root)
fn repo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixtures().join("in_force/record"), &root);
    git_on(&root, &["init", "-q", "-b", "main"], "2025-01-15");
    commit_all(
        &root,
        "2025-01-15",
        "The documents as the repository starts",
    );
    let losen = root.join(LOSEN);
    edit(&losen, "version: \"2.0\"", "version: \"2.1\"");
    edit(&losen, "approved_on: 2024-04-22", "approved_on: 2025-10-20");
    edit(&losen, "minst tolv tecken", "minst fjorton tecken");
    edit(
        &root.join(USB),
        "review_by: 2028-12-31\n",
        "status: retired\nretired_on: 2025-10-20\n",
    );
    write(&root, "content/regler/tillgangar.md", "---\ntitle: Regel för hantering av tillgångar\ntype: rule\nid: T-R-03\nversion: \"1.0\"\nowner: IT-chef\napproved_by: Kommundirektören\napproved_on: 2025-10-20\nreview_by: 2028-12-31\nparent: T-P-01\nreplaces: [T-R-00]\nroles: [medarbetare]\n---\nUSB-minnen och andra tillgångar.\n");
    commit_all(
        &root,
        "2025-10-20",
        "Password rule 2.1; the asset rule replaces the USB rule",
    );
    (tmp, root)
}

/// Builds `root` as on `day` into `root/public-DAY`.
fn build_on(root: &Path, day: &str) -> PathBuf {
    let out = root.join(format!("public-{day}"));
    let mut options = styrdok::BuildOptions::new(root.to_path_buf());
    options.out = Some(out.clone());
    options.today = Some(day.parse().unwrap());
    if let Err(d) = styrdok::build(&options) {
        panic!(
            "{}",
            styrdok::diagnostics::format(&d, Default::default(), styrdok::messages::Language::En)
        );
    }
    out
}

/// The CSV records after the header, each as its cells (the fixture's
/// texts hold no commas or quotes).
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    assert!(
        csv.starts_with("Dokument-id,Typ,Titel,Version,Gäller från,Gäller till och med,Adress\r\n"),
        "{csv}"
    );
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// (id, version, from, through) of every CSV record.
fn set_of(csv: &str) -> Vec<(String, String, String, String)> {
    csv_rows(csv)
        .into_iter()
        .map(|r| (r[0].clone(), r[3].clone(), r[4].clone(), r[5].clone()))
        .collect()
}

fn row(id: &str, version: &str, from: &str, through: &str) -> (String, String, String, String) {
    (id.into(), version.into(), from.into(), through.into())
}

#[test]
fn a_day_before_the_first_commit_lists_the_documents_in_force_then() {
    let (_tmp, root) = repo();
    let out = build_on(&root, "2023-06-01");
    assert_eq!(
        set_of(&read(&out, "gallande/gallande.csv")),
        [
            row("T-P-01", "1.0", "2022-03-24", "2024-12-31"),
            row("T-R-00", "1.2", "2021-05-10", "2025-10-19"),
            row("T-R-05", "1.0", "2022-11-16", "2024-04-21"),
        ],
        "the policy and the password rule from `history`, the USB rule from its dates"
    );
    let page = read(&out, "gallande/index.html");
    assert!(page.contains("<p class=\"notice in-force-begins\">Registret börjar 2021-05-10. Uppgifter före 2021-05-10 saknas.</p>"), "{page}");
    assert!(page.contains("<h2 id=\"in-force-set-heading\">Gällande den 2023-06-01 (i dag)</h2>"));
    assert!(page.contains(">Gällde den 2023-06-01: 3 dokument</p>"));
    assert!(
        !page.contains(">Inget dokument gällde det datumet.<"),
        "{page}"
    );
    assert!(
        page.contains("<p id=\"in-force-incomplete\" class=\"notice in-force-incomplete\" hidden>")
    );
    // A version from before git links the document's version table.
    assert!(page.contains(">1.0 <span class=\"link-meta\">(ingen egen sida)</span></td>"));
}

#[test]
fn today_the_set_follows_new_versions_retirement_and_expiry() {
    let (_tmp, root) = repo();
    let out = build_on(&root, "2026-03-01");
    let csv = read(&out, "gallande/gallande.csv");
    assert_eq!(
        set_of(&csv),
        [
            row("T-P-01", "2.0", "2025-01-01", ""),
            row("T-R-03", "1.0", "2025-10-20", ""),
            row("T-R-05", "2.1", "2025-10-20", ""),
        ],
        "no retired USB rule, no cloud rule past its valid_until"
    );
    assert!(csv.contains(",/regler/losenord/\r\n"), "{csv}");
    let record = read(&out, "gallande/alla-versioner.csv");
    let losen: Vec<Vec<String>> = csv_rows(&record)
        .into_iter()
        .filter(|r| r[0] == "T-R-05")
        .collect();
    let cells: Vec<(&str, &str, &str, &str)> = losen
        .iter()
        .map(|r| (r[3].as_str(), r[4].as_str(), r[5].as_str(), r[6].as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            (
                "1.0",
                "2022-11-16",
                "2024-04-21",
                "/regler/losenord/#history-heading"
            ),
            ("2.0", "2024-04-22", "2025-10-19", "/regler/losenord/v2.0/"),
            ("2.1", "2025-10-20", "", "/regler/losenord/"),
        ],
        "history, git and the current version, each linking its exact page"
    );
    let page = read(&out, "gallande/index.html");
    assert!(
        page.contains("<span class=\"date\">2025-10-19</span> (upphävd 2025-10-20)</td>"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"date\">2026-01-31</span> (utgången)</td>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"/regler/losenord/v2.0/\">2.0<span class=\"visually-hidden\"> – T-R-05</span></a>"));
    assert!(page.contains("download=\"gallande-2026-03-01.csv\""));
}

#[test]
fn before_the_record_begins_the_page_says_the_information_is_missing() {
    let (_tmp, root) = repo();
    let out = build_on(&root, "2021-01-01");
    assert!(set_of(&read(&out, "gallande/gallande.csv")).is_empty());
    let page = read(&out, "gallande/index.html");
    assert!(page.contains("<p id=\"in-force-incomplete\" class=\"notice in-force-incomplete\">Uppgifter före 2021-05-10 saknas, så svaret kan vara ofullständigt.</p>"), "{page}");
    assert!(!page.contains(">Inget dokument gällde det datumet.<"));
    assert!(
        page.contains("tabindex=\"0\" hidden>"),
        "an empty set shows no empty table"
    );
    // The USB rule's oldest known version is 1.2: what applied before is unknown.
    let unknown = &page[page.find("id=\"in-force-unknown\"").unwrap()..];
    let unknown = &unknown[..unknown.find("</div>").unwrap()];
    assert!(
        unknown.contains(">T-R-00 Regel för USB-minnen</a>"),
        "{unknown}"
    );
    assert!(
        !unknown.contains("T-P-01"),
        "the policy's record starts at 1.0"
    );
    assert!(page.contains("(äldre versioner saknas)"));
}

/// The record `js/in-force.js` reads from the page.
fn embedded(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/json\" id=\"in-force-data\">";
    let start = page.find(open).expect("embedded record") + open.len();
    let json = &page[start..start + page[start..].find("</script>").unwrap()];
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_page_embeds_the_record_with_the_csv_lines_the_files_have() {
    let (_tmp, root) = repo();
    let out = build_on(&root, "2026-03-01");
    let data = embedded(&read(&out, "gallande/index.html"));
    assert_eq!(data["today"], "2026-03-01");
    assert_eq!(data["complete_from"], "2021-05-10");
    let record = read(&out, "gallande/alla-versioner.csv");
    let mut lines = String::new();
    lines.push_str(data["csv_header"].as_str().unwrap());
    for doc in data["docs"].as_array().unwrap() {
        for v in doc["versions"].as_array().unwrap() {
            lines.push_str(v["csv"].as_str().unwrap());
        }
    }
    assert_eq!(
        lines, record,
        "the script's download is made of the build's lines"
    );
    let usb = data["docs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "T-R-00")
        .unwrap();
    assert_eq!(usb["complete"], false);
    assert_eq!(usb["versions"][0]["end"], "on");
    assert_eq!(usb["versions"][0]["to"], "2025-10-20");
}

/// The board row (`<tr data-kind=…` to `</tr>`) of the document `id`.
fn board_row<'a>(html: &'a str, id: &str) -> &'a str {
    html.split("<tr data-kind=")
        .skip(1)
        .map(|row| &row[..row.find("</tr>").unwrap()])
        .find(|row| row.contains(&format!(">{id}<")))
        .unwrap_or_else(|| panic!("no board row for {id}"))
}

#[test]
fn the_status_board_lists_expiry_and_retirement() {
    let (_tmp, root) = repo();
    let out = build_on(&root, "2026-03-01");
    let html = read(&out, "dokumentstatus/index.html");
    let moln = board_row(&html, "T-R-07");
    assert!(moln.contains("data-status=\"expired\""), "{moln}");
    assert!(
        moln.contains("<span class=\"status status--expired\">Utgången</span>"),
        "{moln}"
    );
    assert!(
        moln.contains("Utgången</strong> giltig till och med 2026-01-31"),
        "{moln}"
    );
    assert!(
        moln.contains("data-review=\"none\""),
        "an expired document has no review due"
    );
    assert!(board_row(&html, "T-R-00").contains("Upphävd från och med 2025-10-20"));
    assert!(html.contains("<strong>1</strong> har passerat sin giltighetstid"));
    assert!(html.contains("<option value=\"expired\">Utgången</option>"));
    let csv = read(&out, "dokumentstatus/dokumentstatus.csv");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(
        header[12..],
        ["Giltig till och med", "Upphävd från och med"]
    );
    let cells = |id: &str| -> Vec<String> {
        let line = csv
            .lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap();
        line.split(',').map(str::to_string).collect()
    };
    assert_eq!(cells("T-R-07")[4], "Utgången");
    assert_eq!(cells("T-R-07")[12], "2026-01-31");
    assert_eq!(cells("T-R-00")[13], "2025-10-20");
    // On its last day the document is still in force.
    let html = read(&build_on(&root, "2026-01-31"), "dokumentstatus/index.html");
    assert!(board_row(&html, "T-R-07").contains("data-status=\"active\""));
}

#[test]
fn document_pages_show_expiry_and_the_retirement_day_with_the_replacement() {
    let (_tmp, root) = repo();
    let out = build_on(&root, "2026-03-01");
    let moln = read(&out, "regler/molntjanster/index.html");
    assert!(moln.contains("<div class=\"banner banner--expired\" role=\"note\">"));
    assert!(moln.contains("Giltighetstiden gick ut 2026-01-31."));
    assert!(moln.contains("<dd><span class=\"status status--expired\">Utgången</span></dd>"));
    assert!(!moln.contains("status--active"), "not shown as in force");
    let usb = read(&out, "regler/usb-minnen/index.html");
    assert!(usb.contains("<p class=\"banner__since\">Upphävd från och med 2025-10-20.</p>"));
    assert!(usb.contains(
        "Ersatt av: <a href=\"/regler/tillgangar/\">Regel för hantering av tillgångar</a>"
    ));
}

/// `check` as on `day`: `path:line:col: severity code: message` of each problem.
fn check_on(root: &Path, day: &str) -> Vec<String> {
    styrdok::check(root, false, Some(day.parse().unwrap()), None)
        .iter()
        .map(|d| {
            format!(
                "{}: {:?} {}: {}",
                d.location(),
                d.severity,
                d.code(),
                d.message
            )
        })
        .collect()
}

#[test]
fn check_warns_about_expiry_and_notes_what_is_near_or_missing() {
    let (_tmp, root) = repo();
    assert_eq!(
        check_on(&root, "2026-03-01"),
        ["content/regler/molntjanster.md:9:14: Warning SD0806: the document expired: its last day in force (`valid_until`) was 2026-01-31; it is shown as expired"]
    );
    assert_eq!(
        check_on(&root, "2026-01-10"),
        ["content/regler/molntjanster.md:9:14: Note SD0807: the document expires after 2026-01-31 (`valid_until`), in 21 days"]
    );
    // A retired document that does not say since when.
    edit(&root.join(USB), "retired_on: 2025-10-20\n", "");
    assert!(check_on(&root, "2025-12-01").contains(&"content/regler/usb-minnen.md:9:9: Note SD0808: the retired document does not say since when (`retired_on`)".to_string()));
    let o = run_at(&root, &["check", "--strict"]);
    assert_eq!(
        o.code(),
        Some(1),
        "the expired rule fails --strict: {}",
        o.stderr()
    );
}

#[test]
fn bad_validity_dates_are_errors_at_their_line() {
    let (_tmp, root) = repo();
    edit(
        &root.join(POLICY),
        "review_by: 2028-12-31\n",
        "review_by: 2028-12-31\nretired_on: 2026-01-01\n",
    );
    edit(
        &root.join(MOLN),
        "valid_until: 2026-01-31",
        "valid_until: 2025-01-31",
    );
    edit(
        &root.join(LOSEN),
        "review_by: 2028-12-31\n",
        "review_by: 2028-12-31\nvalid_until: 2026-02-30\n",
    );
    edit(&root.join(LOSEN), "date: 2022-11-16", "date: 2022-13-16");
    let o = run_at(&root, &["check"]);
    assert_eq!(o.code(), Some(1));
    let err = o.stderr();
    for (line, code) in [
        ("content/policy.md:11:13: error: `retired_on` is set but the status is active, not retired", "SD0214"),
        ("content/regler/molntjanster.md:9:14: error: `valid_until` 2025-01-31 is before `approved_on` 2025-02-01", "SD0215"),
        ("content/regler/losenord.md:10:14: error: `valid_until` is `2026-02-30`, not a date", "SD0206"),
        ("content/regler/losenord.md:16:11: error: `history` entry 1: `date` is `2022-13-16`, not a date", "SD0206"),
    ] {
        let at = err.find(line).unwrap_or_else(|| panic!("{line}\n{err}"));
        let code_line = err[at..].lines().find(|l| l.contains("= code:")).unwrap();
        assert!(code_line.ends_with(code), "{line}: {code_line}");
    }
}

/// An older version's own `valid_until` ends it before the next version
/// starts: the password rule 2.0, committed with `valid_until: 2025-06-30`,
/// is out of force from 2025-07-01 although 2.1 only takes effect on
/// 2025-10-20 — in the record, on a day in the gap, on its version page
/// and in its PDF.
#[test]
fn an_older_versions_own_valid_until_ends_it_before_the_next_version() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixtures().join("in_force/record"), &root);
    let losen = root.join(LOSEN);
    edit(
        &losen,
        "review_by: 2028-12-31\n",
        "review_by: 2025-06-01\nvalid_until: 2025-06-30\n",
    );
    git_on(&root, &["init", "-q", "-b", "main"], "2025-01-15");
    commit_all(&root, "2025-01-15", "Password rule 2.0, valid until June");
    edit(&losen, "version: \"2.0\"", "version: \"2.1\"");
    edit(&losen, "approved_on: 2024-04-22", "approved_on: 2025-10-20");
    edit(
        &losen,
        "review_by: 2025-06-01\nvalid_until: 2025-06-30\n",
        "review_by: 2028-12-31\n",
    );
    commit_all(&root, "2025-10-20", "Password rule 2.1");

    let out = build_on(&root, "2025-08-01");
    let set = set_of(&read(&out, "gallande/gallande.csv"));
    assert!(
        set.iter().all(|r| r.0 != "T-R-05"),
        "the rule was in force on a day after 2.0's valid_until: {set:?}"
    );
    let record = read(&out, "gallande/alla-versioner.csv");
    let losen: Vec<(String, String, String)> = csv_rows(&record)
        .into_iter()
        .filter(|r| r[0] == "T-R-05")
        .map(|r| (r[3].clone(), r[4].clone(), r[5].clone()))
        .collect();
    assert_eq!(
        losen,
        [
            ("1.0".into(), "2022-11-16".into(), "2024-04-21".into()),
            ("2.0".into(), "2024-04-22".into(), "2025-06-30".into()),
            ("2.1".into(), "2025-10-20".into(), String::new()),
        ],
        "2.0 ends at its own valid_until, not the day before 2.1"
    );
    let page = read(&out, "regler/losenord/v2.0/index.html");
    assert!(
        page.contains("gällde från 2024-04-22 till 2025-07-01"),
        "the version page gives 2.0's own end"
    );
    let pdf = out.join("regler/losenord/v2.0/T-R-05-v2.0.pdf");
    if let Some(text) = crate::harness::pdf::text(&pdf) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("gällde från 2024-04-22 till 2025-07-01; gällande version är 2.1."),
            "{text}"
        );
    }
}
