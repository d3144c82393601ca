// Bad input from staff answered with field paths and nothing written; retried requests acting once; two officers classifying one letter at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, LetterView, StaffLetterResult } from '../../../common/letters.schema';
import type { CasePage, LetterPage } from '../../../common/letters-inbox.schema';
import type { TestClient } from '../../testing/harness';
import { clock } from './letters.clock';
import { act, caseOf, checks, classify, content, countRows, errorOf, fieldPaths, record, recordOk, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
});
afterAll(() => t.close());

const TABLES = ['letters', 'letter_cases', 'letter_case_letters', 'letter_files', 'workflow_steps', 'code_counters', 'audit_log'];
async function snapshot() {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = await countRows(t, table);
  return out;
}

describe('bad input', () => {
  it('names every problem of an intake and writes nothing', async () => {
    const before = await snapshot();
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const forwarded = await record(tiepdan, { channel: 'forwarded', receivedAt: tomorrow, agencyId: await t.agencyId('99002.UB') });
    expect(forwarded.statusCode).toBe(400);
    expect(fieldPaths(forwarded)).toEqual(['body.agencyId', 'body.forwardedFrom', 'body.receivedAt']);
    const notForwarded = await record(tiepdan, { forwardedFrom: { agencyName: 'Sở X', documentNumber: '1/CV' } });
    expect(fieldPaths(notForwarded)).toEqual(['body.forwardedFrom']);
    const schema = await record(tiepdan, { channel: 'email', dated: 'yes', language: 'Vietnamese', writer: { email: 'not-an-email' } });
    expect(fieldPaths(schema)).toEqual(expect.arrayContaining(['body.channel', 'body.dated', 'body.language', 'body.writer.email']));
    const english = await record(tiepdan, { writer: { email: 'x' } }, { 'accept-language': 'en' });
    expect(errorOf(english).code).toBe('invalid_input');
    expect(english.json<{ error: { message: string } }>().error.message).toBe('Invalid input');
    expect(await snapshot()).toEqual(before);
  });

  it('names every problem of a classification, each under its content, and leaves the letter unclassified', async () => {
    const { letter } = await recordOk(tiepdan);
    const before = await snapshot();
    const res = await classify(tiepdan, letter.id, [
      { ...content('complaint'), checks: { inVietnamese: true, namesAccused: true } },
      { ...content('denunciation'), checks: checks('denunciation', false) },
      { ...content('petition'), aboutRegulation: true },
    ]);
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual([
      'body.cases.0.checks.dated',
      'body.cases.0.checks.namesAccused',
      'body.cases.0.checks.namesTarget',
      'body.cases.0.checks.signed',
      'body.cases.0.checks.statesContent',
      'body.cases.0.checks.statesReasons',
      'body.cases.0.checks.statesRequest',
      'body.cases.0.checks.writerIdentified',
      'body.cases.1.notProcessableReason',
      'body.cases.2.aboutRegulation',
    ]);
    expect(fieldPaths(await classify(tiepdan, letter.id, []))).toEqual(['body.cases']);
    expect(fieldPaths(await classify(tiepdan, letter.id, [{ ...content('complaint'), type: 'gossip' }]))).toEqual(['body.cases.0.type']);
    expect(await snapshot()).toEqual(before);
    expect((await tiepdan.get(`/api/letters/${letter.id}`)).json<LetterView>().state).toBe('received');
  });

  it('names the problems of an action and refuses undeclared fields', async () => {
    const c = await caseOf(tiepdan, 'complaint');
    const res = await act(tiepdan, c.id, 'file_away', { data: { fileReason: 'bored', mood: 'bad' }, dueOverride: '2030-01-01' });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.data.fileReason', 'body.data.mood', 'body.data.reason', 'body.dueOverride']);
    // The undeclared key is named, in the reader's language.
    expect(errorOf(res).details?.fields).toContainEqual({ path: 'body.data.mood', message: 'Trường không được khai báo cho thao tác này' });
    const en = await act(tiepdan, c.id, 'file_away', { data: { reason: 'Trùng', mood: 'bad' } }, { 'accept-language': 'en' });
    expect(errorOf(en).details?.fields).toContainEqual({ path: 'body.data.mood', message: 'Field not declared for this action' });
    // An unknown key of the body itself is named too.
    const top = await act(tiepdan, c.id, 'file_away', { data: { reason: 'Trùng' }, mood: 'bad' });
    expect(errorOf(top).details?.fields).toEqual([{ path: 'body.mood', message: 'Trường không được phép' }]);
    const unknown = await act(tiepdan, c.id, 'fly');
    expect(errorOf(unknown)).toMatchObject({ code: 'invalid_transition', details: { reason: 'unknown_action' } });
    const file = await act(tiepdan, c.id, 'forward', {
      data: { receivingBody: 'Sở Tài nguyên', reason: 'Ngoài thẩm quyền', documentNumber: '1/PC' },
      attachments: [{ fileId: crypto.randomUUID(), name: 'phieu.pdf' }],
    });
    expect(fieldPaths(file)).toEqual(['body.attachments.0.fileId']);
    expect((await tiepdan.get(`/api/letter-cases/${c.id}`)).json<CaseView>().state).toBe('to_process');
  });
});

