// The letters' own rules on top of the workflow engine: what a case's facts allow (only a processable content is accepted, only an anonymous denunciation is referred).
import type { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/auth/actor';
import type { ActionDef, WorkflowDefinition } from '../../platform/workflow/definition';
import { actionOf, availableActions, currentAssignee, mayPerform, type StepFacts } from '../../platform/workflow/engine';
import { letterErrors } from './letters.errors';
import { isPublished, UNPUBLISH } from './letters.publish';
import type { CaseWithUnits } from './letter-cases.queries';
import type { LetterWithUnit } from './letters.queries';

/** Why the case's facts forbid the action (the engine has already allowed the role and the state); null when they do not. */
export function guardRefusal(c: Pick<CaseWithUnits, 'processable' | 'anonymous'>, action: string): AppError | null {
  if (action === 'accept' && !c.processable)
    return letterErrors.actionNotAllowed(
      action,
      'not_processable',
      'Đơn không đủ điều kiện xử lý: không thể thụ lý (hướng dẫn, trả lại hoặc lưu đơn)',
      'The content is not processable: it cannot be accepted (guide, return or file it)',
    );
  if (action === 'refer_for_inspection' && !c.anonymous)
    return letterErrors.actionNotAllowed(
      action,
      'not_anonymous',
      'Chỉ đơn tố cáo nặc danh, mạo danh có chứng cứ cụ thể mới chuyển thanh tra, kiểm tra; đơn có người tố cáo được thụ lý',
      'Only an anonymous or false-name denunciation with concrete evidence is referred for inspection; a signed one is accepted',
    );
  return null;
}

/** The action that names a case's handler. */
export const ASSIGN_ACTION = 'assign';

/**
 * Whether the actor may name the handler with the action: `assign` itself, or another action that takes
 * an assignee (accept, "thụ lý" naming who handles it) when they may also assign, so that no one names a
 * handler through it who could not assign one.
 */
export function mayNameHandler(def: WorkflowDefinition, a: ActionDef, actor: Actor, caseUnitPath: string, steps: readonly StepFacts[]): boolean {
  if (!a.assign) return false;
  if (a.code === ASSIGN_ACTION) return true;
  const assign = actionOf(def, ASSIGN_ACTION);
  return !!assign && mayPerform(assign, actor, caseUnitPath, currentAssignee(def, steps));
}

/** The case actions this user may take now, as their form shows them (without the assignee when they may not name one). */
export function availableCaseActions(def: WorkflowDefinition, c: CaseWithUnits, actor: Actor, steps: readonly StepFacts[], now: Date): ActionDef[] {
  return availableActions(def, c.state, actor, c.unitPath, steps, now)
    .filter((a) => guardRefusal(c, a.code) === null && (a.code !== UNPUBLISH || isPublished(steps)))
    .map((a) => (!a.assign || mayNameHandler(def, a, actor, c.unitPath, steps) ? a : withoutAssignee(a)));
}

const withoutAssignee = ({ assign: _, ...a }: ActionDef): ActionDef => a;

/** The intake action that takes a letter filed as a duplicate back to classification. */
export const UNMARK_ACTION = 'unmark_duplicate';

/** The case a letter was filed with as a duplicate: among the cases holding it, the one it did not open. */
export const filedWith = <C extends Pick<CaseWithUnits, 'letterId'>>(letterId: string, cases: readonly C[]): C | undefined => cases.find((c) => c.letterId !== letterId);

/**
 * Where an intake action is taken: `unmark_duplicate` on the case the letter was filed with (the officers of that case
 * decide it is not the same matter), every other one where the letter was received. The page's list and the action
 * (letters.unfile.ts) both ask here.
 */
export function letterActionUnitPath(action: string, l: Pick<LetterWithUnit, 'id' | 'unitPath'>, cases: readonly Pick<CaseWithUnits, 'letterId' | 'unitPath'>[]): string {
  return action === UNMARK_ACTION ? (filedWith(l.id, cases)?.unitPath ?? l.unitPath) : l.unitPath;
}

/** The intake actions this user may take on the letter, each checked on its own unit (letterActionUnitPath); `cases`: those holding it. */
export function availableLetterActions(def: WorkflowDefinition, l: LetterWithUnit, actor: Actor, steps: readonly StepFacts[], now: Date, cases: readonly CaseWithUnits[] = []): ActionDef[] {
  const here = availableActions(def, l.state, actor, l.unitPath, steps, now);
  const casePath = letterActionUnitPath(UNMARK_ACTION, l, cases);
  if (casePath === l.unitPath) return here;
  const there = availableActions(def, l.state, actor, casePath, steps, now);
  const allowed = new Set([...here.filter((a) => a.code !== UNMARK_ACTION), ...there.filter((a) => a.code === UNMARK_ACTION)].map((a) => a.code));
  return def.actions.filter((a) => allowed.has(a.code));
}
