// Whether an actor may manage the procedures of a unit's catalog, or of the national catalog (no unit).
import type { Actor } from '../../platform/auth/actor';
import { can, type Action } from '../../platform/policy';

/**
 * A unit's catalog is managed by the admins of that unit or of a unit above it (the grant covers the subtree).
 * The national catalog (unitPath null) has no unit to hold a grant on, so it needs the right on a top-level
 * unit, as for the national calendar: an admin of one ward cannot change what every province publishes.
 */
export function canOnCatalog(actor: Actor, action: Action, unitPath: string | null): boolean {
  if (unitPath !== null) return can(actor, action, { unitPath });
  return actor.grants.some((g) => g.unitDepth === 0 && can(actor, action, { unitPath: g.unitPath }));
}
