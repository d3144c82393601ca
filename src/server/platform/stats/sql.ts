// SQL helpers of every statistics statement (dossiers, letters): instants as parameters and the planner settings they run with.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { poolMax, poolOf } from '../../db/pool';
import { queryRows } from '../../db/rows';

export const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Runs a statistics statement with planner settings for it alone (SET LOCAL, in its own transaction):
 * - JIT off: on a large table its cost estimate passes the threshold, and compiling took longer
 *   (0.2 to several seconds) than the aggregate itself;
 * - random_page_cost 1.1, the usual value for data in memory or on SSD: a commune's dossiers then
 *   look their ratings up by key instead of hashing the whole ratings table (200 → 130 ms);
 * - `gatherFreely` (parallel_tuple_cost 0): for the month statement, whose groups the planner cannot
 *   estimate, the scan and joins then run in parallel although the last aggregate does not (2.0 → 1.3 s
 *   for 1,000,000 dossiers).
 */
export async function runStats<T>(db: Tx, run: (tx: Tx) => Promise<T>, opts: { gatherFreely?: boolean } = {}): Promise<T> {
  return db.transaction(async (tx) => {
    await plannerSettings(tx, opts);
    return run(tx);
  });
}

async function plannerSettings(tx: Tx, opts: { gatherFreely?: boolean; serial?: boolean }): Promise<void> {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local random_page_cost = 1.1`);
  if (opts.gatherFreely) await tx.execute(sql`set local parallel_tuple_cost = 0`);
  if (opts.serial) await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
}

/** Statements split in two that may run at once in this process; beyond, a statement runs whole. */
const MAX_SPLIT_RUNS = 2;
/** Connections the other requests keep while statements run split. */
const SPARE = 2;
/**
 * Split runs that may go at once on a pool of `max` connections, two connections each: the split
 * runs' first halves must never hold every connection while their second halves wait for one.
 */
const splitRunsFor = (max: number): number => Math.min(MAX_SPLIT_RUNS, Math.floor((max - SPARE) / 2));
/** The smallest pool that splits (one statement at a time). */
export const MIN_POOL_TO_SPLIT = SPARE + 2;
let splitRuns = 0;

/** A PostgreSQL database reached through a pool (not PGlite, not a transaction) large enough to split on. */
function canSplit(db: Tx): boolean {
  const pool = poolOf(db);
  return pool !== null && splitRuns < splitRunsFor(poolMax(pool));
}

/**
 * Runs a statistics statement over two disjoint parts of its rows at the same time, each on a
 * connection of its own and both in one snapshot (the first exports it, the second imports it), and
 * returns the rows of both: the caller merges them. `parts` gives the conditions that split the rows,
 * asked only when the statement may run in halves (null: run `whole`). PostgreSQL's own parallel query does not serve a
 * statement whose number of groups the planner cannot estimate (the months of a period): it runs
 * the aggregate in one process over every row. Only on a PostgreSQL pool of at least
 * MIN_POOL_TO_SPLIT connections and outside a transaction; otherwise (PGlite, a transaction, a
 * small pool, as many split runs already going as the pool allows) the statement runs whole, once.
 */
export async function runStatsSplit<T>(
  db: Tx,
  parts: () => Promise<readonly [SQL, SQL] | null>,
  whole: SQL,
  run: (tx: Tx, part: SQL) => Promise<T[]>,
  opts: { gatherFreely?: boolean } = {},
): Promise<T[]> {
  if (!canSplit(db)) return runStats(db, (tx) => run(tx, whole), opts);
  splitRuns++;
  try {
    const split = await parts();
    if (!split) return await runStats(db, (tx) => run(tx, whole), opts);
    const config = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;
    return await db.transaction(async (a) => {
      const [exported] = await queryRows<{ id: string }>(a, sql`select pg_export_snapshot() as id`);
      const id = exported?.id ?? '';
      if (!/^[0-9A-F-]+$/.test(id)) throw new Error(`unexpected snapshot id ${id}`);
      const other = db.transaction(async (b) => {
        await b.execute(sql.raw(`set transaction snapshot '${id}'`));
        await plannerSettings(b, { ...opts, serial: true });
        return run(b, split[1]);
      }, config);
      await plannerSettings(a, { ...opts, serial: true });
      const [mine, theirs] = await Promise.all([run(a, split[0]), other]);
      return [...mine, ...theirs];
    }, config);
  } finally {
    splitRuns--;
  }
}
