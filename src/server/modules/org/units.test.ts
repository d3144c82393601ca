// Units through HTTP: tree, diacritic-insensitive search, create, update, re-parenting, permissions and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitDetailView, UnitView } from '../../../common/org.schema';
import { startTestApp, type TestApp } from '../../testing/harness';
import { auditActions, countRows, errorOf, fieldPaths, unitByCode } from './org.test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('reading units', () => {
  it('gives every signed-in staff member the tree of active units, with their actions', async () => {
    const c = await t.loginAs('motcua.anbinh');
    const res = await c.get('/api/units/tree');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: UnitView[] }>().items;
    const codes = items.map((u) => u.code);
    expect(codes).toContain('99');
    expect(codes).toContain('99002');
    expect(codes).not.toContain('99901'); // the old district is dissolved
    expect(items.every((u) => u.active)).toBe(true);
    expect(items.find((u) => u.code === '99')?.childCount).toBe(6);
    expect(items.every((u) => u.actions.length === 0)).toBe(true);

    const all = (await c.get('/api/units/tree?includeInactive=true')).json<{ items: UnitView[] }>().items;
    expect(all.find((u) => u.code === '99901')?.active).toBe(false);
  });

  it('lists the actions an admin may take on each unit', async () => {
    const c = await t.loginAs('admin.binhminh');
    const items = (await c.get('/api/units/tree')).json<{ items: UnitView[] }>().items;
    expect(items.find((u) => u.code === '99002')?.actions).toEqual(
      expect.arrayContaining(['unit.update', 'unit.create', 'agency.manage', 'staff.manage']),
    );
    expect(items.find((u) => u.code === '99001')?.actions).toEqual([]);
    expect(items.find((u) => u.code === '99')?.actions).toEqual([]);
  });

  it('finds units ignoring diacritics and case', async () => {
    const c = await t.loginAs('xem.tinh');
    const res = await c.get('/api/units?q=hoa%20lac');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: UnitView[] }>().items.map((u) => u.name)).toEqual(['Xã Hòa Lạc']);
    const dong = (await c.get(`/api/units?q=${encodeURIComponent('DONG HUNG')}`)).json<{ items: UnitView[] }>().items;
    expect(dong.map((u) => u.code)).toEqual(['99004']);
    const byCode = (await c.get('/api/units?q=9900')).json<{ items: UnitView[] }>().items;
    expect(byCode.length).toBe(5);
    const province = await t.unitId('99');
    const wards = (await c.get(`/api/units?parentId=${province}&kind=ward`)).json<{ items: UnitView[] }>().items;
    expect(wards.map((u) => u.code).sort()).toEqual(['99002', '99004']);
    const old = (await c.get('/api/units?q=thuan%20thanh&includeInactive=true')).json<{ items: UnitView[] }>().items;
    expect(old.map((u) => u.code)).toEqual(['99901']);
    expect((await c.get('/api/units?q=thuan%20thanh')).json<{ items: UnitView[] }>().items).toEqual([]);
  });

  it('shows one unit with its parent and agencies', async () => {
    const c = await t.loginAs('xem.tinh');
    const id = await t.unitId('99001');
    const res = await c.get(`/api/units/${id}`);
    expect(res.statusCode).toBe(200);
    const u = res.json<UnitDetailView>();
    expect(u.parent?.name).toBe('Tỉnh Sông Hồng (dữ liệu mẫu)');
    expect(u.agencies.map((a) => a.code).sort()).toEqual(['99001.KT', '99001.MC', '99001.UB', '99001.VHXH']);
    const missing = await c.get('/api/units/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('unit_not_found');
  });

  it('answers 401 to a request without a session', async () => {
    const res = await t.anonymous().get('/api/units/tree');
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
  });
});

