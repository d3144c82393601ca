// Raw SQL that returns rows, the same on PGlite and node-postgres (both answer `{ rows }`).
import type { SQL } from 'drizzle-orm';
import type { Tx } from './client';

export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}
