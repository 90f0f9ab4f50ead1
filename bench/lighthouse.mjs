// Lighthouse (mobile profile: a mid-range phone, simulated slow 4G and
// 4× CPU slowdown) on the bundled site's start page, a rule and the search
// page, served under the site's Content-Security-Policy by the browser
// tests' local server, in Debian's Chromium. Prints the four category
// scores (the median of $RUNS runs, default 3), the main timings and every
// audit that cost points; the figures go into BENCHMARKS.md (issue #21:
// accessibility 100, best practices ≥ 95, performance ≥ 95). Exits 1 when
// a page misses one of those.
//
//   bash bench/lighthouse.sh        (installs lighthouse, then runs this)
//
// Lighthouse is a test-only tool: bench/lighthouse.sh installs it into
// target/bench-lighthouse, not into the project's node_modules.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, removeSite, serve, repoRoot, CHROMIUM } from '../tests/e2e/harness.js';

const lighthouse = join(repoRoot, 'target/bench-lighthouse/node_modules/.bin/lighthouse');
const PAGES = { start: '/', rule: '/regler/losenord/', search: '/sok/?q=l%C3%B6senord' };
const CATEGORIES = ['accessibility', 'best-practices', 'performance', 'seo'];
const TARGETS = { accessibility: 100, 'best-practices': 95, performance: 95 };
const RUNS = Number(process.env.RUNS || 3);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * One lighthouse run of `url`: the parsed JSON report. Asynchronous: the
 * server that answers lighthouse runs in this process.
 */
async function audit(url, file) {
  await promisify(execFile)(lighthouse, [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${file}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--form-factor=mobile',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
  ], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 26 });
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The audits that cost a category points, as "category: id (score)". */
function lost(r) {
  const out = new Set();
  for (const c of CATEGORIES) {
    for (const ref of r.categories[c].auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        out.add(`${c}: ${ref.id} (${a.score})`);
      }
    }
  }
  return [...out];
}

const out = buildSite();
const server = await serve(out);
const reports = mkdtempSync(join(tmpdir(), 'styrdok-lighthouse-'));
const rows = [];
let missed = false;
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(server.url + path, join(reports, `${name}-${i}.json`)));
    const score = (c) => median(runs.map((r) => Math.round(r.categories[c].score * 100)));
    const ms = (a) => Math.round(median(runs.map((r) => r.audits[a].numericValue)));
    const row = { page: `${name} (${path})` };
    for (const c of CATEGORIES) row[c] = score(c);
    Object.assign(row, {
      'FCP ms': ms('first-contentful-paint'),
      'LCP ms': ms('largest-contentful-paint'),
      'TBT ms': ms('total-blocking-time'),
      CLS: median(runs.map((r) => r.audits['cumulative-layout-shift'].numericValue)).toFixed(3),
      'bytes kB': Math.round(ms('total-byte-weight') / 1024),
    });
    rows.push(row);
    for (const [c, t] of Object.entries(TARGETS)) if (row[c] < t) missed = true;
    const why = [...new Set(runs.flatMap(lost))];
    if (why.length) console.log(`${name}: points lost in some run: ${why.join('; ')}`);
  }
} finally {
  await server.close();
  removeSite(out);
  rmSync(reports, { recursive: true, force: true });
}
console.log(`lighthouse ${JSON.parse(readFileSync(join(repoRoot,
  'target/bench-lighthouse/node_modules/lighthouse/package.json'), 'utf8')).version}, ${RUNS} run(s) per page, medians`);
console.table(rows);
if (missed) {
  console.log(`below target (${Object.entries(TARGETS).map(([c, t]) => `${c} ${t}`).join(', ')})`);
  process.exit(1);
}
