//! A quiz file as written ([`RawQuiz`]) and as validated ([`Quiz`]).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuiz {
    pub title: Option<String>,
    pub pass_mark: Option<u32>,
    #[serde(default)]
    pub shuffle: bool,
    pub questions: Option<Vec<RawQuestion>>,
}

pub const QUIZ_KEYS: &[&str] = &["title", "pass_mark", "shuffle", "questions"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Single,
    Multiple,
    Truefalse,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub prompt: Option<String>,
    pub options: Option<Vec<QuizOption>>,
    pub answer: Option<bool>,
    pub explanation: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuizOption {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
}

/// A validated quiz bank from `quizzes/ID.yaml`.
#[derive(Debug, Clone)]
pub struct Quiz {
    pub id: String,
    pub source_path: String,
    pub title: String,
    pub pass_mark: u32,
    pub shuffle: bool,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone)]
pub struct Question {
    /// `id:` as written, else derived from the text (see `quiz::derived_id`).
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<QuizOption>,
    pub answer: Option<bool>,
    pub explanation: String,
    /// `source:` as written: a document id and an optional `#heading`.
    pub source: Option<String>,
    /// Line of the question's `- ` in the quiz file, and of its `source:`.
    pub line: usize,
    pub source_line: usize,
}
