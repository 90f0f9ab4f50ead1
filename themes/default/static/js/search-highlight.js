// search-highlight.js: which words of a text to mark for a query, and
// snippets around the first of them. Shared by the search page
// (search.js) and the landing highlight on content pages (landing.js).
// No DOM; tested in tests/js/search-core.test.js.

import { stemOf } from './search-compound.js';

/** A compound part shorter than this is never highlighted on its own ("ord"). */
export const MIN_HIGHLIGHT_PART = 4;
/** A matched term marks a longer word only when it is this long (a compound's head or tail). */
export const MIN_COMPOUND_TERM = 5;
/** The rest of such a word must be a real part: at least this long. */
const MIN_REST = 3;

/**
 * True when stem `s` is `t`, starts with it (an inflection the stemmer
 * left, or a compound with `t` first), or is a compound that ends with
 * `t` after a first part of its own.
 */
function atBoundary(s, t) {
  if (s === t || s.startsWith(t)) return true;
  return s.endsWith(t) && Array.from(s).length - Array.from(t).length >= MIN_REST;
}

/**
 * A matcher for the words to highlight. A word is a hit when its stem is
 * one of the matched `terms`, or a compound with such a term (of at least
 * MIN_COMPOUND_TERM letters) as a whole first or last part
 * ("lösenordshanterare" for `lösenord`); when it is one of the compound
 * `parts` the query was split into, of at least MIN_HIGHLIGHT_PART letters
 * (so "lösenordsbyte" marks "lösenord" but never "ord" in "fyra ord"); or
 * when it starts with the word being typed. The whole word is marked.
 */
export function makeMatcher(terms, words, parts = []) {
  const set = new Set(terms);
  const long = [...set].filter((t) => Array.from(t).length >= MIN_COMPOUND_TERM);
  const partList = parts.filter((p) => !set.has(p) && Array.from(p).length >= MIN_HIGHLIGHT_PART);
  const prefixes = words.filter((w) => w.prefix && Array.from(w.stem).length >= 2).map((w) => w.stem);
  return (word) => {
    const s = stemOf(word);
    if (s === null) return false;
    if (set.has(s)) return true;
    if (long.some((t) => atBoundary(s, t))) return true;
    if (partList.some((p) => atBoundary(s, p))) return true;
    return prefixes.some((p) => s.startsWith(p));
  };
}

/**
 * Splits text into segments [{ text, hit }]; words the matcher accepts are
 * hits. Separators stay in the non-hit segments, so joining the texts
 * gives the input back.
 */
export function highlight(text, isHit) {
  const out = [];
  const re = /[\p{L}\p{N}]+(?:[.:/][\p{L}\p{N}]+)*/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (!isHit(m[0])) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

/**
 * At most `max` characters of `text` around its first hit, cut at word
 * boundaries, with "…" where text was left out.
 */
export function snippet(text, isHit, max = 180) {
  if (text.length <= max) return text;
  const segs = highlight(text, isHit);
  let at = 0;
  for (const s of segs) {
    if (s.hit) break;
    at += s.text.length;
  }
  if (at >= text.length) at = 0;
  let start = Math.max(0, at - Math.floor(max / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
}

