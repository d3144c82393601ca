// Who is making a request: a staff member and the roles they hold, each on a unit and the units below it.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../common/roles';
import type { Tx } from '../../db/client';
import { prepared } from '../../db/prepared';
import { roleGrants, sessions, staff, units } from '../../db/schema';
import { errors } from '../errors';
import { langOf, type Lang } from '../locale';

type SessionRow = typeof sessions.$inferSelect;

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

const actorColumns = {
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
};

type ActorRow = { [K in keyof typeof actorColumns]: (typeof actorColumns)[K]['_']['data'] | null };

/** The actor from its rows (one per grant); undefined when there is none or the account is disabled. */
function actorOf(rows: readonly ActorRow[]): Actor | undefined {
  const first = rows[0];
  if (!first || !first.active || !first.id || !first.username || first.fullName === null || !first.unitId) return undefined;
  const grants: Grant[] = [];
  for (const r of rows) {
    if (r.role && r.grantUnitId && r.unitPath && r.unitName !== null && r.unitDepth !== null)
      grants.push({ role: r.role as Role, unitId: r.grantUnitId, unitName: r.unitName, unitPath: r.unitPath, unitDepth: r.unitDepth });
  }
  return { id: first.id, username: first.username, fullName: first.fullName, unitId: first.unitId, grants };
}

export async function loadActor(db: Tx, staffId: string): Promise<Actor | undefined> {
  const rows = await db
    .select(actorColumns)
    .from(staff)
    .leftJoin(roleGrants, eq(roleGrants.staffId, staff.id))
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(staff.id, staffId));
  return actorOf(rows);
}

/**
 * The unexpired session of a cookie's token (by its hash) with its staff member and grants, in one statement:
 * every signed-in request reads it, so it is one round trip instead of two.
 */
export async function loadSessionActor(db: Tx, tokenHash: string): Promise<{ session: SessionRow; actor: Actor } | undefined> {
  const build = (d: Tx) =>
    d
      .select({ session: sessions, ...actorColumns })
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .leftJoin(roleGrants, eq(roleGrants.staffId, staff.id))
      .leftJoin(units, eq(units.id, roleGrants.unitId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))));
  const query = prepared(db, 'auth_session_actor', (d) => build(d).prepare('auth_session_actor')) ?? build(db);
  const rows = await query.execute({ tokenHash, now: new Date() });
  const actor = actorOf(rows);
  const session = rows[0]?.session;
  return actor && session ? { session, actor } : undefined;
}

/** The context of a signed-in request; throws 401 when nobody is signed in. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw errors.unauthenticated();
  return { actor: req.actor, requestId: req.id, ip: req.ip, lang: langOf(req) };
}
