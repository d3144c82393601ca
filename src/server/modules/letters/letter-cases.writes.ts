// Writes of letter cases that answer with the row, so that the page answering the write is built
// from what the transaction holds: a new case with its audit entry and its link to the letter in one
// statement, the case row after an action with the rest of its page.
import { eq, getTableColumns, type SQL } from 'drizzle-orm';
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
