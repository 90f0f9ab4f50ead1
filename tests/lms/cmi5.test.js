// The cmi5 packages of the test site (tests/fixtures/lms/site) in Chromium
// against a real Learning Record Store: Ralph (PyPI ralph-malph, in the
// virtual environment .ci/run makes, target/ralph-venv), started here on a
// loopback port with its file backend. The test plays the LMS: it serves
// the package, launches the AU with the cmi5 launch parameters, answers the
// one-time fetch URL with the auth token, keeps the State documents
// (LMS.LaunchData, the AU's suspend state) and passes statements on to
// Ralph. The statements Ralph stored are read back and asserted.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildSite, removeSite, launch, watchedPage, repoRoot, runStyrdok } from '../e2e/harness.js';
import { unzip } from './packages.js';
import { startRalph, exportPages as ralphPages, storedStatements } from './ralph.js';
import { startLms } from './lms-server.js';

const FIXTURE = join(repoRoot, 'tests/fixtures/lms/site');
const ACTIVITY = 'https://lis.example.se/xapi/modules/M-1/v2.0';
const VERSION_EXT = 'https://lis.example.se/xapi/extensions/module-version';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const ACTOR = { objectType: 'Agent', name: 'Anna Andersson', account: { homePage: 'https://lms.example.se', name: 'anna' } };
const RIGHT = [['0'], ['0', '1'], ['false']];
const WRONG = [['1'], ['0', '2'], ['true']];

let out;
let browser;
let ralph;
before(async () => {
  out = buildSite({ root: FIXTURE, baseUrl: 'https://lis.example.se/' });
  ralph = await startRalph();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  ralph?.stop();
  if (out) removeSite(out);
});

/** Answers the quiz in the page as the quiz UI would (its browser events). */
async function takeQuiz(page, responses) {
  await page.evaluate((rs) => {
    const data = JSON.parse(document.querySelector('script.quiz-data').textContent);
    const fire = (name, detail) => document.dispatchEvent(new CustomEvent(`styrdok:${name}`, { detail }));
    const base = { module: 'M-1', version: '2.0', attempt: 'post' };
    const right = [['0'], ['0', '1'], ['false']];
    fire('quiz-start', { ...base, quiz: data.quiz, passMark: data.pass_mark, questions: data.questions.map((q) => ({ id: q.id, type: q.kind, prompt: q.prompt })) });
    const answers = {};
    data.questions.forEach((q, i) => {
      const correct = rs[i].join() === right[i].join();
      answers[q.id] = correct;
      fire('quiz-answer', { ...base, question: q.id, type: q.kind, response: rs[i], correct, correctResponse: right[i] });
    });
    const score = Math.round((100 * Object.values(answers).filter(Boolean).length) / rs.length);
    fire('quiz-result', { ...base, score, passed: score >= data.pass_mark, passMark: data.pass_mark, answers });
  }, responses);
  await page.evaluate(() => window.styrdokLms.settled());
}

async function session(lms, registration, responses) {
  const { page, context, problems } = await watchedPage(browser, lms.origin);
  const { url, sessionid } = lms.launchUrl({
    au: '/pkg/M-1/index.html',
    activityId: ACTIVITY,
    actor: ACTOR,
    registration,
    launchData: { moveOn: 'CompletedAndPassed', masteryScore: 0.6 },
  });
  await page.goto(url);
  await page.waitForFunction(() => window.styrdokLms);
  await page.evaluate(() => window.styrdokLms.settled());
  const notice = await page.locator('[data-lms-status]').textContent();
  await takeQuiz(page, responses);
  await page.evaluate(() => window.styrdokLms.finish());
  await context.close();
  return { sessionid, notice, problems };
}

/** Ralph's GET /statements for `registration`, every page. */
const exportPages = (registration) => ralphPages(ralph, registration, 5);
const stored = (registration) => storedStatements(ralph, registration, 5);

