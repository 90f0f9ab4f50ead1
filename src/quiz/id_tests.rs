//! Question ids and sources: written, derived, invalid, duplicated.

use super::*;

fn errors(text: &str) -> Vec<String> {
    let (_, d) = parse("quizzes/q.yaml", text);
    d.iter()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect()
}

const TWO: &str = "title: Q\nquestions:\n  - type: truefalse\n    prompt: Får du dela lösenord?\n    answer: false\n  - id: rapportera\n    type: single\n    prompt: Vem rapporterar?\n    options:\n      - { text: Alla, correct: true }\n      - { text: Ingen }\n    source: LIS-R-05#syfte\n";

#[test]
fn a_written_id_is_kept_and_a_missing_one_is_derived() {
    let (q, d) = parse("quizzes/q.yaml", TWO);
    assert!(d.is_empty(), "{d:?}");
    let q = q.unwrap();
    assert_eq!(q.questions[1].id, "rapportera");
    let derived = &q.questions[0].id;
    assert!(
        derived.starts_with("q-") && derived.len() == 12,
        "{derived}"
    );
    assert!(is_question_id(derived));
    assert_eq!(q.questions[1].source.as_deref(), Some("LIS-R-05#syfte"));
    assert_eq!((q.questions[1].line, q.questions[1].source_line), (6, 12));
    assert_eq!(q.questions[0].source_line, q.questions[0].line);
}

#[test]
fn a_derived_id_survives_rewrapping_and_answer_fixes_but_not_a_new_prompt() {
    let opts = |c: bool| {
        vec![
            QuizOption {
                text: "Alla".into(),
                correct: c,
            },
            QuizOption {
                text: "Ingen".into(),
                correct: !c,
            },
        ]
    };
    let a = derived_id(QuestionKind::Single, "Vem  rapporterar?\n", &opts(true));
    assert_eq!(
        a,
        derived_id(QuestionKind::Single, "Vem rapporterar?", &opts(false))
    );
    assert_ne!(
        a,
        derived_id(
            QuestionKind::Single,
            "Vem rapporterar incidenter?",
            &opts(true)
        )
    );
    assert_ne!(
        a,
        derived_id(QuestionKind::Multiple, "Vem rapporterar?", &opts(true))
    );
    // The same text in another file (another version) gives the same id.
    let (q1, _) = parse("quizzes/a.yaml", TWO);
    let (q2, _) = parse(
        "quizzes/b.yaml",
        &TWO.replace("title: Q", "title: Ny titel"),
    );
    assert_eq!(q1.unwrap().questions[0].id, q2.unwrap().questions[0].id);
}

#[test]
fn bad_and_duplicate_ids_are_errors_at_the_question_line() {
    let text = "title: Q\nquestions:\n  - id: Rapport_1\n    type: truefalse\n    prompt: A\n    answer: true\n  - id: ett\n    type: truefalse\n    prompt: B\n    answer: true\n  - id: ett\n    type: truefalse\n    prompt: C\n    answer: false\n  - type: truefalse\n    prompt: D\n    answer: true\n  - type: truefalse\n    prompt: D\n    answer: false\n";
    let e = errors(text);
    let want = [
        "quizzes/q.yaml:3:1: question 1: the id `Rapport_1` is not a question id (lowercase letters, digits and -)",
        "quizzes/q.yaml:11:1: question 3: has the same id `ett` as question 2",
    ];
    assert_eq!(e, want, "{e:#?}");
    // Two identical questions without `id:` are told apart by a suffix.
    let (q, _) = parse("quizzes/q.yaml", text);
    let q = q.unwrap();
    let derived = derived_id(QuestionKind::Truefalse, "D", &[]);
    assert_eq!(q.questions[3].id, derived);
    assert_eq!(q.questions[4].id, format!("{derived}-2"));
    // An explicit id that a derived one already has is an error too.
    let clash = format!("title: Q\nquestions:\n  - type: truefalse\n    prompt: D\n    answer: true\n  - id: {derived}\n    type: truefalse\n    prompt: E\n    answer: true\n");
    assert_eq!(
        errors(&clash),
        [format!(
            "quizzes/q.yaml:6:1: question 2: has the same id `{derived}` as question 1"
        )]
    );
}

#[test]
fn question_ids_follow_the_contract() {
    for ok in ["a", "krav-1", "q-0a1b2c3d4e"] {
        assert!(is_question_id(ok), "{ok}");
    }
    for bad in ["", "-a", "a-", "A", "a_b", "å", "a b"] {
        assert!(!is_question_id(bad), "{bad}");
    }
}

#[test]
fn question_refs_list_ids_kinds_and_prompts_in_file_order() {
    let (q, _) = parse("quizzes/q.yaml", TWO);
    let refs = question_refs(&q.unwrap());
    assert_eq!(refs.len(), 2);
    assert_eq!(refs[1].id, "rapportera");
    assert_eq!(refs[1].kind, QuestionKind::Single);
    assert_eq!(refs[1].prompt, "Vem rapporterar?");
}
