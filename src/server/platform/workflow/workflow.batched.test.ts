// Joining step statements: the text of n runs (renamed CTEs, renumbered parameters, a row per run),
// the parameters' values, and the chunks a shape's runs are sent in. The joined statements on a real
// database: dossiers.act-once.test.ts and letters.act-once.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiled, repeated, runCompiled, runValues } from '../../db/compiled';
import { startTestApp, type TestApp } from '../../testing/harness';
import { chunks, joinedText } from './workflow.batched';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

// A statement of the step statement's shape, small enough to read: a CTE, "dv_s", a constant.
const shaped = () =>
  compiled(t.db, 'batched_test_shape', () => {
    const p = (n: string) => sql.placeholder(n);
    return sql`with dv_g as (select ${p('a')}::int as v, ${p('b')}::text as "dv_a"), dv_s as (select v + ${p('c')}::int as id from dv_g)
      select (select id from dv_s) as id, (select "dv_a" from dv_g) || ${'!'}::text as ok`;
  });

describe('joined step statements', () => {
  it('renames each run’s CTEs, numbers its parameters after the previous run’s and answers a row per run', async () => {
    const c = shaped();
    const twice = repeated(c, 2, joinedText)!;
    expect(twice).not.toBeNull();
    expect(twice.text).toContain('dv_s_2 as (select v + $7::int as id from dv_g_2)');
    // A quoted identifier is a column, not a CTE: left as it is.
    expect(twice.text).toContain('"dv_a" from dv_g_2');
    expect(twice.text).not.toContain('dv_a_');
    const rows = await runCompiled<{ k: number; id: number; ok: string }>(t.db, twice, runValues([{ a: 1, b: 'x', c: 10 }, { a: 2, b: 'y', c: 20 }]));
    expect(rows.map((r) => [Number(r.k), Number(r.id), r.ok])).toEqual([
      [1, 11, 'x!'],
      [2, 22, 'y!'],
    ]);
    // Past nine parameters, $1 and $10 stay apart.
    const many = repeated(c, 4, joinedText)!;
    const values = runValues(Array.from({ length: 4 }, (_, i) => ({ a: i, b: `r${i}`, c: 100 })));
    expect((await runCompiled<{ id: number }>(t.db, many, values)).map((r) => Number(r.id))).toEqual([100, 101, 102, 103]);
  });

  it('refuses a statement whose text holds a $ that is not a parameter, or that is not a step statement', () => {
    const literal = compiled(t.db, 'batched_test_dollar', () => sql`with dv_s as (select ${sql.placeholder('a')}::int as id) select (select id from dv_s) as id, '$ 5' as ok`);
    expect(repeated(literal, 2, joinedText)).toBeNull();
    // Nor a text without the step statement's final select, which joinedText cannot join.
    const other = compiled(t.db, 'batched_test_other', () => sql`with dv_s as (select ${sql.placeholder('a')}::int as id) select id from dv_s`);
    expect(repeated(other, 2, joinedText)).toBeNull();
  });

  it('sends a shape’s runs 8, 4, 2 or 1 at a time', () => {
    const sizes = (n: number) => chunks(Array.from({ length: n }, (_, i) => i)).map((c) => c.length);
    expect(sizes(1)).toEqual([1]);
    expect(sizes(3)).toEqual([2, 1]);
    expect(sizes(7)).toEqual([4, 2, 1]);
    expect(sizes(8)).toEqual([8]);
    expect(sizes(13)).toEqual([8, 4, 1]);
    expect(chunks([5, 6, 7]).flat()).toEqual([5, 6, 7]);
  });
});
