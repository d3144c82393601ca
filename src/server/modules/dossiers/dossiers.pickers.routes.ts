// HTTP routes of the action pickers of a dossier: assignee candidates and transfer agencies (read like the dossier).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AssigneeList, AssigneeQuery, TransferAgencyList } from '../../../common/dossier-pickers.schema';
import { ctxOf } from '../../platform/auth/actor';
import { assigneeCandidates, transferAgencies } from './dossiers.pickers';

const tags = ['dossiers'];
const IdParams = z.object({ id: z.uuid() });

export const dossierPickerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/dossiers/:id/assignees',
    {
      schema: {
        tags,
        summary: 'Cán bộ có thể được phân công xử lý hồ sơ / staff who may be assigned the dossier (?action=assign|reassign)',
        params: IdParams,
        querystring: AssigneeQuery,
        response: { 200: AssigneeList },
      },
    },
    async (req) => assigneeCandidates(db, ctxOf(req), req.params.id, req.query.action),
  );

  app.get(
    '/api/dossiers/:id/agencies',
    {
      schema: {
        tags,
        summary: 'Cơ quan có thể chuyển hồ sơ đến / agencies the dossier may be transferred to',
        params: IdParams,
        response: { 200: TransferAgencyList },
      },
    },
    async (req) => transferAgencies(db, ctxOf(req), req.params.id),
  );
};
