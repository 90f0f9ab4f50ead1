// Unit tests of the pure quiz and training logic (node --test tests/js/).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as core from '../../themes/default/static/js/quiz-core.js';
import { resolvePath, pathDocuments, shareQuery } from '../../themes/default/static/js/pathbuilder.js';
import { certificateSubject } from '../../themes/default/static/js/certificate.js';

const nodeSha = (s) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A question as styrdok writes it, with the hash of `correct`. */
function question(kind, options, correct, salt = 'c0ffee') {
  return { kind, options, salt, hash: nodeSha(`${salt}:${correct}`) };
}

/** A seeded generator, so shuffles are repeatable. */
function seeded(seed) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

test('sha256 agrees with node:crypto on ASCII, UTF-8 and block edges', () => {
  for (const s of ['', 'abc', 'åäö – Lösenfras', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'y'.repeat(1000)]) {
    assert.equal(core.sha256(s), nodeSha(s), JSON.stringify(s.slice(0, 10)));
  }
});

test('a selection is canonical whatever the order it was checked in', () => {
  assert.equal(core.selectionKey('multiple', [3, 0, 2]), '0,2,3');
  assert.equal(core.selectionKey('multiple', ['2', '2', '1']), '1,2');
  assert.equal(core.selectionKey('single', [1]), '1');
  assert.equal(core.selectionKey('truefalse', ['false']), 'false');
  assert.equal(core.selectionKey('truefalse', []), '');
});

test('answers are checked against the salted hash', () => {
  const single = question('single', ['a', 'b', 'c'], '1');
  assert.ok(core.isCorrect(single, [1]));
  assert.ok(!core.isCorrect(single, [0]));
  assert.ok(!core.isCorrect(single, []));
  const multiple = question('multiple', ['a', 'b', 'c', 'd'], '0,2');
  assert.ok(core.isCorrect(multiple, [2, 0]));
  assert.ok(!core.isCorrect(multiple, [0]), 'a partial answer is wrong');
  assert.ok(!core.isCorrect(multiple, [0, 1, 2]), 'an extra option is wrong');
  const tf = question('truefalse', [], 'false');
  assert.ok(core.isCorrect(tf, ['false']));
  assert.ok(!core.isCorrect(tf, ['true']));
  // The same answer under another salt does not match.
  assert.ok(!core.isCorrect({ ...single, salt: 'other' }, [1]));
});

test('shuffling keeps every item and follows the random source', () => {
  const items = [0, 1, 2, 3, 4, 5, 6, 7];
  const a = core.shuffled(items, seeded(1));
  assert.deepEqual([...a].sort(), items);
  assert.deepEqual(core.shuffled(items, seeded(1)), a, 'same seed, same order');
  assert.notDeepEqual(a, items);
  assert.deepEqual(items, [0, 1, 2, 3, 4, 5, 6, 7], 'input untouched');
});

test('layout shuffles questions and options only when the quiz says so', () => {
  const quiz = { shuffle: false, questions: [{ options: ['a', 'b'] }, { options: [] }, { options: ['x', 'y', 'z'] }] };
  assert.deepEqual(core.layout(quiz), { order: [0, 1, 2], options: [[0, 1], [], [0, 1, 2]] });
  const mixed = core.layout({ ...quiz, shuffle: true }, seeded(7));
  assert.deepEqual([...mixed.order].sort(), [0, 1, 2]);
  assert.deepEqual([...mixed.options[2]].sort(), [0, 1, 2]);
});

test('score, pass mark and retry of the wrong ones', () => {
  const answers = [true, false, true, true, false];
  assert.equal(core.score(answers, 5), 60);
  assert.equal(core.score([true, true, undefined], 3), 66, 'rounded down, unanswered is not right');
  assert.equal(core.score([], 0), 0);
  assert.ok(core.passed(80, 80));
  assert.ok(!core.passed(79, 80));
  assert.deepEqual(core.wrongOnes(answers), [1, 4]);
  assert.deepEqual(core.wrongOnes([true, undefined]), []);
});

test('progress is per module version: a new major version asks again', () => {
  assert.equal(core.moduleState(null, '2.0'), 'todo');
  assert.equal(core.moduleState({ version: '2.0', passed: false }, '2.0'), 'todo');
  assert.equal(core.moduleState({ version: '2.0', passed: true }, '2.3'), 'passed');
  assert.equal(core.moduleState({ version: '1.4', passed: true }, '2.0'), 'outdated');
  assert.equal(core.major('10.2'), 10);
  assert.ok(Number.isNaN(core.major('v1')));
});

test('read receipts: any newer version is "new since you read it"', () => {
  assert.equal(core.receiptState(null, '1.0'), 'unread');
  assert.equal(core.receiptState({ version: '1.0' }, '1.0'), 'read');
  assert.equal(core.receiptState({ version: '1.0' }, '1.1'), 'outdated');
});

test('versions compare as numbers, not text', () => {
  assert.ok(core.compareVersions('1.10', '1.9') > 0);
  assert.ok(core.compareVersions('2.0', '10.0') < 0);
  assert.equal(core.compareVersions('3.0', '3.0'), 0);
  assert.ok(Number.isNaN(core.compareVersions('v1', '1.0')));
});

