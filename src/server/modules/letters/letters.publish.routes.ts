// HTTP routes of published answers: the portal's list and page (no sign-in), and the staff's draft to review before publishing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicationView, PublishedAnswer, PublishedAnswerPage, PublishedAnswerParams, PublishedAnswerQuery } from '../../../common/letter-resolution.schema';
import { ctxOf } from '../../platform/auth/actor';
import { langOf } from '../../platform/locale';
import { publicationOf } from './letters.publish';
import { getPublishedAnswer, listPublishedAnswers } from './letters.publish.read';

const tags = ['letters'];
/** Reads of the public answers per minute from one address. */
const READS_PER_MIN = 120;

export const publishRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/public/letter-answers',
    {
      schema: {
        tags,
        summary: 'Nội dung trả lời đơn kiến nghị, phản ánh đã công khai (tìm không dấu, lọc theo loại, đơn vị) / published answers',
        querystring: PublishedAnswerQuery,
        response: { 200: PublishedAnswerPage },
      },
      config: { rateLimit: { max: READS_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req) => listPublishedAnswers(db, req.query, langOf(req)),
  );

  app.get(
    '/api/public/letter-answers/:code',
    {
      schema: { tags, summary: 'Một nội dung trả lời đã công khai / one published answer', params: PublishedAnswerParams, response: { 200: PublishedAnswer } },
      config: { rateLimit: { max: READS_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req) => getPublishedAnswer(db, req.params.code, langOf(req)),
  );

  app.get(
    '/api/letter-cases/:id/publication',
    {
      schema: {
        tags,
        summary: 'Dự thảo nội dung công khai (đã tự động lược bỏ thông tin cá nhân) và nội dung đang công khai / the draft to review before publishing',
        params: z.object({ id: z.uuid() }),
        response: { 200: PublicationView },
      },
    },
    async (req) => publicationOf(db, ctxOf(req), req.params.id),
  );
};
