// search-typo.js: typo tolerance for the browser search. When a query word
// finds nothing, the terms of the index within a small edit distance are
// tried instead (1 edit, 2 for long words; a swap of two neighbouring
// letters counts as one). The build writes the terms by first letter,
// most frequent first (sok/data/v/<key>.json, see src/search/vocabulary.rs),
// and only a query with a miss loads them. No DOM; tested in
// tests/js/search-typo.test.js.

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

/**
 * The first letters whose term lists can hold a correction of `word`: its
 * own first letter and its second (a dropped or swapped first letter).
 */
export function typoKeys(word) {
  const chars = Array.from(word);
  const out = [chars[0]];
  if (chars.length > 1 && chars[1] !== chars[0]) out.push(chars[1]);
  return out;
}

/**
 * The best correction of `forms` (the word as typed and its stem) among
 * `lists` (arrays of terms, most frequent first): the fewest edits, then
 * the more frequent term. Null when nothing is close enough.
 */
export function bestCorrection(forms, lists) {
  const variants = [...new Set(forms)]
    .map((f) => Array.from(f))
    .map((chars) => ({ chars, limit: typoLimit(chars.length) }))
    .filter((v) => v.limit > 0);
  if (variants.length === 0) return null;
  let best = null;
  for (const list of lists) {
    for (let rank = 0; rank < list.length; rank++) {
      const term = list[rank];
      const t = Array.from(term);
      let d = Infinity;
      for (const v of variants) {
        const e = editDistance(v.chars, t, v.limit);
        if (e <= v.limit && e < d) d = e;
      }
      if (d === 0 || d === Infinity) continue;
      if (best === null || d < best.distance || (d === best.distance && rank < best.rank)) {
        best = { term, distance: d, rank };
      }
    }
  }
  return best;
}