describe('changing units', () => {
  it('creates a unit under a parent and audits it', async () => {
    const c = await t.loginAs('admin');
    const res = await c.post('/api/units', {
      parentId: await t.unitId('99'),
      code: 'T100',
      name: 'Xã Thử Nghiệm',
      kind: 'commune',
      validFrom: '2025-07-01',
    });
    expect(res.statusCode).toBe(201);
    const u = res.json<UnitView>();
    expect(u).toMatchObject({ code: 'T100', depth: 1, childCount: 0, active: true });
    const row = await unitByCode(t.db, 'T100');
    expect(row?.path).toBe(`/${await t.unitId('99')}/${u.id}/`);
    expect(await auditActions(t.db, u.id)).toEqual(['unit.create']);
  });

  it('refuses a code already in use with 409', async () => {
    const c = await t.loginAs('admin');
    const before = await countRows(t.db, 'units');
    const res = await c.post('/api/units', { parentId: await t.unitId('99'), code: '99001', name: 'Trùng mã', kind: 'commune' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('unit_code_taken');
    const patch = await c.patch(`/api/units/${await t.unitId('99003')}`, { code: '99001' });
    expect(patch.statusCode).toBe(409);
    expect(await countRows(t.db, 'units')).toBe(before);
    expect((await unitByCode(t.db, '99003'))?.name).toBe('Xã Hòa Lạc');
  });

  it('names every invalid field and changes nothing', async () => {
    const c = await t.loginAs('admin');
    const before = await countRows(t.db, 'units');
    const res = await c.post('/api/units', { parentId: 'x', code: '', kind: 'county', validFrom: '2025-13-01' });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.code', 'body.kind', 'body.name', 'body.parentId', 'body.validFrom']);
    const dates = await c.post('/api/units', {
      parentId: await t.unitId('99'),
      code: 'T101',
      name: 'Sai ngày',
      kind: 'commune',
      validFrom: '2025-07-01',
      validTo: '2025-01-01',
    });
    expect(dates.statusCode).toBe(400);
    expect(fieldPaths(dates)).toEqual(['body.validTo']);
    const patch = await c.patch(`/api/units/${await t.unitId('99901')}`, { validTo: '2000-01-01' });
    expect(patch.statusCode).toBe(400);
    expect(fieldPaths(patch)).toEqual(['body.validTo']);
    expect(await countRows(t.db, 'units')).toBe(before);
  });

  it('moves a unit with its whole subtree, and refuses a cycle', async () => {
    const c = await t.loginAs('admin');
    const province = await t.unitId('99');
    const mk = async (code: string, parentId: string) =>
      (await c.post('/api/units', { parentId, code, name: `Đơn vị ${code}`, kind: 'district' })).json<UnitView>().id;
    const a = await mk('MV-A', province);
    const b = await mk('MV-B', a);
    const cc = await mk('MV-C', b);
    const target = await t.unitId('99004');

    const moved = await c.patch(`/api/units/${b}`, { parentId: target, name: 'Đơn vị B mới' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<UnitView>()).toMatchObject({ parentId: target, depth: 2, name: 'Đơn vị B mới' });
    expect((await unitByCode(t.db, 'MV-B'))?.path).toBe(`/${province}/${target}/${b}/`);
    const child = await unitByCode(t.db, 'MV-C');
    expect(child).toMatchObject({ path: `/${province}/${target}/${b}/${cc}/`, depth: 3, parentId: b });
    expect(await auditActions(t.db, b)).toEqual(['unit.create', 'unit.move']);

    const cycle = await c.patch(`/api/units/${b}`, { parentId: cc });
    expect(cycle.statusCode).toBe(400);
    expect(errorOf(cycle).code).toBe('unit_cycle');
    const self = await c.patch(`/api/units/${b}`, { parentId: b });
    expect(errorOf(self).code).toBe('unit_cycle');
    expect((await unitByCode(t.db, 'MV-C'))?.depth).toBe(3);
  });

  it('keeps a dissolved unit: setting validTo makes it inactive', async () => {
    const c = await t.loginAs('admin');
    const id = await t.unitId('T100');
    const res = await c.patch(`/api/units/${id}`, { validTo: '2025-12-31' });
    expect(res.statusCode).toBe(200);
    expect(res.json<UnitView>().active).toBe(false);
    expect((await c.request({ method: 'DELETE', url: `/api/units/${id}` })).statusCode).toBe(404);
    expect(await unitByCode(t.db, 'T100')).toBeDefined();
  });

  it('lets only an admin of a top-level unit create a top-level unit', async () => {
    const ward = await t.loginAs('admin.binhminh');
    const denied = await ward.post('/api/units', { parentId: null, code: 'ROOT-X', name: 'Tỉnh X', kind: 'province' });
    expect(denied.statusCode).toBe(403);
    const admin = await t.loginAs('admin');
    const ok = await admin.post('/api/units', { parentId: null, code: 'ROOT-Y', name: 'Tỉnh Y', kind: 'province' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<UnitView>()).toMatchObject({ depth: 0, parentId: null });
    expect(await unitByCode(t.db, 'ROOT-X')).toBeUndefined();
  });

  it('keeps a ward admin inside their ward', async () => {
    const c = await t.loginAs('admin.binhminh');
    const before = await countRows(t.db, 'units');
    const commune = await t.unitId('99001');
    const ward = await t.unitId('99002');
    const under = await c.post('/api/units', { parentId: commune, code: 'BM-1', name: 'Tổ dân phố 1', kind: 'ward' });
    expect(under.statusCode).toBe(403);
    expect(errorOf(under).code).toBe('forbidden');
    expect((await c.patch(`/api/units/${commune}`, { name: 'Đổi tên' })).statusCode).toBe(403);
    // Own ward: may rename, may not move it out of reach.
    expect((await c.patch(`/api/units/${ward}`, { parentId: commune })).statusCode).toBe(403);
    expect((await c.post('/api/units', { parentId: ward, code: 'BM-2', name: 'Khu phố 2', kind: 'ward' })).statusCode).toBe(201);
    expect((await unitByCode(t.db, '99001'))?.name).toBe('Xã An Bình');
    expect((await unitByCode(t.db, '99002'))?.parentId).toBe(await t.unitId('99'));
    expect(await countRows(t.db, 'units')).toBe(before + 1);
  });

  it('refuses every write of a viewer', async () => {
    const c = await t.loginAs('xem.tinh');
    const before = await countRows(t.db, 'units');
    const res = await c.post('/api/units', { parentId: await t.unitId('99'), code: 'V-1', name: 'Xã V', kind: 'commune' });
    expect(res.statusCode).toBe(403);
    expect((await c.patch(`/api/units/${await t.unitId('99003')}`, { name: 'Đổi' })).statusCode).toBe(403);
    expect(await countRows(t.db, 'units')).toBe(before);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/units/tree', '/api/units', '/api/units/{id}', '/api/units/{id}/agencies']));
  });
});
