// The staff side of the catalog through HTTP: list with inactive ones, create, update, deactivate, audit, permissions, bad input.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureCreateBody, ProcedurePage, ProcedureView } from '../../../common/procedures.schema';
import { auditLog } from '../../db/schema';
import { queryRows } from '../../db/rows';
import { startTestApp, type TestApp } from '../../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Body = Omit<ProcedureCreateBody, 'agencyId' | 'unitId' | 'localDays' | 'fees' | 'fullyOnline' | 'workflowCode' | 'active'> & Record<string, unknown>;
const body = (over: Record<string, unknown> = {}): Body => ({
  code: '1.999001',
  name: 'Đăng ký giám hộ',
  fieldCode: 'HT',
  fieldName: 'Hộ tịch',
  level: 'commune',
  implementingAgency: 'Ủy ban nhân dân cấp xã',
  statutoryDays: 3,
  documents: [{ name: 'Tờ khai đăng ký giám hộ', form: 'original', count: 1 }],
  result: 'Trích lục đăng ký giám hộ',
  legalBasis: 'Luật Hộ tịch 2014',
  ...over,
});
const fieldPaths = (res: { json: <T>() => T }) =>
  res.json<{ error: { details?: { fields?: Array<{ path: string }> } } }>().error.details?.fields?.map((f) => f.path).sort() ?? [];
async function count(table: 'procedures' | 'audit_log') {
  const [r] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return r?.n ?? 0;
}
async function audits(id: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
}

