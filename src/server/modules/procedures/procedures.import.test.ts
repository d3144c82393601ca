// CSV import of the catalog through HTTP: a good file (new and updated codes), bad rows with line numbers (nothing written), scope, 2,000 rows.
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../../common/org.schema';
import type { ProcedurePublicView } from '../../../common/procedures.schema';
import { auditLog, procedures } from '../../db/schema';
import { queryRows } from '../../db/rows';
import { startTestApp, type TestApp, type TestClient } from '../../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const HEADER = 'code,name,field_code,field_name,level,implementing_agency,unit_code,agency_code,statutory_days,local_days,fees,documents,result,legal_basis,fully_online';

function multipart(content: string, filename = 'thu-tuc.csv') {
  const boundary = `----dvproc${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function importFile(c: TestClient, csv: string): Promise<JobView> {
  const res = await c.request({ method: 'POST', url: '/api/procedures/import', ...multipart(csv) });
  expect(res.statusCode, res.body).toBe(202);
  const { id } = res.json<{ job: JobView }>().job;
  for (let i = 0; i < 1500; i++) {
    const job = (await c.get(`/api/jobs/${id}`)).json<JobView>();
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await sleep(20);
  }
  throw new Error('job did not finish');
}

async function countProcedures() {
  const [r] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from procedures`);
  return r?.n ?? 0;
}

