// Documents of decisions and answers, and publishing the answer to a petition or feedback on the portal through HTTP: the redacted draft, the checks, the public list and page, withdrawal, the audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView, PublishedAnswer, PublishedAnswerPage } from '../../../common/letter-resolution.schema';
import type { CaseView } from '../../../common/letters.schema';
import { auditLog } from '../../db/schema';
import type { TestClient } from '../../testing/harness';
import { eq } from 'drizzle-orm';
import { act, actOk, caseOf, errorOf, fieldPaths, staffId, startLetterApp, uploadOk } from './letters.test-helpers';

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

const WRITER = { name: 'Phạm Thị Minh', address: 'Xóm Bến, xã An Bình', phone: '0987 111 222', email: 'minh.pham@example.vn', idNumber: '036190001234' };
const ANSWER = { documentNumber: '45/UBND-VP', documentDate: '2026-11-30', signer: 'Nguyễn Văn Lãnh, Chủ tịch UBND xã' };

/** A petition or feedback from WRITER, accepted, reported and answered with `answer`. */
async function answered(type: 'petition' | 'feedback', answer: string, summary = 'Kiến nghị sửa cầu tràn Xóm Bến'): Promise<CaseView> {
  const c = await caseOf(tiepdan, type, { writer: WRITER, subject: summary, content: `${summary}. Người viết: Phạm Thị Minh, điện thoại 0987 111 222.` }, { summary });
  await actOk(lanhdao, c.id, 'accept');
  await actOk(lanhdao, c.id, 'assign', { assigneeId: chuyenvienId });
  await actOk(chuyenvien, c.id, 'submit_report', { data: { report: 'Đề xuất trả lời' } });
  return actOk(lanhdao, c.id, 'answer', { data: { answer, ...ANSWER } });
}

const pub = () => t.anonymous();
const answers = async (query: string) => (await pub().get(`/api/public/letter-answers${query}`)).json<PublishedAnswerPage>();

describe('documents of decisions and answers', () => {
  it('an answer needs its number, date and signer; a decision also its signed file', async () => {
    const c = await caseOf(tiepdan, 'petition');
    await actOk(lanhdao, c.id, 'accept');
    await actOk(lanhdao, c.id, 'assign', { assigneeId: chuyenvienId });
    await actOk(chuyenvien, c.id, 'submit_report', { data: { report: 'Đề xuất' } });
    const bare = await act(lanhdao, c.id, 'answer', { data: { answer: 'Xã sẽ sửa.' } });
    expect(bare.statusCode).toBe(400);
    expect(fieldPaths(bare)).toEqual(['body.data.documentDate', 'body.data.documentNumber', 'body.data.signer']);
    const done = await actOk(lanhdao, c.id, 'answer', { data: { answer: 'Xã sẽ sửa.', ...ANSWER } });
    expect(done.steps.at(-1)?.fields.map((f) => f.name)).toEqual(['answer', 'documentNumber', 'documentDate', 'signer']);

    const k = await caseOf(tiepdan, 'complaint');
    await actOk(lanhdao, k.id, 'accept', { data: { instance: 'first', complex: false, remoteArea: false } });
    await actOk(lanhdao, k.id, 'assign', { assigneeId: chuyenvienId });
    await actOk(chuyenvien, k.id, 'submit_report', { data: { report: 'Đề xuất' } });
    const noSigner = await act(lanhdao, k.id, 'resolve', { data: { result: 'rejected', decisionNumber: '9/QĐ', decisionDate: '2026-11-30' } });
    expect(fieldPaths(noSigner)).toEqual(['body.attachments', 'body.data.signer']);
    const f = await uploadOk(lanhdao, '/api/files', 'quyet-dinh.pdf');
    const resolved = await actOk(lanhdao, k.id, 'resolve', {
      attachments: [{ fileId: f.id, name: 'quyet-dinh.pdf' }],
      data: { result: 'rejected', decisionNumber: '9/QĐ', decisionDate: '2026-11-30', signer: 'Chủ tịch UBND xã' },
    });
    expect(resolved.letter.files.filter((x) => x.kind === 'document').map((x) => x.name)).toEqual(['quyet-dinh.pdf']);
  });
});

