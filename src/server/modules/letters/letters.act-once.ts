// A case action answered minimally (Prefer: return=minimal), written in one statement without a
// transaction: read the case with its letter and history (one snapshot, no lock), check and compute
// the action (prepareCaseAction), then write the step, its audit entry, the case row (only while its
// seq is the one read), the writer's messages and the idempotency record at once. A race with another
// action fails the statement as a whole and the action is read and checked again.
import type { CaseActionAck, CaseActionBody } from '../../../common/letters.schema';
import type { Db } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { idempotencyAlongside, type IdempotencyClaim } from '../../platform/idempotency';
import { outboxAlongside } from '../../platform/notify/outbox';
import { alongside, recordTransitionAtOnce, retryLostRace } from '../../platform/workflow/workflow.service';
import { canSeeCase } from './letters.access';
import { caseAckAfter, caseAfter, prepareCaseAction } from './letters.actions';
import { clock } from './letters.clock';
import { letterErrors } from './letters.errors';
import { readCaseWithLetter } from './letters.page.queries';
import { PUBLISH, UNPUBLISH } from './letters.publish';
import { caseGuardTemplate, caseUpdateValues } from './letter-cases.writes';

/**
 * Whether an action can be written at once: one that links documents (their uploads are checked and
 * linked) or publishes or withdraws an answer (the publication's row) goes through the transaction.
 */
export function canActAtOnce(action: string, body: CaseActionBody): boolean {
  return !body.attachments?.length && action !== PUBLISH && action !== UNPUBLISH;
}

/**
 * POST /api/letter-cases/:id/actions/:action with `Prefer: return=minimal`, for an action
 * `canActAtOnce`. Access first (404), then who may act (403), the case's facts and state (409), the
 * input (400), as the transaction's path. A client that sent the seq it saw (expectedSeq) gets 409 at
 * once when another action came first; otherwise the action is checked again against the case as it
 * now is.
 */
export async function actOnCaseAtOnce(
  db: Db,
  ctx: Ctx,
  id: string,
  action: string,
  body: CaseActionBody,
  claim: IdempotencyClaim | null,
  now: Date = clock.now(),
): Promise<CaseActionAck> {
  return retryLostRace(body.expectedSeq, () => attemptAtOnce(db, ctx, id, action, body, claim, now));
}

async function attemptAtOnce(db: Db, ctx: Ctx, id: string, action: string, body: CaseActionBody, claim: IdempotencyClaim | null, now: Date): Promise<CaseActionAck> {
  const read = await readCaseWithLetter(db, id);
  if (!read || !canSeeCase(ctx.actor, read.c)) throw letterErrors.caseNotFound();
  const { plan, fields, messages } = await prepareCaseAction(db, ctx, read, action, body, now);
  const row = { ...read.c, ...fields, updatedAt: now };
  // The answer is known before the write: it is stored with it under the idempotency key.
  const answer = caseAckAfter(ctx, await caseAfter(db, read.c, row));
  await recordTransitionAtOnce(
    db,
    ctx,
    plan,
    { key: 'letter_case_seq', build: () => [caseGuardTemplate(db)], values: caseUpdateValues(row, read.c.seq) },
    alongside(outboxAlongside(db, messages, now), idempotencyAlongside(db, claim, 200, answer)),
  );
  return answer;
}
