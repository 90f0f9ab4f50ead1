// Entry point of the training scripts. Reads the settings and UI strings
// styrdok writes to `training-config.js` and wires up what the page has: the
// role picker on the start page, progress on reading lists and path pages,
// the read receipt on a governing document and, when the receipt is for an
// older version, what changed since; the quiz on a module page, the path
// builder and the certificate page. Reading never depends on this.

import config from './training-config.js';
import * as core from './quiz-core.js';
import * as progress from './progress.js';
import { el, badge, reportForm } from './ui.js';

const s = config.strings;
/** The version a receipt must be for when the current one is editorial (`acknowledge: false`). */
const ack = (id) => (config.acknowledge || {})[id] || '';

/** "Jag är …": remembers the chosen role and links to its reading list. */
function rolePicker(root) {
  const form = root.querySelector('[data-role-form]');
  const select = form.querySelector('select');
  const current = root.querySelector('[data-role-current]');
  const show = (id) => {
    const role = config.roles.find((r) => r.id === id);
    current.replaceChildren();
    if (role) {
      const text = core.fill(s.tr_role_reading_list, { role: '\u0000' }).split('\u0000');
      current.append(text[0], el('a', { href: role.url, text: role.name }), text[1] || '');
    }
  };
  select.value = progress.role();
  show(select.value);
  form.hidden = false;
  select.addEventListener('change', () => {
    progress.saveRole(select.value);
    show(select.value);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    progress.saveRole(select.value);
    const role = config.roles.find((r) => r.id === select.value);
    if (role) window.location.href = role.url;
  });
}

/** A badge for a module (by id and current version) or a governing document. */
export function stateBadge(kind, id, version) {
  if (kind === 'module') {
    const state = core.moduleState(progress.quizRecord(id), version);
    if (state === 'passed') return badge('passed', s.tr_status_passed);
    if (state === 'outdated') return badge('outdated', s.tr_status_new_version);
    return null;
  }
  if (['policy', 'guideline', 'rule', 'document'].includes(kind)) {
    const state = core.receiptState(progress.receipt(id), version, ack(id));
    if (state === 'read') return badge('passed', s.tr_status_read);
    if (state === 'outdated') return badge('outdated', s.tr_status_new_since_read);
  }
  return null;
}

/** Progress badges on a role's reading list. */
function readingList() {
  for (const li of document.querySelectorAll('[data-reading-list] li[data-item-id]')) {
    li.querySelector('.progress-badge')?.remove();
    const b = stateBadge(li.dataset.itemKind, li.dataset.itemId, li.dataset.version);
    if (!b) continue;
    const meta = li.querySelector('.item-meta') || li;
    meta.append(' ', b);
  }
}

/** Badges and a summary on a path page (also used by the path builder). */
export function pathProgress(root = document) {
  const items = [...root.querySelectorAll('li[data-module-id]')];
  let done = 0;
  for (const li of items) {
    const slot = li.querySelector('[data-progress-badge]');
    const state = core.moduleState(progress.quizRecord(li.dataset.moduleId), li.dataset.version);
    if (state === 'passed') done += 1;
    if (!slot) continue;
    slot.hidden = state === 'todo';
    slot.className = `progress-badge progress-badge--${state}`;
    slot.textContent = state === 'passed' ? s.tr_status_passed : state === 'outdated' ? s.tr_status_new_version : '';
  }
  for (const li of root.querySelectorAll('[data-receipt-list] li[data-doc-id]')) {
    const slot = li.querySelector('[data-progress-badge]');
    const state = core.receiptState(progress.receipt(li.dataset.docId), li.dataset.version, ack(li.dataset.docId));
    if (!slot) continue;
    slot.hidden = state === 'unread';
    slot.className = `progress-badge progress-badge--${state === 'read' ? 'passed' : 'outdated'}`;
    slot.textContent = { read: s.tr_status_read, outdated: s.tr_status_new_since_read }[state] || '';
  }
  const summary = root.querySelector('[data-path-summary]');
  if (summary && items.length > 0) {
    summary.hidden = false;
    summary.textContent = core.fill(s.tr_progress_summary, { done, total: items.length })
      + (done === items.length ? ` ${s.tr_path_done}` : '');
  }
  const cert = root.querySelector('[data-path-certificate]');
  if (cert) cert.hidden = !(items.length > 0 && done === items.length);
}

