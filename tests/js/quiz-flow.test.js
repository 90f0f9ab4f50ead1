// Unit tests of the quiz attempt logic (quiz-flow.js): the right answer
// found by hashing, the event details of the LMS contract, the `answers`
// field, and when a pre-test and a retention check are offered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as flow from '../../themes/default/static/js/quiz-flow.js';

const sha = (s) => createHash('sha256').update(s, 'utf8').digest('hex');
const q = (id, kind, options, correct, salt = 's1') => ({ id, kind, prompt: `<strong>${id}</strong> &amp; fråga`, options, salt, hash: sha(`${salt}:${correct}`) });

const quiz = {
  quiz: 'grund', module: 'M-1', version: '2.1', pass_mark: 80, pretest: true, retest_after_days: 150,
  questions: [
    q('a', 'single', ['x', 'y', 'z'], '2'),
    q('b', 'multiple', ['x', 'y', 'z', 'w'], '0,3', 's2'),
    q('c', 'truefalse', [], 'false', 's3'),
  ],
};

test('the right answer is found by hashing every selection', () => {
  assert.deepEqual(flow.correctValues(quiz.questions[0]), ['2']);
  assert.deepEqual(flow.correctValues(quiz.questions[1]), ['0', '3']);
  assert.deepEqual(flow.correctValues(quiz.questions[2]), ['false']);
  assert.deepEqual(flow.correctValues({ ...quiz.questions[0], hash: 'nope' }), []);
});

test('event details follow the contract', () => {
  const start = flow.startDetail(quiz, 'pre');
  assert.deepEqual(start, {
    module: 'M-1', version: '2.1', quiz: 'grund', attempt: 'pre', passMark: 80,
    questions: [
      { id: 'a', type: 'single', prompt: 'a & fråga' },
      { id: 'b', type: 'multiple', prompt: 'b & fråga' },
      { id: 'c', type: 'truefalse', prompt: 'c & fråga' },
    ],
  });
  assert.deepEqual(flow.answerDetail(quiz, 'post', quiz.questions[1], [3, 1], false), {
    module: 'M-1', version: '2.1', attempt: 'post', question: 'b', type: 'multiple',
    response: ['1', '3'], correct: false, correctResponse: ['0', '3'],
  });
  assert.deepEqual(flow.answerDetail(quiz, 'retention', quiz.questions[2], ['false'], true).response, ['false']);
  assert.deepEqual(flow.resultDetail(quiz, 'post', 66, false, [true, false, true]), {
    module: 'M-1', version: '2.1', attempt: 'post', score: 66, passed: false, passMark: 80,
    answers: { a: true, b: false, c: true },
  });
  assert.deepEqual(flow.resultDetail(quiz, 'pre', 0, false, [undefined, false, undefined]).answers, { b: false });
});

test('the answers field lists answered questions in file order', () => {
  assert.equal(flow.answersField(quiz, [true, false, true]), 'a=1;b=0;c=1');
  assert.equal(flow.answersField(quiz, [undefined, true, false]), 'b=1;c=0');
  assert.equal(flow.answersField(quiz, [undefined, undefined, undefined]), '');
});

test('a pre-test is offered only before any result of the current major version', () => {
  assert.equal(flow.pretestOffered(quiz, null, null), true);
  assert.equal(flow.pretestOffered({ ...quiz, pretest: false }, null, null), false);
  assert.equal(flow.pretestOffered(quiz, { version: '2.0', skipped: true }, null), false);
  assert.equal(flow.pretestOffered(quiz, null, { version: '2.0', passed: false }), false);
  // A new major version measures again.
  assert.equal(flow.pretestOffered(quiz, { version: '1.3', score: 40 }, { version: '1.3', passed: true }), true);
});

test('a retention check falls due retest_after_days after a pass, once', () => {
  const pass = { version: '2.0', passed: true, completed_at: '2026-01-01T10:00:00Z' };
  const at = (iso) => new Date(iso);
  assert.equal(flow.retentionDueDate(pass, quiz).toISOString(), '2026-05-31T10:00:00.000Z');
  assert.equal(flow.retentionDue(pass, null, quiz, at('2026-05-30T10:00:00Z')), false);
  assert.equal(flow.retentionDue(pass, null, quiz, at('2026-05-31T10:00:00Z')), true);
  // Done after it fell due: not offered again; done before (an old check): offered.
  assert.equal(flow.retentionDue(pass, { completed_at: '2026-06-02T00:00:00Z' }, quiz, at('2026-07-01T00:00:00Z')), false);
  assert.equal(flow.retentionDue(pass, { completed_at: '2025-06-02T00:00:00Z' }, quiz, at('2026-07-01T00:00:00Z')), true);
  // No pass, a pass of an older major version, or the check turned off.
  assert.equal(flow.retentionDue({ ...pass, passed: false }, null, quiz, at('2027-01-01')), false);
  assert.equal(flow.retentionDue({ ...pass, version: '1.0' }, null, quiz, at('2027-01-01')), false);
  assert.equal(flow.retentionDue(pass, null, { ...quiz, retest_after_days: 0 }, at('2027-01-01')), false);
  assert.equal(flow.daysBetween('2026-01-01T10:00:00Z', at('2026-06-01T09:00:00Z')), 150);
});

test('what to reread: the wrong ones in the order asked, with their sources', () => {
  const withSource = { ...quiz, questions: quiz.questions.map((x, i) => ({ ...x, source_url: i === 2 ? '/r/#a' : '', source_title: i === 2 ? 'R – A' : '' })) };
  const items = flow.toReread(withSource, [2, 0, 1], [false, true, false]);
  assert.deepEqual(items.map((i) => [i.index, i.url, i.title]), [[2, '/r/#a', 'R – A'], [0, '', '']]);
});

test('an editorial version keeps the receipt of the version it only edits', async () => {
  const core = await import('../../themes/default/static/js/quiz-core.js');
  const r = (version) => ({ version, read_at: '2026-01-01' });
  // Current 2.2 is editorial; receipts must be for 2.1 (the last substantive version) or later.
  assert.equal(core.receiptState(r('2.1'), '2.2', '2.1'), 'read');
  assert.equal(core.receiptState(r('2.2'), '2.2', '2.1'), 'read');
  assert.equal(core.receiptState(r('2.0'), '2.2', '2.1'), 'outdated');
  assert.equal(core.receiptState(null, '2.2', '2.1'), 'unread');
  // Without an acknowledged version (a substantive current version) as before.
  assert.equal(core.receiptState(r('2.1'), '2.2'), 'outdated');
  assert.equal(core.receiptState(r('2.1'), '2.2', ''), 'outdated');
  // "What changed since you read it" is not shown for a receipt that still counts.
  const data = { id: 'R-1', version: '2.2', versions: [{ version: '2.1' }, { version: '2.2' }] };
  assert.equal(core.changesSince(data, r('2.1'), '2.1'), null);
  assert.notEqual(core.changesSince(data, r('2.0'), '2.1'), null);
  assert.notEqual(core.changesSince(data, r('2.1'), ''), null);
});
