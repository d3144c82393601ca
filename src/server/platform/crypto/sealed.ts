// Sealed values: AES-256-GCM encryption of small texts (a denouncer's identity) and keyed hashes to match them without decrypting.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../errors';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';

/** A 32-byte key and a short id derived from it, written beside each sealed value so that a wrong key is named, not guessed. */
export interface SealingKey {
  id: string;
  key: Buffer;
  /** A second key derived from the first (HKDF) for keyed hashes, so hashing never reuses the encryption key. */
  hashKey: Buffer;
}

export class SealingKeyError extends Error {
  override name = 'SealingKeyError';
}

export function sealingKey(key: Buffer): SealingKey {
  if (key.length !== KEY_BYTES) throw new SealingKeyError(`the key must be ${KEY_BYTES} bytes, got ${key.length}`);
  const id = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const hashKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'danvan keyed hash v1', KEY_BYTES));
  return { id, key, hashKey };
}

/** A key given as base64 (standard or URL-safe) of exactly 32 bytes, as `openssl rand -base64 32` prints it. */
export function keyFromBase64(text: string): SealingKey {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new SealingKeyError('the key must be base64');
  return sealingKey(Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

export function randomKeyBase64(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** A sealed value that cannot be opened: another key, or altered bytes. Never shown with its contents. */
export const sealErrors = {
  unreadable: (keyId: string | null) =>
    new AppError(
      'sealed_value_unreadable',
      500,
      'Không giải mã được dữ liệu được bảo vệ (sai khoá mã hoá hoặc dữ liệu bị thay đổi)',
      'A protected value cannot be decrypted (another key, or altered data)',
      keyId ? { keyId } : undefined,
    ),
};

/** Random bytes drawn a few kilobytes at a time: every action's stored answer is sealed, and a draw per IV cost more than the encryption. */
const IV_POOL_BYTES = 4096;
let ivPool = Buffer.alloc(0);
let ivAt = 0;

/** A fresh random IV, never handed out twice (a used pool is replaced, never refilled in place). */
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, ivAt + IV_BYTES);
  ivAt += IV_BYTES;
  return iv;
}

/** `v1.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts; the key id is authenticated as associated data. */
export function seal(k: SealingKey, plaintext: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(Buffer.from(`${VERSION}.${k.id}`));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, k.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function unseal(k: SealingKey, sealed: string): string {
  const [version, keyId, iv, tag, ct, ...rest] = sealed.split('.');
  if (version !== VERSION || !keyId || iv === undefined || tag === undefined || ct === undefined || rest.length) throw sealErrors.unreadable(null);
  if (keyId !== k.id) throw sealErrors.unreadable(keyId);
  try {
    const decipher = createDecipheriv('aes-256-gcm', k.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw sealErrors.unreadable(keyId);
  }
}

/** HMAC-SHA256 of a normalised value under a purpose label: equal inputs match, the input cannot be read back without the key. */
export function keyedHash(k: SealingKey, purpose: string, value: string): string {
  return createHmac('sha256', k.hashKey).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 32);
}
