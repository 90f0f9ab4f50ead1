//! `report --roster FILE.csv` (SPEC §7): an HR export of the people who
//! should take the training. A header row, columns in any order, extra
//! columns ignored: `email` (the person's key; `person`, an HR id, may
//! stand instead or beside it), `name`, `unit`, `role`, `manager`,
//! `start_date` (YYYY-MM-DD). `email`/`person`, `unit` and `role` are
//! required columns.

use super::completions::{at_record, csv_error, header};
use super::csv::{field, Header, Reader, Record};
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::model::Date;
use std::collections::HashMap;
use std::io::BufRead;

/// One person of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Lowercased: the e-mail address, else the `person` id.
    pub key: String,
    /// The `person` id (lowercased) when the roster has both.
    pub alt_key: String,
    pub name: String,
    pub unit: String,
    pub role: String,
    pub manager: String,
    pub start_date: Option<Date>,
}

/// The roster: people in file order, found by any of their keys.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    pub people: Vec<Person>,
    index: HashMap<String, usize>,
}

impl Roster {
    /// The person a result's key (e-mail, person id or name) names.
    pub fn find(&self, key: &str) -> Option<&Person> {
        self.index.get(key).map(|&i| &self.people[i])
    }

    pub fn from_people(people: Vec<Person>) -> Roster {
        let mut index = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            index.entry(p.key.clone()).or_insert(i);
            if !p.alt_key.is_empty() {
                index.entry(p.alt_key.clone()).or_insert(i);
            }
        }
        Roster { people, index }
    }
}

/// Reads the roster. A malformed file or a missing column is an error; a
/// row without a key, a repeated key or a start date that is not a date
/// is a warning (the row is skipped, or its date left out).
pub fn read<R: BufRead>(path: &str, input: R) -> Result<(Roster, Vec<Diagnostic>), Diagnostic> {
    let mut reader = Reader::new(input);
    let header = header(
        path,
        &mut reader,
        t!("the roster is empty; it needs a header row"),
    )?;
    check_columns(path, &header)?;
    let mut people: Vec<Person> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut warnings = Vec::new();
    for r in reader {
        let r = r.map_err(|e| csv_error(path, e))?;
        let warn = |msg: Message| at_record(Diagnostic::warning(path, msg), r.line, &r.text);
        match person(&header, &r, &seen) {
            Ok((p, bad_date)) => {
                if let Some(msg) = bad_date {
                    warnings.push(warn(msg));
                }
                seen.insert(p.key.clone(), r.line);
                people.push(p);
            }
            Err(msg) => warnings.push(warn(msg)),
        }
    }
    Ok((Roster::from_people(people), warnings))
}

/// The required columns: `email` or `person`, `unit` and `role`.
fn check_columns(path: &str, header: &Header) -> Result<(), Diagnostic> {
    let has = |c: &str| header.has(c);
    let mut missing = Vec::new();
    if !has("email") && !has("person") {
        missing.push("email or person");
    }
    missing.extend(["unit", "role"].into_iter().filter(|c| !has(c)));
    if missing.is_empty() {
        return Ok(());
    }
    let d = Diagnostic::error(
        path,
        t!(
            "the roster's header row lacks the column(s) {missing}",
            missing = missing.join(", ")
        ),
    )
    .with_hint(t!(
        "the roster's columns are email (or person), name, unit, role, manager, start_date"
    ));
    Err(at_record(d, header.record.line, &header.record.text))
}

/// One roster row as a person, with a warning when its start date is no
/// date (then left out); `Err` when the row is skipped (no key, or a key
/// `seen` on an earlier line).
fn person(
    header: &Header,
    r: &Record,
    seen: &HashMap<String, usize>,
) -> Result<(Person, Option<Message>), Message> {
    let get = |name: &str| field(r, header.column(name)).to_string();
    let (email, id) = (get("email").to_lowercase(), get("person").to_lowercase());
    let (key, alt_key) = if email.is_empty() {
        (id, String::new())
    } else {
        (email, id)
    };
    if key.is_empty() {
        return Err(t!("the roster row has no e-mail or person id; row skipped"));
    }
    if let Some(first) = seen.get(&key) {
        return Err(t!(
            "`{key}` is already in the roster on line {first}; row skipped",
            key,
            first
        ));
    }
    let start = get("start_date");
    let start_date = (!start.is_empty())
        .then(|| Date::parse_from_str(&start, "%Y-%m-%d").ok())
        .flatten();
    let bad_date = (!start.is_empty() && start_date.is_none()).then(|| {
        t!(
            "start_date is `{start}`, not a date YYYY-MM-DD; the date is left out",
            start
        )
    });
    let person = Person {
        key,
        alt_key,
        name: get("name"),
        unit: get("unit"),
        role: get("role"),
        manager: get("manager").to_lowercase(),
        start_date,
    };
    Ok((person, bad_date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_any_order_keys_and_bad_rows() {
        let text = "Unit,extra,Role,email,person,start_date,name,manager\nklf,x,chef,A@x.se,P-1,2026-01-05,Anna,Boss@x.se\nsof,,medarbetare,,P-2,,Bo,\nsof,,medarbetare,a@x.se,,2026-01-01,Dubblett,\nsof,,medarbetare,c@x.se,,5 jan,Cia,\nsof,,medarbetare,,,,Ingen,\n";
        let (r, w) = read("hr.csv", text.as_bytes()).unwrap();
        assert_eq!(r.people.len(), 3);
        let a = r.find("p-1").unwrap();
        assert_eq!(
            (a.key.as_str(), a.manager.as_str()),
            ("a@x.se", "boss@x.se")
        );
        assert_eq!(a.start_date, Date::from_ymd_opt(2026, 1, 5));
        assert_eq!(r.find("p-2").unwrap().name, "Bo");
        assert_eq!(r.find("c@x.se").unwrap().start_date, None);
        let w: Vec<String> = w
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect();
        assert!(
            w[0].starts_with("hr.csv:4:1: `a@x.se` is already in the roster on line 2"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("hr.csv:5:1: start_date is `5 jan`"),
            "{w:?}"
        );
        assert!(
            w[2].starts_with("hr.csv:6:1: the roster row has no e-mail"),
            "{w:?}"
        );
        let e = read("hr.csv", "email,name\n".as_bytes()).unwrap_err();
        assert_eq!(e.location(), "hr.csv:1:1");
        assert!(
            e.message.en().ends_with("lacks the column(s) unit, role"),
            "{}",
            e.message
        );
    }
}
