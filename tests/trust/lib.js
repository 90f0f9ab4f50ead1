// Helpers shared by the trust suites (issue #9): the XSS vector list, a
// writer for generated sites, and a walk over every file a build wrote —
// suites check all output generically, whatever features add files.

import { readFileSync, readdirSync, mkdirSync, writeFileSync, mkdtempSync, cpSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { repoRoot } from '../e2e/harness.js';

/** The vectors of tests/fixtures/trust/xss-vectors.txt, comments dropped. */
export function xssVectors() {
  return readFileSync(join(repoRoot, 'tests/fixtures/trust/xss-vectors.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('# '));
}

/** A YAML scalar holding `s` exactly: JSON strings are YAML double-quoted strings. */
export const yq = (s) => JSON.stringify(s);

/** Writes `files` ({ 'content/a.md': text }) under a fresh temp folder; returns it. */
export function writeSite(files, base = null) {
  const root = mkdtempSync(join(tmpdir(), 'styrdok-trust-'));
  if (base) cpSync(base, root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** Every file under `dir`, as paths relative to it with `/`. */
export function walkFiles(dir) {
  const out = [];
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  visit(dir);
  return out.sort();
}

/** The URL path a browser uses for output file `rel` (`a/index.html` → `/a/`). */
export function urlFor(rel) {
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}
