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


import { analyzeQuery, synonymIndex, expandSynonyms, correctQuery } from './search-query.js';
import { typoKeys, typoLimit, termKey, compoundSplits, bestCorrection, shownCorrection, endingsOff } from './search-typo.js';
import { MIN_PART, MIN_WORD, headAt, sortedVocabulary, stemOf } from './search-compound.js';
import { scoreEntries, isCommon, ID_BONUS } from './search-score.js';
import { pageStarts, topEntries, groupByPage } from './search-results.js';

export * from './search-query.js';
export * from './search-compound.js';
export * from './search-score.js';
export * from './search-results.js';
export * from './search-highlight.js';
export * from './search-typo.js';

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

/** The key prefix of a common term's own shard (`=får`). */
const OWN = '=';

/**
 * The shard holding `term`: its own shard if it is a common term, else the
 * longest key that is a prefix of it.
 */
export function shardFor(term, keys) {
  if (keys.has(OWN + term)) return OWN + term;
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
    const term = k.startsWith(OWN) ? k.slice(OWN.length) : k;
    if (term.length > prefix.length && term.startsWith(prefix)) out.push(k);
  }
  return out;
}

/** Shards of terms that start with the word being typed, and with any other word. */
const TYPING_SHARDS = 6;
const WORD_SHARDS = 1;

/**
 * The shards a query's words need: for each word (each word of a phrase)
 * the shard of its stem and a few of longer terms starting with it; for a
 * synonym's words only the shard of their stem (a synonym is matched
 * exactly, see search-score.js).
 */
