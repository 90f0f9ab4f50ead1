// The knowledge check on a module page, one question at a time: a fieldset
// and legend per question ("Fråga 3 av 12" and the prompt), real radio
// buttons or checkboxes inside styled option cards that keep the chosen
// state visible, immediate feedback (focus moves to it) with the right
// option, the explanation and a link to the section that teaches the point,
// then "Nästa fråga". At the end a summary in a live region: the score, what
// to reread, a retry of only the missed questions.
//
// Three attempt kinds (quiz-flow.js): a pre-test before the lesson when the
// module asks for one (no right answers shown, nothing passed), the
// post-test after it, and a retention check offered `retest_after_days`
// after a pass. Each dispatches the styrdok:quiz-* events on `document`
// and sends `attempt` and `answers` with a result.

import * as core from './quiz-core.js';
import * as flow from './quiz-flow.js';
import * as progress from './progress.js';
import { el, uid, reportForm } from './ui.js';

export function startQuiz(section, config) {
  const dataNode = section.querySelector('script.quiz-data');
  if (!dataNode) return;
  const quiz = JSON.parse(dataNode.textContent);
  const s = config.strings;
  const post = progress.quizRecord(quiz.module);
  const pre = document.querySelector('[data-pretest]');
  if (pre && flow.pretestOffered(quiz, progress.attemptRecord('pre', quiz.module), post)) {
    offer(pre, {
      intro: s.tr_pre_intro,
      start: s.tr_pre_start,
      skip: s.tr_pre_skip,
      onStart: (box) => new Quiz(box, quiz, config, 'pre').render(),
      onSkip: () => progress.saveAttemptRecord('pre', quiz.module, { version: quiz.version, skipped: true }),
    });
  }
  if (flow.retentionDue(post, progress.attemptRecord('retention', quiz.module), quiz)) {
    const heading = el('h3', { id: uid('retention'), text: s.tr_retention_heading });
    const box = el('div', { class: 'quiz-offer quiz-offer--retention', role: 'region', 'aria-labelledby': heading.id }, heading);
    section.append(box);
    offer(box, {
      intro: core.fill(s.tr_retention_intro, { days: flow.daysBetween(post.completed_at) }),
      start: s.tr_retention_start,
      onStart: (b) => new Quiz(b, quiz, config, 'retention').render(),
    });
    return;
  }
  new Quiz(section, quiz, config, 'post').render({ focus: false });
}

/** Shows `section` with an intro and a start (and maybe a skip) button. */
function offer(section, { intro, start, skip, onStart, onSkip }) {
  section.hidden = false;
  const text = el('p', { class: 'quiz-offer__intro', text: intro });
  const go = el('button', { type: 'button', class: 'quiz-offer__start', text: start });
  const actions = el('p', { class: 'quiz-offer__actions' }, go);
  section.append(text, actions);
  go.addEventListener('click', () => {
    text.remove();
    actions.remove();
    onStart(section);
  });
  if (!skip) return;
  const no = el('button', { type: 'button', class: 'button--secondary', text: skip });
  actions.append(' ', no);
  no.addEventListener('click', () => {
    onSkip();
    section.hidden = true;
    section.replaceChildren(...[...section.children].filter((c) => c.tagName === 'H2'));
    document.querySelector('#main')?.focus?.();
  });
}

const emit = (name, detail) => document.dispatchEvent(new CustomEvent(`styrdok:quiz-${name}`, { detail }));

class Quiz {
  constructor(section, quiz, config, attempt) {
    this.section = section;
    this.quiz = quiz;
    this.config = config;
    this.attempt = attempt;
    this.s = config.strings;
    this.answers = quiz.questions.map(() => undefined);
  }

  render({ focus = true } = {}) {
    this.list = el('ol', { class: 'quiz__questions' });
    this.form = el('form', { class: 'quiz__form', novalidate: true }, this.list);
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.result = el('div', { class: 'quiz__result', role: 'status', 'aria-live': 'polite' });
    this.section.append(this.form, this.result);
    this.start(focus);
  }

  /**
   * A new attempt over every question. Its start event comes with the
   * first answer: a page that only shows the quiz starts no attempt.
   */
  start(focus) {
    this.layout = core.layout(this.quiz);
    this.answers = this.quiz.questions.map(() => undefined);
    this.started = false;
    this.run(this.layout.order, focus);
  }

  /** Asks the questions `queue` (original indices) one after another. */
  run(queue, focus) {
    this.queue = queue;
    this.pos = 0;
    this.form.hidden = false;
    this.result.replaceChildren();
    this.show(focus);
  }

  show(focus) {
    const entry = this.question(this.queue[this.pos], this.pos);
    this.list.replaceChildren(entry.item);
    if (focus) entry.options.querySelector('input').focus();
  }

