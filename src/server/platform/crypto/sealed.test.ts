// Sealing: round trip, tampering and wrong keys refused, keyed hashes, and where the identity key comes from.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { KEY_FILE, resolveIdentityKey } from './identity-key';
import { keyedHash, keyFromBase64, randomKeyBase64, seal, SealingKeyError, unseal } from './sealed';

const k1 = keyFromBase64(randomKeyBase64());
const k2 = keyFromBase64(randomKeyBase64());

describe('sealed values', () => {
  it('opens what it sealed, with a fresh IV each time, and never shows the plaintext', () => {
    const text = JSON.stringify({ name: 'Nguyễn Thị Tố', idNumber: '001190000777' });
    const a = seal(k1, text);
    const b = seal(k1, text);
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^v1\\.${k1.id}\\.`));
    expect(a).not.toContain('Tố');
    expect(a).not.toContain('001190000777');
    expect(unseal(k1, a)).toBe(text);
  });

  it('never hands out an IV twice, across the refills of its pool of random bytes', () => {
    const sealed = Array.from({ length: 2_000 }, (_, i) => seal(k1, `thư số ${i}`));
    expect(new Set(sealed.map((v) => v.split('.')[2])).size).toBe(sealed.length);
    sealed.forEach((v, i) => expect(unseal(k1, v)).toBe(`thư số ${i}`));
  });

  it('refuses another key and altered bytes with one error code', () => {
    const sealed = seal(k1, 'bí mật');
    expect(() => unseal(k2, sealed)).toThrow(expect.objectContaining({ code: 'sealed_value_unreadable', details: { keyId: k1.id } }));
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[4] ?? '', 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    const altered = [...parts.slice(0, 4), ct.toString('base64url')].join('.');
    expect(() => unseal(k1, altered)).toThrow(expect.objectContaining({ code: 'sealed_value_unreadable' }));
    expect(() => unseal(k1, 'plain text')).toThrow(expect.objectContaining({ code: 'sealed_value_unreadable' }));
  });

  it('hashes equal values equally per key and purpose, without revealing them', () => {
    expect(keyedHash(k1, 'id', '001190000777')).toBe(keyedHash(k1, 'id', '001190000777'));
    expect(keyedHash(k1, 'id', '001190000777')).not.toBe(keyedHash(k2, 'id', '001190000777'));
    expect(keyedHash(k1, 'id', '001190000777')).not.toBe(keyedHash(k1, 'phone', '001190000777'));
    expect(keyedHash(k1, 'id', '001190000777')).not.toContain('0011');
  });

  it('takes only keys of 32 bytes in base64', () => {
    expect(() => keyFromBase64(Buffer.alloc(16).toString('base64'))).toThrow(SealingKeyError);
    expect(() => keyFromBase64('not base64!')).toThrow(SealingKeyError);
    expect(keyFromBase64(Buffer.alloc(32, 7).toString('base64url')).key).toEqual(Buffer.alloc(32, 7));
  });
});

describe('the identity key', () => {
  const config = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'development', ...env });

  it('uses DANVAN_IDENTITY_KEY when set, and the configuration refuses a malformed one', () => {
    const b64 = Buffer.alloc(32, 3).toString('base64');
    expect(resolveIdentityKey(config({ DANVAN_IDENTITY_KEY: b64 })).key).toEqual(Buffer.alloc(32, 3));
    expect(() => config({ DANVAN_IDENTITY_KEY: Buffer.alloc(31).toString('base64') })).toThrow(/DANVAN_IDENTITY_KEY/);
  });

  it('refuses to run in production without a key', () => {
    expect(() => resolveIdentityKey(config({ NODE_ENV: 'production' }))).toThrow(/DANVAN_IDENTITY_KEY is required in production/);
  });

  it('generates a key once into the data folder for a demo or development, with a warning, and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'danvan-key-'));
    try {
      const warnings: string[] = [];
      const first = resolveIdentityKey(config({ DANVAN_DATA_DIR: dir }), (m) => warnings.push(m));
      const file = path.join(dir, KEY_FILE);
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(file);
      const again = resolveIdentityKey(config({ DANVAN_DATA_DIR: dir }), (m) => warnings.push(m));
      expect(again.id).toBe(first.id);
      expect(warnings).toHaveLength(1);
      expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('base64'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
