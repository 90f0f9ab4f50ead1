//! The CSV reader of results (SPEC §4, the export of what
//! `training.report_endpoint` collected): a header row, columns in any
//! order, extra columns ignored. It streams: [`CsvCompletions`] yields one
//! [`Completion`] at a time, so a file of any size is read in bounded
//! memory. Other readers (an xAPI statement store, say) produce the same
//! [`Completion`] and feed the same [`super::Tally`].
//!
//! A file without styrdok's `kind` and `passed` columns is read as a
//! learning platform's results export ([`super::lms_csv`]), row by row the
//! same way.

use super::csv::{field, read_header, Header, Reader, Record};
use super::lms_csv::{self, Known, Row};
use super::{Attempt, Completion, FIELDS};
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use std::io::BufRead;

/// A diagnostic at a record's line, with the line's text shown under it.
pub(super) fn at_record(d: Diagnostic, line: usize, text: &str) -> Diagnostic {
    let mut d = d.at(text, 1, 1);
    d.line = Some(line);
    d
}

/// The results in a CSV export, one [`Completion`] at a time. A row that
/// cannot count is skipped with a warning in [`CsvCompletions::warnings`];
/// an `Err` means the file is malformed, and nothing more follows.
pub struct CsvCompletions<R> {
    path: String,
    reader: Reader<R>,
    layout: Layout,
    /// The record being read (its buffers reused row after row).
    record: Record,
    /// Rows skipped and values left out, each at its line.
    pub warnings: Vec<Diagnostic>,
}

/// Which export the file is.
enum Layout {
    /// styrdok's own (SPEC §4): the index of each of [`COLUMNS`] in the
    /// file, when it has it.
    Own([Option<usize>; COLUMNS.len()]),
    /// A learning platform's results export.
    Lms(Box<Platform>),
}

/// A learning platform's export being read, and the rows skipped as a
/// group (said once at the end, not on every line).
struct Platform {
    columns: lms_csv::Columns,
    known: Known,
    /// Rows of courses that are no styrdok package: how many, the first line.
    other: (usize, usize),
    /// Rows of a path's package: how many, the first line, the path.
    paths: (usize, usize, String),
    summarised: bool,
}

/// The columns read, in the order of [`Layout::Own`].
const COLUMNS: [&str; 12] = [
    "kind",
    "id",
    "version",
    "score",
    "passed",
    "name",
    "email",
    "person",
    "unit",
    "completed_at",
    "attempt",
    "answers",
];

/// A CSV error (a malformed file) as a diagnostic at its line.
pub(super) fn csv_error(path: &str, e: super::csv::CsvError) -> Diagnostic {
    at_record(Diagnostic::error(path, e.message), e.line, "")
}

/// Reads a file's header row; an empty file is the error `empty`.
pub(super) fn header<R: BufRead>(
    path: &str,
    reader: &mut Reader<R>,
    empty: Message,
) -> Result<Header, Diagnostic> {
    match read_header(reader) {
        Ok(Some(h)) => Ok(h),
        Ok(None) => Err(Diagnostic::error(path, empty)),
        Err(e) => Err(csv_error(path, e)),
    }
}

/// Opens the export: reads the header row and decides whose export it is
/// (styrdok's own when it has a `kind` or `passed` column, else a learning
/// platform's); `known` is what the platform reader needs of the site.
pub fn read_csv<R: BufRead>(
    path: &str,
    input: R,
    known: Known,
) -> Result<CsvCompletions<R>, Diagnostic> {
    let mut reader = Reader::new(input);
    let header = header(
        path,
        &mut reader,
        t!("the file is empty; it needs a header row"),
    )?;
    let layout = if header.has("kind") || header.has("passed") {
        Layout::Own(own_columns(path, &header)?)
    } else {
        let columns = lms_csv::Columns::match_header(&header).map_err(|missing| {
            let d = Diagnostic::error(
                path,
                t!(
                    "the header row is neither styrdok's results export (kind, id, version, passed) nor a learning platform's: no column for {missing}",
                    missing = missing.join(", ")
                ),
            )
            .with_hint(t!(
                "a learning platform's export is read by its headings, such as {names}",
                names = lms_csv::accepted()
            ));
            at_record(d, header.record.line, &header.record.text)
        })?;
        Layout::Lms(Box::new(Platform {
            columns,
            known,
            other: (0, 0),
            paths: (0, 0, String::new()),
            summarised: false,
        }))
    };
    Ok(CsvCompletions {
        path: path.to_string(),
        reader,
        layout,
        record: Record::default(),
        warnings: Vec::new(),
    })
}

