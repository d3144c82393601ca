// Public routes of dossiers: online submission by a guest and tracking by code and secret, both rate-limited per address.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CitizenActionBody, CitizenActionParams, PublicDossierView, PublicSubmitBody, PublicSubmitResult, TrackingParams, TrackingQuery } from '../../../common/dossiers.schema';
import { errors } from '../../platform/errors';
import { idempotent } from '../../platform/idempotency';
import { langOf } from '../../platform/locale';
import { citizenAct } from './dossiers.citizen';
import { submitOnline } from './dossiers.intake';
import { trackDossier } from './dossiers.track';

const tags = ['dossiers'];
export const SUBMISSIONS_PER_MIN = 10;
/** Look-ups per address and per code: plenty for a citizen refreshing a page, useless for guessing 100-bit secrets. */
export const TRACKING_PER_IP_PER_MIN = 30;
export const TRACKING_PER_CODE_PER_MIN = 20;
export const SECRET_HEADER = 'x-tracking-secret';

export const publicDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // The plugin runs one limiter per request (the route's, per address); the per-code count is a second store checked by hand.
  const perCode = app.createRateLimit({
    max: TRACKING_PER_CODE_PER_MIN,
    timeWindow: '1 minute',
    keyGenerator: (req) => {
      const code = (req.params as { code?: unknown }).code;
      return `track-code:${typeof code === 'string' ? code.trim() : ''}`;
    },
  });

  app.post(
    '/api/public/dossiers',
    {
      schema: {
        tags,
        summary: 'Nộp hồ sơ trực tuyến (không cần tài khoản) / submit a dossier online as a guest',
        body: PublicSubmitBody,
        response: { 201: PublicSubmitResult },
      },
      config: { rateLimit: { max: SUBMISSIONS_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const meta = { requestId: req.id, ip: req.ip, lang: langOf(req) };
      // A guest has no account: the key is scoped to the address it came from.
      return idempotent(db, req, reply, async (tx) => ({ status: 201, body: await submitOnline(tx, meta, req.body) }), { scope: `guest:${req.ip}` });
    },
  );

  app.get(
    '/api/public/dossiers/:code',
    {
      schema: {
        tags,
        summary: `Tra cứu hồ sơ bằng mã và mã bí mật (header ${SECRET_HEADER} hoặc ?secret=) / track a dossier`,
        params: TrackingParams,
        querystring: TrackingQuery,
        response: { 200: PublicDossierView },
      },
      config: { rateLimit: { max: TRACKING_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req) => {
      const limit = await perCode(req);
      if (!limit.isAllowed && limit.isExceeded) throw errors.rateLimited();
      const header = req.headers[SECRET_HEADER];
      const secret = typeof header === 'string' ? header : req.query.secret;
      return trackDossier(db, req.params.code, secret, langOf(req));
    },
  );

  app.post(
    '/api/public/dossiers/:code/actions/:action',
    {
      schema: {
        tags,
        summary: `Người nộp tự thao tác: nộp lại, bổ sung, rút hồ sơ (header ${SECRET_HEADER}) / the applicant's own action`,
        params: CitizenActionParams,
        body: CitizenActionBody,
        response: { 200: PublicDossierView },
      },
      config: { rateLimit: { max: SUBMISSIONS_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const header = req.headers[SECRET_HEADER];
      const secret = typeof header === 'string' ? header : undefined;
      const meta = { requestId: req.id, ip: req.ip, lang: langOf(req) };
      const { code, action } = req.params;
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await citizenAct(tx, meta, code, secret, action, req.body) }), {
        scope: `citizen:${code}`,
      });
    },
  );
};
