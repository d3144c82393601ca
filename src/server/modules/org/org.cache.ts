// Units and agencies as the busiest requests read them (a submission, an intake, a transfer): kept
// per process for up to a minute and forgotten in every process the moment one is written
// (db/notified-cache.ts, migration 0022). For reads only: a transaction that writes units or
// agencies reads them with units.queries / agencies.queries, never from here.
import type { Tx } from '../../db/client';
import { cacheOf, frozen } from '../../db/notified-cache';
import { findAgencyWithPath, listAgenciesOfUnit, type AgencyRow } from './agencies.queries';
import { findUnitById, type UnitRow } from './units.queries';

const KEPT = { freshMs: 60_000, maxEntries: 10_000 };

/** A unit by id (as findUnit). */
export function cachedUnit(db: Tx, id: string): Promise<Readonly<UnitRow> | undefined> {
  return cacheOf<UnitRow>(db, 'units', KEPT).get(id, async () => frozen(await findUnitById(db, id)));
}

/** An agency by id with its unit's path (as findAgency). */
export function cachedAgency(db: Tx, id: string): Promise<Readonly<AgencyRow & { unitPath: string }> | undefined> {
  return cacheOf<AgencyRow & { unitPath: string }>(db, 'agencies', KEPT).get(id, async () => frozen(await findAgencyWithPath(db, id)));
}

/** The agencies of a unit, by name (as listAgenciesOfUnit). */
export function cachedAgenciesOfUnit(db: Tx, unitId: string): Promise<readonly Readonly<AgencyRow>[]> {
  return cacheOf<readonly AgencyRow[]>(db, 'agencies-of-unit', KEPT)
    .get(unitId, async () => Object.freeze((await listAgenciesOfUnit(db, unitId)).map((a) => Object.freeze(a))))
    .then((rows) => rows ?? []);
}
