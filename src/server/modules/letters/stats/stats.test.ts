// Letter statistics through HTTP on letters with known outcomes placed in time: every figure, each grouping, the time counted, scope, bad input, the audited CSV.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LetterStatsCounters, LetterStatsResult, LetterStatsRow } from '../../../../common/letter-stats.schema';
import type { TestClient } from '../../../testing/harness';
import { clock } from '../letters.clock';
import { actOk, errorOf, fieldPaths, startLetterApp } from '../letters.test-helpers';
import { at, buildDataset, doc, peopleOf, step, type Dataset, type LetterTestApp, type People } from './stats.test-data';

let t: LetterTestApp;
let p: People;
let d: Dataset;
let tinh: TestClient;
const unit: Record<string, string> = {};
const realNow = clock.now;

const P = 'from=2026-03-01&to=2026-04-30';

/** Period P for the province, as it stood at the end of April. */
const TOTAL_P = {
  letters: 13,
  toClassify: 1,
  duplicates: 1,
  anonymous: 2,
  cases: 12,
  processable: 11,
  notProcessable: 1,
  withinJurisdiction: 8,
  accepted: 4,
  resolved: 2,
  resolvedRate: 0.25,
  forwarded: 1,
  guided: 1,
  returned: 1,
  filed: 1,
  referred: 0,
  withdrawn: 1,
  inProgress: 5,
  overdue: 4,
  finishedLate: 1,
} satisfies LetterStatsCounters;

const ZERO = Object.fromEntries(Object.keys(TOTAL_P).map((k) => [k, 0]));

beforeAll(async () => {
  t = await startLetterApp();
  for (const code of ['99', '99001', '99002', '99003']) unit[code] = await t.unitId(code);
  p = await peopleOf(t);
  tinh = await t.loginAs('lanhdao.tinh');
  d = await buildDataset(p, unit['99002'] ?? '');
  clock.now = realNow;
}, 240_000);
afterEach(() => {
  clock.now = realNow;
});
afterAll(() => t.close());

