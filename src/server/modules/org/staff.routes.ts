// HTTP routes of staff accounts: scoped list, read, create, update, password reset and role grants.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  GrantBody,
  GrantParams,
  IdParams,
  OkView,
  PasswordBody,
  StaffCreateBody,
  StaffListQuery,
  StaffPage,
  StaffPatchBody,
  StaffView,
} from '../../../common/org.schema';
import { ctxOf } from '../../platform/auth/actor';
import { addGrant, createStaff, getStaff, listStaff, removeGrant, setPassword, updateStaff } from './staff.service';

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['org'];

  app.get('/api/staff', { schema: { tags, summary: 'Danh sách cán bộ / staff list', querystring: StaffListQuery, response: { 200: StaffPage } } }, async (req) =>
    listStaff(db, ctxOf(req).actor, req.query),
  );

  app.get('/api/staff/:id', { schema: { tags, summary: 'Thông tin cán bộ / one staff member', params: IdParams, response: { 200: StaffView } } }, async (req) =>
    getStaff(db, ctxOf(req).actor, req.params.id),
  );

  app.post(
    '/api/staff',
    { schema: { tags, summary: 'Thêm tài khoản cán bộ / create a staff account', body: StaffCreateBody, response: { 201: StaffView } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(await createStaff(db, ctx, req.body));
    },
  );

  app.patch(
    '/api/staff/:id',
    { schema: { tags, summary: 'Sửa, khoá, mở khoá tài khoản / update a staff account', params: IdParams, body: StaffPatchBody, response: { 200: StaffView } } },
    async (req) => {
      const ctx = ctxOf(req);
      return updateStaff(db, ctx, req.params.id, req.body);
    },
  );

  app.post(
    '/api/staff/:id/password',
    { schema: { tags, summary: 'Đặt lại mật khẩu / reset the password', params: IdParams, body: PasswordBody, response: { 200: OkView } } },
    async (req) => {
      const ctx = ctxOf(req);
      await setPassword(db, ctx, req.params.id, req.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/staff/:id/grants',
    { schema: { tags, summary: 'Cấp quyền / grant a role on a unit', params: IdParams, body: GrantBody, response: { 201: StaffView } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(await addGrant(db, ctx, req.params.id, req.body));
    },
  );

  app.delete(
    '/api/staff/:id/grants/:grantId',
    { schema: { tags, summary: 'Thu hồi quyền / revoke a grant', params: GrantParams, response: { 200: StaffView } } },
    async (req) => {
      const ctx = ctxOf(req);
      return removeGrant(db, ctx, req.params.id, req.params.grantId);
    },
  );
};
