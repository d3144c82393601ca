// Writes of letter cases whose row the caller knows without reading it again: a new case with its
// audit entry and its link to the letter as writes of its start step's statement, the case row after
// an action with the rest of its page, and the guarded update of an action written at once.
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { letterCaseLetters, letterCases } from '../../db/schema';
import { placeholderRows, placeholderValues } from '../../db/compiled';
import { auditInsertTemplate, auditInsertValues, type AuditEntry } from '../../platform/audit/audit';
import type { Alongside } from '../../platform/workflow/workflow.service';
import type { Ctx } from '../../platform/auth/actor';
import type { CaseInsert, CaseRow } from './letter-cases.queries';

/** A new case as its insert writes it: every column given, none left to a default. */
export type CaseOpen = CaseRow;

const OPEN_COLUMNS = [
  'id', 'code', 'letterId', 'ordinal', 'type', 'workflowCode', 'state', 'unitId', 'agencyId', 'assigneeId', 'summary', 'target',
  'aboutRegulation', 'eligibility', 'processable', 'notProcessableReason', 'anonymous', 'receivedAt', 'dueAt', 'acceptedAt',
  'finishedAt', 'outcome', 'outcomeReason', 'result', 'seq', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof CaseRow)[];
// Every column is written: a column added to the table must be added above.
const everyColumn: [Exclude<keyof CaseRow, (typeof OPEN_COLUMNS)[number]>] extends [never] ? true : never = true;
void everyColumn;

const LINK_COLUMNS = ['caseId', 'letterId', 'role', 'linkedBy', 'linkedAt'] as const satisfies readonly (keyof typeof letterCaseLetters.$inferInsert)[];

/**
 * A case opened from its letter, its audit entry and its link to that letter (role `origin`), as
 * writes of its start step's statement (see `Alongside` in the workflow service), built once.
 */
export function caseOpenAlongside(tx: Tx, ctx: Ctx, row: CaseOpen, audit: AuditEntry): Alongside {
  return {
    key: 'letter_case_open',
    build: () => [
      tx.insert(letterCases).values(placeholderRows(OPEN_COLUMNS, 1, 'case') as unknown as CaseInsert[]),
      auditInsertTemplate(tx, 'case_created'),
      tx.insert(letterCaseLetters).values(placeholderRows(LINK_COLUMNS, 1, 'case_link') as unknown as (typeof letterCaseLetters.$inferInsert)[]),
    ],
    values: {
      ...placeholderValues(OPEN_COLUMNS, [row], 'case'),
      ...auditInsertValues(ctx, audit, 'case_created'),
      ...placeholderValues(LINK_COLUMNS, [{ caseId: row.id, letterId: row.letterId, role: 'origin', linkedBy: ctx.actor.id, linkedAt: row.createdAt }], 'case_link'),
    },
  };
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
