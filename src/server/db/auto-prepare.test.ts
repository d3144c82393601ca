// Named statements for writes and locking reads: which statements get a name, and on PostgreSQL that
// each is parsed once per connection while reads (whose plans depend on their values) stay unnamed.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../platform/calendar/calendar.table';
import { startTestApp, type TestApp } from '../testing/harness';
import { isWriteOrLock, statementName } from './auto-prepare';
import { queryRows } from './rows';

describe('which statements are named', () => {
  it('names inserts, updates, deletes, data-modifying WITH and locking reads', () => {
    expect(isWriteOrLock('insert into "settings" ("key") values ($1)')).toBe(true);
    expect(isWriteOrLock('update "dossiers" set "state" = $1 where "dossiers"."id" = $2')).toBe(true);
    expect(isWriteOrLock('delete from "sessions" where "sessions"."expires_at" < $1')).toBe(true);
    expect(isWriteOrLock('with s as (insert into "workflow_steps" ("id") values ($1) returning 1) select * from s')).toBe(true);
    expect(isWriteOrLock('with u as (update "letters" set "state" = $1 returning 1) select 1')).toBe(true);
    expect(isWriteOrLock('select "d"."id" from "dossiers" where "dossiers"."id" = $1 for update of "dossiers"')).toBe(true);
    expect(isWriteOrLock('select "id" from "jobs" where "status" = $1 limit 1 for update skip locked')).toBe(false);
  });

  it('leaves reads unnamed, reports above all, whose plans depend on their period and units', () => {
    expect(isWriteOrLock('select "id" from "dossiers" where "dossiers"."code" = $1')).toBe(false);
    expect(isWriteOrLock('with g as (select d.receiving_unit_id as gk, count(*) from dossiers d where d.received_at >= $1 group by 1) select * from g')).toBe(false);
    expect(isWriteOrLock("select 'update \"x\"' as text")).toBe(false);
    expect(isWriteOrLock('begin')).toBe(false);
  });

  it('gives one text one name, and different texts different names', () => {
    const a = 'insert into "settings" ("key", "value") values ($1, $2)';
    const b = 'insert into "settings" ("key", "value", "updated_by") values ($1, $2, $3)';
    expect(statementName(a)).toBe(statementName(a));
    expect(statementName(a)).toMatch(/^dv_[A-Za-z0-9_-]{27}$/);
    expect(statementName(a)).not.toBe(statementName(b));
    expect(statementName('select 1 where $1')).toBeNull();
  });
});

describe.runIf(process.env.DATABASE_URL)('named statements on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('parses a write once per connection and keeps reads unnamed', async () => {
    const prepared = await t.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        await tx.insert(settings).values({ key: `auto-prepare-${i}`, value: { i } });
        await tx.update(settings).set({ value: { i: i + 1 } }).where(eq(settings.key, `auto-prepare-${i}`));
        await tx.select().from(settings).where(eq(settings.key, `auto-prepare-${i}`));
      }
      return queryRows<{ name: string; statement: string }>(tx, sql`select name, statement from pg_prepared_statements where name like 'dv\\_%'`);
    });
    const texts = prepared.map((p) => p.statement);
    expect(texts.filter((s) => s.startsWith('insert into "settings"'))).toHaveLength(1);
    expect(texts.filter((s) => s.startsWith('update "settings"'))).toHaveLength(1);
    expect(texts.some((s) => s.startsWith('select') && s.includes('from "settings"'))).toBe(false);
    const [row] = await t.db.select().from(settings).where(eq(settings.key, 'auto-prepare-2'));
    expect(row?.value).toEqual({ i: 3 });
  });

  it('keeps a named statement usable after a transaction that used it rolled back', async () => {
    const key = 'auto-prepare-rollback';
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(settings).values({ key, value: 1 });
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await t.db.select().from(settings).where(eq(settings.key, key))).toHaveLength(0);
    await t.db.transaction(async (tx) => {
      await tx.insert(settings).values({ key, value: 2 });
    });
    const [row] = await t.db.select().from(settings).where(eq(settings.key, key));
    expect(row?.value).toBe(2);
  });
});
