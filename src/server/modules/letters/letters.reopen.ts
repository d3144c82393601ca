// The writer's request to reopen an ended case within the window of its workflow: the system takes the `reopen` action on their behalf.
import { AppError } from '../../platform/errors';
import type { ReopenBody } from '../../../common/letter-resolution.schema';
import type { Tx } from '../../db/client';
import { vnShortDate } from '../../platform/pdf/vn-format';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { actionOf } from '../../platform/workflow/engine';
import { history, transitionFrom } from '../../platform/workflow/workflow.service';
import { mirror, notifyCaseStep } from './letters.actions';
import { clock } from './letters.clock';
import type { LetterWithUnit } from './letters.queries';
import { caseOfLetter, writerCtx, type WriterMeta } from './letters.ratings';
import { findCase, updateCase } from './letter-cases.queries';
import { REOPEN, reopenStatus, reopenWindow } from './letters.reopen-window';
import { CASE_ENTITY, letterWorkflow } from './letters.workflows';

export const reopenErrors = {
  notAllowed: () =>
    new AppError(
      'reopen_not_allowed',
      409,
      'Vụ việc này không thể đề nghị xem xét lại (chưa có quyết định, văn bản trả lời hoặc đã được xem xét lại một lần)',
      'This case cannot be reopened (no decision or answer yet, or reopened once already)',
    ),
  windowClosed: (until: Date) =>
    new AppError(
      'reopen_window_closed',
      409,
      `Đã hết thời hạn đề nghị xem xét lại: hạn cuối là ngày ${vnShortDate(until)}`,
      `The period to ask for a reopening has ended: the last day was ${vnShortDate(until)}`,
      { until: formatLocalIso(until) },
    ),
};

/**
 * POST /api/public/letters/:code/reopen. The case goes back to processing by the workflow's `reopen`
 * action, recorded in its steps as the writer's (the engine checks the state, the single use and the
 * window again); the case row reopens (no end, no result) and the writer is told.
 */
export async function reopenCase(tx: Tx, meta: WriterMeta, letter: LetterWithUnit, body: ReopenBody, now: Date = clock.now()): Promise<void> {
  const found = await caseOfLetter(tx, letter, body.caseCode);
  const c = await findCase(tx, found.id, true);
  if (!c) throw new Error('case vanished inside its own transaction');
  const def = letterWorkflow(c.workflowCode);
  const steps = await history(tx, CASE_ENTITY, c.id);
  // The same rule the tracking view shows the writer (letters.reopen-window.ts); the engine checks it again.
  const status = reopenStatus(reopenWindow(def, steps), now);
  if (!status.canReopen) throw status.endedAt ? reopenErrors.windowClosed(status.endedAt) : reopenErrors.notAllowed();
  const data: Record<string, unknown> = { reopenReason: body.reason };
  // Feedback's processing period depends on whether it is about regulations: the case's own fact.
  if (actionOf(def, REOPEN)?.requiredFields?.includes('aboutRegulation')) data.aboutRegulation = c.aboutRegulation;
  const res = await transitionFrom(
    tx,
    writerCtx(meta),
    { def, entityType: CASE_ENTITY, entityId: c.id, caseUnitPath: c.unitPath, action: REOPEN, input: { data }, inputPath: 'body', now },
    steps,
  );
  await updateCase(tx, c.id, mirror(c, REOPEN, res, false, now));
  await notifyCaseStep(tx, c, def, steps, res, now);
}
