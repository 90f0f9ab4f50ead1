//! `uppfoljning/`: the aggregate follow-up page, written only when the
//! build is given results (`build --completions FILE [--roster FILE]`).
//! Its figures come from [`crate::report::followup`], every small group
//! already suppressed; this turns them into charts (inline SVG) and tables.

use super::governance::write_page;
use super::plumbing::Rendered;
use super::renderer::Renderer;
use crate::output::Staging;
use crate::report::followup::{FollowUp, FuCell, FuMeasure, Hidden};
use crate::report::svg::{bar_chart, Bar, Chart, Group};
use serde::Serialize;

/// The page's address.
pub const PATH: &str = "uppfoljning/";

#[derive(Serialize)]
struct CellView {
    text: String,
    hidden: bool,
}

#[derive(Serialize)]
struct RowView {
    head: String,
    cells: Vec<CellView>,
}

#[derive(Serialize)]
struct TableView {
    id: String,
    caption: String,
    header: Vec<String>,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct ModuleView {
    id: String,
    title: String,
    chart: String,
    table: TableView,
}

struct Fmt<'a> {
    r: &'a Renderer<'a>,
    k: usize,
}

impl Fmt<'_> {
    fn t(&self, key: &str) -> String {
        self.r.labels.get(key)
    }

    /// The words for a hidden cell.
    fn hidden(&self, why: Hidden) -> String {
        match why {
            Hidden::Small => self.t("fu_fewer_than").replace("{k}", &self.k.to_string()),
            Hidden::Complement => self.t("fu_complement"),
        }
    }

    /// The same, short enough for a chart's bar on a phone (the table
    /// under the chart says why).
    fn hidden_short(&self, _why: Hidden) -> String {
        self.t("fu_complement_short")
    }

    fn cell(&self, c: &FuCell, text: impl Fn(&FuCell) -> String) -> CellView {
        match c.hidden {
            Some(why) => CellView {
                text: self.hidden(why),
                hidden: true,
            },
            None => CellView {
                text: text(c),
                hidden: false,
            },
        }
    }
}

/// A unit's name for a table's row head, with a soft hyphen where a long
/// Swedish compound may break on a phone ("Samhällsbyggnads-förvaltningen").
fn breakable(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word.find("förvaltning") {
            Some(at) if at > 0 => {
                out.push_str(&word[..at]);
                out.push('\u{ad}');
                out.push_str(&word[at..]);
            }
            _ => out.push_str(word),
        }
    }
    out
}

fn pct(v: Option<f64>) -> String {
    crate::report::tables::percent(v)
}

fn measure_row(f: &Fmt, head: String, m: &FuMeasure) -> RowView {
    let score = |v: Option<f64>| crate::report::tables::score(v);
    let change = |v: Option<f64>| crate::report::tables::change(v);
    RowView {
        head,
        cells: vec![
            f.cell(&m.participation, |c| c.n.to_string()),
            f.cell(&m.participation, |c| pct(c.value)),
            f.cell(&m.gain, |c| {
                format!("{} → {}", score(c.value), score(c.second))
            }),
            f.cell(&m.gain, |c| {
                change(c.second.zip(c.value).map(|(b, a)| b - a))
            }),
            f.cell(&m.gain, |c| c.n.to_string()),
            f.cell(&m.retention, |c| score(c.value)),
            f.cell(&m.retention, |c| change(c.second)),
            f.cell(&m.retention, |c| c.n.to_string()),
        ],
    }
}

/// A bar, or the reason there is none.
fn bar(f: &Fmt, series: usize, label: &str, c: &FuCell, v: Option<f64>) -> Bar {
    let text = match c.hidden {
        Some(why) => f.hidden_short(why),
        None => crate::report::tables::score(v),
    };
    Bar {
        series,
        value: if c.hidden.is_some() { None } else { v },
        text: format!("{} {text}", f.t(label)),
    }
}

