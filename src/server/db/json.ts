// Rows read as JSON inside a larger statement (a record with its history in one round trip): timestamps cross as numbers.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Milliseconds since the epoch of a timestamp column, exact for the schema's millisecond timestamps, the same on every driver. */
export function epochMs(col: SQLWrapper): SQL {
  return sql`(extract(epoch from ${col}) * 1000)::bigint`;
}

/** The Date of an `epochMs` value (a JSON number, or a string from a driver that keeps bigint exact). */
export function fromEpochMs(v: number | string): Date;
export function fromEpochMs(v: number | string | null): Date | null;
export function fromEpochMs(v: number | string | null): Date | null {
  return v === null ? null : new Date(Number(v));
}
