// What the printed forms read: the dossier, its steps, and the names of the agencies, units and staff those steps name.
import type { Tx } from '../../../db/client';
import type { Step } from '../../../platform/workflow/workflow.service';
import { history } from '../../../platform/workflow/workflow.service';
import { findAgency } from '../../org/agencies.service';
import { findStaffMember } from '../../org/staff.service';
import { findUnit } from '../../org/units.service';
import { ENTITY } from '../dossiers.actions';
import { trackingUrl } from '../dossiers.intake';
import { documentsOf, type DossierWithUnits } from '../dossiers.queries';

export interface FormContext {
  dossier: DossierWithUnits;
  steps: Step[];
  agencyName: (id: string | null | undefined) => string | null;
  unitName: (id: string | null | undefined) => string | null;
  staffName: (id: string | null | undefined) => string | null;
  /** The public status page `<public URL>/tra-cuu/<code>`: the QR code of the receipt. */
  statusUrl: string;
  /** Only when the request proved it: printed as text on the receipt, never put in the QR code. */
  secret: string | null;
  /** Names of the files filed with the application (the receipt's list when the officer typed none). */
  applicationDocuments: string[];
}

async function namesOf<T>(ids: Iterable<string | null | undefined>, find: (id: string) => Promise<T | undefined>, name: (row: T) => string) {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  const rows = await Promise.all(unique.map(async (id) => [id, await find(id)] as const));
  const map = new Map<string, string>();
  for (const [id, row] of rows) if (row) map.set(id, name(row));
  return (id: string | null | undefined) => (id ? (map.get(id) ?? null) : null);
}

/** Call only after the access check: this reads whatever the dossier's history names. */
export async function loadFormContext(
  db: Tx,
  d: DossierWithUnits,
  opts: { publicUrl: string; secret: string | null },
): Promise<FormContext> {
  const steps = await history(db, ENTITY, d.id);
  const agencyIds = [d.agencyId, d.receivingAgencyId, ...steps.flatMap((s) => [s.fromAgencyId, s.toAgencyId])];
  const unitIds = [d.unitId, d.receivingUnitId, ...steps.flatMap((s) => [s.fromUnitId, s.toUnitId])];
  const staffIds = steps.flatMap((s) => [s.actorId, s.assigneeId]);
  const [agencyName, unitName, staffName, docs] = await Promise.all([
    namesOf(agencyIds, (id) => findAgency(db, id), (a) => a.name),
    namesOf(unitIds, (id) => findUnit(db, id), (u) => u.name),
    namesOf(staffIds, (id) => findStaffMember(db, id), (s) => s.fullName),
    documentsOf(db, d.id),
  ]);
  return {
    dossier: d,
    steps,
    agencyName,
    unitName,
    staffName,
    statusUrl: `${opts.publicUrl}${trackingUrl(d.code)}`,
    secret: opts.secret,
    applicationDocuments: docs.filter((x) => x.kind === 'application').map((x) => x.name),
  };
}

/** The last step of one of the actions, if any. */
export function lastStep(ctx: FormContext, actions: readonly string[]): Step | undefined {
  return [...ctx.steps].reverse().find((s) => actions.includes(s.action));
}

/** A step's `data` field as text (the engine stores what the action's fields declared). */
export function dataText(step: Step | undefined, key: string): string | null {
  const v = step?.data[key];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}
