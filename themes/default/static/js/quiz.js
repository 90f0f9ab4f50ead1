// The knowledge check on a module page: questions as real form controls
// (a fieldset and legend per question, radio buttons or checkboxes), an
// explanation after each answer with focus moved to it, a result announced
// through a live region, retry of the wrong ones, and the result saved per
// module id and version.

import * as core from './quiz-core.js';
import * as progress from './progress.js';
import { el, uid, reportForm } from './ui.js';

export function startQuiz(section, config) {
  const dataNode = section.querySelector('script.quiz-data');
  if (!dataNode) return;
  const quiz = JSON.parse(dataNode.textContent);
  const state = new Quiz(section, quiz, config);
  state.render();
}

class Quiz {
  constructor(section, quiz, config) {
    this.section = section;
    this.quiz = quiz;
    this.config = config;
    this.s = config.strings;
    this.answers = quiz.questions.map(() => undefined);
    this.items = [];
  }

  render() {
    this.list = el('ol', { class: 'quiz__questions' });
    this.form = el('form', { class: 'quiz__form', novalidate: true }, this.list);
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.result = el('div', { class: 'quiz__result', role: 'status', 'aria-live': 'polite' });
    this.section.append(this.form, this.result);
    this.layout = core.layout(this.quiz);
    this.layout.order.forEach((qi, pos) => this.list.append(this.question(qi, pos)));
  }

  /** One question as a list item holding a fieldset. */
  question(qi, pos) {
    const q = this.quiz.questions[qi];
    const s = this.s;
    const total = this.quiz.questions.length;
    const hintId = uid('quiz-hint');
    const fieldset = el('fieldset', { class: 'quiz-question', 'aria-describedby': hintId });
    const legend = el('legend', {},
      el('span', { class: 'quiz-question__number', text: core.fill(s.tr_question_of, { n: pos + 1, total }) }),
      el('span', { class: 'quiz-question__prompt', html: q.prompt }));
    fieldset.append(legend);
    fieldset.append(el('p', { class: 'quiz-question__hint', id: hintId, text: q.kind === 'multiple' ? s.tr_choose_many : s.tr_choose_one }));
    const options = el('div', { class: 'quiz-question__options' });
    fieldset.append(options);
    const answer = el('button', { type: 'button', class: 'quiz-question__answer', text: s.tr_answer });
    const feedback = el('div', { class: 'quiz-feedback', tabindex: '-1', hidden: true });
    fieldset.append(answer, feedback);
    const item = el('li', { class: 'quiz__item', 'data-question': qi }, fieldset);
    const entry = { qi, item, fieldset, options, answer, feedback };
    this.fillOptions(entry);
    answer.addEventListener('click', () => this.check(entry));
    this.items[qi] = entry;
    return item;
  }

  fillOptions(entry) {
    const q = this.quiz.questions[entry.qi];
    entry.options.replaceChildren();
    const name = uid('quiz-q');
    const choices = q.kind === 'truefalse'
      ? [['true', this.s.tr_true], ['false', this.s.tr_false]]
      : this.layout.options[entry.qi].map((oi) => [String(oi), q.options[oi]]);
    const type = q.kind === 'multiple' ? 'checkbox' : 'radio';
    for (const [value, label] of choices) {
      const id = uid('quiz-o');
      const input = el('input', { type, name, id, value });
      const lab = el('label', { for: id });
      if (q.kind === 'truefalse') lab.textContent = label;
      else lab.innerHTML = label; // sanitised at build time
      entry.options.append(el('div', { class: 'quiz-option' }, input, lab));
    }
  }

