// Test helpers for the learning-platform packages: read a zip (stored or
// deflated entries, as styrdok writes them) without a zip tool, and lay a
// package out beside a test LMS page that embeds scorm-again.

import { inflateRawSync } from 'node:zlib';
import { mkdirSync, writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../e2e/harness.js';

/** The entries of a zip file's bytes: Map(path → Buffer), in zip order. */
export function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/**
 * A folder holding `lms.html` (a page with scorm-again and an empty
 * iframe), scorm-again itself and the package's files under `pkg/`.
 */
export function lmsFolder(files) {
  const dir = mkdtempSync(join(tmpdir(), 'styrdok-lms-'));
  for (const [name, bytes] of files) {
    const path = join(dir, 'pkg', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  copyFileSync(join(repoRoot, 'node_modules/scorm-again/dist/scorm-again.js'), join(dir, 'scorm-again.js'));
  writeFileSync(join(dir, 'lms.html'), '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">' +
    '<script src="scorm-again.js"></script></head><body><iframe id="sco" title="SCO" width="1000" height="800"></iframe></body></html>');
  return dir;
}
