//! Coverage against a roster (SPEC §7, `report --roster`): who should have
//! done each module and path, who has, and who is overdue.
//!
//! Who must: a person must take every published, active module and path
//! whose `roles:` names their roster role or a role it includes (the
//! module is on their reading list), unless the module or path names
//! `units:` and the person's unit is not among them. A module is done when
//! the person passed its current major version; a path when every module
//! on it is done. A path with `due_days` is overdue for a person when it
//! is not done and more than `due_days` days have passed since their
//! `start_date`.

use super::roster::{Person, Roster};
use crate::model::{Date, Kind, Status};
use crate::site::{order_key, Site};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// How many must, have, and are late.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cell {
    pub required: usize,
    pub done: usize,
    pub overdue: usize,
}

impl Cell {
    /// Percent of those who must who have.
    pub fn rate(&self) -> Option<f64> {
        (self.required > 0).then(|| 100.0 * self.done as f64 / self.required as f64)
    }
}

/// One module or path people are assigned.
#[derive(Debug, Clone, Default)]
pub struct CoverageItem {
    pub path: bool,
    pub id: String,
    pub title: String,
    pub due_days: Option<u32>,
    pub total: Cell,
    pub by_unit: BTreeMap<String, Cell>,
    pub by_role: BTreeMap<String, Cell>,
    pub by_manager: BTreeMap<String, Cell>,
}

/// A person late with a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub key: String,
    pub name: String,
    pub unit: String,
    pub manager: String,
    pub path: String,
    pub due: Date,
    pub days_late: i64,
}

/// The coverage of a roster.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    pub people: usize,
    pub today: Option<Date>,
    pub items: Vec<CoverageItem>,
    /// Sorted by manager, unit, then most days late.
    pub overdue: Vec<Overdue>,
    /// Roles in the roster that `site.yaml` does not have.
    pub unknown_roles: BTreeSet<String>,
    /// People assigned a path with `due_days` who have no start date.
    pub no_start_date: usize,
    /// Manager key → the manager's name, when the roster has them.
    pub manager_names: HashMap<String, String>,
    /// Role id → its name in `site.yaml`.
    pub role_names: HashMap<String, String>,
}

/// An assignable module or path of the site.
struct Assignable<'s> {
    path: bool,
    id: &'s str,
    title: &'s str,
    roles: &'s [String],
    units: &'s [String],
    modules: Vec<&'s str>,
    due_days: Option<u32>,
}

fn assignables(site: &Site) -> Vec<Assignable<'_>> {
    let mut ids: Vec<usize> = site
        .published_docs()
        .filter(|&i| {
            let d = &site.docs[i];
            !d.is_section
                && d.status == Status::Active
                && !d.roles.is_empty()
                && matches!(d.kind.tag(), Kind::Module | Kind::Path)
        })
        .collect();
    ids.sort_by(|&a, &b| {
        let (da, db) = (&site.docs[a], &site.docs[b]);
        (da.kind.tag() == Kind::Path, order_key(da))
            .cmp(&(db.kind.tag() == Kind::Path, order_key(db)))
    });
    ids.into_iter()
        .map(|i| {
            let d = &site.docs[i];
            let path = d.kind.path();
            Assignable {
                path: path.is_some(),
                id: d.id.as_deref().unwrap_or_default(),
                title: &d.title,
                roles: &d.roles,
                units: &d.units,
                modules: match path {
                    Some(p) => p.modules.iter().map(String::as_str).collect(),
                    None => vec![d.id.as_deref().unwrap_or_default()],
                },
                due_days: path.and_then(|p| p.due_days),
            }
        })
        .collect()
}

/// Coverage of `roster` on `today`; `passes` is, per module id, the people
/// (result keys) who passed its current version.
pub fn compute(
    site: &Site,
    roster: &Roster,
    passes: &HashMap<String, HashSet<String>>,
    today: Date,
) -> Coverage {
    let items = assignables(site);
    let mut cov = Coverage {
        people: roster.people.len(),
        today: Some(today),
        items: items
            .iter()
            .map(|a| CoverageItem {
                path: a.path,
                id: a.id.to_string(),
                title: a.title.to_string(),
                due_days: a.due_days,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let published: HashSet<&str> = passes.keys().map(String::as_str).collect();
    for person in &roster.people {
        let Some(reads) = site.config.audiences(&person.role) else {
            cov.unknown_roles.insert(person.role.clone());
            continue;
        };
        let done = |m: &str| {
            passes
                .get(m)
                .is_some_and(|s| s.contains(&person.key) || s.contains(&person.alt_key))
        };
        for (a, item) in items.iter().zip(cov.items.iter_mut()) {
            let must = a.roles.iter().any(|r| reads.contains(r))
                && (a.units.is_empty() || a.units.contains(&person.unit));
            if !must {
                continue;
            }
            let is_done = a
                .modules
                .iter()
                .filter(|m| published.contains(*m))
                .all(|m| done(m));
            let late = late_by(a, person, is_done, today, &mut cov.no_start_date);
            let add = |c: &mut Cell| {
                c.required += 1;
                c.done += usize::from(is_done);
                c.overdue += usize::from(late.is_some());
            };
            add(&mut item.total);
            add(item.by_unit.entry(person.unit.clone()).or_default());
            add(item.by_role.entry(person.role.clone()).or_default());
            add(item.by_manager.entry(person.manager.clone()).or_default());
            if let Some((due, days_late)) = late {
                cov.overdue.push(Overdue {
                    key: person.key.clone(),
                    name: person.name.clone(),
                    unit: person.unit.clone(),
                    manager: person.manager.clone(),
                    path: a.id.to_string(),
                    due,
                    days_late,
                });
            }
        }
    }
    cov.overdue.sort_by(|a, b| {
        (&a.manager, &a.unit, -a.days_late, &a.key).cmp(&(
            &b.manager,
            &b.unit,
            -b.days_late,
            &b.key,
        ))
    });
    name_groups(site, roster, &mut cov);
    cov
}

/// Managers' names (when the roster has them) and roles' names.
fn name_groups(site: &Site, roster: &Roster, cov: &mut Coverage) {
    let managers: BTreeSet<&str> = roster.people.iter().map(|p| p.manager.as_str()).collect();
    cov.manager_names = managers
        .into_iter()
        .filter_map(|m| roster.find(m).map(|p| (m.to_string(), p.name.clone())))
        .filter(|(_, n)| !n.is_empty())
        .collect();
    cov.role_names = site
        .config
        .roles
        .iter()
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
}

/// When a path is overdue for a person: its due day and the days since.
fn late_by(
    a: &Assignable,
    person: &Person,
    done: bool,
    today: Date,
    no_start: &mut usize,
) -> Option<(Date, i64)> {
    let days = a.due_days?;
    if done {
        return None;
    }
    let Some(start) = person.start_date else {
        *no_start += 1;
        return None;
    };
    let due = start + chrono::Duration::days(i64::from(days));
    let late = (today - due).num_days();
    (late > 0).then_some((due, late))
}
