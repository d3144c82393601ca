// Tracking secrets printed on receipts (dossiers, letters): 100 random bits in a form people can type, stored as SHA-256, compared in constant time.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../auth/secrets';

/** Crockford's base32: no I, L, O, U, so that a secret read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 5;
const GROUP = 4;

/** 20 symbols × 5 bits = 100 bits, shown as XXXX-XXXX-XXXX-XXXX-XXXX. */
export function newSecret(): string {
  const bytes = randomBytes(GROUPS * GROUP);
  const symbols = [...bytes].map((b) => ALPHABET[b & 31] ?? '0');
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(symbols.slice(i * GROUP, (i + 1) * GROUP).join(''));
  return groups.join('-');
}

/** What people type: any case, with or without dashes and spaces, O for 0 and I or L for 1. */
export function normalizeSecret(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function hashSecret(secret: string): string {
  return sha256(normalizeSecret(secret));
}

/** A hash to compare against when the code is unknown, so that an unknown code costs the same as a wrong secret. */
const DUMMY_HASH = hashSecret(newSecret());

/** Constant-time: both sides are 64 hex characters. */
export function secretMatches(given: string, storedHash: string | null): boolean {
  const a = Buffer.from(hashSecret(given), 'hex');
  const b = Buffer.from(storedHash ?? DUMMY_HASH, 'hex');
  return a.length === b.length && timingSafeEqual(a, b) && storedHash !== null;
}
