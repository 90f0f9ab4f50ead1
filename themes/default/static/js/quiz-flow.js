// Pure logic of a quiz attempt, without the DOM (tests/js/quiz-flow.test.js):
// which attempt a module page offers (pre-test, post-test, retention check),
// the right answer of a question once it is answered, what a result sends
// to the report endpoint, and the browser events the LMS bridge listens to
// (docs/training.md, "Browser events").
//
// Attempt kinds: "pre" (before the lesson, `pretest: true`), "post" (after
// it; a pass completes the module) and "retention" (the same items again
// `retest_after_days` after the pass).

import { isCorrect, selectionKey, major } from './quiz-core.js';

const DAY = 24 * 60 * 60 * 1000;

/** Every non-empty subset of `0..n-1`, as arrays of strings, small ones first. */
function subsets(n) {
  const all = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    all.push([...Array(n).keys()].filter((i) => mask & (1 << i)).map(String));
  }
  return all.sort((a, b) => a.length - b.length);
}

/**
 * The right answer of `question`, found the only way the page allows:
 * hashing each possible selection until one matches. Option indices as
 * strings (`["0", "2"]`), or `["true"]`/`["false"]`; `[]` when none matches.
 * Called once the person has answered, to show the right option.
 */
export function correctValues(question) {
  const candidates = question.kind === 'truefalse'
    ? [['true'], ['false']]
    : question.kind === 'single'
      ? question.options.map((_, i) => [String(i)])
      : subsets(Math.min(question.options.length, 12));
  return candidates.find((c) => isCorrect(question, c)) || [];
}

/** A selection as the events carry it: strings in canonical order. */
export function responseOf(kind, values) {
  const key = selectionKey(kind, values.map((v) => (kind === 'truefalse' ? String(v) : v)));
  return key === '' ? [] : key.split(',');
}

/** HTML (sanitised at build time) as plain text, for events. */
export function plainText(html) {
  return String(html || '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `styrdok:quiz-start` detail. */
export function startDetail(quiz, attempt) {
  return {
    module: quiz.module,
    version: quiz.version,
    quiz: quiz.quiz,
    attempt,
    passMark: quiz.pass_mark,
    questions: quiz.questions.map((q) => ({ id: q.id, type: q.kind, prompt: plainText(q.prompt) })),
  };
}

/** `styrdok:quiz-answer` detail for question `q` answered with `values`. */
export function answerDetail(quiz, attempt, q, values, correct) {
  return {
    module: quiz.module,
    version: quiz.version,
    attempt,
    question: q.id,
    type: q.kind,
    response: responseOf(q.kind, values),
    correct,
    correctResponse: correctValues(q),
  };
}

/** `{qid: true|false}` for the answered questions. */
export function answerMap(quiz, answers) {
  const map = {};
  quiz.questions.forEach((q, i) => {
    if (answers[i] !== undefined) map[q.id] = answers[i] === true;
  });
  return map;
}

/** `styrdok:quiz-result` detail. */
export function resultDetail(quiz, attempt, score, passed, answers) {
  return {
    module: quiz.module,
    version: quiz.version,
    attempt,
    score,
    passed,
    passMark: quiz.pass_mark,
    answers: answerMap(quiz, answers),
  };
}

/** The `answers` field of a results row: `qid=1;qid=0;…` (1 = right), file order. */
export function answersField(quiz, answers) {
  return quiz.questions
    .map((q, i) => (answers[i] === undefined ? null : `${q.id}=${answers[i] ? 1 : 0}`))
    .filter(Boolean)
    .join(';');
}

/** Milliseconds of an ISO time, or NaN. */
function time(iso) {
  return Date.parse(String(iso || ''));
}

/**
 * When the retention check of a pass falls due: `completed_at` plus `days`,
 * as a Date; null without a pass of the current major version or with
 * `days` 0.
 */
export function retentionDueDate(record, quiz) {
  const days = Number(quiz.retest_after_days) || 0;
  if (days <= 0 || !record || !record.passed) return null;
  if (major(record.version) !== major(quiz.version)) return null;
  const t = time(record.completed_at);
  return Number.isNaN(t) ? null : new Date(t + days * DAY);
}

/**
 * Is a retention check due at `now`: the pass is old enough and no
 * retention attempt was made since the due date.
 */
export function retentionDue(record, retention, quiz, now = new Date()) {
  const due = retentionDueDate(record, quiz);
  if (!due || now.getTime() < due.getTime()) return false;
  return !(retention && time(retention.completed_at) >= due.getTime());
}

/**
 * Should the page offer the pre-test: the module asks for one, and this
 * browser has neither a pre-test nor a post-test result of its current
 * major version (someone who already took the test gains nothing from it).
 */
export function pretestOffered(quiz, pre, post) {
  if (!quiz.pretest) return false;
  const same = (r) => r && major(r.version) === major(quiz.version);
  return !same(pre) && !same(post);
}

/** Whole days from `from` to `to` (ISO time, Date), rounded down, at least 0. */
export function daysBetween(from, to = new Date()) {
  const t = time(from);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((to.getTime() - t) / DAY));
}

/**
 * What to reread after an attempt: each wrongly answered question (in the
 * order asked) with its source section, when it names one.
 */
export function toReread(quiz, order, answers) {
  return order
    .filter((qi) => answers[qi] === false)
    .map((qi) => ({ index: qi, prompt: quiz.questions[qi].prompt, url: quiz.questions[qi].source_url || '', title: quiz.questions[qi].source_title || '' }));
}
