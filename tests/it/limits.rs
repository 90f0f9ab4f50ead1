//! Limits (issue #9): a 20 MB Markdown file, 10,000-deep nested lists and
//! block quotes, a 100,000-row table and a 1 MB front matter each give a
//! correct build or a clear error naming the file — within generous
//! bounds of time and memory, never a hang or a stack overflow. The
//! limits themselves are in src/limits.rs and docs/content.md.

use crate::harness::{Run, TestSite};
use std::time::Duration;

/// Generous: a debug build on a shared, busy machine.
const TIME: Duration = Duration::from_secs(180);
const MEMORY_KB: u64 = 2 * 1024 * 1024;

/// Builds a site whose only page is `content/stor.md` = front matter + body.
fn build_one(front_matter: &str, body: &str) -> (TestSite, Run) {
    let doc = format!("---\ntitle: Stor\n{front_matter}---\n{body}");
    let site = TestSite::new().site_yaml().file("content/stor.md", doc);
    let run = site.run_limited(&["build"], TIME);
    eprintln!(
        "{} bytes: exit {:?} in {:?}, peak {} MB",
        front_matter.len() + body.len(),
        run.code,
        run.elapsed,
        run.peak_kb / 1024
    );
    assert!(run.peak_kb < MEMORY_KB, "peak memory {} kB", run.peak_kb);
    (site, run)
}

fn assert_built(site: &TestSite, run: &Run, last: &str) {
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let page = site.out_file("stor/index.html");
    assert!(page.contains(last), "the page lacks its end: {last}");
}

fn assert_clear_error(run: &Run, message: &str) {
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let first = run.stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with("content/stor.md:") && first.contains(message),
        "{first}"
    );
    assert!(run.stderr.len() < 4096, "an error must not print the file");
}

#[test]
fn a_20_mb_markdown_file_builds() {
    let section = "## Avsnitt {n}\n\nInformationssäkerhet handlar om att skydda information. **Viktigt:** se [avsnitt 1](#avsnitt-1).\n\n- punkt ett\n- punkt två\n\n";
    let mut body = String::with_capacity(21 << 20);
    let mut n = 0;
    while body.len() < 20 << 20 {
        body.push_str(&section.replace("{n}", &n.to_string()));
        n += 1;
    }
    let (site, run) = build_one("", &body);
    assert_built(&site, &run, &format!("id=\"avsnitt-{}\"", n - 1));
}

#[test]
fn a_file_over_32_mb_is_refused_before_it_is_read() {
    let body = "x".repeat(33 << 20);
    let (_site, run) = build_one("", &body);
    assert_clear_error(
        &run,
        "the file is 33.0 MB; styrdok reads text files of up to 32.0 MB",
    );
}

#[test]
fn ten_thousand_deep_lists_and_quotes_build() {
    for (name, prefix) in [("list", "- "), ("quote", "> "), ("ordered", "1. ")] {
        let body = format!("{}djupast\n", prefix.repeat(10_000));
        let (site, run) = build_one("", &body);
        assert_built(&site, &run, "djupast");
        eprintln!("{name}: ok");
    }
    let lines: String = (0..10_000)
        .map(|i| format!("{}> rad {i}\n", "> ".repeat(i % 50)))
        .collect();
    let (site, run) = build_one("", &lines);
    assert_built(&site, &run, "rad 9999");
}

#[test]
fn deep_raw_html_is_a_clear_error() {
    let body = format!("{}x\n", "<div>".repeat(10_000));
    let (_site, run) = build_one("", &body);
    assert_clear_error(
        &run,
        "nested 10001 levels deep; the limit with raw HTML is 512",
    );
    let body = format!("{}\n\n<b>x</b>\n", "> ".repeat(10_000));
    let (_site, run) = build_one("", &body);
    assert_clear_error(&run, "the limit with raw HTML is 512");
}

#[test]
fn a_100_000_row_table_builds() {
    let mut body = String::from("| nr | namn | värde |\n|---:|:---|:---:|\n");
    for i in 0..100_000 {
        body.push_str(&format!("| {i} | rad {i} | v{i} |\n"));
    }
    let (site, run) = build_one("", &body);
    assert_built(&site, &run, "rad 99999");
}

#[test]
fn a_1_mb_front_matter_is_a_clear_error() {
    let summary = format!("summary: \"{}\"\n", "å".repeat(512 * 1024));
    let (_site, run) = build_one(&summary, "Text\n");
    assert_clear_error(&run, "the front matter is 1.0 MB; the limit is 256 kB");
    // Just under the limit is fine.
    let summary = format!("summary: \"{}\"\n", "a".repeat(200 * 1024));
    let (site, run) = build_one(&summary, "Text\n");
    assert_built(&site, &run, "aaaa");
}

#[test]
fn yaml_bombs_and_deep_yaml_are_errors() {
    let laughs = "extra:\n  a: &a [x,x,x,x,x,x,x,x,x]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n";
    let (_site, run) = build_one(laughs, "Text\n");
    assert_clear_error(&run, "limit exceeded");
    let deep = format!("extra: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let (_site, run) = build_one(&deep, "Text\n");
    assert_clear_error(&run, "limit exceeded");
}
