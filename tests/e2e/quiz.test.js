// Training in Chromium (issue #4): the basic course's quiz answered right
// passes and gives a certificate; answered wrong it fails and offers a
// retry of the wrong ones. Also: keyboard use, progress on the path builder
// and reading lists, read receipts, and what the quiz posts to
// training.report_endpoint.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSite, buildSite, removeSite, serve, watchedPage, repoRoot } from './harness.js';
import { sha256 } from '../../themes/default/static/js/quiz-core.js';

const MODULE = '/utbildning/grundkurs-informationssakerhet/';
let out, server, browser;

let site;
before(async () => {
  site = await openSite();
  ({ out, server, browser } = site);
});
after(() => site?.close());

/**
 * The correct selection of every question, found the only way the page
 * allows: hashing every possible selection. (Which is why the docs call a
 * static quiz self-study, not an exam.)
 */
function solve(quiz) {
  return quiz.questions.map((q) => {
    const candidates = q.kind === 'truefalse' ? [['true'], ['false']] : subsets(q.options.length);
    return candidates.find((c) => sha256(`${q.salt}:${c.join(',')}`) === q.hash);
  });
}

function subsets(n) {
  const all = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    all.push([...Array(n).keys()].filter((i) => mask & (1 << i)).map(String));
  }
  return all;
}

async function quizData(page) {
  return JSON.parse(await page.locator('script.quiz-data').textContent());
}

/** Answers every question; `pick(correct, all)` chooses the values to check. */
async function answerAll(page, pick) {
  const quiz = await quizData(page);
  const answers = solve(quiz);
  const items = page.locator('li.quiz__item');
  // The quiz script renders the questions after load; wait for the last one.
  await items.nth(quiz.questions.length - 1).waitFor();
  const n = await items.count();
  assert.equal(n, quiz.questions.length);
  for (let k = 0; k < n; k++) {
    const item = items.nth(k);
    const qi = Number(await item.getAttribute('data-question'));
    const values = await item.locator('input').evaluateAll((els) => els.map((e) => e.value));
    for (const v of pick(answers[qi], values)) await item.locator(`input[value="${v}"]`).check();
    await item.locator('button.quiz-question__answer').click();
    const focused = await page.evaluate(() => document.activeElement.className);
    assert.match(focused, /quiz-feedback/, 'focus moves to the feedback');
  }
}

test('the answers are not in the page as plain text', async () => {
  const html = await (await fetch(server.url + MODULE)).text();
  assert.ok(!html.includes('"correct"'), 'no correct flags');
  assert.ok(!html.includes('"answer"'), 'no true/false answers');
  assert.ok(html.includes('"hash"'));
});

