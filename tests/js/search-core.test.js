// Unit tests for themes/default/static/js/search-core.js, the browser
// search's logic: shard keys and hashing (same values as the Rust side),
// query analysis, compound splitting (same cases as src/search/compound.rs),
// scoring with field boosts, prefix matching, grouping, facets,
// highlighting and snippets. Run with `node --test tests/js/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encodeKey, fnv1a, shardFor, shardsForPrefix, analyzeQuery, splitCompound, sortedVocabulary,
  scorePostings, scoreEntries, wordAlternatives, pageStarts, pageOf, groupByPage, applyFacets,
  makeMatcher, highlight, snippet, joinedCompounds,
} from '../../themes/default/static/js/search-core.js';
import { isCapped } from '../../themes/default/static/js/search-score.js';
import { pipeline } from '../../themes/default/static/js/sv-text.js';

test('shard keys and hashes match src/search/shards.rs', () => {
  assert.equal(encodeKey('lo'), 'lo');
  assert.equal(encodeKey('lö'), 'l_c3_b6');
  assert.equal(encodeKey(''), '');
  assert.equal(encodeKey('a/b'), 'a_2fb');
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  assert.equal(fnv1a('foobar'), 0xbf9cf968);
});

test('a term lives in the shard of its longest key prefix', () => {
  const keys = new Set(['a', 'ab', 'abc', 'b', 'lö']);
  assert.equal(shardFor('abcd', keys), 'abc');
  assert.equal(shardFor('abd', keys), 'ab');
  assert.equal(shardFor('lösen', keys), 'lö');
  assert.equal(shardFor('x', keys), null);
  assert.equal(shardFor('x', new Set([''])), '');
  assert.deepEqual(shardsForPrefix('ab', keys), ['ab', 'abc']);
});

test('a common term has a shard of its own that other words never load', () => {
  const keys = new Set(['=medarbet', '=får', 'm', 'me']);
  assert.equal(shardFor('medarbet', keys), '=medarbet');
  assert.equal(shardFor('mejl', keys), 'me');
  assert.equal(shardFor('medarbetarsamtal', keys), 'me');
  assert.equal(shardFor('får', keys), '=får');
  assert.equal(shardFor('fåtal', keys), null);
  assert.deepEqual(shardsForPrefix('med', keys), ['me', '=medarbet']);
  assert.deepEqual(shardsForPrefix('medarbet', keys), ['=medarbet']);
});

test('query analysis: stems, stop words, the word being typed, ids', () => {
  const q = analyzeQuery('Får jag använda lösenorden', { typing: true });
  assert.deepEqual(q.words.map((w) => w.stem), ['får', 'använd', 'lösenord']);
  assert.deepEqual(q.words.map((w) => w.prefix), [false, false, true]);
  assert.equal(analyzeQuery('lösenord ', { typing: true }).words[0].prefix, false);
  assert.deepEqual(analyzeQuery('LIS-R-04').ids, ['lis-r-04']);
  assert.ok(analyzeQuery('regel (LIS-R-04)').ids.includes('lis-r-04'));
  assert.deepEqual(analyzeQuery('lösenord').ids, []);
});

// Same corpus and cases as src/search/compound.rs's tests.
const CORPUS = 'Du ska byta lösenord direkt. Ett byte av lösenordet. ' +
  'Rapportera en incident till informationssäkerhet. Arbete i kommunen. ' +
  'Ledning och förvaltning. Risk och analys. En skola. Elever. Säkerhet. Kopiering.';
const vocabOf = (text) => sortedVocabulary([...new Set(pipeline(text))].sort());
const parts = (corpus, word) => splitCompound(pipeline(word)[0], vocabOf(corpus));

test('compounds split like the Rust side', () => {
  assert.deepEqual(parts(CORPUS, 'lösenordsbyte'), ['lösenord', 'byt']);
  assert.deepEqual(parts(CORPUS, 'lösenordsbytet'), ['lösenord', 'byt']);
  assert.deepEqual(parts(CORPUS, 'säkerhetskopiering'), ['säker', 'kopiering']);
  assert.deepEqual(parts(CORPUS, 'incidentrapport'), ['incident', 'rapporter']);
  assert.deepEqual(parts(CORPUS, 'riskanalysen'), ['risk', 'analy']);
  assert.deepEqual(parts(CORPUS, 'skolelever'), ['skol', 'elev']);
  assert.deepEqual(parts(CORPUS, 'informationssäkerhetsarbetet'), ['informationssäker', 'arbet']);
  assert.deepEqual(parts(CORPUS, 'kommunledningsförvaltningen'), ['kommun', 'ledning', 'förvaltning']);
  assert.deepEqual(
    parts(`${CORPUS} Kommunledning.`, 'kommunledningsförvaltningen'),
    ['kommunledning', 'kommun', 'ledning', 'förvaltning'],
  );
  for (const w of ['lösenorden', 'incidenterna', 'rapportera', 'medarbetare', 'xylofonspelare', 'risk']) {
    assert.deepEqual(parts(CORPUS, w), [], w);
  }
  assert.deepEqual(joinedCompounds(analyzeQuery('klassning av information').words,
    sortedVocabulary(['information', 'informationsklassning', 'klassning'])), ['informationsklassning']);
});

const META = { boosts: [6, 8, 2, 1.5, 1, 0.5], entries: 10 };

