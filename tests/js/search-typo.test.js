// Unit tests for themes/default/static/js/search-typo.js: edit distance
// with swaps, the allowed number of slips by word length, which term lists
// to load, and the choice of correction. Run with `node --test tests/js/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  editDistance, typoLimit, typoKeys, termKey, compoundSplits, bestCorrection, shownCorrection,
  endingsOff, LONG_WORD,
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
});

test('only the lists of the lengths a correction can have are loaded', () => {
  // 8 letters, two slips: lengths 6 to 10, of its first and second letter.
  assert.deepEqual(typoKeys('incidnet'), [
    'i6', 'i7', 'i8', 'i9', 'i10', 'n6', 'n7', 'n8', 'n9', 'n10',
  ]);
  assert.deepEqual(typoKeys('ösenord'), ['ö6', 'ö7', 'ö8', 's6', 's7', 's8']);
  assert.deepEqual(typoKeys('llösen'), ['l5', 'l6', 'l7']);
  assert.deepEqual(typoKeys('lös'), [], 'too short to correct');
  assert.equal(termKey('lösenord'), 'l8');
  // The correction's own list is always among them.
  for (const [typed, right] of [['lösenrd', 'lösenord'], ['informatonsklasning', 'informationsklassning']]) {
    assert.ok(typoKeys(typed).includes(termKey(right)), `${typed} → ${right}`);
  }
});

test('a compound is split into a head, a linking s and the rest, longest head first', () => {
  const splits = compoundSplits('lösenordsbtye');
  assert.deepEqual(splits[0], { head: 'lösenords', link: '', tail: 'btye' });
  assert.ok(
    splits.some((s) => s.head === 'lösenord' && s.link === 's' && s.tail === 'btye'),
    'the linking s is tried',
  );
  assert.ok(splits.every((s) => Array.from(s.head).length >= 4 && Array.from(s.tail).length >= 4));
  assert.deepEqual(compoundSplits('lösen'), [], 'too short to split');
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

test('a limit caps the edits and the lists; the form a correction is close to is told', () => {
  assert.deepEqual(typoKeys('incidnet', 1), ['i7', 'i8', 'i9', 'n7', 'n8', 'n9']);
  assert.deepEqual(typoKeys('bty', 1), ['b3', 'b4', 't3', 't4'], 'a short stem with its word\'s limit');
  assert.equal(bestCorrection(['informatonsklasning'], [['informationsklassning']], 1), null);
  // The stem is close under the typed word's limit though short itself.
  assert.deepEqual(bestCorrection(['bty', 'btye'], [['byt']], 1), { term: 'byt', distance: 1, rank: 0, form: 'bty' });
  assert.equal(bestCorrection(['bty'], [['byt']]), null, 'three letters alone are not corrected');
});

test('a correction is shown with the ending that was typed', () => {
  const best = bestCorrection(['tysnadsplik', 'tysnadsplikt'], [['tystnadsplik']]);
  assert.equal(shownCorrection('tysnadsplikt', best), 'tystnadsplikt');
  assert.equal(shownCorrection('lösenrd', bestCorrection(['lösenrd'], [['lösenord']])), 'lösenord');
  assert.equal(shownCorrection('btye', { term: 'byt', form: 'bty' }), 'byte');
});

test('endings the stemmer would strip are tried off a misspelt short word', () => {
  assert.deepEqual(endingsOff('btye'), ['bty']);
  assert.deepEqual(endingsOff('rutiner'), ['rutin']);
  assert.deepEqual(endingsOff('bara'), ['bar']);
  assert.deepEqual(endingsOff('era'), [], 'never under three letters');
});
