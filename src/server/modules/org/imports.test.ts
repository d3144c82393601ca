// CSV import of units through HTTP: a good file, a file with bad rows (nothing written), scope, 5,000 rows with progress, audit.
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../../common/org.schema';
import { auditLog } from '../../db/schema';
import { jobRegistryFor } from '../../platform/jobs/jobs';
import { startTestApp, type TestApp, type TestClient } from '../../testing/harness';
import { countRows, errorOf, multipartFile, unitByCode } from './org.test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const HEADER = 'code,name,kind,parent_code,valid_from,valid_to,note';

async function upload(c: TestClient, csv: string | Buffer, opts?: Parameters<typeof multipartFile>[1]) {
  const { payload, headers } = multipartFile(csv, opts);
  return c.request({ method: 'POST', url: '/api/units/import', payload, headers });
}

async function finished(c: TestClient, id: string): Promise<JobView> {
  for (let i = 0; i < 1500; i++) {
    const res = await c.get(`/api/jobs/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json<JobView>();
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await sleep(20);
  }
  throw new Error('job did not finish');
}

async function importFile(c: TestClient, csv: string): Promise<JobView> {
  const res = await upload(c, csv);
  expect(res.statusCode).toBe(202);
  return finished(c, res.json<{ job: JobView }>().job.id);
}

describe('importing units from CSV', () => {
  it('creates new units and updates existing ones (BOM, semicolons, Vietnamese dates)', async () => {
    const c = await t.loginAs('admin');
    const csv =
      '\uFEFFcode;name;kind;parent_code;valid_from;valid_to;note\n' +
      '99006;Xã Tân Lập;commune;99;01/07/2025;;\n' +
      '99006.1;"Thôn Đông; khu A";district;99006;2025-07-01;;Ghi chú\n' +
      '99003;Xã Hòa Lạc mới;commune;99;2025-07-01;;\n';
    const res = await upload(c, csv);
    expect(res.statusCode).toBe(202);
    const queued = res.json<{ job: JobView }>().job;
    expect(queued).toMatchObject({ kind: 'unit_import', status: 'queued' });
    const job = await finished(c, queued.id);
    expect(job).toMatchObject({ status: 'succeeded', total: 3, processed: 3, accepted: 3, rejected: [] });
    expect(job.message).toContain('thêm mới 2, cập nhật 1');
    expect(job.finishedAt).not.toBeNull();

    const commune = await unitByCode(t.db, '99006');
    const village = await unitByCode(t.db, '99006.1');
    expect(commune).toMatchObject({ validFrom: '2025-07-01', depth: 1, parentId: await t.unitId('99') });
    expect(village).toMatchObject({ name: 'Thôn Đông; khu A', parentId: commune?.id, depth: 2, path: `${commune?.path}${village?.id}/`, note: 'Ghi chú' });
    expect((await unitByCode(t.db, '99003'))?.name).toBe('Xã Hòa Lạc mới');

    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'unit.import'), eq(auditLog.entityId, job.id)));
    expect(entry?.after).toMatchObject({ created: 2, updated: 1, createdCodes: ['99006', '99006.1'], updatedCodes: ['99003'] });
    expect(entry?.before).toMatchObject({ updated: [{ code: '99003', name: 'Xã Hòa Lạc' }] });
  });

  it('moves an existing unit with the units below it', async () => {
    const c = await t.loginAs('admin');
    const job = await importFile(c, `${HEADER}\n99006,Xã Tân Lập,commune,99004,,,\n`);
    expect(job.status).toBe('succeeded');
    const commune = await unitByCode(t.db, '99006');
    const village = await unitByCode(t.db, '99006.1');
    expect(commune?.path).toBe(`/${await t.unitId('99')}/${await t.unitId('99004')}/${commune?.id}/`);
    expect(village).toMatchObject({ path: `${commune?.path}${village?.id}/`, depth: 3 });
  });

  it('rejects a file with bad rows, reporting line numbers, and writes nothing', async () => {
    const c = await t.loginAs('admin');
    const before = await countRows(t.db, 'units');
    const auditBefore = await countRows(t.db, 'audit_log');
    const csv = [
      HEADER,
      'N1,Xã Một,commune,99,,,', // line 2: fine
      'N2,,village,99,,,', // 3: no name, bad kind
      'N1,Xã Trùng,commune,99,,,', // 4: duplicate code
      'N3,Xã Ba,commune,KHONGCO,,,', // 5: unknown parent
      'N4,Xã Bốn,commune,99,2025-02-30,,', // 6: no such date
      'N5,Xã Năm,commune,99,2025-07-01,2025-01-01,', // 7: ends before it starts
      'C1,Vòng 1,commune,C2,,,', // 8: cycle
      'C2,Vòng 2,commune,C1,,,', // 9: cycle
      '99,Tỉnh,province,99001,,,', // 10: the province under its own commune
      'N6,Xã Sáu,commune', // 11: too few columns
    ].join('\r\n');
    const job = await importFile(c, csv);
    expect(job.status).toBe('rejected');
    expect(job.total).toBe(10);
    expect(job.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'name'],
      [3, 'kind'],
      [4, 'code'],
      [5, 'parent_code'],
      [6, 'valid_from'],
      [7, 'valid_to'],
      [8, 'parent_code'],
      [9, 'parent_code'],
      [10, 'parent_code'],
      [11, 'file'],
    ]);
    expect(job.rejected.find((r) => r.row === 5)?.message).toBe('Không tìm thấy đơn vị cấp trên có mã "KHONGCO" trong tệp hoặc trong hệ thống');
    expect(job.rejected.find((r) => r.row === 4)?.message).toBe('Mã đơn vị "N1" trùng với dòng 2');
    expect(job.message).toContain('chưa có dữ liệu nào được ghi');
    expect(await countRows(t.db, 'units')).toBe(before);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
    expect(await unitByCode(t.db, 'N1')).toBeUndefined();
  });

  it('reports a wrong header', async () => {
    const c = await t.loginAs('admin');
    const job = await importFile(c, 'ma,ten,kind\nX,Y,commune\n');
    expect(job.status).toBe('rejected');
    expect(job.rejected.map((r) => r.field)).toEqual(['header', 'header']);
    expect(job.rejected[1]?.message).toBe('Thiếu cột bắt buộc: code, name');
  });

  it('keeps a ward admin inside the ward', async () => {
    const c = await t.loginAs('admin.binhminh');
    const before = await countRows(t.db, 'units');
    const denied = await importFile(c, `${HEADER}\nBM-X,Khu X,ward,99001,,,\nBM-Y,Khu Y,ward,,,,\n99001,Đổi tên xã,commune,99,,,\n`);
    expect(denied.status).toBe('rejected');
    expect(denied.rejected.map((r) => [r.row, r.field])).toEqual([
      [2, 'parent_code'],
      [3, 'parent_code'],
      [4, 'code'],
      [4, 'parent_code'],
    ]);
    expect(await countRows(t.db, 'units')).toBe(before);
    expect((await unitByCode(t.db, '99001'))?.name).toBe('Xã An Bình');

    const ok = await upload(c, `${HEADER}\nBM-Z,Khu phố Z,ward,99002,,,\n`);
    const jobId = ok.json<{ job: JobView }>().job.id;
    expect((await finished(c, jobId)).status).toBe('succeeded');
    // The province admin may follow a job of the ward; the ward admin may not follow the province admin's jobs.
    expect((await (await t.loginAs('admin')).get(`/api/jobs/${jobId}`)).statusCode).toBe(200);
    const provinceJob = (await upload(await t.loginAs('admin'), `${HEADER}\nP-1,Xã P,commune,99,,,\n`)).json<{ job: JobView }>().job;
    expect((await c.get(`/api/jobs/${provinceJob.id}`)).statusCode).toBe(403);
    expect((await c.get('/api/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses viewers, anonymous callers, missing files, non-CSV and oversized files', async () => {
    const viewer = await t.loginAs('xem.tinh');
    expect((await upload(viewer, `${HEADER}\nV,V,commune,99,,,\n`)).statusCode).toBe(403);
    const anon = multipartFile(`${HEADER}\n`);
    expect((await t.anonymous().request({ method: 'POST', url: '/api/units/import', ...anon })).statusCode).toBe(401);
    const c = await t.loginAs('admin');
    const noFile = await c.post('/api/units/import', { file: 'x' });
    expect(errorOf(noFile).code).toBe('import_file_missing');
    const wrongField = await upload(c, `${HEADER}\n`, { field: 'upload' });
    expect(errorOf(wrongField).code).toBe('import_file_missing');
    const xlsx = await upload(c, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), {
      filename: 'units.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(xlsx.statusCode).toBe(400);
    expect(errorOf(xlsx)).toMatchObject({ code: 'import_not_csv' });
    const renamed = await upload(c, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    expect(errorOf(renamed).code).toBe('import_not_csv');
    const big = await upload(c, Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(big.statusCode).toBe(413);
    expect(errorOf(big)).toMatchObject({ code: 'file_too_large', message: 'Tệp vượt quá dung lượng cho phép (20 MB)' });
  });

  it('imports 5,000 rows in one go, with progress up to the total', async () => {
    const c = await t.loginAs('admin');
    const lines = [HEADER];
    for (let i = 0; i < 50; i++) lines.push(`B${i},Khu vực ${i},district,99,2025-07-01,,`);
    for (let i = 0; i < 4950; i++) lines.push(`B${i % 50}.${i},Thôn số ${i},commune,B${i % 50},2025-07-01,,`);
    const before = await countRows(t.db, 'units');
    const started = Date.now();
    const res = await upload(c, lines.join('\n'));
    expect(res.statusCode).toBe(202);
    const id = res.json<{ job: JobView }>().job.id;
    const registry = jobRegistryFor(t.db, console);
    const seen: number[] = [];
    const timer = setInterval(() => {
      const live = registry.peek(id);
      if (live) seen.push(live.processed);
    }, 1);
    const job = await finished(c, id);
    clearInterval(timer);
    expect(job).toMatchObject({ status: 'succeeded', total: 5000, processed: 5000, accepted: 5000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await countRows(t.db, 'units')).toBe(before + 5000);
    const leaf = await unitByCode(t.db, 'B7.4907');
    const parent = await unitByCode(t.db, 'B7');
    expect(leaf).toMatchObject({ parentId: parent?.id, depth: 2, path: `${parent?.path}${leaf?.id}/` });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'unit.import'), eq(auditLog.entityId, id)));
    expect(entry?.after).toMatchObject({ created: 5000, updated: 0 });
  });
});
