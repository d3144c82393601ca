// The commune workflow through the HTTP API: the desk accepts and hands the dossier to the civil servant in charge in one step
// (submit, accept, process, approve, return), online and at the desk, with its deadline, its checks and nothing written on a refusal.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeHandOn } from '../../../common/dossier-pickers.schema';
import type { DossierCounts, DossierPage, DossierView, PublicSubmitResult } from '../../../common/dossiers.schema';
import { dayOfInstant, formatDate } from '../../platform/calendar/local-date';
import type { TestClient } from '../../testing/harness';
import { act, actOk, applicant, countRows, errorOf, fieldPaths, intake, intakeOk, startDossierApp, uploadOk, type DossierTestApp } from './dossiers.test-helpers';

/** Cấp bản sao trích lục hộ tịch: a commune procedure of the demo catalog that follows one_stop_commune. */
const PROCEDURE = '1.004746';

let t: DossierTestApp;
let motcua: TestClient, chuyenvien: TestClient, lanhdao: TestClient;
let anBinh: string, vhxh: string, specialistId: string;
beforeAll(async () => {
  t = await startDossierApp();
  [motcua, chuyenvien, lanhdao] = await Promise.all([t.loginAs('motcua.anbinh'), t.loginAs('chuyenvien.anbinh'), t.loginAs('lanhdao.anbinh')]);
  anBinh = await t.unitId('99001');
  vhxh = await t.agencyId('99001.VHXH');
  specialistId = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
});
afterAll(() => t.close());

