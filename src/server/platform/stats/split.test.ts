// Statistics statements run in two halves at once (runStatsSplit): both halves in one snapshot, the
// same rows as the whole statement, and the whole statement where splitting could starve the pool.
import { sql, type SQL } from 'drizzle-orm';
import pg, { type Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { queryRows } from '../../db/rows';
import { MIN_POOL_TO_SPLIT, runStatsSplit } from './sql';

const halves: [SQL, SQL] = [sql`n < 50`, sql`n >= 50`];

describe.runIf(process.env.DATABASE_URL)('runStatsSplit on PostgreSQL', () => {
  let name: string;
  let big: Database;
  let small: Database;
  let admin: Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    name = `danvan_split_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${name}`;
    big = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', poolSize: MIN_POOL_TO_SPLIT });
    small = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', poolSize: 2 });
    await big.db.execute(sql`create table split_rows (n int primary key)`);
    await big.db.execute(sql`insert into split_rows select generate_series(0, 99)`);
  });
  afterAll(async () => {
    await big?.close();
    await small?.close();
    await admin?.query(`drop database if exists ${name}`);
    await admin?.end();
  });

  type Row = { backend: number; snapshot: string; rows: number; total: number };
  const count = (db: Database) =>
    runStatsSplit(db.db, async () => halves, sql`true`, (tx, part) =>
      queryRows<Row>(
        tx,
        sql`select pg_backend_pid() as backend, txid_current_snapshot()::text as snapshot, count(*)::int as rows, coalesce(sum(n), 0)::int as total
          from split_rows where ${part}`,
      ),
    );

  it('counts each half on a connection of its own, in one snapshot, and the halves add up to the whole', async () => {
    const parts = await count(big);
    expect(parts).toHaveLength(2);
    expect(parts.map((p) => p.rows)).toEqual([50, 50]);
    expect(parts.reduce((s, p) => s + p.total, 0)).toBe((99 * 100) / 2);
    expect(parts[0]?.backend).not.toBe(parts[1]?.backend);
    expect(parts[0]?.snapshot).toBe(parts[1]?.snapshot);
  });

  it('runs the statement whole on a pool too small to split without starving it', async () => {
    const parts = await count(small);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ rows: 100, total: (99 * 100) / 2 });
  });

  it('runs whole inside a transaction', async () => {
    const parts = await big.db.transaction((tx) =>
      runStatsSplit(tx, async () => halves, sql`true`, (t, part) => queryRows<{ rows: number }>(t, sql`select count(*)::int as rows from split_rows where ${part}`)),
    );
    expect(parts).toEqual([{ rows: 100 }]);
  });
});

describe.skipIf(process.env.DATABASE_URL)('runStatsSplit on PGlite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await db.db.execute(sql`create table split_rows (n int primary key)`);
    await db.db.execute(sql`insert into split_rows select generate_series(0, 99)`);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('runs the statement whole on its one connection', async () => {
    const parts = await runStatsSplit(db.db, async () => halves, sql`true`, (tx, part) =>
      queryRows<{ rows: number }>(tx, sql`select count(*)::int as rows from split_rows where ${part}`),
    );
    expect(parts).toEqual([{ rows: 100 }]);
  });
});
