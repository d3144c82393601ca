// SQL of the dossier statistics: one aggregate statement per request over the dossiers a period touches, counted from the records.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
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
  /** The root and every unit below it: a constant list that PostgreSQL looks rows up in by hashing. */
  unitIds: readonly string[];
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
  /** Sum over ratings of each rating's mean of the five criteria, and the number of ratings. */
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

/**
 * Runs the statement with PostgreSQL's JIT compiler off: its cost estimate passes the threshold on a
 * large table, and compiling then takes longer (0.2 to several seconds) than the aggregate itself.
 */
async function withoutJit<T>(db: Tx, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return run(tx);
  });
}

/**
 * Dossiers received by a unit of the subtree: a dossier counts for the unit that received it. A
 * constant array is hashed once (no join node per row); `coalesce` keeps the planner from reading the
 * whole table through the receiving-unit index when the subtree is a whole province.
 */
function inSubtree(w: StatsWindow, alias = 'd'): SQL {
  return sql`coalesce(${sql.identifier(alias)}.receiving_unit_id = any(${`{${w.unitIds.join(',')}}`}::uuid[]), false)`;
}

/**
 * The dossiers of the request-to-complete steps `rc` (id, month m) as `x` (receiving unit, agency,
 * procedure), within the subtree. `offset 0` keeps it to one primary-key probe per step rather than
 * a second pass over the table.
 */
function dossiersOfSteps(rc: SQL, w: StatsWindow): SQL {
  return sql`${rc} rc
    cross join lateral (select d.receiving_unit_id, d.agency_id, d.procedure_id from dossiers d where d.id = rc.id offset 0) x
    where ${inSubtree(w, 'x')}`;
}

/**
 * A dossier's life as a range: from its receipt to its end (unbounded while open). `least` keeps
 * the range valid whatever the data (a dossier refused at the desk has no receipt: its life is the
 * moment it ended). Indexed by GiST in dossiers.table.ts (dossiers_life_idx): the expression and the
 * partial index's condition must stay as written there.
 */
export const LIFE = sql`tstzrange(least(d.received_at, d.finished_at), d.finished_at, '[]')`;
const HAS_LIFE = sql`(d.received_at is not null or d.finished_at is not null)`;

/**
 * The dossiers the period touches: received in it, alive at some moment of it (finished in it, or
 * open at its end), or submitted online in it. Each arm has its index (received_at, the life range,
 * online submissions), so a short period over a large table reads only its rows; over a province and
 * a year, where the table is read once, most rows stop at the first, cheapest arm.
 */
function touchesPeriod(w: StatsWindow): SQL {
  const [s, e] = [at(w.start), at(w.end)];
  return sql`(
    (d.received_at >= ${s} and d.received_at < ${e})
    or (${HAS_LIFE} and ${LIFE} && tstzrange(${s}, ${e}, '[)'))
    or (d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e})
  )`;
}

/** Request-to-complete steps (form 02) in the period: the step history is the record (index workflow_steps_action_at_idx). */
function completionSteps(w: StatsWindow): SQL {
  return sql`workflow_steps s where s.entity_type = 'dossier' and s.action = 'request_completion' and s.at >= ${at(w.start)} and s.at < ${at(w.end)}`;
}

/**
 * The ratings of dossiers finished in the period (one per dossier at most), joined on that condition
 * so that the counters need no filter for them. A rating's points are the sum of its five SIPAS
 * criteria (1..5): integers add up faster than decimals; the service divides by 5.
 */
function ratingsOfFinished(w: StatsWindow): SQL {
  const [s, e] = [at(w.start), at(w.end)];
  // A dossier not finished in the period has a null key, so it is not even looked up; a rating is
  // given after the end, so older ones (before the period) are left out of the hash.
  return sql`left join dossier_ratings r on r.dossier_id = (case when d.finished_at >= ${s} and d.finished_at < ${e} then d.id end) and r.created_at >= ${s}`;
}
const POINTS = sql`(r.access + r.procedure + r.officials + r.result + r.feedback)`;

const KINDS: Array<[string, string]> = [
  ['early', 'early'],
  ['on_time', 'onTime'],
  ['late', 'late'],
  ['refused', 'refused'],
  ['withdrawn', 'withdrawn'],
  ['stopped', 'stopped'],
];
const COUNTERS = ['received', 'submittedOnline', 'inProgress', 'overdue', 'returnedForCompletion', 'ratings', ...KINDS.map(([, name]) => name)];

/**
 * The per-dossier counters, by column name, grouped with the result kind: one FILTER counts the
 * dossiers finished in the period and the outer query splits them by kind, instead of one FILTER per kind.
 */
function counterColumns(w: StatsWindow): Array<[string, SQL]> {
  const [s, e, now] = [at(w.start), at(w.end), at(w.now)];
  return [
    ['received', sql`count(*) filter (where d.received_at >= ${s} and d.received_at < ${e})::int`],
    ['submittedOnline', sql`count(*) filter (where d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e})::int`],
    ['inProgress', sql`count(*) filter (where d.received_at < ${e} and (d.finished_at is null or d.finished_at >= ${e}))::int`],
    ['overdue', sql`count(*) filter (where d.finished_at is null and d.received_at < ${e} and d.due_at < ${now})::int`],
    ['finished', sql`count(*) filter (where d.finished_at >= ${s} and d.finished_at < ${e})::int`],
    ['returnedForCompletion', sql`0`],
    ['points', sql`coalesce(sum(${POINTS}), 0)::float8`],
    ['ratings', sql`count(r.dossier_id)::int`],
  ];
}

