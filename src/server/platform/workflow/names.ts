// Names of the units, agencies and staff a timeline refers to by id (dossiers, letters), looked up once per distinct id.
import { inArray, sql, type SQL } from 'drizzle-orm';
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

type NameRow = { kind: 'u' | 'a' | 's'; id: string; name: string };
type Extra = { agencies?: ReadonlyArray<string | null>; staff?: ReadonlyArray<string | null> };

/** The statement reading the names a timeline refers to (rows `kind`, `id`, `name`), or null when it names nobody. */
export function namesQuery(steps: readonly Step[], extra: Extra = {}): SQL | null {
  const unitIds = distinct(steps.flatMap((s) => [s.fromUnitId, s.toUnitId]));
  const agencyIds = distinct([...steps.flatMap((s) => [s.fromAgencyId, s.toAgencyId]), ...(extra.agencies ?? [])]);
  const staffIds = distinct([...steps.map((s) => s.assigneeId), ...(extra.staff ?? [])]);
  if (unitIds.length + agencyIds.length + staffIds.length === 0) return null;
  // inArray of an empty list is `false`: that part answers nothing.
  return sql`select 'u' as kind, id::text as id, name from units where ${inArray(units.id, unitIds)}
    union all select 'a', id::text, name from agencies where ${inArray(agencies.id, agencyIds)}
    union all select 's', id::text, full_name from staff where ${inArray(staff.id, staffIds)}`;
}

/** The look-ups of the rows `namesQuery` read. */
export function stepNames(rows: readonly NameRow[]): StepNames {
  const maps = { u: new Map<string, string>(), a: new Map<string, string>(), s: new Map<string, string>() };
  for (const r of rows) maps[r.kind].set(r.id, r.name);
  const get = (m: Map<string, string>) => (id: string | null) => (id ? (m.get(id) ?? null) : null);
  return { unit: get(maps.u), agency: get(maps.a), staff: get(maps.s) };
}

/**
 * A timeline names a handful of places and people: one UNION ALL statement reads them all
 * (it was one query per id, the most frequent statement of a busy server).
 */
export async function namesOfSteps(db: Tx, steps: readonly Step[], extra: Extra = {}): Promise<StepNames> {
  const query = namesQuery(steps, extra);
  return stepNames(query ? await queryRows<NameRow>(db, query) : []);
}
