// SQL of administrative units: lookups, the whole tree, diacritic-insensitive search and subtree moves.
import { and, asc, eq, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { UnitKind } from '../../../common/roles';
import type { Tx } from '../../db/client';
import { authChanged } from '../../platform/auth/session-cache';
import { forgetCached } from '../../db/notified-cache';
import { units } from '../../db/schema';
import { escapeLike, underAnyPath } from '../../db/scope';

export interface UnitRow {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  childCount: number;
}

const unitColumns = {
  id: units.id,
  parentId: units.parentId,
  path: units.path,
  depth: units.depth,
  code: units.code,
  name: units.name,
  kind: sql<UnitKind>`${units.kind}`,
  validFrom: units.validFrom,
  validTo: units.validTo,
  note: units.note,
  // The inner table is aliased so that "units"."id" names the outer row.
  childCount: sql<number>`(select count(*)::int from units c where c.parent_id = units.id)`.mapWith(Number),
};

/** Units valid on `day` (YYYY-MM-DD): validity bounds are inclusive. */
export function activeOn(day: string): SQL {
  return and(
    or(isNull(units.validFrom), lte(units.validFrom, day)),
    or(isNull(units.validTo), gte(units.validTo, day)),
  ) as SQL;
}


export async function findUnitById(db: Tx, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select(unitColumns).from(units).where(eq(units.id, id));
  return row;
}

export async function findUnitByCode(db: Tx, code: string): Promise<UnitRow | undefined> {
  const [row] = await db.select(unitColumns).from(units).where(eq(units.code, code));
  return row;
}

export async function listAllUnits(db: Tx, opts: { includeInactive: boolean; today: string }): Promise<UnitRow[]> {
  return db
    .select(unitColumns)
    .from(units)
    .where(opts.includeInactive ? undefined : activeOn(opts.today))
    .orderBy(asc(units.path), asc(units.name));
}

export interface UnitSearch {
  q?: string | undefined;
  parentId?: string | undefined;
  kind?: UnitKind | undefined;
  includeInactive: boolean;
  today: string;
  limit: number;
}

export async function searchUnits(db: Tx, s: UnitSearch): Promise<UnitRow[]> {
  const where: SQL[] = [];
  if (!s.includeInactive) where.push(activeOn(s.today));
  if (s.parentId) where.push(eq(units.parentId, s.parentId));
  if (s.kind) where.push(eq(units.kind, s.kind));
  const words = (s.q ?? '').split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    // Each word must appear in the folded name ("hoa lac" finds "Xã Hòa Lạc"), or the text is a code prefix.
    const byName = and(...words.map((w) => sql`dv_fold(${units.name}) like '%' || dv_fold(${escapeLike(w)}) || '%'`)) as SQL;
    where.push(or(byName, sql`${units.code} like ${`${escapeLike(s.q ?? '')}%`}`) as SQL);
  }
  return db
    .select(unitColumns)
    .from(units)
    .where(and(...where))
    .orderBy(asc(units.depth), asc(units.name), asc(units.id))
    .limit(s.limit);
}

/** Every unit in the subtree of `path` (the unit itself included), ordered by path. */
export async function listSubtree(db: Tx, path: string): Promise<UnitRow[]> {
  return db.select(unitColumns).from(units).where(underAnyPath([path])).orderBy(asc(units.path));
}

export interface UnitInsert {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}

export async function insertUnits(db: Tx, rows: UnitInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(units).values(rows);
  forgetCached(db);
}

export type UnitFields = Partial<Pick<UnitInsert, 'code' | 'name' | 'kind' | 'validFrom' | 'validTo' | 'note'>>;

export async function updateUnitFields(db: Tx, id: string, fields: UnitFields): Promise<void> {
  await db
    .update(units)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(units.id, id));
  // A grant's unit name is part of the signed-in staff member's session (platform/auth/session-cache.ts).
  authChanged(db);
}

/**
 * Re-parents a unit and rewrites the path and depth of its whole subtree in one statement:
 * every path starting with `oldPath` gets `newPath` in place of that prefix.
 */
export async function moveSubtree(
  db: Tx,
  m: { id: string; newParentId: string | null; oldPath: string; newPath: string; depthDelta: number },
): Promise<void> {
  await db.execute(sql`
    update units set
      path = ${m.newPath} || substr(path, ${m.oldPath.length + 1}),
      depth = depth + ${m.depthDelta},
      parent_id = case when id = ${m.id}::uuid then ${m.newParentId}::uuid else parent_id end,
      updated_at = now()
    where path like ${`${escapeLike(m.oldPath)}%`}`);
  authChanged(db);
}

/** Minimal fields of every unit, for the import's checks (a province has a few thousand units at most). */
export async function loadUnitIndex(db: Tx) {
  return db
    .select({
      id: units.id,
      parentId: units.parentId,
      path: units.path,
      depth: units.depth,
      code: units.code,
      name: units.name,
      kind: units.kind,
      validFrom: units.validFrom,
      validTo: units.validTo,
      note: units.note,
    })
    .from(units);
}
export type UnitIndexRow = Awaited<ReturnType<typeof loadUnitIndex>>[number];

/** Batch update from a VALUES list: one statement per batch instead of one per row. */
export async function updateUnitsBatch(db: Tx, rows: UnitInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.parentId}::uuid, ${r.path}, ${r.depth}::int, ${r.code}, ${r.name}, ${r.kind}, ${r.validFrom}::date, ${r.validTo}::date, ${r.note})`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update units as u set
      parent_id = v.parent_id, path = v.path, depth = v.depth, code = v.code, name = v.name, kind = v.kind,
      valid_from = v.valid_from, valid_to = v.valid_to, note = v.note, updated_at = now()
    from (values ${values}) as v(id, parent_id, path, depth, code, name, kind, valid_from, valid_to, note)
    where u.id = v.id`);
  authChanged(db);
}
