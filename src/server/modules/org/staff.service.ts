// Domain logic of staff accounts: scoped lists and reads, create, update, password reset, role grants.
import type { GrantBody, StaffCreateBody, StaffListQuery, StaffPage, StaffPatchBody, StaffView } from '../../../common/org.schema';
import type { Db, Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/secrets';
import { endSessionsOf } from '../../platform/auth/sessions';
import { errors } from '../../platform/errors';
import { actionsFor, assertCan, can, scopePaths } from '../../platform/policy';
import { findAgencyWithPath } from './agencies.queries';
import { decodeStaffCursor, encodeStaffCursor } from './org.cursor';
import { isUniqueViolation } from '../../db/errors';
import { orgErrors } from './org.errors';
import {
  deleteGrant,
  findStaffRow,
  grantsOf,
  insertGrant,
  insertStaff,
  listStaffRows,
  updateStaffFields,
  type GrantRow,
  type StaffFields,
  type StaffRow,
} from './staff.queries';
import { findUnitById } from './units.queries';

const STAFF_ACTIONS = ['staff.read', 'staff.manage'] as const;

export function toStaffView(actor: Actor, row: StaffRow, grants: readonly GrantRow[], now = new Date()): StaffView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    title: row.title,
    unitId: row.unitId,
    unitName: row.unitName,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    active: row.active,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    grants: grants.filter((g) => g.staffId === row.id).map((g) => ({ id: g.id, role: g.role, unitId: g.unitId, unitName: g.unitName })),
    actions: actionsFor(actor, STAFF_ACTIONS, { unitPath: row.unitPath }),
  };
}

/** What the audit trail keeps of an account: no hash, no lockout counters. */
function snapshot(row: StaffRow, grants: readonly GrantRow[]) {
  const { id, username, fullName, email, phone, title, unitId, agencyId, active } = row;
  return { id, username, fullName, email, phone, title, unitId, agencyId, active, grants: grants.map((g) => ({ role: g.role, unitId: g.unitId })) };
}

async function loadStaff(db: Tx, id: string) {
  const row = await findStaffRow(db, id);
  if (!row) throw orgErrors.staffNotFound();
  return { row, grants: await grantsOf(db, [id]) };
}

/**
 * A staff member the actor may read (staff.read on their unit), with their grants. Access first: 403
 * without staff.read anywhere; an account outside the actor's units is not found (404), as one that
 * does not exist, so that nobody learns of accounts they may not see.
 */
async function visibleStaff(db: Tx, actor: Actor, id: string) {
  assertCan(actor, 'staff.read');
  const row = await findStaffRow(db, id);
  if (!row || !can(actor, 'staff.read', { unitPath: row.unitPath })) throw orgErrors.staffNotFound();
  return { row, grants: await grantsOf(db, [id]) };
}

/** A staff member by id with their unit path, or undefined, for other modules (e.g. to assign work). */
export async function findStaffMember(db: Tx, id: string): Promise<StaffRow | undefined> {
  return findStaffRow(db, id);
}

export async function listStaff(db: Tx, actor: Actor, q: StaffListQuery): Promise<StaffPage> {
  assertCan(actor, 'staff.read');
  const paths = scopePaths(actor, 'staff.read');
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await findUnitById(db, q.unitId);
    if (!unit) throw orgErrors.unitNotFound();
    // A unit above the scope narrows nothing; a unit wholly outside it is refused rather than silently empty.
    const overlaps = paths.some((p) => unit.path.startsWith(p) || p.startsWith(unit.path));
    if (!overlaps) throw errors.forbidden('staff.read');
    unitPath = unit.path;
  }
  const rows = await listStaffRows(db, {
    scopePaths: paths,
    unitPath,
    q: q.q,
    role: q.role,
    active: q.active,
    after: q.cursor ? decodeStaffCursor(q.cursor) : undefined,
    limit: q.limit,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const grants = await grantsOf(db, page.map((r) => r.id));
  const now = new Date();
  return {
    items: page.map((r) => toStaffView(actor, r, grants, now)),
    nextCursor: rows.length > q.limit && last ? encodeStaffCursor(last.fullName, last.id) : null,
  };
}

export async function getStaff(db: Tx, actor: Actor, id: string): Promise<StaffView> {
  const { row, grants } = await visibleStaff(db, actor, id);
  return toStaffView(actor, row, grants);
}

/** The agency must sit in the staff member's unit. */
async function checkAgency(db: Tx, agencyId: string, unitId: string) {
  const agency = await findAgencyWithPath(db, agencyId);
  if (!agency || agency.unitId !== unitId)
    throw orgErrors.invalidField('body.agencyId', 'Cơ quan không thuộc đơn vị của cán bộ');
}

/** Grants only on units inside the admin's own scope (staff.manage), and only on units that exist. */
async function checkGrantUnit(db: Tx, actor: Actor, unitId: string, path: string) {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw orgErrors.invalidField(path, 'Không tìm thấy đơn vị được cấp quyền');
  assertCan(actor, 'staff.manage', { unitPath: unit.path });
}

async function mapUsernameConflict<T>(username: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'staff_username_uq')) throw orgErrors.usernameTaken(username);
    throw err;
  }
}

