// The cases of the statistics as they stood at a moment: the case row for a case never reopened, its steps for one that was.
import { sql, type SQL } from 'drizzle-orm';
import { at } from '../../../platform/stats/sql';
import { OUTCOME_OF } from '../letters.actions';
import { activeCaseStates, CASE_ENTITY } from '../letters.workflows';
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
