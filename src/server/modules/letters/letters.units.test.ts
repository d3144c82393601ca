// GET /api/public/letter-units: where the portal form lets a citizen address a letter, without signing in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterUnitList } from '../../../common/letters-tracking.schema';
import { startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;

beforeAll(async () => {
  t = await startLetterApp();
});
afterAll(() => t.close());

describe('letter units', () => {
  it('lists the province first, then its communes and wards in operation, each with its parent, to a guest', async () => {
    const res = await t.anonymous().request({ method: 'GET', url: '/api/public/letter-units' });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<LetterUnitList>();
    expect(items[0]?.kind).toBe('province');
    expect(items[0]?.parentName).toBeNull();
    const anBinh = items.find((u) => u.name === 'Xã An Bình');
    expect(anBinh).toMatchObject({ kind: 'commune', parentName: items[0]?.name });
    expect(anBinh?.id).toBe(await t.unitId('99001'));
    expect(items.some((u) => u.kind === 'district')).toBe(false);
  });

  it('takes a unit of the list as the address of a letter', async () => {
    const { items } = (await t.anonymous().request({ method: 'GET', url: '/api/public/letter-units' })).json<LetterUnitList>();
    const ward = items.find((u) => u.kind === 'ward');
    expect(ward).toBeDefined();
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/public/letters',
      payload: { unitId: ward?.id ?? '', kind: 'feedback', content: 'Rác thải tập kết sai nơi quy định ở đầu ngõ 5.', writer: {} },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
