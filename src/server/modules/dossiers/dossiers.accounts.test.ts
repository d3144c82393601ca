// A citizen account's dossiers through HTTP: filed while signed in or claimed with code and secret, listed by keyset, acted on and rated without the secret, never another citizen's.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenDossierPage, ClaimResult } from '../../../common/citizens.schema';
import type { DossierView, PublicDossierView, PublicSubmitResult } from '../../../common/dossiers.schema';
import { auditLog, dossierRatings, dossiers } from '../../db/schema';
import { TRACKING_PER_CODE_PER_MIN } from '../../platform/tracking/limits';
import type { TestClient } from '../../testing/harness';
import { captureDeliveries, citizenHelpers, freshIp, type Citizen } from '../citizens/citizens.test-helpers';
import { applicant, errorOf, intakeOk, multipart, PDF, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let motcua: TestClient;
let anBinh: string;
let lan: Citizen;
let minh: Citizen;

beforeAll(async () => {
  t = await startDossierApp();
  const h = citizenHelpers(t, captureDeliveries(t));
  motcua = await t.loginAs('motcua.anbinh');
  anBinh = await t.unitId('99001');
  lan = await h.signIn('lan@example.vn');
  minh = await h.signIn('0987 654 321');
});
afterAll(() => t.close());

/** Files online while signed in: the upload and the submission carry the citizen's cookie and CSRF token. */
async function submitAs(c: Citizen): Promise<PublicSubmitResult> {
  const m = multipart('to-khai.pdf', PDF, 'application/pdf');
  const up = await c.inject({ method: 'POST', url: '/api/public/files', payload: m.payload, headers: m.headers });
  expect(up.statusCode, up.body).toBe(201);
  const res = await c.inject({
    method: 'POST',
    url: '/api/public/dossiers',
    payload: { procedureCode: '1.004873', unitId: anBinh, applicant: applicant({ name: 'Trần Thị Lan' }), documents: [{ fileId: up.json<{ id: string }>().id, name: 'Tờ khai' }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PublicSubmitResult>();
}

const get = (c: Citizen | null, url: string) => (c ? c.inject({ method: 'GET', url }) : t.app.inject({ method: 'GET', url, remoteAddress: freshIp() }));
const listOf = async (c: Citizen, query = '') => (await get(c, `/api/citizen/dossiers${query}`)).json<CitizenDossierPage>();
const claim = (c: Citizen, code: string, secret: string) => c.inject({ method: 'POST', url: '/api/citizen/dossiers/claim', payload: { code, secret } });

describe("a citizen's own dossiers", () => {
  it('keeps a dossier filed while signed in in that account, and shows it to nobody else', async () => {
    const sub = await submitAs(lan);
    const [row] = await t.db.select({ citizenId: dossiers.citizenId }).from(dossiers).where(eq(dossiers.id, sub.id));
    expect(row?.citizenId).toBe(lan.id);

    const mine = await listOf(lan);
    expect(mine.items.map((i) => i.code)).toContain(sub.code);
    expect(mine.items.find((i) => i.code === sub.code)).toMatchObject({ procedureCode: '1.004873', state: 'submitted', stateLabel: 'Chờ tiếp nhận', receivingUnitName: 'Xã An Bình', dueAt: null });
    const one = await get(lan, `/api/citizen/dossiers/${encodeURIComponent(sub.code)}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<PublicDossierView>()).toMatchObject({ code: sub.code, state: 'submitted', canRate: false, rating: null });
    expect(one.body).not.toContain(sub.secret);
    // Tracking needs no secret for the owner.
    expect((await get(lan, `/api/public/dossiers/${encodeURIComponent(sub.code)}`)).statusCode).toBe(200);

    expect((await listOf(minh)).items.map((i) => i.code)).not.toContain(sub.code);
    for (const url of [`/api/citizen/dossiers/${encodeURIComponent(sub.code)}`, `/api/public/dossiers/${encodeURIComponent(sub.code)}`]) {
      const other = await get(minh, url);
      expect(other.statusCode).toBe(404);
      expect(errorOf(other).code).toBe('dossier_not_found');
    }
    expect((await get(null, `/api/public/dossiers/${encodeURIComponent(sub.code)}`)).statusCode).toBe(404);
    expect((await get(null, '/api/citizen/dossiers')).statusCode).toBe(401);
  });

  it('adds a desk dossier to an account with the code and secret of its receipt, once, and to no second account', async () => {
    const { dossier: d, secret } = await intakeOk(motcua);
    const wrong = await claim(minh, d.code, 'AAAA-BBBB-CCCC-DDDD-EEEE');
    expect(wrong.statusCode).toBe(404);
    expect(errorOf(wrong).code).toBe('dossier_not_found');

    const ok = await claim(minh, d.code, secret.toLowerCase());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ClaimResult>().dossier).toMatchObject({ code: d.code, state: 'accepted' });
    expect((await listOf(minh)).items.map((i) => i.code)).toContain(d.code);
    expect((await claim(minh, d.code, secret)).statusCode).toBe(200);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'dossier.claim'), eq(auditLog.entityId, d.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: '*********321 (công dân)', after: { citizenId: minh.id } });

    const taken = await claim(lan, d.code, secret);
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('dossier_claimed');
    expect((await listOf(lan)).items.map((i) => i.code)).not.toContain(d.code);
    // Whoever holds the receipt can still follow it with the secret.
    const bySecret = await lan.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(d.code)}`, headers: { 'x-tracking-secret': secret } });
    expect(bySecret.statusCode).toBe(200);
  });

  it('limits guesses at the secret of one code when claiming, as tracking does', async () => {
    const { dossier: d, secret } = await intakeOk(motcua);
    for (let i = 0; i < TRACKING_PER_CODE_PER_MIN; i++) expect((await claim(minh, d.code, 'AAAA-BBBB-CCCC-DDDD-EEEE')).statusCode).toBe(404);
    const limited = await claim(minh, d.code, secret);
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    expect((await listOf(minh)).items.map((i) => i.code)).not.toContain(d.code);
  });

  it('lets the owner withdraw and rate without the secret; another citizen cannot', async () => {
    const { dossier: d, secret } = await intakeOk(motcua);
    await claim(lan, d.code, secret);
    const url = `/api/public/dossiers/${encodeURIComponent(d.code)}`;
    const foreign = await minh.inject({ method: 'POST', url: `${url}/actions/withdraw`, payload: { data: { reason: 'Không còn nhu cầu' } } });
    expect(foreign.statusCode).toBe(404);
    const gone = await lan.inject({ method: 'POST', url: `${url}/actions/withdraw`, payload: { data: { reason: 'Không còn nhu cầu' } } });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json<PublicDossierView>().state).toBe('withdrawn');

    const { dossier: r, secret: rs } = await intakeOk(motcua, { decision: 'refuse', data: { reason: 'Không thuộc thẩm quyền', legalBasis: 'Điều 15' } });
    await claim(lan, r.code, rs);
    const scores = { access: 4, procedure: 4, officials: 5, result: 3, feedback: 4 };
    const rateUrl = `/api/public/dossiers/${encodeURIComponent(r.code)}/rating`;
    expect((await minh.inject({ method: 'POST', url: rateUrl, payload: scores })).statusCode).toBe(404);
    // The session's CSRF token is required for a write made with the citizen's cookie.
    const forged = await lan.inject({ method: 'POST', url: rateUrl, payload: scores, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
    expect(errorOf(forged).code).toBe('csrf_invalid');
    const rated = await lan.inject({ method: 'POST', url: rateUrl, payload: scores });
    expect(rated.statusCode, rated.body).toBe(201);
    const [row] = await t.db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, r.id));
    expect(row).toMatchObject({ ...scores, citizenId: lan.id });
    expect((await motcua.get(`/api/dossiers/${r.id}`)).json<DossierView>().rating).toMatchObject(scores);
  });

  it('pages the list newest first by keyset, without repeats or gaps', async () => {
    const c = await citizenHelpers(t, captureDeliveries(t)).signIn('nhieu.ho.so@example.vn');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { dossier: d, secret } = await intakeOk(motcua);
      expect((await claim(c, d.code, secret)).statusCode).toBe(200);
      codes.push(d.code);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: CitizenDossierPage = await listOf(c, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await listOf(c, '?limit=100')).items;
    expect(seen).toEqual(all.map((i) => i.code));
    const times = all.map((i) => Date.parse(i.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seen.sort()).toEqual([...codes].sort());
    expect((await get(c, '/api/citizen/dossiers?cursor=bad')).statusCode).toBe(400);
  });
});
