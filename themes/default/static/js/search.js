// search.js: the search page (sok/). Reads ?q= and the facet parameters,
// searches while typing, shows results with highlighted snippets, keeps the
// URL shareable, and puts the filters in a disclosure above the results
// ("Filtrera (2)") whose counts follow the current results. All logic is in
// search-core.js; this module only talks to the DOM. Strings come from
// data-t-* attributes that the template fills from the site's language
// table, so nothing here is language-specific. Results are built with
// textContent, never innerHTML.

import {
  createSearcher, applyFacets, makeMatcher, highlight, snippet, FACETS, MIN_HIGHLIGHT_PART,
} from './search-core.js';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;
// URL parameter for each facet (Swedish words in shared links).
const PARAM = { type: 'typ', role: 'roll', area: 'omrade', unit: 'enhet', status: 'status' };
// Search for the query as typed, without typo correction.
const EXACT = 'exakt';
// The terms a result link hands to the page it opens (js/landing.js).
const MARK = 'markera';
const MAX_MARK_TERMS = 24;

const root = document.querySelector('[data-search-index]');
if (root) start(root);

function start(root) {
  const t = (name) => root.dataset[name] || '';
  const form = root.querySelector('.search-page__form');
  const input = root.querySelector('#search-query');
  const status = root.querySelector('#search-status');
  const correction = root.querySelector('#search-correction');
  const list = root.querySelector('#search-results');
  const more = root.querySelector('.search-results__more');
  const filters = root.querySelector('.search-filters');
  const toggle = root.querySelector('.search-filters__toggle');
  const groups = root.querySelector('.search-facets__groups');
  const clear = root.querySelector('.search-facets__clear');
  const base = root.dataset.searchIndex;
  const searcher = createSearcher((path) =>
    fetch(base + path).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${path}`);
      return r.json();
    }),
  );

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  let exact = params.has(EXACT);
  const selected = new Map(FACETS.map((f) => [f, new Set()]));
  let state = null; // last search: { query, found, filtered }
  let shown = 0;
  let generation = 0;
  let timer = 0;

  async function run(typing) {
    const query = input.value;
    const mine = ++generation;
    if (query.trim() === '') {
      state = null;
      list.replaceChildren();
      status.textContent = '';
      correction.hidden = true;
      filters.hidden = true;
      more.hidden = true;
      writeUrl('');
      return;
    }
    status.textContent = t('tSearching');
    try {
      const found = await searcher.search(query, { typing, exact });
      if (mine !== generation) return;
      if (!state) readFacetParams(found.meta);
      state = { query, found };
      writeUrl(query);
      await render();
    } catch (e) {
      if (mine === generation) status.textContent = t('tError');
      console.warn(e);
    }
  }

  function readFacetParams(meta) {
    for (const f of FACETS) {
      const values = meta.facets[f] || [];
      for (const id of params.getAll(PARAM[f])) {
        const k = values.findIndex((v) => v[0] === id);
        if (k >= 0) selected.get(f).add(k);
      }
    }
  }

  function writeUrl(query) {
    const p = new URLSearchParams();
    if (query) p.set('q', query);
    if (query && exact) p.set(EXACT, '1');
    if (state) {
      for (const f of FACETS) {
        for (const k of selected.get(f)) p.append(PARAM[f], state.found.meta.facets[f][k][0]);
      }
    }
    const qs = p.toString();
    history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
  }

  async function render() {
    const { found } = state;
    const sizes = Object.fromEntries(FACETS.map((f) => [f, (found.meta.facets[f] || []).length]));
    const { results, counts, totals } = applyFacets(found.results, found.pages, selected, sizes);
    state.filtered = results;
    renderFacets(found.meta, counts, totals);
    renderCorrection(found.correction);
    list.replaceChildren();
    shown = 0;
    await showMore();
    const n = results.length;
    status.textContent = found.idMatch
      ? t('tDocument').replace('{id}', found.idMatch)
      : n === 0
        ? t('tNoResults')
        : n === 1
          ? t('tResultsOne')
          : t(found.atLeast ? 'tResultsAtLeast' : 'tResultsMany').replace('{n}', n);
  }

  // "Visar träffar för lösenord. Sök i stället på lösenrd": the second part
  // links to the query as typed, without correction.
  function renderCorrection(fix) {
    correction.replaceChildren();
    correction.hidden = !fix;
    if (!fix) return;
    const [before, after] = t('tShowingFor').split('{q}');
    const strong = el('strong');
    strong.textContent = fix.query;
    correction.append(before, strong, after || '', ' ');
    const [pre, post] = t('tInstead').split('{q}');
    const a = el('a');
    const p = new URLSearchParams({ q: fix.original, [EXACT]: '1' });
    a.href = `?${p}`;
    a.textContent = fix.original;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      exact = true;
      input.value = fix.original;
      run(false);
    });
    correction.append(pre, a, post || '');
  }

  async function showMore() {
    const { found, filtered } = state;
    const batch = filtered.slice(shown, shown + PAGE_SIZE);
    const isHit = makeMatcher(found.terms, found.words, found.parts);
    const marks = markTerms(found);
    const items = await Promise.all(batch.map((r) => resultItem(r, isHit, marks)));
    const firstNew = items[0];
    list.append(...items);
    shown += batch.length;
    more.hidden = shown >= filtered.length;
    return firstNew;
  }

  async function resultItem(result, isHit, marks) {
    const [url, title, id, summary, version, entries] = await searcher.page(result.page);
    const meta = state.found.meta;
    const ready = await searcher.ready();
    const local = (e) => entries[e.entry - ready.starts[result.page]];
    const best = local(result.entries[0]);
    const li = el('li', 'search-result');
    const h = el('h3', 'search-result__title');
    const a = el('a');
    a.href = resultHref(url, best[0], marks);
    append(a, highlight(title, isHit));
    if (best[0]) {
      a.append(' › ');
      append(a, highlight(best[1], isHit));
    }
    h.append(a);
    li.append(h);
    li.append(resultMeta(meta, result.page, id, version));
    const text = best[2] || summary;
    if (text) {
      const p = el('p', 'search-result__snippet');
      append(p, highlight(snippet(text, isHit), isHit));
      li.append(p);
    }
    const others = result.entries.slice(1, 4).map(local).filter((x) => x && x[0]);
    if (others.length > 0) {
      const ul = el('ul', 'search-result__sections');
      ul.setAttribute('aria-label', t('tSections'));
      for (const [anchor, heading] of others) {
        const sub = el('a');
        sub.href = resultHref(url, anchor, marks);
        append(sub, highlight(heading, isHit));
        const item = el('li');
        item.append(sub);
        ul.append(item);
      }
      li.append(ul);
    }
    return li;
  }

  // Type · id · version, after a badge when the document is not in force.
  function resultMeta(meta, page, id, version) {
    const info = el('p', 'search-result__meta');
    const type = meta.facets.type[state.found.pages.type[page]];
    const parts = [type ? type[1] : '', id, version ? `v${version}` : ''].filter(Boolean);
    info.textContent = parts.join(' · ');
    const status = meta.facets.status[state.found.pages.status[page]];
    if (status && status[0] !== 'active') {
      const badge = el('span', `search-result__status search-result__status--${status[0]}`);
      badge.textContent = status[1];
      info.prepend(badge, ' ');
    }
    return info;
  }

  function renderFacets(meta, counts, totals) {
    groups.replaceChildren();
    let active = 0;
    for (const f of FACETS) {
      const values = meta.facets[f] || [];
      const c = counts[f];
      const chosen = selected.get(f);
      active += chosen.size;
      // A facet is offered only when one of its values would narrow the
      // results (a unit filter on a site where everything applies to every
      // unit filters nothing), or when it is in use.
      const narrows = c.some((n) => n > 0 && n < totals[f]);
      if (!narrows && chosen.size === 0) continue;
      const visible = values.map((v, k) => [v, k]).filter(([, k]) => c[k] > 0 || chosen.has(k));
      groups.append(facetGroup(f, visible, c));
    }
    filters.hidden = groups.childElementCount === 0;
    toggle.textContent = active > 0 ? t('tFilterActive').replace('{n}', active) : t('tFilter');
    clear.hidden = active === 0;
  }

  function facetGroup(f, visible, c) {
    const fs = el('fieldset', 'search-facet');
    const legend = el('legend');
    legend.textContent = t(`tFacet${f[0].toUpperCase()}${f.slice(1)}`);
    fs.append(legend);
    for (const [[id, label], k] of visible) {
      const box = el('input');
      box.type = 'checkbox';
      box.id = `facet-${f}-${id}`;
      box.checked = selected.get(f).has(k);
      box.addEventListener('change', () => {
        if (box.checked) selected.get(f).add(k);
        else selected.get(f).delete(k);
        writeUrl(state.query);
        render().then(() => document.getElementById(box.id)?.focus());
      });
      const lab = el('label');
      lab.htmlFor = box.id;
      lab.textContent = `${label} (${c[k]})`;
      const row = el('div', 'search-facet__value');
      row.append(box, lab);
      fs.append(row);
    }
    return fs;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run(false);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    exact = false;
    timer = setTimeout(() => run(true), DEBOUNCE_MS);
  });
  more.addEventListener('click', async () => {
    const first = await showMore();
    first?.querySelector('a')?.focus();
  });
  clear.addEventListener('click', () => {
    for (const s of selected.values()) s.clear();
    writeUrl(state ? state.query : '');
    if (state) render().then(() => toggle.focus());
  });

  if (input.value.trim() !== '') run(false);
}

/** The terms a result hands to the page it opens: matched terms, then long compound parts. */
function markTerms(found) {
  const parts = found.parts.filter((p) => Array.from(p).length >= MIN_HIGHLIGHT_PART);
  const terms = [...new Set([...found.terms, ...parts])];
  terms.sort((a, b) => a.length - b.length);
  return terms.slice(0, MAX_MARK_TERMS);
}

/** A result's address: the page, the marks to show there, the section. */
function resultHref(url, anchor, marks) {
  const q = marks.length > 0 ? `?${new URLSearchParams({ [MARK]: marks.join(' ') })}` : '';
  return `${url}${q}${anchor ? `#${anchor}` : ''}`;
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function append(parent, segments) {
  for (const s of segments) {
    if (s.hit) {
      const m = document.createElement('mark');
      m.textContent = s.text;
      parent.append(m);
    } else {
      parent.append(s.text);
    }
  }
}
