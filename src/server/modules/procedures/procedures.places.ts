// Where a citizen may file a procedure online: the named agency's unit, else the units in operation that its catalog covers.
import type { ReceivingUnitList } from '../../../common/procedures.schema';
import type { UnitKind } from '../../../common/roles';
import type { Tx } from '../../db/client';
import { findAgency } from '../org/agencies.service';
import { isActiveOn, todayVn } from '../org/org.guards';
import { findUnit, unitsUnder } from '../org/units.service';
import { getPublicProcedure } from './procedures.service';

const LOCAL_KINDS: ReadonlySet<UnitKind> = new Set(['commune', 'ward', 'special_zone']);
const PROVINCIAL_KINDS: ReadonlySet<UnitKind> = new Set(['province', 'central_city']);

/**
 * The same rule as online submission (dossiers.intake.ts): a named agency's unit receives the dossier;
 * otherwise the citizen chooses a unit of the procedure's level inside its catalog, in operation today.
 */
export async function receivingUnits(db: Tx, code: string, now = new Date()): Promise<ReceivingUnitList> {
  const proc = await getPublicProcedure(db, code);
  const named = proc.agencyId ? await findAgency(db, proc.agencyId) : undefined;
  if (named) {
    const unit = await findUnit(db, named.unitId);
    return { named: true, items: unit ? [{ id: unit.id, name: unit.name, kind: unit.kind }] : [] };
  }
  if (!proc.unitId) return { named: false, items: [] };
  const day = todayVn(now);
  const kinds = new Set<UnitKind>([
    ...(proc.level === 'province' ? [] : LOCAL_KINDS),
    ...(proc.level === 'commune' ? [] : PROVINCIAL_KINDS),
  ]);
  const rows = (await unitsUnder(db, proc.unitId)).filter((u) => kinds.has(u.kind) && isActiveOn(day, u.validFrom, u.validTo));
  rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { named: false, items: rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind })) };
}
