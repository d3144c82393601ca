// Undoing "filed as a duplicate": the letter leaves the case it was filed with and goes back to the queue to classify, by the
// intake action `unmark_duplicate` with a reason, in one transaction, audited on the letter (its step) and on the case.
import type { UnmarkDuplicateBody } from '../../../common/letter-duplicates.schema';
import type { LetterView } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { history, transitionFrom } from '../../platform/workflow/workflow.service';
import { clock } from './letters.clock';
import { findLetter, updateLetter } from './letters.queries';
import { visibleLetter } from './letters.read';
import { unlinkDuplicate } from './letter-cases.queries';
import { filedWith, letterActionUnitPath, UNMARK_ACTION } from './letters.rules';
import { toLetterView } from './letters.views';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow } from './letters.workflows';

/** The plaintext writer columns of a letter waiting for classification: none (letters.identity.ts fills them at its end). */
const NO_PLAINTEXT = { writerName: null, writerAddress: null, writerPhone: null, writerEmail: null, writerIdNumber: null, representatives: null };

/**
 * POST /api/letters/:id/unmark-duplicate. Access to the letter first (404: it follows the case it joined), then the
 * workflow with the case's unit as the place of the action (403 for someone who may not act on that case, 409 for a
 * letter that is not filed as a duplicate), then the reason (400). The letter's classification deadline is the one
 * counted from its receipt (`keepDue`): the mistake does not buy time. A letter once protected stays protected.
 */
export async function unmarkDuplicate(tx: Tx, ctx: Ctx, id: string, body: UnmarkDuplicateBody, now: Date = clock.now()): Promise<LetterView> {
  const { letter, cases } = await visibleLetter(tx, ctx, id, true);
  const joined = filedWith(id, cases);
  const steps = await history(tx, LETTER_ENTITY, id);
  const res = await transitionFrom(
    tx,
    ctx,
    {
      def: letterWorkflow(letter.workflowCode),
      entityType: LETTER_ENTITY,
      entityId: id,
      // The officer who may act on the case it was filed with (a letter filed nowhere: its receiving unit, refused by its state).
      caseUnitPath: letterActionUnitPath(UNMARK_ACTION, letter, cases),
      action: UNMARK_ACTION,
      input: { note: null, data: { reason: body.reason, ...(joined ? { caseId: joined.id, caseCode: joined.code } : {}) } },
      ...(body.expectedSeq !== undefined ? { expectedSeq: body.expectedSeq } : {}),
      now,
    },
    steps,
  );
  if (!joined) throw new Error('a letter filed as a duplicate has no case');
  await unlinkDuplicate(tx, joined.id, id);
  await updateLetter(tx, id, { state: res.state, seq: res.step.seq, dueAt: res.dueAt, classifiedAt: null, ...NO_PLAINTEXT });
  await recordAudit(tx, ctx, {
    action: 'letter_case.remove_duplicate',
    entityType: CASE_ENTITY,
    entityId: joined.id,
    unitId: joined.unitId,
    after: { letterId: id, letterCode: letter.code, reason: body.reason },
  });
  const after = await findLetter(tx, id);
  if (!after) throw new Error('letter vanished inside its own transaction');
  return toLetterView(tx, ctx, after, now);
}