async function stats(client: TestClient, query: string): Promise<LetterStatsResult> {
  const res = await client.get(`/api/letters/stats?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LetterStatsResult>();
}

const row = (r: LetterStatsResult, key: string): LetterStatsRow | undefined => r.rows.find((x) => x.key === key);

describe('GET /api/letters/stats by unit', () => {
  it('counts every figure of the province from the records, as they stood at the end of a period that has ended', async () => {
    const r = await stats(tinh, P);
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-04-30', current: false, asOf: '2026-04-30T16:59:59.999Z' });
    expect(r.unit).toMatchObject({ id: unit['99'], kind: 'province' });
    expect(r.total).toEqual(TOTAL_P);
    // Letters by the unit that received them, cases by the unit that handles them (A14 was sent to Bình Minh).
    expect(row(r, unit['99001'] ?? '')).toMatchObject({
      label: 'Xã An Bình',
      letters: 12,
      toClassify: 1,
      duplicates: 1,
      anonymous: 2,
      cases: 10,
      processable: 9,
      notProcessable: 1,
      withinJurisdiction: 6,
      accepted: 3,
      resolved: 2,
      resolvedRate: 2 / 6,
      forwarded: 1,
      guided: 1,
      returned: 1,
      filed: 1,
      withdrawn: 1,
      inProgress: 3,
      overdue: 3,
      finishedLate: 1,
    });
    expect(row(r, unit['99002'] ?? '')).toMatchObject({
      label: 'Phường Bình Minh',
      letters: 1,
      cases: 2,
      processable: 2,
      withinJurisdiction: 2,
      accepted: 1,
      resolved: 0,
      resolvedRate: 0,
      inProgress: 2,
      overdue: 1,
      finishedLate: 0,
    });
    // Every commune valid in the period has its row, with zeros when nothing happened there; rows add up to the total.
    expect(row(r, unit['99003'] ?? '')).toMatchObject({ label: 'Xã Hòa Lạc', ...ZERO, resolvedRate: null });
    for (const k of ['letters', 'cases', 'withinJurisdiction', 'resolved', 'overdue'] as const) expect(r.rows.reduce((s, x) => s + x[k], 0)).toBe(r.total[k]);
  });

  it('keeps an ended period as it stood at its end, while a running one counts as of now', async () => {
    at('2026-06-01T10:00:00');
    await step(p.chuyenvienB, d.b1, '2026-06-01T08:00:00', 'submit_report', { data: { report: 'Đã xác minh' } });
    at('2026-06-01T10:00:00');
    await actOk(p.tiepdanB, d.b1, 'resolve', {
      data: { result: 'rejected', decisionNumber: '40/QĐ-UBND', decisionDate: '2026-06-01', signer: 'Chủ tịch UBND phường' },
      attachments: await doc(p.tiepdanB),
    });
    clock.now = realNow;
    expect((await stats(tinh, P)).total).toEqual(TOTAL_P);

    at('2026-06-02T09:00:00');
    const now = await stats(tinh, 'from=2026-03-01&to=2026-06-02');
    expect(now.period).toMatchObject({ current: true, asOf: '2026-06-02T02:00:00.000Z' });
    // A13 (May) is in; B1 is resolved, after its deadline of mid-May.
    expect(now.total).toMatchObject({ letters: 14, toClassify: 2, cases: 12, accepted: 4, resolved: 3, resolvedRate: 3 / 8, inProgress: 4, overdue: 4, finishedLate: 2 });
  });
});

describe('GET /api/letters/stats by type and by month', () => {
  it('counts a letter under each type it holds and once in the total; letters not classified have their own row', async () => {
    const r = await stats(tinh, `${P}&groupBy=type&lang=en`);
    expect(r.rows.map((x) => [x.key, x.label, x.letters, x.cases])).toEqual([
      ['complaint', 'Complaint', 6, 5],
      ['denunciation', 'Denunciation', 2, 2],
      ['petition', 'Petition', 2, 2],
      ['feedback', 'Feedback', 3, 3],
      ['unclassified', 'Not classified yet', 1, 0],
    ]);
    expect(row(r, 'complaint')).toMatchObject({ duplicates: 1, accepted: 3, resolved: 2, returned: 1, finishedLate: 1, overdue: 1, withinJurisdiction: 4 });
    expect(row(r, 'denunciation')).toMatchObject({ anonymous: 1, notProcessable: 1, filed: 1, accepted: 1, overdue: 1 });
    expect(row(r, 'feedback')).toMatchObject({ anonymous: 1, guided: 1, withdrawn: 1, overdue: 1 });
    expect(row(r, 'unclassified')).toMatchObject({ toClassify: 1 });
    expect(r.total).toEqual(TOTAL_P);
  });

  it('puts letters and cases in the month of their receipt, every month of the period listed', async () => {
    const r = await stats(tinh, 'from=2026-02-15&to=2026-04-30&groupBy=month');
    expect(r.rows.map((x) => [x.key, x.label, x.letters, x.cases])).toEqual([
      ['2026-02', 'Tháng 2/2026', 1, 1],
      ['2026-03', 'Tháng 3/2026', 6, 6],
      ['2026-04', 'Tháng 4/2026', 7, 6],
    ]);
    expect(r.total).toMatchObject({ letters: 14, cases: 13 });
  });
});

describe('scope and permission', () => {
  it('shows a commune officer their commune only, and refuses another commune and administrators', async () => {
    const r = await stats(p.tiepdanA, P);
    expect(r.unit.id).toBe(unit['99001']);
    expect(r.total).toMatchObject({ letters: 12, cases: 10, resolved: 2, withinJurisdiction: 6, overdue: 3 });
    expect(r.rows.map((x) => x.key)).toEqual([unit['99001']]);
    const other = await p.tiepdanA.get(`/api/letters/stats?${P}&unitId=${unit['99002']}`);
    expect(other.statusCode).toBe(403);
    const admin = await t.loginAs('admin');
    expect((await admin.get(`/api/letters/stats?${P}`)).statusCode).toBe(403);
    // The province sees the commune's figures when it picks the commune.
    expect((await stats(tinh, `${P}&unitId=${unit['99001']}`)).total).toEqual(r.total);
    // Roles that read dossier statistics read these too; the ability is in the session.
    const motcua = await t.loginAs('motcua.anbinh');
    expect((await stats(motcua, P)).total.letters).toBe(12);
    const session = (await motcua.get('/api/auth/session')).json<{ user: { abilities: string[] } }>();
    expect(session.user.abilities).toContain('letter.stats');
  });

  it('answers bad input with the field and why', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-02-30', 'querystring.from'],
      ['from=2026-04-01&to=2026-03-01', 'querystring.to'],
      ['from=2025-01-01&to=2026-03-01', 'querystring.to'],
      ['groupBy=agency', 'querystring.groupBy'],
      ['unitId=abc', 'querystring.unitId'],
    ];
    for (const [query, path] of cases) {
      const res = await tinh.get(`/api/letters/stats?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(fieldPaths(res), query).toEqual([path]);
    }
    const long = await tinh.get('/api/letters/stats?from=2025-01-01&to=2026-03-01');
    expect(errorOf(long).details).toMatchObject({ fields: [{ message: 'Mỗi lần thống kê tối đa 366 ngày' }] });
  });
});

