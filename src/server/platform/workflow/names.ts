// Names of the units, agencies and staff a timeline refers to by id (dossiers, letters), looked up once per distinct id.
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queryRows } from '../../db/rows';
import { agencies, staff, units } from '../../db/schema';
import type { Step } from './workflow.service';

export interface StepNames {
  unit: (id: string | null) => string | null;
  agency: (id: string | null) => string | null;
  staff: (id: string | null) => string | null;
}

const distinct = (ids: Iterable<string | null | undefined>) => [...new Set([...ids].filter((x): x is string => !!x))];

/**
 * A timeline names a handful of places and people: one UNION ALL statement reads them all
 * (it was one query per id, the most frequent statement of a busy server).
 */
export async function namesOfSteps(
  db: Tx,
  steps: readonly Step[],
  extra: { agencies?: ReadonlyArray<string | null>; staff?: ReadonlyArray<string | null> } = {},
): Promise<StepNames> {
  const unitIds = distinct(steps.flatMap((s) => [s.fromUnitId, s.toUnitId]));
  const agencyIds = distinct([...steps.flatMap((s) => [s.fromAgencyId, s.toAgencyId]), ...(extra.agencies ?? [])]);
  const staffIds = distinct([...steps.map((s) => s.assigneeId), ...(extra.staff ?? [])]);
  const maps = { u: new Map<string, string>(), a: new Map<string, string>(), s: new Map<string, string>() };
  if (unitIds.length + agencyIds.length + staffIds.length > 0) {
    // inArray of an empty list is `false`: that part answers nothing.
    const rows = await queryRows<{ kind: 'u' | 'a' | 's'; id: string; name: string }>(
      db,
      sql`select 'u' as kind, id::text as id, name from units where ${inArray(units.id, unitIds)}
        union all select 'a', id::text, name from agencies where ${inArray(agencies.id, agencyIds)}
        union all select 's', id::text, full_name from staff where ${inArray(staff.id, staffIds)}`,
    );
    for (const r of rows) maps[r.kind].set(r.id, r.name);
  }
  const get = (m: Map<string, string>) => (id: string | null) => (id ? (m.get(id) ?? null) : null);
  return { unit: get(maps.u), agency: get(maps.a), staff: get(maps.s) };
}
