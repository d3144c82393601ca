// GET /api/audit: administrators search the audit trail of the units they administer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../../common/audit.schema';
import { ctxOf } from '../auth/actor';
import { assertCan, scopePaths } from '../policy';
import { searchAudit } from './audit.queries';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Tra cứu nhật ký hệ thống / search the audit trail', querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'audit.read');
      const paths = scopePaths(ctx.actor, 'audit.read');
      const rootPaths = ctx.actor.grants.filter((g) => g.role === 'admin' && g.unitDepth === 0);
      return searchAudit(app.database.db, { paths, includeUnitless: rootPaths.length > 0 }, req.query);
    },
  );
};
