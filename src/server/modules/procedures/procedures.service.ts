// Domain logic of the procedure catalog: public search and pages, the staff list, create and update (audited).
import { isUniqueViolation } from '../../db/errors';
import { z } from 'zod';
import type {
  ProcedureCreateBody,
  ProcedureFieldList,
  ProcedurePage,
  ProcedurePatchBody,
  ProcedurePublicPage,
  ProcedurePublicView,
  ProcedureSummary,
  ProcedureView,
  PublicProcedureQuery,
  StaffProcedureQuery,
} from '../../../common/procedures.schema';
import type { Db, Tx } from '../../db/client';
import { cacheOf, frozen } from '../../db/notified-cache';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { errors } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { assertCan } from '../../platform/policy';
import { findAgency } from '../org/agencies.service';
import { findUnit } from '../org/units.service';
import { procedureErrors } from './procedures.errors';
import { isDossierWorkflow } from '../dossiers/dossiers.workflows';
import { canOnCatalog } from './procedures.guards';
import {
  findProcedureByCode,
  findProcedureById,
  insertProcedure,
  listFieldCounts,
  updateProcedureFields,
  type ProcedureFields,
  type ProcedureRow,
} from './procedures.queries';
import { searchProcedureRows, type ProcedureSearch } from './procedures.search';

export const PROCEDURE_ACTIONS = ['procedure.manage'] as const;
const CursorShape = [z.number().int(), z.string(), z.uuid()] as const;

// ---------- views ----------

export function toSummary(r: ProcedureRow): ProcedureSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    fieldCode: r.fieldCode,
    fieldName: r.fieldName,
    level: r.level as ProcedureSummary['level'],
    implementingAgency: r.implementingAgency,
    statutoryDays: r.statutoryDays,
    localDays: r.localDays,
    fullyOnline: r.fullyOnline,
  };
}

export function toPublicView(r: ProcedureRow): ProcedurePublicView {
  return {
    ...toSummary(r),
    agencyId: r.agencyId,
    unitId: r.unitId,
    fees: r.fees,
    documents: r.documents,
    result: r.result,
    legalBasis: r.legalBasis,
    workflowCode: r.workflowCode,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toView(actor: Actor, r: ProcedureRow, unitPath: string | null): ProcedureView {
  return {
    ...toPublicView(r),
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    actions: PROCEDURE_ACTIONS.filter((a) => canOnCatalog(actor, a, unitPath)),
  };
}

/** What the audit trail keeps of a procedure. */
function snapshot(r: ProcedureRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

/** Unit paths of the catalogs on a page, through the org module's service (a page names few units). */
async function unitPaths(db: Tx, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (id === null) continue;
    const unit = await findUnit(db, id);
    if (unit) out.set(id, unit.path);
  }
  return out;
}

// ---------- public reads ----------

function searchOf(q: PublicProcedureQuery): Omit<ProcedureSearch, 'active'> {
  return {
    q: q.q,
    field: q.field,
    level: q.level,
    agencyId: q.agencyId,
    onlineOnly: q.onlineOnly,
    after: q.cursor ? decodeCursor(q.cursor, CursorShape) : undefined,
    limit: q.limit,
  };
}

export async function listPublicProcedures(db: Tx, q: PublicProcedureQuery): Promise<ProcedurePublicPage> {
  const rows = await searchProcedureRows(db, { ...searchOf(q), active: true });
  const page = pageOf(rows, q.limit, (r) => [r.score, r.name, r.id]);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

/** Only active procedures are public: a withdrawn one answers 404 like an unknown code. */
/** A procedure in force as the public sees it; 404 when there is none by that code or it was withdrawn. */
function inForce(row: ProcedureRow | undefined): ProcedurePublicView {
  if (!row || !row.active) throw procedureErrors.notFound();
  return toPublicView(row);
}

export async function getPublicProcedure(db: Tx, code: string): Promise<ProcedurePublicView> {
  return inForce(await findProcedureByCode(db, code));
}

/**
 * As getPublicProcedure, from the procedures this process keeps (for up to a minute, forgotten in
 * every process when one is written: db/notified-cache.ts): for submissions and intakes, which read
 * the same few procedures over and over. A transaction that writes procedures does not read here.
 */
export async function getPublicProcedureCached(db: Tx, code: string): Promise<ProcedurePublicView> {
  return inForce(await cacheOf<ProcedureRow>(db, 'procedures', { freshMs: 60_000, maxEntries: 5_000 }).get(code, async () => frozen(await findProcedureByCode(db, code))));
}

export async function listProcedureFields(db: Tx): Promise<ProcedureFieldList> {
  return { items: await listFieldCounts(db) };
}

// ---------- staff reads ----------

export async function listStaffProcedures(db: Tx, actor: Actor, q: StaffProcedureQuery): Promise<ProcedurePage> {
  assertCan(actor, 'procedure.read');
  const rows = await searchProcedureRows(db, { ...searchOf(q), active: q.active, unitId: q.unitId });
  const page = pageOf(rows, q.limit, (r) => [r.score, r.name, r.id]);
  const paths = await unitPaths(db, page.items.map((r) => r.unitId));
  return {
    items: page.items.map((r) => toView(actor, r, r.unitId ? (paths.get(r.unitId) ?? null) : null)),
    nextCursor: page.nextCursor,
  };
}

export async function getProcedure(db: Tx, actor: Actor, id: string): Promise<ProcedureView> {
  assertCan(actor, 'procedure.read');
  const row = await findProcedureById(db, id);
  if (!row) throw procedureErrors.notFound();
  return toView(actor, row, await catalogPath(db, row.unitId, null));
}

// ---------- writes ----------

/** The path of a catalog's unit; an unknown unit is a 400 on `field` (null field: the row's own unit, always known). */
async function catalogPath(db: Tx, unitId: string | null, field: string | null): Promise<string | null> {
  if (unitId === null) return null;
  const unit = await findUnit(db, unitId);
  if (!unit) {
    if (field) throw procedureErrors.invalidField(field, 'Không tìm thấy đơn vị hành chính');
    return null;
  }
  return unit.path;
}

function assertCanManage(actor: Actor, unitPath: string | null) {
  if (!canOnCatalog(actor, 'procedure.manage', unitPath)) throw errors.forbidden('procedure.manage');
}

/** The agency must exist and, for a unit's catalog, belong to that unit or a unit below it. */
async function checkAgency(db: Tx, agencyId: string | null, unitPath: string | null) {
  if (agencyId === null) return;
  const agency = await findAgency(db, agencyId);
  if (!agency) throw procedureErrors.invalidField('body.agencyId', 'Không tìm thấy cơ quan thực hiện');
  if (unitPath !== null && !agency.unitPath.startsWith(unitPath))
    throw procedureErrors.invalidField('body.agencyId', 'Cơ quan thực hiện phải thuộc đơn vị của danh mục hoặc đơn vị cấp dưới');
}

/** A procedure follows a dossier workflow the server knows: a mistyped code would stop every submission of it. */
function checkWorkflow(code: string | undefined) {
  if (code !== undefined && !isDossierWorkflow(code))
    throw procedureErrors.invalidField('body.workflowCode', `Không có quy trình hồ sơ mã "${code}"`);
}

async function mapCodeConflict<T>(code: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'procedures_code_uq')) throw procedureErrors.codeTaken(code);
    throw err;
  }
}

