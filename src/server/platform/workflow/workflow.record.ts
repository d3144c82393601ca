// Recording a workflow step: the step, its audit entry and the caller's own writes in one statement
// built once (docs/decisions/0009), in the caller's transaction or, with a guard, on its own.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { compiled, runCompiled } from '../../db/compiled';
import { auditLog } from '../../db/schema';
import { auditValues } from '../audit/audit';
import { AppError } from '../errors';
import { runStepAtOnce, type StepRow } from './workflow.batched';
import { workflowErrors } from './workflow.errors';
import type { Step, TransitionResult, WorkflowCtx } from './workflow.service';
import { workflowSteps } from './workflow.table';

/**
 * The caller's own writes for a step, run in the step's statement (its record's mirrored columns,
 * the outbox): data-modifying statements without RETURNING whose values are placeholders, built once
 * per `key` (give each shape its own key), and the values of this run.
 */
export interface Alongside {
  key: string;
  build: () => SQLWrapper[];
  values: Record<string, unknown>;
  /**
   * On a guard: the column of its returned row that the statement answers (`recordStartAtOnce`), and
   * that the other writes may use as `guarded(column)` (a code numbered by the statement).
   */
  returns?: string;
  /**
   * On a guard that locks another row than the case's record (a code's counter): that row, so that
   * two steps that would lock it are never joined in one statement (workflow.batched.ts).
   */
  locks?: string;
}

/** The value of the guard's column `column` (see `Alongside.returns`), for the writes of the same statement. */
export function guarded(column: string): SQL {
  return sql.raw(`(select "${column}" from dv_g)`);
}

/** Several callers' pieces as one `Alongside` (each piece's key names its shape, so the joined key names theirs). */
export function alongside(...parts: Alongside[]): Alongside {
  return {
    key: parts.map((p) => p.key).join('|'),
    build: () => parts.flatMap((p) => p.build()),
    values: Object.assign({}, ...parts.map((p) => p.values)) as Record<string, unknown>,
  };
}

const STEP_COLUMNS = [
  'entityType', 'entityId', 'seq', 'workflowCode', 'action', 'fromState', 'toState', 'actorId', 'actorLabel', 'fromUnitId', 'toUnitId',
  'fromAgencyId', 'toAgencyId', 'assigneeId', 'note', 'attachments', 'data', 'dueAt', 'at',
] as const satisfies readonly (keyof Omit<Step, 'id'>)[];

/**
 * The step's insert that reads the guard first (INSERT ... SELECT ... WHERE EXISTS (SELECT FROM dv_g)):
 * the guard's update takes the record's row lock before the step's index entry is taken, in the
 * order of a transaction that locks the record and then inserts its step, so that the two never
 * wait for each other in a cycle.
 */
function guardedStepInsert(): SQL {
  const cols = STEP_COLUMNS.map((c) => workflowSteps[c]);
  const value = (c: (typeof STEP_COLUMNS)[number]) => sql`${sql.param(sql.placeholder(`step_${c}`), workflowSteps[c])}::${sql.raw(workflowSteps[c].getSQLType())}`;
  return sql`insert into ${workflowSteps} (${sql.join(cols.map((c) => sql.identifier(c.name)), sql`, `)})
    select ${sql.join(STEP_COLUMNS.map(value), sql`, `)} where exists (select from dv_g)
    on conflict (entity_type, entity_id, seq) do nothing returning id`;
}

/**
 * The step, its audit entry and the caller's writes: one statement per shape of the caller's writes,
 * built once. With a `guard` (a data-modifying statement that returns a row when the case is still
 * as the caller read it, e.g. its record's update where the seq is the one read), the statement
 * fails as a whole unless the guard and the step both wrote: see `recordTransitionAtOnce`.
 */
