// HTTP routes of agencies: list and create inside a unit, update one agency.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgencyCreateBody, AgencyList, AgencyPatchBody, AgencyView, IdParams } from '../../../common/org.schema';
import { ctxOf } from '../../platform/auth/actor';
import { createAgency, listAgencies, updateAgency } from './agencies.service';

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/units/:id/agencies',
    { schema: { tags: ['org'], summary: 'Cơ quan trong đơn vị / agencies of a unit', params: IdParams, response: { 200: AgencyList } } },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await listAgencies(db, ctx.actor, req.params.id) };
    },
  );

  app.post(
    '/api/units/:id/agencies',
    {
      schema: {
        tags: ['org'],
        summary: 'Thêm cơ quan / create an agency',
        params: IdParams,
        body: AgencyCreateBody,
        response: { 201: AgencyView },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const created = await createAgency(db, ctx, req.params.id, req.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/agencies/:id',
    {
      schema: { tags: ['org'], summary: 'Sửa cơ quan / update an agency', params: IdParams, body: AgencyPatchBody, response: { 200: AgencyView } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return updateAgency(db, ctx, req.params.id, req.body);
    },
  );
};
