// Staff accounts through HTTP: scoped lists with keyset pages, CRUD, sessions ended on disable/reset, grants, permissions.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffPage, StaffView } from '../../../common/org.schema';
import { roleGrants, sessions, staff } from '../../db/schema';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../testing/harness';
import { auditActions, countRows, errorOf, fieldPaths } from './org.test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function staffRow(username: string) {
  const [row] = await t.db.select().from(staff).where(eq(staff.username, username));
  if (!row) throw new Error(`no staff ${username}`);
  return row;
}

async function allPages(c: TestClient, query: string, limit: number): Promise<StaffView[]> {
  const out: StaffView[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const res = await c.get(`/api/staff?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page: StaffPage = res.json<StaffPage>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}

describe('reading staff', () => {
  it('lists staff of the units the reader may see, without password hashes', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.get('/api/staff');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/password|\$argon2/i);
    const body = res.json<StaffPage>();
    expect(body.items.length).toBe(13);
    const quan = body.items.find((s) => s.username === 'admin');
    expect(quan).toMatchObject({ unitName: 'Tỉnh Sông Hồng (dữ liệu mẫu)', agencyName: 'Ủy ban nhân dân tỉnh', active: true, locked: false });
    expect(quan?.grants.map((g) => g.role)).toEqual(['admin']);
    expect(quan?.actions).toEqual(['staff.read', 'staff.manage']);

    const leader = await t.loginAs('lanhdao.tinh');
    const seen = (await leader.get('/api/staff')).json<StaffPage>().items;
    expect(seen.length).toBe(13);
    expect(seen.every((s) => s.actions.join() === 'staff.read')).toBe(true);

    const ward = await t.loginAs('admin.binhminh');
    const mine = (await ward.get('/api/staff')).json<StaffPage>().items.map((s) => s.username).sort();
    expect(mine).toEqual(['admin.binhminh', 'motcua.binhminh']);
  });

  it('refuses the list to a viewer, a one-stop officer and an anonymous caller', async () => {
    expect((await (await t.loginAs('xem.tinh')).get('/api/staff')).statusCode).toBe(403);
    expect((await (await t.loginAs('motcua.anbinh')).get('/api/staff')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/staff')).statusCode).toBe(401);
  });

  it('filters by unit subtree, role, text without diacritics, and activity', async () => {
    const c = await t.loginAs('admin');
    const anbinh = await t.unitId('99001');
    const inCommune = (await c.get(`/api/staff?unitId=${anbinh}`)).json<StaffPage>().items.map((s) => s.username).sort();
    expect(inCommune).toEqual(['chuyenvien.anbinh', 'lanhdao.anbinh', 'motcua.anbinh', 'tiepdan.anbinh']);
    const underProvince = (await c.get(`/api/staff?unitId=${await t.unitId('99')}`)).json<StaffPage>().items;
    expect(underProvince.length).toBe(13);
    const leaders = (await c.get('/api/staff?role=leader')).json<StaffPage>().items.map((s) => s.username).sort();
    expect(leaders).toEqual(['lanhdao.anbinh', 'lanhdao.tinh']);
    const found = (await c.get(`/api/staff?q=${encodeURIComponent('van quan')}`)).json<StaffPage>().items;
    expect(found.map((s) => s.fullName)).toEqual(['Nguyễn Văn Quản']);
    expect((await c.get('/api/staff?active=false')).json<StaffPage>().items).toEqual([]);
    const bad = await c.get('/api/staff?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual(['querystring.cursor']);
  });

  it('pages through every staff member exactly once, in (name, id) order', async () => {
    const c = await t.loginAs('admin');
    const unitId = await t.unitId('99003');
    // Many identical names make the id the only tie-breaker.
    for (let i = 0; i < 23; i++) {
      const res = await c.post('/api/staff', {
        username: `trang.${i}`,
        fullName: i % 3 === 0 ? 'Lê Thị Trang' : `Cán bộ ${String.fromCharCode(65 + (i % 7))}`,
        unitId,
        password: TEST_PASSWORD,
      });
      expect(res.statusCode).toBe(201);
    }
    const total = await countRows(t.db, 'staff');
    const dbOrder = await t.db.select({ id: staff.id }).from(staff).orderBy(asc(staff.fullName), asc(staff.id));
    for (const limit of [1, 4, 7, 50]) {
      const items = await allPages(c, '', limit);
      expect(items.length).toBe(total);
      expect(new Set(items.map((s) => s.id)).size).toBe(total);
      expect(items.map((s) => s.id)).toEqual(dbOrder.map((s) => s.id));
    }
    const onlyCommune = await allPages(c, `&unitId=${unitId}`, 5);
    expect(onlyCommune.length).toBe(23);
  });
});

describe('changing staff', () => {
  it('creates an account that can sign in, and audits it', async () => {
    const c = await t.loginAs('admin');
    const unitId = await t.unitId('99004');
    const res = await c.post('/api/staff', {
      username: ' Nguyen.An ',
      fullName: 'Nguyễn Văn An',
      email: 'an@example.gov.vn',
      phone: '0912 345 678',
      title: 'Chuyên viên',
      unitId,
      agencyId: await t.agencyId('99004.KT'),
      password: TEST_PASSWORD,
      grants: [{ role: 'specialist', unitId }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toMatch(/argon2|passwordHash/);
    const s = res.json<StaffView>();
    expect(s).toMatchObject({ username: 'nguyen.an', agencyName: 'Phòng Kinh tế', unitName: 'Phường Đông Hưng' });
    expect(s.grants.map((g) => g.role)).toEqual(['specialist']);
    expect((await staffRow('nguyen.an')).passwordHash).toMatch(/^\$argon2id\$/);
    await t.loginAs('nguyen.an');
    expect(await auditActions(t.db, s.id)).toContain('staff.create');
  });

  it('refuses a taken username in any case, a short password and a malformed username', async () => {
    const c = await t.loginAs('admin');
    const before = await countRows(t.db, 'staff');
    const unitId = await t.unitId('99');
    const taken = await c.post('/api/staff', { username: 'ADMIN', fullName: 'Trùng tên', unitId, password: TEST_PASSWORD });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('username_taken');
    const bad = await c.post('/api/staff', { username: 'a b', fullName: '', unitId: 'x', password: 'short', email: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual(['body.email', 'body.fullName', 'body.password', 'body.unitId', 'body.username']);
    const wrongAgency = await c.post('/api/staff', {
      username: 'sai.coquan',
      fullName: 'Sai cơ quan',
      unitId,
      agencyId: await t.agencyId('99001.MC'),
      password: TEST_PASSWORD,
    });
    expect(wrongAgency.statusCode).toBe(400);
    expect(fieldPaths(wrongAgency)).toEqual(['body.agencyId']);
    expect(await countRows(t.db, 'staff')).toBe(before);
  });

  it('ends the sessions of a disabled account', async () => {
    const user = await t.loginAs('thanhtra.tinh');
    const admin = await t.loginAs('admin');
    const id = (await staffRow('thanhtra.tinh')).id;
    const res = await admin.patch(`/api/staff/${id}`, { active: false, title: 'Thanh tra viên (đã nghỉ)' });
    expect(res.statusCode).toBe(200);
    expect(res.json<StaffView>()).toMatchObject({ active: false, title: 'Thanh tra viên (đã nghỉ)' });
    expect((await user.get('/api/auth/session')).json<{ user: unknown }>().user).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.staffId, id))).toEqual([]);
    expect(await auditActions(t.db, id)).toContain('staff.disable');
    const self = await admin.patch(`/api/staff/${(await staffRow('admin')).id}`, { active: false });
    expect(errorOf(self).code).toBe('cannot_disable_self');
  });

  it('resets a password, which ends the sessions, and unlocks an account', async () => {
    const user = await t.loginAs('danvan.tinh');
    const admin = await t.loginAs('admin');
    const row = await staffRow('danvan.tinh');
    const short = await admin.post(`/api/staff/${row.id}/password`, { password: 'ngan' });
    expect(short.statusCode).toBe(400);
    const res = await admin.post(`/api/staff/${row.id}/password`, { password: 'mat-khau-moi-2026' });
    expect(res.json()).toEqual({ ok: true });
    expect((await user.get('/api/auth/session')).json<{ user: unknown }>().user).toBeNull();
    const login = await t.anonymous().post('/api/auth/login', { username: 'danvan.tinh', password: 'mat-khau-moi-2026' });
    expect(login.statusCode).toBe(200);

    await t.db.update(staff).set({ lockedUntil: new Date(Date.now() + 600_000), failedLogins: 5 }).where(eq(staff.id, row.id));
    expect((await admin.get(`/api/staff/${row.id}`)).json<StaffView>().locked).toBe(true);
    const unlocked = await admin.patch(`/api/staff/${row.id}`, { unlock: true });
    expect(unlocked.json<StaffView>().locked).toBe(false);
    expect((await staffRow('danvan.tinh')).failedLogins).toBe(0);
    expect(await auditActions(t.db, row.id)).toEqual(expect.arrayContaining(['staff.password_reset', 'staff.unlock']));
  });

  it('grants and revokes roles', async () => {
    const admin = await t.loginAs('admin');
    const id = (await staffRow('chuyenvien.anbinh')).id;
    const unitId = await t.unitId('99001');
    const res = await admin.post(`/api/staff/${id}/grants`, { role: 'inspector', unitId });
    expect(res.statusCode).toBe(201);
    const grant = res.json<StaffView>().grants.find((g) => g.role === 'inspector');
    expect(grant?.unitName).toBe('Xã An Bình');
    const again = await admin.post(`/api/staff/${id}/grants`, { role: 'inspector', unitId });
    expect(again.json<StaffView>().grants.filter((g) => g.role === 'inspector').length).toBe(1);
    const removed = await admin.delete(`/api/staff/${id}/grants/${grant?.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<StaffView>().grants.map((g) => g.role)).toEqual(['specialist']);
    expect(await auditActions(t.db, id)).toEqual(['staff.grant', 'staff.revoke']);
  });
});