function stepStatement(tx: Tx, alongside: Alongside | undefined, guard?: Alongside) {
  return compiled(tx, `workflow_step:${alongside?.key ?? ''}:${guard?.key ?? ''}`, () => {
    const p = (name: string) => sql.placeholder(name);
    const guards = guard?.build() ?? [];
    const insert = guards.length ? guardedStepInsert() : tx
      .insert(workflowSteps)
      .values(Object.fromEntries(STEP_COLUMNS.map((c) => [c, p(`step_${c}`)])) as unknown as typeof workflowSteps.$inferInsert)
      .onConflictDoNothing({ target: [workflowSteps.entityType, workflowSteps.entityId, workflowSteps.seq] })
      .returning({ id: workflowSteps.id });
    const first = guards.length ? sql`dv_g as (${guards[0]!.getSQL()}), ` : sql``;
    const also = (alongside?.build() ?? []).map((w, i) => sql`, ${sql.raw(`dv_w${i}`)} as (${w.getSQL()})`);
    const check = guards.length ? sql`, dv_require(exists (select from dv_g) and exists (select from dv_s), ${CONCURRENT}) as ok` : sql``;
    const answered = guard?.returns ? sql`, ${guarded(guard.returns)} as "guarded"` : sql``;
    return sql`with ${first}dv_s as (${insert.getSQL()}),
      dv_a as (insert into ${auditLog} (actor_id, actor_label, action, entity_type, entity_id, unit_id, before, after, request_id, ip)
        select ${p('audit_actorId')}::uuid, ${p('audit_actorLabel')}::text, ${p('audit_action')}::text, ${p('audit_entityType')}::text,
          ${p('audit_entityId')}::text, ${p('audit_unitId')}::uuid, ${p('audit_before')}::jsonb,
          ${p('audit_after')}::jsonb || jsonb_build_object('stepId', dv_s.id), ${p('audit_requestId')}::text, ${p('audit_ip')}::text from dv_s)${sql.join(also)}
      select (select id from dv_s) as id${check}${answered}`;
  });
}

/** The message of the guard's failure (dv_require, migration 0020): another transition came first. */
const CONCURRENT = 'concurrent_transition';

function isGuardFailure(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const c = e?.code === 'P0001' ? e : e?.cause?.code === 'P0001' ? e.cause : null;
  return c?.message === CONCURRENT;
}

/**
 * Inserts the step and its audit entry, in one statement (the audit entry names the step's id),
 * with the caller's own writes for the step (`alongside`) in the same statement: one round trip
 * for the whole transition, built once.
 * Losing a race on the (entity, seq) index inserts neither step nor audit (ON CONFLICT DO NOTHING:
 * the insert waits for the other transaction and skips if it committed) and gives a clean 409. The
 * `alongside` writes run in any case: the 409 rolls the caller's transaction back with them.
 */
export async function insertStep(tx: Tx, ctx: WorkflowCtx, values: Omit<Step, 'id'>, before: unknown, alongside?: Alongside, guard?: Alongside): Promise<Step> {
  return (await writeStep(tx, ctx, values, before, alongside, guard)).step;
}

/** `insertStep`, with the value of the guard's answered column (`Alongside.returns`). */
async function writeStep(tx: Tx, ctx: WorkflowCtx, values: Omit<Step, 'id'>, before: unknown, alongside?: Alongside, guard?: Alongside): Promise<{ step: Step; guarded: unknown }> {
  const audit = auditValues(ctx, {
    action: `${values.entityType}.${values.action}`,
    entityType: values.entityType,
    entityId: values.entityId,
    unitId: values.toUnitId,
    before,
    after: { state: values.toState, seq: values.seq, dueAt: values.dueAt, unitId: values.toUnitId, agencyId: values.toAgencyId, assigneeId: values.assigneeId },
  });
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  const params: Record<string, unknown> = { ...alongside?.values, ...guard?.values };
  for (const c of STEP_COLUMNS) params[`step_${c}`] = values[c];
  for (const [k, v] of Object.entries(audit)) params[`audit_${k}`] = k === 'before' || k === 'after' ? json(v) : v;
  let row: StepRow | undefined;
  try {
    const statement = stepStatement(tx, alongside, guard);
    // A guarded step is written at once, outside a transaction: with those of the same shape that arrive together.
    [row] = guard ? await runStepAtOnce(tx, { statement, values: params, record: guard.locks ?? `${values.entityType}:${values.entityId}` }) : await runCompiled<StepRow>(tx, statement, params);
  } catch (err) {
    if (isGuardFailure(err)) throw workflowErrors.concurrentTransition(values.seq);
    throw err;
  }
  // Every case starts at seq 1: a conflict there is a case that has already started.
  if (!row?.id) throw values.seq === 1 ? workflowErrors.caseExists(values.entityType) : workflowErrors.concurrentTransition(values.seq);
  // The step as stored: its fields are what was inserted (data as the JSON column keeps it).
  return { step: { ...values, id: Number(row.id), data: JSON.parse(JSON.stringify(values.data)) as Record<string, unknown> }, guarded: row.guarded };
}

