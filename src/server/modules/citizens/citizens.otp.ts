// One-time sign-in codes: 6 digits, stored as a hash, valid 10 minutes, 5 tries, used once; at most 3 per contact in 15 minutes.
import { randomInt, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { citizenOtps } from '../../db/schema';
import { safeEqual, sha256 } from '../../platform/auth/secrets';

export const OTP_TTL_MINUTES = 10;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_PER_CONTACT = 3;
export const OTP_WINDOW_MINUTES = 15;

/** Salted with the row's id, so that equal codes hash differently. */
const hashCode = (id: string, code: string) => sha256(`${id}:${code}`);

/**
 * A new code for the contact, or null when it already had OTP_PER_CONTACT codes in the window.
 * The advisory lock (held to the end of the caller's transaction) makes the count and the insert
 * one step, so that concurrent requests cannot slip a fourth code in.
 */
export async function issueOtp(tx: Tx, contact: string, ip: string, now: Date): Promise<{ id: string; code: string } | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`citizen-otp:${contact}`}))`);
  const since = new Date(now.getTime() - OTP_WINDOW_MINUTES * 60_000);
  const recent = await tx.$count(citizenOtps, and(eq(citizenOtps.contact, contact), gte(citizenOtps.createdAt, since)));
  if (recent >= OTP_PER_CONTACT) return null;
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.insert(citizenOtps).values({ id, contact, codeHash: hashCode(id, code), expiresAt: new Date(now.getTime() + OTP_TTL_MINUTES * 60_000), ip, createdAt: now });
  return { id, code };
}

/**
 * Counts a try on each of the contact's live codes (unexpired, unused, tries left), committed on its
 * own: a wrong guess must count even though the request fails. Returns the id of the code that
 * matches, if any; every live code is compared in constant time, with no early exit.
 */
export async function tryOtp(db: Tx, contact: string, code: string, now: Date): Promise<string | null> {
  const live = and(eq(citizenOtps.contact, contact), isNull(citizenOtps.usedAt), gt(citizenOtps.expiresAt, now), lt(citizenOtps.attempts, OTP_MAX_ATTEMPTS));
  const tried = await db
    .update(citizenOtps)
    .set({ attempts: sql`${citizenOtps.attempts} + 1` })
    .where(live)
    .returning({ id: citizenOtps.id, codeHash: citizenOtps.codeHash });
  let match: string | null = null;
  for (const r of tried) if (safeEqual(hashCode(r.id, code), r.codeHash)) match ??= r.id;
  return match;
}

/** Marks the code used, inside the sign-in's transaction; false when a concurrent request used it first. */
export async function consumeOtp(tx: Tx, id: string, now: Date): Promise<boolean> {
  const [used] = await tx
    .update(citizenOtps)
    .set({ usedAt: now })
    .where(and(eq(citizenOtps.id, id), isNull(citizenOtps.usedAt)))
    .returning({ id: citizenOtps.id });
  return used !== undefined;
}

/** For diagnostics and tests: the contact's codes, newest first. */
export async function otpsOf(db: Tx, contact: string) {
  return db.select().from(citizenOtps).where(eq(citizenOtps.contact, contact)).orderBy(desc(citizenOtps.createdAt));
}

/** Codes are useless after they expire: a daily purge keeps the table small. */
export async function purgeExpiredOtps(db: Tx, now: Date = new Date()) {
  await db.delete(citizenOtps).where(lt(citizenOtps.expiresAt, new Date(now.getTime() - OTP_WINDOW_MINUTES * 60_000)));
}
