// Who is making a request: a staff member and the roles they hold, each on a unit and the units below it.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../common/roles';
import type { Tx } from '../../db/client';
import { roleGrants, staff, units } from '../../db/schema';
import { errors } from '../errors';
import { langOf, type Lang } from '../locale';

export interface Grant {
  role: Role;
  unitId: string;
  unitName: string;
  /** Materialised path of the unit: the grant covers every unit whose path starts with it. */
  unitPath: string;
  unitDepth: number;
}

export interface Actor {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  grants: Grant[];
}

/** Everything a service needs to know about the request it serves. */
export interface Ctx {
  actor: Actor;
  requestId: string;
  ip: string;
  lang: Lang;
}

export async function loadActor(db: Tx, staffId: string): Promise<Actor | undefined> {
  const rows = await db
    .select({
      id: staff.id,
      username: staff.username,
      fullName: staff.fullName,
      unitId: staff.unitId,
      active: staff.active,
      role: roleGrants.role,
      grantUnitId: roleGrants.unitId,
      unitName: units.name,
      unitPath: units.path,
      unitDepth: units.depth,
    })
    .from(staff)
    .leftJoin(roleGrants, eq(roleGrants.staffId, staff.id))
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(staff.id, staffId));
  const first = rows[0];
  if (!first || !first.active) return undefined;
  const grants: Grant[] = [];
  for (const r of rows) {
    if (r.role && r.grantUnitId && r.unitPath && r.unitName !== null && r.unitDepth !== null)
      grants.push({ role: r.role as Role, unitId: r.grantUnitId, unitName: r.unitName, unitPath: r.unitPath, unitDepth: r.unitDepth });
  }
  return { id: first.id, username: first.username, fullName: first.fullName, unitId: first.unitId, grants };
}

/** The context of a signed-in request; throws 401 when nobody is signed in. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw errors.unauthenticated();
  return { actor: req.actor, requestId: req.id, ip: req.ip, lang: langOf(req) };
}
