// Dossier statistics per unit, agency, field or month of a period, scoped to the units the user may report on.
import type { StatsQuery, StatsResult, StatsRow } from '../../../../common/dossier-stats.schema';
import type { Tx } from '../../../db/client';
import { units } from '../../../db/schema';
import type { Ctx } from '../../../platform/auth/actor';
import { dayOfInstant, formatDate } from '../../../platform/calendar/local-date';
import type { Lang } from '../../../platform/locale';
import { assertCan } from '../../../platform/policy';
import { reportUnit } from '../../../platform/stats/scope';
import { unitsUnder } from '../../org/units.service';
import { clock } from '../dossiers.clock';
import { add, counters, emptyCounts, foldMonths } from './stats.counts';
import { countByMonth } from './stats.month.queries';
import { monthLabel, monthsOf, periodOf, type Period } from '../../../platform/stats/period';
import { countByDimension, type DimensionRow, type RawCounts, type StatsWindow } from './stats.queries';

const collator = new Intl.Collator('vi');

function sortRows(groupBy: StatsQuery['groupBy'], rootId: string, rows: StatsRow[]): StatsRow[] {
  const rank = (r: StatsRow) => (r.key === rootId || r.key === 'none' ? (r.key === rootId ? 0 : 2) : 1);
  if (groupBy === 'month') return rows;
  return rows.sort(
    (a, b) => rank(a) - rank(b) || collator.compare(a.detail ?? '', b.detail ?? '') || collator.compare(a.label, b.label),
  );
}

function fallbackLabel(r: DimensionRow, lang: Lang): string {
  if (r.label) return r.label;
  if (r.key === 'none') return lang === 'vi' ? 'Chưa gắn cơ quan' : 'No agency';
  return r.key;
}

/** GET /api/dossiers/stats: the counters of the period per group and in total, computed from the dossiers and their steps. */
export async function dossierStats(db: Tx, ctx: Ctx, q: StatsQuery, now: Date = clock.now()): Promise<StatsResult> {
  assertCan(ctx.actor, 'dossier.stats');
  const period: Period = periodOf(q, now, ctx.lang);
  const unit = await reportUnit(db, ctx.actor, 'dossier.stats', q.unitId);
  const current = period.to >= dayOfInstant(now);
  const subtree = (await unitsUnder(db, unit.id)).map((u) => u.id);
  const whole = subtree.length === (await db.$count(units));
  const w: StatsWindow = {
    start: period.start,
    end: period.end,
    now,
    root: { id: unit.id, path: unit.path, depth: unit.depth },
    unitIds: whole ? null : subtree,
    fromDate: formatDate(period.from),
    toDate: formatDate(period.to),
  };
  let rows: StatsRow[];
  let total: RawCounts;
  if (q.groupBy === 'month') {
    const months = monthsOf(period);
    const folded = foldMonths(await countByMonth(db, w, months.map((m) => m.start)), months);
    const thisMonth = formatDate(dayOfInstant(now)).slice(0, 7);
    rows = months.map((m, i) => {
      const c = folded.rows[i] as RawCounts;
      // Overdue is a count of now: it belongs to the current month's row only.
      const isNow = current && m.key === thisMonth;
      return { key: m.key, label: monthLabel(m, ctx.lang), detail: null, ...counters({ ...c, overdue: isNow ? folded.total.overdue : 0 }, isNow) };
    });
    total = folded.total;
  } else {
    const raw = await countByDimension(db, q.groupBy, w);
    total = emptyCounts();
    for (const r of raw) add(total, r);
    rows = raw.map((r) => ({ key: r.key, label: fallbackLabel(r, ctx.lang), detail: r.detail, ...counters(r, current) }));
  }
  return {
    period: { from: w.fromDate, to: w.toDate, current, asOf: (current ? now : new Date(period.end.getTime() - 1)).toISOString() },
    groupBy: q.groupBy,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    rows: sortRows(q.groupBy, unit.id, rows),
    total: counters(total, current),
  };
}
