// The sign-in rate limit per client address, separate from the per-account lockout.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DANVAN_LOGIN_RATE_PER_MIN: '3' });
});
afterAll(() => t.close());

it('answers 429 with the error shape once an address exceeds the sign-in rate, across usernames', async () => {
  const anon = t.anonymous();
  const codes: number[] = [];
  for (const username of ['a1', 'a2', 'a3', 'a4']) codes.push((await anon.post('/api/auth/login', { username, password: 'x' })).statusCode);
  expect(codes).toEqual([401, 401, 401, 429]);
  const limited = await anon.post('/api/auth/login', { username: 'admin', password: 'x' });
  expect(limited.statusCode).toBe(429);
  expect(limited.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
});
