// SQL of the action pickers: staff holding given roles on given units (the assignee candidates) and their open dossiers.
import { and, asc, count, eq, exists, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, dossiers, roleGrants, staff, units } from '../../db/schema';

export interface CandidateRow {
  id: string;
  fullName: string;
  title: string | null;
  agencyId: string | null;
  unitName: string;
  agencyName: string | null;
}

/** A generous cap: a unit has tens of specialists, not thousands; the picker searches within them. */
const MAX_CANDIDATES = 300;

/**
 * Active staff with a grant of one of `roles` on one of `unitIds` (the case's unit and the units above
 * it, the case's own last: a grant covers the units below) who belong to the case's unit or hold the
 * role on that very unit: the engine's assignee check (workflow.targets.ts), so that a province
 * department's specialist is not offered for a commune's case. The org module has no such lookup;
 * the query reads its tables directly, like the engine.
 */
export async function staffWithRolesOn(db: Tx, roles: readonly string[], unitIds: readonly string[]): Promise<CandidateRow[]> {
  const caseUnit = unitIds[unitIds.length - 1];
  if (!roles.length || !caseUnit) return [];
  const grantOn = (ids: readonly string[]) =>
    db
      .select({ one: sql`1` })
      .from(roleGrants)
      .where(and(eq(roleGrants.staffId, staff.id), inArray(roleGrants.role, [...roles]), inArray(roleGrants.unitId, [...ids])));
  const granted = and(exists(grantOn(unitIds)), or(eq(staff.unitId, caseUnit), exists(grantOn([caseUnit]))));
  return db
    .select({ id: staff.id, fullName: staff.fullName, title: staff.title, agencyId: staff.agencyId, unitName: units.name, agencyName: agencies.name })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.unitId))
    .leftJoin(agencies, eq(agencies.id, staff.agencyId))
    .where(and(eq(staff.active, true), granted))
    .orderBy(asc(staff.fullName), asc(staff.id))
    .limit(MAX_CANDIDATES);
}

/** How many dossiers in `states` each of `staffIds` holds. */
export async function openDossierCounts(db: Tx, staffIds: readonly string[], states: readonly string[]): Promise<Map<string, number>> {
  if (!staffIds.length || !states.length) return new Map();
  const rows = await db
    .select({ assigneeId: dossiers.assigneeId, n: count() })
    .from(dossiers)
    .where(and(inArray(dossiers.assigneeId, [...staffIds]), inArray(dossiers.state, [...states])))
    .groupBy(dossiers.assigneeId);
  return new Map(rows.filter((r) => r.assigneeId !== null).map((r) => [r.assigneeId as string, Number(r.n)]));
}