/** The module page's own status line above the quiz. */
function moduleStatus(p) {
  const record = progress.quizRecord(p.dataset.moduleStatus);
  const state = core.moduleState(record, p.dataset.version);
  p.hidden = state === 'todo';
  if (state === 'passed') {
    p.textContent = core.fill(s.tr_status_passed_on, { version: record.version, date: String(record.completed_at).slice(0, 10) });
  } else if (state === 'outdated') {
    p.textContent = core.fill(s.tr_status_new_version_long, { version: p.dataset.version, old: record.version });
  }
  p.className = `training-status training-status--${state}`;
}

/** Does this page's address carry the cmi5 launch parameters of a learning platform? */
function launchedFromPlatform() {
  const q = new URLSearchParams(window.location.search);
  return ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].every((k) => q.get(k));
}

/**
 * The read receipt of a document a cmi5 course gives to read, opened from
 * the learning platform: confirming sends `attested` there (js/lms-receipt.js)
 * and records it in this browser too; no form, whatever `report_endpoint` says.
 */
async function platformReceipt(section) {
  const { lmsReceipt } = await import('./lms-receipt.js');
  const id = section.dataset.receipt;
  const version = section.dataset.version;
  const lms = lmsReceipt({
    activity: section.dataset.xapi,
    versionExtension: section.dataset.xapiVersion,
    version,
    title: document.querySelector('h1')?.textContent.trim() || id,
    lang: document.documentElement.lang || 'sv',
  });
  window.styrdokLmsReceipt = lms;
  const intro = section.querySelector('p');
  if (intro) intro.textContent = s.tr_receipt_lms_intro;
  const status = el('p', { class: 'receipt__status', role: 'status', tabindex: '-1' });
  const button = el('button', { type: 'button', class: 'receipt__button', text: s.tr_receipt_button });
  const say = (state, text) => {
    status.className = `receipt__status training-status training-status--${state}`;
    status.textContent = text;
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    if (await lms.attest()) {
      progress.saveReceipt(id, version, core.today());
      button.hidden = true;
      say('read', core.fill(s.tr_receipt_lms_sent, { version }));
      document.dispatchEvent(new CustomEvent('styrdok:progress'));
    } else {
      button.disabled = false;
      say('outdated', s.tr_receipt_lms_failed);
    }
    status.focus();
  });
  section.append(status, button);
  section.hidden = false;
  window.addEventListener('pagehide', () => lms.finish());
  if (!(await lms.start())) {
    button.hidden = true;
    say('outdated', s.tr_receipt_lms_failed);
  }
}

/** "Jag har läst och förstått" on a document on the reader's reading list. */
function readReceipt(section) {
  if (section.dataset.xapi && launchedFromPlatform()) {
    platformReceipt(section).catch((e) => console.warn('styrdok lms receipt:', e));
    return;
  }
  const readers = section.dataset.readers.split(' ');
  const role = progress.role();
  if (!role || !readers.includes(role)) return;
  const id = section.dataset.receipt;
  const version = section.dataset.version;
  const status = el('p', { class: 'receipt__status', role: 'status', tabindex: '-1' });
  const showStatus = () => {
    const r = progress.receipt(id);
    const state = core.receiptState(r, version, ack(id));
    status.className = `receipt__status training-status training-status--${state}`;
    status.textContent = state === 'read'
      ? core.fill(s.tr_receipt_done, { version: r.version, date: r.read_at })
      : state === 'outdated' ? core.fill(s.tr_receipt_outdated, { old: r.version }) : '';
    return state;
  };
  const record = () => {
    progress.saveReceipt(id, version, core.today());
    showStatus();
    document.dispatchEvent(new CustomEvent('styrdok:progress'));
  };
  section.append(status);
  if (config.report_endpoint) {
    const values = { kind: 'receipt', id, version, score: '', passed: 'true', role, completed_at: new Date().toISOString() };
    const form = reportForm(config, values, { intro: s.tr_receipt_report_intro, submit: s.tr_receipt_button, onSubmit: record });
    section.append(form);
  } else {
    const button = el('button', { type: 'button', class: 'receipt__button', text: s.tr_receipt_button });
    button.addEventListener('click', () => {
      record();
      button.hidden = true;
      status.focus();
    });
    section.append(button);
    button.hidden = showStatus() === 'read';
  }
  showStatus();
  section.hidden = false;
}

