// Province administrators add, edit and retire Open311 categories through the staff API; services.json follows, others are refused, bad input changes nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, open311Services } from '../../db/schema';
import type { TestApp, TestClient } from '../../testing/harness';
import { BASE, issueKey, lightReport, open311Errors, postForm, startTestApp } from './open311.test-helpers';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginAs('admin');
}, 120_000);
afterAll(() => t.close());

const get = (path: string) => t.app.inject({ method: 'GET', url: `${BASE}${path}` });
const codesOf = async () => (await get('/services.json')).json<Array<{ service_code: string }>>().map((s) => s.service_code);
const fieldsOf = (res: { statusCode: number; body: string; json: <T>() => T }) => {
  expect(res.statusCode, res.body).toBe(400);
  return res.json<{ error: { details: { fields: Array<{ path: string; message: string }> } } }>().error.details.fields;
};

const tree = {
  code: 'CXANH',
  name: 'Cây xanh đô thị',
  description: 'Cây đổ, gãy cành, cây chết cần thay; cắt tỉa cây che khuất biển báo, đèn chiếu sáng.',
  keywords: 'cây đổ,gãy cành,cắt tỉa',
  groupName: 'Môi trường',
  notice: 'Phản ánh được chuyển đến Ủy ban nhân dân cấp xã.',
  sortOrder: 15,
  attributes: [
    { code: 'tinh_trang', datatype: 'singlevaluelist', required: true, order: 1, description: 'Tình trạng cây', values: [{ key: 'do', name: 'Cây đổ' }, { key: 'gay_canh', name: 'Gãy cành' }] },
    { code: 'duong_kinh', datatype: 'number', order: 2, description: 'Đường kính thân (cm)', datatype_description: 'Ước lượng' },
  ],
};

