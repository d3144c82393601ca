// The writer's rating of an ended case and request to reopen it within the window, through the public API by code and secret, with a controlled clock.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LetterRatingView } from '../../../common/letter-resolution.schema';
import type { CaseView } from '../../../common/letters.schema';
import type { PublicLetterView } from '../../../common/letters-tracking.schema';
import type { TestClient } from '../../testing/harness';
import { clock } from './letters.clock';
import { actOk, errorOf, fieldPaths, staffId, startLetterApp, vn } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient;
let chuyenvienId: string;
const realNow = clock.now;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  chuyenvienId = await staffId(chuyenvien);
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(() => t.close());

const at = (local: string) => {
  clock.now = () => vn(local);
};

/** A feedback letter received at `local`, answered the same day; returns the case, the letter code and secret. */
async function answeredFeedback(local: string): Promise<{ c: CaseView; code: string; secret: string }> {
  at(local);
  const rec = await tiepdan.post('/api/letters', {
    channel: 'desk',
    dated: true,
    signed: true,
    content: 'Phản ánh rác thải đổ trộm ven kênh thôn Tây.',
    writer: { name: 'Cao Văn Đạt', address: 'Thôn Tây', phone: '0911 000 222' },
  });
  expect(rec.statusCode, rec.body).toBe(201);
  const { letter, secret } = rec.json<{ letter: { id: string; code: string }; secret: string }>();
  const cls = await tiepdan.post(`/api/letters/${letter.id}/classify`, {
    cases: [{ type: 'feedback', summary: 'Rác ven kênh', aboutRegulation: false, checks: { inVietnamese: true, statesContent: true } }],
  });
  expect(cls.statusCode, cls.body).toBe(200);
  const id = cls.json<{ cases: Array<{ id: string }> }>().cases[0]?.id ?? '';
  await actOk(lanhdao, id, 'accept');
  await actOk(lanhdao, id, 'assign', { assigneeId: chuyenvienId });
  await actOk(chuyenvien, id, 'submit_report', { data: { report: 'Đã kiểm tra' } });
  const c = await actOk(lanhdao, id, 'answer', { data: { answer: 'Xã đã thu dọn và lắp biển cấm.', documentNumber: '5/UBND', documentDate: '2026-03-02', signer: 'Chủ tịch UBND xã' } });
  return { c, code: letter.code, secret };
}

const writer = (code: string, secret: string, path: string, payload: unknown) =>
  t.anonymous().request({ method: 'POST', url: `/api/public/letters/${encodeURIComponent(code)}/${path}`, payload: payload as Record<string, unknown>, headers: { 'x-tracking-secret': secret } });
const track = async (code: string, secret: string) =>
  (await t.anonymous().request({ method: 'GET', url: `/api/public/letters/${encodeURIComponent(code)}`, headers: { 'x-tracking-secret': secret } })).json<PublicLetterView>();

describe("the writer's rating", () => {
  it('is taken once, after the end, by code and secret; a wrong secret or case reveals nothing', async () => {
    const { c, code, secret } = await answeredFeedback('2026-03-02T10:00:00');
    const before = await track(code, secret);
    expect(before.cases[0]?.afterEnd).toMatchObject({ rating: null, canRate: true, publishedAnswerCode: null });
    expect(fieldPaths(await writer(code, secret, 'rating', { caseCode: c.code, level: 'great' }))).toEqual(['body.level']);
    expect((await writer(code, 'AAAA-AAAA-AAAA-AAAA-AAAA', 'rating', { caseCode: c.code, level: 'satisfied' })).statusCode).toBe(404);
    expect(errorOf(await writer(code, secret, 'rating', { caseCode: `${code}.9`, level: 'satisfied' })).code).toBe('letter_not_found');
    const ok = await writer(code, secret, 'rating', { caseCode: c.code, level: 'partly', comment: 'Đã dọn nhưng còn mùi' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ rating: LetterRatingView }>().rating).toMatchObject({ caseCode: c.code, level: 'partly', levelLabel: 'Hài lòng một phần', comment: 'Đã dọn nhưng còn mùi' });
    const twice = await writer(code, secret, 'rating', { caseCode: c.code, level: 'satisfied' });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).code).toBe('already_rated');
    expect((await track(code, secret)).cases[0]?.afterEnd).toMatchObject({ rating: { level: 'partly' }, canRate: false });
  });

  it('is refused while the case is open, as is a request to reopen', async () => {
    at('2026-03-03T09:00:00');
    const res = await tiepdan.post('/api/letters', { channel: 'desk', dated: true, signed: true, content: 'Kiến nghị lắp đèn đường thôn Nam.', writer: { name: 'Lê Văn Chờ', address: 'Thôn Nam' } });
    const { letter, secret } = res.json<{ letter: { id: string; code: string }; secret: string }>();
    const cls = await tiepdan.post(`/api/letters/${letter.id}/classify`, {
      cases: [{ type: 'petition', summary: 'Đèn đường', checks: { inVietnamese: true, dated: true, writerIdentified: true, statesContent: true } }],
    });
    const caseCode = cls.json<{ cases: Array<{ code: string }> }>().cases[0]?.code ?? '';
    const notYet = await writer(letter.code, secret, 'rating', { caseCode, level: 'satisfied' });
    expect(notYet.statusCode).toBe(409);
    expect(errorOf(notYet).code).toBe('rating_not_open');
    const reopenOpen = await writer(letter.code, secret, 'reopen', { caseCode, reason: 'Đề nghị xem xét lại vụ việc.' });
    expect(reopenOpen.statusCode).toBe(409);
    expect(errorOf(reopenOpen).code).toBe('reopen_not_allowed');
    expect((await track(letter.code, secret)).cases[0]?.afterEnd).toMatchObject({ canReopen: false, reopenUntil: null, reopenEndedAt: null });
  });
});

