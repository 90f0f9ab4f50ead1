//! The aggregate follow-up page (issue #18): `build --completions FILE
//! [--roster FILE]` writes `uppfoljning/` with coverage, gain and
//! retention per unit and module; small groups say "färre än 5" and their
//! complements are hidden; the minimum is configurable; bad input fails
//! the build and keeps the last output. Data: tests/it/report_data.rs's
//! generated roster and results, plus a unit of three people.

use crate::harness::{Rng, TestSite};
use crate::report_data::{attempts, completions_csv, roster, roster_csv, TODAY};
use std::fs;

/// The data fixture with 2,003 people, three of them in `liten`.
fn site() -> TestSite {
    let mut rng = Rng(0x5eed_1812);
    let people = roster(&mut rng);
    let tries = attempts(&mut rng, &people);
    let mut roster = roster_csv(&people);
    let mut results = completions_csv(&people, &tries, &mut rng);
    for i in 0..3 {
        roster.push_str(&format!(
            "2026-01-01,medarbetare,liten,liten{i}@kommun.example.se,Liten {i},,x\n"
        ));
        results.push_str(&format!("quiz,M-1,1.0,100,true,liten{i}@kommun.example.se,liten,2026-06-01T10:00:00Z,post,m1-a=1;m1-b=1\n"));
    }
    TestSite::new()
        .fixture("core/base")
        .fixture("report/data")
        .replace(
            "site.yaml",
            "  - { id: vof,",
            "  - { id: liten, name: Lilla förvaltningen }\n  - { id: vof,",
        )
        .file("resultat.csv", results)
        .file("personal.csv", roster)
}

fn build(s: &TestSite, extra: &[&str]) -> crate::harness::Outcome {
    s.cmd("build")
        .arg("--completions")
        .arg(s.path("resultat.csv"))
        .arg("--roster")
        .arg(s.path("personal.csv"))
        .args(extra)
        .env("STYRDOK_TODAY", TODAY)
        .run()
}

/// The cells of the table row whose head is `head`, as text.
fn row(page: &str, table: &str, head: &str) -> Vec<String> {
    let start = page
        .find(&format!("id=\"{table}\""))
        .unwrap_or_else(|| panic!("no {table}"));
    let t = &page[start..start + page[start..].find("</table>").unwrap()];
    let at = t
        .find(&format!("<th scope=\"row\">{head}</th>"))
        .unwrap_or_else(|| panic!("no row {head} in {table}"));
    let r = &t[at..at + t[at..].find("</tr>").unwrap()];
    r.split("<td")
        .skip(1)
        .map(|c| c[c.find('>').unwrap() + 1..c.find("</td>").unwrap()].to_string())
        .collect()
}

#[test]
fn the_page_shows_coverage_gain_and_retention_per_unit_and_hides_small_groups() {
    let s = site();
    let o = build(&s, &[]);
    assert!(o.succeeded(), "{}", o.stderr());
    let page = s.out_file("uppfoljning/index.html");
    assert!(
        page.contains("<h1>Uppföljning av utbildningen</h1>"),
        "{page}"
    );
    // Coverage of M-1: everyone must take it (2,003), three in `liten`.
    let all = row(&page, "fu-table-coverage", "Alla förvaltningar");
    assert!(all[0].ends_with(" % av 2003"), "{all:?}");
    let small = row(&page, "fu-table-coverage", "Lilla förvaltningen");
    assert!(small.iter().all(|c| c == "färre än 5"), "{small:?}");
    // Three hidden people could be worked out from the total: one more
    // unit is hidden in every column where `liten` is.
    assert!(page.contains("dold (skyddar en liten grupp)"), "{page}");
    // Gain and retention per unit; the unit of three is hidden there too.
    let m1 = row(&page, "fu-table-m-1", "Kommunlednings\u{ad}förvaltningen");
    assert_eq!(m1.len(), 8, "{m1:?}");
    assert!(m1[2].contains(" → "), "pre → post: {m1:?}");
    assert!(row(&page, "fu-table-m-1", "Lilla förvaltningen")
        .iter()
        .all(|c| c == "färre än 5"));
    // Charts are named images with a description, and no colour alone.
    assert!(
        page.contains("role=\"img\" aria-labelledby=\"fu-chart-m-1-t fu-chart-m-1-d\""),
        "{page}"
    );
    assert!(page.contains(">Före ") && page.contains(">Efter "));
    // The same build without results has no page.
    let o = s.cmd("build").env("STYRDOK_TODAY", TODAY).run();
    assert!(o.succeeded(), "{}", o.stderr());
    assert!(!s.out().join("uppfoljning").exists());
}

