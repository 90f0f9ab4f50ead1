// Read receipts through a learning platform (cmi5) in Chromium against a
// real Learning Record Store, Ralph (see ralph.js). The site of
// tests/fixtures/lms/site is built for, and served at, its own loopback
// origin; the test plays the platform on another origin (lms-server.js,
// allowing the site's pages by CORS). It takes the document AU from the
// module's cmi5.xml, launches the document's page on the site with the
// cmi5 launch parameters, confirms the receipt, reads the statements back
// from Ralph and runs `styrdok report` on Ralph's export.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildSite, removeSite, launch, watchedPage, repoRoot, serve, CSP, runStyrdok } from '../e2e/harness.js';
import { unzip } from './packages.js';
import { startRalph, freePort, exportPages as ralphPages, storedStatements } from './ralph.js';
import { startLms } from './lms-server.js';

const FIXTURE = join(repoRoot, 'tests/fixtures/lms/site');
const VERB = 'http://adlnet.gov/expapi/verbs/';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const account = (name) => ({ homePage: 'https://lms.example.se', name });
const BO = { objectType: 'Agent', name: 'Bo Berg', account: account('bo') };
const DORA = { objectType: 'Agent', name: 'Dora Dahl', account: account('dora') };

let out;
let browser;
let ralph;
let lms;
let site;
before(async () => {
  ralph = await startRalph();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  out = buildSite({ root: FIXTURE, baseUrl: `${origin}/` });
  lms = await startLms({ ralph, cors: origin });
  // The site's policy, with the platform's endpoint allowed (docs/training.md).
  site = await serve(out, { port, csp: CSP.replace("connect-src 'self'", `connect-src 'self' ${lms.origin}`) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await lms?.close();
  ralph?.stop();
  if (out) removeSite(out);
});

/** The document AU of the module's cmi5 course structure: { id, url }. */
function documentAu() {
  const files = unzip(readFileSync(join(out, 'scorm', 'M-1-v2.0-cmi5.zip')));
  const xml = files.get('cmi5.xml').toString('utf8');
  const m = xml.match(/<au id="([^"]*\/xapi\/documents\/[^"]*)" moveOn="NotApplicable" launchMethod="OwnWindow">[\s\S]*?<url>([^<]*)<\/url>/);
  assert.ok(m, xml);
  return { id: m[1], url: m[2] };
}

/** Ralph's GET /statements (for `registration`, or all), every page. */
const exportPages = (registration) => ralphPages(ralph, registration, 4);
const stored = (registration) => storedStatements(ralph, registration, 4);

/** Waits until Ralph has a `terminated` for `registration` (sent as the page is left). */
async function terminated(registration) {
  for (let i = 0; i < 100; i += 1) {
    const list = await stored(registration);
    if (list.some((s) => s.verb.id === `${VERB}terminated`)) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('no terminated statement');
}

/** Opens `url` in a fresh browser context; problems other than calls to the platform are kept. */
async function open(url) {
  const watched = await watchedPage(browser, site.url);
  const requests = [];
  watched.page.on('request', (r) => requests.push(r.url()));
  await watched.page.goto(url);
  const others = () => watched.problems.filter((p) => !p.startsWith(`outbound request: ${lms.origin}/`));
  return { ...watched, requests, others };
}

test('a document to read, launched from the platform: experienced, attested; Ralph stores them and report counts the receipt', async () => {
  const au = documentAu();
  assert.deepEqual(au, { id: `${site.url}/xapi/documents/P-1/v1.0`, url: `${site.url}/regler/losenord/` });
  const registration = randomUUID();
  const launch1 = lms.launchUrl({ au: au.url, activityId: au.id, actor: BO, registration, launchData: { moveOn: 'NotApplicable' } });
  const { page, context, requests, others } = await open(launch1.url);
  await page.waitForFunction(() => window.styrdokLmsReceipt);
  await page.evaluate(() => window.styrdokLmsReceipt.settled());
  const section = page.locator('section.receipt');
  assert.ok(await section.isVisible(), 'the receipt shows without a role chosen here');
  assert.match(await section.locator('p').first().textContent(), /från lärplattformen/);
  await section.getByRole('button', { name: 'Jag har läst och förstått' }).click();
  const status = section.locator('.receipt__status');
  await status.filter({ hasText: 'sparad i lärplattformen' }).waitFor();
  assert.match(await status.textContent(), /version 1\.0/);
  // The token: fetched once, kept in sessionStorage, never in the page or its address.
  const token = ralph.authorization.slice('Basic '.length);
  assert.equal(lms.fetches.get(launch1.fetchPath), 1);
  assert.ok((await page.evaluate(() => JSON.stringify(sessionStorage))).includes(token));
  assert.ok(!(await page.content()).includes(token), 'token in the page');
  assert.equal(page.url(), launch1.url);
  assert.ok(requests.every((u) => !u.includes(token)), 'token in a URL');
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${site.url}/`) && !u.startsWith(`${lms.origin}/`)), []);
  assert.deepEqual(others(), []);
  await context.close();

  const statements = await stored(registration);
  assert.deepEqual(statements.map((s) => s.verb.id.slice(VERB.length)), ['initialized', 'experienced', 'attested', 'completed', 'terminated']);
  for (const s of statements) {
    assert.deepEqual(s.actor.account, BO.account, 'the actor the platform launched with');
    assert.equal(s.context.registration, registration);
    assert.equal(s.context.extensions[`${site.url}/xapi/extensions/document-version`], '1.0');
    assert.equal(s.context.extensions[SESSION_EXT], launch1.sessionid, 'the context template of LMS.LaunchData');
    assert.equal(s.object.id, au.id, 'the document version');
    const cmi5Defined = (s.context.contextActivities?.category || []).some((c) => c.id === CMI5);
    assert.equal(cmi5Defined, !['experienced', 'attested'].includes(s.verb.id.slice(VERB.length)), s.verb.id);
  }
  assert.equal(statements[1].object.definition.name.sv, 'Regel om lösenord');

  // The same launch again in another window: the fetch URL answers once, so
  // the page says to start from the platform again and sends nothing.
  const again = await open(launch1.url);
  await again.page.waitForFunction(() => window.styrdokLmsReceipt);
  await again.page.evaluate(() => window.styrdokLmsReceipt.settled());
  assert.match(await again.page.locator('.receipt__status').textContent(), /Öppna dokumentet igen från lärplattformen/);
  assert.ok(!(await again.page.getByRole('button', { name: 'Jag har läst och förstått' }).isVisible()));
  assert.equal(lms.fetches.get(launch1.fetchPath), 2);
  await again.context.close();
  assert.equal((await stored(registration)).length, 5);

  // Dora opens the document and leaves without confirming: experienced, no receipt.
  const dora = randomUUID();
  const launch2 = lms.launchUrl({ au: au.url, activityId: au.id, actor: DORA, registration: dora });
  const left = await open(launch2.url);
  await left.page.waitForFunction(() => window.styrdokLmsReceipt);
  await left.page.evaluate(() => window.styrdokLmsReceipt.settled());
  await left.page.goto('about:blank');
  const doras = await terminated(dora);
  assert.deepEqual(doras.map((s) => s.verb.id.slice(VERB.length)), ['initialized', 'experienced', 'terminated']);
  await left.context.close();

  // Cecilia confirmed the version before (what the platform holds from then).
  const older = {
    actor: { objectType: 'Agent', account: account('cecilia') },
    verb: { id: `${VERB}attested` },
    object: { objectType: 'Activity', id: au.id.replace('/v1.0', '/v0.9') },
    context: { registration: randomUUID(), extensions: { [`${site.url}/xapi/extensions/document-version`]: '0.9' } },
    timestamp: '2026-01-15T10:00:00Z',
  };
  const posted = await fetch(`${ralph.url}/xAPI/statements`, {
    method: 'POST',
    headers: { Authorization: ralph.authorization, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
    body: JSON.stringify(older),
  });
  assert.equal(posted.status, 200, await posted.text());

  // `styrdok report` on the whole export: Bo's receipt is for the current
  // version, Cecilia's for an older one, Dora only opened the page.
  const pages = await exportPages();
  assert.ok(pages.length > 1, 'the export is paged');
  const dir = mkdtempSync(join(tmpdir(), 'styrdok-xapi-'));
  try {
    const file = join(dir, 'statements.json');
    writeFileSync(file, `${pages.join('\n')}\n`);
    const report = runStyrdok(['report', '--completions', file, '--root', FIXTURE, '--format', 'csv']);
    assert.equal(report.status, 0, report.stderr);
    const [header, ...rows] = report.stdout.trim().split('\n').map((l) => l.split(','));
    const col = (row, name) => row[header.indexOf(name)];
    const p1 = rows.find((r) => r[0] === 'receipt' && r[1] === 'P-1' && col(r, 'unit') === '*');
    assert.ok(p1, report.stdout);
    assert.deepEqual([col(p1, 'passed_current'), col(p1, 'passed_outdated_only'), col(p1, 'not_passed')], ['1', '1', ''], report.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a document page opened without launch parameters sends nothing anywhere', async () => {
  const before = [...lms.fetches.values()].reduce((a, b) => a + b, 0);
  const statements = (await stored()).length;
  const { page, context, requests, problems } = await open(`${site.url}/regler/losenord/`);
  await page.waitForLoadState('networkidle');
  assert.ok(await page.locator('section.receipt').isHidden(), 'no role chosen, no launch: no receipt');
  assert.equal(await page.evaluate(() => typeof window.styrdokLmsReceipt), 'undefined');
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${site.url}/`)), []);
  assert.ok(!requests.some((u) => u.endsWith('/lms-receipt.js')), 'the platform script is not even loaded');
  assert.deepEqual(problems, []);
  await context.close();
  assert.equal([...lms.fetches.values()].reduce((a, b) => a + b, 0), before);
  assert.equal((await stored()).length, statements);
});
