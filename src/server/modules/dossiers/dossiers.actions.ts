// Taking a workflow action on a dossier: checked by the engine, mirrored on the dossier row, attachments linked, all in one transaction.
import type { DossierActionAck, DossierActionBody, DossierView, ResultKind } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { loadCalendar, type WorkingCalendar } from '../../platform/calendar/calendar.service';
import { dayOfInstant } from '../../platform/calendar/local-date';
import { checkUploaded } from '../../platform/files/attachments';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { actionOf } from '../../platform/workflow/engine';
import type { TransitionInput } from '../../platform/workflow/fields';
import { outboxAlongside, type OutgoingMessage } from '../../platform/notify/outbox';
import { alongside, history, planTransition, recordTransition, type PlannedTransition, type Step, type WorkflowCtx } from '../../platform/workflow/workflow.service';
import { canSee } from './dossiers.access';
import { clock } from './dossiers.clock';
import { dossierErrors } from './dossiers.errors';
import { lockDossierWithHistory } from './dossiers.locked';
import { applicantMessages } from './dossiers.notify';
import { completionRequestsWith, dossierUpdateTemplate, dossierUpdateValues, findDossier, linkDocuments, type DossierRow, type DossierSet, type DossierWithUnits } from './dossiers.queries';
import { toSummary, toView } from './dossiers.views';
import { dossierWorkflow } from './dossiers.workflows';

export const ENTITY = 'dossier';

/** Returned early (before the due date), on the due date, or late; measured by Vietnamese local dates. */
function timeliness(finished: Date, due: Date | null): ResultKind {
  if (!due) return 'on_time';
  if (finished.getTime() > due.getTime()) return 'late';
  return dayOfInstant(finished) < dayOfInstant(due) ? 'early' : 'on_time';
}

function resultKindOf(state: string, finished: Date, runningDue: Date | null): ResultKind | null {
  switch (state) {
    case 'returned':
      return timeliness(finished, runningDue);
    case 'refused':
    case 'stopped':
    case 'withdrawn':
      return state;
    default:
      return null;
  }
}

export interface ApplyArgs {
  def: WorkflowDefinition;
  dossier: DossierWithUnits;
  steps: readonly Step[];
  action: string;
  input: TransitionInput;
  expectedSeq?: number | undefined;
  now: Date;
  /** The receiving agency's name, if read with the dossier (the applicant's messages name it). */
  deskName?: string | null | undefined;
}

/** An action checked and computed, not yet written: the step's plan, the dossier's new row and the applicant's messages. */
export interface PreparedAction {
  plan: PlannedTransition;
  row: DossierRow;
  messages: OutgoingMessage[];
}

/**
 * Checks the action (the engine's rules) and computes everything it writes, from the dossier as the
 * caller read it: the step, the mirrored columns of the new row, the applicant's messages.
 */
export async function prepareAction(tx: Tx, ctx: WorkflowCtx, a: ApplyArgs): Promise<PreparedAction> {
  const { def, dossier: d } = a;
  const plan = await planTransition(
    tx,
    ctx,
    {
      def,
      entityType: ENTITY,
      entityId: d.id,
      caseUnitPath: d.unitPath,
      action: a.action,
      input: a.input,
      params: { processingDays: d.processingDays },
      ...(a.expectedSeq !== undefined ? { expectedSeq: a.expectedSeq } : {}),
      now: a.now,
    },
    a.steps,
  );
  const action = actionOf(def, a.action);
  const planned = plan.values;
  const fields: DossierSet = {
    state: plan.state,
    seq: planned.seq,
    unitId: planned.toUnitId ?? d.unitId,
    agencyId: planned.toAgencyId,
    dueAt: plan.dueAt,
    updatedAt: a.now,
  };
  if (planned.assigneeId) fields.assigneeId = planned.assigneeId;
  // A dossier moved to another agency waits for that agency's leader to assign it.
  else if (action?.transfer) fields.assigneeId = null;
  if (a.action === 'accept') fields.receivedAt = a.now;
  // The request's time on the dossier's row too, for the statistics (dossiers.table.ts, completionRequests).
  if (a.action === 'request_completion') fields.completionRequests = completionRequestsWith(d.completionRequests, planned.at);
  if (plan.terminal) {
    fields.finishedAt = a.now;
    fields.resultKind = resultKindOf(plan.state, a.now, d.dueAt);
  }
  // The applicant hears of it (email, SMS) through the outbox, with the action: nothing is sent if it does not happen.
  const messages = await applicantMessages(tx, { dossier: d, action: a.action, state: plan.state, dueAt: plan.dueAt, data: planned.data, now: a.now, deskName: a.deskName });
  const { unitPath: _p, unitName: _n, receivingUnitPath: _rp, receivingUnitName: _rn, ...before } = d;
  return { plan, row: { ...before, ...fields }, messages };
}

/**
 * Runs the transition and mirrors the new step on the dossier row; returns the step and the updated
 * row. The step, its audit entry, the row's update and the applicant's messages are one statement.
 * The caller holds the row locked (or has just written it): the new row is computed from it.
 */
