//! The report as one standalone HTML page (`report --format html`): the
//! tables of the Markdown, each chart as inline SVG ([`super::svg`]) with
//! its data table under it, and a small stylesheet of its own so the file
//! can be opened, mailed or printed as it is.

use super::svg::{bar_chart, Bar, Chart, Group};
use super::tables::{intro, notes, percent, score, unit_name, Section};
use super::Report;
use crate::ui::{escape_html, Labels};

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;margin:0;background:#fff}\
main{max-width:72rem;margin:0 auto;padding:1rem}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2.5rem;border-top:1px solid #d0d7de;padding-top:1rem}\
.table-wrap{overflow-x:auto;margin:0 0 1rem}.table-wrap:focus{outline:3px solid #00466e;outline-offset:2px}\
table{border-collapse:collapse;font-size:.9rem;min-width:20rem}\
th,td{border-bottom:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}\
thead th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
figure{margin:1rem 0;max-width:44rem}figcaption{font-weight:600;margin-bottom:.5rem}\
.chart{display:block;overflow:visible}.lead{max-width:44rem}\
@media print{h2{break-before:auto}.table-wrap{overflow:visible}}";

/// One bar of series `s`, its text led by the series' label.
fn bar(t: &Labels, s: usize, label: &str, value: Option<f64>, text: String) -> Bar {
    Bar {
        series: s,
        value,
        text: format!("{} {text}", t.get(label)),
    }
}

/// Pre-test, post-test and retention score per module.
fn learning_groups(report: &Report, t: &Labels) -> Vec<Group> {
    report
        .modules
        .iter()
        .filter(|m| m.measure.paired + m.measure.retained > 0)
        .map(|m| {
            let (pre, post, kept) = (
                m.measure.pre_mean(),
                m.measure.post_mean(),
                m.measure.retention_mean(),
            );
            Group {
                label: format!("{} {}", m.id, m.title),
                bars: vec![
                    bar(t, 0, "rp_series_pre", pre, score(pre)),
                    bar(t, 1, "rp_series_post", post, score(post)),
                    bar(t, 2, "rp_series_retention", kept, score(kept)),
                ],
            }
        })
        .collect()
}

/// The five most often missed questions of each module.
fn question_groups(report: &Report, t: &Labels) -> Vec<Group> {
    report
        .modules
        .iter()
        .flat_map(|m| {
            m.questions
                .iter()
                .filter(|q| q.post_answered > 0)
                .take(5)
                .map(move |q| (m, q))
        })
        .map(|(m, q)| {
            let name = if q.prompt.is_empty() {
                &q.id
            } else {
                &q.prompt
            };
            let missed = q.missed_rate();
            Group {
                label: format!("{} · {name}", m.id),
                bars: vec![bar(t, 3, "rp_series_missed", missed, percent(missed))],
            }
        })
        .collect()
}

/// Coverage of each assigned module and path.
fn coverage_groups(report: &Report, t: &Labels) -> Vec<Group> {
    report
        .coverage
        .iter()
        .flat_map(|c| &c.items)
        .map(|i| {
            let rate = i.total.rate();
            Group {
                label: format!("{} {}", i.id, i.title),
                bars: vec![bar(t, 1, "rp_series_done", rate, percent(rate))],
            }
        })
        .collect()
}

/// Coverage of each path per unit, a bar per path.
fn unit_coverage_groups(report: &Report, t: &Labels) -> Vec<Group> {
    let Some(cov) = report.coverage.as_ref() else {
        return Vec::new();
    };
    let paths: Vec<_> = cov.items.iter().filter(|i| i.path).collect();
    report
        .in_unit_order(paths.iter().flat_map(|p| p.by_unit.keys()))
        .into_iter()
        .map(|u| Group {
            label: unit_name(report, t, u),
            bars: paths
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let rate = p.by_unit.get(u).and_then(|c| c.rate());
                    Bar {
                        series: k,
                        value: rate,
                        text: format!("{} {}", p.id, percent(rate)),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The chart drawn above a section's table, when it has one.
fn chart_for(key: &str, report: &Report, t: &Labels) -> Option<Chart> {
    let groups = match key {
        "rp_learning" => learning_groups(report, t),
        "rp_questions" => question_groups(report, t),
        "rp_coverage_heading" => coverage_groups(report, t),
        "rp_coverage_units" => unit_coverage_groups(report, t),
        _ => return None,
    };
    (!groups.is_empty()).then(|| Chart {
        id: format!("chart-{key}"),
        title: t.get(&format!("{key}_chart")),
        desc: t.get(&format!("{key}_chart_desc")),
        groups,
    })
}

/// A table in a keyboard-scrollable region named by the heading `label`.
pub(crate) fn table_html(
    out: &mut String,
    label: &str,
    header: &[String],
    numeric: &[bool],
    rows: &[Vec<String>],
) {
    out.push_str(&format!(
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{label}\" tabindex=\"0\">\n<table aria-labelledby=\"{label}\">\n<thead><tr>"
    ));
    for h in header {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let (tag, end) = if i == 0 {
                ("th scope=\"row\"", "th")
            } else if numeric.get(i) == Some(&true) {
                ("td class=\"num\"", "td")
            } else {
                ("td", "td")
            };
            out.push_str(&format!("<{tag}>{}</{end}>", escape_html(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

pub(super) fn html(report: &Report, t: &Labels, sections: &[Section]) -> String {
    let title = format!("{} – {}", t.get("report_title"), report.site_title);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p>{}</p>\n<p>{}</p>\n",
        escape_html(&t.get("report_lang")),
        escape_html(&title),
        escape_html(&title),
        escape_html(&intro(report, t)),
        escape_html(&t.get("report_flag_note")),
    );
    for (n, s) in sections.iter().enumerate() {
        let label = format!("s{n}");
        out.push_str(&format!(
            "<h2 id=\"{label}\">{}</h2>\n",
            escape_html(&s.heading)
        ));
        if let Some(lead) = &s.lead {
            out.push_str(&format!("<p class=\"lead\">{}</p>\n", escape_html(lead)));
        }
        if s.table.rows.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", escape_html(&t.get("report_none"))));
            continue;
        }
        if let Some(chart) = chart_for(s.key, report, t) {
            out.push_str(&format!(
                "<figure>\n<figcaption aria-hidden=\"true\">{}</figcaption>\n{}</figure>\n",
                escape_html(&chart.title),
                bar_chart(&chart)
            ));
        }
        table_html(
            &mut out,
            &label,
            &s.table.header,
            &s.table.numeric,
            &s.table.rows,
        );
    }
    for n in notes(report, t) {
        out.push_str(&format!("<p>{}</p>\n", escape_html(&n)));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
