//! Integration tests for the employee's site (issue #21) on the fixture
//! site tests/fixtures/theme/base/: the contact block on every page and on
//! the incident rule, the document lead (owner contact, in-force date,
//! retired banner with its replacement), numbered requirements, retired
//! documents last in lists, theme_options (logo, colours as css/theme.css,
//! contrast checked at build time), the printed validity note, and the
//! bundled site's content naming the current agency.

use crate::harness::{TestSite, BIN};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// The fixture site, copied into a temp dir.
fn site() -> TestSite {
    TestSite::new().fixture("theme/base")
}

/// `styrdok ARGS --root ROOT` on the fixture's date.
fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .args(["--root", root.to_str().unwrap()])
        .env("STYRDOK_TODAY", "2026-03-15")
        .env("STYRDOK_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn built(root: &Path) -> std::path::PathBuf {
    let o = run(root, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    root.join("public")
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Replaces `from` (which must occur) by `to` in `root/rel`.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} lacks {from}");
    fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn every_page_offers_the_contact_block() {
    let s = site();
    let out = built(s.root());
    for page in [
        "index.html",
        "policy/index.html",
        "regler/index.html",
        "404.html",
        "roller/index.html",
    ] {
        let html = read(&out, page);
        assert!(
            html.contains("<a href=\"#rapportera\">"),
            "{page}: no incident link"
        );
        assert!(html.contains("Rapportera en incident"), "{page}");
        assert!(
            html.contains("id=\"rapportera\""),
            "{page}: no contact block"
        );
        assert!(
            html.contains("href=\"tel:0812345600\">08-123 456 00</a>"),
            "{page}"
        );
        assert!(html.contains("href=\"mailto:it@testkommun.se\""), "{page}");
        assert!(
            html.contains("href=\"https://intranat.testkommun.se/incident\""),
            "{page}"
        );
        assert!(
            html.contains("href=\"tel:+46812345000\""),
            "{page}: switchboard"
        );
        assert!(html.contains("Vardagar 8–17"), "{page}: hours");
        assert!(
            html.contains("Socialförvaltningen</strong>, Socialjouren"),
            "{page}: unit contact"
        );
        assert!(
            html.contains("href=\"/regler/incident/\">Så rapporterar du"),
            "{page}: rule link"
        );
    }
    // The start page and the incident rule show it in the page itself too.
    assert!(read(&out, "index.html").contains("id=\"rapportera-start\""));
    let rule = read(&out, "regler/incident/index.html");
    assert!(rule.contains("id=\"rapportera-nu\""));
    assert!(
        !rule.contains("href=\"/regler/incident/\">Så rapporterar du"),
        "no link to itself"
    );
}

#[test]
fn without_a_contact_block_there_is_no_incident_link() {
    let s = site();
    let yaml = fs::read_to_string(s.root().join("site.yaml")).unwrap();
    let start = yaml.find("contact:").unwrap();
    let end = yaml.find("theme_options:").unwrap();
    fs::write(
        s.root().join("site.yaml"),
        format!("{}{}", &yaml[..start], &yaml[end..]),
    )
    .unwrap();
    let out = built(s.root());
    let home = read(&out, "index.html");
    assert!(!home.contains("#rapportera"));
    assert!(!home.contains("contact-card"));
}

#[test]
fn an_unknown_incident_rule_is_an_error_at_its_line() {
    let s = site();
    edit(
        s.root(),
        "site.yaml",
        "incident_rule: R-1",
        "incident_rule: R-9",
    );
    let o = run(s.root(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("site.yaml:17:18: error: `contact.incident_rule` names `R-9`, which is not a governing document"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_document_page_leads_with_what_a_reader_needs() {
    let s = site();
    let out = built(s.root());
    let rule = read(&out, "regler/incident/index.html");
    let lead = &rule[rule.find("class=\"doc-lead\"").unwrap()..];
    let lead = &lead[..lead.find("</header>").expect("lead")];
    for needed in [
        "Regel för incidenter</h1>",
        "status status--active\">Gällande",
        "<dt>Gäller för</dt><dd>Socialförvaltningen</dd>",
        "<dt>Börjar gälla</dt><dd>2026-04-01</dd>",
        "Informationssäkerhetsansvarig<br><a href=\"mailto:informationssakerhet@testkommun.se\">",
    ] {
        assert!(lead.contains(needed), "{needed} not in the lead: {lead}");
    }
    // The full facts are folded away, with the citation form.
    assert!(rule.contains("<details class=\"meta\">"));
    assert!(rule.contains("<span class=\"cite\">R-1, version 2.0</span>"));
    // The printed note gives the absolute address (base_url is absolute).
    assert!(rule.contains(
        "inaktuell. Gällande version finns på intranätet: https://lis.example.se/regler/incident/"
    ));
    assert!(rule.contains("<button type=\"button\" class=\"button button--secondary\" data-print>"));
    assert!(
        rule.contains("<link rel=\"canonical\" href=\"https://lis.example.se/regler/incident/\">")
    );
}

#[test]
fn a_relative_base_url_is_named_honestly_in_print() {
    let s = site();
    edit(
        s.root(),
        "site.yaml",
        "base_url: https://lis.example.se/",
        "base_url: /",
    );
    let out = built(s.root());
    let rule = read(&out, "regler/incident/index.html");
    assert!(rule.contains("Webbplatsens fullständiga adress är inte inställd, så här står bara sidans sökväg: /regler/incident/"), "{rule}");
    // A canonical link must be absolute: with only a path there is none.
    assert!(!rule.contains("rel=\"canonical\""), "{rule}");
}

#[test]
fn headings_and_requirements_are_citable() {
    let s = site();
    let out = built(s.root());
    let rule = read(&out, "regler/incident/index.html");
    assert!(rule.contains("<div class=\"heading\"><h2 id=\"syfte\">Syfte</h2><a class=\"anchor\" href=\"#syfte\" aria-label=\"Länk till avsnittet: Syfte\"></a></div>"));
    // "Rapportera direkt." has no ska: a step, not a requirement.
    assert!(rule.contains("<li><strong>Rapportera direkt.</strong>"));
    assert!(rule.contains("<li id=\"krav-2-2\" class=\"requirement\"><a class=\"anchor requirement__number\" href=\"#krav-2-2\" aria-label=\"Länk till kravet §2.2\">§2.2</a> <strong>Du ska rapportera"));
    assert!(rule.contains("id=\"krav-2-3\""));
}

#[test]
fn a_retired_document_names_its_replacement_and_comes_last() {
    let s = site();
    let out = built(s.root());
    let old = read(&out, "regler/gammal/index.html");
    let banner = &old[old.find("banner--retired").unwrap()..];
    let banner = &banner[..banner.find("</div>\n</div>").unwrap()];
    assert!(
        banner.contains("Ersatt av: <a href=\"/regler/incident/\">Regel för incidenter</a>"),
        "{banner}"
    );
    let list = read(&out, "regler/index.html");
    let current = list.find("href=\"/regler/incident/\"").unwrap();
    let retired = list.find("href=\"/regler/gammal/\"").unwrap();
    assert!(current < retired, "the retired rule is listed first");
}

#[test]
fn theme_options_give_a_logo_and_colours() {
    let s = site();
    let out = built(s.root());
    let home = read(&out, "index.html");
    assert!(home
        .contains("<img class=\"site-title__logo\" src=\"/logo.svg\" alt=\"Testkommuns logotyp\""));
    assert!(home.contains("<link rel=\"stylesheet\" href=\"/css/theme.css\">"));
    assert_eq!(
        read(&out, "logo.svg"),
        fs::read_to_string(s.root().join("static/logo.svg")).unwrap()
    );
    let css = read(&out, "css/theme.css");
    assert!(css.contains("--header-bg: #00508c;"), "{css}");
    assert!(css.contains("--link: #0b5394;"), "{css}");
    assert!(!home.contains(" style="), "no inline style");
}

#[test]
fn colours_without_enough_contrast_are_errors_at_their_line() {
    let s = site();
    edit(
        s.root(),
        "site.yaml",
        "primary_colour: \"#00508c\"",
        "primary_colour: \"#7fb2e5\"",
    );
    edit(
        s.root(),
        "site.yaml",
        "link_colour: \"#0b5394\"",
        "link_colour: blå",
    );
    let o = run(s.root(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("site.yaml:23:20: error: `theme_options.primary_colour` `#7fb2e5` has a contrast of 2.2"), "{err}");
    assert!(
        err.contains("against white text; WCAG 2.1 AA needs 4.5:1"),
        "{err}"
    );
    assert!(
        err.contains("site.yaml:24:16: error: `theme_options.link_colour` is `blå`, not a colour"),
        "{err}"
    );
    assert!(!s.root().join("public").exists(), "nothing is written");
}

#[test]
fn a_missing_logo_is_an_error_at_its_line() {
    let s = site();
    fs::remove_file(s.root().join("static/logo.svg")).unwrap();
    let o = run(s.root(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("site.yaml:21:9: error: logo `static/logo.svg` does not exist"),
        "{}",
        stderr(&o)
    );
}

/// Issue #21, point 8: since 1 January 2026 MSB is Myndigheten för civilt
/// försvar. Where the bundled content tells a reader where to turn, it
/// names the current agency; "MSB" stays only in historical facts and in
/// the method's published name.
#[test]
fn bundled_content_names_the_current_agency() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let allowed = [
        "tidigare MSB",
        "MSB:s metodstöd",
        "medel från MSB",
        "hette MSB",
        "MSB heter",
        "beredskap (MSB)",
    ];
    let mut stale = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .chain(walkdir::WalkDir::new(root.join("quizzes")))
    {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let mut rest = line.to_string();
            for a in allowed {
                rest = rest.replace(a, "");
            }
            if rest.contains("MSB") {
                stale.push(format!("{}:{}: {line}", entry.path().display(), n + 1));
            }
        }
    }
    assert!(stale.is_empty(), "{stale:#?}");
}

#[test]
fn controls_have_swedish_titles_and_keep_the_english_ones() {
    let s = site();
    let out = built(s.root());
    let rule = read(&out, "regler/incident/index.html");
    assert!(rule.contains("<span class=\"control-title\">Planering och förberedelser för incidenthantering</span> <span class=\"control-title-en\" lang=\"en\">Information security incident management planning and preparation</span>"), "{rule}");
    let iso = read(&out, "iso27001/index.html");
    assert!(iso.contains("<td>Rapportering av säkerhetshändelser <span class=\"control-title-en\" lang=\"en\">Information security event reporting</span>"));
}
