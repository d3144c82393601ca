// Request and response shapes of the letter statistics (GET /api/letters/stats and stats.csv); see docs/api-letters.md, "Statistics".
import { z } from 'zod';
import { LETTER_STATS_GROUPS } from './letter-stats';

export { LETTER_STATS_GROUPS, LETTER_STATS_ROLES, LETTER_STATS_TYPES } from './letter-stats';

export const LetterStatsGroupBy = z.enum(LETTER_STATS_GROUPS);
export type LetterStatsGroupBy = z.infer<typeof LetterStatsGroupBy>;

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const LetterStatsQuery = z.object({
  /** Vietnamese local dates of receipt, both included; default: from 1 January of this year to today. */
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  groupBy: LetterStatsGroupBy.default('unit'),
  /** A unit inside the user's scope; default: the user's top unit. */
  unitId: z.uuid().optional(),
  /** The language of labels and CSV headers when a link cannot send Accept-Language. */
  lang: z.enum(['vi', 'en']).optional(),
});
export type LetterStatsQuery = z.infer<typeof LetterStatsQuery>;

const n = z.number().int();

/**
 * The figures of one group (or of the whole period). The letters received in the period and their
 * cases, each counted as it stood at `period.asOf` (the end of the period, or now while it runs): a
 * case reopened or a letter unfiled after that moment counts as it was then (docs/api-letters.md).
 */
export const LetterStatsCounters = z.object({
  /** Letters received in the period (by the unit that received them). */
  letters: n,
  /** Of them, not yet classified at the time counted. */
  toClassify: n,
  /** Letters filed as the duplicate of a case at the time counted (role `duplicate`). */
  duplicates: n,
  /** Letters without a name, or whose writer was found unidentified or under a false name. */
  anonymous: n,
  /** Cases (one content each) of the letters received in the period that existed at the time counted, by the unit that handles them. */
  cases: n,
  /** Cases whose eligibility checks all hold (đủ điều kiện xử lý). */
  processable: n,
  notProcessable: n,
  /** Processable cases not sent out (forwarded, guided, returned, referred): the unit's own to settle. */
  withinJurisdiction: n,
  /** Accepted (thụ lý). */
  accepted: n,
  /** Accepted cases ended by a decision, conclusion or answer (not withdrawn) and not reopened since, at the time counted. */
  resolved: n,
  /** resolved / withinJurisdiction, from 0 to 1; null when nothing is within jurisdiction. */
  resolvedRate: z.number().nullable(),
  forwarded: n,
  guided: n,
  returned: n,
  filed: n,
  /** Anonymous denunciations with evidence passed for inspection. */
  referred: n,
  withdrawn: n,
  /** Not finished at the time counted. */
  inProgress: n,
  /** Not finished and past the running deadline at the time counted. */
  overdue: n,
  /** Finished after the deadline that was running. */
  finishedLate: n,
});
export type LetterStatsCounters = z.infer<typeof LetterStatsCounters>;

export const LetterStatsRow = LetterStatsCounters.extend({
  /** Unit id, case type (`unclassified` for letters not split yet) or `YYYY-MM`. */
  key: z.string(),
  label: z.string(),
});
export type LetterStatsRow = z.infer<typeof LetterStatsRow>;

export const LetterStatsResult = z.object({
  period: z.object({
    from: z.string(),
    to: z.string(),
    /** The period includes today: figures are as of now. */
    current: z.boolean(),
    /** The moment the figures describe: now, or the end of a period that has ended. */
    asOf: z.string(),
  }),
  groupBy: LetterStatsGroupBy,
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  rows: z.array(LetterStatsRow),
  /** The whole period; by type, a letter holding cases of two types is in both rows and once here. */
  total: LetterStatsCounters,
});
export type LetterStatsResult = z.infer<typeof LetterStatsResult>;
