// SQL of letters: the record with its receiving unit, updates, file links and the scoped list of letters with keyset pages.
import { and, asc, desc, eq, getTableColumns, gt, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { placeholderRows, placeholderValues } from '../../db/compiled';
import { escapeLike } from '../../db/scope';
import { files, letterCases, letterFiles, letters, units } from '../../db/schema';

export type LetterRow = typeof letters.$inferSelect;
export type LetterInsert = typeof letters.$inferInsert;
export type LetterWithUnit = LetterRow & { unitPath: string; unitName: string; unitCode: string };

/** The letter's receiving unit, aliased so that case queries can join units a second time. */
export const recv = alias(units, 'recv_unit');

function selectWithUnit(db: Tx) {
  return db
    .select({ l: letters, unitPath: recv.path, unitName: recv.name, unitCode: recv.code })
    .from(letters)
    .innerJoin(recv, eq(recv.id, letters.unitId));
}

type Joined = { l: LetterRow; unitPath: string; unitName: string; unitCode: string };
const flat = (r: Joined): LetterWithUnit => ({ ...r.l, unitPath: r.unitPath, unitName: r.unitName, unitCode: r.unitCode });

/** `forUpdate` locks the letter, so that two classifications of one letter run one after the other. */
export async function findLetter(db: Tx, id: string, forUpdate = false): Promise<LetterWithUnit | undefined> {
  const q = selectWithUnit(db).where(eq(letters.id, id));
  const [row] = forUpdate ? await q.for('update', { of: letters }) : await q;
  return row ? flat(row) : undefined;
}

export async function findLetterByCode(db: Tx, code: string): Promise<LetterWithUnit | undefined> {
  const [row] = await selectWithUnit(db).where(eq(letters.code, code));
  return row ? flat(row) : undefined;
}

/** A new letter as its insert writes it: every column given (none left to a default), the generated ones aside. */
export type LetterOpen = Omit<LetterRow, 'contentFolded' | 'contentSketch'>;

const OPEN_COLUMNS = [
  'id', 'code', 'secretHash', 'channel', 'workflowCode', 'state', 'unitId', 'agencyId', 'receivedAt', 'dueAt', 'classifiedAt',
  'forwardedFrom', 'forwardedDocNumber', 'forwardedDocDate', 'declaredKind', 'subject', 'content', 'target', 'peopleCount', 'language',
  'hasTranslation', 'dated', 'signed', 'anonymous', 'identityProtected', 'writerSealed', 'writerKeys', 'writerName', 'writerAddress',
  'writerPhone', 'writerEmail', 'writerIdNumber', 'representatives', 'seq', 'createdBy', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof LetterOpen)[];
// Every column of LetterOpen is written: a column added to the table must be added above.
const everyColumn: [Exclude<keyof LetterOpen, (typeof OPEN_COLUMNS)[number]>] extends [never] ? true : never = true;
void everyColumn;

/**
 * The letter's insert with placeholders (`<prefix>0_<column>`), for a statement built once (the
 * intake's start step, with the letter as one of its own writes); `letterInsertValues` gives a run's values.
 */
export function letterInsertTemplate(db: Tx, prefix: string) {
  return db.insert(letters).values(placeholderRows(OPEN_COLUMNS, 1, prefix) as unknown as LetterInsert[]);
}

export function letterInsertValues(row: LetterOpen, prefix: string): Record<string, unknown> {
  return placeholderValues(OPEN_COLUMNS, [row], prefix);
}

/** The row a letter's insert wrote, without reading it back: its generated columns (the folded text, the sketch) are read only by SQL. */
export function openedLetterRow(row: LetterOpen): LetterRow {
  return { ...row, contentFolded: null, contentSketch: null };
}

export async function updateLetter(db: Tx, id: string, fields: Partial<LetterInsert>): Promise<void> {
  await db
    .update(letters)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(letters.id, id));
}

/** Updates the letter; returns its row as updated and `read`, a value read by the same statement (RETURNING: as before the update). */
export async function updateLetterAndRead<T>(db: Tx, id: string, fields: Partial<LetterInsert>, read: SQL<T>): Promise<{ row: LetterRow; read: T }> {
  const [out] = await db
    .update(letters)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(letters.id, id))
    .returning({ ...getTableColumns(letters), read });
  if (!out) throw new Error('letter update returned no row');
  const { read: value, ...row } = out;
  return { row, read: value };
}