/**
 * "Sedan du läste": when this browser's receipt for the document is for an
 * older version, says which version was confirmed and when, links to what
 * changed since (every change at once, and each version's changes), and
 * asks to confirm the current version. Hidden otherwise. Returns a
 * function that updates it after progress changes.
 */
function sinceRead(section) {
  let data;
  try {
    data = JSON.parse(section.querySelector('.since-read-data').textContent);
  } catch {
    return () => {};
  }
  const lang = document.documentElement.lang || 'sv';
  const body = el('div', { class: 'since-read__body' });
  section.append(body);
  let confirmedHere = false;
  const link = (href, text) => el('a', { href, text });
  const render = () => {
    const since = core.changesSince(data, progress.receipt(data.id), ack(data.id));
    if (!since) {
      // Confirmed with the receipt form further down: nothing left to say.
      if (!confirmedHere) section.hidden = true;
      return;
    }
    const intro = since.date ? s.tr_since_intro : s.tr_since_intro_nodate;
    const nodes = [el('p', { class: 'since-read__intro', text: core.fill(intro, { old: since.old, date: core.longDate(since.date, lang) }) })];
    if (since.all) {
      const text = core.fill(s.tr_since_all, { old: since.old, version: since.version });
      nodes.push(el('p', { class: 'since-read__all' }, link(since.all, text)));
    }
    const list = el('ul', { class: 'since-read__steps' });
    for (const step of since.steps) {
      const label = step.approved_on
        ? core.fill(s.tr_since_step_approved, { version: step.version, date: core.longDate(step.approved_on, lang) })
        : core.fill(s.tr_since_step, { version: step.version });
      const li = el('li', {}, el('strong', { text: label }));
      if (step.changes) li.append(`: ${step.changes}`);
      if (step.diff_url) li.append(' – ', link(step.diff_url, core.fill(s.tr_since_step_diff, { version: step.version })));
      list.append(li);
    }
    nodes.push(list);
    if (!since.steps.some((step) => step.diff_url)) {
      nodes.push(el('p', {}, link('#history-heading', s.tr_since_history)));
    }
    const prompt = el('p', { class: 'since-read__confirm' }, `${s.tr_since_reconfirm} `);
    const receipt = document.querySelector('[data-receipt]');
    if (receipt && !receipt.hidden) {
      prompt.append(link('#receipt-heading', core.fill(s.tr_since_reconfirm_link, { version: since.version })));
    } else {
      const button = el('button', { type: 'button', class: 'since-read__button', text: core.fill(s.tr_since_button, { version: since.version }) });
      button.addEventListener('click', () => {
        const r = progress.saveReceipt(data.id, data.version, core.today());
        confirmedHere = true;
        const done = el('p', { class: 'since-read__done training-status training-status--read', role: 'status', tabindex: '-1', text: core.fill(s.tr_receipt_done, { version: r.version, date: r.read_at }) });
        body.replaceChildren(done);
        done.focus();
        document.dispatchEvent(new CustomEvent('styrdok:progress'));
      });
      prompt.append(button);
    }
    nodes.push(prompt);
    body.replaceChildren(...nodes);
    section.hidden = false;
  };
  render();
  return render;
}

async function main() {
  const picker = document.querySelector('[data-role-picker]');
  if (picker) rolePicker(picker);
  const statusLine = document.querySelector('[data-module-status]');
  const refresh = () => {
    readingList();
    pathProgress();
    if (statusLine) moduleStatus(statusLine);
  };
  refresh();
  document.addEventListener('styrdok:progress', refresh);
  const receiptSection = document.querySelector('[data-receipt]');
  if (receiptSection) readReceipt(receiptSection);
  const sinceSection = document.querySelector('[data-since-read]');
  if (sinceSection) document.addEventListener('styrdok:progress', sinceRead(sinceSection));
  const quiz = document.querySelector('[data-quiz]');
  if (quiz) (await import('./quiz.js')).startQuiz(quiz, config);
  const catalogNode = document.getElementById('styrdok-catalog');
  const catalog = catalogNode ? JSON.parse(catalogNode.textContent) : null;
  if (catalog && document.querySelector('[data-built-path]')) {
    (await import('./pathbuilder.js')).startBuilder(config, catalog, pathProgress);
  }
  if (catalog && document.querySelector('[data-certificate-page]')) {
    (await import('./certificate.js')).startCertificate(config, catalog);
  }
}

main();