export async function createProcedure(db: Db, ctx: Ctx, body: ProcedureCreateBody): Promise<ProcedureView> {
  const unitPath = await catalogPath(db, body.unitId, 'body.unitId');
  assertCanManage(ctx.actor, unitPath);
  await checkAgency(db, body.agencyId, unitPath);
  checkWorkflow(body.workflowCode);
  if (await findProcedureByCode(db, body.code)) throw procedureErrors.codeTaken(body.code);
  const created = await mapCodeConflict(body.code, () =>
    db.transaction(async (tx) => {
      const row = await insertProcedure(tx, body);
      await recordAudit(tx, ctx, { action: 'procedure.create', entityType: 'procedure', entityId: row.id, unitId: row.unitId, after: snapshot(row) });
      return row;
    }),
  );
  return toView(ctx.actor, created, unitPath);
}

export async function updateProcedure(db: Db, ctx: Ctx, id: string, body: ProcedurePatchBody): Promise<ProcedureView> {
  const current = await findProcedureById(db, id);
  if (!current) throw procedureErrors.notFound();
  const currentPath = await catalogPath(db, current.unitId, null);
  assertCanManage(ctx.actor, currentPath);
  // Moving a procedure to another catalog is like creating it there: the admin must hold that unit too.
  const unitPath = body.unitId !== undefined && body.unitId !== current.unitId ? await catalogPath(db, body.unitId, 'body.unitId') : currentPath;
  if (unitPath !== currentPath) assertCanManage(ctx.actor, unitPath);
  if (body.agencyId !== undefined || unitPath !== currentPath) await checkAgency(db, body.agencyId ?? current.agencyId, unitPath);
  checkWorkflow(body.workflowCode);
  const statutory = body.statutoryDays ?? current.statutoryDays;
  const local = body.localDays !== undefined ? body.localDays : current.localDays;
  if (local !== null && local > statutory)
    throw procedureErrors.invalidField('body.localDays', 'Thời hạn giải quyết của địa phương không được dài hơn thời hạn theo quy định');
  if (body.code !== undefined && body.code !== current.code && (await findProcedureByCode(db, body.code)))
    throw procedureErrors.codeTaken(body.code);

  const fields: ProcedureFields = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const action = body.active === false && current.active ? 'procedure.deactivate' : body.active === true && !current.active ? 'procedure.activate' : 'procedure.update';
  const updated = await mapCodeConflict(body.code ?? current.code, () =>
    db.transaction(async (tx) => {
      const row = await updateProcedureFields(tx, id, fields);
      await recordAudit(tx, ctx, { action, entityType: 'procedure', entityId: id, unitId: row.unitId, before: snapshot(current), after: snapshot(row) });
      return row;
    }),
  );
  return toView(ctx.actor, updated, unitPath);
}