describe('a ward admin stays inside the ward', () => {
  it('can neither read nor change the commune’s staff (not found: they do not exist for it), nor grant roles there; nothing changes', async () => {
    const c = await t.loginAs('admin.binhminh');
    const target = await staffRow('lanhdao.anbinh');
    const own = await staffRow('motcua.binhminh');
    const commune = await t.unitId('99001');
    const grantsBefore = await countRows(t.db, 'role_grants');
    const staffBefore = await countRows(t.db, 'staff');

    // An account outside the admin's units answers as one that does not exist: nothing to learn from it.
    const read = await c.get(`/api/staff/${target.id}`);
    const unknown = await c.get(`/api/staff/${crypto.randomUUID()}`);
    expect([read.statusCode, errorOf(read).code]).toEqual([404, 'staff_not_found']);
    expect(errorOf(read).message).toBe(errorOf(unknown).message);
    expect((await c.get(`/api/staff?unitId=${commune}`)).statusCode).toBe(403);
    expect((await c.patch(`/api/staff/${target.id}`, { fullName: 'Đổi tên', active: false })).statusCode).toBe(404);
    expect((await c.post(`/api/staff/${target.id}/password`, { password: 'mat-khau-gia-mao' })).statusCode).toBe(404);
    expect((await c.post(`/api/staff/${target.id}/grants`, { role: 'admin', unitId: await t.unitId('99002') })).statusCode).toBe(404);
    const grantThere = await c.post(`/api/staff/${own.id}/grants`, { role: 'admin', unitId: commune });
    expect(grantThere.statusCode).toBe(403);
    expect(errorOf(grantThere).code).toBe('forbidden');
    const moveOut = await c.patch(`/api/staff/${own.id}`, { unitId: commune });
    expect(moveOut.statusCode).toBe(403);
    const create = await c.post('/api/staff', { username: 'gia.mao', fullName: 'Giả mạo', unitId: commune, password: TEST_PASSWORD });
    expect(create.statusCode).toBe(403);
    const createWithGrant = await c.post('/api/staff', {
      username: 'gia.mao2',
      fullName: 'Giả mạo',
      unitId: await t.unitId('99002'),
      password: TEST_PASSWORD,
      grants: [{ role: 'admin', unitId: await t.unitId('99') }],
    });
    expect(createWithGrant.statusCode).toBe(403);
    const adminGrant = (await t.db.select().from(roleGrants).where(eq(roleGrants.staffId, (await staffRow('admin')).id)))[0];
    const revoke = await c.delete(`/api/staff/${(await staffRow('admin')).id}/grants/${adminGrant?.id}`);
    expect(revoke.statusCode).toBe(404);

    const after = await staffRow('lanhdao.anbinh');
    expect(after).toMatchObject({ fullName: target.fullName, active: true, passwordHash: target.passwordHash });
    expect((await staffRow('motcua.binhminh')).unitId).toBe(own.unitId);
    expect(await countRows(t.db, 'role_grants')).toBe(grantsBefore);
    expect(await countRows(t.db, 'staff')).toBe(staffBefore);
  });

  it('may manage staff of the ward and grant roles there', async () => {
    const c = await t.loginAs('admin.binhminh');
    const ward = await t.unitId('99002');
    const res = await c.post('/api/staff', {
      username: 'tiepdan.binhminh',
      fullName: 'Lý Thị Hoa',
      unitId: ward,
      password: TEST_PASSWORD,
      grants: [{ role: 'reception_officer', unitId: ward }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<StaffView>().actions).toEqual(['staff.read', 'staff.manage']);
  });

  it('lets a leader read the staff of their unit but change none (403), and not find those of another unit (404)', async () => {
    const c = await t.loginAs('lanhdao.anbinh');
    const own = await staffRow('motcua.anbinh');
    expect((await c.get(`/api/staff/${own.id}`)).statusCode).toBe(200);
    expect((await c.patch(`/api/staff/${own.id}`, { fullName: 'X' })).statusCode).toBe(403);
    expect((await c.get(`/api/staff/${(await staffRow('motcua.binhminh')).id}`)).statusCode).toBe(404);
    expect((await staffRow('motcua.anbinh')).fullName).toBe('Vũ Thị Mai');
  });

  it('refuses a viewer every staff write', async () => {
    const c = await t.loginAs('xem.tinh');
    const id = (await staffRow('motcua.anbinh')).id;
    expect((await c.patch(`/api/staff/${id}`, { fullName: 'X' })).statusCode).toBe(403);
    expect((await c.post('/api/staff', { username: 'xx.yy', fullName: 'X', unitId: await t.unitId('99'), password: TEST_PASSWORD })).statusCode).toBe(403);
    expect((await staffRow('motcua.anbinh')).fullName).toBe('Vũ Thị Mai');
  });
});