/** What the inner aggregate groups by (a few hundred values at most), and how the outer one rolls it up to the key shown. */
function grouping(dim: Dimension, w: StatsWindow): { column: SQL; stepColumn: SQL; rollup: SQL; key: SQL; extra: SQL } {
  switch (dim) {
    case 'unit':
      // Paths are `/id/id/.../`: the segment after the root's is the child the receiving unit rolls up to.
      return {
        column: sql`d.receiving_unit_id`,
        stepColumn: sql`x.receiving_unit_id`,
        rollup: sql`join units gu on gu.id = g.gk`,
        key: sql`coalesce(nullif(split_part(gu.path, '/', ${w.root.depth + 3}), ''), ${w.root.id})`,
        extra: sql``,
      };
    case 'agency':
      return { column: sql`d.agency_id`, stepColumn: sql`x.agency_id`, rollup: sql``, key: sql`coalesce(g.gk::text, 'none')`, extra: sql`` };
    case 'field':
      return { column: sql`d.procedure_id`, stepColumn: sql`x.procedure_id`, rollup: sql`join procedures gp on gp.id = g.gk`, key: sql`gp.field_code`, extra: sql`, min(gp.field_name) as field_name` };
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
          full join k using (key)
          left join units lu on lu.id::text = key`,
        label: sql`lu.name`,
        detail: sql`null::text`,
      };
    case 'agency':
      return {
        from: sql`k left join agencies la on la.id::text = k.key left join units lu on lu.id = la.unit_id`,
        label: sql`la.name`,
        detail: sql`lu.name`,
      };
    case 'field':
      return { from: sql`k`, label: sql`k.field_name`, detail: sql`key` };
  }
}

/**
 * The counters per unit (children of the root), agency or field, with the labels, in one statement.
 * The inner aggregate reads each dossier once and groups by a raw id; the outer ones roll the few
 * groups up and add the request-to-complete counts, which come from the step history.
 */
export async function countByDimension(db: Tx, dim: Dimension, w: StatsWindow): Promise<DimensionRow[]> {
  const g = grouping(dim, w);
  const l = labels(dim, w);
  const counters = counterColumns(w);
  const perDossier = counters.map(([name, expr]) => sql`${expr} as ${sql.identifier(name)}`);
  // The same columns in the same order for the union: only the request-to-complete count is not zero.
  const perRequest = counters.map(([name]) => (name === 'returnedForCompletion' ? sql`count(*)::int` : sql`0`));
  const id = (c: string) => sql.identifier(c);
  const sums = [
    ...['received', 'submittedOnline', 'inProgress', 'overdue', 'returnedForCompletion', 'ratings'].map((c) => sql`sum(g.${id(c)}) as ${id(c)}`),
    ...KINDS.map(([kind, name]) => sql`sum(g.finished) filter (where g.rk = ${kind}) as ${id(name)}`),
    sql`sum(g.points) / 5.0 as "ratingSum"`,
  ];
  const out = [...COUNTERS.map((c) => sql`coalesce(k.${id(c)}, 0)::int as ${id(c)}`), sql`coalesce(k."ratingSum", 0)::float8 as "ratingSum"`];
  const query = sql`with g as (
      select ${g.column} as gk, d.result_kind as rk, ${sql.join(perDossier, sql`, `)}
      from dossiers d
      ${ratingsOfFinished(w)}
      where ${inSubtree(w)} and ${touchesPeriod(w)}
      group by 1, 2
      union all
      select ${g.stepColumn}, null, ${sql.join(perRequest, sql`, `)}
      from ${dossiersOfSteps(sql`(select distinct null::int as m, s.entity_id as id from ${completionSteps(w)})`, w)}
      group by 1
    ),
    k as (
      select ${g.key} as key, ${sql.join(sums, sql`, `)}${g.extra}
      from g ${g.rollup}
      group by 1
    )
    select key, ${l.label} as label, ${l.detail} as detail, ${sql.join(out, sql`, `)}
    from ${l.from}`;
  return withoutJit(db, (tx) => queryRows<DimensionRow>(tx, query));
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
  const query = sql`with p as (
      select d.result_kind,
        case when d.received_at >= ${s} and d.received_at < ${e} then ${bucket(sql`d.received_at`)} end as rm,
        case when d.finished_at >= ${s} and d.finished_at < ${e} then ${bucket(sql`d.finished_at`)} end as fm,
        case when d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e} then ${bucket(sql`d.submitted_at`)} end as sm,
        case when d.received_at < ${e} and (d.finished_at is null or d.finished_at >= ${s})
          then ${bucket(sql`greatest(d.received_at, ${s})`)} end as om,
        (d.received_at is not null) as received,
        coalesce(d.finished_at is null and d.received_at < ${e} and d.due_at < ${now}, false) as late_now,
        ${POINTS} as points
      from dossiers d
      ${ratingsOfFinished(w)}
      where ${inSubtree(w)} and ${touchesPeriod(w)}
    ),
    steps as (
      select rc.m, rc.id from ${dossiersOfSteps(sql`(select ${bucket(sql`s.at`)} as m, s.entity_id as id from ${completionSteps(w)})`, w)}
    ),
    -- Per month, and (m = null) over the whole period: a dossier asked twice counts once in the total.
    rc as (select m, count(distinct id)::int as n from steps group by grouping sets ((m), ()))
    select 'g' as part, p.rm, p.fm, p.sm, p.om, p.received, p.result_kind as "resultKind", p.late_now as "lateNow",
      count(*)::int as n, coalesce(sum(p.points) / 5.0, 0)::float8 as "ratingSum", count(p.points)::int as ratings
    from p group by p.rm, p.fm, p.sm, p.om, p.received, p.result_kind, p.late_now
    union all
    select 'rc', rc.m, null, null, null, false, null, false, rc.n, 0, 0 from rc`;
  return withoutJit(db, (tx) => queryRows<MonthGroup>(tx, query));
}
