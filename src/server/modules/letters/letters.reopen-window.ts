// The one rule of the writer's request to reopen an ended case: the state and history that allow it (once, from the workflow's
// `reopen` states) and the window's last day. The request (letters.reopen.ts), the tracking view and the writer's notices all read it.
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { actionOf, windowEnd, type StepFacts } from '../../platform/workflow/engine';

export const REOPEN = 'reopen';

export interface ReopenWindow {
  /** The case's state and history allow a reopening (an end the workflow reopens from, not reopened before), whatever the date. */
  reopenable: boolean;
  /** The last instant of the window (end of its last day, Vietnam time), null when there is none. */
  until: Date | null;
}

export function reopenWindow(def: WorkflowDefinition, steps: readonly StepFacts[]): ReopenWindow {
  const reopen = actionOf(def, REOPEN);
  const state = steps[steps.length - 1]?.toState;
  if (!reopen || !state || reopen.from === '*' || !reopen.from.includes(state) || steps.some((s) => s.action === REOPEN)) return { reopenable: false, until: null };
  return { reopenable: true, until: windowEnd(reopen, steps) };
}

/** Where the writer stands at `now`: may they ask, until when, or since when may they no longer. */
export function reopenStatus(w: ReopenWindow, now: Date): { canReopen: boolean; until: Date | null; endedAt: Date | null } {
  const passed = w.until !== null && now.getTime() > w.until.getTime();
  return { canReopen: w.reopenable && !passed, until: w.reopenable && !passed ? w.until : null, endedAt: w.reopenable && passed ? w.until : null };
}
