// search-typo.js: typo tolerance for the browser search. When a query word
// finds nothing, the terms of the index within a small edit distance are
// tried instead (1 edit, 2 for long words; a swap of two neighbouring
// letters counts as one). The build writes the terms by first letter and
// length, most frequent first (sok/data/v/<key>.json, see
// src/search/vocabulary.rs), and only a query with a miss loads the few
// lengths a correction can have. A compound whose last part is misspelt
// ("lösenordsbtye") is corrected part by part: a head that is a word of the
// site, perhaps a linking s, and the closest term to the rest. No DOM;
// tested in tests/js/search-typo.test.js.

/** Words of at least this many letters may have two slips. */
export const LONG_WORD = 8;
/** Shorter words are not corrected (too many near neighbours). */
export const MIN_TYPO_WORD = 4;

/** The edits allowed for a word of `length` letters. */
export function typoLimit(length) {
  if (length < MIN_TYPO_WORD) return 0;
  return length >= LONG_WORD ? 2 : 1;
}

/**
 * Edit distance between `a` and `b` (arrays of characters) with adjacent
 * transpositions (optimal string alignment), or `max + 1` as soon as it is
 * known to exceed `max`.
 */
export function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** The build lists no shorter terms (src/search/vocabulary.rs MIN_CHARS). */
export const MIN_TERM = 3;
/** The shortest head and misspelt tail a compound is corrected by. */
export const MIN_HEAD = 4;
export const MIN_TAIL = 4;

/** The key of the term list that holds `term`: its first letter and length. */
export function termKey(term) {
  const chars = Array.from(term);
  return `${chars[0]}${chars.length}`;
}

/**
 * The term lists that can hold a correction of `word` with at most `limit`
 * edits (by default as many as its length allows): those of its own first
 * letter and its second (a swapped first letter), at every length within
 * the limit. None for a word too short to correct.
 */
export function typoKeys(word, limit = typoLimit(Array.from(word).length)) {
  const chars = Array.from(word);
  if (limit === 0 || chars.length === 0) return [];
  const letters = [chars[0]];
  if (chars.length > 1 && chars[1] !== chars[0]) letters.push(chars[1]);
  const out = [];
  for (const letter of letters) {
    for (let n = Math.max(MIN_TERM, chars.length - limit); n <= chars.length + limit; n++) {
      out.push(`${letter}${n}`);
    }
  }
  return out;
}

/**
 * The ways to read `word` as a head, perhaps a linking s, and a tail that
 * may be misspelt, longest head first ("lösenordsbtye": … lösenord + s +
 * btye …). Which heads are words is for the caller to ask.
 */
export function compoundSplits(word) {
  const chars = Array.from(word);
  const out = [];
  for (let i = chars.length - MIN_TAIL; i >= MIN_HEAD; i--) {
    const head = chars.slice(0, i).join('');
    const rest = chars.slice(i);
    if (rest[0] === 's' && rest.length - 1 >= MIN_TAIL) {
      out.push({ head, link: 's', tail: rest.slice(1).join('') });
    }
    out.push({ head, link: '', tail: rest.join('') });
  }
  return out;
}

/** Endings the stemmer would take off a word it recognised. */
const ENDINGS = ['e', 'a', 'en', 'et', 'er', 'ar', 'or', 'na'];

/** `word` without each ending it has, leaving at least MIN_TERM letters. */
export function endingsOff(word) {
  const chars = Array.from(word);
  return ENDINGS.filter((e) => word.endsWith(e) && chars.length - e.length >= MIN_TERM)
    .map((e) => chars.slice(0, chars.length - e.length).join(''));
}

/**
 * The best correction of `forms` (the word as typed and its stem) among
 * `lists` (arrays of terms, most frequent first): the fewest edits, then
 * the more frequent term. Each form may have at most `limit` edits (by
 * default as many as its own length allows). Returns { term, distance,
 * rank, form } (`form`: the one it is close to), or null when nothing is
 * close enough.
 */
export function bestCorrection(forms, lists, limit = null) {
  const variants = [...new Set(forms)]
    .map((form) => ({ form, chars: Array.from(form) }))
    .map((v) => ({ ...v, limit: limit === null ? typoLimit(v.chars.length) : limit }))
    .filter((v) => v.limit > 0);
  if (variants.length === 0) return null;
  let best = null;
  for (const list of lists) {
    for (let rank = 0; rank < list.length; rank++) {
      const term = list[rank];
      const t = Array.from(term);
      let d = Infinity;
      let form = null;
      for (const v of variants) {
        const e = editDistance(v.chars, t, v.limit);
        if (e <= v.limit && e < d) [d, form] = [e, v.form];
      }
      if (d === 0 || d === Infinity) continue;
      if (best === null || d < best.distance || (d === best.distance && rank < best.rank)) {
        best = { term, distance: d, rank, form };
      }
    }
  }
  return best;
}

/**
 * The word to show for a correction `term` (an index term, a stem) of
 * `surface` as typed: when the term was found close to the stem, the
 * typed ending goes back on ("tysnadsplikt": stem tysnadsplik → term
 * tystnadsplik → "tystnadsplikt").
 */
export function shownCorrection(surface, best) {
  if (best.form === surface || !surface.startsWith(best.form)) return best.term;
  return best.term + surface.slice(best.form.length);
}
