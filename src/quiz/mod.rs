//! `quizzes/ID.yaml` → [`Quiz`], strictly validated (SPEC §3.5): single
//! choice has exactly one correct option, multiple at least one, true/false
//! an `answer` and no options. Errors point at the question's line.
//!
//! Every question has an id (`[a-z0-9-]+`): its `id:` when written, else
//! [`derived_id`], a short hash of its type, prompt and option texts, so an
//! unchanged question keeps its id across versions and results can be
//! compared per question. A question's `source:` (`LIS-R-05#krav`) is
//! checked against the site by `site::quiz_sources`.

use crate::diagnostics::Diagnostic;
use crate::frontmatter::Located;
use crate::model::{Question, QuestionKind, Quiz, QuizOption, RawQuestion, RawQuiz, QUIZ_KEYS};

/// The quiz id of a file: its name without `.yaml`/`.yml`.
pub fn id_from_path(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(name)
        .to_string()
}

/// The most options a question may have: a SCORM choice interaction names
/// each option with one of 36 characters (SCORM 1.2: `0`–`9`, `a`–`z`;
/// SCORM 2004 allows 36 responses in a pattern).
pub const MAX_OPTIONS: usize = 36;

/// The hint to an [`unreportable`] question.
pub fn unreportable_hint() -> crate::messages::Message {
    t!("every module is also packaged for learning platforms (SCORM), which record each answer as a choice among at most 36 options; split the question")
}

/// Why question `n` (1-based) with `options` options cannot be reported
/// as a SCORM interaction, if it cannot.
pub fn unreportable(n: usize, options: usize) -> Option<crate::messages::Message> {
    (options > MAX_OPTIONS).then(|| {
        t!("a learning-platform package cannot report question {n}: it has {options} options, a SCORM interaction at most {MAX_OPTIONS}", n, options, MAX_OPTIONS)
    })
}

/// Parses one quiz file; `path` is relative to the site root.
pub fn parse(path: &str, text: &str) -> (Option<Quiz>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let id = id_from_path(path);
    if !crate::document::is_valid_id(&id) {
        diags.push(
            Diagnostic::error(
                path,
                t!("the quiz id `{id}` (the file name) is not a valid id", id),
            )
            .with_hint(t!(
                "name quiz files with letters, digits and . _ -, e.g. grundkurs.yaml"
            )),
        );
    }
    let loc = Located::file(path, text);
    let raw: RawQuiz = match loc.parse_strict(QUIZ_KEYS) {
        Ok(r) => r,
        Err(errors) => {
            diags.extend(errors);
            return (None, diags);
        }
    };
    let title = raw.title.unwrap_or_default();
    if title.trim().is_empty() {
        diags.push(loc.error((1, 1), t!("missing required key `title`")));
    }
    let pass_mark = raw.pass_mark.unwrap_or(80);
    if !(1..=100).contains(&pass_mark) {
        diags.push(loc.error(
            (loc.key_line("pass_mark"), 1),
            t!(
                "pass_mark is {pass_mark}; it is a percentage from 1 to 100",
                pass_mark
            ),
        ));
    }
    let questions = questions(&loc, raw.questions.unwrap_or_default(), &mut diags);
    let quiz = Quiz {
        id,
        source_path: path.to_string(),
        title,
        pass_mark,
        shuffle: raw.shuffle,
        questions,
    };
    (Some(quiz), diags)
}

