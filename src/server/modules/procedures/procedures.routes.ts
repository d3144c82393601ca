// HTTP routes of the procedure catalog: public search and pages (no sign-in), the staff editor and the CSV import.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, JobEnvelope } from '../../../common/org.schema';
import {
  ProcedureCodeParams,
  ProcedureCreateBody,
  ProcedureFieldList,
  ProcedurePage,
  ProcedurePatchBody,
  ProcedurePublicPage,
  ProcedurePublicView,
  ProcedureView,
  ProcedureWorkflowList,
  PublicProcedureQuery,
  ReceivingUnitList,
  StaffProcedureQuery,
} from '../../../common/procedures.schema';
import { ctxOf } from '../../platform/auth/actor';
import { jobRegistryFor } from '../../platform/jobs/jobs';
import { assertCan } from '../../platform/policy';
import { readCsvUpload } from '../../platform/uploads';
import { dossierWorkflowChoices } from '../dossiers/dossiers.workflows';
import { startProcedureImport } from './procedures.import';
import { receivingUnits } from './procedures.places';
import {
  createProcedure,
  getProcedure,
  getPublicProcedure,
  listProcedureFields,
  listPublicProcedures,
  listStaffProcedures,
  updateProcedure,
} from './procedures.service';

const tags = ['procedures'];

export const procedureRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const registry = jobRegistryFor(db, app.log);
  // Let running imports finish before the database closes.
  app.addHook('onClose', async () => registry.drain());

  // ---------- public: the catalog is public information, read without signing in ----------

  app.get(
    '/api/public/procedures',
    { schema: { tags, summary: 'Tra cứu thủ tục hành chính / search procedures', querystring: PublicProcedureQuery, response: { 200: ProcedurePublicPage } } },
    async (req) => listPublicProcedures(db, req.query),
  );

  app.get(
    '/api/public/procedures/:code',
    { schema: { tags, summary: 'Một thủ tục hành chính / one procedure', params: ProcedureCodeParams, response: { 200: ProcedurePublicView } } },
    async (req) => getPublicProcedure(db, req.params.code),
  );

  app.get(
    '/api/public/procedures/:code/units',
    {
      schema: {
        tags,
        summary: 'Nơi nộp hồ sơ của một thủ tục (xã, phường nhận hồ sơ) / where the procedure may be filed',
        params: ProcedureCodeParams,
        response: { 200: ReceivingUnitList },
      },
    },
    async (req) => receivingUnits(db, req.params.code),
  );

  app.get(
    '/api/public/procedure-fields',
    { schema: { tags, summary: 'Lĩnh vực và số thủ tục / fields with counts', response: { 200: ProcedureFieldList } } },
    async () => listProcedureFields(db),
  );

  // ---------- staff ----------

  app.get(
    '/api/procedures',
    { schema: { tags, summary: 'Danh mục thủ tục (cả thủ tục ngừng áp dụng) / the catalog for staff', querystring: StaffProcedureQuery, response: { 200: ProcedurePage } } },
    async (req) => listStaffProcedures(db, ctxOf(req).actor, req.query),
  );

  app.get(
    '/api/procedures/workflows',
    { schema: { tags, summary: 'Các quy trình hồ sơ một thủ tục có thể áp dụng / the dossier workflows a procedure may follow', response: { 200: ProcedureWorkflowList } } },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: dossierWorkflowChoices(ctx.lang) };
    },
  );

  app.get(
    '/api/procedures/:id',
    { schema: { tags, summary: 'Một thủ tục (cán bộ) / one procedure for staff', params: IdParams, response: { 200: ProcedureView } } },
    async (req) => getProcedure(db, ctxOf(req).actor, req.params.id),
  );

  app.post(
    '/api/procedures',
    { schema: { tags, summary: 'Thêm thủ tục / create a procedure', body: ProcedureCreateBody, response: { 201: ProcedureView } } },
    async (req, reply) => reply.status(201).send(await createProcedure(db, ctxOf(req), req.body)),
  );

  app.patch(
    '/api/procedures/:id',
    {
      schema: { tags, summary: 'Sửa, ngừng áp dụng thủ tục / update or deactivate a procedure', params: IdParams, body: ProcedurePatchBody, response: { 200: ProcedureView } },
    },
    async (req) => updateProcedure(db, ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/procedures/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh mục thủ tục từ tệp CSV / import procedures from CSV (multipart field "file"); follow with GET /api/jobs/:id',
        consumes: ['multipart/form-data'],
        response: { 202: JobEnvelope },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // Refuse before reading a large upload.
      assertCan(ctx.actor, 'procedure.import');
      const file = await readCsvUpload(req);
      return reply.status(202).send({ job: await startProcedureImport(db, registry, ctx, file) });
    },
  );
};
