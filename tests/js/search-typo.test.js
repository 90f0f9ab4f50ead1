// Unit tests for themes/default/static/js/search-typo.js: edit distance
// with swaps, the allowed number of slips by word length, which term lists
// to load, and the choice of correction. Run with `node --test tests/js/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  editDistance, typoLimit, typoKeys, bestCorrection, LONG_WORD,
} from '../../themes/default/static/js/search-typo.js';

const d = (a, b, max = 3) => editDistance(Array.from(a), Array.from(b), max);

test('edit distance counts insertions, deletions, substitutions and swaps as one each', () => {
  assert.equal(d('lösenord', 'lösenord'), 0);
  assert.equal(d('lösenrd', 'lösenord'), 1, 'a dropped letter');
  assert.equal(d('lösenoord', 'lösenord'), 1, 'a doubled letter');
  assert.equal(d('lösenard', 'lösenord'), 1, 'a wrong letter');
  assert.equal(d('incidnet', 'incident'), 1, 'two letters swapped');
  assert.equal(d('informationsklasning', 'informationsklassning'), 1);
  assert.equal(d('tysnadsplikt', 'tystnadsplikt'), 1);
  assert.equal(d('losenord', 'lösenord'), 1, 'a missing ring or dots');
  assert.equal(d('kryptering', 'incident', 2), 3, 'stops past the limit');
  assert.equal(d('ab', 'abcdef', 1), 2, 'lengths too far apart');
});

test('long words may have two slips, short ones one, very short ones none', () => {
  assert.equal(typoLimit(3), 0);
  assert.equal(typoLimit(4), 1);
  assert.equal(typoLimit(LONG_WORD - 1), 1);
  assert.equal(typoLimit(LONG_WORD), 2);
  assert.deepEqual(typoKeys('incidnet'), ['i', 'n']);
  assert.deepEqual(typoKeys('ösenord'), ['ö', 's']);
  assert.deepEqual(typoKeys('llösen'), ['l']);
});

test('the correction is the closest term, the more frequent on a tie', () => {
  const lists = [['lösenord', 'lösning', 'lösenordet', 'lösen'], ['incident', 'incidenter']];
  assert.equal(bestCorrection(['lösenrd'], lists).term, 'lösenord');
  assert.equal(bestCorrection(['incidnet'], lists).term, 'incident');
  // Two candidates one edit away: the earlier (more frequent) one wins.
  assert.equal(bestCorrection(['ösen'], [['lösen', 'rösen']]).term, 'lösen');
  // Nothing close, a word too short to correct, a word that is a term.
  assert.equal(bestCorrection(['xylofon'], lists), null);
  assert.equal(bestCorrection(['lös'], lists), null);
  assert.equal(bestCorrection(['lösen'], [['lösen']]), null);
  // Either form may be the close one (as typed, or its stem).
  assert.equal(bestCorrection(['tysnadsplikten', 'tysnadsplikt'], [['tystnadsplikt']]).term, 'tystnadsplikt');
  // Two slips only in a long word.
  assert.equal(bestCorrection(['informatonsklasning'], [['informationsklassning']]).distance, 2);
  assert.equal(bestCorrection(['lsenrd'], [['lösenord']]), null);
});
