// POST requests.json: form-encoded and JSON, a feedback letter in the right unit, every bad argument named, API keys issued, revoked and rate-limited.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterView } from '../../../common/letters.schema';
import type { LetterPage } from '../../../common/letters-inbox.schema';
import { auditLog, open311Clients, open311Requests } from '../../db/schema';
import type { TestApp } from '../../testing/harness';
import { countRows } from '../dossiers/dossiers.test-helpers';
import { POSTS_PER_KEY_PER_MIN } from './open311.routes';
import { BASE, issueKey, lightReport, open311Errors, postForm, postJson, startTestApp } from './open311.test-helpers';

let t: TestApp;
let key: string;
beforeAll(async () => {
  t = await startTestApp();
  key = (await issueKey(t)).apiKey;
}, 120_000);
afterAll(() => t.close());

const letterCount = () => countRows(t, 'letters');

describe('POST requests.json', () => {
  it('files a form-encoded request as a feedback letter that the officers of the unit see', async () => {
    const res = await postForm(t, lightReport(key, { account_id: 'app-user-42' }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<Array<Record<string, unknown>>>();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(body).toHaveLength(1);
    const [created] = body;
    expect(Object.keys(created ?? {}).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(created?.service_request_id).toMatch(/^DT-99001-\d{6}-\d{4}$/);
    expect(created?.service_notice).toMatch(/10 ngày làm việc/);
    expect(created?.account_id).toBe('app-user-42');

    const officer = await t.loginAs('tiepdan.anbinh');
    const page = (await officer.get('/api/letters?state=received')).json<LetterPage>();
    const item = page.items.find((l) => l.code === created?.service_request_id);
    expect(item).toMatchObject({ channel: 'open311', declaredKind: 'feedback', subject: 'Chiếu sáng công cộng', anonymous: false, identityProtected: false });
    expect(item?.unit.id).toBe(await t.unitId('99001'));
    const letter = (await officer.get(`/api/letters/${item?.id ?? ''}`)).json<LetterView>();
    expect(letter.content).toContain('Ba cột đèn trước nhà văn hoá thôn Đông');
    expect(letter.content).toContain('Địa điểm: Đường liên thôn Đông – Tây, xã An Bình; toạ độ 10.7769, 106.7009');
    expect(letter.content).toContain('Tình trạng: Không sáng');
    // The writer is sealed like every letter's until it is classified.
    expect(letter.identity.status).toBe('sealed');
    expect(JSON.stringify(letter)).not.toContain('thu.le@example.vn');

    const [stored] = await t.db.select().from(open311Requests).where(eq(open311Requests.letterId, item?.id ?? ''));
    expect(stored).toMatchObject({ serviceCode: 'CSCC', lat: 10.7769, long: 106.7009, attributes: { tinh_trang: 'khong_sang' } });
    expect(JSON.stringify(stored)).not.toContain('app-user-42');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'open311.request.create'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/thu\.le|0912 340 777|Lê Thị/);
  });

  it('takes a JSON body with an attribute object and a multivaluelist, and a jurisdiction below the key’s unit', async () => {
    const provinceKey = (await issueKey(t, '99', 'Ứng dụng của tỉnh')).apiKey;
    const res = await postJson(t, {
      api_key: provinceKey,
      jurisdiction_id: '99002',
      service_code: 'VSMT',
      lat: 10.78,
      long: 106.69,
      description: 'Bãi rác tự phát đầu ngõ 12.',
      attribute: { loai_o_nhiem: ['rac_thai', 'khoi_bui'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json<Array<{ service_request_id: string }>>()[0]?.service_request_id;
    expect(code).toMatch(/^DT-99002-/);
    const leader = await t.loginAs('lanhdao.tinh');
    const found = (await leader.get(`/api/letters?q=${encodeURIComponent(code ?? '')}`)).json<LetterPage>();
    expect(found.items[0]?.unit.id).toBe(await t.unitId('99002'));
    // Without a jurisdiction the request goes to the key's own unit.
    const noJurisdiction = await postForm(t, lightReport(provinceKey));
    expect(noJurisdiction.json<Array<{ service_request_id: string }>>()[0]?.service_request_id).toMatch(/^DT-99-/);
    // A form repeats the key for a multivaluelist.
    const form = await postForm(t, { api_key: key, service_code: 'VSMT', address_string: 'Chợ An Bình', 'attribute[loai_o_nhiem][]': ['rac_thai', 'tieng_on'] });
    expect(form.statusCode, form.body).toBe(201);
  });

  it('names the field and writes nothing for each bad argument', async () => {
    const before = await letterCount();
    const cases: Array<[Record<string, string | string[]>, RegExp]> = [
      [{ lat: 'abc' }, /^lat: /],
      [{ lat: '95', long: '106.7' }, /^lat: .*6.*24/],
      [{ long: '200' }, /^long: /],
      [{ long: '' }, /^long: .*lat/],
      [{ lat: '', long: '', address_string: '' }, /^lat\/long: .*address_string.*address_id/],
      [{ description: 'x'.repeat(4001) }, /^description: .*4000/],
      [{ 'attribute[tinh_trang]': 'vang' }, /^attribute\[tinh_trang\]: .*vang/],
      [{ 'attribute[khong_co]': 'x' }, /^attribute\[khong_co\]: /],
      [{ 'attribute[tinh_trang]': '' }, /^attribute\[tinh_trang\]: .*bắt buộc/],
      [{ email: 'not-an-email' }, /^email: /],
      [{ phone: 'gọi tôi' }, /^phone: /],
      [{ media_url: 'javascript:alert(1)' }, /^media_url: /],
      [{ service_code: '' }, /^service_code: /],
    ];
    for (const [over, expected] of cases) {
      const errs = open311Errors(await postForm(t, lightReport(key, over)), 400);
      expect(errs.some((e) => expected.test(e)), `${JSON.stringify(over)} → ${errs.join(' | ')}`).toBe(true);
    }
    const typed = open311Errors(await postForm(t, { api_key: key, service_code: 'CTN', address_string: 'Ngõ 5', 'attribute[do_sau_ngap]': 'sâu', 'attribute[thoi_diem]': 'hôm qua' }), 400);
    expect(typed).toHaveLength(2);
    expect(typed[0]).toMatch(/^attribute\[do_sau_ngap\]: /);
    expect(typed[1]).toMatch(/^attribute\[thoi_diem\]: /);
    expect(await letterCount()).toBe(before);
  });

  it('answers 404 for an unknown service and 403 for a missing, wrong or revoked key', async () => {
    expect(open311Errors(await postForm(t, lightReport(key, { service_code: 'NOPE' })), 404)[0]).toMatch(/^service_code: /);
    // A jurisdiction that does not exist, or one outside the key's unit: not found either (GeoReport v2 lists 404), nothing written.
    const before = await letterCount();
    for (const jurisdiction_id of ['nowhere', '99002'])
      expect(open311Errors(await postForm(t, lightReport(key, { jurisdiction_id })), 404), jurisdiction_id).toEqual([
        `jurisdiction_id: không có đơn vị mã "${jurisdiction_id}" thuộc phạm vi của ứng dụng`,
      ]);
    expect(await letterCount()).toBe(before);
    const { api_key: _drop, ...noKey } = lightReport(key);
    expect(open311Errors(await postForm(t, noKey), 403)[0]).toMatch(/^api_key: /);
    expect(open311Errors(await postForm(t, lightReport(`${key}x`)), 403)[0]).toMatch(/^api_key: /);

    const issued = await issueKey(t, '99001', 'Ứng dụng thử');
    expect((await postForm(t, lightReport(issued.apiKey))).statusCode).toBe(201);
    const revoked = await issued.admin.post(`/api/open311/clients/${issued.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    expect(open311Errors(await postForm(t, lightReport(issued.apiKey)), 403)[0]).toMatch(/^api_key: /);
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, issued.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['open311.client.create', 'open311.client.revoke']);
  });

  it('answers a retry with the same Idempotency-Key once, without a second letter', async () => {
    const before = await letterCount();
    const headers = { 'idempotency-key': 'open311-retry-0001' };
    const first = await postForm(t, lightReport(key), headers);
    const again = await postForm(t, lightReport(key), headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await letterCount()).toBe(before + 1);
  });

  it('answers an unparsable body in the specification format', async () => {
    const res = await t.app.inject({ method: 'POST', url: `${BASE}/requests.json`, payload: '{"api_key":', headers: { 'content-type': 'application/json' } });
    open311Errors(res, 400);
  });
});

describe('API keys (staff)', () => {
  it('are stored hashed, listed without the key, and only for administrators of the unit', async () => {
    const { id, apiKey, admin } = await issueKey(t, '99001', 'Ứng dụng kiểm tra khoá');
    const [row] = await t.db.select().from(open311Clients).where(eq(open311Clients.id, id));
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(apiKey);
    const list = await admin.get('/api/open311/clients');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(apiKey);
    expect(list.json<Array<{ id: string; keyPrefix: string }>>().find((c) => c.id === id)?.keyPrefix).toBe(apiKey.slice(0, 12));
    // A commune administrator neither sees nor revokes the province's keys, nor issues one for another unit.
    const communeAdmin = await t.loginAs('admin.binhminh');
    expect((await communeAdmin.get('/api/open311/clients')).json<unknown[]>()).toEqual([]);
    expect((await communeAdmin.post(`/api/open311/clients/${id}/revoke`)).statusCode).toBe(404);
    expect((await communeAdmin.post('/api/open311/clients', { name: 'x', unitId: await t.unitId('99001') })).statusCode).toBe(403);
    const officer = await t.loginAs('tiepdan.anbinh');
    expect((await officer.post('/api/open311/clients', { name: 'x', unitId: await t.unitId('99001') })).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/open311/clients')).statusCode).toBe(401);
  });

  it('limits posts per key', async () => {
    const a = await issueKey(t, '99001', 'Ứng dụng gửi dồn dập');
    const b = await issueKey(t, '99001', 'Ứng dụng khác');
    // Refused requests count too: the limit is on what a key sends, not on what gets through (all from one address, under its own limit).
    for (let i = 0; i < POSTS_PER_KEY_PER_MIN; i++) expect((await postForm(t, { api_key: a.apiKey, service_code: 'CSCC' })).statusCode).toBe(400);
    open311Errors(await postForm(t, { api_key: a.apiKey, service_code: 'CSCC' }), 429);
    expect((await postForm(t, { api_key: b.apiKey, service_code: 'CSCC' })).statusCode).toBe(400);
  });
});
