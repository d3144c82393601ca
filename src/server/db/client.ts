// Opens the database: PGlite in a data folder by default, PostgreSQL through `pg` when DATABASE_URL is set.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { autoPrepare } from './auto-prepare';
import { acquireDataDirLock } from './lock';
import { listenPostgres } from './listen';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database or a transaction: services accept either so that callers can compose them. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (sent by any process on PostgreSQL) and
   * `onState(true)` once listening, `onState(false)` whenever notifications may have been missed
   * (the listening connection was lost: it is opened again). Returns the function that stops it.
   */
  listen: (channel: string, onNotify: () => void, onState: (listening: boolean) => void) => Promise<() => Promise<void>>;
}

const MIGRATIONS = path.resolve(import.meta.dirname, '../../../drizzle');

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps the database in memory (tests). */
  dataDir: string;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL only: writes and locking reads as named statements (default true; see auto-prepare.ts). */
  prepare?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.prepare ?? true) : openPglite(opts.dataDir);
}

async function openPostgres(url: string, poolSize: number, prepare: boolean): Promise<Database> {
  const { Pool, types } = await import('pg');
  // Dates stay strings ('2026-11-24'): a DATE has no time zone and must not shift.
  types.setTypeParser(1082, (v: string) => v);
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString: url, max: poolSize });
  // An idle connection can be closed by the server (restart, admin command): the pool replaces it;
  // without a listener the error would crash the process.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection error: ${err.message}`));
  // Writes and locking reads become named statements, parsed and planned once per connection.
  if (prepare) pool.on('connect', autoPrepare);
  const db = drizzle(pool, { schema });
  return {
    db: db as unknown as Db,
    engine: 'postgres',
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS }),
    close: () => pool.end(),
    listen: (channel, onNotify, onState) => listenPostgres(url, channel, onNotify, onState),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dataDir.startsWith('memory://');
  let release = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  try {
    const client = await PGlite.create({
      dataDir: inMemory ? undefined : path.resolve(dataDir),
      extensions: { unaccent, pg_trgm },
      parsers: { [types.DATE]: (v: string) => v },
    });
    const db = drizzle(client, { schema });
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      migrate: () => migrate(db, { migrationsFolder: MIGRATIONS }),
      close: async () => {
        await client.close();
        release();
      },
      // One process holds the database: a notification is delivered with the statement that commits it.
      listen: async (channel, onNotify, onState) => {
        const stop = await client.listen(channel, onNotify);
        onState(true);
        return async () => {
          onState(false);
          await stop();
        };
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
