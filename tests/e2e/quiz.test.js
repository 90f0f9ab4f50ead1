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

/**
 * Answers every question of the stepper in `scope` (one is shown at a
 * time); `pick(correct, all, qi)` chooses the values to check. Returns the
 * question indices in the order asked.
 */
async function answerAll(page, pick, scope = '#quiz') {
  const quiz = await quizData(page);
  const answers = solve(quiz);
  const item = page.locator(`${scope} li.quiz__item`);
  // The quiz script renders the first question after load; wait for it.
  await item.waitFor();
  const asked = [];
  for (let k = 0; k < quiz.questions.length; k++) {
    const qi = Number(await item.getAttribute('data-question'));
    asked.push(qi);
    assert.equal(await item.locator('.quiz-question__number').innerText(), `Fråga ${k + 1} av ${quiz.questions.length}`);
    const values = await item.locator('input').evaluateAll((els) => els.map((e) => e.value));
    for (const v of pick(answers[qi], values, qi)) await item.locator(`input[value="${v}"]`).check();
    await item.locator('button.quiz-question__answer').click();
    const focused = await page.evaluate(() => document.activeElement.className);
    assert.match(focused, /quiz-feedback/, 'focus moves to the feedback');
    const next = item.locator('button.quiz-question__next');
    assert.equal(await next.innerText(), k === quiz.questions.length - 1 ? 'Visa resultat' : 'Nästa fråga');
    await next.click();
  }
  assert.equal(await item.count(), 0, 'the summary replaces the questions');
  return asked;
}