test('cmi5: launched by the LMS, failed, resumed and passed; Ralph stores what the AU sent', async () => {
  const files = unzip(readFileSync(join(out, 'scorm', 'M-1-v2.0-cmi5.zip')));
  const structure = files.get('cmi5.xml').toString('utf8');
  assert.match(structure, new RegExp(`<au id="${ACTIVITY}" moveOn="CompletedAndPassed" masteryScore="0.6"`));
  const lms = await startLms({ ralph, files });
  try {
    const registration = randomUUID();
    const first = await session(lms, registration, [RIGHT[0], WRONG[1], WRONG[2]]);
    // The AU's own state document is not there at the first launch: the
    // xAPI answer is 404, which Chromium logs; nothing else may go wrong.
    assert.deepEqual(first.problems.filter((p) => !p.includes('status of 404')), []);
    assert.equal(first.problems.length, 1, first.problems.join('\n'));
    const second = await session(lms, registration, RIGHT);
    assert.match(second.notice, /33 %/, 'resumed from the state the AU left');
    assert.deepEqual(second.problems, []);

    const statements = await stored(registration);
    const verbs = statements.map((s) => s.verb.id.split('/').pop());
    assert.deepEqual(verbs, [
      'initialized', 'answered', 'answered', 'answered', 'failed', 'completed', 'terminated',
      'initialized', 'answered', 'answered', 'answered', 'passed', 'terminated',
    ]);
    for (const s of statements) {
      assert.deepEqual(s.actor.account, ACTOR.account, 'the actor the LMS launched with');
      assert.equal(s.context.registration, registration);
      assert.equal(s.context.extensions[VERSION_EXT], '2.0', 'the module version');
      assert.ok(s.object.id.startsWith(ACTIVITY), s.object.id);
    }
    const cmi5Defined = statements.filter((s) => !s.verb.id.endsWith('/answered'));
    assert.ok(cmi5Defined.every((s) => s.context.contextActivities.category.some((c) => c.id === 'https://w3id.org/xapi/cmi5/context/categories/cmi5')));
    assert.equal(statements[0].context.extensions[SESSION_EXT], first.sessionid, 'the session id from LMS.LaunchData');
    const failed = statements[4];
    assert.deepEqual([failed.result.score.scaled, failed.result.success], [0.33, false]);
    const passed = statements[11];
    assert.deepEqual([passed.result.score.scaled, passed.result.score.raw, passed.result.success], [1, 100, true]);
    assert.equal(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], 0.6);
    const answered = statements.slice(1, 4);
    assert.equal(answered[0].object.id, `${ACTIVITY}/questions/losenord`);
    assert.deepEqual(answered.map((s) => s.object.definition.interactionType), ['choice', 'choice', 'true-false']);
    assert.deepEqual(answered.map((s) => [s.result.response, s.result.success]), [['0', true], ['0[,]2', false], ['true', false]]);
    assert.match(statements[6].result.duration, /^PT/);

    // `styrdok report` on the export (Ralph's pages as fetched, one per line).
    const pages = await exportPages(registration);
    assert.ok(pages.length > 1, 'the export is paged');
    const dir = mkdtempSync(join(tmpdir(), 'styrdok-xapi-'));
    const file = join(dir, 'statements.json');
    writeFileSync(file, `${pages.join('\n')}\n`);
    const report = runStyrdok(['report', '--completions', file, '--root', FIXTURE, '--format', 'csv']);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(report.status, 0, report.stderr);
    const [header, ...rows] = report.stdout.trim().split('\n').map((l) => l.split(','));
    const col = (row, name) => row[header.indexOf(name)];
    const m1 = rows.find((r) => r[0] === 'quiz' && r[1] === 'M-1' && col(r, 'unit') === '*');
    assert.deepEqual([col(m1, 'passed_current'), col(m1, 'participants'), col(m1, 'pass_rate')], ['1', '1', '100.0']);
    const missed = rows.filter((r) => r[1] === 'M-1' && col(r, 'question') && col(r, 'post_missed') === '1').map((r) => col(r, 'question'));
    assert.equal(missed.length, 2, report.stdout);
  } finally {
    await lms.close();
  }
});

test('cmi5: without launch parameters the page says so and sends nothing', async () => {
  const files = unzip(readFileSync(join(out, 'scorm', 'M-1-v2.0-cmi5.zip')));
  const lms = await startLms({ ralph, files });
  try {
    const { page, context, problems } = await watchedPage(browser, lms.origin);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${lms.origin}/pkg/M-1/index.html`);
    await page.waitForFunction(() => window.styrdokLms);
    await page.evaluate(() => window.styrdokLms.settled());
    assert.match(await page.locator('[data-lms-status]').textContent(), /Lärplattformen/);
    assert.deepEqual(requests.filter((p) => !p.startsWith('/pkg/')), []);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await lms.close();
  }
});