  check(entry) {
    const q = this.quiz.questions[entry.qi];
    const inputs = [...entry.options.querySelectorAll('input')];
    const values = inputs.filter((i) => i.checked).map((i) => (q.kind === 'truefalse' ? i.value : Number(i.value)));
    const fb = entry.feedback;
    fb.hidden = false;
    if (values.length === 0) {
      fb.className = 'quiz-feedback quiz-feedback--missing';
      fb.replaceChildren(el('p', { text: this.s.tr_choose_first }));
      fb.focus();
      return;
    }
    const right = core.isCorrect(q, values);
    this.answers[entry.qi] = right;
    for (const i of inputs) i.disabled = true;
    entry.answer.hidden = true;
    entry.item.classList.toggle('quiz__item--right', right);
    entry.item.classList.toggle('quiz__item--wrong', !right);
    fb.className = `quiz-feedback quiz-feedback--${right ? 'right' : 'wrong'}`;
    fb.replaceChildren(el('p', {}, el('strong', { text: right ? this.s.tr_correct : this.s.tr_wrong })));
    if (q.explanation) fb.append(el('div', { class: 'quiz-feedback__explanation', html: q.explanation }));
    fb.focus();
    if (this.answers.every((a) => a !== undefined)) this.finish();
    else this.result.replaceChildren(el('p', { text: this.progressText() }));
  }

  progressText() {
    const answered = this.answers.filter((a) => a !== undefined).length;
    return core.fill(this.s.tr_progress_answered, { answered, total: this.answers.length });
  }

  finish() {
    const s = this.s;
    const q = this.quiz;
    const percent = core.score(this.answers, q.questions.length);
    const ok = core.passed(percent, q.pass_mark);
    const record = { version: q.version, score: percent, passed: ok, completed_at: new Date().toISOString() };
    progress.saveQuizRecord(q.module, record, (v) => core.major(v) === core.major(q.version));
    const box = el('div', { class: `quiz-result quiz-result--${ok ? 'passed' : 'failed'}` });
    box.append(el('h3', { text: s.tr_result_heading }));
    box.append(el('p', { class: 'quiz-result__text', text: core.fill(ok ? s.tr_result_passed : s.tr_result_failed, { score: percent, pass: q.pass_mark }) }));
    const actions = el('p', { class: 'quiz-result__actions' });
    if (ok) {
      const href = `${this.config.certificate_url}?modul=${encodeURIComponent(q.module)}`;
      actions.append(el('a', { class: 'button-link', href, text: s.tr_certificate_link }));
    } else {
      const retry = el('button', { type: 'button', text: s.tr_retry_wrong });
      retry.addEventListener('click', () => this.retry(core.wrongOnes(this.answers)));
      actions.append(retry, ' ');
    }
    const restart = el('button', { type: 'button', class: 'button-secondary', text: s.tr_restart });
    restart.addEventListener('click', () => this.retry(this.answers.map((_, i) => i)));
    actions.append(restart);
    box.append(actions);
    if (this.config.report_endpoint) box.append(this.reportForm(record));
    this.result.replaceChildren(box);
    document.dispatchEvent(new CustomEvent('styrdok:progress'));
  }

  reportForm(record) {
    const s = this.s;
    const values = {
      kind: 'quiz',
      id: this.quiz.module,
      version: record.version,
      score: record.score,
      passed: record.passed ? 'true' : 'false',
      role: progress.role(),
      completed_at: record.completed_at,
    };
    return reportForm(this.config, values, { heading: s.tr_report_heading, intro: s.tr_report_intro, submit: s.tr_report_submit });
  }

  /** Asks questions `indices` again (options reshuffled), keeping the others. */
  retry(indices) {
    if (indices.length === 0) return;
    if (this.quiz.shuffle) this.layout.options = core.layout(this.quiz).options;
    for (const qi of indices) {
      const entry = this.items[qi];
      this.answers[qi] = undefined;
      entry.item.classList.remove('quiz__item--right', 'quiz__item--wrong');
      entry.answer.hidden = false;
      entry.feedback.hidden = true;
      entry.feedback.replaceChildren();
      this.fillOptions(entry);
    }
    this.result.replaceChildren(el('p', { text: this.progressText() }));
    const first = this.layout.order.find((qi) => indices.includes(qi));
    this.items[first].options.querySelector('input').focus();
  }
}
