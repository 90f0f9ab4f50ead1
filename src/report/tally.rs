//! [`Tally`]: counts [`Completion`]s, one at a time, against the site's
//! modules and documents. It keeps one small state per person and module
//! (never the rows), so memory grows with the people, not the file.
//!
//! Per module it counts the distinct people who passed the current major
//! version (the report's first table, issue #4), and measures learning:
//! each person's *first* pre-test, post-test and retention attempt of the
//! current major version (by `completed_at`), their scores and
//! per-question answers. Later attempts are retries and would flatter.

use super::{Attempt, Completion, ItemCount, QuestionStat, Report};
use crate::model::{Kind, Version};
use crate::site::{order_key, Site};
use rustc_hash::FxHashMap;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Strings seen many times, kept once and named by number.
#[derive(Debug, Default)]
pub(super) struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    pub(super) names: Vec<Box<str>>,
}

impl Interner {
    pub(super) fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.into());
        self.ids.insert(s.into(), i);
        i
    }
}

/// A module or a document (read receipts) results can be for.
#[derive(Debug)]
struct ItemDef {
    id: String,
    title: String,
    current: Version,
    /// Documents count the exact version; modules the major version.
    exact: bool,
    receipt: bool,
    /// Question id → prompt, from the module's quiz.
    prompts: HashMap<String, String>,
}

/// One attempt kept for measuring: the earliest of its kind.
#[derive(Debug, Clone)]
struct Scored {
    at: Box<str>,
    score: Option<f32>,
    answers: Box<[(u32, bool)]>,
}

/// What one person did in one module (document).
#[derive(Debug, Default)]
struct PersonItem {
    /// The latest current pass: when, and the unit on that row.
    pass: Option<(Box<str>, u32)>,
    /// The newest older version passed.
    older: Option<Version>,
    /// A post attempt of the current version that did not pass.
    tried: bool,
    /// The unit on the latest row of the current version.
    last: Option<(Box<str>, u32)>,
    /// First pre, post and retention attempt of the current version.
    first: [Option<Scored>; 3],
}

#[derive(Debug)]
struct Item {
    def: ItemDef,
    people: FxHashMap<u32, PersonItem>,
    questions: Interner,
    dups: usize,
}

/// The running count.
#[derive(Debug)]
pub struct Tally {
    site_title: String,
    source: String,
    items: Vec<Item>,
    /// Module ids, then document ids (read receipts) → item.
    index: [FxHashMap<String, usize>; 2],
    people: Interner,
    units: Interner,
    unit_names: HashMap<String, String>,
    /// The unit ids of `site.yaml`, in order.
    site_units: Vec<String>,
    unknown: BTreeSet<String>,
    rows: usize,
}

/// Does a result for `version` count for `current`? Modules: same major
/// version. Documents (read receipts): the exact version.
fn counts_for(version: &str, current: Version, exact: bool) -> bool {
    match Version::parse(version) {
        Some(v) if exact => v == current,
        Some(v) => v.major == current.major,
        None => false,
    }
}

/// Is `at` at or after `than`? An empty time is never later than a real one.
fn not_before(at: &str, than: &str) -> bool {
    at >= than || than.is_empty()
}

/// Question id → prompt of a module's quiz, as plain text (the report's
/// tables and CSV show text, not Markdown).
fn prompts(site: &Site, module_id: &str) -> HashMap<String, String> {
    site.quiz_of(module_id)
        .map(crate::quiz::question_refs)
        .unwrap_or_default()
        .into_iter()
        .map(|q| (q.id, crate::markdown::text::plain(&q.prompt)))
        .collect()
}

impl Tally {
    /// A count with nothing to count for yet.
    pub fn empty(site_title: &str, source: &str) -> Tally {
        Tally {
            site_title: site_title.to_string(),
            source: source.to_string(),
            items: Vec::new(),
            index: Default::default(),
            people: Interner::default(),
            units: Interner::default(),
            unit_names: HashMap::new(),
            site_units: Vec::new(),
            unknown: BTreeSet::new(),
            rows: 0,
        }
    }

    /// Counts results for a module too (`prompts`: question id → prompt).
    pub fn add_module(
        &mut self,
        id: &str,
        title: &str,
        current: Version,
        prompts: HashMap<String, String>,
    ) {
        self.push(ItemDef {
            id: id.to_string(),
            title: title.to_string(),
            current,
            exact: false,
            receipt: false,
            prompts,
        });
    }

    fn push(&mut self, def: ItemDef) {
        self.index[usize::from(def.receipt)].insert(def.id.clone(), self.items.len());
        self.items.push(Item {
            def,
            people: FxHashMap::default(),
            questions: Interner::default(),
            dups: 0,
        });
    }

