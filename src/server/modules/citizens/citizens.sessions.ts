// Citizens' server-side sessions: the cookie `dv_citizen` carries a random token, the table its SHA-256; apart from staff sessions.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { citizens, citizenSessions } from '../../db/schema';
import { randomSecret, sha256 } from '../../platform/auth/secrets';

export const CITIZEN_COOKIE = 'dv_citizen';
/** A week: long enough to follow a dossier, short enough for a phone or a shared computer at the commune office. */
export const CITIZEN_SESSION_DAYS = 7;

export type CitizenRow = typeof citizens.$inferSelect;

export interface NewCitizenSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createCitizenSession(db: Tx, citizenId: string, meta: { ip: string; userAgent?: string | undefined }, now: Date): Promise<NewCitizenSession> {
  const token = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + CITIZEN_SESSION_DAYS * 86_400_000);
  await db.insert(citizenSessions).values({
    tokenHash: sha256(token),
    citizenId,
    csrfToken,
    expiresAt,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/** The live session of a token and its citizen. */
export async function findCitizenSession(db: Tx, token: string) {
  const [row] = await db
    .select({ session: citizenSessions, citizen: citizens })
    .from(citizenSessions)
    .innerJoin(citizens, eq(citizens.id, citizenSessions.citizenId))
    .where(and(eq(citizenSessions.tokenHash, sha256(token)), gt(citizenSessions.expiresAt, new Date())));
  return row;
}

export async function touchCitizenSession(db: Tx, tokenHash: string) {
  await db.update(citizenSessions).set({ lastSeenAt: new Date() }).where(eq(citizenSessions.tokenHash, tokenHash));
}

export async function endCitizenSession(db: Tx, token: string) {
  await db.delete(citizenSessions).where(eq(citizenSessions.tokenHash, sha256(token)));
}

export async function purgeExpiredCitizenSessions(db: Tx) {
  await db.delete(citizenSessions).where(lt(citizenSessions.expiresAt, new Date()));
}
