// Sessions kept for a few seconds per process: a change to who may do what (sign-out, a role
// revoked, an account disabled) takes effect on the very next request, in this process and, on
// PostgreSQL, in another process on the same database (NOTIFY danvan_auth).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/client';
import { staff } from '../../db/schema';
import { startTestApp, type TestApp, type TestClient } from '../../testing/harness';
import { NotifiedCache } from '../../db/notified-cache';
import { SESSION_FRESH_MS, SESSION_OPTIONS } from './session-cache';

type Found = { session: { expiresAt: Date }; n: number };
const found = (n: number, expiresAt = new Date(Date.now() + 3_600_000)): Found => ({ session: { expiresAt }, n });

describe('the cache itself', () => {
  it('serves a fresh session, reads it again when stale or expired, and keeps nothing while not listening', async () => {
    const cache = new NotifiedCache<Found>(SESSION_OPTIONS);
    let reads = 0;
    const load = async () => found(++reads);
    expect((await cache.get('a', load, 1_000))?.n).toBe(1);
    expect((await cache.get('a', load, 2_000))?.n).toBe(2); // not listening: every request reads
    cache.setListening(true);
    expect((await cache.get('a', load, 3_000))?.n).toBe(3);
    expect((await cache.get('a', load, 3_000 + SESSION_FRESH_MS - 1))?.n).toBe(3);
    expect((await cache.get('a', load, 3_000 + SESSION_FRESH_MS))?.n).toBe(4);
    const soon = new Date(Date.now() + 10);
    const expiring = new NotifiedCache<Found>(SESSION_OPTIONS);
    expiring.setListening(true);
    await expiring.get('b', async () => found(1, soon), Date.now());
    expect((await expiring.get('b', async () => undefined, soon.getTime() + 1))).toBeUndefined();
  });

  it('does not keep a read that started before a change, nor an unknown token', async () => {
    const cache = new NotifiedCache<Found>(SESSION_OPTIONS);
    cache.setListening(true);
    const racing = cache.get('a', async () => {
      cache.forgetAll(); // a role revoked while the session was being read
      return found(1);
    });
    expect((await racing)?.n).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.get('nobody', async () => undefined)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const grantsOf = async (c: TestClient) => (await c.get('/api/auth/session')).json<{ user: { grants: Array<{ id: string; role: string }> } | null }>().user;

  it('sees a revoked role, a disabled account and a sign-out on the next request', async () => {
    const admin = await t.loginAs('admin');
    const leader = await t.loginAs('lanhdao.anbinh');
    const me = await grantsOf(leader);
    expect(me?.grants.map((g) => g.role)).toContain('leader');
    expect(t.app.sessionCache.size).toBeGreaterThan(0);
    const id = (await t.db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'lanhdao.anbinh')))[0]!.id;
    const grant = (await admin.get(`/api/staff/${id}`)).json<{ grants: Array<{ id: string; role: string }> }>().grants.find((g) => g.role === 'leader')!;
    const revoked = await admin.delete(`/api/staff/${id}/grants/${grant.id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await grantsOf(leader))?.grants.map((g) => g.role)).not.toContain('leader');

    const off = await admin.patch(`/api/staff/${id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(await grantsOf(leader)).toBeNull();

    const other = await t.loginAs('motcua.anbinh');
    expect(await grantsOf(other)).not.toBeNull();
    expect((await other.post('/api/auth/logout')).statusCode).toBe(200);
    // The same cookie, replayed after the sign-out (as a stolen copy would be).
    expect(await grantsOf({ ...other, get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: other.cookie! } }) })).toBeNull();
  });

  it('keeps nothing when turned off (DANVAN_SESSION_CACHE=off, behind a pooler in transaction mode)', async () => {
    const off = await startTestApp({ DANVAN_SESSION_CACHE: 'off' });
    try {
      const c = await off.loginAs('xem.tinh');
      for (let i = 0; i < 3; i++) expect((await c.get('/api/auth/session')).json<{ user: unknown }>().user).not.toBeNull();
      expect(off.app.sessionCache.size).toBe(0);
    } finally {
      await off.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('tells another server process on the same database at once', async () => {
    const database = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: 'memory://' });
    const second = await buildApp({ config: t.config, database, logger: false });
    await second.ready();
    try {
      const c = await t.loginAs('chuyenvien.anbinh');
      const on2 = () => second.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: c.cookie! } }).then((r) => r.json<{ user: unknown }>().user);
      expect(await on2()).not.toBeNull(); // now kept by the second process
      expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
      // The NOTIFY reaches the other process within a moment: poll briefly rather than sleep.
      let user: unknown = 'still signed in';
      for (let i = 0; i < 50 && user !== null; i++) {
        user = await on2();
        if (user !== null) await new Promise((r) => setTimeout(r, 20));
      }
      expect(user).toBeNull();
    } finally {
      await second.close();
      await database.close();
    }
  });
});
