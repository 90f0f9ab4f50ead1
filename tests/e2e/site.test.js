// The bundled site as a reader meets it in Chromium: every page reachable
// from the start page loads without script errors or CSP violations, has
// one <main>, Swedish lang, a working skip link and ordered headings, and
// fits a 360 px phone screen. Screenshots go to target/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSite, watchedPage, repoRoot } from './harness.js';

let out, server, browser;

let site;
before(async () => {
  site = await openSite();
  ({ out, server, browser } = site);
});
after(() => site?.close());

/** Follows same-origin links from the start page; returns every page path found. */
async function crawl(origin) {
  const seen = new Set(['/']);
  const queue = ['/'];
  const broken = [];
  while (queue.length) {
    const path = queue.shift();
    const res = await fetch(origin + path);
    if (res.status !== 200) {
      broken.push(`${path} → ${res.status}`);
      continue;
    }
    if (!(res.headers.get('content-type') || '').startsWith('text/html')) continue;
    const html = await res.text();
    for (const m of html.matchAll(/href="([^"#?]*)[^"]*"/g)) {
      const href = m[1].replaceAll('&amp;', '&');
      if (!href || /^[a-z]+:/i.test(href)) continue;
      const abs = new URL(href, origin + path);
      if (abs.origin !== origin) continue;
      const p = decodeURIComponent(abs.pathname);
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return { pages: [...seen].filter((p) => p.endsWith('/')), broken };
}

test('every link on the site leads somewhere', async () => {
  const { pages, broken } = await crawl(server.url);
  assert.deepEqual(broken, []);
  assert.ok(pages.length >= 30, `only ${pages.length} pages reachable`);
});

test('pages are accessible and clean at desktop and phone width', async () => {
  const { pages } = await crawl(server.url);
  const shots = join(repoRoot, 'target', 'screenshots');
  mkdirSync(shots, { recursive: true });
  const failures = [];
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const { page, context, problems } = await watchedPage(browser, server.url, viewport);
    for (const path of pages) {
      await page.goto(server.url + encodeURI(path), { waitUntil: 'load' });
      const facts = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
          .map((h) => Number(h.tagName[1]));
        let skipped = null;
        for (let i = 1; i < levels.length; i++) {
          if (levels[i] > levels[i - 1] + 1) skipped = `h${levels[i - 1]} → h${levels[i]}`;
        }
        return {
          lang: document.documentElement.lang,
          mains: document.querySelectorAll('main').length,
          h1: document.querySelectorAll('h1').length,
          skipped,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          imgsWithoutAlt: [...document.images].filter((i) => !i.hasAttribute('alt')).length,
          inlineStyles: document.querySelectorAll('[style]').length,
          inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
        };
      });
      const where = `${path} @${viewport.width}px`;
      if (facts.lang !== 'sv') failures.push(`${where}: lang=${facts.lang}`);
      if (facts.mains !== 1) failures.push(`${where}: ${facts.mains} <main>`);
      if (facts.h1 !== 1) failures.push(`${where}: ${facts.h1} <h1>`);
      if (facts.skipped) failures.push(`${where}: heading level skipped ${facts.skipped}`);
      if (facts.overflow > 1) failures.push(`${where}: ${facts.overflow}px horizontal overflow`);
      if (facts.imgsWithoutAlt) failures.push(`${where}: images without alt`);
      if (facts.inlineStyles || facts.inlineScripts) failures.push(`${where}: inline style/script`);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      if (first !== '#main') failures.push(`${where}: first Tab stop is ${first}, not the skip link`);
      if (['/', '/regler/losenord/', '/policy/informationssakerhetspolicy/', '/roller/chef/'].includes(path)) {
        const name = (path.replaceAll('/', '_') || '_') + `${viewport.width}.png`;
        await page.screenshot({ path: join(shots, name), fullPage: true });
      }
    }
    failures.push(...problems);
    await context.close();
  }
  assert.deepEqual(failures, []);
});

test('a governing document shows its metadata block in Swedish', async () => {
  const { page, context, problems } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/regler/losenord/`);
  // The lead shows the first facts; the rest are folded into a disclosure (issue #21).
  const lead = await page.locator('.doc-lead').innerText();
  for (const label of ['Status', 'Gäller för', 'Gäller sedan', 'Dokumentansvarig', 'LIS-R-05']) {
    assert.ok(lead.includes(label), `lead misses ${label}`);
  }
  assert.ok(!(await page.locator('main').innerText()).includes('Revideras senast'), 'folded away');
  await page.locator('summary.meta__summary').click();
  const text = await page.locator('main').innerText();
  for (const label of ['Dokumentansvarig', 'Beslutad av', 'Revideras senast', 'LIS-R-05', 'Hänvisa till dokumentet som']) {
    assert.ok(text.includes(label), `missing ${label}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
