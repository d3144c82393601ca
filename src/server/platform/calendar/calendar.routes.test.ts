// The calendar HTTP API against the real database: listing, official days with audit, permissions, validation, deadlines.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calendarDays } from '../../db/schema';
import { startTestApp, type TestApp, type TestClient } from '../../testing/harness';

interface Day {
  date: string;
  kind: string;
  name: string;
  source: string;
  legalBasis?: string;
}
interface YearView {
  year: number;
  days: Day[];
  settings: { afternoonCutoff: string | null };
  actions: string[];
}
interface ErrorBody {
  error: { code: string; details?: { fields?: Array<{ path: string }> } };
}

let t: TestApp;
let admin: TestClient;
let wardAdmin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginAs('admin');
  wardAdmin = await t.loginAs('admin.binhminh');
});
afterAll(() => t.close());

const year = async (c: TestClient, y: number) => {
  const res = await c.get(`/api/calendar/years/${y}`);
  expect(res.statusCode).toBe(200);
  return res.json<YearView>();
};
const dayOf = (v: YearView, date: string) => v.days.find((d) => d.date === date);
const fieldPaths = (body: ErrorBody) => (body.error.details?.fields ?? []).map((f) => f.path).sort();
const auditOf = (date: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'calendar_day'), eq(auditLog.entityId, date))).orderBy(auditLog.id);

describe('GET /api/calendar/years/:year', () => {
  it('lists the rule holidays with the settings', async () => {
    const v = await year(admin, 2026);
    expect(v.year).toBe(2026);
    expect(dayOf(v, '2026-02-17')).toEqual({
      date: '2026-02-17',
      kind: 'holiday',
      name: 'Tết Nguyên đán (mùng 1)',
      source: 'rule',
      legalBasis: 'Bộ luật Lao động 2019, Điều 112 khoản 1',
    });
    expect(dayOf(v, '2026-11-24')?.source).toBe('rule');
    expect(v.settings.afternoonCutoff).toBe('15:00');
    expect(v.actions).toEqual(['calendar.manage']);
  });

  it('is readable by a ward administrator, who may not manage it', async () => {
    const v = await year(wardAdmin, 2026);
    expect(dayOf(v, '2026-01-01')?.kind).toBe('holiday');
    expect(v.actions).toEqual([]);
  });

  it('asks for a sign-in', async () => {
    const res = await t.anonymous().get('/api/calendar/years/2026');
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error.code).toBe('unauthenticated');
  });

  it('refuses a year outside the supported range', async () => {
    for (const bad of ['1899', '2200', 'abc']) {
      const res = await admin.get(`/api/calendar/years/${bad}`);
      expect(res.statusCode).toBe(400);
      expect(fieldPaths(res.json<ErrorBody>())).toEqual(['params.year']);
    }
  });
});

