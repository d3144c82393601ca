// SQL of the dossier statistics: one aggregate statement per request over the dossiers a period touches, counted from the records.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { escapeLike } from '../../../db/scope';
import { queryRows } from '../../../db/rows';

/**
 * The period [start, end) as instants (local midnights of `from` and of the day after `to`), the
 * moment "now" for overdue counts, and the unit whose subtree is counted (by receiving unit).
 */
export interface StatsWindow {
  start: Date;
  end: Date;
  now: Date;
  root: { id: string; path: string; depth: number };
  /** The local dates of the period, for the validity of the child units listed with zeros. */
  fromDate: string;
  toDate: string;
}

/** The counters every query answers, before rates and labels. */
export interface RawCounts {
  received: number;
  submittedOnline: number;
  inProgress: number;
  overdue: number;
  early: number;
  onTime: number;
  late: number;
  returnedForCompletion: number;
  refused: number;
  withdrawn: number;
  stopped: number;
  /** Sum over ratings of each rating's mean of the five factors, and the number of ratings. */
  ratingSum: number;
  ratings: number;
}

export interface DimensionRow extends RawCounts {
  key: string;
  label: string | null;
  detail: string | null;
}

export type Dimension = 'unit' | 'agency' | 'field';

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Dossiers received by a unit of the subtree: the unit a dossier counts for is the one that received it. */
function inSubtree(w: StatsWindow): SQL {
  return sql`ru.path like ${`${escapeLike(w.root.path)}%`}`;
}

/**
 * The dossiers the period touches: received, finished or submitted online in it, or open at some
 * point of it (accepted before its end and not finished before its start). Each branch can use an
 * index of dossiers (received_at, finished_at, the open ones, online submissions).
 */
function touchesPeriod(w: StatsWindow): SQL {
  const [s, e] = [at(w.start), at(w.end)];
  return sql`(
    (d.received_at >= ${s} and d.received_at < ${e})
    or (d.finished_at >= ${s} and d.finished_at < ${e})
    or (d.finished_at is null and d.received_at < ${e})
    or (d.finished_at >= ${e} and d.received_at < ${e})
    or (d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e})
  )`;
}

/** Dossiers asked to complete their documents (form 02) in the period: the step history is the record. */
function completionRequests(w: StatsWindow): SQL {
  return sql`select distinct s.entity_id as id
    from workflow_steps s
    where s.entity_type = 'dossier' and s.action = 'request_completion' and s.at >= ${at(w.start)} and s.at < ${at(w.end)}`;
}

/** A rating's satisfaction: the mean of its five SIPAS criteria (1..5); null without a rating. One rating per dossier at most. */
const RATING_SCORE = sql`(r.access + r.procedure + r.officials + r.result + r.feedback) / 5.0`;

const KIND_COUNTS = sql`
  count(*) filter (where p.fin and p.result_kind = 'early')::int as "early",
  count(*) filter (where p.fin and p.result_kind = 'on_time')::int as "onTime",
  count(*) filter (where p.fin and p.result_kind = 'late')::int as "late",
  count(*) filter (where p.fin and p.result_kind = 'refused')::int as "refused",
  count(*) filter (where p.fin and p.result_kind = 'withdrawn')::int as "withdrawn",
  count(*) filter (where p.fin and p.result_kind = 'stopped')::int as "stopped"`;

function dimensionKey(dim: Dimension, w: StatsWindow): SQL {
  switch (dim) {
    case 'unit':
      // Paths are `/id/id/.../`: the segment after the root's is the child the dossier rolls up to.
      return sql`coalesce(nullif(split_part(ru.path, '/', ${w.root.depth + 3}), ''), ${w.root.id})`;
    case 'agency':
      return sql`coalesce(d.agency_id::text, 'none')`;
    case 'field':
      return sql`pr.field_code`;
  }
}

function labels(dim: Dimension, w: StatsWindow): { from: SQL; label: SQL; detail: SQL } {
  switch (dim) {
    case 'unit':
      // Every child unit valid during the period is listed, with zeros when it received nothing.
      return {
        from: sql`(select u.id::text as key from units u
            where u.parent_id = ${w.root.id}
              and (u.valid_from is null or u.valid_from <= ${w.toDate}::date)
              and (u.valid_to is null or u.valid_to >= ${w.fromDate}::date)) c
          full join g using (key)
          left join units lu on lu.id::text = key`,
        label: sql`lu.name`,
        detail: sql`null::text`,
      };
    case 'agency':
      return {
        from: sql`g left join agencies la on la.id::text = g.key left join units lu on lu.id = la.unit_id`,
        label: sql`la.name`,
        detail: sql`lu.name`,
      };
    case 'field':
      return { from: sql`g`, label: sql`g.field_name`, detail: sql`key` };
  }
}

