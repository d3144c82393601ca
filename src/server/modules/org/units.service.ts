// Domain logic of administrative units: views with actions, create, update, re-parent; exported lookups for other modules.
import type { UnitCreateBody, UnitDetailView, UnitPatchBody, UnitSearchQuery, UnitView } from '../../../common/org.schema';
import type { Db, Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { actionsFor, assertCan } from '../../platform/policy';
import { listAgenciesOfUnit } from './agencies.queries';
import { toAgencyView } from './agencies.service';
import { isUniqueViolation } from '../../db/errors';
import { orgErrors } from './org.errors';
import { assertCanManageRootUnits, isActiveOn, todayVn } from './org.guards';
import {
  findUnitById,
  insertUnits,
  listAllUnits,
  listSubtree,
  moveSubtree,
  searchUnits,
  updateUnitFields,
  type UnitFields,
  type UnitRow,
} from './units.queries';

export type { UnitRow } from './units.queries';

export const UNIT_ACTIONS = ['unit.update', 'unit.create', 'unit.import', 'agency.manage', 'staff.read', 'staff.manage'] as const;
const SEARCH_LIMIT = 100;

export function toUnitView(actor: Actor, row: UnitRow, today = todayVn()): UnitView {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    kind: row.kind,
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
    depth: row.depth,
    childCount: row.childCount,
    active: isActiveOn(today, row.validFrom, row.validTo),
    actions: actionsFor(actor, UNIT_ACTIONS, { unitPath: row.path }),
  };
}

/** What the audit trail keeps of a unit. */
function snapshot(u: UnitRow) {
  const { id, parentId, path, depth, code, name, kind, validFrom, validTo, note } = u;
  return { id, parentId, path, depth, code, name, kind, validFrom, validTo, note };
}

// ---------- lookups other modules may call ----------

/** A unit with its materialised path (for `assertCan(actor, action, { unitPath: unit.path })`), or undefined. */
export function findUnit(db: Tx, id: string): Promise<UnitRow | undefined> {
  return findUnitById(db, id);
}

/** Like findUnit, but answers 404 unit_not_found when there is no such unit. */
export async function getUnit(db: Tx, id: string): Promise<UnitRow> {
  const unit = await findUnitById(db, id);
  if (!unit) throw orgErrors.unitNotFound();
  return unit;
}

/** The unit and every unit below it (dissolved ones included), ordered by path. */
export async function unitsUnder(db: Tx, unitId: string): Promise<UnitRow[]> {
  const unit = await getUnit(db, unitId);
  return listSubtree(db, unit.path);
}

// ---------- reads ----------

/** The whole structure is not secret: every signed-in staff member reads it (see org.policy.ts). */
export async function listUnitTree(db: Tx, actor: Actor, includeInactive: boolean): Promise<UnitView[]> {
  const today = todayVn();
  const rows = await listAllUnits(db, { includeInactive, today });
  return rows.map((r) => toUnitView(actor, r, today));
}

export async function searchUnitViews(db: Tx, actor: Actor, q: UnitSearchQuery): Promise<UnitView[]> {
  const today = todayVn();
  const rows = await searchUnits(db, { ...q, today, limit: SEARCH_LIMIT });
  return rows.map((r) => toUnitView(actor, r, today));
}

export async function getUnitDetail(db: Tx, actor: Actor, id: string): Promise<UnitDetailView> {
  const unit = await getUnit(db, id);
  const today = todayVn();
  const parent = unit.parentId ? await findUnitById(db, unit.parentId) : undefined;
  const agencyRows = await listAgenciesOfUnit(db, unit.id);
  return {
    ...toUnitView(actor, unit, today),
    parent: parent ? { id: parent.id, name: parent.name } : null,
    agencies: agencyRows.map((a) => toAgencyView(actor, a, unit.path, today)),
  };
}

// ---------- writes ----------

