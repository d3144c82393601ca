// Batches on a busy pool (whenConnectionFree): what is asked for while every connection is in use
// waits for the next one released and goes with it, in one statement; a free pool sends at once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchedReader } from './batched';
import { openDatabase, type Database } from './client';
import { poolOf } from './pool';
import { queryRows } from './rows';

const nextTurns = () => new Promise((resolve) => setTimeout(resolve, 30));

describe.runIf(process.env.DATABASE_URL)('batches on a pool of one connection', () => {
  let d: Database;
  const calls: string[][] = [];
  const upper = batchedReader<string, string>(async (db, keys) => {
    calls.push([...keys]);
    const rows = await queryRows<{ k: string }>(db, sql`select upper(k) as k from unnest(string_to_array(${keys.join(',')}, ',')) with ordinality as q(k, i) order by i`);
    return rows.map((r) => r.k);
  });

  beforeAll(async () => {
    d = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 1 });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('sends at once when the connection is free: two turns, two statements', async () => {
    calls.length = 0;
    expect(await upper(d.db, 'a')).toBe('A');
    expect(await upper(d.db, 'b')).toBe('B');
    expect(calls).toEqual([['a'], ['b']]);
  });

  it('keeps what is asked for in later turns while the connection is in use, then sends it as one statement', async () => {
    calls.length = 0;
    const held = await poolOf(d.db)!.connect();
    const first = upper(d.db, 'c');
    await nextTurns();
    const second = upper(d.db, 'd');
    await nextTurns();
    expect(calls).toEqual([]);
    held.release();
    expect(await Promise.all([first, second])).toEqual(['C', 'D']);
    expect(calls).toEqual([['c', 'd']]);
  });

  it('is not the pool of a transaction', async () => {
    expect(poolOf(d.db)).not.toBeNull();
    await d.db.transaction(async (tx) => expect(poolOf(tx)).toBeNull());
  });
});
