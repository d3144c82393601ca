// The pg pool behind the application's PostgreSQL database, and when a batch should go to it.
import { is } from 'drizzle-orm';
import { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import type { Tx } from './client';

/** The pool of the application's PostgreSQL database; null on PGlite and inside a transaction. */
export function poolOf(db: Tx): Pool | null {
  if (!is(db, NodePgDatabase)) return null;
  const client = (db as unknown as { $client?: Partial<Pool> }).$client;
  return client && typeof client.totalCount === 'number' && typeof client.on === 'function' ? (client as Pool) : null;
}

/** The most connections the pool opens. */
export const poolMax = (pool: Pool): number => (pool as unknown as { options: { max: number } }).options.max;

/** A connection can be had without waiting: one is idle or may be opened, and nobody waits before us. */
function hasFree(pool: Pool): boolean {
  return pool.waitingCount === 0 && (pool.idleCount > 0 || pool.totalCount < poolMax(pool));
}

const waiting = new WeakMap<Pool, (() => void)[]>();

/** The batches waiting for a connection of `pool`; every one goes at the first release, so none can wait on a pool with nothing in use. */
function waitingOn(pool: Pool): (() => void)[] {
  let q = waiting.get(pool);
  if (!q) {
    const queue: (() => void)[] = [];
    const drain = () => {
      if (queue.length) setImmediate(() => queue.splice(0).forEach((run) => run()));
    };
    pool.on('release', drain);
    pool.on('remove', drain);
    waiting.set(pool, (q = queue));
  }
  return q;
}

/**
 * Schedules a batch's statement (see batched.ts): after the poll phase, once every request that
 * arrived in this turn has asked; and while every connection of the pool is busy, not before one is
 * released, so that what is asked for meanwhile joins the batch instead of queueing for a connection
 * as a statement of its own. No wait when the pool has a connection to give. On PGlite and inside a
 * transaction, after the poll phase.
 */
export function whenConnectionFree(db: Tx): (run: () => void) => void {
  const pool = poolOf(db);
  if (!pool) return (run) => setImmediate(run);
  const q = waitingOn(pool);
  return (run) => setImmediate(() => (q.length === 0 && hasFree(pool) ? run() : q.push(run)));
}