function validityError(validFrom: string | null | undefined, validTo: string | null | undefined) {
  if (validFrom && validTo && validTo < validFrom)
    return orgErrors.invalidField('body.validTo', 'Ngày hết hiệu lực phải bằng hoặc sau ngày bắt đầu hiệu lực');
  return null;
}

async function mapCodeConflict<T>(code: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (code !== undefined && isUniqueViolation(err, 'units_code_uq')) throw orgErrors.unitCodeTaken(code);
    throw err;
  }
}

export async function createUnit(db: Db, ctx: Ctx, body: UnitCreateBody): Promise<UnitView> {
  let parent: UnitRow | undefined;
  if (body.parentId) {
    parent = await findUnitById(db, body.parentId);
    if (!parent) throw orgErrors.invalidField('body.parentId', 'Không tìm thấy đơn vị cấp trên');
    assertCan(ctx.actor, 'unit.create', { unitPath: parent.path });
  } else {
    assertCanManageRootUnits(ctx.actor);
  }
  const id = crypto.randomUUID();
  const row = {
    id,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    code: body.code,
    name: body.name,
    kind: body.kind,
    validFrom: body.validFrom ?? null,
    validTo: body.validTo ?? null,
    note: body.note ?? null,
  };
  const created = await mapCodeConflict(body.code, () =>
    db.transaction(async (tx) => {
      await insertUnits(tx, [row]);
      const unit = await getUnit(tx, id);
      await recordAudit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: id, unitId: id, after: snapshot(unit) });
      return unit;
    }),
  );
  return toUnitView(ctx.actor, created);
}

export async function updateUnit(db: Db, ctx: Ctx, id: string, body: UnitPatchBody): Promise<UnitView> {
  const unit = await getUnit(db, id);
  assertCan(ctx.actor, 'unit.update', { unitPath: unit.path });

  let move: { newParentId: string | null; newPath: string; depthDelta: number } | null = null;
  if (body.parentId !== undefined && body.parentId !== unit.parentId) {
    if (body.parentId === null) {
      assertCanManageRootUnits(ctx.actor);
      move = { newParentId: null, newPath: `/${id}/`, depthDelta: -unit.depth };
    } else {
      const parent = await findUnitById(db, body.parentId);
      if (!parent) throw orgErrors.invalidField('body.parentId', 'Không tìm thấy đơn vị cấp trên');
      // The new parent lies in the unit's own subtree (or is the unit): the tree would become a loop.
      if (parent.path.startsWith(unit.path)) throw orgErrors.unitCycle();
      // Moving a unit under another is like creating it there: the admin must hold that unit too.
      assertCan(ctx.actor, 'unit.create', { unitPath: parent.path });
      move = { newParentId: parent.id, newPath: `${parent.path}${id}/`, depthDelta: parent.depth + 1 - unit.depth };
    }
  }
  const invalid = validityError(
    body.validFrom !== undefined ? body.validFrom : unit.validFrom,
    body.validTo !== undefined ? body.validTo : unit.validTo,
  );
  if (invalid) throw invalid;

  const fields: UnitFields = {};
  if (body.code !== undefined) fields.code = body.code;
  if (body.name !== undefined) fields.name = body.name;
  if (body.kind !== undefined) fields.kind = body.kind;
  if (body.validFrom !== undefined) fields.validFrom = body.validFrom;
  if (body.validTo !== undefined) fields.validTo = body.validTo;
  if (body.note !== undefined) fields.note = body.note;

  const updated = await mapCodeConflict(body.code, () =>
    db.transaction(async (tx) => {
      if (Object.keys(fields).length > 0) await updateUnitFields(tx, id, fields);
      if (move) await moveSubtree(tx, { id, oldPath: unit.path, ...move });
      const after = await getUnit(tx, id);
      await recordAudit(tx, ctx, {
        action: move ? 'unit.move' : 'unit.update',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        before: snapshot(unit),
        after: snapshot(after),
      });
      return after;
    }),
  );
  return toUnitView(ctx.actor, updated);
}