describe('GET /api/letters/stats.csv', () => {
  it('exports the table with Vietnamese headers (English on request) and records who exported what', async () => {
    const res = await tinh.get(`/api/letters/stats.csv?${P}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="thong-ke-don-thu_2026-03-01_2026-04-30_don-vi.csv"');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Đơn vị,Đơn tiếp nhận,Đơn chưa phân loại,Đơn trùng,"Đơn nặc danh, mạo danh",Số vụ việc,Đủ điều kiện xử lý,Không đủ điều kiện xử lý,Thuộc thẩm quyền,Đã thụ lý,Đã giải quyết,Tỷ lệ giải quyết (%),Chuyển đơn,Hướng dẫn,Trả lại đơn,Lưu đơn,Chuyển thanh tra (tố cáo nặc danh),Rút đơn,"Đang xử lý, giải quyết",Đang quá hạn,Kết thúc trễ hạn',
    );
    expect(lines).toContain('Xã An Bình,12,1,1,2,10,9,1,6,3,2,33.3,1,1,1,1,0,1,3,3,1');
    expect(lines.at(-1)).toBe('Tổng cộng,13,1,1,2,12,11,1,8,4,2,25,1,1,1,1,0,1,5,4,1');
    expect(lines).toContain('Xã Hòa Lạc,0,0,0,0,0,0,0,0,0,0,,0,0,0,0,0,0,0,0,0');

    const en = await tinh.get(`/api/letters/stats.csv?${P}&groupBy=type&lang=en`);
    expect(en.body.slice(1).split('\r\n')[0]?.startsWith('Type,Letters received,Not classified yet,Duplicates,Anonymous,Cases')).toBe(true);

    const audit = await (await t.loginAs('admin')).get('/api/audit?action=letter.stats.export');
    expect(audit.statusCode, audit.body).toBe(200);
    const entries = audit.json<{ items: Array<{ actorLabel: string; unitId: string; after: unknown }> }>().items;
    expect(entries).toHaveLength(2);
    const byUnit = entries.find((e) => (e.after as { groupBy: string }).groupBy === 'unit');
    expect(byUnit).toMatchObject({ unitId: unit['99'], after: { from: '2026-03-01', to: '2026-04-30', groupBy: 'unit', rows: 5 } });
    expect(byUnit?.actorLabel).toContain('lanhdao.tinh');
  });

  it('writes nothing and says why for bad input', async () => {
    const res = await tinh.get('/api/letters/stats.csv?from=2026-04-01&to=2026-03-01');
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['querystring.to']);
  });
});
