// The unit a statistics request counts: one inside the user's scope for the statistics action, by default the top unit of their grants.
import type { Tx } from '../../db/client';
import { getUnit, type UnitRow } from '../../modules/org/units.service';
import type { Actor } from '../auth/actor';
import { errors } from '../errors';
import { scopePaths, type Action } from '../policy';

/** 403 for a unit outside the user's scope (404 unit_not_found for no such unit). */
export async function reportUnit(db: Tx, actor: Actor, action: Action, unitId: string | undefined): Promise<UnitRow> {
  const paths = scopePaths(actor, action);
  if (unitId) {
    const unit = await getUnit(db, unitId);
    if (!paths.some((p) => unit.path.startsWith(p))) throw errors.forbidden(action);
    return unit;
  }
  // Paths are `/id/.../id/`, shortest first: the last id of the first one is the user's top unit.
  const top = paths[0]?.split('/').filter(Boolean).pop();
  if (!top) throw errors.forbidden(action);
  return getUnit(db, top);
}

/** The unit's children valid at some day of the period: each has a row, with zeros when nothing happened there. */
export function childrenInPeriod(root: UnitRow, subtree: readonly UnitRow[], fromDate: string, toDate: string): UnitRow[] {
  return subtree.filter(
    (u) => u.parentId === root.id && (u.validFrom === null || u.validFrom <= toDate) && (u.validTo === null || u.validTo >= fromDate),
  );
}

/** The row a unit of the subtree rolls up to: the root itself, or the root's child above it (paths are `/id/id/.../`). */
export function rollUpTo(root: UnitRow, unitPath: string): string {
  return unitPath.split('/').filter(Boolean)[root.depth + 1] ?? root.id;
}
