// Where a citizen may address a letter on the portal: every unit in operation today except districts (abolished in the
// two-level government), the province first, then communes and wards by name.
import type { LetterUnitList } from '../../../common/letters-tracking.schema';
import type { Tx } from '../../db/client';
import { todayVn } from '../org/org.guards';
import { listAllUnits } from '../org/units.queries';
import { clock } from './letters.clock';

const collator = new Intl.Collator('vi');

export async function letterUnits(db: Tx, now: Date = clock.now()): Promise<LetterUnitList> {
  const rows = await listAllUnits(db, { includeInactive: false, today: todayVn(now) });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const items = rows
    .filter((r) => r.kind !== 'district')
    .sort((a, b) => a.depth - b.depth || collator.compare(a.name, b.name))
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentName: r.parentId ? (names.get(r.parentId) ?? null) : null }));
  return { items };
}
