// Taking a workflow action on a case: the letters' rules, the engine's checks, the case row mirrored and the documents linked, in one transaction.
import type { CaseActionBody, CaseView } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { checkUploaded } from '../../platform/files/attachments';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { actionOf, currentAssignee, mayPerform } from '../../platform/workflow/engine';
import { transitionFrom, type Step, type TransitionResult } from '../../platform/workflow/workflow.service';
import { canSeeCase } from './letters.access';
import { clock } from './letters.clock';
import { letterErrors } from './letters.errors';
import { notifyWriter, templateOfAction } from './letters.notify';
import { applyPublication, guardPublication } from './letters.publish';
import { linkLetterFiles, type LetterWithUnit } from './letters.queries';
import { findCase, type CaseInsert, type CaseWithUnits } from './letter-cases.queries';
import { updateCaseAndRead } from './letter-cases.writes';
import { casePageFrom, casePageSql, findCaseWithLetter } from './letters.page.queries';
import { guardRefusal } from './letters.rules';
import { reopenWindow } from './letters.reopen-window';
import { resultOf } from './letters.results';
import { casePageNames, toCaseView } from './letters.views';
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

/** The case row after the step: state, place, handler, deadline, decision and end. */
export function mirror(c: CaseWithUnits, action: string, res: TransitionResult, transfer: boolean, now: Date): Partial<CaseInsert> {
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
export function reopenUntil(def: WorkflowDefinition, steps: readonly Step[]): Date | null {
  return reopenWindow(def, steps).until;
}

/** Tells the writer about the step, if it is one they are told about (`letter`: the case's letter, when the caller has read it). */
export async function notifyCaseStep(
  tx: Tx,
  c: CaseWithUnits,
  def: WorkflowDefinition,
  steps: readonly Step[],
  res: TransitionResult,
  now: Date,
  letter?: LetterWithUnit,
): Promise<void> {
  const template = templateOfAction(res.step.action);
  if (!template) return;
  const all = [...steps, res.step];
  await notifyWriter(tx, letter ?? c.letterId, { template, case: c, data: res.step.data, dueAt: res.dueAt, reopenUntil: reopenUntil(def, all), now });
}

/** POST /api/letter-cases/:id/actions/:action. Access first (404), then who may act (403), the case's facts and state (409), the input (400). */
export async function actOnCase(tx: Tx, ctx: Ctx, id: string, action: string, body: CaseActionBody, now: Date = clock.now()): Promise<CaseView> {
  // Locked, with its letter and history: actions on one case queue up instead of colliding on the step seq.
  const locked = await findCaseWithLetter(tx, id, true);
  if (!locked || !canSeeCase(ctx.actor, locked.c)) throw letterErrors.caseNotFound();
  const { c, letter, steps } = locked;
  const def = letterWorkflow(c.workflowCode);
  const a = actionOf(def, action);
  // The letters' own rules speak only to someone the engine would let act, so that an outsider still gets 403.
  if (a && mayPerform(a, ctx.actor, c.unitPath, currentAssignee(def, steps))) {
    const refused = guardRefusal(c, action);
    if (refused) throw refused;
    await guardPublication(tx, c, action, body.data, ctx.lang);
  }
  const { expectedSeq, ...input } = body;
  const res = await transitionFrom(
    tx,
    ctx,
    { def, entityType: CASE_ENTITY, entityId: id, caseUnitPath: c.unitPath, action, input, ...(expectedSeq !== undefined ? { expectedSeq } : {}), now },
    steps,
  );
  await applyPublication(tx, ctx, c, res.step, now);
  await notifyCaseStep(tx, c, def, steps, res, now, letter);
  const attachments = input.attachments ?? [];
  await checkUploaded(tx, attachments, ctx.lang, 'body.attachments');
  await linkLetterFiles(
    tx,
    attachments.map((f) => ({ letterId: c.letterId, caseId: id, fileId: f.fileId, name: f.name, kind: 'document', stepSeq: res.step.seq, createdBy: ctx.actor.id })),
  );
  // The case's row is mirrored last, and the same statement reads the rest of the page for the
  // history with its new step (the names of the new assignee or agency come with the step's).
  const all = [...steps, res.step];
  const { row, read } = await updateCaseAndRead(tx, id, mirror(c, action, res, !!a?.transfer, now), casePageSql(id, c.letterId, all, casePageNames(c, letter)));
  // The page from what this transaction holds: the case is read again only when it moved to another
  // unit, whose path and name the row does not carry.
  const after: CaseWithUnits | undefined = row.unitId === c.unitId ? { ...c, ...row } : await findCase(tx, id);
  if (!after || !canSeeCase(ctx.actor, after)) throw letterErrors.caseNotFound();
  const page = casePageFrom(read);
  // The update's RETURNING saw this case where it was before: put it where it is now.
  page.places = page.places.map((p) => (p.id === id ? { id, unitId: after.unitId, unitPath: after.unitPath, assigneeId: after.assigneeId } : p));
  return toCaseView(tx, ctx, after, letter, now, all, page);
}

/** The staff view of a case as the user may see it now. */
export async function caseViewOf(tx: Tx, ctx: Ctx, id: string, now: Date): Promise<CaseView> {
  const found = await findCaseWithLetter(tx, id);
  if (!found || !canSeeCase(ctx.actor, found.c)) throw letterErrors.caseNotFound();
  return toCaseView(tx, ctx, found.c, found.letter, now, found.steps);
}
