// Reads of concurrent requests joined into one statement: the look-ups that arrive while the server
// is busy (those whose requests were parsed in the same turn of the event loop, and those that come
// while every connection of the pool is in use: see whenConnectionFree) are read together,
// each keeping its own answer. One round trip and one statement for several requests instead of one
// each: fewer wake-ups of PostgreSQL's processes and of the server's thread, and the statement's
// fixed cost (its start, its locks, the driver's describing of the result) shared.
// (docs/decisions/0010-batched-reads.md)
import DataLoader from 'dataloader';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './client';
import { whenConnectionFree } from './pool';

/** More keys than this wait for the next statement: a statement's answer stays small. */
export const MAX_BATCH = 64;

/** The text form PostgreSQL reads as a uuid (any case, with the dashes). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/**
 * A reader of one value per key (undefined when there is none) that joins the keys asked for
 * together (in one turn of the event loop, or while the pool is busy) into one call of `readMany`, which answers in the keys' order. Nothing
 * is cached: every key asked for is read, also the same key twice. Use it on the application's
 * database, not inside a transaction (whose statements are one request's, and run one at a time).
 * A failure of `readMany` is the failure of every key it read: `valid` keeps out a key the statement
 * could not take (a malformed id would fail its neighbours' reads), which is answered undefined.
 */
export function batchedReader<K, V>(
  readMany: (db: Tx, keys: readonly K[]) => Promise<readonly (V | undefined)[]>,
  valid: (key: K) => boolean = () => true,
): (db: Tx, key: K) => Promise<V | undefined> {
  const load = loaderOf(readMany);
  return (db, key) => (valid(key) ? load(db, key) : Promise.resolve(undefined));
}

/**
 * A runner of writes that joins those asked for together (as batchedReader's keys) into one call of
 * `runMany`, which answers each with its result or its own error (an `Error` in its place), in
 * order. For statements outside a transaction that each commit on their own; `runMany` decides what
 * it can join (see workflow.batched.ts).
 */
export function batchedWriter<K, V>(runMany: (db: Tx, keys: readonly K[]) => Promise<readonly (V | Error)[]>): (db: Tx, key: K) => Promise<V> {
  return loaderOf(runMany);
}

function loaderOf<K, V>(runMany: (db: Tx, keys: readonly K[]) => Promise<readonly (V | Error)[]>): (db: Tx, key: K) => Promise<V> {
  const loaders = new WeakMap<Tx, DataLoader<K, V>>();
  return (db, key) => {
    let loader = loaders.get(db);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => runMany(db, keys), {
        cache: false,
        maxBatchSize: MAX_BATCH,
        batchScheduleFn: whenConnectionFree(db),
      });
      loaders.set(db, loader);
    }
    return loader.load(key);
  };
}

/**
 * The FROM item of a batched read's statement: the keys of the array `keys` as rows
 * `<as>(<column>, i)`, `i` a key's place in the array (1-based). Through dv_batch_keys (migration
 * 0028), whose estimate of one row keeps the prepared statement's generic plan: from `unnest` a
 * generic plan expects 100 keys and lost to a custom plan made for the batch's few at every run.
 */
export function batchKeys(keys: SQL, as: string, column: string): SQL {
  return sql`dv_batch_keys(${keys}) as ${sql.identifier(as)}(${sql.identifier(column)}, i)`;
}

/**
 * The rows of a batch's statement in its keys' order: each row carries `i`, its key's place in the
 * arrays (1-based, from `batchKeys`); a key without a row is undefined.
 */
export function inKeyOrder<R extends { i: number | string }, V>(count: number, rows: readonly R[], value: (row: Omit<R, 'i'>) => V): (V | undefined)[] {
  const found: (V | undefined)[] = new Array<V | undefined>(count).fill(undefined);
  for (const { i, ...row } of rows) found[Number(i) - 1] = value(row);
  return found;
}