fn module_view(f: &Fmt, fu: &FollowUp, m: &crate::report::followup::FuModule) -> ModuleView {
    let groups_of = std::iter::once((f.t("fu_all_units"), &m.all))
        .chain(fu.units.iter().map(|(_, n)| n.clone()).zip(&m.units));
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for (name, x) in groups_of {
        rows.push(measure_row(f, breakable(&name), x));
        groups.push(Group {
            label: name,
            bars: vec![
                bar(f, 0, "rp_series_pre", &x.gain, x.gain.value),
                bar(f, 1, "rp_series_post", &x.gain, x.gain.second),
                bar(f, 2, "rp_series_retention", &x.retention, x.retention.value),
            ],
        });
    }
    let chart = Chart {
        id: format!("fu-chart-{}", crate::markdown::slug::slugify(&m.id)),
        title: f.t("fu_module_chart").replace("{module}", &m.title),
        desc: f.t("fu_module_chart_desc"),
        groups,
    };
    let header = [
        "report_unit",
        "rp_participants",
        "rp_pass_rate",
        "rp_pre_post",
        "rp_gain",
        "rp_paired",
        "rp_retention",
        "rp_retention_change",
        "rp_retained",
    ]
    .map(|k| f.t(k))
    .to_vec();
    ModuleView {
        id: m.id.clone(),
        title: m.title.clone(),
        chart: bar_chart(&chart),
        table: TableView {
            id: format!("fu-table-{}", crate::markdown::slug::slugify(&m.id)),
            caption: f.t("fu_module_table").replace("{module}", &m.title),
            header,
            rows,
        },
    }
}

/// Coverage: a chart of the paths (else the modules) per unit, and a table
/// of every module and path per unit.
fn coverage_views(f: &Fmt, fu: &FollowUp) -> Option<(String, TableView)> {
    if fu.coverage.is_empty() {
        return None;
    }
    let charted: Vec<_> = if fu.coverage.iter().any(|c| c.path) {
        fu.coverage.iter().filter(|c| c.path).collect()
    } else {
        fu.coverage.iter().collect()
    };
    let names = std::iter::once(f.t("fu_all_units")).chain(fu.units.iter().map(|(_, n)| n.clone()));
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for (u, name) in names.enumerate() {
        let at =
            |c: &crate::report::followup::FuCoverage| if u == 0 { c.all } else { c.units[u - 1] };
        groups.push(Group {
            label: name.clone(),
            bars: charted
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let x = at(c);
                    let text = match x.hidden {
                        Some(why) => f.hidden_short(why),
                        None => pct(x.value),
                    };
                    Bar {
                        series: i,
                        value: x.value,
                        text: format!("{} {text}", c.id),
                    }
                })
                .collect(),
        });
        let cells = fu
            .coverage
            .iter()
            .map(|c| {
                f.cell(&at(c), |x| {
                    let mut s = f
                        .t("fu_coverage_cell")
                        .replace("{pct}", &pct(x.value))
                        .replace("{n}", &x.n.to_string());
                    if let Some(late) = x.second.filter(|l| *l > 0.0) {
                        s.push_str(&f.t("fu_late_cell").replace("{pct}", &pct(Some(late))));
                    }
                    s
                })
            })
            .collect();
        rows.push(RowView {
            head: breakable(&name),
            cells,
        });
    }
    let chart = Chart {
        id: "fu-chart-coverage".into(),
        title: f.t("fu_coverage_chart"),
        desc: f.t("fu_coverage_chart_desc"),
        groups,
    };
    let mut header = vec![f.t("report_unit")];
    header.extend(fu.coverage.iter().map(|c| format!("{} {}", c.id, c.title)));
    let table = TableView {
        id: "fu-table-coverage".into(),
        caption: f.t("fu_coverage_table"),
        header,
        rows,
    };
    Some((bar_chart(&chart), table))
}

/// Writes the page when the build has figures for it.
pub fn followup(r: &Renderer, staging: &Staging) -> Rendered {
    let Some(fu) = r.followup else {
        return Ok(0);
    };
    let f = Fmt { r, k: fu.min_group };
    let modules: Vec<ModuleView> = fu.modules.iter().map(|m| module_view(&f, fu, m)).collect();
    let coverage = coverage_views(&f, fu);
    let k = fu.min_group.to_string();
    let page = write_page(r, staging, "uppfoljning.html", PATH, "fu_title", |ctx| {
        ctx.insert("min_group", &k);
        ctx.insert("fu_privacy", &f.t("fu_privacy").replace("{k}", &k));
        ctx.insert("has_roster", &fu.has_roster);
        ctx.insert("modules", &modules);
        ctx.insert("coverage_chart", &coverage.as_ref().map(|c| c.0.clone()));
        ctx.insert("coverage_table", &coverage.as_ref().map(|c| &c.1));
    });
    page.map(|()| 1).map_err(|d| vec![d])
}