export type LetterFileInsert = typeof letterFiles.$inferInsert;

export async function linkLetterFiles(db: Tx, links: readonly LetterFileInsert[]): Promise<void> {
  if (links.length) await db.insert(letterFiles).values([...links]).onConflictDoNothing();
}

/** File ids among `ids` that a letter already holds. */
export async function letterFileIds(db: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectDistinct({ fileId: letterFiles.fileId }).from(letterFiles).where(inArray(letterFiles.fileId, [...ids]));
  return new Set(rows.map((r) => r.fileId));
}

export async function filesOfLetter(db: Tx, letterId: string) {
  return db
    .select({
      fileId: letterFiles.fileId,
      name: letterFiles.name,
      kind: letterFiles.kind,
      caseId: letterFiles.caseId,
      stepSeq: letterFiles.stepSeq,
      mime: files.mime,
      size: files.size,
    })
    .from(letterFiles)
    .innerJoin(files, eq(files.id, letterFiles.fileId))
    .where(eq(letterFiles.letterId, letterId))
    .orderBy(asc(letterFiles.createdAt), asc(letterFiles.name));
}

export async function letterFile(db: Tx, letterId: string, fileId: string) {
  const [row] = await db
    .select({ file: files, name: letterFiles.name, kind: letterFiles.kind, caseId: letterFiles.caseId })
    .from(letterFiles)
    .innerJoin(files, eq(files.id, letterFiles.fileId))
    .where(and(eq(letterFiles.letterId, letterId), eq(letterFiles.fileId, fileId)));
  return row;
}

/** `path LIKE p%` on an aliased units table (db/scope's helper is bound to the plain table). */
export function under(col: SQL | AnyColumn, paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((p) => sql`${col} like ${`${escapeLike(p)}%`}`)) as SQL;
}

/** A letter is visible where it was received, where one of its cases is handled, and to a case's assignee. */
export function letterVisibleTo(paths: readonly string[], staffId: string): SQL {
  const handled = sql`exists (select 1 from ${letterCases} c join ${units} u on u.id = c.unit_id
    where c.letter_id = ${letters.id} and (${under(sql`u.path`, paths)} or c.assignee_id = ${staffId}))`;
  return or(under(recv.path, paths), handled) as SQL;
}

export interface LetterListFilter {
  visible: SQL;
  state?: string | undefined;
  q?: string | undefined;
  /** Where `q` may match the content: the writer's own words may name a protected writer (access: mayRevealIdentitySql). */
  contentSearchable: SQL;
  /** Oldest first for letters to classify (the most urgent), newest first otherwise. */
  order: 'asc' | 'desc';
  after?: { ms: number; id: string } | undefined;
  limit: number;
}

const caseCount = sql<number>`(select count(*)::int from ${letterCases} c where c.letter_id = ${letters.id})`;

export async function listLetters(db: Tx, f: LetterListFilter): Promise<Array<LetterWithUnit & { caseCount: number }>> {
  const where: SQL[] = [f.visible];
  if (f.state) where.push(eq(letters.state, f.state));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(eq(letters.code, f.q), sql`(${letters.contentFolded} like dv_fold(${like}) and ${f.contentSearchable})`, sql`dv_fold(${letters.writerName}) like dv_fold(${like})`) as SQL);
  }
  if (f.after) {
    const at = sql`${new Date(f.after.ms).toISOString()}::timestamptz`;
    const beyond = f.order === 'asc' ? gt : lt;
    where.push(or(beyond(letters.receivedAt, at), and(eq(letters.receivedAt, at), beyond(letters.id, f.after.id))) as SQL);
  }
  const dir = f.order === 'asc' ? asc : desc;
  const rows = await db
    .select({ l: letters, unitPath: recv.path, unitName: recv.name, unitCode: recv.code, caseCount })
    .from(letters)
    .innerJoin(recv, eq(recv.id, letters.unitId))
    .where(and(...where))
    .orderBy(dir(letters.receivedAt), dir(letters.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...flat(r), caseCount: r.caseCount }));
}
