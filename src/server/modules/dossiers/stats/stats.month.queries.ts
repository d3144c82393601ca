// The statistics per month: one aggregate statement that groups the period's dossiers by the months of their events.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { KINDS } from './stats.queries';
import { at, halves, justBefore, periodDossiers, runStatsSplit, type StatsWindow } from './stats.sql';

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
  /** The ratings of the group's dossiers (counted only where fm is a month of the period). */
  ratingSum: number;
  ratings: number;
}

/**
 * A period of at most 366 days spans at most 13 months. `width_bucket(x, bounds)` gives 0 before the
 * period, 1..n in its months, n + 1 after it: with 15 for none, a digit of base 16.
 */
const M = 16;
const NONE = 15;
const KIND_CODES = KINDS.map(([kind]) => kind);

/** Requests to complete read from the row one by one; a dossier asked more often is searched month by month. */
const INLINE_REQUESTS = 2;

/**
 * The buckets of a dossier's requests to complete as a bit mask (bit i for bucket i, 0..14): the
 * first ones read from the row, more by bisection of the ordered times month by month (as
 * askedToComplete does for the period). No subquery: the whole expression may run in a parallel worker.
 */
function requestBuckets(bucket: (col: SQL) => SQL, bounds: readonly Date[]): SQL {
  const bit = (t: SQL) => sql`(1 << ${bucket(t)})`;
  const inline = Array.from({ length: INLINE_REQUESTS }, (_, i) => sql`coalesce(${bit(sql.raw(`d.completion_requests[${i + 1}]`))}, 0)`);
  const before = (d: Date) => sql`width_bucket(${justBefore(d)}, d.completion_requests)`;
  const months = bounds.slice(1).map((end, i) => sql`(case when ${before(end)} > ${before(bounds[i] as Date)} then ${sql.raw(String(1 << (i + 1)))} else 0 end)`);
  return sql`(case when d.completion_requests is null then 0
    when cardinality(d.completion_requests) <= ${sql.raw(String(INLINE_REQUESTS))} then ${sql.join(inline, sql` | `)}
    else ${sql.join(months, sql` + `)} end)`;
}

/**
 * Everything a dossier is grouped by, packed into one bigint (one bigint hashes faster than several
 * columns): the buckets of its receipt, its end and its online submission (raw: the service tells
 * inside from outside the period), the result kind (0..6), whether it is open past its due date now,
 * and the buckets of its requests to complete. Every column is in dossiers_stats_idx.
 */
function packed(bucket: (col: SQL) => SQL, bounds: readonly Date[], w: StatsWindow): SQL {
  const digit = (col: SQL) => sql`coalesce(${bucket(col)}, ${sql.raw(String(NONE))})`;
  const kind = sql`(case d.result_kind ${sql.join(
    KIND_CODES.map((k, i) => sql`when ${k} then ${sql.raw(String(i + 1))}`),
    sql` `,
  )} else 0 end)`;
  const base = sql.raw(String(M));
  return sql`${digit(sql`d.received_at`)}::bigint
    + ${base} * (${digit(sql`d.finished_at`)}
    + ${base} * (${digit(sql`case when d.channel = 'online' then d.submitted_at end`)}
    + ${base} * (${kind}
    + 8 * (coalesce(d.finished_at is null and d.due_at < ${at(w.now)}, false)::int
    + 2 * ${requestBuckets(bucket, bounds)}::bigint))))`;
}

/** The groups' months from the packed code; `n` months in the period. */
function unpack(code: number, n: number): Omit<MonthGroup, 'n' | 'ratingSum' | 'ratings'> {
  const digit = () => {
    const d = code % M;
    code = Math.floor(code / M);
    return d === NONE ? null : d;
  };
  const inPeriod = (d: number | null) => (d !== null && d >= 1 && d <= n ? d : null);
  const [r, f, s] = [digit(), digit(), digit()];
  const kind = code % 8;
  code = Math.floor(code / 8);
  const dueBeforeNow = code % 2 === 1;
  const mask = Math.floor(code / 2);
  const cm: number[] = [];
  for (let m = 1; m <= n; m++) if (mask & (1 << m)) cm.push(m);
  // Received before the end and not finished before the start: open in the period from the month of
  // its receipt (the first month if received earlier).
  const receivedBeforeEnd = r !== null && r <= n;
  return {
    rm: inPeriod(r),
    fm: inPeriod(f),
    sm: inPeriod(s),
    om: receivedBeforeEnd && f !== 0 ? Math.max(r, 1) : null,
    cm: cm.length ? cm : null,
    received: r !== null,
    resultKind: KIND_CODES[kind - 1] ?? null,
    lateNow: dueBeforeNow && receivedBeforeEnd,
  };
}

/**
 * The groups of the period's dossiers. A group's ratings are those of all its dossiers: the service
 * counts them for the groups finished in the period only (the bucket of the end is in the key).
 */
export async function countByMonth(db: Tx, w: StatsWindow, monthStarts: readonly Date[]): Promise<MonthGroup[]> {
  // Bucket i (1-based) is [monthStarts[i-1], monthStarts[i]); the last bound is the period's end.
  const bounds = [...monthStarts, w.end];
  const array = sql`${`{${bounds.map((d) => d.toISOString()).join(',')}}`}::timestamptz[]`;
  const bucket = (col: SQL) => sql`width_bucket(${col}, ${array})`;
  const query = (part: SQL) => sql`select ${packed(bucket, bounds, w)} as code, count(*)::int as n,
      coalesce(sum(d.rating_points) / 5.0, 0)::float8 as "ratingSum", count(d.rating_points)::int as ratings
    from dossiers d
    where ${periodDossiers(w)} and ${part}
    group by 1`;
  type Row = { code: string | number; n: number; ratingSum: number; ratings: number };
  // A province's year is counted in two halves at once (see runStatsSplit); the halves' groups are summed.
  const parts = await runStatsSplit(db, () => halves(db, w), sql`true`, (tx, part) => queryRows<Row>(tx, query(part)), { gatherFreely: true });
  const rows = new Map<string, Row>();
  for (const r of parts) {
    const key = String(r.code);
    const seen = rows.get(key);
    if (seen) {
      seen.n += r.n;
      seen.ratingSum += r.ratingSum;
      seen.ratings += r.ratings;
    } else rows.set(key, { ...r });
  }
  return [...rows.values()].map((r) => ({ ...unpack(Number(r.code), monthStarts.length), n: r.n, ratingSum: r.ratingSum, ratings: r.ratings }));
}