describe('official days', () => {
  it('records a swapped working Saturday, merges it into the year and audits the change', async () => {
    const res = await admin.put('/api/calendar/days/2026-02-28', { kind: 'working_day', name: 'Làm bù cho ngày 13/02', legalBasis: 'Thông báo 01/TB-BNV' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Day>()).toEqual({ date: '2026-02-28', kind: 'working_day', name: 'Làm bù cho ngày 13/02', source: 'official', legalBasis: 'Thông báo 01/TB-BNV' });
    expect(dayOf(await year(admin, 2026), '2026-02-28')?.source).toBe('official');

    const again = await admin.put('/api/calendar/days/2026-02-28', { kind: 'working_day', name: 'Làm bù Tết' });
    expect(again.json<Day>().legalBasis).toBeUndefined();
    const entries = await auditOf('2026-02-28');
    expect(entries.map((e) => e.action)).toEqual(['calendar.day.create', 'calendar.day.update']);
    expect(entries[0]?.before).toBeNull();
    expect(entries[1]?.before).toMatchObject({ name: 'Làm bù cho ngày 13/02' });
    expect(entries[1]?.after).toMatchObject({ name: 'Làm bù Tết', kind: 'working_day' });
    expect(entries[1]?.actorLabel).toContain('(admin)');
  });

  it('cancels a rule holiday with an official working day, and DELETE restores the rule', async () => {
    await admin.put('/api/calendar/days/2027-05-03', { kind: 'working_day', name: 'Đi làm bình thường' });
    let v = await year(admin, 2027);
    expect(v.days.filter((d) => d.date === '2027-05-03')).toEqual([
      { date: '2027-05-03', kind: 'working_day', name: 'Đi làm bình thường', source: 'official' },
    ]);
    const del = await admin.delete('/api/calendar/days/2027-05-03');
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ ok: true });
    v = await year(admin, 2027);
    expect(dayOf(v, '2027-05-03')).toMatchObject({ kind: 'holiday', source: 'rule' });
    expect((await auditOf('2027-05-03')).map((e) => e.action)).toEqual(['calendar.day.create', 'calendar.day.delete']);
    expect((await admin.delete('/api/calendar/days/2027-05-03')).statusCode).toBe(404);
  });

  it('forbids a ward administrator and changes nothing', async () => {
    const put = await wardAdmin.put('/api/calendar/days/2026-06-01', { kind: 'day_off', name: 'Nghỉ' });
    expect(put.statusCode).toBe(403);
    expect(put.json<ErrorBody>().error.code).toBe('forbidden');
    await admin.put('/api/calendar/days/2026-06-02', { kind: 'day_off', name: 'Nghỉ thêm' });
    expect((await wardAdmin.delete('/api/calendar/days/2026-06-02')).statusCode).toBe(403);
    expect((await wardAdmin.put('/api/calendar/settings', { afternoonCutoff: '10:00' })).statusCode).toBe(403);
    const rows = await t.db.select().from(calendarDays).where(eq(calendarDays.year, 2026));
    expect(rows.map((r) => r.day)).not.toContain('2026-06-01');
    expect(rows.map((r) => r.day)).toContain('2026-06-02');
    expect(await auditOf('2026-06-01')).toHaveLength(0);
    expect((await admin.get('/api/calendar/settings')).json()).toEqual({ afternoonCutoff: '15:00' });
  });

  it('asks for a sign-in before writing', async () => {
    expect((await t.anonymous().put('/api/calendar/days/2026-06-03', { kind: 'day_off', name: 'x' })).statusCode).toBe(401);
    expect((await t.anonymous().delete('/api/calendar/days/2026-06-02')).statusCode).toBe(401);
  });

  it('names each invalid field and writes nothing', async () => {
    const badDate = await admin.put('/api/calendar/days/2026-02-30', { kind: 'day_off', name: 'Nghỉ' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<ErrorBody>().error.code).toBe('invalid_input');
    expect(fieldPaths(badDate.json<ErrorBody>())).toEqual(['params.date']);
    const badBody = await admin.put('/api/calendar/days/2026-07-01', { kind: 'holiday', name: '  ' });
    expect(fieldPaths(badBody.json<ErrorBody>())).toEqual(['body.kind', 'body.name']);
    const outOfRange = await admin.put('/api/calendar/days/2200-01-01', { kind: 'day_off', name: 'Nghỉ' });
    expect(fieldPaths(outOfRange.json<ErrorBody>())).toEqual(['params.date']);
    const rows = await t.db.select().from(calendarDays).where(eq(calendarDays.day, '2026-07-01'));
    expect(rows).toHaveLength(0);
    expect(await auditOf('2026-07-01')).toHaveLength(0);
  });
});

