// An action that takes a dossier out of the acting officer's sight, through HTTP: An Bình's desk transfers a dossier to
// an agency of Bình Minh, whose leader forwards it to a department of the province. The forward is done (step, row,
// audit), answered with the minimal answer `visible: false` and nothing of the applicant or the procedure, on the
// page's path, its retry and the minimal path alike; the leader then gets 404, the province and the receiving desk see
// the dossier where it now is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../common/audit.schema';
import type { DeskIntakeResult, DossierActionAck, DossierPage, DossierView } from '../../../common/dossiers.schema';
import type { TestClient } from '../../testing/harness';
import { addStaff } from '../letters/letters.test-helpers';
import { act, actOk, applicant, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let motcua: TestClient, lanhdaoTinh: TestClient, admin: TestClient, lanhdaoBM: TestClient;
let lanhdaoBMId: string;
let binhMinhKT: string, soXayDung: string, province: string;

beforeAll(async () => {
  t = await startDossierApp();
  [motcua, lanhdaoTinh, admin] = await Promise.all([t.loginAs('motcua.anbinh'), t.loginAs('lanhdao.tinh'), t.loginAs('admin')]);
  const bm = await addStaff(t, 'lanhdao.binhminh', '99002', ['leader']);
  [lanhdaoBM, lanhdaoBMId] = [bm.client, bm.id];
  [binhMinhKT, soXayDung, province] = await Promise.all([t.agencyId('99002.KT'), t.agencyId('99.SXD'), t.unitId('99')]);
});
afterAll(() => t.close());

const APPLICANT = applicant({ name: 'Trịnh Thị Nguyệt', email: 'nguyet@example.vn' });
const FORWARD = { toAgencyId: '', note: 'Thuộc thẩm quyền Sở Xây dựng' };

/** A dossier received at An Bình's desk and transferred to Bình Minh's economic office: Bình Minh's leader may forward it. */
async function atBinhMinh(): Promise<DeskIntakeResult['dossier']> {
  const { dossier: d } = await intakeOk(motcua, { applicant: APPLICANT });
  await actOk(motcua, d.id, 'transfer', { toAgencyId: binhMinhKT });
  const there = await lanhdaoBM.get(`/api/dossiers/${d.id}`);
  expect(there.statusCode, there.body).toBe(200);
  expect(there.json<DossierView>().actions.map((a) => a.code)).toContain('forward');
  return d;
}

function expectGone(body: string, d: DeskIntakeResult['dossier']) {
  const ack = JSON.parse(body) as DossierActionAck;
  expect(ack).toEqual({
    id: d.id,
    code: d.code,
    state: 'transferred',
    stateLabel: 'Đã chuyển cơ quan giải quyết',
    unitId: province,
    unitName: 'Tỉnh Sông Hồng (dữ liệu mẫu)',
    assigneeId: null,
    dueAt: d.dueAt,
    seq: 4,
    visible: false,
  });
  for (const part of [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone, 'nguyet@example.vn', d.procedureName]) expect(body).not.toContain(part);
}

describe('an action that takes a dossier out of the officer’s sight', () => {
  it('is done and answered `visible: false` on the page’s path; the officer then gets 404, the dossier is at its new agency, stepped and audited', async () => {
    const d = await atBinhMinh();
    const body = { ...FORWARD, toAgencyId: soXayDung };
    const key = `gone-${d.id}`;
    const res = await act(lanhdaoBM, d.id, 'forward', body, { 'idempotency-key': key });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['preference-applied']).toBeUndefined();
    expectGone(res.body, d);

    // A retry with the same key replays the answer and acts once.
    const again = await act(lanhdaoBM, d.id, 'forward', body, { 'idempotency-key': key });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(res.json());

    // Out of sight now: neither read nor acted on, not in the leader's inbox.
    expect((await lanhdaoBM.get(`/api/dossiers/${d.id}`)).statusCode).toBe(404);
    expect((await act(lanhdaoBM, d.id, 'forward', { ...FORWARD, toAgencyId: binhMinhKT })).statusCode).toBe(404);
    expect((await lanhdaoBM.get(`/api/dossiers?q=${encodeURIComponent(d.code)}`)).json<DossierPage>().items).toEqual([]);

    // Where it is now: the province's leader may assign it, the receiving desk still follows it.
    const there = (await lanhdaoTinh.get(`/api/dossiers/${d.id}`)).json<DossierView>();
    expect(there).toMatchObject({ state: 'transferred', seq: 4, agency: { id: soXayDung }, assigneeId: null });
    expect(there.unitId).toBe(province);
    expect(there.actions.map((a) => a.code)).toContain('assign');
    expect(there.steps.map((s) => s.action)).toEqual(['start', 'accept', 'transfer', 'forward']);
    expect(there.steps[3]).toMatchObject({ note: FORWARD.note, toAgencyName: 'Sở Xây dựng' });
    expect((await motcua.get(`/api/dossiers/${d.id}`)).json<DossierView>().agency?.id).toBe(soXayDung);

    const audit = (await admin.get(`/api/audit?entityId=${d.id}&action=dossier.forward`)).json<{ items: AuditEntryView[] }>();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorId: lanhdaoBMId, after: { seq: 4, agencyId: soXayDung } });
  });

  it('is answered the same way asked for the minimal answer', async () => {
    const d = await atBinhMinh();
    const res = await act(lanhdaoBM, d.id, 'forward', { ...FORWARD, toAgencyId: soXayDung }, { prefer: 'return=minimal' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['preference-applied']).toBe('return=minimal');
    expectGone(res.body, d);
    expect((await lanhdaoBM.get(`/api/dossiers/${d.id}`)).statusCode).toBe(404);
    expect((await lanhdaoTinh.get(`/api/dossiers/${d.id}`)).json<DossierView>()).toMatchObject({ agency: { id: soXayDung }, seq: 4 });
  });

  it('answers the page, or the inbox row with `visible: true`, when the officer still sees the dossier', async () => {
    // The desk transfers and still follows the dossiers it received.
    const { dossier: a } = await intakeOk(motcua, { applicant: APPLICANT });
    const ack = await act(motcua, a.id, 'transfer', { toAgencyId: binhMinhKT }, { prefer: 'return=minimal' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<DossierActionAck>()).toMatchObject({ id: a.id, applicantName: APPLICANT.name, seq: 3, visible: true });
    const { dossier: b } = await intakeOk(motcua, { applicant: APPLICANT });
    const page = await actOk(motcua, b.id, 'transfer', { toAgencyId: binhMinhKT });
    expect(page).toMatchObject({ id: b.id, agency: { id: binhMinhKT }, seq: 3 });
    expect(page).not.toHaveProperty('visible');
  });
});
