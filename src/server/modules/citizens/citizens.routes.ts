// HTTP routes of citizen accounts: ask for a code, sign in with it, who am I, sign out; the cookie dv_citizen is httpOnly and SameSite=Lax.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CitizenMeView, CitizenSessionBody, CitizenSessionView, OtpRequestBody, OtpRequestResult } from '../../../common/citizens.schema';
import { langOf } from '../../platform/locale';
import { CITIZEN_COOKIE } from './citizens.sessions';
import { requestOtp, signIn, signOut, toCitizenView } from './citizens.service';

const tags = ['citizens'];
/** Code requests per address: a commune office may help several people from one address, a script may not try thousands of contacts. */
export const OTP_REQUESTS_PER_IP = 20;
export const OTP_REQUEST_WINDOW = '15 minutes';
/** Sign-in tries per address (each code also allows only 5 tries). */
export const SIGN_INS_PER_IP_PER_MIN = 20;

export const citizenRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const secure = app.config.NODE_ENV === 'production';
  const metaOf = (req: { id: string; ip: string; headers: Record<string, unknown> }, lang: 'vi' | 'en') => ({
    requestId: req.id,
    ip: req.ip,
    lang,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : undefined,
  });

  app.post(
    '/api/citizen/otp',
    {
      schema: {
        tags,
        summary: 'Gửi mã xác thực đăng nhập qua thư điện tử hoặc tin nhắn / send a one-time sign-in code',
        body: OtpRequestBody,
        response: { 202: OtpRequestResult },
      },
      config: { rateLimit: { max: OTP_REQUESTS_PER_IP, timeWindow: OTP_REQUEST_WINDOW } },
    },
    async (req, reply) => reply.status(202).send(await requestOtp(db, metaOf(req, langOf(req)), req.body)),
  );

  app.post(
    '/api/citizen/session',
    {
      schema: { tags, summary: 'Đăng nhập bằng mã xác thực / sign in with the code', body: CitizenSessionBody, response: { 200: CitizenSessionView } },
      config: { rateLimit: { max: SIGN_INS_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { citizen, session } = await signIn(db, metaOf(req, langOf(req)), req.body);
      // Lax, not Strict: a citizen who follows the link in a notification arrives signed in.
      void reply.setCookie(CITIZEN_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: session.expiresAt });
      return { citizen: toCitizenView(citizen), csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/api/citizen/me',
    { schema: { tags, summary: 'Tài khoản đang đăng nhập / the signed-in citizen', response: { 200: CitizenMeView } } },
    (req) => ({ citizen: req.citizen ? toCitizenView(req.citizen) : null, csrfToken: req.citizenCsrfToken }),
  );

  app.post(
    '/api/citizen/logout',
    { schema: { tags, summary: 'Đăng xuất / sign out', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req, reply) => {
      if (req.citizen && req.citizenToken) await signOut(db, metaOf(req, langOf(req)), req.citizen, req.citizenToken);
      void reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
};
