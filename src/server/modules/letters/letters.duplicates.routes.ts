// HTTP routes of duplicates: the suggestions for a letter, and filing a letter with an existing case.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DuplicateQuery, DuplicateSuggestions, MarkDuplicateBody } from '../../../common/letter-duplicates.schema';
import { LetterView } from '../../../common/letters.schema';
import { ctxOf } from '../../platform/auth/actor';
import { idempotent } from '../../platform/idempotency';
import { markDuplicate, suggestDuplicates } from './letters.duplicates';

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
};
