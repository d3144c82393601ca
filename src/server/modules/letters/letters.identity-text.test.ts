// The writer's own words on a denunciation (subject, content, the reason to reopen): redacted for every staff reader but the assigned handler and the head of the handling unit, on every answer that carries them; search cannot find the denouncer by them; other letters unchanged.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, LetterView } from '../../../common/letters.schema';
import type { CasePage, LetterPage } from '../../../common/letters-inbox.schema';
import { queryRows } from '../../db/rows';
import type { TestClient } from '../../testing/harness';
import { actOk, addStaff, classifyOk, content, recordOk, staffId, startLetterApp, uploadOk } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient, others: Record<string, TestClient>, privileged: Record<string, TestClient>;

const DENOUNCER = { name: 'Khổng Thị Lệ Quyên', address: 'Số 23 ngõ Sậy, xóm Đầm', phone: '0968 246 802', email: 'lequyen.khong@example.vn', idNumber: '034190008642' };
const SUBJECT = 'Đơn tố cáo của Khổng Thị Lệ Quyên về thu tiền làm sổ đỏ';
const MATTER = 'Tôi tố cáo cán bộ địa chính xã thu tiền làm sổ đỏ của các hộ xóm Đầm mà không có biên lai.';
/** The denouncer writes who they are into the letter itself. */
const CONTENT = `Tôi là Khổng Thị Lệ Quyên, sinh năm 1979. Nhà tôi ở số 23 ngõ Sậy, xóm Đầm. Điện thoại 0968 246 802; CCCD 034190008642; mã số thuế cá nhân 8034190008. ${MATTER}`;
const REDACTED = `Tôi là [họ tên], sinh năm 1979. Nhà tôi ở [địa chỉ]. Điện thoại [số điện thoại]; CCCD [số giấy tờ]; mã số thuế cá nhân [mã số thuế]. ${MATTER}`;
const REASON = 'Kết luận chưa đúng; tôi, Khổng Thị Lệ Quyên, đề nghị liên hệ số 0968.246.802 để bổ sung chứng cứ.';
const SECRETS = [DENOUNCER.name, 'Lệ Quyên', 'khong thi le quyen', 'ngõ Sậy', '0968 246 802', '0968.246.802', '0968246802', DENOUNCER.idNumber, '8034190008', DENOUNCER.email];

function expectNone(text: string, where: string) {
  for (const s of SECRETS) expect(text.toLowerCase().includes(s.toLowerCase()), `${where} contains "${s}"`).toBe(false);
}

let letterId: string, letterCode: string, caseId: string, secret: string;

