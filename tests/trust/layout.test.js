// Layout suite (issue #21): every page type of the bundled site, laid out
// in Chromium at 320, 390, 768 and 1280 px, must not scroll sideways (the
// page is never wider than the viewport), no visible element may stick out
// of the viewport unless it sits in its own scroll region (a wide table's
// role=region wrapper, the section bar), and on phones (≤ 390 px) the text
// of <main> and the footer is at least 16 px — badges (status, tags) and
// code excepted. A control page with known faults proves each check bites.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, removeSite, serve, launch, repoRoot } from '../e2e/harness.js';
import { PAGE_TYPES, WIDTHS, FOLLOWUP } from '../e2e/page-types.js';

let browser;
let server;
let out;

before(async () => {
  out = buildSite({ extra: FOLLOWUP.map((a) => (a.startsWith('tests/') ? join(repoRoot, a) : a)) });
  mkdirSync(join(out, 'zz-layout'));
  writeFileSync(join(out, 'zz-layout/index.html'),
    '<!doctype html><html lang="sv"><title>k</title><link rel="stylesheet" href="/css/style.css">' +
    '<link rel="stylesheet" href="/css/zz-layout.css"><main><p class="wide">x</p><p class="small">liten text</p></main>');
  writeFileSync(join(out, 'css/zz-layout.css'), '.wide{width:2000px}.small{font-size:12px}');
  server = await serve(out);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) removeSite(out);
});

/** Runs in the page: what breaks the layout at this width. */
function layoutProblems(phone) {
  const bad = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw) {
    bad.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px in ${vw} px`);
  }
  const scrolls = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.id ? ` id=${el.id}` : ''}${el.className ? ` class="${el.className}"` : ''}>`;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.width <= 1) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.position === 'fixed') continue;
    if ((r.right > vw + 1 || r.left < -1) && r.bottom > 0 && !scrolls(el)) {
      bad.push(`${describe(el)} reaches ${Math.round(r.left)}–${Math.round(r.right)} px of ${vw}`);
      if (bad.length > 5) break;
    }
  }
  if (phone) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
      seen.add(el);
      if (!el.closest('main, footer') || el.closest('.status, .gov-tag, .progress-badge, code, kbd, .visually-hidden')) continue;
      if (el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) bad.push(`${size} px text in ${describe(el)}: "${el.textContent.trim().slice(0, 30)}"`);
    }
  }
  return bad;
}

async function check(path, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + path, { waitUntil: 'load' });
  // A search page is laid out with its results, which a script adds.
  if (path.startsWith('/sok/?q=')) await page.waitForSelector('#search-results > li');
  const problems = await page.evaluate(layoutProblems, width <= 390);
  await context.close();
  return problems.map((p) => `${path} at ${width} px: ${p}`);
}

test('the control page\'s faults are caught', async () => {
  const problems = await check('/zz-layout/', 390);
  for (const what of ['page scrolls sideways', 'class="wide"', '12 px text']) {
    assert.ok(problems.some((p) => p.includes(what)), `${what} not caught in ${problems}`);
  }
});

for (const width of WIDTHS) {
  test(`every page type fits ${width} px`, async () => {
    const problems = [];
    for (const path of Object.values(PAGE_TYPES)) problems.push(...await check(path, width));
    assert.deepEqual(problems, []);
  });
}
