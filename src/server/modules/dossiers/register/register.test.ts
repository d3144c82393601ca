// The tracking register (form 07) through HTTP: the workbook and the CSV read back, scope, filters, the range limit, the audit entry, keyset pages.
import { parse } from 'csv-parse/sync';
import { desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView } from '../../../../common/dossiers.schema';
import { auditLog } from '../../../db/schema';
import { dayOfInstant, formatDate } from '../../../platform/calendar/local-date';
import type { TestClient } from '../../../testing/harness';
import { actOk, applicant, errorOf, fieldPaths, intakeOk, startDossierApp, type DossierTestApp } from '../dossiers.test-helpers';

/** The columns of form 07 as the Circular names them, written out here as the oracle. */
const HEADERS = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Số lượng hồ sơ (bộ)',
  'Tên người nộp hồ sơ/tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Ngày nhận hồ sơ',
  'Ngày hẹn trả kết quả',
  'Ngày chuyển hồ sơ',
  'Ngày có kết quả/YC bổ sung hồ sơ',
  'Ngày trả kết quả',
  'Ký nhận',
  'Ghi chú',
];

let t: DossierTestApp;
let motcua: TestClient, lanhdao: TestClient, chuyenvien: TestClient, motcuaBM: TestClient;
let returned: DossierView, extended: DossierView, binhMinh: DossierView, notReceived: DossierView;
const today = formatDate(dayOfInstant(new Date()));
const [yyyy, mm, dd] = today.split('-');
const todayVn = `${dd}/${mm}/${yyyy}`;
const todayExcel = new Date(`${today}T00:00:00Z`);

beforeAll(async () => {
  t = await startDossierApp();
  [motcua, lanhdao, chuyenvien, motcuaBM] = await Promise.all([
    t.loginAs('motcua.anbinh'),
    t.loginAs('lanhdao.anbinh'),
    t.loginAs('chuyenvien.anbinh'),
    t.loginAs('motcua.binhminh'),
  ]);
  const a = await intakeOk(motcua, { applicant: applicant({ name: 'Lê Thị Hoa', address: 'Thôn Đông, xã An Bình' }), data: { copies: 2 } });
  await actOk(motcua, a.dossier.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
  const me = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
  await actOk(lanhdao, a.dossier.id, 'assign', { assigneeId: me });
  await actOk(chuyenvien, a.dossier.id, 'submit_for_approval');
  await actOk(lanhdao, a.dossier.id, 'approve');
  returned = await actOk(motcua, a.dossier.id, 'return_result');
  const b = await intakeOk(motcua);
  const newDue = new Date(Date.parse((b.dossier.dueAt ?? '').slice(0, 10)) + 7 * 86_400_000).toISOString().slice(0, 10);
  extended = await actOk(motcua, b.dossier.id, 'extend', { dueOverride: newDue, data: { reason: 'Cần xác minh' } });
  notReceived = (await intakeOk(motcua, { decision: 'request_completion', data: { missingDocuments: [{ name: 'Giấy chứng sinh' }] } })).dossier;
  binhMinh = (await intakeOk(motcuaBM)).dossier;
});
afterAll(() => t.close());

const url = (format: 'xlsx' | 'csv', q: Record<string, string> = {}) =>
  `/api/dossiers/register.${format}?${new URLSearchParams({ from: today, to: today, ...q }).toString()}`;

async function workbook(client: TestClient, q: Record<string, string> = {}) {
  const res = await client.get(url('xlsx', q));
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers['content-disposition']).toBe(`attachment; filename="so-theo-doi-ho-so_${today}_${today}.xlsx"`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 4) rows.push((row.values as unknown[]).slice(1));
  });
  return { ws, rows };
}

async function csv(client: TestClient, q: Record<string, string> = {}) {
  const res = await client.get(url('csv', q));
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse<Record<string, string>>(res.rawPayload.toString('utf8'), { bom: true, columns: true });
}

const codeColumn = 1;

describe('the workbook and the CSV', () => {
  it('lists the dossiers received in the period with the columns of form 07', async () => {
    const { ws, rows } = await workbook(motcua);
    expect(ws.getCell('A1').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getCell('A2').value).toBe(`Từ ngày ${todayVn} đến ngày ${todayVn}`);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(HEADERS);
    const codes = rows.map((r) => r[codeColumn]);
    expect(codes).toContain(returned.code);
    expect(codes).toContain(extended.code);
    // Not received (waiting for completion), or received by another commune: not in An Bình's register.
    expect(codes).not.toContain(notReceived.code);
    expect(codes).not.toContain(binhMinh.code);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));

    const r = rows.find((x) => x[codeColumn] === returned.code) ?? [];
    expect(r.slice(2, 7)).toEqual([returned.procedureName, 2, 'Lê Thị Hoa', 'Thôn Đông, xã An Bình; 0912345678', 'Phòng Văn hóa - Xã hội']);
    // Dates are real dates in the workbook (the local day at midnight UTC, so no time zone shifts them).
    expect(r.slice(7, 12)).toEqual([todayExcel, new Date(`${(returned.steps.find((s) => s.action === 'accept')?.dueAt ?? '').slice(0, 10)}T00:00:00Z`), todayExcel, todayExcel, todayExcel]);
    expect(r[13]).toMatch(/^Đã trả kết quả; Trả kết quả (trước|đúng) hạn$/);
    const e = rows.find((x) => x[codeColumn] === extended.code) ?? [];
    expect(e[6] ?? null).toBeNull();
    expect(e[13]).toBe(`Đã tiếp nhận; Gia hạn đến ${extended.dueAt?.slice(8, 10)}/${extended.dueAt?.slice(5, 7)}/${extended.dueAt?.slice(0, 4)}`);
  });

  it('gives the same rows in CSV, with a byte-order mark and Vietnamese dates', async () => {
    const { rows } = await workbook(motcua);
    const records = await csv(motcua);
    expect(Object.keys(records[0] ?? {})).toEqual(HEADERS);
    expect(records.map((r) => r['Mã hồ sơ'])).toEqual(rows.map((r) => r[codeColumn]));
    const r = records.find((x) => x['Mã hồ sơ'] === returned.code);
    expect(r).toMatchObject({
      'Tên người nộp hồ sơ/tổ chức': 'Lê Thị Hoa',
      'Địa chỉ, số điện thoại': 'Thôn Đông, xã An Bình; 0912345678',
      'Số lượng hồ sơ (bộ)': '2',
      'Ngày nhận hồ sơ': todayVn,
      'Ngày trả kết quả': todayVn,
      'Ký nhận': '',
    });
  });

  it('quotes commas and quotes, and keeps a text that starts like a formula from running in a spreadsheet', async () => {
    const address = '=HYPERLINK("http://example.com/x", "Xem")';
    const { dossier } = await intakeOk(motcua, { applicant: applicant({ name: 'Đỗ Văn Công', address }) });
    const r = (await csv(motcua)).find((x) => x['Mã hồ sơ'] === dossier.code);
    expect(r?.['Địa chỉ, số điện thoại']).toBe(`'${address}; 0912345678`);
  });
});

