// Hostile-content suite (issue #9): every vector of
// tests/fixtures/trust/xss-vectors.txt is placed in Markdown bodies, raw
// HTML, link targets, image sources, front-matter strings, quiz prompts,
// options and explanations and site.yaml strings of a generated site.
// Files whose vectors are rejected by design (a `javascript:` link is an
// error) must fail with a clean validation error and are then left out;
// the rest is built and every output file is checked: HTML pages in
// Chromium with and without the Content-Security-Policy (no dialog, no
// script run, no dangerous attribute, no outbound request), JSON and XML
// files for well-formedness.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runStyrdok, serve, launch, watchedPage } from '../e2e/harness.js';
import { xssVectors, yq, writeSite, walkFiles, urlFor } from './lib.js';

const vectors = xssVectors();
const pad = (i) => String(i).padStart(3, '0');
let root, out, browser;
const rejected = [];

function siteYaml() {
  const list = (key, f) => `${key}:\n` + vectors.map((v, i) => f(v, i)).join('');
  return [
    `title: ${yq(vectors[0])}`,
    `organisation: ${yq(vectors[1])}`,
    `description: ${yq(vectors[2])}`,
    'base_url: /',
    'language: sv',
    list('units', (v, i) => `  - { id: u${pad(i)}, name: ${yq(v)} }\n`),
    list('roles', (v, i) => `  - id: r${pad(i)}\n    name: ${yq(v)}\n    description: ${yq(v)}\n`),
    list('areas', (v, i) => `  - { id: a${pad(i)}, name: ${yq(v)}, phase: 1 }\n`),
  ].join('\n');
}

const governing = (extra) =>
  `owner: IT\napproved_by: KD\napproved_on: 2026-01-01\nreview_by: 2027-01-01\n${extra}`;

/** Vector `v` in every free-text front-matter string of a rule. */
function frontMatter(v, i) {
  return `---\ntitle: ${yq(v)}\ntype: rule\nid: R-${pad(i)}\nversion: "1.0"\n` +
    `owner: ${yq(v)}\napproved_by: ${yq(v)}\napproved_on: 2026-01-01\nreview_by: 2027-01-01\n` +
    `parent: RL-1\nsummary: ${yq(v)}\nchanges: ${yq(v)}\nrecord_number: ${yq(v)}\n` +
    `tags: [${yq(v)}, vanlig]\nreplaces: [${yq(v)}]\nroles: [r${pad(i)}]\nunits: [u${pad(i)}]\n` +
    `areas: [a${pad(i)}]\nhistory:\n  - { version: "0.9", date: 2025-01-01, approved_by: ${yq(v)}, changes: ${yq(v)} }\n` +
    `---\nRegeltext ${i}.\n\n`;
}

/** `v` as a block, inline, in a heading, table, quote and list. */
const body = (v, i) => `## Rubrik ${i} ${v}\n\n${v}\n\nStycke med ${v} mitt i.\n\n` +
  `| a | b |\n|---|---|\n| ${v} | x |\n\n> ${v}\n\n- ${v}\n\n`;

/** `v` as a link target and an image source. */
function links(v, i) {
  const dest = /[<>\n]/.test(v) ? v : `<${v}>`;
  return `[länk ${i}](${dest}) och ![bild ${i}](${dest})\n`;
}

/**
 * The document of vector `i` at a stage: 0 has it everywhere; a rejected
 * document is written again one stage down: 1 without the link and image,
 * 2 with front matter only (which must always be accepted).
 */
function vectorDoc(i, stage) {
  const v = vectors[i];
  return frontMatter(v, i) + (stage < 2 ? body(v, i) : '') + (stage < 1 ? links(v, i) : '');
}

function quizYaml() {
  const qs = vectors.map((v) =>
    `  - type: single\n    prompt: ${yq(v)}\n    options:\n      - { text: ${yq(v)}, correct: true }\n` +
    `      - { text: Annat }\n    explanation: ${yq(v)}\n` +
    `  - type: truefalse\n    prompt: ${yq(v)}\n    answer: true\n    explanation: ${yq(v)}\n`);
  return `title: ${yq(vectors[3])}\nquestions:\n${qs.join('')}`;
}

