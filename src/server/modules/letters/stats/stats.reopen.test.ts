// Letter statistics of past periods do not change when a case is reopened or a letter unfiled later: each period shows its letters and cases as they stood at its end (HTTP, clock moved).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LetterStatsResult } from '../../../../common/letter-stats.schema';
import type { LetterView } from '../../../../common/letters.schema';
import type { TestClient } from '../../../testing/harness';
import { clock } from '../letters.clock';
import { actOk, classifyOk, content, recordOk, staffId, startLetterApp } from '../letters.test-helpers';
import { at, doc, resolvedComplaint, step, type LetterTestApp } from './stats.test-data';

let t: LetterTestApp;
let tiepdan: TestClient;
let officers: { leader: TestClient; specialist: TestClient; specialistId: string };
const realNow = clock.now;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  const specialist = await t.loginAs('chuyenvien.anbinh');
  officers = { leader: await t.loginAs('lanhdao.anbinh'), specialist, specialistId: await staffId(specialist) };
}, 240_000);
afterEach(() => {
  clock.now = realNow;
});
afterAll(() => t.close());

/** A case, its letter's code and the tracking secret: what the writer reopens with. */
interface Reopenable {
  c: LetterView['cases'][number];
  code: string;
  secret: string;
}

/** A complaint received at `local` and classified an hour later; its case, the letter's code and tracking secret. */
async function complaintAt(local: string): Promise<Reopenable> {
  at(local);
  const { letter, secret } = await recordOk(tiepdan, { channel: 'post', receivedAt: `${local}+07:00` });
  at(local.replace('T09', 'T10'));
  const c = (await classifyOk(tiepdan, letter.id, [content('complaint')])).cases[0];
  if (!c) throw new Error('no case');
  return { c, code: letter.code, secret };
}

