// search-compound.js: Swedish compound splitting for the browser search,
// the same rules as src/search/compound.rs (see there), over a vocabulary
// of index terms. No DOM; tested in tests/js/search-core.test.js.

import { pipeline } from './sv-text.js';

export const MIN_PART = 3;
export const MIN_WORD = 6;
// Mirrors MAX_WORD in src/search/compound.rs: longer strings are not compounds.
export const MAX_WORD = 48;
const MAX_DEPTH = 2;
const MAX_ENDING = 3;
export const MAX_EXTENSION = 2;

export const stemOf = (w) => {
  const terms = pipeline(w);
  return terms.length > 0 ? terms[0] : null;
};

// A first part: a term, or the start of a term (not stemmed, like the build).
function knownPart(part, vocab) {
  if (vocab.contains(part)) return part;
  return vocab.extension(part);
}

// A last part: also a word whose stem is a term, or a term plus an ending.
function knownTail(chars, vocab) {
  const whole = chars.join('');
  if (vocab.contains(whole)) return whole;
  const s = stemOf(whole);
  if (s !== null && Array.from(s).length >= MIN_PART && vocab.contains(s)) return s;
  const ext = vocab.extension(whole);
  if (ext !== null) return ext;
  for (let k = 1; k <= MAX_ENDING; k++) {
    if (chars.length < MIN_PART + k) break;
    const s = chars.slice(0, chars.length - k).join('');
    if (vocab.contains(s)) return s;
  }
  return null;
}

/** The known first part `chars[0..i]`, or null. */
export function headAt(chars, i, vocab) {
  const text = chars.slice(0, i).join('');
  const head = knownPart(text, vocab);
  if (head !== null || chars[i] !== 's') return head;
  // Before a linking s the first part is a whole word ("säkerhet" → säker).
  const s = stemOf(text);
  return s !== null && Array.from(s).length >= MIN_PART && vocab.contains(s) ? s : null;
}

function withParts(part, depth, vocab) {
  const chars = Array.from(part);
  if (depth < MAX_DEPTH && chars.length >= MIN_WORD) {
    const inner = splitChars(chars, depth + 1, vocab);
    if (inner) return [part, ...inner];
  }
  return [part];
}

function splitChars(chars, depth, vocab) {
  const n = chars.length;
  if (n < 2 * MIN_PART) return null;
  for (let i = n - MIN_PART; i >= MIN_PART; i--) {
    const linked = chars[i] === 's';
    const head = headAt(chars, i, vocab);
    if (head === null) continue;
    const starts = [i];
    if (linked && n - (i + 1) >= MIN_PART) starts.push(i + 1);
    for (const start of starts) {
      const tail = chars.slice(start);
      const t = knownTail(tail, vocab);
      let rest = null;
      if (t !== null) rest = withParts(t, depth, vocab);
      else if (depth < MAX_DEPTH) rest = splitChars(tail, depth + 1, vocab);
      if (rest) return [...withParts(head, depth, vocab), ...rest];
    }
  }
  return null;
}

/**
 * The parts of a compound term, or [] when it is not a compound of known
 * terms. `vocab` has `contains(term)` and `extension(prefix)` (the shortest
 * term starting with prefix and at most MAX_EXTENSION characters longer).
 */
export function splitCompound(term, vocab) {
  const chars = Array.from(term);
  if (chars.length < MIN_WORD || chars.length > MAX_WORD || !chars.every((c) => /\p{L}/u.test(c))) return [];
  return splitChars(chars, 0, vocab) || [];
}

/** A vocabulary over a sorted array of terms. */
export function sortedVocabulary(sorted) {
  const lowerBound = (x) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    contains: (t) => sorted[lowerBound(t)] === t,
    extension(prefix) {
      const limit = Array.from(prefix).length + MAX_EXTENSION;
      let best = null;
      for (let i = lowerBound(prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) {
        const t = sorted[i];
        if (Array.from(t).length <= limit && (best === null || t.length < best.length)) best = t;
      }
      return best;
    },
    *withPrefix(prefix) {
      for (let i = lowerBound(prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) {
        yield sorted[i];
      }
    },
  };
}

