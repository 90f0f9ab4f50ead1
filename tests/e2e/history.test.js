// Versions from git in Chromium (issue #5): a reader whose read receipt is
// for an older version of a governing document sees, on the current page,
// which version they confirmed and when, links to what changed since (every
// change at once and each version's changes page) and a prompt to confirm
// again; a receipt for the current version shows nothing. An older module
// version reads without a quiz and leads to the current version's. gallande/
// answers for a chosen day and downloads that day's set as CSV. The site
// is the core fixture committed to a real git repository: the rule in three
// versions, the module in two.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSite, watchedPage, repoRoot } from './harness.js';

const DOC = '/regler/incident/';
const RULE = 'content/regler/incident.md';
const MODULE = 'content/utbildning/grundkurs.md';
let root, out, server, browser, site;

function git(args, date) {
  const res = spawnSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.se',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.se',
      GIT_AUTHOR_DATE: `${date}T12:00:00+01:00`,
      GIT_COMMITTER_DATE: `${date}T12:00:00+01:00`,
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
    },
  });
  assert.equal(res.status, 0, `git ${args.join(' ')}: ${res.stderr}`);
}

/** The fixture's rule (version 2.0) as an older version with another purpose text. */
function olderRule(current, version, on, purpose, changes) {
  return current
    .replace('version: "2.0"', `version: "${version}"\nchanges: ${changes}`)
    .replace('approved_on: 2026-03-01', `approved_on: ${on}`)
    .replace('Varför regeln finns.', purpose);
}

before(async () => {
  root = join(mkdtempSync(join(tmpdir(), 'styrdok-history-')), 'site');
  cpSync(join(repoRoot, 'tests/fixtures/core/base'), root, { recursive: true });
  const current = readFileSync(join(root, RULE), 'utf8');
  git(['init', '-q', '-b', 'main'], '2025-01-01');
  writeFileSync(join(root, RULE), olderRule(current, '1.0', '2025-01-10', 'Regeln fanns för incidenter på papper.', 'Första versionen'));
  git(['add', '-A'], '2025-01-10');
  git(['commit', '-q', '-m', '1.0'], '2025-01-10');
  writeFileSync(join(root, RULE), olderRule(current, '1.1', '2025-06-01', 'Regeln fanns för incidenter i e-post.', 'E-post i stället för papper'));
  git(['commit', '-q', '-a', '-m', '1.1'], '2025-06-01');
  writeFileSync(join(root, RULE), current.replace('version: "2.0"', 'version: "2.0"\nchanges: Nytt syfte'));
  git(['commit', '-q', '-a', '-m', '2.0'], '2026-03-01');
  const lesson = readFileSync(join(root, MODULE), 'utf8');
  writeFileSync(join(root, MODULE), lesson.replace('version: "1.0"', 'version: "2.0"').replace('Lektionen.', 'Lektionen, andra upplagan.'));
  git(['commit', '-q', '-a', '-m', 'module 2.0'], '2026-04-01');
  site = await openSite({ root });
  ({ out, server, browser } = site);
});

after(async () => {
  await site?.close();
  if (root) rmSync(resolve(root, '..'), { recursive: true, force: true });
});

/** Opens the rule with this browser's role and receipt set beforehand. */
async function openWith({ role, receipt }) {
  const watched = await watchedPage(browser, server.url);
  const { page } = watched;
  await page.goto(`${server.url}/`);
  await page.evaluate(([r, rec]) => {
    if (r) localStorage.setItem('styrdok:role', JSON.stringify(r));
    if (rec) localStorage.setItem('styrdok:receipt:R-1', JSON.stringify(rec));
  }, [role, receipt]);
  await page.goto(`${server.url}${DOC}`);
  // training.js is a module: wait until it has set up the page.
  await page.waitForFunction(() => document.querySelector('.since-read .since-read__body'));
  return watched;
}

const hrefOf = (page, name) => page.getByRole('link', { name, exact: true }).getAttribute('href');

