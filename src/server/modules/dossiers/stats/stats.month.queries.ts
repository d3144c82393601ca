// The statistics per month: one aggregate statement that groups the period's dossiers by the months of their events.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { KINDS } from './stats.queries';
import { at, completionSteps, periodDossiers, POINTS, ratingsOfFinished, runStats, type StatsWindow } from './stats.sql';

/**
 * Dossiers that share the months of their events: received, finished, submitted online, first open
 * in the period, asked to complete. The service folds these groups (a few hundred at most) into month
 * rows. Months are 1-based positions in the period; null when the event is outside it.
 */
export interface MonthGroup {
  rm: number | null;
  fm: number | null;
  sm: number | null;
  om: number | null;
  /** The months in which the dossier was asked to complete, or null. */
  cm: number[] | null;
  received: boolean;
  resultKind: string | null;
  lateNow: boolean;
  n: number;
  ratingSum: number;
  ratings: number;
}

/** A period of at most 366 days spans at most 13 months: a month fits in a digit of base 14 (0 = none). */
const M = 14;
const KIND_CODES = KINDS.map(([kind]) => kind);

/**
 * Everything a dossier is grouped by, packed into one bigint: rm, fm, sm, om in base 14, the result
 * kind (0..6), received, late now, and the months asked to complete as a bit mask: one bigint
 * hashes faster than eight columns.
 */
function packed(bucket: (col: SQL) => SQL, w: StatsWindow): SQL {
  const [s, e, now] = [at(w.start), at(w.end), at(w.now)];
  const month = (cond: SQL, col: SQL) => sql`coalesce(case when ${cond} then ${bucket(col)} end, 0)::bigint`;
  const kind = sql`(case d.result_kind ${sql.join(
    KIND_CODES.map((k, i) => sql`when ${k} then ${sql.raw(String(i + 1))}`),
    sql` `,
  )} else 0 end)`;
  const base = sql.raw(String(M));
  return sql`${month(sql`d.received_at >= ${s} and d.received_at < ${e}`, sql`d.received_at`)}
    + ${base} * (${month(sql`d.finished_at >= ${s} and d.finished_at < ${e}`, sql`d.finished_at`)}
    + ${base} * (${month(sql`d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e}`, sql`d.submitted_at`)}
    + ${base} * (${month(sql`d.received_at < ${e} and (d.finished_at is null or d.finished_at >= ${s})`, sql`greatest(d.received_at, ${s})`)}
    + ${base} * (${kind}
    + 8 * ((d.received_at is not null)::int
    + 2 * (coalesce(d.finished_at is null and d.received_at < ${e} and d.due_at < ${now}, false)::int
    + 2 * coalesce(rc.mask, 0)::bigint))))))`;
}

function unpack(code: number): Omit<MonthGroup, 'n' | 'ratingSum' | 'ratings'> {
  const digit = () => {
    const d = code % M;
    code = Math.floor(code / M);
    return d === 0 ? null : d;
  };
  const [rm, fm, sm, om] = [digit(), digit(), digit(), digit()];
  const kind = code % 8;
  code = Math.floor(code / 8);
  const received = code % 2 === 1;
  code = Math.floor(code / 2);
  const lateNow = code % 2 === 1;
  const mask = Math.floor(code / 2);
  const cm: number[] = [];
  for (let m = 1; m <= 13; m++) if (mask & (1 << (m - 1))) cm.push(m);
  return { rm, fm, sm, om, cm: cm.length ? cm : null, received, resultKind: KIND_CODES[kind - 1] ?? null, lateNow };
}

export async function countByMonth(db: Tx, w: StatsWindow, monthStarts: readonly Date[]): Promise<MonthGroup[]> {
  // Bucket i (1-based) is [monthStarts[i-1], monthStarts[i]); the last bound is the period's end.
  const bounds = sql`${`{${[...monthStarts, w.end].map((d) => d.toISOString()).join(',')}}`}::timestamptz[]`;
  const bucket = (col: SQL) => sql`width_bucket(${col}, ${bounds})`;
  const query = sql`with rc as (
      select s.entity_id as id, bit_or(1 << (${bucket(sql`s.at`)} - 1)) as mask
      from ${completionSteps(w)}
      group by s.entity_id
    )
    select ${packed(bucket, w)} as code, count(*)::int as n,
      coalesce(sum(${POINTS}) / 5.0, 0)::float8 as "ratingSum", count(r.dossier_id)::int as ratings
    from dossiers d
    left join rc on rc.id = d.id
    ${ratingsOfFinished(w)}
    where ${periodDossiers(w)}
    group by 1`;
  const rows = await runStats(db, (tx) => queryRows<{ code: string | number; n: number; ratingSum: number; ratings: number }>(tx, query), { gatherFreely: true });
  return rows.map((r) => ({ ...unpack(Number(r.code)), n: r.n, ratingSum: r.ratingSum, ratings: r.ratings }));
}
