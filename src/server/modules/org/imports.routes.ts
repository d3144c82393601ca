// HTTP routes of the unit import: upload a CSV file (202 with the job at once) and follow the job's progress.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, JobEnvelope, JobView } from '../../../common/org.schema';
import { ctxOf } from '../../platform/auth/actor';
import { jobRegistryFor } from '../../platform/jobs/jobs';
import { assertCan } from '../../platform/policy';
import { getJobFor, startUnitImport } from './imports.service';
import { orgErrors } from './org.errors';

/** Matches the app-wide multipart limit (app.ts MAX_UPLOAD_BYTES), stated here too so the check does not depend on it. */
const MAX_MB = 20;
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream']);

/** A CSV file by name and type, and not binary (an .xlsx renamed to .csv starts with a zip header and holds NUL bytes). */
function looksLikeCsv(name: string, mimetype: string, content: Buffer): boolean {
  if (!/\.(csv|txt)$/i.test(name) || !CSV_TYPES.has(mimetype.toLowerCase())) return false;
  return !content.subarray(0, 8192).includes(0);
}

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
      if (!req.isMultipart()) throw orgErrors.importFileMissing();
      const part = await req.file({ limits: { fileSize: MAX_MB * 1024 * 1024 } });
      if (!part || part.fieldname !== 'file') throw orgErrors.importFileMissing();
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw orgErrors.importTooLarge(MAX_MB);
        throw err;
      }
      if (!looksLikeCsv(part.filename, part.mimetype, content)) throw orgErrors.importNotCsv();
      const job = await startUnitImport(db, registry, ctx, { name: part.filename, content });
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
