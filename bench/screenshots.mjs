// Screenshots of every page type of the bundled site at 390 px (a phone)
// and 1280 px (a desktop), the top of each page (1,200 px of it), into
// docs/screenshots/ as JPEG (committed, linked from docs/templates.md, so
// a reviewer sees the theme). Regenerate after a theme change:
//
//   cargo build && node bench/screenshots.mjs [TYPE …]
//
// PNG=1 writes PNGs into target/screenshots/ instead (not committed).
//
// Uses the debug binary (or $STYRDOK_BIN), Debian's Chromium and
// playwright-core (npm ci), like the browser tests.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, removeSite, serve, launch, repoRoot } from '../tests/e2e/harness.js';
import { PAGE_TYPES, FOLLOWUP } from '../tests/e2e/page-types.js';

const png = process.env.PNG === '1';
const dir = png ? join(repoRoot, 'target', 'screenshots') : join(repoRoot, 'docs', 'screenshots');
const only = process.argv.slice(2);
const types = Object.entries(PAGE_TYPES).filter(([type]) => only.length === 0 || only.includes(type));
mkdirSync(dir, { recursive: true });
const out = buildSite({ extra: FOLLOWUP.map((a) => (a.startsWith('tests/') ? join(repoRoot, a) : a)) });
const server = await serve(out);
const browser = await launch();
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [type, path] of types) {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const file = `${type.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${width}.${png ? 'png' : 'jpg'}`;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: join(dir, file),
        ...(png ? {} : { type: 'jpeg', quality: 60 }),
        fullPage: true,
        clip: { x: 0, y: 0, width, height: Math.min(height, 1200) },
      });
      console.log(`${file}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  removeSite(out);
}
