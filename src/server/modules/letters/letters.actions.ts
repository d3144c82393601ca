// Taking a workflow action on a case: the letters' rules and the engine's checks (prepareCaseAction), then in one transaction the step with the writer's messages, the publication, the documents and the case row mirrored; letters.act-once.ts writes the same action at once.
import { sql, type SQL } from 'drizzle-orm';
import type { CaseActionAck, CaseActionBody, CaseView } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { errors } from '../../platform/errors';
import { checkUploaded } from '../../platform/files/attachments';
import { outboxAlongside, type OutgoingMessage } from '../../platform/notify/outbox';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { actionOf, currentAssignee, mayPerform, type StepFacts } from '../../platform/workflow/engine';
import { planTransition, recordTransition, type PlannedTransition, type Step, type TransitionResult } from '../../platform/workflow/workflow.service';
import { canSeeCase } from './letters.access';
import { clock } from './letters.clock';
import { letterErrors } from './letters.errors';
import { notifyWriter, templateOfAction, writerMessages, type LetterEvent } from './letters.notify';
import { applyPublication, guardPublication } from './letters.publish';
import { linkLetterFiles, type LetterWithUnit } from './letters.queries';
import { findUnit } from '../org/units.service';
import type { CaseInsert, CaseRow, CaseWithUnits } from './letter-cases.queries';
import { updateCaseAndRead } from './letter-cases.writes';
import { casePageFrom, casePageSql, findCaseWithLetter, type CaseWithLetter } from './letters.page.queries';
import { ASSIGN_ACTION, guardRefusal, mayNameHandler } from './letters.rules';
import { reopenWindow } from './letters.reopen-window';
import { resultOf } from './letters.results';
import { casePageNames, toCaseAck, toCaseView } from './letters.views';
import { CASE_ENTITY, letterWorkflow } from './letters.workflows';

/** The processing decision each action records on the case (statistics count them). */
export const OUTCOME_OF: Readonly<Record<string, string>> = {
  accept: 'accepted',
  forward: 'forwarded',
  guide: 'guided',
  return_letter: 'returned',
  file_away: 'filed',
  refer_for_inspection: 'referred',
};

/** A step as recorded, or planned and not yet recorded (its id comes with the insert), with what it does to the case. */
export type CaseStep = Pick<TransitionResult, 'state' | 'previousState' | 'terminal' | 'dueAt'> & { step: Omit<Step, 'id'> };

/** The case row after the step: state, place, handler, deadline, decision and end (only CASE_MIRRORED columns). */
export function mirror(c: CaseWithUnits, action: string, res: CaseStep, transfer: boolean, now: Date): Partial<CaseInsert> {
  const { step } = res;
  const fields: Partial<CaseInsert> = { state: res.state, seq: step.seq, unitId: step.toUnitId ?? c.unitId, agencyId: step.toAgencyId, dueAt: res.terminal ? null : res.dueAt };
  if (step.assigneeId) fields.assigneeId = step.assigneeId;
  // A case sent to another unit waits for that unit's leader to assign it.
  else if (transfer) fields.assigneeId = null;
  const outcome = OUTCOME_OF[action];
  if (outcome) {
    fields.outcome = outcome;
    const reason = step.data.reason ?? step.data.fileReason;
    fields.outcomeReason = typeof reason === 'string' ? reason : null;
  }
  if (action === 'accept') fields.acceptedAt = now;
  const result = resultOf(action, step.data);
  if (result) fields.result = result;
  // Publishing after the end keeps the end; a reopened case is open again until its new end.
  if (res.terminal && res.previousState !== res.state) fields.finishedAt = now;
  if (!res.terminal && c.finishedAt) {
    fields.finishedAt = null;
    fields.result = null;
  }
  return fields;
}

/** Until when the writer may ask to reopen a case that has just ended (the `reopen` action's window), if they may. */
export function reopenUntil(def: WorkflowDefinition, steps: readonly StepFacts[]): Date | null {
  return reopenWindow(def, steps).until;
}

/** What the writer is told of the step, if it is one they are told about. */
function caseStepEvent(c: CaseWithUnits, def: WorkflowDefinition, steps: readonly Step[], res: CaseStep, now: Date): LetterEvent | null {
  const template = templateOfAction(res.step.action);
  if (!template) return null;
  return { template, case: c, data: res.step.data, dueAt: res.dueAt, reopenUntil: reopenUntil(def, [...steps, res.step]), now };
}

/** Tells the writer about the step, if it is one they are told about (`letter`: the case's letter, when the caller has read it). */
export async function notifyCaseStep(tx: Tx, c: CaseWithUnits, def: WorkflowDefinition, steps: readonly Step[], res: CaseStep, now: Date, letter?: LetterWithUnit): Promise<void> {
  const e = caseStepEvent(c, def, steps, res, now);
  if (e) await notifyWriter(tx, letter ?? c.letterId, e);
}

/** A case action checked and computed, not yet written: the step's plan, the case's mirrored columns after it and the writer's messages. */
export interface PreparedCaseAction {
  plan: PlannedTransition;
  fields: Partial<CaseInsert>;
  messages: OutgoingMessage[];
}

/**
 * Checks a case action (the letters' own rules, then the engine's) and computes everything it writes,
 * from the case as the caller read it (locked in a transaction, or one snapshot for an action written
 * at once): who may act (403), the case's facts and state (409), the input (400).
 */
