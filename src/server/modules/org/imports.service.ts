// CSV import of units as a background job: parse and check every row, then write all rows in one transaction, or none.
import { sql } from 'drizzle-orm';
import type { JobView, RejectedRow } from '../../../common/org.schema';
import type { UploadedFile } from '../../platform/uploads';
import type { Db, Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { errors } from '../../platform/errors';
import { toJobView, type JobHandle, type JobOutcome, type JobRegistry, type JobState } from '../../platform/jobs/jobs';
import { assertCan, can, scopePaths } from '../../platform/policy';
import { parseUnitsCsv } from './imports.csv';
import { planUnitImport, type ImportPlan, type ImportScope } from './imports.plan';
import { orgErrors } from './org.errors';
import { canManageRootUnits } from './org.guards';
import { findUnitById, insertUnits, loadUnitIndex, updateUnitsBatch, type UnitInsert } from './units.queries';

export const UNIT_IMPORT_KIND = 'unit_import';
/** Rows per INSERT/UPDATE statement: 500 rows x 10 columns stays far below PostgreSQL's 65,535 parameters. */
const BATCH = 500;
/** The report keeps the first problems only, so that a wholly wrong file does not make a megabyte answer. */
export const MAX_REPORTED = 1000;


/** Creates the job (202 at once) and runs the import in the background of this process. */
export async function startUnitImport(db: Db, registry: JobRegistry, ctx: Ctx, file: UploadedFile): Promise<JobView> {
  assertCan(ctx.actor, 'unit.import');
  const paths = scopePaths(ctx.actor, 'unit.import');
  // The job belongs to the admin's widest unit: other admins over it may follow the job too.
  const unitId = paths[0]?.split('/').filter(Boolean).pop() ?? null;
  const job = await registry.create({ kind: UNIT_IMPORT_KIND, createdBy: ctx.actor.id, unitId });
  const scope: ImportScope = { paths, rootAdmin: canManageRootUnits(ctx.actor) };
  registry.start(job.id, (handle) => runUnitImport(db, ctx, handle, file, scope));
  return toJobView(job);
}

/** A job may be read by the person who started it and by the admins over its unit. */
export async function getJobFor(db: Db, registry: JobRegistry, actor: Actor, id: string): Promise<JobView> {
  const job: JobState | undefined = await registry.get(id);
  if (!job) throw orgErrors.jobNotFound();
  if (job.createdBy !== actor.id) {
    const unit = job.unitId ? await findUnitById(db, job.unitId) : undefined;
    if (!unit || !can(actor, 'unit.import', { unitPath: unit.path })) throw errors.forbidden('unit.import');
  }
  return toJobView(job);
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
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

async function runUnitImport(db: Db, ctx: Ctx, job: JobHandle, file: UploadedFile, scope: ImportScope): Promise<JobOutcome> {
  const parsed = parseUnitsCsv(file.content);
  job.setTotal(parsed.total);
  return db.transaction(async (tx) => {
    // No other writer may change units between the checks and the writes (a no-op on single-connection PGlite).
    await tx.execute(sql`lock table units in share row exclusive mode`);
    const planned = planUnitImport(parsed.rows, parsed.codes, await loadUnitIndex(tx), scope);
    const rejected = [...parsed.rejected, ...(planned.ok ? [] : planned.rejected)];
    if (rejected.length > 0 || !planned.ok) return rejectedOutcome(parsed.total, rejected);
    const { plan } = planned;
    const outcome: JobOutcome = {
      status: 'succeeded',
      accepted: parsed.total,
      rejected: [],
      message: `Đã nhập ${parsed.total} dòng: thêm mới ${plan.inserts.length}, cập nhật ${plan.updates.length}, không thay đổi ${plan.unchanged} đơn vị.`,
    };
    await writePlan(tx, job, plan);
    await recordAudit(tx, ctx, {
      action: 'unit.import',
      entityType: 'job',
      entityId: job.id,
      unitId: scope.paths[0]?.split('/').filter(Boolean).pop() ?? null,
      before: { updated: plan.updates.map(({ before: b }) => b) },
      after: {
        fileName: file.name,
        rows: parsed.total,
        created: plan.inserts.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        movedBelow: plan.moves.length,
        createdCodes: plan.inserts.map((u) => u.code),
        updatedCodes: plan.updates.map((u) => u.code),
      },
    });
    await job.persistIn(tx, outcome);
    return outcome;
  });
}

/** Inserts parents before children, then updates, then rewrites paths of units below moved ones; progress per batch. */
async function writePlan(tx: Tx, job: JobHandle, plan: ImportPlan) {
  let done = plan.unchanged;
  job.setProgress(done);
  for (const batch of chunks(plan.inserts, BATCH)) {
    await insertUnits(tx, batch);
    job.setProgress((done += batch.length));
  }
  const updates: UnitInsert[] = plan.updates.map(({ before: _before, ...row }) => row);
  for (const batch of chunks(updates, BATCH)) {
    await updateUnitsBatch(tx, batch);
    job.setProgress((done += batch.length));
  }
  for (const batch of chunks(plan.moves, BATCH)) await updateUnitsBatch(tx, batch);
}
