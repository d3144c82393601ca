// Where a province's dossiers are cut in two for the statistics run in halves: at the receiving unit
// that leaves about as many dossiers on each side, read from PostgreSQL's own column statistics.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { units } from '../../../db/schema';

/** The most common values' share of the rows below which their weights do not decide the cut. */
const MIN_COVERED = 0.8;

/**
 * The id at which the weights, taken in id order, reach half their sum: the rows below it (`< id`)
 * are about half of them. Null without weights.
 */
export function weightedMiddle(ids: readonly string[], weights: readonly number[]): string | null {
  const pairs = ids.map((id, i) => ({ id, w: weights[i] ?? 0 })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = pairs.reduce((s, p) => s + p.w, 0);
  if (!pairs.length || total <= 0) return null;
  let below = 0;
  for (const p of pairs) {
    // Cut before this unit when that leaves the halves closer than cutting after it.
    if (below + p.w / 2 >= total / 2) return below > 0 ? p.id : (pairs[1]?.id ?? null);
    below += p.w;
  }
  return null;
}

const uuids = (text: string | null): string[] => (text ? text.replace(/[{}]/g, '').split(',').filter(Boolean) : []);

/**
 * The receiving unit at which to cut a province's dossiers in two: from the column's most common
 * values and their frequencies when they cover most rows (a province has a few hundred units at
 * most, so they usually cover all), else the middle of its histogram, else the middle unit by id
 * (no statistics yet). Null with fewer than four units: too few dossiers to be worth two halves.
 */
export async function balancedSplit(db: Tx): Promise<string | null> {
  const [s] = await queryRows<{ units: number; middle: string | null; vals: string | null; freqs: number[] | null; bounds: string | null }>(
    db,
    sql`select (select count(*)::int from ${units}) as units,
        (select u.id::text from ${units} u order by u.id offset (select count(*) / 2 from ${units}) limit 1) as middle,
        s.most_common_vals::text as vals, s.most_common_freqs as freqs, s.histogram_bounds::text as bounds
      from (select 1) one
      left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'dossiers' and s.attname = 'receiving_unit_id'`,
  );
  if (!s || s.units < 4) return null;
  const vals = uuids(s.vals);
  const freqs = s.freqs ?? [];
  if (vals.length && freqs.reduce((a, b) => a + b, 0) >= MIN_COVERED) return weightedMiddle(vals, freqs) ?? s.middle;
  const bounds = uuids(s.bounds);
  return bounds.length >= 3 ? (bounds[bounds.length >> 1] ?? null) : s.middle;
}