/** The writer asks to reopen the case at `local`, by the letter's code and secret. */
async function reopen(k: Reopenable, local: string): Promise<void> {
  at(local);
  const res = await t.anonymous().request({
    method: 'POST',
    url: `/api/public/letters/${encodeURIComponent(k.code)}/reopen`,
    payload: { caseCode: k.c.code, reason: 'Quyết định chưa giải quyết triệt để, đề nghị xem xét lại.' },
    headers: { 'x-tracking-secret': k.secret },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function totalOf(from: string, to: string): Promise<LetterStatsResult['total']> {
  // Asked in August: every period below has ended.
  at('2026-08-10T09:00:00');
  const res = await tiepdan.get(`/api/letters/stats?from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  const r = res.json<LetterStatsResult>();
  expect(r.period.current).toBe(false);
  return r.total;
}

describe('GET /api/letters/stats after a case is reopened', () => {
  it("keeps each ended period as it stood at its end: a resolution then is counted, a reopening or a new decision after it is not", async () => {
    // C1: received 4 May, accepted 5 May (due 4 Jun), resolved 10 Jun (late); the writer reopens it on 5 Jul, nothing done since.
    const c1 = await complaintAt('2026-05-04T09:00:00');
    await resolvedComplaint(officers, c1.c.id, '2026-05-05T09:00:00', '2026-06-10T15:00:00');
    // C2: received 6 May, accepted 7 May, resolved 27 May (on time); reopened on 18 Jun (10 days to process again), forwarded on 3 Jul.
    const c2 = await complaintAt('2026-05-06T09:00:00');
    await resolvedComplaint(officers, c2.c.id, '2026-05-07T09:00:00', '2026-05-27T15:00:00');
    await reopen(c2, '2026-06-18T09:00:00');
    at('2026-07-03T09:00:00');
    await actOk(tiepdan, c2.c.id, 'forward', {
      data: { receivingBody: 'Thanh tra tỉnh', reason: 'Nội dung xem xét lại thuộc thẩm quyền cấp tỉnh', documentNumber: '31/PC-UBND' },
      attachments: await doc(tiepdan),
    });
    await reopen(c1, '2026-07-05T09:00:00');

    const common = { cases: 2, processable: 2, notProcessable: 0, returned: 0, guided: 0, filed: 0, referred: 0, withdrawn: 0 };
    // End of May: C2 resolved, C1 being resolved within its deadline.
    expect(await totalOf('2026-05-01', '2026-05-31')).toMatchObject({
      ...common,
      withinJurisdiction: 2,
      accepted: 2,
      resolved: 1,
      resolvedRate: 0.5,
      forwarded: 0,
      inProgress: 1,
      overdue: 0,
      finishedLate: 0,
    });
    // End of June: C1 resolved (late) and reopened only in July; C2 reopened on 18 Jun, open again and past its
    // 10 days, still accepted (the forwarding came in July).
    expect(await totalOf('2026-05-01', '2026-06-30')).toMatchObject({
      ...common,
      withinJurisdiction: 2,
      accepted: 2,
      resolved: 1,
      resolvedRate: 0.5,
      forwarded: 0,
      inProgress: 1,
      overdue: 1,
      finishedLate: 1,
    });
    // End of July: C1 reopened (open, past its new 10 days), C2 forwarded, after its 10 days: neither resolved any more.
    expect(await totalOf('2026-05-01', '2026-07-31')).toMatchObject({
      ...common,
      withinJurisdiction: 1,
      accepted: 1,
      resolved: 0,
      resolvedRate: 0,
      forwarded: 1,
      inProgress: 1,
      overdue: 1,
      finishedLate: 1,
    });
  });

  it('counts a case resolved again after its reopening at its second end, and the running period as of now', async () => {
    // C3: received 2 Feb, accepted 3 Feb, resolved 20 Feb; reopened 2 Mar; accepted again 4 Mar and resolved again 25 Mar.
    const c3 = await complaintAt('2026-02-02T09:00:00');
    await resolvedComplaint(officers, c3.c.id, '2026-02-03T09:00:00', '2026-02-20T15:00:00');
    await reopen(c3, '2026-03-02T09:00:00');
    await step(officers.leader, c3.c.id, '2026-03-04T09:00:00', 'accept', { data: { instance: 'first', complex: false, remoteArea: false } });
    const before = { cases: 1, accepted: 1, withinJurisdiction: 1, finishedLate: 0 };
    expect(await totalOf('2026-02-01', '2026-02-28')).toMatchObject({ ...before, resolved: 1, inProgress: 0, overdue: 0 });
    // Mid-March, asked then (a running period): accepted again and being resolved.
    at('2026-03-15T09:00:00');
    const running = (await tiepdan.get('/api/letters/stats?from=2026-02-01&to=2026-03-15')).json<LetterStatsResult>();
    expect(running.period.current).toBe(true);
    expect(running.total).toMatchObject({ ...before, resolved: 0, inProgress: 1, overdue: 0 });
    await step(officers.specialist, c3.c.id, '2026-03-25T08:00:00', 'submit_report', { data: { report: 'Đã xác minh lại' } });
    at('2026-03-25T15:00:00');
    await actOk(officers.leader, c3.c.id, 'resolve', {
      data: { result: 'partly_upheld', decisionNumber: '45/QĐ-UBND', decisionDate: '2026-03-25', signer: 'Chủ tịch UBND xã' },
      attachments: await doc(officers.leader, 'quyet-dinh.pdf'),
    });
    expect(await totalOf('2026-02-01', '2026-02-28')).toMatchObject({ ...before, resolved: 1, inProgress: 0 });
    expect(await totalOf('2026-02-01', '2026-03-31')).toMatchObject({ ...before, resolved: 1, inProgress: 0, overdue: 0 });
  });
});

describe('GET /api/letters/stats after a letter filed as a duplicate is unfiled', () => {
  it('keeps the letter a duplicate in the period it was filed in, and counts its own case only from its classification', async () => {
    // L1: received 5 Nov 2025, its complaint case K. L2: received 12 Nov, filed 13 Nov as a duplicate of K; unfiled
    // 10 Dec, classified 11 Dec into a petition of its own.
    const k = await complaintAt('2025-11-05T09:00:00');
    at('2025-11-12T09:00:00');
    const l2 = (await recordOk(tiepdan, { channel: 'post', receivedAt: '2025-11-12T09:00:00+07:00' })).letter;
    at('2025-11-13T09:00:00');
    const marked = await tiepdan.post(`/api/letters/${l2.id}/mark-duplicate`, { caseId: k.c.id });
    expect(marked.statusCode, marked.body).toBe(200);
    const nov = { letters: 2, toClassify: 0, duplicates: 1, cases: 1, inProgress: 1 };
    expect(await totalOf('2025-11-01', '2025-11-30')).toMatchObject(nov);

    at('2025-12-10T09:00:00');
    const unmarked = await tiepdan.post(`/api/letters/${l2.id}/unmark-duplicate`, { reason: 'Nội dung khác với vụ việc đã có, cần phân loại riêng' });
    expect(unmarked.statusCode, unmarked.body).toBe(200);
    expect(await totalOf('2025-11-01', '2025-11-30')).toMatchObject(nov);
    at('2025-12-10T10:00:00');
    const running = (await tiepdan.get('/api/letters/stats?from=2025-11-01&to=2025-12-10')).json<LetterStatsResult>();
    expect(running.total).toMatchObject({ letters: 2, toClassify: 1, duplicates: 0, cases: 1 });

    at('2025-12-11T09:00:00');
    await classifyOk(tiepdan, l2.id, [content('petition')]);
    // November is unchanged: L2's petition did not exist at its end.
    expect(await totalOf('2025-11-01', '2025-11-30')).toMatchObject(nov);
    expect(await totalOf('2025-11-01', '2025-12-31')).toMatchObject({ letters: 2, toClassify: 0, duplicates: 0, cases: 2, inProgress: 2 });
  });
});
