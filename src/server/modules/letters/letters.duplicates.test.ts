// Duplicates through HTTP: suggestions by folded content, by the same writer and by target, scoped to what the officer sees, never
// telling who a protected denouncer is; filing a letter with an existing case (idempotent, audited, field errors, counts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateSuggestions } from '../../../common/letter-duplicates.schema';
import type { CaseView, LetterView } from '../../../common/letters.schema';
import type { LetterCounts } from '../../../common/letters-inbox.schema';
import type { TestClient } from '../../testing/harness';
import { addStaff, classifyOk, content, countRows, fieldPaths, recordOk, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, thanhtra: TestClient, viewer: TestClient, tiepdanBM: TestClient;
let binhMinh: string;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  thanhtra = await t.loginAs('thanhtra.tinh');
  viewer = await t.loginAs('xem.tinh');
  tiepdanBM = (await addStaff(t, 'tiepdan.dup.binhminh', '99002', ['reception_officer'])).client;
  binhMinh = await t.unitId('99002');
});
afterAll(() => t.close());

const LAND = {
  subject: 'Khiếu nại đất đai',
  content:
    'Khiếu nại đất đai: gia đình tôi có thửa đất số 417 tại xóm Gò Mây, Ủy ban nhân dân xã cấp giấy chứng nhận cho hộ bà Lò Thị Xiêm chồng lên 86 m² đất vườn của gia đình tôi, đề nghị thu hồi giấy chứng nhận đã cấp sai.',
  target: 'Ủy ban nhân dân xã An Bình',
};
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
const writer = (n: number) => ({ name: `Người Viết ${n}`, address: `Xóm ${n}, xã An Bình`, phone: `0987 ${String(100000 + n)}`, idNumber: `0010900${String(10000 + n)}` });

async function caseWith(client: TestClient, letter: { subject: string; target?: string } & Record<string, unknown>, type: 'complaint' | 'petition' | 'feedback' = 'complaint') {
  const rec = await recordOk(client, letter);
  const classified = await classifyOk(client, rec.letter.id, [content(type, { summary: letter.subject, target: letter.target })]);
  return { letterId: rec.letter.id, caseId: classified.cases[0]?.id ?? '', caseCode: classified.cases[0]?.code ?? '' };
}