test('a receipt for an older version: what changed since, with links to the changes', async () => {
  const { page, context, problems } = await openWith({ role: 'medarbetare', receipt: { version: '1.0', read_at: '2026-03-03' } });
  const notice = page.locator('section.since-read');
  assert.ok(await notice.isVisible());
  assert.equal(await notice.getByRole('heading', { level: 2 }).innerText(), 'Dokumentet har ändrats sedan du läste det');
  assert.match(await notice.innerText(), /Du bekräftade version 1\.0 den 3 mars 2026\. Sedan dess har dokumentet ändrats:/);
  assert.equal(await hrefOf(notice, 'Alla ändringar från version 1.0 till version 2.0'), `${DOC}andringar-sedan/v1.0/`);
  assert.equal(await hrefOf(notice, 'Ändringar i version 1.1'), `${DOC}v1.1/andringar/`);
  assert.equal(await hrefOf(notice, 'Ändringar i version 2.0'), `${DOC}v2.0/andringar/`);
  assert.match(await notice.innerText(), /Version 1\.1, beslutad 1 juni 2025: E-post i stället för papper/);
  // The receipt form is on the page (the role reads this rule): the notice points at it.
  assert.equal(await hrefOf(notice, 'Bekräfta att du har läst version 2.0'), '#receipt-heading');

  // Every change since 1.0 on one page: 1.0's text against the current one.
  await notice.getByRole('link', { name: 'Alla ändringar från version 1.0 till version 2.0' }).click();
  await page.waitForURL(`**${DOC}andringar-sedan/v1.0/`);
  assert.match(await page.locator('h1').innerText(), /^Ändringar sedan version 1\.0 – /);
  assert.match(await page.locator('.diff del').allInnerTexts().then((t) => t.join(' ')), /papper/);
  assert.match(await page.locator('.diff ins').allInnerTexts().then((t) => t.join(' ')), /finns/);
  assert.equal(await page.getByRole('link', { name: 'ändringar mot föregående version – version 1.1' }).getAttribute('href'), `${DOC}v1.1/andringar/`);

  // Confirming the current version below ends the notice.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.since-read .since-read__body'));
  await page.getByRole('button', { name: 'Jag har läst och förstått', exact: true }).click();
  assert.ok(await page.locator('section.since-read').isHidden());
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('styrdok:receipt:R-1')));
  assert.equal(stored.version, '2.0');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a receipt for the version just before: that version\'s changes page only', async () => {
  const { page, context, problems } = await openWith({ role: 'medarbetare', receipt: { version: '1.1', read_at: '2026-04-01' } });
  const notice = page.locator('section.since-read');
  assert.ok(await notice.isVisible());
  assert.match(await notice.innerText(), /Du bekräftade version 1\.1 den 1 april 2026\./);
  const links = await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, [`${DOC}v2.0/andringar/`, '#receipt-heading']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a receipt for the current version shows no notice', async () => {
  const { page, context, problems } = await openWith({ role: 'medarbetare', receipt: { version: '2.0', read_at: '2026-04-01' } });
  assert.ok(await page.locator('section.since-read').isHidden());
  // Not in the accessibility tree either (getByRole skips hidden elements).
  assert.equal(await page.getByRole('heading', { name: 'Dokumentet har ändrats sedan du läste det' }).count(), 0);
  assert.match(await page.locator('.receipt__status').innerText(), /bekräftat att du läst version 2\.0/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without the receipt form (no role chosen) the notice confirms by itself', async () => {
  const { page, context, problems } = await openWith({ role: '', receipt: { version: '1.0', read_at: '2026-03-03' } });
  assert.ok(await page.locator('section.receipt').isHidden(), 'the rule is not on a chosen reading list');
  const button = page.getByRole('button', { name: 'Jag har läst och förstått version 2.0' });
  await button.click();
  const done = page.locator('.since-read__done');
  assert.match(await done.innerText(), /Du har bekräftat att du läst version 2\.0/);
  assert.equal(await page.evaluate(() => document.activeElement.className), await done.getAttribute('class'));
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('styrdok:receipt:R-1')));
  assert.equal(stored.version, '2.0');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an older module version is for reading: no quiz, a link to the current one', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/utbildning/grundkurs/`);
  await page.getByRole('link', { name: '1.0 – Visa version' }).click();
  await page.waitForURL('**/utbildning/grundkurs/v1.0/');
  assert.match(await page.locator('.banner--old').innerText(), /Äldre version – aktuell från 2025-01-10 till 2026-04-01; aktuell version är 2\.0/);
  assert.match(await page.locator('main').innerText(), /Lektionen\./);
  assert.equal(await page.locator('[data-quiz], .quiz-data, li.quiz__item').count(), 0, 'no quiz on an older version');
  await page.getByRole('link', { name: 'Gör testet i den aktuella versionen (2.0)' }).click();
  await page.waitForURL('**/utbildning/grundkurs/#quiz');
  await page.locator('li.quiz__item').first().waitFor();
  assert.match(await page.locator('main').innerText(), /Lektionen, andra upplagan\./);
  assert.deepEqual(problems, []);
  await context.close();
});

test('gallande/ answers for a chosen day from the record and downloads that day\'s CSV (issue #20)', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/gallande/`);
  // Without a choice: the build date's set, the rule's current version.
  const rows = page.locator('#in-force-set-rows tr[data-id="R-1"]');
  assert.equal(await rows.getByRole('link', { name: '2.0 – R-1' }).getAttribute('href'), DOC);

  await page.getByLabel('Datum').fill('2025-07-01');
  await page.getByRole('button', { name: 'Visa' }).click();
  await page.waitForURL('**/gallande/?datum=2025-07-01');
  assert.equal(await page.locator('#in-force-set-heading').innerText(), 'Gällande den 2025-07-01');
  assert.equal(await rows.getByRole('link', { name: '1.1 – R-1' }).getAttribute('href'), `${DOC}v1.1/`);
  assert.match(await rows.innerText(), /2025-06-01[\s\S]*2026-02-28/);
  assert.match(await page.locator('#in-force-status').innerText(), /^Gällde den 2025-07-01: \d+ dokument$/);

  const csv = page.locator('#in-force-csv');
  assert.equal(await csv.getAttribute('download'), 'gallande-2025-07-01.csv');
  const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(text, /^Dokument-id,Typ,Titel,Version,Gäller från,Gäller till och med,Adress\r\n/);
  assert.match(text, /\r\nR-1,Regel,Regel för incidenter,1\.1,2025-06-01,2026-02-28,\/regler\/incident\/v1\.1\/\r\n/);

  // A shared address opens on its day; a day before the rule existed lists it nowhere.
  await page.goto(`${server.url}/gallande/?datum=2025-01-09`);
  assert.equal(await page.locator('#in-force-set-heading').innerText(), 'Gällande den 2025-01-09');
  assert.equal(await rows.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
