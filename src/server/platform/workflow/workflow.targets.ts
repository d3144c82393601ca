// Whom and where an action names (a transfer's target unit and agency, an assignee), checked
// against units, agencies and staff kept per process until one is written (db/notified-cache.ts).
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { cacheOf, frozen } from '../../db/notified-cache';
import { pathIds } from '../../db/scope';
import { agencies, roleGrants, staff, units } from '../../db/schema';
import { errors } from '../errors';
import type { Lang } from '../locale';
import type { TransitionInput } from './fields';

/** Agencies, units and staff as transitions check them, kept per process until one is written (db/notified-cache.ts). */
const KEPT = { freshMs: 60_000, maxEntries: 10_000 };
const agencyUnit = (tx: Tx, id: string) =>
  cacheOf<{ unitId: string }>(tx, 'workflow-agency-unit', KEPT).get(id, async () => frozen((await tx.select({ unitId: agencies.unitId }).from(agencies).where(eq(agencies.id, id)))[0]));
const unitThere = (tx: Tx, id: string) =>
  cacheOf<{ id: string; path: string }>(tx, 'workflow-unit', KEPT).get(id, async () =>
    frozen((await tx.select({ id: units.id, path: units.path }).from(units).where(eq(units.id, id)))[0]),
  );
/** Whether a staff member is active, their own unit and their grants (role_grants writes are notified too: migration 0021). */
const assignable = (tx: Tx, id: string) =>
  cacheOf<{ active: boolean; unitId: string; grants: readonly { unitId: string; role: string }[] }>(tx, 'workflow-assignee', KEPT).get(id, async () => {
    const [s] = await tx.select({ active: staff.active, unitId: staff.unitId }).from(staff).where(eq(staff.id, id));
    if (!s) return undefined;
    const grants = await tx.select({ unitId: roleGrants.unitId, role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.staffId, id));
    return frozen({ active: s.active, unitId: s.unitId, grants });
  });

/** Target unit and agency of a transfer: the agency decides the unit when only the agency is given. */
export async function transferTarget(tx: Tx, input: TransitionInput, prefix: string, lang: Lang): Promise<{ unitId: string | null; agencyId: string | null }> {
  const issue = (path: string, vi: string, en: string): never => {
    throw errors.validation([{ path: `${prefix}.${path}`, message: lang === 'vi' ? vi : en }]);
  };
  let unitId = input.toUnitId ?? null;
  const agencyId = input.toAgencyId ?? null;
  if (agencyId) {
    const a = await agencyUnit(tx, agencyId);
    if (!a) return issue('toAgencyId', 'Không tìm thấy cơ quan', 'No such agency');
    if (unitId && unitId !== a.unitId) return issue('toAgencyId', 'Cơ quan không thuộc đơn vị nhận', 'The agency is not in the target unit');
    unitId = a.unitId;
  } else if (unitId) {
    const u = await unitThere(tx, unitId);
    if (!u) return issue('toUnitId', 'Không tìm thấy đơn vị', 'No such unit');
  }
  return { unitId, agencyId };
}

/** The materialised path of a unit (`/root/…/unit/`), for a case moved to another unit by its step. */
export async function unitPathOf(tx: Tx, unitId: string): Promise<string | null> {
  return (await unitThere(tx, unitId))?.path ?? null;
}

/**
 * The assignee must be active staff with a grant, on the unit that will hold the case or a unit above it, of one of
 * `roles` (those that work the state the case enters: `assigneeRoles`): whoever is named sees the case, so no one
 * outside the case's units may be named, and someone who could not act on it would leave it stuck.
 */
export async function checkAssignee(tx: Tx, assigneeId: string, unitPath: string, roles: readonly string[], prefix: string, lang: Lang): Promise<void> {
  const say = (vi: string, en: string) => errors.validation([{ path: `${prefix}.assigneeId`, message: lang === 'vi' ? vi : en }]);
  const notHere = () => say('Cán bộ không thuộc đơn vị đang giải quyết', 'Not a staff member of the unit handling the case');
  const s = await assignable(tx, assigneeId);
  if (!s?.active) throw say('Không tìm thấy cán bộ đang hoạt động', 'No such active staff member');
  const path = pathIds(unitPath);
  const onPath = new Set(path);
  const here = s.grants.filter((g) => onPath.has(g.unitId));
  if (here.length === 0) throw notHere();
  const fitting = here.filter((g) => roles.includes(g.role));
  if (fitting.length === 0) throw say('Cán bộ không có vai trò giải quyết bước tiếp theo', 'The staff member holds no role that works the next step');
  // A grant above covers the case for reading and acting, but the case is worked by the staff of its own unit (or one granted the role on that very unit): a province department's specialist is not named to a commune's case.
  const caseUnit = path[path.length - 1];
  if (s.unitId !== caseUnit && !fitting.some((g) => g.unitId === caseUnit)) throw notHere();
}
