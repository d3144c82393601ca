// The client applications' keys through the staff API: a rotated key replaces the old one at once (audited, replayed on retry),
// a name in use is refused on its field, bad input names its field and writes nothing, and only administrators of the unit act.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, open311Clients } from '../../db/schema';
import type { TestApp, TestClient } from '../../testing/harness';
import { issueKey, lightReport, open311Errors, postForm, startTestApp } from './open311.test-helpers';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginAs('admin');
}, 120_000);
afterAll(() => t.close());

interface Client {
  id: string;
  name: string;
  keyPrefix: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
const listed = async (id: string) => (await admin.get('/api/open311/clients')).json<Client[]>().find((c) => c.id === id);
const fieldsOf = (res: { statusCode: number; body: string; json: <T>() => T }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<{ error: { details: { fields: Array<{ path: string; message: string }> } } }>().error.details.fields;
};
const clientCount = () => t.db.$count(open311Clients);

describe('rotating a key', () => {
  it('gives a new key once: the old one is refused at once, the new one works, the list and the audit follow', async () => {
    const { id, apiKey: oldKey } = await issueKey(t, '99001', 'Ứng dụng đổi khoá');
    expect((await postForm(t, lightReport(oldKey))).statusCode).toBe(201);
    expect((await listed(id))?.lastUsedAt).not.toBeNull();

    const res = await admin.post(`/api/open311/clients/${id}/rotate`);
    expect(res.statusCode, res.body).toBe(200);
    const { client, apiKey } = res.json<{ client: Client; apiKey: string }>();
    expect(apiKey).toMatch(/^dv311_[A-Za-z0-9_-]{40,}$/);
    expect(apiKey).not.toBe(oldKey);
    expect(client).toMatchObject({ id, name: 'Ứng dụng đổi khoá', keyPrefix: apiKey.slice(0, 12), revokedAt: null, lastUsedAt: null });

    expect(open311Errors(await postForm(t, lightReport(oldKey)), 403)[0]).toMatch(/^api_key: /);
    expect((await postForm(t, lightReport(apiKey))).statusCode).toBe(201);
    const after = await listed(id);
    expect(after?.keyPrefix).toBe(apiKey.slice(0, 12));
    expect(after?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(after)).not.toContain(apiKey);

    const [row] = await t.db.select().from(open311Clients).where(eq(open311Clients.id, id));
    expect(JSON.stringify(row)).not.toContain(apiKey);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'open311.client.rotate')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { keyPrefix: oldKey.slice(0, 12) }, after: { keyPrefix: apiKey.slice(0, 12) } });
    expect(JSON.stringify(audit)).not.toContain(apiKey);
    expect(JSON.stringify(audit)).not.toContain(oldKey);
  });

  it('answers a retry with the same Idempotency-Key with the same key, rotating once', async () => {
    const { id } = await issueKey(t, '99001', 'Ứng dụng đổi khoá hai lần bấm');
    const send = () => admin.request({ method: 'POST', url: `/api/open311/clients/${id}/rotate`, headers: { 'idempotency-key': `rotate-${id}` } });
    const first = await send();
    const again = await send();
    expect(first.statusCode, first.body).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const key = first.json<{ apiKey: string }>().apiKey;
    expect(again.json<{ apiKey: string }>().apiKey).toBe(key);
    expect((await postForm(t, lightReport(key))).statusCode).toBe(201);
    expect(await t.db.$count(auditLog, and(eq(auditLog.entityId, id), eq(auditLog.action, 'open311.client.rotate')))).toBe(1);
  });

  it('refuses a revoked application (409), and is for administrators of the unit only', async () => {
    const { id, apiKey } = await issueKey(t, '99001', 'Ứng dụng đã ngừng');
    expect((await admin.post(`/api/open311/clients/${id}/revoke`)).statusCode).toBe(200);
    const refused = await admin.post(`/api/open311/clients/${id}/rotate`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('open311_client_revoked');
    open311Errors(await postForm(t, lightReport(apiKey)), 403);

    const live = await issueKey(t, '99001', 'Ứng dụng của xã An Bình');
    const before = (await listed(live.id))?.keyPrefix;
    // A commune administrator elsewhere does not see it; an officer may not; nobody signed in is asked to sign in.
    expect((await (await t.loginAs('admin.binhminh')).post(`/api/open311/clients/${live.id}/rotate`)).statusCode).toBe(404);
    expect((await (await t.loginAs('tiepdan.anbinh')).post(`/api/open311/clients/${live.id}/rotate`)).statusCode).toBe(403);
    expect((await t.anonymous().post(`/api/open311/clients/${live.id}/rotate`)).statusCode).toBe(401);
    const noCsrf = await admin.request({ method: 'POST', url: `/api/open311/clients/${live.id}/rotate`, headers: { 'x-csrf-token': '' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await admin.post('/api/open311/clients/00000000-0000-4000-8000-000000000000/rotate')).statusCode).toBe(404);
    expect((await listed(live.id))?.keyPrefix).toBe(before);
    expect((await postForm(t, lightReport(live.apiKey))).statusCode).toBe(201);
  });
});

describe('registering an application', () => {
  it('refuses a name already in use in the unit on the name field (409), free again once revoked or in another unit', async () => {
    const { id } = await issueKey(t, '99001', 'Cổng phản ánh thôn Đông');
    const count = await clientCount();
    const unitId = await t.unitId('99001');
    const fields = fieldsOf(await admin.post('/api/open311/clients', { name: '  cổng phản ánh THÔN ĐÔNG ', unitId }), 409);
    expect(fields).toEqual([{ path: 'body.name', message: 'Đơn vị đã có ứng dụng đang hoạt động với tên này' }]);
    expect(await clientCount()).toBe(count);

    expect((await admin.post('/api/open311/clients', { name: 'Cổng phản ánh thôn Đông', unitId: await t.unitId('99002') })).statusCode).toBe(201);
    expect((await admin.post(`/api/open311/clients/${id}/revoke`)).statusCode).toBe(200);
    expect((await admin.post('/api/open311/clients', { name: 'Cổng phản ánh thôn Đông', unitId })).statusCode).toBe(201);
  });

  it('names each bad field (400) and writes nothing', async () => {
    const count = await clientCount();
    const audits = await t.db.$count(auditLog);
    const unknownUnit = fieldsOf(await admin.post('/api/open311/clients', { name: 'Ứng dụng A', unitId: '00000000-0000-4000-8000-000000000000' }), 400);
    expect(unknownUnit).toEqual([{ path: 'body.unitId', message: 'Không tìm thấy đơn vị' }]);
    const blank = fieldsOf(await admin.post('/api/open311/clients', { name: '   ', unitId: await t.unitId('99001'), contact: 'x'.repeat(301) }), 400);
    expect(blank.map((f) => f.path).sort()).toEqual(['body.contact', 'body.name']);
    expect(await clientCount()).toBe(count);
    expect(await t.db.$count(auditLog)).toBe(audits);
  });
});
