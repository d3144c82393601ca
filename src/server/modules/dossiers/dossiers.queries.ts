// SQL of dossiers: the record with its units' paths, updates, file links and the scoped inbox with keyset pages.
import { and, asc, eq, getTableColumns, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { placeholderRows, placeholderValues } from '../../db/compiled';
import { prepared } from '../../db/prepared';
import { dossierDocuments, dossiers, files, units } from '../../db/schema';
import { queryRows } from '../../db/rows';
import { escapeLike } from '../../db/scope';
import type { FileRow } from '../../platform/files/files.service';
import { afterDue, dueConditions, dueSortKey, type DueWindow } from '../../platform/workflow/inbox';
import { namesQuery, stepNames, type StepNames } from '../../platform/workflow/names';
import type { Step } from '../../platform/workflow/workflow.service';

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierInsert = typeof dossiers.$inferInsert;
export type DossierWithUnits = DossierRow & { unitPath: string; unitName: string; receivingUnitPath: string; receivingUnitName: string };

const cur = alias(units, 'cur_unit');
const recv = alias(units, 'recv_unit');

function selectWithUnits(db: Tx) {
  return db
    .select({ d: dossiers, unitPath: cur.path, unitName: cur.name, receivingUnitPath: recv.path, receivingUnitName: recv.name })
    .from(dossiers)
    .innerJoin(cur, eq(cur.id, dossiers.unitId))
    .innerJoin(recv, eq(recv.id, dossiers.receivingUnitId));
}

type Joined = { d: DossierRow; unitPath: string; unitName: string; receivingUnitPath: string; receivingUnitName: string };
const flat = (r: Joined): DossierWithUnits => ({ ...r.d, unitPath: r.unitPath, unitName: r.unitName, receivingUnitPath: r.receivingUnitPath, receivingUnitName: r.receivingUnitName });

const byId = (db: Tx) => selectWithUnits(db).where(eq(dossiers.id, sql.placeholder('id')));
const byCode = (db: Tx) => selectWithUnits(db).where(eq(dossiers.code, sql.placeholder('code')));

/** `forUpdate` locks the dossier row, so that two actions on one dossier run one after the other. */
export async function findDossier(db: Tx, id: string, forUpdate = false): Promise<DossierWithUnits | undefined> {
  if (forUpdate) {
    const [locked] = await selectWithUnits(db).where(eq(dossiers.id, id)).for('update', { of: dossiers });
    return locked ? flat(locked) : undefined;
  }
  // Outside a transaction (the dossier page) a prepared statement: built and planned once.
  const [row] = await (prepared(db, 'dossier_by_id', (d) => byId(d).prepare('dossier_by_id')) ?? byId(db)).execute({ id });
  return row ? flat(row) : undefined;
}

/** Tracking reads by code on every look-up: a prepared statement outside a transaction. */
export async function findDossierByCode(db: Tx, code: string): Promise<DossierWithUnits | undefined> {
  const [row] = await (prepared(db, 'dossier_by_code', (d) => byCode(d).prepare('dossier_by_code')) ?? byCode(db)).execute({ code });
  return row ? flat(row) : undefined;
}

/** The columns a new dossier is written with (the others take their defaults). */
export const OPEN_COLUMNS = [
  'id', 'code', 'secretHash', 'procedureId', 'procedureCode', 'procedureName', 'processingDays', 'workflowCode', 'state', 'unitId', 'agencyId',
  'receivingUnitId', 'receivingAgencyId', 'applicantName', 'applicantIdNo', 'applicantPhone', 'applicantEmail', 'applicantAddress', 'channel',
  'citizenId', 'submittedAt',
] as const satisfies readonly (keyof DossierInsert)[];
export type DossierOpen = Required<Pick<DossierInsert, (typeof OPEN_COLUMNS)[number]>>;

/**
 * A new dossier's insert with placeholders, for the statement that also starts its case (its id
 * chosen beforehand); `code`: the code as the statement numbers it, instead of a placeholder.
 */
export function dossierInsertTemplate(db: Tx, prefix: string, code?: SQL) {
  const [row] = placeholderRows(OPEN_COLUMNS, 1, prefix);
  return db.insert(dossiers).values({ ...row, ...(code ? { code } : {}) } as unknown as DossierInsert);
}

export function dossierInsertValues(row: DossierOpen, prefix: string): Record<string, unknown> {
  return placeholderValues(OPEN_COLUMNS, [row], prefix);
}

/** The columns an action sets on the dossier's row (the step mirrored). */
export type DossierSet = Partial<Pick<DossierRow, (typeof MIRRORED)[number]>>;

/** The columns an action mirrors from its step onto the dossier's row: all set by every action. */
export const MIRRORED = ['state', 'seq', 'unitId', 'agencyId', 'dueAt', 'assigneeId', 'receivedAt', 'finishedAt', 'resultKind', 'completionRequests', 'updatedAt'] as const satisfies readonly (keyof DossierRow)[];

/**
 * The update of a dossier's mirrored columns with placeholders (`dossier_<column>`, and
 * `dossier_id`), for the step's statement built once: the caller holds the row locked and
 * computes every new value from it.
 */
export function dossierUpdateTemplate(db: Tx) {
  return db.update(dossiers).set(mirroredSet()).where(eq(dossiers.id, sql.placeholder('dossier_id')));
}

const mirroredSet = () => Object.fromEntries(MIRRORED.map((c) => [c, sql.placeholder(`dossier_${c}`)]));

/** The same update only while the row's seq is still `dossier_seqRead`, returning its id: the guard of an action written at once. */
export function dossierGuardTemplate(db: Tx) {
  return db
    .update(dossiers)
    .set(mirroredSet())
    .where(and(eq(dossiers.id, sql.placeholder('dossier_id')), eq(dossiers.seq, sql.placeholder('dossier_seqRead'))))
    .returning({ id: dossiers.id });
}

export function dossierUpdateValues(row: DossierRow): Record<string, unknown> {
  const values: Record<string, unknown> = { dossier_id: row.id };
  for (const c of MIRRORED) values[`dossier_${c}`] = row[c];
  return values;
}

/** The times of the requests to complete with one more, kept in order (the statistics search them by bisection). */
export function completionRequestsWith(before: readonly Date[] | null, instant: Date): Date[] {
  return [...(before ?? []), instant].sort((x, y) => x.getTime() - y.getTime());
}

export interface DocumentLinkInsert {
  dossierId: string;
  fileId: string;
  name: string;
  kind: 'application' | 'supplement' | 'attachment';
  stepSeq: number;
  createdBy: string | null;
}

export async function linkDocuments(db: Tx, links: readonly DocumentLinkInsert[]): Promise<void> {
  if (links.length) await db.insert(dossierDocuments).values([...links]).onConflictDoNothing();
}

const LINK_COLUMNS = ['dossierId', 'fileId', 'name', 'kind', 'stepSeq', 'createdBy'] as const satisfies readonly (keyof DocumentLinkInsert)[];

/** The links' insert with placeholders (`<prefix><i>_<field>`), for a statement built once per count; `documentLinksValues` gives the values. */
export function documentLinksTemplate(db: Tx, count: number, prefix: string) {
  return db
    .insert(dossierDocuments)
    .values(placeholderRows(LINK_COLUMNS, count, prefix) as unknown as DocumentLinkInsert[])
    .onConflictDoNothing();
}

export function documentLinksValues(links: readonly DocumentLinkInsert[], prefix: string): Record<string, unknown> {
  return placeholderValues(LINK_COLUMNS, links, prefix);
}

/** The uploaded files among `ids`, each with whether some dossier already holds it: one statement (names qualified by hand: drizzle leaves a single table's columns unqualified). */
export async function filesWithHolders(db: Tx, ids: readonly string[]): Promise<Array<FileRow & { taken: boolean }>> {
  if (ids.length === 0) return [];
  return db
    .select({ ...getTableColumns(files), taken: sql<boolean>`exists (select 1 from dossier_documents d where d.file_id = files.id)` })
    .from(files)
    .where(inArray(files.id, [...new Set(ids)]));
}

export async function documentsOf(db: Tx, dossierId: string) {
  return db
    .select({
      fileId: dossierDocuments.fileId,
      name: dossierDocuments.name,
      kind: dossierDocuments.kind,
      stepSeq: dossierDocuments.stepSeq,
      fileName: files.name,
      mime: files.mime,
      size: files.size,
    })
    .from(dossierDocuments)
    .innerJoin(files, eq(files.id, dossierDocuments.fileId))
    .where(eq(dossierDocuments.dossierId, dossierId))
    .orderBy(asc(dossierDocuments.stepSeq), asc(dossierDocuments.createdAt), asc(dossierDocuments.name));
}

export type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];
type NameRow = Parameters<typeof stepNames>[0][number];