test('answering right passes and gives a certificate', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await page.goto(server.url + MODULE);
  await answerAll(page, (right) => right);
  const result = page.locator('.quiz-result');
  assert.match(await result.innerText(), /Du klarade testet med 100 %/);
  assert.equal(await page.locator('.quiz__result').getAttribute('aria-live'), 'polite');
  await page.reload();
  assert.match(await page.locator('[data-module-status]').innerText(), /Du klarade version 2\.0/);
  await page.goto(`${server.url}/utbildning/intyg/?modul=M-01`);
  await page.locator('#certificate-name').fill('Kim Testsson');
  await page.getByRole('button', { name: 'Skapa intyg' }).click();
  const cert = page.locator('[data-certificate]');
  await cert.waitFor({ state: 'visible' });
  const text = await cert.innerText();
  for (const want of ['Kim Testsson har genomfört och klarat', 'Grundkurs i informationssäkerhet', 'M-01', '2.0', '100 %', 'Botkyrka kommun']) {
    assert.ok(text.includes(want), `certificate lacks ${want}: ${text}`);
  }
  // The path builder shows the same progress.
  await page.goto(`${server.url}/utbildning/vag/?moduler=M-01,M-04`);
  const items = page.locator('[data-built-modules] li');
  // The script builds the list after the page loads; wait for it.
  await items.nth(1).waitFor();
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).innerText(), /Grundkurs.*Klar/s);
  assert.doesNotMatch(await items.nth(1).innerText(), /Klar/);
  assert.match(await page.locator('[data-share-link]').inputValue(), /\/utbildning\/vag\/\?moduler=M-01,M-04$/);
  assert.match(await page.locator('[data-built-path] [data-path-summary]').innerText(), /1 av 2 moduler klara/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('answering wrong fails; the wrong ones can be retried by keyboard', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await page.goto(server.url + MODULE);
  await answerAll(page, (right, all) => {
    const wrong = all.filter((v) => !right.includes(v));
    return wrong.length ? [wrong[0]] : [];
  });
  assert.match(await page.locator('.quiz-result').innerText(), /Du fick 0 %\. Du behöver 80 %/);
  assert.equal(await page.locator('.quiz-result a').count(), 0, 'no certificate link');
  await page.getByRole('button', { name: 'Försök igen med frågorna du svarade fel på' }).click();
  // Focus is on the first question's first option; answer it from the keyboard.
  const first = page.locator('li.quiz__item').first();
  const qi = Number(await first.getAttribute('data-question'));
  const right = solve(await quizData(page))[qi];
  const focusedValue = await page.evaluate(() => document.activeElement.value);
  assert.ok(focusedValue !== undefined && focusedValue !== '', 'an option has focus');
  // Options start unchecked after a retry: check the right ones with Space.
  for (const v of right) {
    await first.locator(`input[value="${v}"]`).focus();
    await page.keyboard.press('Space');
  }
  await first.locator('button.quiz-question__answer').focus();
  await page.keyboard.press('Enter');
  assert.match(await first.locator('.quiz-feedback').innerText(), /Rätt/);
  await page.goto(`${server.url}/utbildning/intyg/?modul=M-01`);
  assert.match(await page.locator('[data-certificate-message]').innerText(), /inte klarat/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a read receipt is recorded and shown on the reading list', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/`);
  await page.locator('#role-picker-select').selectOption('chef');
  assert.match(await page.locator('[data-role-current]').innerText(), /Din läslista: Chef/);
  await page.goto(`${server.url}/regler/losenord/`);
  await page.getByRole('button', { name: 'Jag har läst och förstått' }).click();
  assert.match(await page.locator('.receipt__status').innerText(), /bekräftat att du läst version/);
  await page.goto(`${server.url}/roller/chef/`);
  const item = page.locator('li[data-item-id="LIS-R-05"]');
  assert.match(await item.innerText(), /Läst/);
  // An older version read: the list says so.
  await page.evaluate(() => localStorage.setItem('styrdok:receipt:LIS-R-05', JSON.stringify({ version: '0.9', read_at: '2020-01-01' })));
  await page.reload();
  assert.match(await item.innerText(), /Ny version sedan du läste/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the quiz posts exactly the SPEC fields to report_endpoint', async () => {
  const root = join(mkdtempSync(join(tmpdir(), 'styrdok-endpoint-')), 'site');
  cpSync(join(repoRoot, 'tests/fixtures/core/base'), root, { recursive: true });
  appendFileSync(join(root, 'site.yaml'), 'training:\n  report_endpoint: /tack/\n');
  const site = buildSite({ root });
  const local = await serve(site);
  const { page, context, problems } = await watchedPage(browser, local.url);
  try {
    let posted = null;
    await page.route('**/tack/', async (route) => {
      posted = route.request().postData();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Tack</title>' });
    });
    await page.goto(`${local.url}/utbildning/grundkurs/`);
    await answerAll(page, (right) => right);
    const form = page.locator('.report-form');
    await form.locator('input[name="name"]').fill('Kim Testsson');
    await form.locator('input[name="email"]').fill('kim@example.se');
    await form.locator('select[name="unit"]').selectOption('sof');
    await form.getByRole('button', { name: 'Skicka resultatet' }).click();
    await page.waitForURL('**/tack/');
    const fields = new URLSearchParams(posted);
    assert.deepEqual([...fields.keys()].sort(), ['completed_at', 'email', 'id', 'kind', 'name', 'passed', 'role', 'score', 'unit', 'version']);
    assert.equal(fields.get('kind'), 'quiz');
    assert.equal(fields.get('id'), 'M-1');
    assert.equal(fields.get('version'), '1.0');
    assert.equal(fields.get('score'), '100');
    assert.equal(fields.get('passed'), 'true');
    assert.equal(fields.get('unit'), 'sof');
    assert.match(fields.get('completed_at'), /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(problems.filter((p) => !p.includes('/tack/')), []);
  } finally {
    await context.close();
    await local.close();
    removeSite(site);
    rmSync(join(root, '..'), { recursive: true, force: true });
  }
});