    /// An empty count for the site's published modules and documents.
    pub fn new(site: &Site, source: &str) -> Tally {
        let mut ids: Vec<usize> = site
            .published_docs()
            .filter(|&i| !site.docs[i].is_section && site.docs[i].version.is_some())
            .collect();
        ids.sort_by(|&a, &b| {
            let (da, db) = (&site.docs[a], &site.docs[b]);
            (crate::site::kind_rank(da.kind.tag()), order_key(da))
                .cmp(&(crate::site::kind_rank(db.kind.tag()), order_key(db)))
        });
        let mut tally = Tally::empty(&site.config.title, source);
        tally.unit_names = site
            .config
            .units
            .iter()
            .map(|u| (u.id.clone(), u.name.clone()))
            .collect();
        tally.site_units = site.config.units.iter().map(|u| u.id.clone()).collect();
        for i in ids {
            let d = &site.docs[i];
            let receipt = match d.kind.tag() {
                Kind::Module => false,
                k if k.is_governing() => true,
                _ => continue,
            };
            let id = d.id.clone().unwrap_or_default();
            tally.push(ItemDef {
                prompts: prompts(site, &id),
                id,
                title: d.title.clone(),
                current: d.version.unwrap_or(Version { major: 0, minor: 0 }),
                exact: receipt,
                receipt,
            });
        }
        tally
    }

    /// Counts one result.
    pub fn add(&mut self, c: &Completion) {
        self.rows += 1;
        let receipt = c.kind == "receipt";
        let Some(&i) = self.index[usize::from(receipt)].get(c.id.as_str()) else {
            self.unknown.insert(c.id.clone());
            return;
        };
        let person = self.people.intern(&c.person);
        let unit = self.units.intern(&c.unit);
        let item = &mut self.items[i];
        let current = counts_for(&c.version, item.def.current, item.def.exact);
        let attempt = if receipt { Attempt::Post } else { c.attempt };
        let answers: Box<[(u32, bool)]> = c
            .answers
            .iter()
            .map(|(q, right)| (item.questions.intern(q), *right))
            .collect();
        let p = item.people.entry(person).or_default();
        if current {
            if p.last
                .as_ref()
                .is_none_or(|l| not_before(&c.completed_at, &l.0))
            {
                p.last = Some((c.completed_at.as_str().into(), unit));
            }
            let slot = &mut p.first[attempt as usize];
            if slot
                .as_ref()
                .is_none_or(|s| !not_before(&c.completed_at, &s.at))
            {
                *slot = Some(Scored {
                    at: c.completed_at.as_str().into(),
                    score: c.score.map(|s| s as f32),
                    answers,
                });
            }
        }
        if attempt != Attempt::Post {
            return;
        }
        if !c.passed {
            p.tried |= current;
            return;
        }
        if current {
            match &mut p.pass {
                Some(entry) => {
                    item.dups += 1;
                    if c.completed_at.as_str() >= &*entry.0 {
                        *entry = (c.completed_at.as_str().into(), unit);
                    }
                }
                None => p.pass = Some((c.completed_at.as_str().into(), unit)),
            }
        } else if let Some(v) = Version::parse(&c.version).filter(|&v| v < item.def.current) {
            if p.older.is_none_or(|o| v > o) {
                p.older = Some(v);
            }
        }
    }

    /// The report. `unit_of` gives a person's unit from a roster (which
    /// wins over the unit on their rows); also returns, per module id, the
    /// people who passed its current version.
    pub fn finish(
        self,
        unit_of: &dyn Fn(&str) -> Option<String>,
    ) -> (Report, HashMap<String, HashSet<String>>) {
        let mut report = Report {
            site_title: self.site_title,
            source: self.source,
            rows: self.rows,
            unknown_ids: self.unknown,
            site_units: self.site_units,
            ..Default::default()
        };
        let mut passes = HashMap::new();
        let mut units = BTreeSet::new();
        let person_unit = |p: u32, row_unit: u32| {
            unit_of(&self.people.names[p as usize])
                .unwrap_or_else(|| self.units.names[row_unit as usize].to_string())
        };
        for item in &self.items {
            if item.def.receipt && item.people.is_empty() {
                continue;
            }
            report.duplicates += item.dups;
            let (count, passed) = count_item(item, &person_unit, &self.people);
            units.extend(count.by_unit.keys().cloned());
            units.extend(count.unit_measures.keys().cloned());
            if item.def.receipt {
                report.documents.push(count);
            } else {
                passes.insert(item.def.id.clone(), passed);
                report.modules.push(count);
            }
        }
        let ordered: Vec<String> = report
            .in_unit_order(units.iter())
            .into_iter()
            .cloned()
            .collect();
        report.units = ordered
            .into_iter()
            .map(|u| {
                let name = self
                    .unit_names
                    .get(&u)
                    .cloned()
                    .unwrap_or_else(|| u.clone());
                (u, name)
            })
            .collect();
        (report, passes)
    }
}

