// HTTP routes of one-stop dossiers: staff intake, inbox, counts, the dossier page and its actions; the public plugin and file uploads beside them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeskIntakeBody,
  DeskIntakeResult,
  DossierActionAck,
  DossierActionBody,
  DossierActionParams,
  DossierCounts,
  DossierListQuery,
  DossierPage,
  DossierView,
} from '../../../common/dossiers.schema';
import { ctxOf } from '../../platform/auth/actor';
import { fileRoutes } from '../../platform/files/files.routes';
import { sendStoredFile } from '../../platform/files/files.http';
import { idempotent, idempotentAtOnce, wantsMinimal } from '../../platform/idempotency';
import { actOnDossierAtOnce, canActAtOnce } from './dossiers.act-once';
import { actOnDossier, actOnDossierMinimal } from './dossiers.actions';
import { intakeAtDesk } from './dossiers.intake';
import { citizenDossierRoutes } from './dossiers.accounts.routes';
import { publicDossierRoutes } from './dossiers.public.routes';
import { dossierSettingsRoutes } from './dossiers.settings.routes';
import { dossierPickerRoutes } from './dossiers.pickers.routes';
import { dossierFormRoutes } from './forms/forms.routes';
import { dossierRegisterRoutes } from './register/register.routes';
import { countDossiers, getDossier, getDossierFile, listDossiers } from './dossiers.read';
import { loadDossierWorkflows } from './dossiers.workflows';

const tags = ['dossiers'];
const IdParams = z.object({ id: z.uuid() });
const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const dossierRoutes: FastifyPluginAsyncZod = async (app) => {
  // A broken workflow file stops the start-up with every problem listed, not the first request.
  loadDossierWorkflows();
  const db = app.database.db;
  await app.register(fileRoutes);
  await app.register(publicDossierRoutes);
  await app.register(dossierSettingsRoutes);
  await app.register(citizenDossierRoutes);
  await app.register(dossierPickerRoutes);
  await app.register(dossierFormRoutes);
  await app.register(dossierRegisterRoutes);

  app.post(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa / desk intake: create and accept, request completion or refuse in one go',
        body: DeskIntakeBody,
        response: { 201: DeskIntakeResult },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return idempotent(db, req, reply, async (tx) => ({ status: 201, body: await intakeAtDesk(tx, ctx, req.body) }));
    },
  );

  app.get(
    '/api/dossiers',
    { schema: { tags, summary: 'Hộp hồ sơ / the inbox (keyset pages)', querystring: DossierListQuery, response: { 200: DossierPage } } },
    async (req) => listDossiers(db, ctxOf(req), req.query),
  );

  app.get(
    '/api/dossiers/counts',
    { schema: { tags, summary: 'Số hồ sơ chờ xử lý / counts for this user', response: { 200: DossierCounts } } },
    async (req) => countDossiers(db, ctxOf(req)),
  );

  app.get(
    '/api/dossiers/:id',
    { schema: { tags, summary: 'Một hồ sơ: quá trình, giấy tờ, thao tác được phép / one dossier', params: IdParams, response: { 200: DossierView } } },
    async (req) => getDossier(db, ctxOf(req), req.params.id),
  );

  app.get(
    '/api/dossiers/:id/files/:fileId',
    { schema: { tags, summary: 'Tải giấy tờ của hồ sơ / download a document of the dossier', params: FileParams } },
    async (req, reply) => {
      const f = await getDossierFile(db, ctxOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, app.config.DANVAN_DATA_DIR, f);
    },
  );

  app.post(
    '/api/dossiers/:id/actions/:action',
    {
      schema: {
        tags,
        summary:
          'Thực hiện thao tác trên hồ sơ / take a workflow action (send an Idempotency-Key to make retries safe; Prefer: return=minimal answers the inbox row instead of the page)',
        params: DossierActionParams,
        body: DossierActionBody,
        // The minimal answer first, strict (a page is not taken for it): the common case of an integration fails no branch.
        response: { 200: z.union([DossierActionAck, DossierView]) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { id, action } = req.params;
      if (!wantsMinimal(req)) return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await actOnDossier(tx, ctx, id, action, req.body) }));
      reply.header('preference-applied', 'return=minimal');
      // Without files to link, in one statement and no transaction (dossiers.act-once.ts).
      if (canActAtOnce(req.body))
        return idempotentAtOnce(db, req, reply, async (claim) => ({ status: 200, body: await actOnDossierAtOnce(db, ctx, id, action, req.body, claim) }));
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await actOnDossierMinimal(tx, ctx, id, action, req.body) }));
    },
  );
};
