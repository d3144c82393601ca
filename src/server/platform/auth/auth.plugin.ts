// Reads the session cookie into request.actor and checks the CSRF token on every unsafe request of a session.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errors } from '../errors';
import { loadSessionActor } from './actor';
import { safeEqual, sha256 } from './secrets';
import { listenForChanges } from '../../db/notified-cache';
import { sessionCacheOf } from './session-cache';
import { SESSION_COOKIE, touchSession } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 5 * 60_000;

async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);

  const cache = sessionCacheOf<NonNullable<Awaited<ReturnType<typeof loadSessionActor>>>>(app.database.db);
  app.decorate('sessionCache', cache);
  // Behind a pooler in transaction mode LISTEN cannot work: no cache (of sessions or of the
  // organization and catalog), every request reads what it needs.
  if (app.config.DANVAN_SESSION_CACHE === 'on') {
    const stop = await listenForChanges(app.database);
    app.addHook('onClose', async () => stop());
  }

  app.addHook('onRequest', async (req) => {
    // Public and citizen routes do not act as staff: a staff cookie in the same browser neither helps nor needs a CSRF token there.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/public/') || req.url.startsWith('/api/citizen/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const db = app.database.db;
    const tokenHash = sha256(token);
    const found = await cache.get(tokenHash, () => loadSessionActor(db, tokenHash));
    if (!found) return;
    const { session, actor } = found;
    req.actor = actor;
    req.sessionTokenHash = session.tokenHash;
    req.csrfToken = session.csrfToken;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await touchSession(db, session.tokenHash);
      session.lastSeenAt = new Date();
    }
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw errors.csrf();
    }
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['@fastify/cookie'] });
