// The records' facts that dossiers carry for the statistics (their rating's points, the times of their requests to complete): written with the record, equal to it, counted exactly per period.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsResult } from '../../../../common/dossier-stats.schema';
import { queryRows } from '../../../db/rows';
import type { TestClient } from '../../../testing/harness';
import { startDossierApp, type DossierTestApp } from '../dossiers.test-helpers';
import { actorsOf, MISSING, rateOk, received, resolve, step, type Actors } from './stats.test-data';

let t: DossierTestApp;
let a: Actors;
let tinh: TestClient;
let anBinh: string;
let asked3Id: string;

/**
 * D1 asked to complete on 10, 12 and 14 July 2026 (resubmitted in between), D2 asked at local
 * midnight opening 20 July, D3 received on 1 July, returned early and rated 5, 4, 5, 3, 4.
 */
beforeAll(async () => {
  t = await startDossierApp();
  a = await actorsOf(t);
  tinh = await t.loginAs('lanhdao.tinh');
  anBinh = await t.unitId('99001');
  const d1 = await received(a.motcua, '2026-07-10T09:00:00+07:00', { decision: 'request_completion', data: MISSING });
  asked3Id = d1.dossier.id;
  await step(a.motcua, d1.dossier, 'resubmit', '2026-07-11T08:00:00+07:00');
  await step(a.motcua, d1.dossier, 'request_completion', '2026-07-12T09:00:00+07:00', { data: MISSING });
  await step(a.motcua, d1.dossier, 'resubmit', '2026-07-13T08:00:00+07:00');
  await step(a.motcua, d1.dossier, 'request_completion', '2026-07-14T09:00:00+07:00', { data: MISSING });
  await received(a.motcua, '2026-07-20T00:00:00+07:00', { decision: 'request_completion', data: MISSING });
  const d3 = await received(a.motcua, '2026-07-01T09:00:00+07:00');
  await resolve(a, d3.dossier, 'early');
  await rateOk(t, d3.dossier.code, d3.secret, [5, 4, 5, 3, 4]);
}, 120_000);
afterAll(() => t.close());

const rowsOf = <T>(query: SQL) => queryRows<T>(t.db, query);

async function total(from: string, to: string, groupBy = 'unit'): Promise<StatsResult> {
  const res = await tinh.get(`/api/dossiers/stats?unitId=${anBinh}&from=${from}&to=${to}&groupBy=${groupBy}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatsResult>();
}

describe('facts of the records on the dossier rows', () => {
  it('are those of the records: the rating’s points, the request_completion steps’ times in order', async () => {
    const [check] = await rowsOf<{ pointsDiffer: number; askedDiffer: number; rated: number; asked: number }>(sql`select
        count(*) filter (where x.rating_points is distinct from x.rated)::int as "pointsDiffer",
        count(*) filter (where x.completion_requests is distinct from x.steps)::int as "askedDiffer",
        count(x.rating_points)::int as "rated", count(x.completion_requests)::int as "asked"
      from (select d.rating_points, d.completion_requests,
          (select r.access + r.procedure + r.officials + r.result + r.feedback from dossier_ratings r where r.dossier_id = d.id) as rated,
          (select array_agg(s.at order by s.at) from workflow_steps s
            where s.entity_type = 'dossier' and s.entity_id = d.id and s.action = 'request_completion') as steps
        from dossiers d) x`);
    expect(check).toMatchObject({ pointsDiffer: 0, askedDiffer: 0, rated: 1 });
    // D1, D2 and the demo province's dossier asked to complete at the desk.
    expect(check?.asked).toBe(3);
    const [d1] = await rowsOf<{ points: number | null; asked: string }>(sql`select rating_points as points,
        array_to_string(array(select to_char(t at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from unnest(completion_requests) t), ', ') as asked
      from dossiers where id = ${asked3Id}`);
    expect(d1).toEqual({ points: null, asked: '2026-07-10 02:00, 2026-07-12 02:00, 2026-07-14 02:00' });
  });
});

describe('counted per period from the facts', () => {
  it('a dossier asked to complete before, within and after a period counts once, for its request within it', async () => {
    const counted = async (from: string, to: string) => (await total(from, to)).total.returnedForCompletion;
    expect(await counted('2026-07-11', '2026-07-13')).toBe(1);
    expect(await counted('2026-07-11', '2026-07-11')).toBe(0);
    expect(await counted('2026-07-13', '2026-07-13')).toBe(0);
    expect(await counted('2026-07-10', '2026-07-14')).toBe(1);
    expect(await counted('2026-07-14', '2026-07-19')).toBe(1);
  });

  it('a request at local midnight belongs to the day it opens', async () => {
    expect((await total('2026-07-19', '2026-07-19')).total.returnedForCompletion).toBe(0);
    expect((await total('2026-07-20', '2026-07-20')).total.returnedForCompletion).toBe(1);
    const byMonth = await total('2026-07-01', '2026-08-31', 'month');
    expect(byMonth.rows.map((r) => [r.key, r.returnedForCompletion])).toEqual([
      ['2026-07', 2],
      ['2026-08', 0],
    ]);
    expect(byMonth.total.returnedForCompletion).toBe(2);
  });

  it('a rating counts in the period the dossier was finished in, with its points', async () => {
    const july = await total('2026-07-01', '2026-07-31');
    expect(july.total).toMatchObject({ early: 1, ratings: 1, satisfaction: 4.2 });
    const byMonth = await total('2026-07-01', '2026-08-31', 'month');
    expect(byMonth.rows[0]).toMatchObject({ key: '2026-07', ratings: 1, satisfaction: 4.2 });
    expect((await total('2026-08-01', '2026-08-31')).total).toMatchObject({ ratings: 0, satisfaction: null });
  });
});
