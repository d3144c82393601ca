// The letter statistics in one statement: the period's letters and their cases, each side aggregated once with FILTER, grouped by a raw key.
import { sql, type SQL } from 'drizzle-orm';
import type { LetterStatsGroupBy } from '../../../../common/letter-stats.schema';
import type { Tx } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { at, runStats } from '../../../platform/stats/sql';
import { casesAsOf, casesPlacedAsOf, lettersAsOf } from './stats.asof';

/**
 * The period [start, end) as instants, the moment the figures describe (`asOf`: now, or the end of a
 * period that has ended), the subtree counted and, for months, the local month starts.
 */
export interface LetterStatsWindow {
  start: Date;
  end: Date;
  asOf: Date;
  unitIds: readonly string[];
  monthStarts: readonly Date[];
}

/** Counted on the letters; `…Once` counts a letter in its first group only (by type a letter may sit in several). */
export const LETTER_SIDE = ['letters', 'toClassify', 'duplicates', 'anonymous'] as const;
/** Counted on the cases. */
export const CASE_SIDE = [
  'cases',
  'processable',
  'withinJurisdiction',
  'accepted',
  'resolved',
  'forwarded',
  'guided',
  'returned',
  'filed',
  'referred',
  'withdrawn',
  'inProgress',
  'overdue',
  'finishedLate',
] as const;

type LetterField = (typeof LETTER_SIDE)[number];
type CaseField = (typeof CASE_SIDE)[number];

export interface RawGroup extends Record<LetterField | `${LetterField}Once` | CaseField, number> {
  /** A unit id, a case type or `unclassified`, or the month's 1-based position in the period. */
  gk: string;
}

/** Outcomes that send a case out of the unit: it is then not within its jurisdiction. */
const SENT_OUT = sql`('forwarded', 'guided', 'returned', 'referred')`;

/**
 * Per letter, computed once in the inner select: not classified at `asOf`, a duplicate, anonymous, and by type the
 * types of the cases it was held by at `asOf` (stats.asof.ts). Duplicate links and anonymous cases are hashed once
 * (a semi-join each) rather than probed per letter; anonymous cases are those of the period (a case is received with
 * its letter), which existed at `asOf` when their letter was classified before it. A letter whose filing as a
 * duplicate was undone is read from its steps (stats.asof.ts).
 */
function letterFlags(w: LetterStatsWindow, groupBy: LetterStatsGroupBy): { columns: SQL; joins: SQL } {
  const [s, e, asOf] = [at(w.start), at(w.end), at(w.asOf)];
  const unfiled = lettersAsOf(w.start, w.asOf);
  return {
    columns: sql`(${unfiled.toClassify}) as "toClassify",
      (${unfiled.duplicates}) as "duplicates",
      (l.anonymous or (anon.letter_id is not null and l.classified_at < ${asOf})) as "anonymous"`,
    joins: sql`left join (select distinct x.letter_id from letter_case_letters x where x.role = 'duplicate' and x.linked_at < ${asOf}) dup on dup.letter_id = l.id
      left join (select distinct ac.letter_id from letter_cases ac where ac.anonymous and ac.received_at >= ${s} and ac.received_at < ${e}) anon on anon.letter_id = l.id
      ${unfiled.joins} ${groupBy === 'type' ? unfiled.types : sql``}`,
  };
}

function caseFilters(w: LetterStatsWindow): Record<CaseField, SQL> {
  const asOf = at(w.asOf);
  const done = sql`c.finished_at < ${asOf}`;
  const ended = (outcome: string) => sql`${done} and c.outcome = ${outcome}`;
  return {
    cases: sql`true`,
    processable: sql`c.processable`,
    withinJurisdiction: sql`c.processable and not coalesce(${done} and c.outcome in ${SENT_OUT}, false)`,
    accepted: sql`c.outcome = 'accepted' and c.accepted_at < ${asOf}`,
    resolved: sql`${done} and c.outcome = 'accepted' and c.result <> 'withdrawn'`,
    forwarded: ended('forwarded'),
    guided: ended('guided'),
    returned: ended('returned'),
    filed: ended('filed'),
    referred: ended('referred'),
    withdrawn: sql`${done} and c.result = 'withdrawn'`,
    inProgress: sql`(c.finished_at is null or c.finished_at >= ${asOf})`,
    overdue: sql`(c.finished_at is null or c.finished_at >= ${asOf}) and dl.due_at < ${asOf}`,
    finishedLate: sql`${done} and c.finished_at > dl.due_at`,
  };
}