function hostileFiles() {
  const files = {
    'site.yaml': siteYaml(),
    'content/_index.md': '---\ntitle: Start\n---\nVälkommen.\n',
    'content/policy.md': `---\ntitle: Policy\ntype: policy\nid: P-1\nversion: "1.0"\n${governing('')}---\nText.\n`,
    'content/riktlinje.md': `---\ntitle: Riktlinje\ntype: guideline\nid: RL-1\nversion: "1.0"\n${governing('parent: P-1\n')}---\nText.\n`,
    'content/utbildning/modul.md': '---\ntitle: Modul\ntype: module\nid: M-1\nversion: "1.0"\nquiz: xss\nroles: [r000]\n---\nLektion.\n',
    'quizzes/xss.yaml': quizYaml(),
  };
  vectors.forEach((v, i) => {
    files[`content/v/${pad(i)}.md`] = vectorDoc(i, 0);
  });
  return files;
}

/** Builds; writes rejected documents one stage down, until it passes. */
function buildHostile() {
  out = join(root, 'public');
  const stage = vectors.map(() => 0);
  for (let round = 0; round < 4; round++) {
    const res = runStyrdok(['build', '--root', root, '--out', out, '--base-url', '/']);
    if (res.status === 0) return;
    assert.equal(res.status, 1, `build crashed (status ${res.status}):\n${res.stderr}`);
    const errors = res.stderr.split('\n').filter((l) => /^\S+:\d+:\d+: error:/.test(l));
    assert.ok(errors.length > 0, `exit 1 without an error line:\n${res.stderr}`);
    const files = new Set();
    for (const line of errors) {
      const m = /^content\/v\/(\d{3})\.md:/.exec(line);
      assert.ok(m && stage[Number(m[1])] < 2,
        `a vector in front matter, quiz or site.yaml was not accepted: ${line}`);
      rejected.push(line);
      files.add(Number(m[1]));
    }
    for (const i of files) {
      stage[i]++;
      writeFileSync(join(root, `content/v/${pad(i)}.md`), vectorDoc(i, stage[i]));
    }
  }
  assert.fail('the hostile site never built');
}

