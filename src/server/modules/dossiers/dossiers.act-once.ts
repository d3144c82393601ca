// An action answered minimally (Prefer: return=minimal), written in one statement without a
// transaction: read the dossier with its history (one snapshot, no lock), check and compute the
// action, then write the step, its audit entry, the row (only while its seq is the one read), the
// applicant's messages and the idempotency record at once. Two round trips instead of six; a race
// with another action fails the statement as a whole and the action is read and checked again.
import type { DossierActionAck, DossierActionBody } from '../../../common/dossiers.schema';
import type { Db } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { loadCalendar } from '../../platform/calendar/calendar.service';
import { idempotencyAlongside, type IdempotencyClaim } from '../../platform/idempotency';
import { outboxAlongside } from '../../platform/notify/outbox';
import { alongside, recordTransitionAtOnce, retryLostRace } from '../../platform/workflow/workflow.service';
import { cachedUnit } from '../org/org.cache';
import { canSee } from './dossiers.access';
import { dossierAck, ENTITY, prepareAction } from './dossiers.actions';
import { clock } from './dossiers.clock';
import { dossierErrors } from './dossiers.errors';
import { readDossierWithHistory } from './dossiers.locked';
import { dossierGuardTemplate, dossierUpdateValues, type DossierWithUnits } from './dossiers.queries';
import { dossierWorkflow } from './dossiers.workflows';

/** Whether an action can be written at once: one that links files goes through the transaction (its uploads are checked and linked). */
export function canActAtOnce(body: DossierActionBody): boolean {
  return !body.attachments?.length;
}

/**
 * POST /api/dossiers/:id/actions/:action with `Prefer: return=minimal` and no attachments. Access
 * first (404), then the engine (403, 409, 400), as the transaction's path. A client that sent the
 * seq it saw (expectedSeq) gets 409 at once when another action came first; otherwise the action
 * is checked again against the dossier as it now is.
 */
export async function actOnDossierAtOnce(
  db: Db,
  ctx: Ctx,
  id: string,
  action: string,
  body: DossierActionBody,
  claim: IdempotencyClaim | null,
  now: Date = clock.now(),
): Promise<DossierActionAck> {
  return retryLostRace(body.expectedSeq, () => attemptAtOnce(db, ctx, id, action, body, claim, now));
}

async function attemptAtOnce(db: Db, ctx: Ctx, id: string, action: string, body: DossierActionBody, claim: IdempotencyClaim | null, now: Date) {
  const read = await readDossierWithHistory(db, ENTITY, id);
  if (!read || !canSee(ctx.actor, read.dossier)) throw dossierErrors.notFound();
  const { dossier: d, steps, deskName } = read;
  const def = dossierWorkflow(d.workflowCode);
  const { expectedSeq, ...input } = body;
  const { plan, row, messages } = await prepareAction(db, ctx, { def, dossier: d, steps, action, input, expectedSeq, now, deskName });
  // The answer is known before the write (it is stored with it under the idempotency key): the
  // unit's path and name are read only when the dossier moves to another unit.
  let after: DossierWithUnits = { ...row, unitPath: d.unitPath, unitName: d.unitName, receivingUnitPath: d.receivingUnitPath, receivingUnitName: d.receivingUnitName };
  if (row.unitId !== d.unitId) {
    const unit = await cachedUnit(db, row.unitId);
    if (!unit) throw dossierErrors.notFound();
    after = { ...after, unitPath: unit.path, unitName: unit.name };
  }
  const answer = dossierAck(ctx, def, after, await loadCalendar(db), now);
  await recordTransitionAtOnce(
    db,
    ctx,
    plan,
    { key: 'dossier_seq', build: () => [dossierGuardTemplate(db)], values: { ...dossierUpdateValues(row), dossier_seqRead: d.seq } },
    alongside(outboxAlongside(db, messages, now), idempotencyAlongside(db, claim, 200, answer)),
  );
  return answer;
}
