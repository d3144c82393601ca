// What the public Open311 views show of a request: the description (redacted) and the location only once its letter holds
// nothing but petitions or feedback; before classification, and for a complaint, only its status and dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterPage } from '../../../common/letters-inbox.schema';
import type { TestApp, TestClient } from '../../testing/harness';
import { classifyOk, content } from '../letters/letters.test-helpers';
import { BASE, issueKey, lightReport, postForm, startTestApp } from './open311.test-helpers';

let t: TestApp;
let key: string;
let officer: TestClient;

type View = Record<string, unknown> & { service_request_id: string };
const HIDDEN = { description: null, address: null, address_id: null, lat: null, long: null, media_url: null };

async function one(code: string): Promise<View> {
  const res = await t.app.inject({ method: 'GET', url: `${BASE}/requests/${code}.json` });
  expect(res.statusCode, res.body).toBe(200);
  const view = res.json<View[]>()[0];
  // The list says the same as the single request.
  const listed = await t.app.inject({ method: 'GET', url: `${BASE}/requests.json?service_request_id=${code}` });
  expect(listed.json<View[]>()).toEqual([view]);
  return view ?? { service_request_id: '' };
}

async function post(over: Record<string, string | string[]> = {}): Promise<{ code: string; letterId: string }> {
  const res = await postForm(t, lightReport(key, { media_url: 'https://anh.example.vn/den.jpg', ...over }));
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json<Array<{ service_request_id: string }>>()[0]?.service_request_id ?? '';
  const page = (await officer.get(`/api/letters?q=${encodeURIComponent(code)}`)).json<LetterPage>();
  return { code, letterId: page.items[0]?.id ?? '' };
}

beforeAll(async () => {
  t = await startTestApp();
  key = (await issueKey(t)).apiKey;
  officer = await t.loginAs('tiepdan.anbinh');
}, 120_000);
afterAll(() => t.close());

describe('Open311 privacy: description and location', () => {
  it('are withheld until classification, shown (redacted) once the letter is feedback', async () => {
    const { code, letterId } = await post({ description: 'Đèn hỏng ở ngõ 7, tôi là Lê Thị Thu, số nhà 5.' });
    const before = await one(code);
    expect(before).toMatchObject({ service_request_id: code, status: 'open', status_notes: 'Chờ phân loại', service_code: 'CSCC', ...HIDDEN });
    expect(before.requested_datetime).toBeTruthy();
    expect(before.expected_datetime).toBeTruthy();

    await classifyOk(officer, letterId, [content('feedback')]);
    const after = await one(code);
    expect(after).toMatchObject({
      status: 'open',
      status_notes: 'Chờ xử lý đơn',
      address: 'Đường liên thôn Đông – Tây, xã An Bình',
      lat: 10.7769,
      long: 106.7009,
      media_url: 'https://anh.example.vn/den.jpg',
    });
    expect(after.description).toContain('Đèn hỏng ở ngõ 7, tôi là [họ tên]');
    expect(JSON.stringify(after)).not.toContain('Lê Thị Thu');
  });

  it('are shown for a petition', async () => {
    const { code, letterId } = await post({ description: 'Đề nghị lắp thêm đèn ở ngõ 9.' });
    await classifyOk(officer, letterId, [content('petition')]);
    expect(await one(code)).toMatchObject({ description: 'Đề nghị lắp thêm đèn ở ngõ 9.', lat: 10.7769 });
  });

  it('stay withheld for a complaint, and for a letter with a complaint beside its feedback', async () => {
    const complaint = await post({ description: 'Khiếu nại việc xã không sửa đèn.' });
    await classifyOk(officer, complaint.letterId, [content('complaint')]);
    expect(await one(complaint.code)).toMatchObject({ status: 'open', status_notes: 'Chờ xử lý đơn', ...HIDDEN });

    const mixed = await post({ description: 'Đèn hỏng; khiếu nại cán bộ không tiếp nhận.' });
    await classifyOk(officer, mixed.letterId, [content('feedback'), content('complaint')]);
    const view = await one(mixed.code);
    expect(view).toMatchObject(HIDDEN);
    expect(String(view.status_notes)).toContain('Chờ xử lý đơn');
    expect(JSON.stringify(await (await t.app.inject({ method: 'GET', url: `${BASE}/requests.json` })).json())).not.toContain('khiếu nại cán bộ');
  });

  it('follow the case a duplicate is filed with', async () => {
    const original = await post({ description: 'Đèn ngõ 11 không sáng.' });
    const classified = await classifyOk(officer, original.letterId, [content('feedback')]);
    const dup = await post({ description: 'Ngõ 11 tối om, đèn không sáng.' });
    expect(await one(dup.code)).toMatchObject(HIDDEN);
    const res = await officer.post(`/api/letters/${dup.letterId}/mark-duplicate`, { caseId: classified.cases[0]?.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(await one(dup.code)).toMatchObject({ description: 'Ngõ 11 tối om, đèn không sáng.', address: 'Đường liên thôn Đông – Tây, xã An Bình' });

    const complaint = await post({ description: 'Khiếu nại: xã trả lời chậm.' });
    const filed = await classifyOk(officer, complaint.letterId, [content('complaint')]);
    const dup2 = await post({ description: 'Khiếu nại lần hai: xã trả lời chậm.' });
    const res2 = await officer.post(`/api/letters/${dup2.letterId}/mark-duplicate`, { caseId: filed.cases[0]?.id });
    expect(res2.statusCode, res2.body).toBe(200);
    expect(await one(dup2.code)).toMatchObject(HIDDEN);
  });
});
