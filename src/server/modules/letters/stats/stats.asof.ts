// Letters and cases of the statistics as they stood at a moment: the row for one never reopened or unfiled, its steps for one that was.
import { sql, type SQL } from 'drizzle-orm';
import { at } from '../../../platform/stats/sql';
import { OUTCOME_OF } from '../letters.actions';
import { UNMARK_ACTION } from '../letters.rules';
import { activeCaseStates, CASE_ENTITY, LETTER_ENTITY } from '../letters.workflows';
import { REOPEN } from '../letters.reopen-window';

const list = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::text[]`;

/** The decision a step records (`OUTCOME_OF`), as SQL over the step `s`. */
function outcomeOfStep(): SQL {
  const whens = Object.entries(OUTCOME_OF).map(([action, outcome]) => sql`when ${action} then ${outcome}`);
  return sql`(case s.action ${sql.join(whens, sql` `)} end)`;
}

/** The result a step records, by the rule of the case row (letters.actions.ts `resultOf`): the decision's, the answer, the withdrawal. */
const RESULT_OF_STEP = sql`(case when s.action in ('resolve', 'conclude') then s.data->>'result' when s.action = 'answer' then 'answered' when s.action = 'withdraw' then 'withdrawn' end)`;

/**
 * The columns the figures read (`finished_at`, `outcome`, `result`, `accepted_at`) as they stood at `asOf`.
 *
 * The case row holds them as they are now. Until a case is reopened they only ever get set, once, at the
 * time they name, so comparing that time with `asOf` is enough. Reopening clears the end and the result
 * and a second round may take a new decision and a new acceptance: for a case with a `reopen` step the
 * four are read from its steps before `asOf` instead (the last state entered, ended when it is a terminal
 * state, at the step that entered it; the last decision; the last acceptance). A case is reopened once
 * and after its receipt, so the reopened cases of the period are found among the `reopen` steps since its
 * start (workflow_steps_action_at_idx, index only), and only their steps are read (workflow_steps_entity_seq_uq).
 */
export function casesAsOf(start: Date, asOf: Date): { columns: SQL; joins: SQL } {
  const t = at(asOf);
  const before = sql`s.at < ${t}`;
  const changed = sql`${before} and s.from_state is distinct from s.to_state`;
  const ended = sql`not (h.state = any(${list(activeCaseStates())}))`;
  return {
    columns: sql`case when h.entity_id is null then c.finished_at when ${ended} then h.changed_at end as finished_at,
      case when h.entity_id is null then c.outcome else h.outcome end as outcome,
      case when h.entity_id is null then c.result when ${ended} then h.result end as result,
      case when h.entity_id is null then c.accepted_at else h.accepted_at end as accepted_at`,
    joins: sql`left join (
      select s.entity_id,
        (array_agg(s.to_state order by s.seq desc) filter (where ${before}))[1] as state,
        max(s.at) filter (where ${changed}) as changed_at,
        (array_agg(${RESULT_OF_STEP} order by s.seq desc) filter (where ${changed}))[1] as result,
        (array_agg(${outcomeOfStep()} order by s.seq desc) filter (where ${before} and s.action = any(${list(Object.keys(OUTCOME_OF))})))[1] as outcome,
        max(s.at) filter (where ${before} and s.action = 'accept') as accepted_at
      from workflow_steps s
      where s.entity_type = ${CASE_ENTITY} and s.entity_id in (
        select r.entity_id from workflow_steps r where r.entity_type = ${CASE_ENTITY} and r.action = ${REOPEN} and r.at >= ${at(start)}
      )
      group by s.entity_id
    ) h on h.entity_id = c.id`,
  };
}

/**
 * Whether a letter was waiting for classification (`toClassify`) or filed as a duplicate (`duplicates`) at `asOf`.
 *
 * Classifying or filing a letter as a duplicate sets `classified_at` once, and filing it links it to the case
 * (`letter_case_letters`, `linked_at`): compared with `asOf` they tell. Undoing the filing (`unmark_duplicate`)
 * deletes the link and clears `classified_at`, and the letter may then be classified or filed again: for a letter
 * with such a step its intake state at `asOf` is read from its steps instead (the state the last step before `asOf`
 * entered: `received`, or none yet, is waiting; `duplicate` is filed). Found as the reopened cases are: the
 * `unmark_duplicate` steps since the period's start, then those letters' steps only.
 */
export function lettersAsOf(start: Date, asOf: Date): { toClassify: SQL; duplicates: SQL; joins: SQL } {
  const t = at(asOf);
  return {
    toClassify: sql`case when u.entity_id is null then l.classified_at is null or l.classified_at >= ${t} else coalesce(u.state, 'received') = 'received' end`,
    duplicates: sql`case when u.entity_id is null then dup.letter_id is not null else u.state is not distinct from 'duplicate' end`,
    joins: sql`left join (
      select s.entity_id, (array_agg(s.to_state order by s.seq desc) filter (where s.at < ${t}))[1] as state
      from workflow_steps s
      where s.entity_type = ${LETTER_ENTITY} and s.entity_id in (
        select r.entity_id from workflow_steps r where r.entity_type = ${LETTER_ENTITY} and r.action = ${UNMARK_ACTION} and r.at >= ${at(start)}
      )
      group by s.entity_id
    ) u on u.entity_id = l.id`,
  };
}
