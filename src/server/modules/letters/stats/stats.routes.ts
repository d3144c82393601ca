// HTTP routes of the letter statistics: JSON for the screen and CSV for spreadsheets (audited), with the same query.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LetterStatsQuery, LetterStatsResult } from '../../../../common/letter-stats.schema';
import { recordAudit } from '../../../platform/audit/audit';
import { ctxOf } from '../../../platform/auth/actor';
import { sendCsv } from '../../../platform/csv';
import { letterStatsCsv, letterStatsCsvName } from './stats.csv';
import { letterStats } from './stats.service';

const tags = ['letters'];

export const letterStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/letters/stats',
    {
      schema: {
        tags,
        summary: 'Thống kê đơn thư theo đơn vị, loại đơn, tháng / letter statistics of a period (at most 366 days)',
        querystring: LetterStatsQuery,
        response: { 200: LetterStatsResult },
      },
    },
    async (req) => letterStats(db, ctxOf(req), req.query),
  );

  app.get(
    '/api/letters/stats.csv',
    { schema: { tags, summary: 'Thống kê đơn thư dạng CSV / the letter statistics as CSV (UTF-8 with BOM); the export is audited', querystring: LetterStatsQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const result = await letterStats(db, ctx, req.query);
      // An export leaves the system: who took which figures is recorded (the figures hold no personal data).
      await recordAudit(db, ctx, {
        action: 'letter.stats.export',
        entityType: 'letter_stats',
        unitId: result.unit.id,
        after: { from: result.period.from, to: result.period.to, groupBy: result.groupBy, rows: result.rows.length },
      });
      return sendCsv(reply, letterStatsCsvName(result), letterStatsCsv(result, ctx.lang));
    },
  );
};
