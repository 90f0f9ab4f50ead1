// The bridge between a module's quiz and a learning platform, loaded only
// by the pages of a styrdok package (SCORM 1.2, SCORM 2004, cmi5; see
// templates/lms.html). It listens to the quiz's browser events
// (styrdok:quiz-start, -answer, -result) and reports them to the platform:
// status, score, one interaction per question, session time, and suspend
// data so that a learner can resume. A module without a quiz is completed
// by viewing its end. It sends nothing anywhere but to the platform that
// launched the page.

import { scorm12, scorm2004 } from './lms-scorm.js';
import { cmi5 } from './lms-cmi5.js';
import config from './training-config.js';

const launchNode = document.getElementById('lms-launch');
const launch = launchNode ? JSON.parse(launchNode.textContent) : null;

/** The status line on the page, in the site's language. */
function say(text) {
  const node = document.querySelector('[data-lms-status]');
  if (!node || !text) return;
  node.textContent = text;
  node.hidden = false;
}

function fill(text, values) {
  return String(text || '').replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/**
 * Wires a platform adapter to the page: `adapter` has start() → (a promise
 * of) {state, resumed} or null, answer(detail, state), result(detail,
 * state), viewed(state), finish(state, ms). The quiz's events are listened
 * to at once and handled in order once the platform has answered.
 */
export function connect(adapter, strings = {}, page = launch) {
  const started = Date.now();
  const handlers = {
    'styrdok:quiz-start': (d, state) => {
      state.attempts += 1;
      return adapter.save?.(state);
    },
    'styrdok:quiz-answer': (d, state) => {
      state.answers[d.question] = [d.correct ? 1 : 0, (d.response || []).join(',')];
      return adapter.answer(d, state);
    },
    'styrdok:quiz-result': async (d, state) => {
      state.last = d.score;
      state.best = Math.max(state.best ?? 0, d.score);
      if (d.passed) state.passed = true;
      await adapter.result(d, state);
      say(fill(d.passed ? strings.tr_lms_passed : strings.tr_lms_failed, { score: d.score }));
    },
  };
  let state = null;
  let chain = Promise.resolve(adapter.start()).then((session) => {
    if (!session) {
      say(strings.tr_lms_no_platform);
      return;
    }
    state = session.state;
    if (session.resumed && state.last !== null) {
      say(fill(strings.tr_lms_resumed, { score: state.last, best: state.best ?? state.last }));
    }
  });
  const run = (step) => {
    chain = chain.then(() => (state ? step(state) : undefined)).catch((e) => console.warn('styrdok lms:', e));
    return chain;
  };
  for (const [name, handle] of Object.entries(handlers)) {
    document.addEventListener(name, (e) => {
      if (ours(e.detail, page)) run((st) => handle(e.detail, st));
    });
  }
  const end = document.querySelector('[data-lms-end]');
  if (page && page.passMark == null && end) {
    new IntersectionObserver((entries, observer) => {
      if (!entries.some((x) => x.isIntersecting)) return;
      observer.disconnect();
      run(async (st) => {
        st.viewed = true;
        await adapter.viewed(st);
        say(strings.tr_lms_viewed);
      });
    }).observe(end);
  }
  let finished = false;
  const finish = () => {
    if (finished) return chain;
    finished = true;
    return run((st) => adapter.finish(st, Date.now() - started));
  };
  window.addEventListener('pagehide', finish);
  return { finish, settled: () => chain, state: () => state };
}

function ours(detail, page) {
  return detail && page && detail.module === page.module && detail.attempt !== 'pre';
}

if (launch) {
  const adapters = { scorm12, scorm2004, cmi5 };
  const make = adapters[launch.standard];
  if (make) window.styrdokLms = connect(make(launch, window), config.strings || {});
}
