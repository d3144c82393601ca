// Who sees which dossier: a staff member with a reading role on the unit where it is now or where it was received, or its assignee.
import type { Actor } from '../../platform/auth/actor';
import { can, scopePaths } from '../../platform/policy';
import { visibleTo } from './dossiers.queries';
import type { DossierWithUnits } from './dossiers.queries';

export function canSee(actor: Actor, d: DossierWithUnits): boolean {
  return (
    d.assigneeId === actor.id ||
    can(actor, 'dossier.read', { unitPath: d.unitPath }) ||
    can(actor, 'dossier.read', { unitPath: d.receivingUnitPath })
  );
}

/** The SQL condition of canSee, for lists and counts. */
export function visibleCondition(actor: Actor) {
  return visibleTo(scopePaths(actor, 'dossier.read'), actor.id);
}
