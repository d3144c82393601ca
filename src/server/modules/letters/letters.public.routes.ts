// Public routes of letters: a guest writes on the portal, and follows the letter by code and secret; rate-limited per address and per code.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicLetterBody, PublicLetterResult } from '../../../common/letters.schema';
import { LetterUnitList, PublicLetterView, TrackingParams, TrackingQuery } from '../../../common/letters-tracking.schema';
import { idempotent } from '../../platform/idempotency';
import { langOf } from '../../platform/locale';
import { perCodeLimit, SECRET_HEADER, secretOf, TRACKING_PER_IP_PER_MIN } from '../../platform/tracking/limits';
import { submitPublicLetter } from './letters.intake';
import { writerRoutes } from './letters.ratings.routes';
import { trackLetter } from './letters.track';
import { letterUnits } from './letters.units';

const tags = ['letters'];
/** Letters a guest may send per minute from one address. */
export const LETTERS_PER_MIN = 10;

export const publicLetterRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const limitPerCode = perCodeLimit(app, 'letter-code');
  await app.register(writerRoutes, { limitPerCode });

  app.post(
    '/api/public/letters',
    {
      schema: {
        tags,
        summary: 'Gửi đơn khiếu nại, tố cáo, kiến nghị, phản ánh trực tuyến (không cần tài khoản) / send a letter online as a guest',
        body: PublicLetterBody,
        response: { 201: PublicLetterResult },
      },
      config: { rateLimit: { max: LETTERS_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const meta = { requestId: req.id, ip: req.ip, lang: langOf(req) };
      // A guest has no account: the key is scoped to the address it came from.
      return idempotent(db, req, reply, async (tx) => ({ status: 201, body: await submitPublicLetter(tx, meta, req.body) }), { scope: `guest:${req.ip}` });
    },
  );

  app.get(
    '/api/public/letter-units',
    { schema: { tags, summary: 'Nơi nhận đơn: tỉnh và các xã, phường đang hoạt động / where a letter may be addressed', response: { 200: LetterUnitList } } },
    async () => letterUnits(db),
  );

  app.get(
    '/api/public/letters/:code',
    {
      schema: {
        tags,
        summary: `Tra cứu đơn bằng mã và mã bí mật (header ${SECRET_HEADER} hoặc ?secret=) / track a letter`,
        params: TrackingParams,
        querystring: TrackingQuery,
        response: { 200: PublicLetterView },
      },
      config: { rateLimit: { max: TRACKING_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req) => {
      await limitPerCode(req);
      return trackLetter(db, req.params.code, secretOf(req, req.query.secret), langOf(req));
    },
  );
};
