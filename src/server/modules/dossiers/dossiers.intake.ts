// Opening a dossier: online submission by a guest, or intake at the desk with the officer's decision (accept, request to complete, refuse).
import { sql, type SQL } from 'drizzle-orm';
import type { DeskIntakeBody, DeskIntakeResult, PublicSubmitBody, PublicSubmitResult } from '../../../common/dossiers.schema';
import type { ProcedurePublicView } from '../../../common/procedures.schema';
import type { Tx } from '../../db/client';
import { newRecordId } from '../../db/ids';
import { auditInsertTemplate, auditInsertValues } from '../../platform/audit/audit';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { checkNewUploads } from '../../platform/files/attachments';
import { fileInsertTemplate, fileInsertValues, type fileRowsOf } from '../../platform/files/files.service';
import type { Lang } from '../../platform/locale';
import { assertCan } from '../../platform/policy';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { idempotencyAlongside, type IdempotencyClaim } from '../../platform/idempotency';
import { alongside, guarded, history, recordStartAtOnce, startCase, startStep, type Alongside, type CitizenCtx, type WorkflowCtx } from '../../platform/workflow/workflow.service';
import { toAgencyView } from '../org/agencies.service';
import { cachedAgenciesOfUnit, cachedAgency, cachedUnit } from '../org/org.cache';
import type { UnitRow } from '../org/units.service';
import { isActiveOn, todayVn } from '../org/org.guards';
import { getPublicProcedureCached } from '../procedures/procedures.service';
import { applyAction, ENTITY, viewOf } from './dossiers.actions';
import { clock } from './dossiers.clock';
import { allocateCode, codeGuard } from './dossiers.codes';
import { dossierErrors } from './dossiers.errors';
import { documentLinksTemplate, documentLinksValues, dossierInsertTemplate, dossierInsertValues, filesWithHolders, findDossier, type DossierOpen } from './dossiers.queries';
import { hashSecret, newSecret } from '../../platform/tracking/secret';
import { dossierWorkflow } from './dossiers.workflows';

/** Where the citizen follows the dossier (the web's tracking page; the secret is typed or read from the QR code). */
export const trackingUrl = (code: string) => `/tra-cuu/${encodeURIComponent(code)}`;

/** Agencies are read through the org service, whose views carry the caller's actions; a guest holds none. */
const NOBODY: Actor = { id: '00000000-0000-0000-0000-000000000000', username: '', fullName: '', unitId: '', grants: [] };

/** The procedure in force with this code; an unknown or withdrawn one is a 400 on `path`. */
export async function procedureOf(tx: Tx, code: string, lang: Lang, path = 'body.procedureCode'): Promise<ProcedurePublicView> {
  try {
    return await getPublicProcedureCached(tx, code);
  } catch (err) {
    if (err instanceof AppError && err.status === 404)
      throw dossierErrors.field(lang, path, 'Không có thủ tục đang áp dụng với mã này', 'No procedure in force has this code');
    throw err;
  }
}

/** The one-stop desk of a unit: the agency that receives dossiers there, if the unit has one. */
async function deskOf(tx: Tx, unit: Readonly<UnitRow>): Promise<{ id: string; code: string } | null> {
  const today = todayVn();
  const desk = (await cachedAgenciesOfUnit(tx, unit.id)).map((a) => toAgencyView(NOBODY, a, unit.path, today)).find((a) => a.kind === 'one_stop_desk' && a.active);
  return desk ? { id: desk.id, code: desk.code } : null;
}

/** The procedure's catalog must cover the receiving unit (a province's catalog covers its communes). */
async function checkCoverage(tx: Tx, proc: ProcedurePublicView, unit: Readonly<UnitRow>, lang: Lang, path: string): Promise<void> {
  if (!proc.unitId) return;
  const catalog = await cachedUnit(tx, proc.unitId);
  if (catalog && !unit.path.startsWith(catalog.path))
    throw dossierErrors.field(lang, path, 'Đơn vị này không giải quyết thủ tục đã chọn', 'This unit does not handle the chosen procedure');
}

