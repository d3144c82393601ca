// Names of the units, agencies and staff a dossier's timeline refers to by id, looked up once per distinct id.
import type { Tx } from '../../db/client';
import { findAgency } from '../org/agencies.service';
import { findStaffMember } from '../org/staff.service';
import { findUnit } from '../org/units.service';
import type { Step } from '../../platform/workflow/workflow.service';

export interface StepNames {
  unit: (id: string | null) => string | null;
  agency: (id: string | null) => string | null;
  staff: (id: string | null) => string | null;
}

async function lookup(ids: Iterable<string | null>, find: (id: string) => Promise<string | undefined>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // One after the other: inside a transaction the queries share one connection anyway.
  for (const id of new Set([...ids].filter((x): x is string => !!x))) {
    const name = await find(id);
    if (name !== undefined) out.set(id, name);
  }
  return out;
}

/** A timeline has a handful of distinct places and people: one lookup each, through the org module's service. */
export async function namesOfSteps(db: Tx, steps: readonly Step[]): Promise<StepNames> {
  const units = await lookup(steps.flatMap((s) => [s.fromUnitId, s.toUnitId]), async (id) => (await findUnit(db, id))?.name);
  const agencies = await lookup(steps.flatMap((s) => [s.fromAgencyId, s.toAgencyId]), async (id) => (await findAgency(db, id))?.name);
  const people = await lookup(steps.map((s) => s.assigneeId), async (id) => (await findStaffMember(db, id))?.fullName);
  const get = (m: Map<string, string>) => (id: string | null) => (id ? (m.get(id) ?? null) : null);
  return { unit: get(units), agency: get(agencies), staff: get(people) };
}
