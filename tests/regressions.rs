//! Regression tests for what the trust suites and fuzzing found (issue #9),
//! each named after what it found. Fuzzing (fuzz/run.sh) has found no
//! panic or hang so far; its crash inputs would be added here too.

use styrdok::diagnostics::{format, Format};
use styrdok::markdown;
use styrdok::BuildOptions;

fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![("site.yaml", "title: T\norganisation: O\nbase_url: /\n")];
    all.extend_from_slice(files);
    for (rel, text) in all {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn build_errors(dir: &tempfile::TempDir) -> String {
    let mut o = BuildOptions::new(dir.path());
    o.today = Some(chrono_date());
    match styrdok::build(&o) {
        Ok(_) => String::new(),
        Err(d) => format(&d, Format::Text),
    }
}

fn chrono_date() -> styrdok::model::Date {
    styrdok::model::Date::from_ymd_opt(2026, 11, 29).unwrap()
}

/// Limits suite: 100,000 nested `<div>`s kept the HTML sanitiser busy for
/// minutes (its work grows with the square of the depth).
#[test]
fn deeply_nested_raw_html_hung_the_sanitiser() {
    let body = "<div>".repeat(100_000);
    let s = markdown::scan(&body);
    assert!(s.has_html && s.max_depth > 100_000);
    let started = std::time::Instant::now();
    let dir = site(&[("content/a.md", &format!("---\ntitle: A\n---\n{body}"))]);
    let errors = build_errors(&dir);
    assert!(errors.contains("nested 100001 levels deep"), "{errors}");
    assert!(started.elapsed().as_secs() < 30);
}

/// Hostile suite: a link target with a newline or an escape sequence split
/// the error line and could drive the terminal of whoever ran the build.
#[test]
fn control_characters_in_a_link_split_the_error_line() {
    let dir = site(&[(
        "content/a.md",
        "---\ntitle: A\n---\n[x](<jav&#x0A;ascript:alert(1)>) [y](<java\u{1b}[2Jscript:x>)\n",
    )]);
    let errors = build_errors(&dir);
    assert!(!errors.contains('\u{1b}'), "{errors:?}");
    for line in errors.lines().filter(|l| l.contains(": error: ")) {
        assert!(
            line.ends_with("which is not allowed") || line.contains("does not exist"),
            "{line}"
        );
    }
}

/// Hostile suite: `![x](https://host/p.png)` and `<img src=//host/p.png>`
/// made every reader's browser contact another host.
#[test]
fn images_from_other_hosts_made_outbound_requests() {
    let dir = site(&[(
        "content/a.md",
        "---\ntitle: A\n---\n![x](https://evil.example/p.png)\n",
    )]);
    assert!(build_errors(&dir)
        .contains("the image `https://evil.example/p.png` is not a file of the site"));
    let body = "<img src=\"//evil.example/p.png\" alt=\"x\"> <img src=\"/\\evil.example/p.png\" alt=\"y\">\n";
    let html = markdown::render(body, &markdown::scan(body), &[]);
    assert!(!html.contains("evil"), "{html}");
}

/// Limits suite: an error in a 20 MB one-line file printed the whole line.
#[test]
fn an_error_in_a_huge_line_printed_all_of_it() {
    let body = format!("{} [x](saknas.md)\n", "ord ".repeat(100_000));
    let dir = site(&[("content/a.md", &format!("---\ntitle: A\n---\n{body}"))]);
    let errors = build_errors(&dir);
    assert!(errors.contains("saknas.md"), "{errors}");
    assert!(errors.len() < 2000, "{} bytes of errors", errors.len());
}
