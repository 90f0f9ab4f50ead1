// Query cost of the browser search on a built site (not a test):
//   node bench/search-query.mjs OUT/sok/data [queries…]
// For each query: on a first visit (a fresh searcher, nothing cached) and
// as a following query (after the query before it in the list, so the
// files both need are cached), the files it loads and their gzip size; and
// the time to answer with the files already in memory (JSON parsing
// included; the network is not), as wall time and as the process's CPU
// time (which a busy machine inflates less). A query's answer includes the page
// records of its first ten results, as the search page shows them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSearcher } from '../themes/default/static/js/search-core.js';

const dir = process.argv[2];
const queries = process.argv.length > 3 ? process.argv.slice(3) : [
  'lösenord', 'incidenter', 'informationssäkerhet', 'får jag använda privat mejl',
  'lösenordsbyte', 'incidentrapport', 'behörighet chef', 'LIS-R-0042', 'kryptering av e-post',
  'leverantörer', 'säkerhetskopiering', 'distansarbete', 'lösenrd', 'incidnet',
];
const raw = new Map();
const text = (p) => {
  if (!raw.has(p)) raw.set(p, readFileSync(join(dir, p), 'utf8'));
  return raw.get(p);
};
const gz = new Map();
const gzSize = (p) => {
  if (!gz.has(p)) gz.set(p, gzipSync(text(p)).length);
  return gz.get(p);
};

/** Runs `q` (with its first ten page records) on `searcher`. */
async function answer(searcher, q) {
  const found = await searcher.search(q);
  for (const r of found.results.slice(0, 10)) await searcher.page(r.page);
  return found;
}

/** A searcher that records the files it loads into `files`. */
const recording = (files) => createSearcher((p) => { files.add(p); return JSON.parse(text(p)); });

const rows = [];
let previous = null;
for (const q of queries) {
  const first = new Set();
  const found = await answer(recording(first), q);
  // Following: the files the query needs beyond those the query before it loaded.
  const before = new Set();
  const warm = recording(before);
  if (previous !== null) await answer(warm, previous);
  const seen = new Set(before);
  await answer(warm, q);
  const following = [...before].filter((f) => !seen.has(f));
  const times = [];
  const cpu = [];
  for (let i = 0; i < 5; i++) {
    const s = createSearcher((p) => JSON.parse(text(p)));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await answer(s, q);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const sum = (fs) => [...fs].reduce((s, f) => s + gzSize(f), 0);
  rows.push({
    q, files: first.size, gz: sum(first), nextFiles: following.length, nextGz: sum(following),
    ms: times[2], cpu: cpu[2], hits: found.results.length, fixed: found.correction ? found.correction.query : '',
  });
  previous = q;
}
const kb = (b) => (b / 1024).toFixed(1).padStart(6);
console.log(`${'query'.padEnd(30)} first visit         following           answer`);
for (const r of rows) {
  console.log(
    `${r.q.padEnd(30)} ${String(r.files).padStart(3)} files ${kb(r.gz)} kB  ${String(r.nextFiles).padStart(3)} files ${kb(r.nextGz)} kB  ${r.ms.toFixed(1).padStart(6)} ms (${r.cpu.toFixed(1)} ms CPU)  ${r.hits} hits${r.fixed ? ` (as "${r.fixed}")` : ''}`,
  );
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const col = (k) => rows.map((r) => r[k]);
const following = rows.slice(1);
console.log(
  `first visit: median ${kb(med(col('gz')))} kB gz, max ${kb(max(col('gz')))} kB gz; ` +
    `following: median ${kb(med(following.map((r) => r.nextGz)))} kB gz, max ${kb(max(following.map((r) => r.nextGz)))} kB gz; ` +
    `answer: median ${med(col('ms')).toFixed(1)} ms, max ${max(col('ms')).toFixed(1)} ms ` +
    `(CPU: median ${med(col('cpu')).toFixed(1)} ms, max ${max(col('cpu')).toFixed(1)} ms)`,
);
