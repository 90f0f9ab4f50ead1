// search-results.js: from entry scores to ranked pages (with each page's
// prior and retired documents last) and the facets that filter them. No
// DOM; tested in tests/js/search-core.test.js.

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

/** 1 for every page's top entry, 0 for its sections, from pages.json's entry counts. */
export function topEntries(counts) {
  let total = 0;
  for (const c of counts) total += c;
  const tops = new Uint8Array(total);
  let s = 0;
  for (const c of counts) {
    if (c > 0) tops[s] = 1;
    s += c;
  }
  return tops;
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

/** How much the head fields of a page's top entry (title, id, summary) add. */
export const ABOUT_WEIGHT = 0.5;

/**
 * Groups entry scores by page: [{ page, score, entries: [{ entry, score }] }],
 * best page first; a page's entries best first. A page scores its best
 * entry, plus ABOUT_WEIGHT × what its title and summary matched (`heads`,
 * the page whose title carries the word is about it), times its prior
 * (pages.json `prior`, 1–100). Pages for which `retired(page)` holds come
 * after every other page, unless `pinned` (a Set) holds them: a document
 * asked for by its id stays findable.
 */
export function groupByPage(scores, starts, { heads = null, prior = null, retired = null, pinned = null } = {}) {
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
  for (const g of out) {
    g.entries.sort((a, b) => b.score - a.score || a.entry - b.entry);
    if (heads) g.score += ABOUT_WEIGHT * (heads.get(starts[g.page]) || 0);
    if (prior && prior[g.page] !== undefined) g.score *= prior[g.page] / 100;
    g.retired = retired !== null && retired(g.page) && !(pinned && pinned.has(g.page));
  }
  out.sort((a, b) => a.retired - b.retired || b.score - a.score || a.page - b.page);
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
 * selection, so choices within a facet stay visible). `totals[facet]` is
 * the number of results those counts are out of: a value counting all of
 * them would not narrow anything.
 */
export function applyFacets(results, pagesData, selected, sizes) {
  const filtered = results.filter((r) =>
    FACETS.every((f) => matchesFacet(pagesData, f, r.page, selected.get(f))),
  );
  const counts = {};
  const totals = {};
  for (const facet of FACETS) {
    const c = new Array(sizes[facet] || 0).fill(0);
    let total = 0;
    for (const r of results) {
      const others = FACETS.every(
        (f) => f === facet || matchesFacet(pagesData, f, r.page, selected.get(f)),
      );
      if (!others) continue;
      total += 1;
      const values = pageValues(pagesData, facet, r.page);
      if (values === null) for (let i = 0; i < c.length; i++) c[i]++;
      else for (const v of values) if (v < c.length) c[v]++;
    }
    counts[facet] = c;
    totals[facet] = total;
  }
  return { results: filtered, counts, totals };
}
