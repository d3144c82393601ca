// Dossier statistics through HTTP on a controlled set of dossiers placed in time: every counter and rate, each grouping, scope, bad ranges, CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsCounters, StatsResult, StatsRow } from '../../../../common/dossier-stats.schema';
import type { DossierView } from '../../../../common/dossiers.schema';
import type { TestClient } from '../../../testing/harness';
import { errorOf, fieldPaths, startDossierApp, type DossierTestApp } from '../dossiers.test-helpers';
import { actorsOf, at, MISSING, rateOk, received, REFUSAL, resolve, step, submittedOnline, type Actors } from './stats.test-data';

let t: DossierTestApp;
let a: Actors;
let tinh: TestClient;
const unit: Record<string, string> = {};

const P = 'from=2026-03-01&to=2026-04-30';
const TOTAL_P = {
  received: 10,
  submittedOnline: 1,
  inProgress: 7,
  overdue: null,
  early: 1,
  onTime: 2,
  late: 1,
  resolved: 4,
  returnedForCompletion: 2,
  refused: 2,
  withdrawn: 1,
  stopped: 1,
  onTimeRate: 0.75,
  lateRate: 0.25,
  satisfaction: 3.67,
  ratings: 3,
} satisfies StatsCounters;

const ZERO = { received: 0, submittedOnline: 0, inProgress: 0, early: 0, onTime: 0, late: 0, resolved: 0, returnedForCompletion: 0, refused: 0, withdrawn: 0, stopped: 0, ratings: 0 };

const rate = (code: string, secret: string, scores: [number, number, number, number, number]) => rateOk(t, code, secret, scores);

/**
 * The dossiers, by name (A = An Bình, B = Bình Minh, C = June). Period P is March–April 2026.
 * A1 received in February, returned on time in March; A2 early, A3 on time (March); A4 received
 * 27 March, returned late on 1 April; A5 received 29 April, returned in May; A6 and A13 received in
 * February (A13 at 23:30 on the 28th), never finished; A14 received at 00:10 on 1 March (field CT);
 * A7 asked to complete in March, accepted in April; A8 refused at the desk in April; A9 withdrawn
 * in March; A10 submitted online in April, not yet accepted; A11 received in April, stopped in May;
 * A12 received in May; A15 asked to complete in February, refused in March. B1 stopped in March,
 * B2 received in April (field HKD); B3 asked to complete in March and again in April. C1 and C2
 * received in June.
 */
