// The workflow engine's database side: start a case, take a transition (checked, dated, audited), read the history.
import { and, asc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { epochMs, fromEpochMs } from '../../db/json';
import { prepared } from '../../db/prepared';
import type { Ctx } from '../auth/actor';
import { computeDue, loadCalendar } from '../calendar/calendar.service';
import { endOfDay, parseDate } from '../calendar/local-date';
import { errors, type FieldIssue } from '../errors';
import type { Lang } from '../locale';
import { assigneeRoles, CITIZEN, matchesVariant, type ActionDef, type SlaSpec, type WorkflowDefinition } from './definition';
import { actionOf, availableActions, checkInput, currentAssignee, mayPerform, prefixed, refusal, runningDue, stateOf, targetState, type Performer } from './engine';
import { startDataSchema, type TransitionInput } from './fields';
import { workflowErrors } from './workflow.errors';
import { checkAssignee, transferTarget, unitPathOf } from './workflow.targets';
import { workflowSteps } from './workflow.table';
import { insertStep, recordTransition, started, type Alongside, type PlannedTransition } from './workflow.record';

export { alongside, guarded, recordStartAtOnce, recordTransition, recordTransitionAtOnce, retryLostRace, type Alongside, type PlannedTransition } from './workflow.record';

export type Step = typeof workflowSteps.$inferSelect;

/** A citizen acting on their own case (the caller has proved it: account, or code and secret). */
export interface CitizenCtx {
  actor: null;
  citizen: { label: string };
  requestId: string;
  ip: string;
  lang: Lang;
}
export type WorkflowCtx = Ctx | CitizenCtx;

function performerOf(ctx: WorkflowCtx): Performer {
  return ctx.actor ?? CITIZEN;
}

function labelOf(ctx: WorkflowCtx): string {
  return ctx.actor ? `${ctx.actor.fullName} (${ctx.actor.username})` : `${ctx.citizen.label} (công dân)`;
}

export interface CaseRef {
  entityType: string;
  entityId: string;
}

const historyQuery = (db: Tx) =>
  db
    .select()
    .from(workflowSteps)
    .where(and(eq(workflowSteps.entityType, sql.placeholder('entityType')), eq(workflowSteps.entityId, sql.placeholder('entityId'))))
    .orderBy(asc(workflowSteps.seq));

/** The steps of a case, oldest first (a prepared statement outside a transaction: tracking reads it on every look-up). */
export async function history(db: Tx, entityType: string, entityId: string): Promise<Step[]> {
  return (prepared(db, 'workflow_history', (d) => historyQuery(d).prepare('workflow_history')) ?? historyQuery(db)).execute({ entityType, entityId });
}

const hs = alias(workflowSteps, 'hs');
type JsonStep = Omit<Step, 'at' | 'dueAt'> & { at: number | string; dueAt: number | string | null };

/**
 * The steps of a case as one JSON array, oldest first, for a statement that reads a record with its
 * history (the locked read of an action): `stepsFromJson` turns it back into steps.
 */
export function stepsJson(entityType: string, entityId: SQLWrapper): SQL<JsonStep[]> {
  return sql<JsonStep[]>`coalesce((select json_agg(json_build_object('id', ${hs.id}, 'entityType', ${hs.entityType}, 'entityId', ${hs.entityId},
      'seq', ${hs.seq}, 'workflowCode', ${hs.workflowCode}, 'action', ${hs.action}, 'fromState', ${hs.fromState}, 'toState', ${hs.toState},
      'actorId', ${hs.actorId}, 'actorLabel', ${hs.actorLabel}, 'fromUnitId', ${hs.fromUnitId}, 'toUnitId', ${hs.toUnitId},
      'fromAgencyId', ${hs.fromAgencyId}, 'toAgencyId', ${hs.toAgencyId}, 'assigneeId', ${hs.assigneeId}, 'note', ${hs.note},
      'attachments', ${hs.attachments}, 'data', ${hs.data}, 'dueAt', ${epochMs(hs.dueAt)}, 'at', ${epochMs(hs.at)}) order by ${hs.seq})
    from ${workflowSteps} ${hs} where ${hs.entityType} = ${entityType} and ${hs.entityId} = ${entityId}), '[]'::json)`;
}

export function stepsFromJson(steps: readonly JsonStep[]): Step[] {
  return steps.map((x) => ({ ...x, id: Number(x.id), at: fromEpochMs(x.at), dueAt: fromEpochMs(x.dueAt) }));
}

export interface StartArgs extends CaseRef {
  def: WorkflowDefinition;
  /** Where the case starts (the receiving unit and agency). */
  unitId: string;
  agencyId?: string | null;
  note?: string | null;
  /** Exactly the definition's `startFields` (checked: a 400 on `<dataPath>.<field>` otherwise). */
  data?: Record<string, unknown>;
  /** Where the start data sits in the request, for error paths (default `data`). */
  dataPath?: string;
  /**
   * The instant the initial state's deadline counts from, when the case opens after the event it is
   * about (a letter received last week, registered today); default: now.
   */
  clockFrom?: Date;
  /** SLA parameters, e.g. `{ processingDays: 5 }` for an `{ "param": "processingDays" }` amount. */
  params?: Record<string, number>;
  now?: Date;
  /** The caller's own writes with the start (the record's audit entry, its documents): in the step's statement. */
  alongside?: Alongside;
  /**
   * The initial state's deadline when the caller has computed it already for these same arguments
   * (`startStep` computes it otherwise).
   */
  dueAt?: Date | null;
}

export interface TransitionArgs extends CaseRef {
  def: WorkflowDefinition;
  /** The unit the case is at now, for the grant check; the caller reads it from its own record. */
  caseUnitPath: string;
  action: string;
  input: TransitionInput | Record<string, unknown>;
  params?: Record<string, number>;
  /** The seq the user saw (optimistic concurrency): a different current seq gives 409 concurrent_transition. */
  expectedSeq?: number;
  /** Where the input sits in the request, for error paths. */
  inputPath?: string;
  now?: Date;
}

export interface TransitionResult {
  step: Step;
  state: string;
  previousState: string;
  terminal: boolean;
  dueAt: Date | null;
}

/** A deadline parameter the definition names but the caller did not pass is a programming error, not user input. */
function slaAmount(amount: number | { param: string }, params: Record<string, number> | undefined, def: WorkflowDefinition): number {
  if (typeof amount === 'number') return amount;
  const v = params?.[amount.param];
  if (v === undefined || !Number.isFinite(v)) throw new Error(`workflow ${def.code}: SLA parameter "${amount.param}" not given`);
  // Working-day arithmetic is whole days; a half-day procedure passes a dueOverride or rounds here.
  return Math.ceil(v);
}

/** What decides the due date of the state a step enters. */
interface Entering {
  def: WorkflowDefinition;
  /** null for the start of the case. */
  action: ActionDef | null;
  toState: string;
  /** The history before this step. */
  steps: readonly Step[];
  now: Date;
  /** The instant a computed period counts from when it runs from the step (the start's clockFrom, else now). */
  from?: Date | undefined;
  /** The step's fields, which choose among SLA variants. */
  data: Record<string, unknown>;
  params: Record<string, number> | undefined;
  dueOverride: string | null | undefined;
}

/** The SLA amount and unit for this step: the state's own, or the first variant its data matches. */
function slaPeriod(def: WorkflowDefinition, sla: Exclude<SlaSpec, 'inherit'>, data: Record<string, unknown>, params: Record<string, number> | undefined) {
  if (!('variants' in sla)) return { amount: slaAmount(sla.amount, params, def), unit: sla.unit };
  const v = sla.variants.find((x) => matchesVariant(x, data));
  // The loader proves every combination reaches a variant; this is a caller that bypassed the checks.
  if (!v) throw new Error(`workflow ${def.code}: no SLA variant matches ${JSON.stringify(data)}`);
  return { amount: slaAmount(v.amount, params, def), unit: v.unit };
}

/** The due date of the state entered by a step; see docs/workflow.md for the rules. */
async function dueOfEntered(tx: Tx, e: Entering): Promise<Date | null> {
  const { def, action, steps, now } = e;
  if (e.dueOverride) {
    const day = parseDate(e.dueOverride);
    if (day !== null) return endOfDay(day);
  }
  const last = steps[steps.length - 1];
  if (action?.extendBy) {
    const running = runningDue(steps);
    if (!running) return null;
    const cal = await loadCalendar(tx);
    const { amount, unit } = action.extendBy;
    return (unit === 'working_days' ? cal.addWorkingDays(running, amount, { afternoonCutoff: null }) : cal.addCalendarDays(running, amount)).dueAt;
  }
  if (action && last && action.to === '$current') return last.dueAt;
  if (action?.keepDue) return runningDue(steps);
  const sla = stateOf(def, e.toState)?.sla;
  // Resuming after a stopped clock continues the running deadline, whatever the entered state's own rule.
  if (sla === 'inherit' || action?.resumeClock) {
    const running = runningDue(steps);
    if (!running || !action?.resumeClock || !last || last.dueAt) return running;
    // The clock stopped while the case waited (no due date): the wait is not counted.
    const cal = await loadCalendar(tx);
    const waited = Math.max(0, cal.countWorkingDays(last.at, now));
    return cal.addWorkingDays(running, waited, { afternoonCutoff: null }).dueAt;
  }
  if (sla === undefined) return null;
  const start = sla.from === 'case_start' && steps[0] ? steps[0].at : (e.from ?? now);
  const period = slaPeriod(def, sla, e.data, e.params);
  return (await computeDue(tx, { start, ...period, applyCutoff: sla.afternoonCutoff !== false })).dueAt;
}

/** The start's data, checked against the definition's `startFields` (a 400 on `<dataPath>.<field>`). */
function startData(args: StartArgs, lang: Lang): Record<string, unknown> {
  const parsed = startDataSchema(args.def).safeParse(args.data ?? {});
  if (!parsed.success) throw errors.validation(prefixed(parsed.error, lang, args.dataPath ?? 'data'));
  return parsed.data;
}

function dueOfStart(tx: Tx, args: StartArgs, data: Record<string, unknown>, now: Date): Promise<Date | null> {
  const { def } = args;
  return dueOfEntered(tx, { def, action: null, toState: def.initialState, steps: [], now, from: args.clockFrom, data, params: args.params, dueOverride: null });
}

/**
 * Records seq 1 in the definition's initial state (409 case_exists if the case has one already: the
 * (entity, seq) index decides, no read before). Who may open a case is the caller's rule (desk intake, online submission).
 */
export async function startCase(tx: Tx, ctx: WorkflowCtx, args: StartArgs): Promise<TransitionResult> {
  return recordStart(tx, ctx, await startStep(tx, ctx, args), args.alongside);
}

/**
 * The step seq 1 that `startCase` records for these arguments (its start data checked, its
 * deadline computed unless given), written by `recordStart`: for a caller that plans what follows
 * the start (the letter classified as it is recorded) before writing its record.
 */
export async function startStep(tx: Tx, ctx: WorkflowCtx, args: StartArgs): Promise<Omit<Step, 'id'>> {
  const now = args.now ?? new Date();
  const { def } = args;
  const data = startData(args, ctx.lang);
  const dueAt = args.dueAt !== undefined ? args.dueAt : await dueOfStart(tx, args, data, now);
  return {
    entityType: args.entityType,
    entityId: args.entityId,
    seq: 1,
    workflowCode: def.code,
    action: 'start',
    fromState: null,
    toState: def.initialState,
    actorId: ctx.actor?.id ?? null,
    actorLabel: labelOf(ctx),
    fromUnitId: null,
    toUnitId: args.unitId,
    fromAgencyId: null,
    toAgencyId: args.agencyId ?? null,
    assigneeId: null,
    note: args.note ?? null,
    attachments: [],
    data,
    dueAt,
    at: now,
  };
}

/** Records a start step from `startStep`, with the caller's `alongside` writes. */
export async function recordStart(tx: Tx, ctx: WorkflowCtx, values: Omit<Step, 'id'>, alongside?: Alongside): Promise<TransitionResult> {
  return started(await insertStep(tx, ctx, values, null, alongside));
}

/**
 * Takes an action on a case: checks grant, state, limits and input, computes the due date of the
 * entered state, records the step (seq = last + 1) and an audit entry. Call it inside the caller's
 * transaction and update the caller's own state column there too.
 */
export async function transition(tx: Tx, ctx: WorkflowCtx, args: TransitionArgs): Promise<TransitionResult> {
  return transitionFrom(tx, ctx, args, await history(tx, args.entityType, args.entityId));
}

/**
 * `transition` from a history the caller has already read (to show the actions, or to check its
 * own rules first). If another transition was recorded since, the insert collides on (entity, seq)
 * and the answer is 409 concurrent_transition.
 */
export async function transitionFrom(tx: Tx, ctx: WorkflowCtx, args: TransitionArgs, steps: readonly Step[]): Promise<TransitionResult> {
  return recordTransition(tx, ctx, await planTransition(tx, ctx, args, steps));
}

/**
 * Checks an action on a case (grant, state, limits and input) and computes the step it records and
 * the due date of the entered state, writing nothing: `recordTransition` records it.
 */
export async function planTransition(tx: Tx, ctx: WorkflowCtx, args: TransitionArgs, steps: readonly Step[]): Promise<PlannedTransition> {
  const { def, entityType, entityId } = args;
  const now = args.now ?? new Date();
  const prefix = args.inputPath ?? 'body';
  const last = steps[steps.length - 1];
  if (!last) throw workflowErrors.caseNotFound(entityType);
  const state = last.toState;
  const who = performerOf(ctx);
  const allowed = () => availableActions(def, state, who, args.caseUnitPath, steps, now).map((a) => a.code);
  const action = actionOf(def, args.action);
  if (!action) throw workflowErrors.invalidTransition(state, args.action, allowed(), 'unknown_action');
  // Grant before state, so that someone without a role here learns nothing about the case's progress.
  if (!mayPerform(action, who, args.caseUnitPath, currentAssignee(def, steps))) throw errors.forbidden(`${entityType}.${action.code}`);
  if (args.expectedSeq !== undefined && args.expectedSeq !== last.seq) throw workflowErrors.concurrentTransition(last.seq);
  const why = refusal(def, state, action, steps, now);
  if (why) throw workflowErrors.invalidTransition(state, action.code, allowed(), why);

  const checked = checkInput(def, action, args.input, ctx.lang, prefix);
  if (!checked.ok) throw errors.validation(checked.issues);
  const { input, data } = checked.value;
  const issues: FieldIssue[] = [];
  const due = input.dueOverride ? parseDate(input.dueOverride) : null;
  if (due !== null && endOfDay(due).getTime() < now.getTime())
    issues.push({ path: `${prefix}.dueOverride`, message: ctx.lang === 'vi' ? 'Ngày hẹn mới đã qua' : 'The new due date has passed' });
  if (issues.length) throw errors.validation(issues);
  const target = action.transfer ? await transferTarget(tx, input, prefix, ctx.lang) : { unitId: last.toUnitId, agencyId: last.toAgencyId };
  if (input.assigneeId) {
    // Named for the unit that holds the case after this step.
    const movedTo = target.unitId && target.unitId !== last.toUnitId ? await unitPathOf(tx, target.unitId) : null;
    await checkAssignee(tx, input.assigneeId, movedTo ?? args.caseUnitPath, assigneeRoles(def, action, state), prefix, ctx.lang);
  }

  const toState = targetState(action, state);
  const dueAt = await dueOfEntered(tx, { def, action, toState, steps, now, data, params: args.params, dueOverride: input.dueOverride });
  const values: Omit<Step, 'id'> = {
    entityType,
    entityId,
    seq: last.seq + 1,
    workflowCode: def.code,
    action: action.code,
    fromState: state,
    toState,
    actorId: ctx.actor?.id ?? null,
    actorLabel: labelOf(ctx),
    fromUnitId: last.toUnitId,
    toUnitId: target.unitId,
    fromAgencyId: last.toAgencyId,
    toAgencyId: target.agencyId,
    assigneeId: input.assigneeId ?? null,
    note: input.note ?? null,
    attachments: input.attachments ?? [],
    data,
    dueAt,
    at: now,
  };
  return { values, before: { state, seq: last.seq }, state: toState, previousState: state, terminal: stateOf(def, toState)?.terminal === true, dueAt };
}