describe('the request to reopen', () => {
  it('reopens the case by a step of the writer within the window, once; the case is open again with a new deadline', async () => {
    const { c, code, secret } = await answeredFeedback('2026-03-02T10:00:00');
    // The tracking view carries the last day the writer may ask, by the rule the request is checked by (30 days after the answer).
    expect((await track(code, secret)).cases[0]?.afterEnd).toMatchObject({ canReopen: true, reopenUntil: '2026-04-01T23:59:59.999+07:00', reopenEndedAt: null });
    expect(fieldPaths(await writer(code, secret, 'reopen', { caseCode: c.code, reason: 'ngắn' }))).toEqual(['body.reason']);
    at('2026-03-20T08:00:00');
    const res = await writer(code, secret, 'reopen', { caseCode: c.code, reason: 'Rác lại bị đổ trộm sau một tuần, đề nghị xem xét lại.' });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<PublicLetterView>();
    expect(view.cases[0]).toMatchObject({ state: 'to_process', finishedAt: null, afterEnd: { canReopen: false, reopenUntil: null, reopenEndedAt: null } });
    expect(view.cases[0]?.timeline.at(-1)).toMatchObject({ action: 'reopen', data: { reopenReason: 'Rác lại bị đổ trộm sau một tuần, đề nghị xem xét lại.' } });
    const staffView = (await lanhdao.get(`/api/letter-cases/${c.id}`)).json<CaseView>();
    expect(staffView).toMatchObject({ state: 'to_process', result: null, finishedAt: null, dueStatus: 'on_track' });
    expect(staffView.steps.at(-1)).toMatchObject({ action: 'reopen', actorLabel: 'Người viết đơn (công dân)' });
    expect(staffView.actions.map((a) => a.code)).toContain('accept');

    // Once: answered again, it cannot be reopened a second time.
    await actOk(lanhdao, c.id, 'accept');
    await actOk(chuyenvien, c.id, 'submit_report', { data: { report: 'Đã xử lý lại' } });
    await actOk(lanhdao, c.id, 'answer', { data: { answer: 'Đã lắp camera.', documentNumber: '9/UBND', documentDate: '2026-03-25', signer: 'Chủ tịch UBND xã' } });
    const second = await writer(code, secret, 'reopen', { caseCode: c.code, reason: 'Vẫn chưa hài lòng với cách xử lý.' });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe('reopen_not_allowed');
    // Reopened once: no window to show, open or passed.
    expect((await track(code, secret)).cases[0]?.afterEnd).toMatchObject({ canReopen: false, reopenUntil: null, reopenEndedAt: null });
  });

  it('is refused after the window with the last day named', async () => {
    const { c, code, secret } = await answeredFeedback('2026-03-02T10:00:00');
    at('2026-04-01T23:59:00');
    expect((await track(code, secret)).cases[0]?.afterEnd).toMatchObject({ canReopen: true, reopenUntil: '2026-04-01T23:59:59.999+07:00' });
    at('2026-04-02T00:00:01');
    expect((await track(code, secret)).cases[0]?.afterEnd).toMatchObject({ canReopen: false, reopenUntil: null, reopenEndedAt: '2026-04-01T23:59:59.999+07:00' });
    const late = await writer(code, secret, 'reopen', { caseCode: c.code, reason: 'Tôi không đồng ý với nội dung trả lời.' });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late)).toMatchObject({ code: 'reopen_window_closed', message: 'Đã hết thời hạn đề nghị xem xét lại: hạn cuối là ngày 01/04/2026', details: { until: '2026-04-01T23:59:59.999+07:00' } });
    expect((await lanhdao.get(`/api/letter-cases/${c.id}`)).json<CaseView>().state).toBe('answered');
  });
});
