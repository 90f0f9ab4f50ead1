// cmi5 for js/lms.js: the launch protocol (endpoint, fetch, actor,
// registration and activityId from the launch URL; the auth token from the
// fetch URL; LMS.LaunchData from the LRS) and the statements: initialized,
// answered per question, passed or failed, completed, terminated. Every
// statement carries the module version (in the activity id and as a
// context extension). The token lives only in this page's memory.

import { readState } from './lms-state.js';
import { choiceId, duration } from './lms-scorm.js';

const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};
const CMI5_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const MOVEON_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const SUSPEND_STATE = 'styrdok-suspend';

export function uuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The cmi5 launch parameters of `url`, or null when one is missing. */
export function launchParameters(url) {
  const q = new URL(url).searchParams;
  const p = Object.fromEntries(['endpoint', 'fetch', 'actor', 'registration', 'activityId'].map((k) => [k, q.get(k)]));
  if (Object.values(p).some((v) => !v)) return null;
  try {
    p.actor = JSON.parse(p.actor);
  } catch {
    return null;
  }
  if (!p.endpoint.endsWith('/')) p.endpoint += '/';
  return p;
}

/** The cmi5 adapter. */
export function cmi5(launch, win) {
  let p = null;
  let token = '';
  let template = {};
  let mastery = null;
  const started = Date.now();
  const headers = () => ({
    Authorization: `Basic ${token}`,
    'X-Experience-API-Version': '1.0.3',
    'Content-Type': 'application/json',
  });
  const stateUrl = (id) => `${p.endpoint}activities/state?${new URLSearchParams({
    stateId: id, activityId: p.activityId, agent: JSON.stringify(p.actor), registration: p.registration,
  })}`;
  const context = (cmi5Defined, extra = {}) => {
    const ctx = structuredClone(template);
    ctx.registration = p.registration;
    ctx.contextActivities = ctx.contextActivities || {};
    if (cmi5Defined) ctx.contextActivities.category = [...(ctx.contextActivities.category || []), CMI5_CATEGORY];
    ctx.extensions = { ...(ctx.extensions || {}), [launch.versionExtension]: launch.version, ...extra };
    return ctx;
  };
  const send = (verb, { object, result, cmi5Defined = true, extra, moveOn = false } = {}) => {
    const ctx = context(cmi5Defined, extra);
    if (moveOn) ctx.contextActivities.category.push(MOVEON_CATEGORY);
    const statement = {
      id: uuid(),
      actor: p.actor,
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: object || { objectType: 'Activity', id: p.activityId },
      context: ctx,
      timestamp: new Date().toISOString(),
    };
    if (result) statement.result = result;
    return fetch(`${p.endpoint}statements`, {
      method: 'POST', headers: headers(), body: JSON.stringify(statement), keepalive: true,
    });
  };
  const save = (state) => fetch(stateUrl(SUSPEND_STATE), {
    method: 'PUT', headers: headers(), body: JSON.stringify(state), keepalive: true,
  });
  const complete = (state) => {
    if (state.completed) return null;
    state.completed = true;
    return send('completed', { result: { completion: true, duration: duration(Date.now() - started) }, moveOn: true });
  };
  return {
    async start() {
      p = launchParameters(win.location.href);
      if (!p) return null;
      const fetched = await fetch(p.fetch, { method: 'POST' });
      if (!fetched.ok) return null;
      token = (await fetched.json())['auth-token'];
      const data = await fetch(stateUrl('LMS.LaunchData'), { headers: headers() });
      if (data.ok) {
        const launchData = await data.json();
        template = launchData.contextTemplate || {};
        mastery = launchData.masteryScore ?? null;
      }
      const saved = await fetch(stateUrl(SUSPEND_STATE), { headers: headers() });
      const state = readState(saved.ok ? await saved.text() : '');
      await send('initialized');
      return { state, resumed: saved.ok };
    },
    save,
    async answer(d, state) {
      const type = d.type === 'truefalse' ? 'true-false' : 'choice';
      const format = (list) => (type === 'true-false' ? String(list[0] === 'true') : list.map(choiceId).join('[,]'));
      const definition = { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: type };
      if (d.correctResponse) definition.correctResponsesPattern = [format(d.correctResponse)];
      await send('answered', {
        cmi5Defined: false,
        object: { objectType: 'Activity', id: `${p.activityId}/questions/${encodeURIComponent(d.question)}`, definition },
        result: { response: format(d.response || []), success: Boolean(d.correct) },
      });
      await save(state);
    },
    async result(d, state) {
      // cmi5: one passed per registration; a failed after a pass says nothing new.
      if (!state.passedBefore) {
        const extra = mastery === null ? {} : { [MASTERY]: mastery };
        await send(d.passed ? 'passed' : 'failed', {
          result: {
            score: { scaled: d.score / 100, raw: d.score, min: 0, max: 100 },
            success: Boolean(d.passed),
            duration: duration(Date.now() - started),
          },
          extra,
          moveOn: Boolean(d.passed),
        });
      }
      state.passedBefore = state.passed;
      await complete(state);
      await save(state);
    },
    async viewed(state) {
      await complete(state);
      await save(state);
    },
    async finish(state, ms) {
      await save(state);
      await send('terminated', { result: { duration: duration(ms) } });
    },
  };
}
