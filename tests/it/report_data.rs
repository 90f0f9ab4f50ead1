//! `styrdok report` on generated data (issue #18): a roster of 2,000
//! people in 8 units and six months of results with pre-test, post-test
//! and retention attempts, shuffled. Coverage, overdue, gain, retention and
//! item difficulty in the CSV report must equal what this test computes on
//! its own from the generated attempts (not from the CSV it wrote).
//!
//! The site is tests/fixtures/core/base with tests/fixtures/report/data:
//! M-1 (medarbetare, 2 questions) on path V-1 (30 days), M-2 (chef, 3
//! questions) on path V-2 with M-1 (60 days); chef includes medarbetare.

use crate::harness::{Rng, TestSite};
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use styrdok::report::csv::parse;

const UNITS: [&str; 8] = ["klf", "avf", "kff", "sbf", "sef", "sof", "utf", "vof"];
const QUESTIONS: [&[&str]; 2] = [&["m1-a", "m1-b"], &["m2-a", "m2-b", "m2-c"]];
const MODULES: [(&str, &str); 2] = [("M-1", "1.0"), ("M-2", "2.1")];
pub(crate) const TODAY: &str = "2026-11-29";

pub(crate) struct Person {
    key: String,
    unit: &'static str,
    chef: bool,
    manager: String,
    start: NaiveDate,
}

