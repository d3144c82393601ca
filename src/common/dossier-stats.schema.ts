// Request and response shapes of the dossier statistics (GET /api/dossiers/stats and stats.csv).
import { z } from 'zod';
import { STATS_GROUPS } from './dossier-stats';

export { STATS_GROUPS, STATS_MAX_DAYS, STATS_ROLES } from './dossier-stats';

export const StatsGroupBy = z.enum(STATS_GROUPS);
export type StatsGroupBy = z.infer<typeof StatsGroupBy>;

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const StatsQuery = z.object({
  /** Vietnamese local dates, both included; default: from 1 January of this year to today. */
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  groupBy: StatsGroupBy.default('unit'),
  /** A unit inside the user's scope; default: the user's top unit. */
  unitId: z.uuid().optional(),
  /** The language of labels and CSV headers when a link cannot send Accept-Language. */
  lang: z.enum(['vi', 'en']).optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

/** The counters of one group (or of the whole period); see docs/api-dossiers.md, "Statistics". */
export const StatsCounters = z.object({
  /** Accepted (tiếp nhận) in the period. */
  received: z.number().int(),
  /** Submitted online in the period (accepted or not). */
  submittedOnline: z.number().int(),
  /** Accepted by the end of the period and not finished then (as of now for a period that has not ended). */
  inProgress: z.number().int(),
  /** In progress now and past the running deadline; null for a period that has ended. */
  overdue: z.number().int().nullable(),
  early: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** Result returned in the period: early + onTime + late. */
  resolved: z.number().int(),
  /** Dossiers the desk asked to complete (form 02) in the period. */
  returnedForCompletion: z.number().int(),
  refused: z.number().int(),
  withdrawn: z.number().int(),
  stopped: z.number().int(),
  /** (early + onTime) / resolved, from 0 to 1; null when nothing was resolved. */
  onTimeRate: z.number().nullable(),
  /** late / resolved; null when nothing was resolved. */
  lateRate: z.number().nullable(),
  /** Mean of the five SIPAS factors over the ratings of dossiers finished in the period; null without ratings. */
  satisfaction: z.number().nullable(),
  ratings: z.number().int(),
});
export type StatsCounters = z.infer<typeof StatsCounters>;

export const StatsRow = StatsCounters.extend({
  /** Unit or agency id, field code, or `YYYY-MM`; `none` for dossiers without an agency. */
  key: z.string(),
  label: z.string(),
  /** The unit of an agency, the code of a field; null otherwise. */
  detail: z.string().nullable(),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsResult = z.object({
  period: z.object({
    from: z.string(),
    to: z.string(),
    /** The period includes today: in progress and overdue are as of now. */
    current: z.boolean(),
    asOf: z.string(),
  }),
  groupBy: StatsGroupBy,
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  rows: z.array(StatsRow),
  total: StatsCounters,
});
export type StatsResult = z.infer<typeof StatsResult>;