/**
 * The dossier page's documents and the names its timeline refers to, in one statement (the answer
 * to every action builds the page): two JSON arrays, in `documentsOf`'s order.
 */
export async function documentsAndNames(
  db: Tx,
  dossierId: string,
  steps: readonly Step[],
  extra: Parameters<typeof namesQuery>[1],
): Promise<{ documents: DocumentRow[]; names: StepNames }> {
  const names = namesQuery(steps, extra);
  const [row] = await queryRows<{ documents: DocumentRow[]; names: NameRow[] }>(
    db,
    sql`select coalesce((select json_agg(json_build_object('fileId', dd.file_id, 'name', dd.name, 'kind', dd.kind, 'stepSeq', dd.step_seq,
          'fileName', f.name, 'mime', f.mime, 'size', f.size) order by dd.step_seq, dd.created_at, dd.name)
        from ${dossierDocuments} dd join ${files} f on f.id = dd.file_id where dd.dossier_id = ${dossierId}), '[]'::json) as documents,
      ${names ? sql`coalesce((select json_agg(n) from (${names}) n), '[]'::json)` : sql`'[]'::json`} as names`,
  );
  return { documents: row?.documents ?? [], names: stepNames(row?.names ?? []) };
}

/** The file if it belongs to the dossier. */
export async function dossierFile(db: Tx, dossierId: string, fileId: string) {
  const [row] = await db
    .select({ file: files, name: dossierDocuments.name })
    .from(dossierDocuments)
    .innerJoin(files, eq(files.id, dossierDocuments.fileId))
    .where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.fileId, fileId)));
  return row;
}

