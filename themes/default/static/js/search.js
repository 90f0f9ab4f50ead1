// search.js: the search page (sok/). Reads ?q= and the facet parameters,
// searches while typing, shows results with highlighted snippets and
// facets, and keeps the URL shareable. All logic is in search-core.js; this
// module only talks to the DOM. Strings come from data-t-* attributes that
// the template fills from the site's language table, so nothing here is
// language-specific. Results are built with textContent, never innerHTML.

import { createSearcher, applyFacets, makeMatcher, highlight, snippet, FACETS } from './search-core.js';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;
// URL parameter for each facet (Swedish words in shared links).
const PARAM = { type: 'typ', role: 'roll', area: 'omrade', unit: 'enhet', status: 'status' };

const root = document.querySelector('[data-search-index]');
if (root) start(root);

function start(root) {
  const t = (name) => root.dataset[name] || '';
  const form = root.querySelector('.search-page__form');
  const input = root.querySelector('#search-query');
  const status = root.querySelector('#search-status');
  const list = root.querySelector('#search-results');
  const more = root.querySelector('.search-results__more');
  const facetBox = root.querySelector('.search-facets');
  const groups = root.querySelector('.search-facets__groups');
  const clear = root.querySelector('.search-facets__clear');
  const skip = root.querySelector('.search-page__skip');
  const base = root.dataset.searchIndex;
  const searcher = createSearcher((path) =>
    fetch(base + path).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${path}`);
      return r.json();
    }),
  );

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  const selected = new Map(FACETS.map((f) => [f, new Set()]));
  let state = null; // last search: { query, found, meta, pages }
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
      facetBox.hidden = true;
      more.hidden = true;
      if (skip) skip.hidden = true;
      writeUrl('');
      return;
    }
    status.textContent = t('tSearching');
    try {
      const found = await searcher.search(query, { typing });
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
      const ids = params.getAll(PARAM[f]);
      const values = meta.facets[f] || [];
      for (const id of ids) {
        const k = values.findIndex((v) => v[0] === id);
        if (k >= 0) selected.get(f).add(k);
      }
    }
  }

  function writeUrl(query) {
    const p = new URLSearchParams();
    if (query) p.set('q', query);
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
    const { results, counts } = applyFacets(found.results, found.pages, selected, sizes);
    state.filtered = results;
    renderFacets(found.meta, counts);
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
          : t('tResultsMany').replace('{n}', n);
    // The skip link only helps when filters stand between the field and results.
    if (skip) skip.hidden = facetBox.hidden || n === 0;
  }

  async function showMore() {
    const { found, filtered } = state;
    const batch = filtered.slice(shown, shown + PAGE_SIZE);
    const isHit = makeMatcher(found.terms, found.words);
    const items = await Promise.all(batch.map((r) => resultItem(r, isHit)));
    const firstNew = items[0];
    list.append(...items);
    shown += batch.length;
    more.hidden = shown >= filtered.length;
    return firstNew;
  }

  async function resultItem(result, isHit) {
    const [url, title, id, summary, version, entries] = await searcher.page(result.page);
    const meta = state.found.meta;
    const ready = await searcher.ready();
    const local = (e) => entries[e.entry - ready.starts[result.page]];
    const best = local(result.entries[0]);
    const li = el('li', 'search-result');
    const h = el('h3', 'search-result__title');
    const a = el('a');
    a.href = best[0] ? `${url}#${best[0]}` : url;
    append(a, highlight(title, isHit));
    if (best[0]) {
      a.append(' › ');
      append(a, highlight(best[1], isHit));
    }
    h.append(a);
    li.append(h);
    const info = el('p', 'search-result__meta');
    const type = meta.facets.type[state.found.pages.type[result.page]];
    const parts = [type ? type[1] : '', id, version ? `v${version}` : ''].filter(Boolean);
    info.textContent = parts.join(' · ');
    // A document not in force says so before anything else.
    const status = meta.facets.status[state.found.pages.status[result.page]];
    if (status && status[0] !== 'active') {
      const badge = el('span', `search-result__status search-result__status--${status[0]}`);
      badge.textContent = status[1];
      info.prepend(badge, ' ');
    }
    li.append(info);
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
        sub.href = `${url}#${anchor}`;
        append(sub, highlight(heading, isHit));
        const item = el('li');
        item.append(sub);
        ul.append(item);
      }
      li.append(ul);
    }
    return li;
  }

  function renderFacets(meta, counts) {
    groups.replaceChildren();
    let any = false;
    for (const f of FACETS) {
      const values = meta.facets[f] || [];
      const c = counts[f];
      const visible = values.map((v, k) => [v, k]).filter(([, k]) => c[k] > 0 || selected.get(f).has(k));
      if (visible.length === 0) continue;
      any = true;
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
      groups.append(fs);
    }
    facetBox.hidden = !any;
    clear.hidden = ![...selected.values()].some((s) => s.size > 0);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run(false);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(true), DEBOUNCE_MS);
  });
  more.addEventListener('click', async () => {
    const first = await showMore();
    first?.querySelector('a')?.focus();
  });
  // Focus the result count (announced), so the next Tab is the first result.
  skip?.addEventListener('click', (e) => {
    e.preventDefault();
    status.focus();
  });
  clear.addEventListener('click', () => {
    for (const s of selected.values()) s.clear();
    writeUrl(state ? state.query : '');
    if (state) render().then(() => input.focus());
  });

  if (input.value.trim() !== '') run(false);
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
