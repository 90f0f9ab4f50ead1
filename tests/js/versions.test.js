// The one version comparison of the browser code (themes/default/static/js/versions.js),
// as quiz-core.js and status-board.js both use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions } from '../../themes/default/static/js/versions.js';
import * as core from '../../themes/default/static/js/quiz-core.js';
import * as board from '../../themes/default/static/js/status-board.js';

test('versions compare as numbers, part by part', () => {
  assert.ok(compareVersions('1.10', '1.9') > 0);
  assert.ok(compareVersions('2.0', '10.0') < 0);
  assert.ok(compareVersions('0.9', '1.0') < 0);
  assert.equal(compareVersions('3.0', '3.0'), 0);
  assert.equal(compareVersions(' 3.0 ', '3.0'), 0);
  assert.equal(compareVersions('03.00', '3.0'), 0);
});

test('a malformed version compares as NaN, whichever side it is on', () => {
  for (const bad of ['v1', '1', '1.0.0', '1.x', '', null, undefined, '-1.0', '1.0-rc']) {
    assert.ok(Number.isNaN(compareVersions(bad, '1.0')), `${bad} first`);
    assert.ok(Number.isNaN(compareVersions('1.0', bad)), `${bad} second`);
  }
});

test('quiz-core and the status board use this one comparison', () => {
  assert.equal(core.compareVersions, compareVersions);
  assert.equal(board.compareVersions, compareVersions);
});

test('the board sorts malformed versions after well-formed ones, by their text', () => {
  assert.ok(board.compareValues('x', '1.0', 'version') > 0);
  assert.ok(board.compareValues('1.0', 'x', 'version') < 0);
  assert.ok(board.compareValues('a', 'b', 'version') < 0);
  assert.ok(board.compareValues('2.10', '2.9', 'version') > 0);
  const sorted = ['x', '10.0', '2.0', '1.5', 'a'].sort((p, q) => board.compareValues(p, q, 'version'));
  assert.deepEqual(sorted, ['1.5', '2.0', '10.0', 'a', 'x']);
});
