// The statistics per unit, agency or field: one aggregate statement over the period's dossiers, counted from the records.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { askedToComplete, at, finishedIn, periodDossiers, runStats, type StatsWindow } from './stats.sql';

export type { StatsWindow } from './stats.sql';

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

/** `result_kind` values and the counters they go to. */
export const KINDS = [
  ['early', 'early'],
  ['on_time', 'onTime'],
  ['late', 'late'],
  ['refused', 'refused'],
  ['withdrawn', 'withdrawn'],
  ['stopped', 'stopped'],
] as const satisfies ReadonlyArray<readonly [string, keyof RawCounts]>;

/** Counted per dossier by the inner aggregate, then summed by the outer one. */
const SUMMED = ['received', 'submittedOnline', 'inProgress', 'overdue', 'returnedForCompletion', 'ratings'] as const;

/**
 * The per-dossier counters, grouped with the result kind: one FILTER counts the dossiers finished in
 * the period and the outer query splits them by kind, instead of one FILTER per kind. Every column
 * read is in dossiers_stats_idx (an index-only scan), and the records' facts are on the row: no join.
 */
function counterColumns(w: StatsWindow): SQL {
  const [s, e, now] = [at(w.start), at(w.end), at(w.now)];
  const finished = finishedIn(w);
  return sql`
    count(*) filter (where d.received_at >= ${s} and d.received_at < ${e})::int as "received",
    count(*) filter (where d.channel = 'online' and d.submitted_at >= ${s} and d.submitted_at < ${e})::int as "submittedOnline",
    count(*) filter (where d.received_at < ${e} and (d.finished_at is null or d.finished_at >= ${e}))::int as "inProgress",
    count(*) filter (where d.finished_at is null and d.received_at < ${e} and d.due_at < ${now})::int as "overdue",
    count(*) filter (where ${finished})::int as "finished",
    count(*) filter (where ${askedToComplete(w)})::int as "returnedForCompletion",
    coalesce(sum(d.rating_points) filter (where ${finished}), 0)::float8 as "points",
    count(d.rating_points) filter (where ${finished})::int as "ratings"`;
}

/** What the inner aggregate groups by (a few hundred values at most), and how the outer one rolls it up to the key shown. */
function grouping(dim: Dimension, w: StatsWindow): { column: SQL; rollup: SQL; key: SQL; extra: SQL } {
  switch (dim) {
    case 'unit':
      // Paths are `/id/id/.../`: the segment after the root's is the child the receiving unit rolls up to.
      return {
        column: sql`d.receiving_unit_id`,
        rollup: sql`join units gu on gu.id = g.gk`,
        key: sql`coalesce(nullif(split_part(gu.path, '/', ${w.root.depth + 3}), ''), ${w.root.id})`,
        extra: sql``,
      };
    case 'agency':
      return { column: sql`d.agency_id`, rollup: sql``, key: sql`coalesce(g.gk::text, 'none')`, extra: sql`` };
    case 'field':
      return { column: sql`d.procedure_id`, rollup: sql`join procedures gp on gp.id = g.gk`, key: sql`gp.field_code`, extra: sql`, min(gp.field_name) as field_name` };
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
 * The inner aggregate reads each dossier of the period once and groups by a raw id and the result
 * kind; the outer ones roll the few groups up and add the labels.
 */
export async function countByDimension(db: Tx, dim: Dimension, w: StatsWindow): Promise<DimensionRow[]> {
  const g = grouping(dim, w);
  const l = labels(dim, w);
  const id = (c: string) => sql.identifier(c);
  const sums = [
    ...SUMMED.map((c) => sql`sum(g.${id(c)}) as ${id(c)}`),
    ...KINDS.map(([kind, name]) => sql`sum(g.finished) filter (where g.rk = ${kind}) as ${id(name)}`),
    sql`sum(g.points) / 5.0 as "ratingSum"`,
  ];
  const counters = [...SUMMED, ...KINDS.map(([, name]) => name)];
  const out = [...counters.map((c) => sql`coalesce(k.${id(c)}, 0)::int as ${id(c)}`), sql`coalesce(k."ratingSum", 0)::float8 as "ratingSum"`];
  const query = sql`with g as (
      select ${g.column} as gk, d.result_kind as rk, ${counterColumns(w)}
      from dossiers d
      where ${periodDossiers(w)}
      group by 1, 2
    ),
    k as (
      select ${g.key} as key, ${sql.join(sums, sql`, `)}${g.extra}
      from g ${g.rollup}
      group by 1
    )
    select key, ${l.label} as label, ${l.detail} as detail, ${sql.join(out, sql`, `)}
    from ${l.from}`;
  return runStats(db, (tx) => queryRows<DimensionRow>(tx, query));
}