/**
 * Uploaded, and not already part of a dossier; a guest may attach only guest uploads. `fresh`: files
 * received with this very request, written with the dossier (nothing holds them yet).
 */
export async function checkDocuments(
  tx: Tx,
  docs: ReadonlyArray<{ fileId: string }>,
  guest: boolean,
  lang: Lang,
  path = 'body.documents',
  fresh: readonly NewFile[] = [],
): Promise<void> {
  const isFresh = new Set(fresh.map((f) => f.id));
  const earlier = docs.filter((d) => !isFresh.has(d.fileId));
  const found = earlier.length ? await filesWithHolders(tx, earlier.map((d) => d.fileId)) : [];
  const taken = new Set(found.filter((f) => f.taken).map((f) => f.id));
  const files = [...found, ...fresh.map((f) => ({ ...f, createdAt: new Date() }))];
  await checkNewUploads(tx, docs, { guest, taken, lang, path, files });
}

interface OpenArgs {
  def: WorkflowDefinition;
  proc: ProcedurePublicView;
  unit: UnitRow;
  agency: { id: string; code: string } | null;
  body: { applicant: PublicSubmitBody['applicant']; documents: PublicSubmitBody['documents']; note?: string | undefined };
  channel: 'online' | 'desk';
  now: Date;
  /** The note goes on the start step unless a decision step follows. */
  startNote: string | null;
  /** The citizen account filing it online, if signed in. */
  citizenId?: string | null;
  /** Files received with the submission itself (already on disk), written with the dossier: the documents name them by id. */
  newFiles?: readonly NewFile[];
}

/** A file received with the request that opens the dossier: its row, inserted by the dossier's statement. */
export type NewFile = ReturnType<typeof fileRowsOf>[number];

interface Opened {
  id: string;
  code: string;
  secret: string;
  state: string;
}

/** The new dossier's row, but its code. */
function rowOf(a: OpenArgs, secretHash: string): Omit<DossierOpen, 'code'> {
  const { applicant } = a.body;
  return {
    id: newRecordId(),
    secretHash,
    procedureId: a.proc.id,
    procedureCode: a.proc.code,
    procedureName: a.proc.name,
    processingDays: a.proc.localDays ?? a.proc.statutoryDays,
    workflowCode: a.def.code,
    state: a.def.initialState,
    unitId: a.unit.id,
    agencyId: a.agency?.id ?? null,
    receivingUnitId: a.unit.id,
    receivingAgencyId: a.agency?.id ?? null,
    applicantName: applicant.name,
    applicantIdNo: applicant.idNumber,
    applicantPhone: applicant.phone ?? null,
    applicantEmail: applicant.email ?? null,
    applicantAddress: applicant.address || null,
    channel: a.channel,
    citizenId: a.citizenId ?? null,
    submittedAt: a.now,
  };
}

/**
 * What the statement that starts the dossier's case writes beside its step: the files received with
 * it, the dossier, its creation's audit entry and its documents' links. `code`: the code as the
 * statement numbers it (then missing from `row`, and added to the audit entry by the statement).
 */
function openingWrites(db: Tx, ctx: WorkflowCtx, a: OpenArgs, row: DossierOpen, code?: SQL): Alongside {
  const { secretHash: _s, ...fields } = row;
  const newFiles = a.newFiles ?? [];
  // The files written by this statement are recorded by the dossier's entry (what identifies their bytes, not their names).
  const snapshot = newFiles.length ? { ...fields, files: newFiles.map((f) => ({ id: f.id, mime: f.mime, size: f.size, sha256: f.sha256 })) } : fields;
  const links = a.body.documents.map((d) => ({ dossierId: row.id, fileId: d.fileId, name: d.name, kind: 'application' as const, stepSeq: 1, createdBy: ctx.actor?.id ?? null }));
  return {
    key: `dossier_open${code ? '_numbered' : ''}:${links.length}:${newFiles.length}`,
    build: () => [
      ...(newFiles.length ? [fileInsertTemplate(db, newFiles.length, 'file')] : []),
      dossierInsertTemplate(db, 'dossier', code),
      auditInsertTemplate(db, 'created', code && sql`jsonb_build_object('code', ${code})`),
      ...(links.length ? [documentLinksTemplate(db, links.length, 'doc')] : []),
    ],
    values: {
      ...fileInsertValues(newFiles, 'file'),
      ...dossierInsertValues(row, 'dossier'),
      ...auditInsertValues(ctx, { action: 'dossier.create', entityType: ENTITY, entityId: row.id, unitId: a.unit.id, after: snapshot }, 'created'),
      ...documentLinksValues(links, 'doc'),
    },
  };
}

