// SQL pieces shared by the statistics statements: the period's dossiers in a subtree, and the facts of their records carried on their rows.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { at } from '../../../platform/stats/sql';
import { balancedSplit } from './stats.split';

export { at, runStats, runStatsSplit } from '../../../platform/stats/sql';

/**
 * The two halves of a province's dossiers for runStatsSplit (by receiving unit, the first column of
 * dossiers_stats_idx), cut where each holds about half; null for a smaller subtree (a commune's few
 * rows run whole). Asked only when the statement is about to run in halves.
 */
export async function halves(db: Tx, w: StatsWindow): Promise<readonly [SQL, SQL] | null> {
  if (w.unitIds) return null;
  const cut = await balancedSplit(db);
  if (!cut) return null;
  const at = sql`${cut}::uuid`;
  return [sql`d.receiving_unit_id < ${at}`, sql`d.receiving_unit_id >= ${at}`];
}

/**
 * The period [start, end) as instants (local midnights of `from` and of the day after `to`), the
 * moment "now" for overdue counts, and the unit whose subtree is counted (by receiving unit).
 */
export interface StatsWindow {
  start: Date;
  end: Date;
  now: Date;
  root: { id: string; path: string; depth: number };
  /** The root and every unit below it; null when that is every unit (a province's own statistics). */
  unitIds: readonly string[] | null;
  /** The local dates of the period, for the validity of the child units listed with zeros. */
  fromDate: string;
  toDate: string;
}

/**
 * Dossiers received by a unit of the subtree: a dossier counts for the unit that received it. A
 * constant list: a commune's few ids go through the index (dossiers_stats_idx starts with the
 * receiving unit). No test at all when the subtree holds every unit: PostgreSQL 15 reads an index in
 * parallel only without such a list, and a province's statistics read the whole index.
 */
function inSubtree(w: StatsWindow): SQL {
  if (!w.unitIds) return sql`true`;
  return sql`d.receiving_unit_id = any(${`{${w.unitIds.join(',')}}`}::uuid[])`;
}

/**
 * A dossier's life as a range, from its submission to its end (unbounded while open); `least` keeps
 * the range valid whatever the data. Indexed by GiST in dossiers.table.ts (dossiers_life_idx): the
 * expression must stay as written there.
 */
const LIFE = sql`tstzrange(least(d.submitted_at, d.finished_at), d.finished_at, '[]')`;

/**
 * The dossiers of the subtree that a period touches: those alive at some moment of it. That covers
 * every counter: received, finished, submitted or asked to complete in the period (a request to
 * complete comes before acceptance, while the dossier is alive), and open at its end. The test on
 * received_at comes first: over a province and a year most rows stop there. The overlap is written
 * twice: as comparisons of the columns, which is the overlap of [least(submitted, finished),
 * finished] (unbounded while open) with [start, end), and decides most rows of a short period
 * without building a range; and as the range, the same test, for dossiers_life_idx (a province's
 * day or week goes through that index and dossiers_received_idx).
 */
export function periodDossiers(w: StatsWindow): SQL {
  const [s, e] = [at(w.start), at(w.end)];
  const overlaps = sql`least(d.submitted_at, d.finished_at) < ${e} and (d.finished_at is null or d.finished_at >= ${s})`;
  return sql`${inSubtree(w)} and ((d.received_at >= ${s} and d.received_at < ${e}) or (${overlaps} and ${LIFE} && tstzrange(${s}, ${e}, '[)')))`;
}

/**
 * The instant one microsecond before `d` (PostgreSQL keeps microseconds; a JS date has whole
 * milliseconds, so the last three digits are all nines).
 */
export const justBefore = (d: Date) => sql`${`${new Date(d.getTime() - 1).toISOString().slice(0, -1)}999Z`}::timestamptz`;

/**
 * The dossier was asked to complete (form 02) at least once in the period, from the times of its
 * request_completion steps carried in order on its row (dossiers.completion_requests):
 * `width_bucket(x, times)` counts the times at or before x by bisection, so a time falls in
 * [start, end) exactly when fewer of them come before the start than before the end. False when
 * there is none (a null array gives null).
 */
export function askedToComplete(w: StatsWindow): SQL {
  return sql`width_bucket(${justBefore(w.end)}, d.completion_requests) > width_bucket(${justBefore(w.start)}, d.completion_requests)`;
}

/**
 * Finished in the period: the result kinds are counted for these, and their ratings (a rating
 * comes after the end; its points are carried on the dossier's row, dossiers.rating_points).
 */
export function finishedIn(w: StatsWindow): SQL {
  return sql`d.finished_at >= ${at(w.start)} and d.finished_at < ${at(w.end)}`;
}
