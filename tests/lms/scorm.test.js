// Every SCORM package of the test site (tests/fixtures/lms/site) in
// Chromium, with scorm-again (a SCORM 1.2/2004 runtime LMSs embed; a test
// tool, never shipped) as the LMS: launch, answer, fail, leave, resume from
// the suspend data, pass; the CMI data scorm-again recorded is asserted
// (status, score, interactions, session time). A module without a quiz is
// completed by viewing it to its end. Every page of every package asks for
// nothing outside its package and passes axe.
//
// Until the quiz UI dispatches its browser events (HELPERS.md contract),
// the test dispatches them in the module's frame, as the quiz would.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, removeSite, serve, launch, watchedPage, repoRoot } from '../e2e/harness.js';
import { unzip, lmsFolder } from './packages.js';

const FIXTURE = join(repoRoot, 'tests/fixtures/lms/site');
const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
// The fixture quiz's questions and right answers (quizzes/grund.yaml).
const QUIZ = [
  { id: 'q1', type: 'single', right: ['0'], wrong: ['1'] },
  { id: 'q2', type: 'multiple', right: ['0', '1'], wrong: ['0', '2'] },
  { id: 'q3', type: 'truefalse', right: ['false'], wrong: ['true'] },
];

let out;
let browser;
before(async () => {
  out = buildSite({ root: FIXTURE });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (out) removeSite(out);
});

const packages = () => readdirSync(join(out, 'scorm')).filter((n) => /-scorm(12|2004)\.zip$/.test(n)).sort();

/**
 * Serves the package beside the LMS page; `{ url, close }`. The site's CSP
 * forbids framing, which an LMS does: `csp` serves with it, for pages
 * opened on their own.
 */
