// HTTP routes of the dossier code format: an installation setting that root administrators read and change.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CodeSettings, CodeSettingsBody } from '../../../common/dossier-codes.schema';
import { ctxOf } from '../../platform/auth/actor';
import { assertCan } from '../../platform/policy';
import { getCodeSettings, updateCodeSettings } from './dossiers.settings';

const tags = ['dossiers'];

export const dossierSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/settings/dossier-codes',
    { schema: { tags, summary: 'Mẫu mã hồ sơ đang dùng / the dossier code format', response: { 200: CodeSettings } } },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'settings.manage');
      return getCodeSettings(db);
    },
  );

  app.put(
    '/api/settings/dossier-codes',
    {
      schema: {
        tags,
        summary: 'Đổi mẫu mã hồ sơ (áp dụng cho hồ sơ tiếp nhận sau) / change the dossier code format',
        body: CodeSettingsBody,
        response: { 200: CodeSettings },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'settings.manage');
      return db.transaction((tx) => updateCodeSettings(tx, ctx, req.body));
    },
  );
};
