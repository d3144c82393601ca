// Undoing "filed as a duplicate" through HTTP: only an officer who may act on the case, with a reason, audited; the letter
// leaves the case and is back to classify with its deadline from the receipt; a protected letter stays protected.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, LetterView } from '../../../common/letters.schema';
import type { LetterPage } from '../../../common/letters-inbox.schema';
import { auditLog, letters } from '../../db/schema';
import type { TestClient } from '../../testing/harness';
import { addStaff, classifyOk, content, errorOf, fieldPaths, recordOk, staffId, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, chuyenvien: TestClient, tiepdanBM: TestClient;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  tiepdanBM = (await addStaff(t, 'tiepdan.unfile.binhminh', '99002', ['reception_officer'])).client;
});
afterAll(() => t.close());

const FLOOD = { subject: 'Phản ánh ngập úng', content: 'Mưa lớn là đường thôn Đông ngập sâu, cống thoát nước bị tắc đã lâu, đề nghị xã nạo vét.' };
const unmark = (client: TestClient, id: string, body: Record<string, unknown>) => client.request({ method: 'POST', url: `/api/letters/${id}/unmark-duplicate`, payload: body });
const REASON = 'Đơn nêu cống ở thôn Tây, không phải vụ việc thôn Đông';

/** A case of `type` and a second letter filed with it as a duplicate. */
async function filedDuplicate(type: 'feedback' | 'denunciation', over: Record<string, unknown> = {}) {
  const first = await recordOk(tiepdan, { ...FLOOD, ...over });
  const classified = await classifyOk(tiepdan, first.letter.id, [content(type)]);
  const caseId = classified.cases[0]?.id ?? '';
  const dup = await recordOk(tiepdan, { ...FLOOD, ...over, writer: { name: 'Đinh Văn Trùng', address: 'Thôn Tây, xã An Bình' } });
  const res = await tiepdan.post(`/api/letters/${dup.letter.id}/mark-duplicate`, { caseId });
  expect(res.statusCode, res.body).toBe(200);
  return { originId: first.letter.id, caseId, id: dup.letter.id, code: dup.letter.code, dueAt: dup.letter.dueAt };
}

describe('unfiling a duplicate', () => {
  it('refuses who may not act on the case, a short reason and a letter not filed as a duplicate, changing nothing', async () => {
    const d = await filedDuplicate('feedback');
    expect(errorOf(await unmark(tiepdanBM, d.id, { reason: REASON })).code).toBe('letter_not_found');
    expect((await unmark(chuyenvien, d.id, { reason: REASON })).statusCode).toBe(403);
    expect(fieldPaths(await unmark(tiepdan, d.id, { reason: 'sai' }))).toEqual(['body.reason']);
    expect(fieldPaths(await unmark(tiepdan, d.id, {}))).toEqual(['body.reason']);
    const origin = await unmark(tiepdan, d.originId, { reason: REASON });
    expect(origin.statusCode).toBe(409);
    expect((await tiepdan.get(`/api/letters/${d.id}`)).json<LetterView>().state).toBe('duplicate');
    expect((await tiepdan.get(`/api/letter-cases/${d.caseId}`)).json<CaseView>().letters.map((l) => l.id)).toContain(d.id);
  });

  it('takes the letter out of the case, back to classify with its deadline from the receipt, audited with the reason', async () => {
    const d = await filedDuplicate('feedback');
    const res = await unmark(tiepdan, d.id, { reason: REASON });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<LetterView>();
    expect(view).toMatchObject({ state: 'received', stateLabel: 'Chờ phân loại', dueAt: d.dueAt, cases: [] });
    expect(view.steps.at(-1)).toMatchObject({ action: 'unmark_duplicate', data: { reason: REASON } });
    expect(view.actions.map((a) => a.code)).toEqual(expect.arrayContaining(['classify', 'mark_duplicate']));
    expect((await tiepdan.get(`/api/letter-cases/${d.caseId}`)).json<CaseView>().letters.map((l) => l.id)).not.toContain(d.id);
    const queue = (await tiepdan.get(`/api/letters?state=received&q=${encodeURIComponent(d.code)}`)).json<LetterPage>();
    expect(queue.items.map((l) => l.id)).toEqual([d.id]);
    // Waiting for classification: no plaintext writer until it is classified again.
    const [row] = await t.db.select({ name: letters.writerName, classifiedAt: letters.classifiedAt }).from(letters).where(eq(letters.id, d.id));
    expect(row).toEqual({ name: null, classifiedAt: null });
    const audit = await t.db
      .select({ action: auditLog.action, entityId: auditLog.entityId, after: auditLog.after })
      .from(auditLog)
      .where(and(inArray(auditLog.entityId, [d.id, d.caseId]), inArray(auditLog.action, ['letter.unmark_duplicate', 'letter_case.remove_duplicate'])));
    expect(audit.map((a) => a.action).sort()).toEqual(['letter.unmark_duplicate', 'letter_case.remove_duplicate']);
    expect(JSON.stringify(audit)).not.toContain('Đinh Văn Trùng');
    // Classified again on its own.
    const again = await classifyOk(tiepdan, d.id, [content('feedback', { summary: 'Cống thôn Tây tắc' })]);
    expect(again.cases).toHaveLength(1);
    expect(again.state).toBe('classified');
  });

  it('keeps a letter filed with a denunciation protected', async () => {
    const d = await filedDuplicate('denunciation', { subject: 'Tố cáo cán bộ', content: 'Tố cáo cán bộ địa chính nhận tiền để làm sổ đỏ sai quy định cho hộ ông Lý.', target: 'Cán bộ địa chính xã' });
    const res = await unmark(tiepdan, d.id, { reason: 'Đơn tố cáo người khác, không cùng nội dung vụ việc' });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.db.select({ protectedFlag: letters.identityProtected, name: letters.writerName }).from(letters).where(eq(letters.id, d.id));
    expect(row).toEqual({ protectedFlag: true, name: null });
  });
});

