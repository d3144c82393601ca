// SQL of letter cases: the case with its units and letter, updates, links to letters, the scoped inbox with keyset pages and its counts.
import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { escapeLike } from '../../db/scope';
import { afterDue, dueConditions, dueSortKey, type DueWindow } from '../../platform/workflow/inbox';
import { letterCaseAlerts, letterCaseLetters, letterCases, letters, units } from '../../db/schema';
import { recv, under } from './letters.queries';

export type CaseRow = typeof letterCases.$inferSelect;
export type CaseInsert = typeof letterCases.$inferInsert;
/** A case with where it is handled, where its letter was received, and the letter's list-safe facts. */
export type CaseWithUnits = CaseRow & {
  unitPath: string;
  unitName: string;
  letterCode: string;
  letterUnitPath: string;
  /** The plaintext column: null on a protected or not yet classified letter. */
  writerName: string | null;
};

const cur = alias(units, 'case_unit');

function selectWithUnits(db: Tx) {
  return db
    .select({ c: letterCases, unitPath: cur.path, unitName: cur.name, letterCode: letters.code, letterUnitPath: recv.path, writerName: letters.writerName })
    .from(letterCases)
    .innerJoin(cur, eq(cur.id, letterCases.unitId))
    .innerJoin(letters, eq(letters.id, letterCases.letterId))
    .innerJoin(recv, eq(recv.id, letters.unitId));
}

type Joined = { c: CaseRow; unitPath: string; unitName: string; letterCode: string; letterUnitPath: string; writerName: string | null };
const flat = (r: Joined): CaseWithUnits => ({
  ...r.c,
  unitPath: r.unitPath,
  unitName: r.unitName,
  letterCode: r.letterCode,
  letterUnitPath: r.letterUnitPath,
  writerName: r.writerName,
});

/** `forUpdate` locks the case, so that two actions on one case queue up instead of colliding on the step seq. */
export async function findCase(db: Tx, id: string, forUpdate = false): Promise<CaseWithUnits | undefined> {
  const q = selectWithUnits(db).where(eq(letterCases.id, id));
  const [row] = forUpdate ? await q.for('update', { of: letterCases }) : await q;
  return row ? flat(row) : undefined;
}

export async function casesOfLetter(db: Tx, letterId: string): Promise<CaseWithUnits[]> {
  const rows = await selectWithUnits(db).where(eq(letterCases.letterId, letterId)).orderBy(asc(letterCases.ordinal));
  return rows.map(flat);
}

/** The cases a letter belongs to: those split from it and, for a letter filed as a duplicate, the case it joined (its access and reveal follow that case). */
// Two indexed reads rather than one OR over a subquery, which the planner answered with a scan of every case.
export async function casesHoldingLetter(db: Tx, letterId: string): Promise<CaseWithUnits[]> {
  const own = await casesOfLetter(db, letterId);
  const joined = await db
    .select({ id: letterCaseLetters.caseId })
    .from(letterCaseLetters)
    .where(and(eq(letterCaseLetters.letterId, letterId), eq(letterCaseLetters.role, 'duplicate')));
  if (joined.length === 0) return own;
  const rows = await selectWithUnits(db).where(inArray(letterCases.id, joined.map((j) => j.id)));
  return [...own, ...rows.map(flat)];
}

export async function insertCase(db: Tx, row: CaseInsert): Promise<CaseRow> {
  const [out] = await db.insert(letterCases).values(row).returning();
  if (!out) throw new Error('letter case insert returned no row');
  return out;
}

export async function updateCase(db: Tx, id: string, fields: Partial<CaseInsert>): Promise<void> {
  await db
    .update(letterCases)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(letterCases.id, id));
}

export async function linkCaseLetter(db: Tx, row: typeof letterCaseLetters.$inferInsert): Promise<void> {
  await db.insert(letterCaseLetters).values(row).onConflictDoNothing();
}

/** A letter filed with a case as a duplicate leaves it (never the letter the case was split from). */
export async function unlinkDuplicate(db: Tx, caseId: string, letterId: string): Promise<void> {
  await db
    .delete(letterCaseLetters)
    .where(and(eq(letterCaseLetters.caseId, caseId), eq(letterCaseLetters.letterId, letterId), eq(letterCaseLetters.role, 'duplicate')));
}

/** Every letter a case holds, the one it was split from first; the writer only as the plaintext column (null when protected). */
export async function lettersOfCase(db: Tx, caseId: string) {
  return db
    .select({
      id: letters.id,
      code: letters.code,
      role: letterCaseLetters.role,
      receivedAt: letters.receivedAt,
      writerName: letters.writerName,
      anonymous: letters.anonymous,
      identityProtected: letters.identityProtected,
      similarity: letterCaseLetters.similarity,
    })
    .from(letterCaseLetters)
    .innerJoin(letters, eq(letters.id, letterCaseLetters.letterId))
    .where(eq(letterCaseLetters.caseId, caseId))
    .orderBy(sql`${letterCaseLetters.role} = 'origin' desc`, asc(letters.receivedAt));
}

