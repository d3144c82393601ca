// SQL pieces shared by the statistics statements: the period's dossiers in a subtree, their requests to complete and ratings.
import { sql, type SQL } from 'drizzle-orm';
import { at } from '../../../platform/stats/sql';

export { at, runStats } from '../../../platform/stats/sql';

/**
 * The period [start, end) as instants (local midnights of `from` and of the day after `to`), the
 * moment "now" for overdue counts, and the unit whose subtree is counted (by receiving unit).
 */
export interface StatsWindow {
  start: Date;
  end: Date;
  now: Date;
  root: { id: string; path: string; depth: number };
  /** The root and every unit below it. */
  unitIds: readonly string[];
  /** The local dates of the period, for the validity of the child units listed with zeros. */
  fromDate: string;
  toDate: string;
}

/**
 * Dossiers received by a unit of the subtree: a dossier counts for the unit that received it. A
 * constant list: a commune's few ids go through the receiving-unit index, a province's many are
 * hashed once and checked on each row without a join.
 */
function inSubtree(w: StatsWindow): SQL {
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
 * received_at comes first (dossiers_received_idx): over a province and a year, where the table is read
 * once, most rows stop there instead of building a range.
 */
export function periodDossiers(w: StatsWindow): SQL {
  const [s, e] = [at(w.start), at(w.end)];
  return sql`${inSubtree(w)} and ((d.received_at >= ${s} and d.received_at < ${e}) or ${LIFE} && tstzrange(${s}, ${e}, '[)'))`;
}

/** Request-to-complete steps (form 02) in the period: the step history is the record (workflow_steps_action_at_idx). */
export function completionSteps(w: StatsWindow): SQL {
  return sql`workflow_steps s where s.entity_type = 'dossier' and s.action = 'request_completion' and s.at >= ${at(w.start)} and s.at < ${at(w.end)}`;
}

/**
 * The ratings of dossiers finished in the period (one per dossier at most) as `r`. A dossier not
 * finished in the period has a null key, so it is not looked up; a rating comes after the end, so
 * older ones are left out of the hash.
 */
export function ratingsOfFinished(w: StatsWindow): SQL {
  const [s, e] = [at(w.start), at(w.end)];
  return sql`left join dossier_ratings r on r.dossier_id = (case when d.finished_at >= ${s} and d.finished_at < ${e} then d.id end) and r.created_at >= ${s}`;
}

/** A rating's points: the sum of its five SIPAS criteria (1..5); integers add up faster than decimals, the service divides by 5. */
export const POINTS = sql`(r.access + r.procedure + r.officials + r.result + r.feedback)`;
