// Units, agencies, procedures and the dossier code format kept per process (db/notified-cache.ts):
// a submission reads them from memory, and a change made through the API is seen by the very next
// submission, in this process and, on PostgreSQL, in another process on the same database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSubmitResult } from '../../../common/dossiers.schema';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/client';
import { cacheOf } from '../../db/notified-cache';
import { procedures } from '../../db/schema';
import { applicant, errorOf, fieldPaths, startDossierApp, uploadOk, type DossierTestApp } from '../dossiers/dossiers.test-helpers';

const PROCEDURE = '1.004873';
let t: DossierTestApp;
let anBinh: string;
let procedureId: string;
beforeAll(async () => {
  t = await startDossierApp();
  anBinh = await t.unitId('99001');
  procedureId = (await t.db.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, PROCEDURE)))[0]!.id;
});
afterAll(() => t.close());

let ip = 0;
type Inject = DossierTestApp['app']['inject'];

/** A guest's online submission to An Bình, through `inject` of one app or another. */
async function submit(inject: Inject = t.app.inject.bind(t.app), unitId = anBinh) {
  const file = await uploadOk(t.anonymous());
  return inject({
    method: 'POST',
    url: '/api/public/dossiers',
    payload: { procedureCode: PROCEDURE, unitId, applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] },
    remoteAddress: `10.7.0.${++ip}`,
  });
}

const kept = (name: string) => cacheOf(t.db, name, { freshMs: 1, maxEntries: 1 }).size;

describe('in this process', () => {
  it('keeps what a submission reads, and sees a withdrawn procedure, a renamed desk and a dissolved unit at once', async () => {
    const admin = await t.loginAs('admin');
    expect((await submit()).statusCode).toBe(201);
    expect(kept('procedures')).toBeGreaterThan(0);
    expect(kept('units')).toBeGreaterThan(0);
    expect(kept('agencies-of-unit')).toBeGreaterThan(0);

    // A procedure withdrawn from the catalog: the next submission is refused.
    expect((await admin.patch(`/api/procedures/${procedureId}`, { active: false })).statusCode).toBe(200);
    const refused = await submit();
    expect(refused.statusCode).toBe(400);
    expect(fieldPaths(refused)).toEqual(['body.procedureCode']);
    expect((await admin.patch(`/api/procedures/${procedureId}`, { active: true })).statusCode).toBe(200);

    // The desk's code is the first part of every dossier code: a new code shows in the next one.
    const desks = (await admin.get(`/api/units/${anBinh}/agencies`)).json<{ items: Array<{ id: string; kind: string; code: string }> }>().items;
    const desk = desks.find((a) => a.kind === 'one_stop_desk')!;
    const renamed = await admin.patch(`/api/agencies/${desk.id}`, { code: 'MC-AB2' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const next = await submit();
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json<PublicSubmitResult>().code.startsWith('MC-AB2')).toBe(true);
    expect((await admin.patch(`/api/agencies/${desk.id}`, { code: desk.code })).statusCode).toBe(200);

    // A unit dissolved yesterday receives nothing today.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const unit = await admin.get(`/api/units/${anBinh}`);
    const { validTo } = unit.json<{ validTo: string | null }>();
    const dissolved = await admin.patch(`/api/units/${anBinh}`, { validTo: yesterday });
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    const closed = await submit();
    expect(closed.statusCode).toBe(400);
    expect(errorOf(closed).details?.fields?.[0]?.path).toBe('body.unitId');
    expect((await admin.patch(`/api/units/${anBinh}`, { validTo })).statusCode).toBe(200);
    expect((await submit()).statusCode).toBe(201);
  });

  it('sees a new dossier code format on the next dossier', async () => {
    const admin = await t.loginAs('admin');
    expect((await submit()).statusCode).toBe(201);
    const set = await admin.put('/api/settings/dossier-codes', { codeFormat: '{agency}.{yyyy}{mm}{dd}.{seq:5}' });
    expect(set.statusCode, set.body).toBe(200);
    const next = await submit();
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json<PublicSubmitResult>().code).toMatch(/\.\d{8}\.\d{5}$/);
  });
});

describe.runIf(process.env.DATABASE_URL)('in another process on the same database', () => {
  it('hears of a withdrawn procedure within a moment', async () => {
    const database = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: 'memory://' });
    const second = await buildApp({ config: t.config, database, logger: false });
    await second.ready();
    try {
      const on2 = second.inject.bind(second);
      expect((await submit(on2)).statusCode).toBe(201); // the procedure is now kept by the second process
      const admin = await t.loginAs('admin');
      expect((await admin.patch(`/api/procedures/${procedureId}`, { active: false })).statusCode).toBe(200);
      // The NOTIFY reaches the other process within a moment: poll briefly rather than sleep.
      let status = 201;
      for (let i = 0; i < 50 && status !== 400; i++) {
        status = (await submit(on2)).statusCode;
        if (status !== 400) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(400);
      expect((await admin.patch(`/api/procedures/${procedureId}`, { active: true })).statusCode).toBe(200);
    } finally {
      await second.close();
      await database.close();
    }
  });
});
