// HTTP routes of file uploads: a citizen's upload on the public portal (rate-limited) and a staff member's upload.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileView } from '../../../common/dossiers.schema';
import { ctxOf } from '../auth/actor';
import { filesDir, receiveUpload, recordUpload, toFileView } from './files.service';

const tags = ['files'];
/** Uploads a guest may make per minute from one address: a dossier rarely needs more than a handful. */
export const PUBLIC_UPLOADS_PER_MIN = 20;

/** The audit trail keeps what identifies the bytes, not the uploader's file name: it may name a person (a denouncer's scan). */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const dir = filesDir(app.config.DANVAN_DATA_DIR);

  app.post(
    '/api/public/files',
    {
      schema: {
        tags,
        summary: 'Tải lên giấy tờ của hồ sơ trực tuyến / upload a document (multipart field "file"; PDF, JPG, PNG, DOCX, XLSX, ODT, ODS; 10 MB)',
        consumes: ['multipart/form-data'],
        response: { 201: FileView },
      },
      config: { rateLimit: { max: PUBLIC_UPLOADS_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const stored = await receiveUpload(req, dir);
      const row = await recordUpload(db, { actor: null, requestId: req.id, ip: req.ip }, stored);
      return reply.status(201).send(toFileView(row));
    },
  );

  app.post(
    '/api/files',
    {
      schema: {
        tags,
        summary: 'Tải lên tệp (cán bộ) / upload a file as staff (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: FileView },
      },
    },
    async (req, reply) => {
      // Signed in first, so that an anonymous caller does not get to write to disk here.
      const ctx = ctxOf(req);
      const stored = await receiveUpload(req, dir);
      const row = await recordUpload(db, ctx, stored);
      return reply.status(201).send(toFileView(row));
    },
  );
};
