// Where a procedure may be filed, through HTTP without signing in: the communes in operation that its catalog covers, or its named agency's unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivingUnitList } from '../../../common/procedures.schema';
import { startTestApp, type TestApp } from '../../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function places(code: string): Promise<ReceivingUnitList> {
  const res = await t.anonymous().get(`/api/public/procedures/${code}/units`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ReceivingUnitList>();
}

describe('receiving units of a procedure', () => {
  it('lists the communes, wards and special zones in operation for a commune-level procedure', async () => {
    const list = await places('1.001193');
    expect(list.named).toBe(false);
    expect(list.items.map((u) => u.name)).toEqual(['Đặc khu Hòn Ngọc', 'Phường Bình Minh', 'Phường Đông Hưng', 'Xã An Bình', 'Xã Hòa Lạc']);
    // The dissolved district and the province itself do not receive commune-level dossiers.
    expect(list.items.some((u) => u.kind === 'district' || u.kind === 'province')).toBe(false);
  });

  it('leaves out a commune that has ceased to operate and one that has not started', async () => {
    const admin = await t.loginAs('admin');
    const parentId = await t.unitId('99');
    for (const [code, name, validFrom, validTo] of [
      ['T901', 'Xã Đã Sáp Nhập', '2008-01-01', '2025-06-30'],
      ['T902', 'Xã Chưa Thành Lập', '2099-01-01', null],
    ] as const) {
      const res = await admin.post('/api/units', { parentId, code, name, kind: 'commune', validFrom, ...(validTo ? { validTo } : {}) });
      expect(res.statusCode, res.body).toBe(201);
    }
    const names = (await places('1.001193')).items.map((u) => u.name);
    expect(names).toContain('Xã An Bình');
    expect(names).not.toContain('Xã Đã Sáp Nhập');
    expect(names).not.toContain('Xã Chưa Thành Lập');
  });

  it('names the one unit that receives a procedure decided by a named agency', async () => {
    const list = await places('2.000488');
    expect(list).toEqual({ named: true, items: [{ id: await t.unitId('99'), name: 'Tỉnh Sông Hồng (dữ liệu mẫu)', kind: 'province' }] });
  });

  it('offers the province for a province-level procedure without a named agency', async () => {
    const list = await places('1.010816');
    expect(list.named).toBe(false);
    expect(list.items.map((u) => u.kind)).toEqual(['province']);
  });

  it('answers 404 for a code that is not in the catalog', async () => {
    const res = await t.anonymous().get('/api/public/procedures/9.999999/units');
    expect(res.statusCode).toBe(404);
  });
});