describe('retries and races', () => {
  it('acts once for a retried intake, classification and action with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'letters-intake-retry-0001' };
    const first = await record(tiepdan, {}, key);
    const again = await record(tiepdan, {}, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const a = first.json<StaffLetterResult>();
    expect(again.json<StaffLetterResult>()).toEqual(a);

    const ckey = { 'idempotency-key': 'letters-classify-retry-0001' };
    const c1 = await classify(tiepdan, a.letter.id, [content('petition')], {}, ckey);
    const c2 = await classify(tiepdan, a.letter.id, [content('petition')], {}, ckey);
    expect(c1.statusCode, c1.body).toBe(200);
    expect(c2.headers['idempotent-replayed']).toBe('true');
    expect(c2.json<LetterView>().cases).toHaveLength(1);
    // Without the key the second classification is refused: the letter is classified already.
    expect(errorOf(await classify(tiepdan, a.letter.id, [content('petition')]))).toMatchObject({ code: 'invalid_transition', details: { reason: 'terminal_state' } });

    const caseId = c1.json<LetterView>().cases[0]?.id ?? '';
    const akey = { 'idempotency-key': 'letters-accept-retry-0001' };
    const x1 = await act(lanhdao, caseId, 'accept', {}, akey);
    const x2 = await act(lanhdao, caseId, 'accept', {}, akey);
    expect(x1.statusCode).toBe(200);
    expect(x2.headers['idempotent-replayed']).toBe('true');
    expect(x2.json<CaseView>().steps.map((s) => s.action)).toEqual(['start', 'accept']);
  });

  it('lets one of two simultaneous classifications of one letter through', async () => {
    const { letter } = await recordOk(tiepdan);
    const results = await Promise.all([classify(tiepdan, letter.id, [content('complaint')]), classify(lanhdao, letter.id, [content('petition'), content('feedback')])]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const view = (await tiepdan.get(`/api/letters/${letter.id}`)).json<LetterView>();
    expect([1, 2]).toContain(view.cases.length);
    expect(view.steps.map((s) => s.action)).toEqual(['start', 'classify']);
  });

  it('lets one of two simultaneous actions on one case through, and the answer shows the step it took', async () => {
    const c = await caseOf(tiepdan, 'petition');
    const results = await Promise.all([act(lanhdao, c.id, 'accept'), act(lanhdao, c.id, 'accept')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const ok = results.find((r) => r.statusCode === 200);
    expect(ok?.json<CaseView>().steps.map((s) => s.action)).toEqual(['start', 'accept']);
    const view = (await lanhdao.get(`/api/letter-cases/${c.id}`)).json<CaseView>();
    expect(view.steps.map((s) => s.action)).toEqual(['start', 'accept']);
    expect(view.seq).toBe(2);
  });

  it('refuses an action on a case someone changed since the user read it (expectedSeq)', async () => {
    const c = await caseOf(tiepdan, 'petition');
    await act(lanhdao, c.id, 'accept');
    const stale = await act(tiepdan, c.id, 'withdraw', { expectedSeq: c.seq, data: { reason: 'Rút đơn' } });
    expect(errorOf(stale).code).toBe('concurrent_transition');
  });

  it('pages the case inbox and the letters by keyset: every item exactly once, in order', async () => {
    for (let i = 0; i < 3; i++) await caseOf(tiepdan, i === 1 ? 'petition' : 'complaint');
    const all = (await tiepdan.get('/api/letter-cases?limit=200')).json<CasePage>().items;
    const seen: CasePage['items'] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/letter-cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: CasePage = (await tiepdan.get(url)).json<CasePage>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((c) => c.id)).toEqual(all.map((c) => c.id));
    const due = seen.map((c) => c.dueAt ?? '9999');
    expect([...due].sort()).toEqual(due);
    const letters: string[] = [];
    cursor = null;
    do {
      const page: LetterPage = (await tiepdan.get(`/api/letters?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json<LetterPage>();
      letters.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(letters).toEqual((await tiepdan.get('/api/letters?limit=200')).json<LetterPage>().items.map((l) => l.id));
    expect(new Set(letters).size).toBe(letters.length);
    expect(fieldPaths(await tiepdan.get('/api/letter-cases?cursor=forged'))).toEqual(['querystring.cursor']);
  });
});
