// Search quality on the bundled site (not a test; see BENCHMARKS.md):
//   node bench/search-eval.mjs [--queries FILE] [--out BUILT_SITE] [--no-pagefind] [--verbose]
//
// Builds the bundled site with the styrdok binary ($STYRDOK_BIN, else
// target/debug/styrdok) unless --out names a built one, runs every query of
// the query file (default bench/search-queries.json) in headless Chromium
// against the real sok/ page, and prints success@1, success@3, MRR@5 and
// the queries without any result. Pagefind (npm `pagefind`, a test-only
// tool) indexes the same built site (its <main> elements) into a throwaway
// folder inside it and answers the same queries in the same browser, so
// both systems' figures stand side by side.

import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, removeSite, serve, launch, repoRoot } from '../tests/e2e/harness.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && k + 1 < args.length ? args[k + 1] : fallback;
};
const queryFile = option('--queries', join(repoRoot, 'bench', 'search-queries.json'));
const { queries } = JSON.parse(readFileSync(queryFile, 'utf8'));
const verbose = flag('--verbose');
const withPagefind = !flag('--no-pagefind');
const TOP = 5;
const PAGEFIND_DIR = '_pagefind-eval';

/** A result URL as the page path it opens: no origin, query or fragment. */
export function pagePath(href) {
  const u = new URL(href, 'http://x');
  return u.pathname.endsWith('/') ? u.pathname : `${u.pathname.replace(/index\.html$/, '')}`;
}

/** success@1, success@3, reciprocal rank within the top 5, zero results. */
export function judge(expect, paths) {
  const rank = paths.slice(0, TOP).findIndex((p) => expect.includes(p)) + 1;
  return {
    at1: rank === 1,
    at3: rank >= 1 && rank <= 3,
    rr: rank >= 1 ? 1 / rank : 0,
    zero: paths.length === 0,
    rank,
  };
}

async function styrdokResults(page, origin, q) {
  await page.goto(`${origin}/sok/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-search-index]');
    const s = document.querySelector('#search-status')?.textContent || '';
    return s !== '' && s !== root.dataset.tSearching;
  });
  const hrefs = await page.$$eval('#search-results > li h3 a', (as) => as.map((a) => a.getAttribute('href')));
  return hrefs.map(pagePath);
}

async function pagefindResults(page, q) {
  const urls = await page.evaluate(
    async ({ q, dir, top }) => {
      const pf = await import(`/${dir}/pagefind.js`);
      const found = await pf.search(q);
      const data = await Promise.all(found.results.slice(0, top).map((r) => r.data()));
      return data.map((d) => d.url);
    },
    { q, dir: PAGEFIND_DIR, top: TOP },
  );
  return urls.map(pagePath);
}

function runPagefind(out) {
  const bin = join(repoRoot, 'node_modules', '.bin', 'pagefind');
  if (!existsSync(bin)) throw new Error('node_modules/.bin/pagefind is missing (npm ci)');
  const res = spawnSync(
    bin,
    ['--site', out, '--output-subdir', PAGEFIND_DIR, '--root-selector', 'main', '--silent'],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`pagefind failed:\n${res.stdout}${res.stderr}`);
}

function summary(name, rows) {
  const n = rows.length;
  const pct = (k) => `${((100 * rows.filter((r) => r[k]).length) / n).toFixed(1)} %`;
  const mrr = rows.reduce((s, r) => s + r.rr, 0) / n;
  return {
    name,
    at1: `${rows.filter((r) => r.at1).length}/${n} = ${pct('at1')}`,
    at3: `${rows.filter((r) => r.at3).length}/${n} = ${pct('at3')}`,
    mrr: mrr.toFixed(3),
    zero: rows.filter((r) => r.zero).map((r) => r.q),
  };
}

async function main() {
  const given = option('--out', null);
  const out = given ?? buildSite();
  const systems = [{ name: 'styrdok', run: styrdokResults }];
  try {
    if (withPagefind) {
      runPagefind(out);
      systems.push({ name: 'pagefind', run: (page, _origin, q) => pagefindResults(page, q) });
    }
    const server = await serve(out, { csp: false });
    const browser = await launch();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sok/`);
    const rows = Object.fromEntries(systems.map((s) => [s.name, []]));
    for (const { q, expect, kind } of queries) {
      const line = [q.padEnd(44)];
      for (const s of systems) {
        const paths = await s.run(page, server.url, q);
        const j = judge(expect, paths);
        rows[s.name].push({ q, kind, ...j });
        line.push(`${s.name} ${j.rank || '-'}`.padEnd(12));
        if (verbose && j.rank !== 1) line.push(`[${paths.slice(0, 3).join(' ')}]`);
      }
      console.log(line.join(' '));
    }
    await browser.close();
    await server.close();
    console.log('');
    console.log(`${queries.length} queries (${queryFile.replace(repoRoot + '/', '')})`);
    for (const s of systems) {
      const r = summary(s.name, rows[s.name]);
      console.log(
        `${r.name.padEnd(9)} success@1 ${r.at1}  success@3 ${r.at3}  MRR@5 ${r.mrr}  zero-result: ${r.zero.length}${r.zero.length ? ` (${r.zero.join(', ')})` : ''}`,
      );
    }
  } finally {
    if (given) rmSync(join(out, PAGEFIND_DIR), { recursive: true, force: true });
    else removeSite(out);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