describe('scope, filters and limits', () => {
  it('shows each user only the dossiers they may read; administrators read none', async () => {
    const bm = (await csv(motcuaBM)).map((r) => r['Mã hồ sơ']);
    expect(bm).toEqual([binhMinh.code]);
    const tinh = await t.loginAs('lanhdao.tinh');
    const all = (await csv(tinh)).map((r) => r['Mã hồ sơ']);
    expect(all).toEqual(expect.arrayContaining([returned.code, extended.code, binhMinh.code]));
    const onlyBM = (await csv(tinh, { unitId: await t.unitId('99002') })).map((r) => r['Mã hồ sơ']);
    expect(onlyBM).toEqual([binhMinh.code]);
    const desk = (await csv(tinh, { agencyId: await t.agencyId('99001.MC') })).map((r) => r['Mã hồ sơ']);
    expect(desk).toEqual(expect.arrayContaining([returned.code, extended.code]));
    expect(desk).not.toContain(binhMinh.code);
    const admin = await t.loginAs('admin');
    expect((await admin.get(url('xlsx'))).statusCode).toBe(403);
    expect((await t.anonymous().get(url('csv'))).statusCode).toBe(401);
  });

  it('refuses a range over 366 days, a reversed range, bad dates and unknown filters, naming the field', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ from: '2026-01-01', to: '2027-01-02' }, 'querystring.to'],
      [{ from: '2026-03-02', to: '2026-03-01' }, 'querystring.to'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'querystring.from'],
      [{ from: 'hôm qua', to: '2026-03-01' }, 'querystring.from'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'querystring.unitId'],
      [{ agencyId: '00000000-0000-4000-8000-000000000000' }, 'querystring.agencyId'],
    ];
    for (const [q, path] of cases) {
      const res = await motcua.get(url('csv', q));
      expect(res.statusCode, JSON.stringify(q)).toBe(400);
      expect(errorOf(res).code).toBe('invalid_input');
      expect(fieldPaths(res)).toEqual([path]);
    }
    // 2028 is a leap year: 366 days from 1 January to 31 December are allowed.
    expect((await motcua.get(url('csv', { from: '2028-01-01', to: '2028-12-31' }))).statusCode).toBe(200);
  });

  it('writes each export to the audit trail: who, which range and format, how many rows', async () => {
    const records = await csv(motcua);
    const me = (await motcua.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'dossier.register_export')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ actorId: me, entityType: 'dossier_register', after: { format: 'csv', from: today, to: today, unitId: null, agencyId: null, count: records.length } });
  });
});

describe('long periods', () => {
  it('reads page after page by keyset: every dossier once, in order of receipt', async () => {
    // 1,200 more dossiers received today (copies of one, many on the same millisecond), more than two pages of the reader.
    await t.db.execute(sql`
      insert into dossiers (code, secret_hash, procedure_id, procedure_code, procedure_name, processing_days, workflow_code, state,
        unit_id, agency_id, receiving_unit_id, receiving_agency_id, applicant_name, applicant_id_no, channel, submitted_at, received_at, due_at)
      select d.code || '-B' || g, d.secret_hash, d.procedure_id, d.procedure_code, d.procedure_name, d.processing_days, d.workflow_code, d.state,
        d.unit_id, d.agency_id, d.receiving_unit_id, d.receiving_agency_id, 'Người nộp ' || g, d.applicant_id_no, d.channel, d.submitted_at,
        d.received_at - (g % 5) * interval '1 millisecond', d.due_at
      from dossiers d, generate_series(1, 1200) g where d.id = ${extended.id}`);
    const records = await csv(motcua);
    const codes = records.map((r) => r['Mã hồ sơ']);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => c?.startsWith(`${extended.code}-B`))).toHaveLength(1200);
    expect(records.map((r) => Number(r.STT))).toEqual(records.map((_, i) => i + 1));
    const { rows } = await workbook(motcua);
    expect(rows.map((r) => r[codeColumn])).toEqual(codes);
  });
});