test('what changed since a receipt: the versions after it and their pages', () => {
  const data = {
    id: 'R-1',
    version: '3.0',
    versions: [
      { version: '1.0', approved_on: '2024-01-10', changes: '', diff_url: '', since_url: '/r/andringar-sedan/v1.0/' },
      { version: '2.0', approved_on: '2024-06-01', changes: 'Längre lösenord', diff_url: '/r/v2.0/andringar/', since_url: '/r/v3.0/andringar/' },
      { version: '3.0', approved_on: '2024-09-01', changes: '', diff_url: '/r/v3.0/andringar/', since_url: '' },
    ],
  };
  const since = core.changesSince(data, { version: '1.0', read_at: '2026-03-03' });
  assert.equal(since.old, '1.0');
  assert.equal(since.date, '2026-03-03');
  assert.equal(since.all, '/r/andringar-sedan/v1.0/');
  assert.deepEqual(since.steps.map((s) => s.diff_url), ['/r/v2.0/andringar/', '/r/v3.0/andringar/']);
  // One step: its own changes page says it all.
  const one = core.changesSince(data, { version: '2.0', read_at: '2026-03-03' });
  assert.equal(one.all, '');
  assert.deepEqual(one.steps.map((s) => s.version), ['3.0']);
  // A version from before git (or never published) has no page of its own.
  const old = core.changesSince(data, { version: '0.9' });
  assert.equal(old.all, '');
  assert.deepEqual(old.steps.map((s) => s.version), ['1.0', '2.0', '3.0']);
  // The current version, a newer one (a preview) or no receipt: nothing to say.
  assert.equal(core.changesSince(data, { version: '3.0' }), null);
  assert.equal(core.changesSince(data, { version: '3.1' }), null);
  assert.equal(core.changesSince(data, null), null);
  assert.equal(core.changesSince(data, { version: 'x' }), null);
});

test('long dates in the page language', () => {
  assert.equal(core.longDate('2026-03-03', 'sv'), '3 mars 2026');
  assert.equal(core.longDate('2026-03-03', 'en'), 'March 3, 2026');
  assert.equal(core.longDate('i går', 'sv'), 'i går');
});

test('fill and query parsing', () => {
  assert.equal(core.fill('Fråga {n} av {total}', { n: 2, total: 8 }), 'Fråga 2 av 8');
  assert.equal(core.fill('{missing}', {}), '{missing}');
  const q = new URLSearchParams('moduler=M-01,M-04&moduler=M-02&moduler=M-01');
  assert.deepEqual(core.moduleIdsFromQuery(q), ['M-01', 'M-04', 'M-02']);
  assert.equal(core.today(new Date(2026, 0, 5)), '2026-01-05');
});

const catalog = {
  modules: [
    { id: 'M-01', title: 'Grund', version: '2.0', duration: 30, documents: ['P-1', 'R-1'] },
    { id: 'M-02', title: 'Chef', version: '1.0', duration: 20, documents: ['R-1', 'R-2'] },
    { id: 'M-04', title: 'Phishing', version: '1.0', duration: 15, documents: [] },
  ],
  paths: [{ id: 'V-01', title: 'Ny medarbetare', modules: ['M-01', 'M-04'] }],
  documents: [{ id: 'P-1' }, { id: 'R-1' }, { id: 'R-2' }],
  roles: [{ id: 'chef', name: 'Chef', modules: ['M-01', 'M-02'] }],
};

test('the path builder gives exactly the modules asked for, in order', () => {
  const p = resolvePath(catalog, new URLSearchParams('moduler=M-04,M-01&dagar=30'));
  assert.deepEqual(p.modules.map((m) => m.id), ['M-04', 'M-01']);
  assert.equal(p.dueDays, 30);
  assert.equal(shareQuery(p.modules, p.dueDays), '?moduler=M-04,M-01&dagar=30');
  const r = resolvePath(catalog, new URLSearchParams('roll=chef&moduler=M-04'));
  assert.deepEqual(r.modules.map((m) => m.id), ['M-04', 'M-01', 'M-02']);
  assert.deepEqual(pathDocuments(catalog, r.modules).map((d) => d.id), ['P-1', 'R-1', 'R-2']);
  const bad = resolvePath(catalog, new URLSearchParams('moduler=M-01,X-9&roll=nobody&dagar=-3'));
  assert.deepEqual(bad.unknown, ['X-9', 'nobody']);
  assert.equal(bad.dueDays, null);
});

test('a certificate is for a module, a path or a built path', () => {
  assert.deepEqual(certificateSubject(catalog, new URLSearchParams('modul=M-02')).modules.map((m) => m.id), ['M-02']);
  const path = certificateSubject(catalog, new URLSearchParams('vag=V-01'));
  assert.equal(path.title, 'Ny medarbetare');
  assert.deepEqual(path.modules.map((m) => m.id), ['M-01', 'M-04']);
  assert.equal(certificateSubject(catalog, new URLSearchParams('moduler=M-02,M-04')).modules.length, 2);
  assert.equal(certificateSubject(catalog, new URLSearchParams('modul=nothing')), null);
});