async function lms(zipName, { csp = false } = {}) {
  const dir = lmsFolder(unzip(readFileSync(join(out, 'scorm', zipName))));
  const server = await serve(dir, { csp });
  return { ...server, close: async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Opens `sco` (a path in the package) under a fresh scorm-again API
 * loaded with `prior` CMI data; resolves to { page, frame, problems, cmi() }.
 */
async function launchSco(site, edition, sco, prior) {
  const { page, context, problems } = await watchedPage(browser, site.url);
  await page.goto(`${site.url}/lms.html`);
  await page.evaluate(([ed, data, path]) => {
    const settings = { autocommit: false, logLevel: 5 };
    const api = ed === 12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    if (data) api.loadFromJSON(data, 'cmi');
    window[ed === 12 ? 'API' : 'API_1484_11'] = api;
    document.getElementById('sco').src = `pkg/${path}`;
  }, [edition, prior, sco]);
  const frame = await waitForFrame(page, sco);
  await frame.waitForFunction(() => window.styrdokLms);
  await frame.evaluate(() => window.styrdokLms.settled());
  const cmi = () => page.evaluate((ed) => window[ed === 12 ? 'API' : 'API_1484_11'].renderCMIToJSONObject().cmi, edition);
  return { page, context, frame, problems, cmi };
}

async function waitForFrame(page, sco) {
  for (let i = 0; i < 100; i += 1) {
    const frame = page.frames().find((f) => f.url().endsWith(sco));
    if (frame) {
      await frame.waitForLoadState('load');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`the frame for ${sco} never loaded`);
}

/** Takes the quiz in the frame, as the quiz UI would, with `choices` per question. */
async function takeQuiz(frame, choices) {
  await frame.evaluate((qs) => {
    // The ids the site gave the questions (written in the quiz or derived).
    const data = JSON.parse(document.querySelector('script.quiz-data').textContent);
    qs.forEach((q, i) => { q.id = data.questions[i].id || q.id; });
    const fire = (name, detail) => document.dispatchEvent(new CustomEvent(`styrdok:${name}`, { detail }));
    const base = { module: 'M-1', version: '2.0', attempt: 'post' };
    fire('quiz-start', { ...base, quiz: 'grund', passMark: 60, questions: qs.map((q) => ({ id: q.id, type: q.type, prompt: `Fråga ${q.id}` })) });
    const answers = {};
    for (const q of qs) {
      const correct = q.response.join() === q.right.join();
      answers[q.id] = correct;
      fire('quiz-answer', { ...base, question: q.id, type: q.type, response: q.response, correct, correctResponse: q.right });
    }
    const right = Object.values(answers).filter(Boolean).length;
    const score = Math.round((100 * right) / qs.length);
    fire('quiz-result', { ...base, score, passed: score >= 60, passMark: 60, answers });
  }, QUIZ.map((q, i) => ({ ...q, response: choices[i] === 'right' ? q.right : q.wrong })));
  await frame.evaluate(() => window.styrdokLms.settled());
}

/** The recorded interactions as a list (scorm-again keys them by index). */
function interactions(cmi) {
  const list = cmi.interactions?.childArray ?? Object.values(cmi.interactions || {});
  return list.filter((x) => x && typeof x === 'object' && x.id);
}

test('every SCORM package has its manifest and only its own modules', () => {
  const names = packages();
  assert.deepEqual(names, [
    'M-1-v2.0-scorm12.zip', 'M-1-v2.0-scorm2004.zip', 'M-2-v1.0-scorm12.zip', 'M-2-v1.0-scorm2004.zip',
    ...names.filter((n) => n.startsWith('V-1-')),
  ]);
  assert.equal(names.filter((n) => n.startsWith('V-1-')).length, 2);
  for (const name of names) {
    const files = unzip(readFileSync(join(out, 'scorm', name)));
    assert.ok(files.has('imsmanifest.xml'), name);
    const folders = new Set([...files.keys()].map((k) => k.split('/')[0]));
    const want = name.startsWith('V-1') ? ['M-1', 'M-2', 'imsmanifest.xml', 'shared'] : [name.split('-v')[0], 'imsmanifest.xml', 'shared'];
    assert.deepEqual([...folders].sort(), want, name);
  }
});

for (const edition of [12, 2004]) {
  const zip = () => packages().find((n) => n.startsWith('M-1-') && n.endsWith(`-scorm${edition}.zip`));
  const status = (cmi) => (edition === 12 ? cmi.core.lesson_status : cmi.success_status);
  const raw = (cmi) => (edition === 12 ? cmi.core.score.raw : cmi.score.raw);
  const interactionResult = edition === 12 ? { correct: 'correct', wrong: 'wrong' } : { correct: 'correct', wrong: 'incorrect' };

  test(`SCORM ${edition}: launch, fail, leave, resume from the suspend data and pass`, async () => {
    const site = await lms(zip());
    try {
      // First session: one right answer of three, 33 %: failed.
      let s = await launchSco(site, edition, 'M-1/index.html', null);
      await takeQuiz(s.frame, ['right', 'wrong', 'wrong']);
      await s.frame.evaluate(() => window.styrdokLms.finish());
      const first = await s.cmi();
      assert.equal(status(first), 'failed');
      assert.equal(String(raw(first)), '33');
      if (edition === 2004) {
        assert.equal(first.completion_status, 'completed');
        assert.equal(String(first.score.scaled), '0.33');
        assert.equal(first.exit, 'suspend');
        assert.match(first.session_time, /^PT/);
      } else {
        assert.equal(first.core.exit, 'suspend');
        assert.match(first.core.session_time, /^\d{2,}:\d\d:\d\d/);
      }
      const recorded = interactions(first);
      assert.equal(recorded.length, 3);
      assert.equal(recorded[0].id, 'losenord', 'the id written in the quiz');
      assert.ok(recorded.slice(1).every((x) => /^q-[0-9a-f]{10}$/.test(x.id)), 'derived ids');
      assert.deepEqual(recorded.map((x) => x.type), ['choice', 'choice', 'true-false']);
      assert.deepEqual(recorded.map((x) => x.result), [interactionResult.correct, interactionResult.wrong, interactionResult.wrong]);
      const responses = recorded.map((x) => (edition === 12 ? x.student_response : x.learner_response));
      assert.deepEqual(responses, edition === 12 ? ['0', '0,2', 't'] : ['0', '0[,]2', 'true']);
      const state = JSON.parse(first.suspend_data);
      assert.equal(state.last, 33);
      assert.deepEqual(s.problems, []);
      await s.context.close();

      // Second session: the LMS resumes with what it stored; all right: passed.
      const prior = edition === 12
        ? { core: { entry: 'resume', lesson_status: first.core.lesson_status }, suspend_data: first.suspend_data }
        : { entry: 'resume', completion_status: first.completion_status, success_status: first.success_status, suspend_data: first.suspend_data };
      s = await launchSco(site, edition, 'M-1/index.html', prior);
      const notice = await s.frame.locator('[data-lms-status]').textContent();
      assert.match(notice, /33 %/, 'the page says where the learner left off');
      await takeQuiz(s.frame, ['right', 'right', 'right']);
      await s.frame.evaluate(() => window.styrdokLms.finish());
      const second = await s.cmi();
      assert.equal(status(second), 'passed');
      assert.equal(String(raw(second)), '100');
      assert.equal(edition === 12 ? second.core.exit : second.exit, edition === 12 ? '' : 'normal');
      const again = interactions(second);
      assert.ok(again.every((x) => x.result === 'correct'), JSON.stringify(again));
      assert.equal(JSON.parse(second.suspend_data).attempts, 2);
      assert.deepEqual(s.problems, []);
      await s.context.close();
    } finally {
      await site.close();
    }
  });

  test(`SCORM ${edition}: a module without a quiz is completed by viewing it, also inside the path`, async () => {
    for (const [name, sco] of [
      [packages().find((n) => n.startsWith('M-2-') && n.endsWith(`-scorm${edition}.zip`)), 'M-2/index.html'],
      [packages().find((n) => n.startsWith('V-1-') && n.endsWith(`-scorm${edition}.zip`)), 'M-2/index.html'],
    ]) {
      const site = await lms(name);
      try {
        const s = await launchSco(site, edition, sco, null);
        await s.frame.locator('[data-lms-end]').scrollIntoViewIfNeeded();
        await s.frame.waitForFunction(() => !document.querySelector('[data-lms-status]').hidden);
        await s.frame.evaluate(() => window.styrdokLms.finish());
        const cmi = await s.cmi();
        if (edition === 12) assert.equal(cmi.core.lesson_status, 'completed', name);
        else assert.equal(cmi.completion_status, 'completed', name);
        assert.deepEqual(s.problems, [], name);
        await s.context.close();
      } finally {
        await site.close();
      }
    }
  });
}

test('a package page asks for nothing outside its package', async () => {
  for (const name of packages()) {
    const site = await lms(name, { csp: true });
    try {
      const files = unzip(readFileSync(join(out, 'scorm', name)));
      for (const sco of [...files.keys()].filter((k) => k.endsWith('/index.html'))) {
        const { page, context, problems } = await watchedPage(browser, site.url);
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(`${site.url}/pkg/${sco}`);
        await page.waitForLoadState('networkidle');
        const outside = requests.filter((u) => !u.startsWith(`${site.url}/pkg/`));
        assert.deepEqual(outside, [], `${name} ${sco}`);
        // Without a platform the page says so, and nothing fails.
        assert.match(await page.locator('[data-lms-status]').textContent(), /Lärplattformen/);
        // The same accessible theme as the site (axe's WCAG 2.1 AA rules).
        const axe = await page.evaluate(`${axeSource}; axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`);
        assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${name} ${sco}`);
        assert.deepEqual(problems, [], `${name} ${sco}`);
        await context.close();
      }
    } finally {
      await site.close();
    }
  }
});
