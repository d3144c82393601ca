// The public catalog through HTTP without signing in: search that ignores diacritics and word order, filters, keyset pages, one page per procedure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureFieldList, ProcedurePublicPage, ProcedurePublicView } from '../../../common/procedures.schema';
import { startTestApp, type TestApp } from '../../testing/harness';
import { DEMO_PROCEDURES } from '../../seed/demo-procedures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function search(query: string): Promise<ProcedurePublicPage> {
  const res = await t.anonymous().get(`/api/public/procedures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProcedurePublicPage>();
}
const names = (p: ProcedurePublicPage) => p.items.map((i) => i.name);

describe('public procedure search', () => {
  it('finds birth registration however the words are written', async () => {
    for (const q of ['giay khai sinh', 'khai sinh dang ky', 'ĐĂNG KÝ KHAI SINH', 'thu tuc dang ky khai sinh cho con', 'khai si']) {
      const page = await search(`q=${encodeURIComponent(q)}`);
      expect(names(page)[0], q).toBe('Đăng ký khai sinh');
    }
  });

  it('ranks the procedure matching more words first and leaves out those matching too few', async () => {
    const page = await search(`q=${encodeURIComponent('giấy xác nhận tình trạng hôn nhân')}`);
    expect(names(page)[0]).toBe('Cấp Giấy xác nhận tình trạng hôn nhân');
    // "giấy" alone is in many results: a procedure sharing only that word is not a match.
    expect(names(page)).not.toContain('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam');
  });

  it('finds a procedure by its full code', async () => {
    const page = await search('q=2.000488');
    expect(page.items.map((i) => i.code)).toEqual(['2.000488']);
  });

  it('finds nothing for words that are nowhere, and refuses an over-long query', async () => {
    expect((await search('q=zzzqqq')).items).toEqual([]);
    const long = await t.anonymous().get(`/api/public/procedures?q=${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { details: { fields: Array<{ path: string }> } } }>().error.details.fields[0]?.path).toBe('querystring.q');
  });

  it('filters by field, level, agency and fully-online', async () => {
    const ht = await search('field=HT&limit=100');
    expect(ht.items.length).toBe(DEMO_PROCEDURES.filter((p) => p.field === 'HT').length);
    expect(ht.items.every((i) => i.fieldCode === 'HT')).toBe(true);
    const province = await search('level=province&limit=100');
    expect(province.items.every((i) => i.level === 'province' || i.level === 'province_commune')).toBe(true);
    expect(province.items.some((i) => i.level === 'province_commune')).toBe(true);
    const online = await search('onlineOnly=true&limit=100');
    expect(online.items.length).toBe(DEMO_PROCEDURES.filter((p) => p.online).length);
    const stp = await search(`agencyId=${await t.agencyId('99.STP')}`);
    expect(stp.items.map((i) => i.code)).toEqual(['2.000488']);
    const both = await search(`q=chung+thuc&field=CT&level=commune&limit=100`);
    expect(both.items.length).toBeGreaterThan(2);
    expect(both.items.every((i) => i.fieldCode === 'CT')).toBe(true);
  });

  it('visits every item exactly once in keyset pages, with and without a query', async () => {
    for (const base of ['limit=4', 'limit=2&q=dang+ky']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ProcedurePublicPage = await search(`${base}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.code));
        cursor = page.nextCursor;
      } while (cursor);
      const all = await search(`${base.replace(/limit=\d+/, 'limit=100')}`);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(all.items.map((i) => i.code));
    }
    expect((await search('limit=100')).items.length).toBe(DEMO_PROCEDURES.length);
    const bad = await t.anonymous().get('/api/public/procedures?cursor=bm90LWpzb24');
    expect(bad.statusCode).toBe(400);
  });

  it('hides inactive procedures from search, the page and field counts', async () => {
    const admin = await t.loginAs('admin');
    const [hidden] = (await search('q=1.003645')).items;
    expect(hidden).toBeDefined();
    const fieldsBefore = (await t.anonymous().get('/api/public/procedure-fields')).json<ProcedureFieldList>();
    expect((await admin.patch(`/api/procedures/${hidden?.id}`, { active: false })).statusCode).toBe(200);
    expect((await search('q=thong+bao+to+chuc+le+hoi')).items.map((i) => i.code)).not.toContain('1.003645');
    expect((await search('limit=100')).items.length).toBe(DEMO_PROCEDURES.length - 1);
    expect((await t.anonymous().get('/api/public/procedures/1.003645')).statusCode).toBe(404);
    const fieldsAfter = (await t.anonymous().get('/api/public/procedure-fields')).json<ProcedureFieldList>();
    const vh = (l: ProcedureFieldList) => l.items.find((f) => f.code === 'VH')?.count ?? 0;
    expect(vh(fieldsAfter)).toBe(vh(fieldsBefore) - 1);
  });
});

describe('public procedure page and fields', () => {
  it('shows one procedure in full by its code', async () => {
    const res = await t.anonymous().get('/api/public/procedures/1.001193');
    expect(res.statusCode).toBe(200);
    const p = res.json<ProcedurePublicView>();
    expect(p).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', fieldName: 'Hộ tịch', level: 'commune', statutoryDays: 1, localDays: 0.5, fullyOnline: true, workflowCode: 'one_stop_standard' });
    expect(p.documents[0]).toEqual({ name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1 });
    expect(p.fees[0]?.amount).toBe(0);
    expect(p.legalBasis).toContain('Luật Hộ tịch 2014');
    expect(p).not.toHaveProperty('actions');
    expect((await t.anonymous().get('/api/public/procedures/9.999999')).json<{ error: { code: string } }>().error.code).toBe('procedure_not_found');
    expect((await t.anonymous().get('/api/public/procedures/abc')).statusCode).toBe(400);
  });

  it('lists at least eight fields with their counts', async () => {
    const res = await t.anonymous().get('/api/public/procedure-fields');
    const { items } = res.json<ProcedureFieldList>();
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.find((f) => f.code === 'HT')).toEqual({ code: 'HT', name: 'Hộ tịch', count: DEMO_PROCEDURES.filter((p) => p.field === 'HT').length });
  });
});
