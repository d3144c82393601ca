// HTTP routes of the dossier statistics: JSON for the screen and CSV for spreadsheets, with the same query.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StatsQuery, StatsResult } from '../../../../common/dossier-stats.schema';
import { ctxOf } from '../../../platform/auth/actor';
import { sendCsv } from '../../../platform/csv';
import { statsCsv, statsCsvName } from './stats.csv';
import { dossierStats } from './stats.service';

const tags = ['dossiers'];

export const dossierStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/dossiers/stats',
    {
      schema: {
        tags,
        summary: 'Thống kê hồ sơ theo đơn vị, cơ quan, lĩnh vực, tháng / dossier statistics of a period (at most 366 days)',
        querystring: StatsQuery,
        response: { 200: StatsResult },
      },
    },
    async (req) => dossierStats(db, ctxOf(req), req.query),
  );

  app.get(
    '/api/dossiers/stats.csv',
    { schema: { tags, summary: 'Thống kê hồ sơ dạng CSV / the statistics as CSV (UTF-8 with BOM)', querystring: StatsQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const result = await dossierStats(db, ctx, req.query);
      return sendCsv(reply, statsCsvName(result), statsCsv(result, ctx.lang));
    },
  );
};
