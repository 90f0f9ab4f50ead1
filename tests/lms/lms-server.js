// The learning platform of the cmi5 suites: it serves a package under
// /pkg/, answers one-time fetch URLs under /fetch/ with the auth token, and
// is the AU's xAPI endpoint under /lrs/ — State documents kept here,
// statements passed on to Ralph (the platform's LRS) with the token the AU
// got. With `cors` (an origin), content hosted there may call it, as a
// real platform allows for AUs on another server (the site's pages).

import { createServer } from 'node:http';
import { extname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CSP } from '../e2e/harness.js';
import { body } from './ralph.js';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

/** Starts the platform; resolves to { origin, states, fetches, launchUrl, close }. */
export async function startLms({ ralph, files = new Map(), cors = null }) {
  const tokens = new Map();
  const states = new Map();
  /** The POSTs to each fetch URL, by its path. */
  const fetches = new Map();
  const allow = cors ? {
    'Access-Control-Allow-Origin': cors,
    'Access-Control-Allow-Methods': 'GET, POST, PUT',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
  } : {};
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    const head = (status, headers = {}) => res.writeHead(status, { ...allow, ...headers });
    if (path.startsWith('/pkg/')) {
      const file = files.get(path.slice(5));
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] || 'application/octet-stream', 'Content-Security-Policy': CSP });
      return res.end(file);
    }
    if (req.method === 'OPTIONS' && cors) return head(204).end();
    if (path.startsWith('/fetch/') && req.method === 'POST') {
      fetches.set(path, (fetches.get(path) || 0) + 1);
      const once = tokens.get(path);
      tokens.delete(path);
      head(200, { 'Content-Type': 'application/json' });
      // cmi5: a fetch URL answers once; again, it is an error in the body.
      return res.end(JSON.stringify(once ? { 'auth-token': once } : { 'error-code': '1', 'error-text': 'already used' }));
    }
    if (path === '/lrs/activities/state') {
      if (req.headers.authorization !== ralph.authorization) return head(401).end();
      const key = [url.searchParams.get('stateId'), url.searchParams.get('activityId'), url.searchParams.get('agent'), url.searchParams.get('registration')].join('|');
      if (req.method === 'PUT' || req.method === 'POST') {
        states.set(key, await body(req));
        return head(204).end();
      }
      if (!states.has(key)) return head(404).end();
      head(200, { 'Content-Type': 'application/json' });
      return res.end(states.get(key));
    }
    if (path === '/lrs/statements') {
      const upstream = await fetch(`${ralph.url}/xAPI/statements${url.search}`, {
        method: req.method,
        headers: {
          Authorization: req.headers.authorization || '',
          'X-Experience-API-Version': req.headers['x-experience-api-version'] || '',
          'Content-Type': 'application/json',
        },
        body: req.method === 'POST' || req.method === 'PUT' ? await body(req) : undefined,
      });
      const text = await upstream.text();
      if (!upstream.ok) console.error(`Ralph ${upstream.status}: ${text}`);
      head(upstream.status, { 'Content-Type': 'application/json' });
      return res.end(text);
    }
    head(404).end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    states,
    fetches,
    /**
     * A launch URL for the AU at `au` (absolute, or a path on this server),
     * as the platform writes it, with LMS.LaunchData (`launchData` added
     * to a context template carrying a new session id) stored for it.
     */
    launchUrl({ au, activityId, actor, registration, launchData = {} }) {
      const fetchPath = `/fetch/${randomUUID()}`;
      tokens.set(fetchPath, ralph.authorization.slice('Basic '.length));
      const agent = JSON.stringify(actor);
      const sessionid = randomUUID();
      states.set(['LMS.LaunchData', activityId, agent, registration].join('|'), JSON.stringify({
        contextTemplate: { extensions: { [SESSION_EXT]: sessionid } },
        launchMode: 'Normal',
        ...launchData,
      }));
      const q = new URLSearchParams({ endpoint: `${origin}/lrs/`, fetch: `${origin}${fetchPath}`, actor: agent, registration, activityId });
      return { url: `${new URL(au, origin)}?${q}`, sessionid, fetchPath };
    },
    close: () => new Promise((c) => { server.close(c); server.closeAllConnections(); }),
  };
}
