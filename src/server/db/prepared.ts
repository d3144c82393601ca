// Prepared statements for the hottest reads made outside a transaction (tracking, the session of
// every signed-in request): drizzle builds the SQL once instead of on every call, and PostgreSQL
// parses and plans it once per connection (a named statement) instead of on every call.
import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client';

const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * The prepared statement `name` of this database, built by `build` the first time; null inside a
 * transaction (a prepared statement belongs to the pool it was made on), where the caller runs
 * its ordinary query. Names must be unique in the whole application.
 */
export function prepared<T>(db: Tx, name: string, build: (db: Db) => T): T | null {
  if (is(db, PgTransaction)) return null;
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map<string, unknown>();
    cache.set(db, statements);
  }
  let q = statements.get(name) as T | undefined;
  if (q === undefined) {
    q = build(db);
    statements.set(name, q);
  }
  return q;
}

/**
 * The identity of the database a handle belongs to, the same for the handle and its transactions
 * (drizzle gives both the schema map of the `drizzle()` call that opened it): a key for per-database
 * caches, so that two databases in one process (tests) never share an entry.
 */
export function databaseKey(db: Tx): object {
  return db._.tableNamesMap;
}
