// The deadline side of every workflow inbox (dossiers, letter cases): most urgent first by keyset, and the due-soon and overdue filters.
import { and, eq, gt, gte, inArray, isNotNull, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { WorkingCalendar } from '../calendar/working-days';
import { dueSoonBefore } from './engine';

/** Records without a deadline (finished, or the clock stopped) sort after every dated one. */
const FAR = new Date('9999-12-31T00:00:00Z');

/** The sort key `coalesce(due, far future)`: order by it, then by id. */
// A literal, not a parameter: the inbox order indexes (dossiers_inbox_order_idx) have this very expression, so
// the first page of someone who sees most records is read in order from the index instead of sorting them all.
export function dueSortKey(due: AnyColumn): SQL<Date> {
  return sql<Date>`coalesce(${due}, '9999-12-31 00:00:00+00'::timestamptz)`;
}

/** The cursor value of a row's deadline, as dueSortKey orders it. */
export function dueCursorMs(dueAt: Date | null): number {
  return dueAt ? dueAt.getTime() : FAR.getTime();
}

/** Rows after the cursor's (deadline, id) in the inbox order. */
export function afterDue(due: AnyColumn, id: AnyColumn, after: { dueMs: number; id: string }): SQL {
  const key = dueSortKey(due);
  const at = sql`${new Date(after.dueMs).toISOString()}::timestamptz`;
  return or(gt(key, at), and(eq(key, at), gt(id, after.id))) as SQL;
}

/** Deadline window [dueFrom, dueBefore): overdue = before now, due soon = from now to the threshold dueStatus uses. */
export interface DueWindow {
  dueFrom?: Date | undefined;
  dueBefore?: Date | undefined;
}

export function dueWindow(due: 'due_soon' | 'overdue' | undefined, cal: WorkingCalendar, now: Date): DueWindow {
  if (due === 'due_soon') return { dueFrom: now, dueBefore: dueSoonBefore(cal, now) };
  if (due === 'overdue') return { dueBefore: now };
  return {};
}

/** The window's conditions; a deadline only counts while the record is in an active state. */
export function dueConditions(due: AnyColumn, state: AnyColumn, activeStates: readonly string[], w: DueWindow): SQL[] {
  const out: SQL[] = [];
  if (w.dueBefore) out.push(isNotNull(due), lt(due, w.dueBefore), inArray(state, [...activeStates]));
  if (w.dueFrom) out.push(gte(due, w.dueFrom));
  return out;
}
