// Counters of the statistics in memory: adding groups up, rates and satisfaction, and folding the month groups into month rows.
import type { StatsCounters } from '../../../../common/dossier-stats.schema';
import type { MonthGroup } from './stats.month.queries';
import type { Month } from '../../../platform/stats/period';
import { KINDS, type RawCounts } from './stats.queries';

export const emptyCounts = (): RawCounts => ({
  received: 0,
  submittedOnline: 0,
  inProgress: 0,
  overdue: 0,
  early: 0,
  onTime: 0,
  late: 0,
  returnedForCompletion: 0,
  refused: 0,
  withdrawn: 0,
  stopped: 0,
  ratingSum: 0,
  ratings: 0,
});

const COUNT_KEYS = Object.keys(emptyCounts()) as Array<keyof RawCounts>;

export function add(into: RawCounts, c: RawCounts): void {
  for (const k of COUNT_KEYS) into[k] += c[k];
}

/** Rates from the counts; overdue only makes sense while the period runs. */
export function counters(c: RawCounts, current: boolean): StatsCounters {
  const resolved = c.early + c.onTime + c.late;
  return {
    received: c.received,
    submittedOnline: c.submittedOnline,
    inProgress: c.inProgress,
    overdue: current ? c.overdue : null,
    early: c.early,
    onTime: c.onTime,
    late: c.late,
    resolved,
    returnedForCompletion: c.returnedForCompletion,
    refused: c.refused,
    withdrawn: c.withdrawn,
    stopped: c.stopped,
    onTimeRate: resolved ? (c.early + c.onTime) / resolved : null,
    lateRate: resolved ? c.late / resolved : null,
    satisfaction: c.ratings ? Math.round((c.ratingSum / c.ratings) * 100) / 100 : null,
    ratings: c.ratings,
  };
}

const KIND_FIELD = new Map<string, keyof RawCounts>(KINDS);

/**
 * Folds the month groups of the statement into one row per month. In progress at the end of a
 * month = dossiers open at some point of the period up to that month, less those finished by then.
 * The total's in progress is the last month's; a dossier asked to complete in two months counts in
 * each of them and once in the total.
 */
export function foldMonths(groups: readonly MonthGroup[], months: readonly Month[]): { rows: RawCounts[]; total: RawCounts } {
  const rows = months.map(emptyCounts);
  const total = emptyCounts();
  const opened = months.map(() => 0);
  const closed = months.map(() => 0);
  const row = (i: number | null): RawCounts | undefined => (i === null ? undefined : rows[i - 1]);
  for (const g of groups) {
    const [received, finished, online, open] = [row(g.rm), row(g.fm), row(g.sm), g.om];
    if (received) received.received += g.n;
    if (online) online.submittedOnline += g.n;
    if (open !== null && open >= 1 && open <= months.length) opened[open - 1] = (opened[open - 1] ?? 0) + g.n;
    const kind = g.resultKind ? KIND_FIELD.get(g.resultKind) : undefined;
    if (finished && g.fm !== null) {
      if (kind) finished[kind] += g.n;
      finished.ratingSum += g.ratingSum;
      finished.ratings += g.ratings;
      if (g.received) closed[g.fm - 1] = (closed[g.fm - 1] ?? 0) + g.n;
    }
    if (g.cm?.length) {
      for (const m of g.cm) {
        const asked = row(m);
        if (asked) asked.returnedForCompletion += g.n;
      }
      total.returnedForCompletion += g.n;
    }
    if (g.lateNow) total.overdue += g.n;
  }
  let open = 0;
  rows.forEach((r, i) => {
    open += (opened[i] ?? 0) - (closed[i] ?? 0);
    r.inProgress = open;
    add(total, { ...r, inProgress: 0, overdue: 0, returnedForCompletion: 0 });
  });
  total.inProgress = open;
  return { rows, total };
}