async function buildDataset() {
  const hkd = { procedureCode: '2.000575' };
  const aOk = async (when: string, over: Record<string, unknown> = {}) => received(a.motcua, when, over);
  const a1 = await aOk('2026-02-27T10:00:00+07:00');
  await resolve(a, a1.dossier, 'on_time');
  const a2 = await aOk('2026-03-02T09:00:00+07:00');
  await resolve(a, a2.dossier, 'early');
  const a3 = await aOk('2026-03-03T09:00:00+07:00');
  await resolve(a, a3.dossier, 'on_time');
  const a4 = await aOk('2026-03-27T09:00:00+07:00');
  await resolve(a, a4.dossier, 'late');
  const a5 = await aOk('2026-04-29T09:00:00+07:00');
  const a5done: DossierView = await resolve(a, a5.dossier, 'on_time');
  expect(a5done.finishedAt?.slice(0, 7)).toBe('2026-05');
  await aOk('2026-02-24T09:00:00+07:00'); // A6
  const a7 = await aOk('2026-03-05T09:00:00+07:00', { decision: 'request_completion', data: MISSING });
  await step(a.motcua, a7.dossier, 'resubmit', '2026-04-02T08:00:00+07:00');
  await step(a.motcua, a7.dossier, 'accept', '2026-04-02T09:00:00+07:00');
  await aOk('2026-04-03T09:00:00+07:00', { procedureCode: '1.000894', decision: 'refuse', data: REFUSAL }); // A8
  const a9 = await aOk('2026-03-15T09:00:00+07:00');
  await step(a.motcua, a9.dossier, 'withdraw', '2026-03-20T09:00:00+07:00', { data: { reason: 'Công dân xin rút hồ sơ' } });
  await submittedOnline(t, unit['99001'] ?? '', '2026-04-10T09:00:00+07:00'); // A10
  const a11 = await aOk('2026-04-28T09:00:00+07:00');
  await step(a.motcua, a11.dossier, 'stop', '2026-05-02T09:00:00+07:00', { data: { reason: 'Cơ quan có thẩm quyền yêu cầu dừng' } });
  await aOk('2026-05-03T09:00:00+07:00'); // A12
  await aOk('2026-02-28T23:30:00+07:00'); // A13
  await aOk('2026-03-01T00:10:00+07:00', { procedureCode: '2.000815' }); // A14
  const a15 = await aOk('2026-02-25T09:00:00+07:00', { decision: 'request_completion', data: MISSING });
  await step(a.motcua, a15.dossier, 'refuse', '2026-03-10T09:00:00+07:00', { data: REFUSAL });
  const b1 = await received(a.motcuaBm, '2026-03-05T09:00:00+07:00', hkd);
  await step(a.motcuaBm, b1.dossier, 'stop', '2026-03-06T09:00:00+07:00', { data: { reason: 'Dừng theo đề nghị của cơ quan thuế' } });
  await received(a.motcuaBm, '2026-04-01T09:00:00+07:00', hkd); // B2
  const b3 = await received(a.motcuaBm, '2026-03-20T09:00:00+07:00', { ...hkd, decision: 'request_completion', data: MISSING });
  await step(a.motcuaBm, b3.dossier, 'resubmit', '2026-04-01T08:00:00+07:00');
  await step(a.motcuaBm, b3.dossier, 'request_completion', '2026-04-05T09:00:00+07:00', { data: MISSING });
  await aOk('2026-06-01T09:00:00+07:00'); // C1
  await aOk('2026-06-15T09:00:00+07:00'); // C2
  // Ratings: A2 5, A3 4, A4 2 (mean 3.67 in the period); A5 finished in May, its rating is not counted.
  await rate(a2.dossier.code, a2.secret, [5, 5, 5, 5, 5]);
  await rate(a3.dossier.code, a3.secret, [4, 4, 3, 4, 5]);
  await rate(a4.dossier.code, a4.secret, [2, 3, 2, 2, 1]);
  await rate(a5.dossier.code, a5.secret, [1, 1, 1, 1, 1]);
}

beforeAll(async () => {
  t = await startDossierApp();
  a = await actorsOf(t);
  tinh = await t.loginAs('lanhdao.tinh');
  for (const code of ['99', '99001', '99002', '99003', '99901']) unit[code] = await t.unitId(code);
  await buildDataset();
}, 120_000);
afterAll(() => t.close());

