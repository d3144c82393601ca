// The writer told through the outbox on the main events: Vietnamese messages by e-mail and SMS, recipients sealed in the outbox and opened only to send, nothing to anonymous writers or writers without contact.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { notifications } from '../../db/schema';
import { LogEmailSender, LogSmsSender } from '../../platform/notify/senders';
import type { TestClient } from '../../testing/harness';
import { actOk, caseOf, classifyOk, content, recordOk, staffId, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient;
let chuyenvienId: string;
const logged: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  t = await startLetterApp({ DANVAN_PUBLIC_URL: 'https://cong.anbinh.example.vn' });
  const sink = { info: (obj: object) => void logged.push(obj as Record<string, unknown>) };
  t.app.notifier.email = new LogEmailSender(sink);
  t.app.notifier.sms = new LogSmsSender(sink);
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  chuyenvienId = await staffId(chuyenvien);
  // The demo letters' own messages go first, so that each test sees its own.
  await t.drainOutbox();
});
afterAll(() => t.close());
beforeEach(() => {
  logged.length = 0;
});

const rowsOf = (letterId: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.entityType, 'letter'), eq(notifications.entityId, letterId)))
    .orderBy(notifications.createdAt, notifications.channel);

async function deliverAll() {
  await t.drainOutbox();
}

describe('messages to the writer', () => {
  it('tells the writer of receipt, classification, acceptance and the answer, by e-mail and SMS, with the recipient sealed in the outbox', async () => {
    const writer = { name: 'Đỗ Văn Tâm', address: 'Thôn Nam, xã An Bình', phone: '0903 222 333', email: 'Tam.Do@Example.vn' };
    const { letter } = await recordOk(tiepdan, { writer, subject: 'Kiến nghị sửa cống', content: 'Đề nghị xã sửa cống thoát nước thôn Nam bị vỡ.' });
    const received = await rowsOf(letter.id);
    expect(received.map((r) => [r.channel, r.template, r.status])).toEqual([
      ['email', 'letter.received', 'pending'],
      ['sms', 'letter.received', 'pending'],
    ]);
    for (const r of received) {
      expect(r.recipient).toMatch(/^sealed:v1\./);
      expect(r.body).not.toContain('Đỗ Văn Tâm');
    }
    expect(received[0]?.subject).toBe(`Đơn ${letter.code} đã được tiếp nhận`);
    expect(received[0]?.body).toContain('Kính gửi Ông/Bà,');
    expect(received[0]?.body).toContain(`https://cong.anbinh.example.vn/tra-cuu-don/${letter.code}`);

    const view = await classifyOk(tiepdan, letter.id, [content('petition', { summary: 'Kiến nghị sửa cống thôn Nam' })]);
    const caseId = view.cases[0]?.id ?? '';
    await actOk(lanhdao, caseId, 'accept');
    await actOk(lanhdao, caseId, 'assign', { assigneeId: chuyenvienId });
    await actOk(chuyenvien, caseId, 'submit_report', { data: { report: 'Đề xuất' } });
    await actOk(lanhdao, caseId, 'answer', { data: { answer: 'Xã sẽ sửa cống trong tháng 12.', documentNumber: '77/UBND-VP', documentDate: '2026-12-01', signer: 'Chủ tịch UBND xã' } });
    const rows = await rowsOf(letter.id);
    // Assignment and the report are inner steps: no message.
    expect(rows.filter((r) => r.channel === 'email').map((r) => r.template)).toEqual(['letter.received', 'letter.classified', 'letter.accepted', 'letter.resolved']);
    const answer = rows.find((r) => r.template === 'letter.resolved' && r.channel === 'email');
    expect(answer?.body).toContain('Kính gửi Ông/Bà Đỗ Văn Tâm,');
    expect(answer?.body).toContain('Văn bản trả lời số 77/UBND-VP ngày 01/12/2026, người ký: Chủ tịch UBND xã.');
    expect(answer?.body).toContain('Xã sẽ sửa cống trong tháng 12.');
    expect(answer?.body).toMatch(/đề nghị xem xét lại tại trang tra cứu đơn đến hết ngày \d{2}\/\d{2}\/\d{4}/);
    const sms = rows.find((r) => r.template === 'letter.resolved' && r.channel === 'sms');
    expect(sms?.body).toBe(sms?.body.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));

    await deliverAll();
    const sent = await rowsOf(letter.id);
    expect(sent.every((r) => r.status === 'sent' && r.recipient.startsWith('sealed:'))).toBe(true);
    // The adapters got the opened address but logged neither it nor a redacted form.
    expect(logged.length).toBeGreaterThanOrEqual(8);
    expect(new Set(logged.map((l) => l.to))).toEqual(new Set(['[bảo mật]']));
    expect(JSON.stringify(logged)).not.toMatch(/tam\.do|0903|903222333|\*\*\*/i);
  });

  it('keeps a denouncer out of the outbox and its messages; sends nothing to an anonymous writer or one without contact', async () => {
    const denouncer = { name: 'Lý Thị Kín', address: 'Thôn Bắc, xã An Bình', phone: '0977 555 666', email: 'kin.ly@example.vn', idNumber: '001099000777' };
    const d = await caseOf(tiepdan, 'denunciation', { writer: denouncer, declaredKind: 'denunciation', subject: 'Tố cáo cán bộ thu tiền sai' });
    await actOk(lanhdao, d.id, 'accept', { data: { documentNumber: '12/TB-UBND' } });
    const rows = await rowsOf(d.letterId);
    expect(rows.filter((r) => r.channel === 'email').map((r) => r.template)).toEqual(['letter.received', 'letter.classified', 'letter.accepted']);
    await deliverAll();
    // Ids and sealed values are random text that may hold any digits ('0977a1f3-…'): left out of the dump.
    const text = JSON.stringify(await queryRows<{ row: string }>(t.db, sql`select t::text as row from notifications t`))
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/sealed:[A-Za-z0-9._-]+/g, '<sealed>');
    // The dump does hold a writer who is not protected (named in the answer's greeting): the check can fail.
    expect(text).toContain('Đỗ Văn Tâm');
    for (const secret of ['Lý Thị Kín', 'Ly Thi Kin', 'kin.ly@example.vn', '0977', '977555666', '001099000777', 'Thôn Bắc']) expect(text).not.toContain(secret);

    const anon = await recordOk(tiepdan, { writer: { phone: '0912 000 111' }, signed: false });
    const none = await recordOk(tiepdan, { writer: { name: 'Hà Văn Không', address: 'Thôn Đông' } });
    expect(await rowsOf(anon.letter.id)).toEqual([]);
    expect(await rowsOf(none.letter.id)).toEqual([]);
  });
});
