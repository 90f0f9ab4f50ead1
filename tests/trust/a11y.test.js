// Accessibility suite (issue #9, SPEC §6, WCAG 2.1 AA): every HTML page of
// the default site, built with and without --drafts and served under the
// Content-Security-Policy, is checked in Chromium with axe-core (WCAG 2.1
// A/AA rules and the WCAG 2.2 AA rules axe has, issue #21) and with our own checks: form controls and links have
// accessible names, ids are unique, body text has a contrast of at least
// 4.5:1, focus is visible, plus the basics of tests/e2e/site.test.js (lang,
// one <main>, one <h1>, headings in order, skip link first). Pages are
// found by walking OUT, so pages other features add are covered too; one
// page of every type is named and must have been scanned. A third run
// builds the default site in a fresh git repository with two versions of a
// rule and scans the older version, its changes page and gallande/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync, mkdtempSync, cpSync, existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, removeSite, serve, launch, watchedPage, repoRoot } from '../e2e/harness.js';
import { walkFiles, urlFor } from './lib.js';
import { FOLLOWUP } from '../e2e/page-types.js';

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
let browser;
const CONTROL = '<!doctype html><html lang="sv"><title>k</title><link rel="stylesheet" href="/css/kontroll.css">' +
  '<main><h1>A</h1><h1>B</h1><img src="/x.png"><p class="svag">svag text</p><input type="text">' +
  '<a href="/"></a><a href="/x" class="ingen-fokus">x</a><span id="dubbel">1</span><span id="dubbel">2</span></main>';
const CONTROL_CSS = '.svag{color:#eee;background:#fff}.ingen-fokus:focus{outline:none;box-shadow:none}';

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Our checks, run in the page. */
function pageChecks() {
  const bad = [];
  const name = (el) => {
    const by = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent || '').join(' ');
    const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
    const alt = [...el.querySelectorAll('img[alt]')].map((i) => i.alt).join(' ');
    return (el.getAttribute('aria-label') || by || labels || el.getAttribute('title') ||
      (el.tagName === 'INPUT' && ['submit', 'button'].includes(el.type) ? el.value : '') ||
      el.textContent || alt || '').trim();
  };
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
    if (!name(el)) bad.push(`form control without a name: ${el.outerHTML.slice(0, 80)}`);
  }
  for (const a of document.querySelectorAll('a[href]')) {
    if (!name(a)) bad.push(`link without text: ${a.outerHTML.slice(0, 80)}`);
  }
  const ids = new Map();
  for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
  for (const [id, n] of ids) if (n > 1) bad.push(`id "${id}" used ${n} times`);
  // Contrast of text against the first opaque background up the tree.
  const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    const [l1, l2] = [lum(rgb(style.color)), lum(background(el))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) bad.push(`contrast ${ratio.toFixed(2)}:1 for "${el.textContent.trim().slice(0, 30)}"`);
  }
  return bad;
}

/** Tabs through the page: every focused element must show an outline or shadow. */
async function focusProblems(page) {
  const bad = [];
  const seen = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return { key: el.outerHTML.slice(0, 80), visible };
    });
    if (!f || seen.has(f.key)) break;
    seen.add(f.key);
    if (!f.visible) bad.push(`focus not visible on ${f.key}`);
  }
  return bad;
}

