// HTTP routes of the tracking register (form 07): GET /api/dossiers/register.xlsx and register.csv, streamed.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RegisterQuery } from '../../../../common/dossier-forms.schema';
import { ctxOf } from '../../../platform/auth/actor';
import { prepareRegister, registerRows, type RegisterFormat } from './register.service';
import { writeRegisterCsv, writeRegisterXlsx } from './register.writers';

const CONTENT_TYPES: Record<RegisterFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const summary = (format: RegisterFormat) =>
  `Sổ theo dõi hồ sơ (Mẫu 07) theo ngày tiếp nhận, tối đa 366 ngày, dạng ${format.toUpperCase()} / the tracking register, streamed`;

export const dossierRegisterRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  const send = async (req: FastifyRequest, query: RegisterQuery, reply: FastifyReply, format: RegisterFormat) => {
    const plan = await prepareRegister(db, ctxOf(req), query, format);
    const out = new PassThrough();
    const rows = registerRows(db, plan);
    // Headers are gone once the first byte is: a failure later can only cut the file short (and is logged).
    const write = format === 'xlsx' ? writeRegisterXlsx(rows, out, plan) : writeRegisterCsv(rows, out);
    write.catch((err: unknown) => {
      req.log.error({ err }, 'register export failed mid-stream');
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="so-theo-doi-ho-so_${plan.from}_${plan.to}.${format}"`)
      .header('x-content-type-options', 'nosniff')
      .send(out);
  };

  app.get(
    '/api/dossiers/register.xlsx',
    { schema: { tags: ['dossiers'], summary: summary('xlsx'), querystring: RegisterQuery } },
    async (req, reply) => send(req, req.query, reply, 'xlsx'),
  );
  app.get(
    '/api/dossiers/register.csv',
    { schema: { tags: ['dossiers'], summary: summary('csv'), querystring: RegisterQuery } },
    async (req, reply) => send(req, req.query, reply, 'csv'),
  );
};
