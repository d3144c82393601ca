// Health, the OpenAPI document and the shape of errors for unknown routes and malformed bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('system endpoints', () => {
  it('reports the engine and that every migration is applied', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; database: { engine: string; migrations: { applied: number; expected: number; upToDate: boolean } } }>();
    expect(body.status).toBe('ok');
    expect(body.database.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.database.migrations.upToDate).toBe(true);
    expect(body.database.migrations.applied).toBe(body.database.migrations.expected);
  });

  it('publishes an OpenAPI 3 document generated from the schemas', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths)).toContain('/api/audit');
    const ui = await t.anonymous().get('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API route with a JSON 404 and a request id', async () => {
    const res = await t.anonymous().get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    const body = res.json<{ error: { code: string; requestId: string } }>();
    expect(body.error.code).toBe('route_not_found');
    expect(res.headers['x-request-id']).toBe(body.error.requestId);
  });

  it('answers malformed JSON with a 400 error object and no stack trace', async () => {
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBeTruthy();
    expect(res.body).not.toMatch(/node_modules|at .+:\d+:\d+/);
  });

  it('refuses a NUL character anywhere in the input with 400 naming the field', async () => {
    const login = await t.anonymous().request({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json<{ error: { code: string; details: { fields: { path: string }[] } } }>().error).toMatchObject({ code: 'invalid_input', details: { fields: [{ path: 'body.username' }] } });
    const search = await t.anonymous().get('/api/public/procedures?q=gi%00ay');
    expect(search.statusCode).toBe(400);
    expect(search.json<{ error: { details: { fields: { path: string }[] } } }>().error.details.fields).toEqual([{ path: 'query.q', message: expect.any(String) as string }]);
  });

  it('sends security headers and keeps API answers out of caches', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps a request id given by a proxy', async () => {
    const res = await t.anonymous().get('/api/health', { 'x-request-id': 'proxy-req-12345' });
    expect(res.headers['x-request-id']).toBe('proxy-req-12345');
  });
});
