// landing.js: after a click on a search result. The result links carry the
// matched index terms (`?markera=lösenord byt`) and the section's anchor;
// here the page marks those words within that section, scrolls to the
// first paragraph or list item that has one, and offers a button that
// removes the marks (and the parameter from the address). Loaded on every
// page, it does nothing without the parameter. Strings come from the
// script element's data-t-* attributes.

const PARAM = 'markera';
const MAX_TERMS = 40;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'BUTTON', 'MARK', 'SELECT']);
const CLAUSES = 'p, li, td, dd, blockquote';
const BLOCKS = 'p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4';

const params = new URLSearchParams(location.search);
const raw = params.get(PARAM);
if (raw) start(raw).catch((e) => console.warn(e));

async function start(raw) {
  const { makeMatcher, highlight } = await import('./search-highlight.js');
  const terms = raw.split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
  const main = document.querySelector('main');
  if (!main || terms.length === 0) return;
  const isHit = makeMatcher(terms, []);
  const scope = sectionNodes(main, decodeURIComponent(location.hash.slice(1)));
  const marks = [];
  for (const node of scope) marks.push(...markIn(node, isHit, highlight));
  if (marks.length === 0) return;
  const styled = addStyles();
  // The clause: the first paragraph or list item with a mark (the title
  // and headings are marked too, but say less).
  const clause = marks.find((m) => m.closest(CLAUSES));
  const target = clause ? clause.closest(CLAUSES) : marks[0].closest(BLOCKS) || marks[0];
  target.classList.add('search-landing__target');
  target.setAttribute('tabindex', '-1');
  main.prepend(clearBar(marks, target));
  target.focus({ preventScroll: true });
  // The browser scrolls to the #anchor when the page has loaded, and the
  // stylesheet and the notice move things: scroll once all that is done.
  await Promise.all([styled, loaded()]);
  requestAnimationFrame(() => target.scrollIntoView({ block: 'center' }));
}

function loaded() {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((ok) => window.addEventListener('load', ok, { once: true }));
}

/**
 * The nodes of the section that starts at the heading with id `anchor`,
 * up to the next heading of the same or a higher level; all of `main`
 * without an anchor (or when it is not a heading).
 */
export function sectionNodes(main, anchor) {
  const heading = anchor ? document.getElementById(anchor) : null;
  if (!heading || !/^H[1-6]$/.test(heading.tagName) || !main.contains(heading)) return [main];
  const level = Number(heading.tagName[1]);
  const out = [heading];
  // Headings may sit in a wrapper (`div.heading`, the anchor link beside
  // them) or alone in another element: walk from the outermost ancestor
  // below `main` that is such a wrapper or holds only the heading.
  let start = heading;
  while (start.parentElement !== main &&
    (start.parentElement.children.length === 1 || start.parentElement.classList.contains('heading'))) {
    start = start.parentElement;
  }
  for (let n = start.nextElementSibling; n; n = n.nextElementSibling) {
    const h = headingIn(n);
    if (h && Number(h.tagName[1]) <= level) break;
    out.push(n);
  }
  return out;
}

/** `n` when it is a heading, or the heading a `div.heading` wraps. */
function headingIn(n) {
  if (/^H[1-6]$/.test(n.tagName)) return n;
  return n.classList.contains('heading') ? n.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4') : null;
}

/** Wraps the hits among the text nodes below `root` in <mark>; returns the marks. */
function markIn(root, isHit, highlight) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      for (let p = n.parentElement; p && p !== root.parentElement; p = p.parentElement) {
        if (SKIP.has(p.tagName) || p.classList.contains('search-landing')) return NodeFilter.FILTER_REJECT;
      }
      return n.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  const marks = [];
  for (const n of nodes) {
    const segments = highlight(n.nodeValue, isHit);
    if (!segments.some((s) => s.hit)) continue;
    const frag = document.createDocumentFragment();
    for (const s of segments) {
      if (!s.hit) {
        frag.append(s.text);
        continue;
      }
      const m = document.createElement('mark');
      m.className = 'search-landing__mark';
      m.textContent = s.text;
      marks.push(m);
      frag.append(m);
    }
    n.replaceWith(frag);
  }
  return marks;
}

/** The notice with the button that takes the marks away again. */
function clearBar(marks, target) {
  const strings = document.querySelector('script[data-t-landing-clear]')?.dataset || {};
  const bar = document.createElement('div');
  bar.className = 'search-landing';
  const text = document.createElement('span');
  text.textContent = strings.tLanding || '';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-landing__clear';
  button.textContent = strings.tLandingClear || '×';
  button.addEventListener('click', () => {
    const parents = new Set(marks.map((m) => m.parentNode).filter(Boolean));
    for (const m of marks) m.replaceWith(m.textContent);
    for (const p of parents) p.normalize();
    target.classList.remove('search-landing__target');
    target.removeAttribute('tabindex');
    bar.remove();
    const url = new URL(location.href);
    url.searchParams.delete(PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  });
  bar.append(text, ' ', button);
  return bar;
}

/** Loads css/search.css (the marks' look); resolves when it has loaded or failed. */
function addStyles() {
  if (document.querySelector('link[data-search-css]')) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('../css/search.css', import.meta.url).href;
  link.dataset.searchCss = '';
  const done = new Promise((ok) => {
    link.addEventListener('load', ok, { once: true });
    link.addEventListener('error', ok, { once: true });
  });
  document.head.append(link);
  return done;
}