/** The counters per unit (children of the root), agency or field, with the labels, in one statement. */
export async function countByDimension(db: Tx, dim: Dimension, w: StatsWindow): Promise<DimensionRow[]> {
  const [s, e, now] = [at(w.start), at(w.end), at(w.now)];
  const l = labels(dim, w);
  const fieldJoin = dim === 'field' ? sql`join procedures pr on pr.id = d.procedure_id` : sql``;
  const fieldName = dim === 'field' ? sql`, min(p.field_name) as field_name` : sql``;
  const fieldCol = dim === 'field' ? sql`, pr.field_name` : sql``;
  const zero = (col: string) => sql`coalesce(g.${sql.identifier(col)}, 0)::int as ${sql.identifier(col)}`;
  const cols = ['received', 'submittedOnline', 'inProgress', 'overdue', 'early', 'onTime', 'late', 'returnedForCompletion', 'refused', 'withdrawn', 'stopped', 'ratings'];
  return queryRows<DimensionRow>(
    db,
    sql`with rc as (${completionRequests(w)}),
    p as (
      select ${dimensionKey(dim, w)} as key, d.result_kind${fieldCol},
        (d.received_at >= ${s} and d.received_at < ${e}) as rin,
        (d.finished_at >= ${s} and d.finished_at < ${e}) as fin,
        (d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e}) as son,
        (d.received_at < ${e} and (d.finished_at is null or d.finished_at >= ${e})) as open_end,
        (d.finished_at is null and d.received_at < ${e} and d.due_at < ${now}) as late_now,
        (rc.id is not null) as rcf,
        ${RATING_SCORE} as score
      from dossiers d
      join units ru on ru.id = d.receiving_unit_id
      left join rc on rc.id = d.id
      left join dossier_ratings r on r.dossier_id = d.id
      ${fieldJoin}
      where ${inSubtree(w)} and (${touchesPeriod(w)} or rc.id is not null)
    ),
    g as (
      select p.key,
        count(*) filter (where p.rin)::int as "received",
        count(*) filter (where p.son)::int as "submittedOnline",
        count(*) filter (where p.open_end)::int as "inProgress",
        count(*) filter (where p.late_now)::int as "overdue",
        count(*) filter (where p.rcf)::int as "returnedForCompletion",
        ${KIND_COUNTS},
        coalesce(sum(p.score) filter (where p.fin), 0)::float8 as "ratingSum",
        count(p.score) filter (where p.fin)::int as "ratings"
        ${fieldName}
      from p group by p.key
    )
    select key, ${l.label} as label, ${l.detail} as detail,
      ${sql.join(cols.map(zero), sql`, `)},
      coalesce(g."ratingSum", 0)::float8 as "ratingSum"
    from ${l.from}`,
  );
}

/**
 * Per month, the statement answers groups of dossiers that share the months of their events
 * (received, finished, submitted online, first open in the period) and the request-to-complete
 * counts per month; the service folds them into month rows. A few hundred groups at most.
 */
export interface MonthGroup {
  part: 'g' | 'rc';
  /** 1-based month of the period (width_bucket), or null when the event is outside the period. */
  rm: number | null;
  fm: number | null;
  sm: number | null;
  om: number | null;
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
  return queryRows<MonthGroup>(
    db,
    sql`with p as (
      select d.result_kind,
        case when d.received_at >= ${s} and d.received_at < ${e} then ${bucket(sql`d.received_at`)} end as rm,
        case when d.finished_at >= ${s} and d.finished_at < ${e} then ${bucket(sql`d.finished_at`)} end as fm,
        case when d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e} then ${bucket(sql`d.submitted_at`)} end as sm,
        case when d.received_at < ${e} and (d.finished_at is null or d.finished_at >= ${s})
          then ${bucket(sql`greatest(d.received_at, ${s})`)} end as om,
        (d.received_at is not null) as received,
        coalesce(d.finished_at is null and d.received_at < ${e} and d.due_at < ${now}, false) as late_now,
        ${RATING_SCORE} as score
      from dossiers d
      join units ru on ru.id = d.receiving_unit_id
      left join dossier_ratings r on r.dossier_id = d.id
      where ${inSubtree(w)} and ${touchesPeriod(w)}
    ),
    steps as (
      select ${bucket(sql`s.at`)} as m, s.entity_id as id
      from workflow_steps s
      join dossiers d on d.id = s.entity_id
      join units ru on ru.id = d.receiving_unit_id
      where s.entity_type = 'dossier' and s.action = 'request_completion' and s.at >= ${s} and s.at < ${e} and ${inSubtree(w)}
    ),
    -- Per month, and (m = null) over the whole period: a dossier asked twice counts once in the total.
    rc as (select m, count(distinct id)::int as n from steps group by grouping sets ((m), ()))
    select 'g' as part, p.rm, p.fm, p.sm, p.om, p.received, p.result_kind as "resultKind", p.late_now as "lateNow",
      count(*)::int as n, coalesce(sum(p.score), 0)::float8 as "ratingSum", count(p.score)::int as ratings
    from p group by p.rm, p.fm, p.sm, p.om, p.received, p.result_kind, p.late_now
    union all
    select 'rc', rc.m, null, null, null, false, null, false, rc.n, 0, 0 from rc`,
  );
}