async function suggest(client: TestClient, letterId: string): Promise<DuplicateSuggestions> {
  const res = await client.get(`/api/letters/${letterId}/duplicates`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DuplicateSuggestions>();
}

const mark = (client: TestClient, letterId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  client.request({ method: 'POST', url: `/api/letters/${letterId}/mark-duplicate`, payload: body, headers });

describe('suggestions', () => {
  it('find a letter typed without diacritics in a case of the same content, with the score and the reasons, best first', async () => {
    const land = await caseWith(tiepdan, { ...LAND, writer: writer(1) });
    const other = await caseWith(tiepdan, { subject: 'Phản ánh đèn đường', content: 'Đèn chiếu sáng ở ngõ 12 hỏng đã ba tháng, trẻ em đi học buổi tối rất nguy hiểm.', writer: writer(2) }, 'feedback');
    const typed = await recordOk(tiepdan, { subject: fold(LAND.subject), content: fold(LAND.content), target: fold(LAND.target), writer: writer(3) });
    const got = await suggest(tiepdan, typed.letter.id);
    expect(got.canMark).toBe(true);
    expect(got.items[0]).toMatchObject({ caseId: land.caseId, caseCode: land.caseCode, type: 'complaint', reasons: ['similar_content', 'same_target'], letter: { id: land.letterId } });
    expect(got.items[0]?.contentSimilarity).toBeGreaterThan(0.9);
    expect(got.items[0]?.score).toBe(1);
    expect(got.items[0]?.reasonLabels).toEqual(['Nội dung tương tự', 'Cùng đối tượng bị khiếu nại, tố cáo']);
    expect(got.items.map((i) => i.caseId)).not.toContain(other.caseId);
    for (const [a, b] of got.items.slice(1).map((x, i) => [got.items[i], x])) expect(a?.score).toBeGreaterThanOrEqual(b?.score ?? 0);
  });

  it('find the cases of the same writer by their keyed hashes, whatever the content', async () => {
    const first = await caseWith(tiepdan, { subject: 'Kiến nghị sửa cống', content: 'Cống thoát nước trước nhà văn hóa thôn Hạ bị sập, nước tràn vào nhà dân mỗi khi mưa to.', writer: writer(10) }, 'petition');
    const again = await recordOk(tiepdan, { subject: 'Hỏi về trợ cấp', content: 'Tôi hỏi về thời gian chi trả trợ cấp người cao tuổi quý này.', target: '', writer: { ...writer(10), name: 'NGƯỜI VIẾT 10' } });
    const got = await suggest(tiepdan, again.letter.id);
    const hit = got.items.find((i) => i.caseId === first.caseId);
    expect(hit).toMatchObject({ reasons: ['same_writer'], writerName: 'Người Viết 10' });
    expect(hit?.score).toBeGreaterThanOrEqual(0.3);
  });

  it('never suggest another commune\'s cases; the province sees both; a stranger gets 404', async () => {
    const here = await caseWith(tiepdan, { ...LAND, content: `${LAND.content} (lần 2)`, writer: writer(20) });
    const there = await recordOk(tiepdanBM, { ...LAND, unitId: binhMinh, target: 'Ủy ban nhân dân phường Bình Minh', writer: writer(21) });
    const own = await suggest(tiepdanBM, there.letter.id);
    expect(own.items).toEqual([]);
    const province = await suggest(thanhtra, there.letter.id);
    expect(province.items.map((i) => i.caseId)).toContain(here.caseId);
    expect((await tiepdanBM.get(`/api/letters/${here.letterId}/duplicates`)).statusCode).toBe(404);
    // A viewer reads suggestions but may not file the letter.
    expect((await suggest(viewer, there.letter.id)).canMark).toBe(false);
  });

  it("finds the commune's own case even when its wording is shared by more letters of another commune than one band's first rows hold", async () => {
    const WATER = {
      subject: 'Kiến nghị về nước sạch',
      content: 'Kiến nghị về nước sạch: đường ống cấp nước sinh hoạt qua xóm Bến bị vỡ từ đầu tháng, nước đục và có mùi, đề nghị sớm sửa chữa.',
      target: 'Công ty cấp nước',
    };
    const petition = { cases: [content('petition', { summary: WATER.subject, target: WATER.target })] };
    // 40 letters of Bình Minh with the same wording (each band's first 30 rows could all be theirs), then one of An Bình.
    for (let i = 0; i < 40; i++) await recordOk(tiepdanBM, { ...WATER, unitId: binhMinh, writer: writer(300 + i), classification: petition });
    const ours = await recordOk(tiepdan, { ...WATER, writer: writer(350), classification: petition });
    const again = await recordOk(tiepdan, { ...WATER, content: `${WATER.content} Xin cảm ơn.`, writer: writer(351) });
    const got = await suggest(tiepdan, again.letter.id);
    expect(got.items.map((i) => i.letter.id)).toEqual([ours.letter.id]);
    // The province reads every commune: Bình Minh's letters are suggested to it too.
    expect((await suggest(thanhtra, again.letter.id)).items.length).toBeGreaterThan(1);
  });

  it("does not let the letters of its own case crowd out another case's", async () => {
    const LIGHT = {
      subject: 'Phản ánh về chiếu sáng',
      content: 'Phản ánh về chiếu sáng: toàn bộ đèn đường trục xóm Đồng Chùa tắt từ đầu tháng, người dân đi lại ban đêm rất khó khăn, đề nghị sửa chữa.',
    };
    const own = await caseWith(tiepdan, { ...LIGHT, writer: writer(400) }, 'feedback');
    // The same wording filed with that case 28 times: more than the 25 places compared in full, within the 30 rows a
    // band gives (beyond those, the band's first rows are the index's order, and a case with more copies may fill them).
    for (let i = 0; i < 28; i++) {
      const copy = await recordOk(tiepdan, { ...LIGHT, writer: writer(401 + i) });
      expect((await mark(tiepdan, copy.letter.id, { caseId: own.caseId })).statusCode).toBe(200);
    }
    const other = await caseWith(tiepdan, { ...LIGHT, content: `${LIGHT.content} Xin cảm ơn.`, writer: writer(450) }, 'feedback');
    const got = await suggest(tiepdan, own.letterId);
    expect(got.items.map((i) => i.caseId)).toEqual([other.caseId]);
  });

  it('never match the writer of a protected denunciation, on either side, nor show the denouncer', async () => {
    const w = writer(30);
    const earlier = await caseWith(tiepdan, { subject: 'Kiến nghị làm đường', content: 'Đường vào xóm Trại lầy lội, đề nghị đổ bê tông trước mùa mưa.', writer: w }, 'petition');
    const denunciation = await recordOk(tiepdan, {
      declaredKind: 'denunciation',
      subject: 'Tố cáo cán bộ địa chính',
      content: 'Ông Trần Văn Kẻ, cán bộ địa chính, nhận 20 triệu đồng của hộ dân để cấp giấy chứng nhận sai quy định.',
      target: 'Ông Trần Văn Kẻ',
      writer: w,
    });
    const fromProtected = await suggest(tiepdan, denunciation.letter.id);
    expect(fromProtected.items.map((i) => i.caseId)).not.toContain(earlier.caseId);
    expect(JSON.stringify(fromProtected)).not.toContain(w.name);
    await classifyOk(tiepdan, denunciation.letter.id, [content('denunciation', { summary: 'Tố cáo nhận tiền', target: 'Ông Trần Văn Kẻ' })]);
    const later = await recordOk(tiepdan, { subject: 'Hỏi lịch tiếp dân', content: 'Tôi muốn biết lịch tiếp công dân của Chủ tịch xã tháng này.', writer: w });
    const fromLater = await suggest(tiepdan, later.letter.id);
    expect(fromLater.items.filter((i) => i.reasons.includes('same_writer')).map((i) => i.caseId)).toEqual([earlier.caseId]);
  });
});

describe('marking a duplicate', () => {
  it('files the letter with the case: it leaves the queue, the case lists both letters and writers, audited, idempotent', async () => {
    const land = await caseWith(tiepdan, { ...LAND, content: `${LAND.content} Xin cảm ơn.`, writer: writer(40) });
    const again = await recordOk(tiepdan, { ...LAND, content: `${LAND.content} Tôi gửi lại lần hai.`, writer: writer(41) });
    const before = (await tiepdan.get('/api/letters/counts')).json<LetterCounts>();
    const audits = await countRows(t, 'audit_log');
    const key = { 'idempotency-key': 'dup-mark-1' };
    const res = await mark(tiepdan, again.letter.id, { caseId: land.caseId, note: 'Đơn gửi lại' }, key);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<LetterView>();
    expect(view).toMatchObject({ state: 'duplicate', actions: [{ code: 'unmark_duplicate' }], identity: { status: 'shown', writer: { name: 'Người Viết 41' } } });
    const step = view.steps.at(-1);
    expect(step).toMatchObject({ action: 'mark_duplicate', note: 'Đơn gửi lại', data: { caseId: land.caseId, caseCode: land.caseCode } });
    expect(step?.data.similarity).toBeGreaterThan(0.8);
    expect(await countRows(t, 'audit_log')).toBe(audits + 2);

    const replay = await mark(tiepdan, again.letter.id, { caseId: land.caseId, note: 'Đơn gửi lại' }, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await countRows(t, 'audit_log')).toBe(audits + 2);
    const twice = await mark(tiepdan, again.letter.id, { caseId: land.caseId });
    expect(twice.statusCode).toBe(409);

    const after = (await tiepdan.get('/api/letters/counts')).json<LetterCounts>();
    expect(after.toClassify).toBe(before.toClassify - 1);
    const queue = (await tiepdan.get('/api/letters?state=received&limit=100')).json<{ items: Array<{ id: string }> }>();
    expect(queue.items.map((i) => i.id)).not.toContain(again.letter.id);

    const c = (await tiepdan.get(`/api/letter-cases/${land.caseId}`)).json<CaseView>();
    expect(c.letters).toMatchObject([
      { id: land.letterId, role: 'origin', writerName: 'Người Viết 40', similarity: null },
      { id: again.letter.id, role: 'duplicate', writerName: 'Người Viết 41' },
    ]);
    // The case it joined is its own now: no longer suggested for it.
    expect((await suggest(tiepdan, again.letter.id)).items.map((i) => i.caseId)).not.toContain(land.caseId);
  });

  it('protects a letter filed with a denunciation, and keeps its writer out of the case page', async () => {
    const den = await recordOk(tiepdan, { declaredKind: 'denunciation', subject: 'Tố cáo lấn chiếm đất công', content: 'Hộ ông Đinh Văn Lấn xây tường lấn 40 m² đất công cạnh nhà văn hóa.', target: 'Ông Đinh Văn Lấn', writer: writer(50) });
    const classified = await classifyOk(tiepdan, den.letter.id, [content('denunciation', { summary: 'Tố cáo lấn chiếm đất công', target: 'Ông Đinh Văn Lấn' })]);
    const caseId = classified.cases[0]?.id ?? '';
    const again = await recordOk(tiepdan, { subject: 'Tố cáo lấn chiếm đất công', content: 'Hộ ông Đinh Văn Lấn xây tường lấn 40 m² đất công cạnh nhà văn hóa, tôi gửi lại.', writer: writer(51) });
    const res = await mark(tiepdan, again.letter.id, { caseId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<LetterView>()).toMatchObject({ identityProtected: true, writerName: null, identity: { status: 'protected', writer: null } });
    const c = await thanhtra.get(`/api/letter-cases/${caseId}`);
    expect(c.json<CaseView>().letters.map((l) => [l.role, l.writerName, l.identityProtected])).toEqual([
      ['origin', null, true],
      ['duplicate', null, true],
    ]);
    for (const n of [50, 51]) expect(c.body).not.toContain(writer(n).name);
  });

  it('refuses to file a denunciation with a petition or feedback case (whose answer may be published), changing nothing', async () => {
    const petition = await caseWith(tiepdan, { subject: 'Kiến nghị sửa cống', content: 'Cống thoát nước đầu xóm Đông bị vỡ, đề nghị sửa trước mùa mưa.', writer: writer(60) }, 'petition');
    const den = await recordOk(tiepdan, { declaredKind: 'denunciation', subject: 'Tố cáo sửa cống sai', content: 'Nhà thầu sửa cống xóm Đông dùng vật liệu kém, cán bộ xã làm ngơ.', target: 'Nhà thầu', writer: writer(61) });
    const res = await mark(tiepdan, den.letter.id, { caseId: petition.caseId });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.caseId']);
    const after = (await tiepdan.get(`/api/letters/${den.letter.id}`)).json<LetterView>();
    expect(after.state).toBe(den.letter.state);
    const c = (await tiepdan.get(`/api/letter-cases/${petition.caseId}`)).json<CaseView>();
    expect(c.letters.map((l) => l.role)).toEqual(['origin']);
  });

  it('answers bad input with field errors and changes nothing; checks access and roles first', async () => {
    const land = await caseWith(tiepdan, { ...LAND, content: `${LAND.content} Lần ba.`, writer: writer(60) });
    const bm = await caseWith(tiepdanBM, { ...LAND, unitId: binhMinh, writer: writer(61) });
    const letter = await recordOk(tiepdan, { ...LAND, writer: writer(62) });
    const steps = await countRows(t, 'workflow_steps');
    expect(fieldPaths(await mark(tiepdan, letter.letter.id, {}))).toEqual(['body.caseId']);
    expect(fieldPaths(await mark(tiepdan, letter.letter.id, { caseId: 'not-a-uuid' }))).toEqual(['body.caseId']);
    expect(fieldPaths(await mark(tiepdan, letter.letter.id, { caseId: land.caseId, extra: 1 }))).toEqual(['body.extra']);
    const elsewhere = await mark(tiepdan, letter.letter.id, { caseId: bm.caseId });
    expect(fieldPaths(elsewhere)).toEqual(['body.caseId']);
    expect(elsewhere.body).toContain('Không tìm thấy vụ việc');
    expect(await countRows(t, 'workflow_steps')).toBe(steps);
    expect((await mark(tiepdanBM, letter.letter.id, { caseId: land.caseId })).statusCode).toBe(404);
    expect((await mark(viewer, letter.letter.id, { caseId: land.caseId })).statusCode).toBe(403);
    expect((await tiepdan.get(`/api/letters/${letter.letter.id}`)).json<LetterView>().state).toBe('received');
  });
});
