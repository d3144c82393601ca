// Rules through HTTP: who sees and acts (404 outside one's units, 403 without the role), deadlines and the apology, idempotent retries, bad input, concurrent codes.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeskIntakeResult, DossierCounts, DossierPage, DossierView } from '../../../common/dossiers.schema';
import { auditLog, workflowSteps } from '../../db/schema';
import { TEST_PASSWORD, type TestClient } from '../../testing/harness';
import { clock } from './dossiers.clock';
import { act, actOk, countRows, errorOf, fieldPaths, intake, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let motcua: TestClient, chuyenvien: TestClient, lanhdao: TestClient, motcuaBM: TestClient;
let chuyenvienId: string;
beforeAll(async () => {
  t = await startDossierApp();
  [motcua, chuyenvien, lanhdao, motcuaBM] = await Promise.all([
    t.loginAs('motcua.anbinh'),
    t.loginAs('chuyenvien.anbinh'),
    t.loginAs('lanhdao.anbinh'),
    t.loginAs('motcua.binhminh'),
  ]);
  chuyenvienId = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
});
afterAll(() => t.close());
afterEach(() => {
  clock.now = () => new Date();
});

const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => {
  clock.now = () => vn(local);
};
const stepCount = async (id: string) => t.db.$count(workflowSteps, eq(workflowSteps.entityId, id));

async function processing(): Promise<DossierView> {
  const { dossier: d } = await intakeOk(motcua);
  await actOk(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
  return actOk(lanhdao, d.id, 'assign', { assigneeId: chuyenvienId });
}

describe('permissions', () => {
  it('hides An Bình dossiers from the Bình Minh desk (404 to read and to act) and keeps them out of its inbox', async () => {
    const { dossier: d } = await intakeOk(motcua);
    const read = await motcuaBM.get(`/api/dossiers/${d.id}`);
    expect(read.statusCode).toBe(404);
    expect(errorOf(read).code).toBe('dossier_not_found');
    const acted = await act(motcuaBM, d.id, 'transfer', { toAgencyId: await t.agencyId('99002.VHXH') });
    expect(acted.statusCode).toBe(404);
    expect(await stepCount(d.id)).toBe(2);
    expect((await motcuaBM.get('/api/dossiers')).json<DossierPage>().items.map((i) => i.id)).not.toContain(d.id);
    expect((await motcuaBM.get(`/api/dossiers?q=${encodeURIComponent(d.code)}`)).json<DossierPage>().items).toEqual([]);
    // The desk finds it by code, and by the applicant's name typed without diacritics.
    expect((await motcua.get(`/api/dossiers?q=${encodeURIComponent(d.code)}`)).json<DossierPage>().items.map((i) => i.id)).toEqual([d.id]);
    expect((await motcua.get('/api/dossiers?q=nguyen%20van%20dan')).json<DossierPage>().items.map((i) => i.id)).toContain(d.id);
    // The province leader sees every commune's dossiers; an administrator manages structure, not cases.
    expect((await (await t.loginAs('lanhdao.tinh')).get(`/api/dossiers/${d.id}`)).statusCode).toBe(200);
    const admin = await t.loginAs('admin');
    expect((await admin.get(`/api/dossiers/${d.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/dossiers')).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/dossiers/${d.id}`)).statusCode).toBe(401);
  });

  it('lets a specialist see the dossier but not approve it (403), and an officer may not intake for another commune', async () => {
    const d = await processing();
    await actOk(chuyenvien, d.id, 'submit_for_approval');
    const approve = await act(chuyenvien, d.id, 'approve');
    expect(approve.statusCode).toBe(403);
    expect(errorOf(approve).code).toBe('forbidden');
    const page = (await chuyenvien.get(`/api/dossiers/${d.id}`)).json<DossierView>();
    expect(page.actions.map((a) => a.code)).toEqual(['extend']);
    expect((await lanhdao.get(`/api/dossiers/${d.id}`)).json<DossierView>().actions.map((a) => a.code)).toEqual(['approve', 'return_for_rework', 'stop', 'extend']);
    const elsewhere = await intake(motcua, { unitId: await t.unitId('99002') });
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe('only the assignee processes', () => {
  it('refuses the processing actions to another specialist of the same unit, and lists none for them', async () => {
    const admin = await t.loginAs('admin');
    const created = await admin.post('/api/staff', {
      username: 'chuyenvien2.anbinh',
      fullName: 'Đỗ Văn Hai',
      unitId: await t.unitId('99001'),
      password: TEST_PASSWORD,
      grants: [{ role: 'specialist', unitId: await t.unitId('99001') }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const other = await t.loginAs('chuyenvien2.anbinh');
    const d = await processing();
    // They see the dossier (specialist of the unit) but may take no processing action on it.
    const view = (await other.get(`/api/dossiers/${d.id}`)).json<DossierView>();
    expect(view.actions.map((a) => a.code)).toEqual([]);
    for (const action of ['submit_for_approval', 'request_documents', 'extend']) {
      const res = await act(other, d.id, action, action === 'request_documents' ? { data: { missingDocuments: [{ name: 'Bản sao', form: 'copy', count: 1 }] } } : {});
      expect(res.statusCode, action).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
    }
    expect(await stepCount(d.id)).toBe(4);
    // The assignee may; after a reassignment the rule follows the new assignee.
    expect((await chuyenvien.get(`/api/dossiers/${d.id}`)).json<DossierView>().actions.map((a) => a.code)).toContain('submit_for_approval');
    const otherId = created.json<{ id: string }>().id;
    await actOk(lanhdao, d.id, 'reassign', { assigneeId: otherId, note: 'Chuyên viên cũ nghỉ phép' });
    expect((await act(chuyenvien, d.id, 'submit_for_approval')).statusCode).toBe(403);
    expect((await actOk(other, d.id, 'submit_for_approval')).state).toBe('pending_approval');
  });
});

describe('deadlines', () => {
  it('on a Saturday the due-soon list and count agree with each dossier\'s badge', async () => {
    at('2027-03-06T10:00:00'); // Saturday: received as of Monday 8, due Wednesday 10 (three working days away)
    const { dossier: d } = await intakeOk(motcua);
    expect(d).toMatchObject({ dueAt: '2027-03-10T23:59:59.999+07:00', dueStatus: 'on_track' });
    const soon = (await motcua.get('/api/dossiers?due=due_soon&limit=200')).json<DossierPage>().items;
    expect(soon.map((i) => i.id)).not.toContain(d.id);
    expect(soon.filter((i) => i.dueStatus !== 'due_soon')).toEqual([]);
    expect((await motcua.get('/api/dossiers/counts')).json<DossierCounts>().dueSoon).toBe(soon.length);
    at('2027-03-07T10:00:00'); // Sunday: still three working days
    expect((await motcua.get(`/api/dossiers/${d.id}`)).json<DossierView>().dueStatus).toBe('on_track');
    at('2027-03-08T10:00:00'); // Monday: two left, both say due soon
    expect((await motcua.get(`/api/dossiers/${d.id}`)).json<DossierView>().dueStatus).toBe('due_soon');
    expect((await motcua.get('/api/dossiers?due=due_soon&limit=200')).json<DossierPage>().items.map((i) => i.id)).toContain(d.id);
  });

  it('computes the appointment in working days, flags due soon and overdue, and takes the apology only before the deadline', async () => {
    at('2027-03-01T09:00:00'); // Monday
    const { dossier: d } = await intakeOk(motcua); // 2 working days (local time of 1.004873)
    expect(d.dueAt).toBe('2027-03-03T23:59:59.999+07:00');
    expect(d.dueStatus).toBe('due_soon');
    at('2027-03-03T10:00:00');
    expect((await motcua.get('/api/dossiers?due=due_soon')).json<DossierPage>().items.map((i) => i.id)).toContain(d.id);
    const extended = await actOk(motcua, d.id, 'extend', { dueOverride: '2027-03-10', data: { reason: 'Cần xác minh thêm tại nơi cư trú' } });
    expect(extended).toMatchObject({ state: 'accepted', dueAt: '2027-03-10T23:59:59.999+07:00', dueStatus: 'on_track' });
    at('2027-03-11T08:00:00');
    const late = await act(motcua, d.id, 'extend', { dueOverride: '2027-03-20', data: { reason: 'Lần nữa' } });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late)).toMatchObject({ code: 'invalid_transition', details: { reason: 'deadline_passed' } });
    const overdue = (await motcua.get('/api/dossiers?due=overdue')).json<DossierPage>().items.find((i) => i.id === d.id);
    expect(overdue?.dueStatus).toBe('overdue');
    expect((await motcua.get('/api/dossiers/counts')).json<DossierCounts>().overdue).toBeGreaterThanOrEqual(1);
    // Returned after the deadline: counted late.
    await actOk(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    await actOk(lanhdao, d.id, 'assign', { assigneeId: chuyenvienId });
    await actOk(chuyenvien, d.id, 'submit_for_approval');
    await actOk(lanhdao, d.id, 'approve');
    expect((await actOk(motcua, d.id, 'return_result')).resultKind).toBe('late');
  });

  it('refuses a new date in the past', async () => {
    at('2027-04-05T09:00:00');
    const { dossier: d } = await intakeOk(motcua);
    const res = await act(motcua, d.id, 'extend', { dueOverride: '2027-04-01', data: { reason: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.dueOverride']);
  });
});

describe('retries, concurrency and bad input', () => {
  it('acts once for a retried action with the same idempotency key, and refuses a stale seq', async () => {
    const { dossier: d } = await intakeOk(motcua);
    const headers = { 'idempotency-key': `transfer-${d.id}` };
    const body = { toAgencyId: await t.agencyId('99001.VHXH') };
    const first = await act(motcua, d.id, 'transfer', body, headers);
    const second = await act(motcua, d.id, 'transfer', body, headers);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json<DossierView>().seq).toBe(first.json<DossierView>().seq);
    expect(await stepCount(d.id)).toBe(3);
    const stale = await act(lanhdao, d.id, 'assign', { assigneeId: chuyenvienId, expectedSeq: 2 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('concurrent_transition');
  });

  it('refuses bad intake and bad actions with field paths and writes nothing', async () => {
    const tables = ['dossiers', 'workflow_steps', 'code_counters', 'audit_log', 'dossier_documents'];
    const snapshot = async (): Promise<Record<string, number>> =>
      Object.fromEntries(await Promise.all(tables.map(async (x): Promise<[string, number]> => [x, await countRows(t, x)])));
    const before = await snapshot();
    const shape = await intake(motcua, { applicant: { name: 'A', idNumber: 'x' }, decision: 'approve' });
    expect(shape.statusCode).toBe(400);
    expect(fieldPaths(shape)).toEqual(['body.applicant.idNumber', 'body.decision']);
    // The decision's own fields are checked by the workflow after the code was drawn: the counter rolls back too.
    const data = await intake(motcua, { decision: 'refuse', data: { reason: 'Thiếu', foo: 1 } });
    expect(data.statusCode).toBe(400);
    expect(fieldPaths(data)).toEqual(['body.data.foo', 'body.data.legalBasis']);
    const file = await intake(motcua, { documents: [{ fileId: crypto.randomUUID(), name: 'Tờ khai' }] });
    expect(fieldPaths(file)).toEqual(['body.documents.0.fileId']);
    expect(await snapshot()).toEqual(before);

    const { dossier: d } = await intakeOk(motcua);
    const mid = await snapshot();
    const noTarget = await act(motcua, d.id, 'transfer', { note: 'x' });
    expect(fieldPaths(noTarget)).toEqual(['body.toAgencyId']);
    const badBody = await act(motcua, d.id, 'transfer', { toAgencyId: 'not-a-uuid', extra: true });
    expect(fieldPaths(badBody)).toEqual(['body.extra', 'body.toAgencyId']);
    const badFile = await act(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH'), attachments: [{ fileId: crypto.randomUUID(), name: 'x.pdf' }] });
    expect(fieldPaths(badFile)).toEqual(['body.attachments.0.fileId']);
    expect(await snapshot()).toEqual(mid);
    const audits = await t.db.$count(auditLog, eq(auditLog.entityId, d.id));
    expect(audits).toBe(3);
  });

  it('gives 20 simultaneous desk intakes 20 distinct codes in a gapless daily sequence', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => intake(motcuaBM, { unitId: undefined })));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const codes = results.map((r) => r.json<DeskIntakeResult>().dossier.code);
    expect(new Set(codes).size).toBe(20);
    for (const c of codes) expect(c).toMatch(/^99002\.MC-\d{6}-\d{4}$/);
    const seqs = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => (seqs[0] ?? 0) + i));
  });
});
