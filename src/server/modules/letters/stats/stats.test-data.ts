// Letters with known outcomes placed in time, built through the HTTP API for the statistics tests (clock moved, never slept).
import { expect } from 'vitest';
import type { CaseView, LetterType, LetterView } from '../../../../common/letters.schema';
import type { TestClient } from '../../../testing/harness';
import { clock } from '../letters.clock';
import { actOk, addStaff, checks, classifyOk, content, recordOk, staffId, uploadOk, vn, type startLetterApp } from '../letters.test-helpers';

export type LetterTestApp = Awaited<ReturnType<typeof startLetterApp>>;

export interface People {
  tiepdanA: TestClient;
  lanhdaoA: TestClient;
  chuyenvienA: TestClient;
  chuyenvienAId: string;
  tiepdanB: TestClient;
  chuyenvienB: TestClient;
  chuyenvienBId: string;
}

export async function peopleOf(t: LetterTestApp): Promise<People> {
  const chuyenvienA = await t.loginAs('chuyenvien.anbinh');
  const b = await addStaff(t, 'tiepdan.binhminh', '99002', ['reception_officer', 'leader']);
  const cvB = await addStaff(t, 'chuyenvien.binhminh', '99002', ['specialist']);
  return {
    tiepdanA: await t.loginAs('tiepdan.anbinh'),
    lanhdaoA: await t.loginAs('lanhdao.anbinh'),
    chuyenvienA,
    chuyenvienAId: await staffId(chuyenvienA),
    tiepdanB: b.client,
    chuyenvienB: cvB.client,
    chuyenvienBId: cvB.id,
  };
}

/** Every service acts at this Vietnamese local time until the next call. */
export const at = (local: string) => {
  clock.now = () => vn(local);
};

/** A letter that arrived by post at `local` (registered then). */
export async function letterAt(officer: TestClient, local: string, over: Record<string, unknown> = {}): Promise<LetterView> {
  at(local);
  return (await recordOk(officer, { channel: 'post', receivedAt: `${local}+07:00`, ...over })).letter;
}