async function submitOnline(): Promise<PublicSubmitResult> {
  const guest = t.anonymous();
  const file = await uploadOk(guest);
  const res = await guest.request({
    method: 'POST',
    url: '/api/public/dossiers',
    payload: { procedureCode: PROCEDURE, unitId: anBinh, applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai cấp bản sao trích lục hộ tịch' }] },
    headers: { 'idempotency-key': `commune-${file.id}` },
    remoteAddress: '10.44.0.1',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PublicSubmitResult>();
}

describe('the commune workflow (one_stop_commune)', () => {
  it('accepts and hands to the civil servant in one step, then processes, approves and returns: five requests in all', async () => {
    const sub = await submitOnline();
    const before = (await motcua.get(`/api/dossiers/${sub.id}`)).json<DossierView>();
    expect(before).toMatchObject({ state: 'submitted', workflowCode: 'one_stop_commune' });
    expect(before.actions.map((a) => a.code)).toContain('accept');
    const accept = before.actions.find((a) => a.code === 'accept');
    expect(accept).toMatchObject({ assign: 'required', transfer: 'agency' });

    const accepted = await actOk(motcua, sub.id, 'accept', { toAgencyId: vhxh, assigneeId: specialistId, data: { copies: 1 } });
    expect(accepted).toMatchObject({ state: 'processing', agency: { id: vhxh }, assignee: { id: specialistId } });
    expect(accepted.receivedAt).not.toBeNull();
    // The appointment is counted from the acceptance, in working days (the procedure's 1 day).
    expect(accepted.dueAt).toMatch(/T23:59:59\.999\+07:00$|T\d\d:\d\d:\d\d\.\d{3}\+07:00$/);
    expect(Date.parse(accepted.dueAt ?? '')).toBeGreaterThan(Date.now());
    expect(accepted.steps.map((s) => s.action)).toEqual(['start', 'accept']);

    // The specialist finds it in "to process" at once; there is no transfer or assignment to wait for.
    expect((await chuyenvien.get('/api/dossiers/counts')).json<DossierCounts>().toProcess).toBeGreaterThanOrEqual(1);
    const mine = (await chuyenvien.get('/api/dossiers?assignee=me&state=processing')).json<DossierPage>();
    expect(mine.items.map((i) => i.id)).toContain(sub.id);

    const submitted = await actOk(chuyenvien, sub.id, 'submit_for_approval', { note: 'Đủ điều kiện cấp' });
    expect(submitted).toMatchObject({ state: 'pending_approval', dueAt: accepted.dueAt });
    await actOk(lanhdao, sub.id, 'approve', { data: { decisionNo: '21/TLHT' } });
    const done = await actOk(motcua, sub.id, 'return_result', { data: { feesCollected: 8000 } });
    expect(done.state).toBe('returned');
    expect(done.steps.map((s) => s.action)).toEqual(['start', 'accept', 'submit_for_approval', 'approve', 'return_result']);

    // The tracking register (form 07) names the office the acceptance sent it to, on the day it did.
    const today = formatDate(dayOfInstant(new Date()));
    const res = await motcua.get(`/api/dossiers/register.csv?from=${today}&to=${today}`);
    expect(res.statusCode).toBe(200);
    const row = parse<Record<string, string>>(res.rawPayload.toString('utf8'), { bom: true, columns: true }).find((r) => r['Mã hồ sơ'] === done.code);
    const [y, m, d] = today.split('-');
    expect(row).toMatchObject({ 'Cơ quan chủ trì giải quyết': 'Phòng Văn hóa - Xã hội', 'Ngày chuyển hồ sơ': `${d}/${m}/${y}` });
  });

  it('refuses an acceptance without the civil servant or the agency, naming each field, and changes nothing', async () => {
    const sub = await submitOnline();
    const res = await act(motcua, sub.id, 'accept', { data: { copies: 1 } });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.assigneeId', 'body.toAgencyId']);
    const unknown = await act(motcua, sub.id, 'accept', { toAgencyId: vhxh, assigneeId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(fieldPaths(unknown)).toEqual(['body.assigneeId']);
    // Bình Minh's desk officer is active staff, but not of the commune that holds the dossier.
    const outsider = (await (await t.loginAs('motcua.binhminh')).get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    const elsewhere = await act(motcua, sub.id, 'accept', { toAgencyId: vhxh, assigneeId: outsider });
    expect(elsewhere.statusCode).toBe(400);
    expect(fieldPaths(elsewhere)).toEqual(['body.assigneeId']);
    // The commune's leader is of the commune, but processing is the civil servant's: named, the dossier would be stuck.
    const leaderId = (await lanhdao.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    const noRole = await act(motcua, sub.id, 'accept', { toAgencyId: vhxh, assigneeId: leaderId });
    expect(noRole.statusCode).toBe(400);
    expect(errorOf(noRole).details?.fields).toMatchObject([{ path: 'body.assigneeId', message: 'Cán bộ không có vai trò giải quyết bước tiếp theo' }]);
    const still = (await motcua.get(`/api/dossiers/${sub.id}`)).json<DossierView>();
    expect(still).toMatchObject({ state: 'submitted', seq: 1, assignee: null });
    // A specialist may not accept at the desk.
    expect((await act(chuyenvien, sub.id, 'accept', { toAgencyId: vhxh, assigneeId: specialistId })).statusCode).toBe(403);
  });

  it('keeps the appointment when further documents come in, instead of counting the period again', async () => {
    const sub = await submitOnline();
    const accepted = await actOk(motcua, sub.id, 'accept', { toAgencyId: vhxh, assigneeId: specialistId });
    const waiting = await actOk(chuyenvien, sub.id, 'request_documents', {
      data: { missingDocuments: [{ name: 'Bản sao Giấy khai sinh', form: 'copy', count: 1 }], reason: 'Cần đối chiếu' },
    });
    expect(waiting).toMatchObject({ state: 'awaiting_documents', dueAt: null });
    const resumed = await actOk(motcua, sub.id, 'supplement', {});
    expect(resumed).toMatchObject({ state: 'processing', dueAt: accepted.dueAt });
    // Sent back by the leader: the running deadline continues too.
    await actOk(chuyenvien, sub.id, 'submit_for_approval', {});
    expect(await actOk(lanhdao, sub.id, 'return_for_rework', { note: 'Ghi rõ số bản' })).toMatchObject({ state: 'processing', dueAt: accepted.dueAt });
  });

  it('takes a desk intake with the acceptance and the civil servant in one request; without them nothing is written', async () => {
    const dossiersBefore = await countRows(t, 'dossiers');
    const missing = await intake(motcua, { procedureCode: PROCEDURE });
    expect(missing.statusCode).toBe(400);
    expect(fieldPaths(missing)).toEqual(['body.assigneeId', 'body.toAgencyId']);
    const recordOnly = await intake(motcua, { procedureCode: PROCEDURE, decision: 'none', data: undefined, assigneeId: specialistId });
    expect(recordOnly.statusCode).toBe(400);
    expect(fieldPaths(recordOnly)).toEqual(['body.assigneeId']);
    expect(await countRows(t, 'dossiers')).toBe(dossiersBefore);

    const { dossier } = await intakeOk(motcua, { procedureCode: PROCEDURE, toAgencyId: vhxh, assigneeId: specialistId });
    expect(dossier).toMatchObject({ state: 'processing', channel: 'desk', assignee: { id: specialistId }, agency: { id: vhxh } });
    expect(await countRows(t, 'dossiers')).toBe(dossiersBefore + 1);
  });

  it('tells the desk intake form what the acceptance hands on to, and whom it may name', async () => {
    const ask = (c: TestClient, code: string) => c.get(`/api/dossiers/intake-hand-on?unitId=${anBinh}&procedureCode=${code}`);
    const commune = (await ask(motcua, PROCEDURE)).json<IntakeHandOn>();
    expect(commune).toMatchObject({ assign: 'required', transfer: 'agency' });
    expect(commune.assignees.map((a) => a.id)).toContain(specialistId);
    expect(commune.assignees.find((a) => a.id === specialistId)).toMatchObject({ fullName: 'Hoàng Văn Nam', current: false });
    // The standard workflow's acceptance names nobody: the form shows nothing more.
    expect((await ask(motcua, '1.004873')).json<IntakeHandOn>()).toEqual({ assign: null, transfer: null, assignees: [] });
    const unknown = await ask(motcua, '9.999999');
    expect(unknown.statusCode).toBe(400);
    expect(fieldPaths(unknown)).toEqual(['querystring.procedureCode']);
    // Only an officer who receives dossiers at the unit asks.
    expect((await ask(chuyenvien, PROCEDURE)).statusCode).toBe(403);
  });
});
