// HTTP routes of administrative units: the tree, search, one unit with its agencies, create and update.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, UnitCreateBody, UnitDetailView, UnitList, UnitPatchBody, UnitSearchQuery, UnitTreeQuery, UnitView } from '../../../common/org.schema';
import { ctxOf } from '../../platform/auth/actor';
import { createUnit, getUnitDetail, listUnitTree, searchUnitViews, updateUnit } from './units.service';

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/units/tree',
    { schema: { tags: ['org'], summary: 'Cây đơn vị hành chính / the unit tree', querystring: UnitTreeQuery, response: { 200: UnitList } } },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await listUnitTree(db, ctx.actor, req.query.includeInactive) };
    },
  );

  app.get(
    '/api/units',
    { schema: { tags: ['org'], summary: 'Tìm đơn vị / search units', querystring: UnitSearchQuery, response: { 200: UnitList } } },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await searchUnitViews(db, ctx.actor, req.query) };
    },
  );

  app.get(
    '/api/units/:id',
    { schema: { tags: ['org'], summary: 'Chi tiết đơn vị / one unit', params: IdParams, response: { 200: UnitDetailView } } },
    async (req) => {
      const ctx = ctxOf(req);
      return getUnitDetail(db, ctx.actor, req.params.id);
    },
  );

  app.post(
    '/api/units',
    { schema: { tags: ['org'], summary: 'Thêm đơn vị / create a unit', body: UnitCreateBody, response: { 201: UnitView } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(await createUnit(db, ctx, req.body));
    },
  );

  app.patch(
    '/api/units/:id',
    {
      schema: { tags: ['org'], summary: 'Sửa, chuyển đơn vị / update or move a unit', params: IdParams, body: UnitPatchBody, response: { 200: UnitView } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return updateUnit(db, ctx, req.params.id, req.body);
    },
  );
};
