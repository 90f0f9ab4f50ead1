// The point-in-time page (gallande/): for a chosen day, the set of governing
// documents in force and the version of each, answered from the in-force
// record the build embeds (#in-force-data, made by render::in_force from
// the versions in git and those from before it). The rules mirror
// history::record in Rust, which answers for the build date when there is
// no JavaScript. Each version's CSV line is made by the build (its cells
// neutralised against spreadsheet formulas); the download only joins them.

/**
 * Was version `v` in force on `day`? `null`: the record cannot tell.
 * @param {{ from: string, to: string, end: string }} v
 * @param {string} day YYYY-MM-DD
 * @returns {boolean | null}
 */
export function stateOn(v, day) {
  if (!v.from) return null;
  if (day < v.from) return false;
  if (v.end === 'open') return true;
  if (v.end === 'on') return day < v.to;
  return null;
}

/**
 * The set in force on `day`, the documents the record cannot answer for,
 * and whether the day is before the record is complete.
 * @param {{ complete_from: string, docs: Array<any> }} data
 * @param {string} day
 */
export function answer(data, day) {
  const set = [];
  const unknown = [];
  for (const doc of data.docs) {
    const { found, unsure } = lookUp(doc.versions, day);
    const beforeKnown = !doc.first_day || day < doc.first_day;
    if (found) set.push({ doc, version: found });
    else if (unsure || (beforeKnown && !doc.complete)) unknown.push(doc);
  }
  const incomplete = Boolean(data.complete_from) && day < data.complete_from;
  return { set, unknown, incomplete };
}

/** The newest version in force on `day`, and whether one may be unknown. */
function lookUp(versions, day) {
  let found = null;
  let unsure = false;
  // An undated version came after the dated one before it.
  let after = '';
  for (const v of versions) {
    let state;
    if (v.from) {
      after = v.from;
      state = stateOn(v, day);
    } else if (after && day < after) {
      state = false;
    } else {
      state = v.end === 'on' && day >= v.to ? false : null;
    }
    if (state === true) found = v;
    else if (state === null) unsure = true;
  }
  return { found, unsure };
}

/** The CSV file of a day's set: the header and each version's line. */
export function csvFor(data, set) {
  return data.csv_header + set.map((row) => row.version.csv).join('');
}

function cell(tag, text) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  return el;
}

function link(href, text) {
  const a = cell('a', text);
  a.href = href;
  return a;
}

/** A row as the template writes it; `labels` name the cells on a phone. */
function row(doc, v, labels) {
  const tr = cell('tr');
  tr.dataset.id = doc.id;
  const th = cell('th');
  th.scope = 'row';
  const kind = cell('span', `(${doc.kind_label})`);
  kind.className = 'in-force-kind';
  th.append(link(doc.url, `${doc.id} ${doc.title}`), ' ', kind);
  const version = cell('td');
  if (v.has_page) {
    const a = link(v.url, v.version);
    const hidden = cell('span', ` – ${doc.id}`);
    hidden.className = 'visually-hidden';
    a.append(hidden);
    version.append(a);
  } else {
    const meta = cell('span', `(${labels.noPage})`);
    meta.className = 'link-meta';
    version.append(`${v.version} `, meta);
  }
  const from = cell('td', v.from);
  from.className = 'date';
  const to = cell('td');
  if (v.last_day) {
    const last = cell('span', v.last_day);
    last.className = 'date';
    to.append(last, ' ');
  }
  to.append(v.note);
  version.dataset.label = labels.labelVersion;
  from.dataset.label = labels.labelFrom;
  to.dataset.label = labels.labelTo;
  tr.append(th, version, from, to);
  return tr;
}

let blobUrl = '';

function show(data, day) {
  const section = document.querySelector('.in-force-set');
  const rows = document.getElementById('in-force-set-rows');
  if (!section || !rows) return;
  const { set, unknown, incomplete } = answer(data, day);
  const heading = document.getElementById('in-force-set-heading');
  const today = day === data.today ? ` (${section.dataset.today})` : '';
  heading.textContent = section.dataset.heading.replaceAll('{date}', day) + today;
  rows.replaceChildren(...set.map((r) => row(r.doc, r.version, section.dataset)));

  const status = document.getElementById('in-force-status');
  if (set.length > 0) {
    status.textContent = `${status.dataset.on} ${day}: ${set.length} ${status.dataset.count}`;
  } else {
    status.textContent = incomplete || unknown.length > 0 ? '' : status.dataset.none;
  }
  document.getElementById('in-force-set-table').hidden = set.length === 0;
  document.getElementById('in-force-incomplete').hidden = !incomplete;
  const box = document.getElementById('in-force-unknown');
  box.hidden = unknown.length === 0;
  box.querySelector('ul').replaceChildren(
    ...unknown.map((d) => {
      const li = cell('li');
      li.append(link(d.url, `${d.id} ${d.title}`));
      return li;
    }),
  );

  const csv = document.getElementById('in-force-csv');
  if (blobUrl) URL.revokeObjectURL(blobUrl);
  blobUrl = URL.createObjectURL(new Blob([csvFor(data, set)], { type: 'text/csv;charset=utf-8' }));
  csv.href = blobUrl;
  csv.setAttribute('download', `gallande-${day}.csv`);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function start() {
  const form = document.querySelector('.in-force-form');
  const input = document.getElementById('in-force-date');
  const source = document.getElementById('in-force-data');
  if (!form || !input || !source) return;
  const data = JSON.parse(source.textContent);
  const asked = new URLSearchParams(window.location.search).get('datum') || '';
  if (DAY.test(asked) && asked !== data.today) {
    input.value = asked;
    show(data, asked);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = DAY.test(input.value) ? input.value : data.today;
    input.value = chosen;
    const url = new URL(window.location.href);
    if (chosen === data.today) url.searchParams.delete('datum');
    else url.searchParams.set('datum', chosen);
    window.history.replaceState(null, '', url);
    show(data, chosen);
  });
}

if (typeof document !== 'undefined') start();
