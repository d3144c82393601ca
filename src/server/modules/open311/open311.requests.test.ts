// GET requests.json and requests/{id}.json field by field: status from the letter and its cases, filters, the page/page_size extension, nothing personal, nothing protected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterPage } from '../../../common/letters-inbox.schema';
import type { TestApp, TestClient } from '../../testing/harness';
import { actOk, classifyOk, content } from '../letters/letters.test-helpers';
import { BASE, issueKey, lightReport, open311Errors, postForm, startTestApp } from './open311.test-helpers';

let t: TestApp;
let key: string;
let officer: TestClient;
const codes: string[] = [];

const get = (path: string) => t.app.inject({ method: 'GET', url: `${BASE}${path}` });
type View = Record<string, unknown> & { service_request_id: string; status: string };
const list = async (query = '') => {
  const res = await get(`/requests.json${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<View[]>();
};
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+07:00$/;
const FIELDS = [
  'address',
  'address_id',
  'agency_responsible',
  'description',
  'expected_datetime',
  'lat',
  'long',
  'media_url',
  'requested_datetime',
  'service_code',
  'service_name',
  'service_notice',
  'service_request_id',
  'status',
  'status_notes',
  'updated_datetime',
  'zipcode',
];

async function post(over: Record<string, string | string[]> = {}): Promise<string> {
  const res = await postForm(t, lightReport(key, over));
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json<Array<{ service_request_id: string }>>()[0]?.service_request_id ?? '';
  codes.push(code);
  return code;
}

async function letterIdOf(code: string): Promise<string> {
  const page = (await officer.get(`/api/letters?q=${encodeURIComponent(code)}`)).json<LetterPage>();
  return page.items[0]?.id ?? '';
}

beforeAll(async () => {
  t = await startTestApp();
  key = (await issueKey(t)).apiKey;
  officer = await t.loginAs('tiepdan.anbinh');
  await post({ media_url: 'https://anh.example.vn/den-hong.jpg' });
  await post({ service_code: 'HTGT', 'attribute[loai_su_co]': 'o_ga', 'attribute[tinh_trang]': [], lat: '', long: '', address_string: '', address_id: 'AB-0012' });
  await post({ description: 'Đèn sáng cả ngày ở ngõ 3.', 'attribute[tinh_trang]': 'sang_ban_ngay' });
  await post({ service_code: 'CXDT', 'attribute[tinh_trang]': [], description: 'Cây đổ chắn đường, tôi là Lê Thị Thu ở số 5.' });
}, 120_000);
afterAll(() => t.close());

describe('GET requests.json', () => {
  it('answers every field of the specification, newest first, without the writer', async () => {
    const all = await list();
    expect(all.map((r) => r.service_request_id)).toEqual([...codes].reverse());
    for (const r of all) {
      expect(Object.keys(r).sort()).toEqual(FIELDS);
      expect(r.requested_datetime).toMatch(W3);
      expect(r.updated_datetime).toMatch(W3);
    }
    const first = all.find((r) => r.service_request_id === codes[0]);
    // Not yet classified: it may still turn out to be a denunciation, so what was said and where is not shown.
    expect(first).toMatchObject({
      status: 'open',
      status_notes: 'Chờ phân loại',
      service_name: 'Chiếu sáng công cộng',
      service_code: 'CSCC',
      description: null,
      agency_responsible: 'Xã An Bình',
      address: null,
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    });
    expect(first?.service_notice).toMatch(/10 ngày làm việc/);
    // Expected: the processing deadline of the letter, 10 working days after receipt.
    expect(first?.expected_datetime).toMatch(W3);
    expect(Date.parse(String(first?.expected_datetime))).toBeGreaterThan(Date.parse(String(first?.requested_datetime)) + 9 * 86_400_000);
    const body = JSON.stringify(all);
    for (const personal of ['thu.le@example.vn', '0912 340 777', 'Lê Thị Thu', 'first_name', 'email', 'phone', 'Ba cột đèn', 'AB-0012', 'Đường liên thôn', '10.7769']) expect(body).not.toContain(personal);
  });

  it('filters by service_code, status, dates and jurisdiction; service_request_id overrides the rest', async () => {
    expect((await list('?service_code=HTGT,CXDT')).map((r) => r.service_code).sort()).toEqual(['CXDT', 'HTGT']);
    expect(await list('?status=closed')).toEqual([]);
    expect((await list('?status=open,closed')).length).toBe(codes.length);
    const future = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString());
    expect(await list(`?start_date=${future}`)).toEqual([]);
    expect((await list(`?end_date=${future}&start_date=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`)).length).toBe(codes.length);
    expect(await list('?jurisdiction_id=99002')).toEqual([]);
    expect((await list('?jurisdiction_id=99')).length).toBe(codes.length);
    const two = await list(`?service_request_id=${codes[0]},${codes[2]}&status=closed&service_code=NOPE`);
    expect(two.map((r) => r.service_request_id).sort()).toEqual([codes[0], codes[2]].sort());
  });

  it('pages with page and page_size', async () => {
    const p1 = await list('?page_size=3&page=1');
    const p2 = await list('?page_size=3&page=2');
    const p3 = await list('?page_size=3&page=3');
    expect(p1).toHaveLength(3);
    expect(p2).toHaveLength(1);
    expect(p3).toEqual([]);
    expect([...p1, ...p2].map((r) => r.service_request_id)).toEqual([...codes].reverse());
  });

  it('names each bad argument', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?start_date=hôm-qua', /^start_date: /],
      ['?end_date=2026-13-45T00:00:00Z', /^end_date: /],
      ['?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', /^end_date: .*90/],
      ['?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', /^start_date: /],
      ['?status=pending', /^status: /],
      ['?page=0', /^page: /],
      ['?page_size=1001', /^page_size: .*1000/],
      ['?status=open&status=closed', /^status: /],
    ];
    for (const [query, expected] of cases) {
      const errs = open311Errors(await get(`/requests.json${query}`), 400);
      expect(errs.some((e) => expected.test(e)), `${query} → ${errs.join(' | ')}`).toBe(true);
    }
    // An unknown jurisdiction is not found (GeoReport v2 lists 404), once the other arguments are well formed.
    expect(open311Errors(await get('/requests.json?jurisdiction_id=nowhere'), 404)).toEqual(['jurisdiction_id: không có đơn vị mã "nowhere"']);
    expect(open311Errors(await get('/requests.json?jurisdiction_id=nowhere&page=0'), 400)[0]).toMatch(/^page: /);
  });
});

describe('GET requests/{id}.json', () => {
  it('answers one request in an array, and 404 for an unknown id', async () => {
    const res = await get(`/requests/${codes[1] ?? ''}.json`);
    expect(res.statusCode).toBe(200);
    const [one, ...rest] = res.json<View[]>();
    expect(rest).toEqual([]);
    expect(Object.keys(one ?? {}).sort()).toEqual(FIELDS);
    expect(one?.service_request_id).toBe(codes[1]);
    expect(open311Errors(await get('/requests/DT-00000-000000-0000.json'), 404)[0]).toMatch(/^service_request_id: /);
  });

  it('is closed once every case has ended, with the state as status notes', async () => {
    const code = codes[2] ?? '';
    const letter = await classifyOk(officer, await letterIdOf(code), [content('feedback')]);
    const caseId = letter.cases[0]?.id ?? '';
    const processing = (await get(`/requests/${code}.json`)).json<View[]>()[0];
    // Feedback: what was said is published now (open311.privacy.test.ts covers the other types).
    expect(processing).toMatchObject({ status: 'open', status_notes: 'Chờ xử lý đơn', agency_responsible: 'Xã An Bình', description: 'Đèn sáng cả ngày ở ngõ 3.' });
    expect(processing?.expected_datetime).toMatch(W3);
    await actOk(officer, caseId, 'file_away', { data: { fileReason: 'already_resolved', reason: 'Đã sửa đèn theo phản ánh trước' } });
    const closed = (await get(`/requests/${code}.json`)).json<View[]>()[0];
    expect(closed).toMatchObject({ status: 'closed', status_notes: 'Lưu đơn', expected_datetime: null });
    expect(Date.parse(String(closed?.updated_datetime))).toBeGreaterThanOrEqual(Date.parse(String(processing?.updated_datetime)));
    expect((await list('?status=closed')).map((r) => r.service_request_id)).toEqual([code]);
    expect((await list('?status=open')).map((r) => r.service_request_id)).not.toContain(code);
  });

  it('never shows a request found to hold a denunciation', async () => {
    const code = codes[3] ?? '';
    await classifyOk(officer, await letterIdOf(code), [content('denunciation', { summary: 'Tố cáo cán bộ địa chính' })]);
    open311Errors(await get(`/requests/${code}.json`), 404);
    expect((await list()).map((r) => r.service_request_id)).not.toContain(code);
    expect(await list(`?service_request_id=${code}`)).toEqual([]);
  });
});
