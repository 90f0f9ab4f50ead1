// What a person has done, kept in this browser's localStorage under keys
// that start with `styrdok:` — nothing leaves the browser unless the person
// sends a result to the site's report endpoint.
//
//   styrdok:quiz:<module id>     { version, score, passed, completed_at } (the post-test)
//   styrdok:quiz-pre:<module id>, styrdok:quiz-retention:<module id>
//                                { version, score, completed_at, answers } or
//                                { version, skipped: true } (a pre-test skipped)
//   styrdok:receipt:<document id> { version, read_at }
//   styrdok:role                 role id chosen on the start page
//   styrdok:person               { name, email, unit } typed for reports and certificates

const PREFIX = 'styrdok:';

function store() {
  try {
    return globalThis.localStorage || null;
  } catch {
    // Storage can be switched off; the pages still work, they just forget.
    return null;
  }
}

function read(key) {
  const s = store();
  if (!s) return null;
  try {
    return JSON.parse(s.getItem(PREFIX + key));
  } catch {
    return null;
  }
}

function write(key, value) {
  const s = store();
  if (!s) return;
  try {
    s.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Full or forbidden: nothing sensible to do.
  }
}

export function quizRecord(moduleId) {
  return read(`quiz:${moduleId}`);
}

/**
 * Saves an attempt. A failed attempt never replaces a pass of the same
 * major version: practising again must not lose a result.
 */
export function saveQuizRecord(moduleId, record, isSameMajor) {
  const old = quizRecord(moduleId);
  if (old && old.passed && !record.passed && isSameMajor(old.version)) return old;
  write(`quiz:${moduleId}`, record);
  return record;
}

/** The latest pre-test or retention attempt (`kind` "pre" | "retention"). */
export function attemptRecord(kind, moduleId) {
  return read(`quiz-${kind}:${moduleId}`);
}

export function saveAttemptRecord(kind, moduleId, record) {
  write(`quiz-${kind}:${moduleId}`, record);
  return record;
}

export function receipt(docId) {
  return read(`receipt:${docId}`);
}

export function saveReceipt(docId, version, date) {
  const r = { version, read_at: date };
  write(`receipt:${docId}`, r);
  return r;
}

export function role() {
  const r = read('role');
  return typeof r === 'string' ? r : '';
}

export function saveRole(id) {
  write('role', id);
}

export function person() {
  const p = read('person');
  return p && typeof p === 'object' ? p : {};
}

export function savePerson(p) {
  write('person', { ...person(), ...p });
}
