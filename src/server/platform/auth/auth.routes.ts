// Sign in, sign out and "who am I": the session cookie is httpOnly and SameSite=Strict.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, SessionView, type CurrentUser } from '../../../common/auth.schema';
import type { Actor } from './actor';
import { can, type Action, ALL_ACTIONS } from '../policy';
import { recordAudit } from '../audit/audit';
import { login } from './auth.service';
import { SESSION_COOKIE, endSession } from './sessions';

function currentUser(actor: Actor): CurrentUser {
  return {
    id: actor.id,
    username: actor.username,
    fullName: actor.fullName,
    unitId: actor.unitId,
    grants: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName })),
    abilities: ALL_ACTIONS.filter((a: Action) => can(actor, a)),
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.config.NODE_ENV === 'production';

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập / sign in', body: LoginBody, response: { 200: SessionView } },
      config: { rateLimit: { max: app.config.DANVAN_LOGIN_RATE_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { actor, session } = await login(app.database.db, req.body, {
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          requestId: req.id,
          sessionHours: app.config.DANVAN_SESSION_HOURS,
        });
      void reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        expires: session.expiresAt,
      });
      return { user: currentUser(actor), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất / sign out', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token && req.actor) {
        const actor = req.actor;
        await app.database.db.transaction(async (tx) => {
          await endSession(tx, token);
          await recordAudit(tx, { actor, requestId: req.id, ip: req.ip }, { action: 'auth.logout', entityType: 'staff', entityId: actor.id, unitId: actor.unitId });
        });
        // The other processes hear of it through NOTIFY (migration 0021); this one forgets at once.
        app.sessionCache.forgetAll();
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'Phiên hiện tại / current session', response: { 200: SessionView } } },
    (req) => ({ user: req.actor ? currentUser(req.actor) : null, csrfToken: req.csrfToken }),
  );
};
