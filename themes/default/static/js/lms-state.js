// What js/lms.js keeps between sessions: the platform's suspend data
// (SCORM) or a state document (cmi5), as compact JSON.

/** What the bridge keeps between sessions (the platform's suspend data). */
export function emptyState() {
  return { v: 1, passed: false, best: null, last: null, attempts: 0, answers: {}, viewed: false };
}

/** Suspend data → state; anything unreadable starts afresh. */
export function readState(text) {
  try {
    const s = JSON.parse(text || '');
    if (s && s.v === 1 && typeof s.answers === 'object') return { ...emptyState(), ...s };
  } catch { /* a fresh start */ }
  return emptyState();
}

/**
 * The state as suspend data of at most `limit` characters (SCORM 1.2
 * keeps 4096): the answers go first when it would be longer.
 */
export function suspendData(state, limit) {
  const text = JSON.stringify(state);
  if (text.length <= limit) return text;
  return JSON.stringify({ ...state, answers: {} });
}
