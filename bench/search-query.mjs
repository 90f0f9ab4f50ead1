// Query cost of the browser search on a built site (not a test):
//   node bench/search-query.mjs OUT/sok/data [queries…]
// For each query, with a fresh searcher (nothing cached, as on a first
// visit): the files it loads, their gzip size, and the time to answer with
// the files already in memory (JSON parsing included; the network is not).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSearcher } from '../themes/default/static/js/search-core.js';

const dir = process.argv[2];
const queries = process.argv.length > 3 ? process.argv.slice(3) : [
  'lösenord', 'incidenter', 'informationssäkerhet', 'får jag använda privat mejl',
  'lösenordsbyte', 'incidentrapport', 'behörighet chef', 'LIS-R-0042', 'kryptering av e-post',
  'leverantörer', 'säkerhetskopiering', 'distansarbete',
];
const raw = new Map();
const text = (p) => {
  if (!raw.has(p)) raw.set(p, readFileSync(join(dir, p), 'utf8'));
  return raw.get(p);
};

const rows = [];
for (const q of queries) {
  // Warm the file cache so that only parsing and searching are timed.
  const files = new Set();
  const probe = createSearcher((p) => { files.add(p); return JSON.parse(text(p)); });
  const first = await probe.search(q);
  for (const r of first.results.slice(0, 10)) await probe.page(r.page);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const s = createSearcher((p) => JSON.parse(text(p)));
    const t0 = performance.now();
    const found = await s.search(q);
    for (const r of found.results.slice(0, 10)) await s.page(r.page);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  let gz = 0;
  for (const f of files) gz += gzipSync(text(f)).length;
  rows.push({ q, files: files.size, gz, ms: times[2], hits: first.results.length });
}
for (const r of rows) {
  console.log(`${r.q.padEnd(32)} ${String(r.files).padStart(3)} files ${(r.gz / 1024).toFixed(1).padStart(7)} kB gz ${r.ms.toFixed(1).padStart(6)} ms ${r.hits} hits`);
}
const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median: ${(med(rows.map((r) => r.gz)) / 1024).toFixed(1)} kB gz, ${med(rows.map((r) => r.ms)).toFixed(1)} ms; max ${(Math.max(...rows.map((r) => r.gz)) / 1024).toFixed(1)} kB gz, ${Math.max(...rows.map((r) => r.ms)).toFixed(1)} ms`);