/** Runs axe and our checks on `pages` (URL paths) of the site at `server`. */
async function scanPages(server, pages) {
  const { page, context, problems } = await watchedPage(browser, server.url);
  const violations = [];
  const scanned = [];
  for (const path of pages) {
    const res = await page.goto(server.url + path, { waitUntil: 'load' });
    // A redirect page (an alias) is told by its response, not by asking the
    // page: its meta refresh may already be navigating away.
    // A body that is no longer there means the page already navigated on
    // its own, which only a redirect page does.
    const body = res ? await res.text().catch(() => null) : null;
    const isAlias = body === null || body.includes('http-equiv="refresh"');
    if (isAlias || !res) continue;
    scanned.push(path);
    // axe runs through the DevTools protocol, which the page's CSP does not govern.
    const axe = await page.evaluate(`${axeSource}; axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })`);
    for (const v of axe.violations) {
      violations.push(`${path}: axe ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    }
    const basics = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      mains: document.querySelectorAll('main').length,
      h1: document.querySelectorAll('h1').length,
    }));
    if (!basics.lang) violations.push(`${path}: no lang`);
    if (basics.mains !== 1) violations.push(`${path}: ${basics.mains} <main>`);
    if (basics.h1 !== 1) violations.push(`${path}: ${basics.h1} <h1>`);
    for (const b of await page.evaluate(pageChecks)) violations.push(`${path}: ${b}`);
    for (const b of await focusProblems(page)) violations.push(`${path}: ${b}`);
    for (const p of problems.splice(0)) violations.push(`${path}: ${p}`);
  }
  await context.close();
  return { violations, scanned };
}

/** Adds the control page (known faults) to `out`; its URL path. */
function addControlPage(out) {
  mkdirSync(join(out, 'zz-kontroll'));
  writeFileSync(join(out, 'zz-kontroll/index.html'), CONTROL);
  mkdirSync(join(out, 'css'), { recursive: true });
  writeFileSync(join(out, 'css/kontroll.css'), CONTROL_CSS);
  return '/zz-kontroll/';
}

/** The control page's violations must include every kind of fault it has; returns the rest. */
function withoutControl(violations) {
  const control = violations.filter((v) => v.startsWith('/zz-kontroll/'));
  for (const what of ['axe image-alt', 'axe color-contrast', 'form control without a name', 'link without text',
    'id "dubbel"', 'contrast 1.', 'focus not visible', '2 <h1>']) {
    assert.ok(control.some((v) => v.includes(what)), `control page: ${what} not caught in ${control}`);
  }
  return violations.filter((v) => !v.startsWith('/zz-kontroll/'));
}

/** One page of every type of the default site (issue #9); each must be scanned. */
const PAGE_TYPES = {
  start: '/',
  policy: '/policy/informationssakerhetspolicy/',
  guideline: '/riktlinjer/riktlinje-informationssakerhet/',
  rule: '/regler/losenord/',
  'retired rule': '/regler/usb-minnen/',
  'role list': '/roller/medarbetare/',
  roles: '/roller/',
  'module with quiz': '/utbildning/grundkurs-informationssakerhet/',
  path: '/utbildning/vagar/ny-medarbetare/',
  'path builder': '/utbildning/vag/',
  'search with results': '/sok/?q=l%C3%B6senord',
  'ISO coverage': '/iso27001/',
  'status board': '/dokumentstatus/',
  'in force on a date': '/gallande/',
  'follow-up page': '/uppfoljning/',
  'not found': '/404.html',
};

async function scanSite(drafts) {
  const extra = FOLLOWUP.map((a) => (a.startsWith('tests/') ? join(repoRoot, a) : a));
  const out = buildSite({ drafts, extra });
  addControlPage(out);
  // Redirect pages (aliases) are told apart on disk: navigating to one
  // starts its meta refresh, which would race the next navigation.
  const files = walkFiles(out).filter((f) => f.endsWith('.html'));
  const redirects = files.filter((f) => readFileSync(join(out, f), 'utf8').includes('http-equiv="refresh"'));
  assert.ok(redirects.length > 0, 'the default site has alias pages, and they are recognised');
  const pages = files.filter((f) => !redirects.includes(f)).map((f) => encodeURI(urlFor(f)));
  if (pages.includes('/sok/')) pages.push('/sok/?q=l%C3%B6senord');
  const server = await serve(out);
  let result;
  try {
    result = await scanPages(server, pages);
  } finally {
    await server.close();
    removeSite(out);
  }
  const { violations, scanned } = result;
  const real = withoutControl(violations);
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    assert.ok(scanned.includes(path), `${type} page ${path} was not scanned: ${scanned}`);
  }
  assert.ok(scanned.length >= 45, `only ${scanned.length} pages scanned`);
  console.log(`# ${drafts ? 'build --drafts' : 'build'}: ${scanned.length - 1} pages scanned (${files.length} found, ${redirects.length} of them redirects), ${real.length} violations`);
  return real;
}

/** Runs git in `cwd` with fixed author, committer and date. */
function git(cwd, args, date) {
  const when = `${date}T12:00:00+01:00`;
  const res = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.se',
      GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.se',
      GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when,
      GIT_CONFIG_NOSYSTEM: '1', HOME: cwd,
    },
  });
  assert.equal(res.status, 0, `git ${args.join(' ')}: ${res.stderr}`);
}

