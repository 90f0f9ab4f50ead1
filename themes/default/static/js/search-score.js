// search-score.js: scoring for the browser search. A query's words become
// alternatives (the stem, terms starting with it, compound parts, synonyms,
// typo corrections) whose BM25-like weights from the term shards are summed
// per entry. No DOM; tested in tests/js/search-core.test.js and
// tests/js/search-ranking.test.js.

import { stem as svStem } from './sv-text.js';
import { splitCompound, MAX_EXTENSION } from './search-compound.js';

/** BM25's idf, never negative. */
export function idf(df, n) {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Fields that say what a page is about: title, id, summary (in FIELDS order). */
export const HEAD_FIELDS = 3;

/**
 * Adds `weight` × the term's score to `scores` (Map entry → score) for
 * every entry in its posting list `[df, Δentry, mask, q…, …]`, keeping the
 * best per entry. With `heads`, the part that comes from the head fields
 * (title, id, summary) goes there too, for the entries `tops` marks with 1
 * (a page's top entry; all entries without `tops`).
 */
export function scorePostings(postings, boosts, n, weight, scores, heads = null, tops = null) {
  const w = weight * idf(postings[0], n);
  let entry = 0;
  let i = 1;
  while (i < postings.length) {
    entry += postings[i];
    let mask = postings[i + 1];
    i += 2;
    let s = 0;
    let h = 0;
    for (let f = 0; mask !== 0; f++, mask >>= 1) {
      if (mask & 1) {
        const v = boosts[f] * postings[i++];
        s += v;
        if (f < HEAD_FIELDS) h += v;
      }
    }
    const v = (w * s) / 100;
    const old = scores.get(entry);
    if (old === undefined || v > old) scores.set(entry, v);
    if (heads && h > 0 && (tops === null || tops[entry] === 1)) {
      const hv = (w * h) / 100;
      if (hv > (heads.get(entry) || 0)) heads.set(entry, hv);
    }
  }
}

/**
 * Whether a posting list holds fewer entries than its term occurs in (the
 * build keeps only a common term's highest-weighted entries), so a count
 * of hits is a lower bound.
 */
export function isCapped(postings) {
  let kept = 0;
  let i = 1;
  while (i < postings.length) {
    let mask = postings[i + 1];
    i += 2;
    for (; mask !== 0; mask >>= 1) if (mask & 1) i++;
    kept++;
  }
  return postings[0] > kept;
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

/** Expansions a synonym's word gets when it is not a term itself. */
const SYNONYM_EXPANSIONS = 3;

/**
 * A synonym's word: its stem, or else the few shortest terms that start
 * with it (a synonym widens the query; it must not flood it).
 */
export function synonymAlternatives(word, source) {
  if (source.contains(word.stem)) return [{ term: word.stem, weight: 1 }];
  return wordAlternatives(word, source).alts.slice(0, SYNONYM_EXPANSIONS);
}

/**
 * A compound that this many entries use is found by its own term: its
 * parts need not be looked up (which would load more shards) to find
 * pages that write them apart.
 */
export const COMMON_COMPOUND = 20;

/** True when a posting list (or undefined) belongs to a term at least COMMON_COMPOUND entries have. */
export function isCommon(postings) {
  return postings !== undefined && postings[0] >= COMMON_COMPOUND;
}

/** Weight of a compound's parts relative to an exact match. */
export const COMPOUND_WEIGHT = 0.5;
/** Weight of a synonym relative to the word itself. */
export const SYNONYM_WEIGHT = 0.85;
/** Score that puts an exact document-id match first. */
export const ID_BONUS = 1000;

/** Entry scores of one query word, with their head-field parts. */
class WordScore {
  constructor(ctx) {
    this.ctx = ctx;
    this.best = new Map();
    this.heads = new Map();
  }

  /** Scores alternatives `alts` scaled by `weight` into `into` (default: this word). */
  add(alts, weight, into = this) {
    const { postingsOf, boosts, n, terms, tops } = this.ctx;
    for (const a of alts) {
      const p = postingsOf(a.term);
      if (p) scorePostings(p, boosts, n, weight * a.weight, into.best, into.heads, tops);
      terms.add(a.term);
    }
  }

  /** Several groups that must occur together (compound parts, a phrase), averaged. */
  addTogether(groups, weight, record) {
    const sum = new WordScore({ ...this.ctx, terms: record });
    for (const group of groups) {
      const one = new WordScore({ ...this.ctx, terms: record });
      one.add(group, 1);
      for (const [e, v] of one.best) sum.best.set(e, (sum.best.get(e) || 0) + v);
      for (const [e, v] of one.heads) sum.heads.set(e, (sum.heads.get(e) || 0) + v);
    }
    const k = weight / groups.length;
    for (const [e, v] of sum.best) if (k * v > (this.best.get(e) || 0)) this.best.set(e, k * v);
    for (const [e, v] of sum.heads) if (k * v > (this.heads.get(e) || 0)) this.heads.set(e, k * v);
  }
}

/**
 * Scores entries for analysed query words. `postingsOf(term)` returns a
 * posting list or undefined. A word may carry `synonyms`: phrases (lists
 * of analysed words) that mean the same. Returns { scores, heads, terms,
 * parts, missed, partsOnly }: Map entry → score, Map entry → the part of
 * it from the head fields, the matched terms to highlight, the compound
 * parts matched, the words that found nothing and the words found only as
 * compound parts (perhaps a misspelt compound: "säkerhetskopering").
 */
export function scoreEntries(words, source, postingsOf, meta, tops = null) {
  const { boosts, entries: n } = meta;
  const terms = new Set();
  const parts = new Set();
  const ctx = { postingsOf, boosts, n, terms, tops };
  const total = new Map();
  const heads = new Map();
  const matched = new Map();
  const missed = [];
  const partsOnly = [];
  for (const word of words) {
    const w = new WordScore(ctx);
    if (word.phrase) {
      w.addTogether(word.phrase.map((x) => wordAlternatives(x, source).alts), 1, terms);
    } else {
      const own = wordAlternatives(word, source);
      w.add(own.alts, 1);
      const direct = w.best.size > 0;
      const split = own.parts.length > 0 && !isCommon(postingsOf(word.stem));
      if (split) w.addTogether(own.parts, COMPOUND_WEIGHT, parts);
      if (!direct && w.best.size > 0 && !(word.synonyms || []).length) partsOnly.push(word);
    }
    for (const phrase of word.synonyms || []) {
      const alts = phrase.map((x) => synonymAlternatives(x, source));
      if (alts.length === 1) w.add(alts[0], SYNONYM_WEIGHT);
      else if (alts.every((a) => a.length > 0)) w.addTogether(alts, SYNONYM_WEIGHT, terms);
    }
    if (w.best.size === 0) missed.push(word);
    for (const [e, v] of w.best) {
      total.set(e, (total.get(e) || 0) + v);
      matched.set(e, (matched.get(e) || 0) + 1);
    }
    for (const [e, v] of w.heads) heads.set(e, (heads.get(e) || 0) + v);
  }
  // Entries that match more of the query's words rank higher.
  for (const [e, v] of total) {
    const coord = (matched.get(e) / words.length) ** 2;
    total.set(e, v * coord);
    if (heads.has(e)) heads.set(e, heads.get(e) * coord);
  }
  // Two words written apart may be one compound in the text: "klassning
  // av information" → informationsklassning.
  for (const term of joinedCompounds(words, source)) {
    const p = postingsOf(term);
    if (!p) continue;
    const bonus = new Map();
    const bonusHeads = new Map();
    scorePostings(p, boosts, n, 1, bonus, bonusHeads, tops);
    for (const [e, v] of bonus) total.set(e, (total.get(e) || 0) + v);
    for (const [e, v] of bonusHeads) heads.set(e, (heads.get(e) || 0) + v);
    terms.add(term);
  }
  for (const t of terms) parts.delete(t);
  const capped = [...terms, ...parts].some((t) => {
    const p = postingsOf(t);
    return p !== undefined && isCapped(p);
  });
  return { scores: total, heads, terms: [...terms], parts: [...parts], missed, partsOnly, capped };
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

