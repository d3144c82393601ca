// Permission checks of the org module that the per-unit rules of org.policy.ts cannot express on their own.
import type { Actor } from '../../platform/auth/actor';
import { dayOfInstant, formatDate } from '../../platform/calendar/local-date';
import { errors } from '../../platform/errors';

/**
 * A top-level unit (a province) has no parent to hold an admin grant on, so creating or
 * moving one to the top needs an administrator of some top-level unit, like the rootOnly rules.
 */
export function canManageRootUnits(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin' && g.unitDepth === 0);
}

export function assertCanManageRootUnits(actor: Actor): void {
  if (!canManageRootUnits(actor)) throw errors.forbidden('unit.create');
}

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD: validity dates are reckoned there, whatever the server's zone. */
export function todayVn(now = new Date()): string {
  return formatDate(dayOfInstant(now));
}

export function isActiveOn(day: string, validFrom: string | null, validTo: string | null): boolean {
  return (!validFrom || validFrom <= day) && (!validTo || validTo >= day);
}