/** Replaces `from` (which must occur) by `to` in `file`. */
function edit(file, from, to) {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} lacks ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/**
 * The default site in a fresh git repository with two versions of the
 * password rule (2.1, then 2.2 with a changed sentence and a new rule), so
 * that the build publishes an older version and a changes page.
 */
function siteWithHistory() {
  const root = mkdtempSync(join(tmpdir(), 'styrdok-a11y-git-'));
  for (const part of ['site.yaml', 'content', 'quizzes', 'themes']) {
    if (existsSync(join(repoRoot, part))) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
  }
  git(root, ['init', '-q', '-b', 'main'], '2026-03-17');
  git(root, ['add', '-A'], '2026-03-17');
  git(root, ['commit', '-q', '-m', 'Version 2.1'], '2026-03-17');
  const rule = join(root, 'content/regler/losenord.md');
  edit(rule, 'version: "2.1"', 'version: "2.2"');
  edit(rule, 'approved_on: 2026-03-16', 'approved_on: 2026-10-20');
  edit(rule, /^changes: .*$/m.exec(readFileSync(rule, 'utf8'))[0],
    'changes: Lösenfraser ska ha minst 18 tecken. Nytt krav på att logga ut från delade datorer.');
  edit(rule, 'Du ska använda en lösenfras med minst 16 tecken.', 'Du ska använda en lösenfras med minst 18 tecken.');
  edit(rule, '9. **Administratörskonton',
    '9. **Du ska logga ut från datorer som andra också använder.**\\\n   *Varför:* Nästa person kommer annars åt ditt konto.\n10. **Administratörskonton');
  git(root, ['add', '-A'], '2026-10-21');
  git(root, ['commit', '-q', '-m', 'Version 2.2'], '2026-10-21');
  return root;
}

test('every page of the default site passes axe WCAG 2.1 AA and our checks', async () => {
  assert.deepEqual(await scanSite(false), []);
});

test('so does every page of a --drafts build', async () => {
  assert.deepEqual(await scanSite(true), []);
});

test('so do older versions, changes pages and the in-force page of a site with git history', async () => {
  const root = siteWithHistory();
  const out = buildSite({ root });
  try {
    const control = addControlPage(out);
    const server = await serve(out);
    const doc = '/regler/losenord/';
    const wanted = [doc, `${doc}v2.1/`, `${doc}v2.2/andringar/`, '/gallande/'];
    const { violations, scanned } = await scanPages(server, [...wanted, control]);
    await server.close();
    assert.deepEqual(scanned, [...wanted, control], 'every page was there to scan');
    // The pages are what they claim to be: an older version and a diff with both kinds of change.
    const older = readFileSync(join(out, 'regler/losenord/v2.1/index.html'), 'utf8');
    assert.match(older, /minst 16 tecken/);
    const diff = readFileSync(join(out, 'regler/losenord/v2.2/andringar/index.html'), 'utf8');
    assert.match(diff, /<del class="diff-del">/);
    assert.match(diff, /<ins class="diff-ins">/);
    assert.match(readFileSync(join(out, 'gallande/index.html'), 'utf8'), /href="\/regler\/losenord\/v2\.1\/"/);
    const real = withoutControl(violations);
    console.log(`# build with git history: ${scanned.length - 1} pages scanned, ${real.length} violations`);
    assert.deepEqual(real, []);
  } finally {
    removeSite(out);
    rmSync(root, { recursive: true, force: true });
  }
});
