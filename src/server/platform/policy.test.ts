// Property tests of the policy: a grant covers its unit and the units below it, and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../common/roles';
import type { Actor } from './auth/actor';
import { actionsFor, ALL_ACTIONS, can, scopePaths } from './policy';

// A small tree of paths: /p/ (root) > /p/a/, /p/b/ > /p/a/x/
const PATHS = ['/p/', '/p/a/', '/p/b/', '/p/a/x/', '/q/'] as const;
const depthOf = (p: string) => p.split('/').filter(Boolean).length - 1;

const grantArb = fc.record({ role: fc.constantFrom(...ROLES), unitPath: fc.constantFrom(...PATHS) });
const actorArb = fc.array(grantArb, { maxLength: 4 }).map(
  (grants): Actor => ({
    id: '00000000-0000-4000-8000-000000000000',
    username: 'u',
    fullName: 'U',
    unitId: 'x',
    grants: grants.map((g) => ({ role: g.role, unitPath: g.unitPath, unitId: g.unitPath, unitName: g.unitPath, unitDepth: depthOf(g.unitPath) })),
  }),
);

describe('policy', () => {
  it('allows an action on a unit only through a grant on that unit or an ancestor', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ALL_ACTIONS), fc.constantFrom(...PATHS), (actor, action, path) => {
        const allowed = can(actor, action, { unitPath: path });
        const ancestorGrant = actor.grants.some((g) => path.startsWith(g.unitPath) && can({ ...actor, grants: [g] }, action));
        expect(allowed).toBe(ancestorGrant);
      }),
    );
  });

  it('scopes queries to exactly the units the actor may act on', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ALL_ACTIONS), fc.constantFrom(...PATHS), (actor, action, path) => {
        const inScope = scopePaths(actor, action).some((p) => path.startsWith(p));
        expect(inScope).toBe(can(actor, action, { unitPath: path }));
      }),
    );
  });

  it('never lets a commune grant reach a sibling commune', () => {
    const actor: Actor = {
      id: 'a',
      username: 'a',
      fullName: 'A',
      unitId: 'a',
      grants: [{ role: 'admin', unitId: 'a', unitName: 'A', unitPath: '/p/a/', unitDepth: 1 }],
    };
    expect(can(actor, 'staff.manage', { unitPath: '/p/a/x/' })).toBe(true);
    expect(can(actor, 'staff.manage', { unitPath: '/p/b/' })).toBe(false);
    expect(can(actor, 'staff.manage', { unitPath: '/p/' })).toBe(false);
    // The national calendar needs an administrator of a top-level unit.
    expect(can(actor, 'calendar.manage')).toBe(false);
    expect(actionsFor(actor, ['unit.update', 'unit.read'], { unitPath: '/p/b/' })).toEqual([]);
    expect(actionsFor(actor, ['unit.update', 'unit.read'], { unitPath: '/p/a/x/' })).toEqual(['unit.update', 'unit.read']);
  });
});