/// The questions, each checked; errors point at the question's `- ` line.
fn questions(loc: &Located, raw: Vec<RawQuestion>, diags: &mut Vec<Diagnostic>) -> Vec<Question> {
    if raw.is_empty() {
        diags.push(loc.error(
            (loc.key_line("questions"), 1),
            t!("a quiz needs at least one question under `questions`"),
        ));
    }
    let item_lines = loc.item_lines("questions");
    let mut questions: Vec<Question> = Vec::new();
    for (i, q) in raw.into_iter().enumerate() {
        let line = item_lines
            .get(i)
            .copied()
            .unwrap_or_else(|| loc.key_line("questions"));
        let end = item_lines.get(i + 1).copied().unwrap_or(usize::MAX);
        let prompt = q.prompt.unwrap_or_default();
        let options = q.options.unwrap_or_default();
        let mut problems = Vec::new();
        if prompt.trim().is_empty() {
            problems.push("missing `prompt`".to_string());
        }
        question_rules(q.kind, q.answer, &options, &mut problems);
        let taken = |id: &str| questions.iter().position(|o| o.id == id);
        let id = match q.id {
            Some(id) => {
                if !is_question_id(&id) {
                    problems.push(format!(
                        "the id `{id}` is not a question id (lowercase letters, digits and -)"
                    ));
                }
                if let Some(k) = taken(&id) {
                    problems.push(format!("has the same id `{id}` as question {}", k + 1));
                }
                id
            }
            // Identical questions: the second is `…-2`, the third `…-3`.
            None => {
                let base = derived_id(q.kind, &prompt, &options);
                let mut id = base.clone();
                let mut n = 1;
                while taken(&id).is_some() {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                id
            }
        };
        for msg in problems {
            diags.push(loc.error((line, 1), t!("question {n}: {msg}", n = i + 1, msg)));
        }
        if let Some(msg) = unreportable(i + 1, options.len()) {
            diags.push(loc.error((line, 1), msg).with_hint(unreportable_hint()));
        }
        let source_line = key_line_within(loc.source(), "source", line, end).unwrap_or(line);
        questions.push(Question {
            id,
            kind: q.kind,
            prompt,
            options,
            answer: q.answer,
            explanation: q.explanation.unwrap_or_default(),
            source: q.source,
            line,
            source_line,
        });
    }
    questions
}

/// Is `id` a question id: `[a-z0-9-]+`, not starting or ending with `-`?
pub fn is_question_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The id of a question without `id:`: `q-` and the first 10 hex digits
/// of SHA-256 over its type, prompt and option texts (whitespace runs
/// read as one space, so rewrapping the YAML keeps the id). Editing the
/// prompt or an option gives a new id; changing only which option is
/// correct, the explanation or the source keeps it. A second identical
/// question in the same file gets `-2` appended (a third `-3`).
pub fn derived_id(kind: QuestionKind, prompt: &str, options: &[QuizOption]) -> String {
    let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = format!("{kind:?}\n{}", norm(prompt));
    for o in options {
        text.push('\n');
        text.push_str(&norm(&o.text));
    }
    let hex = crate::digest::sha256_hex(&text);
    format!("q-{}", &hex[..10])
}

/// The 1-based line of `key:` inside the YAML item running from line
/// `start` up to (not including) line `end`.
fn key_line_within(text: &str, key: &str, start: usize, end: usize) -> Option<usize> {
    let want = format!("{key}:");
    text.lines()
        .enumerate()
        .skip(start.saturating_sub(1))
        .take_while(|(n, _)| n + 1 < end)
        .find(|(_, l)| {
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            t.starts_with(&want)
        })
        .map(|(n, _)| n + 1)
}

/// A question as the report lists it: id, type and prompt (Markdown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRef {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
}

/// Every question of `quiz` as a [`QuestionRef`].
pub fn question_refs(quiz: &Quiz) -> Vec<QuestionRef> {
    quiz.questions
        .iter()
        .map(|q| QuestionRef {
            id: q.id.clone(),
            kind: q.kind,
            prompt: q.prompt.clone(),
        })
        .collect()
}

