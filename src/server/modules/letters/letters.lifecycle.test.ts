// Each letter type's lifecycle through HTTP: intake, classification, the processing decision, handling and the end, with the writer's view beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, LetterView } from '../../../common/letters.schema';
import type { LetterCounts } from '../../../common/letters-inbox.schema';
import type { PublicLetterView } from '../../../common/letters-tracking.schema';
import type { TestClient } from '../../testing/harness';
import { actOk, act, caseOf, classifyOk, content, errorOf, fieldPaths, recordOk, staffId, startLetterApp, uploadOk } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient;
let chuyenvienId: string;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  chuyenvienId = await staffId(chuyenvien);
});
afterAll(() => t.close());

const doc = async (client: TestClient, name = 'van-ban.pdf') => {
  const f = await uploadOk(client, '/api/files', name);
  return [{ fileId: f.id, name }];
};

async function track(code: string, secret: string): Promise<PublicLetterView> {
  const res = await t.anonymous().request({ method: 'GET', url: `/api/public/letters/${encodeURIComponent(code)}`, headers: { 'x-tracking-secret': secret } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PublicLetterView>();
}

describe('a complaint', () => {
  it('is received, classified, assigned, accepted with its period, verified and resolved by a decision; the writer follows it', async () => {
    const rec = await recordOk(tiepdan);
    expect(rec.letter).toMatchObject({ state: 'received', channel: 'desk', caseCount: 0, identity: { status: 'sealed', writer: null, canReveal: true } });
    expect(rec.letter.code).toMatch(/^DT-99001-\d{6}-\d{4}$/);
    expect(rec.letter.actions.map((a) => a.code)).toEqual(['classify', 'mark_duplicate']);
    const counts = (await tiepdan.get('/api/letters/counts')).json<LetterCounts>();
    expect(counts.toClassify).toBeGreaterThanOrEqual(1);

    const classified = await classifyOk(tiepdan, rec.letter.id, [content('complaint', { summary: 'Khiếu nại quyết định thu hồi đất' })]);
    expect(classified).toMatchObject({ state: 'classified', caseCount: 1, actions: [], identity: { status: 'shown', writer: { name: 'Nguyễn Văn Khiếu' } } });
    const caseId = classified.cases[0]?.id ?? '';
    expect(classified.cases[0]).toMatchObject({ code: `${rec.letter.code}.1`, type: 'complaint', state: 'to_process', processable: true, writerName: 'Nguyễn Văn Khiếu' });

    const seen = (await lanhdao.get(`/api/letter-cases/${caseId}`)).json<CaseView>();
    expect(seen.actions.map((a) => a.code)).toEqual(['assign', 'transfer', 'forward', 'guide', 'return_letter', 'file_away', 'accept', 'withdraw']);
    // The specialist is not the handler yet: nothing to do.
    expect((await chuyenvien.get(`/api/letter-cases/${caseId}`)).json<CaseView>().actions).toEqual([]);
    await actOk(lanhdao, caseId, 'assign', { assigneeId: chuyenvienId });
    const mine = (await chuyenvien.get(`/api/letter-cases/${caseId}`)).json<CaseView>();
    expect(mine.actions.map((a) => a.code)).toEqual(['forward', 'guide', 'return_letter', 'file_away', 'withdraw']);

    const missing = await act(lanhdao, caseId, 'accept', { data: { instance: 'first' } });
    expect(fieldPaths(missing)).toEqual(['body.data.complex', 'body.data.remoteArea']);
    const accepted = await actOk(lanhdao, caseId, 'accept', { data: { instance: 'first', complex: false, remoteArea: false, documentNumber: '05/TB-UBND' } });
    expect(accepted).toMatchObject({ state: 'resolving', outcome: 'accepted', assignee: { id: chuyenvienId } });
    expect(accepted.acceptedAt).not.toBeNull();
    const report = await actOk(chuyenvien, caseId, 'submit_report', { data: { report: 'Đã xác minh: diện tích đo sai 12 m²' } });
    expect(report.state).toBe('reported');
    expect(report.dueAt).toBe(accepted.dueAt);
    await actOk(lanhdao, caseId, 'rework', { note: 'Bổ sung biên bản đo đạc' });
    await actOk(chuyenvien, caseId, 'submit_report', { data: { report: 'Đã bổ sung biên bản' } });
    const noDoc = await act(lanhdao, caseId, 'resolve', { data: { result: 'partly_upheld', decisionNumber: '21/QĐ-UBND', decisionDate: '2026-11-20', signer: 'Chủ tịch UBND xã' } });
    expect(fieldPaths(noDoc)).toEqual(['body.attachments']);
    const done = await actOk(lanhdao, caseId, 'resolve', {
      note: 'Ghi chú nội bộ: đã họp với phòng địa chính',
      attachments: await doc(lanhdao, 'qd-giai-quyet.pdf'),
      data: { result: 'partly_upheld', decisionNumber: '21/QĐ-UBND', decisionDate: '2026-11-20', signer: 'Chủ tịch UBND xã' },
    });
    expect(done).toMatchObject({ state: 'resolved', result: 'partly_upheld', dueAt: null, dueStatus: null, actions: [] });
    expect(done.finishedAt).not.toBeNull();
    expect(done.letter.files.map((f) => [f.kind, f.name])).toEqual([['document', 'qd-giai-quyet.pdf']]);
    expect(done.steps.map((s) => s.action)).toEqual(['start', 'assign', 'accept', 'submit_report', 'rework', 'submit_report', 'resolve']);

    const pub = await track(rec.letter.code, rec.secret);
    expect(pub).toMatchObject({ state: 'classified', receivingUnitName: 'Xã An Bình', cases: [{ code: `${rec.letter.code}.1`, type: 'complaint', state: 'resolved' }] });
    expect(pub.timeline.map((s) => s.action)).toEqual(['start', 'classify']);
    expect(pub.cases[0]?.timeline.map((s) => s.action)).toEqual(['start', 'accept', 'resolve']);
    expect(pub.cases[0]?.timeline[2]?.data).toEqual({ result: 'partly_upheld', decisionNumber: '21/QĐ-UBND', decisionDate: '2026-11-20', signer: 'Chủ tịch UBND xã' });
    const text = JSON.stringify(pub);
    for (const hidden of ['Hoàng Văn Nam', 'Bùi Đức Thắng', 'Ngô Thị Hạnh', 'Ghi chú nội bộ', 'biên bản', '12 m²']) expect(text).not.toContain(hidden);
  });
});

describe('a denunciation', () => {
  it('is accepted, extended twice by recorded decisions and concluded', async () => {
    const c = await caseOf(tiepdan, 'denunciation', { declaredKind: 'denunciation', subject: 'Tố cáo cán bộ địa chính', target: 'Ông Trần Văn Sai, cán bộ địa chính' });
    expect(c.letter.identity).toMatchObject({ status: 'protected', writer: null, canReveal: false });
    await actOk(lanhdao, c.id, 'assign', { assigneeId: chuyenvienId });
    const acc = await actOk(lanhdao, c.id, 'accept', { data: { documentNumber: '07/QĐ-TLTC' } });
    expect(acc.state).toBe('investigating');
    const ext = { reason: 'Vụ việc phức tạp', decisionNumber: '09/QĐ-GH', decisionDate: '2026-11-20' };
    const first = await actOk(lanhdao, c.id, 'extend', { data: ext, attachments: await doc(lanhdao, 'gia-han-1.pdf') });
    expect(new Date(first.dueAt ?? '').getTime()).toBeGreaterThan(new Date(acc.dueAt ?? '').getTime());
    await actOk(lanhdao, c.id, 'extend', { data: { ...ext, decisionNumber: '10/QĐ-GH' }, attachments: await doc(lanhdao, 'gia-han-2.pdf') });
    const third = await act(lanhdao, c.id, 'extend', { data: { ...ext, decisionNumber: '11/QĐ-GH' }, attachments: await doc(lanhdao, 'gia-han-3.pdf') });
    expect(third.statusCode).toBe(409);
    expect(errorOf(third).details).toMatchObject({ reason: 'max_times_reached' });
    await actOk(chuyenvien, c.id, 'submit_report', { data: { report: 'Có cơ sở một phần' } });
    const done = await actOk(lanhdao, c.id, 'conclude', {
      data: { result: 'partly_founded', decisionNumber: '15/KL-UBND', decisionDate: '2026-12-01', signer: 'Chủ tịch UBND xã' },
      attachments: await doc(lanhdao, 'ket-luan.pdf'),
    });
    expect(done).toMatchObject({ state: 'concluded', result: 'partly_founded', outcome: 'accepted' });
  });

  it('files an anonymous denunciation away, or refers one with concrete evidence for inspection; a signed one cannot be referred', async () => {
    const anon = { writer: {}, signed: false, declaredKind: 'denunciation' };
    const noName = content('denunciation', { checks: { ...content('denunciation').checks, writerIdentified: false, signed: false }, notProcessableReason: 'Đơn nặc danh' });
    const a = (await classifyOk(tiepdan, (await recordOk(tiepdan, anon)).letter.id, [noName])).cases[0];
    expect(a).toMatchObject({ anonymous: true, processable: false });
    const notAccepted = await act(lanhdao, a?.id ?? '', 'accept', {});
    expect(notAccepted.statusCode).toBe(409);
    expect(errorOf(notAccepted)).toMatchObject({ code: 'letter_action_not_allowed', details: { reason: 'not_processable' } });
    const filed = await actOk(tiepdan, a?.id ?? '', 'file_away', { data: { fileReason: 'anonymous', reason: 'Đơn nặc danh, không có chứng cứ cụ thể' } });
    expect(filed).toMatchObject({ state: 'filed', outcome: 'filed', outcomeReason: 'Đơn nặc danh, không có chứng cứ cụ thể' });

    const b = (await classifyOk(tiepdan, (await recordOk(tiepdan, anon)).letter.id, [noName])).cases[0];
    const referred = await actOk(lanhdao, b?.id ?? '', 'refer_for_inspection', {
      data: { violator: 'Ông Trần Văn Sai', evidence: 'Biên lai thu tiền trái phép ngày 12/10, có chữ ký', receivingBody: 'Thanh tra tỉnh', documentNumber: '03/PC-UBND' },
    });
    expect(referred).toMatchObject({ state: 'referred', outcome: 'referred' });

    const signed = await caseOf(tiepdan, 'denunciation');
    const refused = await act(lanhdao, signed.id, 'refer_for_inspection', {
      data: { violator: 'X', evidence: 'Y', receivingBody: 'Thanh tra tỉnh', documentNumber: '04/PC-UBND' },
    });
    expect(errorOf(refused)).toMatchObject({ code: 'letter_action_not_allowed', details: { reason: 'not_anonymous' } });
    expect(signed.actions.map((a) => a.code)).not.toContain('refer_for_inspection');
  });
});

describe('a petition and a feedback', () => {
  it('answers a petition after the leader signs; forwards feedback on a regulation to the competent body with its document', async () => {
    const p = await caseOf(tiepdan, 'petition');
    await actOk(tiepdan, p.id, 'accept');
    await actOk(lanhdao, p.id, 'assign', { assigneeId: chuyenvienId });
    await actOk(chuyenvien, p.id, 'submit_report', { data: { report: 'Dự thảo trả lời' } });
    const answered = await actOk(lanhdao, p.id, 'answer', { data: { answer: 'Xã sẽ sửa đường liên thôn trong quý I.', documentNumber: '30/UBND-VP', documentDate: '2026-11-25', signer: 'Phó Chủ tịch UBND xã' } });
    expect(answered).toMatchObject({ state: 'answered', result: 'answered' });

    const f = await caseOf(tiepdan, 'feedback', {}, { aboutRegulation: true, summary: 'Thủ tục cấp phép xây dựng đòi giấy tờ không có trong quy định' });
    expect(f.aboutRegulation).toBe(true);
    const noDoc = await act(tiepdan, f.id, 'forward', { data: { receivingBody: 'Sở Xây dựng', reason: 'Ngoài thẩm quyền', documentNumber: '31/UBND-VP' } });
    expect(fieldPaths(noDoc)).toEqual(['body.attachments']);
    const fwd = await actOk(tiepdan, f.id, 'forward', {
      data: { receivingBody: 'Sở Xây dựng', reason: 'Quy định thuộc thẩm quyền của Sở', documentNumber: '31/UBND-VP' },
      attachments: await doc(tiepdan, 'phieu-chuyen.pdf'),
    });
    expect(fwd).toMatchObject({ state: 'forwarded', outcome: 'forwarded', outcomeReason: 'Quy định thuộc thẩm quyền của Sở' });
  });

  it('splits a letter with several contents into cases that keep the link, guides one and returns another', async () => {
    const { letter, secret } = await recordOk(tiepdan, { subject: 'Nhiều nội dung' });
    const split = await classifyOk(tiepdan, letter.id, [content('complaint'), content('petition'), content('feedback')]);
    expect(split.cases.map((c) => [c.code, c.type])).toEqual([
      [`${letter.code}.1`, 'complaint'],
      [`${letter.code}.2`, 'petition'],
      [`${letter.code}.3`, 'feedback'],
    ]);
    const [c1, c2] = split.cases;
    const view = (await tiepdan.get(`/api/letter-cases/${c2?.id}`)).json<CaseView>();
    expect(view.letters).toEqual([
      { id: letter.id, code: letter.code, role: 'origin', receivedAt: letter.receivedAt, writerName: 'Nguyễn Văn Khiếu', anonymous: false, identityProtected: false, similarity: null, seq: split.seq, canUnfile: false },
    ]);
    await actOk(tiepdan, c1?.id ?? '', 'guide', {
      data: { guidance: 'Gửi đơn đến Tòa án nhân dân khu vực', reason: 'Đã có bản án', receivingBody: 'Tòa án nhân dân khu vực 1' },
      attachments: await doc(tiepdan, 'huong-dan.pdf'),
    });
    await actOk(tiepdan, c2?.id ?? '', 'return_letter', { data: { reason: 'Người viết đơn yêu cầu', documentNumber: '32/UBND' }, attachments: await doc(tiepdan, 'tra-lai.pdf') });
    const pub = await track(letter.code, secret);
    expect(pub.cases.map((c) => c.state)).toEqual(['guided', 'returned', 'to_process']);
    expect(pub.cases[0]?.timeline[1]?.data).toMatchObject({ guidance: 'Gửi đơn đến Tòa án nhân dân khu vực' });
    const again = (await tiepdan.get(`/api/letters/${letter.id}`)).json<LetterView>();
    expect(again.cases).toHaveLength(3);
  });
});
