// Reads the citizen's session cookie into request.citizen on the citizen and public routes, and checks the CSRF token on their unsafe requests.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errors } from '../../platform/errors';
import { safeEqual } from '../../platform/auth/secrets';
import { CITIZEN_COOKIE, findCitizenSession, touchCitizenSession } from './citizens.sessions';
import type { CitizenRow } from './citizens.sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 5 * 60_000;
/** Where a citizen's session means something; staff routes never see it (and the staff session is not read here). */
export const CITIZEN_PATHS = ['/api/citizen/', '/api/public/'];

export const isCitizenPath = (url: string) => CITIZEN_PATHS.some((p) => url.startsWith(p));

async function citizenAuthPlugin(app: FastifyInstance) {
  app.decorateRequest('citizen', null);
  app.decorateRequest('citizenToken', null);
  app.decorateRequest('citizenCsrfToken', null);
  app.addHook('onRequest', async (req) => {
    if (!isCitizenPath(req.url)) return;
    const token = req.cookies[CITIZEN_COOKIE];
    if (!token) return;
    const db = app.database.db;
    const found = await findCitizenSession(db, token);
    if (!found) return;
    // Like the staff session: a forged cross-site form cannot act with the citizen's cookie.
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, found.session.csrfToken)) throw errors.csrf();
    }
    req.citizen = found.citizen;
    req.citizenToken = token;
    req.citizenCsrfToken = found.session.csrfToken;
    if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchCitizenSession(db, found.session.tokenHash);
  });
}

export default fp(citizenAuthPlugin, { name: 'citizen-auth', dependencies: ['@fastify/cookie'] });

/** The signed-in citizen; 401 when nobody is. */
export function citizenOf(req: FastifyRequest): CitizenRow {
  if (!req.citizen) throw errors.unauthenticated();
  return req.citizen;
}