before(async () => {
  root = writeSite(hostileFiles());
  buildHostile();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('at least 60 vectors; rejections are clean link errors', () => {
  assert.ok(vectors.length >= 60, `${vectors.length} vectors`);
  for (const line of rejected) {
    assert.match(line, /scheme|outside content|outside the site|does not exist|not a file of the site|no page or file of the site|no heading/, line);
  }
  console.log(`# ${vectors.length} vectors, ${rejected.length} placements rejected by design`);
});

/** Dangerous things left in the DOM, whether or not they ran. */
function domProblems() {
  const bad = [];
  const scheme = (v) => v.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
      if (['href', 'src', 'action', 'formaction', 'background', 'poster', 'data', 'xlink:href'].includes(a.name) &&
          /^(javascript|vbscript|data:text|livescript):?/.test(scheme(a.value))) {
        bad.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
  }
  const own = new URL('/', location.href).origin;
  for (const s of document.scripts) {
    // A JSON data block (quiz, training settings) never runs; it must stay
    // whole JSON, or a vector has broken out of it.
    if (!s.src && s.type === 'application/json') {
      try {
        JSON.parse(s.text);
        continue;
      } catch {
        bad.push(`broken JSON data block ${s.text.slice(0, 40)}`);
        continue;
      }
    }
    if (!s.src || new URL(s.src).origin !== own) bad.push(`script ${s.src || s.text.slice(0, 40)}`);
  }
  // Forms are the theme's (content forms never pass the sanitiser); they
  // must not send anything to another host.
  for (const f of document.forms) {
    if (f.getAttribute('action') && new URL(f.action).origin !== own) bad.push(`form to ${f.action}`);
  }
  for (const sel of ['main iframe', 'main object', 'main embed', 'main frame', 'main base', 'main meta',
    'main link', 'main style', 'main [style]', 'main svg script', 'base']) {
    for (const el of document.querySelectorAll(sel)) bad.push(`element ${sel}: ${el.outerHTML.slice(0, 60)}`);
  }
  return bad;
}

/** Answers forms (quizzes) so that explanations and results are shown. */
async function exercise(page) {
  const forms = await page.locator('main form').count();
  for (let f = 0; f < forms; f++) {
    const form = page.locator('main form').nth(f);
    for (const input of await form.locator('input[type=radio], input[type=checkbox]').all()) {
      await input.check({ timeout: 200 }).catch(() => {});
    }
    await form.locator('button, input[type=submit]').last().click({ timeout: 500 }).catch(() => {});
  }
  // The quiz asks one question at a time: answer each and go on, so that
  // every prompt, option, explanation and the summary are shown.
  for (let step = 0; step < 4000; step++) {
    const button = page.locator('main li.quiz__item button:visible').first();
    if ((await button.count()) === 0) break;
    await page.locator('main li.quiz__item input:enabled').first().check({ timeout: 200 }).catch(() => {});
    await button.click({ timeout: 500 }).catch(() => {});
  }
  await page.waitForTimeout(forms ? 50 : 0);
}

/** Loads `path` and returns what went wrong there. */
async function check(watched, origin, path, csp) {
  const { page, problems } = watched;
  await page.goto(origin + path, { waitUntil: 'load' });
  if (!csp) await exercise(page);
  const { pwned, bad } = await page.evaluate(`({ pwned: window.__pwned, bad: (${domProblems})() })`);
  const failures = bad.map((b) => `${path}: ${b}`);
  if (pwned !== undefined) failures.push(`${path}: window.__pwned = ${pwned}`);
  // Generated pages link images that do not exist: 404s are expected. Any
  // other console error under the CSP is an injection the CSP blocked.
  const real = problems.splice(0).filter((p) => !/status of 404/.test(p));
  return failures.concat(real.map((p) => `${path} (${csp ? 'CSP' : 'no CSP'}): ${p}`));
}

let scanned = 0;

/** Every page, loaded with and without the CSP side by side. */
async function scanPages() {
  const servers = [await serve(out, { csp: false }), await serve(out, { csp: true })];
  const watched = await Promise.all(servers.map((s) => watchedPage(browser, s.url)));
  const paths = walkFiles(out).filter((f) => f.endsWith('.html')).map((f) => encodeURI(urlFor(f)));
  if (paths.includes('/sok/')) {
    for (const q of ['Brödtext', 'script', 'pwned', 'img onerror', vectors[0]]) {
      paths.push(`/sok/?q=${encodeURIComponent(q)}`);
    }
  }
  const failures = [];
  for (const path of paths) {
    const found = await Promise.all([0, 1].map((k) => check(watched[k], servers[k].url, path, k === 1)));
    failures.push(...found.flat());
    scanned++;
  }
  for (const w of watched) await w.context.close();
  for (const s of servers) await s.close();
  console.log(`# ${scanned} pages scanned with and without CSP (one a control page with known faults), ` +
    `${failures.filter((f) => !f.startsWith('/zz-kontroll/')).length} failures elsewhere`);
  return failures;
}

test('no page runs script, opens a dialog, reaches out or breaks the CSP', async () => {
  // A control page that is not sanitised proves the checks see an attack.
  const control = join(out, 'zz-kontroll');
  mkdirSync(control);
  writeFileSync(join(control, 'index.html'),
    '<!doctype html><title>k</title><img src="/x.png" onerror="window.__pwned=1"><script>alert(1)</script>');
  const failures = await scanPages();
  rmSync(control, { recursive: true });
  const caught = failures.filter((f) => f.startsWith('/zz-kontroll/'));
  for (const what of ['window.__pwned = 1', 'IMG onerror', 'dialog: alert 1', 'script ']) {
    assert.ok(caught.some((f) => f.includes(what)), `control page: ${what} not caught in ${caught}`);
  }
  assert.deepEqual(failures.filter((f) => !f.startsWith('/zz-kontroll/')), []);
});

test('every JSON file parses and every XML file is well-formed', async () => {
  const files = walkFiles(out);
  const { page, context } = await watchedPage(browser, 'http://127.0.0.1');
  const broken = [];
  for (const f of files.filter((x) => x.endsWith('.json'))) {
    try {
      JSON.parse(readFileSync(join(out, f), 'utf8'));
    } catch (e) {
      broken.push(`${f}: ${e.message}`);
    }
  }
  for (const f of files.filter((x) => x.endsWith('.xml'))) {
    const text = readFileSync(join(out, f), 'utf8');
    const err = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'application/xml');
      return doc.querySelector('parsererror')?.textContent ?? null;
    }, text);
    if (err) broken.push(`${f}: ${err}`);
  }
  await context.close();
  assert.deepEqual(broken, []);
});
