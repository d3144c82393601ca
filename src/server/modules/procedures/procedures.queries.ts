// SQL of the procedure catalog: lookups, field counts and writes (the search lives in procedures.search.ts).
import { asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { forgetCached } from '../../db/notified-cache';
import { procedures } from '../../db/schema';

export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureInsert = typeof procedures.$inferInsert;
export type ProcedureFields = Partial<Omit<ProcedureInsert, 'id' | 'createdAt' | 'updatedAt'>>;

export const PROCEDURE_COLUMNS = getTableColumns(procedures);

export async function findProcedureById(db: Tx, id: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id));
  return row;
}

export async function findProcedureByCode(db: Tx, code: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(procedures).where(eq(procedures.code, code));
  return row;
}

export async function findProceduresByCodes(db: Tx, codes: readonly string[]): Promise<ProcedureRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(procedures).where(inArray(procedures.code, [...codes]));
}

/** Fields (lĩnh vực) of the active catalog with how many procedures each holds; the name shown is the most recent spelling. */
export async function listFieldCounts(db: Tx): Promise<Array<{ code: string; name: string; count: number }>> {
  return db
    .select({
      code: procedures.fieldCode,
      name: sql<string>`(array_agg(${procedures.fieldName} order by ${procedures.updatedAt} desc))[1]`,
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(procedures)
    .where(eq(procedures.active, true))
    .groupBy(procedures.fieldCode)
    .orderBy(asc(sql`2`));
}

export async function insertProcedure(db: Tx, row: ProcedureInsert): Promise<ProcedureRow> {
  const [created] = await db.insert(procedures).values(row).returning();
  if (!created) throw new Error('procedure insert returned nothing');
  forgetCached(db);
  return created;
}

export async function updateProcedureFields(db: Tx, id: string, fields: ProcedureFields): Promise<ProcedureRow> {
  const [updated] = await db
    .update(procedures)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(procedures.id, id))
    .returning();
  if (!updated) throw new Error('procedure update returned nothing');
  forgetCached(db);
  return updated;
}

/** Inserts new codes and overwrites existing ones in one statement per batch (the import). */
export async function upsertProcedures(db: Tx, rows: ProcedureInsert[]): Promise<void> {
  if (rows.length === 0) return;
  forgetCached(db);
  const excluded = (c: string) => sql.raw(`excluded.${c}`);
  await db
    .insert(procedures)
    .values(rows)
    .onConflictDoUpdate({
      target: procedures.code,
      set: {
        name: excluded('name'),
        fieldCode: excluded('field_code'),
        fieldName: excluded('field_name'),
        level: excluded('level'),
        implementingAgency: excluded('implementing_agency'),
        agencyId: excluded('agency_id'),
        unitId: excluded('unit_id'),
        statutoryDays: excluded('statutory_days'),
        localDays: excluded('local_days'),
        fees: excluded('fees'),
        documents: excluded('documents'),
        result: excluded('result'),
        legalBasis: excluded('legal_basis'),
        fullyOnline: excluded('fully_online'),
        workflowCode: excluded('workflow_code'),
        active: excluded('active'),
        updatedAt: sql`now()`,
      },
    });
}
