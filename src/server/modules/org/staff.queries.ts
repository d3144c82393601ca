// SQL of staff accounts and role grants: scoped keyset-paginated lists, lookups and writes (never the password hash out).
import { and, asc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../common/roles';
import { authChanged } from '../../platform/auth/session-cache';
import type { Tx } from '../../db/client';
import { agencies, roleGrants, staff, units } from '../../db/schema';
import { escapeLike, underAnyPath } from '../../db/scope';

export interface StaffRow {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  unitId: string;
  unitName: string;
  unitPath: string;
  agencyId: string | null;
  agencyName: string | null;
  active: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
}

export interface GrantRow {
  id: string;
  staffId: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitPath: string;
}

// The password hash is deliberately absent: no query of this module reads it.
const staffColumns = {
  id: staff.id,
  username: staff.username,
  fullName: staff.fullName,
  email: staff.email,
  phone: staff.phone,
  title: staff.title,
  unitId: staff.unitId,
  unitName: units.name,
  unitPath: units.path,
  agencyId: staff.agencyId,
  agencyName: agencies.name,
  active: staff.active,
  lockedUntil: staff.lockedUntil,
  lastLoginAt: staff.lastLoginAt,
};

function selectStaff(db: Tx) {
  return db.select(staffColumns).from(staff).innerJoin(units, eq(units.id, staff.unitId)).leftJoin(agencies, eq(agencies.id, staff.agencyId));
}

export interface StaffFilter {
  /** Scope: only staff whose unit lies under one of these paths. */
  scopePaths: readonly string[];
  /** Optional narrowing to one subtree (the `unitId` filter). */
  unitPath?: string | undefined;
  q?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  /** Keyset: rows strictly after (fullName, id). */
  after?: readonly [string, string] | undefined;
  limit: number;
}

/** One page ordered by (full_name, id); fetches limit + 1 rows so the caller knows whether more follow. */
export async function listStaffRows(db: Tx, f: StaffFilter): Promise<StaffRow[]> {
  const where: SQL[] = [underAnyPath(f.scopePaths)];
  if (f.unitPath) where.push(underAnyPath([f.unitPath]));
  if (f.active !== undefined) where.push(eq(staff.active, f.active));
  if (f.role) {
    const role = f.role;
    where.push(exists(db.select({ one: sql`1` }).from(roleGrants).where(and(eq(roleGrants.staffId, staff.id), eq(roleGrants.role, role)))));
  }
  const words = (f.q ?? '').split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const byName = and(...words.map((w) => sql`dv_fold(${staff.fullName}) like '%' || dv_fold(${escapeLike(w)}) || '%'`)) as SQL;
    where.push(or(byName, sql`lower(${staff.username}) like ${`${escapeLike((f.q ?? '').toLowerCase())}%`}`) as SQL);
  }
  if (f.after) where.push(sql`(${staff.fullName}, ${staff.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return selectStaff(db)
    .where(and(...where))
    .orderBy(asc(staff.fullName), asc(staff.id))
    .limit(f.limit + 1);
}

export async function findStaffRow(db: Tx, id: string): Promise<StaffRow | undefined> {
  const [row] = await selectStaff(db).where(eq(staff.id, id));
  return row;
}

export async function grantsOf(db: Tx, staffIds: readonly string[]): Promise<GrantRow[]> {
  if (staffIds.length === 0) return [];
  return db
    .select({
      id: roleGrants.id,
      staffId: roleGrants.staffId,
      role: sql<Role>`${roleGrants.role}`,
      unitId: roleGrants.unitId,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.staffId, [...staffIds]))
    .orderBy(asc(roleGrants.createdAt), asc(roleGrants.id));
}

export interface StaffInsert {
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  unitId: string;
  agencyId: string | null;
  passwordHash: string;
}

export async function insertStaff(db: Tx, row: StaffInsert): Promise<string> {
  const [created] = await db.insert(staff).values(row).returning({ id: staff.id });
  if (!created) throw new Error('staff insert returned nothing');
  return created.id;
}

export type StaffFields = Partial<{
  fullName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  unitId: string;
  agencyId: string | null;
  active: boolean;
  passwordHash: string;
  lockedUntil: Date | null;
  failedLogins: number;
}>;

export async function updateStaffFields(db: Tx, id: string, fields: StaffFields): Promise<void> {
  await db
    .update(staff)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(staff.id, id));
  authChanged(db);
}

/** Inserts the grant unless the same (staff, role, unit) exists; answers whether a row was added. */
export async function insertGrant(db: Tx, g: { staffId: string; role: Role; unitId: string }): Promise<string | null> {
  const rows = await db.insert(roleGrants).values(g).onConflictDoNothing().returning({ id: roleGrants.id });
  authChanged(db);
  return rows[0]?.id ?? null;
}

export async function deleteGrant(db: Tx, id: string): Promise<void> {
  await db.delete(roleGrants).where(eq(roleGrants.id, id));
  authChanged(db);
}