describe('staff catalog', () => {
  it('creates a procedure with defaults, audited, and shows it publicly', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.post('/api/procedures', body({ unitId: await t.unitId('99'), localDays: 2, fees: [{ name: 'Lệ phí', amount: 5000 }] }));
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json<ProcedureView>();
    expect(p).toMatchObject({ code: '1.999001', workflowCode: 'one_stop_standard', active: true, fullyOnline: false, localDays: 2, actions: ['procedure.manage'] });
    const [entry] = await audits(p.id);
    expect(entry).toMatchObject({ action: 'procedure.create', entityType: 'procedure', unitId: await t.unitId('99') });
    expect(entry?.after).toMatchObject({ code: '1.999001', name: 'Đăng ký giám hộ' });
    expect((await t.anonymous().get('/api/public/procedures/1.999001')).statusCode).toBe(200);
    const dup = await admin.post('/api/procedures', body());
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ error: { code: string } }>().error.code).toBe('procedure_code_taken');
  });

  it('updates and deactivates, keeping before and after in the audit trail; staff still list inactive ones', async () => {
    const admin = await t.loginAs('admin');
    const [p] = (await admin.get('/api/procedures?q=1.999001')).json<ProcedurePage>().items;
    expect(p).toBeDefined();
    const upd = await admin.patch(`/api/procedures/${p?.id}`, { name: 'Đăng ký giám hộ (sửa)', localDays: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json<ProcedureView>()).toMatchObject({ name: 'Đăng ký giám hộ (sửa)', localDays: 1 });
    const off = await admin.patch(`/api/procedures/${p?.id}`, { active: false });
    expect(off.json<ProcedureView>().active).toBe(false);
    const trail = await audits(p?.id ?? '');
    expect(trail.map((a) => a.action)).toEqual(['procedure.create', 'procedure.update', 'procedure.deactivate']);
    expect(trail[1]?.before).toMatchObject({ name: 'Đăng ký giám hộ' });
    expect(trail[1]?.after).toMatchObject({ name: 'Đăng ký giám hộ (sửa)' });
    const inactive = (await admin.get('/api/procedures?active=false')).json<ProcedurePage>().items;
    expect(inactive.map((i) => i.code)).toContain('1.999001');
    expect((await t.anonymous().get('/api/public/procedures/1.999001')).statusCode).toBe(404);
    // Any staff member reads the catalog, without the right to change it.
    const viewer = await t.loginAs('xem.tinh');
    // The workflows a procedure may follow, for the form's select; a procedure moves to the commune workflow.
    const choices = (await viewer.get('/api/procedures/workflows')).json<{ items: Array<{ code: string; label: string }> }>().items;
    expect(choices.map((c) => c.code)).toEqual(['one_stop_commune', 'one_stop_standard']);
    expect(choices[0]?.label).toMatch(/^Quy trình một cửa cấp xã/);
    expect((await t.anonymous().get('/api/procedures/workflows')).statusCode).toBe(401);
    const moved = await admin.patch(`/api/procedures/${p?.id}`, { workflowCode: 'one_stop_commune' });
    expect(moved.json<ProcedureView>().workflowCode).toBe('one_stop_commune');
    const seen = (await viewer.get('/api/procedures?q=1.999001')).json<ProcedurePage>().items;
    expect(seen[0]?.actions).toEqual([]);
  });

  it('refuses bad input with field paths and changes nothing', async () => {
    const admin = await t.loginAs('admin');
    const before = await count('procedures');
    const auditBefore = await count('audit_log');
    const bad = await admin.post(
      '/api/procedures',
      body({
        code: '1-001',
        statutoryDays: 0,
        documents: [{ name: 'Tờ khai', form: 'photo', count: 0 }],
        fees: [{ name: 'Lệ phí', amount: 1.5 }, { name: 'Phí', amount: -1 }],
        level: 'district',
        workflowCode: 'Một Cửa',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual([
      'body.code',
      'body.documents.0.count',
      'body.documents.0.form',
      'body.fees.0.amount',
      'body.fees.1.amount',
      'body.level',
      'body.statutoryDays',
      'body.workflowCode',
    ]);
    const msg = bad.json<{ error: { details: { fields: Array<{ path: string; message: string }> } } }>().error.details.fields;
    expect(msg.find((f) => f.path === 'body.code')?.message).toBe('Mã thủ tục gồm chữ số và dấu chấm, ví dụ 1.001193');
    expect(fieldPaths(await admin.post('/api/procedures', body({ documents: [] })))).toEqual(['body.documents']);
    // A well-formed code of a workflow the server does not know would stop every submission of the procedure.
    expect(fieldPaths(await admin.post('/api/procedures', body({ workflowCode: 'one_stop_fast' })))).toEqual(['body.workflowCode']);
    expect(fieldPaths(await admin.post('/api/procedures', body({ statutoryDays: 3, localDays: 5 })))).toEqual(['body.localDays']);
    expect(fieldPaths(await admin.post('/api/procedures', body({ unitId: '00000000-0000-4000-8000-000000000000' })))).toEqual(['body.unitId']);
    const [kh] = (await admin.get('/api/procedures?q=1.001193')).json<ProcedurePage>().items;
    // The merged record is checked: a local time longer than the statutory one is refused on update too.
    expect(fieldPaths(await admin.patch(`/api/procedures/${kh?.id}`, { localDays: 2 }))).toEqual(['body.localDays']);
    expect(fieldPaths(await admin.patch(`/api/procedures/${kh?.id}`, { unknownField: 1 }))).toEqual(['body.unknownField']);
    expect(fieldPaths(await admin.patch(`/api/procedures/${kh?.id}`, { workflowCode: 'one_stop_fast' }))).toEqual(['body.workflowCode']);
    expect(await count('procedures')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });
});

describe('who may change the catalog', () => {
  it('refuses anonymous callers and viewers', async () => {
    const anon = t.anonymous();
    expect((await anon.post('/api/procedures', body({ code: '1.999002' }))).statusCode).toBe(401);
    expect((await anon.get('/api/procedures')).statusCode).toBe(401);
    const viewer = await t.loginAs('xem.tinh');
    expect((await viewer.post('/api/procedures', body({ code: '1.999002', unitId: await t.unitId('99') }))).statusCode).toBe(403);
    const [kh] = (await viewer.get('/api/procedures?q=1.001193')).json<ProcedurePage>().items;
    expect((await viewer.patch(`/api/procedures/${kh?.id}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('lets a ward admin manage only the ward catalog', async () => {
    const ward = await t.loginAs('admin.binhminh');
    const wardId = await t.unitId('99002');
    const own = await ward.post('/api/procedures', body({ code: '1.999003', unitId: wardId, agencyId: await t.agencyId('99002.MC') }));
    expect(own.statusCode, own.body).toBe(201);
    const mine = own.json<ProcedureView>();
    expect(mine.actions).toEqual(['procedure.manage']);
    expect((await ward.patch(`/api/procedures/${mine.id}`, { localDays: 1 })).statusCode).toBe(200);
    // Not the province's catalog, another ward's, nor the national one.
    for (const unitId of [await t.unitId('99'), await t.unitId('99001'), null])
      expect((await ward.post('/api/procedures', body({ code: '1.999004', unitId }))).statusCode).toBe(403);
    const [kh] = (await ward.get('/api/procedures?q=1.001193')).json<ProcedurePage>().items;
    expect(kh?.actions).toEqual([]);
    expect((await ward.patch(`/api/procedures/${kh?.id}`, { active: false })).statusCode).toBe(403);
    // Nor move the ward's procedure up into the province catalog.
    expect((await ward.patch(`/api/procedures/${mine.id}`, { unitId: await t.unitId('99') })).statusCode).toBe(403);
    // An agency of another unit cannot decide a ward procedure.
    expect(fieldPaths(await ward.patch(`/api/procedures/${mine.id}`, { agencyId: await t.agencyId('99001.MC') }))).toEqual(['body.agencyId']);
    // The province admin covers the ward.
    const admin = await t.loginAs('admin');
    expect((await admin.patch(`/api/procedures/${mine.id}`, { name: 'Đăng ký giám hộ tại phường' })).statusCode).toBe(200);
    expect((await admin.post('/api/procedures', body({ code: '1.999005', unitId: null }))).statusCode).toBe(201);
  });
});