  /** One question: a list item holding a fieldset, its feedback and buttons. */
  question(qi, pos) {
    const q = this.quiz.questions[qi];
    const s = this.s;
    const hintId = uid('quiz-hint');
    const number = core.fill(s.tr_question_of, { n: pos + 1, total: this.queue.length });
    const fieldset = el('fieldset', { class: 'quiz-question', 'aria-describedby': hintId });
    fieldset.append(el('legend', {},
      el('span', { class: 'quiz-question__number', text: number }),
      el('span', { class: 'quiz-question__prompt', html: q.prompt })));
    fieldset.append(el('p', { class: 'quiz-question__hint', id: hintId, text: q.kind === 'multiple' ? s.tr_choose_many : s.tr_choose_one }));
    const options = el('div', { class: 'quiz-question__options' });
    fieldset.append(options);
    // The legend says "Fråga 3 av 12"; the bar shows the same to the eye.
    const meter = el('progress', { class: 'quiz-meter', max: this.queue.length, value: pos, 'aria-hidden': 'true' });
    const answer = el('button', { type: 'button', class: 'quiz-question__answer', text: s.tr_answer });
    const feedback = el('div', { class: 'quiz-feedback', tabindex: '-1', hidden: true });
    const last = pos === this.queue.length - 1;
    const next = el('button', { type: 'button', class: 'quiz-question__next', hidden: true, text: last ? s.tr_show_result : s.tr_next });
    const item = el('li', { class: 'quiz__item', 'data-question': qi, 'data-question-id': q.id }, meter, fieldset, answer, feedback, next);
    const entry = { qi, item, options, answer, feedback, next };
    this.fillOptions(entry);
    answer.addEventListener('click', () => this.check(entry));
    next.addEventListener('click', () => this.advance());
    return entry;
  }

  fillOptions(entry) {
    const q = this.quiz.questions[entry.qi];
    const name = uid('quiz-q');
    const choices = q.kind === 'truefalse'
      ? [['true', this.s.tr_true, false], ['false', this.s.tr_false, false]]
      : this.layout.options[entry.qi].map((oi) => [String(oi), q.options[oi], true]);
    const type = q.kind === 'multiple' ? 'checkbox' : 'radio';
    for (const [value, label, html] of choices) {
      const id = uid('quiz-o');
      const input = el('input', { type, name, id, value });
      const text = el('span', { class: 'quiz-option__text', [html ? 'html' : 'text']: label }); // sanitised at build time
      entry.options.append(el('label', { class: 'quiz-option', for: id, 'data-value': value }, input, text));
    }
  }

  check(entry) {
    const q = this.quiz.questions[entry.qi];
    const s = this.s;
    const inputs = [...entry.options.querySelectorAll('input')];
    const values = inputs.filter((i) => i.checked).map((i) => (q.kind === 'truefalse' ? i.value : Number(i.value)));
    const fb = entry.feedback;
    fb.hidden = false;
    if (values.length === 0) {
      fb.className = 'quiz-feedback quiz-feedback--missing';
      fb.replaceChildren(el('p', { text: s.tr_choose_first }));
      fb.focus();
      return;
    }
    const right = core.isCorrect(q, values);
    this.answers[entry.qi] = right;
    const detail = flow.answerDetail(this.quiz, this.attempt, q, values, right);
    if (!this.started) {
      this.started = true;
      emit('start', flow.startDetail(this.quiz, this.attempt));
    }
    for (const i of inputs) i.disabled = true;
    entry.answer.hidden = true;
    entry.item.classList.add(this.attempt === 'pre' ? 'quiz__item--saved' : right ? 'quiz__item--right' : 'quiz__item--wrong');
    this.markOptions(entry, detail);
    if (this.attempt === 'pre') {
      fb.className = 'quiz-feedback quiz-feedback--saved';
      fb.replaceChildren(el('p', { text: s.tr_pre_saved }));
    } else {
      fb.className = `quiz-feedback quiz-feedback--${right ? 'right' : 'wrong'}`;
      fb.replaceChildren(el('p', {}, el('strong', { text: right ? s.tr_correct : s.tr_wrong })));
      if (!right) fb.append(this.rightAnswer(entry, detail.correctResponse));
      if (q.explanation) fb.append(el('div', { class: 'quiz-feedback__explanation', html: q.explanation }));
      if (q.source_url) {
        fb.append(el('p', { class: 'quiz-feedback__source' }, `${s.tr_read_more} `, el('a', { href: q.source_url, text: q.source_title })));
      }
    }
    entry.next.hidden = false;
    emit('answer', detail);
    fb.focus();
  }

