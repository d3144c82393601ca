// Creates, finds and ends server-side sessions; the cookie carries a random token, the table its hash.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { sessions } from '../../db/schema';
import { randomSecret, sha256 } from './secrets';
import { authChanged } from './session-cache';

export const SESSION_COOKIE = 'dv_session';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Tx,
  staffId: string,
  hours: number,
  meta: { ip: string; userAgent?: string | undefined },
): Promise<NewSession> {
  const token = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    staffId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: Tx, token: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function touchSession(db: Tx, tokenHash: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
}

export async function endSession(db: Tx, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
  authChanged(db);
}

export async function endSessionsOf(db: Tx, staffId: string) {
  await db.delete(sessions).where(eq(sessions.staffId, staffId));
  authChanged(db);
}

export async function purgeExpiredSessions(db: Tx) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
