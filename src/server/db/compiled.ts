// Statements built once: the hottest writes and locking reads (a workflow step, a record's locked
// read with its history, the idempotency record) are turned into SQL text by drizzle the first time
// and then only filled with values, on the database or inside a transaction. Building a statement
// cost more server time than sending it (docs/decisions/0009-actions-in-one-statement.md).
import { createHash } from 'node:crypto';
import { getTableColumns, is, Param, Placeholder, sql, type SQL, type SQLWrapper, type Table } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { Tx } from './client';

export interface Compiled {
  readonly name: string;
  readonly text: string;
  /** On PostgreSQL, a named statement (parsed and planned once per connection), for a read whose plan does not depend on its values. */
  readonly statement: string | null;
  /** How each parameter gets its value at a run, in order: a constant, or a placeholder's value encoded by its column. */
  readonly params: readonly Filler[];
}

/** A constant written in the statement, or a placeholder: its name and its column's encoder, resolved when the statement is built. */
type Filler = { constant: unknown } | { name: string; encode: ((v: unknown) => unknown) | null };

const cache = new Map<string, Compiled>();
/** Statements `repeated` refused (a `$` that is not a parameter, a text its `build` could not join). */
const unrepeatable = new Set<string>();

interface Internals {
  dialect: PgDialect;
  session: { client: QueryClient };
}

interface QueryClient {
  query: (...args: unknown[]) => Promise<{ rows: unknown[] }>;
  /** PGlite and its transactions have it; node-postgres clients and pools do not. */
  exec?: unknown;
}

const internals = (db: Tx) => db as unknown as Internals;

/** What a parameter of drizzle's query becomes (drizzle's own `is` checks cost more than the run when made at every run). */
function fillerOf(p: unknown): Filler {
  const holder = is(p, Placeholder) ? p : is(p, Param) && is(p.value, Placeholder) ? p.value : null;
  if (!holder) return { constant: p };
  const encoder = is(p, Param) ? p.encoder : null;
  return { name: holder.name, encode: encoder ? (v) => encoder.mapToDriverValue(v) : null };
}

/** A placeholder's value, encoded as its column encodes it; null stays SQL NULL (drizzle's own fill would encode it: 'null' in a JSON column). */
function fill(f: Filler, values: Record<string, unknown>): unknown {
  if ('constant' in f) return f.constant;
  const v = values[f.name];
  if (v === undefined && !(f.name in values)) throw new Error(`No value for placeholder "${f.name}"`);
  if (v === null || v === undefined) return null;
  return f.encode ? f.encode(v) : v;
}

/**
 * The statement `name`, built by `build` the first time it is asked for (the same text on PGlite and
 * PostgreSQL: one dialect). Names are unique in the application; values go in as `sql.placeholder`.
 */
export function compiled(db: Tx, name: string, build: () => SQLWrapper, opts: { named?: boolean } = {}): Compiled {
  let c = cache.get(name);
  if (!c) {
    const q = internals(db).dialect.sqlToQuery(build().getSQL());
    // Writes and locking reads are named by the pool anyway (auto-prepare.ts); a read only when asked.
    const statement = opts.named ? `dvc_${createHash('sha1').update(q.sql).digest('base64url')}` : null;
    c = { name, text: q.sql, params: q.params.map(fillerOf), statement };
    cache.set(name, c);
  }
  return c;
}

/**
 * Runs a compiled statement on the database or the transaction `db` with the placeholders' values
 * (each encoded as its column encodes it). Rows come as the driver gives them: name the columns in
 * the statement as the caller reads them (`as "camelCase"`).
 */
export async function runCompiled<T>(db: Tx, c: Compiled, values: Record<string, unknown>): Promise<T[]> {
  const client = internals(db).session.client;
  const params = c.params.map((p) => fill(p, values));
  const res = typeof client.exec === 'function' ? await client.query(c.text, params) : await client.query(c.statement ? { name: c.statement, text: c.text, values: params } : { text: c.text, values: params });
  return res.rows as T[];
}

/**
 * `n` runs of the statement `c` as one statement, `text`, which `build` makes from the text of each
 * run k (1 to n): c's text with its parameters numbered after those of the runs before it
 * (`$1` of run 2 is `$<m + 1>`, m the number of c's parameters). Cached per name and n. The
 * statement is filled by `runValues` of the runs' values. Null when c's text holds a `$` that is not
 * a parameter (a literal: its parameters could not be told apart) or when `build` refuses the text
 * (null); a refused statement is not looked at again.
 */
export function repeated(c: Compiled, n: number, build: (runs: readonly string[]) => string | null): Compiled | null {
  const name = `${c.name}*${n}`;
  if (unrepeatable.has(c.name)) return null;
  let r = cache.get(name);
  if (!r) {
    if ((c.text.match(/\$/g) ?? []).length !== (c.text.match(/\$\d+\b/g) ?? []).length) {
      unrepeatable.add(c.name);
      return null;
    }
    const m = c.params.length;
    const runs = Array.from({ length: n }, (_, k) => c.text.replace(/\$(\d+)\b/g, (_m, d: string) => `$${Number(d) + k * m}`));
    const text = build(runs);
    if (text === null) {
      unrepeatable.add(c.name);
      return null;
    }
    const params = Array.from({ length: n }, (_, k) => c.params.map((f) => ('constant' in f ? f : { ...f, name: `${k + 1}|${f.name}` }))).flat();
    r = { name, text, params, statement: null };
    cache.set(name, r);
  }
  return r;
}

/** The values of a `repeated` statement: run k's values under `<k>|<name>`. */
export function runValues(runs: readonly Record<string, unknown>[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  runs.forEach((run, k) => {
    for (const [name, v] of Object.entries(run)) values[`${k + 1}|${name}`] = v;
  });
  return values;
}

/**
 * A table's columns for a compiled statement's select list, each named as drizzle names its field
 * (`"secret_hash" as "secretHash"`), so that a row reads as the table's `$inferSelect`; `prefix`
 * before each name for a second table in the same row (`"l_secretHash"`).
 */
export function columnsAs(table: Table, prefix = ''): SQL {
  return sql.join(
    Object.entries(getTableColumns(table)).map(([key, col]) => sql`${table}.${sql.identifier(col.name)} as ${sql.identifier(`${prefix}${key}`)}`),
    sql`, `,
  );
}

/** A row read with `columnsAs(table)`, its values decoded as drizzle decodes them (a numeric column in number mode, dates). */
export function decodeRow<T extends Record<string, unknown>>(table: Table, row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    const v = out[key];
    if (v !== null && v !== undefined) out[key] = col.mapFromDriverValue(v);
  }
  return out as T;
}

/**
 * `count` rows of placeholders named `<prefix><i>_<column>`, for an insert of several rows built once
 * per count (`.values(placeholderRows(...))`); `placeholderValues` gives a run's values.
 */
export function placeholderRows<C extends string>(columns: readonly C[], count: number, prefix: string): Record<C, Placeholder>[] {
  return Array.from({ length: count }, (_, i) => Object.fromEntries(columns.map((c) => [c, sql.placeholder(`${prefix}${i}_${c}`)])) as Record<C, Placeholder>);
}

export function placeholderValues<C extends string>(columns: readonly C[], rows: readonly Record<C, unknown>[], prefix: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    for (const c of columns) values[`${prefix}${i}_${c}`] = row[c];
  });
  return values;
}