export async function prepareCaseAction(db: Tx, ctx: Ctx, read: CaseWithLetter, action: string, body: CaseActionBody, now: Date): Promise<PreparedCaseAction> {
  const { c, letter, steps } = read;
  const def = letterWorkflow(c.workflowCode);
  const a = actionOf(def, action);
  // The letters' own rules speak only to someone the engine would let act, so that an outsider still gets 403.
  if (a && mayPerform(a, ctx.actor, c.unitPath, currentAssignee(def, steps))) {
    const refused = guardRefusal(c, action);
    if (refused) throw refused;
    // Naming the handler with another action (accept) takes the right to assign.
    if (a.assign && body.assigneeId && !mayNameHandler(def, a, ctx.actor, c.unitPath, steps)) throw errors.forbidden(`${CASE_ENTITY}.${ASSIGN_ACTION}`);
    await guardPublication(db, c, action, body.data, ctx.lang);
  }
  const { expectedSeq, ...input } = body;
  const plan = await planTransition(
    db,
    ctx,
    { def, entityType: CASE_ENTITY, entityId: c.id, caseUnitPath: c.unitPath, action, input, ...(expectedSeq !== undefined ? { expectedSeq } : {}), now },
    steps,
  );
  const res: CaseStep = { ...plan, step: plan.values };
  const e = caseStepEvent(c, def, steps, res, now);
  // The writer hears of it through the outbox, with the action: nothing is sent if it does not happen.
  const messages = e ? await writerMessages(db, letter, e) : [];
  return { plan, fields: mirror(c, action, res, !!a?.transfer, now), messages };
}

/**
 * The action in the caller's transaction, the case locked: the step with the writer's messages, the
 * publication, the documents; `read` is read by the case row's update, which comes last.
 */
async function actLocked<T>(tx: Tx, ctx: Ctx, id: string, action: string, body: CaseActionBody, now: Date, read: (locked: CaseWithLetter, steps: Step[]) => SQL<T>) {
  // Locked, with its letter and history: actions on one case queue up instead of colliding on the step seq.
  const locked = await findCaseWithLetter(tx, id, true);
  if (!locked || !canSeeCase(ctx.actor, locked.c)) throw letterErrors.caseNotFound();
  const { c, steps } = locked;
  const { plan, fields, messages } = await prepareCaseAction(tx, ctx, locked, action, body, now);
  const res = await recordTransition(tx, ctx, plan, outboxAlongside(tx, messages, now));
  await applyPublication(tx, ctx, c, res.step, now);
  const attachments = body.attachments ?? [];
  await checkUploaded(tx, attachments, ctx.lang, 'body.attachments');
  await linkLetterFiles(
    tx,
    attachments.map((f) => ({ letterId: c.letterId, caseId: id, fileId: f.fileId, name: f.name, kind: 'document', stepSeq: res.step.seq, createdBy: ctx.actor.id })),
  );
  // The case's row is mirrored last, and the same statement reads `read` (the rest of the page for the
  // history with its new step: the names of the new assignee or agency come with the step's).
  const all = [...steps, res.step];
  const out = await updateCaseAndRead(tx, id, fields, read(locked, all));
  return { ...out, locked, all };
}

/**
 * The case as an action leaves it, from the case read before it and its row after: the unit's path
 * and name, which the row does not carry, read only when it moved to another unit.
 */
export async function caseAfter(db: Tx, before: CaseWithUnits, row: CaseRow): Promise<CaseWithUnits> {
  if (row.unitId === before.unitId) return { ...before, ...row };
  const unit = await findUnit(db, row.unitId);
  if (!unit) throw letterErrors.caseNotFound();
  return { ...before, ...row, unitPath: unit.path, unitName: unit.name };
}

/** The minimal answer: where the case stands after the action, and whether the user may still see it. */
export function caseAckAfter(ctx: Ctx, after: CaseWithUnits): CaseActionAck {
  return toCaseAck(after, canSeeCase(ctx.actor, after));
}

/**
 * POST /api/letter-cases/:id/actions/:action. Access first (404), then who may act (403), the case's
 * facts and state (409), the input (400); the answer is the page. An action that takes the case out
 * of what the user may see (sent to a unit they do not cover) is done all the same, and answered with
 * the minimal answer, `visible: false`, and nothing of the case's content.
 */
export async function actOnCase(tx: Tx, ctx: Ctx, id: string, action: string, body: CaseActionBody, now: Date = clock.now()): Promise<CaseView | CaseActionAck> {
  const { row, read, locked, all } = await actLocked(tx, ctx, id, action, body, now, ({ c, letter }, steps) => casePageSql(id, c.letterId, steps, casePageNames(c, letter)));
  const { c, letter } = locked;
  // The page from what this transaction holds.
  const after = await caseAfter(tx, c, row);
  if (!canSeeCase(ctx.actor, after)) return toCaseAck(after, false);
  const page = casePageFrom(read);
  // The update's RETURNING saw this case where it was before: put it where it is now.
  page.places = page.places.map((p) => (p.id === id ? { id, unitId: after.unitId, unitPath: after.unitPath, assigneeId: after.assigneeId } : p));
  return toCaseView(tx, ctx, after, letter, now, all, page);
}

/** The same action answered with `Prefer: return=minimal` when it goes through the transaction (documents, publication): the ack. */
export async function actOnCaseMinimal(tx: Tx, ctx: Ctx, id: string, action: string, body: CaseActionBody, now: Date = clock.now()): Promise<CaseActionAck> {
  const { row, locked } = await actLocked(tx, ctx, id, action, body, now, () => sql<null>`null`);
  return caseAckAfter(ctx, await caseAfter(tx, locked.c, row));
}

/** The staff view of a case as the user may see it now. */
export async function caseViewOf(tx: Tx, ctx: Ctx, id: string, now: Date): Promise<CaseView> {
  const found = await findCaseWithLetter(tx, id);
  if (!found || !canSeeCase(ctx.actor, found.c)) throw letterErrors.caseNotFound();
  return toCaseView(tx, ctx, found.c, found.letter, now, found.steps);
}
