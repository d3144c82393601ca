// Signing in and out through the HTTP API: sessions, CSRF, lockout, and errors that say which field is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../testing/harness';
import { MAX_FAILED_LOGINS } from './auth.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('auth', () => {
  it('signs in, reports the session with abilities, and signs out', async () => {
    const c = await t.loginAs('admin');
    const me = await c.get('/api/auth/session');
    expect(me.statusCode).toBe(200);
    const body = me.json<{ user: { username: string; abilities: string[]; grants: Array<{ role: string }> } }>();
    expect(body.user.username).toBe('admin');
    expect(body.user.grants.map((g) => g.role)).toEqual(['admin']);
    expect(body.user.abilities).toContain('staff.manage');
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    const after = await c.get('/api/auth/session');
    expect(after.json<{ user: unknown }>().user).toBeNull();
  });

  it('sets an httpOnly SameSite=Strict cookie', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'xem.tinh', password: TEST_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'dv_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('rejects a wrong password with a generic message and no stack trace', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'viewer-nobody', password: 'x' });
    expect(res.statusCode).toBe(401);
    const body = res.json<{ error: { code: string; message: string; requestId: string } }>();
    expect(body.error.code).toBe('invalid_credentials');
    expect(body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(res.headers['x-request-id']).toBe(body.error.requestId);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers in English when asked', async () => {
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.json<{ error: { message: string } }>().error.message).toBe('Wrong username or password');
  });

  it('names each invalid field', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: '' });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { code: string; details: { fields: Array<{ path: string; message: string }> } } }>().error;
    expect(fields.code).toBe('invalid_input');
    expect(fields.details.fields.map((f) => f.path).sort()).toEqual(['body.password', 'body.username']);
    expect(fields.details.fields.find((f) => f.path === 'body.username')?.message).toBe('Không được để trống');
    expect(fields.details.fields.find((f) => f.path === 'body.password')?.message).toBe('Bắt buộc nhập');
  });

  it('refuses an unsafe request of a session without the CSRF token', async () => {
    const c = await t.loginAs('admin');
    const res = await c.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('csrf_invalid');
    expect((await c.get('/api/auth/session')).json<{ user: unknown }>().user).not.toBeNull();
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const anon = t.anonymous();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      const r = await anon.post('/api/auth/login', { username: 'tiepdan.anbinh', password: 'wrong' });
      expect(r.statusCode).toBe(401);
    }
    const locked = await anon.post('/api/auth/login', { username: 'tiepdan.anbinh', password: 'wrong' });
    expect(locked.statusCode).toBe(423);
    const right = await anon.post('/api/auth/login', { username: 'tiepdan.anbinh', password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json<{ error: { code: string } }>().error.code).toBe('account_locked');
  });
});
