// Notifications to the applicant through a real SMTP server (child process) and the logging SMS adapter: written with the event, delivered by the worker, retried while the server is down.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { LogSmsSender } from '../../platform/notify/senders';
import { BATCH, NotificationWorker } from '../../platform/notify/worker';
import type { TestClient } from '../../testing/harness';
import { parseMail, startSmtpSink, type SmtpSink } from '../../testing/smtp-sink';
import { act, actOk, applicant, errorOf, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

const PUBLIC_URL = 'https://dichvucong.anbinh.example.vn';
let sink: SmtpSink;
let t: DossierTestApp;
let motcua: TestClient;
const smsLog: Array<{ obj: Record<string, unknown>; msg: string }> = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startDossierApp({ DANVAN_SMTP_URL: sink.url, DANVAN_MAIL_FROM: 'Một cửa An Bình <motcua@anbinh.example.vn>', DANVAN_PUBLIC_URL: PUBLIC_URL });
  // The product's logging adapter, writing to a list instead of the (silenced) test logger.
  t.app.notifier.sms = new LogSmsSender({ info: (obj, msg) => smsLog.push({ obj: obj as Record<string, unknown>, msg }) });
  motcua = await t.loginAs('motcua.anbinh');
  // Demo dossiers enqueue their own messages: deliver them first, so that each test sees its own.
  await t.drainOutbox();
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});
beforeEach(() => {
  smsLog.length = 0;
});

const rowsOf = (dossierId: string) =>
  t.db.select().from(notifications).where(and(eq(notifications.entityType, 'dossier'), eq(notifications.entityId, dossierId))).orderBy(notifications.createdAt, notifications.channel);

const inTwoHours = () => new Date(Date.now() + 2 * 3_600_000);

