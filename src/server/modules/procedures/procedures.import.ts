// CSV import of the procedure catalog as a background job: check every row, then write all of them in one transaction, or none.
import { sql } from 'drizzle-orm';
import type { JobView, RejectedRow } from '../../../common/org.schema';
import type { Db, Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { toJobView, type JobHandle, type JobOutcome, type JobRegistry } from '../../platform/jobs/jobs';
import { assertCan, scopePaths } from '../../platform/policy';
import { listAgencies } from '../org/agencies.service';
import { findUnit, listUnitTree } from '../org/units.service';
import type { UploadedFile } from '../../platform/uploads';
import { isDossierWorkflow } from '../dossiers/dossiers.workflows';
import { canOnCatalog } from './procedures.guards';
import { parseProceduresCsv, type CsvProcedureRow } from './procedures.import.csv';
import { findProceduresByCodes, upsertProcedures, type ProcedureInsert, type ProcedureRow } from './procedures.queries';

export const PROCEDURE_IMPORT_KIND = 'procedure_import';
/** Rows per upsert: 500 rows x 17 columns stays far below PostgreSQL's 65,535 parameters. */
const BATCH = 500;
/** The report keeps the first problems only, so that a wholly wrong file does not make a megabyte answer. */
const MAX_REPORTED = 1000;
/** Creates the job (202 at once) and runs the import in the background of this process. */
export async function startProcedureImport(db: Db, registry: JobRegistry, ctx: Ctx, file: UploadedFile): Promise<JobView> {
  assertCan(ctx.actor, 'procedure.import');
  // The job belongs to the admin's widest unit, like the unit import's jobs.
  const unitId = scopePaths(ctx.actor, 'procedure.import')[0]?.split('/').filter(Boolean).pop() ?? null;
  const job = await registry.create({ kind: PROCEDURE_IMPORT_KIND, createdBy: ctx.actor.id, unitId });
  registry.start(job.id, (handle) => runImport(db, ctx, handle, file, unitId));
  return toJobView(job);
}

function rejectedOutcome(total: number, rejected: RejectedRow[]): JobOutcome {
  const sorted = [...rejected].sort((a, b) => a.row - b.row);
  const badRows = new Set(sorted.map((r) => r.row)).size;
  const more = sorted.length > MAX_REPORTED ? ` Chỉ liệt kê ${MAX_REPORTED} lỗi đầu tiên trong tổng số ${sorted.length} lỗi.` : '';
  return {
    status: 'rejected',
    accepted: Math.max(0, total - badRows),
    rejected: sorted.slice(0, MAX_REPORTED),
    message: `Có ${badRows} dòng không hợp lệ nên chưa có dữ liệu nào được ghi. Vui lòng sửa các dòng được nêu rồi nhập lại tệp.${more}`,
  };
}

interface Resolved {
  rows: ProcedureInsert[];
  rejected: RejectedRow[];
}

/** Turns unit and agency codes into ids and checks the admin's scope over the new and the current catalog of each row. */
async function resolve(tx: Tx, ctx: Ctx, rows: readonly CsvProcedureRow[], existing: Map<string, ProcedureRow>): Promise<Resolved> {
  const unitIdOf = new Map((await listUnitTree(tx, ctx.actor, true)).map((u) => [u.code, u.id]));
  const paths = new Map<string, string>();
  const pathOf = async (id: string | null) => {
    if (id === null) return null;
    let p = paths.get(id);
    if (p === undefined) {
      p = (await findUnit(tx, id))?.path ?? '';
      paths.set(id, p);
    }
    return p;
  };
  const agencies = new Map<string, Map<string, string>>();
  const agencyIdOf = async (unitId: string, code: string) => {
    let m = agencies.get(unitId);
    if (!m) {
      m = new Map((await listAgencies(tx, ctx.actor, unitId)).map((a) => [a.code, a.id]));
      agencies.set(unitId, m);
    }
    return m.get(code);
  };

  const out: ProcedureInsert[] = [];
  const rejected: RejectedRow[] = [];
  for (const r of rows) {
    const issue = (field: string, message: string) => rejected.push({ row: r.line, field, message });
    const unitId = r.unitCode === null ? null : (unitIdOf.get(r.unitCode) ?? undefined);
    if (unitId === undefined) {
      issue('unit_code', `Không tìm thấy đơn vị có mã "${r.unitCode}"`);
      continue;
    }
    const path = await pathOf(unitId);
    if (!canOnCatalog(ctx.actor, 'procedure.import', path))
      issue('unit_code', r.unitCode ? `Bạn không có quyền quản lý danh mục thủ tục của đơn vị "${r.unitCode}"` : 'Chỉ quản trị cấp tỉnh mới được nhập thủ tục của danh mục chung (để trống unit_code)');
    const current = existing.get(r.body.code);
    if (current && !canOnCatalog(ctx.actor, 'procedure.import', await pathOf(current.unitId)))
      issue('code', `Bạn không có quyền cập nhật thủ tục "${r.body.code}" (thuộc danh mục ngoài phạm vi quản trị)`);
    let agencyId: string | null = null;
    if (r.agencyCode !== null && unitId !== null) {
      agencyId = (await agencyIdOf(unitId, r.agencyCode)) ?? null;
      if (!agencyId) issue('agency_code', `Đơn vị "${r.unitCode}" không có cơ quan mã "${r.agencyCode}"`);
    }
    if (!isDossierWorkflow(r.body.workflowCode)) issue('workflow_code', `Không có quy trình hồ sơ mã "${r.body.workflowCode}"`);
    out.push({ ...r.body, unitId, agencyId });
  }
  return { rows: out, rejected };
}

async function runImport(db: Db, ctx: Ctx, job: JobHandle, file: UploadedFile, jobUnitId: string | null): Promise<JobOutcome> {
  const parsed = parseProceduresCsv(file.content);
  job.setTotal(parsed.total);
  if (parsed.rejected.length > 0) return rejectedOutcome(parsed.total, parsed.rejected);
  return db.transaction(async (tx) => {
    // No other writer may change the catalog between the checks and the writes (a no-op on single-connection PGlite).
    await tx.execute(sql`lock table procedures in share row exclusive mode`);
    const existing = new Map((await findProceduresByCodes(tx, parsed.rows.map((r) => r.body.code))).map((p) => [p.code, p]));
    const resolved = await resolve(tx, ctx, parsed.rows, existing);
    if (resolved.rejected.length > 0) return rejectedOutcome(parsed.total, resolved.rejected);
    const created = resolved.rows.filter((r) => !existing.has(r.code)).map((r) => r.code);
    const updated = resolved.rows.filter((r) => existing.has(r.code)).map((r) => r.code);
    let done = 0;
    for (let i = 0; i < resolved.rows.length; i += BATCH) {
      const batch = resolved.rows.slice(i, i + BATCH);
      await upsertProcedures(tx, batch);
      job.setProgress((done += batch.length));
    }
    const outcome: JobOutcome = {
      status: 'succeeded',
      accepted: parsed.total,
      rejected: [],
      message: `Đã nhập ${parsed.total} dòng: thêm mới ${created.length}, cập nhật ${updated.length} thủ tục.`,
    };
    await recordAudit(tx, ctx, {
      action: 'procedure.import',
      entityType: 'job',
      entityId: job.id,
      unitId: jobUnitId,
      before: { updated: updated.map((c) => existing.get(c)) },
      after: { fileName: file.name, rows: parsed.total, created: created.length, updated: updated.length, createdCodes: created, updatedCodes: updated },
    });
    await job.persistIn(tx, outcome);
    return outcome;
  });
}