export function ownShards(words, keys) {
  const out = [];
  for (const w of words) {
    for (const x of w.phrase || [w]) {
      out.push(...shardsForPrefix(x.stem, keys, x.prefix ? TYPING_SHARDS : WORD_SHARDS));
    }
    for (const p of w.synonyms || []) for (const x of p) out.push(...shardsForPrefix(x.stem, keys, 1));
  }
  return out;
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
      base = Promise.all([get('meta.json'), get('pages.json')]).then(([meta, pages]) => {
        const retired = (meta.facets.status || []).findIndex((v) => v[0] === 'retired');
        return {
          meta,
          pages,
          keys: new Set(meta.shards),
          starts: pageStarts(pages.n),
          tops: topEntries(pages.n),
          synonyms: synonymIndex(meta.synonyms),
          ranking: { prior: pages.prior, retired: (p) => pages.status[p] === retired },
        };
      });
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

  /**
   * The vocabulary for a query's words: the shards of their stems (see
   * `ownShards`), then —
   * compound parts can live in other shards — those of every possible
   * first part (prefixes of a long word), then those of the rest after
   * each first part that is a known term.
   */
  async function vocabularyOf(words, long, b, loaded) {
    const own = ownShards(words, b.keys);
    let found = await vocabularyFor(new Set(own), loaded);
    long = long.filter((chars) => !isCommon(found.postings.get(chars.join(''))));
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
    if (extra.length > 0) found = await vocabularyFor(new Set(extra), loaded);
    const tails = [];
    for (const chars of long) {
      for (let i = MIN_PART; i <= chars.length - MIN_PART; i++) {
        if (headAt(chars, i, found.vocab) === null) continue;
        tails.push(chars.slice(i));
        if (chars[i] === 's') tails.push(chars.slice(i + 1));
      }
    }
    extra = missing(
      tails.flatMap((t) => [...shardsForPrefix(t.join(''), b.keys, 3), ...prefixKeys(t)]),
    );
    if (extra.length > 0) found = await vocabularyFor(new Set(extra), loaded);
    return found;
  }

  /** The page of document id `id`, or undefined. */
  async function idPage(id, b) {
    const bucket = await get(`id/${fnv1a(id) % b.meta.idBuckets}.json`);
    return bucket[id];
  }

  /** Scores analysed words (synonyms attached here) against the index. */
  async function scoreWords(raw, b) {
    const words = expandSynonyms(raw, b.synonyms);
    const long = words
      .filter((w) => !w.phrase)
      .map((w) => Array.from(w.stem))
      .filter((c) => c.length >= MIN_WORD);
    const { vocab, postings } = await vocabularyOf(words, long, b, new Map());
    return { words, ...scoreEntries(words, vocab, (t) => postings.get(t), b.meta, b.tops) };
  }

  /** The typo term lists `keys` (those the build wrote), loaded. */
  async function typoLists(keys, b) {
    const available = new Set(b.meta.typoKeys || []);
    const wanted = [...new Set(keys)].filter((k) => available.has(k));
    return Promise.all(wanted.map((k) => get(`v/${encodeKey(k)}.json`)));
  }

  /** True when `term` is in the typo term lists (an index term of 3–40 letters). */
  async function isTerm(term, b) {
    if (!term) return false;
    const [list = []] = await typoLists([termKey(term)], b);
    return list.includes(term);
  }

  /**
   * The closest index term to a word (as typed and its stem) within the
   * edits its length allows, at most `max`: { term, text } (the term and
   * the word to show), or null. Only the lists of the lengths a correction
   * can have are loaded.
   */
  async function closest(surface, stem, b, max = 2, more = []) {
    const limit = Math.min(max, typoLimit(Array.from(surface).length));
    if (limit === 0) return null;
    // The stem first: on a tie the typed ending goes back on the term.
    const forms = [...new Set([stem, ...more, surface].filter(Boolean))];
    const lists = await typoLists(forms.flatMap((f) => typoKeys(f, limit)), b);
    const best = bestCorrection(forms, lists, limit);
    return best ? { term: best.term, text: shownCorrection(surface, best) } : null;
  }

  /**
   * A compound whose last part is misspelt ("lösenordsbtye"): a first part
   * that is a term (before a linking s, a word whose stem is one), the
   * link, and the closest term to the rest; { term, text } or null.
   */
  async function compoundFix(word, b) {
    for (const { head, link, tail } of compoundSplits(word)) {
      const known = (await isTerm(head, b)) || (link !== '' && (await isTerm(stemOf(head), b)));
      if (!known) continue;
      const fix = await closest(tail, stemOf(tail), b, 2, endingsOff(tail));
      if (fix) {
        const text = head + link + fix.text;
        return { term: stemOf(text) || text, text };
      }
    }
    return null;
  }

  /**
   * Corrections for query words: position → { term, text }, the closest
   * index term (at most `max` edits), else, with `compounds`, a compound
   * read as a known first part and a corrected rest.
   */
  async function corrections(words, b, { max = 2, compounds = true } = {}) {
    const fixes = new Map();
    for (const w of words) {
      if (w.phrase || w.pos === undefined) continue;
      const fix = (await closest(w.surface, w.stem, b, max)) || (compounds ? await compoundFix(w.surface, b) : null);
      if (fix) fixes.set(w.pos, fix);
    }
    return fixes;
  }

  /**
   * Corrections for a scored query: the words that found nothing, and —
   * one slip only — the words found only as compound parts, which are
   * often a misspelt compound the site has whole ("säkerhetskopering"
   * split into säkerhetskopi + per).
   */
  async function queryFixes(scored, b) {
    const fixes = await corrections(scored.missed, b);
    const parts = await corrections(scored.partsOnly, b, { max: 1, compounds: false });
    for (const [pos, fix] of parts) fixes.set(pos, fix);
    return fixes;
  }

  /**
   * Runs a query; resolves to { results, terms, parts, words, meta, pages,
   * idMatch, correction }. A query that is exactly a document id gives
   * that document alone (`idMatch`: its id as written). When a word finds
   * nothing, the closest index term stands in for it (unless
   * `options.exact`): `correction` is then { query, original }.
   */
  async function search(query, options = {}) {
    const b = await ready();
    const analysed = analyzeQuery(query, options);
    const whole = query.trim().toLowerCase();
    if (analysed.ids.includes(whole)) {
      const page = await idPage(whole, b);
      if (page !== undefined) {
        const results = [{ page, score: ID_BONUS, entries: [{ entry: b.starts[page], score: ID_BONUS }] }];
        const words = analysed.words;
        const found = { results, terms: [], parts: [], words, meta: b.meta, pages: b.pages };
        return { ...found, idMatch: query.trim(), correction: null };
      }
    }
    let scored = await scoreWords(analysed.words, b);
    let correction = null;
    if ((scored.missed.length > 0 || scored.partsOnly.length > 0) && !options.exact) {
      const fixes = await queryFixes(scored, b);
      if (fixes.size > 0) {
        const raw = analysed.words.map((w) => {
          const fix = fixes.get(w.pos);
          return fix ? { surface: fix.text, stem: fix.term, prefix: false, pos: w.pos } : w;
        });
        scored = await scoreWords(raw, b);
        const shown = new Map([...fixes].map(([pos, fix]) => [pos, fix.text]));
        correction = { query: correctQuery(query, analysed.words, shown), original: query };
      }
    }
    const pinned = new Set();
    for (const id of analysed.ids) {
      const page = await idPage(id, b);
      if (page !== undefined) {
        pinned.add(page);
        const e = b.starts[page];
        scored.scores.set(e, (scored.scores.get(e) || 0) + ID_BONUS);
      }
    }
    const results = groupByPage(scored.scores, b.starts, { heads: scored.heads, pinned, ...b.ranking });
    const { terms, parts, words, capped } = scored;
    const found = { results, terms, parts, words, meta: b.meta, pages: b.pages };
    return { ...found, idMatch: null, correction, atLeast: capped };
  }

  /** The stored page `p`: [url, title, id, summary, version, [[anchor, heading, excerpt]…]]. */
  async function page(p) {
    const b = await ready();
    const chunk = await get(`s/${Math.floor(p / b.meta.chunkPages)}.json`);
    return chunk[p % b.meta.chunkPages];
  }

  return { search, page, ready };
}
