// The pure transition rules: who may take which action from which state, input checks and deadline flags (no database here).
import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import { dayOfInstant, endOfDay, startOfDay } from '../calendar/local-date';
import type { WorkingCalendar } from '../calendar/working-days';
import { zodToAppError } from '../error-handler';
import type { FieldIssue } from '../errors';
import type { Lang } from '../locale';
import { grantsCover } from '../policy';
import { undeclaredField } from '../validation-messages';
import { CITIZEN, CURRENT_STATE, fromStates, type ActionDef, type StateDef, type WorkflowDefinition } from './definition';
import { dataSchema, TransitionInput } from './fields';
import type { RefusalReason } from './workflow.errors';

/** Who acts: a staff member with their grants, or a citizen on their own case (the caller has checked ownership). */
export type Performer = Actor | typeof CITIZEN;

/** What the rules need from a recorded step. */
export interface StepFacts {
  action: string;
  dueAt: Date | null;
  assigneeId?: string | null;
  /** When the step was taken and the states it went between (for `within`). */
  at?: Date;
  fromState?: string | null;
  toState?: string;
}

export function stateOf(def: WorkflowDefinition, code: string): StateDef | undefined {
  return def.states.find((s) => s.code === code);
}

export function actionOf(def: WorkflowDefinition, code: string): ActionDef | undefined {
  return def.actions.find((a) => a.code === code);
}

/** The deadline currently running: the due date of the last step that set one, unless the clock is stopped now. */
export function runningDue(history: readonly StepFacts[]): Date | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const due = history[i]?.dueAt;
    if (due) return due;
  }
  return null;
}

/** Who the case is assigned to now: the assignee of the last step that named one, unless a transfer came after it. */
export function currentAssignee(def: WorkflowDefinition, history: readonly StepFacts[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i];
    if (step?.assigneeId) return step.assigneeId;
    if (step && actionOf(def, step.action)?.transfer) return null;
  }
  return null;
}

/**
 * Whether the performer holds one of the action's roles on the case's unit or a unit above it. A role
 * listed in `assigneeOnly` counts only when the performer is the case's current assignee.
 */
export function mayPerform(action: ActionDef, who: Performer, caseUnitPath: string, assigneeId: string | null = null): boolean {
  if (who === CITIZEN) return action.roles.includes(CITIZEN);
  const limited: readonly string[] = action.assigneeOnly ?? [];
  const open = action.roles.filter((r) => r !== CITIZEN).filter((r) => !limited.includes(r));
  const on = { unitPath: caseUnitPath };
  if (open.length > 0 && grantsCover(who, { roles: open }, on)) return true;
  return limited.length > 0 && assigneeId === who.id && grantsCover(who, { roles: action.assigneeOnly ?? [] }, on);
}

/**
 * The last instant an action with `within` may be taken: the end of the local day `amount` calendar
 * days after the step that entered the current state. Null when the action has no window.
 */
export function windowEnd(action: ActionDef, history: readonly StepFacts[]): Date | null {
  if (!action.within) return null;
  // Steps that keep the state (an answer published after the end) do not restart the window.
  const entering = [...history].reverse().find((s) => s.fromState !== s.toState) ?? history[history.length - 1];
  if (!entering?.at) return null;
  return endOfDay(dayOfInstant(entering.at) + action.within.amount);
}

/** Why the action cannot be taken from the state regardless of who asks; null when it can. */
export function refusal(
  def: WorkflowDefinition,
  state: string,
  action: ActionDef,
  history: readonly StepFacts[],
  now: Date,
): RefusalReason | null {
  if (stateOf(def, state)?.terminal && !action.afterEnd) return 'terminal_state';
  if (!fromStates(def, action).includes(state)) return 'not_from_state';
  const closes = windowEnd(action, history);
  if (closes && now.getTime() > closes.getTime()) return 'window_closed';
  if (action.maxTimes !== undefined && history.filter((s) => s.action === action.code).length >= action.maxTimes)
    return 'max_times_reached';
  const due = runningDue(history);
  if (action.beforeDue && due && now.getTime() > due.getTime()) return 'deadline_passed';
  if (action.extendBy && !due) return 'no_deadline';
  return null;
}

