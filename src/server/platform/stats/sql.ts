// SQL helpers of every statistics statement (dossiers, letters): instants as parameters and the planner settings they run with.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';

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
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local random_page_cost = 1.1`);
    if (opts.gatherFreely) await tx.execute(sql`set local parallel_tuple_cost = 0`);
    return run(tx);
  });
}