describe('importing procedures from CSV', () => {
  it('creates new codes and updates existing ones (semicolons, quoted cells, Vietnamese forms)', async () => {
    const admin = await t.loginAs('admin');
    const csv = [
      HEADER.replace(/,/g, ';'),
      '1.777001;Đăng ký giám hộ;HT;Hộ tịch;commune;UBND cấp xã;99;;3;"1,5";"Lệ phí|8.000|mỗi trường hợp";"Tờ khai|bản chính|1; Giấy tờ chứng minh|bản sao chứng thực|2";Trích lục đăng ký giám hộ;Luật Hộ tịch 2014;có',
      '2.000488;Cấp Phiếu lý lịch tư pháp;LLTP;Lý lịch tư pháp;province;Sở Tư pháp;99;99.STP;10;5;;"Tờ khai|original";Phiếu lý lịch tư pháp;Luật Lý lịch tư pháp 2009;true',
    ].join('\n');
    const job = await importFile(admin, csv);
    expect(job).toMatchObject({ status: 'succeeded', total: 2, processed: 2, accepted: 2, rejected: [] });
    expect(job.message).toContain('thêm mới 1, cập nhật 1');
    const created = (await t.anonymous().get('/api/public/procedures/1.777001')).json<ProcedurePublicView>();
    expect(created).toMatchObject({ localDays: 1.5, fullyOnline: true, workflowCode: 'one_stop_standard', unitId: await t.unitId('99') });
    expect(created.fees).toEqual([{ name: 'Lệ phí', amount: 8000, note: 'mỗi trường hợp' }]);
    expect(created.documents).toEqual([
      { name: 'Tờ khai', form: 'original', count: 1 },
      { name: 'Giấy tờ chứng minh', form: 'certified_copy', count: 2 },
    ]);
    const updated = (await t.anonymous().get('/api/public/procedures/2.000488')).json<ProcedurePublicView>();
    expect(updated).toMatchObject({ name: 'Cấp Phiếu lý lịch tư pháp', localDays: 5, fees: [], agencyId: await t.agencyId('99.STP') });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'procedure.import'), eq(auditLog.entityId, job.id)));
    expect(entry?.after).toMatchObject({ created: 1, updated: 1, createdCodes: ['1.777001'], updatedCodes: ['2.000488'] });
    expect(entry?.before).toMatchObject({ updated: [{ code: '2.000488', localDays: 7 }] });
  });

  it('rejects a file with bad rows, naming lines and columns, and writes nothing', async () => {
    const admin = await t.loginAs('admin');
    const before = await countProcedures();
    const csv = [
      HEADER,
      '1.777101,Thủ tục tốt,HT,Hộ tịch,commune,UBND cấp xã,99,,3,,,"Tờ khai|original",Kết quả,Căn cứ,', // 2: fine
      '1-777,Mã sai,HT,Hộ tịch,commune,UBND cấp xã,99,,0,,,"Tờ khai|giấy|0",Kết quả,Căn cứ,', // 3: code, days, form, count
      '1.777101,Trùng mã,HT,Hộ tịch,village,UBND cấp xã,99,,3,,"Lệ phí|-5",,Kết quả,Căn cứ,', // 4: dup, level, fee, no documents
      '1.777102,Chậm hơn luật,HT,Hộ tịch,commune,UBND cấp xã,99,,3,5,,"Tờ khai|original",Kết quả,Căn cứ,', // 5: local time longer than the statutory one
      '1.777103,Thiếu cột,HT', // 6: too few columns
    ].join('\n');
    const job = await importFile(admin, csv);
    expect(job.status).toBe('rejected');
    expect(job.total).toBe(5);
    expect(job.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'code'],
      [3, 'statutory_days'],
      [3, 'documents.0.form'],
      [3, 'documents.0.count'],
      [4, 'level'],
      [4, 'fees.0.amount'],
      [4, 'documents'],
      [4, 'code'],
      [5, 'local_days'],
      [6, 'file'],
    ]);
    expect(job.rejected.find((r) => r.row === 4 && r.field === 'code')?.message).toBe('Mã thủ tục "1.777101" trùng với dòng 2');
    expect(job.message).toContain('chưa có dữ liệu nào được ghi');
    expect(await countProcedures()).toBe(before);

    const unknownUnit = await importFile(admin, [HEADER, '1.777102,Đơn vị lạ,HT,Hộ tịch,commune,UBND cấp xã,KHONGCO,,3,,,"Tờ khai|original",Kết quả,Căn cứ,'].join('\n'));
    expect(unknownUnit.rejected).toEqual([{ row: 2, field: 'unit_code', message: 'Không tìm thấy đơn vị có mã "KHONGCO"' }]);
    const unknownWorkflow = await importFile(admin, [`${HEADER},workflow_code`, '1.777103,Quy trình lạ,HT,Hộ tịch,commune,UBND cấp xã,,,3,,,"Tờ khai|original",Kết quả,Căn cứ,,one_stop_fast'].join('\n'));
    expect(unknownWorkflow.rejected).toEqual([{ row: 2, field: 'workflow_code', message: 'Không có quy trình hồ sơ mã "one_stop_fast"' }]);
    expect(await countProcedures()).toBe(before);
    const header = await importFile(admin, 'ma,ten\n1,2\n');
    expect(header.rejected.map((r) => r.field)).toEqual(['header', 'header']);
  });

  it('keeps a ward admin inside the ward catalog and refuses viewers', async () => {
    const ward = await t.loginAs('admin.binhminh');
    const denied = await importFile(
      ward,
      [HEADER, '1.777201,Thủ tục phường,HT,Hộ tịch,commune,UBND phường,99002,99002.MC,3,,,"Tờ khai|original",Kết quả,Căn cứ,', '1.001193,Đăng ký khai sinh,HT,Hộ tịch,commune,UBND cấp xã,99002,,1,,,"Tờ khai|original",Giấy khai sinh,Luật Hộ tịch 2014,', '1.777202,Thủ tục chung,HT,Hộ tịch,commune,UBND cấp xã,,,3,,,"Tờ khai|original",Kết quả,Căn cứ,'].join('\n'),
    );
    expect(denied.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'code'],
      [4, 'unit_code'],
    ]);
    expect((await t.anonymous().get('/api/public/procedures/1.777201')).statusCode).toBe(404);
    const ok = await importFile(ward, [HEADER, '1.777201,Thủ tục phường,HT,Hộ tịch,commune,UBND phường,99002,99002.MC,3,,,"Tờ khai|original",Kết quả,Căn cứ,'].join('\n'));
    expect(ok.status).toBe('succeeded');
    const viewer = await t.loginAs('xem.tinh');
    expect((await viewer.request({ method: 'POST', url: '/api/procedures/import', ...multipart(`${HEADER}\n`) })).statusCode).toBe(403);
    expect((await t.anonymous().request({ method: 'POST', url: '/api/procedures/import', ...multipart(`${HEADER}\n`) })).statusCode).toBe(401);
    const notCsv = await (await t.loginAs('admin')).request({ method: 'POST', url: '/api/procedures/import', ...multipart('x', 'thu-tuc.xlsx') });
    expect(notCsv.json<{ error: { code: string } }>().error.code).toBe('import_not_csv');
  });

  it('imports 2,000 rows in a few seconds, then updates them all again', async () => {
    const admin = await t.loginAs('admin');
    const lines = [HEADER];
    for (let i = 0; i < 2000; i++)
      lines.push(`3.${String(100000 + i)},Thủ tục thử số ${i},F${i % 12},Lĩnh vực ${i % 12},commune,UBND cấp xã,99,,${(i % 20) + 1},,"Lệ phí|${i * 1000}","Tờ khai|original|1; Bản sao giấy tờ|copy|2",Kết quả ${i},Căn cứ ${i},`);
    const before = await countProcedures();
    const started = Date.now();
    const job = await importFile(admin, lines.join('\n'));
    const elapsed = Date.now() - started;
    expect(job).toMatchObject({ status: 'succeeded', total: 2000, processed: 2000, accepted: 2000 });
    expect(elapsed).toBeLessThan(15_000);
    expect(await countProcedures()).toBe(before + 2000);
    const again = await importFile(admin, lines.map((l) => l.replace('Thủ tục thử số', 'Thủ tục đã sửa số')).join('\n'));
    expect(again.message).toContain('thêm mới 0, cập nhật 2000');
    const [row] = await t.db.select().from(procedures).where(eq(procedures.code, '3.101999'));
    expect(row).toMatchObject({ name: 'Thủ tục đã sửa số 1999', statutoryDays: 20 });
    const found = (await t.anonymous().get('/api/public/procedures?q=thu+tuc+da+sua+1999')).json<{ items: Array<{ code: string }> }>();
    expect(found.items[0]?.code).toBe('3.101999');
  });
});
