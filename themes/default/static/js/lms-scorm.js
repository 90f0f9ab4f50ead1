// SCORM 1.2 and SCORM 2004 (4th edition) for js/lms.js: finds the
// platform's API object (`API`, `API_1484_11`) in the frames above the
// page or the window that opened it, and writes the CMI data model.

import { readState, suspendData } from './lms-state.js';

/** The API object named `name` in `win`, its parents or its opener's. */
export function findApi(win, name) {
  const look = (start) => {
    let w = start;
    for (let depth = 0; w && depth < 12; depth += 1) {
      try {
        if (w[name]) return w[name];
      } catch { /* another origin's frame */ }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  return look(win) || (win.opener ? look(win.opener) : null);
}

/** An option id as a SCORM choice identifier: `0`–`35` as `0`–`9`, `a`–`z`. */
export function choiceId(option) {
  const s = String(option);
  if (/^\d+$/.test(s) && Number(s) < 36) return Number(s).toString(36);
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** A response (`detail.response`) in the SCORM 1.2 or 2004 format. */
export function responseText(type, response, edition) {
  const list = response || [];
  if (type === 'truefalse') {
    const yes = list[0] === 'true';
    return edition === 12 ? (yes ? 't' : 'f') : String(yes);
  }
  return list.map(choiceId).join(edition === 12 ? ',' : '[,]');
}

const pad = (n, w = 2) => String(Math.floor(n)).padStart(w, '0');

/** Milliseconds as SCORM 1.2's CMITimespan (`HH:MM:SS.SS`). */
export function timespan12(ms) {
  const s = ms / 1000;
  const cs = Math.floor((s % 1) * 100);
  return `${pad(s / 3600)}:${pad((s % 3600) / 60)}:${pad(s % 60)}.${pad(cs)}`;
}

/** Milliseconds as an ISO 8601 duration (SCORM 2004, xAPI). */
export function duration(ms) {
  const s = Math.round(ms / 10) / 100;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round((s % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec}S`;
}

/** Local time as `YYYY-MM-DDThh:mm:ss` (SCORM 2004's time(second,10,0)). */
function timestamp(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function plain(html) {
  const div = document.createElement('div');
  div.innerHTML = html || '';
  return (div.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 250);
}

/** The SCORM 1.2 adapter. */
export function scorm12(launch, win) {
  let api = null;
  const set = (k, v) => api.LMSSetValue(k, String(v));
  const commit = () => api.LMSCommit('');
  const save = (state) => set('cmi.suspend_data', suspendData(state, 4096));
  return {
    start() {
      api = findApi(win, 'API');
      if (!api || String(api.LMSInitialize('')) !== 'true') return null;
      const status = api.LMSGetValue('cmi.core.lesson_status');
      if (!status || status === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
      const resumed = api.LMSGetValue('cmi.core.entry') === 'resume';
      const state = readState(api.LMSGetValue('cmi.suspend_data'));
      commit();
      return { state, resumed };
    },
    save(state) {
      save(state);
      commit();
    },
    answer(d, state) {
      const n = Number(api.LMSGetValue('cmi.interactions._count')) || 0;
      const p = `cmi.interactions.${n}.`;
      set(`${p}id`, d.question);
      set(`${p}type`, d.type === 'truefalse' ? 'true-false' : 'choice');
      set(`${p}student_response`, responseText(d.type, d.response, 12));
      if (d.correctResponse) set(`${p}correct_responses.0.pattern`, responseText(d.type, d.correctResponse, 12));
      set(`${p}result`, d.correct ? 'correct' : 'wrong');
      const now = new Date();
      set(`${p}time`, `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`);
      save(state);
      commit();
    },
    result(d, state) {
      // A pass stays a pass: a later, weaker attempt does not undo it.
      if (d.passed || !state.passedBefore) {
        set('cmi.core.score.min', 0);
        set('cmi.core.score.max', 100);
        set('cmi.core.score.raw', d.score);
        set('cmi.core.lesson_status', d.passed ? 'passed' : 'failed');
      }
      state.passedBefore = state.passed;
      save(state);
      commit();
    },
    viewed(state) {
      set('cmi.core.lesson_status', 'completed');
      save(state);
      commit();
    },
    finish(state, ms) {
      set('cmi.core.session_time', timespan12(ms));
      set('cmi.core.exit', state.passed || state.viewed ? '' : 'suspend');
      save(state);
      commit();
      api.LMSFinish('');
    },
  };
}

/** The SCORM 2004 adapter. */
export function scorm2004(launch, win) {
  let api = null;
  const prompts = {};
  const get = (k) => api.GetValue(k);
  const set = (k, v) => api.SetValue(k, String(v));
  const save = (state) => set('cmi.suspend_data', suspendData(state, 64000));
  const commit = () => api.Commit('');
  /** The index of the interaction for question `id` (a new one if none). */
  const slot = (id) => {
    const count = Number(get('cmi.interactions._count')) || 0;
    for (let k = 0; k < count; k += 1) if (get(`cmi.interactions.${k}.id`) === id) return [k, false];
    return [count, true];
  };
  return {
    start() {
      api = findApi(win, 'API_1484_11');
      if (!api || String(api.Initialize('')) !== 'true') return null;
      const status = get('cmi.completion_status');
      if (!status || status === 'unknown' || status === 'not attempted') set('cmi.completion_status', 'incomplete');
      const resumed = get('cmi.entry') === 'resume';
      const state = readState(get('cmi.suspend_data'));
      commit();
      document.addEventListener('styrdok:quiz-start', (e) => {
        for (const q of e.detail?.questions || []) prompts[q.id] = plain(q.prompt);
      });
      return { state, resumed };
    },
    save(state) {
      save(state);
      commit();
    },
    answer(d, state) {
      const [n, fresh] = slot(d.question);
      const p = `cmi.interactions.${n}.`;
      if (fresh) {
        set(`${p}id`, d.question);
        set(`${p}type`, d.type === 'truefalse' ? 'true-false' : 'choice');
        if (prompts[d.question]) set(`${p}description`, prompts[d.question]);
        if (d.correctResponse) set(`${p}correct_responses.0.pattern`, responseText(d.type, d.correctResponse, 2004));
      }
      set(`${p}timestamp`, timestamp());
      set(`${p}learner_response`, responseText(d.type, d.response, 2004));
      set(`${p}result`, d.correct ? 'correct' : 'incorrect');
      save(state);
      commit();
    },
    result(d, state) {
      if (d.passed || !state.passedBefore) {
        set('cmi.score.min', 0);
        set('cmi.score.max', 100);
        set('cmi.score.raw', d.score);
        set('cmi.score.scaled', d.score / 100);
        set('cmi.success_status', d.passed ? 'passed' : 'failed');
      }
      state.passedBefore = state.passed;
      set('cmi.completion_status', 'completed');
      save(state);
      commit();
    },
    viewed(state) {
      set('cmi.completion_status', 'completed');
      // Read to the end is what this module asks: in a path, the next
      // module's precondition reads this as satisfied.
      set('cmi.success_status', 'passed');
      save(state);
      commit();
    },
    finish(state, ms) {
      set('cmi.session_time', duration(ms));
      set('cmi.exit', state.passed || state.viewed ? 'normal' : 'suspend');
      save(state);
      commit();
      api.Terminate('');
    },
  };
}
