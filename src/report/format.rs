//! Writes a [`Report`] as Markdown, CSV or a standalone HTML page, with the
//! UI strings of the site's language. Units, names, ids and versions come
//! from the collected export, so no CSV or Markdown cell may be one a
//! spreadsheet runs as a formula ([`defuse`]); the HTML page escapes.

use super::csv::quote;
use super::{ItemCount, Report};
use crate::render::{escape_html, Labels};

/// Output formats of `styrdok report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Csv,
    Html,
}

/// OWASP's rule against CSV injection: a cell starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet
/// shows it as text instead of running it as a formula.
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// `text` as literal Markdown inline text: HTML's `<`, `>` and `&` as
/// entities, Markdown's punctuation backslash-escaped, line breaks as
/// spaces. Collected values (a unit someone typed, an unknown id) cannot
/// become markup, links or table cells in a PR comment or a wiki.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table: header cells, then rows; `numeric[i]` right-aligns column `i`.
struct Table {
    header: Vec<String>,
    numeric: Vec<bool>,
    rows: Vec<Vec<String>>,
}

fn module_table(t: &Labels, items: &[ItemCount], receipts: bool) -> Table {
    let (first, current, outdated) = if receipts {
        ("report_document", "report_read", "report_read_outdated")
    } else {
        ("report_module", "report_passed", "report_outdated")
    };
    let mut header = vec![
        t.get(first),
        t.get("report_current_version"),
        t.get(current),
    ];
    if !receipts {
        header.push(t.get("report_failed"));
    }
    header.push(t.get(outdated));
    let rows = items
        .iter()
        .map(|m| {
            let mut row = vec![
                format!("{} {}", m.id, m.title),
                m.current_version.clone(),
                m.current.to_string(),
            ];
            if !receipts {
                row.push(m.failed.to_string());
            }
            row.push(flagged(m.outdated));
            row
        })
        .collect();
    let numeric = (0..header.len()).map(|i| i >= 2).collect();
    Table {
        header,
        numeric,
        rows,
    }
}

/// Outdated results are flagged so they stand out in every format.
fn flagged(n: usize) -> String {
    if n > 0 {
        format!("{n} !")
    } else {
        "0".into()
    }
}

fn unit_name(report: &Report, t: &Labels, unit: &str) -> String {
    if unit.is_empty() {
        return t.get("report_no_unit");
    }
    report
        .units
        .iter()
        .find(|(id, _)| id == unit)
        .map_or_else(|| unit.to_string(), |(_, name)| name.clone())
}

fn unit_table(report: &Report, t: &Labels) -> Table {
    let mut header = vec![t.get("report_unit")];
    header.extend(report.modules.iter().map(|m| m.id.clone()));
    let rows = report
        .units
        .iter()
        .map(|(id, _)| {
            let mut row = vec![unit_name(report, t, id)];
            row.extend(
                report
                    .modules
                    .iter()
                    .map(|m| m.by_unit.get(id).copied().unwrap_or(0).to_string()),
            );
            row
        })
        .collect();
    let numeric = (0..header.len()).map(|i| i >= 1).collect();
    Table {
        header,
        numeric,
        rows,
    }
}

fn outdated_table(report: &Report, t: &Labels) -> Table {
    let rows = report
        .modules
        .iter()
        .chain(&report.documents)
        .flat_map(|m| {
            m.outdated_versions
                .iter()
                .map(|(v, n)| vec![m.id.clone(), v.clone(), n.to_string()])
        })
        .collect();
    Table {
        header: vec![
            t.get("report_item"),
            t.get("report_version"),
            t.get("report_people"),
        ],
        numeric: vec![false, false, true],
        rows,
    }
}

/// The report in `format`.
pub fn render(report: &Report, format: ReportFormat, t: &Labels) -> String {
    match format {
        ReportFormat::Csv => csv(report),
        ReportFormat::Md | ReportFormat::Html => {
            let mut sections = vec![
                (
                    t.get("report_modules"),
                    module_table(t, &report.modules, false),
                ),
                (t.get("report_units"), unit_table(report, t)),
                (t.get("report_outdated_heading"), outdated_table(report, t)),
            ];
            if !report.documents.is_empty() {
                sections.push((
                    t.get("report_receipts"),
                    module_table(t, &report.documents, true),
                ));
            }
            if format == ReportFormat::Md {
                markdown(report, t, &sections)
            } else {
                html(report, t, &sections)
            }
        }
    }
}

