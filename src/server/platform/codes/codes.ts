// Readable codes: the next number of a daily sequence, allocated in the caller's transaction.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queryRows } from '../../db/rows';
import { dayOfInstant, formatDate } from '../calendar/local-date';

/**
 * The next number of the (series, local day) counter. The upsert takes the counter row's lock until
 * the surrounding transaction ends, so two officers receiving at the same moment wait for each
 * other and get consecutive numbers; a rolled-back intake gives its number back (no gaps).
 */
export async function nextSequence(tx: Tx, series: string, day: string): Promise<number> {
  const [row] = await queryRows<{ next: number }>(
    tx,
    sql`insert into code_counters as c (series, day, next) values (${series}, ${day}, 1)
        on conflict (series, day) do update set next = c.next + 1 returning c.next`,
  );
  if (!row) throw new Error('code counter returned no row');
  return Number(row.next);
}

/** The local date (Asia/Ho_Chi_Minh) of an instant as 'YYYY-MM-DD': the day a code's sequence runs on. */
export function codeDay(at: Date): string {
  return formatDate(dayOfInstant(at));
}
