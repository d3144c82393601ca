// Accepting a case and naming its handler in one decision (accept with `assigneeId`), on the page's path and
// the minimal answer's (written at once): the assignee checked as `assign` checks it, the right to assign kept.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssigneeList } from '../../../common/dossier-pickers.schema';
import type { CaseActionAck, CaseView } from '../../../common/letters.schema';
import type { TestClient } from '../../testing/harness';
import { act, actOk, addStaff, anBinhStaff, caseOf, errorOf, fieldPaths, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient;
let chuyenvienId: string;

beforeAll(async () => {
  t = await startLetterApp();
  ({ tiepdan, lanhdao, chuyenvien, chuyenvienId } = await anBinhStaff(t));
});
afterAll(() => t.close());

const MINIMAL = { prefer: 'return=minimal' };
const COMPLAINT_ACCEPT = { instance: 'first', complex: false, remoteArea: false, documentNumber: '08/TB-UBND' };
const view = async (id: string) => (await lanhdao.get(`/api/letter-cases/${id}`)).json<CaseView>();

describe('accepting a case with its handler', () => {
  it('names the handler on the page path; the handler reports', async () => {
    const c = await caseOf(tiepdan, 'petition');
    expect((await view(c.id)).actions.find((a) => a.code === 'accept')?.assign).toBe('optional');
    const picker = await lanhdao.get(`/api/letter-cases/${c.id}/assignees?action=accept`);
    expect(picker.statusCode, picker.body).toBe(200);
    expect(picker.json<AssigneeList>().items.map((i) => i.id)).toContain(chuyenvienId);

    const accepted = await actOk(lanhdao, c.id, 'accept', { assigneeId: chuyenvienId });
    expect(accepted).toMatchObject({ state: 'answering', outcome: 'accepted', assigneeId: chuyenvienId, assignee: { id: chuyenvienId } });
    expect(accepted.steps.map((s) => [s.action, s.assigneeName])).toEqual([
      ['start', null],
      ['accept', 'Hoàng Văn Nam'],
    ]);
    const report = await actOk(chuyenvien, c.id, 'submit_report', { data: { report: 'Đã kiểm tra thực địa' } });
    expect(report.state).toBe('reported');
  });

  it('names the handler with the minimal answer, written at once; the handler reports', async () => {
    const c = await caseOf(tiepdan, 'complaint');
    const res = await act(lanhdao, c.id, 'accept', { assigneeId: chuyenvienId, data: COMPLAINT_ACCEPT }, MINIMAL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaseActionAck>()).toMatchObject({ state: 'resolving', assigneeId: chuyenvienId, seq: c.seq + 1 });
    const seen = await view(c.id);
    expect(seen.assignee?.id).toBe(chuyenvienId);
    expect(seen.acceptedAt).not.toBeNull();
    const report = await act(chuyenvien, c.id, 'submit_report', { data: { report: 'Đã xác minh' } }, MINIMAL);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json<CaseActionAck>().state).toBe('reported');
  });

  it('refuses an inactive, unknown or other commune\'s handler on body.assigneeId, on both paths, and changes nothing', async () => {
    const retired = await addStaff(t, 'nghi.anbinh', '99001', ['specialist']);
    // Named, they would see the case: someone of another commune may not be.
    const elsewhere = await addStaff(t, 'chuyenvien.khac.binhminh', '99002', ['specialist']);
    const admin = await t.loginAs('admin');
    expect((await admin.patch(`/api/staff/${retired.id}`, { active: false })).statusCode).toBe(200);
    const c = await caseOf(tiepdan, 'denunciation');
    for (const assigneeId of [retired.id, randomUUID(), elsewhere.id])
      for (const headers of [{}, MINIMAL]) {
        const res = await act(lanhdao, c.id, 'accept', { assigneeId }, headers);
        expect(res.statusCode, res.body).toBe(400);
        expect(fieldPaths(res)).toEqual(['body.assigneeId']);
      }
    expect(await view(c.id)).toMatchObject({ state: 'to_process', seq: c.seq, assigneeId: null, acceptedAt: null });
    // The same rule for an assignment.
    const other = await act(lanhdao, c.id, 'assign', { assigneeId: elsewhere.id });
    expect(other.statusCode).toBe(400);
    expect(errorOf(other).details?.fields?.[0]).toMatchObject({ path: 'body.assigneeId', message: 'Cán bộ không thuộc đơn vị đang giải quyết' });
  });

  it('refuses a handler of the commune who holds no role that works the next step, and changes nothing', async () => {
    // A reception officer of An Bình is of the unit, but could not report on the case: named, it would be stuck.
    const desk = await addStaff(t, 'tiepdan.khac.anbinh', '99001', ['reception_officer']);
    const c = await caseOf(tiepdan, 'petition');
    const picker = await lanhdao.get(`/api/letter-cases/${c.id}/assignees?action=accept`);
    expect(picker.json<AssigneeList>().items.map((i) => i.id)).not.toContain(desk.id);
    for (const headers of [{}, MINIMAL]) {
      const res = await act(lanhdao, c.id, 'accept', { assigneeId: desk.id }, headers);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).details?.fields).toMatchObject([{ path: 'body.assigneeId', message: 'Cán bộ không có vai trò giải quyết bước tiếp theo' }]);
    }
    expect(await view(c.id)).toMatchObject({ state: 'to_process', seq: c.seq, assigneeId: null, acceptedAt: null });
    // Whom the picker offers, the server takes.
    expect(await actOk(lanhdao, c.id, 'accept', { assigneeId: chuyenvienId })).toMatchObject({ assigneeId: chuyenvienId });
  });

  it('lets only those who may assign name the handler; accepting without one still works', async () => {
    const c = await caseOf(tiepdan, 'feedback');
    // A reception officer accepts a feedback, but does not assign: no assignee in their form, 403 if sent.
    const own = (await tiepdan.get(`/api/letter-cases/${c.id}`)).json<CaseView>();
    expect(own.actions.find((a) => a.code === 'accept')).toMatchObject({ assign: null });
    for (const headers of [{}, MINIMAL]) {
      const res = await act(tiepdan, c.id, 'accept', { assigneeId: chuyenvienId }, headers);
      expect(res.statusCode, res.body).toBe(403);
      expect(errorOf(res)).toMatchObject({ code: 'forbidden' });
    }
    expect(await view(c.id)).toMatchObject({ state: 'to_process', seq: c.seq, assigneeId: null });

    const accepted = await actOk(tiepdan, c.id, 'accept');
    expect(accepted).toMatchObject({ state: 'answering', assigneeId: null, assignee: null });
    // The specialist is nobody's handler here yet.
    expect((await act(chuyenvien, c.id, 'submit_report', { data: { report: 'x' } })).statusCode).toBe(403);
  });
});
