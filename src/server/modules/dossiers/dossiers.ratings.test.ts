// Satisfaction ratings through HTTP: open only once the result is known, one per dossier (even for concurrent submits), proved like tracking, audited without personal data.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingResult } from '../../../common/dossier-ratings.schema';
import type { DossierView, PublicDossierView } from '../../../common/dossiers.schema';
import { auditLog, dossierRatings } from '../../db/schema';
import type { TestClient } from '../../testing/harness';
import { TRACKING_PER_CODE_PER_MIN } from './dossiers.public.routes';
import { actOk, countRows, errorOf, fieldPaths, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let motcua: TestClient;
beforeAll(async () => {
  t = await startDossierApp();
  motcua = await t.loginAs('motcua.anbinh');
});
afterAll(() => t.close());

let ipCounter = 0;
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const SCORES = { access: 5, procedure: 4, officials: 5, result: 3, feedback: 4 };

const rate = (code: string, secret: string, body: Record<string, unknown> = SCORES, ip = freshIp()) =>
  t.anonymous().request({
    method: 'POST',
    url: `/api/public/dossiers/${encodeURIComponent(code)}/rating`,
    payload: body,
    headers: { 'x-tracking-secret': secret },
    remoteAddress: ip,
  });

const track = async (code: string, secret: string) => {
  const res = await t.anonymous().request({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(code)}`, headers: { 'x-tracking-secret': secret }, remoteAddress: freshIp() });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PublicDossierView>();
};

const refused = () => intakeOk(motcua, { decision: 'refuse', data: { reason: 'Không thuộc thẩm quyền', legalBasis: 'Điều 15 Nghị định 118/2025/NĐ-CP' } });

describe('rating a dossier', () => {
  it('takes one rating of a finished dossier, shows it to the applicant and to staff, and audits the scores only', async () => {
    const { dossier: d, secret } = await refused();
    const before = await track(d.code, secret);
    expect(before).toMatchObject({ canRate: true, rating: null });

    const res = await rate(d.code, secret, { ...SCORES, comment: '  Cán bộ hướng dẫn tận tình, số điện thoại của tôi 0912345678  ' });
    expect(res.statusCode, res.body).toBe(201);
    const { rating } = res.json<RatingResult>();
    expect(rating).toMatchObject({ ...SCORES, comment: 'Cán bộ hướng dẫn tận tình, số điện thoại của tôi 0912345678' });
    expect(rating.at).toMatch(/\+07:00$/);

    const after = await track(d.code, secret);
    expect(after).toMatchObject({ canRate: false, rating });
    const staff = (await motcua.get(`/api/dossiers/${d.id}`)).json<DossierView>();
    expect(staff.rating).toEqual(rating);

    const again = await rate(d.code, secret, { access: 1, procedure: 1, officials: 1, result: 1, feedback: 1 });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('already_rated');
    expect((await track(d.code, secret)).rating).toEqual(rating);

    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'dossier_rating'), eq(auditLog.entityId, d.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'dossier_rating.create', actorId: null, actorLabel: 'Nguyễn Văn Dân (công dân)', unitId: await t.unitId('99001') });
    expect(audit[0]?.after).toEqual({ ...SCORES, hasComment: true });
    expect(JSON.stringify(audit[0])).not.toContain('0912345678');
  });

  it('opens on returned, refused and stopped dossiers; not before the result, nor after a withdrawal', async () => {
    const open = await intakeOk(motcua);
    const early = await rate(open.dossier.code, open.secret);
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).code).toBe('rating_not_open');
    expect((await track(open.dossier.code, open.secret)).canRate).toBe(false);

    const lanhdao = await t.loginAs('lanhdao.anbinh');
    const chuyenvien = await t.loginAs('chuyenvien.anbinh');
    const me = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    await actOk(motcua, open.dossier.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    await actOk(lanhdao, open.dossier.id, 'assign', { assigneeId: me });
    await actOk(chuyenvien, open.dossier.id, 'submit_for_approval');
    await actOk(lanhdao, open.dossier.id, 'approve');
    expect((await rate(open.dossier.code, open.secret)).statusCode).toBe(409);
    await actOk(motcua, open.dossier.id, 'return_result');
    expect((await track(open.dossier.code, open.secret)).canRate).toBe(true);
    expect((await rate(open.dossier.code, open.secret)).statusCode).toBe(201);

    const stopped = await intakeOk(motcua);
    await actOk(motcua, stopped.dossier.id, 'stop', { data: { reason: 'Người nộp đề nghị dừng' } });
    expect((await rate(stopped.dossier.code, stopped.secret)).statusCode).toBe(201);

    const withdrawn = await intakeOk(motcua);
    await actOk(motcua, withdrawn.dossier.id, 'withdraw', { data: { reason: 'Không còn nhu cầu' } });
    expect((await track(withdrawn.dossier.code, withdrawn.secret)).canRate).toBe(false);
    const refusedRating = await rate(withdrawn.dossier.code, withdrawn.secret);
    expect(refusedRating.statusCode).toBe(409);
    expect(errorOf(refusedRating).code).toBe('rating_not_open');
  });

  it('answers a wrong secret and an unknown code with the same 404 as tracking', async () => {
    const { dossier: d, secret } = await refused();
    const wrong = await rate(d.code, 'AAAA-BBBB-CCCC-DDDD-EEEE');
    const unknown = await rate('99001.MC-000101-9999', secret);
    const tracked = await t.anonymous().request({ method: 'GET', url: '/api/public/dossiers/99001.MC-000101-9999', headers: { 'x-tracking-secret': secret }, remoteAddress: freshIp() });
    const strip = (b: string) => b.replace(/"requestId":"[^"]+"/, '');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(strip(res.body)).toBe(strip(tracked.body));
    }
    expect(await t.db.$count(dossierRatings, eq(dossierRatings.dossierId, d.id))).toBe(0);
  });

  it('refuses scores outside 1..5, fractions, a long comment and unknown fields, with field paths, writing nothing', async () => {
    const { dossier: d, secret } = await refused();
    const before = await countRows(t, 'dossier_ratings');
    const bad = await rate(d.code, secret, { access: 0, procedure: 6, officials: 2.5, result: '3', comment: 'x'.repeat(2001), extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual(['body.access', 'body.comment', 'body.extra', 'body.feedback', 'body.officials', 'body.procedure', 'body.result']);
    const en = await t.anonymous().request({
      method: 'POST',
      url: `/api/public/dossiers/${encodeURIComponent(d.code)}/rating`,
      payload: { ...SCORES, access: 9 },
      headers: { 'x-tracking-secret': secret, 'accept-language': 'en' },
      remoteAddress: freshIp(),
    });
    expect(en.json<{ error: { message: string } }>().error.message).toBe('Invalid input');
    expect(await countRows(t, 'dossier_ratings')).toBe(before);
    expect((await rate(d.code, secret, { ...SCORES, comment: '' })).json<RatingResult>().rating.comment).toBeNull();
  });

  it('keeps one rating when the same dossier is rated twice at the same moment', async () => {
    const { dossier: d, secret } = await refused();
    const results = await Promise.all([rate(d.code, secret), rate(d.code, secret, { ...SCORES, access: 1 }), rate(d.code, secret, { ...SCORES, access: 2 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await t.db.$count(dossierRatings, eq(dossierRatings.dossierId, d.id))).toBe(1);
    expect(await t.db.$count(auditLog, and(eq(auditLog.entityType, 'dossier_rating'), eq(auditLog.entityId, d.id)))).toBe(1);
  });

  it('counts guesses on one code across tracking and rating', async () => {
    const { dossier: d, secret } = await refused();
    for (let i = 0; i < TRACKING_PER_CODE_PER_MIN; i++) {
      const res = await t.anonymous().request({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(d.code)}`, headers: { 'x-tracking-secret': 'WRONG' }, remoteAddress: freshIp() });
      expect(res.statusCode).toBe(404);
    }
    const limited = await rate(d.code, secret);
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    expect(await t.db.$count(dossierRatings, eq(dossierRatings.dossierId, d.id))).toBe(0);
  });
});
