// Citizen accounts through HTTP: one-time codes by email and SMS (read back from the logging adapters), sessions with CSRF, limits, no enumeration.
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CitizenMeView, CitizenSessionView } from '../../../common/citizens.schema';
import { auditLog, citizenOtps, citizens, notifications } from '../../db/schema';
import { startTestApp, type TestApp } from '../../testing/harness';
import { OTP_MAX_ATTEMPTS, OTP_PER_CONTACT } from './citizens.otp';
import { OTP_REQUESTS_PER_IP, SIGN_INS_PER_IP_PER_MIN } from './citizens.routes';
import { captureDeliveries, citizenHelpers, type Delivered } from './citizens.test-helpers';

let t: TestApp;
let sent: Delivered[];
let h: ReturnType<typeof citizenHelpers>;

beforeAll(async () => {
  t = await startTestApp();
  sent = captureDeliveries(t);
  h = citizenHelpers(t, sent);
  await t.drainOutbox();
});
afterAll(() => t.close());
beforeEach(() => {
  sent.length = 0;
});

const post = (url: string, payload: Record<string, unknown>, extra: Partial<InjectOptions> = {}) => h.post(url, payload, extra);
const codeFor = (contact: string) => h.codeFor(contact);

describe('signing in by one-time code', () => {
  it('sends a code by email, signs in with it once, and keeps the session apart from staff sessions', async () => {
    const asked = await post('/api/citizen/otp', { contact: '  Dan.Nguyen@Example.VN ' });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ ok: true, expiresInMinutes: 10 });
    const [otp] = await t.db.select().from(citizenOtps).where(eq(citizenOtps.contact, 'dan.nguyen@example.vn'));
    expect(otp?.codeHash).toMatch(/^[0-9a-f]{64}$/);

    await t.app.notifier.runOnce();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'email', to: 'd***@example.vn' });
    const code = /(\d{6})/.exec(sent[0]?.text ?? '')?.[1] ?? '';
    expect(sent[0]?.text).toContain(`Mã xác thực đăng nhập của Ông/Bà là: ${code}`);
    expect(JSON.stringify(otp)).not.toContain(code);
    // Delivered, the code no longer sits in the outbox.
    const [row] = await t.db.select().from(notifications).where(eq(notifications.entityId, otp?.id ?? ''));
    expect(row).toMatchObject({ status: 'sent', template: 'citizen.otp', sensitive: true });
    expect(row?.body).not.toContain(code);

    const res = await post('/api/citizen/session', { contact: 'dan.nguyen@example.vn', code });
    expect(res.statusCode, res.body).toBe(200);
    const session = res.json<CitizenSessionView>();
    expect(session.citizen).toMatchObject({ kind: 'email', contact: 'dan.nguyen@example.vn' });
    const cookie = res.cookies.find((c) => c.name === 'dv_citizen');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.cookies.find((c) => c.name === 'dv_session')).toBeUndefined();

    const jar = { cookie: `dv_citizen=${cookie?.value ?? ''}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/citizen/me', headers: jar });
    expect(me.json<CitizenMeView>()).toEqual({ citizen: session.citizen, csrfToken: session.csrfToken });
    // The citizen's cookie is nothing to the staff API.
    expect((await t.app.inject({ method: 'GET', url: '/api/dossiers', headers: jar })).statusCode).toBe(401);

    const again = await post('/api/citizen/session', { contact: 'dan.nguyen@example.vn', code });
    expect(again.statusCode).toBe(401);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('otp_invalid');

    const forged = await t.app.inject({ method: 'POST', url: '/api/citizen/logout', headers: jar });
    expect(forged.statusCode).toBe(403);
    expect(forged.json<{ error: { code: string } }>().error.code).toBe('csrf_invalid');
    const out = await t.app.inject({ method: 'POST', url: '/api/citizen/logout', headers: { ...jar, 'x-csrf-token': session.csrfToken } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/citizen/me', headers: jar })).json<CitizenMeView>()).toEqual({ citizen: null, csrfToken: null });

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, session.citizen.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['citizen.create', 'citizen.login', 'citizen.logout']);
    expect(audit.every((a) => a.actorLabel === 'd***@example.vn (công dân)')).toBe(true);
  });

  it('sends the code by SMS to a mobile number written any usual way, to one account', async () => {
    const code = await codeFor('0912.345.678');
    expect(sent[0]).toMatchObject({ channel: 'sms', to: '*********678' });
    expect(sent[0]?.text).toBe(`Ma xac thuc Dan Van So: ${code} (hieu luc 10 phut). Khong cung cap ma cho bat ky ai.`);
    const first = await post('/api/citizen/session', { contact: '+84 912 345 678', code });
    expect(first.json<CitizenSessionView>().citizen).toMatchObject({ kind: 'phone', contact: '+84912345678' });
    const second = await post('/api/citizen/session', { contact: '0912345678', code: await codeFor('84912345678') });
    expect(second.json<CitizenSessionView>().citizen.id).toBe(first.json<CitizenSessionView>().citizen.id);
    expect(await t.db.$count(citizens, eq(citizens.contact, '+84912345678'))).toBe(1);
  });

  it('answers every request for a code the same way, and sends at most three per contact in 15 minutes', async () => {
    await h.signIn('co.tai.khoan@example.vn');
    const known = await post('/api/citizen/otp', { contact: 'co.tai.khoan@example.vn' });
    const unknown = await post('/api/citizen/otp', { contact: 'chua.co@example.vn' });
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.body).toBe(unknown.body);

    const contact = 'gioi.han@example.vn';
    const answers: string[] = [];
    for (let i = 0; i < OTP_PER_CONTACT + 2; i++) answers.push((await post('/api/citizen/otp', { contact })).body);
    expect(new Set(answers).size).toBe(1);
    expect(await t.db.$count(citizenOtps, eq(citizenOtps.contact, contact))).toBe(OTP_PER_CONTACT);
    expect(await t.db.$count(notifications, eq(notifications.recipient, contact))).toBe(OTP_PER_CONTACT);
  });

  it('holds the per-contact allowance when many requests for one contact arrive at once', async () => {
    const contact = 'cung.luc@example.vn';
    const answers = await Promise.all(Array.from({ length: OTP_PER_CONTACT + 3 }, () => post('/api/citizen/otp', { contact })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: OTP_PER_CONTACT + 3 }, () => 202));
    expect(await t.db.$count(citizenOtps, eq(citizenOtps.contact, contact))).toBe(OTP_PER_CONTACT);
  });

  it('gives a code five tries, refuses an expired one, and says the same for every failure', async () => {
    const contact = 'doan.ma@example.vn';
    const code = await codeFor(contact);
    const wrong = code === '000000' ? '111111' : '000000';
    const bodies: string[] = [];
    for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) {
      const res = await post('/api/citizen/session', { contact, code: wrong });
      expect(res.statusCode).toBe(401);
      bodies.push(res.json<{ error: { code: string; message: string } }>().error.message);
    }
    const late = await post('/api/citizen/session', { contact, code });
    expect(late.statusCode).toBe(401);
    expect(late.json<{ error: { message: string } }>().error.message).toBe(bodies[0]);
    expect(await t.db.$count(citizens, eq(citizens.contact, contact))).toBe(0);
    expect(await t.db.$count(auditLog, eq(auditLog.action, 'citizen.otp_failed'))).toBeGreaterThanOrEqual(OTP_MAX_ATTEMPTS + 1);

    const fresh = await codeFor('het.han@example.vn');
    // Ten minutes pass.
    await t.db.update(citizenOtps).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(citizenOtps.contact, 'het.han@example.vn'));
    expect((await post('/api/citizen/session', { contact: 'het.han@example.vn', code: fresh })).statusCode).toBe(401);
    const none = await post('/api/citizen/session', { contact: 'chua.xin.ma@example.vn', code: '123456' });
    expect(none.statusCode).toBe(401);
    expect(none.json<{ error: { message: string } }>().error.message).toBe(bodies[0]);
  });

  it('refuses a contact that is neither an email nor a Vietnamese mobile number, and a malformed code, with field paths in both languages', async () => {
    const vi = await post('/api/citizen/otp', { contact: '12345' });
    expect(vi.statusCode).toBe(400);
    expect(vi.json<{ error: { details: { fields: Array<{ path: string; message: string }> } } }>().error.details.fields).toEqual([
      { path: 'body.contact', message: 'Nhập địa chỉ thư điện tử hoặc số điện thoại di động Việt Nam' },
    ]);
    const en = await post('/api/citizen/otp', { contact: 'khong-phai-email@' }, { headers: { 'accept-language': 'en' } });
    expect(en.json<{ error: { details: { fields: Array<{ message: string }> } } }>().error.details.fields[0]?.message).toBe(
      'Enter an email address or a Vietnamese mobile number',
    );
    const bad = await post('/api/citizen/session', { contact: 'x@example.vn', code: '12ab', extra: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { fields: Array<{ path: string }> } } }>().error.details.fields.map((f) => f.path).sort()).toEqual(['body.code', 'body.extra']);
    expect(await t.db.$count(citizenOtps, eq(citizenOtps.contact, 'x@example.vn'))).toBe(0);
  });

  it('limits code requests and sign-in tries per address', async () => {
    const ip = '10.99.0.1';
    const codes: number[] = [];
    for (let i = 0; i <= OTP_REQUESTS_PER_IP; i++) codes.push((await post('/api/citizen/otp', { contact: `nguoi${i}@example.vn` }, { remoteAddress: ip })).statusCode);
    expect(codes.slice(0, OTP_REQUESTS_PER_IP).every((c) => c === 202)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    const tries: number[] = [];
    for (let i = 0; i <= SIGN_INS_PER_IP_PER_MIN; i++)
      tries.push((await post('/api/citizen/session', { contact: `thu${i}@example.vn`, code: '123456' }, { remoteAddress: '10.99.0.2' })).statusCode);
    expect(tries.slice(0, SIGN_INS_PER_IP_PER_MIN).every((c) => c === 401)).toBe(true);
    expect(tries.at(-1)).toBe(429);
  });
});