export async function createStaff(db: Db, ctx: Ctx, body: StaffCreateBody): Promise<StaffView> {
  const unit = await findUnitById(db, body.unitId);
  if (!unit) throw orgErrors.invalidField('body.unitId', 'Không tìm thấy đơn vị');
  assertCan(ctx.actor, 'staff.manage', { unitPath: unit.path });
  const grants = body.grants ?? [];
  for (const [i, g] of grants.entries()) await checkGrantUnit(db, ctx.actor, g.unitId, `body.grants.${i}.unitId`);
  if (body.agencyId) await checkAgency(db, body.agencyId, unit.id);
  // Hashing is slow on purpose (argon2id): do it before the transaction opens.
  const passwordHash = await hashPassword(body.password);
  const id = await mapUsernameConflict(body.username, () =>
    db.transaction(async (tx) => {
      const newId = await insertStaff(tx, {
        username: body.username,
        fullName: body.fullName,
        email: body.email ?? null,
        phone: body.phone ?? null,
        title: body.title ?? null,
        unitId: unit.id,
        agencyId: body.agencyId ?? null,
        passwordHash,
      });
      for (const g of grants) await insertGrant(tx, { staffId: newId, role: g.role, unitId: g.unitId });
      const created = await loadStaff(tx, newId);
      await recordAudit(tx, ctx, { action: 'staff.create', entityType: 'staff', entityId: newId, unitId: unit.id, after: snapshot(created.row, created.grants) });
      return newId;
    }),
  );
  return getStaff(db, ctx.actor, id);
}

export async function updateStaff(db: Db, ctx: Ctx, id: string, body: StaffPatchBody): Promise<StaffView> {
  const before = await visibleStaff(db, ctx.actor, id);
  assertCan(ctx.actor, 'staff.manage', { unitPath: before.row.unitPath });
  if (body.active === false && id === ctx.actor.id) throw orgErrors.cannotDisableSelf();

  const fields: StaffFields = {};
  let unitId = before.row.unitId;
  if (body.unitId !== undefined && body.unitId !== unitId) {
    const unit = await findUnitById(db, body.unitId);
    if (!unit) throw orgErrors.invalidField('body.unitId', 'Không tìm thấy đơn vị');
    assertCan(ctx.actor, 'staff.manage', { unitPath: unit.path });
    unitId = fields.unitId = unit.id;
  }
  if (body.agencyId !== undefined) {
    if (body.agencyId) await checkAgency(db, body.agencyId, unitId);
    fields.agencyId = body.agencyId;
  } else if (fields.unitId && before.row.agencyId) {
    // Moved to another unit without naming an agency: the old agency belongs to the old unit.
    fields.agencyId = null;
  }
  if (body.fullName !== undefined) fields.fullName = body.fullName;
  if (body.email !== undefined) fields.email = body.email;
  if (body.phone !== undefined) fields.phone = body.phone;
  if (body.title !== undefined) fields.title = body.title;
  if (body.active !== undefined) fields.active = body.active;
  if (body.unlock) {
    fields.lockedUntil = null;
    fields.failedLogins = 0;
  }
  const disabling = body.active === false && before.row.active;

  await db.transaction(async (tx) => {
    if (Object.keys(fields).length > 0) await updateStaffFields(tx, id, fields);
    // A disabled account must not keep working through a session opened earlier.
    if (disabling) await endSessionsOf(tx, id);
    const after = await loadStaff(tx, id);
    await recordAudit(tx, ctx, {
      action: disabling ? 'staff.disable' : body.unlock ? 'staff.unlock' : 'staff.update',
      entityType: 'staff',
      entityId: id,
      unitId: after.row.unitId,
      before: snapshot(before.row, before.grants),
      after: { ...snapshot(after.row, after.grants), ...(body.unlock ? { unlocked: true } : {}) },
    });
  });
  return getStaff(db, ctx.actor, id);
}

export async function setPassword(db: Db, ctx: Ctx, id: string, password: string): Promise<void> {
  const { row } = await visibleStaff(db, ctx.actor, id);
  assertCan(ctx.actor, 'staff.manage', { unitPath: row.unitPath });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateStaffFields(tx, id, { passwordHash, failedLogins: 0, lockedUntil: null });
    // Whoever knew the old password loses the sessions opened with it.
    await endSessionsOf(tx, id);
    await recordAudit(tx, ctx, { action: 'staff.password_reset', entityType: 'staff', entityId: id, unitId: row.unitId });
  });
}

export async function addGrant(db: Db, ctx: Ctx, id: string, body: GrantBody): Promise<StaffView> {
  const before = await visibleStaff(db, ctx.actor, id);
  assertCan(ctx.actor, 'staff.manage', { unitPath: before.row.unitPath });
  await checkGrantUnit(db, ctx.actor, body.unitId, 'body.unitId');
  await db.transaction(async (tx) => {
    const grantId = await insertGrant(tx, { staffId: id, role: body.role, unitId: body.unitId });
    // The same grant again changes nothing and writes nothing.
    if (grantId)
      await recordAudit(tx, ctx, {
        action: 'staff.grant',
        entityType: 'staff',
        entityId: id,
        unitId: body.unitId,
        after: { grantId, role: body.role, unitId: body.unitId },
      });
  });
  return getStaff(db, ctx.actor, id);
}

export async function removeGrant(db: Db, ctx: Ctx, id: string, grantId: string): Promise<StaffView> {
  const before = await visibleStaff(db, ctx.actor, id);
  assertCan(ctx.actor, 'staff.manage', { unitPath: before.row.unitPath });
  const grant = before.grants.find((g) => g.id === grantId);
  if (!grant) throw orgErrors.grantNotFound();
  if (!can(ctx.actor, 'staff.manage', { unitPath: grant.unitPath })) throw errors.forbidden('staff.manage');
  await db.transaction(async (tx) => {
    await deleteGrant(tx, grantId);
    await recordAudit(tx, ctx, {
      action: 'staff.revoke',
      entityType: 'staff',
      entityId: id,
      unitId: grant.unitId,
      before: { grantId, role: grant.role, unitId: grant.unitId },
    });
  });
  return getStaff(db, ctx.actor, id);
}