fn intro(report: &Report, t: &Labels) -> String {
    format!(
        "{} {}: {} {}; {} {}.",
        t.get("report_source"),
        report.source,
        report.rows,
        t.get("report_rows"),
        report.duplicates,
        t.get("report_duplicates")
    )
}

fn unknown(report: &Report, t: &Labels) -> Option<String> {
    if report.unknown_ids.is_empty() {
        return None;
    }
    let ids: Vec<&str> = report.unknown_ids.iter().map(String::as_str).collect();
    Some(format!("{}: {}", t.get("report_unknown"), ids.join(", ")))
}

fn markdown(report: &Report, t: &Labels, sections: &[(String, Table)]) -> String {
    let cell = |s: &str| markdown_text(&defuse(s));
    let mut out = format!(
        "# {} – {}\n\n{}\n",
        t.get("report_title"),
        markdown_text(&report.site_title),
        markdown_text(&intro(report, t))
    );
    out.push_str(&format!("\n{}\n", t.get("report_flag_note")));
    for (heading, table) in sections {
        out.push_str(&format!("\n## {heading}\n\n"));
        if table.rows.is_empty() {
            out.push_str(&format!("{}\n", t.get("report_none")));
            continue;
        }
        let header: Vec<String> = table.header.iter().map(|h| cell(h)).collect();
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        let rule: Vec<&str> = table
            .numeric
            .iter()
            .map(|&n| if n { "--:" } else { "---" })
            .collect();
        out.push_str(&format!("|{}|\n", rule.join("|")));
        for row in &table.rows {
            let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
    }
    if let Some(u) = unknown(report, t) {
        out.push_str(&format!("\n{}\n", markdown_text(&u)));
    }
    out
}

fn html(report: &Report, t: &Labels, sections: &[(String, Table)]) -> String {
    let title = format!("{} – {}", t.get("report_title"), report.site_title);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p>{}</p>\n<p>{}</p>\n",
        escape_html(&t.get("report_lang")),
        escape_html(&title),
        escape_html(&title),
        escape_html(&intro(report, t)),
        escape_html(&t.get("report_flag_note")),
    );
    for (heading, table) in sections {
        out.push_str(&format!("<h2>{}</h2>\n", escape_html(heading)));
        if table.rows.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", escape_html(&t.get("report_none"))));
            continue;
        }
        out.push_str("<table>\n<thead><tr>");
        for h in &table.header {
            out.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            out.push_str("<tr>");
            for (i, c) in row.iter().enumerate() {
                let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
                let end = if i == 0 { "th" } else { "td" };
                out.push_str(&format!("<{tag}>{}</{end}>", escape_html(c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if let Some(u) = unknown(report, t) {
        out.push_str(&format!("<p>{}</p>\n", escape_html(&u)));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Machine-readable: one row per module (`unit` `*` = all units), then
/// one per module and unit, then one per document with read receipts.
fn csv(report: &Report) -> String {
    let mut out = String::from(
        "kind,id,title,current_version,unit,passed_current,not_passed,passed_outdated_only\n",
    );
    let mut line = |fields: [&str; 8]| {
        let q: Vec<String> = fields.iter().map(|f| quote(&defuse(f))).collect();
        out.push_str(&q.join(","));
        out.push('\n');
    };
    for (kind, items) in [("quiz", &report.modules), ("receipt", &report.documents)] {
        for m in items {
            let (cur, failed, old) = (
                m.current.to_string(),
                m.failed.to_string(),
                m.outdated.to_string(),
            );
            let failed = if kind == "quiz" { failed.as_str() } else { "" };
            line([
                kind,
                &m.id,
                &m.title,
                &m.current_version,
                "*",
                &cur,
                failed,
                &old,
            ]);
            for (unit, n) in &m.by_unit {
                line([
                    kind,
                    &m.id,
                    &m.title,
                    &m.current_version,
                    unit,
                    &n.to_string(),
                    "",
                    "",
                ]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{defuse, markdown_text};

    #[test]
    fn collected_values_stay_text_in_markdown() {
        assert_eq!(
            markdown_text("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            markdown_text("[klick](javascript:x) | *a* \\ `b`"),
            "\\[klick\\](javascript:x) \\| \\*a\\* \\\\ \\`b\\`"
        );
        assert_eq!(markdown_text("a\nb &amp;"), "a b &amp;amp;");
        assert_eq!(
            markdown_text("Socialförvaltningen 2.0"),
            "Socialförvaltningen 2.0"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_quote() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(defuse(bad), format!("'{bad}"));
        }
        for fine in ["Socialförvaltningen", "1.0", "M-1", "", " =1", "'=1"] {
            assert_eq!(defuse(fine), fine);
        }
    }
}
