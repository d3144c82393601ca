// The process-wide key that seals personal data needing protection: from DANVAN_IDENTITY_KEY, or (demo, development) a key kept in the data folder.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../../config';
import { keyFromBase64, randomKeyBase64, SealingKeyError, sealingKey, type SealingKey } from './sealed';

export const KEY_FILE = 'identity.key';
type KeyConfig = Pick<Config, 'NODE_ENV' | 'DANVAN_DATA_DIR' | 'DANVAN_IDENTITY_KEY'>;

/**
 * Where the key comes from, in order: DANVAN_IDENTITY_KEY (32 bytes, base64); refused when missing
 * in production; in tests a fresh random key per process; otherwise `<data folder>/identity.key`,
 * created once (mode 0600) with a warning: losing that file loses every sealed identity.
 */
export function resolveIdentityKey(config: KeyConfig, warn: (message: string) => void = console.warn): SealingKey {
  if (config.DANVAN_IDENTITY_KEY) return keyFromBase64(config.DANVAN_IDENTITY_KEY);
  if (config.NODE_ENV === 'production')
    throw new SealingKeyError(
      'DANVAN_IDENTITY_KEY is required in production (32 random bytes, base64: `openssl rand -base64 32`); it encrypts the identities of denouncers.',
    );
  if (config.NODE_ENV === 'test' || config.DANVAN_DATA_DIR.startsWith('memory://')) return sealingKey(randomBytes(32));
  const file = path.resolve(config.DANVAN_DATA_DIR, KEY_FILE);
  if (existsSync(file)) return keyFromBase64(readFileSync(file, 'utf8'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${randomKeyBase64()}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  warn(
    `DANVAN_IDENTITY_KEY is not set: generated a key for identity encryption in ${file}. Keep a copy of it; in production set DANVAN_IDENTITY_KEY instead.`,
  );
  return keyFromBase64(readFileSync(file, 'utf8'));
}

let current: SealingKey | undefined;

/** Called once at start-up so that a missing production key stops the server at once; later calls keep the first key. */
export function configureIdentityKey(config: KeyConfig, warn?: (message: string) => void): SealingKey {
  current ??= resolveIdentityKey(config, warn);
  return current;
}

/** The key, resolved from the environment on first use when start-up did not configure it (tests, scripts). */
export function identityKey(): SealingKey {
  return current ?? configureIdentityKey(loadConfig());
}