/** The start of the dossier's case, as `startCase` takes it. */
const startOf = (a: OpenArgs, id: string) => ({ def: a.def, entityType: ENTITY, entityId: id, unitId: a.unit.id, agencyId: a.agency?.id ?? null, note: a.startNote, now: a.now });

/**
 * Allocates the code in the caller's transaction, then writes the dossier, starts its case, records
 * its creation and links its documents, in one statement (the dossier's id is chosen here).
 */
async function openDossier(tx: Tx, ctx: WorkflowCtx, a: OpenArgs): Promise<Opened> {
  const secret = newSecret();
  const code = await allocateCode(tx, a.now, a.agency?.code ?? null, a.unit.code);
  const row: DossierOpen = { ...rowOf(a, hashSecret(secret)), code };
  await startCase(tx, ctx, { ...startOf(a, row.id), alongside: openingWrites(tx, ctx, a, row) });
  return { id: row.id, code, secret, state: row.state };
}

/**
 * `openDossier` in one statement, outside any transaction: the statement numbers the code itself
 * (the day's counter is its guard, `codeGuard`) and answers it. `also`: the caller's own writes, which
 * may use the code as `code` (SQL) and get the dossier's answer without it (the answer stored under
 * an idempotency key, whose code the statement fills in).
 */
async function openDossierAtOnce(db: Tx, ctx: WorkflowCtx, a: OpenArgs, also: (opened: Omit<Opened, 'code'>, code: SQL) => Alongside): Promise<Opened> {
  const secret = newSecret();
  const code = guarded('code');
  const row = { ...rowOf(a, hashSecret(secret)), code: '' };
  const opened = { id: row.id, secret, state: row.state };
  const guard = await codeGuard(db, a.now, a.agency?.code ?? null, a.unit.code);
  const { guarded: numbered } = await recordStartAtOnce(db, ctx, await startStep(db, ctx, startOf(a, row.id)), guard, alongside(openingWrites(db, ctx, a, row, code), also(opened, code)));
  if (typeof numbered !== 'string') throw new Error('the dossier statement answered no code');
  return { ...opened, code: numbered };
}

/**
 * POST /api/public/dossiers: a guest files online; the answer carries the tracking secret, once.
 * With an idempotency `claim`, the answer is stored under its key by the statement that opens the
 * dossier (`runIdempotentAtOnce` replays it to a retry).
 */