describe('publishing an answer', () => {
  it('drafts the texts without personal data, refuses a text that still names the writer, publishes, lists, searches, shows and withdraws it, audited', async () => {
    const c = await answered('petition', 'Trả lời bà Phạm Thị Minh (ĐT 0987111222, CCCD 036190001234): xã sẽ sửa cầu tràn Xóm Bến trong quý I năm 2027.');
    expect(c.actions.map((a) => a.code)).toEqual(['publish_answer']);
    // Nothing is on the portal before publishing.
    expect((await pub().get(`/api/public/letter-answers/${c.code}`)).statusCode).toBe(404);
    const res = await lanhdao.get(`/api/letter-cases/${c.id}/publication`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<PublicationView>();
    expect(view.publication).toBeNull();
    expect(view.draft.publishedText).toBe('Trả lời bà [họ tên] (ĐT [số điện thoại], CCCD [số giấy tờ]): xã sẽ sửa cầu tràn Xóm Bến trong quý I năm 2027.');
    expect(view.draft.publishedSummary).toBe('Kiến nghị sửa cầu tràn Xóm Bến');

    const leaky = await act(lanhdao, c.id, 'publish_answer', { data: { publishedSummary: 'Kiến nghị của PHAM THI MINH', publishedText: view.draft.publishedText } });
    expect(leaky.statusCode).toBe(400);
    expect(fieldPaths(leaky)).toEqual(['body.data.publishedSummary']);
    expect((await act(chuyenvien, c.id, 'publish_answer', { data: view.draft })).statusCode).toBe(403);
    // The writer's own number, however written, is refused too (it has the shape of any phone number).
    const phone = await act(lanhdao, c.id, 'publish_answer', { data: { publishedSummary: view.draft.publishedSummary, publishedText: 'Liên hệ bà Minh qua số 0987.111.222.' } });
    expect(fieldPaths(phone)).toEqual(['body.data.publishedText']);

    const done = await actOk(lanhdao, c.id, 'publish_answer', { data: view.draft });
    expect(done).toMatchObject({ state: 'answered', result: 'answered', finishedAt: c.finishedAt });
    expect(done.actions.map((a) => a.code)).toEqual(['publish_answer', 'unpublish_answer']);

    const page = (await pub().get('/api/public/letter-answers?q=cau tran xom ben')).json<PublishedAnswerPage>();
    expect(page.items.map((i) => i.code)).toContain(c.code);
    const item = page.items.find((i) => i.code === c.code);
    expect(item).toMatchObject({ type: 'petition', typeLabel: 'Kiến nghị', unit: { name: 'Xã An Bình' }, documentNumber: '45/UBND-VP', documentDate: '2026-11-30' });
    const one = (await pub().get(`/api/public/letter-answers/${encodeURIComponent(c.code)}`)).json<PublishedAnswer>();
    expect(one).toMatchObject({ code: c.code, answer: view.draft.publishedText, signer: ANSWER.signer, summary: 'Kiến nghị sửa cầu tràn Xóm Bến' });
    const text = JSON.stringify([page, one]);
    for (const hidden of ['Phạm Thị Minh', '0987', '036190001234', 'minh.pham', 'Xóm Bến, xã']) expect(text).not.toContain(hidden);

    // Words in any order, without diacritics; filters by type and unit.
    expect((await answers('?q=xom ben quy')).items.map((i) => i.code)).toContain(c.code);
    expect((await answers('?q=khong co tu nay')).items).toEqual([]);
    expect((await answers('?type=feedback')).items.map((i) => i.code)).not.toContain(c.code);
    const province = await t.unitId('99');
    expect((await answers(`?unitId=${province}`)).items.map((i) => i.code)).toContain(c.code);
    const other = await t.unitId('99002');
    expect((await answers(`?unitId=${other}`)).items.map((i) => i.code)).not.toContain(c.code);
    const unknown = await pub().get('/api/public/letter-answers?unitId=00000000-0000-4000-8000-000000000000');
    expect(fieldPaths(unknown)).toEqual(['querystring.unitId']);

    const noReason = await act(lanhdao, c.id, 'unpublish_answer', {});
    expect(fieldPaths(noReason)).toEqual(['body.data.reason']);
    await actOk(lanhdao, c.id, 'unpublish_answer', { data: { reason: 'Chờ rà soát lại nội dung' } });
    expect((await pub().get(`/api/public/letter-answers/${encodeURIComponent(c.code)}`)).statusCode).toBe(404);
    expect((await answers('?q=cau tran')).items.map((i) => i.code)).not.toContain(c.code);
    const again = await act(lanhdao, c.id, 'unpublish_answer', { data: { reason: 'Lần nữa' } });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('answer_not_published');
    const after = (await lanhdao.get(`/api/letter-cases/${c.id}/publication`)).json<PublicationView>();
    expect(after.publication).toMatchObject({ published: false, answer: view.draft.publishedText });
    expect(after.publication?.withdrawnAt).not.toBeNull();

    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['letter_case.publish_answer', 'letter_case.unpublish_answer']));
  });

  it('drafts without a tax code, the writer\'s own or a business\'s, refuses one typed back, and publishes none; numbers, dates and amounts stay', async () => {
    const answer =
      'Trả lời bà Phạm Thị Minh, mã số thuế cá nhân 8012345678: theo Quyết định số 15/QĐ-UBND ngày 05/3/2026, Công ty Xây dựng Bến (MST: 0312345678-001) hoàn trả 12.500.000 đồng theo Điều 25.';
    const c = await answered('feedback', answer, 'Phản ánh công ty thu tiền sửa cầu');
    const { draft } = (await lanhdao.get(`/api/letter-cases/${c.id}/publication`)).json<PublicationView>();
    expect(draft.publishedText).toBe(
      'Trả lời bà [họ tên], mã số thuế cá nhân [mã số thuế]: theo Quyết định số 15/QĐ-UBND ngày 05/3/2026, Công ty Xây dựng Bến (MST: [mã số thuế]) hoàn trả 12.500.000 đồng theo Điều 25.',
    );
    for (const leak of ['Hộ kinh doanh có MST 8012345678 đã hoàn trả.', 'Công ty (mã số thuế: 0312345678-001) đã hoàn trả.']) {
      const res = await act(lanhdao, c.id, 'publish_answer', { data: { publishedSummary: draft.publishedSummary, publishedText: leak } });
      expect(res.statusCode, leak).toBe(400);
      expect(fieldPaths(res), leak).toEqual(['body.data.publishedText']);
    }
    await actOk(lanhdao, c.id, 'publish_answer', { data: draft });
    const shown = await pub().get(`/api/public/letter-answers/${encodeURIComponent(c.code)}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json<PublishedAnswer>().answer).toBe(draft.publishedText);
    for (const hidden of ['8012345678', '0312345678']) expect(shown.body).not.toContain(hidden);
  });

  it('pages newest first with a cursor; never publishes before the answer or a denunciation', async () => {
    for (const n of [1, 2, 3]) {
      const c = await answered('feedback', `Đã sửa đèn chiếu sáng số ${n} đường liên thôn.`, `Phản ánh đèn chiếu sáng số ${n}`);
      await actOk(lanhdao, c.id, 'publish_answer', { data: { publishedSummary: `Phản ánh đèn chiếu sáng số ${n}`, publishedText: `Đã sửa đèn chiếu sáng số ${n}.` } });
    }
    const first = (await pub().get('/api/public/letter-answers?type=feedback&q=den chieu sang&limit=2')).json<PublishedAnswerPage>();
    expect(first.items.map((i) => i.summary)).toEqual(['Phản ánh đèn chiếu sáng số 3', 'Phản ánh đèn chiếu sáng số 2']);
    const second = (await pub().get(`/api/public/letter-answers?type=feedback&q=den chieu sang&limit=2&cursor=${first.nextCursor}`)).json<PublishedAnswerPage>();
    expect(second).toMatchObject({ items: [{ summary: 'Phản ánh đèn chiếu sáng số 1' }], nextCursor: null });

    const open = await caseOf(tiepdan, 'feedback');
    const early = await act(lanhdao, open.id, 'publish_answer', { data: { publishedSummary: 'x', publishedText: 'y' } });
    expect(early.statusCode).toBe(409);
    expect((await lanhdao.get(`/api/letter-cases/${open.id}/publication`)).statusCode).toBe(409);
    const d = await caseOf(tiepdan, 'denunciation', { declaredKind: 'denunciation' });
    const never = await act(lanhdao, d.id, 'publish_answer', { data: { publishedSummary: 'x', publishedText: 'y' } });
    expect(never.statusCode).toBe(409);
    expect(errorOf(never).details).toMatchObject({ reason: 'unknown_action' });
  });
});