/** `path LIKE p%` on an aliased units table (db/scope's helper is bound to the plain table). */
function under(col: typeof cur.path | typeof recv.path, paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((p) => sql`${col} like ${`${escapeLike(p)}%`}`)) as SQL;
}

/** Visible to the user: now at, or received by, a unit under one of the paths, or assigned to them. */
export function visibleTo(paths: readonly string[], staffId: string): SQL {
  return or(under(cur.path, paths), under(recv.path, paths), eq(dossiers.assigneeId, staffId)) as SQL;
}

/** Sort key of the inbox: the most urgent first; dossiers without a deadline last. */
const dueKey = dueSortKey(dossiers.dueAt);

export interface InboxFilter {
  visible: SQL;
  states?: readonly string[] | undefined;
  activeStates: readonly string[];
  assigneeId?: string | undefined;
  window: DueWindow;
  q?: string | undefined;
  after?: { dueMs: number; id: string } | undefined;
  limit: number;
}

export async function listInbox(db: Tx, f: InboxFilter): Promise<DossierWithUnits[]> {
  const where: SQL[] = [f.visible];
  if (f.states?.length) where.push(inArray(dossiers.state, [...f.states]));
  if (f.assigneeId) where.push(eq(dossiers.assigneeId, f.assigneeId));
  where.push(...dueConditions(dossiers.dueAt, dossiers.state, f.activeStates, f.window));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(eq(dossiers.code, f.q), sql`dv_fold(${dossiers.applicantName}) like dv_fold(${like})`, eq(dossiers.applicantIdNo, f.q)) as SQL);
  }
  if (f.after) where.push(afterDue(dossiers.dueAt, dossiers.id, f.after));
  const rows = await selectWithUnits(db)
    .where(and(...where))
    .orderBy(asc(dueKey), asc(dossiers.id))
    .limit(f.limit + 1);
  return rows.map(flat);
}

export interface CountsFilter {
  staffId: string;
  visible: SQL;
  receivePaths: readonly string[];
  assignPaths: readonly string[];
  approvePaths: readonly string[];
  activeStates: readonly string[];
  now: Date;
  dueSoonBefore: Date;
}

export async function inboxCounts(db: Tx, f: CountsFilter) {
  const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
  const active = inArray(dossiers.state, [...f.activeStates]);
  const [out] = await db
    .select({
      toReceive: n(and(eq(dossiers.state, 'submitted'), or(under(cur.path, f.receivePaths), under(recv.path, f.receivePaths))) as SQL),
      toAssign: n(and(eq(dossiers.state, 'transferred'), under(cur.path, f.assignPaths)) as SQL),
      toProcess: n(and(eq(dossiers.state, 'processing'), eq(dossiers.assigneeId, f.staffId)) as SQL),
      toApprove: n(and(eq(dossiers.state, 'pending_approval'), under(cur.path, f.approvePaths)) as SQL),
      toReturn: n(and(eq(dossiers.state, 'result_ready'), or(under(cur.path, f.receivePaths), under(recv.path, f.receivePaths))) as SQL),
      dueSoon: n(and(isNotNull(dossiers.dueAt), gte(dossiers.dueAt, f.now), lt(dossiers.dueAt, f.dueSoonBefore)) as SQL),
      overdue: n(and(isNotNull(dossiers.dueAt), lt(dossiers.dueAt, f.now)) as SQL),
    })
    .from(dossiers)
    .innerJoin(cur, eq(cur.id, dossiers.unitId))
    .innerJoin(recv, eq(recv.id, dossiers.receivingUnitId))
    .where(and(f.visible, active));
  return out ?? { toReceive: 0, toAssign: 0, toProcess: 0, toApprove: 0, toReturn: 0, dueSoon: 0, overdue: 0 };
}