/** The actions the UI may show: allowed from the state, not used up, and within the performer's grants on the case's unit. */
export function availableActions(
  def: WorkflowDefinition,
  state: string,
  who: Performer,
  caseUnitPath: string,
  history: readonly StepFacts[],
  now: Date = new Date(),
): ActionDef[] {
  const assigneeId = currentAssignee(def, history);
  return def.actions.filter((a) => refusal(def, state, a, history, now) === null && mayPerform(a, who, caseUnitPath, assigneeId));
}

/** The state the action leads to from `state`. */
export function targetState(action: ActionDef, state: string): string {
  return action.to === CURRENT_STATE ? state : action.to;
}

export interface CheckedInput {
  input: TransitionInput;
  data: Record<string, unknown>;
}

/**
 * The field issues of a failed parse under `prefix`; an undeclared key is named on its own path
 * (`body.data.foo`, not `body.data`), so the user sees which field the action does not take.
 */
export function prefixed(err: z.ZodError, lang: Lang, prefix: string): FieldIssue[] {
  const details = zodToAppError(err, lang, prefix, undeclaredField).details;
  return details && !Array.isArray(details) ? ((details as { fields?: FieldIssue[] }).fields ?? []) : [];
}

/**
 * Checks what the user sent against the action: required note, assignee, transfer target and due
 * date, and the declared fields of `data` (nothing undeclared). Returns every problem with its path.
 */
export function checkInput(
  def: WorkflowDefinition,
  action: ActionDef,
  raw: unknown,
  lang: Lang,
  prefix = 'body',
): { ok: true; value: CheckedInput } | { ok: false; issues: FieldIssue[] } {
  const parsed = TransitionInput.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, issues: prefixed(parsed.error, lang, prefix) };
  const input = parsed.data;
  const issues: FieldIssue[] = [];
  const need = (path: string, vi: string, en: string) => issues.push({ path: `${prefix}.${path}`, message: lang === 'vi' ? vi : en });
  const missing = (path: string) => need(path, 'Bắt buộc nhập', 'Required');
  const notAllowed = (path: string) => need(path, 'Thao tác này không nhận trường này', 'Not accepted by this action');

  if (action.note === 'required' && !input.note) missing('note');
  if (action.assign === 'required' && !input.assigneeId) missing('assigneeId');
  if (!action.assign && input.assigneeId) notAllowed('assigneeId');
  if (action.dueOverride === 'required' && !input.dueOverride) missing('dueOverride');
  if (!action.dueOverride && input.dueOverride) notAllowed('dueOverride');
  if (action.attachments === 'required' && !input.attachments?.length) missing('attachments');
  switch (action.transfer) {
    case 'unit':
      if (!input.toUnitId) missing('toUnitId');
      break;
    case 'agency':
      if (!input.toAgencyId) missing('toAgencyId');
      break;
    case undefined:
      if (input.toUnitId) notAllowed('toUnitId');
      if (input.toAgencyId) notAllowed('toAgencyId');
      break;
  }
  const data = dataSchema(def, action).safeParse(input.data ?? {});
  if (!data.success) issues.push(...prefixed(data.error, lang, `${prefix}.data`));
  if (issues.length || !data.success) return { ok: false, issues };
  return { ok: true, value: { input, data: data.data } };
}

export type DueStatus = 'on_track' | 'due_soon' | 'overdue';

/** Default warning window: two working days before the due date (configurable per call). */
export const DEFAULT_DUE_SOON_DAYS = 2;

/**
 * Flags a deadline for inboxes and statistics: overdue once the due instant has passed, due soon
 * when at most `dueSoonDays` working days are left (the due date itself counts as 0 left).
 */
export function dueStatus(dueAt: Date, now: Date, calendar: WorkingCalendar, opts: { dueSoonDays?: number } = {}): DueStatus {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  const left = calendar.countWorkingDays(now, dueAt);
  return left <= (opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS) ? 'due_soon' : 'on_track';
}

/**
 * The instant before which a deadline counts as due soon, for SQL filters and counts that must agree
 * with dueStatus: a due instant in [now, threshold) is `due_soon`, before now `overdue`. It is the
 * start of the working day after the last one of the window, counted like dueStatus counts: working
 * days strictly after now's own date, even when now is a weekend or holiday (addWorkingDays would
 * start from the next working day and give one day too many).
 */
export function dueSoonBefore(calendar: WorkingCalendar, now: Date, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): Date {
  let day = dayOfInstant(now);
  for (let i = 0; i <= dueSoonDays; i++) day = calendar.nextWorkingDay(day);
  return startOfDay(day);
}