/// One module's (document's) counts, and the people who passed it.
fn count_item(
    item: &Item,
    person_unit: &dyn Fn(u32, u32) -> String,
    people: &Interner,
) -> (ItemCount, HashSet<String>) {
    let mut count = ItemCount {
        id: item.def.id.clone(),
        title: item.def.title.clone(),
        current_version: item.def.current.to_string(),
        ..Default::default()
    };
    let mut passed = HashSet::new();
    let mut questions: Vec<QuestionStat> = item
        .questions
        .names
        .iter()
        .map(|q| QuestionStat {
            id: q.to_string(),
            prompt: item.def.prompts.get(&**q).cloned().unwrap_or_default(),
            ..Default::default()
        })
        .collect();
    for (&person, p) in &item.people {
        if let Some((_, u)) = &p.pass {
            count.current += 1;
            *count.by_unit.entry(person_unit(person, *u)).or_default() += 1;
            passed.insert(people.names[person as usize].to_string());
        } else if let Some(v) = p.older {
            count.outdated += 1;
            *count.outdated_versions.entry(v.to_string()).or_default() += 1;
        }
        if p.tried && p.pass.is_none() {
            count.failed += 1;
        }
        if item.def.receipt {
            continue;
        }
        count.measure.add(p);
        if let Some((_, u)) = &p.last {
            let unit = person_unit(person, *u);
            count.unit_measures.entry(unit).or_default().add(p);
        }
        tally_answers(p, &mut questions);
    }
    questions.sort_by(|a, b| {
        b.missed_rate()
            .partial_cmp(&a.missed_rate())
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.id.cmp(&b.id))
    });
    count.questions = questions;
    (count, passed)
}

/// Adds a person's first pre and post answers to the question counts.
fn tally_answers(p: &PersonItem, questions: &mut [QuestionStat]) {
    if let Some(post) = &p.first[Attempt::Post as usize] {
        for &(q, right) in post.answers.iter() {
            questions[q as usize].post_answered += 1;
            questions[q as usize].post_missed += usize::from(!right);
        }
    }
    if let Some(pre) = &p.first[Attempt::Pre as usize] {
        for &(q, right) in pre.answers.iter() {
            questions[q as usize].pre_answered += 1;
            questions[q as usize].pre_missed += usize::from(!right);
        }
    }
}

/// Participation and scores of a group of people in one module.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measure {
    /// People with a post-test attempt of the current version.
    pub participants: usize,
    /// Of them, people who passed.
    pub passed: usize,
    /// People with both a first pre-test and a first post-test score, and
    /// the sums of those scores.
    pub paired: usize,
    pub pre_sum: f64,
    pub post_sum: f64,
    /// People with both a first post-test and a first retention score.
    pub retained: usize,
    pub retained_post_sum: f64,
    pub retention_sum: f64,
}

impl Measure {
    fn add(&mut self, p: &PersonItem) {
        let score = |a: Attempt| p.first[a as usize].as_ref().and_then(|s| s.score);
        if p.pass.is_some() || p.tried {
            self.participants += 1;
            self.passed += usize::from(p.pass.is_some());
        }
        let (pre, post, ret) = (
            score(Attempt::Pre),
            score(Attempt::Post),
            score(Attempt::Retention),
        );
        if let (Some(a), Some(b)) = (pre, post) {
            self.paired += 1;
            self.pre_sum += f64::from(a);
            self.post_sum += f64::from(b);
        }
        if let (Some(b), Some(r)) = (post, ret) {
            self.retained += 1;
            self.retained_post_sum += f64::from(b);
            self.retention_sum += f64::from(r);
        }
    }

    fn ratio(sum: f64, n: usize) -> Option<f64> {
        (n > 0).then(|| sum / n as f64)
    }

    /// Percent of participants who passed.
    pub fn pass_rate(&self) -> Option<f64> {
        Self::ratio(100.0 * self.passed as f64, self.participants)
    }
    pub fn pre_mean(&self) -> Option<f64> {
        Self::ratio(self.pre_sum, self.paired)
    }
    pub fn post_mean(&self) -> Option<f64> {
        Self::ratio(self.post_sum, self.paired)
    }
    /// Mean post-test minus pre-test score, in percentage points.
    pub fn gain(&self) -> Option<f64> {
        Self::ratio(self.post_sum - self.pre_sum, self.paired)
    }
    pub fn retention_mean(&self) -> Option<f64> {
        Self::ratio(self.retention_sum, self.retained)
    }
    /// Mean retention minus post-test score of the same people.
    pub fn retention_change(&self) -> Option<f64> {
        Self::ratio(self.retention_sum - self.retained_post_sum, self.retained)
    }
}
