// Letter statistics per unit, type or month of a period, as provinces report them, scoped to the units the user may report on.
import { LETTER_STATS_TYPES, type LetterStatsCounters, type LetterStatsQuery, type LetterStatsResult, type LetterStatsRow } from '../../../../common/letter-stats.schema';
import { LETTER_TYPE_LABELS } from '../../../../common/letters.schema';
import type { Tx } from '../../../db/client';
import type { Ctx } from '../../../platform/auth/actor';
import { dayOfInstant, formatDate } from '../../../platform/calendar/local-date';
import type { Lang } from '../../../platform/locale';
import { assertCan } from '../../../platform/policy';
import { monthLabel, monthsOf, periodOf } from '../../../platform/stats/period';
import { childrenInPeriod, reportUnit, rollUpTo } from '../../../platform/stats/scope';
import { unitsUnder } from '../../org/units.service';
import { clock } from '../letters.clock';
import { CASE_SIDE, countLetterStats, LETTER_SIDE, type RawGroup } from './stats.queries';

type Counts = Omit<LetterStatsCounters, 'notProcessable' | 'resolvedRate'>;

const collator = new Intl.Collator('vi');
const FIELDS = [...LETTER_SIDE, ...CASE_SIDE] as const;
const emptyCounts = (): Counts => Object.fromEntries(FIELDS.map((f) => [f, 0])) as Counts;

/** Adds a group into a row; `once` takes the letter figures that count a letter in one group only (the total by type). */
function add(into: Counts, g: RawGroup, once: boolean): void {
  for (const f of LETTER_SIDE) into[f] += once ? g[`${f}Once`] : g[f];
  for (const f of CASE_SIDE) into[f] += g[f];
}

/** The figures derived from the counts. */
function finish(c: Counts): LetterStatsCounters {
  return {
    ...c,
    notProcessable: c.cases - c.processable,
    resolvedRate: c.withinJurisdiction ? c.resolved / c.withinJurisdiction : null,
  };
}

const UNCLASSIFIED = { vi: 'Chưa phân loại', en: 'Not classified yet' };

function typeLabel(key: string, lang: Lang): string {
  if (key === 'unclassified') return UNCLASSIFIED[lang];
  return LETTER_TYPE_LABELS[key as keyof typeof LETTER_TYPE_LABELS][lang];
}

/** GET /api/letters/stats: the figures of the period per group and in total, computed from the letters, cases and steps. */
export async function letterStats(db: Tx, ctx: Ctx, q: LetterStatsQuery, now: Date = clock.now()): Promise<LetterStatsResult> {
  assertCan(ctx.actor, 'letter.stats');
  const period = periodOf(q, now, ctx.lang);
  const unit = await reportUnit(db, ctx.actor, 'letter.stats', q.unitId);
  const current = period.to >= dayOfInstant(now);
  // A period that has ended is counted as it stood at its end; one that runs, as of now.
  const asOf = current ? now : period.end;
  const subtree = await unitsUnder(db, unit.id);
  const months = monthsOf(period);
  const [fromDate, toDate] = [formatDate(period.from), formatDate(period.to)];
  const groups = await countLetterStats(db, q.groupBy, {
    start: period.start,
    end: period.end,
    asOf,
    unitIds: subtree.map((u) => u.id),
    monthStarts: months.map((m) => m.start),
  });

  const total = emptyCounts();
  const byKey = new Map<string, Counts>();
  const pathOf = new Map(subtree.map((u) => [u.id, u.path]));
  for (const g of groups) {
    const key = q.groupBy === 'unit' ? rollUpTo(unit, pathOf.get(g.gk) ?? '') : g.gk;
    const row = byKey.get(key) ?? emptyCounts();
    add(row, g, false);
    byKey.set(key, row);
    add(total, g, true);
  }
  const rowOf = (key: string, label: string): LetterStatsRow => ({ key, label, ...finish(byKey.get(key) ?? emptyCounts()) });

  let rows: LetterStatsRow[];
  if (q.groupBy === 'month') {
    rows = months.map((m, i) => ({ ...rowOf(String(i + 1), monthLabel(m, ctx.lang)), key: m.key }));
  } else if (q.groupBy === 'type') {
    rows = LETTER_STATS_TYPES.filter((t) => t !== 'unclassified' || byKey.has(t)).map((t) => rowOf(t, typeLabel(t, ctx.lang)));
  } else {
    // Every child unit valid in the period has a row (zeros included); the unit itself when it received or handled something.
    // A child no longer valid still shows when something was counted there.
    const valid = new Set(childrenInPeriod(unit, subtree, fromDate, toDate).map((u) => u.id));
    const children = subtree.filter((u) => u.parentId === unit.id && (valid.has(u.id) || byKey.has(u.id))).sort((a, b) => collator.compare(a.name, b.name));
    rows = [...(byKey.has(unit.id) ? [rowOf(unit.id, unit.name)] : []), ...children.map((u) => rowOf(u.id, u.name))];
  }
  return {
    period: { from: fromDate, to: toDate, current, asOf: (current ? now : new Date(period.end.getTime() - 1)).toISOString() },
    groupBy: q.groupBy,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    rows,
    total: finish(total),
  };
}