/** A letter received at `local` and classified an hour later into the given contents; answers its cases. */
export async function casesAt(officer: TestClient, local: string, contents: unknown[], letterOver: Record<string, unknown> = {}): Promise<CaseView['id'][]> {
  const letter = await letterAt(officer, local, letterOver);
  at(local.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`));
  const classified = await classifyOk(officer, letter.id, contents);
  return classified.cases.map((c) => c.id);
}

export async function caseAt(officer: TestClient, local: string, type: LetterType, over: Record<string, unknown> = {}, letterOver: Record<string, unknown> = {}): Promise<string> {
  const [id] = await casesAt(officer, local, [content(type, over)], letterOver);
  return id ?? '';
}

export async function step(client: TestClient, caseId: string, local: string, action: string, body: Record<string, unknown> = {}): Promise<CaseView> {
  at(local);
  return actOk(client, caseId, action, body);
}

export async function doc(client: TestClient, name = 'van-ban.pdf') {
  const f = await uploadOk(client, '/api/files', name);
  return [{ fileId: f.id, name }];
}

/** A complaint accepted (first instance, 30 days) on `accepted`, reported and resolved by the leader on `resolved`. */
export async function resolvedComplaint(
  p: { leader: TestClient; specialist: TestClient; specialistId: string },
  caseId: string,
  accepted: string,
  resolved: string | null,
): Promise<void> {
  await step(p.leader, caseId, accepted, 'assign', { assigneeId: p.specialistId });
  await step(p.leader, caseId, accepted, 'accept', { data: { instance: 'first', complex: false, remoteArea: false } });
  if (!resolved) return;
  await step(p.specialist, caseId, resolved.replace(/T\d\d/, 'T08'), 'submit_report', { data: { report: 'Đã xác minh, đề xuất giải quyết' } });
  at(resolved);
  const done = await actOk(p.leader, caseId, 'resolve', {
    data: { result: 'upheld', decisionNumber: '21/QĐ-UBND', decisionDate: resolved.slice(0, 10), signer: 'Chủ tịch UBND' },
    attachments: await doc(p.leader, 'quyet-dinh.pdf'),
  });
  expect(done.state).toBe('resolved');
}

export interface Dataset {
  /** The case of A1, which A11 duplicates. */
  a1: string;
  /** B1: accepted in April, resolved on 1 June (after the period P). */
  b1: string;
}

/**
 * The letters, by name (A = An Bình, B = Bình Minh; period P is March–April 2026):
 * A1 complaint 2 Mar, accepted 5 Mar, resolved 20 Mar (on time). A2 complaint 3 Mar, accepted 4 Mar
 * (due 3 Apr), resolved 10 Apr (late). A3 denunciation 10 Mar, accepted 11 Mar (due 10 Apr), still
 * investigated (overdue). A4 petition 16 Mar, forwarded 17 Mar. A5 feedback 20 Mar, guided 23 Mar.
 * A14 complaint 25 Mar, sent to Bình Minh 26 Mar, not accepted (overdue there). A6 complaint 1 Apr,
 * returned 2 Apr. A7 denunciation 3 Apr under a false name (not processable, anonymous), filed 6 Apr.
 * A8 feedback 6 Apr without a name, open (overdue). A9 10 Apr split into a petition, open (overdue),
 * and a feedback withdrawn 13 Apr. A10 20 Apr, not classified. A11 22 Apr, marked 23 Apr as a
 * duplicate of A1's case. B1 complaint 15 Apr at Bình Minh, accepted 16 Apr (due mid-May), resolved
 * 1 June. Outside P: A12 complaint 27 Feb, A13 4 May (not classified).
 */
export async function buildDataset(p: People, unitB: string): Promise<Dataset> {
  const { tiepdanA, lanhdaoA } = p;
  const a = { leader: lanhdaoA, specialist: p.chuyenvienA, specialistId: p.chuyenvienAId };
  const a1 = await caseAt(tiepdanA, '2026-03-02T09:00:00', 'complaint');
  await resolvedComplaint(a, a1, '2026-03-05T09:00:00', '2026-03-20T15:00:00');
  const a2 = await caseAt(tiepdanA, '2026-03-03T09:00:00', 'complaint');
  await resolvedComplaint(a, a2, '2026-03-04T09:00:00', '2026-04-10T15:00:00');
  const a3 = await caseAt(tiepdanA, '2026-03-10T09:00:00', 'denunciation', {}, { declaredKind: 'denunciation' });
  await step(lanhdaoA, a3, '2026-03-11T09:00:00', 'accept', { data: { documentNumber: '07/TB-UBND' } });
  const a4 = await caseAt(tiepdanA, '2026-03-16T09:00:00', 'petition');
  at('2026-03-17T09:00:00');
  await actOk(tiepdanA, a4, 'forward', { data: { receivingBody: 'Sở Xây dựng', reason: 'Không thuộc thẩm quyền của xã', documentNumber: '12/PC-UBND' }, attachments: await doc(tiepdanA) });
  const a5 = await caseAt(tiepdanA, '2026-03-20T09:00:00', 'feedback');
  at('2026-03-23T09:00:00');
  await actOk(tiepdanA, a5, 'guide', { data: { guidance: 'Gửi đến Công an xã', reason: 'Không thuộc thẩm quyền' }, attachments: await doc(tiepdanA) });
  const a14 = await caseAt(tiepdanA, '2026-03-25T09:00:00', 'complaint');
  await step(tiepdanA, a14, '2026-03-26T09:00:00', 'transfer', { toUnitId: unitB, data: { reason: 'Đất thuộc địa bàn phường Bình Minh' } });
  const a6 = await caseAt(tiepdanA, '2026-04-01T09:00:00', 'complaint');
  at('2026-04-02T09:00:00');
  await actOk(tiepdanA, a6, 'return_letter', { data: { reason: 'Đã quá thời hiệu khiếu nại', documentNumber: '15/TL-UBND' }, attachments: await doc(tiepdanA) });
  const falseName = content('denunciation', { checks: checks('denunciation', true, { writerIdentified: false }), notProcessableReason: 'Mạo danh người khác' });
  const [a7] = await casesAt(tiepdanA, '2026-04-03T09:00:00', [falseName], { declaredKind: 'denunciation' });
  await step(tiepdanA, a7 ?? '', '2026-04-06T09:00:00', 'file_away', { data: { fileReason: 'anonymous', reason: 'Đơn mạo danh, không có chứng cứ' } });
  await caseAt(tiepdanA, '2026-04-06T10:00:00', 'feedback', {}, { writer: {}, signed: false }); // A8
  const [, a9f] = await casesAt(tiepdanA, '2026-04-10T09:00:00', [content('petition'), content('feedback')]);
  await step(tiepdanA, a9f ?? '', '2026-04-13T09:00:00', 'withdraw', { data: { reason: 'Người viết đơn xin rút' } });
  await letterAt(tiepdanA, '2026-04-20T09:00:00'); // A10
  const a11 = await letterAt(tiepdanA, '2026-04-22T09:00:00');
  at('2026-04-23T09:00:00');
  const dup = await tiepdanA.post(`/api/letters/${a11.id}/mark-duplicate`, { caseId: a1 });
  expect(dup.statusCode, dup.body).toBe(200);
  const b1 = await caseAt(p.tiepdanB, '2026-04-15T09:00:00', 'complaint', {}, { writer: { name: 'Trần Thị Bình', address: 'Phường Bình Minh' } });
  await resolvedComplaint({ leader: p.tiepdanB, specialist: p.chuyenvienB, specialistId: p.chuyenvienBId }, b1, '2026-04-16T09:00:00', null);
  await caseAt(tiepdanA, '2026-02-27T09:00:00', 'complaint'); // A12
  await letterAt(tiepdanA, '2026-05-04T09:00:00'); // A13
  return { a1, b1 };
}