/// One generated attempt, in the order it happened for its person.
pub(crate) struct Try {
    person: usize,
    module: usize,
    attempt: &'static str,
    at: String,
    answers: Vec<(&'static str, bool)>,
    /// A row unit that differs from the roster's (the roster wins).
    row_unit: &'static str,
}

impl Try {
    fn score(&self) -> u32 {
        let right = self.answers.iter().filter(|a| a.1).count();
        (100 * right / self.answers.len()) as u32
    }
    fn passed(&self) -> bool {
        self.score() >= 80
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn roster(rng: &mut Rng) -> Vec<Person> {
    let base = day("2025-09-01");
    (0..2000)
        .map(|i| {
            let unit = UNITS[i % 8];
            let chef = rng.below(10) == 0;
            Person {
                key: format!("p{i:04}@kommun.example.se"),
                unit,
                chef,
                manager: format!("chef-{unit}-{}@kommun.example.se", rng.below(5)),
                start: base + Duration::days(rng.below(420) as i64),
            }
        })
        .collect()
}

fn answers(rng: &mut Rng, module: usize, right_pct: u64) -> Vec<(&'static str, bool)> {
    QUESTIONS[module]
        .iter()
        .enumerate()
        .map(|(q, id)| (*id, rng.below(100) < right_pct + 8 * q as u64))
        .collect()
}

/// Six months of attempts (2026-05-01 to 2026-10-31) of the people's
/// modules: a pre-test for most, a post-test, a retry after a failure,
/// and a retention check about four months later for some.
pub(crate) fn attempts(rng: &mut Rng, people: &[Person]) -> Vec<Try> {
    let (from, to) = (day("2026-05-01"), day("2026-10-31"));
    let mut out = Vec::new();
    for (i, p) in people.iter().enumerate() {
        for (module, questions) in QUESTIONS.iter().enumerate() {
            let assigned = module == 0 || p.chef;
            if rng.below(100) >= if assigned { 80 } else { 3 } {
                continue;
            }
            let mut at = p.start.max(from) + Duration::days(rng.below(60) as i64);
            let mut push = |attempt, at: NaiveDate, answers, rng: &mut Rng| {
                let row_unit = if rng.below(30) == 0 {
                    UNITS[(i + 3) % 8]
                } else {
                    p.unit
                };
                let at = format!("{at}T{:02}:00:00Z", 8 + out.len() % 9);
                out.push(Try {
                    person: i,
                    module,
                    attempt,
                    at,
                    answers,
                    row_unit,
                });
            };
            if at > to {
                continue;
            }
            if rng.below(100) < 70 {
                let a = answers(rng, module, 35);
                push("pre", at, a, rng);
            }
            at += Duration::days(1 + rng.below(5) as i64);
            let first = answers(rng, module, 72);
            let failed = first.iter().filter(|a| a.1).count() * 100 / first.len() < 80;
            push("post", at, first, rng);
            if failed && rng.below(2) == 0 {
                at += Duration::days(1);
                let all_right = questions.iter().map(|q| (*q, true)).collect();
                push("post", at, all_right, rng);
            }
            let later = at + Duration::days(120 + rng.below(30) as i64);
            if later <= to && rng.below(100) < 60 {
                let a = answers(rng, module, 55);
                push("retention", later, a, rng);
            }
        }
    }
    out
}

pub(crate) fn completions_csv(people: &[Person], tries: &[Try], rng: &mut Rng) -> String {
    let mut rows: Vec<String> = tries
        .iter()
        .map(|t| {
            let (id, version) = MODULES[t.module];
            let answers: Vec<String> = t
                .answers
                .iter()
                .map(|(q, r)| format!("{q}={}", u8::from(*r)))
                .collect();
            format!(
                "quiz,{id},{version},{},{},{},{},{},{},{}\n",
                t.score(),
                t.passed(),
                people[t.person].key.to_uppercase(),
                t.row_unit,
                t.at,
                t.attempt,
                answers.join(";")
            )
        })
        .collect();
    // Passes of an older major version, and people outside the roster.
    for i in 0..40 {
        rows.push(format!(
            "quiz,M-1,0.9,100,true,old{i}@kommun.example.se,klf,2025-03-01T10:00:00Z,,\n"
        ));
    }
    for i in 0..30 {
        rows.push(format!("quiz,M-1,1.0,100,true,konsult{i}@firma.example.se,sof,2026-06-01T10:00:00Z,post,m1-a=1;m1-b=1\n"));
    }
    // Shuffled: the report must find each person's first attempt by time.
    for i in (1..rows.len()).rev() {
        rows.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut out =
        String::from("kind,id,version,score,passed,email,unit,completed_at,attempt,answers\n");
    out.extend(rows);
    out
}

pub(crate) fn roster_csv(people: &[Person]) -> String {
    let mut out = String::from("start_date,role,unit,email,name,manager,anställningsnummer\n");
    for (i, p) in people.iter().enumerate() {
        let role = if p.chef { "chef" } else { "medarbetare" };
        writeln!(
            out,
            "{},{role},{},{},Person {i},{},{i}",
            p.start, p.unit, p.key, p.manager
        )
        .unwrap();
    }
    out
}

/// The CSV report's rows, by (kind, id, unit/role/manager, question).
fn report_rows(csv: &str) -> HashMap<(String, String, String, String), HashMap<String, String>> {
    let records = parse(csv).unwrap();
    let header = &records[0].fields;
    records[1..]
        .iter()
        .map(|r| {
            let row: HashMap<String, String> = header
                .iter()
                .cloned()
                .zip(r.fields.iter().cloned())
                .collect();
            let group = ["unit", "role", "manager"]
                .iter()
                .map(|g| row[*g].clone())
                .find(|v| !v.is_empty())
                .unwrap_or_default();
            let key = (
                row["kind"].clone(),
                row["id"].clone(),
                group,
                row["question"].clone(),
            );
            (key, row)
        })
        .collect()
}

fn num(row: &HashMap<String, String>, col: &str) -> f64 {
    row[col]
        .parse()
        .unwrap_or_else(|_| panic!("{col} = {:?}", row[col]))
}

fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 0.051,
        "{what}: report {got}, computed {want:.3}"
    );
}

/// What the report must say for one module, computed from the attempts.
#[derive(Default)]
struct Expected {
    participants: HashSet<usize>,
    passed: HashSet<usize>,
    first: HashMap<(usize, &'static str), u32>,
    first_answers: HashMap<usize, Vec<(&'static str, bool)>>,
}

fn expected(tries: &[Try], module: usize, unit: Option<&str>, people: &[Person]) -> Expected {
    let mut e = Expected::default();
    let mut order: Vec<&Try> = tries
        .iter()
        .filter(|t| t.module == module && unit.is_none_or(|u| people[t.person].unit == u))
        .collect();
    order.sort_by(|a, b| a.at.cmp(&b.at));
    for t in order {
        e.first.entry((t.person, t.attempt)).or_insert(t.score());
        if t.attempt == "post" {
            e.participants.insert(t.person);
            if t.passed() {
                e.passed.insert(t.person);
            }
            e.first_answers
                .entry(t.person)
                .or_insert_with(|| t.answers.clone());
        }
    }
    e
}

fn check_measure(row: &HashMap<String, String>, e: &Expected, extra: usize, what: &str) {
    assert_eq!(
        num(row, "participants") as usize,
        e.participants.len() + extra,
        "{what}"
    );
    let passed = e.passed.len() + extra;
    close(
        num(row, "pass_rate"),
        100.0 * passed as f64 / (e.participants.len() + extra) as f64,
        what,
    );
    let pairs: Vec<(u32, u32)> = e
        .first
        .iter()
        .filter(|((_, a), _)| *a == "pre")
        .filter_map(|((p, _), pre)| e.first.get(&(*p, "post")).map(|post| (*pre, *post)))
        .collect();
    assert_eq!(num(row, "paired") as usize, pairs.len(), "{what}");
    let n = pairs.len() as f64;
    close(
        num(row, "pre_mean"),
        pairs.iter().map(|p| p.0 as f64).sum::<f64>() / n,
        what,
    );
    close(
        num(row, "post_mean"),
        pairs.iter().map(|p| p.1 as f64).sum::<f64>() / n,
        what,
    );
    close(
        num(row, "gain"),
        pairs.iter().map(|p| p.1 as f64 - p.0 as f64).sum::<f64>() / n,
        what,
    );
    let kept: Vec<(u32, u32)> = e
        .first
        .iter()
        .filter(|((_, a), _)| *a == "retention")
        .map(|((p, _), r)| (e.first[&(*p, "post")], *r))
        .collect();
    assert_eq!(num(row, "retained") as usize, kept.len(), "{what}");
    let n = kept.len() as f64;
    close(
        num(row, "retention_mean"),
        kept.iter().map(|k| k.1 as f64).sum::<f64>() / n,
        what,
    );
    close(
        num(row, "retention_change"),
        kept.iter().map(|k| k.1 as f64 - k.0 as f64).sum::<f64>() / n,
        what,
    );
}

#[test]
fn generated_roster_and_six_months_of_results_match_an_independent_count() {
    let mut rng = Rng(0x5eed_1812);
    let people = roster(&mut rng);
    let tries = attempts(&mut rng, &people);
    assert!(tries.len() > 3000, "{} attempts", tries.len());
    let s = TestSite::new()
        .fixture("core/base")
        .fixture("report/data")
        .file("resultat.csv", completions_csv(&people, &tries, &mut rng))
        .file("personal.csv", roster_csv(&people));
    let o = s
        .cmd("report")
        .arg("--completions")
        .arg(s.path("resultat.csv"))
        .arg("--roster")
        .arg(s.path("personal.csv"))
        .args(["--format", "csv"])
        .env("STYRDOK_TODAY", TODAY)
        .run();
    assert!(o.succeeded(), "{}", o.stderr());
    let rows = report_rows(&o.stdout());
    let get = |kind: &str, id: &str, group: &str, q: &str| {
        rows.get(&(kind.into(), id.into(), group.into(), q.into()))
            .unwrap_or_else(|| panic!("no row {kind},{id},{group},{q}"))
    };

    for (m, (id, _)) in MODULES.iter().enumerate() {
        // The 30 consultants passed M-1 with one post-test each, in `sof`.
        let extra = if m == 0 { 30 } else { 0 };
        let all = expected(&tries, m, None, &people);
        check_measure(get("quiz", id, "*", ""), &all, extra, id);
        for unit in UNITS {
            let e = expected(&tries, m, Some(unit), &people);
            let extra = if unit == "sof" { extra } else { 0 };
            check_measure(
                get("quiz", id, unit, ""),
                &e,
                extra,
                &format!("{id} {unit}"),
            );
        }
        // Item difficulty: first post-test answers.
        for q in QUESTIONS[m] {
            let answered: Vec<bool> = all
                .first_answers
                .values()
                .filter_map(|a| a.iter().find(|x| x.0 == *q).map(|x| x.1))
                .collect();
            let row = get("question", id, "*", q);
            assert!(
                !row["prompt"].is_empty(),
                "{q} has its prompt from the quiz"
            );
            assert_eq!(
                num(row, "post_answered") as usize,
                answered.len() + extra,
                "{q}"
            );
            let missed = answered.iter().filter(|r| !**r).count();
            assert_eq!(num(row, "post_missed") as usize, missed, "{q}");
        }
    }
    assert_eq!(
        get("question", "M-2", "*", "m2-b")["prompt"],
        "En incident kan vänta till måndag."
    );
    // The 40 old passes are outdated, the rest of the people count once.
    assert_eq!(get("quiz", "M-1", "*", "")["passed_outdated_only"], "40");

    // Coverage and overdue, per unit too.
    let today = day(TODAY);
    let done_module = |p: usize, m: usize| {
        tries
            .iter()
            .any(|t| t.person == p && t.module == m && t.attempt == "post" && t.passed())
    };
    let mut overdue = HashSet::new();
    for (kind, id, modules, chef_only, due) in [
        ("coverage_module", "M-1", vec![0], false, None),
        ("coverage_module", "M-2", vec![1], true, None),
        ("coverage_path", "V-1", vec![0], false, Some(30)),
        ("coverage_path", "V-2", vec![0, 1], true, Some(60)),
    ] {
        let mut by_unit: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for (i, p) in people.iter().enumerate() {
            if chef_only && !p.chef {
                continue;
            }
            let done = modules.iter().all(|&m| done_module(i, m));
            let late = due.is_some_and(|d| !done && today > p.start + Duration::days(d));
            if late {
                overdue.insert((p.key.clone(), id.to_string()));
            }
            for u in [p.unit, "*"] {
                let c = by_unit.entry(u).or_default();
                *c = (c.0 + 1, c.1 + usize::from(done), c.2 + usize::from(late));
            }
        }
        for (unit, (required, done, late)) in by_unit {
            let row = get(kind, id, unit, "");
            let what = format!("{id} {unit}");
            assert_eq!(num(row, "required") as usize, required, "{what}");
            assert_eq!(num(row, "done") as usize, done, "{what}");
            if due.is_some() {
                assert_eq!(num(row, "overdue") as usize, late, "{what}");
            }
        }
    }
    let records = parse(&o.stdout()).unwrap();
    let col = |name: &str| records[0].fields.iter().position(|c| c == name).unwrap();
    let reported: HashSet<(String, String)> = records
        .iter()
        .filter(|r| r.fields[0] == "overdue")
        .map(|r| (r.fields[col("person")].clone(), r.fields[col("id")].clone()))
        .collect();
    assert!(overdue.len() > 50, "{} overdue", overdue.len());
    assert_eq!(reported, overdue);
}