async function stats(client: TestClient, query: string): Promise<StatsResult> {
  const res = await client.get(`/api/dossiers/stats?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatsResult>();
}

const row = (r: StatsResult, key: string): StatsRow => {
  const found = r.rows.find((x) => x.key === key);
  if (!found) throw new Error(`no row ${key} in ${r.rows.map((x) => x.key).join(', ')}`);
  return found;
};

describe('counters of a past period', () => {
  it('counts every counter and rate of the province, and the total is the sum of its communes', async () => {
    const r = await stats(tinh, `${P}&groupBy=unit`);
    expect(r.period).toMatchObject({ from: '2026-03-01', to: '2026-04-30', current: false, asOf: '2026-04-30T16:59:59.999Z' });
    expect(r.unit).toMatchObject({ id: unit['99'], kind: 'province' });
    expect(r.total).toEqual(TOTAL_P);
    expect(row(r, unit['99001'] ?? '')).toMatchObject({
      label: 'Xã An Bình',
      received: 8,
      submittedOnline: 1,
      inProgress: 6,
      overdue: null,
      early: 1,
      onTime: 2,
      late: 1,
      resolved: 4,
      returnedForCompletion: 1,
      refused: 2,
      withdrawn: 1,
      stopped: 0,
      onTimeRate: 0.75,
      lateRate: 0.25,
      satisfaction: 3.67,
      ratings: 3,
    });
    expect(row(r, unit['99002'] ?? '')).toMatchObject({ label: 'Phường Bình Minh', received: 2, inProgress: 1, stopped: 1, returnedForCompletion: 1, resolved: 0, onTimeRate: null, lateRate: null, satisfaction: null });
    // Communes with nothing are listed with zeros; the district dissolved in 2025 is not.
    expect(row(r, unit['99003'] ?? '')).toMatchObject({ ...ZERO, onTimeRate: null, satisfaction: null });
    expect(r.rows.map((x) => x.key)).not.toContain(unit['99901']);
    expect(r.rows).toHaveLength(5);
    const labels = r.rows.map((x) => x.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('vi').compare));
  });

  it('splits by field (lĩnh vực) and by agency, the totals unchanged', async () => {
    const byField = await stats(tinh, `${P}&groupBy=field`);
    expect(byField.total).toEqual(TOTAL_P);
    expect(row(byField, 'HT')).toMatchObject({ label: 'Hộ tịch', detail: 'HT', received: 7, inProgress: 5, resolved: 4, refused: 2, ratings: 3 });
    expect(row(byField, 'CT')).toMatchObject({ label: 'Chứng thực', received: 1, inProgress: 1 });
    expect(row(byField, 'HKD')).toMatchObject({ received: 2, inProgress: 1, stopped: 1, returnedForCompletion: 1 });
    expect(byField.rows).toHaveLength(3);

    const byAgency = await stats(tinh, `${P}&groupBy=agency`);
    expect(byAgency.total).toEqual(TOTAL_P);
    const vhxh = row(byAgency, a.vhxh);
    // A dossier counts for the agency that holds it now: A5 (received in April, returned by this office in May) is here too.
    expect(vhxh).toMatchObject({ label: 'Phòng Văn hóa - Xã hội', detail: 'Xã An Bình', received: 4, early: 1, onTime: 2, late: 1, inProgress: 1, satisfaction: 3.67 });
    expect(row(byAgency, await t.agencyId('99002.MC'))).toMatchObject({ label: 'Bộ phận Một cửa', detail: 'Phường Bình Minh', received: 2, stopped: 1 });
  });

  it('per month: events in the month of their local date, in progress at each month end; asked to complete in two months counts in each, once in the total', async () => {
    const r = await stats(tinh, `${P}&groupBy=month`);
    expect(r.rows.map((x) => [x.key, x.label])).toEqual([
      ['2026-03', 'Tháng 3/2026'],
      ['2026-04', 'Tháng 4/2026'],
    ]);
    expect(row(r, '2026-03')).toEqual({
      key: '2026-03',
      label: 'Tháng 3/2026',
      detail: null,
      received: 6,
      submittedOnline: 0,
      inProgress: 4,
      overdue: null,
      early: 1,
      onTime: 2,
      late: 0,
      resolved: 3,
      returnedForCompletion: 2,
      refused: 1,
      withdrawn: 1,
      stopped: 1,
      onTimeRate: 1,
      lateRate: 0,
      satisfaction: 4.5,
      ratings: 2,
    });
    expect(row(r, '2026-04')).toMatchObject({ received: 4, submittedOnline: 1, inProgress: 7, late: 1, resolved: 1, refused: 1, returnedForCompletion: 1, onTimeRate: 0, lateRate: 1, satisfaction: 2, ratings: 1 });
    expect(r.total).toEqual(TOTAL_P);
    const en = await tinh.get(`/api/dossiers/stats?${P}&groupBy=month`, { 'accept-language': 'en' });
    expect(en.json<StatsResult>().rows.map((x) => x.label)).toEqual(['Mar 2026', 'Apr 2026']);
  });

  it('takes the period by Vietnamese local dates: 23:30 on 28 February is before 1 March, 00:10 on 1 March is in it', async () => {
    const first = await stats(tinh, 'from=2026-03-01&to=2026-03-01&groupBy=field');
    expect(first.total).toMatchObject({ received: 1, inProgress: 4 });
    expect(row(first, 'CT')).toMatchObject({ received: 1 });
    const feb = await stats(tinh, 'from=2026-02-28&to=2026-02-28&groupBy=field');
    expect(feb.total).toMatchObject({ received: 1, inProgress: 3 });
  });

  it('rolls a commune up to itself when it is the chosen unit', async () => {
    const r = await stats(tinh, `${P}&groupBy=unit&unitId=${unit['99001']}`);
    expect(r.rows.map((x) => x.key)).toEqual([unit['99001']]);
    expect(r.total).toMatchObject({ received: 8, inProgress: 6, refused: 2, returnedForCompletion: 1 });
  });
});

describe('a period that has not ended', () => {
  it('counts in progress and overdue as of now', async () => {
    const r = await at('2026-06-15T10:00:00+07:00', () => stats(a.lanhdao, 'from=2026-06-01&to=2026-06-30&groupBy=month'));
    expect(r.period).toMatchObject({ current: true, asOf: '2026-06-15T03:00:00.000Z' });
    expect(r.unit.id).toBe(unit['99001']);
    // Open in An Bình: A6, A7, A12, A13, A14 (long overdue), C1 (due 3 June), C2 (received today).
    expect(r.total).toMatchObject({ received: 2, inProgress: 7, overdue: 6, resolved: 0, onTimeRate: null, lateRate: null });
    expect(row(r, '2026-06')).toMatchObject({ overdue: 6, inProgress: 7 });
    const byUnit = await at('2026-06-15T10:00:00+07:00', () => stats(a.lanhdao, 'from=2026-06-01&to=2026-06-30'));
    expect(byUnit.rows).toHaveLength(1);
    expect(byUnit.rows[0]).toMatchObject({ overdue: 6, inProgress: 7 });
  });

  it('defaults to this year up to today', async () => {
    const r = await at('2026-06-15T10:00:00+07:00', () => stats(a.lanhdao, ''));
    expect(r.period).toMatchObject({ from: '2026-01-01', to: '2026-06-15', current: true });
    expect(r.groupBy).toBe('unit');
    expect(r.total.received).toBe(14);
  });
});

describe('scope', () => {
  it('shows a commune officer only their commune, and refuses another one', async () => {
    const own = await stats(a.motcuaBm, `${P}`);
    expect(own.unit.id).toBe(unit['99002']);
    expect(own.rows.map((x) => x.key)).toEqual([unit['99002']]);
    expect(own.total).toMatchObject({ received: 2, inProgress: 1, stopped: 1, resolved: 0, returnedForCompletion: 1 });
    const other = await a.motcuaBm.get(`/api/dossiers/stats?${P}&unitId=${unit['99001']}`);
    expect(other.statusCode).toBe(403);
    expect(errorOf(other).code).toBe('forbidden');
    const province = await a.motcuaBm.get(`/api/dossiers/stats?${P}&unitId=${unit['99']}`);
    expect(province.statusCode).toBe(403);
  });

  it('lets inspectors and viewers of the province see the province, not administrators or reception officers', async () => {
    for (const username of ['thanhtra.tinh', 'xem.tinh']) {
      const r = await stats(await t.loginAs(username), `${P}&groupBy=unit`);
      expect(r.total).toEqual(TOTAL_P);
    }
    for (const username of ['admin', 'tiepdan.anbinh', 'danvan.tinh']) {
      const res = await (await t.loginAs(username)).get(`/api/dossiers/stats?${P}`);
      expect(res.statusCode, username).toBe(403);
    }
    expect((await t.anonymous().get(`/api/dossiers/stats?${P}`)).statusCode).toBe(401);
    expect((await t.anonymous().get(`/api/dossiers/stats.csv?${P}`)).statusCode).toBe(401);
  });

  it('answers 404 for a unit that does not exist', async () => {
    const res = await tinh.get(`/api/dossiers/stats?${P}&unitId=00000000-0000-4000-8000-000000000000`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('unit_not_found');
  });
});

describe('bad input', () => {
  it.each([
    ['from=2026-04-30&to=2026-03-01', ['querystring.to']],
    ['from=2025-01-01&to=2026-01-02', ['querystring.to']],
    ['from=2026-02-30&to=2026-03-01', ['querystring.from']],
    ['from=20260101&to=2026-03-01', ['querystring.from']],
    [`${P}&groupBy=week`, ['querystring.groupBy']],
    [`${P}&unitId=abc`, ['querystring.unitId']],
  ])('%s → 400 %j', async (query, paths) => {
    const res = await tinh.get(`/api/dossiers/stats?${query}`);
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(paths);
  });

  it('accepts a whole leap year (366 days) and says why a longer period is refused, in both languages', async () => {
    expect((await tinh.get('/api/dossiers/stats?from=2024-01-01&to=2024-12-31')).statusCode).toBe(200);
    const vi = await tinh.get('/api/dossiers/stats?from=2025-01-01&to=2026-01-02');
    expect(vi.json<{ error: { details: { fields: Array<{ message: string }> } } }>().error.details.fields[0]?.message).toBe('Mỗi lần thống kê tối đa 366 ngày');
    const en = await tinh.get('/api/dossiers/stats?from=2025-01-01&to=2026-01-02', { 'accept-language': 'en' });
    expect(en.json<{ error: { details: { fields: Array<{ message: string }> } } }>().error.details.fields[0]?.message).toBe('A period covers at most 366 days');
  });
});

describe('CSV', () => {
  it('answers the same numbers as UTF-8 with a BOM, Vietnamese headers and a total row', async () => {
    const res = await tinh.get(`/api/dossiers/stats.csv?${P}&groupBy=unit`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="thong-ke-ho-so_2026-03-01_2026-04-30_don-vi.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Đơn vị,Tiếp nhận,Nộp trực tuyến,Đang giải quyết,Quá hạn hiện tại,Đã giải quyết,Trước hạn,Đúng hạn,Trễ hạn,Yêu cầu bổ sung,Từ chối,Rút hồ sơ,Dừng xử lý,Tỷ lệ đúng hạn (%),Tỷ lệ trễ hạn (%),Mức hài lòng bình quân,Số lượt đánh giá',
    );
    expect(lines).toContain('Xã An Bình,8,1,6,,4,1,2,1,1,2,1,0,75,25,3.67,3');
    expect(lines.at(-1)).toBe('Tổng cộng,10,1,7,,4,1,2,1,2,2,1,1,75,25,3.67,3');
    expect(lines).toHaveLength(7);

    const agencies = await tinh.get(`/api/dossiers/stats.csv?${P}&groupBy=agency`, { 'accept-language': 'en' });
    const head = agencies.body.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
    expect(head.startsWith('Agency,Of unit,Received,')).toBe(true);
    // A download link cannot send Accept-Language: `lang` in the query picks the headers' language.
    const linked = await tinh.get(`/api/dossiers/stats.csv?${P}&groupBy=field&lang=en`);
    expect(linked.body.replace(/^\uFEFF/, '').split('\r\n')[0]?.startsWith('Field,Field code,Received,')).toBe(true);
    expect((await tinh.get('/api/dossiers/stats.csv?from=2026-04-30&to=2026-03-01')).statusCode).toBe(400);
  });
});
