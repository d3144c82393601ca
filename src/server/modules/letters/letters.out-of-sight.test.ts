// An action that takes a case out of the acting officer's sight, through HTTP: a ward's leader sends back to another
// commune a case they received by transfer. The action is done (step, case row, audit), answered with the minimal
// answer `visible: false` and nothing of the case's content, on the page's path, its retry and the minimal path alike;
// the officer then gets 404, the new unit and the receiving commune see the case where it now is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../common/audit.schema';
import type { CaseActionAck, CaseView } from '../../../common/letters.schema';
import type { TestClient } from '../../testing/harness';
import { act, actOk, addStaff, caseOf, startLetterApp, WRITER } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, thanhtra: TestClient, admin: TestClient, lanhdaoBM: TestClient, lanhdaoHL: TestClient;
let lanhdaoBMId: string;
let binhMinh: string, hoaLac: string;

beforeAll(async () => {
  t = await startLetterApp();
  [tiepdan, thanhtra, admin] = await Promise.all([t.loginAs('tiepdan.anbinh'), t.loginAs('thanhtra.tinh'), t.loginAs('admin')]);
  const bm = await addStaff(t, 'lanhdao.binhminh', '99002', ['leader']);
  [lanhdaoBM, lanhdaoBMId] = [bm.client, bm.id];
  lanhdaoHL = (await addStaff(t, 'lanhdao.hoalac', '99003', ['leader'])).client;
  [binhMinh, hoaLac] = await Promise.all([t.unitId('99002'), t.unitId('99003')]);
});
afterAll(() => t.close());

const REASON = { data: { reason: 'Nội dung thuộc thẩm quyền giải quyết của xã Hòa Lạc' } };

/** A case of An Bình's desk that An Bình sent to Bình Minh: Bình Minh's leader sees it (and An Bình still does). */
async function atBinhMinh(): Promise<CaseView> {
  const c = await caseOf(tiepdan, 'petition', { writer: { ...WRITER, email: 'khieu@example.vn' } });
  await actOk(tiepdan, c.id, 'transfer', { toUnitId: binhMinh, data: { reason: 'Thuộc thẩm quyền phường Bình Minh' } });
  const there = await lanhdaoBM.get(`/api/letter-cases/${c.id}`);
  expect(there.statusCode, there.body).toBe(200);
  expect(there.json<CaseView>().actions.map((a) => a.code)).toContain('transfer');
  return c;
}

function expectGone(body: string, c: CaseView, seq: number) {
  const ack = JSON.parse(body) as CaseActionAck;
  expect(ack).toEqual({ id: c.id, code: c.code, state: 'to_process', seq, unitId: hoaLac, assigneeId: null, dueAt: c.dueAt, visible: false });
  for (const part of [c.summary, WRITER.name, WRITER.phone, WRITER.address, 'khieu@example.vn']) expect(body).not.toContain(part);
}

describe('an action that takes a case out of the officer’s sight', () => {
  it('is done and answered `visible: false` on the page’s path; the officer then gets 404, the case is at its new unit, stepped and audited', async () => {
    const c = await atBinhMinh();
    const key = `gone-${c.id}`;
    const res = await act(lanhdaoBM, c.id, 'transfer', { toUnitId: hoaLac, ...REASON }, { 'idempotency-key': key });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['preference-applied']).toBeUndefined();
    expectGone(res.body, c, 3);

    // A retry with the same key replays the answer and acts once.
    const again = await act(lanhdaoBM, c.id, 'transfer', { toUnitId: hoaLac, ...REASON }, { 'idempotency-key': key });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(res.json());

    // Out of sight now: neither read nor acted on, not in the officer's lists.
    expect((await lanhdaoBM.get(`/api/letter-cases/${c.id}`)).statusCode).toBe(404);
    expect((await act(lanhdaoBM, c.id, 'transfer', { toUnitId: binhMinh, ...REASON })).statusCode).toBe(404);
    const listed = (await lanhdaoBM.get(`/api/letter-cases?q=${encodeURIComponent(c.code)}`)).json<{ items: { id: string }[] }>();
    expect(listed.items).toEqual([]);

    // Where it is now: Hòa Lạc's leader may act on it, the province and the receiving commune follow it.
    const there = (await lanhdaoHL.get(`/api/letter-cases/${c.id}`)).json<CaseView>();
    expect(there).toMatchObject({ unit: { id: hoaLac }, state: 'to_process', seq: 3, assigneeId: null });
    expect(there.actions.map((a) => a.code)).toContain('accept');
    expect(there.steps.map((s) => s.action)).toEqual(['start', 'transfer', 'transfer']);
    expect(there.steps[2]).toMatchObject({ toUnitName: 'Xã Hòa Lạc', data: REASON.data });
    expect(there.steps[2]?.actorLabel).toContain('lanhdao.binhminh');
    for (const client of [thanhtra, tiepdan]) expect((await client.get(`/api/letter-cases/${c.id}`)).json<CaseView>().unit.id).toBe(hoaLac);

    const audit = (await admin.get(`/api/audit?entityId=${c.id}&action=letter_case.transfer`)).json<{ items: AuditEntryView[] }>();
    expect(audit.items).toHaveLength(2);
    expect(audit.items.find((e) => e.actorId === lanhdaoBMId)?.after).toMatchObject({ unitId: hoaLac, seq: 3 });
  });

  it('is answered the same way asked for the minimal answer', async () => {
    const c = await atBinhMinh();
    const res = await act(lanhdaoBM, c.id, 'transfer', { toUnitId: hoaLac, ...REASON }, { prefer: 'return=minimal' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['preference-applied']).toBe('return=minimal');
    expectGone(res.body, c, 3);
    expect((await lanhdaoBM.get(`/api/letter-cases/${c.id}`)).statusCode).toBe(404);
    expect((await lanhdaoHL.get(`/api/letter-cases/${c.id}`)).json<CaseView>()).toMatchObject({ unit: { id: hoaLac }, seq: 3 });
  });

  it('answers the page, or `visible: true`, when the officer still sees the case', async () => {
    // An Bình's desk sends its cases away and still follows them, as the commune that received the letters.
    const a = await caseOf(tiepdan, 'petition');
    const ack = await act(tiepdan, a.id, 'transfer', { toUnitId: binhMinh, ...REASON }, { prefer: 'return=minimal' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<CaseActionAck>()).toMatchObject({ id: a.id, unitId: binhMinh, seq: 2, visible: true });
    const b = await caseOf(tiepdan, 'petition');
    const page = await actOk(tiepdan, b.id, 'transfer', { toUnitId: binhMinh, ...REASON });
    expect(page).toMatchObject({ id: b.id, unit: { id: binhMinh }, seq: 2 });
    expect(page).not.toHaveProperty('visible');
  });
});