  /** Marks the chosen options, and (not in a pre-test) the right ones. */
  markOptions(entry, detail) {
    for (const label of entry.options.querySelectorAll('.quiz-option')) {
      const v = label.dataset.value;
      const tags = [];
      if (detail.response.includes(v)) {
        label.classList.add('quiz-option--chosen');
        tags.push(this.s.tr_your_answer);
      }
      if (this.attempt !== 'pre' && detail.correctResponse.includes(v)) {
        label.classList.add('quiz-option--correct');
        tags.push(this.s.tr_correct_option);
      }
      if (tags.length) label.append(el('span', { class: 'quiz-option__tag', text: tags.join(' · ') }));
    }
  }

  /** "Rätt svar: …" with the right options' texts. */
  rightAnswer(entry, correct) {
    const texts = correct.map((v) => entry.options.querySelector(`.quiz-option[data-value="${v}"] .quiz-option__text`)?.innerHTML || '');
    return el('p', { class: 'quiz-feedback__answer' }, el('span', { text: `${this.s.tr_right_answer} ` }), el('span', { html: texts.join('; ') }));
  }

  advance() {
    this.pos += 1;
    if (this.pos < this.queue.length) this.show(true);
    else this.finish();
  }

  finish() {
    const s = this.s;
    const q = this.quiz;
    const total = q.questions.length;
    const right = this.answers.filter((a) => a === true).length;
    const percent = core.score(this.answers, total);
    const ok = core.passed(percent, q.pass_mark);
    const record = { version: q.version, score: percent, passed: ok, completed_at: new Date().toISOString(), answers: flow.answersField(q, this.answers) };
    if (this.attempt === 'post') progress.saveQuizRecord(q.module, record, (v) => core.major(v) === core.major(q.version));
    else progress.saveAttemptRecord(this.attempt, q.module, record);
    this.form.hidden = true;
    this.list.replaceChildren();
    const box = el('div', { class: `quiz-result quiz-result--${this.attempt === 'post' ? (ok ? 'passed' : 'failed') : this.attempt}`, tabindex: '-1' });
    box.append(el('h3', { text: s.tr_result_heading }));
    const values = { score: percent, pass: q.pass_mark, right, total };
    const text = { pre: s.tr_pre_result, retention: s.tr_retention_result, post: ok ? s.tr_result_passed : s.tr_result_failed }[this.attempt];
    box.append(el('p', { class: 'quiz-result__text', text: core.fill(text, values) }));
    if (this.attempt === 'post') box.append(el('p', { class: 'quiz-result__detail', text: core.fill(s.tr_score_detail, values) }));
    box.append(this.actions(ok));
    if (this.attempt !== 'pre') box.append(...this.reread());
    if (this.config.report_endpoint) box.append(this.reportForm(record));
    this.result.replaceChildren(box);
    emit('result', flow.resultDetail(q, this.attempt, percent, ok, this.answers));
    document.dispatchEvent(new CustomEvent('styrdok:progress'));
    box.focus();
  }

  actions(ok) {
    const s = this.s;
    const actions = el('p', { class: 'quiz-result__actions' });
    if (this.attempt === 'pre') return actions;
    const missed = core.wrongOnes(this.answers);
    if (this.attempt === 'post' && ok) {
      const href = `${this.config.certificate_url}?modul=${encodeURIComponent(this.quiz.module)}`;
      actions.append(el('a', { class: 'button-link', href, text: s.tr_certificate_link }), ' ');
    }
    if (missed.length) {
      const retry = el('button', { type: 'button', text: s.tr_retry_wrong });
      retry.addEventListener('click', () => this.retry(missed));
      actions.append(retry, ' ');
    }
    const restart = el('button', { type: 'button', class: 'button--secondary', text: s.tr_restart });
    restart.addEventListener('click', () => {
      this.attempt = 'post';
      this.start(true);
    });
    actions.append(restart);
    return actions;
  }

  /** The summary's "Läs igen": missed questions with their source sections. */
  reread() {
    const items = flow.toReread(this.quiz, this.layout.order, this.answers);
    if (items.length === 0) return [];
    const list = el('ul', { class: 'quiz-reread__list' });
    for (const item of items) {
      const li = el('li', {}, el('span', { class: 'quiz-reread__prompt', html: item.prompt }));
      if (item.url) li.append(' – ', el('a', { href: item.url, text: item.title }));
      list.append(li);
    }
    return [el('h4', { class: 'quiz-reread__heading', text: this.s.tr_reread_heading }), el('p', { text: this.s.tr_reread_intro }), list];
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
      attempt: this.attempt,
      answers: record.answers,
    };
    return reportForm(this.config, values, { heading: s.tr_report_heading, intro: s.tr_report_intro, submit: s.tr_report_submit });
  }

  /** Asks questions `indices` again (options reshuffled), keeping the others. */
  retry(indices) {
    if (indices.length === 0) return;
    if (this.quiz.shuffle) this.layout.options = core.layout(this.quiz).options;
    for (const qi of indices) this.answers[qi] = undefined;
    this.run(this.layout.order.filter((qi) => indices.includes(qi)), true);
  }
}
