// Search in Chromium on the bundled site: /sok/?q=lösenorden opens with the
// password rule among the results, a facet narrows them, a draft never
// appears (and appears with --drafts), results are announced in a live
// region, the keyboard reaches everything, and the header box works as a
// plain GET form. No script errors or CSP violations on the way.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, buildSite, removeSite, serve, watchedPage } from './harness.js';

let out, server, browser;

let site;
before(async () => {
  site = await openSite();
  ({ out, server, browser } = site);
});
after(() => site?.close());

const resultLinks = (page) =>
  page.$$eval('#search-results > li > h3 a', (as) => as.map((a) => a.getAttribute('href')));

async function openSearch(query, origin = server.url) {
  const w = await watchedPage(browser, origin);
  await w.page.goto(`${origin}/sok/?q=${encodeURIComponent(query)}`);
  await w.page.waitForSelector('#search-results > li');
  return w;
}

test('?q=lösenorden opens with the password rule in the results', async () => {
  const { page, context, problems } = await openSearch('lösenorden');
  const links = await resultLinks(page);
  assert.ok(
    links.slice(0, 3).some((h) => h.startsWith('/regler/losenord/')),
    `password rule not in top 3: ${links.join(', ')}`,
  );
  assert.equal(await page.inputValue('#search-query'), 'lösenorden');
  const status = await page.textContent('#search-status');
  assert.match(status, /\d+ träffar/);
  assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
  const marks = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.some((m) => /^lösenord/i.test(m)), `no highlight: ${marks}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a facet narrows the results and is kept in the URL', async () => {
  const { page, context, problems } = await openSearch('lösenord');
  const before = (await resultLinks(page)).length;
  const count = await page.$$eval('#search-results > li', (l) => l.length);
  assert.ok(count > 1);
  // The filters wait in a closed disclosure above the results.
  assert.equal(await page.textContent('.search-filters__toggle'), 'Filtrera');
  await page.click('.search-filters__toggle');
  await page.check('#facet-type-rule');
  await page.waitForFunction(
    (n) => document.querySelectorAll('#search-results > li').length < n,
    before,
  );
  const links = await resultLinks(page);
  assert.ok(links.length > 0);
  assert.ok(links.every((h) => h.startsWith('/regler/')), links.join(', '));
  assert.match(page.url(), /typ=rule/);
  assert.equal(await page.textContent('.search-filters__toggle'), 'Filtrera (1)');
  // The shared link opens with the same facet chosen.
  await page.goto(page.url());
  await page.waitForSelector('#search-results > li');
  assert.ok(await page.isChecked('#facet-type-rule'));
  assert.deepEqual(await resultLinks(page), links);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a draft never appears in the results', async () => {
  const { page, context, problems } = await openSearch('kryptering');
  const links = await resultLinks(page);
  assert.ok(links.length > 0);
  assert.ok(!links.some((h) => h.startsWith('/regler/kryptering/')), links.join(', '));
  const text = await page.textContent('#search-results');
  assert.ok(!text.includes('förslag'), text);
  assert.deepEqual(problems, []);
  await context.close();
  // With --drafts (a preview) it does.
  const preview = buildSite({ drafts: true });
  const s = await serve(preview);
  try {
    const w = await openSearch('kryptering', s.url);
    const all = await resultLinks(w.page);
    assert.ok(all.some((h) => h.startsWith('/regler/kryptering/')), all.join(', '));
    await w.context.close();
  } finally {
    await s.close();
    removeSite(preview);
  }
});

test('typing searches with prefixes; the keyboard reaches results and facets', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/sok/`);
  await page.focus('#search-query');
  await page.keyboard.type('inciden', { delay: 20 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#search-results > li h3 a')].some((a) =>
      a.getAttribute('href').startsWith('/regler/incidenthantering/'),
    ),
  );
  // Earlier prefixes may have answered first; the URL follows the last one.
  await page.waitForURL(/q=inciden$/);
  await page.keyboard.press('Tab'); // the submit button
  await page.keyboard.press('Tab'); // the filter disclosure
  assert.equal(await page.evaluate(() => document.activeElement.className), 'search-filters__toggle');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // first facet checkbox
  const focused = await page.evaluate(() => document.activeElement.type);
  assert.equal(focused, 'checkbox');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the header box is a plain GET form to sok/ and an id finds its document', async () => {
  const w = await watchedPage(browser, server.url);
  await w.page.goto(`${server.url}/regler/`);
  await w.page.fill('#site-search', 'LIS-R-05');
  await w.page.press('#site-search', 'Enter');
  await w.page.waitForSelector('#search-results > li');
  assert.match(w.page.url(), /\/sok\/\?q=LIS-R-05/);
  const links = await resultLinks(w.page);
  assert.ok(links[0].startsWith('/regler/losenord/'), links.join(', '));
  const noscript = await w.page.$eval('noscript', (n) => n.textContent);
  assert.match(noscript, /JavaScript/);
  assert.deepEqual(w.problems, []);
  await w.context.close();
});

