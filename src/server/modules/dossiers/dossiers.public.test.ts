// The citizen's side through HTTP: online submission with uploads, tracking by code and secret, nothing revealed by a wrong secret, rate limits.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView, PublicDossierView, PublicSubmitResult } from '../../../common/dossiers.schema';
import { auditLog, dossierDocuments, dossiers } from '../../db/schema';
import { TRACKING_PER_CODE_PER_MIN, TRACKING_PER_IP_PER_MIN } from './dossiers.public.routes';
import { stepWriter } from '../../testing/minimal';
import { actOk, applicant, countRows, errorOf, fieldPaths, PDF, PNG, startDossierApp, upload, uploadOk, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let anBinh: string;
beforeAll(async () => {
  t = await startDossierApp();
  anBinh = await t.unitId('99001');
});
afterAll(() => t.close());

let ipCounter = 0;
/** A fresh client address per test, so that one test's look-ups do not use up another's allowance. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function submit(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.anonymous().request({ method: 'POST', url: '/api/public/dossiers', payload: body, headers, remoteAddress: freshIp() });
}

async function submitOk(): Promise<PublicSubmitResult> {
  const guest = t.anonymous();
  const form = await uploadOk(guest);
  const photo = await uploadOk(guest, '/api/public/files', 'cccd.png', PNG);
  const res = await submit({
    procedureCode: '1.004873',
    unitId: anBinh,
    applicant: applicant({ email: 'dan@example.vn', address: 'Thôn 1, xã An Bình' }),
    documents: [
      { fileId: form.id, name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân' },
      { fileId: photo.id, name: 'Căn cước công dân' },
    ],
    note: 'Nộp trực tuyến',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PublicSubmitResult>();
}

/** A guest's upload from an address of its own (uploads are limited per address), for a submission's documents. */
async function freshFile(): Promise<string> {
  const res = await upload(t.anonymous(), '/api/public/files', 'to-khai.pdf', PDF, 'application/pdf', freshIp());
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** The daily sequence number at the end of a code. */
const seqOf = (code: string) => Number(code.slice(code.lastIndexOf('-') + 1));

const track = (code: string, secret: string | null, ip = freshIp(), how: 'query' | 'header' = 'header') =>
  t.anonymous().request({
    method: 'GET',
    url: `/api/public/dossiers/${encodeURIComponent(code)}${secret !== null && how === 'query' ? `?secret=${encodeURIComponent(secret)}` : ''}`,
    headers: secret !== null && how === 'header' ? { 'x-tracking-secret': secret } : {},
    remoteAddress: ip,
  });

describe('online submission and tracking', () => {
  it('takes a guest submission with uploaded documents and shows its status by code and secret', async () => {
    const sub = await submitOk();
    expect(sub).toMatchObject({ state: 'submitted', trackingUrl: `/tra-cuu/${encodeURIComponent(sub.code)}` });
    expect(sub.code).toMatch(/^99001\.MC-\d{6}-\d{4}$/);
    const docs = await t.db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, sub.id));
    expect(docs.map((d) => d.kind)).toEqual(['application', 'application']);

    const res = await track(sub.code, sub.secret);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<PublicDossierView>();
    expect(view).toMatchObject({ code: sub.code, state: 'submitted', procedureCode: '1.004873', receivingUnitName: 'Xã An Bình', dueAt: null });
    expect(view.timeline).toHaveLength(1);
    // Typed by hand: lower case, no dashes, O for 0 and I for 1 are all accepted.
    const typed = sub.secret.toLowerCase().replace(/-/g, '').replace(/0/g, 'o').replace(/1/g, 'i');
    expect((await track(sub.code, typed, freshIp(), 'query')).statusCode).toBe(200);

    // The desk accepts it; the citizen sees the appointment but no staff names or notes.
    const motcua = await t.loginAs('motcua.anbinh');
    const seen = (await motcua.get(`/api/dossiers/${sub.id}`)).json<DossierView>();
    expect(seen).toMatchObject({ channel: 'online', applicant: { email: 'dan@example.vn' }, });
    expect(seen.documents.map((d) => d.mime).sort()).toEqual(['application/pdf', 'image/png']);
    const pdf = seen.documents.find((d) => d.mime === 'application/pdf');
    const download = await motcua.get(`/api/dossiers/${sub.id}/files/${pdf?.fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload).toEqual(PDF);
    expect((await (await t.loginAs('motcua.binhminh')).get(`/api/dossiers/${sub.id}/files/${pdf?.fileId}`)).statusCode).toBe(404);
    await actOk(motcua, sub.id, 'accept', { note: 'Ghi chú nội bộ: gọi điện xác minh', data: { copies: 1 } });
    const after = (await track(sub.code, sub.secret)).json<PublicDossierView>();
    expect(after.state).toBe('accepted');
    expect(after.dueAt).not.toBeNull();
    const text = JSON.stringify(after);
    expect(text).not.toContain('Vũ Thị Mai');
    expect(text).not.toContain('motcua.anbinh');
    expect(text).not.toContain('Ghi chú nội bộ');
  });

  it('answers a wrong secret, a missing secret and an unknown code with the same 404', async () => {
    const sub = await submitOk();
    const wrong = await track(sub.code, 'AAAA-BBBB-CCCC-DDDD-EEEE');
    const missing = await track(sub.code, null);
    const unknown = await track('99001.MC-000101-9999', sub.secret);
    for (const res of [wrong, missing, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string; message: string; details?: unknown } }>().error).toMatchObject({ code: 'dossier_not_found' });
    }
    const strip = (b: string) => b.replace(/"requestId":"[^"]+"/, '');
    expect(strip(wrong.body)).toBe(strip(unknown.body));
    expect(strip(missing.body)).toBe(strip(unknown.body));
  });

  it('gives each of many look-ups arriving together its own answer', async () => {
    const [a, b] = [await submitOk(), await submitOk()];
    const motcua = await t.loginAs('motcua.anbinh');
    await actOk(motcua, b.id, 'accept', { data: { copies: 1 } });
    // Sent at once, so that the server reads them together (db/batched.ts): the same code twice,
    // a wrong secret between right ones, an unknown code.
    const asked = [
      [a.code, a.secret],
      [b.code, 'AAAA-BBBB-CCCC-DDDD-EEEE'],
      [b.code, b.secret],
      ['99001.MC-000101-9999', a.secret],
      [a.code, a.secret],
      // A code no statement can take (a NUL) is refused before it is read, and spoils no other.
      [`${a.code}\u0000`, a.secret],
    ] as const;
    const answers = await Promise.all(asked.map(([code, secret]) => track(code, secret)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 404, 200, 404, 200, 400]);
    const views = [0, 2, 4].map((i) => answers[i]!.json<PublicDossierView>());
    expect(views.map((v) => [v.code, v.state, v.timeline.length])).toEqual([
      [a.code, 'submitted', 1],
      [b.code, 'accepted', 2],
      [a.code, 'submitted', 1],
    ]);
  });

  it('limits look-ups per address and per code', async () => {
    const sub = await submitOk();
    const ip = freshIp();
    for (let i = 0; i < TRACKING_PER_IP_PER_MIN; i++) expect((await track(`NOPE-${i}`, 'x', ip)).statusCode).toBe(404);
    const limited = await track(sub.code, sub.secret, ip);
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('rate_limited');
    // From many addresses, one code still gets only so many guesses.
    for (let i = 1; i < TRACKING_PER_CODE_PER_MIN; i++) expect((await track(sub.code, 'WRONG', freshIp())).statusCode).toBe(404);
    expect((await track(sub.code, sub.secret, freshIp())).statusCode).toBe(200);
    expect((await track(sub.code, sub.secret, freshIp())).statusCode).toBe(429);
  });

  it('refuses bad submissions with field paths and writes nothing', async () => {
    const guest = t.anonymous();
    const file = await uploadOk(guest);
    const before = { dossiers: await countRows(t, 'dossiers'), steps: await countRows(t, 'workflow_steps'), counters: await countRows(t, 'code_counters') };
    const bad = await submit({ procedureCode: '1.004873', unitId: anBinh, applicant: { name: '', idNumber: '12ab', email: 'x' }, documents: [] });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual(['body.applicant.email', 'body.applicant.idNumber', 'body.applicant.name', 'body.documents']);
    const noUnit = await submit({ procedureCode: '1.004873', applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] });
    expect(fieldPaths(noUnit)).toEqual(['body.unitId']);
    const noProc = await submit({ procedureCode: '9.999999', unitId: anBinh, applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] });
    expect(fieldPaths(noProc)).toEqual(['body.procedureCode']);
    const noFile = await submit({ procedureCode: '1.004873', unitId: anBinh, applicant: applicant(), documents: [{ fileId: crypto.randomUUID(), name: 'Tờ khai' }] });
    expect(fieldPaths(noFile)).toEqual(['body.documents.0.fileId']);
    expect({ dossiers: await countRows(t, 'dossiers'), steps: await countRows(t, 'workflow_steps'), counters: await countRows(t, 'code_counters') }).toEqual(before);
    // A file already in a dossier cannot be attached to another one.
    const sub = await submit({ procedureCode: '1.004873', unitId: anBinh, applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] });
    expect(sub.statusCode).toBe(201);
    const reuse = await submit({ procedureCode: '1.004873', unitId: anBinh, applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] });
    expect(fieldPaths(reuse)).toEqual(['body.documents.0.fileId']);
  });

  it('replays a retried submission with the same idempotency key instead of filing twice', async () => {
    const file = await uploadOk(t.anonymous());
    const body = { procedureCode: '1.004873', unitId: anBinh, applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] };
    const send = () => t.anonymous().request({ method: 'POST', url: '/api/public/dossiers', payload: body, headers: { 'idempotency-key': 'guest-retry-0001' }, remoteAddress: '10.9.9.9' });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    // The whole first answer: the code the statement numbered as well as the secret kept sealed.
    expect(second.json()).toEqual(first.json());
    expect(first.json<PublicSubmitResult>().trackingUrl).toBe(`/tra-cuu/${first.json<PublicSubmitResult>().code}`);
    expect(await t.db.$count(dossiers, eq(dossiers.code, first.json<PublicSubmitResult>().code))).toBe(1);
    // The same key with another request is refused, and files nothing.
    const before = await countRows(t, 'dossiers');
    const other = await t.anonymous().request({ method: 'POST', url: '/api/public/dossiers', payload: { ...body, note: 'khác' }, headers: { 'idempotency-key': 'guest-retry-0001' }, remoteAddress: '10.9.9.9' });
    expect(other.statusCode).toBe(422);
    expect(await countRows(t, 'dossiers')).toBe(before);
  });

  it('files once when the same submission is sent twice at the same moment', async () => {
    const file = await uploadOk(t.anonymous());
    const body = { procedureCode: '1.004873', unitId: anBinh, applicant: applicant(), documents: [{ fileId: file.id, name: 'Tờ khai' }] };
    const send = () => t.anonymous().request({ method: 'POST', url: '/api/public/dossiers', payload: body, headers: { 'idempotency-key': 'guest-twice-0001' }, remoteAddress: '10.9.9.10' });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json<PublicSubmitResult>().code).toBe(a.json<PublicSubmitResult>().code);
    expect(await t.db.$count(dossiers, eq(dossiers.code, a.json<PublicSubmitResult>().code))).toBe(1);
    // The request that lost wrote nothing, not even the number it took: the next dossier has the next one.
    const next = await submit({ ...body, documents: [{ fileId: await freshFile(), name: 'Tờ khai' }] });
    expect(next.statusCode, next.body).toBe(201);
    expect(seqOf(next.json<PublicSubmitResult>().code)).toBe(seqOf(a.json<PublicSubmitResult>().code) + 1);
  });

  it('joins submissions to two desks arriving together into one statement, never two to the same desk', async () => {
    const binhMinh = await t.unitId('99002');
    const to = async (unitId: string) => ({ procedureCode: '1.004873', unitId, applicant: applicant(), documents: [{ fileId: await freshFile(), name: 'Tờ khai' }] });
    // The transaction that wrote each dossier's first step (its row's xmin).
    const writers = async (subs: Array<{ statusCode: number; body: string }>) =>
      Promise.all(
        subs.map(async (r) => {
          expect(r.statusCode, r.body).toBe(201);
          return stepWriter(t.db, 'dossier', (JSON.parse(r.body) as PublicSubmitResult).id, 1);
        }),
      );
    const together = async (x: string, y: string) => {
      const [a, b] = await Promise.all([to(x), to(y)]);
      return writers(await Promise.all([submit(a), submit(b)]));
    };
    // Once each first, so that the desks and the code format are read and kept by the server.
    await together(anBinh, binhMinh);
    // Whether two requests reach their statements in the same turn depends on the pool's timing on
    // PostgreSQL: up to ten pairs, one of which must be written by one statement.
    let joined = false;
    for (let i = 0; i < 10 && !joined; i++) {
      const [a, b] = await together(anBinh, binhMinh);
      joined = a !== undefined && a === b;
    }
    expect(joined).toBe(true);
    // Two numbers of one desk's day are never taken by one statement: each is written on its own.
    for (let i = 0; i < 3; i++) expect(new Set(await together(anBinh, anBinh)).size).toBe(2);
  });

  it('numbers 20 online submissions arriving together in a gapless daily sequence, each code with its own dossier', async () => {
    const files = await Promise.all(Array.from({ length: 20 }, () => freshFile()));
    const bodies = files.map((fileId, i) => ({ procedureCode: '1.004873', unitId: anBinh, applicant: applicant({ name: `Người nộp ${i}` }), documents: [{ fileId, name: 'Tờ khai' }] }));
    const results = await Promise.all(bodies.map((b, i) => submit(b, { 'idempotency-key': `guest-together-${i}-0001` })));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const answers = results.map((r) => r.json<PublicSubmitResult>());
    for (const a of answers) expect(a.code).toMatch(/^99001\.MC-\d{6}-\d{4}$/);
    const seqs = answers.map((a) => seqOf(a.code)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => (seqs[0] ?? 0) + i));
    // Each answer's code is its own dossier's, and the creation's audit entry records it.
    for (const [i, a] of answers.entries()) {
      const [row] = await t.db.select({ code: dossiers.code, name: dossiers.applicantName }).from(dossiers).where(eq(dossiers.id, a.id));
      expect(row).toEqual({ code: a.code, name: `Người nộp ${i}` });
      const [created] = await t.db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'dossier.create')));
      expect(created?.after).toMatchObject({ code: a.code, applicantName: `Người nộp ${i}` });
    }
  });

  it('rate-limits uploads per address', async () => {
    const ip = '10.8.8.8';
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++) last = (await upload(t.anonymous(), '/api/public/files', 'a.pdf', PNG, 'image/png', ip)).statusCode;
    expect(last).toBe(429);
  });

  it("lets the applicant resubmit a completed file and withdraw it with code and secret, and nothing else", async () => {
    const sub = await submitOk();
    const motcua = await t.loginAs('motcua.anbinh');
    await actOk(motcua, sub.id, 'request_completion', { data: { missingDocuments: [{ name: 'Bản sao CCCD' }] } });
    const citizen = (action: string, body: Record<string, unknown>, secret = sub.secret) =>
      t.anonymous().request({
        method: 'POST',
        url: `/api/public/dossiers/${encodeURIComponent(sub.code)}/actions/${action}`,
        payload: body,
        headers: { 'x-tracking-secret': secret },
        remoteAddress: freshIp(),
      });
    const wrong = await citizen('resubmit', {}, 'AAAA-BBBB-CCCC-DDDD-EEEE');
    expect(wrong.statusCode).toBe(404);
    expect(errorOf(wrong).code).toBe('dossier_not_found');
    const file = await uploadOk(t.anonymous(), '/api/public/files', 'cccd.pdf');
    const back = await citizen('resubmit', { attachments: [{ fileId: file.id, name: 'Bản sao CCCD' }] });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<PublicDossierView>().state).toBe('submitted');
    const docs = await t.db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, sub.id));
    expect(docs.filter((d) => d.kind === 'supplement').map((d) => d.fileId)).toEqual([file.id]);
    const steps = (await motcua.get(`/api/dossiers/${sub.id}`)).json<DossierView>().steps;
    expect(steps.at(-1)).toMatchObject({ action: 'resubmit', actorLabel: 'Nguyễn Văn Dân (công dân)' });
    const accept = await citizen('accept', {});
    expect(accept.statusCode).toBe(403);
    const gone = await citizen('withdraw', { data: { reason: 'Không còn nhu cầu' } });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json<PublicDossierView>()).toMatchObject({ state: 'withdrawn', timeline: expect.arrayContaining([expect.objectContaining({ action: 'withdraw', data: { reason: 'Không còn nhu cầu' } })]) as unknown });
  });
});
