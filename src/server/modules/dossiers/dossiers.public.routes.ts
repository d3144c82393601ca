// Public routes of dossiers: online submission by a guest, tracking, the applicant's actions, rating and receipt by code and secret, rate-limited per address and per code.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RatingBody, RatingResult } from '../../../common/dossier-ratings.schema';
import { CitizenActionBody, CitizenActionParams, PublicDossierView, PublicSubmitBody, PublicSubmitResult, TrackingParams, TrackingQuery } from '../../../common/dossiers.schema';
import { idempotent, idempotentAtOnce } from '../../platform/idempotency';
import { langOf } from '../../platform/locale';
import { replyPdf } from '../../platform/pdf/http';
import { perCodeLimit, SECRET_HEADER, TRACKING_PER_IP_PER_MIN } from '../../platform/tracking/limits';
import { citizenAct } from './dossiers.citizen';
import { filesDir } from '../../platform/files/files.service';
import { submitOnline } from './dossiers.intake';
import { readSubmission } from './dossiers.submit-files';
import { renderPublicReceipt } from './forms/forms.service';
import { rateDossier } from './dossiers.ratings';
import { provenDossier, trackDossier, type DossierProof } from './dossiers.track';

const tags = ['dossiers'];
export const SUBMISSIONS_PER_MIN = 10;
export { SECRET_HEADER, TRACKING_PER_CODE_PER_MIN, TRACKING_PER_IP_PER_MIN } from '../../platform/tracking/limits';

/** Who submits online: the request's meta for the intake, and the scope of its idempotency key (a signed-in citizen's account, else the guest's address). */
function submitterOf(req: FastifyRequest) {
  const citizenId = req.citizen?.id ?? null;
  return {
    meta: { requestId: req.id, ip: req.ip, lang: langOf(req), citizenId },
    scope: citizenId ? `citizen-account:${citizenId}` : `guest:${req.ip}`,
  };
}

/** The proof a public dossier route accepts: the secret in its header (never the query string on a write). */
function proofOf(req: FastifyRequest): DossierProof {
  const header = req.headers[SECRET_HEADER];
  return { secret: typeof header === 'string' ? header : undefined, citizenId: req.citizen?.id ?? null };
}

export const publicDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // The plugin runs one limiter per request (the route's, per address); the per-code count is a second store checked by hand.
  // Shared by every route that checks a secret (tracking, the applicant's actions, rating): guesses on one code add up.
  const limitPerCode = perCodeLimit(app, 'track-code');

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
      // Signed in, the dossier belongs to the citizen's account; a guest's key is scoped to the address it came from.
      const { meta, scope } = submitterOf(req);
      // One statement numbers the dossier's code, writes it and stores the answer under the key: no transaction.
      return idempotentAtOnce(db, req, reply, async (claim) => ({ status: 201, body: await submitOnline(db, meta, req.body, undefined, claim) }), { scope });
    },
  );

  app.post(
    '/api/public/dossiers/with-files',
    {
      schema: {
        tags,
        summary:
          'Nộp hồ sơ trực tuyến kèm tệp trong một yêu cầu (multipart: trường "dossier" là JSON như khi nộp hồ sơ, giấy tờ { "part", "name" } trỏ tới trường chứa tệp) / submit a dossier with its files in one multipart request',
        consumes: ['multipart/form-data'],
        response: { 201: PublicSubmitResult },
      },
      config: { rateLimit: { max: SUBMISSIONS_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { meta, scope } = submitterOf(req);
      // The files are on disk before the statement that writes their rows, the dossier and the stored answer.
      const { body, newFiles, digest } = await readSubmission(req, filesDir(app.config.DANVAN_DATA_DIR), meta.lang);
      return idempotentAtOnce(
        db,
        req,
        reply,
        async (claim) => ({ status: 201, body: await submitOnline(db, meta, body, undefined, claim, newFiles) }),
        { scope, request: digest },
      );
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
      await limitPerCode(req);
      const header = req.headers[SECRET_HEADER];
      const secret = typeof header === 'string' ? header : req.query.secret;
      return trackDossier(db, req.params.code, { secret, citizenId: req.citizen?.id ?? null }, langOf(req));
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
      await limitPerCode(req);
      const meta = { requestId: req.id, ip: req.ip, lang: langOf(req) };
      const { code, action } = req.params;
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await citizenAct(tx, meta, code, proofOf(req), action, req.body) }), {
        scope: `citizen:${code}`,
      });
    },
  );

  app.post(
    '/api/public/dossiers/:code/rating',
    {
      schema: {
        tags,
        summary: `Đánh giá mức độ hài lòng (SIPAS) khi hồ sơ đã có kết quả (header ${SECRET_HEADER}) / rate the service once the result is known`,
        params: TrackingParams,
        body: RatingBody,
        response: { 201: RatingResult },
      },
      config: { rateLimit: { max: TRACKING_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await limitPerCode(req);
      const meta = { requestId: req.id, ip: req.ip, lang: langOf(req) };
      const rating = await db.transaction(async (tx) => {
        const d = await provenDossier(tx, req.params.code, proofOf(req));
        const citizenId = req.citizen && d.citizenId === req.citizen.id ? req.citizen.id : null;
        return rateDossier(tx, { ...meta, citizenId }, d, req.body);
      });
      return reply.status(201).send({ rating });
    },
  );

  app.get(
    '/api/public/dossiers/:code/forms/01.pdf',
    {
      schema: {
        tags,
        summary: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) của người nộp (header ${SECRET_HEADER}) / the applicant's receipt (PDF)`,
        params: TrackingParams,
      },
      config: { rateLimit: { max: TRACKING_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await limitPerCode(req);
      const out = await renderPublicReceipt(db, req.params.code, proofOf(req), app.config.DANVAN_PUBLIC_URL);
      return replyPdf(reply, out.pdf, out.filename);
    },
  );
};