/// The columns of styrdok's own export; an error when a required one is
/// missing.
fn own_columns(path: &str, header: &Header) -> Result<[Option<usize>; COLUMNS.len()], Diagnostic> {
    let has = |c: &str| header.has(c);
    let mut missing: Vec<&str> = ["kind", "id", "version", "passed"]
        .into_iter()
        .filter(|c| !has(c))
        .collect();
    if !(has("email") || has("name") || has("person")) {
        missing.push("email or name");
    }
    if missing.is_empty() {
        return Ok(COLUMNS.map(|c| header.column(c)));
    }
    let d = Diagnostic::error(
        path,
        t!(
            "the header row lacks the column(s) {missing}",
            missing = missing.join(", ")
        ),
    )
    .with_hint(t!(
        "the columns are {fields} (and optionally attempt, answers)",
        fields = FIELDS.join(",")
    ));
    Err(at_record(d, header.record.line, &header.record.text))
}

impl<R: BufRead> Iterator for CsvCompletions<R> {
    type Item = Result<Completion, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut record = std::mem::take(&mut self.record);
        let next = loop {
            match self.reader.read_into(&mut record) {
                Err(e) => break Some(Err(csv_error(&self.path, e))),
                Ok(false) => {
                    self.summarise();
                    break None;
                }
                Ok(true) => match self.any_row(&record) {
                    Ok(Some(c)) => break Some(Ok(c)),
                    Ok(None) => {}
                    Err(w) => self.warnings.push(w),
                },
            }
        };
        self.record = record;
        next
    }
}

impl<R> CsvCompletions<R> {
    /// One row of either export: a result, nothing (a row that is no
    /// result, counted for the summary), or a warning.
    fn any_row(&mut self, r: &Record) -> Result<Option<Completion>, Diagnostic> {
        let Layout::Lms(platform) = &mut self.layout else {
            return self.row(r).map(Some);
        };
        let warn = |msg: Message| at_record(Diagnostic::warning(&self.path, msg), r.line, &r.text);
        let mut notes = Vec::new();
        let row = platform.columns.row(r, &platform.known, &mut notes);
        self.warnings.extend(notes.into_iter().map(warn));
        match row.map_err(warn)? {
            Row::Result(c) => return Ok(Some(c)),
            Row::Other => {
                platform.other.0 += 1;
                if platform.other.1 == 0 {
                    platform.other.1 = r.line;
                }
            }
            Row::Path(id) => {
                platform.paths.0 += 1;
                if platform.paths.1 == 0 {
                    platform.paths = (1, r.line, id);
                }
            }
            Row::Open => {}
        }
        Ok(None)
    }

    /// At the end of a platform's export: one warning for the rows of other
    /// courses and one for the rows of paths, each at its first line.
    fn summarise(&mut self) {
        let Layout::Lms(platform) = &mut self.layout else {
            return;
        };
        if std::mem::replace(&mut platform.summarised, true) {
            return;
        }
        let at = |msg: Message, line: usize| {
            let mut d = Diagnostic::warning(&self.path, msg);
            d.line = Some(line);
            d
        };
        let (n, first) = platform.other;
        if n > 0 {
            self.warnings.push(
                at(t!("{n} row(s), the first on this line, are of courses that are no styrdok package; skipped", n), first)
                    .with_hint(t!("a styrdok package's identifier carries the module id and version, such as styrdok-M-01-v2.0")),
            );
        }
        let (n, first, path) = &platform.paths;
        if *n > 0 {
            self.warnings.push(
                at(t!("{n} row(s), the first on this line, are results of the path {path}'s package, which do not say which of its modules were passed; skipped", n, path), *first)
                    .with_hint(t!("export the results per module (SCO), or let the platform assign the modules' own packages")),
            );
        }
    }

