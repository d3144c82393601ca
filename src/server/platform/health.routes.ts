// GET /api/health: the database engine and whether every migration has been applied.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../db/rows';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    engine: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    migrations: z.object({ applied: z.number(), expected: z.number(), upToDate: z.boolean() }),
  }),
  time: z.string(),
});

function expectedMigrations(): number {
  const journal = path.resolve(import.meta.dirname, '../../../drizzle/meta/_journal.json');
  const parsed = JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] };
  return parsed.entries.length;
}

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const expected = expectedMigrations();
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Tình trạng hệ thống / health', response: { 200: Health, 503: Health } } }, async (_req, reply) => {
    let applied = 0;
    let reachable = true;
    try {
      const [row] = await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      applied = Number(row?.n ?? 0);
    } catch {
      reachable = false;
    }
    const upToDate = reachable && applied === expected;
    const body = {
      status: upToDate ? ('ok' as const) : ('degraded' as const),
      version: '0.1.0',
      database: { engine: app.database.engine, reachable, migrations: { applied, expected, upToDate } },
      time: new Date().toISOString(),
    };
    return reply.status(upToDate ? 200 : 503).send(body);
  });
};