/** A transition checked and dated but not yet recorded: what `recordTransition` writes. */
export interface PlannedTransition {
  /** The step to insert (its id comes with the insert). */
  values: Omit<Step, 'id'>;
  /** What the audit entry records as the case before the step. */
  before: { state: string; seq: number };
  state: string;
  previousState: string;
  terminal: boolean;
  dueAt: Date | null;
}

/**
 * Records a planned transition: the step and its audit entry, and the caller's `alongside` writes
 * (its record's mirrored columns, the outbox: see `Alongside`) in one statement.
 */
export async function recordTransition(tx: Tx, ctx: WorkflowCtx, plan: PlannedTransition, alongside?: Alongside): Promise<TransitionResult> {
  const step = await insertStep(tx, ctx, plan.values, plan.before, alongside);
  return { step, state: plan.state, previousState: plan.previousState, terminal: plan.terminal, dueAt: plan.dueAt };
}

/**
 * Runs `attempt` (read a case, check an action, write it at once) again when it lost a race to
 * another action on the same case (409 concurrent_transition), up to three times in all; a client
 * that sent the seq it saw (`expectedSeq`) gets the 409 at once instead.
 */
export async function retryLostRace<T>(expectedSeq: number | undefined, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const lost = err instanceof AppError && err.code === CONCURRENT;
      if (!lost || expectedSeq !== undefined || n >= RACE_ATTEMPTS) throw err;
    }
  }
}

/** Reads after losing a race to another action on the same case, before answering 409. */
const RACE_ATTEMPTS = 3;

/**
 * Records a planned transition in one statement outside any transaction, for a caller that read
 * the case without locking it: the `guard` (its record's update where the seq is still the one it
 * read, returning a row) runs first, and unless it and the step both wrote, nothing is written and
 * the answer is 409 concurrent_transition (the caller may read again and retry). The `alongside`
 * writes must not depend on each other's results (one snapshot).
 */
export async function recordTransitionAtOnce(db: Tx, ctx: WorkflowCtx, plan: PlannedTransition, guard: Alongside, alongside?: Alongside): Promise<TransitionResult> {
  const step = await insertStep(db, ctx, plan.values, plan.before, alongside, guard);
  return { step, state: plan.state, previousState: plan.previousState, terminal: plan.terminal, dueAt: plan.dueAt };
}

/**
 * Records a start step (seq 1, from `startStep`) in one statement outside any transaction, with its
 * `guard` first (a write that returns a row, such as the counter that numbers the record's code:
 * `sequencedCode`) and the caller's `alongside` writes, which may use the guard's answered column
 * (`guarded`). Answers that column's value with the step.
 */
export async function recordStartAtOnce(
  db: Tx,
  ctx: WorkflowCtx,
  values: Omit<Step, 'id'>,
  guard: Alongside,
  alongside?: Alongside,
): Promise<{ result: TransitionResult; guarded: unknown }> {
  const { step, guarded } = await writeStep(db, ctx, values, null, alongside, guard);
  return { result: started(step), guarded };
}

/** What recording a start step did: the case entered its initial state. */
export function started(step: Step): TransitionResult {
  return { step, state: step.toState, previousState: step.toState, terminal: false, dueAt: step.dueAt };
}