export async function applyAction(tx: Tx, ctx: WorkflowCtx, a: ApplyArgs): Promise<{ step: Step; row: DossierRow }> {
  const { plan, row, messages } = await prepareAction(tx, ctx, a);
  const d = a.dossier;
  const rowWrite = { key: 'dossier_row', build: () => [dossierUpdateTemplate(tx)], values: dossierUpdateValues(row) };
  const res = await recordTransition(tx, ctx, plan, alongside(rowWrite, outboxAlongside(tx, messages, a.now)));

  // After the engine's checks, so that a user without the right gets 403 rather than a remark on a file.
  const attachments = a.input.attachments ?? [];
  await checkUploaded(tx, attachments, ctx.lang, 'body.attachments');
  await linkDocuments(
    tx,
    attachments.map((f) => ({
      dossierId: d.id,
      fileId: f.fileId,
      name: f.name,
      kind: a.action === 'supplement' || a.action === 'resubmit' ? 'supplement' : 'attachment',
      stepSeq: res.step.seq,
      createdBy: ctx.actor?.id ?? null,
    })),
  );
  return { step: res.step, row };
}

/** The staff view of a dossier as the user may see it now. */
export async function viewOf(tx: Tx, ctx: Ctx, id: string, now: Date): Promise<DossierView> {
  const d = await findDossier(tx, id);
  if (!d || !canSee(ctx.actor, d)) throw dossierErrors.notFound();
  const def = dossierWorkflow(d.workflowCode);
  return toView(tx, def, d, await history(tx, ENTITY, id), ctx.actor, ctx.lang, await loadCalendar(tx), now);
}

/**
 * The minimal answer: the dossier as an inbox row and its seq while the user may still see it; once
 * the action took it out of their sight, only where it stands (nothing of the applicant or the procedure).
 */
export function dossierAck(ctx: Ctx, def: WorkflowDefinition, after: DossierWithUnits, cal: WorkingCalendar, now: Date): DossierActionAck {
  const summary = toSummary(def, after, ctx.lang, cal, now);
  if (canSee(ctx.actor, after)) return { ...summary, seq: after.seq, visible: true };
  const { id, code, state, stateLabel, unitId, unitName, assigneeId, dueAt } = summary;
  return { id, code, state, stateLabel, unitId, unitName, assigneeId, dueAt, seq: after.seq, visible: false };
}

/** The dossier after an action, with its history including the new step; `visible`: whether this user may still see it. */
async function act(tx: Tx, ctx: Ctx, id: string, action: string, body: DossierActionBody, now: Date) {
  // Locked, with its history: actions on one dossier queue up instead of colliding on the step seq.
  const locked = await lockDossierWithHistory(tx, ENTITY, id);
  if (!locked || !canSee(ctx.actor, locked.dossier)) throw dossierErrors.notFound();
  const { dossier: d, steps, deskName } = locked;
  const def = dossierWorkflow(d.workflowCode);
  const { expectedSeq, ...input } = body;
  const out = await applyAction(tx, ctx, { def, dossier: d, steps, action, input, expectedSeq, now, deskName });
  // The answer from what this transaction holds (the updated row, the history and its new step): read
  // again only when the dossier moved to another unit, whose path and name the row does not carry.
  const after: DossierWithUnits | undefined =
    out.row.unitId === d.unitId
      ? { ...out.row, unitPath: d.unitPath, unitName: d.unitName, receivingUnitPath: d.receivingUnitPath, receivingUnitName: d.receivingUnitName }
      : await findDossier(tx, id);
  if (!after) throw dossierErrors.notFound();
  return { after, visible: canSee(ctx.actor, after), def: dossierWorkflow(after.workflowCode), steps: [...steps, out.step], cal: await loadCalendar(tx) };
}

/**
 * POST /api/dossiers/:id/actions/:action. Access first (404), then the engine (403, 409, 400); the
 * answer is the page. An action that takes the dossier out of what the user may see (sent to an
 * agency they do not cover) is done all the same, and answered with the minimal answer, `visible: false`.
 */
export async function actOnDossier(tx: Tx, ctx: Ctx, id: string, action: string, body: DossierActionBody, now: Date = clock.now()): Promise<DossierView | DossierActionAck> {
  const a = await act(tx, ctx, id, action, body, now);
  if (!a.visible) return dossierAck(ctx, a.def, a.after, a.cal, now);
  return toView(tx, a.def, a.after, a.steps, ctx.actor, ctx.lang, a.cal, now);
}

/** The same action answered with `Prefer: return=minimal`: the inbox row and its seq (`dossierAck`). */
export async function actOnDossierMinimal(tx: Tx, ctx: Ctx, id: string, action: string, body: DossierActionBody, now: Date = clock.now()): Promise<DossierActionAck> {
  const a = await act(tx, ctx, id, action, body, now);
  return dossierAck(ctx, a.def, a.after, a.cal, now);
}