const reveals = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action like 'letter.%reveal' and entity_id = ${letterId}`))[0]?.n ?? 0;
const foundLetters = async (client: TestClient, q: string) => (await client.get(`/api/letters?q=${encodeURIComponent(q)}`)).json<LetterPage>().items.map((i) => i.id);
const foundCases = async (client: TestClient, q: string) => (await client.get(`/api/letter-cases?q=${encodeURIComponent(q)}`)).json<CasePage>().items.map((i) => i.id);

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  others = {
    'reception officer who recorded and classified it': tiepdan,
    'specialist not assigned': (await addStaff(t, 'xuly.loichu', '99001', ['specialist'])).client,
    'province inspector': await t.loginAs('thanhtra.tinh'),
    'province leader': await t.loginAs('lanhdao.tinh'),
    'province viewer': await t.loginAs('xem.tinh'),
  };
  privileged = { 'assigned handler': chuyenvien, 'head of the handling unit': lanhdao };
  const rec = await recordOk(tiepdan, { declaredKind: 'denunciation', subject: SUBJECT, content: CONTENT, target: 'Cán bộ địa chính xã', writer: DENOUNCER });
  ({ secret } = rec);
  ({ id: letterId, code: letterCode } = rec.letter);
  const classified = await classifyOk(tiepdan, letterId, [content('denunciation', { summary: 'Tố cáo thu tiền làm sổ đỏ không biên lai', target: 'Cán bộ địa chính xã' })]);
  caseId = classified.cases[0]?.id ?? '';
  await actOk(lanhdao, caseId, 'accept');
  await actOk(lanhdao, caseId, 'assign', { assigneeId: await staffId(chuyenvien) });
}, 180_000);
afterAll(() => t.close());

describe("a denouncer's words", () => {
  it('reach every other reader redacted: the letter page, the case page, the letters list and the case inbox; the reception officer who classified it too', async () => {
    for (const [who, client] of Object.entries(others)) {
      const letter = await client.get(`/api/letters/${letterId}`);
      expect(letter.statusCode, who).toBe(200);
      expect(letter.json<LetterView>(), who).toMatchObject({ content: REDACTED, subject: 'Đơn tố cáo của [họ tên] về thu tiền làm sổ đỏ', identity: { status: 'protected', canReveal: false } });
      // The answer says what was kept from this reader, for the page to tell them.
      expect(letter.json<LetterView>().redacted, who).toEqual({ identity: true, content: true });
      const c = await client.get(`/api/letter-cases/${caseId}`);
      expect(c.statusCode, who).toBe(200);
      expect(c.json<CaseView>().letter.content, who).toBe(REDACTED);
      expect(c.json<CaseView>().letter.redacted, who).toEqual({ identity: true, content: true });
      const listed = (await client.get(`/api/letters?q=${letterCode}`)).json<LetterPage>().items[0];
      expect(listed?.excerpt, who).toBe(`${REDACTED.slice(0, 160)}…`);
      const inbox = await client.get('/api/letter-cases?limit=100');
      const answers = [letter.body, c.body, JSON.stringify(listed), inbox.body, (await client.get(`/api/letters/${letterId}/duplicates`)).body];
      answers.forEach((a, i) => expectNone(a, `${who}, answer ${i}`));
    }
  });

  it('reach the assigned handler and the head of the handling unit whole, without an audit entry (reading the words reveals nothing sealed)', async () => {
    const before = await reveals();
    for (const [who, client] of Object.entries(privileged)) {
      const letter = (await client.get(`/api/letters/${letterId}`)).json<LetterView>();
      expect(letter, who).toMatchObject({ content: CONTENT, subject: SUBJECT, identity: { canReveal: true, writer: null }, redacted: { identity: true, content: false } });
      const c = (await client.get(`/api/letter-cases/${caseId}`)).json<CaseView>();
      expect([c.letter.content, c.letter.redacted], who).toEqual([CONTENT, { identity: true, content: false }]);
      expect((await client.get(`/api/letters?q=${letterCode}`)).json<LetterPage>().items[0]?.excerpt, who).toBe(`${CONTENT.slice(0, 160)}…`);
    }
    expect(await reveals()).toBe(before);
  });

  it('are not searched for anyone else (the content may name the denouncer): not by name, address, phone or any other words; those who may reveal still find it', async () => {
    for (const q of ['Lệ Quyên', 'khong thi le quyen', 'ngõ Sậy', '0968 246 802']) {
      for (const [who, client] of Object.entries(others)) {
        expect(await foundLetters(client, q), `${who} letters ${q}`).not.toContain(letterId);
        expect(await foundCases(client, q), `${who} cases ${q}`).not.toContain(caseId);
      }
      for (const [who, client] of Object.entries(privileged)) {
        expect(await foundLetters(client, q), `${who} letters ${q}`).toContain(letterId);
        expect(await foundCases(client, q), `${who} cases ${q}`).toContain(caseId);
      }
    }
    // The others find the letter by its code, and the case by what the officer wrote of it (summary, target), not by the writer's words.
    for (const [who, client] of Object.entries(others)) {
      expect(await foundLetters(client, letterCode), who).toEqual([letterId]);
      expect(await foundLetters(client, 'mà không có biên lai'), who).not.toContain(letterId);
      expect(await foundCases(client, 'sổ đỏ không biên lai'), who).toContain(caseId);
    }
    for (const [who, client] of Object.entries(privileged)) expect(await foundLetters(client, 'mà không có biên lai'), who).toContain(letterId);
  });

  it('in a request to reopen: redacted in the case\'s steps for the others, whole for the handler and the head', async () => {
    await actOk(chuyenvien, caseId, 'submit_report', { data: { report: 'Đã xác minh' } });
    const f = await uploadOk(lanhdao, '/api/files', 'ket-luan.pdf');
    await actOk(lanhdao, caseId, 'conclude', {
      attachments: [{ fileId: f.id, name: 'ket-luan.pdf' }],
      data: { result: 'unfounded', decisionNumber: '7/KL-UBND', decisionDate: '2026-11-30', signer: 'Chủ tịch UBND xã' },
    });
    const res = await t.anonymous().request({ method: 'POST', url: `/api/public/letters/${letterCode}/reopen`, payload: { caseCode: (await lanhdao.get(`/api/letter-cases/${caseId}`)).json<CaseView>().code, reason: REASON }, headers: { 'x-tracking-secret': secret } });
    expect(res.statusCode, res.body).toBe(200);
    const reopenOf = async (client: TestClient) => (await client.get(`/api/letter-cases/${caseId}`)).json<CaseView>().steps.find((s) => s.action === 'reopen');
    for (const [who, client] of Object.entries(others)) {
      const step = await reopenOf(client);
      expect(step?.data.reopenReason, who).toBe('Kết luận chưa đúng; tôi, [họ tên], đề nghị liên hệ số [số điện thoại] để bổ sung chứng cứ.');
      expect(step?.fields.map((x) => x.name), who).toContain('reopenReason');
      expectNone(JSON.stringify(step), `${who}, the reopen step`);
    }
    for (const [who, client] of Object.entries(privileged)) expect((await reopenOf(client))?.data.reopenReason, who).toBe(REASON);
  });
});

describe('the redacted flag', () => {
  it('says the words were masked only when something in them was: a denunciation without personal data in its words, then a reopen reason naming the writer', async () => {
    const words = 'Tố cáo việc thu tiền làm sổ đỏ không có biên lai tại thôn Nam.';
    const rec = await recordOk(tiepdan, { declaredKind: 'denunciation', subject: 'Tố cáo thu tiền', content: words, writer: { name: 'Đàm Thị Hoa', address: 'Xóm Đông', phone: '0912 333 444' } });
    const [c] = (await classifyOk(tiepdan, rec.letter.id, [content('denunciation', { summary: 'Tố cáo thu tiền sổ đỏ', target: 'Cán bộ địa chính' })])).cases;
    const id = c?.id ?? '';
    const viewer = others['province viewer'] as TestClient;
    const flag = async () => (await viewer.get(`/api/letter-cases/${id}`)).json<CaseView>().letter.redacted;
    expect(await flag()).toEqual({ identity: true, content: false });
    await actOk(lanhdao, id, 'accept');
    await actOk(lanhdao, id, 'assign', { assigneeId: await staffId(chuyenvien) });
    await actOk(chuyenvien, id, 'submit_report', { data: { report: 'Đã xác minh' } });
    const f = await uploadOk(lanhdao, '/api/files', 'ket-luan-2.pdf');
    await actOk(lanhdao, id, 'conclude', {
      attachments: [{ fileId: f.id, name: 'ket-luan-2.pdf' }],
      data: { result: 'unfounded', decisionNumber: '8/KL-UBND', decisionDate: '2026-11-30', signer: 'Chủ tịch UBND xã' },
    });
    const code = (await lanhdao.get(`/api/letter-cases/${id}`)).json<CaseView>().code;
    const reason = 'Tôi là Đàm Thị Hoa, số 0912 333 444, chưa đồng ý với kết luận.';
    const res = await t.anonymous().request({ method: 'POST', url: `/api/public/letters/${rec.letter.code}/reopen`, payload: { caseCode: code, reason }, headers: { 'x-tracking-secret': rec.secret } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await flag()).toEqual({ identity: true, content: true });
    expect((await lanhdao.get(`/api/letter-cases/${id}`)).json<CaseView>().letter.redacted).toEqual({ identity: true, content: false });
  });
});

describe('other letters', () => {
  it('a letter without a denunciation: the words whole for every reader, found by them', async () => {
    const words = 'Tôi là Hà Văn Bình, điện thoại 0915 000 111, kiến nghị lắp đèn đường xóm Bến.';
    const { letter } = await recordOk(tiepdan, { subject: 'Kiến nghị của Hà Văn Bình', content: words, writer: { name: 'Hà Văn Bình', address: 'Xóm Bến', phone: '0915 000 111' } });
    await classifyOk(tiepdan, letter.id, [content('petition')]);
    for (const [who, client] of Object.entries(others)) {
      expect((await client.get(`/api/letters/${letter.id}`)).json<LetterView>(), who).toMatchObject({ content: words, subject: 'Kiến nghị của Hà Văn Bình', redacted: { identity: false, content: false } });
      expect(await foundLetters(client, 'Hà Văn Bình'), who).toContain(letter.id);
    }
  });

  it('a letter not classified yet: whole for those who may classify it, redacted (and not found by its words) for a reader who may not', async () => {
    const words = 'Tôi là Lục Thị Thanh Vân, điện thoại 0918 777 999, phản ánh cán bộ xã thu tiền.';
    const { letter } = await recordOk(tiepdan, { subject: 'Phản ánh', content: words, writer: { name: 'Lục Thị Thanh Vân', address: 'Thôn Tây', phone: '0918 777 999' } });
    expect((await tiepdan.get(`/api/letters/${letter.id}`)).json<LetterView>()).toMatchObject({ content: words, identity: { status: 'sealed' }, redacted: { identity: true, content: false } });
    expect(await foundLetters(tiepdan, 'Thanh Vân')).toContain(letter.id);
    const viewer = others['province viewer'] as TestClient;
    expect((await viewer.get(`/api/letters/${letter.id}`)).json<LetterView>()).toMatchObject({
      content: 'Tôi là [họ tên], điện thoại [số điện thoại], phản ánh cán bộ xã thu tiền.',
      redacted: { identity: true, content: true },
    });
    expect(await foundLetters(viewer, 'Thanh Vân')).not.toContain(letter.id);
  });
});