export async function submitOnline(
  db: Tx,
  meta: { requestId: string; ip: string; lang: Lang; citizenId?: string | null },
  body: PublicSubmitBody,
  now: Date = clock.now(),
  claim: IdempotencyClaim | null = null,
  newFiles: readonly NewFile[] = [],
): Promise<PublicSubmitResult> {
  const { lang } = meta;
  const proc = await procedureOf(db, body.procedureCode, lang);
  const def = dossierWorkflow(proc.workflowCode);
  // A procedure decided by a named agency is received by that agency's unit; otherwise the citizen picks the commune.
  const named = proc.agencyId ? await cachedAgency(db, proc.agencyId) : undefined;
  const unitId = named?.unitId ?? body.unitId;
  if (!unitId) throw dossierErrors.field(lang, 'body.unitId', 'Chọn đơn vị (xã, phường) nhận hồ sơ', 'Choose the commune or ward that receives the dossier');
  const unit = await cachedUnit(db, unitId);
  if (!unit || !isActiveOn(todayVn(now), unit.validFrom, unit.validTo))
    throw dossierErrors.field(lang, 'body.unitId', 'Không tìm thấy đơn vị đang hoạt động', 'No such unit in operation');
  await checkCoverage(db, proc, unit, lang, 'body.unitId');
  await checkDocuments(db, body.documents, true, lang, 'body.documents', newFiles);
  const ctx: CitizenCtx = { actor: null, citizen: { label: body.applicant.name }, requestId: meta.requestId, ip: meta.ip, lang };
  const answer = (o: Opened): PublicSubmitResult => ({ id: o.id, code: o.code, secret: o.secret, trackingUrl: trackingUrl(o.code), state: o.state });
  // Codes are made of letters, digits and . _ - (their format and the agencies' codes are checked): each is its own URL path segment.
  const numbered = (code: SQL) => ({ key: 'submission', sql: sql`jsonb_build_object('code', ${code}, 'trackingUrl', ${trackingUrl('')}::text || ${code})` });
  const out = await openDossierAtOnce(
    db,
    ctx,
    {
      def,
      proc,
      unit,
      agency: await deskOf(db, unit),
      body,
      channel: 'online',
      now,
      startNote: body.note || null,
      citizenId: meta.citizenId ?? null,
      newFiles,
    },
    (o, code) => idempotencyAlongside(db, claim, 201, { id: o.id, secret: o.secret, state: o.state }, numbered(code)),
  );
  return answer(out);
}

/** POST /api/dossiers: the desk receives a paper (or scanned) dossier and records its decision in the same transaction. */
export async function intakeAtDesk(tx: Tx, ctx: Ctx, body: DeskIntakeBody, now: Date = clock.now()): Promise<DeskIntakeResult> {
  const { lang } = ctx;
  const unit = await cachedUnit(tx, body.unitId ?? ctx.actor.unitId);
  if (!unit) throw dossierErrors.field(lang, 'body.unitId', 'Không tìm thấy đơn vị', 'No such unit');
  assertCan(ctx.actor, 'dossier.intake', { unitPath: unit.path });
  const proc = await procedureOf(tx, body.procedureCode, lang);
  const def = dossierWorkflow(proc.workflowCode);
  await checkCoverage(tx, proc, unit, lang, 'body.procedureCode');
  let agency = await deskOf(tx, unit);
  if (body.agencyId) {
    const a = await cachedAgency(tx, body.agencyId);
    if (!a || a.unitId !== unit.id) throw dossierErrors.field(lang, 'body.agencyId', 'Cơ quan không thuộc đơn vị nhận', 'The agency is not in the receiving unit');
    agency = { id: a.id, code: a.code };
  }
  await checkDocuments(tx, body.documents, false, lang);
  const decided = body.decision !== 'none';
  for (const key of ['toAgencyId', 'assigneeId'] as const)
    if (!decided && body[key]) throw dossierErrors.field(lang, `body.${key}`, 'Chỉ ghi khi có quyết định tiếp nhận', 'Only with an intake decision');
  const out = await openDossier(tx, ctx, { def, proc, unit, agency, body, channel: 'desk', now, startNote: decided ? null : body.note || null });
  if (decided) {
    const dossier = await findDossier(tx, out.id, true);
    if (!dossier) throw new Error('dossier vanished inside its own transaction');
    const input = {
      ...(body.data ? { data: body.data } : {}),
      ...(body.note ? { note: body.note } : {}),
      ...(body.toAgencyId ? { toAgencyId: body.toAgencyId } : {}),
      ...(body.assigneeId ? { assigneeId: body.assigneeId } : {}),
    };
    await applyAction(tx, ctx, { def, dossier, steps: await history(tx, ENTITY, out.id), action: body.decision, input, now });
  }
  return { dossier: await viewOf(tx, ctx, out.id, now), secret: out.secret, trackingUrl: trackingUrl(out.code) };
}