/** The raw key of each side: the receiving (letters) or handling at `asOf` (cases) unit, the type, the month of receipt. */
function keys(groupBy: LetterStatsGroupBy, w: LetterStatsWindow): { letter: SQL; kase: SQL } {
  switch (groupBy) {
    case 'unit':
      return { letter: sql`l.unit_id::text`, kase: sql`c.unit_id::text` };
    case 'type':
      return { letter: sql`coalesce(t.type, 'unclassified')`, kase: sql`c.type` };
    case 'month': {
      // Bucket i (1-based) is [monthStarts[i-1], monthStarts[i]); the last bound is the period's end.
      const bounds = sql`${`{${[...w.monthStarts, w.end].map((d) => d.toISOString()).join(',')}}`}::timestamptz[]`;
      return { letter: sql`width_bucket(l.received_at, ${bounds})::text`, kase: sql`width_bucket(c.received_at, ${bounds})::text` };
    }
  }
}

/**
 * The deadline running when the case ended (the step before the end: an end state has none), or at
 * `asOf` for a case still open then; read backwards on workflow_steps_entity_seq_uq, one probe per case.
 * An inner join: a case with no step before `asOf` did not exist yet (its letter was classified after) and is not counted.
 */
function deadlineAt(w: LetterStatsWindow): SQL {
  return sql`join lateral (
    select s.due_at from workflow_steps s
    where s.entity_type = 'letter_case' and s.entity_id = c.id and s.at < least(c.finished_at, ${at(w.asOf)})
    order by s.seq desc limit 1
  ) dl on true`;
}

/** A constant list of the subtree's units: a commune's few ids use the unit index, a province's are hashed once. */
const inUnits = (col: SQL, w: LetterStatsWindow) => sql`${col} = any(${`{${w.unitIds.join(',')}}`}::uuid[])`;

/**
 * One statement, two aggregates: the letters received in the period by a unit of the subtree
 * (letters_received_idx), their flags computed once per letter, and the cases of those letters handled by a unit of the subtree
 * at `asOf` (stats.asof.ts `casesPlacedAsOf`)
 * (received_at is copied on the case), each grouped by its raw key; the service rolls them up.
 */
export function letterStatsQuery(groupBy: LetterStatsGroupBy, w: LetterStatsWindow): SQL {
  const [s, e] = [at(w.start), at(w.end)];
  const id = (c: string) => sql.identifier(c);
  const zero = (names: readonly string[]) => names.map((c) => sql`0 as ${id(c)}`);
  const k = keys(groupBy, w);
  const lf = letterFlags(w, groupBy);
  const cf = caseFilters(w);
  const first = groupBy === 'type' ? sql`t.first is not false` : sql`true`;
  const flag = (c: LetterField) => (c === 'letters' ? sql`true` : sql`f.${id(c)}`);
  const letterCols = LETTER_SIDE.flatMap((c) => [
    sql`count(*) filter (where ${flag(c)})::int as ${id(c)}`,
    sql`count(*) filter (where f.first and ${flag(c)})::int as ${id(`${c}Once`)}`,
  ]);
  const asOf = casesAsOf(w.start, w.asOf);
  const caseCols = CASE_SIDE.map((c) => sql`count(*) filter (where ${cf[c]})::int as ${id(c)}`);
  const letterOnceNames = LETTER_SIDE.flatMap((c) => [c, `${c}Once`]);
  const placed = casesPlacedAsOf(w.start, w.end, w.asOf, (col) => inUnits(col, w));
  return sql`
    with ${placed.cte}
    select f.gk, ${sql.join([...letterCols, ...zero(CASE_SIDE)], sql`, `)}
    from (
      select ${k.letter} as gk, ${first} as first, ${lf.columns}
      from letters l ${lf.joins}
      where l.received_at >= ${s} and l.received_at < ${e} and ${inUnits(sql`l.unit_id`, w)}
    ) f
    group by 1
    union all
    select ${k.kase} as gk, ${sql.join([...zero(letterOnceNames), ...caseCols], sql`, `)}
    from (
      select c.id, c.unit_id, c.type, c.received_at, c.processable, ${asOf.columns}
      from ${placed.source} ${asOf.joins}
    ) c ${deadlineAt(w)}
    group by 1`;
}

export async function countLetterStats(db: Tx, groupBy: LetterStatsGroupBy, w: LetterStatsWindow): Promise<RawGroup[]> {
  return runStats(db, (tx) => queryRows<RawGroup>(tx, letterStatsQuery(groupBy, w)));
}
