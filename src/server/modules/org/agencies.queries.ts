// SQL of agencies (sở, ban, ngành, phòng, the one-stop desk) inside units.
import { asc, eq, sql } from 'drizzle-orm';
import type { AgencyKind } from '../../../common/roles';
import type { Tx } from '../../db/client';
import { forgetCached } from '../../db/notified-cache';
import { agencies, units } from '../../db/schema';

export interface AgencyRow {
  id: string;
  unitId: string;
  code: string;
  name: string;
  kind: AgencyKind;
  validFrom: string | null;
  validTo: string | null;
}

const agencyColumns = {
  id: agencies.id,
  unitId: agencies.unitId,
  code: agencies.code,
  name: agencies.name,
  kind: sql<AgencyKind>`${agencies.kind}`,
  validFrom: agencies.validFrom,
  validTo: agencies.validTo,
};

export async function listAgenciesOfUnit(db: Tx, unitId: string): Promise<AgencyRow[]> {
  return db.select(agencyColumns).from(agencies).where(eq(agencies.unitId, unitId)).orderBy(asc(agencies.name), asc(agencies.id));
}

/** The agency with the path of its unit, for the permission check. */
export async function findAgencyWithPath(db: Tx, id: string): Promise<(AgencyRow & { unitPath: string }) | undefined> {
  const [row] = await db
    .select({ ...agencyColumns, unitPath: units.path })
    .from(agencies)
    .innerJoin(units, eq(units.id, agencies.unitId))
    .where(eq(agencies.id, id));
  return row;
}

export async function insertAgency(db: Tx, row: Omit<AgencyRow, 'id'>): Promise<string> {
  const [created] = await db.insert(agencies).values(row).returning({ id: agencies.id });
  if (!created) throw new Error('agency insert returned nothing');
  forgetCached(db);
  return created.id;
}

export async function updateAgencyFields(db: Tx, id: string, fields: Partial<Omit<AgencyRow, 'id' | 'unitId'>>): Promise<void> {
  await db
    .update(agencies)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(agencies.id, id));
  forgetCached(db);
}
