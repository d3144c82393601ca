// Test-only helpers of the Open311 tests: the app, an API key issued through the staff API, form and JSON posts.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../../testing/harness';

export { startTestApp } from '../../testing/harness';

export const BASE = '/open311/v2';

/** An application key issued by the province administrator, its requests going to `unitCode` by default. */
export async function issueKey(t: TestApp, unitCode = '99001', name = 'Ứng dụng phản ánh hiện trường'): Promise<{ id: string; apiKey: string; admin: TestClient }> {
  const admin = await t.loginAs('admin');
  const res = await admin.post('/api/open311/clients', { name, unitId: await t.unitId(unitCode), contact: 'cntt@example.vn' });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ client: { id: string }; apiKey: string }>();
  return { id: body.client.id, apiKey: body.apiKey, admin };
}

/** A form-encoded post as the specification sends it; arrays repeat the key. */
export function postForm(t: TestApp, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return t.app.inject({ method: 'POST', url: `${BASE}/requests.json`, payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

export function postJson(t: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `${BASE}/requests.json`, payload: body, headers });
}

/** A valid street-light report at An Bình. */
export const lightReport = (apiKey: string, over: Record<string, string | string[]> = {}) => ({
  api_key: apiKey,
  service_code: 'CSCC',
  lat: '10.7769',
  long: '106.7009',
  address_string: 'Đường liên thôn Đông – Tây, xã An Bình',
  description: 'Ba cột đèn trước nhà văn hoá thôn Đông không sáng đã một tuần.',
  'attribute[tinh_trang]': 'khong_sang',
  first_name: 'Thu',
  last_name: 'Lê Thị',
  email: 'thu.le@example.vn',
  phone: '0912 340 777',
  ...over,
});

/** The Open311 error array: every element `{ code, description }` with the HTTP status. */
export function open311Errors(res: LightMyRequestResponse, status: number): string[] {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<Array<{ code: number; description: string }>>();
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const e of body) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
  }
  expect(res.body).not.toMatch(/\bat \w+ \(|node_modules|\.ts:\d+/);
  return body.map((e) => e.description);
}