/// What is wrong with one question's options and answer for its type.
fn question_rules(
    kind: QuestionKind,
    answer: Option<bool>,
    options: &[QuizOption],
    problems: &mut Vec<String>,
) {
    let correct = options.iter().filter(|o| o.correct).count();
    match kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            if answer.is_some() {
                problems.push(
                    "`answer` is only for truefalse questions; mark options with `correct: true`"
                        .into(),
                );
            }
            if options.len() < 2 {
                problems.push(format!("needs at least two options, has {}", options.len()));
            }
            if options.iter().any(|o| o.text.trim().is_empty()) {
                problems.push("an option has no text".into());
            }
            if kind == QuestionKind::Single && correct != 1 {
                problems.push(format!(
                    "a single-choice question needs exactly one correct option, has {correct}"
                ));
            }
            if kind == QuestionKind::Multiple && correct == 0 {
                problems
                    .push("a multiple-choice question needs at least one correct option".into());
            }
        }
        QuestionKind::Truefalse => {
            if answer.is_none() {
                problems
                    .push("a truefalse question needs `answer: true` or `answer: false`".into());
            }
            if !options.is_empty() {
                problems.push("a truefalse question has no `options`".into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        let (_, d) = parse("quizzes/q.yaml", text);
        d.iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn a_valid_quiz() {
        let text = "title: Grund\npass_mark: 80\nshuffle: true\nquestions:\n  - type: single\n    prompt: Vad?\n    options:\n      - { text: A, correct: true }\n      - { text: B }\n  - type: truefalse\n    prompt: Sant?\n    answer: false\n";
        let (q, d) = parse("quizzes/grund.yaml", text);
        assert!(d.is_empty(), "{d:?}");
        let q = q.unwrap();
        assert_eq!(q.id, "grund");
        assert_eq!(q.questions.len(), 2);
    }

    #[test]
    fn every_rule_with_the_question_line() {
        let text = "title: Q\nquestions:\n  - type: single\n    prompt: A\n    options:\n      - { text: x, correct: true }\n      - { text: y, correct: true }\n  - type: multiple\n    prompt: B\n    options:\n      - { text: x }\n  - type: truefalse\n    prompt: C\n    options:\n      - { text: x }\n";
        let e = errors(text);
        assert!(e.contains(&"quizzes/q.yaml:3:1: question 1: a single-choice question needs exactly one correct option, has 2".to_string()), "{e:?}");
        assert!(
            e.contains(
                &"quizzes/q.yaml:8:1: question 2: needs at least two options, has 1".to_string()
            ),
            "{e:?}"
        );
        assert!(e.contains(&"quizzes/q.yaml:8:1: question 2: a multiple-choice question needs at least one correct option".to_string()), "{e:?}");
        assert!(e.contains(&"quizzes/q.yaml:12:1: question 3: a truefalse question needs `answer: true` or `answer: false`".to_string()), "{e:?}");
        assert!(
            e.contains(
                &"quizzes/q.yaml:12:1: question 3: a truefalse question has no `options`"
                    .to_string()
            ),
            "{e:?}"
        );
    }

    #[test]
    fn bad_types_and_keys() {
        let e = errors("title: Q\nquestions:\n  - type: essay\n    prompt: A\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("quizzes/q.yaml:3:"), "{e:?}");
        assert!(e[0].contains("`essay` is not an allowed value"), "{e:?}");
        let e = errors("title: Q\npassmark: 80\nquestions: []\n");
        assert_eq!(e, ["quizzes/q.yaml:2:1: unknown key `passmark`"]);
        let e = errors("title: Q\npass_mark: 0\n");
        assert!(e.iter().any(|m| m.contains("percentage")), "{e:?}");
        assert!(
            e.iter().any(|m| m.contains("at least one question")),
            "{e:?}"
        );
    }
}

#[cfg(test)]
mod more_rules {
    use super::parse;

    fn errors(text: &str) -> Vec<String> {
        let (_, d) = parse("quizzes/q.yaml", text);
        d.iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn options_prompts_and_answers_each_with_the_question_line() {
        let text = "title: Q\nquestions:\n  - type: single\n    prompt: A\n    options:\n      - { text: x, correct: true }\n  - type: single\n    options:\n      - { text: x, correct: true }\n      - { text: y }\n  - type: single\n    prompt: C\n    answer: true\n    options:\n      - { text: x, correct: true }\n      - { text: '' }\n";
        let e = errors(text);
        for want in [
            "quizzes/q.yaml:3:1: question 1: needs at least two options, has 1",
            "quizzes/q.yaml:7:1: question 2: missing `prompt`",
            "quizzes/q.yaml:11:1: question 3: `answer` is only for truefalse questions; mark options with `correct: true`",
            "quizzes/q.yaml:11:1: question 3: an option has no text",
        ] {
            assert!(e.contains(&want.to_string()), "{want} not in {e:#?}");
        }
        assert_eq!(e.len(), 4, "{e:#?}");
    }

    #[test]
    fn a_misspelt_key_inside_an_option_names_its_place() {
        let e = errors("title: Q\nquestions:\n  - type: multiple\n    prompt: D\n    options:\n      - { text: x, corect: true }\n      - { text: y }\n");
        assert_eq!(
            e,
            ["quizzes/q.yaml:6:20: questions[0].options[0]: unknown key `corect`"]
        );
    }

    #[test]
    fn a_missing_title_is_an_error() {
        let e = errors("questions:\n  - type: truefalse\n    prompt: A\n    answer: true\n");
        assert_eq!(e, ["quizzes/q.yaml:1:1: missing required key `title`"]);
    }
}

#[cfg(test)]
mod id_tests;