    fn get<'r>(&self, r: &'r Record, name: &str) -> &'r str {
        let k = match name {
            "kind" => 0,
            "id" => 1,
            "version" => 2,
            "score" => 3,
            "passed" => 4,
            "name" => 5,
            "email" => 6,
            "person" => 7,
            "unit" => 8,
            "completed_at" => 9,
            "attempt" => 10,
            _ => 11,
        };
        debug_assert_eq!(COLUMNS[k], name);
        match &self.layout {
            Layout::Own(column) => field(r, column[k]),
            Layout::Lms(_) => "",
        }
    }

    /// One row; a warning when it cannot count. A bad `score` or
    /// `answers` only drops that value (the pass still counts), with a
    /// warning.
    fn row(&mut self, r: &Record) -> Result<Completion, Diagnostic> {
        let path = self.path.clone();
        let warn = |msg: crate::messages::Message| {
            at_record(Diagnostic::warning(&path, msg), r.line, &r.text)
        };
        let kind = self.get(r, "kind").to_lowercase();
        if kind != "quiz" && kind != "receipt" {
            return Err(warn(t!(
                "kind is `{kind}`, not quiz or receipt; row skipped",
                kind
            )));
        }
        let passed = match self.get(r, "passed").to_lowercase().as_str() {
            "true" | "1" | "yes" | "ja" => true,
            "false" | "0" | "no" | "nej" => false,
            // A read receipt is itself the confirmation.
            "" if kind == "receipt" => true,
            other => {
                return Err(warn(t!(
                    "passed is `{other}`, not true or false; row skipped",
                    other
                )))
            }
        };
        let attempt = match self.get(r, "attempt").to_lowercase().as_str() {
            "" | "post" => Attempt::Post,
            "pre" => Attempt::Pre,
            "retention" => Attempt::Retention,
            other => {
                return Err(warn(t!(
                    "attempt is `{other}`, not pre, post or retention; row skipped",
                    other
                )))
            }
        };
        let person = [
            self.get(r, "person"),
            self.get(r, "email"),
            self.get(r, "name"),
        ]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_lowercase();
        let id = self.get(r, "id");
        if person.is_empty() || id.is_empty() {
            return Err(warn(t!("no e-mail, name or id; row skipped")));
        }
        let score = parse_score(self.get(r, "score")).unwrap_or_else(|m| {
            self.warnings.push(warn(m));
            None
        });
        let answers = parse_answers(self.get(r, "answers")).unwrap_or_else(|m| {
            self.warnings.push(warn(m));
            Vec::new()
        });
        Ok(Completion {
            line: r.line,
            kind,
            id: id.to_string(),
            version: self.get(r, "version").to_string(),
            passed,
            person,
            unit: self.get(r, "unit").to_string(),
            completed_at: self.get(r, "completed_at").to_string(),
            attempt,
            score,
            answers,
        })
    }
}

/// `score`: empty, or a percent 0–100 (`80`, `80.5`, `80,5`, `80 %`).
fn parse_score(s: &str) -> Result<Option<f64>, Message> {
    if s.is_empty() {
        return Ok(None);
    }
    let n = s.trim_end_matches('%').trim().replace(',', ".");
    match n.parse::<f64>() {
        Ok(v) if (0.0..=100.0).contains(&v) => Ok(Some(v)),
        _ => Err(t!(
            "score is `{s}`, not a percent from 0 to 100; the score is left out",
            s
        )),
    }
}

/// `answers`: `qid=1;qid=0;…` (1 right, 0 wrong), or empty.
fn parse_answers(s: &str) -> Result<Vec<(String, bool)>, Message> {
    let mut out = Vec::new();
    for item in s.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let parsed = item.split_once('=').and_then(|(q, v)| {
            let right = match v.trim() {
                "1" => true,
                "0" => false,
                _ => return None,
            };
            crate::quiz::is_question_id(q.trim()).then(|| (q.trim().to_string(), right))
        });
        match parsed {
            Some(a) => out.push(a),
            None => {
                return Err(t!(
                    "answers has `{item}`, not question-id=1 or =0; the answers are left out",
                    item
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> (Vec<Completion>, Vec<String>) {
        let mut r = read_csv("e.csv", text.as_bytes(), Known::default()).unwrap();
        let rows = r.by_ref().map(Result::unwrap).collect();
        let w = r
            .warnings
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message));
        (rows, w.collect())
    }

    #[test]
    fn attempts_scores_and_answers() {
        let r = rows("kind,id,version,passed,email,attempt,score,answers\nquiz,M-1,1.0,false,a@x.se,pre,40,q-a=1;q-b=0\nquiz,M-1,1.0,true,a@x.se,,\"90,5\",\nquiz,M-1,1.0,true,a@x.se,later,90,\nquiz,M-1,1.0,true,b@x.se,retention,120,q-a=yes\n");
        let (r, w) = r;
        assert_eq!(r.len(), 3, "{w:?}");
        assert_eq!(r[0].attempt, Attempt::Pre);
        assert_eq!(r[0].score, Some(40.0));
        assert_eq!(
            r[0].answers,
            [("q-a".to_string(), true), ("q-b".into(), false)]
        );
        assert_eq!((r[1].attempt, r[1].score), (Attempt::Post, Some(90.5)));
        assert!(w[0].starts_with("e.csv:4:1: attempt is `later`"), "{w:?}");
        // A bad score or answer list drops only that value.
        assert_eq!((r[2].score, r[2].answers.len()), (None, 0));
        assert!(w[1].starts_with("e.csv:5:1: score is `120`"), "{w:?}");
        assert!(
            w[2].starts_with("e.csv:5:1: answers has `q-a=yes`"),
            "{w:?}"
        );
    }

    #[test]
    fn a_person_column_is_the_key_before_the_e_mail() {
        let r = rows("kind,id,version,passed,email,person\nquiz,M-1,1.0,true,a@x.se,P-7\nquiz,M-1,1.0,true,a@x.se,\n");
        assert_eq!(r.0[0].person, "p-7");
        assert_eq!(r.0[1].person, "a@x.se");
    }
}
