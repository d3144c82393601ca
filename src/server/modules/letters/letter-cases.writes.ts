// Writes of letter cases that answer with the row, so that the page answering the write is built
// from what the transaction holds: a new case with its audit entry and its link to the letter in one
// statement, the case row after an action with the rest of its page, and the guarded update of an
// action written at once.
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { letterCaseLetters, letterCases } from '../../db/schema';
import { auditCte, type AuditEntry } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import type { CaseInsert, CaseRow } from './letter-cases.queries';

/**
 * Writes a case opened from its letter (`row.id` given), the audit entry `audit` and the case's
 * link to that letter (role `origin`), in one statement.
 */
export async function insertOpenedCase(tx: Tx, ctx: Ctx, row: CaseInsert & { id: string }, audit: AuditEntry, linkedAt: Date): Promise<CaseRow> {
  const link = tx
    .$with('case_link')
    .as(tx.insert(letterCaseLetters).values({ caseId: row.id, letterId: row.letterId, role: 'origin', linkedBy: ctx.actor.id, linkedAt }));
  const [out] = await tx.with(auditCte(tx, ctx, audit), link).insert(letterCases).values(row).returning();
  if (!out) throw new Error('letter case insert returned no row');
  return out;
}

/** Updates the case; returns its row as updated and `read`, a value read by the same statement (RETURNING: as before the update). */
export async function updateCaseAndRead<T>(db: Tx, id: string, fields: Partial<CaseInsert>, read: SQL<T>): Promise<{ row: CaseRow; read: T }> {
  const [out] = await db
    .update(letterCases)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(letterCases.id, id))
    .returning({ ...getTableColumns(letterCases), read });
  if (!out) throw new Error('letter case update returned no row');
  const { read: value, ...row } = out;
  return { row, read: value };
}

/** The columns an action mirrors from its step onto the case's row (`mirror` sets no others). */
export const CASE_MIRRORED = ['state', 'seq', 'unitId', 'agencyId', 'dueAt', 'assigneeId', 'outcome', 'outcomeReason', 'acceptedAt', 'result', 'finishedAt', 'updatedAt'] as const satisfies readonly (keyof CaseRow)[];

/**
 * The update of a case's mirrored columns (placeholders `case_<column>` and `case_id`) only while its
 * seq is still `case_seqRead`, returning its id: the guard of an action written at once, built once.
 * Every mirrored column is written, from the row as read with the step's changes (`caseUpdateValues`).
 */
export function caseGuardTemplate(db: Tx) {
  return db
    .update(letterCases)
    .set(Object.fromEntries(CASE_MIRRORED.map((c) => [c, sql.placeholder(`case_${c}`)])))
    .where(and(eq(letterCases.id, sql.placeholder('case_id')), eq(letterCases.seq, sql.placeholder('case_seqRead'))))
    .returning({ id: letterCases.id });
}

export function caseUpdateValues(row: Pick<CaseRow, 'id' | (typeof CASE_MIRRORED)[number]>, seqRead: number): Record<string, unknown> {
  const values: Record<string, unknown> = { case_id: row.id, case_seqRead: seqRead };
  for (const c of CASE_MIRRORED) values[`case_${c}`] = row[c];
  return values;
}
