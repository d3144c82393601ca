// Letters and cases of the statistics as they stood at a moment: the row for one never reopened, unfiled or moved since, its steps for one that was.
import { sql, type SQL } from 'drizzle-orm';
import { at } from '../../../platform/stats/sql';
import { workflows } from '../../../platform/workflow/registry';
import { OUTCOME_OF } from '../letters.actions';
import { RESULT_OF_ACTION } from '../letters.results';
import { MARK_ACTION } from '../letters.duplicates';
import { UNMARK_ACTION } from '../letters.rules';
import { activeCaseStates, CASE_ENTITY, LETTER_ENTITY, loadLetterWorkflows } from '../letters.workflows';
import { REOPEN } from '../letters.reopen-window';

const list = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::text[]`;

/** The decision a step records (`OUTCOME_OF`), as SQL over the step `s`. */
function outcomeOfStep(): SQL {
  const whens = Object.entries(OUTCOME_OF).map(([action, outcome]) => sql`when ${action} then ${outcome}`);
  return sql`(case s.action ${sql.join(whens, sql` `)} end)`;
}

/**
 * The result a step records (`RESULT_OF_ACTION`, the table the case row is written by: letters.results.ts), as SQL over
 * the step `s`: the fact itself, or the step's field when it holds a string.
 */
export function resultOfStep(): SQL {
  const whens = Object.entries(RESULT_OF_ACTION).map(([action, rule]) =>
    'value' in rule
      ? sql`when ${action} then ${rule.value}::text`
      : sql`when ${action} then case when jsonb_typeof(s.data->${rule.field}::text) = 'string' then s.data->>${rule.field}::text end`,
  );
  return sql`(case s.action ${sql.join(whens, sql` `)} end)`;
}

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
        (array_agg(${resultOfStep()} order by s.seq desc) filter (where ${changed}))[1] as result,
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
 * Whether a letter was waiting for classification (`toClassify`) or filed as a duplicate (`duplicates`) at `asOf`,
 * and, to group by type, the types of the cases it was held by then (`types`, a lateral join: `t.type`, and
 * `t.first` true in one of them so that the total counts the letter once; none for a letter not classified then).
 *
 * Classifying or filing a letter as a duplicate sets `classified_at` once, and links it to its cases
 * (`letter_case_letters`, `linked_at`: the cases split from it, or the case it was filed with): compared with
 * `asOf` they tell. A case's type is set when it is split from its letter and never changes (no action writes it:
 * stats.asof.test.ts). Undoing the filing (`unmark_duplicate`) deletes the link and clears `classified_at`, and the
 * letter may then be classified or filed again: for a letter with such a step its intake state at `asOf` is read
 * from its steps instead (the state the last step before `asOf` entered: `received`, or none yet, is waiting;
 * `duplicate` is filed, with the case its last `mark_duplicate` step before `asOf` names). Found as the reopened
 * cases are: the `unmark_duplicate` steps since the period's start, then those letters' steps only.
 */
export function lettersAsOf(start: Date, asOf: Date): { toClassify: SQL; duplicates: SQL; joins: SQL; types: SQL } {
  const t = at(asOf);
  return {
    toClassify: sql`case when u.entity_id is null then l.classified_at is null or l.classified_at >= ${t} else coalesce(u.state, 'received') = 'received' end`,
    duplicates: sql`case when u.entity_id is null then dup.letter_id is not null else u.state is not distinct from 'duplicate' end`,
    joins: sql`left join (
      select s.entity_id, (array_agg(s.to_state order by s.seq desc) filter (where s.at < ${t}))[1] as state,
        (array_agg(s.data->>'caseId' order by s.seq desc) filter (where s.at < ${t} and s.action = ${MARK_ACTION}))[1] as filed_with
      from workflow_steps s
      where s.entity_type = ${LETTER_ENTITY} and s.entity_id in (
        select r.entity_id from workflow_steps r where r.entity_type = ${LETTER_ENTITY} and r.action = ${UNMARK_ACTION} and r.at >= ${at(start)}
      )
      group by s.entity_id
    ) u on u.entity_id = l.id`,
    types: sql`left join lateral (
      select k.type, row_number() over (order by k.type) = 1 as first
      from (
        select kc.type from letter_case_letters kx join letter_cases kc on kc.id = kx.case_id
        where kx.letter_id = l.id and kx.linked_at < ${t} and (u.entity_id is null or kx.role = 'origin')
        union
        select kc.type from letter_cases kc where u.state = 'duplicate' and kc.id = u.filed_with::uuid
      ) k
    ) t on true`,
  };
}

/** The actions that send a case to another unit (`transfer` in the case workflows): the only steps that change where it is handled. */
function transferActions(): string[] {
  loadLetterWorkflows();
  const defs = workflows.codes().map((code) => workflows.get(code));
  return [...new Set(defs.flatMap((d) => (d.entityType === CASE_ENTITY ? d.actions.filter((a) => a.transfer).map((a) => a.code) : [])))];
}

/**
 * The period [start, end)'s cases that a unit of the subtree (`inSubtree`, a condition on a unit column) handled at
 * `asOf`, as `c`, each with `unit_id` the unit it was at then and the columns the figures read.
 *
 * The case row holds the unit it is at now, changed by a transfer. The cases of the period transferred since
 * `asOf` (`moved`) are found among the transfer steps since then (workflow_steps_action_at_idx, index only), and
 * the unit each was at is the `to_unit_id` of its last step before `asOf`, one backward probe on
 * workflow_steps_entity_seq_uq per such case; a case not moved since is where its row says. Two branches, so that a
 * commune's cases are still found by the unit index: the cases in the subtree now (at their unit then when they
 * moved since), and those moved out of it since `asOf` that were in it then. A case with no step before `asOf` did
 * not exist then: it is not in `moved`, and the deadline's inner join (stats.queries.ts) leaves it out.
 */
export function casesPlacedAsOf(start: Date, end: Date, asOf: Date, inSubtree: (col: SQL) => SQL): { cte: SQL; source: SQL } {
  const [s, e, t] = [at(start), at(end), at(asOf)];
  const inPeriod = sql`c.received_at >= ${s} and c.received_at < ${e}`;
  const columns = sql`c.id, c.type, c.received_at, c.processable, c.finished_at, c.outcome, c.result, c.accepted_at`;
  return {
    cte: sql`moved as (
      select c.id, p.to_unit_id as unit_id
      from letter_cases c join lateral (
        select s.to_unit_id from workflow_steps s
        where s.entity_type = ${CASE_ENTITY} and s.entity_id = c.id and s.at < ${t}
        order by s.seq desc limit 1
      ) p on true
      where ${inPeriod} and c.id in (
        select r.entity_id from workflow_steps r where r.entity_type = ${CASE_ENTITY} and r.action = any(${list(transferActions())}) and r.at >= ${t}
      )
    )`,
    source: sql`(
      select ${columns}, coalesce(m.unit_id, c.unit_id) as unit_id
      from letter_cases c left join moved m on m.id = c.id
      where ${inPeriod} and ${inSubtree(sql`c.unit_id`)} and ${inSubtree(sql`coalesce(m.unit_id, c.unit_id)`)}
      union all
      select ${columns}, m.unit_id
      from moved m join letter_cases c on c.id = m.id
      where ${inSubtree(sql`m.unit_id`)} and not ${inSubtree(sql`c.unit_id`)}
    ) c`,
  };
}