test('scores use field boosts and idf; a title hit beats a body hit', () => {
  const scores = new Map();
  // entry 2: title 50; entry 5: body 50.
  scorePostings([2, 2, 0b1, 50, 3, 0b10000, 50], META.boosts, 10, 1, scores);
  assert.ok(scores.get(2) > scores.get(5));
  assert.ok(Math.abs(scores.get(2) / scores.get(5) - 6) < 1e-9);
  // Rarer terms weigh more.
  const rare = new Map();
  scorePostings([1, 5, 0b10000, 50], META.boosts, 10, 1, rare);
  assert.ok(rare.get(5) > scores.get(5));
});

test('prefix matching while typing, and compound parts ranked below an exact match', () => {
  const vocab = sortedVocabulary(['incident', 'lösenord', 'lösenordsbyt', 'rapport', 'rapporter']);
  const typing = analyzeQuery('lösen', { typing: true }).words[0];
  const { alts } = wordAlternatives(typing, vocab);
  assert.deepEqual(alts.map((a) => a.term), ['lösenord', 'lösenordsbyt']);
  assert.ok(alts[0].weight > alts[1].weight);
  const postings = {
    incidentrapport: undefined,
    incident: [1, 1, 0b10000, 60],
    rapporter: [1, 1, 0b10000, 60],
    rapport: undefined,
  };
  const withExact = sortedVocabulary(['incident', 'incidentrapport', 'rapporter']);
  const p2 = { ...postings, incidentrapport: [1, 0, 0b10000, 60] };
  const { scores } = scoreEntries(analyzeQuery('incidentrapport').words, withExact, (t) => p2[t], META);
  assert.ok(scores.get(1) > 0, 'the parts find the text that uses them apart');
  assert.ok(scores.get(0) > scores.get(1), 'the exact match ranks first');
});

test('entries group by page, best first', () => {
  const starts = pageStarts([1, 3, 2]);
  assert.deepEqual(starts, [0, 1, 4]);
  assert.equal(pageOf(0, starts), 0);
  assert.equal(pageOf(3, starts), 1);
  assert.equal(pageOf(5, starts), 2);
  const groups = groupByPage(new Map([[2, 1], [3, 4], [4, 2], [0, 3]]), starts);
  assert.deepEqual(groups.map((g) => g.page), [1, 0, 2]);
  assert.deepEqual(groups[0].entries.map((e) => e.entry), [3, 2]);
});

test('facets filter (OR within, AND across) and count the other facets', () => {
  const pages = {
    type: [0, 1, 1, 2],
    status: [0, 0, 0, 0],
    role: [[0], [0, 1], [], [1]],
    area: [[], [0], [0], []],
    unit: [[], [0], [1], []],
  };
  const results = [0, 1, 2, 3].map((page) => ({ page, score: 1, entries: [] }));
  const sizes = { type: 3, role: 2, area: 1, unit: 2, status: 1 };
  const none = new Map();
  let r = applyFacets(results, pages, none, sizes);
  assert.equal(r.results.length, 4);
  assert.deepEqual(r.counts.type, [1, 2, 1]);
  // A page for the whole organisation (no units) counts for every unit.
  assert.deepEqual(r.counts.unit, [3, 3]);
  r = applyFacets(results, pages, new Map([['type', new Set([1])]]), sizes);
  assert.deepEqual(r.results.map((x) => x.page), [1, 2]);
  assert.deepEqual(r.counts.type, [1, 2, 1], 'own facet counts ignore its selection');
  assert.deepEqual(r.counts.role, [1, 1]);
  r = applyFacets(results, pages, new Map([['type', new Set([1, 2])], ['role', new Set([1])]]), sizes);
  assert.deepEqual(r.results.map((x) => x.page), [1, 3]);
  r = applyFacets(results, pages, new Map([['unit', new Set([1])]]), sizes);
  assert.deepEqual(r.results.map((x) => x.page), [0, 2, 3]);
});

test('highlighting marks inflected forms and typed prefixes, and keeps the text', () => {
  const words = analyzeQuery('lösenord inlog', { typing: true }).words;
  const isHit = makeMatcher(['lösenord'], words);
  const text = 'Byt lösenordet och Lösenorden vid inloggning, inte lösning.';
  const segs = highlight(text, isHit);
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.deepEqual(segs.filter((s) => s.hit).map((s) => s.text), ['lösenordet', 'Lösenorden', 'inloggning']);
});

test('snippets show the text around the first hit', () => {
  const long = 'Inledning '.repeat(40) + 'här står om lösenord och mer ' + 'slut '.repeat(40);
  const isHit = makeMatcher(['lösenord'], []);
  const s = snippet(long, isHit, 120);
  assert.ok(s.includes('lösenord'), s);
  assert.ok(s.startsWith('…') && s.endsWith('…'), s);
  assert.ok(s.length <= 124, `${s.length}`);
  assert.equal(snippet('kort text', isHit), 'kort text');
});

test('a hit count is a lower bound when a common term was cut to its best entries', () => {
  // Two entries: field mask 1 (one weight), mask 5 (two weights).
  assert.equal(isCapped([2, 0, 1, 50, 3, 5, 40, 60]), false);
  assert.equal(isCapped([900, 0, 1, 50, 1, 1, 40]), true);
  const vocab = sortedVocabulary(['får', 'mejl']);
  const postings = new Map([
    ['får', [900, 0, 1, 50, 1, 1, 40]],
    ['mejl', [1, 3, 1, 70]],
  ]);
  const meta = { boosts: [6, 8, 2, 1.5, 1, 0.5], entries: 1000 };
  const score = (q) => scoreEntries(analyzeQuery(q).words, vocab, (t) => postings.get(t), meta);
  assert.equal(score('får').capped, true);
  assert.equal(score('mejl').capped, false);
  assert.equal(score('får mejl').capped, true);
});