describe('Open311 categories (staff API)', () => {
  it('an administrator creates a category: services.json and its definition show it with its attributes', async () => {
    const res = await admin.post('/api/open311/services', tree);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'CXANH', active: true, type: 'realtime', attributes: [{ code: 'tinh_trang', variable: true }, { code: 'duong_kinh', required: false }] });
    const list = (await get('/services.json')).json<Array<Record<string, unknown>>>();
    expect(list.find((s) => s.service_code === 'CXANH')).toEqual({
      service_code: 'CXANH',
      service_name: 'Cây xanh đô thị',
      description: tree.description,
      metadata: true,
      type: 'realtime',
      keywords: 'cây đổ,gãy cành,cắt tỉa',
      group: 'Môi trường',
    });
    const def = (await get('/services/CXANH.json')).json<{ attributes: Array<Record<string, unknown>> }>();
    expect(def.attributes).toEqual([
      { variable: true, code: 'tinh_trang', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'Tình trạng cây', values: tree.attributes[0]?.values },
      { variable: true, code: 'duong_kinh', datatype: 'number', required: false, datatype_description: 'Ước lượng', order: 2, description: 'Đường kính thân (cm)' },
    ]);
    const all = (await admin.get('/api/open311/services')).json<Array<{ code: string; sortOrder: number }>>();
    expect(all.map((s) => s.code)).toContain('CXANH');
    expect(all.map((s) => s.sortOrder)).toEqual([...all.map((s) => s.sortOrder)].sort((a, b) => a - b));
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'open311.service.create'), eq(auditLog.entityId, 'CXANH')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ name: 'Cây xanh đô thị', active: true });
  });

  it('edits it; a client posting to it gets the new notice and the new question', async () => {
    const res = await admin.patch('/api/open311/services/CXANH', {
      name: 'Cây xanh, công viên',
      notice: 'Xử lý trong 5 ngày làm việc.',
      attributes: [{ code: 'tinh_trang', datatype: 'multivaluelist', required: true, order: 1, description: 'Tình trạng', values: [{ key: 'do', name: 'Cây đổ' }, { key: 'sau_benh', name: 'Sâu bệnh' }] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Cây xanh, công viên', groupName: 'Môi trường', attributes: [{ datatype: 'multivaluelist' }] });
    expect((await get('/services.json')).json<Array<Record<string, unknown>>>().find((s) => s.service_code === 'CXANH')?.service_name).toBe('Cây xanh, công viên');
    const { apiKey } = await issueKey(t, '99001', 'Ứng dụng cây xanh');
    const post = await postForm(t, lightReport(apiKey, { service_code: 'CXANH', 'attribute[tinh_trang]': ['do', 'sau_benh'] }));
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json<Array<{ service_notice: string }>>()[0]?.service_notice).toBe('Xử lý trong 5 ngày làm việc.');
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'open311.service.update'), eq(auditLog.entityId, 'CXANH')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ name: 'Cây xanh đô thị' });
    expect(audit[0]?.after).toMatchObject({ name: 'Cây xanh, công viên' });
  });

  it('retires it: gone from services.json, its definition and posts are refused as unknown; restoring brings it back', async () => {
    const { apiKey } = await issueKey(t, '99001', 'Ứng dụng sau khi ngừng');
    const res = await admin.patch('/api/open311/services/CXANH', { active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    expect(await codesOf()).not.toContain('CXANH');
    open311Errors(await get('/services/CXANH.json'), 404);
    // As for any unknown category: the specification's error array naming service_code.
    expect(open311Errors(await postForm(t, lightReport(apiKey, { service_code: 'CXANH', 'attribute[tinh_trang]': 'do' })), 404)[0]).toMatch(/^service_code: .*CXANH/);
    expect((await admin.get('/api/open311/services')).json<Array<{ code: string; active: boolean }>>().find((s) => s.code === 'CXANH')?.active).toBe(false);
    expect(await t.db.$count(auditLog, and(eq(auditLog.action, 'open311.service.retire'), eq(auditLog.entityId, 'CXANH')))).toBe(1);
    expect((await admin.patch('/api/open311/services/CXANH', { active: true })).statusCode).toBe(200);
    expect(await codesOf()).toContain('CXANH');
    expect(await t.db.$count(auditLog, and(eq(auditLog.action, 'open311.service.restore'), eq(auditLog.entityId, 'CXANH')))).toBe(1);
    expect((await admin.patch('/api/open311/services/NOPE', { active: false })).statusCode).toBe(404);
  });

  it('refuses anyone but a province administrator, and changes nothing', async () => {
    const before = await t.db.select().from(open311Services).where(eq(open311Services.code, 'CSCC'));
    for (const username of ['tiepdan.anbinh', 'admin.binhminh']) {
      const other = await t.loginAs(username);
      expect((await other.get('/api/open311/services')).statusCode).toBe(403);
      expect((await other.post('/api/open311/services', { ...tree, code: 'XA' })).statusCode).toBe(403);
      expect((await other.patch('/api/open311/services/CSCC', { active: false })).statusCode).toBe(403);
    }
    expect((await t.anonymous().get('/api/open311/services')).statusCode).toBe(401);
    // Without the session's CSRF token, even the administrator's cookie writes nothing.
    const forged = await t.app.inject({ method: 'PATCH', url: '/api/open311/services/CSCC', payload: { active: false }, headers: { cookie: admin.cookie ?? '' } });
    expect(forged.statusCode).toBe(403);
    expect(await t.db.select().from(open311Services).where(eq(open311Services.code, 'CSCC'))).toEqual(before);
    expect(await t.db.$count(open311Services, eq(open311Services.code, 'XA'))).toBe(0);
    expect(await codesOf()).toContain('CSCC');
  });

  it('answers bad input with 400 naming the field, a taken code with 409, and writes nothing', async () => {
    const auditsBefore = await t.db.$count(auditLog, eq(auditLog.entityType, 'open311_service'));
    const servicesBefore = await t.db.$count(open311Services);
    const badCode = fieldsOf(await admin.post('/api/open311/services', { ...tree, code: 'cây xanh' }));
    expect(badCode.map((f) => f.path)).toEqual(['body.code']);
    expect(badCode[0]?.message).toMatch(/không dấu/);
    const noValues = fieldsOf(await admin.post('/api/open311/services', { ...tree, code: 'CX2', attributes: [{ code: 'loai', datatype: 'singlevaluelist', order: 1, description: 'Loại' }] }));
    expect(noValues).toEqual([{ path: 'body.attributes.0.values', message: 'Danh sách chọn cần ít nhất một giá trị' }]);
    const en = await admin.request({
      method: 'POST',
      url: '/api/open311/services',
      payload: {
        ...tree,
        code: 'CX3',
        attributes: [
          { code: 'a', datatype: 'string', order: 1, description: 'A', values: [{ key: 'x', name: 'X' }] },
          { code: 'a', datatype: 'text', order: 2, description: 'B' },
        ],
      },
      headers: { 'accept-language': 'en' },
    });
    expect(fieldsOf(en)).toEqual([
      { path: 'body.attributes.0.values', message: 'Only singlevaluelist and multivaluelist take values' },
      { path: 'body.attributes.1.code', message: 'Attribute code "a" is used twice' },
    ]);
    const shape = fieldsOf(await admin.post('/api/open311/services', { ...tree, code: 'CX4', name: '  ', attributes: [{ ...tree.attributes[1], order: 1.5 }] }));
    expect(shape.map((f) => f.path).sort()).toEqual(['body.attributes.0.order', 'body.name']);
    const taken = await admin.post('/api/open311/services', { ...tree, code: 'CSCC' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { details: { fields: Array<{ path: string }> } } }>().error.details.fields[0]?.path).toBe('body.code');
    const badPatch = fieldsOf(await admin.patch('/api/open311/services/CSCC', { attributes: [{ code: 'loai', datatype: 'multivaluelist', order: 1, description: 'Loại', values: [] }] }));
    expect(badPatch[0]?.path).toBe('body.attributes.0.values');
    expect(fieldsOf(await admin.patch('/api/open311/services/CSCC', { code: 'OTHER' }))[0]?.path).toBe('body.code'); // the code cannot be changed: an undeclared field, named
    expect(await t.db.$count(open311Services)).toBe(servicesBefore);
    expect(await t.db.$count(auditLog, eq(auditLog.entityType, 'open311_service'))).toBe(auditsBefore);
    expect((await get('/services/CSCC.json')).json<{ attributes: Array<{ code: string }> }>().attributes.map((a) => a.code)).toEqual(['tinh_trang', 'so_cot']);
  });
});
