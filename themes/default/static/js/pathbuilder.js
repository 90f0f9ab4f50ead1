// The path builder (`utbildning/vag/`) for managers, and the employee view
// of a built path. The builder is an ordinary GET form: a name, a role
// (choosing one preselects the modules the role must take and the documents
// they build on, adjustable), modules, documents to read and a due time.
// Submitting it (`steg=dela`) shows the manager the path and the link to
// share. The shared link — `?namn=…&moduler=M-01,M-04&dokument=…&dagar=30`,
// or `?roll=chef` from a reading list — opens a clean employee view of the
// path: its name, modules in prerequisite order, documents, progress and a
// print button, without the form.

import * as core from './quiz-core.js';
import { el } from './ui.js';

/** Ids from `name=A,B` and/or repeated `name=` (order kept, each once). */
const idsFrom = (params, name) => core.moduleIdsFromQuery(params, name);

/**
 * `modules` (catalog entries) ordered so that each comes after the
 * prerequisites that are also on the path; otherwise in the given order.
 */
export function orderByPrerequisites(modules) {
  const ids = new Set(modules.map((m) => m.id));
  const placed = new Set();
  const out = [];
  const visit = (m, stack) => {
    if (placed.has(m.id) || stack.has(m.id)) return;
    stack.add(m.id);
    for (const p of m.prerequisites || []) {
      if (ids.has(p)) visit(modules.find((x) => x.id === p), stack);
    }
    placed.add(m.id);
    out.push(m);
  };
  for (const m of modules) visit(m, new Set());
  return out;
}

/**
 * The modules a query asks for: explicit ones in the given order, then the
 * role's; ordered by prerequisites. Documents: `dokument` when given, else
 * those the modules ask to read.
 */
export function resolvePath(catalog, params) {
  const byId = new Map(catalog.modules.map((m) => [m.id, m]));
  const asked = idsFrom(params, 'moduler');
  const roleId = params.get('roll') || '';
  const role = catalog.roles.find((r) => r.id === roleId);
  const ids = [...asked];
  if (role) for (const id of role.modules) if (!ids.includes(id)) ids.push(id);
  const unknown = ids.filter((id) => !byId.has(id));
  if (roleId && !role) unknown.push(roleId);
  const modules = orderByPrerequisites(ids.filter((id) => byId.has(id)).map((id) => byId.get(id)));
  const days = Number.parseInt(params.get('dagar') || '', 10);
  const docById = new Map(catalog.documents.map((d) => [d.id, d]));
  const docIds = idsFrom(params, 'dokument');
  for (const id of docIds) if (!docById.has(id)) unknown.push(id);
  const documents = params.has('dokument')
    ? docIds.filter((id) => docById.has(id)).map((id) => docById.get(id))
    : pathDocuments(catalog, modules);
  const name = (params.get('namn') || '').trim().slice(0, 120) || (role && asked.length === 0 ? role.name : '');
  return { modules, documents, unknown, role, name, dueDays: days > 0 ? days : null };
}

/** The documents the modules ask to read, each once, in first-mention order. */
export function pathDocuments(catalog, modules) {
  const byId = new Map(catalog.documents.map((d) => [d.id, d]));
  const ids = [];
  for (const m of modules) for (const d of m.documents) if (!ids.includes(d) && byId.has(d)) ids.push(d);
  return ids.map((id) => byId.get(id));
}

/**
 * The canonical shareable query for a path; `name` and `documents` (when
 * they differ from what the modules ask to read) are added when given.
 */
export function shareQuery(modules, dueDays, { name = '', documents = null, catalog = null } = {}) {
  const parts = [];
  if (name) parts.push(`namn=${encodeURIComponent(name)}`);
  parts.push(`moduler=${modules.map((m) => encodeURIComponent(m.id)).join(',')}`);
  const implied = catalog ? pathDocuments(catalog, modules).map((d) => d.id).join(',') : null;
  if (documents && documents.map((d) => d.id).join(',') !== implied) {
    parts.push(`dokument=${documents.map((d) => encodeURIComponent(d.id)).join(',')}`);
  }
  if (dueDays) parts.push(`dagar=${dueDays}`);
  return `?${parts.join('&')}`;
}

/**
 * What choosing `roleId` in the builder preselects: the role's modules
 * (its reading list), the documents those modules and the role's curated
 * path ask to read, and that curated path (a path whose `roles` name it).
 */
export function roleSelection(catalog, roleId) {
  const role = catalog.roles.find((r) => r.id === roleId);
  if (!role) return { modules: [], documents: [], path: null };
  const path = catalog.paths.find((p) => (p.roles || []).includes(roleId)) || null;
  const modules = orderByPrerequisites(
    [...new Set([...role.modules, ...(path ? path.modules : [])])]
      .map((id) => catalog.modules.find((m) => m.id === id))
      .filter(Boolean),
  );
  const documents = [...new Set([...(path ? path.documents : []), ...pathDocuments(catalog, modules).map((d) => d.id)])];
  return { modules: modules.map((m) => m.id), documents, path };
}

