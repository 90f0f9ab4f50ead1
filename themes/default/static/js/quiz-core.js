// Pure quiz and progress logic, without the DOM, so node's test runner can
// check it (tests/js/quiz.test.js). The page scripts (quiz.js, training.js)
// build on these functions.
//
// A quiz question carries no correct answer in plain text: styrdok writes
// `hash = sha256(salt + ":" + selection)`, where `selection` is the correct
// options' original indices in ascending order joined by "," (or "true" /
// "false"). Checking an answer is hashing the person's selection the same
// way. This keeps answers out of sight, not secret: a quiz in the browser
// is self-study, never an exam.

import { compareVersions } from './versions.js';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 of a string (UTF-8), as lowercase hex. Written here rather than
 * taken from crypto.subtle, which browsers offer only on https pages, and
 * intranets are often plain http.
 */
export function sha256(text) {
  const data = new TextEncoder().encode(text);
  const bitLength = data.length * 8;
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0;
      d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i] + add[i]) >>> 0;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}

/**
 * The canonical form of a selection: checked option indices (original file
 * order) ascending, joined by ","; a true/false answer as "true"/"false".
 */
export function selectionKey(kind, values) {
  if (kind === 'truefalse') return values.length === 1 ? String(values[0]) : '';
  return values
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0)
    .sort((x, y) => x - y)
    .filter((n, i, all) => i === 0 || all[i - 1] !== n)
    .join(',');
}

/** Is `values` (the checked options' values) the right answer to `question`? */
export function isCorrect(question, values) {
  const key = selectionKey(question.kind, values);
  if (key === '') return false;
  return sha256(`${question.salt}:${key}`) === question.hash;
}

/** A new array in random order (Fisher–Yates). `random` is injectable for tests. */
export function shuffled(items, random = Math.random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The order to show questions and each question's options in: original
 * indices, shuffled when the quiz says so.
 */
export function layout(quiz, random = Math.random) {
  const order = quiz.questions.map((_, i) => i);
  const options = quiz.questions.map((q) => q.options.map((_, i) => i));
  if (!quiz.shuffle) return { order, options };
  return {
    order: shuffled(order, random),
    options: options.map((o) => shuffled(o, random)),
  };
}

/** Percent of questions right (whole number), from `answers[i] = true|false|undefined`. */
export function score(answers, total) {
  if (total === 0) return 0;
  const right = answers.filter((a) => a === true).length;
  return Math.floor((right * 100) / total);
}

export function passed(percent, passMark) {
  return percent >= passMark;
}

/** Indices of the questions answered wrongly: what a retry asks again. */
export function wrongOnes(answers) {
  const out = [];
  answers.forEach((a, i) => {
    if (a === false) out.push(i);
  });
  return out;
}

/** The major part of a `MAJOR.MINOR` version (NaN when malformed). */
export function major(version) {
  const m = /^(\d+)\.(\d+)$/.exec(String(version || ''));
  return m ? Number(m[1]) : NaN;
}

/**
 * A module's state for a person, from their stored record:
 * "passed" (a pass of the current major version), "outdated" (a pass of an
 * older major version: take it again), or "todo".
 */
export function moduleState(record, currentVersion) {
  if (!record || !record.passed) return 'todo';
  return major(record.version) === major(currentVersion) ? 'passed' : 'outdated';
}

/**
 * A governing document's read-receipt state: "read", "outdated" or
 * "unread". `ackVersion`, when the current version is an editorial change
 * (`acknowledge: false`), is the version a receipt must be for: a receipt
 * for it or any later version up to the current one still counts as read.
 */
export function receiptState(record, currentVersion, ackVersion = '') {
  if (!record || !record.version) return 'unread';
  if (record.version === currentVersion) return 'read';
  return covers(record, currentVersion, ackVersion) ? 'read' : 'outdated';
}

/** Does a receipt for an older version still count (see receiptState)? */
function covers(record, currentVersion, ackVersion) {
  if (!ackVersion) return false;
  return compareVersions(record.version, ackVersion) >= 0 && compareVersions(record.version, currentVersion) < 0;
}

/** Compares two `MAJOR.MINOR` versions (versions.js: NaN when malformed). */
export { compareVersions };

/**
 * What changed since a read receipt, from the data a governing document's
 * page embeds (`{ id, version, versions: [{ version, approved_on, changes,
 * diff_url, since_url }] }`, oldest first, only published versions).
 * `null` unless the receipt is for a version older than the current one.
 * Otherwise `{ old, date, version, all, steps }`: `steps` are the versions
 * after the one read, each with its changes page (`diff_url`, may be
 * empty); `all` is the page of every change since the version read, given
 * only when it says more than the one step's page (else empty).
 */
export function changesSince(data, record, ackVersion = '') {
  if (!data || !record || !record.version) return null;
  if (!(compareVersions(record.version, data.version) < 0)) return null;
  if (covers(record, data.version, ackVersion)) return null;
  const versions = Array.isArray(data.versions) ? data.versions : [];
  const steps = versions.filter((v) => compareVersions(v.version, record.version) > 0);
  const read = versions.find((v) => compareVersions(v.version, record.version) === 0);
  const all = steps.length > 1 && read ? read.since_url || '' : '';
  return { old: record.version, date: record.read_at || '', version: data.version, all, steps };
}

/** `YYYY-MM-DD` as a long date in `lang` ("3 mars 2026"); other text as it is. */
export function longDate(iso, lang = 'sv') {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
  if (!m) return String(iso || '');
  try {
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
  } catch {
    return String(iso);
  }
}

/** Fills `{name}` placeholders from `values`. */
export function fill(template, values) {
  return String(template || '').replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/** Module ids from a query string: `moduler=A,B` and/or repeated `moduler=`. */
export function moduleIdsFromQuery(params, name = 'moduler') {
  const ids = [];
  for (const value of params.getAll(name)) {
    for (const id of value.split(',')) {
      const t = id.trim();
      if (t && !ids.includes(t)) ids.push(t);
    }
  }
  return ids;
}

/** Today as YYYY-MM-DD in local time. */
export function today(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
