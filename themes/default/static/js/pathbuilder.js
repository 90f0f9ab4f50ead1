// The path builder (`utbildning/vag/`): a manager picks a role or modules in
// an ordinary GET form; this script turns `?roll=chef`, `?moduler=M-01,M-04`
// (or repeated `moduler=`) and `?dagar=30` into a path page for exactly
// those modules, with progress, and a short link to share.

import * as core from './quiz-core.js';
import { el } from './ui.js';

/** The modules a query asks for: explicit ones in the given order, then the role's. */
export function resolvePath(catalog, params) {
  const byId = new Map(catalog.modules.map((m) => [m.id, m]));
  const asked = core.moduleIdsFromQuery(params);
  const roleId = params.get('roll') || '';
  const role = catalog.roles.find((r) => r.id === roleId);
  const ids = [...asked];
  if (role) for (const id of role.modules) if (!ids.includes(id)) ids.push(id);
  const unknown = ids.filter((id) => !byId.has(id));
  if (roleId && !role) unknown.push(roleId);
  const modules = ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
  const days = Number.parseInt(params.get('dagar') || '', 10);
  return { modules, unknown, role, dueDays: days > 0 ? days : null };
}

/** The documents the modules ask to read, each once, in first-mention order. */
export function pathDocuments(catalog, modules) {
  const byId = new Map(catalog.documents.map((d) => [d.id, d]));
  const ids = [];
  for (const m of modules) for (const d of m.documents) if (!ids.includes(d) && byId.has(d)) ids.push(d);
  return ids.map((id) => byId.get(id));
}

/** The canonical shareable query for a path. */
export function shareQuery(modules, dueDays) {
  const q = `?moduler=${modules.map((m) => encodeURIComponent(m.id)).join(',')}`;
  return dueDays ? `${q}&dagar=${dueDays}` : q;
}

export function startBuilder(config, catalog, pathProgress) {
  const s = config.strings;
  const params = new URLSearchParams(window.location.search);
  const form = document.querySelector('.path-builder');
  const section = document.querySelector('[data-built-path]');
  const error = document.querySelector('[data-builder-error]');
  // Keep the form showing what was asked.
  const asked = core.moduleIdsFromQuery(params);
  for (const box of form.querySelectorAll('input[name="moduler"]')) box.checked = asked.includes(box.value);
  form.querySelector('select[name="roll"]').value = params.get('roll') || '';
  form.querySelector('input[name="dagar"]').value = params.get('dagar') || '';
  form.addEventListener('submit', (e) => {
    const data = new FormData(form);
    if (!data.get('roll') && data.getAll('moduler').length === 0) {
      e.preventDefault();
      error.textContent = s.tr_builder_empty;
      error.hidden = false;
    }
  });
  if (!params.has('moduler') && !params.has('roll')) return;
  const path = resolvePath(catalog, params);
  if (path.unknown.length > 0) {
    error.textContent = core.fill(s.tr_builder_unknown, { ids: path.unknown.join(', ') });
    error.hidden = false;
  }
  if (path.modules.length === 0) return;
  renderPath(section, config, catalog, path);
  pathProgress(section);
  section.hidden = false;
}

function renderPath(section, config, catalog, path) {
  const s = config.strings;
  const list = section.querySelector('[data-built-modules]');
  list.replaceChildren();
  let minutes = 0;
  for (const m of path.modules) {
    minutes += m.duration || 0;
    const meta = `(${m.id}${m.duration ? `, ${m.duration} ${s.tr_minutes}` : ''})`;
    list.append(el('li', { 'data-module-id': m.id, 'data-version': m.version },
      el('a', { href: m.url, text: m.title }), ' ', el('span', { class: 'link-meta', text: meta }), ' ',
      el('span', { class: 'progress-badge', 'data-progress-badge': true, hidden: true })));
  }
  const meta = [];
  if (minutes > 0) meta.push(core.fill(s.tr_total_time, { minutes }));
  if (path.dueDays) meta.push(core.fill(s.tr_due_days, { days: path.dueDays }));
  section.querySelector('[data-built-path-meta]').textContent = meta.join(' ');
  const docs = pathDocuments(catalog, path.modules);
  const docBox = section.querySelector('[data-built-documents]');
  const docList = docBox.querySelector('ul');
  docList.replaceChildren();
  for (const d of docs) {
    docList.append(el('li', { 'data-doc-id': d.id, 'data-version': d.version },
      el('a', { href: d.url, text: d.title }), ' ', el('span', { class: 'link-meta', text: `(${d.kind_label} ${d.id})` }), ' ',
      el('span', { class: 'progress-badge', 'data-progress-badge': true, hidden: true })));
  }
  docBox.hidden = docs.length === 0;
  const query = shareQuery(path.modules, path.dueDays);
  const link = section.querySelector('[data-share-link]');
  link.value = new URL(config.builder_url + query, window.location.href).href;
  const copy = section.querySelector('[data-copy-link]');
  const status = section.querySelector('[data-copy-status]');
  copy.addEventListener('click', async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(link.value);
    } catch {
      document.execCommand?.('copy');
    }
    status.textContent = s.tr_builder_copied;
  });
  const cert = section.querySelector('[data-path-certificate] a');
  cert.href = `${config.certificate_url}${shareQuery(path.modules, null)}`;
}