/** Records the styrdok:quiz-* events of every page the context opens. */
async function recordEvents(context) {
  await context.addInitScript(() => {
    window.__quizEvents = [];
    for (const name of ['start', 'answer', 'result']) {
      document.addEventListener(`styrdok:quiz-${name}`, (e) => window.__quizEvents.push({ name, detail: e.detail }));
    }
  });
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
  // The path builder shows the same progress (the manager's view, with the link).
  await page.goto(`${server.url}/utbildning/vag/?moduler=M-01,M-04&steg=dela`);
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
  assert.equal(await page.locator('.quiz-result a[href*="/utbildning/intyg/"]').count(), 0, 'no certificate link');
  await page.getByRole('button', { name: 'Försök igen med frågorna du svarade fel på' }).click();
  // Focus is on the first question's first option; answer it from the keyboard.
  const first = page.locator('#quiz li.quiz__item');
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
    const quiz = await quizData(page);
    await answerAll(page, (right) => right);
    const form = page.locator('.report-form');
    await form.locator('input[name="name"]').fill('Kim Testsson');
    await form.locator('input[name="email"]').fill('kim@example.se');
    await form.locator('select[name="unit"]').selectOption('sof');
    await form.getByRole('button', { name: 'Skicka resultatet' }).click();
    await page.waitForURL('**/tack/');
    const fields = new URLSearchParams(posted);
    assert.deepEqual([...fields.keys()].sort(), ['answers', 'attempt', 'completed_at', 'email', 'id', 'kind', 'name', 'passed', 'role', 'score', 'unit', 'version']);
    assert.equal(fields.get('attempt'), 'post');
    assert.equal(fields.get('answers'), quiz.questions.map((q) => `${q.id}=1`).join(';'));
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

test('pre-test, lesson, post-test: a missed question shows the right answer and its source', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await recordEvents(context);
  await page.goto(server.url + MODULE);
  const quiz = await quizData(page);
  const answers = solve(quiz);
  // The pre-test comes before the lesson.
  const pre = page.locator('#pretest');
  await pre.getByRole('button', { name: 'Gör förtestet' }).waitFor();
  const lesson = page.locator('.module .content, .module .doc-body, main h2').filter({ hasText: 'Varför informationssäkerhet?' }).first();
  assert.ok(await pre.evaluate((p, l) => Boolean(p.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING), await lesson.elementHandle()), 'the pre-test is above the lesson');
  await pre.getByRole('button', { name: 'Gör förtestet' }).click();
  // Half right, and no right answer is revealed before the lesson.
  await answerAll(page, (right, all, qi) => (qi % 2 ? right : [all.find((v) => !right.includes(v))]), '#pretest');
  assert.equal(await pre.locator('.quiz-option--correct').count(), 0);
  const preRight = quiz.questions.filter((_, qi) => qi % 2).length;
  const preScore = Math.floor((preRight * 100) / quiz.questions.length);
  assert.match(await pre.locator('.quiz-result').innerText(), new RegExp(`Förtestet är klart: ${preRight} av ${quiz.questions.length} rätt \\(${preScore} %\\)`));
  assert.equal(await pre.locator('.quiz-result a[href*="/utbildning/intyg/"]').count(), 0, 'a pre-test passes nothing');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('styrdok:quiz-pre:M-01')));
  assert.equal(stored.score, preScore);
  assert.equal(stored.answers, quiz.questions.map((q, qi) => `${q.id}=${qi % 2}`).join(';'));
  assert.equal(await page.evaluate(() => localStorage.getItem('styrdok:quiz:M-01')), null, 'no post-test result yet');

  // Read the lesson; the pre-test is not offered again.
  await page.reload();
  await page.locator('#quiz li.quiz__item').waitFor();
  assert.equal(await page.locator('#pretest').isVisible(), false);

  // The post-test: one question with a source missed, the others right.
  const missed = quiz.questions.findIndex((q) => q.source_url.includes('#') && q.kind === 'single');
  assert.ok(missed >= 0, 'the basic course has a single-choice question with a source section');
  await page.evaluate(() => { window.__quizEvents = []; });
  const item = page.locator('#quiz li.quiz__item');
  let feedbackText = '';
  let sourceHref = '';
  for (let k = 0; k < quiz.questions.length; k++) {
    const qi = Number(await item.getAttribute('data-question'));
    const values = await item.locator('input').evaluateAll((els) => els.map((e) => e.value));
    const pick = qi === missed ? [values.find((v) => !answers[qi].includes(v))] : answers[qi];
    for (const v of pick) await item.locator(`input[value="${v}"]`).check();
    // The chosen option is visibly chosen before answering.
    assert.equal(await item.locator('.quiz-option:has(input:checked)').count(), pick.length);
    await item.locator('button.quiz-question__answer').click();
    if (qi === missed) {
      feedbackText = await item.locator('.quiz-feedback').innerText();
      sourceHref = await item.locator('.quiz-feedback__source a').getAttribute('href');
      assert.equal(await item.locator('.quiz-option--chosen').count(), 1, 'the chosen option stays marked');
      assert.match(await item.locator('.quiz-option--chosen').innerText(), /Ditt svar/);
      assert.match(await item.locator('.quiz-option--correct').innerText(), /Rätt svar/);
      const correctText = await item.locator('.quiz-option--correct .quiz-option__text').innerText();
      assert.ok(feedbackText.includes(`Rätt svar: ${correctText}`), `feedback names the right option: ${feedbackText}`);
    }
    await item.locator('button.quiz-question__next').click();
  }
  assert.match(feedbackText, /^Fel\./);
  assert.equal(sourceHref, quiz.questions[missed].source_url);
  const total = quiz.questions.length;
  const postScore = Math.floor(((total - 1) * 100) / total);
  const result = page.locator('#quiz .quiz-result');
  assert.match(await result.innerText(), new RegExp(`Du klarade testet med ${postScore} %`));
  // The summary says what to reread, linking the same section.
  assert.equal(await result.locator('.quiz-reread__list li').count(), 1);
  assert.equal(await result.locator('.quiz-reread__list a').getAttribute('href'), sourceHref);

  // The events of the LMS contract, with the attempt kinds.
  const events = await page.evaluate(() => window.__quizEvents);
  // One start, with the first answer: showing the quiz started nothing.
  assert.deepEqual(events.filter((e) => e.name === 'start').map((e) => e.detail.attempt), ['post']);
  assert.equal(events[0].name, 'start');
  const answersEv = events.filter((e) => e.name === 'answer');
  assert.equal(answersEv.length, total);
  assert.ok(answersEv.every((e) => e.detail.attempt === 'post' && e.detail.module === 'M-01' && e.detail.version === '2.0'));
  const missEv = answersEv.find((e) => e.detail.question === quiz.questions[missed].id);
  assert.equal(missEv.detail.correct, false);
  assert.equal(missEv.detail.type, 'single');
  assert.deepEqual(missEv.detail.correctResponse, answers[missed]);
  const resultEv = events.find((e) => e.name === 'result').detail;
  assert.deepEqual(
    { attempt: resultEv.attempt, score: resultEv.score, passed: resultEv.passed, passMark: resultEv.passMark },
    { attempt: 'post', score: postScore, passed: true, passMark: 80 },
  );
  assert.equal(Object.keys(resultEv.answers).length, total);
  assert.equal(resultEv.answers[quiz.questions[missed].id], false);

  // Following the source link lands on that heading.
  await result.locator('.quiz-reread__list a').click();
  await page.waitForURL((url) => decodeURIComponent(url.pathname + url.hash) === sourceHref);
  const fragment = decodeURIComponent(sourceHref.split('#')[1]);
  assert.equal(await page.locator(`[id="${fragment}"]`).count(), 1, `the source page has #${fragment}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a retention check is offered retest_after_days after a pass, and reported as retention', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await recordEvents(context);
  await page.goto(server.url + MODULE);
  const quiz = await quizData(page);
  assert.equal(quiz.retest_after_days, 150);
  // Passed 149 days ago: nothing offered yet; 151 days ago: offered.
  const passedAgo = (days) => page.evaluate((d) => localStorage.setItem('styrdok:quiz:M-01', JSON.stringify({
    version: '2.0', score: 100, passed: true, completed_at: new Date(Date.now() - d * 864e5).toISOString(),
  })), days);
  await passedAgo(149);
  await page.reload();
  await page.locator('#quiz li.quiz__item').waitFor();
  assert.equal(await page.locator('.quiz-offer--retention').count(), 0);
  await passedAgo(151);
  await page.reload();
  const offer = page.locator('.quiz-offer--retention');
  await offer.waitFor();
  assert.match(await offer.innerText(), /Dags att repetera.*151 dagar sedan du klarade/s);
  assert.equal(await page.locator('#pretest').isVisible(), false, 'no pre-test after a pass');
  await offer.getByRole('button', { name: 'Starta repetitionen' }).click();
  await answerAll(page, (right) => right);
  assert.match(await page.locator('#quiz .quiz-result').innerText(), new RegExp(`Du mindes ${quiz.questions.length} av ${quiz.questions.length} \\(100 %\\)`));
  const events = await page.evaluate(() => window.__quizEvents);
  assert.equal(events.find((e) => e.name === 'start').detail.attempt, 'retention');
  assert.equal(events.find((e) => e.name === 'result').detail.attempt, 'retention');
  // The pass is kept, and the check is not offered again.
  assert.match(await page.evaluate(() => localStorage.getItem('styrdok:quiz:M-01')), /"passed":true/);
  await page.reload();
  await page.locator('#quiz li.quiz__item').waitFor();
  assert.equal(await page.locator('.quiz-offer--retention').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a manager builds a path for Chef, shares it, and the employee view shows progress', async () => {
  const manager = await watchedPage(browser, server.url);
  const { page } = manager;
  await page.goto(`${server.url}/utbildning/vag/`);
  const catalog = JSON.parse(await page.locator('#styrdok-catalog').textContent());
  const chef = catalog.roles.find((r) => r.id === 'chef');
  const curated = catalog.paths.find((p) => (p.roles || []).includes('chef'));
  assert.ok(curated, 'the default site has a curated path for Chef');
  // Choosing the role ticks what Chef must take (its reading list and curated path).
  await page.locator('#builder-role').selectOption('chef');
  const ticked = (name) => page.locator(`input[name="${name}"]:checked`).evaluateAll((els) => els.map((e) => e.value));
  const wantModules = [...new Set([...chef.modules, ...curated.modules])].sort();
  assert.deepEqual((await ticked('moduler')).sort(), wantModules);
  for (const d of curated.documents) assert.ok((await ticked('dokument')).includes(d), `document ${d} preselected`);
  const note = page.locator('[data-role-note]');
  assert.match(await note.innerText(), /Förvalt för rollen Chef/);
  assert.equal(await note.locator('a').getAttribute('href'), curated.url);
  // Adjustable: untick one module, tick another with a prerequisite, name it, set a due time.
  const dropped = wantModules.find((id) => id !== 'M-01');
  await page.locator(`input[name="moduler"][value="${dropped}"]`).uncheck();
  const withPrereq = catalog.modules.find((m) => m.prerequisites.includes('M-01') && !wantModules.includes(m.id));
  if (withPrereq) await page.locator(`input[name="moduler"][value="${withPrereq.id}"]`).check();
  await page.locator('#builder-name').fill('Chefsintroduktion 2027');
  await page.locator('#builder-due').fill('45');
  await page.getByRole('button', { name: 'Skapa utbildningsväg' }).click();
  await page.waitForURL('**steg=dela');
  assert.match(await page.locator('[data-built-path-heading]').innerText(), /Utbildningsvägen är klar/);
  const shared = await page.locator('[data-share-link]').inputValue();
  assert.match(shared, /namn=Chefsintroduktion%202027/);
  assert.doesNotMatch(shared, /steg=|roll=/, 'the link is the path, not the builder');
  assert.equal(await page.locator('[data-employee-link]').getAttribute('href'), shared);
  assert.deepEqual(manager.problems, []);
  await manager.context.close();

  // The employee has passed M-01 in their browser and opens the link.
  const employee = await watchedPage(browser, server.url);
  const ep = employee.page;
  await ep.goto(`${server.url}/`);
  await ep.evaluate(() => localStorage.setItem('styrdok:quiz:M-01', JSON.stringify({ version: '2.0', score: 100, passed: true, completed_at: new Date().toISOString() })));
  await ep.goto(shared);
  const items = ep.locator('[data-built-modules] li');
  await items.first().waitFor();
  assert.equal(await ep.locator('h1').count(), 1);
  assert.equal(await ep.locator('h1').innerText(), 'Chefsintroduktion 2027');
  assert.equal(await ep.locator('form.path-builder').isVisible(), false, 'no builder form');
  assert.equal(await ep.locator('[data-share-link]').count(), 0, 'no share link');
  assert.doesNotMatch(await ep.locator('main').innerText(), /Länk att dela|Sätt ihop en utbildningsväg/);
  const ids = await items.evaluateAll((els) => els.map((e) => e.dataset.moduleId));
  const expected = wantModules.filter((id) => id !== dropped).concat(withPrereq ? [withPrereq.id] : []);
  assert.deepEqual([...ids].sort(), expected.sort());
  // Prerequisites come first.
  for (const id of ids) {
    for (const p of catalog.modules.find((m) => m.id === id).prerequisites) {
      if (ids.includes(p)) assert.ok(ids.indexOf(p) < ids.indexOf(id), `${p} before ${id}`);
    }
  }
  assert.match(await items.nth(ids.indexOf('M-01')).innerText(), /Klar/);
  assert.match(await ep.locator('[data-path-summary]').innerText(), new RegExp(`1 av ${ids.length} moduler klara`));
  assert.match(await ep.locator('[data-built-path-meta]').innerText(), /Ska vara klart inom 45 dagar/);
  const docs = await ep.locator('[data-built-documents] li').evaluateAll((els) => els.map((e) => e.dataset.docId));
  for (const d of curated.documents) assert.ok(docs.includes(d), `document ${d} on the path`);
  // Print view: the path without the buttons.
  const print = ep.locator('[data-print]');
  assert.equal(await print.isVisible(), true);
  await ep.emulateMedia({ media: 'print' });
  assert.equal(await print.isVisible(), false, 'no buttons on paper');
  assert.equal(await items.first().isVisible(), true, 'the modules are printed');
  await ep.emulateMedia({ media: 'screen' });
  // The reading list links the role's curated path; a role without one, the builder.
  await ep.goto(`${server.url}/roller/medarbetare/`);
  assert.equal(await ep.getByRole('link', { name: /^Utbildningsväg: / }).getAttribute('href'), '/utbildning/vagar/ny-medarbetare/');
  await ep.goto(`${server.url}/roller/ledning/`);
  assert.match(await ep.getByRole('link', { name: /^Utbildningsväg: / }).getAttribute('href'), /\/utbildning\/vag\/\?roll=ledning$/);
  assert.deepEqual(employee.problems, []);
  await employee.context.close();
});
