//! Writes a [`Report`] as Markdown, CSV or a standalone HTML page, with the
//! UI strings of the site's language. Units, names, ids and versions come
//! from the collected export, so no CSV or Markdown cell may be one a
//! spreadsheet runs as a formula ([`defuse`]); the HTML page escapes.

use super::coverage::Coverage;
use super::csv::quote;
use super::tables::{intro, notes, sections, Section};
use super::{Measure, Report};
use crate::ui::Labels;

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

/// The report in `format`.
pub fn render(report: &Report, format: ReportFormat, t: &Labels) -> String {
    match format {
        ReportFormat::Csv => csv(report),
        ReportFormat::Md => markdown(report, t, &sections(report, t)),
        ReportFormat::Html => super::html::html(report, t, &sections(report, t)),
    }
}

fn markdown(report: &Report, t: &Labels, sections: &[Section]) -> String {
    let cell = |s: &str| markdown_text(&defuse(s));
    let mut out = format!(
        "# {} – {}\n\n{}\n",
        t.get("report_title"),
        markdown_text(&report.site_title),
        markdown_text(&intro(report, t))
    );
    out.push_str(&format!("\n{}\n", t.get("report_flag_note")));
    for s in sections {
        out.push_str(&format!("\n## {}\n\n", s.heading));
        if let Some(lead) = &s.lead {
            out.push_str(&format!("{}\n\n", markdown_text(lead)));
        }
        let table = &s.table;
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
            // Numeric columns are the report's own figures (`+33`), not collected text.
            let row: Vec<String> = row
                .iter()
                .zip(&table.numeric)
                .map(|(c, &n)| if n { markdown_text(c) } else { cell(c) })
                .collect();
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
    }
    for n in notes(report, t) {
        out.push_str(&format!("\n{}\n", markdown_text(&n)));
    }
    out
}

/// The CSV columns: today's eight first (unchanged), then the measures,
/// item difficulty, coverage and overdue columns. A row fills the columns
/// of its `kind` and leaves the rest empty.
pub const CSV_COLUMNS: &[&str] = &[
    "kind",
    "id",
    "title",
    "current_version",
    "unit",
    "passed_current",
    "not_passed",
    "passed_outdated_only",
    "participants",
    "pass_rate",
    "pre_mean",
    "post_mean",
    "gain",
    "paired",
    "retention_mean",
    "retention_change",
    "retained",
    "question",
    "prompt",
    "post_answered",
    "post_missed",
    "pre_answered",
    "pre_missed",
    "role",
    "manager",
    "required",
    "done",
    "overdue",
    "person",
    "name",
    "due_date",
    "days_late",
];

fn col(name: &str) -> usize {
    CSV_COLUMNS.iter().position(|c| *c == name).unwrap_or(0)
}

/// A number with one decimal, `.` as the separator; empty when unknown.
fn num(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_default()
}

fn measure_fields(row: &mut [String], m: &Measure) {
    let mut set = |name: &str, v: String| row[col(name)] = v;
    set("participants", m.participants.to_string());
    set("pass_rate", num(m.pass_rate()));
    set("pre_mean", num(m.pre_mean()));
    set("post_mean", num(m.post_mean()));
    set("gain", num(m.gain()));
    set("paired", m.paired.to_string());
    set("retention_mean", num(m.retention_mean()));
    set("retention_change", num(m.retention_change()));
    set("retained", m.retained.to_string());
}

/// Machine-readable: one row per module (`unit` `*` = all units), then
/// one per module and unit, per question, per document with read
/// receipts, and with a roster per assigned module or path and group, and
/// per overdue person.
fn csv(report: &Report) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    let blank = || vec![String::new(); CSV_COLUMNS.len()];
    // Numbers are ours (a gain may be `-7.5`); text came from the export.
    let numeric = |i: usize| {
        col("participants") <= i
            && i != col("question")
            && i != col("prompt")
            && !matches!(
                CSV_COLUMNS[i],
                "role" | "manager" | "person" | "name" | "due_date"
            )
    };
    let mut line = |row: Vec<String>| {
        let q: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, f)| {
                if numeric(i) {
                    quote(f)
                } else {
                    quote(&defuse(f))
                }
            })
            .collect();
        out.push_str(&q.join(","));
        out.push('\n');
    };
    for (kind, items) in [("quiz", &report.modules), ("receipt", &report.documents)] {
        for m in items {
            let mut row = blank();
            for (name, v) in [
                ("kind", kind),
                ("id", &m.id),
                ("title", &m.title),
                ("current_version", &m.current_version),
                ("unit", "*"),
            ] {
                row[col(name)] = v.to_string();
            }
            let mut head = row.clone();
            row[col("passed_current")] = m.current.to_string();
            if kind == "quiz" {
                row[col("not_passed")] = m.failed.to_string();
                measure_fields(&mut row, &m.measure);
            }
            row[col("passed_outdated_only")] = m.outdated.to_string();
            line(row);
            let units = report.in_unit_order(m.by_unit.keys().chain(m.unit_measures.keys()));
            for unit in units {
                let mut row = head.clone();
                row[col("unit")] = unit.clone();
                row[col("passed_current")] = m.by_unit.get(unit).copied().unwrap_or(0).to_string();
                if let Some(measure) = m.unit_measures.get(unit) {
                    measure_fields(&mut row, measure);
                }
                line(row);
            }
            head[col("kind")] = "question".into();
            for q in &m.questions {
                let mut row = head.clone();
                row[col("question")] = q.id.clone();
                row[col("prompt")] = q.prompt.clone();
                row[col("post_answered")] = q.post_answered.to_string();
                row[col("post_missed")] = q.post_missed.to_string();
                row[col("pre_answered")] = q.pre_answered.to_string();
                row[col("pre_missed")] = q.pre_missed.to_string();
                line(row);
            }
        }
    }
    if let Some(cov) = &report.coverage {
        coverage_csv(cov, &blank, &mut line);
    }
    out
}

fn coverage_csv(
    cov: &Coverage,
    blank: &dyn Fn() -> Vec<String>,
    line: &mut dyn FnMut(Vec<String>),
) {
    for i in &cov.items {
        let mut head = blank();
        head[col("kind")] = if i.path {
            "coverage_path"
        } else {
            "coverage_module"
        }
        .into();
        head[col("id")] = i.id.clone();
        head[col("title")] = i.title.clone();
        let cell = |group: &str, key: &str, c: &super::coverage::Cell| {
            let mut row = head.clone();
            row[col(group)] = key.to_string();
            row[col("required")] = c.required.to_string();
            row[col("done")] = c.done.to_string();
            if i.due_days.is_some() {
                row[col("overdue")] = c.overdue.to_string();
            }
            row
        };
        line(cell("unit", "*", &i.total));
        for (group, map) in [
            ("unit", &i.by_unit),
            ("role", &i.by_role),
            ("manager", &i.by_manager),
        ] {
            for (k, c) in map {
                line(cell(group, k, c));
            }
        }
    }
    for o in &cov.overdue {
        let mut row = blank();
        for (name, v) in [
            ("kind", "overdue"),
            ("id", &o.path),
            ("unit", &o.unit),
            ("manager", &o.manager),
            ("person", &o.key),
            ("name", &o.name),
        ] {
            row[col(name)] = v.to_string();
        }
        row[col("due_date")] = o.due.to_string();
        row[col("days_late")] = o.days_late.to_string();
        line(row);
    }
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
