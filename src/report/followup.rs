//! The aggregate follow-up page (`build --completions FILE [--roster
//! FILE]`, issue #18): per unit and module, coverage, knowledge gain and
//! retention, with nobody named and no group under a minimum size
//! (`training.followup_min_group`, default 5).
//!
//! Only numbers and the site's own names (units from `site.yaml`, module
//! and path titles) reach the page: a unit in the results or the roster
//! that `site.yaml` does not have is counted under "Övriga" and never
//! named, since it was typed by someone. A cell whose group has fewer
//! than `k` people is suppressed. Because the page also shows the total of
//! all units, a suppressed cell could be worked out as the total minus the
//! cells shown; so within each figure the people in suppressed cells must
//! be none or at least `k`, else more cells are suppressed (smallest
//! first), and when no unit cell is left to add, the total too.

use super::coverage::Cell;
use super::{Measure, Report};
use std::collections::BTreeMap;

/// The unit key of everything `site.yaml` does not name.
pub const OTHER_UNIT: &str = "";

/// Why a cell is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// Its group has fewer than `k` people.
    Small,
    /// It would let a small cell be worked out from the total.
    Complement,
}

/// One figure for one group: how many people it rests on, and its value
/// when shown. `value` is `None` when the cell is hidden (or has no
/// value, e.g. no scores).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FuCell {
    pub n: usize,
    pub hidden: Option<Hidden>,
    /// A percent (coverage, pass rate) or a mean score.
    pub value: Option<f64>,
    /// A second value of the same people: the post-test mean beside the
    /// pre-test mean, the change beside the retention mean.
    pub second: Option<f64>,
}

/// The figures of one group in one module.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FuMeasure {
    /// `n` participants, `value` pass rate.
    pub participation: FuCell,
    /// `n` people with both, `value` pre-test mean, `second` post-test mean.
    pub gain: FuCell,
    /// `n` people with both, `value` retention mean, `second` change since the post-test.
    pub retention: FuCell,
}

/// A module's figures: all units, then each unit of [`FollowUp::units`].
#[derive(Debug, Clone, Default)]
pub struct FuModule {
    pub id: String,
    pub title: String,
    pub all: FuMeasure,
    pub units: Vec<FuMeasure>,
}

/// A module's or path's coverage: all units, then each unit.
#[derive(Debug, Clone, Default)]
pub struct FuCoverage {
    pub id: String,
    pub title: String,
    pub path: bool,
    pub due_days: Option<u32>,
    /// `n` must, `value` percent done, `second` percent overdue (paths with a due time).
    pub all: FuCell,
    pub units: Vec<FuCell>,
}

/// The page's figures.
#[derive(Debug, Clone, Default)]
pub struct FollowUp {
    pub min_group: usize,
    /// Unit ids and names, in `site.yaml` order; `OTHER_UNIT` last when used.
    pub units: Vec<(String, String)>,
    pub modules: Vec<FuModule>,
    /// Empty without a roster.
    pub coverage: Vec<FuCoverage>,
    pub has_roster: bool,
}

fn cell(n: usize, value: Option<f64>, second: Option<f64>) -> FuCell {
    FuCell {
        n,
        hidden: None,
        value,
        second,
    }
}

fn measure_cells(m: &Measure) -> FuMeasure {
    FuMeasure {
        participation: cell(m.participants, m.pass_rate(), None),
        gain: cell(m.paired, m.pre_mean(), m.post_mean()),
        retention: cell(m.retained, m.retention_mean(), m.retention_change()),
    }
}

fn coverage_cell(c: &Cell, due: bool) -> FuCell {
    let overdue = (due && c.required > 0).then(|| 100.0 * c.overdue as f64 / c.required as f64);
    cell(c.required, c.rate(), overdue)
}

/// Folds per-unit values into the site's units (others into `OTHER_UNIT`).
fn fold<T: Clone + Default>(
    units: &[(String, String)],
    map: &BTreeMap<String, T>,
    merge: impl Fn(&mut T, &T),
) -> Vec<T> {
    let mut out = vec![T::default(); units.len()];
    for (u, v) in map {
        let i = units
            .iter()
            .position(|(id, _)| id == u)
            .or_else(|| units.iter().position(|(id, _)| id == OTHER_UNIT));
        if let Some(i) = i {
            merge(&mut out[i], v);
        }
    }
    out
}

fn add_measure(a: &mut Measure, b: &Measure) {
    a.participants += b.participants;
    a.passed += b.passed;
    a.paired += b.paired;
    a.pre_sum += b.pre_sum;
    a.post_sum += b.post_sum;
    a.retained += b.retained;
    a.retained_post_sum += b.retained_post_sum;
    a.retention_sum += b.retention_sum;
}

fn add_cell(a: &mut Cell, b: &Cell) {
    a.required += b.required;
    a.done += b.done;
    a.overdue += b.overdue;
}