describe('settings and the deadline calculator', () => {
  const due = (c: TestClient, body: Record<string, unknown>) => c.post('/api/calendar/due', body);

  it('moves a Friday start after 15:00 to Monday', async () => {
    const res = await due(wardAdmin, { start: '2026-03-06T15:01:00+07:00', amount: 1, unit: 'working_days' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      start: '2026-03-06T15:01:00.000+07:00',
      effectiveStart: '2026-03-09',
      dueDate: '2026-03-10',
      dueAt: '2026-03-10T23:59:59.999+07:00',
    });
    const noCutoff = await due(wardAdmin, { start: '2026-03-06T08:01:00Z', amount: 1, unit: 'working_days', applyCutoff: false });
    expect(noCutoff.json<{ dueDate: string }>().dueDate).toBe('2026-03-09');
    const calendarDaysRes = await due(wardAdmin, { start: '2026-04-23T10:00:00+07:00', amount: 7, unit: 'calendar_days' });
    expect(calendarDaysRes.json<{ dueDate: string }>().dueDate).toBe('2026-05-04');
  });

  it('follows the official schedule and the cutoff setting, from the answer of the edit on', async () => {
    // Read first, so that the process holds the calendar (kept a few seconds) when the edit comes.
    const r0 = await due(admin, { start: '2026-03-13T09:00:00+07:00', amount: 1, unit: 'working_days' });
    expect(r0.json<{ dueDate: string }>().dueDate).toBe('2026-03-16');
    await admin.put('/api/calendar/days/2026-03-16', { kind: 'day_off', name: 'Nghỉ thêm' });
    const r1 = await due(admin, { start: '2026-03-13T09:00:00+07:00', amount: 1, unit: 'working_days' });
    expect(r1.json<{ dueDate: string }>().dueDate).toBe('2026-03-17');
    expect((await admin.delete('/api/calendar/days/2026-03-16')).statusCode).toBe(200);
    const r1b = await due(admin, { start: '2026-03-13T09:00:00+07:00', amount: 1, unit: 'working_days' });
    expect(r1b.json<{ dueDate: string }>().dueDate).toBe('2026-03-16');

    const put = await admin.put('/api/calendar/settings', { afternoonCutoff: '16:30' });
    expect(put.statusCode).toBe(200);
    expect((await admin.get('/api/calendar/settings')).json()).toEqual({ afternoonCutoff: '16:30' });
    const r2 = await due(admin, { start: '2026-03-19T16:00:00+07:00', amount: 1, unit: 'working_days' });
    expect(r2.json<{ effectiveStart: string }>().effectiveStart).toBe('2026-03-19');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.settings.update'));
    expect(audit.map((a) => [a.before, a.after])).toEqual([[{ afternoonCutoff: '15:00' }, { afternoonCutoff: '16:30' }]]);

    expect(fieldPaths((await admin.put('/api/calendar/settings', { afternoonCutoff: '25:00' })).json<ErrorBody>())).toEqual([
      'body.afternoonCutoff',
    ]);
  });

  it('refuses bad input and dates past the calendar', async () => {
    const bad = await due(admin, { start: '2026-03-06T15:01:00', amount: -1, unit: 'weeks' });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad.json<ErrorBody>())).toEqual(['body.amount', 'body.start', 'body.unit']);
    const far = await due(admin, { start: '2199-12-30T09:00:00+07:00', amount: 10, unit: 'working_days' });
    expect(far.statusCode).toBe(400);
    expect(far.json<ErrorBody>().error.code).toBe('calendar_year_out_of_range');
    expect((await t.anonymous().post('/api/calendar/due', { start: '2026-03-06T10:00:00Z', amount: 1, unit: 'working_days' })).statusCode).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents every calendar route under the calendar tag', async () => {
    const spec = (await admin.get('/api/openapi.json')).json<{ paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> }>();
    const ops = Object.entries(spec.paths)
      .filter(([p]) => p.startsWith('/api/calendar/'))
      .flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, ...op })));
    expect(ops.map((o) => o.route).sort()).toEqual([
      'DELETE /api/calendar/days/{date}',
      'GET /api/calendar/settings',
      'GET /api/calendar/years/{year}',
      'POST /api/calendar/due',
      'PUT /api/calendar/days/{date}',
      'PUT /api/calendar/settings',
    ]);
    for (const op of ops) {
      expect(op.tags).toEqual(['calendar']);
      expect(op.summary).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
  });
});
