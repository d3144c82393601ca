// The statistics per month: one aggregate statement that groups the period's dossiers by the months of their events.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { at, completionSteps, periodDossiers, POINTS, ratingsOfFinished, withoutJit, type StatsWindow } from './stats.sql';

/**
 * Dossiers that share the months of their events: received, finished, submitted online, first open
 * in the period, asked to complete. The service folds these groups (a few hundred at most) into month
 * rows. Months are 1-based positions in the period (width_bucket); null when the event is outside it.
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

export async function countByMonth(db: Tx, w: StatsWindow, monthStarts: readonly Date[]): Promise<MonthGroup[]> {
  const [s, e, now] = [at(w.start), at(w.end), at(w.now)];
  // Bucket i (1-based) is [monthStarts[i-1], monthStarts[i]); the last bound is the period's end.
  const bounds = sql`${`{${[...monthStarts, w.end].map((d) => d.toISOString()).join(',')}}`}::timestamptz[]`;
  const bucket = (col: SQL) => sql`width_bucket(${col}, ${bounds})`;
  const query = sql`with rc as (
      select s.entity_id as id, array_agg(distinct ${bucket(sql`s.at`)}) as months
      from ${completionSteps(w)}
      group by s.entity_id
    ),
    p as (
      select d.result_kind,
        case when d.received_at >= ${s} and d.received_at < ${e} then ${bucket(sql`d.received_at`)} end as rm,
        case when d.finished_at >= ${s} and d.finished_at < ${e} then ${bucket(sql`d.finished_at`)} end as fm,
        case when d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e} then ${bucket(sql`d.submitted_at`)} end as sm,
        case when d.received_at < ${e} and (d.finished_at is null or d.finished_at >= ${s})
          then ${bucket(sql`greatest(d.received_at, ${s})`)} end as om,
        rc.months as cm,
        (d.received_at is not null) as received,
        coalesce(d.finished_at is null and d.received_at < ${e} and d.due_at < ${now}, false) as late_now,
        ${POINTS} as points
      from dossiers d
      left join rc on rc.id = d.id
      ${ratingsOfFinished(w)}
      where ${periodDossiers(w)}
    )
    select p.rm, p.fm, p.sm, p.om, p.cm, p.received, p.result_kind as "resultKind", p.late_now as "lateNow",
      count(*)::int as n, coalesce(sum(p.points) / 5.0, 0)::float8 as "ratingSum", count(p.points)::int as ratings
    from p
    group by p.rm, p.fm, p.sm, p.om, p.cm, p.received, p.result_kind, p.late_now`;
  return withoutJit(db, (tx) => queryRows<MonthGroup>(tx, query));
}
