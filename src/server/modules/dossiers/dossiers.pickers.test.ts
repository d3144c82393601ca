// Through HTTP: the field specs an action's form is generated from, the names on the timeline, and the
// pickers of the action forms (assignee candidates, transfer agencies) with their access checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssigneeList, TransferAgencyList } from '../../../common/dossier-pickers.schema';
import type { DossierPage, DossierView } from '../../../common/dossiers.schema';
import type { TestClient } from '../../testing/harness';
import { actOk, errorOf, fieldPaths, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let motcua: TestClient, chuyenvien: TestClient, lanhdao: TestClient, admin: TestClient;
let namId: string;
beforeAll(async () => {
  t = await startDossierApp();
  [motcua, chuyenvien, lanhdao, admin] = await Promise.all([
    t.loginAs('motcua.anbinh'),
    t.loginAs('chuyenvien.anbinh'),
    t.loginAs('lanhdao.anbinh'),
    t.loginAs('admin'),
  ]);
  namId = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
});
afterAll(() => t.close());

const assignees = (c: TestClient, id: string, action?: string) => c.get(`/api/dossiers/${id}/assignees${action ? `?action=${action}` : ''}`);

describe('action views carry the field specs of the workflow', () => {
  it('lists required then optional fields with type, label, limits, in the user language', async () => {
    const { dossier: d } = await intakeOk(motcua, { decision: 'none' });
    const byCode = new Map(d.actions.map((a) => [a.code, a]));
    expect(byCode.get('request_completion')?.fields).toEqual([
      { name: 'missingDocuments', type: 'documents', label: 'Các giấy tờ cần bổ sung, hoàn thiện (ghi đủ một lần)', required: true, min: null, max: null, options: null, of: null },
      { name: 'guidance', type: 'string', label: 'Hướng dẫn cho người nộp', required: false, min: null, max: 4000, options: null, of: null },
    ]);
    expect(byCode.get('refuse')?.fields.map((f) => [f.name, f.required])).toEqual([
      ['reason', true],
      ['legalBasis', true],
    ]);
    expect(byCode.get('accept')?.fields.find((f) => f.name === 'copies')).toMatchObject({ type: 'integer', min: 1, max: 20, required: false });

    const en = (await motcua.get(`/api/dossiers/${d.id}`, { 'accept-language': 'en' })).json<DossierView>();
    expect(en.actions.find((a) => a.code === 'refuse')?.fields.map((f) => f.label)).toEqual(['Reason', 'Legal basis']);
  });

  it('names the places and people of each step, gives the step data its labels, and counts the working days left', async () => {
    const { dossier: d } = await intakeOk(motcua, { data: { copies: 2 } });
    expect(d.workingDaysLeft).toBeGreaterThanOrEqual(1);
    // Received on a day off or after the afternoon cutoff, the count starts the next working day: one more day left today.
    expect(d.workingDaysLeft).toBeLessThanOrEqual(d.processingDays + 1);
    expect(d.steps[1]?.fields).toEqual([{ name: 'copies', type: 'integer', label: 'Số bộ hồ sơ', required: false, min: 1, max: 20, options: null, of: null }]);

    const moved = await actOk(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    expect(moved.steps[2]).toMatchObject({
      fromUnitName: 'Xã An Bình',
      toUnitName: 'Xã An Bình',
      fromAgencyName: 'Bộ phận Một cửa',
      toAgencyName: 'Phòng Văn hóa - Xã hội',
      assigneeName: null,
      fields: [],
    });
    // The inbox names where each dossier is and which commune received it.
    const inbox = (await motcua.get(`/api/dossiers?q=${encodeURIComponent(d.code)}`)).json<DossierPage>();
    expect(inbox.items).toEqual([expect.objectContaining({ id: d.id, unitName: 'Xã An Bình', receivingUnitName: 'Xã An Bình' })]);
    const assigned = await actOk(lanhdao, d.id, 'assign', { assigneeId: namId });
    expect(assigned.steps[3]).toMatchObject({ assigneeName: 'Hoàng Văn Nam' });
    await actOk(chuyenvien, d.id, 'submit_for_approval');
    await actOk(lanhdao, d.id, 'approve');
    const done = await actOk(motcua, d.id, 'return_result', { data: { feesCollected: 15000 } });
    expect(done.workingDaysLeft).toBeNull();
    expect(done.steps.at(-1)?.fields.map((f) => f.label)).toEqual(['Phí, lệ phí đã thu (đồng)']);
  });
});

describe('GET /api/dossiers/:id/assignees', () => {
  it('offers the active specialists of the unit, the holding agency first, with their open load and the current assignee marked', async () => {
    const { dossier: d } = await intakeOk(motcua);
    await actOk(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    // A second specialist in another agency of the same commune, and a third one disabled.
    const unitId = await t.unitId('99001');
    const created = async (username: string, fullName: string, agency: string) => {
      const res = await admin.post('/api/staff', {
        username,
        fullName,
        unitId,
        agencyId: await t.agencyId(agency),
        password: 'mat-khau-kiem-thu-2026',
        grants: [{ role: 'specialist', unitId }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const an = await created('chuyenvien.kt', 'Âu Thị An', '99001.KT');
    const off = await created('chuyenvien.nghi', 'Lý Văn Nghỉ', '99001.VHXH');
    expect((await admin.patch(`/api/staff/${off}`, { active: false })).statusCode).toBe(200);

    const res = await assignees(lanhdao, d.id);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<AssigneeList>().items;
    // Nam works in the agency that holds the dossier (VHXH): first, though An sorts before him. The
    // demo's specialist of Sở Tư pháp holds the role on the province, above the commune, and is not offered.
    expect(items.map((c) => c.fullName)).toEqual(['Hoàng Văn Nam', 'Âu Thị An']);
    expect(items[0]).toMatchObject({ id: namId, agencyName: 'Phòng Văn hóa - Xã hội', unitName: 'Xã An Bình', sameAgency: true, current: false });
    expect(items[1]).toMatchObject({ id: an, agencyName: 'Phòng Kinh tế', sameAgency: false, openCount: 0 });
    const before = items[0]?.openCount ?? -1;

    await actOk(lanhdao, d.id, 'assign', { assigneeId: namId });
    const again = (await assignees(lanhdao, d.id, 'reassign')).json<AssigneeList>().items;
    expect(again.find((c) => c.id === namId)).toMatchObject({ current: true, openCount: before + 1 });
  });

  it('answers 404 to whoever may not see the dossier, 400 for an action that assigns nobody, 401 without a session', async () => {
    const { dossier: d } = await intakeOk(motcua);
    const outsider = await t.loginAs('motcua.binhminh');
    const hidden = await assignees(outsider, d.id);
    expect(hidden.statusCode).toBe(404);
    expect(errorOf(hidden).code).toBe('dossier_not_found');
    expect((await assignees(admin, d.id)).statusCode).toBe(404);
    expect((await assignees(lanhdao, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const wrong = await assignees(lanhdao, d.id, 'accept');
    expect(wrong.statusCode).toBe(400);
    expect(fieldPaths(wrong)).toEqual(['querystring.action']);
    expect((await assignees(lanhdao, d.id, 'Bad-Action')).statusCode).toBe(400);
    expect((await assignees(t.anonymous(), d.id)).statusCode).toBe(401);
  });
});

describe('GET /api/dossiers/:id/agencies', () => {
  it("lists the agencies of the dossier's unit, then of the province, without the one holding it", async () => {
    const { dossier: d } = await intakeOk(motcua);
    const res = await motcua.get(`/api/dossiers/${d.id}/agencies`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<TransferAgencyList>().items;
    const codes = items.map((a) => a.code);
    expect(codes).not.toContain('99001.MC');
    expect(codes).toEqual(expect.arrayContaining(['99001.VHXH', '99001.KT', '99001.UB', '99.STP']));
    // Commune agencies come before the province's.
    expect(codes.indexOf('99001.VHXH')).toBeLessThan(codes.indexOf('99.STP'));
    expect(items.find((a) => a.code === '99001.VHXH')).toMatchObject({ name: 'Phòng Văn hóa - Xã hội', unitName: 'Xã An Bình', kind: 'department' });
    expect(codes.some((c) => c.startsWith('99002.'))).toBe(false);

    const outsider = await t.loginAs('motcua.binhminh');
    expect((await outsider.get(`/api/dossiers/${d.id}/agencies`)).statusCode).toBe(404);
  });
});
