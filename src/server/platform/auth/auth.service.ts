// Signing in and out: password check, lockout after repeated failures, session creation.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { staff } from '../../db/schema';
import { recordAudit } from '../audit/audit';
import { errors } from '../errors';
import { loadActor, type Actor } from './actor';
import { burnPasswordCheck, verifyPassword } from './secrets';
import { createSession, type NewSession } from './sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LoginInput {
  username: string;
  password: string;
}

export interface LoginMeta {
  ip: string;
  userAgent?: string | undefined;
  requestId: string;
  sessionHours: number;
}

/** Not wrapped in an outer transaction on purpose: a failed attempt must be counted even though login fails. */
export async function login(db: Db, input: LoginInput, meta: LoginMeta): Promise<{ actor: Actor; session: NewSession }> {
  const [user] = await db
    .select()
    .from(staff)
    .where(eq(sql`lower(${staff.username})`, input.username.trim().toLowerCase()));
  if (!user) {
    await burnPasswordCheck(input.password);
    throw errors.invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw errors.accountLocked(user.lockedUntil);
  const ok = await verifyPassword(user.passwordHash, input.password);
  const sys = { actor: null, requestId: meta.requestId, ip: meta.ip };
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx
        .update(staff)
        .set({ failedLogins: lock ? 0 : failed, lockedUntil: lock })
        .where(eq(staff.id, user.id));
      await recordAudit(tx, sys, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entityType: 'staff',
        entityId: user.id,
        unitId: user.unitId,
        after: { failedLogins: failed },
      });
    });
    if (lock) throw errors.accountLocked(lock);
    throw errors.invalidCredentials();
  }
  if (!user.active) throw errors.accountDisabled();
  return db.transaction(async (tx) => {
    await tx.update(staff).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(staff.id, user.id));
    const actor = await loadActor(tx, user.id);
    if (!actor) throw errors.accountDisabled();
    const session = await createSession(tx, user.id, meta.sessionHours, meta);
    await recordAudit(tx, { ...sys, actor }, { action: 'auth.login', entityType: 'staff', entityId: user.id, unitId: user.unitId });
    return { actor, session };
  });
}
