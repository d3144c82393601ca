// The deadline job run with a controlled clock: a reminder to the assignee of a case due soon, an escalation of an overdue case to the head of the unit, once each, audited, told, shown on the case.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../common/letters.schema';
import type { CasePage, LetterCounts } from '../../../common/letters-inbox.schema';
import { auditLog, notifications } from '../../db/schema';
import type { TestClient } from '../../testing/harness';
import { clock } from './letters.clock';
import { runDeadlineAlerts } from './letters.escalation';
import { actOk, addStaff, caseOf, fieldPaths, staffId, startLetterApp, vn } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient;
let lanhdaoId: string;
let handler: { id: string; client: TestClient };
const realNow = clock.now;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  lanhdaoId = await staffId(lanhdao);
  handler = await addStaff(t, 'xuly.anbinh', '99001', ['specialist']);
  const admin = await t.loginAs('admin');
  // The handler and the head of the unit have e-mail addresses for the messages.
  expect((await admin.request({ method: 'PATCH', url: `/api/staff/${handler.id}`, payload: { email: 'xuly@anbinh.example.vn' } })).statusCode).toBe(200);
  expect((await admin.request({ method: 'PATCH', url: `/api/staff/${lanhdaoId}`, payload: { email: 'lanhdao@anbinh.example.vn' } })).statusCode).toBe(200);
  // Everything the demo left overdue is escalated first, so that each test counts its own.
  await runDeadlineAlerts(t.db, vn('2026-03-01T00:00:00'));
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(() => t.close());

const at = (local: string) => {
  clock.now = () => vn(local);
};

const alertsOf = async (id: string) => (await lanhdao.get(`/api/letter-cases/${id}`)).json<CaseView>();

describe('the deadline job', () => {
  it('reminds the assignee of a case due soon and escalates it to the head of the unit once overdue, once each however often it runs', async () => {
    // A petition received on Monday 2 March 2026: 10 working days to decide, due Monday 16 March.
    at('2026-03-02T09:00:00');
    const c = await caseOf(tiepdan, 'petition', { channel: 'post', receivedAt: '2026-03-02T09:00:00+07:00' });
    expect(c.dueAt).toBe('2026-03-16T23:59:59.999+07:00');
    await actOk(lanhdao, c.id, 'assign', { assigneeId: handler.id });

    // Well before: nothing.
    expect(await runDeadlineAlerts(t.db, vn('2026-03-05T08:00:00'))).toEqual({ reminders: 0, escalations: 0 });
    expect((await alertsOf(c.id)).alerts).toEqual([]);

    // Two working days left: a reminder to the assignee.
    const soon = await runDeadlineAlerts(t.db, vn('2026-03-12T08:00:00'));
    expect(soon.reminders).toBeGreaterThanOrEqual(1);
    at('2026-03-12T08:00:00');
    const reminded = await alertsOf(c.id);
    expect(reminded.alerts).toEqual([{ kind: 'reminder', dueAt: '2026-03-16T23:59:59.999+07:00', at: '2026-03-12T08:00:00.000+07:00', recipients: [{ id: handler.id, name: 'Cán bộ xuly.anbinh' }] }]);
    expect(reminded.escalated).toBe(false);
    // Again the same day, or an hour later: nothing new.
    await runDeadlineAlerts(t.db, vn('2026-03-12T09:00:00'));
    expect((await alertsOf(c.id)).alerts).toHaveLength(1);

    // Overdue: escalated to the head of the unit (the leader granted on An Bình), not to the assignee.
    await runDeadlineAlerts(t.db, vn('2026-03-17T08:00:00'));
    await runDeadlineAlerts(t.db, vn('2026-03-17T09:00:00'));
    at('2026-03-17T10:00:00');
    const escalated = await alertsOf(c.id);
    expect(escalated.dueStatus).toBe('overdue');
    expect(escalated.escalated).toBe(true);
    expect(escalated.alerts.map((a) => a.kind)).toEqual(['escalation', 'reminder']);
    expect(escalated.alerts[0]?.recipients.map((r) => r.id)).toContain(lanhdaoId);
    expect(escalated.alerts[0]?.recipients.map((r) => r.id)).not.toContain(handler.id);

    const audit = await t.db.select({ action: auditLog.action, actorLabel: auditLog.actorLabel }).from(auditLog).where(and(eq(auditLog.entityId, c.id), inArray(auditLog.action, ['letter_case.remind', 'letter_case.escalate'])));
    expect(audit.map((a) => a.action).sort()).toEqual(['letter_case.escalate', 'letter_case.remind']);
    expect(audit.every((a) => a.actorLabel === 'system')).toBe(true);

    const mails = await t.db
      .select({ recipient: notifications.recipient, template: notifications.template, body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.entityType, 'letter_case'), eq(notifications.entityId, c.id)));
    expect(mails.map((m) => [m.template, m.recipient]).sort()).toEqual([
      ['letter_case.escalation', 'lanhdao@anbinh.example.vn'],
      ['letter_case.reminder', 'xuly@anbinh.example.vn'],
    ]);
    const escalation = mails.find((m) => m.template === 'letter_case.escalation');
    expect(escalation?.body).toContain(`Vụ việc ${c.code}`);
    expect(escalation?.body).toContain('Người được giao xử lý: Cán bộ xuly.anbinh');
    // No content and no writer in a message to staff.
    expect(escalation?.body).not.toContain('Nguyễn Văn Khiếu');
    expect(escalation?.body).not.toContain('thu hồi đất số 12');
  });

  it('reminds the head of the unit when nobody is assigned, and leaves a finished case alone', async () => {
    at('2026-04-01T09:00:00');
    const c = await caseOf(tiepdan, 'feedback', { channel: 'post', receivedAt: '2026-04-01T09:00:00+07:00' });
    const filed = await caseOf(tiepdan, 'feedback', { channel: 'post', receivedAt: '2026-04-01T09:00:00+07:00' });
    await actOk(lanhdao, filed.id, 'file_away', { data: { fileReason: 'other', reason: 'Trùng nội dung đã giải quyết' } });
    await runDeadlineAlerts(t.db, vn('2026-04-13T08:00:00'));
    at('2026-04-13T08:00:00');
    const alerts = (await alertsOf(c.id)).alerts;
    expect(alerts.map((a) => a.kind)).toEqual(['reminder']);
    expect(alerts[0]?.recipients.map((r) => r.id)).toContain(lanhdaoId);
    expect((await alertsOf(filed.id)).alerts).toEqual([]);
  });
});

