// Open311 discovery, services.json and services/{code}.json field by field against GeoReport v2, and the JSON-only formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness';
import { BASE, open311Errors, startTestApp } from './open311.test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const get = (path: string) => t.app.inject({ method: 'GET', url: `${BASE}${path}` });
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('discovery.json', () => {
  it('names the specification, the endpoint, its formats and where to get a key', async () => {
    const res = await get('/discovery.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const d = res.json<Record<string, unknown> & { endpoints: Array<Record<string, unknown>> }>();
    expect(Object.keys(d).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
    expect(d.changeset).toMatch(W3);
    expect(d.contact).toEqual(expect.any(String));
    expect(d.key_service).toEqual(expect.any(String));
    expect(d.endpoints).toHaveLength(1);
    const e = d.endpoints[0];
    expect(Object.keys(e ?? {}).sort()).toEqual(['changeset', 'formats', 'specification', 'type', 'url']);
    expect(e).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', changeset: d.changeset, type: 'test', formats: ['application/json'] });
    expect(e?.url).toMatch(/^http:\/\/localhost:\d+\/open311\/v2$/);
  });
});

describe('services.json', () => {
  it('lists the feedback categories with every field of the specification', async () => {
    const res = await get('/services.json');
    expect(res.statusCode).toBe(200);
    const list = res.json<Array<Record<string, unknown>>>();
    expect(list.map((s) => s.service_name)).toEqual(expect.arrayContaining(['Hạ tầng giao thông', 'Vệ sinh môi trường', 'Trật tự đô thị', 'Chiếu sáng công cộng']));
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort());
      expect(s.type).toMatch(/^(realtime|batch|blackbox)$/);
      expect(typeof s.metadata).toBe('boolean');
      expect(typeof s.keywords).toBe('string');
    }
    const light = list.find((s) => s.service_code === 'CSCC');
    expect(light).toMatchObject({ service_name: 'Chiếu sáng công cộng', metadata: true, type: 'realtime', group: 'Hạ tầng' });
    expect(list.find((s) => s.service_code === 'CXDT')).toMatchObject({ metadata: false });
  });

  it('accepts a jurisdiction_id that is a unit code, and answers 404 naming it when unknown', async () => {
    expect((await get('/services.json?jurisdiction_id=99001')).statusCode).toBe(200);
    const errs = open311Errors(await get('/services.json?jurisdiction_id=nowhere'), 404);
    expect(errs).toEqual(['jurisdiction_id: không có đơn vị mã "nowhere"']);
    expect(open311Errors(await get('/services/CSCC.json?jurisdiction_id=nowhere'), 404)).toEqual(['jurisdiction_id: không có đơn vị mã "nowhere"']);
  });
});

describe('services/{service_code}.json', () => {
  it('answers the definition with its attributes in order, values on lists only', async () => {
    const res = await get('/services/CSCC.json');
    expect(res.statusCode).toBe(200);
    const def = res.json<{ service_code: string; attributes: Array<Record<string, unknown>> }>();
    expect(def.service_code).toBe('CSCC');
    expect(def.attributes.map((a) => a.order)).toEqual([1, 2]);
    const [state, pole] = def.attributes;
    expect(state).toEqual({
      variable: true,
      code: 'tinh_trang',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'Tình trạng',
      values: [
        { key: 'khong_sang', name: 'Không sáng' },
        { key: 'chap_chon', name: 'Chập chờn' },
        { key: 'sang_ban_ngay', name: 'Sáng ban ngày' },
        { key: 'nguy_hiem', name: 'Cột nghiêng đổ, hở điện' },
      ],
    });
    expect(pole).toMatchObject({ variable: true, code: 'so_cot', datatype: 'string', required: false, order: 2 });
    expect(pole).not.toHaveProperty('values');
    const datatypes = new Set<unknown>();
    for (const code of ['HTGT', 'VSMT', 'TTDT', 'CSCC', 'CTN', 'KHAC']) {
      const d = (await get(`/services/${code}.json`)).json<{ attributes: Array<{ datatype: string; variable: boolean }> }>();
      for (const a of d.attributes) datatypes.add(a.datatype);
    }
    expect([...datatypes].sort()).toEqual(['datetime', 'multivaluelist', 'number', 'singlevaluelist', 'string', 'text']);
    const info = (await get('/services/TTDT.json')).json<{ attributes: Array<{ variable: boolean; code: string }> }>();
    expect(info.attributes.find((a) => a.code === 'luu_y')?.variable).toBe(false);
  });

  it('answers 404 in the specification format for an unknown service', async () => {
    const errs = open311Errors(await get('/services/NOPE.json'), 404);
    expect(errs[0]).toMatch(/^service_code: .*NOPE/);
  });
});

describe('formats', () => {
  it('answers 400 for .xml, saying only JSON is supported', async () => {
    for (const path of ['/services.xml', '/discovery.xml', '/requests.xml', '/services/CSCC.xml', '/requests/DT-1.xml']) {
      const errs = open311Errors(await get(path), 400);
      expect(errs[0]).toMatch(/JSON/);
    }
  });

  it('answers an unknown path under /open311/v2 with a 404 array, in English on request', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${BASE}/nothing.json`, headers: { 'accept-language': 'en' } });
    const errs = open311Errors(res, 404);
    expect(errs[0]).toMatch(/No resource/);
  });
});
