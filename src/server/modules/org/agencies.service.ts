// Domain logic of agencies: views with actions, create and update inside a unit the admin holds.
import type { AgencyCreateBody, AgencyPatchBody, AgencyView } from '../../../common/org.schema';
import type { Db, Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { actionsFor, assertCan } from '../../platform/policy';
import { findAgencyWithPath, insertAgency, listAgenciesOfUnit, updateAgencyFields, type AgencyRow } from './agencies.queries';
import { isUniqueViolation } from '../../db/errors';
import { orgErrors } from './org.errors';
import { isActiveOn, todayVn } from './org.guards';
import { findUnitById } from './units.queries';

const AGENCY_ACTIONS = ['agency.manage'] as const;

export function toAgencyView(actor: Actor, row: AgencyRow, unitPath: string, today = todayVn()): AgencyView {
  return {
    id: row.id,
    unitId: row.unitId,
    code: row.code,
    name: row.name,
    kind: row.kind,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: isActiveOn(today, row.validFrom, row.validTo),
    actions: actionsFor(actor, AGENCY_ACTIONS, { unitPath }),
  };
}

async function mapCodeConflict<T>(code: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (code !== undefined && isUniqueViolation(err, 'agencies_code_uq')) throw orgErrors.agencyCodeTaken(code);
    throw err;
  }
}

/** Agencies of a unit: like the unit tree, the structure is readable by every signed-in staff member. */
export async function listAgencies(db: Tx, actor: Actor, unitId: string): Promise<AgencyView[]> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw orgErrors.unitNotFound();
  return listAgenciesOf(db, actor, unit);
}

/** The same for a unit the caller has already read. */
export async function listAgenciesOf(db: Tx, actor: Actor, unit: { id: string; path: string }): Promise<AgencyView[]> {
  const today = todayVn();
  return (await listAgenciesOfUnit(db, unit.id)).map((a) => toAgencyView(actor, a, unit.path, today));
}

/** An agency by id with its unit's path, or undefined: other modules check `agency.unitId` against their records. */
export function findAgency(db: Tx, id: string) {
  return findAgencyWithPath(db, id);
}

export async function createAgency(db: Db, ctx: Ctx, unitId: string, body: AgencyCreateBody): Promise<AgencyView> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw orgErrors.unitNotFound();
  assertCan(ctx.actor, 'agency.manage', { unitPath: unit.path });
  const row = {
    unitId: unit.id,
    code: body.code,
    name: body.name,
    kind: body.kind,
    validFrom: body.validFrom ?? null,
    validTo: body.validTo ?? null,
  };
  const id = await mapCodeConflict(body.code, () =>
    db.transaction(async (tx) => {
      const newId = await insertAgency(tx, row);
      await recordAudit(tx, ctx, { action: 'agency.create', entityType: 'agency', entityId: newId, unitId: unit.id, after: { id: newId, ...row } });
      return newId;
    }),
  );
  return toAgencyView(ctx.actor, { id, ...row }, unit.path);
}

export async function updateAgency(db: Db, ctx: Ctx, id: string, body: AgencyPatchBody): Promise<AgencyView> {
  const found = await findAgencyWithPath(db, id);
  if (!found) throw orgErrors.agencyNotFound();
  assertCan(ctx.actor, 'agency.manage', { unitPath: found.unitPath });
  const { unitPath, ...before } = found;
  const validFrom = body.validFrom !== undefined ? body.validFrom : before.validFrom;
  const validTo = body.validTo !== undefined ? body.validTo : before.validTo;
  if (validFrom && validTo && validTo < validFrom)
    throw orgErrors.invalidField('body.validTo', 'Ngày hết hiệu lực phải bằng hoặc sau ngày bắt đầu hiệu lực');
  const after: AgencyRow = {
    ...before,
    ...(body.code !== undefined ? { code: body.code } : {}),
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    validFrom,
    validTo,
  };
  await mapCodeConflict(body.code, () =>
    db.transaction(async (tx) => {
      const { id: _id, unitId: _unitId, ...fields } = after;
      await updateAgencyFields(tx, id, fields);
      await recordAudit(tx, ctx, { action: 'agency.update', entityType: 'agency', entityId: id, unitId: before.unitId, before, after });
    }),
  );
  return toAgencyView(ctx.actor, after, unitPath);
}