/** The case page's duplicates, each with whether this user may unfile it (the origin never can). */
async function unfilable(client: TestClient, caseId: string) {
  const res = await client.get(`/api/letter-cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  const held = res.json<CaseView>().letters;
  expect(held.filter((l) => l.role === 'origin').map((l) => l.canUnfile)).toEqual([false]);
  return held.filter((l) => l.role === 'duplicate').map((l) => [l.id, l.canUnfile]);
}

describe('who is offered unfiling', () => {
  it('flags on the case page the duplicates this user may unfile, as the action accepts, with the seq to send', async () => {
    const d = await filedDuplicate('feedback');
    const viewer = await t.loginAs('xem.tinh');
    expect(await unfilable(tiepdan, d.caseId)).toEqual([[d.id, true]]);
    // Who sees the case without an intake role on its unit is not offered it, and is refused it.
    for (const client of [chuyenvien, viewer]) {
      expect(await unfilable(client, d.caseId)).toEqual([[d.id, false]]);
      expect((await unmark(client, d.id, { reason: REASON })).statusCode).toBe(403);
    }
    // The answer of an action on the case carries the flag too (a leader of the unit may unfile).
    const lanhdao = await t.loginAs('lanhdao.anbinh');
    const assigned = await lanhdao.post(`/api/letter-cases/${d.caseId}/actions/assign`, { assigneeId: await staffId(chuyenvien) });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json<CaseView>().letters.map((l) => [l.role, l.canUnfile])).toEqual([
      ['origin', false],
      ['duplicate', true],
    ]);
    // The held letter's seq is the one the action expects; once unfiled the case holds it no more.
    const held = (await tiepdan.get(`/api/letter-cases/${d.caseId}`)).json<CaseView>().letters.find((l) => l.id === d.id);
    const res = await unmark(tiepdan, d.id, { reason: REASON, expectedSeq: held?.seq });
    expect(res.statusCode, res.body).toBe(200);
    expect(await unfilable(tiepdan, d.caseId)).toEqual([]);
  });


  it('lists it for an officer of the case it was filed with, not for one of the receiving unit, as the action accepts', async () => {
    // A case of Bình Minh; a letter received in An Bình filed with it by the province inspector, who sees both.
    const thanhtra = await t.loginAs('thanhtra.tinh');
    const first = await recordOk(tiepdanBM, FLOOD);
    const caseId = (await classifyOk(tiepdanBM, first.letter.id, [content('feedback')])).cases[0]?.id ?? '';
    const dup = await recordOk(tiepdan, { ...FLOOD, writer: { name: 'Đinh Văn Trùng', address: 'Thôn Tây, xã An Bình' } });
    expect((await thanhtra.post(`/api/letters/${dup.letter.id}/mark-duplicate`, { caseId })).statusCode).toBe(200);
    const offered = async (client: TestClient) => {
      const res = await client.get(`/api/letters/${dup.letter.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<LetterView>().actions.map((a) => a.code);
    };
    // The receiving unit's officer sees the letter but is not offered the action, and is refused it.
    expect(await offered(tiepdan)).not.toContain('unmark_duplicate');
    expect((await unmark(tiepdan, dup.letter.id, { reason: REASON })).statusCode).toBe(403);
    // The case's officer is offered it and may take it; the case page says so for the letter it holds.
    expect(await offered(tiepdanBM)).toContain('unmark_duplicate');
    expect(await offered(thanhtra)).toContain('unmark_duplicate');
    expect(await unfilable(tiepdanBM, caseId)).toEqual([[dup.letter.id, true]]);
    const res = await unmark(tiepdanBM, dup.letter.id, { reason: REASON });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<LetterView>().state).toBe('received');
  });
});
