// Tests for themes/default/static/js/in-force.js (issues #5 and #20): which
// version of which document the in-force record says was in force on a day,
// what it cannot tell, and the CSV of a day's set.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stateOn, answer, csvFor } from '../../themes/default/static/js/in-force.js';

const v = (version, from, end, to = '') => ({ version, from, end, to, csv: `${version},${from}\r\n` });

test('a version is in force from its first day until the next version starts', () => {
  const v1 = v('1.0', '2024-01-10', 'on', '2024-06-01');
  assert.equal(stateOn(v1, '2024-01-09'), false);
  assert.equal(stateOn(v1, '2024-01-10'), true);
  assert.equal(stateOn(v1, '2024-05-31'), true);
  assert.equal(stateOn(v1, '2024-06-01'), false);
});

test('the current version is in force until further notice; an unknown end or start cannot tell', () => {
  assert.equal(stateOn(v('2.0', '2024-09-01', 'open'), '2030-01-01'), true);
  assert.equal(stateOn(v('2.0', '2024-09-01', 'unknown'), '2030-01-01'), null);
  assert.equal(stateOn(v('2.0', '2024-09-01', 'unknown'), '2024-08-31'), false);
  assert.equal(stateOn(v('2.0', '', 'open'), '2030-01-01'), null);
});

const data = {
  today: '2026-12-01',
  complete_from: '2021-05-10',
  csv_header: 'id,version\r\n',
  docs: [
    {
      id: 'P-1',
      complete: true,
      first_day: '2022-03-24',
      versions: [v('1.0', '2022-03-24', 'on', '2025-07-01'), v('2.0', '2025-07-01', 'open')],
    },
    // Oldest known version 1.2, retired on 2025-10-20.
    { id: 'R-0', complete: false, first_day: '2021-05-10', versions: [v('1.2', '2021-05-10', 'on', '2025-10-20')] },
    // An undated version between two dated ones.
    {
      id: 'R-5',
      complete: true,
      first_day: '2022-11-16',
      versions: [v('1.0', '2022-11-16', 'on'), v('1.1', '', 'on', '2024-04-22'), v('2.0', '2024-04-22', 'open')],
    },
  ],
};
data.docs[2].versions[0].to = '';
data.docs[2].versions[0].end = 'unknown';

const ids = (rows) => rows.map((r) => `${r.doc.id}@${r.version.version}`);

test('the set on a day takes versions from before git and says what it cannot tell', () => {
  const a = answer(data, '2023-06-01');
  assert.deepEqual(ids(a.set), ['P-1@1.0', 'R-0@1.2']);
  assert.deepEqual(a.unknown.map((d) => d.id), ['R-5'], 'the undated 1.1 may have applied');
  assert.equal(a.incomplete, false);
  const now = answer(data, '2026-12-01');
  assert.deepEqual(ids(now.set), ['P-1@2.0', 'R-5@2.0']);
  assert.deepEqual(now.unknown, []);
});

test('before the record is complete the answer says so and lists the documents it cannot answer for', () => {
  const a = answer(data, '2020-01-01');
  assert.deepEqual(a.set, []);
  assert.equal(a.incomplete, true);
  assert.deepEqual(a.unknown.map((d) => d.id), ['R-0']);
  // Before R-5's first version and after its dated start: not unknown.
  assert.equal(answer(data, '2022-01-01').unknown.length, 0);
});

test('the CSV of a day is the header and the lines the build made', () => {
  const a = answer(data, '2023-06-01');
  assert.equal(csvFor(data, a.set), 'id,version\r\n1.0,2022-03-24\r\n1.2,2021-05-10\r\n');
});
