// HTTP routes of the action pickers of a dossier: assignee candidates and transfer agencies (read like the dossier).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AssigneeList, AssigneeQuery, IntakeHandOn, IntakeHandOnQuery, TransferAgencyList } from '../../../common/dossier-pickers.schema';
import { ctxOf } from '../../platform/auth/actor';
import { intakeHandOn } from './dossiers.intake-hand-on';
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

  app.get(
    '/api/dossiers/intake-hand-on',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận tại quầy: quy trình của thủ tục có yêu cầu chuyển ngay cán bộ xử lý không, và những ai / what a desk acceptance hands on to',
        querystring: IntakeHandOnQuery,
        response: { 200: IntakeHandOn },
      },
    },
    async (req) => intakeHandOn(db, ctxOf(req), req.query),
  );
};
