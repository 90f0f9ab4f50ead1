// The certificate page (`utbildning/intyg/`): for `?modul=M-01`,
// `?vag=V-01` or `?moduler=M-01,M-04`, checks this browser's progress and,
// when every module's current version is passed, prints a certificate with
// the name the person types, the date, each module's version and score.

import * as core from './quiz-core.js';
import * as progress from './progress.js';
import { el } from './ui.js';

/** What the query asks a certificate for: `{ title, modules }` or null. */
export function certificateSubject(catalog, params) {
  const byId = new Map(catalog.modules.map((m) => [m.id, m]));
  const pick = (ids) => ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
  const mod = params.get('modul');
  if (mod && byId.has(mod)) return { title: byId.get(mod).title, modules: [byId.get(mod)] };
  const pathId = params.get('vag');
  const path = catalog.paths.find((p) => p.id === pathId);
  if (path) return { title: path.title, modules: pick(path.modules) };
  const ids = core.moduleIdsFromQuery(params);
  const modules = pick(ids);
  if (modules.length > 0) return { title: modules.map((m) => m.title).join(', '), modules };
  return null;
}

export function startCertificate(config, catalog) {
  const s = config.strings;
  const page = document.querySelector('[data-certificate-page]');
  page.hidden = false;
  const message = page.querySelector('[data-certificate-message]');
  const subject = certificateSubject(catalog, new URLSearchParams(window.location.search));
  if (!subject || subject.modules.length === 0) {
    message.textContent = s.tr_certificate_none;
    return;
  }
  const missing = subject.modules.filter((m) => core.moduleState(progress.quizRecord(m.id), m.version) !== 'passed');
  if (missing.length > 0) {
    message.textContent = s.tr_certificate_not_passed;
    const list = page.querySelector('[data-certificate-missing]');
    for (const m of missing) list.append(el('li', {}, el('a', { href: m.url, text: m.title }), ` (${m.id})`));
    list.hidden = false;
    return;
  }
  const form = page.querySelector('[data-certificate-form]');
  const name = form.querySelector('input[name="namn"]');
  name.value = progress.person().name || '';
  form.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const typed = name.value.trim();
    if (!typed) {
      name.focus();
      return;
    }
    progress.savePerson({ name: typed });
    show(page, config, subject, typed);
  });
  page.querySelector('[data-print]').addEventListener('click', () => window.print());
}

function show(page, config, subject, name) {
  const s = config.strings;
  const cert = page.querySelector('[data-certificate]');
  cert.querySelector('[data-certificate-text]').textContent = core.fill(s.tr_certificate_text, { name });
  cert.querySelector('[data-certificate-subject]').textContent = subject.title;
  const rows = cert.querySelector('[data-certificate-rows]');
  rows.replaceChildren();
  for (const m of subject.modules) {
    const r = progress.quizRecord(m.id);
    rows.append(el('tr', {},
      el('th', { scope: 'row', text: `${m.title} (${m.id})` }),
      el('td', { text: r.version }),
      el('td', { text: `${r.score} %` }),
      el('td', { text: String(r.completed_at).slice(0, 10) })));
  }
  cert.querySelector('[data-certificate-issued]').textContent =
    core.fill(s.tr_certificate_issued, { date: core.today(), organisation: config.organisation });
  cert.hidden = false;
  cert.querySelector('h2').focus();
}
