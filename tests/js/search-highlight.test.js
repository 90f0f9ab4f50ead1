// Unit tests for themes/default/static/js/search-highlight.js: the whole
// word that matched is marked, compound parts only when long enough and at
// a real part boundary. Run with `node --test tests/js/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeMatcher, highlight, MIN_HIGHLIGHT_PART } from '../../themes/default/static/js/search-highlight.js';
import { analyzeQuery } from '../../themes/default/static/js/search-query.js';

const hits = (text, isHit) => highlight(text, isHit).filter((s) => s.hit).map((s) => s.text);

test('compound parts mark whole words, never a short part inside another word', () => {
  // "lösenordsbyte": the parts lösenord, lösen, ord and byt.
  const isHit = makeMatcher(['lösenordsbyt'], [], ['lösenord', 'lösen', 'ord', 'byt']);
  const text = 'Välj fyra ord som lösenord och byt lösenordet ibland.';
  assert.deepEqual(hits(text, isHit), ['lösenord', 'lösenordet']);
  assert.ok(MIN_HIGHLIGHT_PART > 'ord'.length);
});

test('"hemarbete" marks "arbete" but not "hemligt" or "hemma"', () => {
  const isHit = makeMatcher(['hemarbet'], [], ['hem', 'arbet']);
  assert.deepEqual(hits('Hemligt arbete hemma.', isHit), ['arbete']);
});

test('a matched term marks compounds that start or end with it as a whole part', () => {
  const isHit = makeMatcher(['lösenord', 'incident'], []);
  const text = 'Lösenordshanteraren, en säkerhetsincident, incidenterna och lösenfrasen.';
  assert.deepEqual(hits(text, isHit), ['Lösenordshanteraren', 'säkerhetsincident', 'incidenterna']);
  // A short term marks only itself.
  const short = makeMatcher(['it'], []);
  assert.deepEqual(hits('IT och item, kit.', short), ['IT']);
});

test('the word being typed marks words that start with it', () => {
  const words = analyzeQuery('inlo', { typing: true }).words;
  const isHit = makeMatcher([], words);
  assert.deepEqual(hits('Inloggning och logg.', isHit), ['Inloggning']);
});