/** Visible to the user: handled at, or received by, a unit under one of the paths, or assigned to them. */
export function caseVisibleTo(paths: readonly string[], staffId: string): SQL {
  return or(under(cur.path, paths), under(recv.path, paths), eq(letterCases.assigneeId, staffId)) as SQL;
}

/**
 * Escalated: the deadline job reported the case to the superiors for the deadline running now (an extension sets a
 * new one, not escalated until it passes too); the same rule as the case page's `escalated` (alertsView).
 */
const escalatedSql = sql`exists (select 1 from ${letterCaseAlerts} where ${letterCaseAlerts.caseId} = ${letterCases.id} and ${letterCaseAlerts.kind} = 'escalation' and ${letterCaseAlerts.dueAt} = ${letterCases.dueAt})`;

/** The inbox order: the most urgent first; cases without a deadline (finished) last. */
const dueKey = dueSortKey(letterCases.dueAt);

export interface CaseListFilter {
  visible: SQL;
  states?: readonly string[] | undefined;
  type?: string | undefined;
  activeStates: readonly string[];
  assigneeId?: string | undefined;
  window: DueWindow;
  /** Only cases escalated for their running deadline (with the `overdue` window). */
  escalated?: boolean | undefined;
  q?: string | undefined;
  /** Where `q` may match the letter's content (access: mayRevealIdentitySql). */
  contentSearchable: SQL;
  after?: { dueMs: number; id: string } | undefined;
  limit: number;
}

/**
 * Search by a case's or letter's code, or by words of the content, summary, target or the writer's
 * name; the name exists in plaintext only on letters without a denunciation, so a protected writer
 * can never be found by name, nor by the content (where they may have written it) unless `contentSearchable`.
 */
function searchCondition(q: string, contentSearchable: SQL): SQL {
  const like = `%${escapeLike(q)}%`;
  return or(
    eq(letterCases.code, q),
    eq(letters.code, q),
    sql`(${letters.contentFolded} like dv_fold(${like}) and ${contentSearchable})`,
    sql`dv_fold(${letterCases.summary} || ' ' || coalesce(${letterCases.target}, '')) like dv_fold(${like})`,
    sql`dv_fold(${letters.writerName}) like dv_fold(${like})`,
  ) as SQL;
}

export async function listCases(db: Tx, f: CaseListFilter): Promise<CaseWithUnits[]> {
  const where: SQL[] = [f.visible];
  if (f.states?.length) where.push(inArray(letterCases.state, [...f.states]));
  if (f.type) where.push(eq(letterCases.type, f.type));
  if (f.assigneeId) where.push(eq(letterCases.assigneeId, f.assigneeId));
  where.push(...dueConditions(letterCases.dueAt, letterCases.state, f.activeStates, f.window));
  if (f.escalated) where.push(escalatedSql);
  if (f.q) where.push(searchCondition(f.q, f.contentSearchable));
  if (f.after) where.push(afterDue(letterCases.dueAt, letterCases.id, f.after));
  const rows = await selectWithUnits(db)
    .where(and(...where))
    .orderBy(asc(dueKey), asc(letterCases.id))
    .limit(f.limit + 1);
  return rows.map(flat);
}

export interface CaseCountsFilter {
  staffId: string;
  visible: SQL;
  activeStates: readonly string[];
  now: Date;
  dueSoonBefore: Date;
}

export async function caseCounts(db: Tx, f: CaseCountsFilter) {
  const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
  const [out] = await db
    .select({
      toProcess: n(eq(letterCases.state, 'to_process')),
      processing: sql<number>`count(*)::int`,
      mine: n(eq(letterCases.assigneeId, f.staffId)),
      dueSoon: n(and(isNotNull(letterCases.dueAt), gte(letterCases.dueAt, f.now), lt(letterCases.dueAt, f.dueSoonBefore)) as SQL),
      overdue: n(and(isNotNull(letterCases.dueAt), lt(letterCases.dueAt, f.now)) as SQL),
      escalated: n(and(isNotNull(letterCases.dueAt), lt(letterCases.dueAt, f.now), escalatedSql) as SQL),
    })
    .from(letterCases)
    .innerJoin(cur, eq(cur.id, letterCases.unitId))
    .innerJoin(letters, eq(letters.id, letterCases.letterId))
    .innerJoin(recv, eq(recv.id, letters.unitId))
    .where(and(f.visible, inArray(letterCases.state, [...f.activeStates])));
  return out ?? { toProcess: 0, processing: 0, mine: 0, dueSoon: 0, overdue: 0, escalated: 0 };
}

/** Letters received by the units under `paths` and not classified yet. */
export async function toClassifyCount(db: Tx, paths: readonly string[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(letters)
    .innerJoin(recv, eq(recv.id, letters.unitId))
    .where(and(eq(letters.state, 'received'), under(recv.path, paths)));
  return row?.n ?? 0;
}
