// Small DOM helpers shared by the training scripts, and the form that sends
// a result or read receipt to `training.report_endpoint`.

import * as progress from './progress.js';

/** Creates an element with attributes (`text` sets textContent) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'html') node.innerHTML = v; // only HTML styrdok sanitised at build time
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

let counter = 0;
/** A page-unique id for label/for and aria attributes. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A small status label next to an item ("Klar", "Ny version …"). */
export function badge(state, text) {
  return el('span', { class: `progress-badge progress-badge--${state}`, text });
}

/**
 * The fields SPEC §4 names, in order; the endpoint receives exactly these,
 * and a quiz result also `attempt` (pre | post | retention) and `answers`
 * (`qid=1;qid=0;…`, 1 = right).
 */
export const REPORT_FIELDS = ['kind', 'id', 'version', 'score', 'passed', 'name', 'email', 'unit', 'role', 'completed_at'];
export const QUIZ_FIELDS = ['attempt', 'answers'];

/**
 * A real `<form method="post">` to the report endpoint. `values` fills the
 * hidden fields; name, e-mail and unit are typed by the person (and
 * remembered). `onSubmit` runs before the browser sends the form.
 */
export function reportForm(config, values, { heading, intro, submit, onSubmit }) {
  const s = config.strings;
  const me = progress.person();
  const form = el('form', { class: 'report-form', method: 'post', action: config.report_endpoint });
  if (heading) form.append(el('h3', { text: heading }));
  if (intro) form.append(el('p', { text: intro }));
  const hidden = ['kind', 'id', 'version', 'score', 'passed', 'role', 'completed_at'];
  if (values.kind === 'quiz') hidden.push(...QUIZ_FIELDS);
  for (const name of hidden) {
    form.append(el('input', { type: 'hidden', name, value: values[name] ?? '' }));
  }
  const row = (label, input) => {
    const id = uid('report');
    input.id = id;
    return el('div', { class: 'form-row' }, el('label', { for: id, text: label }), input);
  };
  form.append(row(s.tr_name, el('input', { type: 'text', name: 'name', autocomplete: 'name', required: true, value: me.name || '' })));
  form.append(row(s.tr_email, el('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, value: me.email || '' })));
  const unit = el('select', { name: 'unit' }, el('option', { value: '', text: s.tr_unit_none }));
  for (const u of config.units || []) {
    unit.append(el('option', { value: u.id, text: u.name, selected: u.id === me.unit }));
  }
  form.append(row(s.tr_unit, unit));
  form.append(el('button', { type: 'submit', text: submit }));
  form.addEventListener('submit', () => {
    const data = new FormData(form);
    progress.savePerson({ name: data.get('name'), email: data.get('email'), unit: data.get('unit') });
    if (onSubmit) onSubmit(form);
  });
  return form;
}
