// Property: for random grants on a random unit tree, the staff list (all pages) returns exactly the staff under the grants.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles';
import type { Actor } from '../../platform/auth/actor';
import { startTestApp, type TestApp } from '../../testing/harness';
import { insertStaff } from './staff.queries';
import { listStaff } from './staff.service';
import { insertUnits, listSubtree, type UnitInsert } from './units.queries';

let t: TestApp;
let tree: UnitInsert[] = [];
const staffUnit = new Map<string, string>(); // staff id -> unit path

beforeAll(async () => {
  t = await startTestApp();
  // A fixed pseudo-random tree of 40 units under the demo province, 120 staff spread over it.
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const root = (await listSubtree(t.db, '/'))[0];
  if (!root) throw new Error('no demo province');
  tree = [{ ...root, parentId: null }];
  for (let i = 0; i < 40; i++) {
    const parent = tree[rnd(tree.length)] as UnitInsert;
    const id = crypto.randomUUID();
    tree.push({ id, parentId: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1, code: `PT${i}`, name: `Đơn vị ${i}`, kind: 'commune', validFrom: null, validTo: null, note: null });
  }
  await insertUnits(t.db, tree.slice(1));
  for (let i = 0; i < 120; i++) {
    const unit = tree[rnd(tree.length)] as UnitInsert;
    // Few distinct names, so that paging must rely on the id as tie-breaker.
    const id = await insertStaff(t.db, { username: `pt.${i}`, fullName: `Cán bộ ${rnd(5)}`, email: null, phone: null, title: null, unitId: unit.id, agencyId: null, passwordHash: 'not-a-login' });
    staffUnit.set(id, unit.path);
  }
  // The demo staff count too: they sit in units of the same tree.
  const pathOf = new Map((await listSubtree(t.db, '/')).map((u) => [u.id, u.path]));
  for (const s of (await listStaff(t.db, actorOn([{ role: 'admin', unit: root }]), { limit: 200 })).items)
    if (!staffUnit.has(s.id)) staffUnit.set(s.id, pathOf.get(s.unitId) ?? '?');
});
afterAll(() => t.close());

function actorOn(grants: Array<{ role: Role; unit: Pick<UnitInsert, 'id' | 'name' | 'path' | 'depth'> }>): Actor {
  return {
    id: crypto.randomUUID(),
    username: 'property',
    fullName: 'Property',
    unitId: grants[0]?.unit.id ?? '',
    grants: grants.map(({ role, unit }) => ({ role, unitId: unit.id, unitName: unit.name, unitPath: unit.path, unitDepth: unit.depth })),
  };
}

describe('staff list scope', () => {
  it('never returns staff outside the grants’ subtrees, and returns each one inside exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ unit: fc.nat({ max: 40 }), role: fc.constantFrom<Role>('admin', 'leader', 'viewer') }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 60 }),
        async (picks, limit) => {
          const grants = picks.map((p) => ({ role: p.role, unit: tree[p.unit] as UnitInsert }));
          const actor = actorOn(grants);
          const readable = grants.filter((g) => g.role !== 'viewer').map((g) => g.unit.path);
          if (readable.length === 0) {
            await expect(listStaff(t.db, actor, { limit })).rejects.toMatchObject({ code: 'forbidden' });
            return;
          }
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let i = 0; i < 500; i++) {
            const page = await listStaff(t.db, actor, { limit, ...(cursor ? { cursor } : {}) });
            seen.push(...page.items.map((s) => s.id));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          const expected = [...staffUnit].filter(([, path]) => readable.some((p) => path.startsWith(p))).map(([id]) => id);
          expect(new Set(seen).size).toBe(seen.length);
          expect([...seen].sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 40 },
    );
  });
});
