// Ralph (PyPI ralph-malph, in the virtual environment .ci/run makes:
// target/ralph-venv, or RALPH_VENV) as the Learning Record Store of the
// cmi5 suites, on a free loopback port with its file backend.

import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../e2e/harness.js';

const VENV = process.env.RALPH_VENV || join(repoRoot, 'target/ralph-venv');
const PASSWORD = 'lrs-test-secret';

// Ralph's API server (ralph.api:app under uvicorn, as `ralph runserver`
// starts it, without the reloader). Ralph 5.1's file backend writes its one
// statements file with "create" and so refuses every POST after the first;
// told to append, it stores each POST as it comes.
const RALPH_SERVER = `
import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
`;

/** Ralph on a free loopback port, its statements in a temporary folder. */
export async function startRalph() {
  const dir = mkdtempSync(join(tmpdir(), 'styrdok-ralph-'));
  const env = {
    ...process.env,
    RALPH_APP_DIR: join(dir, 'app'),
    RALPH_AUTH_FILE: join(dir, 'auth.json'),
    RALPH_RUNSERVER_BACKEND: 'fs',
    RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: dir,
  };
  const auth = spawnSync(join(VENV, 'bin/ralph'), ['auth', '-u', 'lms', '-p', PASSWORD, '-s', 'all', '-M', 'mailto:lms@example.se', '-w'], { env, cwd: dir, encoding: 'utf8' });
  if (auth.status !== 0) throw new Error(`ralph auth failed: ${auth.stderr}`);
  const port = await freePort();
  const child = spawn(join(VENV, 'bin/python'), ['-c', RALPH_SERVER, String(port)], { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const authorization = `Basic ${Buffer.from(`lms:${PASSWORD}`).toString('base64')}`;
  for (let i = 0; ; i += 1) {
    try {
      const res = await fetch(`${url}/whoami`, { headers: { Authorization: authorization } });
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (i > 300 || child.exitCode !== null) throw new Error(`Ralph did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    authorization,
    stop: () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `ralph`'s GET /statements (for `registration`, or all), every page as its
 * JSON text, following `more`; `limit` statements a page, so that paging is
 * exercised.
 */
export async function exportPages(ralph, registration, limit) {
  const pages = [];
  const q = new URLSearchParams({ limit: String(limit) });
  if (registration) q.set('registration', registration);
  let next = `/xAPI/statements?${q}`;
  while (next) {
    const headers = { Authorization: ralph.authorization, 'X-Experience-API-Version': '1.0.3' };
    const res = await fetch(new URL(next, ralph.url), { headers });
    if (res.status !== 200) throw new Error(`GET ${next}: ${res.status}`);
    const text = await res.text();
    pages.push(text);
    next = JSON.parse(text).more;
  }
  return pages;
}

/** Every statement stored (for `registration`, or all), oldest first: Ralph returns the newest first, the LRS's `stored` orders them. */
export async function storedStatements(ralph, registration, limit) {
  const pages = await exportPages(ralph, registration, limit);
  return pages.flatMap((p) => JSON.parse(p).statements).sort((a, b) => a.stored.localeCompare(b.stored));
}
