// Unit tests for the browser search's domain-aware ranking (page priors,
// what a page's title and summary say, retired documents last, id pins)
// and for synonyms (site data in meta.json, applied to the query).
// Run with `node --test tests/js/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeQuery, expandSynonyms, synonymIndex, scoredWords, scoreEntries, sortedVocabulary,
  groupByPage, pageStarts, ABOUT_WEIGHT,
} from '../../themes/default/static/js/search-core.js';

const META = { boosts: [6, 8, 2, 1.5, 1, 0.5], entries: 10 };

test('at equal text relevance the page with the higher prior ranks first', () => {
  const starts = pageStarts([2, 2]);
  // Page 0 (a course) and page 1 (a rule) have one section each scoring 5.
  const scores = new Map([[1, 5], [3, 5]]);
  const ranked = groupByPage(scores, starts, { prior: [80, 100] });
  assert.deepEqual(ranked.map((g) => g.page), [1, 0]);
  // Without priors the lower page index wins the tie: the prior decided.
  assert.deepEqual(groupByPage(scores, starts).map((g) => g.page), [0, 1]);
});

test('a page whose title or summary carries the term ranks above one that mentions it', () => {
  const starts = pageStarts([2, 2]);
  const scores = new Map([[1, 4], [2, 3.5]]);
  // Page 1's top entry (entry 2) matched in its title: 1.5 of its 3.5.
  const heads = new Map([[2, 1.5]]);
  const ranked = groupByPage(scores, starts, { heads, prior: [100, 100] });
  assert.deepEqual(ranked.map((g) => g.page), [1, 0]);
  assert.ok(Math.abs(ranked[0].score - (3.5 + ABOUT_WEIGHT * 1.5)) < 1e-9);
  // Heads of a section entry (not the page's top) do not count as aboutness.
  const section = groupByPage(new Map([[1, 4], [3, 3.5]]), starts, { heads: new Map([[3, 1.5]]) });
  assert.deepEqual(section.map((g) => g.page), [0, 1]);
});

test('retired documents come after every page in force, unless asked for by id', () => {
  const starts = pageStarts([1, 1, 1]);
  const scores = new Map([[0, 9], [1, 1], [2, 0.5]]);
  const retired = (p) => p === 0;
  const ranked = groupByPage(scores, starts, { retired, prior: [100, 100, 45] });
  assert.deepEqual(ranked.map((g) => g.page), [1, 2, 0]);
  assert.ok(ranked[2].retired);
  const pinned = groupByPage(scores, starts, { retired, pinned: new Set([0]) });
  assert.equal(pinned[0].page, 0);
});

test('head-field scores are tracked apart from the total', () => {
  const vocab = sortedVocabulary(['lösenord']);
  // entry 0: title 50 + body 50; entry 1: body 50 only.
  const postings = { lösenord: [2, 0, 0b10001, 50, 50, 1, 0b10000, 50] };
  const r = scoreEntries(analyzeQuery('lösenord').words, vocab, (t) => postings[t], META);
  assert.ok(r.heads.get(0) > 0);
  assert.equal(r.heads.get(1), undefined);
  assert.ok(r.scores.get(0) > r.heads.get(0));
});

const GROUPS = [['e-post', 'mejl'], ['wifi', 'trådlöst nätverk'], ['dso', 'dataskyddsombud']];

test('synonym groups attach to the query word, phrases become one word', () => {
  const index = synonymIndex(GROUPS);
  const [mail] = expandSynonyms(analyzeQuery('mejl').words, index);
  assert.deepEqual(mail.synonyms.map((p) => p.map((w) => w.stem)), [['e', 'post']]);
  // A member of several words in the query is matched as a whole.
  const words = expandSynonyms(analyzeQuery('trådlöst nätverk hemma').words, index);
  assert.equal(words.length, 2);
  assert.deepEqual(words[0].phrase.map((w) => w.stem), ['trådlös', 'nätverk']);
  assert.deepEqual(words[0].synonyms.map((p) => p.map((w) => w.stem)), [['wifi']]);
  assert.equal(words[1].synonyms, undefined);
  // Every word the query scores, for loading shards.
  assert.deepEqual(
    scoredWords(words).map((w) => w.stem),
    ['trådlös', 'nätverk', 'wifi', 'hemm'],
  );
  // Case does not matter; an unrelated word gets nothing.
  assert.ok(expandSynonyms(analyzeQuery('DSO').words, index)[0].synonyms.length === 1);
  assert.equal(expandSynonyms(analyzeQuery('lösenord').words, index)[0].synonyms, undefined);
  // No groups (the site turned them off): the words as they were.
  const plain = analyzeQuery('mejl').words;
  assert.equal(expandSynonyms(plain, synonymIndex([])), plain);
});

test('a synonym finds the text that uses the other word, below an exact match', () => {
  const index = synonymIndex(GROUPS);
  const vocab = sortedVocabulary(['dataskyddsombud', 'dso']);
  // entry 3 says "dataskyddsombud" in its title; entry 7 says "DSO" in its body.
  const postings = { dataskyddsombud: [1, 3, 0b1, 60], dso: [1, 7, 0b10000, 60] };
  const words = expandSynonyms(analyzeQuery('dso').words, index);
  const r = scoreEntries(words, vocab, (t) => postings[t], META);
  assert.ok(r.scores.get(3) > 0, 'the synonym found the title');
  assert.ok(r.terms.includes('dataskyddsombud'), 'and is highlighted');
  // Without synonyms only the literal word matches.
  const bare = scoreEntries(analyzeQuery('dso').words, vocab, (t) => postings[t], META);
  assert.equal(bare.scores.get(3), undefined);
  // A phrase synonym needs all its words: "wifi" finds "trådlöst nätverk".
  const v2 = sortedVocabulary(['nätverk', 'trådlös']);
  const p2 = { trådlös: [1, 2, 0b10000, 60], nätverk: [2, 2, 0b10000, 60, 1, 0b10000, 60] };
  const wifi = expandSynonyms(analyzeQuery('wifi').words, index);
  const r2 = scoreEntries(wifi, v2, (t) => p2[t], META);
  assert.ok(r2.scores.get(2) > r2.scores.get(3), 'both words beat one');
});
