// Read receipts through a learning platform (cmi5). A governing document
// that a cmi5 course gives to read is an AU whose URL is its page on the
// site; launched from the platform, the URL carries the cmi5 launch
// parameters (endpoint, fetch, actor, registration, activityId). Only then
// does training.js load this file. It fetches the auth token from the
// fetch URL once (POST) and keeps it, with the session's progress, in
// sessionStorage, never in the page or in a URL. Statements:
// `initialized` and `experienced` when the page opens; `attested`,
// `completed` and `terminated` when the reader confirms; `terminated` alone
// when the page is left unconfirmed (the session is then over, and a reload
// says to open the document from the platform again). `experienced` and
// `attested` are about the document version (BASE/xapi/documents/ID/vV,
// the version also as a context extension); the cmi5-defined ones about
// the AU the platform launched.

import { launchParameters, uuid } from './lms-cmi5.js';
import { duration } from './lms-scorm.js';

const VERB = 'http://adlnet.gov/expapi/verbs/';
const CMI5_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const MOVEON_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
const DOCUMENT_TYPE = 'http://id.tincanapi.com/activitytype/document';
const SESSION_PREFIX = 'styrdok:cmi5:';

function storage(win) {
  try {
    return win.sessionStorage || null;
  } catch {
    return null;
  }
}

/** This launch's session in sessionStorage, by its one-time fetch URL. */
function sessionStore(win, p) {
  const s = storage(win);
  const key = SESSION_PREFIX + p.fetch;
  return {
    read() {
      try {
        return JSON.parse(s?.getItem(key)) || {};
      } catch {
        return {};
      }
    },
    write(value) {
      try {
        s?.setItem(key, JSON.stringify(value));
      } catch {
        // Storage off or full: the session then lasts as long as the page.
      }
    },
  };
}

/**
 * The receipt's connection to the platform for `doc` = {activity,
 * versionExtension, version, title, lang}. start() resolves to true when
 * the platform answered (and `experienced` was sent), else false;
 * attest() resolves to true when `attested` was stored.
 */
export function lmsReceipt(doc, win = window) {
  const p = launchParameters(win.location.href);
  const store = sessionStore(win, p);
  let session = store.read();
  let template = {};
  const started = Date.now();
  const headers = () => ({
    Authorization: `Basic ${session.token}`,
    'X-Experience-API-Version': '1.0.3',
    'Content-Type': 'application/json',
  });
  const save = (change) => {
    session = { ...session, ...change };
    store.write(session);
  };
  const object = {
    objectType: 'Activity',
    id: doc.activity,
    definition: { type: DOCUMENT_TYPE, name: { [doc.lang]: doc.title } },
  };
  const send = async (verb, { object, cmi5Defined = false, moveOn = false, result } = {}) => {
    const ctx = structuredClone(template);
    ctx.registration = p.registration;
    ctx.contextActivities = ctx.contextActivities || {};
    const category = [...(ctx.contextActivities.category || [])];
    if (cmi5Defined) category.push(CMI5_CATEGORY);
    if (moveOn) category.push(MOVEON_CATEGORY);
    if (category.length) ctx.contextActivities.category = category;
    ctx.extensions = { ...(ctx.extensions || {}), [doc.versionExtension]: doc.version };
    const statement = {
      id: uuid(),
      actor: p.actor,
      verb: { id: VERB + verb, display: { 'en-US': verb } },
      object: object || { objectType: 'Activity', id: p.activityId },
      context: ctx,
      timestamp: new Date().toISOString(),
    };
    if (result) statement.result = result;
    const res = await fetch(`${p.endpoint}statements`, {
      method: 'POST', headers: headers(), body: JSON.stringify(statement), keepalive: true,
    });
    return res.ok;
  };
  const terminate = () => {
    save({ terminated: true });
    return send('terminated', { cmi5Defined: true, result: { duration: duration(Date.now() - started) } });
  };
  // Steps run one after another; `ready` once the platform has answered.
  let ready = false;
  let chain = Promise.resolve(false);
  const then = (step) => {
    chain = chain.then(step).catch((e) => {
      console.warn('styrdok lms receipt:', e);
      return false;
    });
    return chain;
  };
  return {
    start: () => then(async () => {
      if (session.terminated) return false;
      if (!session.token) {
        const fetched = await fetch(p.fetch, { method: 'POST' });
        const answer = fetched.ok ? await fetched.json() : {};
        if (!answer['auth-token']) return false;
        save({ token: answer['auth-token'] });
      }
      const stateUrl = `${p.endpoint}activities/state?${new URLSearchParams({
        stateId: 'LMS.LaunchData', activityId: p.activityId, agent: JSON.stringify(p.actor), registration: p.registration,
      })}`;
      const data = await fetch(stateUrl, { headers: headers() });
      if (data.ok) template = (await data.json()).contextTemplate || {};
      if (!session.initialized) {
        if (!(await send('initialized', { cmi5Defined: true }))) return false;
        save({ initialized: true });
      }
      ready = await send('experienced', { object });
      return ready;
    }),
    attest: () => then(async () => {
      if (!ready || session.terminated) return false;
      if (!(await send('attested', { object, result: { completion: true } }))) return false;
      if (!session.completed) {
        await send('completed', {
          cmi5Defined: true, moveOn: true, result: { completion: true, duration: duration(Date.now() - started) },
        });
        save({ completed: true });
      }
      await terminate();
      return true;
    }),
    finish: () => then(async () => {
      if (ready && !session.terminated) await terminate();
      return false;
    }),
    settled: () => chain,
  };
}
