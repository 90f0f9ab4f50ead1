// search-query.js: a query's words (through the same Swedish pipeline as
// the index, sv-text.js), its document-id candidates, and its synonyms:
// the site's groups (meta.json `synonyms`, see src/search/synonyms.rs)
// matched against the words, longest phrase first. No DOM; tested in
// tests/js/search-core.test.js.

import { stem as svStem, tokenize, trim, STOP_WORDS } from './sv-text.js';

/** The words of a text: surface form (after the trimmer) and stem; stop words left out. */
export function analyzeWords(text) {
  const words = [];
  for (const token of tokenize(text)) {
    const surface = trim(token);
    if (surface === '' || STOP_WORDS.has(surface)) continue;
    words.push({ surface, stem: svStem(surface), prefix: false, pos: words.length });
  }
  return words;
}

/**
 * The query with corrections applied: `fixes` maps a word's position to
 * the term that replaces it; each misspelt word is replaced where it
 * stands in the query (the rest of the query stays as typed).
 */
export function correctQuery(query, words, fixes) {
  let out = query;
  for (const w of words) {
    const term = fixes.get(w.pos);
    if (term === undefined) continue;
    const escaped = w.surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'), `$1${term}`);
  }
  return out;
}


const ID_CHARS = /^[\p{L}\p{N}._:/-]+$/u;

/**
 * The words of a query: surface form (after the trimmer), stem (null for a
 * stop word) and whether it is the word being typed (a prefix). Also the
 * id candidates: raw tokens with a digit, lowercased, and the whole query.
 */
export function analyzeQuery(query, { typing = false } = {}) {
  const words = analyzeWords(query);
  if (typing && words.length > 0 && !/[\s-]$/.test(query)) {
    words[words.length - 1].prefix = true;
  }
  const ids = new Set();
  const whole = query.trim().toLowerCase();
  for (const raw of [whole, ...whole.split(/\s+/)]) {
    const t = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (t && /\d/.test(t) && ID_CHARS.test(t)) ids.add(t);
  }
  return { words, ids: [...ids] };
}

/**
 * The synonym groups analysed: { members: [{ key: [stems], words, group }],
 * longest key first, and each group's members }.
 */
export function synonymIndex(groups = []) {
  const members = [];
  groups.forEach((g, group) => {
    for (const text of g) {
      const words = analyzeWords(text);
      if (words.length > 0) members.push({ key: words.map((w) => w.stem), words, group });
    }
  });
  members.sort((a, b) => b.key.length - a.key.length);
  const byGroup = groups.map((_, k) => members.filter((m) => m.group === k));
  return { members, byGroup };
}

const keyAt = (words, i, key) =>
  i + key.length <= words.length && key.every((s, k) => words[i + k].stem === s && !words[i + k].prefix);

/**
 * The query's words with synonyms attached: where a group member occurs
 * (its words in a row), the words become one word carrying `synonyms`
 * (the other members, as lists of words) and, for a member of several
 * words, `phrase` (its words, scored together).
 */
export function expandSynonyms(words, index) {
  if (!index || index.members.length === 0) return words;
  const out = [];
  for (let i = 0; i < words.length; ) {
    const m = index.members.find((x) => keyAt(words, i, x.key));
    if (!m) {
      out.push(words[i]);
      i += 1;
      continue;
    }
    const own = words.slice(i, i + m.key.length);
    const word =
      own.length === 1
        ? { ...own[0] }
        : { surface: own.map((w) => w.surface).join(' '), stem: own[0].stem, prefix: false, phrase: own };
    word.synonyms = index.byGroup[m.group].filter((x) => x !== m).map((x) => x.words);
    out.push(word);
    i += m.key.length;
  }
  return out;
}

/** Every word a query scores, its phrases' and synonyms' words included. */
export function scoredWords(words) {
  const out = [];
  for (const w of words) {
    out.push(...(w.phrase || [w]));
    for (const p of w.synonyms || []) out.push(...p);
  }
  return out;
}
