// Statements built once and filled at each run: values encoded as their columns encode them, NULL
// kept as SQL NULL (not JSON 'null'), the same statement on the database and inside a transaction.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness';
import { columnsAs, compiled, decodeRow, runCompiled } from './compiled';
import { queryRows } from './rows';
import { auditLog, dossiers } from './schema';

describe('compiled statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const insert = () =>
    compiled(t.db, 'test_compiled_audit', () =>
      t.db
        .insert(auditLog)
        .values({
          actorLabel: sql.placeholder('label'),
          action: 'test.compiled',
          entityType: 'test',
          entityId: sql.placeholder('entityId'),
          before: sql.placeholder('before'),
          after: sql.placeholder('after'),
          at: sql.placeholder('at'),
        } as unknown as typeof auditLog.$inferInsert)
        .returning({ id: auditLog.id }),
    );

  it('builds once and fills each run, on the database and in a transaction, with NULL as SQL NULL', async () => {
    expect(insert()).toBe(insert());
    const at = new Date('2026-11-24T03:04:05.678Z');
    const [first] = await runCompiled<{ id: number }>(t.db, insert(), { label: 'a', entityId: 'c1', before: null, after: { state: 'x' }, at });
    const second = await t.db.transaction((tx) => runCompiled<{ id: number }>(tx, insert(), { label: 'b', entityId: 'c2', before: { seq: 1 }, after: null, at }));
    const rows = await queryRows<{ entity_id: string; before_null: boolean; after_null: boolean; after: unknown; before: unknown; at: Date }>(
      t.db,
      sql`select entity_id, before is null as before_null, after is null as after_null, before, after, at from audit_log
        where id in (${Number(first?.id)}, ${Number(second[0]?.id)}) order by entity_id`,
    );
    expect(rows.map((r) => [r.entity_id, r.before_null, r.after_null, r.before, r.after])).toEqual([
      ['c1', true, false, null, { state: 'x' }],
      ['c2', false, true, { seq: 1 }, null],
    ]);
    expect(new Date(rows[0]!.at).toISOString()).toBe(at.toISOString());
  });

  it('rolls back with its transaction', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await runCompiled(tx, insert(), { label: 'c', entityId: 'rolled-back', before: null, after: null, at: new Date() });
        throw new Error('on purpose');
      }),
    ).rejects.toThrow('on purpose');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityId, 'rolled-back'))).toHaveLength(0);
  });

  it('names a table\'s columns as its fields and decodes them as drizzle does', async () => {
    const q = compiled(t.db, 'test_compiled_dossier_columns', () => sql`select ${columnsAs(dossiers)} from ${dossiers} limit 1`);
    expect(q.text).toContain('"dossiers"."processing_days" as "processingDays"');
    const row = decodeRow(dossiers, { processingDays: '2.5', completionRequests: ['2026-11-24T01:00:00Z'], code: 'X' });
    expect(row.processingDays).toBe(2.5);
    expect(row.completionRequests).toEqual([new Date('2026-11-24T01:00:00Z')]);
    expect(row.code).toBe('X');
  });
});
