// Whom and where an action names (a transfer's target unit and agency, an assignee), checked
// against units, agencies and staff kept per process until one is written (db/notified-cache.ts).
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { cacheOf, frozen } from '../../db/notified-cache';
import { agencies, staff, units } from '../../db/schema';
import { errors } from '../errors';
import type { Lang } from '../locale';
import type { TransitionInput } from './fields';

/** Agencies, units and staff as transitions check them, kept per process until one is written (db/notified-cache.ts). */
const KEPT = { freshMs: 60_000, maxEntries: 10_000 };
const agencyUnit = (tx: Tx, id: string) =>
  cacheOf<{ unitId: string }>(tx, 'workflow-agency-unit', KEPT).get(id, async () => frozen((await tx.select({ unitId: agencies.unitId }).from(agencies).where(eq(agencies.id, id)))[0]));
const unitThere = (tx: Tx, id: string) =>
  cacheOf<{ id: string }>(tx, 'workflow-unit', KEPT).get(id, async () => frozen((await tx.select({ id: units.id }).from(units).where(eq(units.id, id)))[0]));
const staffActive = (tx: Tx, id: string) =>
  cacheOf<{ active: boolean }>(tx, 'workflow-staff-active', KEPT).get(id, async () => frozen((await tx.select({ active: staff.active }).from(staff).where(eq(staff.id, id)))[0]));

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

export async function checkAssignee(tx: Tx, assigneeId: string, prefix: string, lang: Lang): Promise<void> {
  const s = await staffActive(tx, assigneeId);
  if (!s?.active)
    throw errors.validation([{ path: `${prefix}.assigneeId`, message: lang === 'vi' ? 'Không tìm thấy cán bộ đang hoạt động' : 'No such active staff member' }]);
}
