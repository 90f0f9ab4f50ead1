// Tests for themes/default/static/js/in-force.js (issue #5): which version
// rows of the point-in-time page are in force on a day.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inForce } from '../../themes/default/static/js/in-force.js';

const row = (from, to, retired) => ({ dataset: { from, to, ...(retired ? { retired: 'true' } : {}) } });

test('a version is in force from its first day until the next version starts', () => {
  const v1 = row('2024-01-10', '2024-06-01');
  assert.equal(inForce(v1, '2024-01-09'), false);
  assert.equal(inForce(v1, '2024-01-10'), true);
  assert.equal(inForce(v1, '2024-05-31'), true);
  assert.equal(inForce(v1, '2024-06-01'), false);
});

test('the current version is in force until further notice, unless retired', () => {
  assert.equal(inForce(row('2024-09-01', ''), '2030-01-01'), true);
  assert.equal(inForce(row('2024-09-01', '', true), '2030-01-01'), false);
  assert.equal(inForce(row('', ''), '2030-01-01'), false);
});