describe('notifications to the applicant', () => {
  it('emails the acceptance through SMTP in Vietnamese with the tracking link and never the secret, and texts it through the SMS adapter', async () => {
    const { dossier: d, secret } = await intakeOk(motcua, { applicant: applicant({ email: 'Dan.Nguyen@Example.vn', phone: '0912 345 678' }), data: { copies: 1 } });
    const pending = await rowsOf(d.id);
    expect(pending.map((r) => [r.channel, r.recipient, r.template, r.status])).toEqual([
      ['email', 'dan.nguyen@example.vn', 'dossier.accepted', 'pending'],
      ['sms', '+84912345678', 'dossier.accepted', 'pending'],
    ]);

    const before = sink.received().length;
    const round = await t.app.notifier.runOnce();
    expect(round).toMatchObject({ claimed: 2, sent: 2, retrying: 0 });
    const mails = sink.received().slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error('no mail');
    expect(mail).toMatchObject({ from: 'motcua@anbinh.example.vn', to: ['dan.nguyen@example.vn'], user: sink.user });
    const { subject, text, headers } = parseMail(mail.raw);
    expect(headers.from).toBe('Một cửa An Bình <motcua@anbinh.example.vn>');
    expect(subject).toBe(`Hồ sơ ${d.code} đã được tiếp nhận`);
    expect(subject).toBe(subject.normalize('NFC'));
    expect(text).toBe(text.normalize('NFC'));
    const link = `${PUBLIC_URL}/tra-cuu/${encodeURIComponent(d.code)}`;
    const due = d.dueAt?.slice(0, 10).split('-').reverse().join('/');
    expect(text).toContain('Kính gửi Ông/Bà Nguyễn Văn Dân,');
    expect(text).toContain(`Hồ sơ «${d.procedureName}» của Ông/Bà đã được tiếp nhận.`);
    expect(text).toContain(`Ngày hẹn trả kết quả: ${due}`);
    expect(text).toContain('Nơi nhận kết quả: Bộ phận Một cửa - Xã An Bình');
    expect(text).toContain(`Theo dõi hồ sơ tại: ${link}`);
    for (const form of [secret, secret.replace(/-/g, '')]) expect(mail.raw).not.toContain(form);

    expect(smsLog).toHaveLength(1);
    const sms = smsLog[0];
    expect(sms?.obj).toMatchObject({ channel: 'sms', to: '*********678' });
    expect(sms?.obj.text).toBe(`Ho so ${d.code} da duoc tiep nhan, hen tra ket qua ngay ${due}. Tra cuu: ${link}`);
    const logged = JSON.stringify(sms);
    expect(logged).not.toContain('912345678');
    expect(logged).not.toContain(secret.replace(/-/g, ''));

    const sent = await rowsOf(d.id);
    expect(sent.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ['sent', 1, null],
      ['sent', 1, null],
    ]);
    expect(sent.every((r) => r.sentAt !== null)).toBe(true);
  });

  it('sends nothing for an action that rolls back, and nothing for internal steps', async () => {
    const { dossier: d } = await intakeOk(motcua, { decision: 'none', applicant: applicant({ email: 'dan@example.vn' }) });
    expect(await rowsOf(d.id)).toEqual([]);
    // The attachment check fails after the dossier row and the outbox were written: the whole action rolls back.
    const bad = await act(motcua, d.id, 'accept', { data: { copies: 1 }, attachments: [{ fileId: crypto.randomUUID(), name: 'Tờ khai' }] });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('invalid_input');
    expect(await rowsOf(d.id)).toEqual([]);
    await actOk(motcua, d.id, 'accept', { data: { copies: 1 } });
    await actOk(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    expect((await rowsOf(d.id)).map((r) => r.template)).toEqual(['dossier.accepted', 'dossier.accepted']);

    const { dossier: quiet } = await intakeOk(motcua, { applicant: applicant({ phone: undefined }) });
    expect(await rowsOf(quiet.id)).toEqual([]);
  });

  it('keeps a message pending with the error while the SMTP server is down, and delivers it once it is back', async () => {
    await t.drainOutbox();
    await sink.stop();
    try {
      const { dossier: d } = await intakeOk(motcua, { applicant: applicant({ email: 'cho@example.vn', phone: undefined }) });
      const down = await t.app.notifier.runOnce();
      expect(down).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
      const [row] = await rowsOf(d.id);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      // Not due yet: the next round leaves it alone.
      expect((await t.app.notifier.runOnce()).claimed).toBe(0);

      await sink.restart();
      const before = sink.received().length;
      const back = await t.app.notifier.runOnce(inTwoHours());
      expect(back).toMatchObject({ claimed: 1, sent: 1 });
      expect(await rowsOf(d.id)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2, lastError: null })]);
      expect(sink.received().slice(before).map((m) => m.to)).toEqual([['cho@example.vn']]);
    } finally {
      await sink.restart();
    }
  });

  it('has a message for each event the applicant must know of, with what it needs', async () => {
    const withEmail = { applicant: applicant({ email: 'dan@example.vn', phone: undefined }) };
    const last = async (id: string) => (await rowsOf(id)).at(-1);

    const incomplete = await intakeOk(motcua, {
      ...withEmail,
      decision: 'request_completion',
      data: { missingDocuments: [{ name: 'Bản sao CCCD', form: 'copy', count: 1 }], guidance: 'Nộp bổ sung trong 5 ngày làm việc' },
    });
    expect(await last(incomplete.dossier.id)).toMatchObject({ template: 'dossier.incomplete', subject: `Hồ sơ ${incomplete.dossier.code} cần bổ sung, hoàn thiện` });
    expect((await last(incomplete.dossier.id))?.body).toContain('- Bản sao CCCD (bản sao, 1 bản)\nHướng dẫn: Nộp bổ sung trong 5 ngày làm việc');

    const refused = await intakeOk(motcua, { ...withEmail, decision: 'refuse', data: { reason: 'Không thuộc thẩm quyền', legalBasis: 'Điều 15 Nghị định 118/2025/NĐ-CP' } });
    expect((await last(refused.dossier.id))?.body).toContain('Lý do: Không thuộc thẩm quyền\nCăn cứ pháp lý: Điều 15 Nghị định 118/2025/NĐ-CP');

    const { dossier: d } = await intakeOk(motcua, withEmail);
    const lanhdao = await t.loginAs('lanhdao.anbinh');
    const chuyenvien = await t.loginAs('chuyenvien.anbinh');
    const me = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    await actOk(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    await actOk(lanhdao, d.id, 'assign', { assigneeId: me });
    const due = new Date(Date.parse(d.dueAt ?? '') + 5 * 86_400_000).toISOString().slice(0, 10);
    await actOk(chuyenvien, d.id, 'extend', { dueOverride: due, data: { reason: 'Cần xác minh thêm tại địa phương' } });
    expect(await last(d.id)).toMatchObject({ template: 'dossier.extended', subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}` });
    expect((await last(d.id))?.body).toContain(`Lý do: Cần xác minh thêm tại địa phương\nNgày hẹn trả kết quả mới: ${due.split('-').reverse().join('/')}`);
    await actOk(chuyenvien, d.id, 'submit_for_approval');
    await actOk(lanhdao, d.id, 'approve');
    expect(await last(d.id)).toMatchObject({ template: 'dossier.result_ready', subject: `Hồ sơ ${d.code} đã có kết quả` });
    await actOk(motcua, d.id, 'return_result');
    expect(await last(d.id)).toMatchObject({ template: 'dossier.returned', subject: `Hồ sơ ${d.code} đã trả kết quả` });
    expect((await rowsOf(d.id)).map((r) => r.template)).toEqual(['dossier.accepted', 'dossier.extended', 'dossier.result_ready', 'dossier.returned']);

    const stopped = await intakeOk(motcua, withEmail);
    await actOk(motcua, stopped.dossier.id, 'stop', { data: { reason: 'Người nộp đã qua đời' } });
    expect(await last(stopped.dossier.id)).toMatchObject({ template: 'dossier.stopped', subject: `Hồ sơ ${stopped.dossier.code} đã dừng xử lý` });
    const withdrawn = await intakeOk(motcua, withEmail);
    await actOk(motcua, withdrawn.dossier.id, 'withdraw', { data: { reason: 'Không còn nhu cầu' } });
    expect(await last(withdrawn.dossier.id)).toMatchObject({ template: 'dossier.withdrawn', subject: `Hồ sơ ${withdrawn.dossier.code} đã được rút` });

    // Every dossier message (the demo's letters write their own, with the letters' tracking link).
    for (const r of await t.db.select().from(notifications).where(eq(notifications.entityType, 'dossier'))) {
      expect(r.body).toBe(r.body.normalize('NFC'));
      expect(r.body).toContain(`${PUBLIC_URL}/tra-cuu/`);
    }
  });

  it('claims at most one batch a round, however long the backlog, and sends the rest in the next rounds', async () => {
    await t.drainOutbox();
    // 11 acceptances with an email and a phone: 22 messages, more than a round takes.
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push((await intakeOk(motcua, { applicant: applicant({ email: `hangdoi${i}@example.vn` }) })).dossier.id);
    const pending = () => t.db.$count(notifications, eq(notifications.status, 'pending'));
    expect(await pending()).toBe(22);
    const first = await t.app.notifier.runOnce();
    expect(first).toMatchObject({ claimed: BATCH, sent: BATCH });
    expect(await pending()).toBe(22 - BATCH);
    expect(await t.app.notifier.runOnce()).toMatchObject({ claimed: 22 - BATCH, sent: 22 - BATCH });
    expect(await pending()).toBe(0);
    for (const id of ids) expect((await rowsOf(id)).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('lets several workers share the outbox without sending a message twice', async () => {
    await t.drainOutbox();
    for (let i = 0; i < 6; i++) await intakeOk(motcua, { applicant: applicant({ email: `nguoi${i}@example.vn` }) });
    const seen: string[] = [];
    const capture = { info: (obj: object) => seen.push(String((obj as { to: string }).to)) };
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const emails = { description: 'test', send: (m: { to: string }) => Promise.resolve(void seen.push(m.to)) };
    const workers = [1, 2, 3].map(() => new NotificationWorker(t.db, emails, new LogSmsSender(capture), quiet));
    const rounds = await Promise.all(workers.map((w) => w.runOnce()));
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(seen).toHaveLength(12);
    expect(new Set(seen.filter((s) => s.includes('@')))).toEqual(new Set([0, 1, 2, 3, 4, 5].map((i) => `nguoi${i}@example.vn`)));
    expect(await t.db.$count(notifications, eq(notifications.status, 'pending'))).toBe(0);
  });
});
