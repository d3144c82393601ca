// HTTP routes of duplicates: the suggestions for a letter, filing a letter with an existing case, and undoing it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DuplicateQuery, DuplicateSuggestions, MarkDuplicateBody, UnmarkDuplicateBody } from '../../../common/letter-duplicates.schema';
import { LetterView } from '../../../common/letters.schema';
import { ctxOf } from '../../platform/auth/actor';
import { idempotent } from '../../platform/idempotency';
import { markDuplicate, suggestDuplicates } from './letters.duplicates';
import { unmarkDuplicate } from './letters.unfile';

const tags = ['letters'];
const IdParams = z.object({ id: z.uuid() });

export const letterDuplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/letters/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Gợi ý vụ việc có thể trùng (cùng người viết, nội dung tương tự, cùng đối tượng), cao nhất trước / likely duplicate cases',
        params: IdParams,
        querystring: DuplicateQuery,
        response: { 200: DuplicateSuggestions },
      },
    },
    async (req) => suggestDuplicates(db, ctxOf(req), req.params.id, req.query.limit),
  );

  app.post(
    '/api/letters/:id/mark-duplicate',
    {
      schema: {
        tags,
        summary: 'Đơn trùng: lưu vào vụ việc đã có (vụ việc giữ mọi đơn và người viết) / file the letter with an existing case as a duplicate',
        params: IdParams,
        body: MarkDuplicateBody,
        response: { 200: LetterView },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await markDuplicate(tx, ctx, req.params.id, req.body) }));
    },
  );

  app.post(
    '/api/letters/:id/unmark-duplicate',
    {
      schema: {
        tags,
        summary: 'Hủy lưu đơn trùng: đơn rời vụ việc, trở về chờ phân loại (có lý do) / a letter filed as a duplicate by mistake goes back to classification',
        params: IdParams,
        body: UnmarkDuplicateBody,
        response: { 200: LetterView },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await unmarkDuplicate(tx, ctx, req.params.id, req.body) }));
    },
  );
};
