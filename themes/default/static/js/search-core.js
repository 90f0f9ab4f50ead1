// search-core.js: the logic of styrdok's browser search, without the DOM,
// so that node's test runner can check it (tests/js/search-core.test.js).
//
// It reads the files styrdok writes under sok/data/ (src/search/shards.rs
// describes the format): meta.json, pages.json, term shards t/k<KEY>.json,
// the page store s/<n>.json and the id buckets id/<n>.json. A query runs
// through the same Swedish pipeline as the index (sv-text.js), so inflected
// forms meet; prefix matching, compound splitting and exact document ids
// are handled here. Everything is loaded through a `load(path)` function
// (fetch in the browser, the file system in tests) and cached.

import { pipeline, stem as svStem, tokenize, trim, STOP_WORDS } from './sv-text.js';

// ---------------------------------------------------------------------------
// Shards and hashing (mirrors src/search/shards.rs)

/** A shard key as used in file names: a-z, 0-9 as is, else _hh per UTF-8 byte. */
export function encodeKey(key) {
  let out = '';
  for (const ch of key) {
    if (/^[a-z0-9]$/.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += '_' + b.toString(16).padStart(2, '0');
  }
  return out;
}

/** FNV-1a, 32 bit, over UTF-8 bytes (as the build computes it). */
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The shard holding `term`: the longest key that is a prefix of it. */
export function shardFor(term, keys) {
  const chars = Array.from(term);
  for (let n = chars.length; n >= 0; n--) {
    const k = chars.slice(0, n).join('');
    if (keys.has(k)) return k;
  }
  return null;
}

/** Every shard that can hold a term starting with `prefix` (at most `limit`). */
export function shardsForPrefix(prefix, keys, limit = 6) {
  const out = [];
  const own = shardFor(prefix, keys);
  if (own !== null) out.push(own);
  for (const k of keys) {
    if (out.length >= limit) break;
    if (k.length > prefix.length && k.startsWith(prefix)) out.push(k);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Query analysis

const ID_CHARS = /^[\p{L}\p{N}._:/-]+$/u;

/**
 * The words of a query: surface form (after the trimmer), stem (null for a
 * stop word) and whether it is the word being typed (a prefix). Also the
 * id candidates: raw tokens with a digit, lowercased, and the whole query.
 */
export function analyzeQuery(query, { typing = false } = {}) {
  const words = [];
  for (const token of tokenize(query)) {
    const surface = trim(token);
    if (surface === '' || STOP_WORDS.has(surface)) continue;
    words.push({ surface, stem: svStem(surface), prefix: false });
  }
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

// ---------------------------------------------------------------------------
// Compounds (mirrors src/search/compound.rs)

export const MIN_PART = 3;
export const MIN_WORD = 6;
// Mirrors MAX_WORD in src/search/compound.rs: longer strings are not compounds.
export const MAX_WORD = 48;
const MAX_DEPTH = 2;
const MAX_ENDING = 3;
export const MAX_EXTENSION = 2;

const stemOf = (w) => {
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
function headAt(chars, i, vocab) {
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

// ---------------------------------------------------------------------------
// Scoring

/** BM25's idf, never negative. */
export function idf(df, n) {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Adds `weight` × the term's score to `scores` (Map entry → score) for
 * every entry in its posting list `[df, Δentry, mask, q…, …]`.
 */
export function scorePostings(postings, boosts, n, weight, scores) {
  const w = weight * idf(postings[0], n);
  let entry = 0;
  let i = 1;
  while (i < postings.length) {
    entry += postings[i];
    let mask = postings[i + 1];
    i += 2;
    let s = 0;
    for (let f = 0; mask !== 0; f++, mask >>= 1) {
      if (mask & 1) s += boosts[f] * postings[i++];
    }
    const v = (w * s) / 100;
    const old = scores.get(entry);
    if (old === undefined || v > old) scores.set(entry, v);
  }
}

const EXPANSIONS = 24;

/**
 * The alternatives for one query word: its stem (weight 1), terms that
 * start with it (less, the longer they are), and — scored separately — the
 * parts of a compound. `source` is a vocabulary that can also list terms by
 * prefix. Returns { alts: [{ term, weight }], parts: [[{ term, weight }]] }.
 */
export function wordAlternatives(word, source) {
  const alts = [];
  const stem = word.stem;
  if (source.contains(stem)) alts.push({ term: stem, weight: 1 });
  const minPrefix = word.prefix ? 2 : 4;
  if (Array.from(stem).length >= minPrefix) {
    const scale = word.prefix ? 0.9 : 0.6;
    const found = [];
    for (const t of source.withPrefix(stem)) if (t !== stem) found.push(t);
    found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    for (const t of found.slice(0, EXPANSIONS)) {
      alts.push({ term: t, weight: scale * (stem.length / t.length) });
    }
  }
  const parts = splitCompound(stem, source).map((p) => {
    const group = [{ term: p, weight: 1 }];
    for (const t of source.withPrefix(p)) {
      if (t !== p && Array.from(t).length <= Array.from(p).length + MAX_EXTENSION) {
        group.push({ term: t, weight: 0.6 * (p.length / t.length) });
      }
    }
    return group;
  });
  return { alts, parts };
}

/** Weight of a compound's parts relative to an exact match. */
export const COMPOUND_WEIGHT = 0.5;
/** Score that puts an exact document-id match first. */
export const ID_BONUS = 1000;

/**
 * Scores entries for analysed query words. `postingsOf(term)` returns a
 * posting list or undefined. Returns Map entry → score.
 */
export function scoreEntries(words, source, postingsOf, meta) {
  const { boosts, entries: n } = meta;
  const total = new Map();
  const matched = new Map();
  const terms = [];
  for (const word of words) {
    const { alts, parts } = wordAlternatives(word, source);
    const best = new Map();
    for (const a of alts) {
      const p = postingsOf(a.term);
      if (p) scorePostings(p, boosts, n, a.weight, best);
      terms.push(a.term);
    }
    if (parts.length > 0) {
      const sum = new Map();
      for (const group of parts) {
        const partBest = new Map();
        for (const a of group) {
          const p = postingsOf(a.term);
          if (p) scorePostings(p, boosts, n, a.weight, partBest);
          terms.push(a.term);
        }
        for (const [e, v] of partBest) sum.set(e, (sum.get(e) || 0) + v);
      }
      for (const [e, v] of sum) {
        const c = (COMPOUND_WEIGHT * v) / parts.length;
        if (c > (best.get(e) || 0)) best.set(e, c);
      }
    }
    for (const [e, v] of best) {
      total.set(e, (total.get(e) || 0) + v);
      matched.set(e, (matched.get(e) || 0) + 1);
    }
  }
  // Entries that match more of the query's words rank higher.
  for (const [e, v] of total) {
    const coord = matched.get(e) / words.length;
    total.set(e, v * coord * coord);
  }
  // Two words written apart may be one compound in the text: "klassning
  // av information" → informationsklassning.
  for (const term of joinedCompounds(words, source)) {
    const p = postingsOf(term);
    if (!p) continue;
    const bonus = new Map();
    scorePostings(p, boosts, n, 1, bonus);
    for (const [e, v] of bonus) total.set(e, (total.get(e) || 0) + v);
    terms.push(term);
  }
  return { scores: total, terms };
}

/** Terms that join two adjacent query words, either order, with or without a linking s. */
export function joinedCompounds(words, source) {
  const out = new Set();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i], words[i + 1]];
    for (const [x, y] of [[a, b], [b, a]]) {
      for (const link of ['', 's']) {
        const t = svStem(x.stem + link + y.surface);
        if (source.contains(t)) out.add(t);
      }
    }
  }
  return [...out];
}

// ---------------------------------------------------------------------------
// Pages and facets

/** First entry of every page, from pages.json's entry counts. */
export function pageStarts(counts) {
  const starts = new Array(counts.length);
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    starts[i] = s;
    s += counts[i];
  }
  return starts;
}

/** The page an entry belongs to (binary search in `starts`). */
export function pageOf(entry, starts) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= entry) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Groups entry scores by page: [{ page, score, entries: [{ entry, score }] }],
 * best page first; a page's entries best first.
 */
export function groupByPage(scores, starts) {
  const pages = new Map();
  for (const [entry, score] of scores) {
    const page = pageOf(entry, starts);
    let g = pages.get(page);
    if (!g) {
      g = { page, score: 0, entries: [] };
      pages.set(page, g);
    }
    g.entries.push({ entry, score });
    if (score > g.score) g.score = score;
  }
  const out = [...pages.values()];
  for (const g of out) g.entries.sort((a, b) => b.score - a.score || a.entry - b.entry);
  out.sort((a, b) => b.score - a.score || a.page - b.page);
  return out;
}

export const FACETS = ['type', 'role', 'area', 'unit', 'status'];

/** The facet values of page `p` as arrays of value indices. */
function pageValues(pagesData, facet, p) {
  const v = pagesData[facet][p];
  if (Array.isArray(v)) {
    // A page for no particular unit applies to every unit.
    if (facet === 'unit' && v.length === 0) return null;
    return v;
  }
  return [v];
}

function matchesFacet(pagesData, facet, p, selected) {
  if (!selected || selected.size === 0) return true;
  const values = pageValues(pagesData, facet, p);
  if (values === null) return true;
  return values.some((v) => selected.has(v));
}

/**
 * Filters results by the selected facet values (a Map facet → Set of value
 * indices; OR within a facet, AND across facets) and counts, for every
 * facet value, the results it would give (ignoring that facet's own
 * selection, so choices within a facet stay visible).
 */
export function applyFacets(results, pagesData, selected, sizes) {
  const filtered = results.filter((r) =>
    FACETS.every((f) => matchesFacet(pagesData, f, r.page, selected.get(f))),
  );
  const counts = {};
  for (const facet of FACETS) {
    const c = new Array(sizes[facet] || 0).fill(0);
    for (const r of results) {
      const others = FACETS.every(
        (f) => f === facet || matchesFacet(pagesData, f, r.page, selected.get(f)),
      );
      if (!others) continue;
      const values = pageValues(pagesData, facet, r.page);
      if (values === null) for (let i = 0; i < c.length; i++) c[i]++;
      else for (const v of values) if (v < c.length) c[v]++;
    }
    counts[facet] = c;
  }
  return { results: filtered, counts };
}

// ---------------------------------------------------------------------------
// Highlighting and snippets

/**
 * A matcher for the words to highlight: a word is a hit when its stem is
 * one of the matched terms, or starts with a word being typed.
 */
export function makeMatcher(terms, words) {
  const set = new Set(terms);
  const prefixes = words.filter((w) => w.prefix).map((w) => w.stem);
  return (word) => {
    const s = stemOf(word);
    if (s === null) return false;
    if (set.has(s)) return true;
    for (const t of set) if (Array.from(t).length >= 4 && s.startsWith(t)) return true;
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

// ---------------------------------------------------------------------------
// The whole search

/**
 * An index reader over `load(path) → Promise<json>` (paths relative to
 * sok/data/). Files are loaded once.
 */
export function createSearcher(load) {
  const cache = new Map();
  const get = (path) => {
    if (!cache.has(path)) {
      const p = Promise.resolve(load(path));
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return cache.get(path);
  };
  let base = null;
  const ready = async () => {
    if (!base) {
      base = Promise.all([get('meta.json'), get('pages.json')]).then(([meta, pages]) => ({
        meta,
        pages,
        keys: new Set(meta.shards),
        starts: pageStarts(pages.n),
      }));
      base.catch(() => {
        base = null;
      });
    }
    return base;
  };
  const shard = (key) => get(`t/k${encodeKey(key)}.json`);

  /** Loads the shards `wanted` and returns a vocabulary over all loaded terms. */
  async function vocabularyFor(wanted, loaded) {
    await Promise.all(
      [...wanted].filter((k) => !loaded.has(k)).map(async (k) => loaded.set(k, await shard(k))),
    );
    const all = new Map();
    for (const data of loaded.values()) for (const t of Object.keys(data)) all.set(t, data[t]);
    const sorted = [...all.keys()].sort();
    return { vocab: sortedVocabulary(sorted), postings: all };
  }

  /** Runs a query; resolves to { results, terms, words, meta, pages }. */
  async function search(query, options = {}) {
    const b = await ready();
    const { words, ids } = analyzeQuery(query, options);
    const loaded = new Map();
    const own = words.flatMap((w) => shardsForPrefix(w.stem, b.keys, w.prefix ? 6 : 4));
    let { vocab, postings } = await vocabularyFor(new Set(own), loaded);
    // Compound parts can live in other shards: first the shards of every
    // possible first part (prefixes of the word), then those of the rest
    // after each first part that is a known term.
    const long = words.map((w) => Array.from(w.stem)).filter((c) => c.length >= MIN_WORD);
    const prefixKeys = (chars) => {
      const out = [];
      for (let i = MIN_PART; i <= chars.length - MIN_PART; i++) {
        const k = shardFor(chars.slice(0, i).join(''), b.keys);
        if (k !== null) out.push(k);
      }
      return out;
    };
    const missing = (ks) => ks.filter((k) => !loaded.has(k));
    let extra = missing(long.flatMap(prefixKeys));
    if (extra.length > 0) ({ vocab, postings } = await vocabularyFor(new Set(extra), loaded));
    const tails = [];
    for (const chars of long) {
      for (let i = MIN_PART; i <= chars.length - MIN_PART; i++) {
        if (headAt(chars, i, vocab) === null) continue;
        tails.push(chars.slice(i));
        if (chars[i] === 's') tails.push(chars.slice(i + 1));
      }
    }
    extra = missing(
      tails.flatMap((t) => [...shardsForPrefix(t.join(''), b.keys, 3), ...prefixKeys(t)]),
    );
    if (extra.length > 0) ({ vocab, postings } = await vocabularyFor(new Set(extra), loaded));
    const { scores, terms } = scoreEntries(words, vocab, (t) => postings.get(t), b.meta);
    for (const id of ids) {
      const bucket = await get(`id/${fnv1a(id) % b.meta.idBuckets}.json`);
      const page = bucket[id];
      if (page !== undefined) {
        const e = b.starts[page];
        scores.set(e, (scores.get(e) || 0) + ID_BONUS);
      }
    }
    return { results: groupByPage(scores, b.starts), terms, words, meta: b.meta, pages: b.pages };
  }

  /** The stored page `p`: [url, title, id, summary, version, [[anchor, heading, excerpt]…]]. */
  async function page(p) {
    const b = await ready();
    const chunk = await get(`s/${Math.floor(p / b.meta.chunkPages)}.json`);
    return chunk[p % b.meta.chunkPages];
  }

  return { search, page, ready };
}