describe('the inbox of escalated cases', () => {
  it('lists and counts the cases escalated for their running deadline, within the units the user sees', async () => {
    at('2026-05-04T09:00:00');
    const received = { channel: 'post', receivedAt: '2026-05-04T09:00:00+07:00' };
    const c = await caseOf(tiepdan, 'petition', received);
    const due = Date.parse(c.dueAt ?? '');
    const past = new Date(due + 3_600_000);
    await runDeadlineAlerts(t.db, past);
    // Overdue as well, but recorded after the job ran: not escalated yet.
    const later = await caseOf(tiepdan, 'petition', received);
    clock.now = () => new Date(due + 2 * 3_600_000);

    const ids = async (client: TestClient, due: string) => (await client.get(`/api/letter-cases?due=${due}&limit=200`)).json<CasePage>().items.map((i) => i.id);
    const counts = async (client: TestClient) => (await client.get('/api/letters/counts')).json<LetterCounts>();
    const escalated = await ids(lanhdao, 'escalated');
    expect(escalated).toContain(c.id);
    expect(escalated).not.toContain(later.id);
    expect(await ids(lanhdao, 'overdue')).toEqual(expect.arrayContaining([c.id, later.id]));
    const before = await counts(lanhdao);
    expect(before.escalated).toBe(escalated.length);
    expect(before.overdue).toBeGreaterThan(before.escalated);

    // Another commune's officer neither sees nor counts An Bình's escalated cases.
    const other = await addStaff(t, 'tiepdan.binhminh', '99002', ['reception_officer']);
    expect(await ids(other.client, 'escalated')).not.toContain(c.id);
    expect((await counts(other.client)).escalated).toBe((await ids(other.client, 'escalated')).length);

    // Handled (filed away): no longer in the pile.
    await actOk(lanhdao, c.id, 'file_away', { data: { fileReason: 'other', reason: 'Đã giải quyết theo vụ việc khác' } });
    expect(await ids(lanhdao, 'escalated')).not.toContain(c.id);
    expect((await counts(lanhdao)).escalated).toBe(before.escalated - 1);
    const bad = await lanhdao.get('/api/letter-cases?due=reported');
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual(['querystring.due']);
  });
});