#[test]
fn the_minimum_group_size_is_configurable_and_at_least_two() {
    let s = site();
    s.edit(
        "site.yaml",
        "publish:",
        "training:\n  followup_min_group: 300\npublish:",
    );
    let o = build(&s, &[]);
    assert!(o.succeeded(), "{}", o.stderr());
    let page = s.out_file("uppfoljning/index.html");
    // Every unit has at most 250 people: all hidden, the total shown.
    let unit = row(&page, "fu-table-coverage", "Social\u{ad}förvaltningen");
    assert!(unit.iter().all(|c| c == "färre än 300"), "{unit:?}");
    assert!(row(&page, "fu-table-coverage", "Alla förvaltningar")[0].contains(" % av "));
    s.edit(
        "site.yaml",
        "followup_min_group: 300",
        "followup_min_group: 1",
    );
    let o = build(&s, &[]);
    assert_eq!(o.code(), Some(1));
    assert!(
        o.stderr().contains("site.yaml:")
            && o.stderr()
                .contains("training.followup_min_group is 1; it must be at least 2"),
        "{}",
        o.stderr()
    );
}

#[test]
fn bad_results_or_roster_fail_the_build_and_keep_the_last_output() {
    let s = site();
    assert!(build(&s, &[]).succeeded());
    let before = s.out_file("uppfoljning/index.html");
    s.write("personal.csv", "email,unit\na@x.se,klf\n");
    let o = build(&s, &[]);
    assert_eq!(o.code(), Some(1));
    assert!(
        o.stderr()
            .contains("personal.csv:1:1: error: the roster's header row lacks the column(s) role"),
        "{}",
        o.stderr()
    );
    s.write("personal.csv", "email,unit,role\n\"a@x.se,klf,chef\n");
    let o = build(&s, &[]);
    assert!(
        o.stderr()
            .contains("personal.csv:2:1: error: a quoted field is never closed"),
        "{}",
        o.stderr()
    );
    fs::remove_file(s.path("personal.csv")).unwrap();
    let o = build(&s, &[]);
    assert_eq!(o.code(), Some(1), "{}", o.stderr());
    assert!(o.stderr().contains("cannot read"), "{}", o.stderr());
    assert_eq!(
        s.out_file("uppfoljning/index.html"),
        before,
        "OUT is as it was"
    );
    // --roster needs --completions.
    let o = s.cmd("build").args(["--roster", "x.csv"]).run();
    assert_eq!(o.code(), Some(2));
}

/// A site with its own copy of the theme made before the follow-up page
/// existed (its `base.html`, no `uppfoljning.html`) still gets the page:
/// the template the copy lacks comes from the built-in theme, inside the
/// copy's own frame.
#[test]
fn a_theme_copy_without_the_follow_up_template_falls_back_to_the_built_in_one() {
    let base = std::fs::read_to_string(
        crate::harness::manifest_dir().join("themes/default/templates/base.html"),
    )
    .unwrap();
    let own = base.replacen("<body", "<body data-own-theme=\"ja\"", 1);
    assert_ne!(own, base, "base.html has a <body");
    let s = site().file("themes/default/templates/base.html", own);
    let o = build(&s, &[]);
    assert!(o.succeeded(), "{}", o.stderr());
    let page = s.out_file("uppfoljning/index.html");
    assert!(page.contains("data-own-theme=\"ja\""), "{page}");
    assert!(
        page.contains("<h1>Uppföljning av utbildningen</h1>"),
        "{page}"
    );
}
