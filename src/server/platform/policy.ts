// The one policy layer: can(actor, action, resource) decides every permission from the modules' rules.
import type { Role } from '../../common/roles';
import { orgRules } from '../modules/org/org.policy';
import { procedureRules } from '../modules/procedures/procedures.policy';
import { dossierRules } from '../modules/dossiers/dossiers.policy';
import { letterRules } from '../modules/letters/letters.policy';
import { open311Rules } from '../modules/open311/open311.policy';
import { platformRules } from './platform.policy';
import type { Actor } from './auth/actor';
import { errors } from './errors';

/** A rule lists the roles allowed; `rootOnly` means the grant must be on a top-level unit (e.g. the national calendar). */
export interface Rule {
  roles: readonly Role[];
  rootOnly?: boolean;
}

const RULES = { ...platformRules, ...orgRules, ...procedureRules, ...dossierRules, ...letterRules, ...open311Rules } satisfies Record<string, Rule>;
export type Action = keyof typeof RULES;
export const ALL_ACTIONS = Object.keys(RULES) as Action[];

/** What a permission is checked against: the unit a record belongs to, or nothing for unit-less actions. */
export interface Resource {
  unitPath: string;
}

export function can(actor: Actor, action: Action, resource?: Resource | null): boolean {
  return grantsCover(actor, RULES[action], resource);
}

/**
 * The rule check behind `can`, for rules that are data rather than registered actions (workflow
 * definitions list their roles per action): a grant of one of the roles on the resource's unit or above.
 */
export function grantsCover(actor: Actor, rule: Rule, resource?: Resource | null): boolean {
  return actor.grants.some(
    (g) =>
      rule.roles.includes(g.role) &&
      (!rule.rootOnly || g.unitDepth === 0) &&
      (!resource || resource.unitPath.startsWith(g.unitPath)),
  );
}

export function assertCan(actor: Actor, action: Action, resource?: Resource | null): void {
  if (!can(actor, action, resource)) throw errors.forbidden(action);
}

/** The actions from `candidates` that the actor may take on the resource, for the UI to show. */
export function actionsFor<A extends Action>(actor: Actor, candidates: readonly A[], resource?: Resource | null): A[] {
  return candidates.filter((a) => can(actor, a, resource));
}

/**
 * The unit paths under which the actor may take the action: a query restricts rows to
 * `path LIKE p || '%'` for one of them. An empty list means nothing is visible.
 */
export function scopePaths(actor: Actor, action: Action): string[] {
  const rule: Rule = RULES[action];
  const paths = actor.grants
    .filter((g) => rule.roles.includes(g.role) && (!rule.rootOnly || g.unitDepth === 0))
    .map((g) => g.unitPath)
    .sort((a, b) => a.length - b.length);
  // Drop paths covered by a shorter one, so queries stay small.
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}
