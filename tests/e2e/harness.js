// Shared helpers for the end-to-end tests: build a site with the styrdok
// binary into a temporary folder, serve a folder on 127.0.0.1, and drive
// Debian's Chromium through playwright-core.
//
// The binary comes from $STYRDOK_BIN (set by tests/it/node.rs when run under
// `cargo test`), else target/debug/styrdok.

import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function styrdokBinary() {
  return process.env.STYRDOK_BIN || join(repoRoot, 'target', 'debug', 'styrdok');
}

/** Runs the styrdok binary; returns { status, stdout, stderr }. */
export function runStyrdok(args, env = {}) {
  const res = spawnSync(styrdokBinary(), args, {
    encoding: 'utf8',
    env: { ...process.env, STYRDOK_TODAY: '2026-11-29', ...env },
  });
  if (res.error) throw res.error;
  return res;
}

/**
 * Builds the site at `root` (default: the bundled site) into a fresh
 * temporary folder and returns that folder. Throws with styrdok's output
 * when the build fails.
 */
export function buildSite({ root = repoRoot, drafts = false, baseUrl = '/', extra = [] } = {}) {
  const out = join(mkdtempSync(join(tmpdir(), 'styrdok-e2e-')), 'public');
  const args = ['build', '--root', root, '--out', out, '--base-url', baseUrl, ...extra];
  if (drafts) args.push('--drafts');
  const res = runStyrdok(args);
  if (res.status !== 0) {
    throw new Error(`styrdok build failed (${res.status}):\n${res.stderr}`);
  }
  return out;
}

export function removeSite(out) {
  rmSync(resolve(out, '..'), { recursive: true, force: true });
}

/**
 * A built site (`buildSite(options)` unless `out` is given), served under
 * the CSP, and Chromium: `{ out, server, browser, close }`. `close` stops
 * the browser and the server and removes the build.
 */
export async function openSite({ out, ...options } = {}) {
  const site = { out: out ?? buildSite(options) };
  try {
    site.server = await serve(site.out);
    site.browser = await launch();
  } catch (e) {
    await site.server?.close();
    removeSite(site.out);
    throw e;
  }
  site.close = async () => {
    await site.browser?.close();
    await site.server?.close();
    removeSite(site.out);
  };
  return site;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Security-Policy netlify.toml serves; pages must work under it. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; form-action 'self' https:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/**
 * Serves `dir` on 127.0.0.1 (a free port, or `port`) with the site's CSP
 * header (`csp: false` serves without it, to prove sanitising alone is
 * enough; a string serves that policy instead). Resolves to { url, close }.
 */
export function serve(dir, { csp = true, port = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const headers = { 'X-Content-Type-Options': 'nosniff' };
    if (csp) headers['Content-Security-Policy'] = typeof csp === 'string' ? csp : CSP;
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      // Closing drops the browser's keep-alive connections too, so a
      // closed server never holds node's event loop open.
      const close = () => new Promise((c) => {
        server.close(c);
        server.closeAllConnections();
      });
      ok({ url: `http://127.0.0.1:${port}`, close });
    });
  });
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches headless Chromium (Debian's) with networking to the outside off. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Opens a page that records what must never happen on our sites: script
 * errors, console errors (CSP violations show up there), dialogs, and
 * requests that leave the local server.
 */
export async function watchedPage(browser, origin, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('about:')) {
      problems.push(`outbound request: ${u}`);
    }
  });
  return { page, context, problems };
}
