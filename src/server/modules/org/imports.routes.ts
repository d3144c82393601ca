// HTTP routes of the unit import: upload a CSV file (202 with the job at once) and follow the job's progress.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, JobEnvelope, JobView } from '../../../common/org.schema';
import { ctxOf } from '../../platform/auth/actor';
import { jobRegistryFor } from '../../platform/jobs/jobs';
import { assertCan } from '../../platform/policy';
import { getJobFor, startUnitImport } from './imports.service';
import { readCsvUpload } from '../../platform/uploads';

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const registry = jobRegistryFor(db, app.log);
  // Let running imports finish before the database closes.
  app.addHook('onClose', async () => registry.drain());

  app.post(
    '/api/units/import',
    {
      schema: {
        tags: ['org'],
        summary: 'Nhập đơn vị từ tệp CSV / import units from CSV (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 202: JobEnvelope },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'unit.import');
      const file = await readCsvUpload(req);
      const job = await startUnitImport(db, registry, ctx, file);
      return reply.status(202).send({ job });
    },
  );

  app.get(
    '/api/jobs/:id',
    { schema: { tags: ['jobs'], summary: 'Tiến độ tác vụ / job progress', params: IdParams, response: { 200: JobView } } },
    async (req) => {
      const ctx = ctxOf(req);
      return getJobFor(db, registry, ctx.actor, req.params.id);
    },
  );
};
