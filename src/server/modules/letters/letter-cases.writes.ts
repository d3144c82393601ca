// Writes of letter cases that answer with the row, so that the page answering the write is built
// from what the transaction holds: a new case with its audit entry and its link to the letter in one
// statement, the case row after an action.
import { eq } from 'drizzle-orm';
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

/** Updates the case and returns its row as updated. */
export async function updateCaseRow(db: Tx, id: string, fields: Partial<CaseInsert>): Promise<CaseRow> {
  const [row] = await db
    .update(letterCases)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(letterCases.id, id))
    .returning();
  if (!row) throw new Error('letter case update returned no row');
  return row;
}
