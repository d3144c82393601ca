// The FROM item of a batched read: its keys in order, and on PostgreSQL a prepared statement that
// keeps its generic plan instead of being planned again for every batch.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../platform/calendar/calendar.table';
import { startTestApp, type TestApp } from '../testing/harness';
import { batchKeys, inKeyOrder } from './batched';
import { compiled, runCompiled } from './compiled';
import { queryRows } from './rows';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.db.insert(settings).values([
    { key: 'batch-a', value: 'A' },
    { key: 'batch-b', value: 'B' },
    { key: 'batch-c', value: 'C' },
  ]);
});
afterAll(async () => {
  await t?.close();
});

/** The keys of the array `keys` as rows q(key, i): through batchKeys, or through unnest as before migration 0028. */
const keysFrom = (from: 'batch' | 'unnest') =>
  from === 'batch' ? batchKeys(sql`${sql.placeholder('keys')}::text[]`, 'q', 'key') : sql`unnest(${sql.placeholder('keys')}::text[]) with ordinality as q(key, i)`;

const byKeys = () =>
  compiled(t.db, 'batched_test', () => sql`select q.i as "i", ${settings.value} as "value" from ${keysFrom('batch')} join ${settings} on ${settings.key} = q.key`, {
    named: true,
  });

describe('batchKeys', () => {
  it('answers every key in its place: a key twice twice, an unknown key with nothing, no keys with no rows', async () => {
    const keys = ['batch-c', 'batch-x', 'batch-a', 'batch-c'];
    const rows = await runCompiled<{ i: number; value: unknown }>(t.db, byKeys(), { keys });
    expect(inKeyOrder(keys.length, rows, (r) => r.value)).toEqual(['C', undefined, 'A', 'C']);
    expect(await runCompiled(t.db, byKeys(), { keys: [] })).toEqual([]);
  });

  it.runIf(process.env.DATABASE_URL)('keeps the prepared statement’s generic plan on PostgreSQL, where unnest is planned again for every batch', async () => {
    // A table as large as a province's, where a probe by key costs what it costs on `dossiers`.
    const probe = (from: 'batch' | 'unnest') =>
      compiled(t.db, `batched_test_probe:${from}`, () => sql`select q.i as "i", p.value as "value" from ${keysFrom(from)} join batch_probe p on p.key = q.key`, { named: true });
    const plans = await t.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table batch_probe (key text primary key, value text not null) on commit drop`);
      await tx.execute(sql`insert into batch_probe select 'k' || g, 'v' || g from generate_series(1, 100000) g`);
      await tx.execute(sql`analyze batch_probe`);
      for (let n = 1; n <= 8; n++) {
        const keys = ['k1', 'k2', 'k3', 'none'].slice(0, 1 + (n % 4));
        const rows = await runCompiled<{ i: number; value: string }>(tx, probe('batch'), { keys });
        expect(inKeyOrder(keys.length, rows, (r) => r.value)).toEqual(['v1', 'v2', 'v3', undefined].slice(0, keys.length));
        await runCompiled(tx, probe('unnest'), { keys });
      }
      return queryRows<{ statement: string; generic: number; custom: number }>(
        tx,
        sql`select statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements`,
      );
    });
    const of = (from: 'batch' | 'unnest') => plans.find((p) => p.statement === probe(from).text);
    // PostgreSQL makes five custom plans, then keeps the generic one when it is no dearer.
    expect(of('batch')).toMatchObject({ custom: 5, generic: 3 });
    expect(of('unnest')).toMatchObject({ custom: 8, generic: 0 });
  });
});