/// The page's figures from a report, every cell under `k` suppressed.
/// `site_units`: the units of `site.yaml`, in order.
pub fn build(report: &Report, site_units: &[(String, String)], other: &str, k: usize) -> FollowUp {
    let k = k.max(1);
    let mut units = site_units.to_vec();
    let known = |u: &String| site_units.iter().any(|(id, _)| id == u);
    let unknown = report
        .modules
        .iter()
        .any(|m| m.unit_measures.keys().any(|u| !known(u)))
        || report
            .coverage
            .iter()
            .flat_map(|c| &c.items)
            .any(|i| i.by_unit.keys().any(|u| !known(u)));
    if unknown {
        units.push((OTHER_UNIT.to_string(), other.to_string()));
    }
    let modules = report
        .modules
        .iter()
        .map(|m| {
            let per_unit: Vec<Measure> = fold(&units, &m.unit_measures, add_measure);
            let mut fu = FuModule {
                id: m.id.clone(),
                title: m.title.clone(),
                all: measure_cells(&m.measure),
                units: per_unit.iter().map(measure_cells).collect(),
            };
            suppress_module(&mut fu, k);
            fu
        })
        .collect();
    let coverage = report
        .coverage
        .iter()
        .flat_map(|c| &c.items)
        .map(|i| {
            let due = i.due_days.is_some();
            let per_unit: Vec<Cell> = fold(&units, &i.by_unit, add_cell);
            let mut all = coverage_cell(&i.total, due);
            let mut cells: Vec<FuCell> = per_unit.iter().map(|c| coverage_cell(c, due)).collect();
            suppress(&mut all, &mut cells, k);
            FuCoverage {
                id: i.id.clone(),
                title: i.title.clone(),
                path: i.path,
                due_days: i.due_days,
                all,
                units: cells,
            }
        })
        .collect();
    FollowUp {
        min_group: k,
        units,
        modules,
        coverage,
        has_roster: report.coverage.is_some(),
    }
}

fn suppress_module(m: &mut FuModule, k: usize) {
    type Pick = fn(&mut FuMeasure) -> &mut FuCell;
    let picks: [Pick; 3] = [
        |x| &mut x.participation,
        |x| &mut x.gain,
        |x| &mut x.retention,
    ];
    for pick in picks {
        let mut cells: Vec<FuCell> = m.units.iter_mut().map(|u| *pick(u)).collect();
        suppress(pick(&mut m.all), &mut cells, k);
        for (u, c) in m.units.iter_mut().zip(cells) {
            *pick(u) = c;
        }
    }
}

/// Suppresses every cell under `k`, then more until the people in the
/// suppressed unit cells are none or at least `k` (the total minus the
/// shown cells reveals nothing smaller), else the total as well.
pub fn suppress(total: &mut FuCell, units: &mut [FuCell], k: usize) {
    let hide = |c: &mut FuCell, why: Hidden| {
        c.hidden = Some(why);
        c.value = None;
        c.second = None;
    };
    for c in units.iter_mut().filter(|c| c.n < k) {
        hide(c, Hidden::Small);
    }
    if total.n < k {
        hide(total, Hidden::Small);
        return;
    }
    loop {
        let hidden: usize = units
            .iter()
            .filter(|c| c.hidden.is_some())
            .map(|c| c.n)
            .sum();
        if hidden == 0 || hidden >= k {
            return;
        }
        let next = units
            .iter_mut()
            .filter(|c| c.hidden.is_none())
            .min_by_key(|c| c.n);
        match next {
            Some(c) => hide(c, Hidden::Complement),
            None => {
                hide(total, Hidden::Complement);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(ns: &[usize]) -> Vec<FuCell> {
        ns.iter().map(|&n| cell(n, Some(50.0), None)).collect()
    }

    #[test]
    fn small_cells_and_their_complements_are_suppressed() {
        // 3 is under 5; the total minus the rest would reveal it, so the
        // next smallest (6) goes too: 9 people hidden.
        let mut total = cell(29, Some(50.0), None);
        let mut units = cells(&[3, 6, 20, 0]);
        suppress(&mut total, &mut units, 5);
        let hidden: Vec<Option<Hidden>> = units.iter().map(|c| c.hidden).collect();
        use Hidden::*;
        assert_eq!(hidden, [Some(Small), Some(Complement), None, Some(Small)]);
        assert!(total.hidden.is_none() && units[2].value.is_some() && units[0].value.is_none());
        // Two hidden cells of 1 and 2 add up to 3: still under 5, and no
        // cell left to add but the 30: it goes, and the total stays.
        let mut total = cell(33, Some(50.0), None);
        let mut units = cells(&[1, 2, 30]);
        suppress(&mut total, &mut units, 5);
        assert!(units.iter().all(|c| c.hidden.is_some()) && total.hidden.is_none());
        // One unit: hiding it would leave the total equal to it.
        let mut total = cell(4, Some(1.0), None);
        let mut units = cells(&[4]);
        suppress(&mut total, &mut units, 5);
        assert_eq!(
            (total.hidden, units[0].hidden),
            (Some(Hidden::Small), Some(Hidden::Small))
        );
    }
}
