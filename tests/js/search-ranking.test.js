// Ranking on the bundled site: realistic Swedish queries — inflected forms,
// compounds, document ids, phrases — must have the expected page in the top
// 3. Builds the site with the styrdok binary ($STYRDOK_BIN under `cargo
// test`, else target/debug/styrdok) and searches its sok/data/ files with
// the browser's own code (search-core.js) reading from disk.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, removeSite } from '../e2e/harness.js';
import { createSearcher } from '../../themes/default/static/js/search-core.js';

let out, searcher;

before(() => {
  out = buildSite();
  const data = join(out, 'sok', 'data');
  searcher = createSearcher((p) => JSON.parse(readFileSync(join(data, p), 'utf8')));
});

after(() => {
  if (out) removeSite(out);
});

/** The URLs (with #anchor of the best section) of the top `n` pages. */
async function top(query, n = 3) {
  const { results } = await searcher.search(query);
  const { starts } = await searcher.ready();
  const urls = [];
  for (const r of results.slice(0, n)) {
    const page = await searcher.page(r.page);
    const [anchor] = page[5][r.entries[0].entry - starts[r.page]];
    urls.push(anchor ? `${page[0]}#${anchor}` : page[0]);
  }
  return urls;
}

// [query, expected page, what it exercises]
const CASES = [
  ['lösenorden', '/regler/losenord/', 'inflected form (definite plural)'],
  ['lösenordet', '/regler/losenord/', 'inflected form (definite singular)'],
  ['incidenter', '/regler/incidenthantering/', 'plural'],
  ['incidenten', '/regler/incidenthantering/', 'definite'],
  ['får jag använda privat mejl', '/regler/e-post-chatt-och-molntjanster/', 'question'],
  ['LIS-R-04', '/regler/incidenthantering/', 'document id'],
  ['lis-r-05', '/regler/losenord/', 'document id, lower case'],
  ['lösenordsbyte', '/regler/losenord/', 'compound with linking s'],
  ['incidentrapport', '/regler/incidenthantering/', 'compound of words used apart'],
  ['säkerhetsincident', '/regler/incidenthantering/', 'compound'],
  ['tvåfaktorsinloggning', '/regler/losenord/', 'compound in the text'],
  ['informationssäkerhetspolicy', '/policy/informationssakerhetspolicy/', 'long compound'],
  ['molntjänster', '/regler/e-post-chatt-och-molntjanster/', 'compound, plural'],
  ['phishing', '/utbildning/phishing-och-social-manipulation/', 'loan word'],
  ['distansarbete', '/regler/distansarbete-och-resor/', 'compound title word'],
  ['resa utomlands med dator', '/regler/distansarbete-och-resor/', 'phrase'],
  ['rapportera en incident', '/regler/incidenthantering/', 'phrase with stop word'],
  ['ansvar för informationssäkerhet', '/policy/informationssakerhetspolicy/', 'phrase'],
  ['klassning av information', '/regler/informationsklassning/', 'words of a compound'],
  ['personalsäkerhet', '/regler/personalsakerhet/', 'compound title'],
  ['grundkurs', '/utbildning/grundkurs-informationssakerhet/', 'training module'],
  ['tillgångar', '/regler/hantering-av-tillgangar/', 'plural'],
];

for (const [query, expected, what] of CASES) {
  test(`"${query}" (${what}) finds ${expected} in the top 3`, async () => {
    const urls = await top(query);
    assert.ok(
      urls.some((u) => u.startsWith(expected)),
      `top 3 for "${query}": ${urls.join(', ')}`,
    );
  });
}

test('a document id puts its document first', async () => {
  for (const [id, url] of [['LIS-R-04', '/regler/incidenthantering/'], ['lis-r-05', '/regler/losenord/']]) {
    assert.equal((await top(id, 1))[0], url);
  }
});

test('a hit lands on the right section', async () => {
  assert.equal((await top('rapportera incident', 1))[0], '/regler/incidenthantering/#rapportera-en-incident');
  assert.equal((await top('resa utomlands med dator', 1))[0], '/regler/distansarbete-och-resor/#resor');
});

test('an exact match ranks above a compound-part match', async () => {
  // "incidentrapportering" is in the title of LIS-R-04 (exact); pages that
  // only say "rapportera … incident" come after it.
  const urls = await top('incidentrapportering', 5);
  assert.equal(urls[0], '/regler/incidenthantering/');
});

test('drafts are not in the index', async () => {
  const urls = await top('kryptering', 50);
  assert.ok(!urls.some((u) => u.startsWith('/regler/kryptering/')), urls.join(', '));
});

test('a one-letter slip in a compound is corrected; a right compound is left alone', async () => {
  for (const [typed, shown, expected] of [
    // The last part misspelt, the compound not in the text as one word.
    ['lösenordsbtye', 'lösenordsbyte', '/regler/losenord/'],
    ['säkerhetsincidnet', 'säkerhetsincident', '/regler/incidenthantering/'],
    // Found only as compound parts before (personuppgif + s + incident).
    ['personuppgifsincident', 'personuppgiftsincident', '/regler/incidenthantering/'],
    // Shown with the typed ending, not as the indexed stem (tystnadsplik).
    ['tysnadsplikt', 'tystnadsplikt', '/regler/personalsakerhet/'],
    ['distansarbte', 'distansarbete', '/regler/distansarbete-och-resor/'],
  ]) {
    const found = await searcher.search(typed);
    assert.equal(found.correction?.query, shown, typed);
    const urls = await top(typed);
    assert.ok(urls.some((u) => u.startsWith(expected)), `top 3 for "${typed}": ${urls.join(', ')}`);
  }
  // Split into säkerhetskopi + per before: the whole word the site has wins.
  assert.equal((await searcher.search('säkerhetskopering')).correction?.query, 'säkerhetskopiering');
  for (const right of ['lösenordsbyte', 'säkerhetsincident', 'incidentrapport', 'lösenorden']) {
    assert.equal((await searcher.search(right)).correction, null, right);
  }
});