export function startBuilder(config, catalog, pathProgress) {
  const s = config.strings;
  const params = new URLSearchParams(window.location.search);
  const form = document.querySelector('.path-builder');
  const section = document.querySelector('[data-built-path]');
  const error = document.querySelector('[data-builder-error]');
  enhanceForm(form, catalog, s, params);
  form.addEventListener('submit', (e) => {
    const data = new FormData(form);
    if (data.getAll('moduler').length === 0) {
      e.preventDefault();
      error.textContent = s.tr_builder_empty;
      error.hidden = false;
      return;
    }
    // The role only preselected: the path is exactly what is ticked.
    e.preventDefault();
    const modules = data.getAll('moduler').map((id) => catalog.modules.find((m) => m.id === id)).filter(Boolean);
    const ordered = orderByPrerequisites(modules);
    const documents = data.getAll('dokument').map((id) => catalog.documents.find((d) => d.id === id)).filter(Boolean);
    const days = Number.parseInt(String(data.get('dagar') || ''), 10);
    const query = shareQuery(ordered, days > 0 ? days : null, { name: String(data.get('namn') || '').trim(), documents, catalog });
    window.location.assign(`${config.builder_url}${query}&steg=dela`);
  });
  if (!params.has('moduler') && !params.has('roll')) return;
  const path = resolvePath(catalog, params);
  if (path.unknown.length > 0) {
    error.textContent = core.fill(s.tr_builder_unknown, { ids: path.unknown.join(', ') });
    error.hidden = false;
  }
  if (path.modules.length === 0) return;
  const manager = params.get('steg') === 'dela';
  renderPath(section, config, catalog, path, manager);
  pathProgress(section);
  section.hidden = false;
  if (!manager) employeeView(form, section, path, s);
}

/** The shared link's view: the path's name as the page heading, no form. */
function employeeView(form, section, path, s) {
  form.hidden = true;
  const name = path.name || s.tr_builder_path_heading;
  const h1 = document.querySelector('h1');
  h1.textContent = name;
  const crumb = document.querySelector('.breadcrumbs__current');
  if (crumb) crumb.textContent = name;
  document.title = document.title.replace(/^[^–|]+/, `${name} `);
  section.querySelector('[data-share]').remove();
  section.classList.add('built-path--employee');
}

/** The form shows what was asked; a role preselects its modules and documents. */
function enhanceForm(form, catalog, s, params) {
  const boxes = (name) => [...form.querySelectorAll(`input[name="${name}"]`)];
  const asked = idsFrom(params, 'moduler');
  const role = form.querySelector('select[name="roll"]');
  const note = form.querySelector('[data-role-note]');
  const fromRole = asked.length === 0 ? roleSelection(catalog, params.get('roll') || '') : null;
  const docs = params.has('dokument') ? idsFrom(params, 'dokument') : fromRole ? fromRole.documents : [];
  for (const box of boxes('moduler')) box.checked = asked.includes(box.value) || Boolean(fromRole?.modules.includes(box.value));
  for (const box of boxes('dokument')) box.checked = docs.includes(box.value);
  role.value = params.get('roll') || '';
  form.querySelector('input[name="namn"]').value = params.get('namn') || '';
  form.querySelector('input[name="dagar"]').value = params.get('dagar') || '';
  role.addEventListener('change', () => {
    const pick = roleSelection(catalog, role.value);
    note.replaceChildren();
    note.hidden = !role.value;
    if (!role.value) return;
    for (const box of boxes('moduler')) box.checked = pick.modules.includes(box.value);
    for (const box of boxes('dokument')) box.checked = pick.documents.includes(box.value);
    const name = role.selectedOptions[0]?.textContent || role.value;
    note.append(el('span', { text: core.fill(s.tr_builder_preselected, { role: name }) }));
    if (pick.path) {
      note.append(' ', s.tr_builder_curated, ' ', el('a', { href: pick.path.url, text: pick.path.title }), '.');
      const days = form.querySelector('input[name="dagar"]');
      if (!days.value && pick.path.due_days) days.value = String(pick.path.due_days);
    }
    const nameBox = form.querySelector('input[name="namn"]');
    if (!nameBox.value) nameBox.value = name;
  });
}

function renderPath(section, config, catalog, path, manager) {
  const s = config.strings;
  section.querySelector('[data-built-path-heading]').textContent = manager ? s.tr_builder_ready : s.tr_path_modules;
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
  if (manager && path.name) meta.push(path.name + '.');
  if (minutes > 0) meta.push(core.fill(s.tr_total_time, { minutes }));
  if (path.dueDays) meta.push(core.fill(s.tr_due_days, { days: path.dueDays }));
  section.querySelector('[data-built-path-meta]').textContent = meta.join(' ');
  const docBox = section.querySelector('[data-built-documents]');
  const docList = docBox.querySelector('ul');
  docList.replaceChildren();
  for (const d of path.documents) {
    docList.append(el('li', { 'data-doc-id': d.id, 'data-version': d.version },
      el('a', { href: d.url, text: d.title }), ' ', el('span', { class: 'link-meta', text: `(${d.kind_label} ${d.id})` }), ' ',
      el('span', { class: 'progress-badge', 'data-progress-badge': true, hidden: true })));
  }
  docBox.hidden = path.documents.length === 0;
  section.querySelector('[data-print]').addEventListener('click', () => window.print());
  const cert = section.querySelector('[data-path-certificate] a');
  cert.href = `${config.certificate_url}${shareQuery(path.modules, null)}`;
  if (manager) shareBox(section, config, catalog, path);
}

function shareBox(section, config, catalog, path) {
  const s = config.strings;
  const query = shareQuery(path.modules, path.dueDays, { name: path.name, documents: path.documents, catalog });
  const url = new URL(config.builder_url + query, window.location.href).href;
  const box = section.querySelector('[data-share]');
  box.hidden = false;
  const link = box.querySelector('[data-share-link]');
  link.value = url;
  box.querySelector('[data-employee-link]').href = url;
  const copy = box.querySelector('[data-copy-link]');
  const status = box.querySelector('[data-copy-status]');
  copy.addEventListener('click', async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(link.value);
    } catch {
      document.execCommand?.('copy');
    }
    status.textContent = s.tr_builder_copied;
  });
}