test('on a phone the first result is on the first screen, with one search field', async () => {
  const w = await watchedPage(browser, server.url, { width: 375, height: 740 });
  await w.page.goto(`${server.url}/sok/?q=${encodeURIComponent('lösenord')}`);
  await w.page.waitForSelector('#search-results > li');
  const first = await w.page.$eval('#search-results > li', (li) => li.getBoundingClientRect().top);
  assert.ok(first < 740, `first result at ${first}px`);
  assert.equal(await w.page.$eval('.search-filters', (d) => d.open), false);
  assert.equal(await w.page.isVisible('#site-search'), false, 'the header field is hidden here');
  assert.equal(await w.page.isVisible('#search-query'), true);
  // Every page of the bundled site applies to every unit: no unit filter.
  const legends = await w.page.$$eval('.search-facet legend', (ls) => ls.map((l) => l.textContent));
  assert.ok(legends.includes('Typ'), legends.join(', '));
  assert.ok(!legends.includes('Förvaltning'), legends.join(', '));
  assert.deepEqual(w.problems, []);
  await w.context.close();
});

test('a one-letter slip shows the corrected results and offers the query as typed', async () => {
  const { page, context, problems } = await openSearch('lösenrd');
  assert.match(await page.textContent('#search-correction'), /Visar träffar för lösenord\. Sök i stället på lösenrd/);
  assert.ok((await resultLinks(page))[0].startsWith('/regler/losenord/'));
  await page.click('#search-correction a');
  await page.waitForFunction(() => document.querySelector('#search-status').textContent === 'Inga träffar.');
  assert.match(page.url(), /exakt=1/);
  assert.equal(await page.isVisible('#search-correction'), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a result opens its page at the clause, marked, and the marks can be cleared', async () => {
  const { page, context, problems } = await openSearch('tystnadsplikt');
  const href = (await resultLinks(page))[0];
  assert.match(href, /^\/regler\/personalsakerhet\/\?markera=[^#]*tystnadsplik/);
  await page.click('#search-results > li h3 a');
  await page.waitForSelector('mark.search-landing__mark');
  const marks = await page.$$eval('mark.search-landing__mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.every((m) => /^tystnadsplikt/i.test(m)), marks.join(', '));
  // The clause is scrolled into view once the page has settled.
  await page.waitForFunction(() => {
    const r = document.querySelector('.search-landing__target')?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= window.innerHeight;
  });
  const target = await page.$eval('.search-landing__target', (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, text: el.textContent, focused: document.activeElement === el };
  });
  assert.ok(target.top >= 0 && target.bottom <= 900, JSON.stringify(target));
  assert.match(target.text, /tystnadsplikt/i);
  assert.ok(target.focused);
  await page.click('.search-landing__clear');
  assert.equal(await page.$$eval('mark.search-landing__mark', (ms) => ms.length), 0);
  assert.ok(!page.url().includes('markera'), page.url());
  assert.equal(await page.$('.search-landing'), null);
  assert.deepEqual(problems, []);
  await context.close();
});
