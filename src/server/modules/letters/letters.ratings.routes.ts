// Public routes of the writer after the end of a case: rate the handling, ask to reopen; by the letter's code and secret, limited with tracking.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { LetterRatingBody, LetterRatingView, ReopenBody } from '../../../common/letter-resolution.schema';
import { PublicLetterView, TrackingParams } from '../../../common/letters-tracking.schema';
import { z } from 'zod';
import { idempotent } from '../../platform/idempotency';
import { langOf } from '../../platform/locale';
import { SECRET_HEADER, secretOf, TRACKING_PER_IP_PER_MIN } from '../../platform/tracking/limits';
import { rateCase } from './letters.ratings';
import { reopenCase } from './letters.reopen';
import { provenLetter, publicLetterView } from './letters.track';

const tags = ['letters'];

export interface WriterRouteOptions {
  /** Tracking's per-code limiter: guesses of a secret add up over tracking, rating and reopening. */
  limitPerCode: (req: FastifyRequest) => Promise<void>;
}

export const writerRoutes: FastifyPluginAsyncZod<WriterRouteOptions> = async (app, opts) => {
  const db = app.database.db;
  const meta = (req: FastifyRequest) => ({ requestId: req.id, ip: req.ip, lang: langOf(req) });

  app.post(
    '/api/public/letters/:code/rating',
    {
      schema: {
        tags,
        summary: `Người viết đơn đánh giá mức độ hài lòng về việc giải quyết một vụ việc đã kết thúc (header ${SECRET_HEADER}) / rate the handling of an ended case`,
        params: TrackingParams,
        body: LetterRatingBody,
        response: { 201: z.object({ rating: LetterRatingView }) },
      },
      config: { rateLimit: { max: TRACKING_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await opts.limitPerCode(req);
      const rating = await db.transaction(async (tx) => rateCase(tx, meta(req), await provenLetter(tx, req.params.code, secretOf(req)), req.body));
      return reply.status(201).send({ rating });
    },
  );

  app.post(
    '/api/public/letters/:code/reopen',
    {
      schema: {
        tags,
        summary: `Người viết đơn đề nghị xem xét lại vụ việc đã có quyết định, văn bản trả lời, trong thời hạn (header ${SECRET_HEADER}) / ask to reopen an ended case within its window`,
        params: TrackingParams,
        body: ReopenBody,
        response: { 200: PublicLetterView },
      },
      config: { rateLimit: { max: TRACKING_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await opts.limitPerCode(req);
      const m = meta(req);
      return idempotent(
        db,
        req,
        reply,
        async (tx) => {
          const letter = await provenLetter(tx, req.params.code, secretOf(req));
          await reopenCase(tx, m, letter, req.body);
          return { status: 200, body: await publicLetterView(tx, letter, m.lang) };
        },
        { scope: `letter:${req.params.code}` },
      );
    },
  );
};
